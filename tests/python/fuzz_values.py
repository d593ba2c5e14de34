"""Value strategies and conversion oracles for test_fuzz.py.

`anything()` draws the broad set of Python values the issue lists (ints of any size, floats with
NaN/inf/-0.0, strings with lone surrogates, bytes, None, containers, numpy arrays of every dtype
and layout, numpy scalars, subclasses, objects whose __float__/__index__/__len__ raise); `good(kind)`
draws values a parameter of that kind accepts, so the success path runs too. `expect(kind, value)`
says what converting `value` for a parameter of that kind must give: ("ok", converted) or
("raise", exception type, message regex or None, exception object or None).
"""
import array
import functools
import math
import operator
import re
import warnings

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex128"]

INT_RANGES = {(-2**7, 2**7 - 1), (0, 2**8 - 1), (-2**15, 2**15 - 1), (0, 2**16 - 1), (-2**31, 2**31 - 1),
              (0, 2**32 - 1), (-2**63, 2**63 - 1), (0, 2**64 - 1)}


# --- hostile and odd objects ----------------------------------------------------------------------

class FuzzError(Exception):
    """Raised by the objects below: a conversion must propagate this very exception."""


class RaisingFloat:
    def __init__(self, tag):
        self.tag = tag

    def __float__(self):
        raise FuzzError(f"__float__ of {self.tag}")

    def __repr__(self):
        return f"RaisingFloat({self.tag})"


class RaisingIndex:
    def __init__(self, tag):
        self.tag = tag

    def __index__(self):
        raise FuzzError(f"__index__ of {self.tag}")

    def __repr__(self):
        return f"RaisingIndex({self.tag})"


class RaisingBoth(RaisingFloat, RaisingIndex):
    """__float__ and __index__ both raise, with different messages: which hook ran shows."""

    def __repr__(self):
        return f"RaisingBoth({self.tag})"


class RaisingLen:
    def __len__(self):
        raise FuzzError("__len__")

    def __iter__(self):
        raise FuzzError("__iter__")

    def __getitem__(self, i):
        raise FuzzError("__getitem__")

    def __repr__(self):
        return "RaisingLen()"


class RaisingEverything:
    """Every protocol a conversion might try raises."""

    def __getattr__(self, name):
        raise FuzzError(f"getattr {name}")

    def __eq__(self, other):
        raise FuzzError("__eq__")

    def __hash__(self):
        raise FuzzError("__hash__")

    def __repr__(self):
        return "RaisingEverything()"


class FloatLike:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value

    def __repr__(self):
        return f"FloatLike({self.value!r})"


class IndexLike:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return f"IndexLike({self.value!r})"


class IntSub(int):
    pass


class FloatSub(float):
    pass


class StrSub(str):
    pass


class ArraySub(np.ndarray):
    pass


class OnlyInt:
    def __int__(self):
        return 3


def _arrays_of(dtype, min_dims=0, max_dims=4):
    shapes = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=0, max_side=4)
    if np.dtype(dtype) == object:   # hypothesis infers no elements for object: a few kinds of Python objects
        return hnp.arrays(object, shapes, elements=st.none() | st.integers() | st.text(max_size=3) | st.tuples())
    return hnp.arrays(np.dtype(dtype), shapes)


@st.composite
def layouts(draw, arr):
    """arr as a view of some layout: transposed, negative or >1 steps, Fortran, a subclass, read-only, broadcast."""
    if arr.ndim and draw(st.booleans()):
        index = tuple(draw(st.sampled_from([slice(None), slice(None, None, -1), slice(1, None, 2), slice(None, None, -2)]))
                      for _ in range(arr.ndim))
        arr = arr[index]
    if arr.ndim > 1 and draw(st.booleans()):
        arr = arr.T if draw(st.booleans()) else np.moveaxis(arr, 0, -1)
    if draw(st.integers(0, 9)) == 0:
        arr = np.asfortranarray(arr)
    if draw(st.integers(0, 7)) == 0:
        arr = arr.view(ArraySub)
    if arr.ndim and draw(st.integers(0, 9)) == 0:
        arr = np.broadcast_to(arr, (2,) + arr.shape)           # a zero stride, read-only
    if draw(st.integers(0, 6)) == 0 and arr.flags.writeable:
        arr = arr.view()
        arr.flags.writeable = False
    return arr


@functools.lru_cache(maxsize=None)
def arrays(dtype=None, max_dims=4, min_dims=0):
    """numpy arrays of one dtype (or every dtype), ndim min_dims..max_dims (before a broadcast), any layout."""
    dtypes = st.just(dtype) if dtype else st.sampled_from(DTYPES)
    return dtypes.flatmap(lambda d: _arrays_of(d, min_dims, max_dims)).flatmap(layouts)


@functools.lru_cache(maxsize=None)
def odd_arrays():
    """Arrays no parameter accepts: byte-swapped, object, strings, records, longdouble, datetimes."""
    swapped = st.sampled_from([">f8", ">i4", ">c16", ">u2", ">f4"]).map(lambda d: np.arange(4).astype(d))
    others = st.sampled_from([np.array(["a"], dtype=object), np.array(["abc"]), np.zeros(2, dtype=[("x", "f8")]),
                              np.zeros(2, dtype=np.longdouble), np.zeros(2, dtype="M8[s]"), np.zeros((2, 2), np.complex64)])
    return swapped | others.map(np.copy)


@functools.lru_cache(maxsize=None)
def buffers():
    """Buffer exporters that are not numpy arrays."""
    return st.one_of(
        st.binary(max_size=8),
        st.binary(max_size=8).map(bytearray),
        st.binary(max_size=8).map(memoryview),
        st.sampled_from(["d", "f", "q", "l", "i", "B", "b", "H"]).flatmap(
            lambda code: st.lists(st.integers(0, 100), max_size=4).map(lambda xs: array.array(code, xs))),
        arrays(max_dims=2).map(memoryview),
    )


@functools.lru_cache(maxsize=None)
def numpy_scalars():
    return st.sampled_from(DTYPES).flatmap(lambda d: hnp.from_dtype(np.dtype(d)))


@functools.lru_cache(maxsize=None)
def ints():
    edges = [s * 2**k + d for k in (7, 8, 15, 16, 31, 32, 63, 64, 100, 1000) for s in (1, -1) for d in (-1, 0, 1)]
    return st.integers() | st.sampled_from(edges) | st.integers(-2**70, 2**70)


@functools.lru_cache(maxsize=None)
def floats():
    return st.floats() | st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 5e-324, 1.7976931348623157e308, 3.4028235e38,
                                          3.4028236e38, 1e39, 2.0**63, 2.0**64])


@functools.lru_cache(maxsize=None)
def texts():
    # blacklist_categories=() lets lone surrogates (category Cs) in; NUL is in Cc.
    return st.text(st.characters(blacklist_categories=()), max_size=12) | st.text(max_size=12)


@functools.lru_cache(maxsize=None)
def hostile():
    tags = st.integers(0, 99)
    return st.one_of(
        tags.map(RaisingFloat), tags.map(RaisingIndex), tags.map(RaisingBoth), st.builds(RaisingLen),
        st.builds(RaisingEverything), floats().map(FloatLike), ints().map(IndexLike),
        st.sampled_from(["x", None, 1.5, [], 2**70]).map(FloatLike),             # __float__ returning a non-float
        st.sampled_from(["x", None, 1.5, 2.0**70]).map(IndexLike),              # __index__ returning a non-int
        ints().map(IntSub), floats().map(FloatSub), texts().map(StrSub), st.builds(OnlyInt),
    )


@functools.lru_cache(maxsize=None)
def scalars():
    return st.one_of(
        ints(), floats(), texts(), st.binary(max_size=8), st.none(), st.booleans(),
        st.complex_numbers(), st.decimals(allow_nan=False), st.fractions(),
        numpy_scalars(), st.sampled_from([np.True_, np.False_]), hostile(),
    )


@functools.lru_cache(maxsize=None)
def anything():
    """The broad strategy: every kind of value the issue lists."""
    base = st.one_of(scalars(), scalars(), arrays(), buffers(), odd_arrays())
    containers = st.recursive(scalars(), lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
                              | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=5)
    return base | containers


# --- conversion oracles ---------------------------------------------------------------------------

def _strict_warnings():
    ctx = warnings.catch_warnings()
    ctx.__enter__()
    warnings.simplefilter("error")
    return ctx


def _attempt(f, value):
    """f(value) under warnings-as-errors: ("ok", result) or ("raise", type, None, exception)."""
    ctx = _strict_warnings()
    try:
        return ("ok", f(value))
    except BaseException as e:  # noqa: B902 - any exception is an outcome to compare
        return ("raise", type(e), re.escape(str(e)) if isinstance(e, FuzzError) else None, e)
    finally:
        ctx.__exit__(None, None, None)


STRINGISH = (str, bytes, bytearray, memoryview)


def expect_index(value):
    """What a C# integer parameter sees: __index__, as operator.index (floats, str, ... refused)."""
    if isinstance(value, STRINGISH) or not hasattr(type(value), "__index__"):
        return ("raise", TypeError, r"must be int, not ", None)
    return _attempt(operator.index, value)


def expect_float(value):
    """What a C# double parameter sees: PyFloat_AsDouble, as float() for a non-string."""
    if isinstance(value, STRINGISH) or not (hasattr(type(value), "__float__") or hasattr(type(value), "__index__")):
        return ("raise", TypeError, r"must be float, not ", None)
    return _attempt(float, value)


def to_float32(x):
    with np.errstate(over="ignore"):
        return float(np.float32(x))


def buffer_array(value):
    """The array a view parameter sees for value (numpy's reading of its buffer), or None."""
    if isinstance(value, np.ndarray):
        return value
    try:
        view = memoryview(value)
    except TypeError:
        return None
    try:
        return np.asarray(view)
    except (ValueError, TypeError, NotImplementedError):
        return None


def same(a, b):
    """Equality where NaN equals NaN and -0.0 differs from 0.0 (floats), or numpy arrays exactly equal."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    return type(a) is type(b) and a == b


def same_array(a, b):
    """Same shape, dtype and elements; NaN equals NaN (any sign or payload), -0.0 differs from 0.0."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.kind in "mM":   # NaT is unequal to itself: the stored integers
        return bool(np.array_equal(a.view(np.int64), b.view(np.int64)))
    if a.dtype.kind not in "fc":
        return bool(np.array_equal(a, b))
    parts = [(a.real, b.real), (a.imag, b.imag)] if a.dtype.kind == "c" else [(a, b)]
    for x, y in parts:
        nan = np.isnan(x)
        if not np.array_equal(nan, np.isnan(y)):
            return False
        if not np.array_equal(x[~nan], y[~nan]) or not np.array_equal(np.signbit(x[~nan]), np.signbit(y[~nan])):
            return False
    return True
