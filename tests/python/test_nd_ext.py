"""The tutorial module nd_ext (the port of PyO3's rust_ext): results, layouts, docs, ownership, memory."""
import array
import inspect
import math
import pydoc

import numpy as np
import pytest

from memory import rss_bytes
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import nd_ext


def arange(n, dtype=np.float64):
    return np.arange(n, dtype=dtype)


# name -> factory returning an array of float64 in one of the layouts numpy can produce.
LAYOUTS = {
    "0-d": lambda: np.array(3.5),
    "0-d view": lambda: arange(5)[2, ...],
    "empty": lambda: np.empty(0),
    "empty 2-d": lambda: np.empty((3, 0)),
    "empty strided": lambda: np.empty((4, 0, 2))[::-1],
    "1-d": lambda: arange(10),
    "2-d": lambda: arange(12).reshape(3, 4),
    "3-d": lambda: arange(24).reshape(2, 3, 4),
    "a[::2]": lambda: arange(20)[::2],
    "a.T": lambda: arange(12).reshape(3, 4).T,
    "b.T[:, ::2]": lambda: arange(48).reshape(6, 8).T[:, ::2],
    "a[::-1]": lambda: arange(10)[::-1],
    "a[::-2]": lambda: arange(11)[::-2],
    "3-d sliced": lambda: arange(24).reshape(2, 3, 4)[:, ::-2, 1::2],
    "3-d transposed": lambda: arange(24).reshape(2, 3, 4).transpose(2, 0, 1),
    "fortran": lambda: np.asfortranarray(arange(12).reshape(3, 4)),
    "fortran sliced": lambda: np.asfortranarray(arange(20).reshape(4, 5))[1:3, ::2],
    "size-1 axes": lambda: arange(6).reshape(1, 6, 1)[:, ::3, :],
    "long vector (SIMD path)": lambda: arange(1001) * 0.5,
    "unaligned": lambda: np.zeros(8 * 9 + 1, np.uint8)[1:].view(np.float64).__iadd__(2.0),
}


@pytest.fixture(params=list(LAYOUTS), ids=list(LAYOUTS))
def layout(request):
    return LAYOUTS[request.param]


def test_add_scalars():
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    assert type(nd_ext.add_scalars(1.0, 2.0)) is float
    assert nd_ext.add_scalars(x=1.5, y=-0.5) == 1.0
    assert nd_ext.add_scalars(1, 2) == 3.0 and type(nd_ext.add_scalars(1, 2)) is float


@given(st.floats(allow_nan=False), st.floats(allow_nan=False))
def test_add_scalars_matches_python(x, y):
    result, expected = nd_ext.add_scalars(x, y), x + y
    assert result == expected or (math.isnan(result) and math.isnan(expected))


def test_add_scalar_to_array_returns_new_array(layout):
    arr = layout()
    before = arr.copy()
    result = nd_ext.add_scalar_to_array(1.5, arr)
    assert type(result) is np.ndarray
    assert result.shape == arr.shape
    assert result.dtype == np.float64
    np.testing.assert_array_equal(result, arr + 1.5)
    np.testing.assert_array_equal(arr, before)          # the input is untouched
    assert not np.shares_memory(result, arr)


def test_add_scalar_to_array_inplace(layout):
    arr = layout()
    if not arr.flags.writeable:
        pytest.skip("read-only layout")
    expected = arr + 2.0
    assert nd_ext.add_scalar_to_array_inplace(2.0, arr) is None
    np.testing.assert_array_equal(arr, expected)


def test_inplace_writes_only_the_viewed_elements():
    base = arange(24).reshape(4, 6)
    view = base.T[::2, 1::2]
    expected = base.copy()
    expected.T[::2, 1::2] += 1.0
    nd_ext.add_scalar_to_array_inplace(1.0, view)
    np.testing.assert_array_equal(base, expected)

    base = arange(11)
    nd_ext.add_scalar_to_array_inplace(10.0, base[::-2])
    np.testing.assert_array_equal(base, np.where(np.arange(11) % 2 == 0, arange(11) + 10, arange(11)))


def test_numpy_subclass_is_accepted():
    class Tagged(np.ndarray):
        pass

    arr = arange(6).reshape(2, 3).view(Tagged)
    result = nd_ext.add_scalar_to_array(1.0, arr)
    assert type(result) is np.ndarray
    np.testing.assert_array_equal(result, np.asarray(arr) + 1.0)
    nd_ext.add_scalar_to_array_inplace(1.0, arr)
    np.testing.assert_array_equal(arr, arange(6).reshape(2, 3) + 1.0)

    with pytest.warns(PendingDeprecationWarning):
        m = np.matrix([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(1.0, m), np.asarray(m) + 1.0)


def test_buffer_protocol_inputs():
    a = array.array("d", [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(1.0, a), [2.0, 3.0, 4.0])
    nd_ext.add_scalar_to_array_inplace(1.0, a)
    assert a.tolist() == [2.0, 3.0, 4.0]

    base = arange(12).reshape(3, 4)
    mv = memoryview(base)[::2]        # a strided 2-d memoryview
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(1.0, mv), base[::2] + 1.0)
    nd_ext.add_scalar_to_array_inplace(1.0, mv)
    np.testing.assert_array_equal(base[::2], arange(12).reshape(3, 4)[::2] + 1.0)
    np.testing.assert_array_equal(base[1], [4.0, 5.0, 6.0, 7.0])

    ro = memoryview(bytes(np.arange(3, dtype=np.float64)))
    ro = ro.cast("d")
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(1.0, ro), [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="read-only"):
        nd_ext.add_scalar_to_array_inplace(1.0, ro)


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5),
                  elements=st.floats(allow_nan=False, width=64)),
       st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
       st.sampled_from([(), (slice(None, None, -1),), (slice(None, None, 2),)]),
       st.booleans())
def test_arbitrary_arrays_match_numpy(arr, scal, index, transpose):
    if index and arr.ndim:
        arr = arr[index]
    if transpose:
        arr = arr.T
    with np.errstate(over="ignore", invalid="ignore"):
        expected = arr + scal
    np.testing.assert_array_equal(nd_ext.add_scalar_to_array(scal, arr), expected)
    copy = arr.copy()
    nd_ext.add_scalar_to_array_inplace(scal, copy)
    np.testing.assert_array_equal(copy, expected)


def test_result_array_properties():
    result = nd_ext.add_scalar_to_array(1.0, arange(12).reshape(3, 4).T)
    assert result.flags.writeable
    assert result.flags.c_contiguous
    assert result.flags.aligned
    assert result.flags.owndata and result.base is None  # numpy allocated it, as for a C extension
    assert result.ctypes.data % 16 == 0                 # numpy's allocator
    result[0, 0] = 42.0                                  # writable for real
    assert result[0, 0] == 42.0


def test_results_outlive_their_inputs():
    results = [nd_ext.add_scalar_to_array(float(i), arange(100)) for i in range(50)]
    for i, r in enumerate(results):
        np.testing.assert_array_equal(r, arange(100) + i)


def test_result_memory_is_freed():
    big = np.zeros(1 << 20)                             # 8 MB
    nd_ext.add_scalar_to_array(1.0, big)                 # warm up
    before = rss_bytes()
    for _ in range(2000):                                # 16 GB in total if nothing were freed
        r = nd_ext.add_scalar_to_array(1.0, big)
        assert r[-1] == 1.0
        del r
    grown = rss_bytes() - before
    assert grown < 100 * 1024 * 1024, f"RSS grew by {grown / 2**20:.0f} MB"


def test_views_of_results_keep_the_memory_alive():
    r = nd_ext.add_scalar_to_array(1.0, arange(1000))
    tail = r[500:]
    del r
    np.testing.assert_array_equal(tail, arange(1000)[500:] + 1.0)


FUNCTIONS = {
    "add_scalars": ("(x, y)", "Add two 64 bit floating point numbers x and y together."),
    "add_scalar_to_array": ("(scal, arr)", "Add scal to each element of arr."),
    "add_scalar_to_array_inplace": ("(scal, arr)", "Add scal to each element of arr, in place."),
    "scale": ("(arr, factor)", "Multiply each element of arr by factor, for every numeric dtype."),
    "scale_float64": ("(arr, factor)", "scale() for float64 arrays only, written without generics (the benchmark compares the two)."),
    "scaled_sum": ("(*values, **scales)", "The sum of values, multiplied by the value of each keyword argument."),
    "sum_list": ("(xs)", "The sum of a sequence of floats."),
    "make_list": ("(n)", "[0.0, 1.0, ..., n - 1.0]."),
    "bump_counts": ("(counts)", "A new dict of the same keys, each value plus one."),
    "echo_datetime": ("(when)", "Returns when as a new datetime: a naive one as it is, an aware one in UTC."),
    "raise_mapped": ("()", "Raises ValueError(\"bad value\") from .NET's ArgumentException (the exception table's row)."),
    "raise_value_error": ("()", "Raises ValueError(\"bad value\") from PyValueError, the Python class named in C#."),
    "axpy": ("(a, x, y)", "`y += a * x`, in place (BLAS's axpy)."),
    "axpy_loop": ("(a, x, y)", "`y += a * x` with a plain `foreach` loop over the elements: what `axpy` is measured against."),
    "dot": ("(x, y)", "The dot product of two vectors (`np.dot` of 1-d arrays)."),
    "sigmoid": ("(x)", "The logistic function `1 / (1 + exp(-x))` of every element: a map."),
    "norm": ("(x)", "The Euclidean norm `sqrt(sum(x**2))` of all elements: a reduction."),
    "add_into": ("(a, b, out)", "`out = a + b` with numpy's broadcasting (`np.add(a, b, out=out)`)."),
    "add_broadcast": ("(a, b)", "`a + b` with numpy's broadcasting, as a new array."),
    # issue 21's loop kernels: the same two bodies as foreach, over a span, and on the vector path
    'poly_foreach': ("(a)", '`a = ((a*0.5+1.5)*a+2.5)*a+3.5` in place, with `foreach (ref double x in a)`.'),
    'poly_span': ("(a)", "As `poly_foreach`, over `TryGetSpan`'s span (contiguous arrays only)."),
    'poly_vector': ("(a)", 'As `poly_foreach`, vectorized: one line, `NdZip.Map` with an op that has a `Vector<T>` form.'),
    'sumsq_foreach': ("(a)", 'The sum of the squares of the elements, with `foreach (double x in a)`.'),
    'sumsq_span': ("(a)", "As `sumsq_foreach`, over `TryGetSpan`'s span (contiguous arrays only)."),
    'sumsq_vector': ("(a)", 'As `sumsq_foreach`, vectorized: one line, `NdZip.Sum` of an op with a `Vector<T>` form.'),
}


def test_module_exports_exactly_the_tutorial_functions_and_classes():
    # The tutorial's three functions and Point, Node, the generic kernel (issue 9) with its float64-only twin,
    # and issue 17's benchmark rows: scaled_sum (*args and **kwargs), the containers' and the datetime round trip;
    # issue 19's: raising a mapped exception and a PyValueError; issue 20's array algebra (Algebra.cs).
    assert sorted(n for n in dir(nd_ext) if not n.startswith("_")) == sorted([*FUNCTIONS, "Node", "Point", "PointClass", "Rectangle", "Shape", "Square"])


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_signature_and_doc(name):
    signature, summary = FUNCTIONS[name]
    f = getattr(nd_ext, name)
    assert f.__name__ == name
    assert str(inspect.signature(f)) == signature
    assert f.__doc__.startswith(summary)
    assert ("Parameters\n----------" in f.__doc__) == (signature != "()")


def test_help_lists_every_function():
    text = pydoc.render_doc(nd_ext, renderer=pydoc.plaintext)
    for name, (signature, summary) in FUNCTIONS.items():
        assert name + signature in text
        assert summary in text


def test_docstring_sections():
    doc = nd_ext.add_scalar_to_array.__doc__
    assert "scal : float\n    The number to add." in doc
    assert "arr : numpy.ndarray[float64]" in doc
    assert "Returns\n-------\nnumpy.ndarray[float64]" in doc
    assert nd_ext.add_scalar_to_array_inplace.__doc__.count("Returns") == 0


def test_errors_from_the_tutorial_functions():
    with pytest.raises(TypeError, match=r"add_scalars\(\) argument 'x' must be float, not str"):
        nd_ext.add_scalars("1", 2.0)
    with pytest.raises(TypeError, match=r"add_scalar_to_array\(\) argument 'arr' must be an array of float64, not an array of int64"):
        nd_ext.add_scalar_to_array(1.0, np.arange(3))
    with pytest.raises(TypeError, match=r"add_scalar_to_array\(\) argument 'arr' must be numpy.ndarray of float64, not list"):
        nd_ext.add_scalar_to_array(1.0, [1.0, 2.0])
    ro = arange(3)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        nd_ext.add_scalar_to_array_inplace(1.0, ro)
    np.testing.assert_array_equal(ro, arange(3))
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0


def test_calls_from_many_threads():
    import threading

    errors = []

    def work(k):
        try:
            for i in range(500):
                assert nd_ext.add_scalars(float(k), float(i)) == k + i
                r = nd_ext.add_scalar_to_array(float(k), arange(64))
                assert r[5] == 5 + k
                with pytest.raises(TypeError):
                    nd_ext.add_scalars("x", 1.0)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_forked_child_is_refused_with_a_clear_error():
    # .NET does not support fork: a call in the child would crash or hang at its first .NET
    # collection, so it is a RuntimeError naming the fix (test_hostile_fork.py has the cases).
    import os

    nd_ext.add_scalars(1.0, 2.0)                        # the runtime is up before the fork
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                         # pragma: no cover - runs in the child
        try:
            nd_ext.add_scalar_to_array(1.0, arange(1000))
            os.write(write, b"called")
        except RuntimeError as e:
            os.write(write, b"refused" if "'spawn'" in str(e) else b"wrong")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 10) == b"refused"
    os.close(read)
    assert status == 0
    assert nd_ext.add_scalars(2.0, 3.0) == 5.0          # the parent is unaffected


def test_numpy_is_imported_only_when_an_array_is_made():
    import os
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import array, sys
        import nd_ext
        assert nd_ext.add_scalars(1.0, 2.0) == 3.0
        a = array.array("d", [1.0, 2.0])
        nd_ext.add_scalar_to_array_inplace(1.0, a)        # a buffer in, nothing out: numpy not needed
        assert a.tolist() == [2.0, 3.0]
        assert "numpy" not in sys.modules, "numpy imported by surprise"
        r = nd_ext.add_scalar_to_array(1.0, a)            # an array out: numpy is imported now
        assert "numpy" in sys.modules
        assert type(r).__name__ == "ndarray" and r.tolist() == [3.0, 4.0]
        print("ok")
        """)
    env = dict(os.environ, PYTHONPATH=os.path.dirname(nd_ext.__file__))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
