#!/usr/bin/python3
"""The numpy-free rows (add_scalars, Point) on every CPython 3.9-3.13 found: one published nd_ext
against the C baseline compiled for that interpreter (bench/build_c.sh builds it, without numpy).

    bench/versions.py [--nd-ext-dir .build/modules] [--rounds 15]

Each interpreter runs in a child process that times both modules interleaved round-robin, as
bench.py does, and reports medians; ratios compare within one interpreter only. Debian's
/usr/bin/python3 is the 3.11 row; the pyenv builds (no numpy) give the others.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys

BENCH_DIR = pathlib.Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
PYENV = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv")) / "versions"

# (row, setup on the module `m`, statement, loops per measurement)
ROWS = [
    ("add_scalars(1.0, 2.0)", "f = m.add_scalars; x = 1.0; y = 2.0", "f(x, y)", 500_000),
    ("Point(1.0, 2.0)", "P = m.Point; x = 1.0; y = 2.0", "P(x, y)", 200_000),
    ("p.distance(q)", "p = m.Point(1.0, 2.0); q = m.Point(4.0, 6.0)", "p.distance(q)", 500_000),
    ("p.distance()", "p = m.Point(3.0, 4.0)", "p.distance()", 500_000),
    ("p.x read", "p = m.Point(3.0, 4.0)", "p.x", 500_000),
    ("p.x = 3.0 write", "p = m.Point(3.0, 4.0)", "p.x = 3.0", 500_000),
]

CHILD = r"""
import importlib.util, json, statistics, sys, timeit
rows, rounds = json.loads(sys.argv[1]), int(sys.argv[2])
def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
mods = {"nd_ext": load("nd_ext", sys.argv[3]), "C": load("nd_ext_c", sys.argv[4])}
# Same results first: a benchmark of different work is no benchmark.
for m in mods.values():
    p = m.Point(3.0, 4.0)
    assert (m.add_scalars(1.0, 2.0), p.distance(), repr(p)) == (3.0, 5.0, "Point (3.0, 4.0)"), m
out = {}
for name, setup, stmt, loops in rows:
    timers = {k: timeit.Timer(stmt, setup=setup, globals={"m": m}) for k, m in mods.items()}
    for t in timers.values():
        t.timeit(loops // 10)
    samples = {k: [] for k in timers}
    keys = list(timers)
    for r in range(rounds):
        for k in keys[r % 2:] + keys[:r % 2]:
            samples[k].append(timers[k].timeit(loops) / loops * 1e9)
    out[name] = {k: statistics.median(v) for k, v in samples.items()}
print(json.dumps({"version": sys.version.split()[0], "rows": out}))
"""


def interpreters() -> list[tuple[str, pathlib.Path]]:
    """(major.minor, python) for Debian's 3.11 and each pyenv 3.9-3.13 but 3.11."""
    found = [("3.11", pathlib.Path("/usr/bin/python3"))]
    for minor in (9, 10, 12, 13):
        for python in sorted(PYENV.glob(f"3.{minor}.*/bin/python3")):
            found.append((f"3.{minor}", python))
            break
    return sorted(found, key=lambda v: tuple(map(int, v[0].split("."))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nd-ext-dir", default=str(REPO_DIR / ".build" / "modules"))
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    module = next(pathlib.Path(args.nd_ext_dir).glob("nd_ext*.so"))
    results = []
    for version, python in interpreters():
        c_module = BENCH_DIR / ".build" / version / "nd_ext_c.so"
        if version == "3.11":
            c_module = next((BENCH_DIR / ".build").glob("nd_ext_c.cpython-311*.so"))
        if not c_module.exists():
            print(f"{version}: no C baseline at {c_module} (run bench/build_c.sh)", file=sys.stderr)
            continue
        r = subprocess.run([str(python), "-c", CHILD, json.dumps(ROWS), str(args.rounds), str(module),
                            str(c_module)], capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"{python}: {r.stderr[-2000:]}")
        results.append(json.loads(r.stdout))
    print("| workload | " + " | ".join(f"{r['version']}: C ns, ratio" for r in results) + " |")
    print("| --- |" + " ---: |" * len(results))
    for name, *_ in ROWS:
        cells = [f"{r['rows'][name]['C']:.1f}, {r['rows'][name]['nd_ext'] / r['rows'][name]['C']:.2f}x"
                 for r in results]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
