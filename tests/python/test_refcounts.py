"""Reference leaks (issue 8, item 2): for every entry point of nd_ext and nd_test, read from their
stubs (refcount_targets.py), success and error paths, repeated calls leave the reference counts
of the arguments, the callable and the instance unchanged; and under Debian's debug interpreter
(python3.11-dbg), for the entry points that need no numpy, sys.gettotalrefcount() comes back to
its start: nothing NdBindgen does leaves a reference behind, on any path."""
import gc
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import needs_numpy
import nd_ext
import nd_test
import refcount_targets

CALLS = 200
DEBUG_PYTHON = shutil.which("python3.11-dbg")

ALL = [t for m in (nd_ext, nd_test) for t in refcount_targets.targets(m)]

# Methods that keep their argument by design, as list.append does: each call holds one more
# reference to it, until the instance is dropped.
KEEPS = {
    "nd_test.Holder.push": "pushes the item onto the holder's list",
    "nd_test.Holder.push (wrong item)": "any object is an item",
}

# A known bug, strict so that its fix turns these green: PyRef elements of a container parameter (List<PyRef>,
# List<PyRef<Money>>) are not released when the call returns, as a PyRef parameter the method does not keep is,
# nor when a returned List<PyRef> has been converted; .NET's finalizers release them at a later collection, so
# until then every call holds one more reference to each element (the debug interpreter's total, measured after
# a collection, does not see it).
DEFERRED = {
    "nd_test.count_money_refs": "List<PyRef<Money>> elements wait for .NET's finalizers",
    "nd_test.echo_refs": "a returned List<PyRef>'s elements wait for .NET's finalizers",
    "nd_test.echo_refs (wrong inside xs)": "a returned List<PyRef>'s elements wait for .NET's finalizers",
}


def _marks(target):
    marks = [needs_numpy] if target.needs_numpy else []
    if target.name in DEFERRED:
        marks.append(pytest.mark.xfail(strict=True, reason=DEFERRED[target.name]))
    return marks


def test_every_kind_of_entry_point_is_covered():
    names = {t.name for t in ALL}
    assert len(ALL) > 300, len(ALL)
    for expected in ["nd_ext.add_scalars", "nd_ext.add_scalar_to_array (wrong arr)", "nd_ext.Point()",
                     "nd_ext.Point.distance (wrong other)", 
                     # issue 21: struct [PyClass]es (values inside the object) and the class form of Point
                     "nd_test.SVec()", "nd_test.SVec.dot (wrong other)", "nd_test.SVec.__add__ (wrong other)",
                     "nd_test.SCounter.count", "nd_test.SCounter.tick", "nd_test.midpoint (wrong a)",
                     "nd_ext.PointClass()", "nd_test.Money.__lt__", "nd_test.Vec.__neg__",
                     "nd_test.Samples.__iter__", "nd_test.Animal.name", "nd_test.Fragile.broken",
                     "nd_test.Record.blank", "nd_test.Record.add (wrong a)", "nd_test.notify",
                     # issue 17: parameter kinds, their binding mistakes, nested containers, submodules
                     "nd_test.sig_all (wrong args[1])", "nd_test.sig_all (wrong kwargs.extra_one)",
                     "nd_test.sig_all (wrong c)", "nd_test.sig_all (binding: positional-only by keyword)",
                     "nd_test.SigBox.get (binding: keyword-only by position)", "nd_test.pos_only (binding: too many positional)",
                     "nd_test.star_args (binding: unexpected keyword)", "nd_test.star_span (binding: given twice)",
                     "nd_test.echo_deep (wrong inside m)", "nd_test.echo_deep_dict (wrong inside d)",
                     "nd_test.echo_nine (wrong inside t)", "nd_test.echo_tuple_keys (wrong inside d)",
                     "nd_test.shapes.area (wrong w)", "nd_test.shapes.Rect.corner", "nd_test.shapes.to_corner (wrong corner)"]:
        assert expected in names, expected


@pytest.mark.parametrize("lazy", [pytest.param(t, marks=_marks(t)) for t in ALL if t.name not in KEEPS], ids=lambda t: t.name)
def test_arguments_keep_their_reference_counts(lazy):
    target = lazy.make()
    assert refcount_targets.refcount_change(target, CALLS) == []


@pytest.mark.parametrize("name", KEEPS)
def test_kept_arguments_are_released_with_the_instance(name):
    (lazy,) = [t for t in ALL if t.name == name]
    target = lazy.make()
    instance, *args = target.objects
    before = [sys.getrefcount(a) for a in args]
    for _ in range(CALLS):
        target.call()
    assert all(sys.getrefcount(a) - b >= CALLS for a, b in zip(args, before))   # at least one per call, kept
    del target, instance
    gc.collect()
    # Back to where they were, less the two lists of the target itself (its objects and its call's arguments).
    assert [sys.getrefcount(a) for a in args] == [b - 2 for b in before]


def _debug_modules(tmp_path: pathlib.Path) -> pathlib.Path:
    """The published modules, as they are (<module>.so loads into the debug interpreter too: a debug
    build counts references in _Py_RefTotal, which NdBindgen's runtime detects and keeps)."""
    for m in (nd_ext, nd_test):
        src = pathlib.Path(m.__file__)
        (tmp_path / src.name).symlink_to(src)
        shutil.copy(src.with_name(m.__name__ + ".pyi"), tmp_path)
        if src.with_name(m.__name__).is_dir():   # the submodules' stubs, <module>/<sub>.pyi
            shutil.copytree(src.with_name(m.__name__), tmp_path / m.__name__)
    shutil.copy(refcount_targets.__file__, tmp_path)
    return tmp_path


@pytest.mark.skipif(DEBUG_PYTHON is None, reason="python3.11-dbg is not installed (scripts/install-prereqs.sh installs it)")
@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="runs python3.11-dbg: the 3.11 suite's test")
def test_total_reference_count_returns_to_its_start_in_the_debug_interpreter(tmp_path):
    folder = _debug_modules(tmp_path)
    proc = subprocess.run([DEBUG_PYTHON, "refcount_targets.py", str(CALLS), "nd_ext", "nd_test"],
                          cwd=folder, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    measured = [line.split(" ", 1) for line in lines if not line.startswith("skipped-numpy ")]
    assert len(measured) > 250, proc.stdout[-2000:]
    # Per call nothing may stay: a leak of one reference per call would show as CALLS.
    leaks = [(name, int(change)) for change, name in measured if abs(int(change)) > 2 and name not in KEEPS]
    assert leaks == []
    kept = {name: int(change) for change, name in measured if name in KEEPS}
    assert kept == {name: CALLS for name in KEEPS}      # one reference per call, kept on purpose


# Raise paths (issue 19): raising and catching leaves no reference behind, to the exception's class, to an
# object the exception carries (a KeyError's key, a StopIteration's value, given as a PyRef the wrapper
# releases before the exception reaches Python), or to a Python exception that went through C# and back.
RAISED = ZeroDivisionError("raised by Python, through C#")
CARRIED = object()


def _raise_python_error():
    raise RAISED


def _raises(call, kind, check=lambda e: None):
    def once():
        try:
            call()
        except kind as e:
            check(e)
            e.__traceback__ = None   # the traceback holds this frame, whose locals hold e
        else:
            raise AssertionError("did not raise")
    return once


RAISE_PATHS = {
    "mapped: ValueError's class": (ValueError, _raises(lambda: nd_test.raise_path_argument("m"), ValueError)),
    "with a cause: RuntimeError's class": (RuntimeError, _raises(lambda: nd_test.raise_path_cause("m"), RuntimeError)),
    "with a cause: the cause's class (KeyError)": (KeyError, _raises(lambda: nd_test.raise_path_cause("m"), RuntimeError)),
    "group: its members' class (ValueError)": (ValueError, _raises(lambda: nd_test.raise_path_group(3), BaseException)),
    "PyKeyError(PyRef): the key": (CARRIED, _raises(lambda: nd_test.raise_path_key(CARRIED), KeyError,
                                                     lambda e: e.args == (CARRIED,) or pytest.fail(repr(e.args)))),
    "PyStopIteration(PyRef): the value": (CARRIED, _raises(lambda: nd_test.raise_path_stop(CARRIED), StopIteration,
                                                           lambda e: e.value is CARRIED or pytest.fail(repr(e.args)))),
    "PythonException re-raised: the same object": (RAISED, _raises(lambda: nd_test.raise_path_reraise(_raise_python_error),
                                                                   ZeroDivisionError, lambda e: e is RAISED or pytest.fail(repr(e)))),
    "PythonException as InnerException: the cause": (RAISED, _raises(lambda: nd_test.raise_path_wrapped(_raise_python_error),
                                                                      RuntimeError,
                                                                      lambda e: e.__cause__ is RAISED or pytest.fail(repr(e)))),
}


@pytest.mark.parametrize("path", list(RAISE_PATHS))
def test_raise_paths_keep_reference_counts(path):
    watched, once = RAISE_PATHS[path]
    once()   # warm-up: first-use caches
    RAISED.__traceback__ = None
    before = sys.getrefcount(watched)
    for _ in range(CALLS):
        once()
    RAISED.__traceback__ = None   # the last raise's traceback (its frames hold nothing watched, but be exact)
    assert sys.getrefcount(watched) - before == 0
