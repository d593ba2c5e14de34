"""Pickling and copying, generated (issue 18 item 6): a [PyClass] whose constructor's arguments can be read back
from properties of the same names gets a __reduce__ with no code from the user: (cls, args[, (None, state)]),
the state being the settable properties the constructor does not set, applied by setattr. Python subclasses
pickle as themselves, with their __dict__ and __slots__ (copyreg's __newobj__ form). Hand-written __reduce__,
__getstate__ and __setstate__ win; a class the generator cannot rebuild raises TypeError saying why."""
import copy
import gc
import pathlib
import pickle
import shutil
import subprocess
import sys

import pytest

import nd_test
from nd_test import PBox, PCounter, PHandReduce, PHidden, PMeasure, PNoPickle, PSecret, PVec

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)   # 0 and 1 work too: __reduce__ is a plain (cls, args) pair


def roundtrip(obj, protocol=pickle.DEFAULT_PROTOCOL):
    return pickle.loads(pickle.dumps(obj, protocol))


def test_reduce_is_the_type_the_constructor_arguments_and_the_state():
    v = PVec(1.0, 2.0)
    assert v.__reduce__() == (PVec, (1.0, 2.0), (None, {"label": None}))
    v.label = "a"
    assert v.__reduce__() == (PVec, (1.0, 2.0), (None, {"label": "a"}))
    assert PVec.__reduce__.__doc__.startswith("Helper for pickle")
    with pytest.raises(TypeError, match=r"__reduce__\(\) takes no arguments"):
        v.__reduce__(1)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_protocol_rebuilds_the_object(protocol):
    v = PVec(1.5, -2.0)
    v.label = "here"
    w = roundtrip(v, protocol)
    assert type(w) is PVec and w is not v
    assert (w.x, w.y, w.label, w.norm) == (1.5, -2.0, "here", v.norm)
    w.x = 9.0   # a C# object of its own
    assert v.x == 1.5


def test_a_keyword_only_parameter_goes_back_by_name():
    import copyreg
    m = PMeasure(2.5, unit="km")
    m.note = "n"
    assert m.__reduce__() == (copyreg.__newobj_ex__, (PMeasure, (2.5,), {"unit": "km"}), (None, {"note": "n"}))
    for protocol in PROTOCOLS:
        n = roundtrip(m, protocol)
        assert type(n) is PMeasure and (n.value, n.unit, n.note) == (2.5, "km", "n")
    assert copy.deepcopy(m).unit == "km"

    class Sub(PMeasure):
        pass
    globals()["Sub"] = Sub
    Sub.__qualname__ = "Sub"
    try:
        s = Sub(1.0, unit="s")
        s.extra = 3
        t = roundtrip(s)
        assert type(t) is Sub and (t.value, t.unit, t.extra) == (1.0, "s", 3)
    finally:
        del globals()["Sub"]


def test_private_state_marked_non_serialized_is_not_pickled():
    v = PVec(1.0)
    assert v.reads() == 1 and v.reads() == 2
    assert roundtrip(v).reads() == 1


def test_copy_and_deepcopy_go_through_reduce():
    v = PVec(3.0, 4.0)
    v.label = "c"
    for w in (copy.copy(v), copy.deepcopy(v)):
        assert type(w) is PVec and w is not v and (w.x, w.y, w.label) == (3.0, 4.0, "c")


def test_nested_objects_any_object_and_containers_pickle():
    item = {"k": [1, 2]}
    box = PBox(item, PVec(5.0, 6.0))
    box.values = [1.5, 2.5]
    box.count = 7
    for protocol in PROTOCOLS:
        b = roundtrip(box, protocol)
        assert b.item == item and b.item is not item
        assert type(b.vec) is PVec and (b.vec.x, b.vec.y) == (5.0, 6.0)
        assert b.values == [1.5, 2.5] and b.count == 7
    box.vec = None
    box.count = None
    b = roundtrip(box)
    assert b.vec is None and b.count is None


def test_copy_shares_a_referenced_object_and_deepcopy_copies_it():
    item = [1, [2, 3]]
    box = PBox(item, PVec(1.0))
    shallow = copy.copy(box)
    assert shallow.item is item and shallow.vec is box.vec
    deep = copy.deepcopy(box)
    assert deep.item == item and deep.item is not item and deep.item[1] is not item[1]
    assert deep.vec is not box.vec and deep.vec.x == 1.0
    # A List<double> property is a new list on every read, so both copies hold lists of their own.
    box.values = [1.0]
    assert copy.copy(box).values == [1.0]


def test_an_object_shared_twice_stays_shared():
    v = PVec(1.0)
    a, b = roundtrip([PBox(v, v), v])
    assert a.item is a.vec is b


def test_a_cycle_through_state_pickles_and_one_through_constructor_arguments_raises_recursion_error():
    b = PBox(None)
    b.link = [b]
    for c in (roundtrip(b), copy.deepcopy(b)):
        assert c is not b and c.link[0] is c
    b.item = b
    with pytest.raises(RecursionError):
        pickle.dumps(b)


def test_a_python_subclass_pickles_as_itself_with_its_dict_and_without_init():
    class Tagged(PVec):
        inits = 0

        def __init__(self, x, y=0.0):
            Tagged.inits += 1
            self.tag = "new"

    globals()["Tagged"] = Tagged   # pickle finds the class by module and name
    Tagged.__qualname__ = "Tagged"
    try:
        t = Tagged(2.0, 3.0)
        t.tag = "kept"
        t.extra = [1]
        t.label = "l"
        for protocol in PROTOCOLS:
            inits = Tagged.inits
            u = roundtrip(t, protocol)
            assert type(u) is Tagged and (u.x, u.y, u.label) == (2.0, 3.0, "l")
            assert u.tag == "kept" and u.extra == [1]
            assert Tagged.inits == inits   # as for any Python object: __init__ is not called
        assert copy.copy(t).extra is t.extra
        assert copy.deepcopy(t).extra is not t.extra and copy.deepcopy(t).extra == [1]
    finally:
        del globals()["Tagged"]


class Slotted(PVec):
    __slots__ = ("a", "b")


class OwnState(PVec):
    def __getstate__(self):
        return {"custom": self.x}

    def __setstate__(self, state):
        self.got = state


def test_a_subclass_with_slots_keeps_the_slots_that_are_set():
    s = Slotted(1.0)
    s.a = 5
    for protocol in PROTOCOLS:
        t = roundtrip(s, protocol)
        assert type(t) is Slotted and t.a == 5 and not hasattr(t, "b")


def test_a_subclass_with_getstate_and_setstate_uses_them():
    o = roundtrip(OwnState(4.0))
    assert type(o) is OwnState and o.x == 4.0 and o.got == {"custom": 4.0}


def test_a_hand_written_reduce_wins():
    h = roundtrip(PHandReduce(3, 4))
    assert (h.n, h.extra) == (3, 1004)
    assert copy.copy(PHandReduce(1)).extra == 1000


def test_hand_written_getstate_and_setstate_carry_private_state():
    c = PCounter()
    c.bump()
    c.bump()
    assert c.__reduce__() == (PCounter, (), 2)
    assert roundtrip(c).bump() == 1003   # __setstate__ adds 1000, to show it ran
    assert copy.deepcopy(c).bump() == 1003


def test_a_constructor_parameter_without_a_property_raises_type_error_naming_it():
    with pytest.raises(TypeError, match=r"cannot pickle 'nd_test.PSecret' object: its constructor parameter "
                                        r"'seed' has no property to read it back from; add a \[PyProperty\] named "
                                        r"'seed', or write __reduce__"):
        pickle.dumps(PSecret(1))
    with pytest.raises(TypeError, match="cannot pickle 'nd_test.PSecret' object"):
        copy.copy(PSecret(1))


def test_private_state_no_property_shows_raises_type_error_naming_the_field():
    with pytest.raises(TypeError, match=r"cannot pickle 'nd_test.PHidden' object: its field 'PHidden._log' is not "
                                        r"a \[PyProperty\], so pickling would lose it; mark it \[NonSerialized\]"):
        pickle.dumps(PHidden(1))


def test_pickle_false_generates_nothing():
    assert "__reduce__" not in PNoPickle.__dict__
    with pytest.raises(TypeError, match="PNoPickle"):
        pickle.dumps(PNoPickle(1), 2)


def test_a_class_of_a_submodule_pickles_by_its_qualified_name():
    from nd_test.shapes import Rect
    assert Rect.__module__ == "nd_test.shapes"
    r = roundtrip(Rect(2.0, 3.0))
    assert type(r) is Rect and r.area() == 6.0
    assert b"nd_test.shapes" in pickle.dumps(Rect(1.0, 1.0), 0)


def test_enums_pickle_as_their_members():
    for member in list(nd_test.Color) + list(nd_test.Permission):
        for protocol in PROTOCOLS:
            assert roundtrip(member, protocol) is member


def test_unpickling_in_another_process(tmp_path):
    v = PVec(1.25, 2.5)
    v.label = "far"
    box = PBox({"v": v}, v)
    path = tmp_path / "objects.pickle"
    path.write_bytes(pickle.dumps([box, nd_test.shapes.Rect(2.0, 5.0)], 5))
    modules = str(pathlib.Path(nd_test.__file__).parent)
    program = ("import pickle, sys; box, rect = pickle.load(open(sys.argv[1], 'rb')); "
               "print(type(box).__name__, box.vec.x, box.vec.y, box.vec.label, box.item['v'] is box.vec, "
               "type(rect).__module__, rect.area())")
    proc = subprocess.run([sys.executable, "-c", program, str(path)], capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": modules, "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["PBox", "1.25", "2.5", "far", "True", "nd_test.shapes", "10.0"]


def test_a_round_trip_loop_leaks_no_references():
    item = object()
    box = PBox(item, PVec(1.0))
    box.values = [1.0, 2.0]
    roundtrip(box)
    gc.collect()
    before = sys.getrefcount(item), sys.getrefcount(box), sys.getrefcount(PBox)
    for _ in range(300):
        copy.copy(box)
        copy.deepcopy(box)
        box.__reduce__()
        with pytest.raises(TypeError):
            pickle.dumps(PSecret(1))
    gc.collect()
    assert (sys.getrefcount(item), sys.getrefcount(box), sys.getrefcount(PBox)) == before


DEBUG_PYTHON = shutil.which("python3.11-dbg")


@pytest.mark.skipif(DEBUG_PYTHON is None or sys.version_info[:2] != (3, 11), reason="needs python3.11-dbg")
def test_total_reference_count_of_round_trips_returns_to_its_start(tmp_path):
    """Under the debug interpreter: sys.gettotalrefcount() after 500 round trips of each kind is where it was
    after the first (the pickle, copy and subclass paths, and the refusal)."""
    src = pathlib.Path(nd_test.__file__)   # nd_test.so loads into the debug interpreter too
    (tmp_path / src.name).symlink_to(src)
    program = """
import copy, gc, pickle, sys
import nd_test as m
class Sub(m.PVec):
    pass
def once():
    v = m.PVec(1.0, 2.0); v.label = "x"
    b = m.PBox([1, {"a": v}], v); b.values = [1.0]; b.count = 3
    pickle.loads(pickle.dumps(b, 2)); pickle.loads(pickle.dumps(b, 5)); copy.deepcopy(b)
    s = Sub(3.0); s.extra = [1]
    pickle.loads(pickle.dumps(s)); copy.copy(s)
    c = m.PCounter(); c.bump(); pickle.loads(pickle.dumps(c))
    k = m.PMeasure(1.0, unit="s"); k.note = "n"; pickle.loads(pickle.dumps(k, 2)); copy.deepcopy(k)
    b.link = [b]; pickle.loads(pickle.dumps(b))
    try:
        pickle.dumps(m.PSecret(1))
    except TypeError:
        pass
for _ in range(50): once()
gc.collect(); start = sys.gettotalrefcount()
for _ in range(500): once()
gc.collect(); print(sys.gettotalrefcount() - start)
"""
    proc = subprocess.run([DEBUG_PYTHON, "-c", program], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert abs(int(proc.stdout.split()[-1])) < 50, proc.stdout   # 500 rounds: a leak would be thousands
