"""Bytes, big ints, decimals and the datetime family (issue 17, items 4 and 5): both ways, None for
the nullable forms, the rules of docs/guide.md ("Bytes, big integers, decimals, dates and times"),
and errors of the right type that name the argument. Needs no numpy."""
import array
import datetime as dt
import decimal
import gc
import sys

import pytest
from hypothesis import given, strategies as st

import nd_test as m

D = decimal.Decimal
UTC = dt.timezone.utc


# ---- bytes

@pytest.mark.parametrize("f", [m.echo_bytes, m.echo_memory, m.echo_span], ids=["byte[]", "ReadOnlyMemory", "ReadOnlySpan"])
@pytest.mark.parametrize("make", [bytes, bytearray, lambda b: memoryview(bytes(b)), lambda b: array.array("B", b)],
                         ids=["bytes", "bytearray", "memoryview", "array"])
def test_bytes_from_any_buffer_come_back_as_bytes(f, make):
    for data in (b"", b"\x00", b"hello\x00world", bytes(range(256)) * 5):
        out = f(make(data))
        assert type(out) is bytes and out == data


def test_non_byte_buffers_give_their_raw_bytes():
    a = array.array("d", [1.0, -2.5])
    assert m.echo_bytes(a) == a.tobytes() == m.echo_span(a)


@pytest.mark.parametrize("f", [m.echo_bytes, m.echo_memory, m.echo_span])
def test_a_non_contiguous_buffer_is_copied(f):
    view = memoryview(b"abcdefgh")[::3]
    assert f(view) == b"adg"
    assert m.sum_span(memoryview(bytes(range(10)))[1::2]) == 1 + 3 + 5 + 7 + 9


@pytest.mark.parametrize("f", [m.echo_bytes, m.echo_memory, m.echo_span])
def test_str_is_refused_with_a_hint_to_encode(f):
    with pytest.raises(TypeError, match=r"argument 'x' must be a bytes-like object .*not str; encode it first"):
        f("text")


@pytest.mark.parametrize("f", [m.echo_bytes, m.echo_memory, m.echo_span])
@pytest.mark.parametrize("bad", [1, 1.5, None, [1, 2], object()])
def test_non_buffers_are_a_type_error(f, bad):
    with pytest.raises(TypeError, match=r"argument 'x' must be a bytes-like object"):
        f(bad)


def test_nullable_bytes():
    assert m.echo_opt_bytes(None) is None
    assert m.echo_opt_bytes(b"a") == b"a"


def test_span_return_and_empty():
    assert m.counting(0) == b""
    assert m.counting(300) == bytes(i % 256 for i in range(300))


def test_a_span_reads_the_memory_in_place_and_the_export_blocks_resizing():
    """The buffer export is held for the call: a bytearray resized by a callback meanwhile raises
    BufferError instead of moving the memory under the span; the export is released afterwards."""
    data = bytearray(b"\x01\x02\x03")
    with pytest.raises(BufferError):
        m.sum_span_after(data, lambda n: data.extend(b"x" * 4096))
    assert data == b"\x01\x02\x03"
    data.extend(b"\x04")   # released: resizable again
    # Writes in place are seen (no copy was made).
    assert m.sum_span_after(data, lambda n: data.__setitem__(0, 100)) == 100 + 2 + 3 + 4


def test_the_export_is_released_when_the_function_throws():
    data = bytearray(b"abc")
    with pytest.raises(RuntimeError, match="read 3"):
        m.span_then_throw(data)
    data.extend(b"d")   # would be BufferError if the export leaked
    view = memoryview(bytearray(b"xy"))
    with pytest.raises(RuntimeError):
        m.span_then_throw(view)
    view.release()   # would raise BufferError while an export is held


def test_span_argument_errors_after_it_release_it():
    data = bytearray(b"abc")
    with pytest.raises(TypeError, match="argument 'during'"):
        m.sum_span_after(data, 5)
    data.extend(b"d")


def test_the_memoryview_of_a_released_buffer_is_refused():
    v = memoryview(b"abc")
    v.release()
    with pytest.raises(ValueError, match="released"):
        m.echo_span(v)


# ---- BigInteger

BIG = [0, 1, -1, 2**30 - 1, 2**30, -2**30, 2**31, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 2**64 - 1,
       -2**64, 2**1000, -2**1000, 2**1000 - 1, 10**400, -(10**400) + 1, 255, 256, -128, -129, 2**127 - 1, -2**127]


@pytest.mark.parametrize("n", BIG, ids=lambda n: str(n)[:20])
def test_big_integers_of_any_size_round_trip(n):
    out = m.echo_big_int(n)
    assert type(out) is int and out == n


@given(st.integers(min_value=-2**3000, max_value=2**3000), st.integers(min_value=-2**200, max_value=2**200))
def test_big_integer_arithmetic_is_exact(a, b):
    assert m.mul_big_int(a, b) == a * b


def test_big_integer_takes_index_and_bool_refuses_float():
    class Index:
        def __index__(self):
            return 2**100
    assert m.echo_big_int(Index()) == 2**100
    assert m.echo_big_int(True) == 1
    with pytest.raises(TypeError, match=r"argument 'x' must be int, not float"):
        m.echo_big_int(1.0)
    with pytest.raises(TypeError, match=r"argument 'x' must be int, not str"):
        m.echo_big_int("1")
    assert m.echo_opt_big_int(None) is None


def test_an_index_that_raises_propagates():
    class Bad:
        def __index__(self):
            raise ZeroDivisionError("nope")
    with pytest.raises(ZeroDivisionError, match="nope"):
        m.echo_big_int(Bad())


# ---- decimal

DECIMALS = ["0", "-0", "1", "-1", "1.50", "0.0000000000000000000000000001", "-0.0000000000000000000000000001",
            "79228162514264337593543950335", "-79228162514264337593543950335", "7.9228162514264337593543950335",
            "123456789.123456789", "1E+5", "1.000"]


@pytest.mark.parametrize("text", DECIMALS)
def test_decimals_round_trip_exactly(text):
    out = m.echo_decimal(D(text))
    assert type(out) is D and out == D(text)


def test_decimal_keeps_the_scale():
    assert str(m.echo_decimal(D("1.50"))) == "1.50"
    assert m.decimal_scale(D("1.50")) == 2
    assert m.decimal_scale(D("1E+5")) == 0
    assert m.decimal_scale(D("0.0000000000000000000000000001")) == 28
    assert m.decimal_max() == D("79228162514264337593543950335")


def test_trailing_zeros_beyond_decimal_are_dropped_not_an_error():
    assert m.echo_decimal(D("1." + "0" * 40)) == 1
    assert m.decimal_scale(D("1." + "0" * 40)) == 28
    assert m.echo_decimal(D("12345678901234567890123456789000E-3")) == D("12345678901234567890123456789")


@pytest.mark.parametrize("text", ["79228162514264337593543950336", "-79228162514264337593543950336", "1E+29", "1E+400000"])
def test_decimal_out_of_range_is_overflow(text):
    with pytest.raises(OverflowError, match=r"argument 'x' = .* is out of range for decimal"):
        m.echo_decimal(D(text))


@pytest.mark.parametrize("text", ["1E-29", "0.00000000000000000000000000001", "7.92281625142643375935439503361",
                                  "1.0000000000000000000000000000001"])
def test_decimal_with_too_many_digits_is_overflow_not_rounded(text):
    with pytest.raises(OverflowError, match=r"argument 'x' = .* has more digits than decimal holds exactly"):
        m.echo_decimal(D(text))


@pytest.mark.parametrize("text", ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity"])
def test_decimal_nan_and_infinity_are_value_errors(text):
    with pytest.raises(ValueError, match=r"argument 'x' = .* has no decimal value \(NaN or Infinity\)"):
        m.echo_decimal(D(text))


def test_decimal_accepts_int_refuses_float_and_str():
    assert m.echo_decimal(12) == D(12)
    assert m.echo_decimal(-(2**95)) == -(2**95)
    with pytest.raises(OverflowError, match="out of range for decimal"):
        m.echo_decimal(2**100)
    for bad in (1.5, "1.5", None):
        with pytest.raises(TypeError, match=r"argument 'x' must be decimal.Decimal or int"):
            m.echo_decimal(bad)
    assert m.echo_opt_decimal(None) is None


def test_decimal_subclass_accepted():
    class Money(D):
        pass
    assert m.echo_decimal(Money("2.50")) == D("2.50")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_decimal_exact_or_overflow(d):
    try:
        out = m.echo_decimal(d)
    except OverflowError:
        # Only what decimal cannot hold exactly.
        exp = d.normalize().as_tuple().exponent
        assert abs(d) > D("79228162514264337593543950335") or exp < -28 or len(d.normalize().as_tuple().digits) > 28
    else:
        assert out == d


# ---- Complex (existing row: nullable)

def test_complex_and_nullable_complex():
    assert m.echo_complex(1 + 2j) == 1 + 2j
    assert m.echo_complex(3) == 3 + 0j
    assert m.echo_opt_complex(None) is None
    assert m.echo_opt_complex(-1j) == -1j


# ---- DateTime

def test_naive_datetime_round_trips_as_unspecified():
    d = dt.datetime(2024, 2, 29, 23, 59, 58, 123456)
    out = m.echo_date_time(d)
    assert out == d and out.tzinfo is None and type(out) is dt.datetime
    assert m.kind_of(d) == "Unspecified"


def test_aware_datetime_becomes_utc():
    d = dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    out = m.echo_date_time(d)
    assert out == d and out.tzinfo is UTC and out.hour == 1
    assert m.kind_of(d) == "Utc"
    assert m.echo_date_time(d.replace(tzinfo=UTC)).tzinfo is UTC


def test_utc_datetime_out_is_aware_with_timezone_utc():
    out = m.make_date_time(dt.datetime(2000, 1, 1).toordinal() * 0 + 630822816000000000, 1)   # 2000-01-01 Utc
    assert out == dt.datetime(2000, 1, 1, tzinfo=UTC) and out.tzinfo is UTC


def test_local_datetime_out_carries_its_fixed_offset():
    out = m.make_date_time(630822816000000000, 2)   # 2000-01-01 00:00 Local
    assert out.tzinfo is not None and out.replace(tzinfo=None) == dt.datetime(2000, 1, 1)
    assert isinstance(out.tzinfo, dt.timezone)


def test_datetime_min_max_and_ticks():
    assert m.echo_date_time(dt.datetime.min) == dt.datetime.min
    assert m.echo_date_time(dt.datetime.max) == dt.datetime.max
    assert m.date_time_ticks(dt.datetime.min) == 0
    assert m.date_time_ticks(dt.datetime(1, 1, 1, 0, 0, 0, 1)) == 10   # Python -> .NET exact
    assert m.date_time_ticks(dt.datetime.max) == 3155378975999999990


def test_sub_microsecond_ticks_are_truncated():
    assert m.make_date_time(19, 0) == dt.datetime(1, 1, 1, 0, 0, 0, 1)   # 1.9 us -> 1 us
    assert m.make_date_time(3155378975999999999, 0) == dt.datetime.max


def test_fold_is_ignored_for_naive_and_respected_through_utcoffset():
    assert m.echo_date_time(dt.datetime(2024, 11, 3, 1, 30, fold=1)) == dt.datetime(2024, 11, 3, 1, 30)

    class Fold(dt.tzinfo):
        def utcoffset(self, d):
            return dt.timedelta(hours=-4 if d.fold == 0 else -5)

        def dst(self, d):
            return dt.timedelta(0)
    a = m.echo_date_time(dt.datetime(2024, 11, 3, 1, 30, tzinfo=Fold()))
    b = m.echo_date_time(dt.datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=Fold()))
    assert (a.hour, b.hour) == (5, 6)


def test_a_tzinfo_whose_utcoffset_is_none_is_naive():
    class NoOffset(dt.tzinfo):
        def utcoffset(self, d):
            return None
    assert m.kind_of(dt.datetime(2024, 1, 1, tzinfo=NoOffset())) == "Unspecified"


def test_a_tzinfo_that_raises_propagates():
    class Broken(dt.tzinfo):
        def utcoffset(self, d):
            raise KeyError("zone")
    with pytest.raises(KeyError, match="zone"):
        m.echo_date_time(dt.datetime(2024, 1, 1, tzinfo=Broken()))


def test_aware_datetime_outside_utc_range_is_overflow():
    with pytest.raises(OverflowError, match=r"argument 'x' = .* is out of range in UTC"):
        m.echo_date_time(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    with pytest.raises(OverflowError):
        m.echo_date_time(dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-1))))


def test_datetime_type_errors():
    with pytest.raises(TypeError, match=r"argument 'x' must be datetime.datetime, not datetime.date"):
        m.echo_date_time(dt.date(2024, 1, 1))
    with pytest.raises(TypeError, match=r"must be datetime.datetime, not str"):
        m.echo_date_time("2024-01-01")
    with pytest.raises(TypeError, match=r"must be datetime.datetime, not float"):
        m.echo_date_time(0.0)
    assert m.echo_opt_date_time(None) is None


def test_datetime_subclass_accepted():
    class Stamp(dt.datetime):
        pass
    assert m.echo_date_time(Stamp(2024, 1, 1, 12)) == dt.datetime(2024, 1, 1, 12)


# ---- DateTimeOffset

def test_datetimeoffset_keeps_the_offset():
    tz = dt.timezone(dt.timedelta(hours=-5, minutes=-30))
    d = dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=tz)
    out = m.echo_date_time_offset(d)
    assert out == d and out.utcoffset() == tz.utcoffset(None) and out.hour == 3
    assert m.offset_minutes(d) == -330
    assert m.echo_date_time_offset(d.replace(tzinfo=UTC)).tzinfo is UTC
    assert m.make_date_time_offset(630822816000000000, 60) == dt.datetime(2000, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_datetimeoffset_refuses_naive_and_odd_offsets():
    with pytest.raises(ValueError, match=r"argument 'x' must be an aware datetime .* not a naive one"):
        m.echo_date_time_offset(dt.datetime(2024, 1, 1))
    with pytest.raises(ValueError, match=r"not whole minutes"):
        m.echo_date_time_offset(dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=30))))
    with pytest.raises(OverflowError, match=r"beyond DateTimeOffset's -14:00 to \+14:00"):
        m.echo_date_time_offset(dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=15))))
    with pytest.raises(OverflowError, match="out of range in UTC"):
        m.echo_date_time_offset(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))))


# ---- DateOnly, TimeOnly

def test_date_only():
    for d in (dt.date.min, dt.date.max, dt.date(2024, 2, 29)):
        out = m.echo_date(d)
        assert out == d and type(out) is dt.date
    with pytest.raises(TypeError, match=r"argument 'x' must be datetime.date, not datetime.datetime \(pass its .date\(\)\)"):
        m.echo_date(dt.datetime(2024, 1, 1))
    with pytest.raises(TypeError, match=r"must be datetime.date, not str"):
        m.echo_date("2024-01-01")
    assert m.echo_opt_date(None) is None


def test_time_only():
    for t in (dt.time.min, dt.time.max, dt.time(12, 30, 15, 500)):
        assert m.echo_time(t) == t
    assert m.make_time(19) == dt.time(0, 0, 0, 1)   # sub-microsecond ticks truncated
    with pytest.raises(ValueError, match=r"must be a naive time for TimeOnly"):
        m.echo_time(dt.time(1, tzinfo=UTC))
    with pytest.raises(TypeError, match=r"must be datetime.time, not datetime.timedelta"):
        m.echo_time(dt.timedelta(hours=1))


# ---- TimeSpan

TIMESPAN_MAX_TICKS = 2**63 - 1


@pytest.mark.parametrize("td", [dt.timedelta(0), dt.timedelta(microseconds=1), dt.timedelta(microseconds=-1),
                                dt.timedelta(days=-3, microseconds=5), dt.timedelta(days=10675199),
                                dt.timedelta(days=-10675199), dt.timedelta(weeks=52, seconds=7, microseconds=999999)])
def test_timedelta_round_trips(td):
    assert m.echo_time_span(td) == td
    assert m.time_span_ticks(td) == (td // dt.timedelta(microseconds=1)) * 10


def test_timespan_extremes_and_truncation_toward_zero():
    top = m.make_time_span(TIMESPAN_MAX_TICKS)
    assert top == dt.timedelta(microseconds=TIMESPAN_MAX_TICKS // 10)
    bottom = m.make_time_span(-2**63)
    assert bottom == dt.timedelta(microseconds=-(2**63 // 10))
    assert m.make_time_span(15) == dt.timedelta(microseconds=1)
    assert m.make_time_span(-15) == dt.timedelta(microseconds=-1)   # toward zero, not floor
    assert m.make_time_span(-9) == dt.timedelta(0)


def test_timedelta_beyond_timespan_is_overflow():
    for td in (dt.timedelta.max, dt.timedelta.min, dt.timedelta(days=10675200), dt.timedelta(days=-10675200)):
        with pytest.raises(OverflowError, match=r"argument 'x' = .* is out of range for TimeSpan"):
            m.echo_time_span(td)
    with pytest.raises(TypeError, match=r"must be datetime.timedelta, not int"):
        m.echo_time_span(5)
    assert m.echo_opt_time_span(None) is None


@given(st.timedeltas(min_value=dt.timedelta(days=-10675199), max_value=dt.timedelta(days=10675199)))
def test_timedelta_round_trip_property(td):
    assert m.echo_time_span(td) == td


@given(st.datetimes(timezones=st.none() | st.just(UTC) | st.builds(
    dt.timezone, st.integers(-14 * 60, 14 * 60).map(lambda mnt: dt.timedelta(minutes=mnt)))))
def test_datetime_round_trip_property(d):
    try:
        out = m.echo_date_time(d)
    except OverflowError:
        assert d.tzinfo is not None   # only an aware one near year 1 or 9999
        return
    assert out == d
    if d.tzinfo is not None:
        assert m.echo_date_time_offset(d) == d


# ---- properties

def test_value_properties():
    r = m.ValueRecord()
    assert (r.data, r.big, r.amount, r.when, r.duration, r.day) == (b"", 0, D(0), None, dt.timedelta(0), dt.date(1, 1, 1))
    r.data = bytearray(b"xy")
    r.big = -2**200
    r.amount = D("-12.345")
    r.when = dt.datetime(2024, 5, 6)
    r.duration = dt.timedelta(days=-1)
    r.day = dt.date(2024, 5, 6)
    assert (r.data, r.big, r.amount, r.when, r.duration, r.day) == (
        b"xy", -2**200, D("-12.345"), dt.datetime(2024, 5, 6), dt.timedelta(days=-1), dt.date(2024, 5, 6))
    r.when = None
    assert r.when is None
    with pytest.raises(TypeError, match="'ValueRecord' attribute 'data' must be a bytes-like object"):
        r.data = "s"
    with pytest.raises(OverflowError, match="'ValueRecord' attribute 'amount'"):
        r.amount = D("1E+40")


# ---- references

def test_no_reference_leaks_on_success_and_failure():
    values = [b"abc", bytearray(b"abc"), 2**200, D("1.5"), dt.datetime(2024, 1, 1, tzinfo=UTC), dt.timedelta(1)]
    before = [sys.getrefcount(v) for v in values]
    for _ in range(200):
        m.echo_bytes(values[0]); m.echo_span(values[1]); m.echo_big_int(values[2]); m.echo_decimal(values[3])
        m.echo_date_time(values[4]); m.echo_date_time_offset(values[4]); m.echo_time_span(values[5])
        for f, bad in ((m.echo_span, "s"), (m.echo_decimal, D("NaN")), (m.echo_date_time_offset, dt.datetime(2024, 1, 1)),
                       (m.echo_time_span, dt.timedelta.max)):
            with pytest.raises((TypeError, ValueError, OverflowError)):
                f(bad)
    gc.collect()
    assert [sys.getrefcount(v) for v in values] == before
