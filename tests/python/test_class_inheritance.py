"""[PyClass]es deriving from [PyClass]es (issue 18, items 1 and 5): Python subclasses with the C#
hierarchy's MRO, inherited members, virtual dispatch, abstract and constructor-less classes, GC over
every level, class methods building the class they are called on — and no way from Python to put a
C# object behind the methods of a class it is not (PyInstance.Get is an unchecked cast).
"""
import gc
import sys
import weakref

import pytest

import nd_test
from nd_test import Crate, Circle, Figure, GoldPlate, LabelledQuad, Quad, Square, TaggedCrate, Ticket
from nd_test.shapes import Outline, Plate


class Thing:
    """A plain Python object: weak-referenceable, can join a cycle."""


# --- the hierarchy as Python sees it ---------------------------------------------------------

def test_mro_follows_the_csharp_hierarchy():
    assert Square.__mro__ == (Square, Quad, Figure, object)
    assert Circle.__mro__ == (Circle, Figure, object)
    assert Square.__bases__ == (Quad,)


def test_isinstance_and_issubclass():
    s = Square(2.0)
    assert isinstance(s, Square) and isinstance(s, Quad) and isinstance(s, Figure)
    assert not isinstance(s, Circle)
    assert issubclass(Square, Figure) and issubclass(Circle, Figure)
    assert not issubclass(Circle, Quad) and not issubclass(Quad, Square)


def test_inherited_members_are_the_bases_not_copies():
    # Python inherits them: the derived types' dicts do not repeat them.
    assert "area" in Figure.__dict__ and "kind" in Figure.__dict__ and "describe" in Figure.__dict__
    for derived in (Quad, Square, Circle):
        assert "area" not in derived.__dict__
        assert "kind" not in derived.__dict__
    # An override marked [PyMethod] again is not re-exported either.
    assert "describe" not in Square.__dict__
    assert "width" in Quad.__dict__ and "width" not in Square.__dict__
    assert "side" in Square.__dict__


def test_inherited_properties_and_methods_work_on_derived_instances():
    s = Square(3.0)
    assert s.kind == "square"
    assert s.width == 3.0 and s.height == 3.0 and s.side == 3.0
    s.width = 4.0
    assert s.side == 4.0
    s.scale(2.0)
    assert (s.width, s.height) == (8.0, 6.0)


def test_virtual_dispatch_runs_the_override():
    assert Quad(2.0, 3.0).area() == 6.0
    assert Square(3.0).area() == 9.0
    assert Circle(1.0).area() == pytest.approx(3.14159, rel=1e-5)
    # Figure.describe is virtual; Square overrides it (the entry in Figure's table calls the override).
    assert Square(2.0).describe() == "a square: square of area 4"
    assert Quad(1.0, 2.0).describe() == "quad of area 2"
    assert Figure.describe(Square(1.0)).startswith("a square")


def test_a_derived_instance_is_accepted_where_the_base_is_expected():
    assert nd_test.area_of(Square(2.0)) == 4.0
    assert nd_test.area_of(Circle(1.0)) == pytest.approx(3.14159, rel=1e-5)
    assert nd_test.width_of(Square(5.0)) == 5.0          # PyRef<Quad>
    assert nd_test.runtime_type_of(Square(1.0)) == "Square"
    with pytest.raises(TypeError, match="Figure"):
        nd_test.area_of(Crate())


def test_operators_take_derived_operands():
    r = Square(1.0) + Quad(2.0, 3.0)
    assert type(r) is Quad and (r.width, r.height) == (3.0, 3.0)
    r = Square(1.0) + Square(2.0)
    assert type(r) is Quad and (r.width, r.height) == (3.0, 2.0)
    with pytest.raises(TypeError):
        Square(1.0) + Circle(1.0)


def test_a_derived_object_returned_as_its_base_is_its_own_class():
    s = nd_test.make_square(2.0)
    assert type(s) is Square
    assert s.side == 2.0


def test_the_same_object_comes_back():
    s = Square(1.0)
    box = Crate(s)
    assert box.content is s


def test_module_and_qualname_in_submodules():
    assert Square.__module__ == "nd_test" and Square.__qualname__ == "Square"
    assert Plate.__module__ == "nd_test.shapes" and Plate.__qualname__ == "Plate"
    # A module class deriving from a submodule class, and the other way round.
    assert GoldPlate.__module__ == "nd_test" and GoldPlate.__mro__ == (GoldPlate, Plate, object)
    assert Outline.__module__ == "nd_test.shapes" and Outline.__mro__ == (Outline, Quad, Figure, object)
    assert GoldPlate(2.0).metal() == "gold" and Plate(1.0).metal() == "tin"
    assert Outline(2.0, 3.0).area() == 6.0


# --- abstract classes and classes without a constructor ---------------------------------------

def test_an_abstract_class_is_not_instantiable():
    with pytest.raises(TypeError, match="^Can't instantiate abstract class Figure$"):
        Figure()
    with pytest.raises(TypeError, match="abstract class Figure"):
        Figure("any", "arguments", key=1)


def test_a_python_subclass_of_an_abstract_class_is_not_instantiable():
    class Mine(Figure):
        def area(self):
            return 1.0

    with pytest.raises(TypeError, match="^Can't instantiate abstract class Mine$"):
        Mine()


def test_a_class_without_a_public_constructor_is_made_only_by_csharp():
    with pytest.raises(TypeError, match="^No constructor defined for Ticket$"):
        Ticket()
    with pytest.raises(TypeError, match="No constructor defined for Ticket"):
        Ticket(1)
    t = nd_test.issue_ticket(7)
    assert type(t) is Ticket and t.number == 7


def test_dunder_new_cannot_get_around_it():
    with pytest.raises(TypeError):
        Ticket.__new__(Ticket)
    with pytest.raises(TypeError):
        Figure.__new__(Figure)
    with pytest.raises(TypeError):
        object.__new__(Ticket)
    with pytest.raises(TypeError):
        object.__new__(Square)


def test_a_sealed_class_is_not_subclassable():
    with pytest.raises(TypeError):
        class More(Square):
            pass


# --- class methods -------------------------------------------------------------------------

def test_a_class_method_builds_the_class_it_is_called_on():
    q = Quad.of(2.0)
    assert type(q) is Quad and q.area() == 4.0

    class Tile(Quad):
        pass

    t = Tile.of(3.0)
    assert type(t) is Tile and t.area() == 9.0


def test_a_factory_returning_a_derived_object_gives_its_class():
    # Figure.unit returns a C# Square: called on Figure (or Square) it is a Python Square.
    assert type(Figure.unit()) is Square
    assert type(Square.unit()) is Square
    assert type(Quad.unit()) is Square      # a Square is a Quad: wrapped as its own class


def test_a_factory_cannot_wrap_an_object_in_a_class_it_is_not():
    # Quad.of makes a C# Quad; Square inherits the classmethod but a Quad is not a Square.
    with pytest.raises(TypeError, match="cannot make a Square of the C# Quad"):
        Square.of(2.0)
    with pytest.raises(TypeError, match="cannot make a Circle of the C# Square"):
        Circle.unit()

    class Wheel(Circle):
        pass

    with pytest.raises(TypeError, match="cannot make a Wheel of the C# Square.*not a Circle"):
        Wheel.unit()


# --- trying to break the invariant from Python (a Python Derived must hold a C# Derived) ------

def test_class_assignment_across_csharp_classes_is_refused():
    q = Quad(1.0, 2.0)
    with pytest.raises(TypeError, match="layout differs"):
        q.__class__ = Square
    s = Square(1.0)
    with pytest.raises(TypeError):
        s.__class__ = Quad
    c = Circle(1.0)
    with pytest.raises(TypeError):
        c.__class__ = Quad
    assert type(q) is Quad and type(s) is Square and q.area() == 2.0


def test_class_assignment_between_python_subclasses_of_one_class_still_works():
    class A(Quad):
        pass

    class B(Quad):
        pass

    a = A(1.0, 2.0)
    a.__class__ = B
    assert type(a) is B and a.area() == 2.0


def test_a_python_class_cannot_derive_from_two_csharp_siblings():
    with pytest.raises(TypeError, match="lay-out conflict"):
        class Both(Quad, Circle):
            pass


def test_base_new_refuses_a_derived_type():
    with pytest.raises(TypeError, match="not safe"):
        Quad.__new__(Outline, 1.0, 2.0)

    class Sub(Quad):
        pass

    # The subclass of Quad itself is what Quad.__new__ may make.
    s = Quad.__new__(Sub, 1.0, 2.0)
    assert type(s) is Sub and s.area() == 2.0


def test_a_python_subclass_with_new_gets_the_constructor_of_its_csharp_base():
    class Sub(Circle):
        def __new__(cls, r):
            return super().__new__(cls, r * 2)

    s = Sub(1.0)
    assert type(s) is Sub and s.radius == 2.0
    assert nd_test.runtime_type_of(s) == "Circle"

    class Sneaky(Circle):
        def __new__(cls, r):
            return Figure.__new__(cls)

    with pytest.raises(TypeError):
        Sneaky(1.0)


def test_a_python_subclass_mixing_a_csharp_class_and_its_base_gets_the_derived():
    class PyFigure(Figure):
        pass

    class Mixed(PyFigure, Circle):
        pass

    assert Mixed.__mro__ == (Mixed, PyFigure, Circle, Figure, object)
    m = Mixed(2.0)
    assert m.radius == 2.0 and m.kind == "circle"
    assert nd_test.runtime_type_of(m) == "Circle"


# --- GC across levels ----------------------------------------------------------------------

@pytest.fixture
def no_auto_gc():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_cycles_through_every_level_are_collected(no_auto_gc):
    box = TaggedCrate()
    box.content = box      # the base's reference
    box.tag = box          # the derived's
    content, tag = Thing(), Thing()
    wc, wt = weakref.ref(content), weakref.ref(tag)
    other = TaggedCrate(content, tag)
    wbox = weakref.ref(box)
    del box
    gc.collect()
    assert wbox() is None
    assert other.content is content and other.tag is tag
    del content, tag, other
    assert wc() is None and wt() is None


def test_a_cycle_through_only_the_base_level_of_a_derived_object(no_auto_gc):
    box = TaggedCrate(tag=Thing())
    box.content = box
    w = weakref.ref(box)
    del box
    gc.collect()
    assert w() is None


def test_a_gc_level_below_levels_that_are_not(no_auto_gc):
    assert not gc.is_tracked(Quad(1.0, 1.0))
    q = LabelledQuad(1.0, 2.0)
    assert gc.is_tracked(q) and q.area() == 2.0
    q.label = q
    w = weakref.ref(q)
    del q
    gc.collect()
    assert w() is None


def test_gc_referents_report_both_levels():
    content, tag = Thing(), Thing()
    box = TaggedCrate(content, tag)
    referents = gc.get_referents(box)
    assert content in referents and tag in referents


def test_references_are_released_once():
    content, tag = Thing(), Thing()
    before = sys.getrefcount(content), sys.getrefcount(tag)
    box = TaggedCrate(content, tag)
    assert (sys.getrefcount(content), sys.getrefcount(tag)) == (before[0] + 1, before[1] + 1)
    box.content = None
    assert sys.getrefcount(content) == before[0]
    del box
    assert sys.getrefcount(tag) == before[1]
