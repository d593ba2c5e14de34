"""Deep recursion through the module raises RecursionError instead of overflowing the native stack.

Recursion through the module always passes a C# -> Python call (a callback, PyRef.Call): there the
runtime checks the native stack left and Python's recursion count (Core/StackGuard.cs). Each case
runs in a child interpreter (run_hostile): a SIGSEGV, a non-zero exit or a hang fails it.
"""
import sys

import pytest

from conftest import HAVE_NUMPY
from hostile import run_hostile

# f -> nd_test.call_back(f) -> f -> ...; and the same through PyRef.Call and a Func over an array.
RECURSE = """
    import sys, threading
    try:
        import numpy as np
    except ImportError:    # a CPython without numpy (scripts/test.sh): no array callback
        np = None
    import nd_test

    def through_callback(d):
        return nd_test.call_back(through_callback, d + 1)

    def through_ref(d):
        return nd_test.call_ref(through_ref, d + 1)

    def through_array_callback(x):
        nd_test.apply(np.ones(1), through_array_callback)
        return x

    def expect_recursion_error(name, f):
        try:
            f()
        except RecursionError as e:
            print(name, "RecursionError", e, flush=True)
        else:
            raise AssertionError(name + ": no RecursionError")

    def all_paths():
        expect_recursion_error("callback", lambda: through_callback(0))
        expect_recursion_error("ref", lambda: through_ref(0))
        if np is not None:
            expect_recursion_error("array callback", lambda: through_array_callback(1.0))

    def still_works():
        assert nd_test.call_back(lambda d: d * 2, 21) == 42
        assert nd_test.call_ref(lambda d: d + 1, 41) == 42
"""

LIMITS = {"default": "", "raised": "sys.setrecursionlimit(10**6)"}
PATHS = 3 if HAVE_NUMPY else 2   # all_paths(): callback, ref, and the array callback where numpy is


@pytest.mark.parametrize("limit", list(LIMITS))
def test_recursion_through_callbacks_raises_recursion_error(limit):
    out = run_hostile(RECURSE + f"""
    {LIMITS[limit]}
    all_paths()
    still_works()
    print("ok")
    """, timeout=120)
    assert out.count("RecursionError") == PATHS and "ok" in out
    if limit == "raised" and sys.version_info < (3, 12):
        assert "(native stack)" in out   # the native check, not the interpreter's count, stopped it
    # 3.12+ count C recursion against a fixed limit that sys.setrecursionlimit does not raise: that
    # count (Py_EnterRecursiveCall, the eval loop's) may stop it first, with the interpreter's message.


@pytest.mark.parametrize("limit", list(LIMITS))
def test_recursion_in_a_thread_with_a_256_kib_stack(limit):
    out = run_hostile(RECURSE + f"""
    {LIMITS[limit]}
    threading.stack_size(256 * 1024)
    errors = []
    def run():
        try:
            all_paths()
            still_works()
        except BaseException as e:
            errors.append(e)
    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert not errors, errors
    still_works()
    print("ok")
    """, timeout=120)
    assert out.count("RecursionError") == PATHS and "ok" in out


def test_recursion_through_an_argument_conversion():
    # x.__float__ called by the argument conversion re-enters the module: the recursion reaches
    # the module through CPython's own C code, not through a C# -> Python call of the runtime.
    out = run_hostile(RECURSE + """
    sys.setrecursionlimit(10**6)
    class Deep:
        def __float__(self):
            return nd_test.plus_one(Deep())
    for attempt in range(2):
        expect_recursion_error("conversion", lambda: nd_test.plus_one(Deep()))
    assert nd_test.plus_one(1.0) == 2.0
    still_works()
    print("ok")
    """, timeout=120)
    assert "ok" in out
