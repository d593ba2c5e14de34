"""Issue 20 item 5 element types (tests/NdTestModule/ArraysDtypes2.cs): complex64 (Complex32),
datetime64 and timedelta64 with the unit in the C# type (Datetime64<TUnit>, Timedelta64<TUnit>), and
object arrays (NdObjectView, NdObjectViewMut, NdObjectArray), each in and out, with the exact
errors for a wrong dtype or unit, NaT, and reference counts of object elements.
"""
import datetime
import gc
import sys

import numpy as np
import pytest

import nd_test

UNITS = [("years", "Y"), ("months", "M"), ("weeks", "W"), ("days", "D"), ("hours", "h"), ("minutes", "m"),
         ("seconds", "s"), ("milliseconds", "ms"), ("microseconds", "us"), ("nanoseconds", "ns"),
         ("picoseconds", "ps"), ("femtoseconds", "fs"), ("attoseconds", "as")]


# --- complex64 ------------------------------------------------------------------------------------

def test_complex64_in_and_out():
    a = np.array([[1 + 2j, -3.5 - 4j], [np.inf + 0j, complex(0, np.nan)]], dtype=np.complex64)
    r = nd_test.copy_complex64(a)
    assert r.dtype == np.complex64 and r.shape == (2, 2)
    np.testing.assert_array_equal(r, a)
    s = a[:, ::-1]   # strided
    np.testing.assert_array_equal(nd_test.copy_complex64(s), s)


def test_complex64_in_place_and_arithmetic():
    a = np.array([1 + 2j, 3 - 4j, 0j], dtype=np.complex64)
    nd_test.conjugate_complex64(a)
    np.testing.assert_array_equal(a, np.array([1 - 2j, 3 + 4j, 0j], dtype=np.complex64))
    r = nd_test.scale_complex64(a, 2j)
    assert r.dtype == np.complex64
    np.testing.assert_array_equal(r, a * np.complex64(2j))


def test_complex64_scalar_rounds_each_part_to_float():
    r = nd_test.echo_complex32(1.1 + 2j)
    assert type(r) is complex
    assert r == complex(np.float32(1.1), 2.0)
    assert nd_test.echo_complex32(3) == 3 + 0j
    assert nd_test.echo_complex32(1e300j) == complex(0, np.inf)   # beyond float: infinity, as numpy.complex64()
    with pytest.raises(TypeError, match=r"echo_complex32\(\) argument 'x' must be complex, not str"):
        nd_test.echo_complex32("1j")


def test_complex64_buffer_format_zf():
    import array as _array   # noqa: F401  (no 'Zf' exporter in the standard library: a memoryview cast)
    raw = np.array([1 + 2j, 3 + 4j], dtype=np.complex64)
    view = memoryview(raw)
    assert view.format == "Zf"
    np.testing.assert_array_equal(nd_test.copy_complex64(view), raw)


@pytest.mark.parametrize("dtype", ["complex128", "float32", ">c8"])
def test_complex64_wrong_dtype(dtype):
    with pytest.raises(TypeError) as e:
        nd_test.copy_complex64(np.zeros(2, dtype=dtype))
    name = str(np.dtype(dtype))
    assert str(e.value).startswith(f"copy_complex64() argument 'arr' must be an array of complex64, not an array of {name}")


# --- datetime64 / timedelta64 ---------------------------------------------------------------------

@pytest.mark.parametrize("name,code", UNITS)
def test_datetime64_each_unit_in_and_out(name, code):
    a = np.array([0, 1, -1, 123456789, np.iinfo(np.int64).max], dtype=f"M8[{code}]")
    a[2] = np.datetime64("NaT")
    r = getattr(nd_test, f"copy_datetime_{name}")(a)
    assert r.dtype == np.dtype(f"M8[{code}]")
    assert r.view(np.int64).tolist() == a.view(np.int64).tolist()
    assert np.isnat(r[2])


@pytest.mark.parametrize("name,code", UNITS)
def test_timedelta64_each_unit_in_and_out(name, code):
    a = np.array([0, -5, 7, 0], dtype=f"m8[{code}]")
    a[3] = np.timedelta64("NaT")
    r = getattr(nd_test, f"copy_timedelta_{name}")(a)
    assert r.dtype == np.dtype(f"m8[{code}]")
    assert r.view(np.int64).tolist() == a.view(np.int64).tolist()


@pytest.mark.parametrize("given", ["M8[s]", "M8[us]", "M8[10ns]", "M8", "m8[ns]", "int64", "float64"])
def test_datetime64_wrong_unit_or_dtype_names_both(given):
    with pytest.raises(TypeError) as e:
        nd_test.copy_datetime_nanoseconds(np.zeros(3, dtype=given))
    assert str(e.value) == (f"copy_datetime_nanoseconds() argument 'arr' must be an array of datetime64[ns], "
                            f"not an array of {np.dtype(given)}")


def test_datetime64_wrong_unit_exact_message():
    with pytest.raises(TypeError, match=r"^copy_datetime_nanoseconds\(\) argument 'arr' must be an array of "
                                        r"datetime64\[ns\], not an array of datetime64\[s\]$"):
        nd_test.copy_datetime_nanoseconds(np.array(["2024-01-01"], dtype="M8[s]"))
    with pytest.raises(TypeError, match=r"must be an array of timedelta64\[ms\], not an array of timedelta64\[us\]$"):
        nd_test.total_seconds(np.zeros(2, dtype="m8[us]"))


def test_datetime64_big_endian_refused_as_today():
    a = np.zeros(2, dtype=">M8[ns]")
    with pytest.raises(TypeError, match=r"not an array of >M8\[ns\] \(big-endian; convert with "):
        nd_test.copy_datetime_nanoseconds(a)


def test_datetime64_not_a_buffer():
    # numpy refuses to export datetime64 through the buffer protocol; a non-array is refused by type.
    with pytest.raises(TypeError, match=r"argument 'arr' must be numpy.ndarray of datetime64\[ns\], not list"):
        nd_test.copy_datetime_nanoseconds([1, 2])


def test_datetime_difference_is_a_timedelta_and_nat_propagates():
    t = np.array(["2024-01-01T00:00:00", "2024-01-01T00:00:00.000000001", "NaT", "2024-01-02"], dtype="M8[ns]")
    d = nd_test.datetime_diffs(t)
    assert d.dtype == np.dtype("m8[ns]")
    assert d[0] == np.timedelta64(1, "ns")
    assert np.isnat(d[1]) and np.isnat(d[2])
    assert nd_test.datetime_diffs(t[:1]).shape == (0,)
    assert nd_test.count_nat(t) == 1


def test_shift_in_place_keeps_nat():
    t = np.array(["2024-01-01T00:00:00", "NaT"], dtype="M8[s]")
    nd_test.shift_seconds(t, 3600)
    assert t[0] == np.datetime64("2024-01-01T01:00:00")
    assert np.isnat(t[1])


def test_conversions_to_datetime_and_timespan():
    t = np.array(["2024-02-29T12:34:56.789012"], dtype="M8[us]")
    assert nd_test.first_as_datetime(t) == datetime.datetime(2024, 2, 29, 12, 34, 56, 789012, tzinfo=datetime.timezone.utc)
    with pytest.raises(RuntimeError, match=r"datetime64\[us\] NaT has no DateTime value"):
        nd_test.first_as_datetime(np.array(["NaT"], dtype="M8[us]"))
    with pytest.raises(ValueError, match=r"datetime64\[us\] value .* is outside DateTime's range \(years 1 to 9999\)"):
        nd_test.first_as_datetime(np.array(["10000-01-01"], dtype="M8[us]"))
    assert nd_test.total_seconds(np.array([1500, -250], dtype="m8[ms]")) == 1.25
    with pytest.raises(RuntimeError, match=r"timedelta64\[ms\] NaT has no TimeSpan value"):
        nd_test.total_seconds(np.array([1, "NaT"], dtype="m8[ms]"))


def test_new_arrays_have_the_unit():
    r = nd_test.days_from(datetime.date(2024, 2, 27), 4)
    assert r.dtype == np.dtype("M8[D]")
    assert r.tolist() == [datetime.date(2024, 2, 27), datetime.date(2024, 2, 28), datetime.date(2024, 2, 29),
                          datetime.date(2024, 3, 1)]
    m = nd_test.months_of(np.array(["2024-02-27", "NaT", "1969-12-31", "0001-01-01"], dtype="M8[D]"))
    assert m.dtype == np.dtype("M8[M]")
    assert m.astype(str).tolist() == ["2024-02", "NaT", "1969-12", "0001-01"]


# --- object arrays --------------------------------------------------------------------------------

def test_object_reads_borrowed_and_null_as_none():
    a = np.array([None, 1, "x", None], dtype=object)
    assert nd_test.count_none(a) == 2
    assert nd_test.object_at(a, 2) == "x"
    assert nd_test.object_at2(np.array([[1, 2], [3, 4]], dtype=object), 1, 0) == 3
    assert nd_test.count_none(np.empty((2, 3), dtype=object)) == 6   # numpy fills np.empty with None
    with pytest.raises(IndexError):
        nd_test.object_at(a, 4)


def test_object_write_counts_exact_and_visible():
    x, y = object(), object()
    cx, cy = sys.getrefcount(x), sys.getrefcount(y)
    a = np.array([None, None, None], dtype=object)
    # counts read first: pytest's assertion rewriting keeps the operands of an `is` alive
    nd_test.set_object(a, 1, x)
    assert sys.getrefcount(x) == cx + 1
    assert a[1] is x
    nd_test.set_object(a, 1, y)   # the old one released
    assert (sys.getrefcount(x), sys.getrefcount(y)) == (cx, cy + 1)
    assert a[1] is y
    for _ in range(3):
        nd_test.fill_objects(a, x)   # a PyRef argument the view only stores: released after the call
    assert (sys.getrefcount(x), sys.getrefcount(y)) == (cx + 3, cy)
    assert all(v is x for v in a)
    a[:] = None
    assert sys.getrefcount(x) == cx


def test_object_reverse_and_copy_counts():
    items = [object() for _ in range(5)]
    before = [sys.getrefcount(o) for o in items]
    a = np.array(items + [None], dtype=object)[:5]
    base = [sys.getrefcount(o) for o in items]
    nd_test.reverse_objects(a)
    assert list(a) == items[::-1]
    assert [sys.getrefcount(o) for o in items] == base
    b = np.empty(5, dtype=object)
    nd_test.copy_objects(b, a)
    assert [sys.getrefcount(o) for o in items] == [c + 1 for c in base]
    del a, b
    gc.collect()
    assert [sys.getrefcount(o) for o in items] == before


def test_new_object_arrays():
    r = nd_test.none_array(2, 3)
    assert r.dtype == object and r.shape == (2, 3) and all(v is None for v in r.flat)
    r = nd_test.range_objects(4)
    assert r.dtype == object and r.tolist() == [0, 1, 2, 3]
    assert sys.getrefcount(r) == 2
    assert nd_test.range_objects(0).shape == (0,)


def test_object_wrong_dtype_readonly_and_overlap():
    with pytest.raises(TypeError, match=r"^count_none\(\) argument 'arr' must be an array of object, not an array of float64$"):
        nd_test.count_none(np.zeros(3))
    with pytest.raises(TypeError, match=r"^count_none\(\) argument 'arr' must be numpy.ndarray of object, not list$"):
        nd_test.count_none([None])
    ro = np.array([1, 2], dtype=object)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match=r"set_object\(\) argument 'arr' is a read-only array"):
        nd_test.set_object(ro, 0, 1)
    assert ro.tolist() == [1, 2]
    a = np.array([1, 2, 3], dtype=object)
    with pytest.raises(ValueError, match=r"copy_objects\(\) arguments 'target' and 'source' share memory"):
        nd_test.copy_objects(a, a[::-1])
    with pytest.raises(TypeError, match=r"must be a 2-dimensional array, not 1-dimensional"):
        nd_test.object_at2(a, 0, 0)


class Reentrant:
    """Its __del__ writes into the array whose element it was: Python code during a Set."""
    log = []

    def __init__(self, target, tag):
        self.target, self.tag = target, tag

    def __del__(self):
        Reentrant.log.append(self.tag)
        self.target[0] = "from __del__"


def test_object_write_survives_python_code_on_release():
    a = np.array([None, None, None], dtype=object)
    a[2] = Reentrant(a, "old")
    marker = object()
    c = sys.getrefcount(marker)
    Reentrant.log.clear()
    nd_test.set_object(a, 2, marker)   # releasing the old element runs its __del__, which writes a[0]
    assert Reentrant.log == ["old"]
    assert sys.getrefcount(marker) == c + 1
    assert a[2] is marker
    assert a[0] == "from __del__"
    # reverse: every Set may run a __del__; the view stays valid and ends with the objects swapped
    a = np.array([None, None, None, None], dtype=object)
    a[3] = Reentrant(a, "end")
    nd_test.fill_objects(a, marker)   # the Reentrant dies during the fill, writing a[0] mid-loop
    assert Reentrant.log == ["old", "end"]
    assert [v is marker for v in a[1:]] == [True, True, True]
    a[:] = None
    assert sys.getrefcount(marker) == c


def test_stub_names_numpy_scalar_types():
    import pathlib
    from conftest import MODULES
    stub = (pathlib.Path(MODULES) / "nd_test.pyi").read_text()
    assert "def copy_complex64(arr: numpy.typing.NDArray[numpy.complex64]) -> numpy.typing.NDArray[numpy.complex64]:" in stub
    assert ("def copy_datetime_nanoseconds(arr: numpy.typing.NDArray[numpy.datetime64]) -> "
            "numpy.typing.NDArray[numpy.datetime64]:") in stub
    assert "def datetime_diffs(times: numpy.typing.NDArray[numpy.datetime64]) -> numpy.typing.NDArray[numpy.timedelta64]:" in stub
    assert "def count_none(arr: numpy.typing.NDArray[numpy.object_]) -> int:" in stub
    assert "def range_objects(n: int) -> numpy.typing.NDArray[numpy.object_]:" in stub
    assert "def echo_complex32(x: complex) -> complex:" in stub


def test_null_elements_read_as_none_and_can_be_written():
    import ctypes
    a = np.empty(3, dtype=object)
    ctypes.memset(a.ctypes.data, 0, a.nbytes)   # what a C extension may leave: NULL elements (None keeps 3 extra counts)
    assert nd_test.count_none(a) == 3
    assert nd_test.object_at(a, 1) is None
    x = object()
    c = sys.getrefcount(x)
    nd_test.set_object(a, 1, x)   # nothing to release in a NULL slot
    assert sys.getrefcount(x) == c + 1
    assert nd_test.count_none(a) == 2
    del a
    assert sys.getrefcount(x) == c
