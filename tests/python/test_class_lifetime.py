"""[PyClass] lifetimes and the cyclic GC (issue 3, items 8 and 9): memory stays flat, weak
references die, cycles through C# fields are collected by gc.collect() and their C# state is
released.

Cycle tests run with the automatic collector off, so that "still alive before gc.collect()"
proves a real cycle and "dead after" proves the collector freed it.
"""
import gc
import os
import weakref

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import pytest

from memory import rss_bytes

import nd_ext
import nd_test
from nd_test import Holder, Registry


class Thing:
    """A plain Python object: weak-referenceable, can join a cycle."""


@pytest.fixture
def no_auto_gc():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def holders_released():
    """After the test, every Holder C# object made by it has been collected by .NET."""
    nd_test.keep_holder(None)
    before = nd_test.dotnet_collect()
    yield
    gc.collect()
    assert nd_test.dotnet_collect() == before


# --- 8. lifetime ----------------------------------------------------------------------------

MB = 1 << 20


def settle(step, max_rounds=30):
    """Runs step() in rounds of 100k until two rounds in a row no longer grow RSS (the .NET and
    Python heaps have reached their working size), so that what follows measures growth, not warm-up."""
    flat = 0
    for _ in range(max_rounds):
        before = rss_bytes()
        for _ in range(100_000):
            step()
        flat = flat + 1 if rss_bytes() - before < MB // 2 else 0
        if flat == 2:
            return
    pytest.fail("RSS never settled")


@pytest.mark.parametrize("name, step, count", [
    ("Point", lambda: nd_ext.Point(1.0, 2.0), 1_000_000),
    ("Vec + Vec (made in C#)", lambda v=nd_test.Vec(1, 2): v + v, 1_000_000),
    ("Node(object)", lambda: nd_ext.Node(Thing()), 1_000_000),
])
def test_creating_and_dropping_instances_keeps_rss_flat(name, step, count):
    # 1,000,000 Points that each leaked a GCHandle (16 bytes), the C# object (32) or the Python
    # object (32) would grow RSS by 16-80 MB.
    settle(step)
    before = rss_bytes()
    for _ in range(count):
        step()
    growth = rss_bytes() - before
    assert growth < 8 * MB, f"{name}: RSS grew by {growth / MB:.1f} MB over {count} instances"


def test_managed_state_is_released_with_the_python_object(holders_released):
    alive = nd_test.dotnet_collect()
    holders = [Holder() for _ in range(100)]
    assert nd_test.dotnet_collect() == alive + 100
    del holders
    assert nd_test.dotnet_collect() == alive


def test_python_references_are_released_with_the_python_object(holders_released):
    # no cycle: the references a Holder holds go when it dies, not when .NET next collects
    value, element = Thing(), Thing()
    wv, we = weakref.ref(value), weakref.ref(element)
    h = Holder(value)
    h.push(element)
    del value, element
    assert wv() is not None and we() is not None
    del h
    assert wv() is None and we() is None


def test_dropped_nodes_release_their_arrays_at_once():
    refs = []
    for _ in range(200):
        a = np.ones(100_000)
        refs.append(weakref.ref(a))
        nd_ext.Node(a)
        del a
    assert sum(r() is not None for r in refs) == 0


def test_long_chains_are_freed_without_recursion(holders_released):
    # each Holder holds the next one: freeing the head must not recurse 300,000 deep
    head = None
    for _ in range(300_000):
        head = Holder(head)
    tail_ref = weakref.ref(head)
    del head
    assert tail_ref() is None


def test_long_chains_mixed_with_python_objects(holders_released):
    head = None
    for _ in range(100_000):
        thing = Thing()
        thing.next = head
        head = Holder()
        head.push(thing)
    del head, thing


def test_csharp_object_kept_by_csharp_outlives_its_python_object(holders_released):
    # the C# object lives on in a C# static, but its Python references went with its Python object
    value = Thing()
    wv = weakref.ref(value)
    h = Holder(value)
    nd_test.keep_holder(h)
    try:
        del h, value
        assert wv() is None
        kept = nd_test.kept_holder()
        assert type(kept) is Holder and len(kept) == 0
        assert "this Python reference was released" in str(pytest.raises(RuntimeError, getattr, kept, "item").value)
        kept.item = Thing()                        # usable again
        assert isinstance(kept.item, Thing)
    finally:
        nd_test.keep_holder(None)


def test_weakref_to_instances():
    p = nd_ext.Point(1.0, 2.0)
    w = weakref.ref(p)
    assert w() is p
    del p
    assert w() is None
    n = nd_ext.Node()
    w = weakref.ref(n)
    del n
    assert w() is None


# --- 9. GC participation --------------------------------------------------------------------

def test_tracked_by_the_collector():
    assert gc.is_tracked(Holder()) and gc.is_tracked(nd_ext.Node()) and gc.is_tracked(Registry())
    assert not gc.is_tracked(nd_ext.Point()) and not gc.is_tracked(nd_test.Animal("a"))


def test_traverse_reports_the_references():
    value, element = Thing(), Thing()
    h = Holder(value)
    h.push(element)
    h.push(element)
    referents = gc.get_referents(h)
    assert Holder in referents                       # heap types report their type
    assert sum(r is value for r in referents) == 1
    assert sum(r is element for r in referents) == 2
    r = Registry()
    r.put("k", value)
    assert value in gc.get_referents(r)              # a user-written IPyTraverse


def cycle_is_collected(make, weakrefs_of):
    """make() builds a cycle and returns its objects; they must survive `del` and die in gc.collect()."""
    objects = make()
    refs = [weakref.ref(o) for o in weakrefs_of(objects)]
    del objects
    assert all(r() is not None for r in refs), "not a cycle: freed without the collector"
    gc.collect()
    assert [r() for r in refs] == [None] * len(refs)


def test_cycle_through_the_pyref_property(no_auto_gc, holders_released):
    def make():
        h = Holder()
        h.item = h
        return [h]
    cycle_is_collected(make, lambda objs: objs)


def test_cycle_through_the_list_of_pyrefs(no_auto_gc, holders_released):
    def make():
        h = Holder()
        h.push(h)
        return [h]
    cycle_is_collected(make, lambda objs: objs)


def test_cycle_of_two_instances(no_auto_gc, holders_released):
    def make():
        a, b = Holder(Thing()), Holder(Thing())
        a.item.partner = b                       # the payloads stay reachable only through C#
        a.push(b)
        b.push(a)
        return [a, b, a.item, b.item]
    cycle_is_collected(make, lambda objs: objs)


def test_cycle_through_a_python_object(no_auto_gc, holders_released):
    # a -> b -> a: a holds t in a C# field, t holds b in its __dict__, b holds a in its C# list
    def make():
        a, b, t = Holder(), Holder(), Thing()
        a.item = t
        t.b = b
        b.push(a)
        payload = Thing()
        b.item = payload                         # C# state: reachable only through b
        return [a, b, t, payload]
    cycle_is_collected(make, lambda objs: objs)


def test_cycle_through_a_user_written_traverse(no_auto_gc):
    def make():
        r, t = Registry(), Thing()
        t.registry = r
        r.put("t", t)
        r.put("self", r)
        return [r, t]
    cycle_is_collected(make, lambda objs: objs)


def test_cycle_through_a_python_subclass(no_auto_gc, holders_released):
    class Sub(Holder):
        pass

    class Dog(nd_test.Animal):
        pass

    def make():
        s = Sub()
        s.item = s                               # through the C# field
        s.me = s                                 # and through the subclass's __dict__
        d = Dog("d")                             # a subclass of a class without GC support
        d.me = d
        return [s, d]
    cycle_is_collected(make, lambda objs: objs)


def test_big_cycle(no_auto_gc, holders_released):
    def make():
        holders = [Holder() for _ in range(1000)]
        for h, nxt in zip(holders, holders[1:] + holders[:1]):
            h.push(nxt)
        return holders[::100]
    cycle_is_collected(make, lambda objs: objs)


def test_cleared_by_drop(holders_released):
    h, t = Holder(), Thing()
    w = weakref.ref(t)
    h.push(t)
    del t
    h.drop()
    assert w() is None and len(h) == 0


def test_holder_api():
    t = Thing()
    h = Holder(t)
    assert h.item is t
    h.push(1)
    h.push(t)
    assert len(h) == 2 and h.peek(0) == 1 and h.peek(1) is t
    h.item = None
    assert h.item is None
    assert "Index was out of range" in str(pytest.raises(ValueError, h.peek, 5).value)   # a method: ArgumentOutOfRange is ValueError
    r = Registry()
    r.put("a", t)
    r.put("a", 2)
    assert len(r) == 1 and r.get("a") == 2
    assert "'x'" in str(pytest.raises(KeyError, r.get, "x").value)
