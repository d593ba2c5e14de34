"""How [PyClass] instances are allocated and freed (issue 21): a type that is not a GC type and allocates with
PyType_GenericAlloc gets PyObject_Malloc + PyObject_Init as that function would, and PyObject_Free (Classes/
PyInstance.cs); a GC type (a Python subclass with a dict) its own tp_alloc and tp_free. Each way keeps the heap
type's reference count balanced, goes through the interpreter's allocator (tracemalloc sees it), and gives a zeroed
object: no weak-reference list or handle left from the memory's earlier use."""
import gc
import sys
import tracemalloc
import weakref

import pytest

from nd_test import Animal


class Quiet(Animal):
    """Adds nothing to the layout (a GC type or not, depending on the CPython version)."""
    __slots__ = ()


class Pet(Animal):
    """Adds a dict: a GC type, allocated through its tp_alloc."""


def test_the_classes_take_the_paths_the_tests_mean():
    assert not gc.is_tracked(Animal("rex"))   # not a GC type: PyObject_Malloc, PyObject_Init
    assert gc.is_tracked(Pet("rex"))          # a GC type: its tp_alloc


@pytest.mark.parametrize("cls", [Animal, Quiet, Pet], ids=lambda c: c.__name__)
def test_instances_hold_one_reference_to_their_type_each(cls):
    gc.collect()
    before = sys.getrefcount(cls)
    pets = [cls("rex", 3) for _ in range(1000)]
    assert sys.getrefcount(cls) == before + 1000
    assert all(type(p) is cls and p.name == "rex" and p.legs == 3 for p in pets)
    del pets
    gc.collect()
    assert sys.getrefcount(cls) == before


@pytest.mark.parametrize("cls", [Animal, Quiet, Pet], ids=lambda c: c.__name__)
def test_reused_memory_starts_zeroed(cls):
    # Objects with weak references die, and new ones reuse their memory: a stale weak-reference list would make
    # the new object's dealloc clear references it does not have (a crash), a stale handle would name another object.
    for round_ in range(50):
        pets = [cls(f"p{i}") for i in range(20)]
        refs = [weakref.ref(p) for p in pets[::2]]
        names = [p.name for p in pets]
        del pets
        assert all(r() is None for r in refs)
        fresh = [cls("new") for _ in range(20)]
        assert [p.name for p in fresh] == ["new"] * 20
        assert all(weakref.getweakrefcount(p) == 0 for p in fresh)
        assert names == [f"p{i}" for i in range(20)], round_


@pytest.mark.parametrize("cls", [Animal, Quiet, Pet], ids=lambda c: c.__name__)
def test_allocations_go_through_the_interpreters_allocator(cls):
    n = 2000
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        pets = [cls("rex") for _ in range(n)]
        alive = tracemalloc.get_traced_memory()[0]
        del pets
        gc.collect()
        end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert alive - start >= n * Animal.__basicsize__          # made through PyObject_Malloc's hooks
    assert end - start < n * Animal.__basicsize__ // 4        # and freed through PyObject_Free's
