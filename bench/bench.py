#!/usr/bin/python3
"""Benchmark nd_ext (C#, NativeAOT) against nd_ext_c (hand-written C) and numpy.

Run with Debian's /usr/bin/python3 (it has numpy), usually through bench/run.sh.
Every workload times all contenders in one process, interleaved round-robin:
each round times each contender once over a fixed number of loops, and the
table reports the median over rounds. Results are checked for equality first.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import sys
import timeit
from dataclasses import dataclass
from typing import Callable

import numpy as np

BENCH_DIR = pathlib.Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
SCAL = 1.0


@dataclass
class Workload:
    name: str
    kind: str  # "scalars", "copy" or "inplace"
    loops: int  # per measurement; same for every contender and round
    make_base: Callable[[], np.ndarray] | None = None
    view: Callable[[np.ndarray], np.ndarray] = lambda b: b


def arange(*shape: int) -> Callable[[], np.ndarray]:
    return lambda: np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)


def workloads() -> list[Workload]:
    # Loop counts aim at ~10-40 ms per measurement for the C contender on a
    # 2-core EPYC VM; the full run (21 rounds) takes ~20 s with nd_ext as fast as C.
    arrays = [
        ("10", arange(10), lambda b: b, 100_000, 100_000),
        ("100_000", arange(100_000), lambda b: b, 1_000, 1_000),
        ("10_000_000", arange(10_000_000), lambda b: b, 3, 10),
        ("1000x1000", arange(1000, 1000), lambda b: b, 100, 100),
        ("a[::-2], a 100_000", arange(100_000), lambda b: b[::-2], 1_000, 1_000),
        ("b.T[:, ::2], b 1000x1000", arange(1000, 1000), lambda b: b.T[:, ::2], 50, 100),
    ]
    out = [Workload("add_scalars(1.0, 2.0)", "scalars", 1_000_000)]
    for label, make, view, copy_loops, inplace_loops in arrays:
        out.append(Workload(f"add_scalar_to_array, {label}", "copy", copy_loops, make, view))
        out.append(Workload(f"add_scalar_to_array_inplace, {label}", "inplace", inplace_loops, make, view))
    return out


# --------------------------------------------------------------- contenders

def timer_for(contender: str, mod, wl: Workload, arr) -> timeit.Timer:
    """A Timer whose statement is a bare call on fast locals (setup runs inside
    timeit's inner function), so the loop adds as little as Python allows."""
    if contender == "numpy":
        stmt = {"copy": "a + s", "inplace": "a += s"}[wl.kind]
        return timeit.Timer(stmt, setup="a = _a; s = _s", globals={"_a": arr, "_s": SCAL})
    if wl.kind == "scalars":
        return timeit.Timer("f(x, y)", setup="f = _m.add_scalars; x = _x; y = _y",
                            globals={"_m": mod, "_x": 1.0, "_y": 2.0})
    fname = {"copy": "add_scalar_to_array", "inplace": "add_scalar_to_array_inplace"}[wl.kind]
    return timeit.Timer("f(s, a)", setup=f"f = _m.{fname}; s = _s; a = _a",
                        globals={"_m": mod, "_s": SCAL, "_a": arr})


def run_once(contender: str, mod, wl: Workload):
    """One call on fresh data: returns the value to compare."""
    if wl.kind == "scalars":
        return np.asarray(mod.add_scalars(1.0, 2.0))
    base = wl.make_base()
    arr = wl.view(base)
    before = base.copy()
    if contender == "numpy":
        res = arr + SCAL if wl.kind == "copy" else (np.add(arr, SCAL, out=arr), base)[1]
    elif wl.kind == "copy":
        res = mod.add_scalar_to_array(SCAL, arr)
        if not np.array_equal(base, before):
            fail(f"{wl.name}: {mod.__name__} modified its input")
        if not (type(res) is np.ndarray and res.dtype == np.float64 and res.shape == arr.shape):
            fail(f"{wl.name}: {mod.__name__} returned {type(res).__name__} "
                 f"{getattr(res, 'dtype', '')} {getattr(res, 'shape', '')}")
    else:
        ret = mod.add_scalar_to_array_inplace(SCAL, arr)
        if ret is not None:
            fail(f"{wl.name}: {mod.__name__} returned {ret!r}, expected None")
        res = base  # the whole base: nothing outside the view may change
    return np.array(res, copy=True)


def fail(msg: str) -> None:
    print(f"\nCORRECTNESS FAILURE: {msg}", file=sys.stderr)
    sys.exit(1)


def verify(wl: Workload, contenders: dict) -> None:
    got = {name: run_once(name, mod, wl) for name, mod in contenders.items()}
    ref = got["C"]
    for name, val in got.items():
        if val.shape != ref.shape:
            fail(f"{wl.name}: {name} gave shape {val.shape}, C gave {ref.shape}")
        if not np.array_equal(val, ref):
            where = np.argwhere(val != ref)[:3].tolist()
            fail(f"{wl.name}: {name} != C, first differing indices {where}")


# ------------------------------------------------------------------ timing

def bench_workload(wl: Workload, contenders: dict, rounds: int, loops: int) -> dict:
    arr = wl.view(wl.make_base()) if wl.make_base else None
    timers = {name: timer_for(name, mod, wl, arr) for name, mod in contenders.items()}
    for t in timers.values():  # warm up: caches, page faults, branch predictors
        t.timeit(max(1, loops // 10))
    samples = {name: [] for name in timers}
    names = list(timers)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]  # rotate who goes first
        for name in order:
            samples[name].append(timers[name].timeit(loops) / loops * 1e9)
    return {name: {"median_ns": statistics.median(s), "min_ns": min(s), "samples_ns": s}
            for name, s in samples.items()}


def loop_overhead_ns(loops: int = 1_000_000) -> float:
    return min(timeit.Timer("pass").repeat(5, loops)) / loops * 1e9


# ---------------------------------------------------------------- reporting

def machine_info(nd_ext) -> dict:
    cpu = "unknown"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "numpy": np.__version__,
        "nd_ext": getattr(nd_ext, "__file__", "?"),
    }


def fmt_ns(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def print_table(rows: list[dict], self_test: bool) -> None:
    lhs = "nd_ext_c (as nd_ext)" if self_test else "nd_ext"
    print(f"| workload | {lhs} ns | C ns | ratio | numpy ns |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        np_ns = r["numpy"]["median_ns"] if "numpy" in r else None
        print(f"| {r['workload']} | {fmt_ns(r['nd_ext']['median_ns'])} | {fmt_ns(r['C']['median_ns'])} "
              f"| {r['ratio']:.2f} | {fmt_ns(np_ns)} |")


# --------------------------------------------------------------------- main

def import_modules(args):
    sys.path.insert(0, str(BENCH_DIR / ".build"))
    try:
        import nd_ext_c
    except ImportError as e:
        sys.exit(f"cannot import nd_ext_c from {BENCH_DIR / '.build'} ({e}); run bench/build_c.sh")
    if args.self_test:
        return nd_ext_c, nd_ext_c
    sys.path.insert(0, str(pathlib.Path(args.nd_ext_dir).resolve()))
    try:
        import nd_ext
    except ImportError as e:
        sys.exit(f"cannot import nd_ext from {args.nd_ext_dir} ({e}); publish it with\n"
                 f"  dotnet publish examples/NdExt -c Release -o .build/modules\n"
                 f"or run with --self-test to check the harness against nd_ext_c alone")
    return nd_ext, nd_ext_c


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nd-ext-dir", default=str(REPO_DIR / ".build" / "modules"),
                   help="directory holding nd_ext*.so (default: <repo>/.build/modules)")
    p.add_argument("--quick", action="store_true", help="smoke run: 5 rounds, 1/5 of the loops")
    p.add_argument("--rounds", type=int, help="rounds per workload (default 21, or 5 with --quick)")
    p.add_argument("--only", help="run only workloads whose name contains this text")
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    p.add_argument("--self-test", action="store_true",
                   help="benchmark nd_ext_c against itself (checks the harness without nd_ext)")
    args = p.parse_args()

    nd_ext, nd_ext_c = import_modules(args)
    rounds = args.rounds or (5 if args.quick else 21)
    info = machine_info(nd_ext)
    overhead = loop_overhead_ns()

    print(f"CPU: {info['cpu']} ({info['cores']} cores)  Python {info['python']}  numpy {info['numpy']}")
    print(f"nd_ext: {info['nd_ext']}" + ("  [SELF-TEST: nd_ext is nd_ext_c]" if args.self_test else ""))
    print(f"rounds: {rounds}, interleaved; median ns per call; timeit loop overhead {overhead:.1f} ns/call "
          f"(included in every figure)\n", flush=True)

    selected = [w for w in workloads() if not args.only or args.only in w.name]
    for wl in selected:  # all correctness checks before any timing
        contenders = {"nd_ext": nd_ext, "C": nd_ext_c} | ({} if wl.kind == "scalars" else {"numpy": None})
        verify(wl, contenders)
    print(f"correctness: nd_ext, nd_ext_c (and numpy) agree exactly on all {len(selected)} workloads\n", flush=True)

    rows = []
    for wl in selected:
        contenders = {"nd_ext": nd_ext, "C": nd_ext_c} | ({} if wl.kind == "scalars" else {"numpy": None})
        loops = max(1, wl.loops // 5) if args.quick else wl.loops
        res = bench_workload(wl, contenders, rounds, loops)
        row = {"workload": wl.name, "loops": loops, **res,
               "ratio": res["nd_ext"]["median_ns"] / res["C"]["median_ns"]}
        rows.append(row)
        print(f"  {wl.name}: done", file=sys.stderr, flush=True)

    print()
    print_table(rows, args.self_test)
    if args.json:
        out = {"machine": info, "rounds": rounds, "quick": args.quick, "self_test": args.self_test,
               "loop_overhead_ns": overhead, "results": rows}
        pathlib.Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
