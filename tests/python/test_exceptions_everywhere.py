""".NET exceptions from every place a [PyClass] runs C# code (the Reliability issue, item 5), against
nd_test.Thrower (tests/NdTestModule/Throwing.cs), which throws from the place named by fail_in.

Where CPython can take an exception it gets the mapped Python exception and the same instance
works again afterwards. Where it cannot (tp_dealloc, tp_traverse, tp_clear, an iterator's
dealloc), the exception goes to sys.unraisablehook, with the class as the object, and the
interpreter goes on.
"""
import contextlib
import gc
import sys
import weakref

import pytest

from nd_test import Thrower


def error(exception, function, *args):
    with pytest.raises(exception) as info:
        function(*args)
    return info.value


def run_pending_calls():
    # Reports from tp_traverse wait for the eval loop (Py_AddPendingCall): calling a Python
    # function passes its check point.
    for _ in range(3):
        (lambda: None)()


@contextlib.contextmanager
def unraisable():
    """Everything sys.unraisablehook receives inside the block, as (type, message, object)."""
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append((type(u.exc_value), str(u.exc_value), u.object))
    try:
        yield seen
        run_pending_calls()
    finally:
        sys.unraisablehook = old


@pytest.fixture
def no_auto_gc():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def still_works(t, value):
    t.fail_in = ""
    assert t.value == value and t.twice() == 2 * value and repr(t) == f"Thrower({value})"


# --- where CPython takes the exception ------------------------------------------------------

def test_constructor():
    e = error(RuntimeError, Thrower, 1, "constructor")
    assert str(e) == "System.InvalidOperationException: the constructor failed"
    e = error(RuntimeError, Thrower.__new__, Thrower, 1, "constructor")      # tp_new, not the vectorcall
    assert str(e) == "System.InvalidOperationException: the constructor failed"
    assert Thrower(1).value == 1


def test_getter():
    t = Thrower(2, "getter")
    assert error(KeyError, getattr, t, "value").args == ("the getter failed",)
    assert t.fail_in == "getter"            # another getter of the same object still works
    still_works(t, 2)


def test_setter_keeps_the_old_value():
    t = Thrower(2, "setter")
    assert str(error(ValueError, setattr, t, "value", 5)) == "the setter failed"
    t.fail_in = ""
    assert t.value == 2
    t.value = 5
    still_works(t, 5)


def test_method():
    t = Thrower(3, "method")
    assert str(error(ZeroDivisionError, t.twice)) == "the method failed"
    still_works(t, 3)


@pytest.mark.parametrize("expression", [
    lambda t: t + Thrower(1),
    lambda t: Thrower(1) + t,
    lambda t: t + 1,
])
def test_binary_operator(expression):
    t = Thrower(3, "add")
    assert str(error(OverflowError, expression, t)) == "addition failed"
    t.fail_in = ""
    assert repr(expression(t)) == "Thrower(4)"


def test_unary_operator():
    t = Thrower(3, "negative")
    assert str(error(NotImplementedError, lambda: -t)) == "negation failed"
    t.fail_in = ""
    assert repr(-t) == "Thrower(-3)"


@pytest.mark.parametrize("expression", [lambda a, b: a == b, lambda a, b: a != b])
def test_equality(expression):
    t = Thrower(3, "eq")
    assert str(error(RuntimeError, expression, t, Thrower(3))) == "System.InvalidOperationException: equality failed"
    assert str(error(RuntimeError, expression, Thrower(3), t)) == "System.InvalidOperationException: equality failed"
    t.fail_in = ""
    assert (t == Thrower(3)) is True and (t != Thrower(3)) is False


@pytest.mark.parametrize("expression", [lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a > b, lambda a, b: a >= b])
def test_ordering(expression):
    t = Thrower(3, "compare")
    assert str(error(ValueError, expression, t, Thrower(4))) == "comparison failed"
    assert str(error(ValueError, sorted, [Thrower(5), t])) == "comparison failed"
    t.fail_in = ""
    assert [x.value for x in sorted([Thrower(5), t, Thrower(4)])] == [3, 4, 5]


def test_hash():
    t = Thrower(3, "hash")
    message = "System.InvalidOperationException: hash failed"
    assert str(error(RuntimeError, hash, t)) == message
    assert str(error(RuntimeError, lambda: {t: 1})) == message
    assert str(error(RuntimeError, lambda: t in {Thrower(3)})) == message
    t.fail_in = ""
    assert hash(t) == 3 and t in {Thrower(3)}
    assert hash(Thrower(-1)) == -2              # -1 means "error" to CPython; Python's own ints do the same


def test_repr_and_str():
    t = Thrower(3, "repr")
    assert str(error(RuntimeError, repr, t)) == "System.InvalidOperationException: repr failed"
    assert str(error(RuntimeError, lambda: f"{[t]}")) == "System.InvalidOperationException: repr failed"
    t.fail_in = "str"
    assert str(error(ValueError, str, t)) == "str failed"
    assert str(error(ValueError, lambda: f"{t}")) == "str failed"
    t.fail_in = ""
    assert (repr(t), str(t)) == ("Thrower(3)", "thrower 3")


def test_len():
    t = Thrower(3, "len")
    assert str(error(RuntimeError, len, t)) == "System.InvalidOperationException: len failed"
    assert str(error(RuntimeError, bool, t)) == "System.InvalidOperationException: len failed"
    t.fail_in = ""
    assert len(t) == 3 and bool(t)


def test_negative_len_is_a_value_error_as_for_python_classes():
    class Negative:
        def __len__(self):
            return -1

    expected = str(error(ValueError, len, Negative()))
    t = Thrower(3, "negative_len")
    assert str(error(ValueError, len, t)) == expected == "__len__() should return >= 0"
    assert str(error(ValueError, bool, t)) == expected
    t.fail_in = ""
    assert len(t) == 3


def test_getitem_and_setitem():
    t = Thrower(3, "getitem")
    assert error(KeyError, lambda: t[1]).args == ("getitem failed",)
    t.fail_in = "setitem"
    e = error(RuntimeError, t.__setitem__, 0, 7)
    assert str(e) == "System.InvalidOperationException: setitem failed"
    t.fail_in = ""
    assert t[2] == 6
    t[0] = 7
    assert t.value == 7


# --- iterators ------------------------------------------------------------------------------

def test_get_enumerator():
    t = Thrower(3, "iter")
    assert str(error(RuntimeError, iter, t)) == "System.InvalidOperationException: GetEnumerator failed"
    assert str(error(RuntimeError, list, t)) == "System.InvalidOperationException: GetEnumerator failed"
    t.fail_in = ""
    assert list(t) == [1, 2, 3]


def test_move_next_fails_halfway_and_the_iterator_goes_on():
    t = Thrower(3)
    it = iter(t)
    assert next(it) == 1
    t.fail_in = "next"
    assert error(KeyError, next, it).args == ("MoveNext failed",)
    assert error(KeyError, list, iter(t)).args == ("MoveNext failed",)
    t.fail_in = ""
    assert list(it) == [2, 3]


def test_current():
    t = Thrower(2, "current")
    assert str(error(IndexError, list, t)) == "Current failed"
    assert str(error(IndexError, lambda: [x for x in t])) == "Current failed"
    t.fail_in = ""
    assert list(t) == [1, 2]


def test_dispose_fails_when_the_iterator_dies():
    t = Thrower(3)
    it = iter(t)
    assert next(it) == 1
    t.fail_in = "dispose"
    with unraisable() as seen:
        del it
    assert len(seen) == 1
    kind, message, where = seen[0]
    assert (kind, message) == (RuntimeError, "System.InvalidOperationException: Dispose failed")
    assert isinstance(where, type) and where.__name__ == "iterator"
    t.fail_in = ""
    assert list(t) == [1, 2, 3]


# --- where CPython cannot take an exception: sys.unraisablehook -----------------------------

def test_clear_failing_in_dealloc_is_unraisable():
    with unraisable() as seen:
        t = Thrower(3, "clear")
        t.held = [1, 2]
        del t
        assert seen == [(RuntimeError, "System.InvalidOperationException: clear failed", Thrower)]
    assert Thrower(4).twice() == 8


def test_dealloc_during_an_exception_keeps_that_exception():
    # The list dies while ZeroDivisionError propagates: reporting the failed Clear must not
    # replace or swallow it.
    with unraisable() as seen:
        with pytest.raises(ZeroDivisionError):
            sum([Thrower(1, "clear")], 1 / 0)
        with pytest.raises(KeyError, match="outer"):
            try:
                raise KeyError("outer")
            finally:
                Thrower(1, "clear")
    assert [m for _, m, _ in seen] == ["System.InvalidOperationException: clear failed"] * 2


def test_many_failures_in_dealloc():
    with unraisable() as seen:
        for i in range(1000):
            Thrower(i, "clear")
    assert len(seen) == 1000
    assert Thrower(2).twice() == 4


def test_traverse_failing_is_reported_and_keeps_the_objects(no_auto_gc):
    t = Thrower(1)
    payload = [7]
    t.held = [t, payload]                  # a cycle through C#
    r = weakref.ref(t)
    t.fail_in = "traverse"
    with unraisable() as seen:
        assert gc.get_referents(t) == [Thrower]     # the type, then Traverse threw: nothing more
        del t
        gc.collect()
    assert seen and all(s == (RuntimeError, "System.InvalidOperationException: traverse failed", Thrower) for s in seen)
    # Unreported references count as outside ones: the cycle is kept, never freed while in use.
    assert r() is not None and r().held[1] is payload
    r().fail_in = ""
    with unraisable() as seen:
        assert gc.get_referents(r()) == [Thrower, r().held]
        gc.collect()
    assert seen == [] and r() is None


def test_traverse_failing_inside_automatic_collections():
    # Collections started by allocation, with the hook's own allocations: reported after the
    # collection, not inside it.
    refs = []
    with unraisable() as seen:
        threshold = gc.get_threshold()
        gc.set_threshold(50, 5, 5)
        try:
            for i in range(3000):
                t = Thrower(1, "traverse")
                t.held = [t, {"i": i}]
                refs.append(weakref.ref(t))
        finally:
            gc.set_threshold(*threshold)
        del t
    assert seen and all(m == "System.InvalidOperationException: traverse failed" for _, m, _ in seen)
    alive = [r() for r in refs if r() is not None]
    assert len(alive) == 3000                # no cycle could be proven garbage
    for t in alive:
        t.fail_in = ""
    del alive, t
    gc.collect()
    assert all(r() is None for r in refs)


def test_clear_failing_in_the_collector_is_reported_and_the_cycle_still_goes(no_auto_gc):
    t = Thrower(1, "clear")
    t.held = t
    r = weakref.ref(t)
    del t
    with unraisable() as seen:
        assert gc.collect() > 0
    assert r() is None
    # tp_clear (from the collector) and then tp_dealloc each called Clear.
    assert seen == [(RuntimeError, "System.InvalidOperationException: clear failed", Thrower)] * 2
