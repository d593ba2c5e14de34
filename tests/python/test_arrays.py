"""Arrays: every element type both ways, layouts as a view sees them, and every refusal."""
import array
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import nd_test
from conftest import MODULES

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex128"]
all_dtypes = pytest.mark.parametrize("dtype", DTYPES)


def sample(dtype, shape=(3, 4)):
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt == np.bool_:
        values = np.arange(n) % 3 == 0
    elif dt.kind == "c":
        values = np.arange(n) - 1j * np.arange(n) / 4
    elif dt.kind == "f":
        values = (np.arange(n) - n / 2) / 4
    else:
        info = np.iinfo(dt)
        values = [int(info.min) + (int(info.max) - int(info.min)) * i // max(n - 1, 1) for i in range(n)]
    return np.asarray(values, dtype=dt).reshape(shape)


def copy(dtype):
    return getattr(nd_test, f"copy_{dtype}")


def increment_function(dtype):
    return nd_test.invert_bool if dtype == "bool" else getattr(nd_test, f"increment_{dtype}")


def increment(arr):
    return increment_function(str(arr.dtype))(arr)


def incremented(arr):
    if arr.dtype == np.bool_:
        return ~arr
    return arr + np.ones_like(arr)  # wraps around for integers, as the C# does


LAYOUTS = {
    "2-d": lambda a: a,
    "transposed": lambda a: a.T,
    "negative strides": lambda a: a[::-1, ::-2],
    "fortran": lambda a: np.asfortranarray(a),
    "row": lambda a: a[1],
    "0-d": lambda a: a[1, 2, ...],
    "empty": lambda a: a[:0],
}
layouts = pytest.mark.parametrize("layout", list(LAYOUTS))


@all_dtypes
@layouts
def test_copy_every_dtype(dtype, layout):
    arr = LAYOUTS[layout](sample(dtype))
    before = arr.copy()
    result = copy(dtype)(arr)
    assert type(result) is np.ndarray
    assert result.dtype == np.dtype(dtype)
    assert result.dtype.isnative
    assert result.shape == arr.shape
    assert result.flags.c_contiguous and result.flags.writeable and result.flags.owndata   # numpy's own, as a C extension's
    np.testing.assert_array_equal(result, arr)
    np.testing.assert_array_equal(arr, before)


@all_dtypes
@layouts
def test_write_every_dtype(dtype, layout):
    base = sample(dtype)
    arr = LAYOUTS[layout](base)
    expected_base = base.copy()
    view_of_expected = LAYOUTS[layout](expected_base)
    view_of_expected[...] = incremented(view_of_expected)
    assert increment(arr) is None
    np.testing.assert_array_equal(base, expected_base)   # exactly the viewed elements changed


@all_dtypes
def test_dtype_refusals_name_both_dtypes(dtype):
    other = "float64" if dtype != "float64" else "float32"
    arr = sample(other)
    with pytest.raises(TypeError) as info:
        copy(dtype)(arr)
    assert str(info.value) == f"copy_{dtype}() argument 'arr' must be an array of {dtype}, not an array of {other}"
    with pytest.raises(TypeError, match=f"must be an array of {dtype}, not an array of {other}"):
        increment_function(dtype)(arr)


def test_equivalent_integer_dtypes_are_accepted():
    np.testing.assert_array_equal(nd_test.copy_int64(np.arange(3, dtype=np.longlong)), [0, 1, 2])
    np.testing.assert_array_equal(nd_test.copy_uint64(np.arange(3, dtype=np.ulonglong)), [0, 1, 2])
    np.testing.assert_array_equal(nd_test.copy_int32(np.arange(3, dtype=np.intc)), [0, 1, 2])


@given(st.sampled_from(DTYPES).flatmap(lambda d: hnp.arrays(
           np.dtype(d), hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4))),
       st.sampled_from([(), (slice(None, None, -1),), (slice(1, None, 2),)]),
       st.booleans())
def test_arbitrary_arrays_every_dtype(arr, index, transpose):
    if index and arr.ndim:
        arr = arr[index]
    if transpose:
        arr = arr.T
    np.testing.assert_array_equal(copy(str(arr.dtype))(arr), arr)
    expected = incremented(arr)
    increment(arr)
    np.testing.assert_array_equal(arr, expected)


def test_byte_swapped_arrays_are_refused():
    for dtype, name in ((">f8", "float64"), (">i4", "int32"), (">c16", "complex128")):
        swapped = np.arange(4).astype(dtype)
        f = copy(name)
        with pytest.raises(TypeError) as info:
            f(swapped)
        assert f"must be an array of {name}, not an array of {dtype}" in str(info.value)
        assert "big-endian" in str(info.value) and "newbyteorder" in str(info.value)
        np.testing.assert_array_equal(f(swapped.astype(swapped.dtype.newbyteorder("="))), np.arange(4))
    # through the buffer protocol too
    with pytest.raises(TypeError, match=r"not an array of buffer format '>d' with item size 8"):
        nd_test.copy_float64(memoryview(np.arange(3).astype(">f8")))


def test_little_endian_spelled_explicitly_is_native():
    arr = np.arange(3).astype("<f8")
    np.testing.assert_array_equal(nd_test.copy_float64(arr), [0.0, 1.0, 2.0])


def test_other_dtypes_are_refused():
    for arr, actual in ((np.array(["a"], dtype=object), "object"),
                        (np.array(["abc"]), "<U3"),
                        (np.zeros(2, dtype=[("x", "f8")]), r"\[\('x', '<f8'\)\]"),
                        (np.zeros(2, dtype=np.longdouble), "float128"),
                        (np.zeros(2, dtype="M8[s]"), "datetime64\\[s\\]")):
        with pytest.raises(TypeError, match=f"copy_float64\\(\\) argument 'arr' must be an array of float64, not an array of {actual}"):
            nd_test.copy_float64(arr)


def test_read_only_array_to_mutable_view():
    for dtype in DTYPES:
        arr = sample(dtype)
        before = arr.copy()
        arr.flags.writeable = False
        with pytest.raises(ValueError) as info:
            increment(arr)
        name = increment_function(dtype).__name__
        assert str(info.value) == (f"{name}() argument 'arr' is a read-only array, but {name}() writes to it; "
                                   "pass a writable array (for example a copy)")
        np.testing.assert_array_equal(arr, before)
        np.testing.assert_array_equal(copy(dtype)(arr), before)   # reading is fine


def test_read_only_buffers_to_mutable_view():
    data = bytes(range(8))
    for ro in (data, memoryview(data), np.frombuffer(data, dtype=np.uint8)):
        with pytest.raises(ValueError, match="fill_uint8\\(\\) argument 'arr' is a read-only array"):
            nd_test.fill_uint8(ro, 0)
    assert data == bytes(range(8))
    np.testing.assert_array_equal(nd_test.copy_uint8(data), list(range(8)))
    broadcast = np.broadcast_to(np.arange(3.0), (4, 3))
    with pytest.raises(ValueError, match="read-only"):
        nd_test.fill_float64(broadcast, 1.0)


def test_wrong_ndim():
    with pytest.raises(TypeError) as info:
        nd_test.row_sums(np.arange(3.0))
    assert str(info.value) == "row_sums() argument 'matrix' must be a 2-dimensional array, not 1-dimensional"
    with pytest.raises(TypeError, match="must be a 2-dimensional array, not 3-dimensional"):
        nd_test.row_sums(np.zeros((2, 2, 2)))
    with pytest.raises(TypeError, match="must be a 2-dimensional array, not 0-dimensional"):
        nd_test.row_sums(np.array(1.0))
    with pytest.raises(TypeError, match="scalar_value\\(\\) argument 'arr' must be a 0-dimensional array, not 1-dimensional"):
        nd_test.scalar_value(np.zeros(1))
    with pytest.raises(TypeError, match="set2\\(\\) argument 'arr' must be a 2-dimensional array"):
        nd_test.set2(np.zeros(4), 0, 0, 1.0)
    # ndim is checked through the buffer protocol too
    with pytest.raises(TypeError, match="must be a 2-dimensional array, not 1-dimensional"):
        nd_test.row_sums(array.array("d", [1.0]))


def test_ndim_2_and_indexers():
    m = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(nd_test.row_sums(m), m.sum(axis=1))
    np.testing.assert_array_equal(nd_test.row_sums(m.T[::-1]), m.T[::-1].sum(axis=1))
    np.testing.assert_array_equal(nd_test.row_sums(memoryview(m)), m.sum(axis=1))
    assert nd_test.row_sums(np.zeros((0, 3))).shape == (0,)
    assert nd_test.scalar_value(np.array(2.5)) == 2.5
    assert nd_test.scalar_value(np.arange(4.0)[3, ...]) == 3.0

    v = np.arange(10.0)[::-3]
    assert [nd_test.get1(v, i) for i in range(len(v))] == list(v)
    assert nd_test.get2(m.T, 3, 1) == m.T[3, 1]
    c = np.arange(24.0).reshape(2, 3, 4).transpose(1, 2, 0)
    assert nd_test.get3(c, 2, 3, 1) == c[2, 3, 1]

    w = np.zeros(5)
    nd_test.set1(w[::-1], 0, 7.0)
    assert w[4] == 7.0
    z = np.zeros((3, 4))
    nd_test.set2(z.T, 3, 2, 1.5)
    assert z[2, 3] == 1.5 and z.sum() == 1.5


def test_indexers_check_bounds():
    v = np.arange(3.0)
    for i in (3, -1, 2**40):
        with pytest.raises(IndexError, match=f"index {i} is out of bounds for axis 0 with size 3"):
            nd_test.get1(v, i)
    with pytest.raises(IndexError, match="index 4 is out of bounds for axis 1 with size 4"):
        nd_test.get2(np.zeros((3, 4)), 0, 4)
    with pytest.raises(IndexError, match="index 2 is out of bounds for axis 0 with size 2"):
        nd_test.get3(np.zeros((2, 3, 4)), 2, 0, 0)
    with pytest.raises(IndexError):
        nd_test.set1(np.zeros(2), 2, 1.0)
    # an index of the wrong rank is a bug in the C# code: RuntimeError naming the .NET exception
    with pytest.raises(RuntimeError, match="InvalidOperationException: a 1-dimensional index was used on a 2-dimensional array"):
        nd_test.get1(np.zeros((2, 2)), 0)


def _describe(a):
    """What describe() should report, from numpy's (or memoryview's) own view of the layout."""
    if isinstance(a, memoryview):
        n, contiguous = int(np.prod(a.shape)), a.c_contiguous
    else:
        n, contiguous = a.size, a.flags.c_contiguous
    return (f"ndim={a.ndim} shape={a.shape} strides={a.strides} contiguous={contiguous} "
            f"length={n} span={contiguous}")


DESCRIBE_CASES = {
    "0-d": np.array(1.0),
    "1-d": np.arange(5.0),
    "2-d": np.arange(12.0).reshape(3, 4),
    "fortran": np.asfortranarray(np.arange(12.0).reshape(3, 4)),
    "a[::2]": np.arange(10.0)[::2],
    "a[::-1]": np.arange(10.0)[::-1],
    "a.T": np.arange(12.0).reshape(3, 4).T,
    "b.T[:, ::2]": np.arange(48.0).reshape(6, 8).T[:, ::2],
    "size-1 axes": np.arange(6.0).reshape(1, 6, 1),
    "size-1 axis odd stride": np.arange(12.0).reshape(3, 4)[:1, :],
    "empty": np.zeros((3, 0)),
    "empty strided": np.zeros((4, 0, 2))[::-1],
    "zero stride": np.broadcast_to(np.arange(3.0), (2, 3)),
}


@pytest.mark.parametrize("name", list(DESCRIBE_CASES))
def test_describe_matches_numpy(name):
    a = DESCRIBE_CASES[name]
    assert nd_test.describe(a) == _describe(a)
    if a.flags.writeable:
        assert nd_test.describe_mut(a) == _describe(a)
    assert nd_test.describe(memoryview(a)) == _describe(memoryview(a))


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=5)),
       st.data())
def test_describe_arbitrary_slices(arr, data):
    index = tuple(slice(data.draw(st.integers(-6, 6) | st.none()), data.draw(st.integers(-6, 6) | st.none()),
                        data.draw(st.sampled_from([None, 1, 2, -1, -2, 3])))
                  for _ in range(arr.ndim))
    view = arr[index]
    if data.draw(st.booleans()):
        view = view.T
    assert nd_test.describe(view) == _describe(view)
    np.testing.assert_array_equal(nd_test.copy_float64(view), view)


def test_mutable_view_aliasing_is_refused():
    a = np.arange(10.0)
    before = a.copy()
    message = ("add_into() arguments 'dst' and 'src' share memory; 'dst' is written to, "
               "so pass a copy of one of them")
    for src, dst in ((a, a), (a[::2], a[2::2]), (a[:6], a[4:]), (a[::-1], a), (a.reshape(2, 5).T, a.reshape(5, 2))):
        with pytest.raises(ValueError) as info:
            nd_test.add_into(src, dst)
        assert str(info.value) == message
    with pytest.raises(ValueError, match="swap\\(\\) arguments 'a' and 'b' share memory"):
        nd_test.swap(a, a[::-1])
    np.testing.assert_array_equal(a, before)

    nd_test.add_into(a[:5], a[5:])           # disjoint halves of one array are fine
    np.testing.assert_array_equal(a, np.r_[before[:5], before[5:] + before[:5]])
    c = np.zeros((5, 2))
    c[:, 0] = 1.0
    nd_test.add_into(c[:, 0], c[:, 1])       # interleaved columns share no element (np.shares_memory): fine
    np.testing.assert_array_equal(c, np.ones((5, 2)))
    nd_test.add_into(a.copy(), a)
    b, c = np.arange(3.0), np.arange(3.0, 6.0)
    nd_test.swap(b, c)
    np.testing.assert_array_equal(b, [3.0, 4.0, 5.0])
    np.testing.assert_array_equal(c, [0.0, 1.0, 2.0])
    nd_test.add_into(np.zeros(0), a[:0])     # empty views share nothing


def test_two_read_only_views_may_alias():
    ba = bytearray(b"abc")
    assert nd_test.total_length(ba, ba) == 6


def test_non_arrays_are_refused():
    for value, tname in (([1.0, 2.0], "list"), ((1.0,), "tuple"), (None, "None"), (1.0, "float"), ("abc", "str")):
        with pytest.raises(TypeError) as info:
            nd_test.copy_float64(value)
        assert str(info.value) == f"copy_float64() argument 'arr' must be numpy.ndarray of float64, not {tname}"
    with pytest.raises(TypeError, match="increment_int32\\(\\) argument 'arr' must be numpy.ndarray of int32, not list"):
        nd_test.increment_int32([1, 2])


def test_buffer_formats():
    np.testing.assert_array_equal(nd_test.copy_float32(array.array("f", [1.5, 2.5])), [1.5, 2.5])
    np.testing.assert_array_equal(nd_test.copy_int64(array.array("q", [-1, 2])), [-1, 2])
    np.testing.assert_array_equal(nd_test.copy_int64(array.array("l", [-1, 2])), [-1, 2])
    np.testing.assert_array_equal(nd_test.copy_uint16(array.array("H", [65535])), [65535])
    np.testing.assert_array_equal(nd_test.copy_int8(array.array("b", [-128])), [-128])
    np.testing.assert_array_equal(nd_test.copy_uint8(b"\x00\xff"), [0, 255])
    np.testing.assert_array_equal(nd_test.copy_bool(memoryview(np.array([True, False]))), [True, False])
    np.testing.assert_array_equal(nd_test.copy_float16(memoryview(np.array([0.5], np.float16))), [0.5])
    np.testing.assert_array_equal(nd_test.copy_complex128(memoryview(np.array([1 + 2j]))), [1 + 2j])
    assert nd_test.copy_float64(np.float64(2.5)).shape == ()      # numpy scalars export a 0-d buffer
    with pytest.raises(TypeError, match="not an array of buffer format 'f' with item size 4"):
        nd_test.copy_float64(array.array("f", [1.0]))
    with pytest.raises(TypeError, match="not an array of buffer format 'i' with item size 4"):
        nd_test.copy_int64(array.array("i", [1]))
    a = array.array("i", [1, 2, 3])
    nd_test.increment_int32(a)
    assert a.tolist() == [2, 3, 4]


def test_buffers_are_released():
    ba = bytearray(b"hello")
    np.testing.assert_array_equal(nd_test.copy_uint8(ba), list(b"hello"))
    ba.append(33)                                # BufferError if an export were still held
    nd_test.fill_uint8(ba, 7)
    assert ba == bytearray(b"\x07" * 6)
    ba.append(33)
    with pytest.raises(RuntimeError, match="failed with 7 bytes borrowed"):
        nd_test.fail_after_borrow(ba)
    ba.append(33)
    with pytest.raises(TypeError, match="total_length\\(\\) argument 'b' must be numpy.ndarray of uint8, not str"):
        nd_test.total_length(ba, "not a buffer")
    ba.append(33)
    with pytest.raises(TypeError, match="argument 'b' must be an array of uint8, not an array of buffer format 'd'"):
        nd_test.total_length(ba, array.array("d", [1.0]))
    ba.append(33)
    assert nd_test.total_length(ba, b"xy") == len(ba) + 2


def test_results_of_every_shape():
    r = nd_test.scalar0d(2.5)
    assert r.shape == () and r.dtype == np.float64 and r[()] == 2.5
    r = nd_test.zeros2d(0, 3)
    assert r.shape == (0, 3) and r.dtype == np.float64 and r.size == 0 and r.flags.c_contiguous
    assert nd_test.zeros2d(3, 0).shape == (3, 0)
    r = nd_test.empty1d()
    assert r.shape == (0,) and r.dtype == np.int32
    np.testing.assert_array_equal(nd_test.arange(5), np.arange(5))
    assert nd_test.arange(5).dtype == np.int64
    np.testing.assert_array_equal(nd_test.eye(3), np.eye(3))
    i, j, k = np.indices((2, 3, 4))
    np.testing.assert_array_equal(nd_test.digits3d(2, 3, 4), 100 * i + 10 * j + k)
    assert nd_test.digits3d(2, 3, 4).strides == (48, 16, 4)
    with pytest.raises(ValueError, match="shape"):
        nd_test.zeros2d(-1, 2)
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        nd_test.index_past_end(3)
    np.testing.assert_array_equal(nd_test.ones(4), np.ones(4))


def test_sums_visit_every_element():
    a = np.arange(24.0).reshape(2, 3, 4)[:, ::-1, ::2]
    assert nd_test.sum_float64(a) == a.sum()
    b = np.arange(-50, 50).reshape(10, 10).T[::3]
    assert nd_test.sum_int64(b) == b.sum()
    assert nd_test.sum_float64(np.zeros((0, 4))) == 0.0


def test_the_c_api_table_is_found_under_numpy_2s_module_name():
    """numpy 2 imports numpy._core.multiarray; numpy.core.multiarray is a shim there, not imported
    with numpy, that warns when used. Simulated here with this numpy's own table moved to numpy 2's
    name: a generic function (numpy arrays only) and a returned array find it there, nothing
    imports numpy.core.multiarray, and no warning is raised (every warning is an error)."""
    code = textwrap.dedent("""
        import sys, warnings
        import numpy as np
        warnings.simplefilter("error")
        sys.modules["numpy._core.multiarray"] = sys.modules.pop("numpy.core.multiarray")
        import nd_ext, nd_test
        print(nd_ext.scale(np.arange(3.0), 2.0).tolist(), nd_test.arange(3).tolist())
        print("numpy.core.multiarray" in sys.modules)
        """)
    result = subprocess.run([sys.executable, "-c", code], cwd=MODULES, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[0.0, 2.0, 4.0] [0, 1, 2]", "False"]
