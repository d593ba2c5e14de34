"""Hostile programs around threads, scopes and signals (issue 14, items 4, 5, 7, 8).

Each case runs in a child interpreter through hostile.run_hostile: a signal, a non-zero exit or a
hang fails it. Every case asserts which it ends with: a Python exception or the correct result.
"""
import textwrap

from conftest import needs_numpy
from hostile import run_hostile


# --- 4. C# threads calling into Python while it finalizes ------------------------------------------

def test_callback_threads_in_a_final_del_raise_runtime_error():
    """call_from_threads inside a __del__ run by Py_FinalizeEx: the C# threads are refused the GIL
    (CPython would end them with pthread_exit, losing their work), and the caller gets a RuntimeError
    naming the cause instead of a silent 0."""
    out = run_hostile("""
        import nd_test
        class Last:
            def __del__(self):
                try:
                    print("result", nd_test.call_from_threads(lambda i: 1, 2, 10), flush=True)
                except RuntimeError as e:
                    print("RuntimeError", e, flush=True)
        keep = Last()          # a module global: its __del__ runs while the interpreter finalizes
    """, timeout=30)
    assert out.startswith("RuntimeError NdBindgen.PythonFinalizingException: Python is finalizing"), out


def test_callback_threads_in_an_atexit_handler_give_the_full_result():
    """atexit handlers run while the interpreter is intact: the C# threads get the GIL and the result is whole."""
    out = run_hostile("""
        import atexit, nd_test
        atexit.register(lambda: print("result", nd_test.call_from_threads(lambda i: 1, 2, 10), flush=True))
    """, timeout=30)
    assert out.strip() == "result 20"


def test_background_csharp_threads_at_shutdown_stop_with_an_exception():
    """C# threads still calling back when the main thread exits: the runtime's atexit hook closes the
    gate, so each stops with PythonFinalizingException, none is ended silently by CPython; the process
    exits normally. (The first atexit handler, which runs last, gives the threads time to print.)"""
    out = run_hostile("""
        import atexit, time
        atexit.register(time.sleep, 1.0)
        import nd_test
        calls = [0]
        def f(i):
            calls[0] += 1
            return i
        nd_test.call_until_refused(f, 4)
        while calls[0] < 1000:
            time.sleep(0.01)
        print("exiting", flush=True)
    """, timeout=30)
    lines = out.splitlines()
    assert lines[0] == "exiting"
    assert sorted(lines[1:]) == [f"worker {k}: PythonFinalizingException" for k in range(4)], out


def test_python_daemon_thread_in_a_callback_kernel_at_shutdown():
    """A Python daemon thread inside call_from_threads (GIL released, C# threads calling back) when
    the interpreter exits: no hang, no crash."""
    out = run_hostile("""
        import threading, time, nd_test
        started = threading.Event()
        def f(i):
            started.set()
            time.sleep(0.001)
            return 1
        threading.Thread(target=lambda: nd_test.call_from_threads(f, 4, 10**9), daemon=True).start()
        started.wait(10)
        print("exiting", flush=True)
    """, timeout=30)
    assert out.strip() == "exiting"


# --- 5a. a PyScope owns only what its own code made ------------------------------------------------

def test_outer_scope_does_not_release_values_a_nested_call_stored():
    """A C# function opens a PyScope and calls back into Python, which calls this module again with
    arguments a [PyClass] stores (a property, a method, a function storing its own eval result):
    closing the outer scope must leave them alive."""
    out = run_hostile("""
        import gc, nd_test
        h, r = nd_test.Holder(), nd_test.Registry()
        def inner():
            h.item = [1, 2]                           # setter: a PyRef argument, stored
            h.push("pushed")                          # method: a PyRef argument, stored
            r.put("k", {"v": 3})                      # IPyTraverse class: a PyRef argument, stored
            return nd_test.Holder("returned")         # the call's own result: the scope's to release
        held = nd_test.call_in_scope(inner)
        assert (h.item, h.peek(0), r.get("k")) == ([1, 2], "pushed", {"v": 3}), "values lost"
        nd_test.call_in_scope(lambda: nd_test.store_eval(h, "'made by store_eval'"))
        assert h.item == "made by store_eval"
        gc.collect()
        print(held, h.item, h.peek(0), r.get("k"))
    """, timeout=30)
    assert out.strip() == "1 made by store_eval pushed {'v': 3}"


# --- 5b. deferred releases are per thread ---------------------------------------------------------

def test_a_slow_dealloc_on_one_thread_does_not_hold_another_threads_releases():
    """Thread A deallocates a Holder whose item's __del__ sleeps (GIL released); meanwhile thread B
    passes 20,000 payloads to a function that releases its PyRef argument: each payload dies at once,
    its weakref callback on B's thread, not deferred to A's deallocation."""
    out = run_hostile("""
        import threading, time, weakref, nd_test
        in_del, b_done = threading.Event(), threading.Event()
        class Slow:
            def __del__(self):
                in_del.set()
                b_done.wait(60)                       # waits with the GIL released, mid-dealloc
        class Payload:
            pass
        died_on, alive_after = [], []
        def a():
            h = nd_test.Holder(Slow())
            del h                                     # dealloc -> tp_clear -> Slow.__del__
        def b():
            in_del.wait(10)
            me = threading.get_ident()
            for _ in range(20_000):
                p = Payload()
                w = weakref.ref(p, lambda _: died_on.append(threading.get_ident()))
                nd_test.owned_count(p)                # makes and releases a PyRef to p
                del p
                if w() is not None:
                    alive_after.append(1)
            b_done.set()
            print("b", len(alive_after), len(died_on), all(t == me for t in died_on), flush=True)
        ta, tb = threading.Thread(target=a), threading.Thread(target=b)
        ta.start(); tb.start(); tb.join(); ta.join()
    """, timeout=60)
    assert out.strip() == "b 0 20000 True"


# --- 7. Ctrl-C during a GIL-released kernel -------------------------------------------------------

# A program started in the background by a non-interactive shell inherits SIGINT ignored, and
# Python then installs no handler for it: each Ctrl-C case installs Python's default one itself.
KERNEL = """
    import os, signal, threading, time, numpy as np, nd_test
    signal.signal(signal.SIGINT, signal.default_int_handler)
    def ctrl_c_in(seconds):
        threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    a = np.ones(4_000_000)
    start = time.monotonic()
    nd_test.scale_parallel(a, 1.0, 1)
    one = time.monotonic() - start
"""


@needs_numpy
def test_ctrl_c_stops_a_parallel_kernel_early_with_keyboard_interrupt():
    """scale_parallel for ~500 repeats (tens of seconds) with the GIL released: SIGINT 0.5 s in
    arrives as KeyboardInterrupt within a second, and the next kernel runs to its correct end."""
    out = run_hostile(textwrap.dedent(KERNEL) + textwrap.dedent("""
        ctrl_c_in(0.5)
        start = time.monotonic()
        try:
            nd_test.scale_parallel(a, 1.0, 500)
            print("finished", flush=True)
        except KeyboardInterrupt:
            print(f"interrupted {time.monotonic() - start:.2f} {one * 500:.1f}", flush=True)
        b, c = np.linspace(0, 1, 100_000), np.linspace(0, 1, 100_000)
        nd_test.scale_parallel(b, 2.0, 2)
        nd_test.scale_serial(c, 2.0, 2)
        print("after", np.array_equal(b, c))
    """), timeout=120)
    first, after = out.splitlines()
    word, took, kernel = first.split()
    assert word == "interrupted", out
    assert float(took) < 1.5 and float(kernel) > 10 * float(took), out
    assert after == "after True"


def test_ctrl_c_stops_a_kernel_that_checks_python_interrupt_pending():
    """A plain GIL-released loop calling Python.ThrowIfInterrupted: KeyboardInterrupt within a second of SIGINT."""
    out = run_hostile("""
        import os, signal, threading, time, nd_test
        signal.signal(signal.SIGINT, signal.default_int_handler)
        threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        start = time.monotonic()
        try:
            nd_test.spin_without_gil(30.0)
            print("finished")
        except KeyboardInterrupt:
            print(f"interrupted {time.monotonic() - start:.2f}")
        print("spun", round(nd_test.spin_without_gil(0.2), 1))    # the interrupt was consumed
    """, timeout=60)
    first, second = out.splitlines()
    assert first.split()[0] == "interrupted" and float(first.split()[1]) < 1.5, out
    assert second == "spun 0.2"


def test_ctrl_c_from_the_parent_process_reaches_a_kernel_on_the_main_thread():
    """SIGINT sent by another process (a terminal's Ctrl-C) while the main thread is in the kernel."""
    out = run_hostile("""
        import os, signal, subprocess, sys, time, nd_test
        signal.signal(signal.SIGINT, signal.default_int_handler)
        killer = subprocess.Popen([sys.executable, "-c",
                                   f"import os, signal, time; time.sleep(0.5); os.kill({os.getpid()}, signal.SIGINT)"])
        start = time.monotonic()
        try:
            nd_test.spin_without_gil(30.0)
        except KeyboardInterrupt:
            print(f"interrupted {time.monotonic() - start:.2f}")
        killer.wait()
    """, timeout=60)
    assert out.split()[0] == "interrupted" and float(out.split()[1]) < 2.0, out


def test_a_custom_sigint_handler_still_runs_and_an_ignored_sigint_does_not_stop_the_kernel():
    """Python's handler stays in charge: a handler that raises its own exception has it raised;
    with SIGINT ignored the kernel runs to its end."""
    out = run_hostile("""
        import os, signal, threading, nd_test
        class Mine(Exception):
            pass
        def handler(signum, frame):
            raise Mine("custom")
        signal.signal(signal.SIGINT, handler)
        threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            nd_test.spin_without_gil(30.0)
        except Mine as e:
            print("mine", e)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        print("spun", round(nd_test.spin_without_gil(1.0), 1))
    """, timeout=60)
    assert out.splitlines() == ["mine custom", "spun 1.0"]


def test_an_earlier_wakeup_fd_still_gets_every_signal():
    """A program's own signal.set_wakeup_fd (set before the first kernel) keeps receiving the signal bytes."""
    out = run_hostile("""
        import os, signal, socket, threading, nd_test
        signal.signal(signal.SIGINT, signal.default_int_handler)
        r, w = socket.socketpair()
        r.setblocking(False); w.setblocking(False)
        signal.set_wakeup_fd(w.fileno())
        threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            nd_test.spin_without_gil(30.0)
        except KeyboardInterrupt:
            print("interrupted")
        import time; time.sleep(0.2)
        print("forwarded", list(r.recv(16)))
    """, timeout=60)
    assert out.splitlines() == ["interrupted", f"forwarded [{2}]"]


# --- 8. a bad callback result from a C# thread ------------------------------------------------------

def test_a_bad_callback_result_names_the_callback():
    out = run_hostile("""
        import nd_test
        for f in (lambda i: "x", lambda i: 1.5, lambda i: None):
            try:
                nd_test.call_from_threads(f, 2, 3)
            except TypeError as e:
                print(e)
        try:
            nd_test.call_from_threads(lambda i: 2**70, 1, 1)
        except OverflowError as e:
            print(e)
        print(nd_test.call_from_threads(lambda i: i, 2, 3))
    """, timeout=30)
    assert out.splitlines() == [
        "callback passed as 'func' of call_from_threads returned str, expected int",
        "callback passed as 'func' of call_from_threads returned float, expected int",
        "callback passed as 'func' of call_from_threads returned None, expected int",
        "the result of the callback passed as 'func' of call_from_threads = 1180591620717411303424 is out of range "
        "for int64 (-9223372036854775808 to 9223372036854775807)",
        "6",
    ]
