"""The tutorial's classes in nd_ext (issue 3, item 10): Point, and Node, which holds any Python
object and forms cycles the garbage collector frees."""
import copy
import gc
import inspect
import math
import pickle
import weakref

from conftest import np   # numpy; where it is missing, a stand-in that skips the test using it
import pytest
from hypothesis import given, strategies as st

import nd_ext
from nd_ext import Node, Point


def error(exception, function, *args, **kwargs):
    with pytest.raises(exception) as info:
        function(*args, **kwargs)
    return str(info.value)


class Thing:
    pass


# --- Point ----------------------------------------------------------------------------------

def test_point_type():
    assert Point.__module__ == "nd_ext" and Point.__qualname__ == "Point"
    assert str(inspect.signature(Point)) == "(x=0.0, y=0.0)"
    assert str(inspect.signature(Point.distance)) == "(self, /, other=None)"
    assert Point.__doc__.startswith("A point in the plane, as in the tutorial's rust_ext.\n\nParameters\n")
    assert Point.x.__doc__ == "The x coordinate." and Point.y.__doc__ == "The y coordinate."
    assert Point.distance.__doc__.startswith("The distance to other, or to the origin when it is None.")
    assert error(TypeError, type, "P", (Point,), {}) == "type 'nd_ext.Point' is not an acceptable base type"


def test_point_constructor():
    p = Point()
    assert (p.x, p.y) == (0.0, 0.0)
    assert (Point(1.0).x, Point(1.0).y) == (1.0, 0.0)
    assert Point(y=2.0).y == 2.0
    p = Point(x=0.5, y=-1.5)
    assert (p.x, p.y) == (0.5, -1.5)
    assert type(Point(1, 2).x) is float


def test_point_constructor_errors():
    assert error(TypeError, Point, 1.0, 2.0, 3.0) == "Point() takes from 0 to 2 positional arguments but 3 were given"
    assert error(TypeError, Point, z=1.0) == "Point() got an unexpected keyword argument 'z'"
    assert error(TypeError, Point, 1.0, x=2.0) == "Point() got multiple values for argument 'x'"
    assert error(TypeError, Point, "1") == "Point() argument 'x' must be float, not str"
    assert error(TypeError, Point, None) == "Point() argument 'x' must be float, not None"


CALLS = [((1.0, 2.0), {}), ((), {"y": 3.0}), ((1,), {"y": 2}), ((), {})]
BAD_CALLS = [(("a",), {}), ((1.0, 2.0, 3.0), {}), ((), {"z": 1.0}), ((1.0,), {"x": 2.0}), ((None,), {})]


@pytest.mark.parametrize("args, kwargs", CALLS)
def test_calling_the_class_and_its_new_agree(args, kwargs):
    # Point(...) is the type's own vectorcall; Point.__new__(Point, ...) (and Python subclasses)
    # go through tp_new with a tuple and a dict: one conversion body, the same results.
    a, b = Point(*args, **kwargs), Point.__new__(Point, *args, **kwargs)
    assert type(a) is type(b) is Point
    assert (a.x, a.y) == (b.x, b.y)


@pytest.mark.parametrize("args, kwargs", BAD_CALLS)
def test_calling_the_class_and_its_new_refuse_alike(args, kwargs):
    with pytest.raises(TypeError) as direct:
        Point(*args, **kwargs)
    with pytest.raises(TypeError) as through_new:
        Point.__new__(Point, *args, **kwargs)
    assert str(direct.value) == str(through_new.value)


def test_point_attributes():
    p = Point(1.0, 2.0)
    p.x = 3.0
    p.y = 4
    assert (p.x, p.y) == (3.0, 4.0)
    assert error(TypeError, setattr, p, "x", "a") == "'Point' attribute 'x' must be float, not str"
    assert error(AttributeError, delattr, p, "y") == "cannot delete attribute 'y' of 'Point' objects"
    assert (p.x, p.y) == (3.0, 4.0)
    assert error(AttributeError, setattr, p, "z", 1.0) == "'nd_ext.Point' object has no attribute 'z'"


def test_point_distance():
    p = Point(3.0, 4.0)
    assert p.distance() == 5.0                           # to the origin
    assert p.distance(None) == 5.0
    assert p.distance(other=None) == 5.0
    assert p.distance(Point(3.0, 4.0)) == 0.0
    assert p.distance(other=Point(0.0, 8.0)) == 5.0
    assert error(TypeError, p.distance, 3) == "Point.distance() argument 'other' must be nd_ext.Point, not int"
    assert error(TypeError, p.distance, (0, 0)) == "Point.distance() argument 'other' must be nd_ext.Point, not tuple"
    assert error(TypeError, p.distance, Point(), Point()) == "Point.distance() takes from 0 to 1 positional arguments but 2 were given"


COORDINATE = st.floats(-1e100, 1e100)


@given(COORDINATE, COORDINATE, COORDINATE, COORDINATE)
def test_point_distance_matches_python(x1, y1, x2, y2):
    # sqrt(dx*dx + dy*dy) as in the tutorial: exact to rounding unless the squares are subnormal
    assert math.isclose(Point(x1, y1).distance(Point(x2, y2)), math.hypot(x1 - x2, y1 - y2), rel_tol=1e-12, abs_tol=1e-150)


def test_point_repr_and_str():
    assert repr(Point(1., 2.)) == "Point (1.0, 2.0)"
    assert str(Point(1., 2.)) == "(1.0, 2.0)"
    assert repr(Point()) == "Point (0.0, 0.0)"
    assert str(Point(1e20, -0.5)) == "(1e+20, -0.5)"
    assert str(Point(0.1, -0.0)) == "(0.1, -0.0)"
    assert str(Point(math.inf, math.nan)) == "(inf, nan)"


@given(st.floats(), st.floats())
def test_point_str_matches_python_float_repr(x, y):
    assert str(Point(x, y)) == f"({x!r}, {y!r})"


def test_point_identity_and_hash():
    p = Point(1.0, 2.0)
    assert p != Point(1.0, 2.0)                          # no equality in C#: identity
    assert hash(p) == hash(p)
    w = weakref.ref(p)
    del p
    assert w() is None


def test_point_pickles_and_copies_with_no_code():
    p = Point(1.5, -2.0)
    assert p.__reduce__() == (Point, (1.5, -2.0))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(p, protocol))
        assert type(q) is Point and q is not p and (q.x, q.y) == (1.5, -2.0)
    for q in (copy.copy(p), copy.deepcopy(p)):
        assert type(q) is Point and q is not p and repr(q) == repr(p)


# --- Node -----------------------------------------------------------------------------------

def test_node_type():
    assert Node.__module__ == "nd_ext" and Node.__qualname__ == "Node"
    assert str(inspect.signature(Node)) == "(value=None)"
    assert str(inspect.signature(Node.add)) == "(self, /, child)"
    assert Node.__doc__.startswith("A tree node holding any Python object.")
    assert Node.value.__doc__ == "The object this node holds."
    assert Node.parent.__doc__ == "The node this one was added to, or None."


def test_node_does_not_pickle_and_says_why():
    with pytest.raises(TypeError, match=r"cannot pickle 'nd_ext.Node' object: its field 'Node._children' is not a "
                                        r"\[PyProperty\]"):
        pickle.dumps(Node(1))


@pytest.mark.parametrize("value", [None, 1, "text", [1, 2], Thing(), np.arange(3), Point(), Node()],
                         ids=lambda v: type(v).__name__)
def test_node_holds_any_object(value):
    n = Node(value)
    assert n.value is value
    assert Node(value=value).value is value


def test_node_value_get_set():
    n = Node()
    assert n.value is None
    t = Thing()
    n.value = t
    assert n.value is t
    n.value = None
    assert n.value is None
    assert error(AttributeError, delattr, n, "value") == "cannot delete attribute 'value' of 'Node' objects"


def test_node_tree():
    root = Node("root")
    a, b = Node("a"), Node("b")
    assert root.add(a) is a                              # returns the child itself
    assert root.add(child=b) is b
    assert a.parent is root and b.parent is root and root.parent is None
    assert len(root) == 2 and len(a) == 0
    assert root[0] is a and root[1] is b
    assert list(root) == [a, b]
    assert [n.value for n in root] == ["a", "b"]
    grandchild = a.add(Node(3))
    assert grandchild.parent.parent is root
    assert bool(root) and not bool(b)                    # truth from len()


def test_node_errors():
    root, child = Node(), Node()
    root.add(child)
    assert error(ValueError, root.add, child) == "the node already has a parent (Parameter 'child')"
    assert error(ValueError, Node().add, child) == "the node already has a parent (Parameter 'child')"
    assert error(TypeError, root.add, 3) == "Node.add() argument 'child' must be nd_ext.Node, not int"
    assert error(TypeError, root.add, None) == "Node.add() argument 'child' must be nd_ext.Node, not None"
    assert error(TypeError, root.add, Point()) == "Node.add() argument 'child' must be nd_ext.Node, not nd_ext.Point"
    assert error(TypeError, root.add) == "Node.add() missing 1 required positional argument: 'child'"
    assert error(AttributeError, setattr, child, "parent", None) == "attribute 'parent' of 'nd_ext.Node' objects is not writable"
    assert "Index was out of range" in error(IndexError, lambda: root[1])
    assert error(TypeError, lambda: root["a"]) == "Node.__getitem__() argument 'index' must be int, not str"
    with pytest.raises(TypeError, match="does not support item assignment"):
        root[0] = Node()
    assert len(root) == 1 and root[0] is child


def test_node_subclass():
    class Labelled(Node):
        def label(self):
            return f"<{self.value}>"

    root = Labelled("r")
    child = root.add(Labelled("c"))
    assert child.parent is root and type(child.parent) is Labelled
    assert [n.label() for n in root] == ["<c>"]


@pytest.fixture
def no_auto_gc():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_node_cycle_is_collected(no_auto_gc):
    # a -> b -> a through the C# fields (children list, parent), plus a Python object in the
    # cycle (t holds b, a holds t) and one reachable only through C# state (payload, held by b)
    a, b, t, payload = Node(), Node(), Thing(), Thing()
    a.add(b)
    a.value = t
    t.back = b
    b.value = payload
    refs = [weakref.ref(o) for o in (a, b, t, payload)]
    del a, b, t, payload
    assert all(r() is not None for r in refs)            # a cycle: not freed by reference counting
    gc.collect()
    assert [r() for r in refs] == [None] * 4             # the payload too: the C# state was released


def test_node_referents():
    a, b, v = Node(), Node(), Thing()
    a.add(b)
    a.value = v
    assert b in gc.get_referents(a) and v in gc.get_referents(a)
    assert a in gc.get_referents(b)                      # the parent


def test_big_tree_is_collected(no_auto_gc):
    root = Node(np.zeros(10))
    level = [root]
    for _ in range(3):
        level = [parent.add(Node(np.zeros(10))) for parent in level for _ in range(20)]
    arrays = [weakref.ref(n.value) for n in level[:50]]
    deep = root
    for _ in range(10_000):
        deep = deep.add(Node())                          # and one long branch
    refs = [weakref.ref(root), weakref.ref(deep)]
    del root, level, deep
    gc.collect()
    assert [r() for r in refs + arrays] == [None] * (len(refs) + len(arrays))


def test_tutorial_session_runs(capsys):
    import pathlib
    import runpy

    runpy.run_path(str(pathlib.Path(__file__).resolve().parents[2] / "examples" / "NdExt" / "tutorial.py"))
    out = capsys.readouterr().out
    assert ">>> p\nPoint (3.0, 4.0)\n" in out
    assert ">>> print(p)\n(3.0, 4.0)\n" in out
    assert ">>> p.distance()\n5.0\n" in out


def test_shapes_hierarchy():
    from nd_ext import Rectangle, Shape, Square
    s = Square(2.0)
    assert Square.__mro__ == (Square, Rectangle, Shape, object)
    assert s.area() == 4.0 and (s.width, s.height) == (2.0, 2.0)
    assert Rectangle(2.0, 3.0).area() == 6.0
    assert "area" in Shape.__dict__ and "area" not in Square.__dict__
    assert error(TypeError, Shape) == "Can't instantiate abstract class Shape"
    assert inspect.signature(Square) == inspect.Signature(
        [inspect.Parameter("side", inspect.Parameter.POSITIONAL_OR_KEYWORD)]) or sys_version_before_3_10()


def test_shapes_pickle_through_the_hierarchy():
    # A derived class's generated __reduce__ reads its own property (side) and its bases' (width, height).
    import copy
    import pickle
    from nd_ext import Rectangle, Square
    for shape in (Square(2.5), Rectangle(1.5, 4.0)):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(shape, protocol))
            assert type(back) is type(shape) and back is not shape
            assert (back.width, back.height, back.area()) == (shape.width, shape.height, shape.area())
        assert copy.deepcopy(shape).area() == shape.area()


def sys_version_before_3_10():
    import sys
    return sys.version_info < (3, 10)
