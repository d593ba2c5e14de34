"""[ArrayLike] NdView<T> parameters (tests/NdTestModule/ArrayLikes.cs): lists, tuples, scalars and
anything numpy.asarray reads are accepted; an ndarray of the parameter's dtype is still borrowed
without a copy; other dtypes are converted only where numpy's safe casting allows it; the
temporary array lives for the call and no longer. Without the mark, lists stay refused.
"""
import array
import gc
import math
import subprocess
import sys
import tracemalloc
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

from conftest import MODULES

import nd_test


# --- what is accepted -------------------------------------------------------------------------

def test_lists_and_tuples():
    assert nd_test.sum_like([1.0, 2.5]) == 3.5
    assert nd_test.sum_like((1.0, 2.0, 4.0)) == 7.0
    assert nd_test.sum_like([]) == 0.0
    assert nd_test.sum_like_int64([1, 2, -3, 2**62]) == 2**62
    assert nd_test.sum_like_int64((5,)) == 5


def test_nested_lists_and_tuples_keep_their_shape():
    np.testing.assert_array_equal(nd_test.row_sums_like([[1.0, 2.0], [3.0, 4.0]]), [3.0, 7.0])
    np.testing.assert_array_equal(nd_test.row_sums_like(((1.0, 2.0, 3.0),)), [6.0])
    np.testing.assert_array_equal(nd_test.row_sums_like([(1.0,), [2.0]]), [1.0, 2.0])
    assert nd_test.ndim_like([[[1.0]]]) == 3


def test_scalars_are_0d():
    assert nd_test.sum_like(2.5) == 2.5
    assert nd_test.ndim_like(2.5) == 0
    assert nd_test.sum_like(np.float64(1.5)) == 1.5
    assert nd_test.sum_like_int64(7) == 7
    assert nd_test.sum_like(np.array(3.0)) == 3.0   # a 0-d array is an array: borrowed
    with pytest.raises(TypeError, match=r"^row_sums_like\(\) argument 'matrix' must be a 2-dimensional array, not 0-dimensional$"):
        nd_test.row_sums_like(1.0)


def test_array_of_the_parameter_dtype_is_borrowed_not_copied():
    a = np.arange(12.0)
    assert nd_test.data_address_like(a) == a.ctypes.data
    strided = a[::3]                       # non-contiguous: still the caller's memory
    assert nd_test.data_address_like(strided) == strided.ctypes.data
    fortran = np.asfortranarray(a.reshape(3, 4))
    assert nd_test.data_address_like(fortran) == fortran.ctypes.data
    sub = a.view(np.recarray)             # a subclass
    assert nd_test.data_address_like(sub) == a.ctypes.data
    assert nd_test.sum_like(strided) == strided.sum()


def test_buffer_exporters_of_the_dtype_are_viewed_not_copied():
    d = array.array("d", [1.0, 2.0, 3.0])
    assert nd_test.data_address_like(d) == d.buffer_info()[0]
    assert nd_test.data_address_like(memoryview(d)) == d.buffer_info()[0]
    assert nd_test.sum_like(d) == 6.0


def test_lists_are_converted_each_call():
    values = [1.0, 2.0]
    assert nd_test.data_address_like(values) != 0
    assert nd_test.sum_like(values) == 3.0
    values.append(4.0)                    # nothing cached between calls
    assert nd_test.sum_like(values) == 7.0


def test_objects_with___array__():
    class Wrapper:
        def __init__(self, data):
            self.data = data

        def __array__(self, dtype=None):
            return self.data

    inner = np.arange(4.0)
    assert nd_test.sum_like(Wrapper(inner)) == 6.0
    assert nd_test.data_address_like(Wrapper(inner)) == inner.ctypes.data   # numpy hands the array over as it is
    assert nd_test.sum_like(Wrapper(np.arange(4, dtype=np.int32))) == 6.0


def test_an_exception_from___array___propagates_unchanged():
    class Broken:
        def __array__(self, dtype=None):
            raise RuntimeError("cannot make an array")

    with pytest.raises(RuntimeError, match="^cannot make an array$"):
        nd_test.sum_like(Broken())


# --- dtypes: numpy's safe casting --------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32,
                                   np.int64, np.uint64, np.float16, np.float32])
def test_arrays_that_cast_safely_to_float64_are_converted(dtype):
    a = np.arange(5).astype(dtype)
    assert nd_test.sum_like(a) == float(a.astype(np.float64).sum())
    assert nd_test.data_address_like(a) != a.ctypes.data   # a converted copy, not the caller's memory


@pytest.mark.parametrize("dtype, want, function", [
    (np.float64, "int64", nd_test.sum_like_int64),
    (np.float32, "int64", nd_test.sum_like_int64),
    (np.uint64, "int64", nd_test.sum_like_int64),
    (np.complex128, "float64", nd_test.sum_like),
    (np.float64, "float32", nd_test.sum_like_float32),
    (np.int64, "float32", nd_test.sum_like_float32),
])
def test_arrays_that_do_not_cast_safely_are_refused_naming_both_dtypes(dtype, want, function):
    have = np.dtype(dtype).name
    name = function.__name__
    with pytest.raises(TypeError) as info:
        function(np.ones(3, dtype=dtype))
    assert str(info.value) == (
        f"{name}() argument 'values' must be array-like of {want}, not an array of {have} "
        f"({have} does not cast safely to {want}; if that is intended, convert it first with values.astype(numpy.{want}))")


def test_lists_follow_the_same_rule_on_the_dtype_numpy_reads():
    assert nd_test.sum_like([1, 2, 3]) == 6.0             # Python ints: int64 -> float64
    assert nd_test.sum_like([True, 2.5]) == 3.5            # bool and float: float64
    assert nd_test.sum_like_float32(np.ones(2, np.float32)) == 2.0
    with pytest.raises(TypeError) as info:
        nd_test.sum_like_int64([1.5, 2])                   # would truncate
    assert str(info.value) == (
        "sum_like_int64() argument 'values' must be array-like of int64, not list (numpy reads it as float64, "
        "which does not cast safely to int64; if that is intended, convert it first with numpy.asarray(values, dtype=numpy.int64))")
    with pytest.raises(TypeError, match=r"not complex \(numpy reads it as complex128, which does not cast safely to float64"):
        nd_test.sum_like(1 + 2j)


# --- Python numbers: their values decide, as for a scalar argument ------------------------------

def test_python_ints_that_fit_convert_to_narrower_int_dtypes():
    assert nd_test.sum_like_int8([1, 2, -3]) == 0
    assert nd_test.sum_like_int8([[-128, 127], (1, 2)]) == 2
    assert nd_test.sum_like_int8(127) == 127
    assert nd_test.sum_like_int8([True, 2]) == 3
    assert nd_test.sum_like_uint32([[1, 2], [3, 4294967295]]) == 4294967301
    assert nd_test.sum_like_int64([2**63 - 1]) == 2**63 - 1
    assert nd_test.sum_like_int8([]) == 0               # numpy reads [] as float64: nothing to convert
    assert nd_test.sum_like_uint32([[], []]) == 0


@pytest.mark.parametrize("function, values, held, where, dtype, bounds", [
    (nd_test.sum_like_int8, [1, 300], 300, " at [1]", "int8", "-128 to 127"),
    (nd_test.sum_like_int8, [[1, 2], [3, -129]], -129, " at [1, 1]", "int8", "-128 to 127"),
    (nd_test.sum_like_int8, 128, 128, "", "int8", "-128 to 127"),
    (nd_test.sum_like_int8, [2**64 - 1], 2**64 - 1, " at [0]", "int8", "-128 to 127"),
    (nd_test.sum_like_uint32, (5, -1), -1, " at [1]", "uint32", "0 to 4294967295"),
    (nd_test.sum_like_int64, [2**63], 2**63, " at [0]", "int64", "-9223372036854775808 to 9223372036854775807"),
    # beyond 64 bits (numpy reads these as an array of objects)
    (nd_test.sum_like_int64, [1, 2**70], 2**70, " at [1]", "int64", "-9223372036854775808 to 9223372036854775807"),
    (nd_test.sum_like_int8, [[1, -1, 2**64]], 2**64, " at [0, 2]", "int8", "-128 to 127"),
    (nd_test.sum_like_uint32, -2**64, -2**64, "", "uint32", "0 to 4294967295"),
])
def test_python_ints_out_of_range_are_an_overflow_error_naming_value_and_place(function, values, held, where, dtype, bounds):
    with pytest.raises(OverflowError) as info:
        function(values)
    assert str(info.value) == (
        f"{function.__name__}() argument 'values' holds {held}{where}, out of range for {dtype} ({bounds})")


def test_python_floats_and_ints_round_to_float32_and_float16_as_scalar_arguments_do():
    with warnings.catch_warnings():
        warnings.simplefilter("error")     # no numpy cast warning either
        got = nd_test.read_like_float32([0.1, 1e300, -1e300, 3, 2**63 + 1])
        assert got.tolist() == [float(np.float32(0.1)), math.inf, -math.inf, 3.0, float(np.float32(2**63))]
        assert nd_test.read_like_float32(0.5).tolist() == [0.5]
        got = nd_test.read_like_float16([70000, 0.1, 2**63, 2**64 - 1])
        assert got.tolist() == [math.inf, float(np.float16(0.1)), math.inf, math.inf]
    assert math.isnan(nd_test.read_like_float32([math.nan])[0])
    assert nd_test.read_like_float32([2**70, 1]).tolist() == [float(np.float32(2**70)), 1.0]   # beyond 64 bits too
    assert nd_test.sum_like([2**70, -2**70, 1]) == 1.0
    with pytest.raises(OverflowError) as info:
        nd_test.read_like_float32([1, 2**1024])           # as float(2**1024) does
    assert str(info.value) == ("read_like_float32() argument 'values' holds 17976931348623159077...4224137216 at [1], "
                               "too large to convert to float32")


def test_an_int_too_long_for_str_is_named_in_hex():
    with pytest.raises(OverflowError, match=r"holds 0x31e20801036510f3c5\.\.\.0000000000 at \[0\], out of range for int64"):
        nd_test.sum_like_int64([10**5000])


def test_typed_sources_and_floats_into_ints_stay_refused():
    """Only Python numbers are converted by value: an ndarray, a numpy scalar or a float keep the
    safe-casting rule (a float into an int would truncate)."""
    with pytest.raises(TypeError, match=r"not an array of int64 \(int64 does not cast safely to int8"):
        nd_test.sum_like_int8(np.array([1, 2]))
    with pytest.raises(TypeError, match=r"not numpy.int64 \(numpy reads it as int64, which does not cast safely to int8"):
        nd_test.sum_like_int8(np.int64(1))
    with pytest.raises(TypeError, match=r"not list \(numpy reads it as float64, which does not cast safely to int8"):
        nd_test.sum_like_int8([1.0, 2.0])
    with pytest.raises(TypeError, match=r"not an array of float64 \(float64 does not cast safely to float32"):
        nd_test.read_like_float32(np.array([0.5]))
    with pytest.raises(TypeError, match=r"not list \(numpy reads it as complex128, which does not cast safely to float32"):
        nd_test.read_like_float32([1j])
    with pytest.raises(TypeError, match=r"not list \(numpy reads it as an array of object\)$"):
        nd_test.sum_like_int64([2**70, None])             # not only ints


def test_non_native_byte_order_is_converted():
    big = np.arange(4.0).astype(">f8")
    assert nd_test.sum_like(big) == 6.0
    assert nd_test.data_address_like(big) != big.ctypes.data


# --- what is refused ---------------------------------------------------------------------------

def test_ragged_lists_are_a_value_error_naming_the_argument():
    with warnings.catch_warnings():
        warnings.simplefilter("error")     # and no numpy warning on the way
        with pytest.raises(ValueError) as info:
            nd_test.sum_like([[1.0, 2.0], [3.0]])
    assert str(info.value).startswith(
        "sum_like() argument 'values' cannot be converted to an array of float64: setting an array element with a sequence")
    with pytest.raises(ValueError, match=r"^row_sums_like\(\) argument 'matrix' cannot be converted to an array of float64: "):
        nd_test.row_sums_like([[1.0], [2.0, 3.0]])


@pytest.mark.parametrize("value, tname, dtype", [
    ("abc", "str", "<U3"),
    (["1.0", "2.0"], "list", "<U3"),
    (b"ab", "bytes", "|S2"),
    (None, "None", "object"),
    ([1.0, None], "list", "object"),
    ([2**70, "x"], "list", "object"),      # ints beyond 64 bits are converted by value, not beside a str
    (object(), "object", "object"),
])
def test_non_numbers_are_a_type_error(value, tname, dtype):
    with pytest.raises(TypeError) as info:
        nd_test.sum_like(value)
    assert str(info.value) == f"sum_like() argument 'values' must be array-like of float64, not {tname} (numpy reads it as an array of {dtype})"


def test_wrong_ndim_after_conversion():
    with pytest.raises(TypeError, match=r"^row_sums_like\(\) argument 'matrix' must be a 2-dimensional array, not 1-dimensional$"):
        nd_test.row_sums_like([1.0, 2.0])
    with pytest.raises(TypeError, match=r"^row_sums_like\(\) argument 'matrix' must be a 2-dimensional array, not 1-dimensional$"):
        nd_test.row_sums_like(np.ones(2))


def test_without_the_mark_lists_are_still_refused():
    for value, tname in (([1.0, 2.0], "list"), ((1.0,), "tuple"), (1.0, "float")):
        with pytest.raises(TypeError) as info:
            nd_test.copy_float64(value)
        assert str(info.value) == f"copy_float64() argument 'arr' must be numpy.ndarray of float64, not {tname}"


def test_an_in_place_view_beside_an_array_like():
    total = np.zeros(3)
    nd_test.accumulate_like(total, [1, 2, 3])
    nd_test.accumulate_like(total, (1.0, 1.0, 1.0))
    np.testing.assert_array_equal(total, [2.0, 3.0, 4.0])
    with pytest.raises(ValueError, match="'total' and 'values' share memory"):
        nd_test.accumulate_like(total, total)               # borrowed, so it may alias
    nd_test.accumulate_like(total, total.astype(np.int32))  # converted: a copy cannot alias
    np.testing.assert_array_equal(total, [4.0, 6.0, 8.0])


# --- lifetimes: the temporary lives for the call -----------------------------------------------

def test_references_are_released():
    items = [float(i) + 0.5 for i in range(10)]
    before = [sys.getrefcount(x) for x in items]
    a = np.arange(10, dtype=np.int32)
    f = np.arange(10.0)
    a_before, f_before = sys.getrefcount(a), sys.getrefcount(f)

    class Wrapper:
        def __array__(self, dtype=None):
            return f

    for _ in range(1000):
        nd_test.sum_like(items)
        nd_test.sum_like(a)
        nd_test.sum_like(Wrapper())
        with pytest.raises(TypeError):
            nd_test.sum_like_int64(f)
        with pytest.raises(TypeError):
            nd_test.row_sums_like(items)        # converted, then refused for its ndim
    assert [sys.getrefcount(x) for x in items] == before
    assert (sys.getrefcount(a), sys.getrefcount(f)) == (a_before, f_before)


def test_temporary_arrays_are_freed():
    values = [float(i) for i in range(10_000)]          # 80 kB as float64
    ints = np.arange(10_000, dtype=np.int32)
    for _ in range(20):                                 # warm up
        nd_test.sum_like(values)
        nd_test.sum_like(ints)
    gc.collect()
    tracemalloc.start()                                 # numpy reports its data allocations to tracemalloc
    try:
        start, _ = tracemalloc.get_traced_memory()
        for _ in range(500):                            # 80 MB if any temporary were kept
            nd_test.sum_like(values)
            nd_test.sum_like(ints)
        gc.collect()
        end, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert end - start < 200_000
    assert peak - start < 1_000_000                     # one temporary at a time


# --- agreement with numpy, stubs, numpy not imported yet ---------------------------------------

nested = st.recursive(st.floats(allow_nan=False, allow_infinity=False, width=32) | st.integers(-2**31, 2**31),
                      lambda inner: st.lists(inner, min_size=1, max_size=4), max_leaves=20)


@given(nested)
def test_agrees_with_numpy_asarray(value):
    try:
        expected = np.asarray(value, dtype=np.float64)
    except ValueError:
        with pytest.raises(ValueError, match="cannot be converted to an array of float64"):
            nd_test.sum_like(value)
        return
    assert nd_test.ndim_like(value) == expected.ndim
    assert nd_test.sum_like(value) == pytest.approx(float(expected.sum()))


def test_stub_types_array_likes_as_numpy_typing_arraylike():
    text = (MODULES / "nd_test.pyi").read_text()
    assert "def sum_like(values: numpy.typing.ArrayLike) -> float:" in text
    assert "def accumulate_like(total: numpy.typing.NDArray[numpy.float64], values: numpy.typing.ArrayLike) -> None:" in text
    assert "values : array_like[float64]" in nd_test.sum_like.__doc__


def test_a_list_works_before_anything_imported_numpy():
    code = ("import sys, nd_test; assert 'numpy' not in sys.modules; "
            "print(nd_test.sum_like([1.5, 2.5]), nd_test.ndim_like([[1.0]]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=MODULES, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["4.0", "2"]


@given(st.lists(st.integers(min_value=-2**63, max_value=2**63 - 1), max_size=8))
def test_python_int_lists_into_int8_convert_exactly_or_name_the_first_value_out_of_range(values):
    bad = next(((i, v) for i, v in enumerate(values) if not -128 <= v <= 127), None)
    if bad is None:
        assert nd_test.sum_like_int8(values) == sum(values)
    else:
        with pytest.raises(OverflowError, match=rf"holds {bad[1]} at \[{bad[0]}\], out of range for int8"):
            nd_test.sum_like_int8(values)
