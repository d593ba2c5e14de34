"""A PyRef the method made is handed to Python as it is (issue 20, item 7): the reference count of a
C extension's new result, with no C# reference left for a .NET finalizer; one that something else
holds (a field, a local also stored) is returned with a reference of its own. Numpy-free.
"""
import sys

import nd_test


def fresh_list():
    return [1, 2, 3]


def test_a_new_reference_is_handed_over():
    # Counted outside the asserts: pytest's assertion rewriting keeps the values it shows.
    baseline = sys.getrefcount(fresh_list())
    counts = [sys.getrefcount(nd_test.new_list()), sys.getrefcount(nd_test.call_it(fresh_list)),
              sys.getrefcount(nd_test.new_dict_with_item("k", 1.5))]
    assert counts == [baseline] * 3
    assert nd_test.new_dict_with_item("k", 1.5) == {"k": 1.5}
    x = nd_test.new_list()
    named, named_baseline = sys.getrefcount(x), sys.getrefcount(fresh_list()) + 1
    assert x == [1, 2, 3] and named == named_baseline


def test_a_returned_argument_is_handed_back():
    o = object()
    before = sys.getrefcount(o)
    r = nd_test.identity(o)
    after = sys.getrefcount(o)
    assert r is o
    assert after == before + 1     # r's; no C# reference left behind
    del r
    released = sys.getrefcount(o)
    assert released == before


def test_a_cached_reference_is_not_handed_over():
    d1 = nd_test.cached_through_local()
    d2 = nd_test.cached_through_local()
    assert d1 == d2 == {"k": 1} and d1 is not d2     # made new each call, stored in a field as well
    first = nd_test.cached()
    second = nd_test.cached()
    assert first is second is d2                     # the field, returned twice: not emptied
    # d2, first, second and the C# field hold it; a fresh temporary counts 1.
    count, expected = sys.getrefcount(first), sys.getrefcount(fresh_list()) + 4
    assert count == expected
