"""examples/Memory: the tutorial's memory lessons, run as the NativeAOT program that hosts CPython.

Published by scripts/test.sh to .build/memory (NDBINDGEN_MEMORY_EXE overrides the path)."""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXE = pathlib.Path(os.environ.get("NDBINDGEN_MEMORY_EXE", REPO / ".build" / "memory" / "Memory"))


@pytest.fixture(scope="module")
def output():
    if not EXE.exists():
        pytest.fail(f"{EXE} is missing: dotnet publish examples/Memory -c Release -o .build/memory")
    result = subprocess.run([str(EXE)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def line_after(lines, heading):
    return lines[lines.index(heading) + 1:]


def test_temporaries_live_until_the_scope_ends(output):
    rest = line_after(output, "1. Temporaries live until their scope ends (the tutorial's GIL pool).")
    assert rest[0] == "  inside the scope, after 3 calls (3 temporaries held): sentinel refcount = baseline + 3"
    assert rest[1] == "  after the scope: sentinel refcount = baseline + 0"


def test_a_scope_per_iteration_keeps_a_loop_flat(output):
    rest = line_after(output, "2. One scope per loop iteration keeps a long loop flat.")
    assert rest[0] == "  1000 calls in one scope: sentinel refcount = baseline + 1000"
    assert rest[1] == "  1000 calls, a scope per iteration: sentinel refcount = baseline + 0"


def test_dispose_with_the_gil_releases_at_once(output):
    rest = line_after(output, "3. An owned reference disposed with the GIL is released at once.")
    assert rest[:2] == ["  holding one result: sentinel refcount = baseline + 1",
                        "  after Dispose: sentinel refcount = baseline + 0"]


def test_dispose_without_the_gil_is_deferred(output):
    rest = line_after(output, "4. Disposed without the GIL, the release waits for the GIL.")
    assert rest[0] == "  after Dispose without the GIL (1 release queued): sentinel refcount = baseline + 1"
    assert rest[1] == "  after the next Python.Acquire (0 releases queued): sentinel refcount = baseline + 0"


def test_python_exceptions_carry_type_message_and_traceback(output):
    rest = line_after(output, "5. A Python exception surfaces as a C# exception with the Python type, message and traceback.")
    assert rest[0] == "  caught PythonException: KeyError: 'missing'"
    assert rest[1] == "  | Traceback (most recent call last):"
    assert '  |   File "<string>", line 2, in f' in rest


def test_the_interpreter_shuts_down_cleanly(output):
    assert output[-1] == "6. The interpreter shut down cleanly (Py_FinalizeEx returned 0)."
