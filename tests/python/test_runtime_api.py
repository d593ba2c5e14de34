"""The runtime's Python API from C# (issue 4): GIL token, calls, scopes, exceptions, callbacks,
releasing the GIL, signals and threads. The C# side is tests/NdTestModule/RuntimeApi.cs."""
import gc
import inspect
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

from conftest import HAVE_NUMPY, np   # numpy; where it is missing, a stand-in that skips the test using it
import pytest

from memory import rss_bytes

import nd_test as t


def test_the_gil_token_is_not_a_python_argument():
    assert str(inspect.signature(t.call_sqrt)) == "(x)"
    assert t.call_sqrt(16.0) == 4.0
    assert t.call_sqrt(x=2.25) == 1.5
    with pytest.raises(TypeError, match=r"call_sqrt\(\) takes 1 positional argument but 2 were given"):
        t.call_sqrt(1.0, 2.0)


def test_calls_with_positional_and_keyword_arguments():
    assert t.call_with_keyword(lambda a, b: a * 10 + b, 1.0, 2.0) == 12.0
    with pytest.raises(TypeError, match="unexpected keyword argument 'b'"):
        t.call_with_keyword(lambda a: a, 1.0, 2.0)


def test_get_and_set_attributes():
    class Box:
        v = 1
    box = Box()
    assert t.swap_attr(box, "v", "new") == 1
    assert box.v == "new"
    with pytest.raises(AttributeError):
        t.swap_attr(box, "missing", 1)


def test_eval_and_exec():
    assert t.eval_float("2 ** 0.5") == 2 ** 0.5
    with pytest.raises(TypeError, match="must be float, not str"):
        t.eval_float("'text'")
    with pytest.raises(SyntaxError):
        t.exec("def")


def test_a_python_exception_comes_back_as_the_same_object():
    with pytest.raises(ValueError) as info:
        t.exec("raise ValueError('outer') from KeyError('inner')")
    e = info.value
    assert str(e) == "outer"
    assert isinstance(e.__cause__, KeyError) and e.__cause__.args == ("inner",)
    assert e.__traceback__ is not None


def test_a_caught_python_exception_carries_type_message_and_traceback():
    report = t.exec_catching("def f():\n    return 1 / 0\nf()")
    kind, traceback = report.split("\n", 1)
    assert kind == "ZeroDivisionError: division by zero"
    assert "Traceback (most recent call last)" in traceback
    assert 'line 2, in f' in traceback
    assert t.exec_catching("x = 1") == "ok"


def test_scopes_keep_a_loop_of_a_million_evals_flat():
    t.eval_loop(50_000)
    gc.collect()
    before = rss_bytes()
    assert t.eval_loop(1_000_000) == 2   # each iteration's scope holds its namespace and result
    gc.collect()
    growth = rss_bytes() - before
    assert growth < 20 * 1024 * 1024, f"RSS grew by {growth / 2**20:.1f} MB"


def test_a_python_function_as_a_csharp_delegate():
    a = np.arange(5.0)
    t.apply(a, lambda x: x * x)
    assert a.tolist() == [0.0, 1.0, 4.0, 9.0, 16.0]
    b = np.arange(6.0)[::-2]   # strided
    t.apply(b, lambda x: -x)
    assert b.tolist() == [-5.0, -3.0, -1.0]
    seen = []
    t.notify(seen.append, "hello")
    assert seen == ["hello"]


def test_callback_errors():
    with pytest.raises(ZeroDivisionError):
        t.apply(np.ones(3), lambda x: 1 / 0)
    with pytest.raises(TypeError, match="argument 'f' must be callable, not int"):
        t.apply(np.ones(3), 5)
    with pytest.raises(TypeError, match=r"^callback passed as 'f' of apply returned str, expected float$"):
        t.apply(np.ones(3), lambda x: "no")


def test_another_thread_runs_while_the_gil_is_released():
    progress = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            progress.append(1)
            time.sleep(0.001)

    worker = threading.Thread(target=count)
    worker.start()
    try:
        time.sleep(0.05)
        before = len(progress)
        assert t.sleep_without_gil(0.5) == 0.5
        during = len(progress) - before
    finally:
        stop.set()
        worker.join()
    assert during > 50, f"the other thread advanced only {during} steps in 0.5 s"


def test_parallel_kernel_gives_the_serial_result():
    # Its speed-up is measured by the benchmark (bench/run.sh: "NdParallel.For"), not here:
    # a timed assertion fails whenever the machine is busy.
    x = np.random.default_rng(1).random(1_000_003)   # not a multiple of the chunk size
    a, b = x.copy(), x.copy()
    t.scale_serial(a, 2.0, 3)
    t.scale_parallel(b, 2.0, 3)
    np.testing.assert_array_equal(a, b)
    assert not np.any(b == x)   # every element was changed


def test_parallel_kernel_refuses_strided_arrays():
    with pytest.raises(ValueError, match="C-contiguous"):
        t.scale_parallel(np.ones(10)[::2], 1.0)


def test_ctrl_c_stops_a_long_kernel_with_keyboard_interrupt():
    code = textwrap.dedent("""
        import sys, time
        sys.path.insert(0, sys.argv[1])
        import nd_test
        print("ready", flush=True)
        try:
            nd_test.spin_checking(30.0)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted")
    """)
    modules = os.path.dirname(t.__file__)
    proc = subprocess.Popen([sys.executable, "-c", code, modules], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=20)
    assert out.strip() == "interrupted"
    assert time.monotonic() - start < 5


def run_rounds_in_threads(threads, seconds, during=None):
    """Starts `threads` Python threads that each run workload rounds (every nd_ext entry point, a
    call of every kind of nd_test entry point, cross-module calls, all results checked) for
    `seconds`; runs during(progress) meanwhile on this thread (progress[0] counts finished rounds). Returns each thread's (rounds, first round
    end, last round end) and the result of during()."""
    if not HAVE_NUMPY:
        pytest.skip("the workload rounds need numpy")
    import workload   # numpy throughout
    errors, stats, progress = [], [None] * threads, [0]
    start = threading.Barrier(threads + 1)
    rounds = (workload.nd_ext_round, workload.nd_test_round, workload.cross_round)

    def hammer(k):
        rng = np.random.default_rng(k)
        done, first = 0, None
        try:
            start.wait()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                rounds[done % 3](rng, done)
                done += 1
                progress[0] += 1
                first = first or time.monotonic()
        except BaseException as e:   # pragma: no cover - reported below
            errors.append((k, done, e))
        stats[k] = (done, first, time.monotonic())

    runners = [threading.Thread(target=hammer, args=(k,)) for k in range(threads)]
    for r in runners:
        r.start()
    start.wait()
    try:
        result = during(progress) if during else None
    finally:
        for r in runners:
            r.join()
    assert not errors, errors
    return stats, result


def test_many_python_threads_call_everything_at_once():
    # 8 threads x 3 s; GIL-releasing kernels (scale_parallel, sleep_without_gil) let the others run
    stats, _ = run_rounds_in_threads(8, 3.0)
    counts = [done for done, _, _ in stats]
    print(f"rounds per thread: {counts}")
    assert min(counts) >= 30, counts                         # every thread ran all three kinds many times
    assert max(first for _, first, _ in stats) < min(last for _, _, last in stats)   # all ran at once


def test_csharp_threads_acquire_the_gil_while_python_threads_run():
    stop = threading.Event()
    ticks = []

    def python_thread():
        while not stop.is_set():
            ticks.append(t.call_sqrt(4.0))

    runners = [threading.Thread(target=python_thread) for _ in range(4)]
    for r in runners:
        r.start()
    try:
        assert t.call_from_threads(lambda i: i, 8, 2000) == 8 * sum(range(2000))
    finally:
        stop.set()
        for r in runners:
            r.join()
    assert ticks and all(v == 2.0 for v in ticks)


def test_csharp_threads_call_both_modules_while_python_threads_call_everything():
    import nd_ext

    def from_csharp(i):
        # runs on one of 8 C# threads holding the GIL through Python.Acquire, calling back into
        # both modules (nd_test re-entered from its own C# thread)
        a = nd_ext.add_scalar_to_array(float(i), np.zeros(3))
        assert nd_test_sum(a) == 3.0 * i
        return int(nd_ext.add_scalars(float(i), 0.0)) + t.echo_int64(i)

    def nd_test_sum(a):
        return t.sum_float64(a)

    def during(progress):
        time.sleep(0.2)
        start, before = time.monotonic(), progress[0]
        total = t.call_from_threads(from_csharp, 8, 2000)
        return total, time.monotonic() - start, progress[0] - before

    stats, (total, seconds, rounds_meanwhile) = run_rounds_in_threads(4, 3.0, during)
    assert total == 8 * 2 * sum(range(2000))
    print(f"C# threads: {8 * 2000} calls in {seconds:.2f} s, meanwhile {rounds_meanwhile} Python rounds; "
          f"Python threads: {[d for d, _, _ in stats]} rounds")
    assert seconds < 2.5, "the Python threads must still be running when the C# threads finish"
    assert rounds_meanwhile >= 10, "the Python threads did not run while the C# threads held the GIL in turn"


def test_disposing_without_the_gil_queues_the_release():
    class Thing:
        pass
    thing = Thing()
    before = sys.getrefcount(Thing)
    assert t.dispose_without_gil(thing) >= 1
    t.call_sqrt(1.0)                              # any later call may run with the queue drained
    t.call_from_threads(lambda i: i, 1, 1)        # Python.Acquire drains it
    assert sys.getrefcount(Thing) == before


def test_borrowed_arguments_touch_no_reference_count():
    thing = object()
    # sys.getrefcount counts its own argument, as the borrowed count counts the call's argument.
    assert t.borrowed_count(thing) == sys.getrefcount(thing)
    assert t.owned_count(thing) == sys.getrefcount(thing) + 1   # the PyRef holds one more
    assert t.describe_borrowed(thing).startswith("object ")
    before = sys.getrefcount(thing)
    for _ in range(1000):
        t.borrowed_count(thing)
    assert sys.getrefcount(thing) == before
    assert t.keep_and_return(thing) is thing
    assert sys.getrefcount(thing) == before + 1   # kept in C# until replaced
    t.keep_and_return(None)
    assert sys.getrefcount(thing) == before
