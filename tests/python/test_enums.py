"""C# enums as Python enum classes of the module (issue 17, item 6): IntEnum, IntFlag for [Flags],
members UPPER_SNAKE_CASE with the C# values, members in and out by identity, ints of defined values
in, unknown values a ValueError, another enum's member a TypeError, stubs typed with the classes.
Needs no numpy."""
import enum
import inspect
import os
import pathlib
import re
import subprocess
import sys

import pytest

import nd_test as m

HERE = pathlib.Path(__file__).resolve().parent


def test_classes_are_made_at_import_with_docs_and_module():
    assert issubclass(m.Color, enum.IntEnum) and not issubclass(m.Color, enum.IntFlag)
    assert issubclass(m.Permission, enum.IntFlag)
    assert m.Color.__doc__ == "A primary colour."
    assert m.Color.__module__ == "nd_test" and m.Color.__qualname__ == "Color"
    assert [(c.name, c.value) for c in m.Color] == [("RED", 1), ("GREEN", 2), ("BLUE", 3)]


def test_member_names_are_upper_snake_case_and_aliases_kept():
    assert m.Color.CRIMSON is m.Color.RED   # an alias (duplicate value)
    assert m.Permission.READ_WRITE == 3
    assert m.Signed.HTTP_SERVER_ERROR == 500 and m.Signed.MINUS_ONE == -1
    assert m.Nested.SECOND_VALUE == 1
    assert m.OtherColor.MAGENTA == 1     # [PyEnum("OtherColor")] on NdTestModule.Other.Color


def test_members_come_back_by_identity():
    assert m.echo_color(m.Color.BLUE) is m.Color.BLUE
    assert m.green() is m.Color.GREEN
    assert m.echo_color(2) is m.Color.GREEN
    assert m.echo_color(m.Color.CRIMSON) is m.Color.RED
    assert m.color_name(m.Color.CRIMSON) in ("Red", "Crimson")
    assert m.echo_opt_color(None) is None
    assert m.echo_opt_color(m.Color.RED) is m.Color.RED


def test_ints_of_defined_values_are_accepted_others_are_value_errors():
    assert m.color_name(3) == "Blue"
    assert m.color_name(True) == "Red"   # bool is an int, as IntEnum(True) is
    for bad in (0, 4, -1, 2**70):
        with pytest.raises(ValueError, match=rf"echo_color\(\) argument 'c' = {bad} is not a valid Color \(RED=1, GREEN=2"):
            m.echo_color(bad)


def test_other_types_and_other_enums_are_type_errors():
    with pytest.raises(TypeError, match=r"argument 'c' must be Color, not Permission"):
        m.echo_color(m.Permission.READ)
    with pytest.raises(TypeError, match=r"argument 'c' must be Color, not OtherColor"):
        m.echo_color(m.OtherColor.MAGENTA)

    class PyColor(enum.Enum):
        RED = 1
    with pytest.raises(TypeError, match=r"must be Color, not PyColor"):
        m.echo_color(PyColor.RED)
    for bad in ("RED", 1.0, None, object()):
        with pytest.raises(TypeError, match=r"argument 'c' must be Color or int"):
            m.echo_color(bad)


def test_an_undefined_value_from_csharp_is_a_value_error():
    with pytest.raises(ValueError, match=r"42 is not a valid Color .*C# returned a value the enum does not define"):
        m.color_of(42)
    assert m.color_of(1) is m.Color.RED


def test_flags_combine():
    rw = m.echo_permission(m.Permission.READ | m.Permission.WRITE)
    assert rw is m.Permission.READ_WRITE
    rx = m.echo_permission(5)
    assert isinstance(rx, m.Permission) and rx == m.Permission.READ | m.Permission.EXECUTE
    assert m.echo_permission(0) is m.Permission.NONE
    assert m.can_write(6) and not m.can_write(m.Permission.READ)
    with pytest.raises(ValueError, match=r"argument 'p' = 8 is not a valid Permission .*or a combination of their bits"):
        m.echo_permission(8)


def test_underlying_types_byte_ulong_long():
    assert m.echo_byte_level(255) is m.ByteLevel.HIGH
    with pytest.raises(ValueError, match="= 256 is not a valid ByteLevel"):
        m.echo_byte_level(256)
    assert m.echo_big_mask(2**64 - 1) is m.BigMask.ALL_BITS
    assert m.echo_big_mask(m.BigMask.TOP_BIT) is m.BigMask.TOP_BIT and m.BigMask.TOP_BIT == 2**63
    with pytest.raises(ValueError, match="= -1 is not a valid BigMask"):
        m.echo_big_mask(-1)
    assert m.echo_signed(-1) is m.Signed.MINUS_ONE


def test_nested_and_renamed_enums():
    assert m.echo_nested_enum(m.Nested.FIRST) is m.Nested.FIRST
    assert m.echo_other_color(0) is m.OtherColor.CYAN


def test_enum_property_and_default():
    p = m.Paint()
    assert p.color is m.Color.BLUE
    p.color = 1
    assert p.color is m.Color.RED
    with pytest.raises(ValueError, match="'Paint' attribute 'color' = 9 is not a valid Color"):
        p.color = 9
    assert str(inspect.signature(m.Paint)) == "(color=<Color.BLUE: 3>)"


def test_members_are_ints_for_numpy_free_arithmetic():
    assert m.Color.BLUE + 1 == 4
    assert int(m.echo_permission(3)) == 3


def test_stub_declares_the_classes():
    text = (pathlib.Path(m.__file__).with_name("nd_test.pyi")).read_text()
    assert '\nclass Color(enum.IntEnum):\n    """A primary colour."""\n    RED = 1\n    GREEN = 2\n    BLUE = 3\n    CRIMSON = 1\n' in text
    assert "\nclass Permission(enum.IntFlag):" in text
    assert "def echo_color(c: Color) -> Color:" in text
    assert "def __init__(self, color: Color = Color.BLUE) -> None:" in text
    assert "\nimport enum\n" in text


MYPY_PYTHON = "/usr/bin/python3"   # Debian's mypy (test_stubs.py's); pyenv's interpreters have none


def _mypy(*args):
    env = dict(os.environ, MYPYPATH=str(pathlib.Path(m.__file__).parent))
    return subprocess.run([MYPY_PYTHON, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull, *args],
                          capture_output=True, text=True, env=env, cwd=HERE, timeout=300)


@pytest.mark.skipif(not os.path.exists(MYPY_PYTHON) or subprocess.run(
    [MYPY_PYTHON, "-c", "import mypy"], capture_output=True).returncode != 0, reason="needs Debian's mypy")
def test_mypy_accepts_right_calls_and_rejects_each_wrong_one():
    ok = _mypy("--strict", "typing/uses_values.py")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    source = (HERE / "typing" / "misuses_values.py").read_text().splitlines()
    marked = {i for i, line in enumerate(source, start=1) if "# error:" in line}
    bad = _mypy("typing/misuses_values.py")
    reported = {int(x.group(1)) for x in re.finditer(r"misuses_values\.py:(\d+): error", bad.stdout)}
    assert reported == marked, bad.stdout
