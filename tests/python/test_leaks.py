"""Memory leaks (Reliability, item 3): 1,000,000 calls that return arrays, create instances, raise
exceptions or build cycles keep RSS within a small bound.

Every case runs its step 1,000,000 times after a warm-up of 200,000 (so the Python, numpy and .NET
heaps have reached their working size; 500,000 for the Holder in a fresh process, see HOLDER_WARMUP), then compares RSS before and after the loop, with a
gc.collect() before each measurement. The bound is 12 MB, that is 12.6 bytes per call: less than
the smallest thing a call could leak (a Python object is at least 16 bytes, a GCHandle 16 bytes, a
.NET exception object over 100 bytes), so a leak of anything per call fails the test. Every step
checks its result (the array's values, the exception's type and message, the cycle's contents).

Instance creation of Point, Node(object) and Vec + Vec is measured in test_class_lifetime.py
(1,000,000 each, 8 MB bound); this file adds the nd_test classes made from Python and from C#.
"""
import gc
import pickle
import sys
import time
import weakref

import numpy as np
import pytest

from memory import rss_bytes

import nd_ext
import nd_test

MB = 1 << 20
CALLS = 1_000_000
WARMUP = 200_000
BOUND = 12 * MB


class Thing:
    """A plain Python object, to run cycles through."""


def run(step, calls):
    for _ in range(calls):
        step()


def assert_flat(name, step, module=None, warmup=WARMUP):
    """Runs step() CALLS times after a warm-up; RSS must grow by less than BOUND."""
    run(step, warmup)
    gc.collect()
    before = rss_bytes()
    gcs_before = [nd_test.gc_count(g) for g in range(3)]
    start = time.perf_counter()
    run(step, CALLS)
    seconds = time.perf_counter() - start
    gc.collect()
    growth = rss_bytes() - before
    gcs = [nd_test.gc_count(g) - b for g, b in zip(range(3), gcs_before)]
    print(f"\n{name}: {CALLS:,} calls in {seconds:.1f} s, RSS {before / MB:.1f} -> "
          f"{(before + growth) / MB:.1f} MB ({growth / MB:+.2f} MB)"
          + (f", nd_test .NET GCs gen0/1/2 {gcs}" if module is nd_test else ""))
    assert growth < BOUND, f"{name}: RSS grew by {growth / MB:.1f} MB over {CALLS:,} calls (bound {BOUND // MB} MB)"
    return gcs


def assert_sawtooth_flat(name, step, module=nd_test):
    """For nd_test instances with a C# finalizer: their memory is given back by the full .NET
    collections the runtime's CommittedMemoryWatch asks for when unused committed memory has grown
    max(4 MB, heap/4), so RSS is a sawtooth of that amplitude (3-4 teeth per million here), and
    one reading before and one after land on any phase of it: the same code read -3.6 MB in a
    process of its own and +18.4 MB after the rest of the suite (a 36 MB .NET heap: 9 MB teeth).
    A leak raises the teeth: the highest RSS over each third of the calls is taken, and both steps
    from one third to the next must stay under a third of the bound (BOUND is per million). A
    steady leak raises both; the .NET heap taking one more 16 MB region late in a long suite raises
    one (the full suite once read +16.0 MB from the first half to the second, while the same test
    alone read -3.7 MB). With the watch disabled this read +17.6 MB per half (fails); with it
    -3.8 MB in a process of its own."""
    run(step, WARMUP)
    peaks = []
    gcs_before = [nd_test.gc_count(g) for g in range(3)]
    for third in range(3):
        highest = 0
        for fifth in range(5):
            i = 5 * third + fifth
            run(step, CALLS * (i + 1) // 15 - CALLS * i // 15)   # CALLS in all
            gc.collect()
            highest = max(highest, rss_bytes())
        peaks.append(highest)
    gcs = [nd_test.gc_count(g) - b for g, b in zip(range(3), gcs_before)]
    rises = [b - a for a, b in zip(peaks, peaks[1:])]
    print(f"\n{name}: {CALLS:,} calls, highest RSS over each third "
          + " -> ".join(f"{p / MB:.1f}" for p in peaks) + " MB ("
          + ", ".join(f"{r / MB:+.2f}" for r in rises) + f" MB), nd_test .NET GCs gen0/1/2 {gcs}")
    assert 3 * min(rises) < BOUND, (f"{name}: the highest RSS rose by {rises[0] / MB:.1f} MB and then "
                                    f"{rises[1] / MB:.1f} MB from one third of the calls to the next")


# --- functions returning new arrays (small, so per-call overhead dominates) -------------------

def test_nd_ext_array_results():
    a = np.arange(4.0)

    def step():
        r = nd_ext.add_scalar_to_array(1.5, a)
        assert r[3] == 4.5

    assert_flat("nd_ext.add_scalar_to_array", step)


@pytest.mark.parametrize("name, make, check", [
    ("copy_float64", lambda a=np.arange(4.0): nd_test.copy_float64(a), lambda r: r[3] == 3.0),
    ("copy_int16 of a strided view", lambda a=np.arange(8, dtype=np.int16)[::2]: nd_test.copy_int16(a),
     lambda r: r[3] == 6),
    ("arange (made in C#)", lambda: nd_test.arange(4), lambda r: r[3] == 3),
    ("eye (2-d, made in C#)", lambda: nd_test.eye(2), lambda r: r[1, 1] == 1.0),
    ("from_tensor (a Tensor<int> copied into a new array)", lambda: nd_test.from_tensor(2, 3), lambda r: r[1, 2] == 12),
    ("zip_add_new (NdZip, broadcast (2, 1) with (3,))",
     lambda a=np.ones((2, 1)), b=np.arange(3.0): nd_test.zip_add_new(a, b), lambda r: r[1, 2] == 3.0),
    # issue 20 item 5's element types (test_array_dtypes2.py)
    ("copy_complex64", lambda a=np.arange(4, dtype=np.complex64): nd_test.copy_complex64(a), lambda r: r[3] == 3),
    ("copy_datetime_nanoseconds (a descriptor with its unit)",
     lambda a=np.arange(4).view("M8[ns]"): nd_test.copy_datetime_nanoseconds(a), lambda r: r.dtype == "M8[ns]"),
    ("months_of (through DateTime)", lambda a=np.arange(4).view("M8[D]"): nd_test.months_of(a),
     lambda r: r[3] == np.datetime64("1970-01")),
    ("range_objects (an object array filled in C#)", lambda: nd_test.range_objects(4), lambda r: r[3] == 3),
    ("fill_objects (writes releasing the old elements)",
     lambda a=np.empty(4, dtype=object): (nd_test.fill_objects(a, [1]), a)[1], lambda r: r[3] == [1]),
])
def test_nd_test_array_results(name, make, check):
    def step():
        assert check(make())

    gcs = assert_flat(f"nd_test.{name}", step, nd_test)
    assert gcs[0] > 0, "the .NET GC never ran: the loop did not exercise it"


# --- instances made and dropped -------------------------------------------------------------

@pytest.mark.parametrize("name, make, check", [
    ("Animal(name)", lambda: nd_test.Animal("rex"), lambda a: a.legs == 4),
    ("make_animal (made in C#)", lambda: nd_test.make_animal("tweety", 2), lambda a: a.legs == 2),
    ("Record with a string attribute set", lambda: nd_test.Record(7, "r"), lambda r: r.id == 7),
    ("Money == Money", lambda m=nd_test.Money(5): nd_test.add_money(m, m), lambda m: m.cents == 10),
    # struct [PyClass]es: the value inside the object, no .NET allocation to leak
    ("SCounter ticked in place", lambda: nd_test.SCounter(1, 2).next(), lambda c: c.count == 3),
    ("SVec + SVec and midpoint", lambda v=nd_test.SVec(1.0, 2.0): nd_test.midpoint(v + v, v), lambda v: v.x == 1.5),
])
def test_nd_test_instances(name, make, check):
    def step():
        assert check(make())

    assert_flat(f"nd_test.{name}", step, nd_test)


def test_nd_ext_point_with_methods():
    other = nd_ext.Point(0.0, 0.0)

    def step():
        p = nd_ext.Point(3.0, 4.0)
        p.x = 6.0
        p.y = 8.0
        assert p.distance(other) == 10.0

    assert_flat("nd_ext.Point + attributes + distance", step)


def test_nd_ext_point_class_with_methods():
    other = nd_ext.PointClass(0.0, 0.0)

    def step():
        p = nd_ext.PointClass(3.0, 4.0)
        p.x = 6.0
        p.y = 8.0
        assert p.distance(other) == 10.0

    assert_flat("nd_ext.PointClass + attributes + distance", step)


# --- exceptions -----------------------------------------------------------------------------

def test_nd_ext_exceptions():
    """A C# exception (Node.add of a node that has a parent: ArgumentException) and argument
    conversion errors (a str for a float, an int64 array for float64, a read-only array)."""
    parent, child = nd_ext.Node(), nd_ext.Node()
    parent.add(child)
    ints = np.arange(3)
    ro = np.zeros(3)
    ro.flags.writeable = False
    counter = [0]

    def step():
        i = counter[0] = counter[0] + 1
        try:
            if i % 4 == 0:
                parent.add(child)
            elif i % 4 == 1:
                nd_ext.add_scalars("x", 1.0)
            elif i % 4 == 2:
                nd_ext.add_scalar_to_array(1.0, ints)
            else:
                nd_ext.add_scalar_to_array_inplace(1.0, ro)
        except ValueError as e:
            assert "already has a parent" in e.args[0] or "read-only" in e.args[0]
        except TypeError as e:
            assert "must be" in e.args[0]
        else:
            raise AssertionError("no exception")

    assert_flat("nd_ext exceptions (C# and conversion)", step)
    assert len(parent) == 1 and ro.tolist() == [0.0, 0.0, 0.0]


KINDS = [("InvalidOperationException", RuntimeError), ("ArgumentException", ValueError),
         ("KeyNotFoundException", KeyError), ("CustomError", RuntimeError)]


def test_nd_test_exceptions():
    """C# exceptions thrown by user code, by the runtime (1 / 0) and from a property getter, and
    argument conversion errors (overflow, wrong type)."""
    counter = [0]
    fragile = nd_test.Fragile()

    def step():
        i = counter[0] = counter[0] + 1
        k = i % 8
        try:
            if k < 4:
                nd_test.raise_exception(KINDS[k][0])
            elif k == 4:
                nd_test.divide(1, 0)
            elif k == 5:
                fragile.broken
            elif k == 6:
                nd_test.echo_int8(1000)
            else:
                nd_test.echo_int32("x")
        except (RuntimeError, ValueError, KeyError, ZeroDivisionError, OverflowError, TypeError) as e:
            if k < 4:
                assert type(e) is KINDS[k][1] and KINDS[k][0] in e.args[0]
            elif k == 4:
                assert type(e) is ZeroDivisionError
            elif k == 5:
                assert type(e) is RuntimeError and "always fails" in e.args[0]
            else:
                assert type(e) is (OverflowError if k == 6 else TypeError)
        else:
            raise AssertionError("no exception")

    gcs = assert_flat("nd_test exceptions (C#, runtime, getter, conversion)", step, nd_test)
    assert gcs[0] > 0


# --- parameter kinds and nested containers (issue 17) ---------------------------------------

SIGNATURE_STEPS = [
    # (call, check of the result, or the exception type and a part of its message)
    (lambda: nd_test.sig_all(1.0, 2.0, 3.0, 4.5, c=5, z=6.5), lambda r: r == "a=1 b=2 args=[3, 4.5] c=5 kwargs={z=6.5}"),
    (lambda: nd_test.scaled_sum(1.0, 2.0, 3.0, x=2.0, y=0.5), lambda r: r == 6.0),
    (lambda: nd_test.star_kwargs(b=2, a=1), lambda r: r == "{a=1, b=2}"),
    (lambda: nd_test.SigBox("n", x=1, y=2).get("y", fallback=0), lambda r: r == 2),
    (lambda: nd_test.star_names("-", "a", "b"), lambda r: r == "a-b"),
    (lambda: nd_test.echo_deep([[[1, 2], [3]], [[4]]]), lambda r: r == [[[1, 2], [3]], [[4]]]),
    (lambda: nd_test.echo_deep_dict({"k": [(1, 2.0), (3, 4.0)]}), lambda r: r == {"k": [(1, 2.0), (3, 4.0)]}),
    (lambda: nd_test.star_args(1.0, 2.0, "x"), (TypeError, "argument 'args'[2] must be float")),
    (lambda: nd_test.sig_all(1.0, 2.0, 3.0, None), (TypeError, "argument 'args'[1] must be float")),
    (lambda: nd_test.scaled_sum(1.0, a=2.0, b="no"), (TypeError, "argument 'b' must be float")),
    (lambda: nd_test.echo_nested([[1.0], [2.0, "x"]]), (TypeError, "argument 'm'[1][1] must be float")),
    (lambda: nd_test.echo_deep_dict({"k": [(1, 2.0), (3, "x")]}), (TypeError, "argument 'd'['k'][1][1] must be float")),
    (lambda: nd_test.pos_only(a=1, b=2), (TypeError, "positional-only arguments passed as keyword")),
    (lambda: nd_test.kw_only(1, 2), (TypeError, "takes 1 positional argument but 2 were given")),
    (lambda: nd_test.sig_all(1.0, 2.0, b=3.0), (TypeError, "got multiple values for argument 'b'")),
]


def test_nd_test_signatures_and_nested_containers():
    """*args, **kwargs, positional-only and keyword-only parameters, nested lists, dicts and tuples: in and out,
    a bad element deep inside (half-converted), CPython's binding errors of each kind."""
    counter = [0]

    def step():
        i = counter[0] = counter[0] + 1
        call, outcome = SIGNATURE_STEPS[i % len(SIGNATURE_STEPS)]
        if callable(outcome):
            assert outcome(call())
            return
        try:
            call()
        except outcome[0] as e:
            assert outcome[1] in e.args[0], e.args[0]
        else:
            raise AssertionError("no exception")

    assert_flat("nd_test signatures and nested containers", step, nd_test)


# --- cycles collected by gc -----------------------------------------------------------------

def collected_by_gc():
    return sum(s["collected"] for s in gc.get_stats())


def assert_cycles_collected(name, make, per_cycle, module=None, flat=assert_flat):
    """make() builds one reference cycle and returns one of its objects; the automatic collector
    runs as usual. Afterwards gc must have collected at least per_cycle objects per cycle."""
    last = []

    def step():
        last[:] = [weakref.ref(make())]

    before = collected_by_gc()
    flat(name, step, module)
    collected = collected_by_gc() - before
    assert last[0]() is None
    assert collected >= (WARMUP + CALLS) * per_cycle, f"gc collected only {collected:,} objects"


def test_nd_ext_node_cycles():
    def make():
        root = nd_ext.Node("root")
        child = root.add(nd_ext.Node(1.0))     # child.parent is root, root holds child: a cycle
        assert child.parent is root and root[0] is child
        return root

    assert_cycles_collected("nd_ext Node parent <-> child cycles", make, 2)


def test_nd_ext_node_cycles_through_python_objects():
    def make():
        n, t = nd_ext.Node(), Thing()
        n.value = t
        t.node = n                             # Node -> Thing -> Node, through a __dict__
        return n

    assert_cycles_collected("nd_ext Node <-> Python object cycles", make, 2)


def test_nd_test_registry_cycles():
    def make():
        r = nd_test.Registry()
        r.put("self", r)                       # a user-written IPyTraverse
        assert len(r) == 1
        return r

    assert_cycles_collected("nd_test Registry self-cycles", make, 1, nd_test)


def test_nd_test_holder_cycles():
    """Holder <-> Holder through the C# lists. Holder has a C# finalizer, so each collected pair
    survives one more .NET collection to be finalized (see test_nd_test_holder_instances)."""
    def make():
        a, b = nd_test.Holder(), nd_test.Holder()
        a.push(b)
        b.push(a)
        assert a.peek(0) is b
        return a

    assert_cycles_collected("nd_test Holder <-> Holder cycles", make, 2, nd_test, flat=assert_sawtooth_flat)


# The fresh process's .NET heap reaches its working size later than WARMUP: its first collection
# comes after ~150,000 Holders (a 16 MB gen0 budget), and each dropped Holder survives one
# collection, so gen1 fills too; RSS levels off after the fifth collection, ~450,000 Holders.
HOLDER_WARMUP = 500_000

HOLDER_LOOP = """
import gc, sys
sys.path[:0] = sys.argv[1:3]
import nd_test
from memory import rss_bytes

def step():
    h = nd_test.Holder()
    h.push(1)
    assert len(h) == 1

for _ in range(%d):
    step()
gc.collect()
before = rss_bytes()
gcs = [nd_test.gc_count(g) for g in range(3)]
for _ in range(%d):
    step()
gc.collect()
print(rss_bytes() - before, before, *[nd_test.gc_count(g) - n for g, n in enumerate(gcs)])
"""


def test_nd_test_holder_instances():
    """Holder made, given an object and dropped (no cycle), in a fresh process: in this one, what
    earlier tests left on the heaps makes the figure vary.

    Holder is the one test class with a C# finalizer (~Holder), so every dropped Holder, its list
    and the PyRef in it survive one .NET collection to be finalized: each collection finds its
    whole gen0 alive and is a gen1 one, and without a full collection .NET kept ~2 MB more
    committed after each (20-34 MB per million Holders, 62 -> 183 MB over 5 million, with the
    heap at 17 MB; +32 MB here with the watch below disabled). The runtime's CommittedMemoryWatch
    asks for a full collection when the committed memory the heap does not use has grown 4 MB (or
    a quarter of the heap) since the last one (docs/reliability.md): one comes during the
    warm-up, and RSS stays flat after it."""
    import os
    import subprocess
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    code = HOLDER_LOOP % (HOLDER_WARMUP, CALLS)
    out = subprocess.run([sys.executable, "-c", code, os.path.dirname(nd_test.__file__), here],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    growth, before, *gcs = map(int, out.stdout.split())
    print(f"\nnd_test Holder().push(1), dropped (fresh process): {CALLS:,} calls, RSS "
          f"{before / MB:.1f} -> {(before + growth) / MB:.1f} MB ({growth / MB:+.2f} MB), "
          f"nd_test .NET GCs gen0/1/2 {gcs}")
    assert gcs[0] > 0
    assert growth < BOUND, f"RSS grew by {growth / MB:.1f} MB over {CALLS:,} Holders (bound {BOUND // MB} MB)"


# --- issue 18's class features: operators, containers, pickling, Python overrides -------------

class Lion(nd_test.Beast):
    """A Python override that C# calls (nd_test.zoo_speak -> Beast.Speak -> this)."""

    def speak(self, times):
        return "roar" * times


@pytest.mark.parametrize("name, step", [
    ("Fraction + Fraction, ** and in-place |=", lambda a=nd_test.Fraction(1, 3), b=nd_test.Fraction(1, 6),
     bits=nd_test.Bits(1): (a + b == nd_test.Fraction(1, 2)) and (a ** 2 == nd_test.Fraction(1, 9))
     and bits.__ior__(nd_test.Bits(2)) is bits),
    ("Fraction + str: NotImplemented, then TypeError", lambda a=nd_test.Fraction(1, 3): _raises(TypeError, lambda: a + "x")
     and a.__add__("x") is NotImplemented),
    ("IntSequence slices, negative indices, in", lambda s=nd_test.IntSequence(list(range(10))):
     s[1:8:3] and s[-1] == 9 and (3 in s) and ("x" not in s)),
    ("Settings KeyError with the key", lambda m=nd_test.Settings(): _raises(KeyError, m.__getitem__, "missing")),
    ("pickle round trip of PVec", lambda v=nd_test.PVec(1.5, 2.5): pickle.loads(pickle.dumps(v)).x == 1.5),
    ("C# calling a Python override", lambda lion=Lion(): nd_test.zoo_speak(lion, 2) == "roarroar"),
])
def test_class_features(name, step):
    def checked():
        assert step(), name

    assert_flat(name, checked, nd_test)


def _raises(kind, f, *args):
    try:
        f(*args)
    except kind:
        return True
    return False


# --- raise paths (issue 19) -----------------------------------------------------------------

class FailingFloat:
    """An argument whose __float__ raises: a conversion error with a note (3.11+)."""

    def __float__(self):
        raise ArithmeticError("no float")


def _python_error():
    raise LookupError("from Python")


def _check_mapped(e):
    assert type(e) is ValueError and e.args == ("m",)


def _check_cause(e):
    assert type(e) is RuntimeError and type(e.__cause__) is KeyError and e.__cause__.args == ("inner",)


def _check_group(e):
    assert type(e).__name__ == "ExceptionGroup" and [x.args for x in e.exceptions] == [("member 0",), ("member 1",), ("member 2",)]


CARRIED = object()


def _check_mixed(e):
    if isinstance(e, KeyError):
        assert e.args == (CARRIED,)
    elif isinstance(e, StopIteration):
        assert e.value is CARRIED
    elif isinstance(e, RuntimeError):
        assert type(e.__cause__) is LookupError
    elif isinstance(e, ArithmeticError):
        assert e.__notes__ == ["while converting echo_float64() argument 'x'"]
    else:
        assert type(e) is LookupError


MIXED = [lambda: nd_test.raise_path_key(CARRIED), lambda: nd_test.raise_path_stop(CARRIED),
         lambda: nd_test.raise_path_reraise(_python_error), lambda: nd_test.raise_path_wrapped(_python_error),
         lambda: nd_test.echo_float64(FailingFloat())]
_mixed_counter = [0]


def _mixed():
    i = _mixed_counter[0] = _mixed_counter[0] + 1
    MIXED[i % len(MIXED)]()


RAISE_PATHS = [
    ("ArgumentException -> ValueError", lambda: nd_test.raise_path_argument("m"), _check_mapped),
    ("InnerException -> __cause__", lambda: nd_test.raise_path_cause("m"), _check_cause),
    ("AggregateException -> ExceptionGroup of 3", lambda: nd_test.raise_path_group(3), _check_group),
    ("PyKeyError(key), PyStopIteration(value), a PythonException re-raised and as a cause, a conversion's note",
     _mixed, _check_mixed),
]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="ExceptionGroup and notes are 3.11+")
@pytest.mark.parametrize("name, call, check", RAISE_PATHS, ids=[r[0] for r in RAISE_PATHS])
def test_raise_paths(name, call, check):
    """A million raises of each kind, each caught and checked: RSS stays within BOUND (12 MB, 12.6 bytes per
    raise, less than one Python exception object of 56+ bytes or one .NET exception of 100+), so keeping any
    object per raise fails. 2.6-7 us per raise: the four take 20 s on the quiet machine (64 s with a callgrind
    run beside them), with a warm-up of 100,000 (a .NET gen0 collection comes every 10,000-60,000 raises)."""
    def step():
        try:
            call()
        except BaseException as e:   # StopIteration and ExceptionGroup included
            check(e)
        else:
            raise AssertionError("no exception")

    assert_flat(f"raise and catch: {name}", step, nd_test, warmup=100_000)
