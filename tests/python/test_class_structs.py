"""[PyClass] partial structs (issue 21, item 1): the value lives inside the Python object.

tests/NdTestModule/ClassStructs.cs: SCounter (one attribute of each kind, methods mutating in place),
SVec (a readonly struct with operators, equality, hashing, pickling; Subclass = true), and
functions taking and returning struct values. nd_ext.Point is one too (test_nd_ext_classes.py).
"""
import copy
import ctypes
import gc
import pickle
import sys
import weakref

import pytest

import nd_ext
import nd_test
from nd_test import SCounter, SVec

HAVE_GC = 1 << 14
BASETYPE = 1 << 10


def error(exception, function, *args):
    with pytest.raises(exception) as info:
        function(*args)
    return str(info.value)


def test_layout_is_header_weaklist_then_the_struct():
    assert SCounter.__basicsize__ == 24 + nd_test.counter_size() and SCounter.__weakrefoffset__ == 16
    assert not SCounter.__flags__ & HAVE_GC and not gc.is_tracked(SCounter())
    assert nd_ext.Point.__basicsize__ == 24 + 16 and not gc.is_tracked(nd_ext.Point())


def test_attributes_are_getsets_with_their_docs():
    for name in ("count", "total", "scale", "ticks", "step", "small", "flag", "scaled"):
        assert type(SCounter.__dict__[name]).__name__ == "getset_descriptor"
    assert type(nd_ext.Point.__dict__["x"]).__name__ == "getset_descriptor"
    assert SCounter.count.__doc__.startswith("A long field")
    assert SCounter.total.__doc__.startswith("A double auto-property")


def test_a_failed_write_leaves_the_value():
    # Why fields are not member descriptors: CPython's member setter stores -1 before it checks the error.
    c = SCounter(5, 2, 1.5)
    c.total = 3.0
    for name, bad in (("count", "a"), ("count", 2**63), ("count", 1.5), ("total", "a"), ("total", 10**400),
                      ("step", 2**31), ("small", 2**15), ("flag", 2)):
        with pytest.raises((TypeError, OverflowError)):
            setattr(c, name, bad)
    assert (c.count, c.total, c.step, c.small, c.flag) == (5, 3.0, 2, 0, False)


def test_construction_and_reads():
    c = SCounter(5, 2, 1.5)
    assert (c.count, c.step, c.scale, c.total, c.small, c.flag, c.ticks, c.scaled) == (5, 2, 1.5, 0.0, 0, False, 0,
                                                                                        7.5)
    assert repr(c) == "SCounter(5, step=2)" and SCounter().count == 0
    assert SCounter(count=7).count == 7 and SCounter.__new__(SCounter, 3).count == 3


def test_member_writes_and_their_errors():
    c = SCounter()
    c.count = 2**63 - 1
    c.total = 3
    assert c.count == 2**63 - 1 and c.total == 3.0 and type(c.total) is float
    assert "out of range for int64" in error(OverflowError, setattr, c, "count", 2**63)
    assert "'count' must be int, not str" in error(TypeError, setattr, c, "count", "a")
    assert "'count' must be int, not float" in error(TypeError, setattr, c, "count", 1.5)
    assert "'total' must be float, not str" in error(TypeError, setattr, c, "total", "a")
    error(OverflowError, setattr, c, "total", 10**400)
    c.count, c.total = -2**63, -0.5
    assert (c.count, c.total) == (-2**63, -0.5)


def test_getset_writes_overflow_instead_of_truncating():
    c = SCounter()
    assert "out of range for int32" in error(OverflowError, setattr, c, "step", 2**31)
    assert "out of range for int16" in error(OverflowError, setattr, c, "small", 40000)
    assert "must be bool, not int" in error(TypeError, setattr, c, "flag", 1)
    c.step, c.small, c.flag = -5, -32768, True
    assert (c.step, c.small, c.flag) == (-5, -32768, True)


def test_read_only_and_deletes():
    c = SCounter(scale=2.0)
    for name in ("scale", "ticks"):
        error(AttributeError, setattr, c, name, 1)
    error(AttributeError, setattr, c, "scaled", 1)
    error(AttributeError, setattr, SVec(1, 2), "x", 3.0)
    assert "cannot delete" in error(AttributeError, delattr, c, "total")
    error(AttributeError, delattr, c, "step")
    error(AttributeError, delattr, c, "scale")
    assert c.scale == 2.0


def test_methods_mutate_the_value_in_place():
    c = SCounter(5, 2, 1.5)
    assert c.tick() == 7 and (c.count, c.total, c.ticks) == (7, 3.0, 1)
    c.tick_many(3)
    assert (c.count, c.ticks) == (13, 4)
    n = c.next()
    assert type(n) is SCounter and n is not c and (n.count, c.count) == (15, 13)
    assert "no" in error(ValueError, c.fail)
    assert c.count == -1   # the change made before the throw stays: self is the value itself


def test_struct_values_cross_by_copy():
    a, b = SVec(1, 2), SVec(3, 4)
    m = nd_test.midpoint(a, b)
    assert type(m) is SVec and (m.x, m.y) == (2.0, 3.0)
    assert nd_test.count_of(None) == -1 and nd_test.count_of(SCounter(9)) == 9
    assert a.dot(b) == 11.0 and a.distance() == pytest.approx(5 ** 0.5) and a.distance(b) == pytest.approx(8 ** 0.5)
    assert "argument 'other' must be nd_test.SVec, not nd_test.SCounter" in error(TypeError, a.dot, SCounter())
    assert "must be nd_test.SCounter" in error(TypeError, nd_test.count_of, a)
    assert SVec.unit() == SVec(1.0, 0.0) and type(SVec.unit()) is SVec


def test_operators_equality_hash_repr():
    a, b = SVec(1, 2), SVec(3, 4)
    assert a + b == SVec(4, 6) and -a == SVec(-1, -2) and a * 2 == SVec(2, 4)
    assert a != b and a == SVec(1, 2) and hash(a) == hash(SVec(1.0, 2.0))
    assert str(a) == "SVec(1.0, 2.0)" and repr(a).startswith("<nd_test.SVec object at 0x")
    assert a.__add__(1) is NotImplemented
    error(TypeError, lambda: a + 1)
    assert a.norm == pytest.approx(5 ** 0.5)
    p = nd_ext.Point(1.0, 2.0)
    assert p != nd_ext.Point(1.0, 2.0) and p == p   # no equality in C#: identity, as the class form


def test_pickle_and_copy():
    a = SVec(1.5, -2.0)
    assert a.__reduce__() == (SVec, (1.5, -2.0))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(a, protocol))
        assert type(q) is SVec and q == a and q is not a
    assert copy.copy(a) == a and copy.deepcopy(a) == a


def test_python_subclass_keeps_the_state_at_its_offset():
    assert SVec.__flags__ & BASETYPE and not SCounter.__flags__ & BASETYPE
    assert "not an acceptable base type" in error(TypeError, type, "Sub", (SCounter,), {})

    class Named(SVec):
        def __new__(cls, x, y=0.0, name="v"):
            return super().__new__(cls, x, y)

        def __init__(self, x, y=0.0, name="v"):
            self.name = name

    v = Named(3.0, 4.0, name="n")
    assert (v.x, v.y, v.norm, v.name) == (3.0, 4.0, 5.0, "n") and isinstance(v, SVec)
    s = v + SVec(1, 1)
    assert type(s) is SVec and s == SVec(4.0, 5.0) and v.dot(SVec(1, 0)) == 3.0
    assert nd_test.midpoint(v, SVec(1, 0)) == SVec(2.0, 2.0)
    w = weakref.ref(v)
    v.me = v   # a cycle through the subclass's dict: the GC frees it
    del v, s
    gc.collect()
    assert w() is None
    before = sys.getrefcount(Named)
    for _ in range(1000):
        Named(1.0)
    assert sys.getrefcount(Named) == before


def test_weakrefs_and_their_callbacks():
    calls = []
    c = SCounter()
    w = weakref.ref(c, calls.append)
    assert w() is c
    del c
    assert w() is None and calls == [w]
    p = nd_ext.Point()
    wp = weakref.ref(p, calls.append)
    del p
    assert wp() is None and calls[-1] is wp


@pytest.mark.parametrize("make", [lambda: SCounter(1), lambda: SVec(1.0), lambda: nd_ext.Point(1.0, 2.0),
                                  lambda: SVec(1.0) + SVec(2.0), lambda: SCounter().next()])
def test_the_type_refcount_returns_after_many_instances(make):
    t = type(make())
    before = sys.getrefcount(t)
    kept = [make() for _ in range(1000)]
    assert sys.getrefcount(t) == before + 1000
    del kept
    for _ in range(100_000):
        make()
    assert sys.getrefcount(t) == before


def test_arguments_are_not_leaked():
    a, b = SVec(1, 2), SVec(3, 4)
    before = sys.getrefcount(a), sys.getrefcount(b)
    for _ in range(1000):
        nd_test.midpoint(a, b)
        a.dot(b)
        a.distance(b)
        a + b
        a == b
        error(TypeError, a.dot, 1)
    gc.collect()   # pytest.raises's traceback cycles hold the bound method
    assert (sys.getrefcount(a), sys.getrefcount(b)) == before


def test_a_struct_without_weak_references_dies_by_cpython_alone():
    # [PyClass(WeakRef = false)]: no weak reference list, and tp_dealloc is CPython's own subtype_dealloc (the one
    # a Python class gets), so an instance dies without .NET code; its type's references still balance.
    SPlain = nd_test.SPlain
    assert SPlain.__weakrefoffset__ == 0 and not gc.is_tracked(SPlain(1.0))
    with pytest.raises(TypeError, match="cannot create weak reference to 'nd_test.SPlain' object|SPlain"):
        weakref.ref(SPlain(1.0))
    assert SPlain(3.0).doubled().value == 6.0
    before = sys.getrefcount(SPlain)
    for _ in range(100_000):
        SPlain(2.0).doubled()
    assert sys.getrefcount(SPlain) == before
    # tp_dealloc is the one a Python class has (read at its offset in PyTypeObject: the header, ob_size, tp_name,
    # tp_basicsize, tp_itemsize); a weakly referenceable struct's is its own.
    offset = object.__basicsize__ + 32
    dealloc = lambda t: ctypes.c_void_p.from_address(id(t) + offset).value
    assert dealloc(SPlain) == dealloc(type("Plain", (), {"__slots__": ()})) != dealloc(SCounter)

    class Sub(SPlain):   # a Python subclass (GC, with a dict and weak references of its own) dies the same way
        pass
    s = Sub(4.0)
    s.tag = "kept"
    w = weakref.ref(s)
    sub_before = sys.getrefcount(Sub)
    del s
    assert w() is None and sys.getrefcount(Sub) == sub_before - 1
