"""Overloads: C# methods of one name exported under one Python name are one callable, which calls
the first overload the arguments fit -- every argument of its exact type first, then allowing
conversions -- and raises nanobind's "incompatible function arguments" TypeError when none fits.
The functions are in tests/NdTestModule/Overloads.cs."""
import array
import inspect
import pathlib
import pydoc
import sys

import numpy as np
import pytest

import nd_test

MODULES = pathlib.Path(nd_test.__file__).parent

kind, pick, optional, clear = nd_test.kind, nd_test.pick, nd_test.optional, nd_test.clear

KIND_SIGNATURES = """\
    1. kind(x: bool) -> str
    2. kind(x: int) -> str
    3. kind(x: float) -> str
    4. kind(x: str) -> str
    5. kind(x: numpy.ndarray[float64]) -> str
    6. kind(x: numpy.ndarray[int64]) -> str
    7. kind(x: Money) -> str
    8. kind(x: float, y: float) -> str
    9. kind(text: str, times: int = 2) -> str
"""


def no_match(function, types):
    return (f"{function}(): incompatible function arguments. The following argument types are supported:\n"
            + KIND_SIGNATURES + f"\nInvoked with types: {types}")


@pytest.mark.parametrize("args, expected", [
    ((1,), "int:1"),                     # exact: int before float, although float also takes ints
    ((-2**63,), f"int:{-2**63}"),
    ((1.5,), "float:1.5"),
    ((np.float64(2.5),), "float:2.5"),    # a float subclass: exact
    ((True,), "bool:True"),              # exactly a bool, although int and float take it too
    ((False,), "bool:False"),
    (("s",), "str:s"),
    ((np.zeros(3),), "float64 array:3"),
    ((np.zeros((2, 3), np.int64),), "int64 array:6"),
    ((nd_test.Money(5),), "money:5 EUR"),
    ((1.0, 2.0), "point:1,2"),           # arity chooses
    (("ab",), "str:ab"),                 # one str: the one-argument overload, not text with its default
    (("ab", 3), "repeat:ababab"),
])
def test_exact_types_choose_the_overload(args, expected):
    assert kind(*args) == expected


@pytest.mark.parametrize("args, expected", [
    ((np.float32(1.5),), "float:1.5"),                            # __float__, no __index__: float
    ((np.int64(3),), "int:3"),                                     # __index__: the first overload taking it
    ((2**63,), f"float:{float(2**63)!r}".replace("e+", "E+")),     # beyond int64: int does not fit, float does
    ((1, 2), "point:1,2"),                                         # int -> float for both
    ((memoryview(array.array("d", [1.0, 2.0])),), "float64 array:2"),   # a buffer exporter of float64
    ((array.array("q", [1, 2, 3]),), "int64 array:3"),
])
def test_conversions_when_no_overload_takes_the_exact_types(args, expected):
    assert kind(*args) == expected


def test_bool_without_a_bool_overload_is_an_int():
    # As in CPython, bool is an int subclass: with no bool overload, True converts like an int,
    # so the first overload taking an int (in declaration order) is called.
    assert pick(True) == "int:1"
    assert pick(2**70) == f"float:{float(2**70)!r}".replace("e+", "E+")
    assert pick(np.float32(0.5)) == "float:0.5"


def test_keywords_bind_to_each_overloads_own_names():
    assert kind(x=1.5) == "float:1.5"
    assert kind(x=7) == "int:7"
    assert kind(y=2.0, x=1) == "point:1,2"
    assert kind(text="a", times=3) == "repeat:aaa"
    assert kind("a", times=3) == "repeat:aaa"
    assert kind(text="a") == "repeat:aa"    # only the text overload has a parameter named text


def test_none_and_missing_optionals():
    assert optional() == "none"
    assert optional(None) == "none"
    assert optional(x=None) == "none"
    assert optional("t") == "text:t"
    assert optional(2) == "float:2"
    assert optional(text="t") == "text:t"


def test_no_match_lists_every_signature_and_the_argument_types():
    with pytest.raises(TypeError) as e:
        kind(1, "a")
    assert str(e.value) == no_match("kind", "int, str")
    with pytest.raises(TypeError) as e:
        kind(np.zeros(2, np.int32))
    assert str(e.value) == no_match("kind", "numpy.ndarray[int32]")
    with pytest.raises(TypeError) as e:
        kind(1, z=3.0)
    assert str(e.value) == no_match("kind", "int, kwargs = { z: float }")
    with pytest.raises(TypeError) as e:
        kind()
    assert str(e.value) == no_match("kind", "")


@pytest.mark.parametrize("args, kwargs", [
    ((None,), {}),                      # None only for nullable parameters
    ((1j,), {}),                        # complex: no overload
    ((1.5, "b"), {}),
    (("a", 2, 3), {}),                  # too many for every overload
    (("a",), {"times": 2, "x": 1}),     # keywords of different overloads
    ((np.zeros((2, 2), np.float32),), {}),
    ((np.zeros(3).astype(">f8"),), {}),  # float64, but big-endian
    ((nd_test.Record(1),), {}),         # another [PyClass]
])
def test_what_no_overload_takes_is_a_type_error(args, kwargs):
    with pytest.raises(TypeError, match=r"^kind\(\): incompatible function arguments"):
        kind(*args, **kwargs)


def test_a_read_only_array_does_not_fit_a_writable_view():
    values = np.ones(3)
    assert clear(values) == "zeroed"
    assert values.tolist() == [0.0, 0.0, 0.0]
    values = np.ones(3)
    values.flags.writeable = False
    with pytest.raises(TypeError, match=r"(?s)^clear\(\): incompatible function arguments.*"
                                        r"1\. clear\(values: numpy\.ndarray\[float64\]\) -> str.*Invoked with types: numpy\.ndarray\[float64\]"):
        clear(values)


def test_failed_attempts_leave_nothing_behind():
    money = nd_test.Money(1)
    before = sys.getrefcount(money)
    for _ in range(100):
        with pytest.raises(TypeError):
            kind(money, "x")
        assert kind(money) == "money:1 EUR"
    assert sys.getrefcount(money) == before
    # A buffer tried and refused (bytes are not float64) was released: the bytearray can resize.
    data = bytearray(16)
    with pytest.raises(TypeError):
        kind(data)
    data.extend(b"more")
    assert len(data) == 20
    # The match checks leave no Python error set: a later call that succeeds sees none.
    assert kind(2**64) == f"float:{float(2**64)!r}".replace("e+", "E+")


def test_a_conversion_that_fails_after_the_choice_is_that_calls_error():
    class Index:
        def __index__(self):
            raise ValueError("no index today")

    # __index__ makes the int overload the choice; its conversion then raises the object's own error.
    with pytest.raises(ValueError, match="no index today"):
        kind(Index())


def test_docstring_lists_every_signature_and_no_text_signature():
    doc = kind.__doc__
    assert doc.startswith("kind(x: bool) -> str\nkind(x: int) -> str\n")
    assert "\nOverloaded function.\n\n1. kind(x: bool) -> str\n\n    The bool overload." in doc
    assert "\n9. kind(text: str, times: int = 2) -> str\n\n    Text repeated" in doc
    assert kind.__text_signature__ is None
    with pytest.raises(ValueError):
        inspect.signature(kind)
    text = pydoc.render_doc(kind, renderer=pydoc.plaintext)
    for line in KIND_SIGNATURES.splitlines():
        assert line.split(". ", 1)[1] in text


def test_stub_has_one_overload_def_per_overload():
    stub = (MODULES / "nd_test.pyi").read_text()
    assert stub.count("@typing.overload\ndef kind(") == 9
    assert "@typing.overload\ndef kind(x: numpy.typing.NDArray[numpy.int64]) -> str:" in stub
    assert "@typing.overload\ndef kind(text: str, times: int = 2) -> str:" in stub
    assert "@typing.overload\ndef optional(x: float | None = None) -> str:" in stub
    assert "def describe(" in stub and "@typing.overload\ndef describe(" not in stub   # not overloaded
