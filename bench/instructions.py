#!/usr/bin/python3
"""Instructions per call of the small-call rows, counted by callgrind: the same figure on a busy
machine as on a quiet one, so two builds of nd_ext can be compared exactly (bench.py's times need
a quiet machine). Each row runs in a fresh interpreter twice, with 0 and with N calls after the same
warm-up; the difference over N is the cost of one call, interpreter loop included, which is why
the C extension's figure is given beside it.

    bench/instructions.py --nd-ext-dir .build/modules [--nd-ext-dir /tmp/other-build ...]
    bench/instructions.py --nd-ext-dir .build/modules --python ~/.pyenv/versions/3.13.0/bin/python3

Needs valgrind and bench/build_c.sh's nd_ext_c: for Debian's /usr/bin/python3 (the default) the
one with numpy; for another interpreter the numpy-free one built for its version, and then only the
rows without arrays run.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

BENCH_DIR = pathlib.Path(__file__).resolve().parent
CALLS = 20_000

TRY_F = "try: f()\n        except ValueError: pass"

# (row, setup, statement): the statement runs on locals, in a function, as bench.py times it.
ROWS = [
    ("add_scalars(1.0, 2.0)", "f = m.add_scalars; x = 2.0", "f(1.0, x)"),
    ("echo_datetime(d), naive", "import datetime; f = m.echo_datetime; d = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)",
     "f(d)"),
    ("scaled_sum(*3, **2)", "f = m.scaled_sum; x = 1.0; y = 2.0; z = 3.0; s = 2.0; t = 0.5",
     "f(x, y, z, a=s, b=t)"),
    ("new array, 10 elements", "f = m.add_scalar_to_array; a = np.ones(10)", "f(1.0, a)"),
    ("in place, 10 elements", "f = m.add_scalar_to_array_inplace; a = np.ones(10)", "f(1.0, a)"),
    ("Point(1.0, 2.0)", "P = m.Point; x = 1.0", "P(x, 2.0)"),
    ("p.distance()", "p = m.Point(3.0, 4.0)", "p.distance()"),
    ("p.x", "p = m.Point(3.0, 4.0)", "p.x"),
    ("p + q", "p = m.Point(3.0, 4.0); q = m.Point(1.0, 2.0)", "p + q"),
    ("s.area(), two levels below Shape", "s = m.Square(2.0)", "s.area()"),
    ("pickle round trip of Point", "import pickle; p = m.Point(3.0, 4.0); loads = pickle.loads; dumps = pickle.dumps",
     "loads(dumps(p))"),
    ("sum_list, 1,000 floats", "f = m.sum_list; xs = [float(i) for i in range(1000)]", "f(xs)"),
    ("make_list(1000)", "f = m.make_list; k = 1000", "f(k)"),
    ("bump_counts, 100 str -> int", "f = m.bump_counts; d = {f'key{i}': i for i in range(100)}", "f(d)"),
    # A try statement cannot follow "for ...:" on its line: the loop's body starts on the next one.
    ("raise and catch ArgumentException -> ValueError", "f = m.raise_mapped", "\n        " + TRY_F),
    ("raise and catch PyValueError -> ValueError", "f = m.raise_value_error", "\n        " + TRY_F),
    ("axpy y += a*x, 100,000 float64", "f = m.axpy; x = np.ones(100_000); y = np.zeros(100_000)", "f(0.5, x, y)"),
    ("dot, 100,000 float64", "f = m.dot; x = np.ones(100_000); y = np.ones(100_000)", "f(x, y)"),
    ("poly in place, foreach, 100,000 float64", "f = m.poly_foreach; a = np.full(100_000, 0.5)", "f(a)"),
    ("poly in place, span, 100,000 float64", "f = m.poly_span; a = np.full(100_000, 0.5)", "f(a)"),
    ("poly in place, vector, 100,000 float64", "f = m.poly_vector; a = np.full(100_000, 0.5)", "f(a)"),
    ("sum of squares, foreach, 100,000 float64", "f = m.sumsq_foreach; a = np.full(100_000, 0.5)", "f(a)"),
    ("sum of squares, span, 100,000 float64", "f = m.sumsq_span; a = np.full(100_000, 0.5)", "f(a)"),
    ("sum of squares, vector, 100,000 float64", "f = m.sumsq_vector; a = np.full(100_000, 0.5)", "f(a)"),
]
# Rows of 100-1,000 elements cost far more per call: fewer calls keep callgrind's run short.
CALLS_PER_ROW = {"sum_list, 1,000 floats": 2_000, "make_list(1000)": 2_000, "bump_counts, 100 str -> int": 2_000,
                 "raise and catch ArgumentException -> ValueError": 2_000, "raise and catch PyValueError -> ValueError": 2_000,
                 "axpy y += a*x, 100,000 float64": 20, "dot, 100,000 float64": 20,
                 **{f"{k}, {form}, 100,000 float64": 20 for k in ("poly in place", "sum of squares")
                    for form in ("foreach", "span", "vector")}}

PROGRAM = """
import sys, gc
{numpy}
sys.path.insert(0, {path!r})
import {module} as m
def main(n):
    {setup}
    for _ in range(2000): {stmt}
    gc.disable()
    for _ in range(n): {stmt}
main(int(sys.argv[1]))
"""


def instructions(program: str, calls: int, python: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "callgrind.out"
        script = pathlib.Path(tmp) / "row.py"
        script.write_text(program)
        env = dict(os.environ, PYTHONHASHSEED="0")   # dict layouts, hence lookups, repeat exactly
        r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python,
                            str(script), str(calls)], capture_output=True, text=True, env=env)
        found = re.search(r"Collected : (\d+)", r.stderr)
        if r.returncode != 0 or not found:
            raise SystemExit(f"callgrind failed:\n{r.stderr[-2000:]}")
        return int(found.group(1))


def per_call(python: str, module_dir: str, module: str, setup: str, stmt: str, calls: int = CALLS) -> float:
    numpy = "import numpy as np" if "np." in setup else ""
    program = PROGRAM.format(path=module_dir, module=module, setup=setup, stmt=stmt, numpy=numpy)
    return (instructions(program, calls, python) - instructions(program, 0, python)) / calls


def module_copy(directory: str, tmp: pathlib.Path, index: int) -> str:
    """The nd_ext module alone: callgrind gives up on a NativeAOT .dbg file beside it (a folder
    published before the publish step kept symbols out of it may hold one)."""
    src = next(pathlib.Path(directory).glob("nd_ext*.so"))
    dst = tmp / str(index)
    dst.mkdir()
    shutil.copy(src, dst / src.name)
    return str(dst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nd-ext-dir", action="append", required=True, help="a directory holding nd_ext*.so")
    parser.add_argument("--python", default=sys.executable, help="the interpreter (default: this one)")
    parser.add_argument("--only", action="append", help="rows whose name contains this (repeatable)")
    args = parser.parse_args()
    version = subprocess.run([args.python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    has_numpy = subprocess.run([args.python, "-c", "import numpy"], capture_output=True).returncode == 0
    c_dir = str(BENCH_DIR / ".build") if has_numpy else str(BENCH_DIR / ".build" / version)
    rows = [row for row in ROWS if (has_numpy or "np." not in row[1])
            and (not args.only or any(o in row[0] for o in args.only))]
    print(f"CPython {version} ({args.python}){'' if has_numpy else ', no numpy: rows without arrays'}")
    with tempfile.TemporaryDirectory() as tmp:
        dirs = [module_copy(d, pathlib.Path(tmp), i) for i, d in enumerate(args.nd_ext_dir)]
        print("| row | C | " + " | ".join(f"nd_ext {i + 1}" for i in range(len(dirs))) + " |")
        print("| --- | ---: |" + " ---: |" * len(dirs))
        for row, setup, stmt in rows:
            calls = CALLS_PER_ROW.get(row, CALLS)
            c = per_call(args.python, c_dir, "nd_ext_c", setup, stmt, calls)
            cells = []
            for d in dirs:
                try:
                    n = per_call(args.python, d, "nd_ext", setup, stmt, calls)
                except SystemExit:          # a build without this row's function (an older one)
                    cells.append("-")
                    continue
                cells.append(f"{n:.0f} ({n / c:.2f}x)")
            print(f"| {row} | {c:.0f} | " + " | ".join(cells) + " |", flush=True)
    for i, d in enumerate(args.nd_ext_dir):
        print(f"nd_ext {i + 1}: {d}")


if __name__ == "__main__":
    main()
