"""Module level: [PyConstant] constants, __version__ and a [PySubmodule] (tests/NdTestModule/ModuleLevel.cs)."""
import os
import pathlib
import pickle
import re
import subprocess
import sys

import pytest

import nd_test
import nd_test.shapes

MODULES = pathlib.Path(nd_test.__file__).parent
HERE = pathlib.Path(__file__).resolve().parent


def test_constants_have_their_values_and_python_types():
    assert nd_test.MAX_ITEMS == 64 and type(nd_test.MAX_ITEMS) is int
    assert nd_test.GOLDEN == 1.618033988749895 and type(nd_test.GOLDEN) is float
    assert nd_test.GREETING == "h\u00e9llo \U0001F40D"
    assert nd_test.DEBUG_BUILD is False
    assert nd_test.BIGGEST_LONG == 2**63 - 1
    assert nd_test.ALL_BITS == 2**64 - 1
    assert nd_test.MACHINE_EPSILON == sys.float_info.epsilon
    assert nd_test.IMAGINARY_UNIT == 1j and type(nd_test.IMAGINARY_UNIT) is complex
    assert nd_test.NOTHING is None
    assert nd_test.SOME_COUNT == 3


def test_a_class_constant_is_one_object():
    assert type(nd_test.ORIGIN) is nd_test.ConstPoint
    assert (nd_test.ORIGIN.x, nd_test.ORIGIN.y) == (1.5, -2.0)
    assert nd_test.ORIGIN is nd_test.ORIGIN


def test_constants_are_upper_snake_case_unless_renamed():
    names = {n for n in dir(nd_test) if n.isupper()}
    assert {"MAX_ITEMS", "GOLDEN", "GREETING", "DEBUG_BUILD", "BIGGEST_LONG", "ALL_BITS", "MACHINE_EPSILON",
            "IMAGINARY_UNIT", "NOTHING", "SOME_COUNT", "ORIGIN"} <= names
    assert not hasattr(nd_test, "GOLDEN_RATIO")


def test_version_is_the_projects():
    # NdTestModule sets no Version: the .NET SDK's default, as its wheel's would be.
    assert nd_test.__version__ == "1.0.0"


def test_submodule_is_found_every_way():
    from nd_test import shapes
    from nd_test.shapes import Rect, area
    assert shapes is nd_test.shapes is sys.modules["nd_test.shapes"]
    assert shapes.__name__ == "nd_test.shapes"
    assert shapes.__doc__ == "Shapes: a submodule of nd_test, with its own functions, class and constant."
    assert area(2.0, 3.0) == 6.0 and Rect(2.0, 3.0).area() == 6.0
    assert shapes.SIDES == 4


@pytest.mark.parametrize("statement", [
    "import nd_test.shapes as s; print(s.area(2.0, 3.0))",
    "from nd_test.shapes import area; print(area(2.0, 3.0))",
    "from nd_test import shapes; print(shapes.area(2.0, 3.0))",
    "import nd_test; print(nd_test.shapes.area(2.0, 3.0))",
])
def test_submodule_imports_in_a_fresh_interpreter(statement):
    env = dict(os.environ, PYTHONPATH=str(MODULES))
    result = subprocess.run([sys.executable, "-c", statement], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "6.0"


def test_submodule_keeps_its_own_names():
    shapes = nd_test.shapes
    assert {"area", "unit_square", "to_corner", "describe", "Rect", "SIDES"} <= set(dir(shapes))
    assert not hasattr(nd_test, "area") and not hasattr(nd_test, "Rect") and not hasattr(nd_test, "SIDES")
    assert shapes.describe(3) == "int 3" and shapes.describe("x") == "str x"


def test_names_in_a_submodule_say_where_they_live():
    shapes = nd_test.shapes
    assert shapes.area.__module__ == "nd_test.shapes"
    assert shapes.Rect.__module__ == "nd_test.shapes"
    assert shapes.Rect.__qualname__ == "Rect" and shapes.Rect.__name__ == "Rect"
    assert repr(shapes.Rect) == "<class 'nd_test.shapes.Rect'>"
    with pytest.raises(TypeError, match=r"^area\(\) argument 'w' must be float, not str$"):
        shapes.area("1", 2.0)


def test_pickle_finds_submodule_classes_and_functions_by_name():
    shapes = nd_test.shapes
    assert pickle.loads(pickle.dumps(shapes.Rect)) is shapes.Rect
    assert pickle.loads(pickle.dumps(shapes.area)) is shapes.area


def test_classes_cross_between_module_and_submodule():
    shapes = nd_test.shapes
    r = shapes.to_corner(nd_test.ConstPoint(-3.0, 4.0))
    assert (r.w, r.h) == (3.0, 4.0)
    assert type(r.corner()) is nd_test.ConstPoint
    message = r"^to_corner\(\) argument 'corner' must be nd_test\.ConstPoint, not nd_test\.shapes\.Rect$"
    with pytest.raises(TypeError, match=message):
        shapes.to_corner(r)


def test_import_again_gives_the_same_submodule():
    shapes = nd_test.shapes
    saved = sys.modules.pop("nd_test")
    try:
        import nd_test as again
        assert again is saved and again.shapes is shapes
    finally:
        sys.modules["nd_test"] = saved


def test_constants_are_python_attributes():
    # A snapshot taken at import: Python may rebind the name, as it may math.pi.
    saved = nd_test.MAX_ITEMS
    nd_test.MAX_ITEMS = 1
    try:
        assert nd_test.MAX_ITEMS == 1
    finally:
        nd_test.MAX_ITEMS = saved


# --- stubs -------------------------------------------------------------------------------------------------------

# mypy is Debian's (python3-mypy, for its 3.11): the stub checks run there, as test_stubs.py's do.
needs_debian_mypy = pytest.mark.skipif(sys.prefix != "/usr" or sys.version_info[:2] != (3, 11),
                                       reason="mypy is Debian's /usr/bin/python3 package")


def mypy(*args):
    env = dict(os.environ, MYPYPATH=str(MODULES))
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull, *args],
                          capture_output=True, text=True, env=env, cwd=HERE, timeout=300)


def test_stubs_of_the_module_and_its_submodule():
    top = (MODULES / "nd_test.pyi").read_text()
    assert "\nimport nd_test.shapes as shapes\n" in top
    assert "\n__version__: str\n" in top
    assert "\nMAX_ITEMS: typing.Final = 64\n\"\"\"The most items a call takes.\"\"\"\n" in top
    assert "\nGOLDEN: typing.Final = 1.618033988749895\n" in top
    assert "\nMACHINE_EPSILON: typing.Final[float]\n" in top
    assert "\nNOTHING: typing.Final[str | None]\n" in top
    assert "\nORIGIN: typing.Final[ConstPoint]\n" in top
    sub = (MODULES / "nd_test" / "shapes.pyi").read_text()
    assert "\nSIDES: typing.Final = 4\n" in sub
    assert "\nfrom nd_test import ConstPoint\n" in sub
    assert re.search(r"^class Rect:", sub, re.M) and re.search(r"^def area\(w: float, h: float\) -> float:", sub, re.M)
    assert not re.search(r"^class Rect", top, re.M)


@needs_debian_mypy
def test_mypy_accepts_constants_and_submodule_imports():
    result = mypy("--strict", "typing/uses_module_level.py")
    assert result.returncode == 0, result.stdout + result.stderr


@needs_debian_mypy
def test_mypy_rejects_wrong_uses_on_each_marked_line():
    source = (HERE / "typing" / "misuses_module_level.py").read_text().splitlines()
    marked = {i for i, line in enumerate(source, start=1) if "# error:" in line}
    result = mypy("typing/misuses_module_level.py")
    assert result.returncode == 1
    reported = {int(m.group(1)) for m in re.finditer(r"misuses_module_level\.py:(\d+): error", result.stdout)}
    assert reported == marked, result.stdout


def test_container_constants():
    assert nd_test.LEVEL == (3, 1) and type(nd_test.LEVEL) is tuple
    assert nd_test.COLORS == ["red", "green"] and type(nd_test.COLORS) is list
