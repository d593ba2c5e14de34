"""Containers, iterators, callables and context managers: indexers of every key kind (negative indices,
slices of any step, mappings with KeyError), __delitem__, __contains__, __len__ as a dunder method, an
object's own __next__ with StopIteration's value, __call__ with a method's signature rules, and with."""
import inspect
import sys

import pytest

from nd_test import (Countdown, Describer, Grid, IntSequence, Joiner, Once, Polynomial, Resource, Ring,
                     Settings, Tags, Text, Transaction)


# Sequences.

def test_negative_indices_count_from_the_end():
    s = IntSequence([10, 20, 30])
    assert (s[0], s[-1], s[-3]) == (10, 30, 10)
    s[-1] = 33
    assert s.to_list() == [10, 20, 33]


def test_out_of_range_is_index_error_both_ways():
    s = IntSequence([10, 20, 30])
    for i in (3, -4, 100):
        with pytest.raises(IndexError):
            s[i]
        with pytest.raises(IndexError):
            s[i] = 0


@pytest.mark.parametrize("sl", [slice(None), slice(1, None), slice(None, -1), slice(None, None, 2),
                                slice(None, None, -1), slice(-2, 0, -1), slice(10, -10, -3), slice(5, 1),
                                slice(-100, 100, 4)])
def test_slices_of_any_step_select_what_a_list_does(sl):
    items = list(range(0, 70, 7))
    got = IntSequence(items)[sl]
    assert isinstance(got, IntSequence)
    assert got.to_list() == items[sl]


def test_slice_errors_are_pythons():
    s = IntSequence([1, 2, 3])
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        s[::0]
    with pytest.raises(TypeError, match="slice indices must be integers or None or have an __index__ method"):
        s["a":]
    with pytest.raises(TypeError):
        s["a"]
    assert s[True:].to_list() == [2, 3]             # __index__ bounds, as a list takes them
    assert s[: 10 ** 30].to_list() == [1, 2, 3]      # huge bounds are clipped


def test_del_normalises_negative_indices():
    s = IntSequence([1, 2, 3, 4])
    del s[-1]
    del s[0]
    assert s.to_list() == [2, 3]
    with pytest.raises(IndexError):
        del s[5]


def test_contains_of_a_value_that_does_not_convert_is_false():
    s = IntSequence([1, 2, 3])
    assert 2 in s and 4 not in s
    assert "2" not in s and None not in s and 2.5 not in s and 10 ** 30 not in s


def test_a_range_indexer_takes_slices_of_step_one():
    t = Text("hello world")
    assert (t[0], t[-1], t[:5], t[6:], t[-5:-1], t[3:1], t[-100:100]) == (
        "h", "d", "hello", "world", "worl", "", "hello world")
    with pytest.raises(ValueError, match="Text slices take step 1 only"):
        t[::2]


def test_without_a_length_a_negative_index_reaches_the_indexer_as_it_is():
    r = Ring([1, 2, 3])
    assert (r[-1], r[4], r[-4]) == (3, 2, 3)
    with pytest.raises(TypeError, match="object does not support item assignment"):
        r[0] = 1
    with pytest.raises(TypeError, match="doesn't support item deletion"):
        del r[0]
    with pytest.raises(TypeError):
        len(r)


# Mappings.

def test_a_string_keyed_indexer_is_a_mapping():
    s = Settings()
    s["alpha"] = 1.5
    s["beta"] = 2
    assert (s["alpha"], s["beta"], len(s)) == (1.5, 2.0, 2)
    assert "alpha" in s and "gamma" not in s and 3 not in s


def test_a_missing_key_is_key_error_with_the_key():
    s = Settings()
    with pytest.raises(KeyError) as info:
        s["missing"]
    assert info.value.args == ("missing",)
    with pytest.raises(KeyError) as info:
        del s["missing"]
    assert info.value.args == ("missing",)


def test_int_and_str_indexers_dispatch_by_the_keys_type():
    s = Settings()
    s["a"] = 1.0
    s["b"] = 2.0
    assert (s[0], s[-1], s["b"]) == ("a", "b", 2.0)
    del s["a"]
    assert (s[0], len(s)) == ("b", 1)
    with pytest.raises(TypeError, match="Settings indices must be str or integers, not float"):
        s[1.5]
    with pytest.raises(IndexError):
        s[5]


def test_tuple_and_instance_keys():
    g = Grid()
    g[1, 2] = "x"
    g[(3, 4)] = "y"
    assert (g[1, 2], g[3, 4]) == ("x", "y")
    with pytest.raises(KeyError) as info:
        g[0, 0]
    assert info.value.args == ((0, 0),)
    assert g[g] == 2
    with pytest.raises(TypeError, match="Grid indices must be"):
        g["a"]


def test_icollection_contains_is_used_for_in():
    t = Tags(["a", "b"])
    assert "a" in t and "c" not in t and 1 not in t
    assert t.contains_calls == 2                      # 1 was not converted: no call
    assert sorted(t) == ["a", "b"] and len(t) == 2


def test_keys_and_values_keep_their_reference_counts():
    s = Settings()
    key = "".join(["refcount", "key"])
    before = sys.getrefcount(key)
    for _ in range(100):
        s[key] = 1.0
        _ = s[key]
        _ = key in s
        del s[key]
        with pytest.raises(KeyError):
            s[key]
    assert sys.getrefcount(key) == before
    g = Grid()
    t = (10 ** 20, 1)
    before = sys.getrefcount(t)
    for _ in range(100):
        with pytest.raises((KeyError, OverflowError)):
            g[t]
    assert sys.getrefcount(t) == before


# Iterators.

def test_an_object_that_is_its_own_iterator():
    c = Countdown(3)
    assert iter(c) is c
    assert list(c) == [3, 2, 1]
    assert list(c) == []


def test_stop_iteration_carries_the_value():
    c = Countdown(1)
    assert next(c) == 1
    with pytest.raises(StopIteration) as info:
        next(c)
    assert info.value.value == "liftoff"

    def delegate():
        result = yield from Countdown(2)
        return result
    g = delegate()
    assert list(g) == [2, 1]


def test_yield_from_evaluates_to_the_value():
    seen = []

    def delegate():
        seen.append((yield from Countdown(1)))
    list(delegate())
    assert seen == ["liftoff"]


def test_a_plain_stop_iteration_has_no_value():
    item = object()
    o = Once(item)
    assert next(o) is item
    with pytest.raises(StopIteration) as info:
        next(o)
    assert info.value.value is None
    assert list(o) == []


# Callables.

def test_call_has_a_methods_signature():
    p = Polynomial(1.0, 2.0, 3.0)                     # 1 + 2x + 3x^2
    assert p(2.0) == 17.0
    assert p(2.0, scale=2.0) == 34.0
    assert p(x=1.0) == 6.0
    assert p.__call__(2.0) == 17.0
    assert callable(p)
    with pytest.raises(TypeError, match="takes 1 positional argument"):
        p(1.0, 2.0)
    with pytest.raises(TypeError, match="must be float"):
        p("x")


def test_call_shows_its_signature():
    # The method replaces the slot wrapper of tp_call (METH_COEXIST): help() and inspect see the C# signature.
    assert str(inspect.signature(Polynomial(1.0).__call__)) == "(x, *, scale=1.0)"
    assert str(inspect.signature(Joiner("-").__call__)) == "(*parts, **named)"
    assert "p(x), times scale." in Polynomial.__call__.__doc__


def test_call_with_star_args_and_kwargs():
    j = Joiner("-")
    assert j() == ""
    assert j("a", "b", c=1) == "a-b-c=1"
    args = ("a", "b")
    kwargs = {"k": 10 ** 3}
    before = (sys.getrefcount(args), sys.getrefcount(kwargs), sys.getrefcount(args[0]))
    for _ in range(100):
        assert j(*args, **kwargs) == "a-b-k=1000"
        with pytest.raises(TypeError):
            j(*args, k="not an int")
    assert (sys.getrefcount(args), sys.getrefcount(kwargs), sys.getrefcount(args[0])) == before


def test_call_overloads_dispatch():
    d = Describer()
    assert (d(1), d("x")) == ("int 1", "str x")
    with pytest.raises(TypeError, match="incompatible function arguments"):
        d(1.5)


# Context managers.

def test_an_idisposable_context_manager():
    with Resource() as r:
        assert isinstance(r, Resource) and not r.disposed
    assert r.disposed and r.dispose_count == 1


def test_an_exception_in_the_block_propagates_after_dispose():
    r = Resource()
    with pytest.raises(ZeroDivisionError):
        with r:
            1 / 0
    assert r.dispose_count == 1


def test_generated_enter_and_exit_check_their_arguments():
    r = Resource()
    with pytest.raises(TypeError, match=r"Resource.__enter__\(\) takes no arguments \(1 given\)"):
        r.__enter__(1)
    with pytest.raises(TypeError, match=r"Resource.__exit__\(\) takes 3 positional arguments"):
        r.__exit__()
    assert r.__exit__(None, None, None) is False


def test_a_hand_written_exit_receives_the_exception():
    with Transaction() as t:
        pass
    assert t.committed and t.seen is None
    t = Transaction()
    error = ValueError("boom")
    with pytest.raises(ValueError):
        with t:
            raise error
    assert not t.committed and t.seen is error
    with Transaction(swallow=True) as t:
        raise KeyError("swallowed")
    assert isinstance(t.seen, KeyError)
