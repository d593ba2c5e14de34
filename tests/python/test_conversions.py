"""Scalar conversions, both ways: ranges, int/float/bool/str rules, None for nullable parameters."""
import decimal
import fractions
import math

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import pytest
from hypothesis import given, strategies as st

import nd_test

INTS = {
    # name: (function, min, max)
    "int8": (nd_test.echo_int8, -2**7, 2**7 - 1),
    "uint8": (nd_test.echo_uint8, 0, 2**8 - 1),
    "int16": (nd_test.echo_int16, -2**15, 2**15 - 1),
    "uint16": (nd_test.echo_uint16, 0, 2**16 - 1),
    "int32": (nd_test.echo_int32, -2**31, 2**31 - 1),
    "uint32": (nd_test.echo_uint32, 0, 2**32 - 1),
    "int64": (nd_test.echo_int64, -2**63, 2**63 - 1),
    "uint64": (nd_test.echo_uint64, 0, 2**64 - 1),
}
int_types = pytest.mark.parametrize("name", list(INTS))


class MyInt(int):
    pass


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class FloatLike:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value


class Raises:
    def __index__(self):
        raise ZeroDivisionError("from __index__")

    def __float__(self):
        raise ZeroDivisionError("from __float__")


class OnlyInt:
    def __int__(self):
        return 3


@int_types
def test_int_range_ends_round_trip(name):
    f, lo, hi = INTS[name]
    for value in (lo, hi, 0, 1, (lo + hi) // 2, 2**30 - 1, 2**30, -(2**30)):
        if lo <= value <= hi:
            result = f(value)
            assert result == value and type(result) is int


@int_types
def test_int_one_past_each_end_overflows(name):
    f, lo, hi = INTS[name]
    for value in (lo - 1, hi + 1, lo - 2**70, hi + 2**70):
        with pytest.raises(OverflowError) as info:
            f(value)
        message = str(info.value)
        assert message.startswith(f"echo_{name}() argument 'x' = ")
        assert f"is out of range for {name} ({lo} to {hi})" in message
    assert f(lo) == lo  # and the interpreter is fine afterwards


def test_overflow_message_shows_the_value_and_shortens_huge_ones():
    with pytest.raises(OverflowError, match=r"^echo_int8\(\) argument 'x' = 128 is out of range for int8 \(-128 to 127\)$"):
        nd_test.echo_int8(128)
    with pytest.raises(OverflowError, match=r"^echo_uint8\(\) argument 'x' = -1 is out of range for uint8 \(0 to 255\)$"):
        nd_test.echo_uint8(-1)
    with pytest.raises(OverflowError) as info:
        nd_test.echo_int32(-7 ** 300)
    assert "..." in str(info.value) and len(str(info.value)) < 200


@given(st.integers())
def test_ints_in_and_out_of_range(value):
    for name, (f, lo, hi) in INTS.items():
        if lo <= value <= hi:
            assert f(value) == value
        else:
            with pytest.raises(OverflowError, match=f"out of range for {name}"):
                f(value)


@int_types
def test_int_subclasses_and_index_objects(name):
    f, lo, hi = INTS[name]
    assert f(MyInt(hi)) == hi and type(f(MyInt(hi))) is int
    assert f(Index(hi)) == hi
    assert f(Index(lo)) == lo
    assert f(True) == 1 and type(f(True)) is int      # bool is an int subclass, as in CPython
    assert f(np.uint8(7)) == 7
    assert f(np.int64(lo if lo > -2**63 else -5)) == (lo if lo > -2**63 else -5)
    with pytest.raises(OverflowError):
        f(Index(hi + 1))
    with pytest.raises(OverflowError):
        f(MyInt(lo - 1))


@int_types
def test_floats_are_refused_for_ints(name):
    f = INTS[name][0]
    for value in (1.0, 0.0, float("nan"), np.float64(2.0), decimal.Decimal(1), fractions.Fraction(1, 1), "1", OnlyInt(), 1j):
        with pytest.raises(TypeError, match=rf"^echo_{name}\(\) argument 'x' must be int, not "):
            f(value)


def test_index_errors_propagate():
    with pytest.raises(ZeroDivisionError, match="from __index__"):
        nd_test.echo_int32(Raises())
    with pytest.raises(TypeError, match="__index__ returned non-int"):
        nd_test.echo_int64(Index("nope"))
    assert nd_test.echo_int32(5) == 5


@pytest.mark.parametrize("f", [nd_test.echo_float64, nd_test.echo_float32], ids=["float64", "float32"])
def test_floats_accept_ints_float_likes_and_index(f):
    assert f(1.5) == 1.5 and type(f(1.5)) is float
    assert f(3) == 3.0 and type(f(3)) is float
    assert f(True) == 1.0
    assert f(MyInt(4)) == 4.0
    assert f(FloatLike(2.25)) == 2.25
    assert f(Index(7)) == 7.0
    assert f(np.float32(0.5)) == 0.5
    assert f(np.int16(-3)) == -3.0
    assert f(decimal.Decimal("0.25")) == 0.25
    assert f(fractions.Fraction(1, 4)) == 0.25

    class FloatSub(float):
        pass

    assert f(FloatSub(8.5)) == 8.5 and type(f(FloatSub(8.5))) is float
    assert math.isinf(f(float("inf"))) and math.isnan(f(float("nan")))


@pytest.mark.parametrize("f", [nd_test.echo_float64, nd_test.echo_float32], ids=["float64", "float32"])
def test_floats_refuse_non_numbers(f):
    name = f.__name__
    for value, tname in (("1.0", "str"), (None, "None"), (1j, "complex"), (OnlyInt(), "OnlyInt"), ([1.0], "list"), (b"1", "bytes")):
        with pytest.raises(TypeError, match=rf"^{name}\(\) argument 'x' must be float, not {tname}$"):
            f(value)


def test_float_errors_propagate():
    with pytest.raises(ZeroDivisionError, match="from __float__"):
        nd_test.echo_float64(Raises())
    with pytest.raises(TypeError, match="__float__ returned non-float"):
        nd_test.echo_float64(FloatLike("x"))
    with pytest.raises(OverflowError, match="int too large to convert to float"):
        nd_test.echo_float64(2**1024)
    assert nd_test.echo_float64(1.0) == 1.0


@given(st.floats(allow_nan=False))
def test_float64_round_trip(value):
    assert nd_test.echo_float64(value) == value


@given(st.floats(allow_nan=False))
def test_float32_rounds_like_numpy(value):
    with np.errstate(over="ignore"):
        expected = float(np.float32(value))
    assert nd_test.echo_float32(value) == expected


def test_float32_overflow_becomes_infinity():
    assert nd_test.echo_float32(1e39) == math.inf
    assert nd_test.echo_float32(-1e39) == -math.inf
    assert nd_test.echo_float32(0.1) == float(np.float32(0.1))


def test_bool_is_strict():
    assert nd_test.echo_bool(True) is True
    assert nd_test.echo_bool(False) is False
    assert nd_test.echo_bool(np.bool_(True)) is True
    assert nd_test.echo_bool(np.bool_(False)) is False
    for value, tname in ((1, "int"), (0, "int"), (None, "None"), ("True", "str"), (1.0, "float"), (np.int8(1), "numpy.int8"), ([], "list")):
        with pytest.raises(TypeError, match=rf"^echo_bool\(\) argument 'x' must be bool, not {tname}$"):
            nd_test.echo_bool(value)


STRINGS = ["", "plain ascii", "naïve café", "日本語テキスト", "emoji 🐍🎉 astral", "nul\0inside", "\uffff\U0010ffff", "x" * 10_000]


@pytest.mark.parametrize("s", STRINGS, ids=range(len(STRINGS)))
def test_str_round_trip(s):
    assert nd_test.echo_str(s) == s
    assert type(nd_test.echo_str(s)) is str
    assert nd_test.utf16length(s) == len(s.encode("utf-16-le")) // 2


@given(st.text())
def test_arbitrary_str_round_trip(s):
    assert nd_test.echo_str(s) == s


def test_str_subclass_is_accepted():
    class MyStr(str):
        pass

    result = nd_test.echo_str(MyStr("sub"))
    assert result == "sub" and type(result) is str


def test_lone_surrogates_are_refused():
    for s in ("\ud800", "a\udfffb", "\udc80\udc80"):
        with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
            nd_test.echo_str(s)
    assert nd_test.echo_str("ok") == "ok"


def test_lone_surrogate_from_dotnet_is_replaced():
    assert nd_test.lone_surrogate() == "a\ufffdb"


NULLABLE = {
    "echo_opt_float64": (nd_test.echo_opt_float64, 2.5, "float"),
    "echo_opt_int32": (nd_test.echo_opt_int32, -7, "int"),
    "echo_opt_str": (nd_test.echo_opt_str, "text", "str"),
    "echo_opt_bool": (nd_test.echo_opt_bool, True, "bool"),
}


@pytest.mark.parametrize("name", list(NULLABLE))
def test_none_for_nullable(name):
    f, value, _ = NULLABLE[name]
    assert f(None) is None
    assert f(x=None) is None
    assert f(value) == value


@pytest.mark.parametrize("name", list(NULLABLE))
def test_nullable_still_checks_types(name):
    f, _, tname = NULLABLE[name]
    with pytest.raises(TypeError, match=rf"^{name}\(\) argument 'x' must be {tname}, not list$"):
        f([])
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'x'"):
        f()


def test_nullable_int_keeps_range_checks():
    with pytest.raises(OverflowError, match="out of range for int32"):
        nd_test.echo_opt_int32(2**31)
    assert nd_test.describe_opt(None) == "null"
    assert nd_test.describe_opt(-2**63) == f"value:{-2**63}"


@pytest.mark.parametrize("f", [nd_test.echo_float64, nd_test.echo_int32, nd_test.echo_str, nd_test.echo_bool, nd_test.echo_uint64])
def test_none_is_refused_for_non_nullable(f):
    with pytest.raises(TypeError, match=rf"^{f.__name__}\(\) argument 'x' must be \w+, not None$"):
        f(None)
