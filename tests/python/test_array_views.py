"""Views of views and typed views of any object (issue 20, items 3 and 4; tests/NdTestModule/ArraysViews.cs).

Every view operation is checked against numpy's own result on C-ordered, Fortran-ordered, strided,
negatively strided, 0-d and empty inputs: the same values, shape and strides, sharing the input's
memory (numpy.shares_memory), with the input as the result's base. Writes through derived writable
views land in the caller's array. A returned view keeps its owner alive after the caller drops it.
Reference counts are unchanged. PyRef/PyBorrowed -> NdView leases read dict items, attributes and
call results, with a parameter's checks worded about "the object".
"""
import array
import gc
import sys
import weakref

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import nd_test

OPEN = -2**63   # the C# side's open end (Python's None in a slice)


def layouts(shape=(3, 4)):
    """(name, array) of one logical content in several memory layouts, float64."""
    n = int(np.prod(shape))
    base = np.arange(n, dtype=np.float64).reshape(shape)
    big = np.zeros(tuple(2 * s for s in shape))
    strided = big[tuple(slice(None, None, 2) for _ in shape)]
    strided[...] = base
    result = [
        ("C", base.copy()),
        ("F", np.asfortranarray(base)),
        ("strided", strided),
        ("negative", base[::-1].copy()[::-1] if len(shape) else base.copy()),
    ]
    if len(shape):
        result.append(("reversed", base.copy()[tuple(slice(None, None, -1) for _ in shape)]))
        result.append(("transposed", base.T.copy().T))
    return result


def spec(*slices):
    """(start, stop, step) triples for view_slice from Python slices."""
    out = []
    for s in slices:
        out += [OPEN if s.start is None else s.start, OPEN if s.stop is None else s.stop, 1 if s.step is None else s.step]
    return out


def expected_slice(a, *slices):
    """numpy's a[start:stop][::step] per axis: what NdSlice means."""
    r = a
    for axis, s in enumerate(slices):
        index = [slice(None)] * a.ndim
        index[axis] = slice(s.start, s.stop)
        r = r[tuple(index)]
        index[axis] = slice(None, None, s.step)
        r = r[tuple(index)]
    return r


def same_view(result, expected, source):
    """result is a view with expected's values, shape and strides, over source's memory."""
    assert isinstance(result, np.ndarray) and type(result) is np.ndarray
    assert result.dtype == expected.dtype
    assert result.shape == expected.shape
    np.testing.assert_array_equal(result, expected)
    if expected.size > 1:   # a length-1 axis's stride is never used (numpy itself sets it either way)
        assert [st for st, n in zip(result.strides, result.shape) if n > 1] == \
            [st for st, n in zip(expected.strides, expected.shape) if n > 1]
    if result.size:
        assert np.shares_memory(result, source)
    root = source if source.base is None else source.base
    assert result.base is source or result.base is root


# --- rows and axes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name,a", layouts((3, 4)) + layouts((2, 3, 4)))
def test_row_is_numpys_a_i(name, a):
    for i in range(a.shape[0]):
        same_view(nd_test.view_row(a, i), a[i], a)


def test_row_of_1d_is_0d():
    a = np.arange(5.0)
    r = nd_test.view_row(a, 3)
    assert r.shape == () and r[()] == 3.0 and np.shares_memory(r, a)


@pytest.mark.parametrize("name,a", layouts((3, 4, 5)))
def test_index_axis_is_numpys(name, a):
    for axis in range(3):
        for i in (0, a.shape[axis] - 1):
            index = [slice(None)] * 3
            index[axis] = i
            same_view(nd_test.view_index_axis(a, axis, i), a[tuple(index)], a)


def test_row_and_axis_errors():
    a = np.zeros((2, 3))
    with pytest.raises(IndexError, match="index 2 is out of bounds for axis 0 with size 2"):
        nd_test.view_row(a, 2)
    with pytest.raises(IndexError, match="index -1 is out of bounds"):
        nd_test.view_row(a, -1)
    with pytest.raises(IndexError, match="0-dimensional"):
        nd_test.view_row(np.array(1.0), 0)
    with pytest.raises(ValueError, match="axis 2 is out of bounds for array of dimension 2"):
        nd_test.view_index_axis(a, 2, 0)
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 1 with size 3"):
        nd_test.view_index_axis(a, 1, 3)


# --- slices ----------------------------------------------------------------------------------------

SLICES = [slice(None), slice(1, 3), slice(None, None, 2), slice(None, None, -1), slice(1, None, -2),
          slice(-3, -1), slice(2, 100), slice(-100, 2), slice(3, 1), slice(None, None, 5), slice(0, 0)]


@pytest.mark.parametrize("name,a", layouts((5, 6)))
@pytest.mark.parametrize("s0", SLICES)
@pytest.mark.parametrize("s1", [slice(None), slice(1, None, -3), slice(4, 1, 1), slice(-2, None, 2)])
def test_slices_match_numpy(name, a, s0, s1):
    same_view(nd_test.view_slice(a, spec(s0, s1)), expected_slice(a, s0, s1), a)


@settings(max_examples=300, deadline=None)
@given(shape=st.lists(st.integers(0, 5), min_size=1, max_size=3),
       data=st.data())
def test_slices_match_numpy_hypothesis(shape, data):
    a = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    a = a[tuple(slice(None, None, data.draw(st.sampled_from([1, -1]))) for _ in shape)]
    bound = st.one_of(st.none(), st.integers(-7, 7))
    slices = [slice(data.draw(bound), data.draw(bound), data.draw(st.one_of(st.none(), st.integers(-4, 4).filter(bool))))
              for _ in range(data.draw(st.integers(0, len(shape))))]
    result = nd_test.view_slice(a, spec(*slices))
    expected = expected_slice(a, *slices)
    assert result.shape == expected.shape
    np.testing.assert_array_equal(result, expected)
    if expected.size > 1:
        assert result.strides == expected.strides


def test_slice_of_leading_axes_only_and_int32():
    a = np.arange(24, dtype=np.int32).reshape(2, 3, 4)
    same_view(nd_test.view_slice_int32(a, spec(slice(1, 2))), a[1:2], a)
    b = np.arange(4.0)
    same_view(nd_test.view_slice(b, []), b, b)


def test_slice_errors():
    a = np.zeros((2, 3))
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        nd_test.view_slice(a, [0, 1, 0])
    with pytest.raises(IndexError, match="too many indices for array: array is 2-dimensional, but 3 were indexed"):
        nd_test.view_slice(a, spec(slice(None), slice(None), slice(None)))


def test_empty_and_0d_inputs():
    e = np.zeros((0, 3))
    same_view(nd_test.view_slice(e, spec(slice(None, None, -1))), e[::-1], e)
    same_view(nd_test.view_transpose(e), e.T, e)
    z = np.array(2.5)
    r = nd_test.view_same(z)
    assert r.shape == () and r[()] == 2.5 and np.shares_memory(r, z)
    same_view(nd_test.view_transpose(z), z.T, z)
    same_view(nd_test.view_insert_axis(z, 0), z[None], z)


# --- writes through derived views --------------------------------------------------------------------

@pytest.mark.parametrize("name,a", layouts((5, 6)))
def test_fill_slice_writes_the_callers_array(name, a):
    expected = a.copy()
    expected_slice(expected, slice(1, 4), slice(None, None, -2))[...] = -1.0
    nd_test.fill_slice(a, spec(slice(1, 4), slice(None, None, -2)), -1.0)
    np.testing.assert_array_equal(a, expected)


def test_bump_row_writes_only_that_row():
    a = np.zeros((3, 4))[:, ::-1]
    nd_test.bump_row(a, 1)
    np.testing.assert_array_equal(a, [[0] * 4, [1] * 4, [0] * 4])


def test_returned_mutable_view_is_writable_and_shares():
    a = np.zeros((4, 4))
    v = nd_test.view_slice_mut(a, spec(slice(1, 3), slice(None, None, 3)))
    assert v.flags.writeable
    v[...] = 7.0
    expected = np.zeros((4, 4))
    expected[1:3, ::3] = 7.0
    np.testing.assert_array_equal(a, expected)


def test_returned_read_only_view_is_read_only():
    a = np.zeros(4)
    v = nd_test.view_same(a)
    assert not v.flags.writeable
    with pytest.raises(ValueError):
        v[0] = 1.0
    assert a.flags.writeable


def test_mutable_view_of_read_only_array_refused():
    a = np.zeros(4)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="view_slice_mut\\(\\) argument 'a' is a read-only array"):
        nd_test.view_slice_mut(a, [])


# --- transpose, permute, reshape, squeeze, insert axis --------------------------------------------------

@pytest.mark.parametrize("name,a", layouts((2, 3, 4)) + layouts((3,)))
def test_transpose_and_permute(name, a):
    same_view(nd_test.view_transpose(a), a.T, a)
    if a.ndim == 3:
        for axes in ([0, 1, 2], [2, 0, 1], [1, 2, 0], [0, 2, 1]):
            same_view(nd_test.view_permute(a, axes), a.transpose(axes), a)
        same_view(nd_test.view_row(nd_test.view_transpose(a), 1), a.T[1], a)
        assert nd_test.sum_transposed_row(a, 2) == a.T[2].sum()


def test_permute_errors():
    a = np.zeros((2, 3))
    with pytest.raises(ValueError, match="axes don't match array"):
        nd_test.view_permute(a, [0])
    with pytest.raises(ValueError, match="repeated axis 0"):
        nd_test.view_permute(a, [0, 0])
    with pytest.raises(ValueError, match="axis 2 is out of bounds"):
        nd_test.view_permute(a, [0, 2])


RESHAPES = [(12,), (3, 4), (4, 3), (2, 2, 3), (1, 12, 1), (-1,), (2, -1), (-1, 6, 1)]


@pytest.mark.parametrize("name,a", layouts((3, 4)))
@pytest.mark.parametrize("shape", RESHAPES)
def test_reshape_like_numpy_when_numpy_does_not_copy(name, a, shape):
    expected = a.reshape(shape)
    if np.shares_memory(expected, a):
        same_view(nd_test.view_reshape(a, list(shape)), expected, a)
    else:
        with pytest.raises(ValueError, match="without copying.*copy it first"):
            nd_test.view_reshape(a, list(shape))


def test_reshape_of_strided_but_evenly_spaced_axes():
    a = np.arange(48.0).reshape(4, 12)[:, ::2]   # rows of 6, stride 16, 96 apart: evenly spaced throughout
    same_view(nd_test.view_reshape(a, [24]), a.reshape(24), a)
    b = np.arange(48.0).reshape(4, 12)[:, :6]    # rows of 6 contiguous, 96 apart: only the rows can be split
    same_view(nd_test.view_reshape(b, [4, 2, 3]), b.reshape(4, 2, 3), b)
    with pytest.raises(ValueError, match=r"cannot reshape a view of shape \(4, 6\) and strides \(96, 8\) into \(24,\) without copying"):
        nd_test.view_reshape(b, [24])


def test_reshape_errors():
    a = np.zeros((2, 3))
    with pytest.raises(ValueError, match=r"cannot reshape a view of size 6 into shape \(4,\)"):
        nd_test.view_reshape(a, [4])
    with pytest.raises(ValueError, match="only specify one unknown dimension"):
        nd_test.view_reshape(a, [-1, -1])
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        nd_test.view_reshape(a, [-2, -3])
    e = np.zeros((0, 3))[:, ::-1]
    r = nd_test.view_reshape(e, [3, 0])
    assert r.shape == (3, 0)


def test_squeeze_and_insert_axis():
    a = np.arange(6.0).reshape(1, 2, 1, 3)[:, ::-1]
    same_view(nd_test.view_squeeze(a), a.squeeze(), a)
    b = np.arange(6.0).reshape(2, 3)
    for axis in range(3):
        same_view(nd_test.view_insert_axis(b, axis), np.expand_dims(b, axis), b)
    with pytest.raises(ValueError, match="axis 3 is out of bounds for array of dimension 3"):
        nd_test.view_insert_axis(b, 3)


# --- what a returned view keeps alive -------------------------------------------------------------------

def test_base_keeps_the_owner_alive():
    a = np.arange(12.0).reshape(3, 4).copy()
    ref = weakref.ref(a)
    r = nd_test.view_row(a, 1)
    assert r.base is a
    del a
    gc.collect()
    assert ref() is not None
    np.testing.assert_array_equal(r, [4.0, 5.0, 6.0, 7.0])
    del r
    gc.collect()
    assert ref() is None


def test_base_of_a_view_argument_is_its_root():
    root = np.arange(12.0)
    a = root.reshape(3, 4)   # a view: numpy collapses the base chain to root
    r = nd_test.view_slice(a, spec(slice(None, None, -1)))
    assert r.base is root


def test_refcounts_unchanged():
    a = np.arange(12.0).reshape(3, 4).copy()
    before = sys.getrefcount(a)
    for _ in range(100):
        nd_test.view_slice(a, spec(slice(1, None)))
        nd_test.view_transpose(a)
        nd_test.view_row(a, 0)
        nd_test.fill_slice(a, [], 1.0)
    assert sys.getrefcount(a) == before
    r = nd_test.view_reshape(a, [12])
    assert sys.getrefcount(a) == before + 1
    del r
    assert sys.getrefcount(a) == before
    with pytest.raises(ValueError):
        nd_test.view_reshape(a.T, [12])
    assert sys.getrefcount(a) == before


def test_array_like_view_returns_numpys_conversion():
    r = nd_test.view_of_array_like([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(r, [1.0, 2.0, 3.0])
    assert isinstance(r.base, np.ndarray)
    assert not r.flags.writeable
    a = np.arange(3.0)
    assert nd_test.view_of_array_like(a).base is a   # an array of the dtype: no conversion, a view of it


def test_views_that_cannot_be_returned():
    with pytest.raises(ValueError, match="cannot return a view of memory no Python object owns.*return the NdArray itself"):
        nd_test.view_of_new_array()
    buf = array.array("d", [1.0, 2.0])
    before = sys.getrefcount(buf)
    with pytest.raises(TypeError, match=r"cannot return a view of a array.array: only views of numpy arrays.*numpy.asarray"):
        nd_test.view_same(buf)
    assert sys.getrefcount(buf) == before
    buf.append(3.0)   # the buffer was released: the array can resize again
    r = nd_test.view_same(np.asarray(buf))
    np.testing.assert_array_equal(r, [1.0, 2.0, 3.0])


# --- typed views of objects that are not parameters --------------------------------------------------------

def test_dict_item_attribute_call_result():
    a = np.arange(6.0).reshape(2, 3)[:, ::-1]
    d = {"x": a, "y": [1, 2]}
    assert nd_test.sum_dict_item(d, "x") == 15.0

    class Holder:
        pass
    h = Holder()
    h.data = a
    assert nd_test.sum_attribute(h, "data") == 15.0
    assert nd_test.sum_call_result(lambda: np.full(4, 0.5)) == 2.0
    assert nd_test.trace_of(np.eye(3) * 2) == 6.0
    assert nd_test.sum_borrowed(np.ones(5)) == 5.0


def test_mutable_view_of_dict_item_writes_the_array():
    a = np.arange(4.0)
    nd_test.scale_dict_item({"k": a}, "k", 10.0)
    np.testing.assert_array_equal(a, [0.0, 10.0, 20.0, 30.0])


def test_array_like_object_is_converted():
    assert nd_test.sum_array_like_object([1, 2, 3.5]) == 6.5
    assert nd_test.sum_array_like_object(np.arange(4, dtype=np.int32)) == 6.0


def test_object_view_errors_name_the_object():
    with pytest.raises(TypeError, match=r"^the object must be numpy.ndarray of float64, not list$"):
        nd_test.sum_dict_item({"x": [1.0]}, "x")
    with pytest.raises(TypeError, match=r"^the object must be an array of float64, not an array of int64$"):
        nd_test.sum_attribute(np.arange(3), "T")
    with pytest.raises(TypeError, match=r"^the object must be a 2-dimensional array, not 1-dimensional$"):
        nd_test.trace_of(np.zeros(3))
    ro = np.zeros(3)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match=r"^the object is a read-only array, but AsNdViewMut\(\) writes to it"):
        nd_test.scale_dict_item({"k": ro}, "k", 2.0)
    with pytest.raises(TypeError, match=r"^the object must be numpy.ndarray of float64, not None$"):
        nd_test.sum_call_result(lambda: None)
    with pytest.raises(TypeError, match="could not convert|must be|float64"):
        nd_test.sum_array_like_object(["a"])
    with pytest.raises(RuntimeError, match="ObjectDisposedException: this array lease was disposed"):   # a bug in C#, not bad input
        nd_test.use_after_dispose(np.zeros(2))


def test_object_views_keep_refcounts():
    a = np.arange(6.0).reshape(2, 3)
    d = {"x": a}
    before = sys.getrefcount(a)
    for _ in range(50):
        nd_test.sum_dict_item(d, "x")
        nd_test.sum_borrowed(a)
        nd_test.sum_call_result(lambda: a)
        with pytest.raises(TypeError):
            nd_test.trace_of(a[0])
    gc.collect()
    assert sys.getrefcount(a) == before
    lst = [1.0, 2.0]
    before = sys.getrefcount(lst)
    for _ in range(50):
        nd_test.sum_array_like_object(lst)
    assert sys.getrefcount(lst) == before


def test_view_of_object_returned_keeps_it_alive():
    a = np.arange(6.0).reshape(2, 3).copy()
    ref = weakref.ref(a)
    r = nd_test.row_of_object(a, 1)
    assert r.base is a and not r.flags.writeable
    del a
    gc.collect()
    assert ref() is not None
    np.testing.assert_array_equal(r, [3.0, 4.0, 5.0])
    del r
    gc.collect()
    assert ref() is None


def test_class_reads_array_field():
    a = np.arange(6.0).reshape(2, 3)
    h = nd_test.ArrayHolder(a)
    assert h.total() == 15.0
    first = h.first()
    np.testing.assert_array_equal(first, [0.0, 1.0, 2.0])
    assert np.shares_memory(first, a)
    a[0, 0] = 9.0
    assert first[0] == 9.0
    with pytest.raises(TypeError, match="the object must be numpy.ndarray of float64, not str"):
        nd_test.ArrayHolder("x").total()
