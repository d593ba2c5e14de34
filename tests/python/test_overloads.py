"""Overloads: C# methods of one name exported under one Python name are one callable, which calls
the first overload the arguments fit -- every argument of its exact type first, then allowing
conversions -- and raises nanobind's "incompatible function arguments" TypeError when none fits.
The functions are in tests/NdTestModule/Overloads.cs."""
import array
import inspect
import pathlib
import pydoc
import sys

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
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


# --- a [PyClass]'s overloaded constructors and methods (Reading in Overloads.cs) ------------------

Reading = nd_test.Reading

READING_SIGNATURES = """\
    1. Reading(count: int)
    2. Reading(value: float)
    3. Reading(text: str, times: int = 2)
    4. Reading(samples: numpy.ndarray[float64])
"""

READING_KIND_SIGNATURES = """\
    1. kind(x: bool) -> str
    2. kind(x: int) -> str
    3. kind(x: float) -> str
    4. kind(text: str, times: int = 2) -> str
    5. kind(values: numpy.ndarray[float64]) -> str
    6. kind(other: Reading) -> str
"""


def class_no_match(function, signatures, types):
    return (f"{function}(): incompatible function arguments. The following argument types are supported:\n"
            + signatures + f"\nInvoked with types: {types}")


class Derived(Reading):
    """A Python subclass: constructed through tp_new, which dispatches the same way."""


@pytest.mark.parametrize("args, kwargs, expected", [
    ((1,), {}, "int:1"),                          # exact: int before float
    ((1.5,), {}, "float:1.5"),
    ((np.float64(2.5),), {}, "float:2.5"),
    (("ab",), {}, "repeat:abab"),
    (("ab", 3), {}, "repeat:ababab"),
    ((np.zeros(3),), {}, "float64 array:3"),
    ((np.int64(4),), {}, "int:4"),                # __index__: the int constructor converts it
    ((True,), {}, "int:1"),                       # no bool constructor: an int
    ((np.float32(0.5),), {}, "float:0.5"),        # __float__ only
    ((2**64,), {}, f"float:{float(2**64)!r}".replace("e+", "E+")),   # beyond int64: the float one
    ((), {"value": 2.0}, "float:2"),              # keywords bind to each constructor's own names
    ((), {"count": 3}, "int:3"),
    ((), {"text": "x", "times": 3}, "repeat:xxx"),
    (("x",), {"times": 1}, "repeat:x"),
    ((), {"samples": np.ones(2)}, "float64 array:2"),
])
@pytest.mark.parametrize("cls", [Reading, Derived], ids=["class", "subclass"])
def test_each_constructor_chosen(cls, args, kwargs, expected):
    made = cls(*args, **kwargs)
    assert type(made) is cls
    assert made.made == expected


def test_new_called_directly_dispatches_like_the_class():
    assert Reading.__new__(Reading, 7).made == "int:7"
    assert Reading.__new__(Derived, text="t").made == "repeat:tt"
    assert type(Reading.__new__(Derived, 1.0)) is Derived
    with pytest.raises(TypeError) as e:
        Reading.__new__(Reading, 1j, z=2)
    assert str(e.value) == class_no_match("Reading", READING_SIGNATURES, "complex, kwargs = { z: int }")


@pytest.mark.parametrize("cls", [Reading, Derived], ids=["class", "subclass"])
def test_no_constructor_fits_lists_them_all(cls):
    with pytest.raises(TypeError) as e:
        cls(1j)
    assert str(e.value) == class_no_match("Reading", READING_SIGNATURES, "complex")
    with pytest.raises(TypeError) as e:
        cls()
    assert str(e.value) == class_no_match("Reading", READING_SIGNATURES, "")
    with pytest.raises(TypeError) as e:
        cls(1, value=2.0)
    assert str(e.value) == class_no_match("Reading", READING_SIGNATURES, "int, kwargs = { value: float }")
    with pytest.raises(TypeError, match=r"^Reading\(\): incompatible function arguments"):
        cls(None)
    with pytest.raises(TypeError, match=r"^Reading\(\): incompatible function arguments"):
        cls(np.zeros(2, np.int32))


@pytest.mark.parametrize("args, kwargs, expected", [
    ((True,), {}, "bool:True"),
    ((2,), {}, "int:2"),
    ((2.5,), {}, "float:2.5"),
    (("x",), {}, "repeat:xx"),
    (("x", 3), {}, "repeat:xxx"),
    ((), {"text": "y", "times": 1}, "repeat:y"),
    ((), {"x": 7}, "int:7"),
    ((), {"x": 7.0}, "float:7"),
    ((np.int64(5),), {}, "int:5"),
    ((np.float32(1.5),), {}, "float:1.5"),
    ((Reading(2.0),), {}, "reading:float:2"),
    ((), {"other": Reading("a")}, "reading:repeat:aa"),
])
def test_each_method_overload_chosen(args, kwargs, expected):
    assert Reading(1).kind(*args, **kwargs) == expected


def test_a_read_only_array_does_not_fit_the_writable_view_overload():
    values = np.ones(3)
    assert Reading(1).kind(values) == "zeroed"
    assert values.tolist() == [0.0, 0.0, 0.0]
    values = np.ones(3)
    values.flags.writeable = False
    with pytest.raises(TypeError) as e:
        Reading(1).kind(values)
    assert str(e.value) == class_no_match("Reading.kind", READING_KIND_SIGNATURES, "numpy.ndarray[float64]")


def test_no_method_overload_fits_lists_them_all():
    reading = Reading(1)
    with pytest.raises(TypeError) as e:
        reading.kind(None)
    assert str(e.value) == class_no_match("Reading.kind", READING_KIND_SIGNATURES, "None")
    with pytest.raises(TypeError) as e:
        reading.kind(1, text="a")
    assert str(e.value) == class_no_match("Reading.kind", READING_KIND_SIGNATURES, "int, kwargs = { text: str }")
    with pytest.raises(TypeError) as e:
        reading.kind()
    assert str(e.value) == class_no_match("Reading.kind", READING_KIND_SIGNATURES, "")


def test_static_and_class_method_overloads():
    assert Reading.parse(3) == "int:3"
    assert Reading.parse("q") == "str:q"
    assert Reading(1).parse(text="r") == "str:r"      # a staticmethod through an instance
    assert Reading.parse(True) == "int:1"             # no bool overload: an int
    with pytest.raises(TypeError) as e:
        Reading.parse(1.5)
    assert str(e.value) == class_no_match("Reading.parse", "    1. parse(x: int) -> str\n    2. parse(text: str) -> str\n", "float")
    assert Reading.of(5).made == "int:5"
    assert Reading.of("t").made == "repeat:t"
    made = Derived.of(count=2)
    assert type(made) is Derived and made.made == "int:2"   # a classmethod's result takes the type of cls
    with pytest.raises(TypeError, match=r"^Reading\.of\(\): incompatible function arguments"):
        Reading.of(2.5)


def test_class_and_method_docstrings_list_every_signature():
    doc = Reading.__doc__
    assert doc.startswith("".join(line.split(". ", 1)[1] + "\n" for line in READING_SIGNATURES.splitlines()))
    assert "\nOverloaded function.\n\n1. Reading(count: int)\n\n    From a count." in doc
    assert "\n4. Reading(samples: numpy.ndarray[float64])\n\n    From an array of samples." in doc
    assert "Overloaded members of a [PyClass]" in doc      # the class's own doc
    assert Reading.__text_signature__ is None
    kind_doc = Reading.kind.__doc__
    assert kind_doc.startswith("kind(x: bool) -> str\nkind(x: int) -> str\n")
    assert "\n6. kind(other: Reading) -> str\n\n    Another reading." in kind_doc
    assert Reading.kind.__text_signature__ is None
    assert Reading.parse.__doc__.startswith("parse(x: int) -> str\nparse(text: str) -> str\n\nOverloaded function.")
    assert Reading.of.__doc__.startswith("of(count: int) -> Reading\nof(text: str) -> Reading\n\nOverloaded function.")
    for obj in (Reading.kind, Reading(1).kind, Reading.parse, Reading.of):
        with pytest.raises(ValueError):
            inspect.signature(obj)
    text = pydoc.render_doc(Reading, renderer=pydoc.plaintext)
    for line in (READING_SIGNATURES + READING_KIND_SIGNATURES).splitlines():
        assert line.split(". ", 1)[1] in text
    assert "of(text: str) -> Reading" in text and "parse(x: int) -> str" in text


def test_stub_has_overloaded_init_and_methods():
    stub = (MODULES / "nd_test.pyi").read_text()
    cls = stub[stub.index("class Reading"):]
    cls = cls[:cls.index("\n\n\n")] if "\n\n\n" in cls else cls
    assert cls.count("    @typing.overload\n    def __init__(self, ") == 4
    assert "    @typing.overload\n    def __init__(self, text: str, times: int = 2) -> None:" in cls
    assert cls.count("    @typing.overload\n    def kind(self, ") == 6
    assert "    @typing.overload\n    def kind(self, values: numpy.typing.NDArray[numpy.float64]) -> str:" in cls
    assert cls.count("    @typing.overload\n    @staticmethod\n    def parse(") == 2
    assert cls.count("    @typing.overload\n    @classmethod\n    def of(cls, ") == 2
    assert "def made(self) -> str:" in cls


def test_failed_method_attempts_leave_nothing_behind():
    reading, other = Reading(1), Reading(2)
    before = sys.getrefcount(other)
    for _ in range(100):
        with pytest.raises(TypeError):
            reading.kind(other, 1)
        assert reading.kind(other) == "reading:int:2"
        with pytest.raises(TypeError):
            Reading(other)
    assert sys.getrefcount(other) == before
