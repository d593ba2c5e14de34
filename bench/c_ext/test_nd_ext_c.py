"""Checks nd_ext_c (the C baseline) against numpy.

Run: bench/build_c.sh && /usr/bin/python3 -m pytest bench/c_ext -q
"""
import pathlib
import sys

import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / ".build"))
import nd_ext_c as m  # noqa: E402


# name -> (base array, view of it). Views are rebuilt per test so in-place
# tests can check that only the viewed elements of the base changed.
def _cases():
    def a(n):
        return np.arange(n, dtype=np.float64)

    as_strided = np.lib.stride_tricks.as_strided
    return {
        "1d": lambda: (b := a(10), b),
        "2d": lambda: (b := a(12).reshape(3, 4), b),
        "3d": lambda: (b := a(24).reshape(2, 3, 4), b),
        "3d-transposed": lambda: (b := a(24).reshape(2, 3, 4), b.transpose(2, 0, 1)),
        "3d-sliced": lambda: (b := a(24).reshape(2, 3, 4), b[:, ::-2, 1::2]),
        "fortran": lambda: (b := np.asfortranarray(a(12).reshape(3, 4)), b),
        "fortran-sliced": lambda: (b := np.asfortranarray(a(20).reshape(4, 5)), b[1:3, ::2]),
        "neg-stride": lambda: (b := a(100_000), b[::-2]),
        "step": lambda: (b := a(100_000), b[::3]),
        "T-step": lambda: (b := a(1_000_000).reshape(1000, 1000), b.T[:, ::2]),
        "0-d": lambda: (b := np.array(3.5), b),
        "0-d-view": lambda: (b := a(5), b[2, ...]),
        "empty": lambda: (b := np.empty(0), b),
        "empty-2d": lambda: (b := np.empty((3, 0)), b),
        "empty-strided": lambda: (b := np.empty((4, 0, 2)), b[::-1]),
        "zero-stride": lambda: (b := a(3), as_strided(b, (2, 3), (0, 8), writeable=False)),
        "subclass": lambda: (b := a(6).reshape(2, 3).view(np.matrix), b),
    }


CASES = _cases()


def test_add_scalars():
    assert m.add_scalars(1.0, 2.0) == 3.0
    assert m.add_scalars(1, 2) == 3.0 and type(m.add_scalars(1, 2)) is float
    assert m.add_scalars(np.float32(0.5), True) == 1.5
    with pytest.raises(TypeError):
        m.add_scalars("1", 2.0)
    with pytest.raises(TypeError):
        m.add_scalars(1.0)
    with pytest.raises(TypeError):
        m.add_scalars(1.0, 2.0, 3.0)
    with pytest.raises(TypeError):
        m.add_scalars(x=1.0, y=2.0)


@pytest.mark.parametrize("name", CASES)
def test_add_scalar_to_array(name):
    base, arr = CASES[name]()
    before = base.copy()
    out = m.add_scalar_to_array(1.5, arr)
    assert type(out) is np.ndarray and out.dtype == np.float64
    assert out.shape == arr.shape and out.flags.c_contiguous and out.flags.owndata
    assert np.array_equal(out, np.asarray(arr) + 1.5)
    assert np.array_equal(base, before)  # untouched


@pytest.mark.parametrize("name", [n for n in CASES if n != "zero-stride"])
def test_add_scalar_to_array_inplace(name):
    base, arr = CASES[name]()
    expected = base.copy()
    expected_view = np.array(arr) + 2.0
    assert m.add_scalar_to_array_inplace(2.0, arr) is None
    assert np.array_equal(arr, expected_view)
    # Elements outside the view are untouched: the total change is 2.0 per viewed element.
    assert np.sum(np.asarray(base) - expected) == 2.0 * arr.size
    assert np.count_nonzero(np.asarray(base) != expected) == arr.size


def test_inplace_views_simple():
    a = np.arange(10.0)
    m.add_scalar_to_array_inplace(1.0, a[::-2])
    assert np.array_equal(a, np.arange(10.0) + np.array([0, 1] * 5))
    b = np.arange(16.0).reshape(4, 4)
    m.add_scalar_to_array_inplace(10.0, b.T[:, ::2])
    exp = np.arange(16.0).reshape(4, 4)
    exp[::2, :] += 10.0
    assert np.array_equal(b, exp)
    z = np.array(1.0)
    m.add_scalar_to_array_inplace(1.0, z)
    assert z == 2.0


def test_errors():
    for f in (m.add_scalar_to_array, m.add_scalar_to_array_inplace):
        with pytest.raises(TypeError):
            f(1.0, [1.0, 2.0])
        with pytest.raises(TypeError):
            f(1.0, np.arange(3, dtype=np.float32))
        with pytest.raises(TypeError):
            f(1.0, np.arange(3))
        with pytest.raises(TypeError):
            f(1.0, np.arange(3.0).astype(">f8"))
        with pytest.raises(TypeError):
            f("x", np.arange(3.0))
        with pytest.raises(TypeError):
            f(1.0)
        buf = np.zeros(8 * 4 + 1, dtype=np.uint8)
        unaligned = buf[1:].view(np.float64)
        assert not unaligned.flags.aligned
        with pytest.raises(ValueError):
            f(1.0, unaligned)
    ro = np.arange(3.0)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        m.add_scalar_to_array_inplace(1.0, ro)
    with pytest.raises(ValueError, match="read-only"):
        m.add_scalar_to_array_inplace(1.0, np.broadcast_to(np.arange(3.0), (2, 3)))
    assert np.array_equal(m.add_scalar_to_array(1.0, ro), [1.0, 2.0, 3.0])


def test_refcounts():
    a = np.arange(100.0)[::2]
    before = sys.getrefcount(a), sys.getrefcount(1.0)
    for _ in range(1000):
        m.add_scalar_to_array(1.0, a)
        m.add_scalar_to_array_inplace(1.0, a)
        m.add_scalars(1.0, 2.0)
    assert (sys.getrefcount(a), sys.getrefcount(1.0)) == before
