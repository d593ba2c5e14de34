"""test_fuzz.py's kinds for the values of issue 17: bytes, decimal.Decimal, the datetime types and
the module's enum classes. For each: the parameter kind from a stub annotation, well-typed values,
a placeholder, and the predicted conversion of any value (ok with the converted value, or the error
type and message), following docs/guide.md's rules."""
import datetime as dt
import decimal
import enum

from hypothesis import strategies as st

D = decimal.Decimal
DECIMAL_MAX = D("79228162514264337593543950335")
VALUE_KINDS = {"bytes": "bytes", "decimal.Decimal": "decimal", "datetime.datetime": "datetime",
               "datetime.date": "date", "datetime.time": "time", "datetime.timedelta": "timedelta", "complex": "complex"}
TICKS_MAX = 2**63 - 1
OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


def kind_of(text, module):
    """("value:<name>") for a value annotation, ("enum:<Class>") for an enum class of the module, else None."""
    if text in VALUE_KINDS:
        return "value:" + VALUE_KINDS[text]
    cls = getattr(module, text, None)
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return "enum:" + text
    return None


def good(base, module):
    kind = base.split(":", 1)[1]
    if base.startswith("enum:"):
        cls = getattr(module, kind)
        return st.sampled_from(list(cls)) | st.sampled_from([int(m) for m in cls]) | st.integers(-2, 2**64)
    return {
        "bytes": st.binary(max_size=20) | st.binary(max_size=20).map(bytearray) | st.binary(max_size=20).map(memoryview)
        | st.binary(min_size=2, max_size=20).map(lambda b: memoryview(b)[::2]),
        "decimal": st.decimals(allow_nan=True, allow_infinity=True) | st.integers(-2**100, 2**100)
        | st.sampled_from([DECIMAL_MAX, -DECIMAL_MAX, D("1E-28"), D("1E-29"), D("1.50")]),
        "datetime": st.datetimes() | st.datetimes(timezones=OFFSETS | st.just(dt.timezone.utc)),
        "date": st.dates(),
        "time": st.times(),
        "timedelta": st.timedeltas() | st.timedeltas(min_value=dt.timedelta(days=-10675199),
                                                     max_value=dt.timedelta(days=10675199)),
        "complex": st.complex_numbers(),
    }[kind]


def placeholder(base, module):
    kind = base.split(":", 1)[1]
    if base.startswith("enum:"):
        return next(iter(getattr(module, kind)))
    return {"bytes": b"ab", "decimal": D("1.5"), "datetime": dt.datetime(2024, 1, 2), "date": dt.date(2024, 1, 2),
            "time": dt.time(1, 2), "timedelta": dt.timedelta(1), "complex": 1j}[kind]


def _decimal_exact(d):
    """C#'s decimal holds d exactly (after dropping trailing zeros)?"""
    sign, digits, exp = d.as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exp += 1
    if digits == [0]:
        return True
    if exp > 0:
        if len(digits) + exp > 29:
            return False
        coefficient, scale = int("".join(map(str, digits))) * 10**exp, 0
    else:
        coefficient, scale = int("".join(map(str, digits))), -exp
    return scale <= 28 and coefficient < 2**96


def convert(base, module, value, where, raise_):
    """("ok", converted) or raise_(error type, message pattern) for value passed to a parameter of kind base."""
    kind = base.split(":", 1)[1]
    if base.startswith("enum:"):
        cls = getattr(module, kind)
        if type(value) is cls:
            return ("ok", value)
        if isinstance(value, enum.Enum):
            return raise_(TypeError, rf"{where}.*must be {kind}, not ")
        if not isinstance(value, int):
            return raise_(TypeError, rf"{where}.*must be {kind} or int, not ")
        try:
            member = cls(int(value))
        except ValueError:
            member = None
        defined = member is not None and (issubclass(cls, enum.IntFlag) and _flag_ok(cls, int(value))
                                          or int(value) in {int(m) for m in cls})
        return ("ok", member) if defined else raise_(ValueError, rf"{where} = \S+ is not a valid {kind}")
    if kind == "bytes":
        if isinstance(value, str):
            return raise_(TypeError, rf"{where}.*must be a bytes-like object .*not str; encode it")
        try:
            data = memoryview(value).tobytes()
        except TypeError:
            return raise_(TypeError, rf"{where}.*must be a bytes-like object")
        except Exception as e:   # an exporter's own refusal (numpy object arrays, a released view)
            return raise_(type(e), "")
        return ("ok", data)
    if kind == "decimal":
        if isinstance(value, int):
            return ("ok", D(value)) if -DECIMAL_MAX <= value <= DECIMAL_MAX else raise_(OverflowError, rf"{where} = .* is out of range for decimal")
        if not isinstance(value, D):
            return raise_(TypeError, rf"{where}.*must be decimal.Decimal or int, not ")
        if not value.is_finite():
            return raise_(ValueError, rf"{where} = .* has no decimal value")
        if value.copy_abs() > DECIMAL_MAX:   # abs() would round to the context's 28 digits
            return raise_(OverflowError, rf"{where} = .* is out of range for decimal")
        return ("ok", D(value)) if _decimal_exact(value) else raise_(
            OverflowError, rf"{where} = .* (is out of range for decimal|has more digits than decimal holds)")
    if kind in ("datetime", "date", "time", "timedelta"):
        return _convert_time(kind, value, where, raise_)
    if kind == "complex":
        if isinstance(value, (str, bytes, bytearray, memoryview)) or not hasattr(type(value), "__complex__") \
                and not hasattr(type(value), "__float__") and not hasattr(type(value), "__index__"):
            return raise_(TypeError, rf"{where}.*must be complex, not ")
        try:
            return ("ok", complex(value))
        except Exception as e:
            return raise_(type(e), "")
    raise AssertionError(base)


def _flag_ok(cls, value):
    all_bits = 0
    for m in cls:
        all_bits |= int(m)
    return value >= 0 and value & ~all_bits == 0


def _convert_time(kind, value, where, raise_):
    if kind == "datetime":
        if not isinstance(value, dt.datetime):
            return raise_(TypeError, rf"{where}.*must be datetime.datetime, not ")
        plain = dt.datetime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                            value.microsecond, value.tzinfo, fold=value.fold)
        offset = plain.utcoffset()
        if offset is None:
            return ("ok", plain.replace(tzinfo=None, fold=0))
        try:
            return ("ok", (plain.replace(tzinfo=None) - offset).replace(tzinfo=dt.timezone.utc))
        except OverflowError:
            return raise_(OverflowError, rf"{where} = .* is out of range in UTC")
    if kind == "date":
        if isinstance(value, dt.datetime):
            return raise_(TypeError, rf"{where} must be datetime.date, not datetime.datetime")
        if not isinstance(value, dt.date):
            return raise_(TypeError, rf"{where}.*must be datetime.date, not ")
        return ("ok", dt.date(value.year, value.month, value.day))
    if kind == "time":
        if not isinstance(value, dt.time):
            return raise_(TypeError, rf"{where}.*must be datetime.time, not ")
        if value.tzinfo is not None:
            return raise_(ValueError, rf"{where} must be a naive time")
        return ("ok", dt.time(value.hour, value.minute, value.second, value.microsecond))
    if not isinstance(value, dt.timedelta):
        return raise_(TypeError, rf"{where}.*must be datetime.timedelta, not ")
    ticks = (value // dt.timedelta(microseconds=1)) * 10
    if not -2**63 <= ticks <= TICKS_MAX:
        return raise_(OverflowError, rf"{where} = .* is out of range for TimeSpan")
    return ("ok", dt.timedelta(value.days, value.seconds, value.microseconds))
