#!/usr/bin/python3
"""Instructions per call of the small-call rows, counted by callgrind: the same figure on a busy
machine as on a quiet one, so two builds of nd_ext can be compared exactly (bench.py's times need
a quiet machine). One interpreter per module runs every row under callgrind with collection off;
each row warms up, then runs its statement 0 and then N times between two client requests
(bench/c_ext/callgrind_marks.c) that count only that window: the difference over N is the cost of
one call, interpreter loop included, which is why the C extension's figure is given beside it.

    bench/instructions.py --nd-ext-dir .build/modules [--nd-ext-dir /tmp/other-build ...]
    bench/instructions.py --nd-ext-dir .build/modules --python ~/.pyenv/versions/3.13.0/bin/python3
    bench/instructions.py --nd-ext-dir .build/modules --check bench/instructions-baseline.json
    bench/instructions.py --nd-ext-dir .build/modules --write-baseline bench/instructions-baseline.json

--check fails (exit 1) naming each row whose nd_ext/C ratio grew more than 5% over the baseline
file's, or which the baseline has and this run could not count. --json PATH writes the counts;
--from-json PATH checks counts written earlier instead of running callgrind.

Needs valgrind and bench/build_c.sh's nd_ext_c and callgrind_marks.so: for Debian's /usr/bin/python3
(the default) the nd_ext_c with numpy; for another interpreter the numpy-free one built for its
version, and then only the rows without arrays run.
"""
from __future__ import annotations

import argparse
import json
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

# The rows issue 21 asked for (kept apart from the rows above, which other changes append to). The
# reference-type class form, nd_ext.PointClass, has the same C contender: nd_ext_c.Point.
ROWS += [
    ("p.x = v", "p = m.Point(3.0, 4.0); v = 5.0", "p.x = v"),
    ("p.distance(q)", "p = m.Point(3.0, 4.0); q = m.Point(1.0, 2.0)", "p.distance(q)"),
    ("PointClass(1.0, 2.0)", "P = m.PointClass; x = 1.0", "P(x, 2.0)"),
    ("pc.x", "pc = m.PointClass(3.0, 4.0)", "pc.x"),
    ("pc.distance()", "pc = m.PointClass(3.0, 4.0)", "pc.distance()"),
    ("in place, 1,000,000 elements", "f = m.add_scalar_to_array_inplace; a = np.ones(1_000_000)", "f(1.0, a)"),
]
CALLS_PER_ROW["in place, 1,000,000 elements"] = 20

RATIO_TOLERANCE = 0.05   # --check: a row fails when its ratio grows by more than this fraction

# One interpreter per module runs every row. It starts and imports uninstrumented
# (--instr-atstart=no), then counts only between mark_begin() and mark_end(name)
# (--collect-atstart=no), each mark_end dumping its window's count to a file of its own, and only
# the main thread's (--separate-threads=yes).
PROGRAM = """
import ctypes, gc, sys
marks = ctypes.CDLL({marks!r})
begin, end = marks.mark_begin, marks.mark_end
end.argtypes = [ctypes.c_char_p]
{numpy}
sys.path.insert(0, {path!r})
import {module} as m
if {alias_point_class} and not hasattr(m, "PointClass"):
    m.PointClass = m.Point       # the C contender of the reference-type class rows
marks.mark_instrument()          # the start and the imports ran uninstrumented (--instr-atstart=no)
"""

# A row: set up, warm up (caches, specialisation), then a window of 0 and one of n calls.
ROW_PROGRAM = """
def row_{index}(n):
    try:
        {setup}
    except (AttributeError, ImportError):
        print("missing: " + {name!r})      # a build without this row's function (an older one)
        return
    for _ in range(2000): {stmt}
    gc.disable()
    begin()
    for _ in range(0): {stmt}
    end(b"0 {index}")
    begin()
    for _ in range(n): {stmt}
    end(b"n {index}")
    gc.enable()
row_{index}({calls})
"""


def program_for(rows: list[tuple[str, str, str]], module_dir: str, module: str, marks: str) -> str:
    numpy = "import numpy as np" if any("np." in setup for _, setup, _ in rows) else ""
    text = PROGRAM.format(marks=marks, numpy=numpy, path=module_dir, module=module,
                          alias_point_class=module == "nd_ext_c")
    for index, (name, setup, stmt) in enumerate(rows):
        text += ROW_PROGRAM.format(index=index, name=name, setup=setup, stmt=stmt,
                                   calls=CALLS_PER_ROW.get(name, CALLS))
    return text


def counts(rows: list[tuple[str, str, str]], module_dir: str, module: str, python: str, marks: str) -> dict:
    """Row name -> instructions per call (None where the module lacks the row's function)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "callgrind.out"
        script = pathlib.Path(tmp) / "rows.py"
        script.write_text(program_for(rows, module_dir, module, marks))
        env = dict(os.environ, PYTHONHASHSEED="0")   # dict layouts, hence lookups, repeat exactly
        r = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no",
                            "--separate-threads=yes",
                            f"--callgrind-out-file={out}", python, str(script)],
                           capture_output=True, text=True, env=env)
        if r.returncode != 0:
            raise SystemExit(f"callgrind failed ({module}):\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
        windows = {}
        for dump in pathlib.Path(tmp).glob("callgrind.out.*"):
            text = dump.read_text(errors="replace")
            trigger = re.search(r"^desc: Trigger: Client Request: (\S+ \d+)$", text, re.M)
            total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
            # The calling thread's count only: .NET's own threads (the finalizer's) wake when they
            # will, which made a few rows differ between runs by up to 0.15%.
            if trigger and total and re.search(r"^thread: 1$", text, re.M):
                windows[trigger.group(1)] = int(total.group(1))
    missing = set(re.findall(r"^missing: (.*)$", r.stdout, re.M))
    result = {}
    for index, (name, _, _) in enumerate(rows):
        if name in missing:
            result[name] = None
            continue
        if f"n {index}" not in windows or f"0 {index}" not in windows:
            raise SystemExit(f"callgrind gave no count for row {name!r} ({module}):\n{r.stderr[-2000:]}")
        calls = CALLS_PER_ROW.get(name, CALLS)
        result[name] = (windows[f"n {index}"] - windows[f"0 {index}"]) / calls
    return result


def module_copy(directory: str, tmp: pathlib.Path, index: int) -> str:
    """The nd_ext module alone: callgrind gives up on a NativeAOT .dbg file beside it (a folder
    published before the publish step kept symbols out of it may hold one)."""
    src = next(pathlib.Path(directory).glob("nd_ext*.so"))
    dst = tmp / str(index)
    dst.mkdir()
    shutil.copy(src, dst / src.name)
    return str(dst)


def check(baseline: dict, current: dict, tolerance: float = RATIO_TOLERANCE) -> list[str]:
    """The failures of `current` (a --json result) against `baseline`: one message per row whose
    nd_ext/C instruction ratio grew by more than `tolerance`, or which the baseline has and the
    current run lacks; a different CPython is one failure (counts differ between versions)."""
    if baseline.get("python") != current.get("python"):
        return [f"the baseline was counted on CPython {baseline.get('python')}, this run on "
                f"{current.get('python')}: counts differ between versions; run with that interpreter"]
    failures = []
    rows = current["rows"]
    for name, base in baseline["rows"].items():
        now = rows.get(name)
        if now is None or now.get("ratio") is None:
            failures.append(f"{name}: in the baseline (ratio {base['ratio']:.3f}) but not counted in this run")
            continue
        limit = base["ratio"] * (1 + tolerance)
        if now["ratio"] > limit:
            failures.append(f"{name}: ratio {now['ratio']:.3f} (C {now['c']:.0f}, nd_ext {now['nd']:.0f} instructions) "
                            f"over the baseline's {base['ratio']:.3f} (C {base['c']:.0f}, nd_ext {base['nd']:.0f}) "
                            f"by {now['ratio'] / base['ratio'] - 1:+.1%}, more than {tolerance:.0%}")
    return failures


def run_check(baseline_path: str, current: dict) -> int:
    baseline = json.loads(pathlib.Path(baseline_path).read_text())
    failures = check(baseline, current)
    new = [name for name in current["rows"] if name not in baseline["rows"]]
    if new:
        print(f"rows not in the baseline (not checked): {', '.join(new)}")
    if failures:
        print(f"instruction ratios over {baseline_path} (tolerance {RATIO_TOLERANCE:.0%}):", file=sys.stderr)
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        print("A deliberate change? Regenerate the baseline (bench/README.md, 'The instruction baseline') "
              "and say why in the commit.", file=sys.stderr)
        return 1
    print(f"instruction ratios within {RATIO_TOLERANCE:.0%} of {baseline_path}: "
          f"{len(baseline['rows'])} rows checked")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--nd-ext-dir", action="append", help="a directory holding nd_ext*.so")
    parser.add_argument("--python", default=sys.executable, help="the interpreter (default: this one)")
    parser.add_argument("--only", action="append", help="rows whose name contains this (repeatable)")
    parser.add_argument("--json", metavar="PATH", help="write the counts (of the first --nd-ext-dir) as JSON")
    parser.add_argument("--check", metavar="BASELINE", help="exit 1 when a row's ratio grew over 5%% of BASELINE's")
    parser.add_argument("--write-baseline", metavar="PATH", help="write the counts as the baseline file")
    parser.add_argument("--from-json", metavar="PATH", help="with --check: check counts written by --json")
    args = parser.parse_args()
    if args.from_json:
        if not args.check:
            parser.error("--from-json needs --check")
        sys.exit(run_check(args.check, json.loads(pathlib.Path(args.from_json).read_text())))
    if not args.nd_ext_dir:
        parser.error("--nd-ext-dir is required")
    version = subprocess.run([args.python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    has_numpy = subprocess.run([args.python, "-c", "import numpy"], capture_output=True).returncode == 0
    c_dir = str(BENCH_DIR / ".build") if has_numpy else str(BENCH_DIR / ".build" / version)
    marks = BENCH_DIR / ".build" / "callgrind_marks.so"
    if not marks.exists():
        raise SystemExit(f"{marks} is missing: run bench/build_c.sh (it needs valgrind's callgrind.h)")
    rows = [row for row in ROWS if (has_numpy or "np." not in row[1])
            and (not args.only or any(o in row[0] for o in args.only))]
    print(f"CPython {version} ({args.python}){'' if has_numpy else ', no numpy: rows without arrays'}")
    with tempfile.TemporaryDirectory() as tmp:
        dirs = [module_copy(d, pathlib.Path(tmp), i) for i, d in enumerate(args.nd_ext_dir)]
        c = counts(rows, c_dir, "nd_ext_c", args.python, str(marks))
        nds = [counts(rows, d, "nd_ext", args.python, str(marks)) for d in dirs]
    print("| row | C | " + " | ".join(f"nd_ext {i + 1}" for i in range(len(dirs))) + " |")
    print("| --- | ---: |" + " ---: |" * len(dirs))
    for name, _, _ in rows:
        cells = ["-" if nd[name] is None else f"{nd[name]:.0f} ({nd[name] / c[name]:.2f}x)" for nd in nds]
        print(f"| {name} | {c[name]:.0f} | " + " | ".join(cells) + " |", flush=True)
    for i, d in enumerate(args.nd_ext_dir):
        print(f"nd_ext {i + 1}: {d}")
    result = {"python": version, "nd_ext": args.nd_ext_dir[0],
              "rows": {name: {"c": round(c[name], 2), "nd": round(nds[0][name], 2),
                              "ratio": round(nds[0][name] / c[name], 4)}
                       for name, _, _ in rows if nds[0][name] is not None}}
    for path in (args.json, args.write_baseline):
        if path:
            out = dict(result)
            if path == args.write_baseline:
                out = {"python": version, "note": "bench/instructions.py --write-baseline; regenerate only for a "
                       "deliberate change, with the reason in the commit (bench/README.md)", "rows": result["rows"]}
            pathlib.Path(path).write_text(json.dumps(out, indent=2) + "\n")
            print(f"wrote {path}")
    if args.check:
        sys.exit(run_check(args.check, result))


if __name__ == "__main__":
    main()
