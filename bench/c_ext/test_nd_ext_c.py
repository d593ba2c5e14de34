"""Checks nd_ext_c (the C baseline) against numpy, and its Point against nd_ext.Point
(when nd_ext is published to .build/modules).

Run: bench/build_c.sh && /usr/bin/python3 -m pytest bench/c_ext -q
"""
import math
import pathlib
import sys
import weakref
from fractions import Fraction

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


# ------------------------------------------------------------------- Point

def test_point_construct():
    P = m.Point
    p = P(1.0, 2.0)
    assert type(p) is P and (p.x, p.y) == (1.0, 2.0)
    assert (P().x, P().y) == (0.0, 0.0)
    assert (P(x=4, y=6).x, P(y=3).y, P(5).y) == (4.0, 3.0, 0.0)
    assert type(P(1, True).x) is float and P(1, True).y == 1.0
    assert P(np.float32(0.5)).x == 0.5 and P(Fraction(1, 4)).x == 0.25
    assert P(_Index()).x == 7.0 and P(_Float()).x == 2.5
    with pytest.raises(OverflowError):
        P(2 ** 1100)


def test_point_attributes():
    p = m.Point(1.0, 2.0)
    p.x = 3.0
    p.y = 4
    assert (p.x, p.y) == (3.0, 4.0) and type(p.y) is float
    p.x = _Float()
    assert p.x == 2.5
    assert m.Point.x.__doc__ == "The x coordinate."
    # x and y are T_DOUBLE member descriptors: CPython's own conversion and messages.
    assert type(m.Point.x).__name__ == "member_descriptor"
    with pytest.raises(TypeError, match="must be real number, not str"):
        p.x = "1"
    with pytest.raises(OverflowError):
        p.x = 2 ** 1100
    with pytest.raises(TypeError, match="can't delete numeric/char attribute"):
        del p.y
    with pytest.raises(AttributeError):
        p.z = 1.0  # no __dict__
    # CPython's T_DOUBLE setter (3.9-3.13) stores PyFloat_AsDouble's error value before it looks
    # for the error: a failed write leaves -1.0 in the field. nd_ext's setters leave the old value.
    assert (p.x, p.y) == (-1.0, 4.0)


def test_point_distance():
    p, q = m.Point(1.0, 2.0), m.Point(4.0, 6.0)
    assert p.distance(q) == 5.0 and q.distance(p) == 5.0
    assert p.distance() == math.sqrt(5.0) == p.distance(None) == p.distance(other=None)
    assert p.distance(other=q) == 5.0
    assert m.Point(-0.0, 0.0).distance() == 0.0
    assert math.isnan(m.Point(math.nan).distance())


def test_point_repr_str():
    assert repr(m.Point(1.0, 2.0)) == "Point (1.0, 2.0)"
    assert str(m.Point(1.0, 2.0)) == "(1.0, 2.0)"
    for x, y in [(0.1, 1 / 3), (1e20, -0.0), (1e16, 1e-7), (math.nan, -math.inf), (123456789.0, 5e-324)]:
        assert str(m.Point(x, y)) == f"({x!r}, {y!r})"
        assert repr(m.Point(x, y)) == f"Point ({x!r}, {y!r})"


def test_point_type():
    P = m.Point
    assert P.__module__ == "nd_ext_c" and P.__qualname__ == "Point"
    assert P.__text_signature__ == "(x=0.0, y=0.0)"
    assert P.distance.__text_signature__ == "($self, other=None)"
    with pytest.raises(TypeError, match="not an acceptable base type"):
        type("Sub", (P,), {})
    # The type's vectorcall and its tp_new (the (tuple, dict) call) bind alike.
    for args, kwargs in [((1.0, 2.0), {}), ((), {"y": 2, "x": 1}), ((5,), {"y": 3})]:
        assert repr(P.__new__(P, *args, **kwargs)) == repr(P(*args, **kwargs))
    for call in (P, lambda *a, **k: P.__new__(P, *a, **k)):
        with pytest.raises(TypeError, match=r"Point\(\) got multiple values for argument 'x'"):
            call(1, x=2)
        with pytest.raises(TypeError, match=r"Point\(\) got an unexpected keyword argument 'z'"):
            call(z=1)
    p = P(1.0, 2.0)
    r = weakref.ref(p)
    assert r() is p
    del p
    assert r() is None


def test_point_refcounts():
    P = m.Point
    p, q = P(1.0, 2.0), P(3.0, 4.0)
    before = sys.getrefcount(P), sys.getrefcount(p), sys.getrefcount(q), sys.getrefcount(1.0)
    for _ in range(1000):
        P(1.0, 2.0)
        P(x=1.0, y=2.0)
        p.distance(q)
        p.distance()
        p.distance(other=q)
        p.x = p.x + 0.0
        repr(p), str(p)
        try:
            P("a")
        except TypeError:
            pass
    assert (sys.getrefcount(P), sys.getrefcount(p), sys.getrefcount(q), sys.getrefcount(1.0)) == before


def test_point_pickles():
    import copy
    import pickle
    p = m.Point(1.5, -2.0)
    assert p.__reduce__() == (m.Point, (1.5, -2.0))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(p, protocol))
        assert type(q) is m.Point and (q.x, q.y) == (1.5, -2.0)
    assert repr(copy.deepcopy(p)) == repr(p)
    before = sys.getrefcount(m.Point), sys.getrefcount(p)
    for _ in range(1000):
        pickle.loads(pickle.dumps(p))
    assert (sys.getrefcount(m.Point), sys.getrefcount(p)) == before


class _Float:
    def __float__(self):
        return 2.5


class _Index:
    def __index__(self):
        return 7


# nd_ext_c.Point must behave exactly as nd_ext.Point: same results, same errors.
def _nd_ext():
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / ".build" / "modules"))
    try:
        import nd_ext
    except ImportError:
        return None
    finally:
        sys.path.pop(0)
    return nd_ext


ND_EXT = _nd_ext()

PARITY = {
    "new": lambda P: P(1.0, 2.0),
    "new-kw": lambda P: P(y=2, x=1),
    "new-str": lambda P: P("a"),
    "new-none": lambda P: P(None),
    "new-complex": lambda P: P(1j),
    "new-3": lambda P: P(1, 2, 3),
    "new-z": lambda P: P(z=1),
    "new-dup": lambda P: P(1, x=2),
    "new-big": lambda P: P(2 ** 1100),
    "distance": lambda P: P(1.0, 2.0).distance(P(4.0, 6.0)),
    "distance-0": lambda P: P(1.0, 2.0).distance(),
    "distance-int": lambda P: P().distance(1),
    "distance-2": lambda P: P().distance(P(), P()),
    "distance-kw": lambda P: P().distance(o=P()),
    "distance-dup": lambda P: P().distance(P(), other=P()),
    "set": lambda P: (lambda p: (setattr(p, "x", 3), setattr(p, "y", True), p)[-1])(P()),
    "repr": lambda P: repr(P(0.1, 1e20)),
    "str": lambda P: str(P(-0.0, math.inf)),
    "reduce-arg": lambda P: P().__reduce__(1),
    "pickle": lambda P: __import__("pickle").loads(__import__("pickle").dumps(P(1.5, -2.0))),
}


def _outcome(f, P):
    try:
        r = f(P)
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e).replace("nd_ext_c.", "nd_ext.")
    return ("Point", r.x, r.y) if type(r) is P else r


@pytest.mark.skipif(ND_EXT is None, reason="nd_ext not published to .build/modules")
@pytest.mark.parametrize("case", PARITY)
def test_point_parity_with_nd_ext(case):
    assert _outcome(PARITY[case], m.Point) == _outcome(PARITY[case], ND_EXT.Point)


# Writing a bad value: the C Point's member descriptors raise CPython's errors, of the same types as
# nd_ext's (whose messages are its own while its x and y are not member descriptors).
ATTRIBUTE_ERRORS = {
    "set-str": (lambda P: setattr(P(), "x", "a"), TypeError),
    "set-none": (lambda P: setattr(P(), "y", None), TypeError),
    "set-big": (lambda P: setattr(P(), "y", 2 ** 1100), OverflowError),
}


@pytest.mark.skipif(ND_EXT is None, reason="nd_ext not published to .build/modules")
@pytest.mark.parametrize("case", ATTRIBUTE_ERRORS)
def test_point_attribute_error_types_match_nd_ext(case):
    f, error = ATTRIBUTE_ERRORS[case]
    for P in (m.Point, ND_EXT.Point):
        with pytest.raises(error):
            f(P)


# The crossing probe (bench/.build/crossing): an empty .NET entry point against an empty C one.
@pytest.mark.skipif(ND_EXT is None, reason="nd_ext is not published to .build/modules")
def test_crossing_probe_times_both_entry_points():
    import subprocess
    build = pathlib.Path(__file__).resolve().parent.parent / ".build"
    out = subprocess.run([str(build / "crossing"), ND_EXT.__file__, str(build / "crossing_c.so")],
                         capture_output=True, text=True, check=True, timeout=120).stdout.split()
    managed, native = (float(x) for x in out)
    # Both ran: every call costs something, and entering .NET costs more than a C call.
    assert 0 < native < managed < 1000


def test_axpy_and_dot_match_numpy():
    rng = np.random.default_rng(2)
    x, y = rng.random(1001), rng.random(1001)
    expected = y + 0.5 * x
    assert m.axpy(0.5, x, y) is None
    np.testing.assert_array_equal(y, expected)
    assert m.dot(x, y) == pytest.approx(np.dot(x, y), rel=1e-12)
    assert m.dot(np.empty(0), np.empty(0)) == 0.0
    with pytest.raises(ValueError, match=r"axpy\(\): x and y must be contiguous 1-d arrays of one length"):
        m.axpy(1.0, x, y[::2])
    with pytest.raises(ValueError, match=r"dot\(\): x and y must be contiguous 1-d arrays of one length"):
        m.dot(x, y[1:])
    with pytest.raises(ValueError, match="read-only"):
        m.axpy(1.0, x, np.broadcast_to(y, y.shape))
