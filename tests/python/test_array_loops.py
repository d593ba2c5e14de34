"""The loops users write (examples/NdExt/Loops.cs): foreach over views, span loops and NdZip's vector
path (Map in place, Sum) against numpy, in every layout the enumerator and the vector path walk
differently (one run, runs per row, strided, negative, broadcast, 0-d, empty)."""
import numpy as np
import pytest

import nd_ext


def poly(a):
    return ((a * 0.5 + 1.5) * a + 2.5) * a + 3.5


def layouts():
    """(name, base array, view of it): the view is what the kernel gets; the base shows what else it touched."""
    rng = np.random.default_rng(7)

    def fresh(n):
        return rng.standard_normal(n)

    b = fresh(12)
    yield "contiguous 1-d", b, b
    b = fresh(24)
    yield "contiguous 3-d", b, b.reshape(2, 3, 4)
    b = fresh(1001)
    yield "contiguous, odd length", b, b
    b = fresh(200)
    yield "strided 1-d", b, b[::2]
    b = fresh(200)
    yield "negative 1-d", b, b[::-3]
    b = fresh(60)
    yield "Fortran 2-d", b, b.reshape(6, 10).T
    b = fresh(120)
    yield "3-d non-contiguous", b, b.reshape(4, 5, 6).transpose(2, 0, 1)[:, ::2, 1:]
    b = fresh(96)
    yield "strided outer, contiguous rows", b, b.reshape(8, 12)[::2]
    b = fresh(96)
    yield "columns", b, b.reshape(8, 12)[1:, ::3]
    b = fresh(1)
    yield "0-d", b, b.reshape(())
    b = fresh(0)
    yield "empty", b, b.reshape(0, 3)


LAYOUTS = list(layouts())


@pytest.mark.parametrize("kernel", ["poly_foreach", "poly_vector"])
@pytest.mark.parametrize("name, base, view", LAYOUTS, ids=[n for n, _, _ in LAYOUTS])
def test_poly_in_place_is_numpys_in_every_layout(kernel, name, base, view):
    original = base
    base = base.copy()
    view = _over(base, view, original)
    expected = base.copy()
    ev = _over(expected, view, base)
    ev[...] = poly(ev)
    assert getattr(nd_ext, kernel)(view) is None
    np.testing.assert_array_equal(base, expected)   # the same operations in the same order: bit for bit


@pytest.mark.parametrize("kernel", ["sumsq_foreach", "sumsq_vector"])
@pytest.mark.parametrize("name, base, view", LAYOUTS, ids=[n for n, _, _ in LAYOUTS])
def test_sum_of_squares_is_numpys_in_every_layout(kernel, name, base, view):
    got = getattr(nd_ext, kernel)(view)
    assert type(got) is float
    assert got == pytest.approx(float(np.sum(view * view)), rel=1e-13, abs=0)


@pytest.mark.parametrize("name, base, view", LAYOUTS, ids=[n for n, _, _ in LAYOUTS])
def test_foreach_sums_in_c_order(name, base, view):
    expected = 0.0
    for x in view.ravel(order="C"):
        expected += float(x) * float(x)
    assert nd_ext.sumsq_foreach(view) == expected   # sequential, C order: exactly Python's loop


def test_broadcast_view_counts_each_element_as_often_as_numpy():
    row = np.arange(5.0)
    b = np.broadcast_to(row, (3, 5))                 # stride 0 outside, read-only
    col = np.broadcast_to(np.arange(3.0)[:, None], (3, 4))   # stride 0 inside
    for v in (b, col):
        want = float(np.sum(v * v))
        assert nd_ext.sumsq_foreach(v) == want
        assert nd_ext.sumsq_vector(v) == want
    with pytest.raises(ValueError, match="read-only"):
        nd_ext.poly_vector(b)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 1001])
def test_span_and_vector_kernels_agree_with_numpy_on_contiguous_lengths(n):
    a = np.random.default_rng(n).standard_normal(n)
    for kernel in (nd_ext.poly_span, nd_ext.poly_vector, nd_ext.poly_foreach):
        b = a.copy()
        kernel(b)
        np.testing.assert_array_equal(b, poly(a))
    want = float(np.sum(a * a))
    assert nd_ext.sumsq_span(a) == pytest.approx(want, rel=1e-13, abs=0)
    assert nd_ext.sumsq_vector(a) == pytest.approx(want, rel=1e-13, abs=0)
    assert nd_ext.sumsq_span(a) == nd_ext.sumsq_foreach(a)


def test_span_kernels_refuse_strided_arrays_with_a_value_error():
    a = np.zeros(10)
    with pytest.raises(ValueError, match="C-contiguous"):
        nd_ext.poly_span(a[::2])
    with pytest.raises(ValueError, match="C-contiguous"):
        nd_ext.sumsq_span(a[::2])
    assert np.all(a == 0)


def test_readme_session_is_what_it_shows():
    arr = np.array([[1., 2.], [3., 4.]])
    assert nd_ext.add_scalar_to_array_inplace(1., arr) is None
    np.testing.assert_array_equal(arr, [[2., 3.], [4., 5.]])


def _over(base, view, original):
    """`view`'s layout (a view of `original`) over `base`, a copy of `original`: same offset, shape, strides."""
    offset = view.__array_interface__["data"][0] - original.__array_interface__["data"][0]
    return np.lib.stride_tricks.as_strided(base[offset // base.itemsize:], view.shape, view.strides)
