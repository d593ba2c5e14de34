"""Runs a hostile Python program in a fresh interpreter, so that a crash or a hang fails one test.

The test_hostile_*.py files use it: each case is a program that does something a real Python
program may do to a module (fork, re-enter, reshape an argument mid-call, call back during
shutdown, ...). The case passes only if the child exits by itself with status 0 within its time
limit; a signal (SIGSEGV, SIGABRT), a non-zero status or a time-out fails it with the child's
output, so a crash is seen as what it is.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from conftest import MODULES


def run_hostile(code: str, *, timeout: float = 60, python: str = sys.executable,
                env: dict | None = None, faulthandler: bool = True) -> str:
    """Runs `code` (dedented) in a child interpreter with the published modules importable.

    Returns the child's stdout. Fails the test if the child died of a signal, exited non-zero or
    did not finish within `timeout` seconds (the whole process group is killed then).
    """
    child_env = dict(os.environ if env is None else env)
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(MODULES), child_env.get("PYTHONPATH")]))
    args = [python] + (["-X", "faulthandler"] if faulthandler else []) + ["-c", textwrap.dedent(code)]
    proc = subprocess.Popen(args, cwd=str(MODULES), env=child_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError(f"hung: no exit within {timeout} s\n--- stdout\n{out}\n--- stderr\n{err}")
    if proc.returncode < 0:
        name = signal.Signals(-proc.returncode).name
        raise AssertionError(f"killed by {name}\n--- stdout\n{out}\n--- stderr\n{err}")
    if proc.returncode != 0:
        raise AssertionError(f"exit status {proc.returncode}\n--- stdout\n{out}\n--- stderr\n{err}")
    return out

