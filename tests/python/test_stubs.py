"""Type stubs: the publish step writes <module>.pyi (and py.typed) from the C# signatures, and
Debian's mypy accepts a typed program using nd_ext and rejects a wrong one."""
import os
import pathlib
import re
import subprocess
import sys

import pytest

import nd_ext
import nd_test

HERE = pathlib.Path(__file__).resolve().parent
MODULES = pathlib.Path(nd_ext.__file__).parent


def mypy(*args):
    env = dict(os.environ, MYPYPATH=str(MODULES))
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull, *args],
                          capture_output=True, text=True, env=env, cwd=HERE, timeout=300)


def test_stubs_are_written_next_to_the_modules():
    for module in (nd_ext, nd_test):
        stub = MODULES / f"{module.__name__}.pyi"
        assert stub.exists()
    assert (MODULES / "py.typed").exists()
    text = (MODULES / "nd_ext.pyi").read_text()
    assert "def add_scalars(x: float, y: float) -> float:" in text
    assert ("def add_scalar_to_array(scal: float, arr: numpy.typing.NDArray[numpy.float64]) "
            "-> numpy.typing.NDArray[numpy.float64]:") in text
    assert "def distance(self, other: Point | None = None) -> float:" in text
    assert "def __init__(self, x: float = 0.0, y: float = 0.0) -> None: ..." in text


def test_stub_of_a_class_without_doc():
    text = (MODULES / "nd_test.pyi").read_text()
    assert "\nclass Bare:\n    def __init__(self) -> None: ...\n    def answer(self) -> int: ...\n" in text


def test_every_stub_is_valid_for_mypy_strict():
    # nd_test.pyi imports its submodules' stubs (nd_test/<sub>.pyi), so mypy checks them too.
    result = mypy("--strict", str(MODULES / "nd_ext.pyi"), str(MODULES / "nd_test.pyi"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_stub_covers_every_export():
    text = (MODULES / "nd_test.pyi").read_text()
    for name in dir(nd_test):
        if name.startswith("_"):
            continue
        # Functions and classes; constants (NAME: typing.Final...) and submodules (import nd_test.x as x).
        assert re.search(rf"^((def|class) {name}\b|{name}: typing\.Final\b|import nd_test\.{name} as {name}$)",
                         text, re.M), name


def test_dtype_of_every_element_type_and_optionals():
    text = (MODULES / "nd_test.pyi").read_text()
    for dtype in ("bool_", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
                  "float16", "float32", "float64", "complex128", "complex64", "datetime64", "timedelta64", "object_"):
        assert f"numpy.typing.NDArray[numpy.{dtype}]" in text, dtype
    assert "float | None" in text


# Each topic has typing/uses_<topic>.py (right uses: mypy --strict passes) and typing/misuses_<topic>.py
# (every line marked "# error:" is reported, and no other).
TYPING_TOPICS = ["nd_ext", "containers", "callbacks", "numbers", "class_containers", "class_attributes",
                 "class_inheritance", "exception_classes", "array_views", "dtypes2"]


@pytest.mark.parametrize("topic", TYPING_TOPICS)
def test_mypy_accepts_right_uses(topic):
    result = mypy("--strict", f"typing/uses_{topic}.py")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("topic", TYPING_TOPICS)
def test_mypy_rejects_wrong_uses_on_each_marked_line(topic):
    source = (HERE / "typing" / f"misuses_{topic}.py").read_text().splitlines()
    marked = {i for i, line in enumerate(source, start=1) if "# error:" in line}
    assert marked
    result = mypy(f"typing/misuses_{topic}.py")
    assert result.returncode == 1
    reported = {int(m.group(1)) for m in re.finditer(rf"misuses_{topic}\.py:(\d+): error", result.stdout)}
    assert reported == marked, result.stdout


def test_stub_of_class_attributes_and_accessors():
    text = (MODULES / "nd_test.pyi").read_text()
    assert "    RED: typing.Final = 1\n" in text
    assert "    WHITE: typing.Final[Swatch]\n" in text
    assert "    made: typing.ClassVar[int]\n" in text
    assert ("    # write-only: reading raises AttributeError\n    @property\n    def secret(self) -> str:" in text)
    assert "    @label.deleter\n    def label(self) -> None: ...\n" in text
    assert "    def __setattr__(self, name: str, value: typing.Any) -> None: ...\n" in text
