"""Who owns what a call makes (issue 20, item 7): arrays a call makes and does not return are
released when it returns, thrown or not, with no .NET finalizer; Keep() takes one beyond its call.
Returned PyRefs handed over: test_returned_refs.py.
"""
import gc
import sys
import threading

import numpy as np
import pytest

from memory import rss_bytes

import nd_ext
import nd_test

MB = 1 << 20


def fresh_list():
    return [1, 2, 3]


def test_temporaries_are_released_when_the_call_returns():
    # 200 arrays of 8 MB each, none returned nor disposed: 1.6 GB if they waited for a finalizer
    # (nothing managed is allocated to start a .NET collection).
    nd_test.temporaries(5, 1_000_000)
    gc.collect()
    before = rss_bytes()
    for _ in range(20):
        assert nd_test.temporaries(10, 1_000_000) == 10.0
    gc.collect()
    assert rss_bytes() - before < 100 * MB


def test_a_temporary_is_released_when_the_call_throws():
    gc.collect()
    before = rss_bytes()
    for _ in range(100):
        with pytest.raises(ValueError, match="thrown with a temporary of 1000000 elements"):
            nd_test.temporary_then_throw(1_000_000)
    gc.collect()
    assert rss_bytes() - before < 100 * MB


def test_disposed_and_returned_arrays():
    r = nd_test.dispose_one_return_other(5)
    assert r.tolist() == [4.0] * 5
    assert r.flags.owndata or r.base is not None


def test_a_kept_array_outlives_its_call_and_can_be_returned_later():
    nd_test.keep_array(1000, 0.5)
    nd_test.temporaries(3, 10)          # other calls end in between
    assert nd_test.sum_kept() == 500.0
    assert nd_test.sum_kept() == 500.0
    a = nd_test.return_kept()
    assert a.shape == (1000,) and (a == 0.5).all()
    a[:] = 2.0                            # Python's now
    assert a.sum() == 2000.0


def test_an_array_stored_without_keep_is_released_and_says_so():
    nd_test.store_without_keep(10)
    with pytest.raises(RuntimeError, match=r"released when the call that made it returned \(Keep\(\) an array"):
        nd_test.use_not_kept()


def test_object_array_temporaries_release_their_elements_when_the_call_returns():
    item = object()
    before = sys.getrefcount(item)
    filled = nd_test.object_temporaries(item, 10)
    after = sys.getrefcount(item)
    assert filled == 30 and after == before


def test_nested_calls_end_only_their_own_arrays():
    assert nd_test.array_across_python(lambda: nd_test.temporaries(3, 100), 50) == 50.0


def test_another_thread_ending_its_call_leaves_this_threads_array():
    # Thread B's call makes an array, then waits in Python code (GIL released). This thread's call
    # makes an array after B's call began, then lets B finish while it still uses its own.
    b_waiting, a_made = threading.Event(), threading.Event()
    results = {}

    def b_callback():
        b_waiting.set()
        a_made.wait(10)

    def run_b():
        results["b"] = nd_test.array_across_python(b_callback, 7)

    b = threading.Thread(target=run_b)
    b.start()
    assert b_waiting.wait(10)

    def a_callback():
        a_made.set()
        b.join(10)                       # B's call ends here, while this call holds its array

    assert nd_test.array_across_python(a_callback, 11) == 11.0
    b.join(10)
    assert results["b"] == 7.0


def test_an_array_made_without_the_gil_is_returned():
    a = nd_test.made_without_gil(6)
    assert a.tolist() == [5.0] * 6


def test_new_arrays_keep_memory_flat():
    # 1,000,000 calls returning 10-element arrays, after warm-up: < 1 MB (issue 20's bound).
    f, a = nd_ext.add_scalar_to_array, np.ones(10)
    for _ in range(300_000):
        f(1.0, a)
    gc.collect()
    before = rss_bytes()
    for _ in range(1_000_000):
        r = f(1.0, a)
    assert r[9] == 2.0
    gc.collect()
    growth = rss_bytes() - before
    print(f"\nRSS growth over 1,000,000 calls: {growth / MB:+.2f} MB")
    assert growth < 1 * MB
