"""[PyClass]: C# classes as Python types (issue 3, items 1-7), against nd_test's classes
(tests/NdTestModule/Classes*.cs).

Where CPython has a message of its own (a Python function's argument errors, a getset
descriptor's "not writable", the number protocol's "unsupported operand"), ours must match it.
"""
import collections.abc
import enum
import inspect
import pydoc
import sys
import weakref

import pytest

import nd_test
from nd_test import Animal, Fragile, Money, Record, Samples, Tally, Vec, Version2, Words

HEAPTYPE, BASETYPE, HAVE_GC = 1 << 9, 1 << 10, 1 << 14

# The [PyClass] types: not the enum classes C# enums become (test_enums.py), nor the [PyException] classes
# (test_exception_classes.py).
CLASSES = sorted(n for n in dir(nd_test)
                 if isinstance(getattr(nd_test, n), type)
                 and not issubclass(getattr(nd_test, n), (enum.Enum, BaseException)))
SEALED = ["Bag", "Bare", "ConstPoint", "Fragile", "Fraction", "Money", "Paint", "Record", "Registry", "Stone", "Swatch",
          "Tally", "Temperature", "Thrower", "ValueRecord", "Vec", "Version2", "ViewTaker", "Words", "GoldPlate",
          "LabelledQuad", "Square", "TaggedCrate", "Ticket",
          # tests/NdTestModule/ClassesContainers.cs
          "Countdown", "Describer", "Grid", "IntSequence", "Joiner", "Once", "Polynomial", "Resource", "Ring",
          "Settings", "Tags", "Text", "Transaction"]
OPEN = ["Animal", "Beast", "Bits", "Box", "Holder", "PlainBox", "Reading", "Samples", "SigBox", "Crate", "Circle",
        "Figure", "Quad"]
# Classes deriving from another [PyClass] (test_class_inheritance.py): their Python base.
BASES = {"Circle": nd_test.Figure, "Quad": nd_test.Figure, "Square": nd_test.Quad, "LabelledQuad": nd_test.Quad,
         "TaggedCrate": nd_test.Crate, "GoldPlate": nd_test.shapes.Plate}
# Abstract, or without a public constructor: no signature to split off.
NOT_CONSTRUCTIBLE = {"Figure", "Ticket"}
# tests/NdTestModule/ClassesPickle.cs (test_class_pickle.py)
SEALED += ["PBox", "PCounter", "PHandReduce", "PHidden", "PNoPickle", "PSecret"]
OPEN += ["PMeasure", "PVec"]
# tests/NdTestModule/ArraysViews.cs
OPEN += ["ArrayHolder"]
# tests/NdTestModule/ClassStructs.cs: struct [PyClass]es are final unless Subclass = true (test_class_structs.py)
SEALED += ["SCounter"]
OPEN += ["SVec", "SPlain"]
# [PyClass(WeakRef = false)] structs: no weak-reference list (test_class_structs.py).
NO_WEAKREFS = {"SPlain"}
# Several [PyConstructor]s: no single text signature (test_overloads.py).
OVERLOADED_CONSTRUCTORS = {"Reading"}
# No doc comment at all: __doc__ None, as a builtin class without a doc has.
UNDOCUMENTED = {"Bare"}


def error(exception, function, *args, **kwargs):
    with pytest.raises(exception) as info:
        function(*args, **kwargs)
    return str(info.value)


class Dog(Animal):
    """A Python subclass overriding a C# method."""

    def speak(self):
        return "woof"

    def __repr__(self):
        return f"<Dog {self.name}>"


# --- 1. type creation -----------------------------------------------------------------------

def test_the_module_exports_these_classes():
    assert CLASSES == sorted(SEALED + OPEN)


@pytest.mark.parametrize("name", CLASSES)
def test_every_class_is_a_heap_type_of_the_module(name):
    cls = getattr(nd_test, name)
    assert cls.__name__ == name
    assert cls.__qualname__ == name
    assert cls.__module__ == "nd_test"
    assert repr(cls) == f"<class 'nd_test.{name}'>"
    assert cls.__flags__ & HEAPTYPE
    assert cls.__bases__ == (BASES.get(name, object),)
    if name in NOT_CONSTRUCTIBLE:
        assert cls.__doc__ and cls.__text_signature__ is None
    elif name in OVERLOADED_CONSTRUCTORS:
        assert cls.__doc__.startswith(name + "(") and cls.__text_signature__ is None   # every signature, none split off
    elif name in UNDOCUMENTED:
        assert cls.__doc__ is None and cls.__text_signature__ == "()"
    else:
        assert cls.__doc__ and not cls.__doc__.startswith(name + "(")     # the signature is split off
        assert cls.__text_signature__.startswith("(")
    assert (cls.__weakrefoffset__ > 0) == (name not in NO_WEAKREFS)


def test_python_name_from_the_attribute():
    # C# Vector2D, [PyClass("Vec")]
    assert Vec.__name__ == Vec.__qualname__ == "Vec"
    assert not hasattr(nd_test, "Vector2D")


def test_doc_from_xml_comments():
    assert Animal.__doc__ == (
        "An animal with a name, meant to be subclassed in Python.\n\n"
        "Parameters\n----------\n"
        "name : str\n    What it is called.\n"
        "legs : int, optional\n    How many legs it stands on.\n")
    assert Animal.name.__doc__ == "What it is called."
    assert Animal.legs.__doc__ == "How many legs it stands on (read-only)."
    assert Record.score.__doc__ == "A field: read-write in Python."
    assert Animal.rename.__doc__.startswith("Renames the animal and returns it, for chaining.\n\nParameters\n")
    assert "suffix : str, optional\n    Appended to the name." in Animal.rename.__doc__
    assert Animal.biped.__doc__.startswith("A two-legged animal, of the class it is called on.")
    assert Record.add.__doc__.startswith("Adds two numbers (a staticmethod).")


def test_signatures():
    assert inspect.signature(Animal) == inspect.signature(animal_twin)
    assert str(inspect.signature(Animal)) == "(name, legs=4)"
    assert str(inspect.signature(Record)) == "(id, label='none', weight=1.5)"
    assert str(inspect.signature(Vec)) == "(x=0.0, y=0.0)"
    assert str(inspect.signature(nd_test.Registry)) == "()"
    assert str(inspect.signature(Animal.speak)) == "(self, /)"
    assert str(inspect.signature(Animal.rename)) == "(self, /, name, suffix='')"
    assert str(inspect.signature(Animal("a").rename)) == "(name, suffix='')"
    assert str(inspect.signature(Animal.biped)) == "(name)"                 # classmethod: cls bound
    assert str(inspect.signature(Animal.same_legs)) == "(a, b=None)"        # staticmethod
    assert str(inspect.signature(Record.add)) == "(a, b=10)"
    assert str(inspect.signature(Record.blank)) == "(label='blank')"


def test_qualified_names_of_members():
    assert Animal.speak.__qualname__ == "Animal.speak"
    assert Animal.name.__qualname__ == "Animal.name"
    assert Animal.biped.__qualname__ == "Animal.biped"


def test_help_shows_the_class():
    text = pydoc.render_doc(Animal, renderer=pydoc.plaintext)
    assert "class Animal(builtins.object)" in text
    assert "Animal(name, legs=4)" in text
    assert "rename(self, /, name, suffix='')" in text
    if sys.version_info >= (3, 13):   # pydoc no longer says what a class method is bound to
        assert "Class methods defined here:\n |\n |  biped(name)\n" in text
    else:
        assert "biped(name) from builtins.type" in text
    assert "same_legs(a, b=None)" in text
    assert "What it is called." in text


def test_a_class_without_doc_or_constructor_parameters():
    """Its docstring is the signature alone, "Bare()\n--\n\n": all of it is the text signature."""
    assert nd_test.Bare.__doc__ is None
    assert nd_test.Bare.__text_signature__ == "()"
    assert str(inspect.signature(nd_test.Bare)) == "()"
    text = pydoc.render_doc(nd_test.Bare, renderer=pydoc.plaintext)
    assert "class Bare(builtins.object)" in text and "Bare()" not in text and "\n |  --\n" not in text
    assert "answer(self, /)" in text
    assert nd_test.Bare().answer() == 42


@pytest.mark.parametrize("name", SEALED)
def test_sealed_classes_refuse_subclassing(name):
    cls = getattr(nd_test, name)
    assert not cls.__flags__ & BASETYPE
    assert error(TypeError, type, "Sub", (cls,), {}) == f"type 'nd_test.{name}' is not an acceptable base type"


@pytest.mark.parametrize("name", OPEN)
def test_other_classes_can_be_subclassed(name):
    cls = getattr(nd_test, name)
    assert cls.__flags__ & BASETYPE
    assert issubclass(type("Sub", (cls,), {}), cls)


def test_gc_flag_only_for_classes_holding_python_references():
    assert nd_test.Holder.__flags__ & HAVE_GC          # generated tp_traverse/tp_clear
    assert nd_test.Registry.__flags__ & HAVE_GC        # its own IPyTraverse
    for cls in (Animal, Record, Money, Vec, Samples):
        assert not cls.__flags__ & HAVE_GC, cls


# --- 2. constructor -------------------------------------------------------------------------

def test_constructor_positional_keyword_defaults():
    a = Animal("rex")
    assert (a.name, a.legs) == ("rex", 4)
    assert Animal("rex", 3).legs == 3
    assert Animal(name="rex", legs=2).legs == 2
    assert Animal(legs=1, name="x").name == "x"
    assert Animal(*["a"], **{"legs": 5}).legs == 5
    r = Record(7)
    assert (r.id, r.label, r.weight) == (7, "none", 1.5)
    r = Record(7, weight=0.25)
    assert (r.label, r.weight) == ("none", 0.25)
    assert type(Animal("x")) is Animal


def animal_twin(name, legs=4):
    """A Python function with Animal's parameters: the reference for the messages."""


def test_constructor_errors_read_like_a_python_function():
    def python(*args, **kwargs):
        return error(TypeError, animal_twin, *args, **kwargs).replace("animal_twin()", "Animal()")

    for args, kwargs in [((), {}), (("a", 1, 2), {}), (("a",), {"foo": 1}), (("a",), {"name": "b"}),
                         ((), {"legs": 2}), (("a", 1), {"legs": 2})]:
        assert error(TypeError, Animal, *args, **kwargs) == python(*args, **kwargs), (args, kwargs)
    assert error(TypeError, Animal) == "Animal() missing 1 required positional argument: 'name'"
    assert error(TypeError, Record, 1, "a", 2.0, 4) == "Record() takes from 1 to 3 positional arguments but 4 were given"
    assert error(TypeError, nd_test.Registry, 1) == "Registry() takes no arguments (1 given)"
    assert error(TypeError, nd_test.Registry, x=1) == "Registry() got an unexpected keyword argument 'x'"


def test_constructor_wrong_types():
    assert error(TypeError, Animal, 1) == "Animal() argument 'name' must be str, not int"
    assert error(TypeError, Animal, "a", legs=1.5) == "Animal() argument 'legs' must be int, not float"
    assert error(TypeError, Animal, None) == "Animal() argument 'name' must be str, not None"
    assert error(TypeError, Vec, "1") == "Vec() argument 'x' must be float, not str"
    assert error(OverflowError, Animal, "a", 2**31).startswith("Animal() argument 'legs'")


def test_marked_constructor_among_several():
    # Version2 has two public constructors; [PyConstructor] chose (int major, int minor = 0)
    assert str(inspect.signature(Version2)) == "(major, minor=0)"
    assert str(Version2(1, minor=2)) == "1.2"
    assert error(TypeError, Version2, "1.2") == "Version2() argument 'major' must be int, not str"


def test_constructor_exception():
    assert error(ValueError, Fragile, -1) == "mode must not be negative (Parameter 'mode')"
    assert Fragile(2).mode == 2


def test_new_and_init():
    a = Animal.__new__(Animal, "x")
    assert type(a) is Animal and a.name == "x"
    a.__init__()                                    # object.__init__: the constructor ran in __new__
    assert a.name == "x"
    # object.__new__ would skip the C# constructor: CPython refuses it
    assert error(TypeError, object.__new__, Animal) == "object.__new__(nd_test.Animal) is not safe, use nd_test.Animal.__new__()"


# --- 3. attributes --------------------------------------------------------------------------

def test_read_write_property_and_field():
    r = Record(1)
    r.label = "new"
    assert r.label == "new"
    r.score = 2.5                                   # a field
    assert r.score == 2.5
    r.score = 3                                     # an int for a double, as for arguments
    assert r.score == 3.0 and type(r.score) is float
    r.flag = True
    assert r.flag is True
    r.tag = "t"                                     # C# Note, [PyProperty("tag")]
    assert r.tag == "t"
    r.tag = None
    assert r.tag is None
    assert not hasattr(r, "note")
    r.rank = 3
    assert r.rank == 3
    r.rank = None
    assert r.rank is None


@pytest.mark.parametrize("name", ["id", "weight", "kind", "serial"])
def test_read_only_attributes(name):
    # get-only property, private setter, init-only property, readonly field
    r = Record(5)
    before = getattr(r, name)
    message = f"attribute '{name}' of 'nd_test.Record' objects is not writable"
    assert error(AttributeError, setattr, r, name, before) == message
    assert error(AttributeError, delattr, r, name) == message
    assert getattr(r, name) == before


def test_read_only_attribute_changes_through_a_method():
    r = Record(1, weight=2.0)
    r.double_weight()
    assert r.weight == 4.0
    assert isinstance(r.serial, int) and r.serial > 0
    assert r.kind == "record"


def test_deleting_a_writable_attribute():
    r = Record(1, "keep")
    assert error(AttributeError, delattr, r, "label") == "cannot delete attribute 'label' of 'Record' objects"
    assert error(AttributeError, delattr, r, "score") == "cannot delete attribute 'score' of 'Record' objects"
    assert r.label == "keep"


@pytest.mark.parametrize("name, value, expected", [
    ("score", "x", "'Record' attribute 'score' must be float, not str"),
    ("label", None, "'Record' attribute 'label' must be str, not None"),
    ("label", 3, "'Record' attribute 'label' must be str, not int"),
    ("flag", 1, "'Record' attribute 'flag' must be bool, not int"),
    ("rank", "1", "'Record' attribute 'rank' must be int, not str"),
    ("pet", 3, "'Record' attribute 'pet' must be nd_test.Animal, not int"),
    ("pet", Money(1), "'Record' attribute 'pet' must be nd_test.Animal, not nd_test.Money"),
])
def test_wrong_typed_set_raises_and_keeps_the_old_value(name, value, expected):
    r = Record(1, "old")
    r.score, r.rank, r.pet = 1.25, 9, Animal("old pet")
    before = getattr(r, name)
    assert error(TypeError, setattr, r, name, value) == expected
    assert getattr(r, name) is before or getattr(r, name) == before


def test_wrong_typed_set_out_of_range():
    r = Record(1)
    r.rank = 4
    assert "out of range" in error(OverflowError, setattr, r, "rank", 2**40)
    assert r.rank == 4


def test_unknown_attributes():
    r = Record(1)
    assert error(AttributeError, getattr, r, "foo") == "'nd_test.Record' object has no attribute 'foo'"
    no_dict = " and no __dict__ for setting new attributes" if sys.version_info >= (3, 13) else ""
    assert error(AttributeError, setattr, r, "foo", 1) == "'nd_test.Record' object has no attribute 'foo'" + no_dict


def test_attribute_of_class_type_keeps_identity():
    r, a = Record(1), Animal("pet")
    r.pet = a
    assert r.pet is a
    d = Dog("sub")
    r.pet = d                                       # a subclass instance is an Animal
    assert r.pet is d and type(r.pet) is Dog
    r.pet = None
    assert r.pet is None


def test_getter_and_setter_exceptions():
    f = Fragile()
    assert error(RuntimeError, getattr, f, "broken") == "System.InvalidOperationException: this getter always fails"
    assert error(KeyError, getattr, f, "missing") == "'no such key'"
    f.positive = 5
    assert error(ValueError, setattr, f, "positive", 0) == "must be positive (Parameter 'value')"
    assert f.positive == 5


def test_descriptors_check_the_instance_type():
    # the C# object of a Money is never read as an Animal
    m = Money(1)
    message = "descriptor 'name' for 'nd_test.Animal' objects doesn't apply to a 'nd_test.Money' object"
    assert error(TypeError, Animal.name.__get__, m) == message
    assert error(TypeError, Animal.name.__set__, m, "x") == message
    assert error(TypeError, Animal.speak, m) == (
        "descriptor 'speak' for 'nd_test.Animal' objects doesn't apply to a 'nd_test.Money' object")
    assert error(TypeError, Animal.speak) == "unbound method Animal.speak() needs an argument"


# --- 4. methods -----------------------------------------------------------------------------

def test_instance_methods():
    a = Animal("rex", 3)
    assert a.speak() == "..."
    assert a.describe() == "rex has 3 legs and says ..."
    assert a.rename("max") is a and a.name == "max"
    assert a.rename("max", "!").name == "max!"
    assert a.rename(suffix="?", name="x").name == "x?"
    assert Animal.speak(a) == "..."


def test_instance_method_errors():
    a = Animal("rex")
    assert error(TypeError, a.rename) == "Animal.rename() missing 1 required positional argument: 'name'"
    assert error(TypeError, a.rename, "a", "b", "c") == "Animal.rename() takes from 1 to 2 positional arguments but 3 were given"
    assert error(TypeError, a.rename, "a", nme="b") == "Animal.rename() got an unexpected keyword argument 'nme'"
    assert error(TypeError, a.rename, "a", name="b") == "Animal.rename() got multiple values for argument 'name'"
    assert error(TypeError, a.rename, 1) == "Animal.rename() argument 'name' must be str, not int"
    assert error(TypeError, a.speak, 1) == "Animal.speak() takes no arguments (1 given)"
    assert a.name == "rex"


def test_static_methods():
    assert isinstance(Record.__dict__["add"], staticmethod)
    assert Record.add(1) == 11
    assert Record.add(1, 2) == 3
    assert Record(1).add(a=1, b=-1) == 0            # also through an instance
    before = Record.made()
    Record(2)
    assert Record.made() == before + 1
    assert error(TypeError, Record.add) == "Record.add() missing 1 required positional argument: 'a'"
    assert error(TypeError, Record.add, "x") == "Record.add() argument 'a' must be int, not str"


def test_static_method_with_optional_instance():
    a, b = Animal("a", 2), Animal("b", 2)
    assert Animal.same_legs(a, b) is True
    assert Animal.same_legs(a) is False              # b=None: any four-legged animal
    assert Animal.same_legs(Animal("c"), None) is True
    assert Animal.same_legs(b=a, a=b) is True
    assert error(TypeError, Animal.same_legs, a, 3) == "Animal.same_legs() argument 'b' must be nd_test.Animal, not int"
    assert error(TypeError, Animal.same_legs, None) == "Animal.same_legs() argument 'a' must be nd_test.Animal, not None"


def test_class_methods():
    assert type(Animal.__dict__["biped"]).__name__ == "classmethod_descriptor"
    a = Animal.biped("bird")
    assert type(a) is Animal and (a.name, a.legs) == ("bird", 2)
    assert type(Animal("x").biped("y")) is Animal    # through an instance: its class
    r = Record.blank()
    assert (r.id, r.label) == (0, "blank")
    assert Record.blank(label="b").label == "b"
    assert error(TypeError, Animal.biped) == "Animal.biped() missing 1 required positional argument: 'name'"


def test_method_exceptions():
    f = Fragile()
    assert error(ZeroDivisionError, f.divide, 0) == "Attempted to divide by zero."
    assert f.divide(4) == 25
    assert error(IndexError, f.index) == "index 7 is out of range"
    assert error(NotImplementedError, Fragile.todo) == "not done yet"


# --- 5. instances across the boundary ------------------------------------------------------

def test_returning_an_object_from_python_returns_the_same_object():
    a = Animal("rex")
    assert a.itself() is a
    assert a.rename("max") is a
    assert nd_test.same_animal(a) is a
    d = Dog("sub")
    d.extra = [1]
    same = nd_test.same_animal(d)
    assert same is d and type(same) is Dog and same.extra == [1]
    assert d.itself() is d


def test_class_as_parameter_and_result_of_functions():
    a = nd_test.make_animal("made", legs=6)
    assert type(a) is Animal and (a.name, a.legs) == ("made", 6)
    assert nd_test.make_animal("x") is not nd_test.make_animal("x")
    assert nd_test.name_of(a) == "made"
    assert nd_test.name_of(Dog("d")) == "d"
    assert nd_test.name_of() == "nobody"
    assert nd_test.name_of(None) == "nobody"
    assert nd_test.name_of(animal=None) == "nobody"
    assert nd_test.maybe_animal(False) is None
    assert type(nd_test.maybe_animal(True)) is Animal
    assert nd_test.add_money(Money(150), Money(25)) == Money(175)
    assert error(ValueError, nd_test.add_money, Money(1), Money(1, "USD")) == "cannot add EUR to USD"


def test_wrong_type_names_both_types():
    assert error(TypeError, nd_test.same_animal, Money(1)) == "same_animal() argument 'animal' must be nd_test.Animal, not nd_test.Money"
    assert error(TypeError, nd_test.same_animal, None) == "same_animal() argument 'animal' must be nd_test.Animal, not None"
    assert error(TypeError, nd_test.same_animal, "rex") == "same_animal() argument 'animal' must be nd_test.Animal, not str"
    assert error(TypeError, nd_test.name_of, 3) == "name_of() argument 'animal' must be nd_test.Animal, not int"
    assert error(TypeError, nd_test.add_money, Money(1), Animal("a")) == "add_money() argument 'b' must be nd_test.Money, not nd_test.Animal"


def test_null_where_none_is_not_allowed():
    assert "a null Animal was returned where None is not allowed" in error(RuntimeError, nd_test.null_animal)


def test_csharp_keeps_the_object():
    a = Animal("kept")
    nd_test.keep(a)
    try:
        assert nd_test.kept() is a                      # while the Python object lives
        w = weakref.ref(a)
        del a
        assert w() is None                              # C# holding the C# object does not keep the Python one
        again = nd_test.kept()                          # a new Python object for the same C# object
        assert type(again) is Animal and again.name == "kept"
        assert nd_test.kept() is again
        again.name = "changed"
        assert nd_test.kept().name == "changed"
    finally:
        nd_test.keep(None)
    assert nd_test.kept() is None


# --- 6. protocols ---------------------------------------------------------------------------

def test_repr_and_str():
    m = Money(150)
    assert repr(m) == "Money(150, 'EUR')"                  # [PyMethod("__repr__")]
    assert str(m) == "1.50 EUR" and f"{m}" == "1.50 EUR"     # ToString()
    assert repr(Vec(1, -0.5)) == "Vec(1.0, -0.5)"
    assert str(Vec(1, 2)) == "Vec(1.0, 2.0)"                 # no ToString(): str is repr
    assert str(Version2(1, 2)) == "1.2"
    assert str(Tally(3)) == "tally of 3"                   # [PyMethod("__str__")]
    assert repr(Tally(3)).startswith("<nd_test.Tally object at 0x")
    assert repr(Version2(1, 2)).startswith("<nd_test.Version2 object at 0x")
    assert repr(Animal("a")).startswith("<nd_test.Animal object at 0x")
    assert repr(Fragile(1)) == "Fragile(1)" and str(Fragile(1)) == "fragile 1"


def test_repr_and_str_exceptions():
    assert error(RuntimeError, repr, Fragile(3)) == "System.InvalidOperationException: cannot represent mode 3"
    assert error(OverflowError, str, Fragile(4)) == "too big to print"


def test_equality_and_hash_from_iequatable():
    assert Money(1) == Money(1)
    assert not Money(1) != Money(1)
    assert Money(1) != Money(2)
    assert Money(1) != Money(1, "USD")
    assert Money(1) != 1 and not Money(1) == "1"          # other types: NotImplemented, then identity
    assert hash(Money(5)) == hash(Money(5))
    assert len({Money(1), Money(1), Money(2), Money(1, "USD")}) == 3
    assert {Money(3): "three"}[Money(3)] == "three"
    assert Money(1) in [Money(2), Money(1)]
    assert isinstance(Money(1), collections.abc.Hashable)


def test_ordering_from_icomparable():
    values = [Money(3), Money(1), Money(2, "AAA"), Money(2)]
    assert sorted(values) == [Money(2, "AAA"), Money(1), Money(2), Money(3)]
    assert min(values) == Money(2, "AAA") and max(values) == Money(3)
    assert Money(1) < Money(2) <= Money(2) < Money(3)
    assert Money(3) > Money(2) >= Money(2)
    assert not Money(2) < Money(2)
    assert error(TypeError, lambda: Money(1) < 3) == "'<' not supported between instances of 'nd_test.Money' and 'int'"
    assert error(TypeError, lambda: 3 >= Money(1)) == "'>=' not supported between instances of 'int' and 'nd_test.Money'"
    assert error(TypeError, sorted, [Money(1), 1])


def test_comparison_from_operators():
    assert Version2(1, 2) == Version2(1, 2)
    assert Version2(1, 2) != Version2(1, 3)
    assert Version2(1, 2) < Version2(1, 3) <= Version2(1, 3) < Version2(2)
    assert Version2(2) > Version2(1, 99) >= Version2(1, 99)
    assert [str(v) for v in sorted([Version2(2), Version2(1, 5), Version2(1)])] == ["1.0", "1.5", "2.0"]
    assert {Version2(1): "one"}[Version2(1, 0)] == "one"   # GetHashCode
    assert error(TypeError, lambda: Version2(1) > 1.0)


def test_equals_without_gethashcode_is_unhashable():
    assert Tally.__hash__ is None
    assert error(TypeError, hash, Tally(1)) == "unhashable type: 'nd_test.Tally'"
    assert error(TypeError, set, [Tally(1)]) == "unhashable type: 'nd_test.Tally'"
    assert error(TypeError, dict, [(Tally(1), 1)]) == "unhashable type: 'nd_test.Tally'"
    assert not isinstance(Tally(1), collections.abc.Hashable)
    assert Tally(1) == Tally(1) and Tally(1) != Tally(2)


def test_no_equality_means_identity():
    a = Animal("a")
    assert a == a and Animal("a") != Animal("a")
    assert hash(a) == hash(a)
    assert len({a, a, Animal("a")}) == 2
    assert error(TypeError, lambda: a < a) == "'<' not supported between instances of 'nd_test.Animal' and 'nd_test.Animal'"


def test_arithmetic():
    v, w = Vec(1, 2), Vec(3, 4)
    assert v + w == Vec(4, 6)
    assert v - w == Vec(-2, -2)
    assert v * w == 11.0 and type(v * w) is float          # Vec * Vec -> double (dot)
    assert v * 2.5 == Vec(2.5, 5)                          # Vec * double
    assert v * 2 == Vec(2, 4)                              # an int for a double
    assert 2.0 * v == Vec(2, 4)                            # double * Vec: the reflected operand
    assert 3 * v == Vec(3, 6)
    assert v / 2 == Vec(0.5, 1)
    assert -v == Vec(-1, -2)
    assert type(v + w) is Vec
    assert (v, w) == (Vec(1, 2), Vec(3, 4))                # operands untouched
    u = v
    u += w                                                 # no in-place operator: a new object
    assert u == Vec(4, 6) and v == Vec(1, 2) and u is not v


@pytest.mark.parametrize("expression, message", [
    (lambda v: v + 1, "unsupported operand type(s) for +: 'nd_test.Vec' and 'int'"),
    (lambda v: 1 + v, "unsupported operand type(s) for +: 'int' and 'nd_test.Vec'"),
    (lambda v: v - 1.0, "unsupported operand type(s) for -: 'nd_test.Vec' and 'float'"),
    (lambda v: 1.0 - v, "unsupported operand type(s) for -: 'float' and 'nd_test.Vec'"),
    (lambda v: 1.0 / v, "unsupported operand type(s) for /: 'float' and 'nd_test.Vec'"),
    (lambda v: v / v, "unsupported operand type(s) for /: 'nd_test.Vec' and 'nd_test.Vec'"),
    (lambda v: v + None, "unsupported operand type(s) for +: 'nd_test.Vec' and 'NoneType'"),
    (lambda v: v * Money(1), "unsupported operand type(s) for *: 'nd_test.Vec' and 'nd_test.Money'"),
    (lambda v: v // 2, "unsupported operand type(s) for //: 'nd_test.Vec' and 'int'"),
    (lambda v: +v, "bad operand type for unary +: 'nd_test.Vec'"),
    (lambda v: abs(v), "bad operand type for abs(): 'nd_test.Vec'"),
])
def test_arithmetic_not_implemented(expression, message):
    assert error(TypeError, expression, Vec(1, 2)) == message


def test_arithmetic_exceptions():
    assert error(ZeroDivisionError, lambda: Vec(1, 2) / 0) == "cannot divide a Vec by zero"
    assert error(OverflowError, lambda: Vec(1, 2) * 2**2000) == "int too large to convert to float"


def test_indexer_len_and_assignment():
    s = Samples(3)
    assert len(s) == 3
    assert s[0] == 0.0
    s[1] = 2.5
    s[2] = 4                                              # an int for a double
    assert (s[1], s[2]) == (2.5, 4.0) and type(s[2]) is float
    assert s.total() == 6.5
    assert bool(s) and not bool(Samples(0))             # truth from len()
    assert len(Words("a b c")) == 3


def test_indexer_out_of_range_is_index_error():
    s = Samples(2)
    assert error(IndexError, lambda: s[2]) == "Index was outside the bounds of the array."     # IndexOutOfRangeException
    assert error(IndexError, s.__setitem__, 2, 1.0)
    w = Words("a b")
    # List<T> throws ArgumentOutOfRangeException: still IndexError for obj[i]
    assert "Index was out of range" in error(IndexError, lambda: w[2])
    assert error(IndexError, w.__setitem__, 5, "x")
    assert list(w) == ["a", "b"]


def test_indexer_bad_keys_and_values():
    s = Samples(2)
    s[0] = 1.5
    assert error(TypeError, lambda: s["a"]) == "Samples.__getitem__() argument 'index' must be int, not str"
    assert error(TypeError, lambda: s[0:1]) == "Samples.__getitem__() argument 'index' must be int, not slice"
    assert error(TypeError, s.__setitem__, "a", 1.0) == "Samples.__setitem__() argument 'index' must be int, not str"
    assert error(TypeError, s.__setitem__, 0, "x") == "Samples.__setitem__() argument 'value' must be float, not str"
    assert error(OverflowError, lambda: s[2**40]).startswith("Samples.__getitem__() argument 'index'")
    assert error(TypeError, s.__delitem__, 0) == "'Samples' object doesn't support item deletion"
    assert s[0] == 1.5
    assert error(TypeError, Words("a").__setitem__, 0, 1) == "Words.__setitem__() argument 'value' must be str, not int"


def test_no_len_without_count_or_length():
    assert error(TypeError, len, Animal("a")) == "object of type 'nd_test.Animal' has no len()"
    assert error(TypeError, lambda: Animal("a")[0]) == "'nd_test.Animal' object is not subscriptable"


def test_iteration():
    s = Samples(3)
    s[0], s[2] = 1.0, 3.0
    assert list(s) == [1.0, 0.0, 3.0]
    assert sum(s) == 4.0
    assert 3.0 in s and 7.0 not in s
    assert [x for x in Words("to be or")] == ["to", "be", "or"]
    it = iter(Words("x y"))
    assert iter(it) is it
    assert next(it) == "x" and next(it) == "y"
    with pytest.raises(StopIteration):
        next(it)
    with pytest.raises(StopIteration):
        next(it)
    assert list(Samples(0)) == []
    assert error(TypeError, iter, Animal("a")) == "'nd_test.Animal' object is not iterable"


def test_iterator_outlives_its_expression():
    it = iter(Words("p q r"))           # the Python object of Words is gone; the C# enumerator holds the list
    assert list(it) == ["p", "q", "r"]


def test_modified_during_iteration():
    w = Words("a b c")
    it = iter(w)
    assert next(it) == "a"
    w[0] = "z"                                         # List<T>'s enumerator notices
    assert "Collection was modified" in error(RuntimeError, next, it)


# --- 7. subclassing -------------------------------------------------------------------------

def test_subclass_overrides_and_keeps_the_csharp_state():
    d = Dog("rex", legs=3)
    assert isinstance(d, Dog) and isinstance(d, Animal)
    assert d.speak() == "woof"                         # the override
    assert Animal.speak(d) == "..." and super(Dog, d).speak() == "..."
    assert d.describe() == "rex has 3 legs and says ..."  # C# calls its own Speak
    assert repr(d) == "<Dog rex>"
    d.name = "max"                                     # C# state of this very instance
    assert d.describe().startswith("max has 3 legs")
    assert d.rename("fido") is d and d.name == "fido"
    d.toy = "ball"                                     # a subclass has a __dict__
    assert d.__dict__ == {"toy": "ball"}
    assert d.itself().toy == "ball"


def test_subclass_instances_are_distinct():
    a, b = Dog("a"), Dog("b")
    a.name = "changed"
    assert (a.name, b.name) == ("changed", "b")


def test_classmethod_on_a_subclass_makes_the_subclass():
    d = Dog.biped("parrot")
    assert type(d) is Dog and (d.name, d.legs) == ("parrot", 2)
    assert d.speak() == "woof"
    assert type(Dog("x").biped("y")) is Dog
    assert type(Animal.biped("z")) is Animal


def test_subclass_with_its_own_new_and_init():
    class Pet(Animal):
        def __new__(cls, name, owner):
            self = super().__new__(cls, name, legs=4)
            self.owner = owner
            return self

    class Cat(Animal):
        def __init__(self, name, legs=4):
            super().__init__()
            self.lives = 9

    p = Pet("rex", owner="bob")
    assert (p.name, p.owner, p.legs) == ("rex", "bob", 4)
    c = Cat("tom", legs=3)
    assert (c.name, c.legs, c.lives) == ("tom", 3, 9)
    assert error(TypeError, Cat) == "Animal() missing 1 required positional argument: 'name'"


def test_subclass_of_a_subclass():
    class Puppy(Dog):
        def speak(self):
            return "yip"

    p = Puppy("bit")
    assert p.speak() == "yip" and p.describe() == "bit has 4 legs and says ..."
    assert nd_test.same_animal(p) is p and type(Puppy.biped("b")) is Puppy


def test_subclass_overrides_protocols():
    class Doubled(Samples):
        def __getitem__(self, index):
            return 2 * super().__getitem__(index)

        def __len__(self):
            return 99

    d = Doubled(2)
    d[1] = 3.0                                         # the inherited C# __setitem__
    assert d[1] == 6.0 and len(d) == 99
    assert list(d) == [0.0, 3.0]                       # the inherited C# __iter__
    assert d.total() == 3.0


# --- weak references ------------------------------------------------------------------------

@pytest.mark.parametrize("make", [lambda: Animal("a"), lambda: Money(1), lambda: Dog("d"), lambda: Samples(1)],
                         ids=["Animal", "Money", "Dog", "Samples"])
def test_weakref(make):
    obj = make()
    calls = []
    w = weakref.ref(obj, calls.append)
    assert w() is obj
    del obj
    assert w() is None and calls == [w]


def test_weak_value_dictionary():
    d = weakref.WeakValueDictionary()
    a = Animal("a")
    d["a"] = a
    assert d["a"] is a
    del a
    assert "a" not in d
