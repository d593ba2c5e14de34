"""Python overrides seen from C# (issue 18, item 2): a virtual [PyMethod] called from C# on an instance
of a Python subclass runs the subclass's override (tests/NdTestModule/ClassesOverrides.cs)."""
import gc
import sys
import threading

import pytest

import nd_test as t


class Cat(t.Beast):
    def speak(self, times):
        return " ".join(["meow"] * times)


class Quiet(t.Beast):
    """Overrides nothing: C# calls run the C# methods."""


class Kitten(Cat):
    """Inherits Cat's override through Python's MRO."""


def test_csharp_instances_run_csharp_and_are_plain():
    b = t.Beast("rex")
    assert t.zoo_speak(b, 2) == "... ..."
    assert t.zoo_c_sharp_type(b) == "Beast"


def test_override_is_seen_from_csharp():
    c = Cat("tom")
    assert t.zoo_speak(c, 3) == "meow meow meow"
    assert t.zoo_c_sharp_type(c) == "PythonSubclass"
    assert t.zoo_speak(Kitten("kit"), 1) == "meow"


def test_subclass_without_override_runs_csharp():
    q = Quiet("q")
    assert t.zoo_speak(q, 2) == "... ..."
    assert q.speak(2) == "... ..."


def test_super_reaches_the_csharp_implementation_without_recursing():
    class Loud(t.Beast):
        def speak(self, times):
            return "LOUD " + super().speak(times)

    assert t.zoo_speak(Loud("l"), 2) == "LOUD ... ..."
    assert Loud("l").speak(1) == "LOUD ..."


def test_arguments_convert_as_results_do():
    seen = []

    class Picky(t.Beast):
        def eat(self, food, hunger):
            seen.append((food, hunger))
            return -1.5

        def meet(self, other):
            seen.append(other)
            return "picky"

    p = Picky("p")
    assert t.zoo_eat(p, [1.0, 2.0]) == -1.5
    assert t.zoo_eat(p, [3.0], 2.0) == -1.5
    other = t.Beast("o")
    assert t.zoo_meet(p, other) == "picky"
    assert t.zoo_meet(p, None) == "picky"
    assert seen == [([1.0, 2.0], None), ([3.0], 2.0), other, None]
    assert seen[2] is other   # the same Python object, not a copy
    assert t.zoo_eat(Quiet("q"), [1.0, 2.0], 2.0) == 6.0


def test_void_override_and_its_csharp_fallback():
    calls = []

    class Sleepy(t.Beast):
        def sleep(self, hours):
            calls.append(hours)
            return "ignored"   # a void method's override may return anything

    s = Sleepy("s")
    t.zoo_sleep(s, 8)
    assert calls == [8] and s.slept == 0
    q = Quiet("q")
    t.zoo_sleep(q, 3)
    assert q.slept == 3


def test_overloads_reach_one_python_method():
    class Polite(t.Beast):
        def greet(self, *args):
            return "polite%r" % (args,)

    assert t.zoo_greet(Polite("p")) == "polite('you',)|polite(1, 2)"
    assert t.zoo_greet(Quiet("q")) == "hello you|hello 1 and 2"


def test_non_virtual_methods_are_not_overridden_from_csharp():
    class Other(t.Beast):
        def kind(self):
            return "other"

    o = Other("o")
    assert o.kind() == "other"            # Python's own lookup
    assert t.zoo_kind(o) == "animal"      # C# calls its own, non-virtual method


def test_gil_token_parameter_is_not_passed_to_python():
    class Spider(t.Beast):
        def legs(self):
            return 8

    assert t.zoo_legs(Spider("s")) == 8
    assert t.zoo_legs(Quiet("q")) == 4


def test_exception_in_override_propagates_as_the_same_object():
    error = KeyError("no food")

    class Grumpy(t.Beast):
        def speak(self, times):
            raise error

    with pytest.raises(KeyError) as caught:
        t.zoo_speak(Grumpy("g"), 1)
    assert caught.value is error


def test_wrong_result_type_names_the_override_and_subclass():
    class Bad(t.Beast):
        def speak(self, times):
            return 5

        def eat(self, food, hunger):
            return "lots"

    with pytest.raises(TypeError, match=r"^the result of the override 'speak' of Bad must be str, not int$"):
        t.zoo_speak(Bad("b"), 1)
    with pytest.raises(TypeError, match=r"^the result of the override 'eat' of Bad must be float, not str$"):
        t.zoo_eat(Bad("b"), [1.0])


def test_wrong_arity_override_raises_pythons_type_error():
    class Mute(t.Beast):
        def speak(self):
            return "?"

    with pytest.raises(TypeError, match="speak"):
        t.zoo_speak(Mute("m"), 1)


def test_thread_without_the_gil_calls_the_override():
    c = Cat("tom")
    assert t.zoo_speak_from_thread(c, 2) == "meow meow"
    assert t.zoo_speak_from_thread(Quiet("q"), 2) == "... ..."

    class Grumpy(t.Beast):
        def speak(self, times):
            raise ValueError("not now")

    assert t.zoo_speak_from_thread(Grumpy("g"), 1) == "ValueError: not now"


def test_python_threads_racing_on_overrides():
    c = Cat("tom")
    errors = []

    def work():
        try:
            for _ in range(200):
                assert t.zoo_speak(c, 1) == "meow"
                assert t.zoo_speak_from_thread(c, 1) == "meow"
        except Exception as e:   # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []


def test_class_attribute_assigned_later_is_seen_instance_attribute_is_not():
    class Late(t.Beast):
        pass

    late = Late("l")
    assert t.zoo_speak(late, 1) == "..."
    Late.speak = lambda self, times: "late"
    assert t.zoo_speak(late, 1) == "late"
    del Late.speak
    assert t.zoo_speak(late, 1) == "..."
    late.speak = lambda times: "instance"   # as for Python's special methods: the type decides
    assert late.speak(1) == "instance"
    assert t.zoo_speak(late, 1) == "..."


def test_a_python_base_changed_later_is_seen_through_its_subclasses():
    class Middle(t.Beast):
        pass

    class Leaf(Middle):
        pass

    leaf, middle = Leaf("l"), Middle("m")
    assert t.zoo_speak(leaf, 1) == "..."
    assert t.zoo_speak(middle, 1) == "..."
    Middle.speak = lambda self, times: "middle"
    assert t.zoo_speak(leaf, 1) == "middle"
    assert t.zoo_speak(middle, 1) == "middle"
    Leaf.speak = lambda self, times: "leaf"
    assert [t.zoo_speak(x, 1) for x in (leaf, middle, leaf, middle)] == ["leaf", "middle", "leaf", "middle"]


def test_descriptors_and_callables_as_overrides():
    class Static(t.Beast):
        speak = staticmethod(lambda times: "static %d" % times)

    class Klass(t.Beast):
        @classmethod
        def speak(cls, times):
            return cls.__name__

    assert t.zoo_speak(Static("s"), 2) == "static 2"
    assert t.zoo_speak(Klass("k"), 2) == "Klass"

    class NotCallable(t.Beast):
        speak = 5

    with pytest.raises(TypeError, match="not callable"):
        t.zoo_speak(NotCallable("n"), 1)


def test_recursion_through_an_override_is_a_recursion_error():
    class Echo(t.Beast):
        def speak(self, times):
            return t.zoo_speak(self, times)

    with pytest.raises(RecursionError):
        t.zoo_speak(Echo("e"), 1)
    assert t.zoo_speak(Cat("c"), 1) == "meow"   # and the module still works


def test_refcounts_of_arguments_results_and_self_stay_flat():
    class Fetcher(t.Beast):
        def fetch(self, thing):
            return thing

        def meet(self, other):
            return "met"

    assert not t.zoo_fetch_same(Quiet("q"), object())   # C#'s Fetch gives back nothing
    f = Fetcher("f")
    thing = object()
    other = t.Beast("o")
    food = [1.0, 2.0]
    for _ in range(10):   # warm up caches
        assert t.zoo_fetch_same(f, thing)
        t.zoo_meet(f, other)
    gc.collect()
    before = (sys.getrefcount(thing), sys.getrefcount(other), sys.getrefcount(f), sys.getrefcount(Fetcher.fetch),
              sys.getrefcount(food))
    for _ in range(1000):
        assert t.zoo_fetch_same(f, thing)
        assert t.zoo_meet(f, other) == "met"
        t.zoo_eat(Quiet("q"), food)
    gc.collect()
    after = (sys.getrefcount(thing), sys.getrefcount(other), sys.getrefcount(f), sys.getrefcount(Fetcher.fetch),
             sys.getrefcount(food))
    assert after == before


def test_refcounts_when_the_override_raises():
    class Fails(t.Beast):
        def meet(self, other):
            raise RuntimeError("no")

    f = Fails("f")
    other = t.Beast("o")
    before = sys.getrefcount(other)
    for _ in range(200):
        with pytest.raises(RuntimeError):
            t.zoo_meet(f, other)
    assert sys.getrefcount(other) == before


def test_sealed_class_cannot_be_subclassed():
    with pytest.raises(TypeError):
        type("S", (t.Stone,), {})
