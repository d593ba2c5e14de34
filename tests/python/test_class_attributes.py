"""Class attributes, write-only properties, deleters, __dict__, __module__/__qualname__ (issue 18 item 4),
against nd_test's Swatch, Box and PlainBox (tests/NdTestModule/ClassesAttributes.cs) and shapes.Rect.

Where CPython has a message of its own (a getset without a getter: "not readable"; an object without
a __dict__: "has no attribute"), ours is CPython's.
"""
import datetime
import gc
import sys
import weakref

import pytest

import nd_test
import nd_test.shapes
from nd_test import Box, PlainBox, Swatch


# --- constants of a class: read once, plain values in the type's dict ---------------------------

def test_class_constants_have_their_values_and_python_types():
    assert Swatch.RED == 1 and type(Swatch.RED) is int
    assert Swatch.KIND == "swatch"
    assert Swatch.GLOSSY is False
    assert Swatch.GAMMA == 2.2 and type(Swatch.GAMMA) is float
    assert Swatch.SHADES == 2**80
    assert Swatch.NOTHING is None
    assert Swatch.PAIR == (1, "one")
    assert Swatch.EPOCH == datetime.datetime(2000, 1, 2, 3, 4, 5)
    assert Swatch.PRIMARY is nd_test.Color.BLUE     # a C# enum: its Python enum's member
    assert Swatch.SIZES == [1, 2, 3]
    assert Swatch.custom_name == 0.5               # [PyConstant("custom_name")]


def test_a_constant_of_the_class_itself_is_one_instance():
    assert type(Swatch.WHITE) is Swatch
    assert Swatch.WHITE.name == "white"
    assert Swatch.WHITE is Swatch.WHITE


def test_constants_are_plain_values_in_the_type_dict_and_read_through_instances():
    assert type(Swatch.__dict__["RED"]) is int
    assert Swatch.__dict__["SIZES"] is Swatch.SIZES     # read once: the same list each time
    s = Swatch("x")
    assert s.RED == 1 and s.KIND == "swatch"


# --- static [PyProperty]: read from C# on each access --------------------------------------------

def test_a_static_property_is_read_on_each_access():
    before = Swatch.made
    s = Swatch("teal")
    assert Swatch.made == before + 1
    assert s.made == before + 1                    # through an instance too
    assert Swatch.last_name == "teal"
    Swatch.set_made(42)                             # C# changes it: Python sees it
    assert Swatch.made == 42
    Swatch.set_made(before + 1)


def test_static_property_values_convert_each_time():
    first = Swatch.history
    assert isinstance(first, list) and all(type(n) is int for n in first)
    assert Swatch.history == first and Swatch.history is not first     # a new list per read
    Swatch("abcdefg")
    assert Swatch.history[-1] == 7
    assert Swatch.limit == 16                      # a static readonly field
    assert Swatch.max_size == 2**63 - 1            # a const under a name of its own


def test_a_static_property_that_throws_raises_on_access():
    with pytest.raises(RuntimeError, match="no value yet"):
        Swatch.broken
    with pytest.raises(RuntimeError, match="no value yet"):
        Swatch("x").broken


def test_a_static_property_is_read_only_through_instances():
    s = Swatch("x")
    with pytest.raises(AttributeError, match=r"^class attribute 'made' of 'Swatch' is read-only$"):
        s.made = 3
    with pytest.raises(AttributeError, match=r"^cannot delete class attribute 'made' of 'Swatch'$"):
        del s.made
    assert isinstance(Swatch.made, int)


def test_the_descriptor_says_what_it_is():
    d = Swatch.__dict__["made"]
    assert repr(d) == "<class attribute 'made' of 'Swatch'>"
    assert d.__doc__ == "How many swatches C# has made (read on each access)."
    assert Swatch.__dict__["history"].__doc__ == "A new list on each read."
    assert Swatch.__dict__["limit"].__doc__ is None
    assert type(d).__module__ == "ndbindgen" and type(d).__name__ == "class_attribute"


def test_setting_on_the_class_replaces_the_attribute_as_for_any_class_attribute():
    # The documented limit: type.__setattr__ asks only the metaclass, so the class cannot refuse it.
    d = Swatch.__dict__["made"]
    try:
        Swatch.made = 1000
        assert Swatch.made == 1000 and Swatch.__dict__["made"] == 1000
    finally:
        Swatch.made = d
    assert Swatch.__dict__["made"] is d and Swatch.made != 1000


def test_python_subclasses_inherit_class_attributes_or_replace_them():
    class Sub(Box):
        pass

    class Own(Box):
        kind = "own"

    assert Box.kind == "box" and Sub.kind == "box" and Sub().kind == "box"
    assert Own.kind == "own" and Own().kind == "own"
    with pytest.raises(AttributeError, match="read-only"):
        Sub().kind = "x"        # the base's descriptor, a data descriptor, comes before the instance dict


def test_reading_class_attributes_leaks_nothing():
    white = Swatch.WHITE
    count = sys.getrefcount(white)
    for _ in range(1000):
        Swatch.WHITE
        Swatch.made
        Swatch.history
        Swatch.last_name
        with pytest.raises(RuntimeError):
            Swatch.broken
    assert sys.getrefcount(white) == count
    d = Swatch.__dict__["made"]
    count = sys.getrefcount(d)
    for _ in range(1000):
        Swatch.made
    assert sys.getrefcount(d) == count


# --- write-only properties -----------------------------------------------------------------------

def test_a_write_only_property_is_set_and_not_read():
    b = Box()
    b.secret = "hello"
    assert b.secret_length() == 5
    with pytest.raises(AttributeError, match=r"^attribute 'secret' of 'nd_test.Box' objects is not readable$"):
        b.secret
    assert not hasattr(b, "secret")
    with pytest.raises(TypeError, match="secret"):
        b.secret = 3
    assert b.secret_length() == 5


# --- deleters -----------------------------------------------------------------------------------

def test_del_sets_a_deletable_property_to_none_through_its_setter():
    b = Box()
    assert b.label == "new" and b.label_changes == 0
    del b.label
    assert b.label is None and b.label_changes == 1    # the setter ran, with null
    b.label = "again"
    assert b.label == "again" and b.label_changes == 2
    assert b.size == 3
    del b.size
    assert b.size is None
    b.size = 4
    assert b.size == 4


def test_del_of_a_property_without_a_deleter_raises_attribute_error():
    b = Box()
    with pytest.raises(AttributeError, match=r"^cannot delete attribute 'weight' of 'Box' objects$"):
        del b.weight
    with pytest.raises(AttributeError):
        del b.label_changes     # read-only


def test_deleting_a_reference_releases_it():
    b = Box()
    payload = object()
    count = sys.getrefcount(payload)
    b.payload = payload
    assert sys.getrefcount(payload) == count + 1    # (before reading: pytest keeps what an assert read)
    assert b.payload is payload
    del b.payload
    assert sys.getrefcount(payload) == count
    assert b.payload is None
    del b.payload               # deleting None again: nothing to release
    for _ in range(1000):
        b.payload = payload
        del b.payload
    assert sys.getrefcount(payload) == count


# --- __dict__ -----------------------------------------------------------------------------------

def test_a_class_with_a_dict_takes_attributes_of_python_s_own():
    b = Box()
    assert b.__dict__ == {}
    b.tag = 5
    assert b.tag == 5 and b.__dict__ == {"tag": 5} and vars(b) == {"tag": 5}
    del b.tag
    assert not hasattr(b, "tag")
    b.__dict__ = {"x": 1}
    assert b.x == 1
    with pytest.raises(TypeError):
        b.__dict__ = 3


def test_properties_win_over_the_dict():
    b = Box()
    b.weight = 2.0              # the C# property, not the dict
    assert b.weight == 2.0 and "weight" not in b.__dict__
    b.__dict__["weight"] = "shadow"
    assert b.weight == 2.0      # a data descriptor comes first, as for a Python class


def test_a_class_without_a_dict_refuses_new_attributes():
    p = PlainBox()
    with pytest.raises(AttributeError, match="'nd_test.PlainBox' object has no attribute 'tag'"):
        p.tag = 1
    assert not hasattr(p, "__dict__")
    assert PlainBox.__dictoffset__ == 0 and Box.__dictoffset__ > 0


def test_the_dict_is_a_gc_type_s_and_a_cycle_through_it_is_collected():
    assert Box.__flags__ & (1 << 14)
    b = Box()
    b.me = b
    ref = weakref.ref(b)
    del b
    gc.collect()
    assert ref() is None


def test_the_dict_s_values_are_released_with_the_instance():
    value = object()
    count = sys.getrefcount(value)
    for _ in range(1000):
        b = Box()
        b.value = value
        b.other = [value]
        del b
    assert sys.getrefcount(value) == count


def test_python_subclasses_share_the_base_s_dict_or_get_their_own():
    class Sub(Box):
        pass

    class PlainSub(PlainBox):
        pass

    assert Sub.__dictoffset__ == Box.__dictoffset__     # no second dict
    s = Sub()
    s.x = 1
    assert s.__dict__ == {"x": 1}
    p = PlainSub()
    p.y = 2
    assert p.__dict__ == {"y": 2}
    refs = []
    for cls in (Sub, PlainSub):
        obj = cls()
        obj.me = obj
        refs.append(weakref.ref(obj))
    del obj
    gc.collect()
    assert [r() for r in refs] == [None, None]
    value = object()
    count = sys.getrefcount(value)
    for _ in range(200):
        Sub().v = value
        PlainSub().v = value
    assert sys.getrefcount(value) == count


# --- __module__ and __qualname__ ----------------------------------------------------------------

def test_a_submodule_class_has_its_module_and_qualified_name():
    Rect = nd_test.shapes.Rect
    assert Rect.__module__ == "nd_test.shapes"
    assert Rect.__qualname__ == "Rect" and Rect.__name__ == "Rect"
    assert repr(Rect) == "<class 'nd_test.shapes.Rect'>"
    assert repr(Rect(1.0, 2.0)).startswith("<nd_test.shapes.Rect object at ")
    assert Swatch.__module__ == "nd_test" and Swatch.__qualname__ == "Swatch"
