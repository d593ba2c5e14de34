"""fork() after the module ran .NET code: a clear RuntimeError in the child, never a crash or a hang.

.NET does not support fork: a forked child has only the forking thread, so its first .NET collection
walks or suspends threads that are not there, and whatever waits for the finalizer or pool threads
hangs. Each entry point checks a flag that os.register_at_fork resets in the child (docs/reliability.md).
Every case runs in a child interpreter (run_hostile): a signal, a non-zero exit or a hang fails it.
"""
import sys

import pytest

from conftest import needs_numpy
from hostile import run_hostile

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork on Linux")

# Heavy .NET work in the parent: allocations, full .NET collections with finalizers, pool threads.
PARENT_WORK = """
    import gc, os, sys
    try:
        import numpy as np
    except ImportError:    # a CPython without numpy (scripts/test.sh): no parallel kernel, it takes an array
        np = None
    import nd_ext, nd_test
    for i in range(200):
        nd_test.churn(i, 2000)
    nd_test.allocate_and_collect(64)
    nd_test.dotnet_collect()
    if np is not None:
        nd_test.scale_parallel(np.ones(1_000_000), 1.0)
    gc.collect()
    p = nd_ext.Point(3.0, 4.0)
    pc = nd_ext.PointClass(3.0, 4.0)
    r = nd_test.Record(7)

    def refused(what, f):
        try:
            f()
        except RuntimeError as e:
            assert "cannot run in a process forked" in str(e) and "'spawn'" in str(e), str(e)
            print(what, "refused", flush=True)
            return
        raise AssertionError(what + ": no RuntimeError")
"""


def test_forked_child_refuses_every_kind_of_entry_point_and_the_parent_still_works():
    out = run_hostile(PARENT_WORK + """
    pid = os.fork()
    if pid == 0:
        try:
            refused("function", lambda: nd_ext.add_scalars(1.0, 2.0))
            refused("allocating function", lambda: nd_test.allocate_and_collect(8))
            refused("collect", nd_test.dotnet_collect)
            if np is not None:
                refused("parallel kernel", lambda: nd_test.scale_parallel(np.ones(1_000_000), 2.0))
            refused("constructor", lambda: nd_ext.Point(1.0, 2.0))
            refused("property get", lambda: pc.x)
            # A struct [PyClass]'s numeric field is read by CPython itself (no .NET code), so it still reads.
            assert p.x == 3.0
            print("struct field read", flush=True)
            refused("property set", lambda: setattr(p, "x", 5.0))
            refused("method", lambda: p.distance())
            refused("repr", lambda: repr(p))
            refused("other module", lambda: nd_test.Record(1))
            try:
                del sys.modules["nd_ext"]
                import nd_ext as again
            except ImportError as e:
                assert "cannot run in a process forked" in str(e), str(e)
                print("re-import refused", flush=True)
            del p, pc, r           # tp_dealloc of inherited instances: the Python objects are freed
            gc.collect()
            print("child done", flush=True)
        except BaseException as e:
            print("child failed:", repr(e), flush=True)
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    assert nd_ext.Point(1.0, 2.0).x == 1.0 and p.distance() == 5.0
    assert nd_test.allocate_and_collect(8) > 0
    print("parent ok")
    """, timeout=120)
    for what in ("function", "constructor", "property get", "property set", "method", "repr", "re-import"):
        assert what + " refused" in out
    assert "struct field read" in out and "child done" in out and "parent ok" in out


def test_forked_child_that_never_calls_the_module_finalizes_and_exits_0():
    # The child runs interpreter shutdown: inherited instances (in a cycle too) are deallocated,
    # traversed and cleared there without touching .NET.
    out = run_hostile(PARENT_WORK + """
    class Cycle:
        pass
    c = Cycle()
    c.self, c.point = c, nd_ext.Point(1.0, 1.0)
    del c
    pid = os.fork()
    if pid == 0:
        sys.exit(0)            # normal shutdown: Py_FinalizeEx deallocates p, r and the cycle
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert p.distance() == 5.0
    print("parent ok")
    """, timeout=120)
    assert "parent ok" in out


def test_multiprocessing_fork_pool_raises_the_error_in_the_parent():
    out = run_hostile(PARENT_WORK + """
    import multiprocessing as mp
    with mp.get_context("fork").Pool(2) as pool:
        try:
            pool.starmap(nd_ext.add_scalars, [(float(i), 1.0) for i in range(8)])
        except RuntimeError as e:
            assert "nd_ext cannot run in a process forked" in str(e), str(e)
            assert "set_start_method('spawn')" in str(e), str(e)
            print("pool refused")
        else:
            raise AssertionError("no RuntimeError from the fork pool")
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    """, timeout=120)
    assert "pool refused" in out


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_multiprocessing_spawn_and_forkserver_work(method):
    out = run_hostile(PARENT_WORK + f"""
    import multiprocessing as mp
    with mp.get_context("{method}").Pool(2) as pool:
        sums = pool.starmap(nd_ext.add_scalars, [(float(i), 1.0) for i in range(8)])
        counts = pool.map(nd_test.allocate_and_collect, [4, 4])
    assert sums == [i + 1.0 for i in range(8)], sums
    assert all(c > 0 for c in counts), counts
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    print("pool ok")
    """, timeout=180)
    assert "pool ok" in out


def test_first_import_in_a_forked_child_works():
    # The parent never imported nd_ext: the child's import makes its own flag, and .NET starts
    # fresh there. The parent imports it afterwards and works too.
    out = run_hostile("""
    import os, sys
    pid = os.fork()
    if pid == 0:
        import nd_ext, nd_test
        assert nd_ext.add_scalars(1.0, 2.0) == 3.0
        assert nd_ext.Point(3.0, 4.0).distance() == 5.0
        assert nd_test.allocate_and_collect(16) > 0
        nd_test.dotnet_collect()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    import nd_ext
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    print("ok")
    """, timeout=120)
    assert "ok" in out


@needs_numpy
def test_fork_while_a_parallel_kernel_runs_without_the_gil():
    # Another thread of the parent is inside NdParallel.For (GIL released, pool threads busy)
    # when the main thread forks: the child must neither hang nor crash, in a call or at exit.
    out = run_hostile(PARENT_WORK + """
    import threading, time
    arr = np.ones(4_000_000)
    running = threading.Event()
    def kernel():
        running.set()
        nd_test.scale_parallel(arr, 1.0, repeat=20)
    t = threading.Thread(target=kernel)
    t.start()
    running.wait()
    time.sleep(0.05)
    children = []
    for exit_normally in (False, True):
        pid = os.fork()
        if pid == 0:
            if exit_normally:
                sys.exit(0)    # interpreter shutdown with instances and a foreign thread's state
            try:
                refused("function", lambda: nd_ext.add_scalars(1.0, 2.0))
                refused("parallel kernel", lambda: nd_test.scale_parallel(np.ones(1_000_000), 2.0))
            except BaseException as e:
                print("child failed:", repr(e), flush=True)
                os._exit(1)
            os._exit(0)
        children.append(pid)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    t.join()
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    print("parent ok")
    """, timeout=120)
    assert "function refused" in out and "parent ok" in out
