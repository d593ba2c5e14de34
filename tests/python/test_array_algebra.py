"""Array algebra (tests/NdTestModule/ArraysAlgebra.cs, examples/NdExt/Algebra.cs): NdZip's broadcasting
loops against numpy for every layout, views as System.Numerics.Tensors spans, arrays from tensors,
NdParallel.ForRows."""
import sys

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import nd_ext
import nd_test
from hostile import run_hostile


def layouts(shape, dtype=np.float64, seed=0):
    """The same values in every layout: C, Fortran, strided, negative strides (and 0-d, empty as given)."""
    rng = np.random.default_rng(seed)
    base = np.asarray((rng.standard_normal(shape) * 100).round(), dtype)
    yield "C", base
    if base.ndim == 0:
        return
    yield "F", np.asfortranarray(base)
    big = np.zeros(tuple(2 * n + 1 for n in shape), dtype)
    strided = big[tuple(slice(1, None, 2) for _ in shape)]
    strided[...] = base
    yield "strided", strided
    neg = np.zeros(tuple(2 * n + 1 for n in shape), dtype)
    negative = neg[tuple(slice(None, 0, -2) for _ in shape)]
    negative[...] = base
    yield "negative", negative


SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (0, 3)]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_two_input_kernels_match_numpy_in_every_layout(shape):
    for (la, a) in layouts(shape, seed=1):
        for (lb, b) in layouts(shape, seed=2):
            for (lo, out) in layouts(shape, seed=3):
                out[...] = -1.0
                nd_test.zip_add(a, b, out)
                np.testing.assert_array_equal(out, a + b, err_msg=f"{la} + {lb} -> {lo}")
                nd_test.zip_scale_add(a, b, out)
                np.testing.assert_array_equal(out, a * 10 + b, err_msg=f"{la} * 10 + {lb} -> {lo}")


@pytest.mark.parametrize("a_shape,b_shape", [((3, 1), (4,)), ((), (3, 4)), ((3, 4), ()), ((2, 1, 4), (3, 1)),
                                             ((1,), (0,)), ((4,), (1, 4)), ((5, 1, 1), (1, 1, 2))], ids=str)
def test_broadcasting_matches_numpy(a_shape, b_shape):
    expected_shape = np.broadcast_shapes(a_shape, b_shape)
    for (la, a) in layouts(a_shape, seed=4):
        for (lb, b) in layouts(b_shape, seed=5):
            new = nd_test.zip_add_new(a, b)
            assert new.shape == expected_shape and new.dtype == np.float64
            np.testing.assert_array_equal(new, a + b, err_msg=f"{la} {a_shape} + {lb} {b_shape}")
            for (lo, out) in layouts(expected_shape, seed=6):
                nd_test.zip_scale_add(a, b, out)
                np.testing.assert_array_equal(out, a * 10 + b, err_msg=f"{la} + {lb} -> {lo}")


def test_scalar_with_array_and_array_with_scalar():
    a = np.arange(6.0).reshape(2, 3)
    out = np.empty_like(a)
    nd_test.zip_add(np.array(2.5), a, out)
    np.testing.assert_array_equal(out, a + 2.5)
    nd_test.zip_scale_add(a, np.array(1.0), out)
    np.testing.assert_array_equal(out, a * 10 + 1)
    # A numpy scalar of the dtype is a 0-d input as well.
    nd_test.zip_add(a, np.float64(-1.0), out)
    np.testing.assert_array_equal(out, a - 1)


def test_delegate_ternary_and_unary_forms():
    a = np.arange(12, dtype=np.int64).reshape(3, 4)
    out = np.zeros((3, 4), np.int64)
    nd_test.zip_subtract_func(a, np.array([1, 2, 3, 4]), out)
    np.testing.assert_array_equal(out, a - [1, 2, 3, 4])
    x = np.arange(4, dtype=np.float32)
    col = np.array([[1.0], [2.0]], np.float32)
    out = np.zeros((2, 4))
    nd_test.zip_fma(x, col, np.float32(0.5), out)
    np.testing.assert_array_equal(out, x.astype(np.float64) * col + 0.5)
    out = np.zeros((3, 4))
    nd_test.map_negate(a[0].astype(np.float64), out)
    np.testing.assert_array_equal(out, -np.broadcast_to(a[0], (3, 4)))


def test_in_place_update_through_the_output_as_an_input():
    y = np.arange(10.0)
    x = np.ones(10)
    nd_ext.axpy(2.0, x, y)
    np.testing.assert_array_equal(y, np.arange(10.0) + 2)
    # Strided and broadcast: the NdZip path.
    y2 = np.zeros((4, 6))[:, ::2]
    nd_ext.axpy(3.0, np.array([1.0, 2.0, 3.0]), y2)
    np.testing.assert_array_equal(y2, np.broadcast_to([3.0, 6.0, 9.0], (4, 3)))


def test_mismatched_shapes_are_valueerrors_naming_the_shapes():
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with shapes \(3,\) \(4,\)$"):
        nd_test.zip_add_new(np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with shapes \(2,3\) \(3,\) \(4,\)$"):
        nd_test.zip_add(np.zeros((2, 3)), np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match=r"^non-broadcastable output operand with shape \(3,\) doesn't match the broadcast shape \(2,3\)$"):
        nd_test.zip_add(np.zeros((2, 3)), np.zeros(3), np.zeros(3))
    # numpy says the same.
    with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(3,\) \(4,\)"):
        np.add(np.zeros(3), np.zeros(4))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_broadcasting_against_numpy_hypothesis(data):
    ndim = data.draw(st.integers(0, 3))
    shape = data.draw(st.lists(st.integers(0, 4), min_size=ndim, max_size=ndim))
    # Each input takes the output's trailing axes, some of them squeezed to 1.
    def input_shape():
        k = data.draw(st.integers(0, ndim))
        tail = shape[ndim - k:]
        return tuple(1 if data.draw(st.booleans()) else n for n in tail)
    a_shape, b_shape = input_shape(), input_shape()
    a = np.arange(np.prod(a_shape, dtype=int), dtype=np.float64).reshape(a_shape)
    b = np.arange(np.prod(b_shape, dtype=int), dtype=np.float64).reshape(b_shape) * 7
    if data.draw(st.booleans()):
        a = a.T
        b = b.T[..., ::-1] if b.ndim else b
    try:
        expected = np.add(a, b, out=np.empty(shape))
    except ValueError:
        with pytest.raises(ValueError):
            nd_test.zip_add(a, b, np.empty(shape))
        return
    out = np.full(shape, np.nan)
    if data.draw(st.booleans()) and out.ndim:
        out = np.full(shape[::-1], np.nan).T
    nd_test.zip_add(a, b, out)
    np.testing.assert_array_equal(out, expected)


# --- tensor spans -------------------------------------------------------------------------------

def test_views_become_tensor_spans_with_element_strides():
    a = np.zeros((3, 4))
    assert nd_test.tensor_strides(a) == [4, 1]
    assert nd_test.tensor_strides(a.T) == [1, 4]
    assert nd_test.tensor_strides(a[:, ::2]) == [4, 2]
    assert nd_test.tensor_strides(np.broadcast_to(np.zeros(4), (3, 4))) == [0, 1]
    assert nd_test.tensor_strides(np.zeros((1, 4))[:, :]) == [0, 1]   # a length-1 axis: stride 0
    assert nd_test.tensor_strides(np.array(1.0)) == [0]               # 0-d: rank 1, one element
    assert nd_test.tensor_strides(np.zeros((0, 4))) == [0, 0]


def test_tensor_spans_share_numpys_memory():
    a = np.arange(12.0).reshape(3, 4)
    assert nd_test.tensor_sum(a[:, 1::2]) == a[:, 1::2].sum()
    assert nd_test.tensor_sum(np.broadcast_to(np.arange(4.0), (3, 4))) == 18.0
    view = a[::2, ::3]
    nd_test.tensor_fill(view, 7.0)
    assert (a[::2, ::3] == 7.0).all() and a[1, 0] == 4.0 and a[0, 1] == 1.0


def test_layouts_a_tensor_span_cannot_take_are_valueerrors_or_false():
    a = np.arange(12.0)
    with pytest.raises(ValueError, match=r"axis 0 has a negative stride \(-8 bytes\), which a tensor span cannot represent: "
                                         r"pass np.ascontiguousarray\(a\), or copy with ToTensor\(\)"):
        nd_test.tensor_strides(a[::-1])
    packed = np.zeros(4, dtype=[("x", "<f8"), ("tag", "u1")])["x"]   # 9-byte stride
    with pytest.raises(ValueError, match=r"axis 0 has a stride of 9 bytes, not a multiple of the 8-byte element"):
        nd_test.tensor_strides(packed)
    overlapping = np.lib.stride_tricks.as_strided(a, shape=(3, 4), strides=(8, 8))
    with pytest.raises(ValueError, match=r"the strides \(8, 8\) make elements overlap"):
        nd_test.tensor_strides(overlapping)
    assert nd_test.tensor_span_possible(np.zeros((2, 3)).T)
    assert not nd_test.tensor_span_possible(np.zeros(5)[::-1])
    # The copy works for every layout.
    np.testing.assert_array_equal(nd_test.through_tensor(a[::-1]), a[::-1])
    np.testing.assert_array_equal(nd_test.through_tensor(overlapping), overlapping)


def test_arrays_from_tensors_are_new_numpy_arrays():
    r = nd_test.from_tensor(3, 4)
    assert type(r) is np.ndarray and r.dtype == np.int32 and r.flags.c_contiguous and r.flags.writeable
    np.testing.assert_array_equal(r, 10 * np.arange(3)[:, None] + np.arange(4))
    assert sys.getrefcount(r) == 2
    r0 = nd_test.from_tensor(0, 5)
    assert r0.shape == (0, 5)


# --- nd_ext's algebra examples ------------------------------------------------------------------

def test_nd_ext_algebra_matches_numpy():
    rng = np.random.default_rng(7)
    x, y = rng.standard_normal(1000), rng.standard_normal(1000)
    assert nd_ext.dot(x, y) == pytest.approx(np.dot(x, y), rel=1e-12)
    assert nd_ext.dot(x[::3], y[::-3]) == pytest.approx(np.dot(x[::3], y[::-3]), rel=1e-12)
    with pytest.raises(ValueError, match=r"dot takes two 1-d arrays of one length, not shapes \(1000,\) and \(999,\)"):
        nd_ext.dot(x, y[1:])
    np.testing.assert_allclose(nd_ext.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-14)
    m = x.reshape(20, 50)
    np.testing.assert_allclose(nd_ext.sigmoid(m.T[::2]), 1 / (1 + np.exp(-m.T[::2])), rtol=1e-14)
    np.testing.assert_allclose(nd_ext.sigmoid(m[::-1]), 1 / (1 + np.exp(-m[::-1])), rtol=1e-14)
    assert nd_ext.norm(x) == pytest.approx(np.linalg.norm(x), rel=1e-12)
    assert nd_ext.norm(m[:, ::-2]) == pytest.approx(np.linalg.norm(m[:, ::-2]), rel=1e-12)
    assert nd_ext.norm(np.zeros(0)) == 0.0
    assert nd_ext.sigmoid(np.zeros((2, 0))).shape == (2, 0)   # TensorPrimitives.Sigmoid refuses empty spans
    assert nd_ext.dot(np.zeros(0), np.zeros(0)) == 0.0
    expected = y + 2.5 * x
    nd_ext.axpy(2.5, x, y)
    np.testing.assert_array_equal(y, expected)
    expected = y + 0.5 * x
    nd_ext.axpy_loop(0.5, x, y)
    np.testing.assert_array_equal(y, expected)
    a, b = rng.standard_normal((30, 40)), rng.standard_normal(40)
    out = np.empty((30, 40))
    nd_ext.add_into(a, b, out)
    np.testing.assert_array_equal(out, a + b)
    np.testing.assert_array_equal(nd_ext.add_broadcast(a[:, :1], b), a[:, :1] + b)


# --- NdParallel.ForRows -------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(3, 4), (2000, 300), (500, 20, 30), (1,), (0, 5)], ids=str)
def test_for_rows_visits_every_row_once(shape):
    for (layout, a) in layouts(shape, seed=8):
        expected = a + 1000 * np.arange(shape[0]).reshape((-1,) + (1,) * (len(shape) - 1))
        nd_test.add_row_index_parallel(a)
        np.testing.assert_array_equal(a, expected, err_msg=layout)


def test_for_rows_pairs_input_and_output_rows():
    a = np.arange(600000.0).reshape(2000, 300)
    out = np.zeros(2000)
    nd_test.row_sums_parallel(a, out)
    np.testing.assert_array_equal(out, a.sum(axis=1))
    nd_test.row_sums_parallel(a[::-1, ::2], out)
    np.testing.assert_array_equal(out, a[::-1, ::2].sum(axis=1))
    with pytest.raises(ValueError, match=r"input has 2000 rows, output 3: ForRows pairs rows by index"):
        nd_test.row_sums_parallel(a, np.zeros(3))
    with pytest.raises(ValueError, match=r"a 0-dimensional array has no rows"):
        nd_test.add_row_index_parallel(np.array(1.0))


def test_ctrl_c_stops_for_rows_with_keyboard_interrupt():
    """ForRows over 4M elements, 2000 times (minutes) with the GIL released: SIGINT 0.5 s in arrives
    as KeyboardInterrupt within a second, as NdParallel.For's does, and the next call runs to its end."""
    out = run_hostile("""
        import os, signal, threading, time, numpy as np, nd_test
        signal.signal(signal.SIGINT, signal.default_int_handler)
        a = np.zeros((4000, 1000))
        threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        start = time.monotonic()
        try:
            nd_test.add_row_index_parallel(a, 2000)
            print("finished", flush=True)
        except KeyboardInterrupt:
            print(f"interrupted {time.monotonic() - start:.2f}", flush=True)
        b = np.zeros((3000, 100))
        nd_test.add_row_index_parallel(b, 2)
        print("after", np.array_equal(b, 2000.0 * np.arange(3000)[:, None] + np.zeros(100)))
    """, timeout=120)
    first, after = out.splitlines()
    word, took = first.split()
    assert word == "interrupted", out
    assert float(took) < 1.5, out
    assert after == "after True", out
