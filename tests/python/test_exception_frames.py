""".NET frames in the Python traceback (issue 19, item 4).

An exception raised by C# code carries, between the Python frames of its caller and any Python frames the
C# code called into, one traceback entry per C# method from the entry point to the throw:
``File "<Assembly+0xADDRESS>", line 0, in Namespace.Type.Method`` (NativeAOT on .NET 10 keeps method names
but no file or line; the address is where addr2line finds them in the module's .so.dbg). The runtime's own
frames and the generated glue are left out. The functions are tests/NdTestModule/ExceptionsFrames.cs;
nd_frames_off is the same file published with ``PyDotNetFrames=false`` (tests/NdFramesOff): no .NET frames.
"""
import gc
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time
import traceback
import types

import pytest

import nd_test
from conftest import MODULES, REPO

try:
    import nd_frames_off
except ImportError as e:   # a failure, not a skip: the opt-out is half of what this file tests
    nd_frames_off = None
    FRAMES_OFF_MISSING = (f"cannot import nd_frames_off from {MODULES}: {e}; publish it first: "
                          "dotnet publish tests/NdFramesOff -c Release -o .build/modules")

CHAIN = "NdTestModule.FramesChain."
PLACEHOLDER = re.compile(r"<NdTestModule\+0x[0-9a-f]+>")


def caught(f, *args):
    """The exception f(*args) raises (and fails the test if it raises none)."""
    try:
        f(*args)
    except BaseException as e:   # noqa: B036 - whatever it is, the test looks at it
        return e
    pytest.fail(f"{f.__name__} raised nothing")


def entries(exc):
    """(name, filename, lineno) of each traceback entry, outermost first."""
    return [(f.name, f.filename, f.lineno) for f in traceback.extract_tb(exc.__traceback__)]


def dotnet_names(exc):
    return [name for name, filename, _ in entries(exc) if filename.startswith("<")]


def frames_off():
    if nd_frames_off is None:
        pytest.fail(FRAMES_OFF_MISSING)
    return nd_frames_off


def test_a_call_chain_shows_each_csharp_method_under_the_python_caller_outermost_first():
    e = caught(nd_test.frames_raise_chain)
    assert isinstance(e, RuntimeError) and str(e) == "System.InvalidOperationException: chain failed"
    tb = entries(e)
    # The Python caller first (this function, the line that called), then C#'s, the throw site last.
    assert tb[0][0] == "caught" and tb[0][1] == __file__
    assert [name for name, _, _ in tb[1:]] == [CHAIN + "FrameA", CHAIN + "FrameB", CHAIN + "FrameC"]
    for _, filename, lineno in tb[1:]:
        assert PLACEHOLDER.fullmatch(filename), filename
        assert lineno == 0   # no line: NativeAOT keeps none, and 0 names no line of any file


def test_format_exc_prints_the_csharp_frames_as_entries_of_their_own():
    try:
        nd_test.frames_raise_chain()
    except RuntimeError:
        text = traceback.format_exc()
    lines = text.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeError: System.InvalidOperationException: chain failed"
    csharp = [line for line in lines if "NdTestModule+0x" in line]
    assert len(csharp) == 3
    for line, method in zip(csharp, ["FrameA", "FrameB", "FrameC"]):
        assert re.fullmatch(r'  File "<NdTestModule\+0x[0-9a-f]+>", line 0, in NdTestModule\.FramesChain\.' + method, line), line
    # After this test's own frame and its source line (3.13: and its carets), nothing of the runtime or the glue.
    assert __file__ in lines[1] and "nd_test.frames_raise_chain()" in lines[2]
    assert [line for line in lines[3:lines.index(csharp[0])] if set(line.strip()) - set("~^")] == []
    assert "NdBindgen" not in text


def test_an_uncaught_exception_prints_the_csharp_frames_through_sys_excepthook():
    """The interpreter's own printer (C code before 3.13, the traceback module in 3.13) shows them too."""
    proc = subprocess.run([sys.executable, "-c", "import nd_test\nnd_test.frames_raise_chain()"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(MODULES)}, timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert [re.sub(r"0x[0-9a-f]+", "0x?", line) for line in lines[-4:]] == [
        '  File "<NdTestModule+0x?>", line 0, in NdTestModule.FramesChain.FrameA',
        '  File "<NdTestModule+0x?>", line 0, in NdTestModule.FramesChain.FrameB',
        '  File "<NdTestModule+0x?>", line 0, in NdTestModule.FramesChain.FrameC',
        "RuntimeError: System.InvalidOperationException: chain failed",
    ], proc.stderr


def test_a_python_callback_that_raises_keeps_its_exception_with_the_csharp_frames_above_its_own():
    raised = []

    def callback():
        raised.append(ValueError("from the callback"))
        raise raised[0]

    e = caught(nd_test.frames_call_back, callback)
    assert e is raised[0]   # the very object, as before
    tb = entries(e)
    assert [name for name, _, _ in tb] == ["caught", CHAIN + "FrameCallsBack", "callback"]
    assert tb[2][1] == __file__ and tb[2][2] > 0   # the callback's frame keeps its file and line


def test_the_cause_has_its_own_csharp_frames():
    e = caught(nd_test.frames_raise_with_cause)
    assert isinstance(e, ValueError) and str(e) == "outer failed"
    assert dotnet_names(e) == [CHAIN + "FrameWraps"]   # thrown in FrameWraps' catch block
    cause = e.__cause__
    assert isinstance(cause, KeyError) and cause.args == ("inner failed",)
    # The inner exception's stack: from FrameWraps, which caught it, down to its throw site.
    assert [name for name, _, _ in entries(cause)] == [CHAIN + "FrameWraps", CHAIN + "FrameInner", CHAIN + "FrameInnermost"]
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    first, second = text.split("The above exception was the direct cause of the following exception:")
    assert "in NdTestModule.FramesChain.FrameInnermost" in first and "KeyError: 'inner failed'" in first
    assert "in NdTestModule.FramesChain.FrameInnermost" not in second and "ValueError: outer failed" in second


def test_the_users_frames_on_both_sides_of_the_bcl_stay():
    e = caught(nd_test.frames_through_linq, [1, 2, -3])
    assert isinstance(e, OverflowError)
    names = dotnet_names(e)
    assert names[0] == CHAIN + "FrameSums" and names[-1] == CHAIN + "FrameChecked"
    middle = names[1:-1]
    assert middle and all(name.startswith("System.Linq.") for name in middle), names
    assert all(filename.startswith("<System.Linq+0x") for name, filename, _ in entries(e) if name in middle)


def test_lambdas_and_local_functions_are_named_after_the_method_that_holds_them():
    e = caught(nd_test.frames_through_lambda, 1)
    assert dotnet_names(e) == [CHAIN + "FrameHoldsLambda", CHAIN + "FrameHoldsLambda.Twice",
                               CHAIN + "FrameHoldsLambda.<lambda>"]


def test_a_deep_recursion_keeps_the_200_frames_nearest_the_throw():
    assert dotnet_names(caught(nd_test.frames_recurse, 5)) == [CHAIN + "FrameRecursive"] * 6
    e = caught(nd_test.frames_recurse, 1000)
    names = dotnet_names(e)
    assert names == [CHAIN + "FrameRecursive"] * 200
    assert len(entries(e)) == 201   # and the Python caller
    assert isinstance(caught(nd_test.frames_recurse, 10001), ValueError)   # refused before the stack runs out


def test_the_opt_out_module_raises_the_same_exceptions_without_csharp_frames():
    off = frames_off()
    e = caught(off.frames_raise_chain)
    assert isinstance(e, RuntimeError) and str(e) == "System.InvalidOperationException: chain failed"
    assert entries(e) == [("caught", __file__, entries(e)[0][2])]

    def callback():
        raise LookupError("x")

    e = caught(off.frames_call_back, callback)
    assert [name for name, _, _ in entries(e)] == ["caught", "callback"]
    e = caught(off.frames_raise_with_cause)
    assert dotnet_names(e) == [] and dotnet_names(e.__cause__) == [] and e.__cause__.__traceback__ is None


def test_the_code_objects_are_made_once_per_call_site_and_the_frames_are_freed():
    def csharp_codes():
        e = caught(nd_test.frames_raise_chain)
        tb, codes = e.__traceback__, []
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.startswith("<"):
                codes.append(tb.tb_frame.f_code)
            tb = tb.tb_next
        return codes

    first = csharp_codes()
    assert len(first) == 3
    gc.collect()   # the first traceback is in a cycle (its frames hold the exception)
    counts = [sys.getrefcount(code) for code in first]
    frames_before = sum(isinstance(o, types.FrameType) for o in gc.get_objects())
    for _ in range(1000):
        again = csharp_codes()
        assert all(a is b for a, b in zip(again, first))   # the same code objects: cached, not made anew
        del again
    gc.collect()
    assert [sys.getrefcount(code) for code in first] == counts   # every frame that held one was freed
    frames_after = sum(isinstance(o, types.FrameType) for o in gc.get_objects())
    assert frames_after <= frames_before + 2, (frames_before, frames_after)


LEAK_CHECK = """
import gc, sys
sys.path.insert(0, sys.argv[1])
import nd_test
def run(n):
    for _ in range(n):
        for f, args in ((nd_test.frames_raise_chain, ()), (nd_test.frames_raise_with_cause, ()),
                        (nd_test.frames_through_lambda, (1,)), (nd_test.frames_recurse, (5,))):
            try:
                f(*args)
            except Exception:
                pass
run(50)
gc.collect()
before = sys.gettotalrefcount()
run(1000)
gc.collect()
print(sys.gettotalrefcount() - before)
"""


@pytest.mark.skipif(not os.path.exists("/usr/bin/python3.11-dbg"), reason="needs python3.11-dbg (sys.gettotalrefcount)")
def test_a_thousand_raises_with_frames_leave_the_total_reference_count_where_it_was():
    """4000 raises, each making frames and tracebacks for 3-6 C# methods and a cause: in the debug interpreter the
    total of all reference counts ends where it started (a leak of one reference per raise would be 4000)."""
    proc = subprocess.run(["/usr/bin/python3.11-dbg", "-c", LEAK_CHECK, str(MODULES)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert abs(int(proc.stdout.strip().splitlines()[-1])) < 50, proc.stdout


@pytest.mark.skipif(shutil.which("addr2line") is None, reason="needs addr2line (binutils)")
def test_addr2line_turns_each_address_into_the_file_and_line_of_the_call():
    """How a user gets file and line today: the module's debug symbols (<Assembly>.so.dbg, which the publish
    keeps in bin/<configuration>/<tfm>/<rid>/native/) and the address in the placeholder."""
    symbols = REPO / "tests/NdTestModule/bin/Release/net10.0/linux-x64/native/NdTestModule.so.dbg"
    if not symbols.exists() or symbols.stat().st_mtime < (MODULES / "nd_test.so").stat().st_mtime - 600:
        pytest.skip(f"no debug symbols of this nd_test build at {symbols}")
    e = caught(nd_test.frames_raise_chain)
    addresses = [PLACEHOLDER.fullmatch(filename).group(0)[len("<NdTestModule+"):-1]
                 for _, filename, _ in entries(e)[1:]]
    out = subprocess.run(["addr2line", "-e", str(symbols), *addresses], capture_output=True, text=True, check=True).stdout
    source = (REPO / "tests/NdTestModule/ExceptionsFrames.cs").read_text().splitlines()
    found = []
    for location in out.split():
        path, line = location.rsplit(":", 1)
        assert pathlib.Path(path).name == "ExceptionsFrames.cs", out
        found.append(source[int(line) - 1].strip())
    assert found == [
        "private static int FrameA(int x) => FrameB(x + 1) + 1;",
        "private static int FrameB(int x) => FrameC(x + 1) + 1;",
        'private static int FrameC(int x) => x > 0 ? throw new InvalidOperationException("chain failed") : x;',
    ]


def test_the_cost_of_the_frames_per_raise():
    """Reported, with a bound far above it: a raise through three C# frames, with and without them."""
    off = frames_off()

    def per_raise(f, n=20000):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for _ in range(n):
                try:
                    f()
                except RuntimeError:
                    pass
            best = min(best, (time.perf_counter() - start) / n)
        return best

    with_frames, without = per_raise(nd_test.frames_raise_chain), per_raise(off.frames_raise_chain)
    print(f"\nraise + catch through 3 C# frames: {with_frames * 1e6:.2f} us with the frames, "
          f"{without * 1e6:.2f} us without ({(with_frames - without) * 1e6:.2f} us for the frames)")
    assert with_frames - without < 50e-6
