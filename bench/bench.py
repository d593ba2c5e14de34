#!/usr/bin/python3
"""Benchmark nd_ext (C#, NativeAOT) against nd_ext_c (hand-written C) and numpy.

Run with Debian's /usr/bin/python3 (it has numpy), usually through bench/run.sh.
Every workload times all contenders in one process, interleaved round-robin:
each round times each contender once over a fixed number of loops, and the
table reports the median over rounds. Results are checked for equality first.
The import time (numpy already imported) is measured in fresh interpreters,
alternating between the two modules, median over runs.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import pickle
import platform
import statistics
import subprocess
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
    kind: str  # "scalars", "varargs", "copy", "inplace", or one of POINT_STMTS
    loops: int  # per measurement; same for every contender and round
    make_base: Callable[[], np.ndarray] | None = None
    view: Callable[[np.ndarray], np.ndarray] = lambda b: b


# Point workloads: the statement timed, on fast locals P (the type), p and q (two points).
DATETIME = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)   # the datetime round trip's argument (naive)

POINT_STMTS = {
    "point_new": "P(x, y)",
    "distance": "p.distance(q)",
    "distance0": "p.distance()",
    "get_x": "p.x",
    "set_x": "p.x = 3.0",
    "add": "p + q",
    "area2": "s.area()",   # Square(2.0).area(): Shape.area, two levels up, dispatching to Rectangle's
    "pickle": "loads(dumps(p))",
}

# The reference-type class form (issue 21): nd_ext.PointClass against the same C Point; the statement
# timed on fast locals P (the class), p (an instance). Skipped when nd_ext has no PointClass.
POINT_CLASS_STMTS = {
    "pc_new": "P(x, y)",
    "pc_get_x": "p.x",
    "pc_distance0": "p.distance()",
}
POINT_STMTS.update(POINT_CLASS_STMTS)


def point_class(mod, wl: Workload):
    """The class a Point workload uses: PointClass for the class-form rows where the module has it
    (nd_ext), Point otherwise (the C contender of both forms)."""
    return getattr(mod, "PointClass", mod.Point) if wl.kind in POINT_CLASS_STMTS else mod.Point


# Raising workloads: the function that raises ValueError("bad value"), called and caught on fast locals.
RAISE_FUNCTIONS = {"raise_mapped": "raise_mapped", "raise_value_error": "raise_value_error"}
RAISE_STMT = "try:\n    f()\nexcept ValueError:\n    pass"

# Container workloads (numpy-free): the statement timed, on fast locals f (the function) and x (its argument).
CONTAINER_STMTS = {
    "sum_list": ("sum_list", lambda: [float(i) for i in range(1000)]),
    "make_list": ("make_list", lambda: 1000),
    "bump_counts": ("bump_counts", lambda: {f"key{i}": i for i in range(100)}),
}

ARRAY_KINDS = ("copy", "inplace")


def arange(*shape: int) -> Callable[[], np.ndarray]:
    return lambda: np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)


def workloads() -> list[Workload]:
    # Loop counts aim at ~10-40 ms per measurement for the C contender on a
    # 2-core EPYC VM; the full run (21 rounds, plus 2 x 22 fresh interpreters for
    # the import time) takes ~1 minute with nd_ext as it is now.
    arrays = [
        ("10", arange(10), lambda b: b, 100_000, 100_000),
        ("100_000", arange(100_000), lambda b: b, 1_000, 1_000),
        ("10_000_000", arange(10_000_000), lambda b: b, 3, 10),
        ("1000x1000", arange(1000, 1000), lambda b: b, 100, 100),
        ("a[::-2], a 100_000", arange(100_000), lambda b: b[::-2], 1_000, 1_000),
        ("b.T[:, ::2], b 1000x1000", arange(1000, 1000), lambda b: b.T[:, ::2], 50, 100),
    ]
    out = [Workload("add_scalars(1.0, 2.0)", "scalars", 1_000_000),
           Workload("echo_datetime(d), naive", "datetime", 1_000_000),
           Workload("scaled_sum(x, y, z, a=s, b=t): *args 3, **kwargs 2", "varargs", 1_000_000)]
    for label, make, view, copy_loops, inplace_loops in arrays:
        out.append(Workload(f"add_scalar_to_array, {label}", "copy", copy_loops, make, view))
        out.append(Workload(f"add_scalar_to_array_inplace, {label}", "inplace", inplace_loops, make, view))
    out += [
        Workload("Point(1.0, 2.0)", "point_new", 300_000),
        Workload("p.distance(q)", "distance", 1_000_000),
        Workload("p.distance()", "distance0", 1_000_000),
        Workload("p.x read", "get_x", 1_000_000),
        Workload("p.x = 3.0 write", "set_x", 1_000_000),
        Workload("p + q (operator +)", "add", 1_000_000),
        Workload("s.area(), Shape.area through Rectangle <- Square", "area2", 1_000_000),
        Workload("pickle round trip of Point, loads(dumps(p))", "pickle", 200_000),
        Workload("PointClass(1.0, 2.0) (class form; C: Point)", "pc_new", 300_000),
        Workload("pc.x read (class form; C: Point)", "pc_get_x", 1_000_000),
        Workload("pc.distance() (class form; C: Point)", "pc_distance0", 1_000_000),
        Workload("sum_list, a list of 1,000 floats", "sum_list", 20_000),
        Workload("make_list(1000), a new list of 1,000 floats", "make_list", 10_000),
        Workload("bump_counts, a dict of 100 str -> int in and out", "bump_counts", 10_000),
        Workload("raise and catch a mapped exception (ArgumentException -> ValueError)", "raise_mapped", 200_000),
        Workload("raise and catch PyValueError (-> ValueError)", "raise_value_error", 200_000),
    ]
    return out


# --------------------------------------------------------------- contenders

VARARGS_SETUP = "f = _m.scaled_sum; x = 1.0; y = 2.0; z = 3.0; s = 2.0; t = 0.5"


def timer_for(contender: str, mod, wl: Workload, arr) -> timeit.Timer:
    """A Timer whose statement is a bare call on fast locals (setup runs inside
    timeit's inner function), so the loop adds as little as Python allows."""
    if contender == "numpy":
        stmt = {"copy": "a + s", "inplace": "a += s"}[wl.kind]
        return timeit.Timer(stmt, setup="a = _a; s = _s", globals={"_a": arr, "_s": SCAL})
    if wl.kind == "scalars":
        return timeit.Timer("f(x, y)", setup="f = _m.add_scalars; x = _x; y = _y",
                            globals={"_m": mod, "_x": 1.0, "_y": 2.0})
    if wl.kind in CONTAINER_STMTS:
        name, make = CONTAINER_STMTS[wl.kind]
        return timeit.Timer("f(x)", setup=f"f = _m.{name}; x = _x", globals={"_m": mod, "_x": make()})
    if wl.kind in RAISE_FUNCTIONS:
        return timeit.Timer(RAISE_STMT, setup=f"f = _m.{RAISE_FUNCTIONS[wl.kind]}", globals={"_m": mod})
    if wl.kind == "datetime":
        return timeit.Timer("f(d)", setup="f = _m.echo_datetime; d = _d", globals={"_m": mod, "_d": DATETIME})
    if wl.kind == "varargs":
        return timeit.Timer("f(x, y, z, a=s, b=t)", setup=VARARGS_SETUP, globals={"_m": mod})
    if wl.kind in POINT_STMTS:
        return timeit.Timer(POINT_STMTS[wl.kind],
                            setup="P = _P; p = P(1.0, 2.0); q = P(4.0, 6.0); x = _x; y = _y; "
                                  "s = _m.Square(2.0); loads = _pickle.loads; dumps = _pickle.dumps",
                            globals={"_m": mod, "_P": point_class(mod, wl), "_x": 1.0, "_y": 2.0, "_pickle": pickle})
    fname = {"copy": "add_scalar_to_array", "inplace": "add_scalar_to_array_inplace"}[wl.kind]
    return timeit.Timer("f(s, a)", setup=f"f = _m.{fname}; s = _s; a = _a",
                        globals={"_m": mod, "_s": SCAL, "_a": arr})


def run_once(contender: str, mod, wl: Workload):
    """One call on fresh data: returns the value to compare."""
    if wl.kind == "scalars":
        return np.asarray(mod.add_scalars(1.0, 2.0))
    if wl.kind == "datetime":
        r = mod.echo_datetime(DATETIME)
        if not (type(r) is datetime.datetime and r == DATETIME and r is not DATETIME and r.tzinfo is None):
            fail(f"{wl.name}: {mod.__name__} returned {r!r}")
        return np.asarray([r.year, r.month, r.day, r.hour, r.minute, r.second, r.microsecond])
    if wl.kind in RAISE_FUNCTIONS:
        try:
            getattr(mod, RAISE_FUNCTIONS[wl.kind])()
        except ValueError as e:
            if type(e) is not ValueError or e.args != ("bad value",):
                fail(f"{wl.name}: {mod.__name__} raised {e!r}")
            return np.asarray([1])
        fail(f"{wl.name}: {mod.__name__} did not raise")
    if wl.kind == "varargs":
        return np.asarray(mod.scaled_sum(1.0, 2.0, 3.0, a=2.0, b=0.5))
    if wl.kind in POINT_STMTS:
        return np.asarray(run_point(mod, wl))
    if wl.kind in CONTAINER_STMTS:
        name, make = CONTAINER_STMTS[wl.kind]
        value = getattr(mod, name)(make())
        if wl.kind == "bump_counts":
            if type(value) is not dict or value != {k: v + 1 for k, v in make().items()}:
                fail(f"{wl.name}: {mod.__name__} returned {value!r}")
            return np.asarray(sorted(value.values()))
        if wl.kind == "make_list" and (type(value) is not list or any(type(v) is not float for v in value)):
            fail(f"{wl.name}: {mod.__name__} returned {type(value).__name__}")
        return np.asarray(value)
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


def run_point(mod, wl: Workload) -> list[float]:
    """The Point workload's statement once, plus what it leaves behind, as numbers."""
    P = point_class(mod, wl)
    p, q = P(1.0, 2.0), P(4.0, 6.0)
    ns = {"P": P, "p": p, "q": q, "x": 1.0, "y": 2.0, "s": mod.Square(2.0), "loads": pickle.loads,
          "dumps": pickle.dumps}
    stmt = POINT_STMTS[wl.kind]
    if "=" in stmt:
        exec(stmt, {}, ns)
        value = None
    else:
        value = eval(stmt, {}, ns)
    if wl.kind == "pickle":
        if type(value) is not P or value is p or repr(value) != repr(p):
            fail(f"{wl.name}: {mod.__name__} gave {type(value).__name__} {value!r}")
        return [value.x, value.y]
    if wl.kind == "pc_new":
        if type(value) is not P:
            fail(f"{wl.name}: {mod.__name__} gave {type(value).__name__} {value!r}")
        return [value.x, value.y]
    if wl.kind == "point_new":
        if type(value) is not P or repr(value) != "Point (1.0, 2.0)" or str(value) != "(1.0, 2.0)":
            fail(f"{wl.name}: {mod.__name__} gave {type(value).__name__} {value!r}")
        return [value.x, value.y]
    if wl.kind == "add":
        if type(value) is not P:
            fail(f"{wl.name}: {mod.__name__} gave {type(value).__name__} {value!r}")
        return [value.x, value.y, p.x, p.y, q.x, q.y]
    if (value is None) != (wl.kind == "set_x") or (value is not None and type(value) is not float):
        fail(f"{wl.name}: {mod.__name__} returned {value!r}")
    return ([] if value is None else [value]) + [p.x, p.y, q.x, q.y]


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


IMPORT_NAME = "import (numpy already imported)"
IMPORT_SNIPPET = ("import sys; sys.path.insert(0, {dir!r}); import numpy, time; "
                  "t = time.perf_counter(); import {mod}; print(time.perf_counter() - t)")


def import_once(directory: str, module: str) -> float:
    """Seconds for `import module` in a fresh interpreter that has already imported numpy."""
    code = IMPORT_SNIPPET.format(dir=directory, mod=module)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"import {module} failed in a fresh interpreter:\n{proc.stderr}")
    return float(proc.stdout.strip().splitlines()[-1])


def bench_import(modules: dict, runs: int) -> dict:
    """modules: contender -> (directory, module name). One warm-up run each (page cache), then
    `runs` runs each, alternating which module goes first. Milliseconds."""
    for directory, module in modules.values():
        import_once(directory, module)
    samples = {name: [] for name in modules}
    names = list(modules)
    for r in range(runs):
        for name in names[r % len(names):] + names[:r % len(names)]:
            samples[name].append(import_once(*modules[name]) * 1e3)
    return {name: {"median_ms": statistics.median(s), "min_ms": min(s), "samples_ms": s}
            for name, s in samples.items()}


CROSSING_NAME = "empty entry point, called from C"


def bench_crossing(nd_ext_file: str) -> dict | None:
    """The floor under every call: bench/.build/crossing calls the module's exported
    `ndbindgen_pyi` (an [UnmanagedCallersOnly] method returning a constant) and an empty C function
    in a shared library, interleaved; median ns per call of each."""
    probe = BENCH_DIR / ".build" / "crossing"
    if not probe.exists():
        return None
    proc = subprocess.run([str(probe), nd_ext_file, str(BENCH_DIR / ".build" / "crossing_c.so")],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"the crossing probe failed:\n{proc.stderr}")
    managed, native = (float(x) for x in proc.stdout.split())
    return {"nd_ext_ns": managed, "C_ns": native}


GENERIC_NAME = "generic scale vs scale_float64"


def bench_generic(nd_ext, rounds: int, quick: bool) -> list[dict]:
    """nd_ext.scale (one generic C# method, dispatched on the dtype) against nd_ext.scale_float64
    (the same kernel written for float64 only), float64 arrays, interleaved; median ns per call."""
    rows = []
    for label, n, loops in [("10", 10, 100_000), ("100_000", 100_000, 1_000), ("1000x1000", 1_000_000, 100)]:
        a = np.arange(n, dtype=np.float64).reshape((1000, 1000) if n == 1_000_000 else (n,))
        loops = max(1, loops // 5) if quick else loops
        if not np.array_equal(nd_ext.scale(a, 2.0), nd_ext.scale_float64(a, 2.0)):
            fail(f"{GENERIC_NAME}: results differ for {label}")
        timers = {name: timeit.Timer("f(a, 2.0)", globals={"f": getattr(nd_ext, name), "a": a})
                  for name in ("scale", "scale_float64")}
        for t in timers.values():
            t.timeit(max(1, loops // 10))
        samples = {name: [] for name in timers}
        for r in range(rounds):
            for name in (list(timers) if r % 2 == 0 else list(reversed(timers))):
                samples[name].append(timers[name].timeit(loops) / loops * 1e9)
        g, f = statistics.median(samples["scale"]), statistics.median(samples["scale_float64"])
        rows.append({"size": label, "generic_ns": g, "float64_ns": f, "ratio": g / f})
    return rows


ALGEBRA_NAME = "array algebra"


def bench_algebra(nd_ext, nd_ext_c, rounds: int, quick: bool) -> list[dict]:
    """The System.Numerics.Tensors rows: axpy (y += a * x) as nd_ext.axpy (TensorPrimitives),
    nd_ext.axpy_loop (a plain foreach), the C loop and numpy's `y += a * x`; dot as nd_ext.dot
    (TensorPrimitives.Dot), the C loop and np.dot; a broadcast add into an output as nd_ext.add_into
    (NdZip) and np.add(a, b, out=c). Interleaved round-robin; median ns per call of each."""
    rng = np.random.default_rng(3)
    rows = []
    for n, loops in [(100_000, 1_000), (1_000_000, 100), (10_000_000, 5)]:
        loops = max(1, loops // 5) if quick else loops
        x, y = rng.random(n), rng.random(n)
        a = 0.5
        for f in (nd_ext.axpy, nd_ext.axpy_loop, nd_ext_c.axpy):   # the same result as numpy's
            y1 = y.copy()
            f(a, x, y1)
            if not np.array_equal(y1, y + a * x):
                fail(f"{ALGEBRA_NAME}: {f.__module__}.{f.__name__} differs from numpy's axpy at {n}")
        rows.append({"row": f"axpy y += a*x, {n:_}", **time_statements({
            "nd_ext (TensorPrimitives)": "f(a, x, y)", "nd_ext (foreach)": "g(a, x, y)", "C": "c(a, x, y)",
            "numpy": "y += a * x"}, {"f": nd_ext.axpy, "g": nd_ext.axpy_loop, "c": nd_ext_c.axpy,
                                     "a": a, "x": x, "y": y.copy()}, rounds, loops)})
        for f in (nd_ext.dot, nd_ext_c.dot):
            if not np.isclose(f(x, y), np.dot(x, y), rtol=1e-12):
                fail(f"{ALGEBRA_NAME}: {f.__name__} differs from np.dot at {n}")
        rows.append({"row": f"dot, {n:_}", **time_statements({
            "nd_ext (TensorPrimitives)": "f(x, y)", "C": "c(x, y)", "numpy": "d(x, y)"},
            {"f": nd_ext.dot, "c": nd_ext_c.dot, "d": np.dot, "x": x, "y": y}, rounds, loops)})
    for label, b_shape, loops in [("(1000, 1000) + (1000,)", (1000,), 100), ("(1000, 1000) + (1000, 1)", (1000, 1), 100),
                                  ("(100_000,) + ()", (), 1_000)]:
        loops = max(1, loops // 5) if quick else loops
        a = rng.random((100_000,) if b_shape == () else (1000, 1000))
        b = rng.random(b_shape)
        out = np.empty_like(a)
        nd_ext.add_into(a, b, out)
        if not np.array_equal(out, a + b):
            fail(f"{ALGEBRA_NAME}: add_into differs from np.add for {label}")
        rows.append({"row": f"a + b into out, {label}", **time_statements({
            "nd_ext (NdZip)": "f(a, b, c)", "numpy": "add(a, b, out=c)"},
            {"f": nd_ext.add_into, "add": np.add, "a": a, "b": b, "c": out}, rounds, loops)})
    return rows


LOOPS_NAME = "loops"
POLY = "((a*0.5+1.5)*a+2.5)*a+3.5"


def bench_loops(nd_ext, nd_ext_c, rounds: int, quick: bool) -> list[dict]:
    """The loops users write (issue 21): a polynomial in place and a sum of squares over float64,
    as nd_ext's foreach (what the README shows), span (TryGetSpan) and vector (NdZip.Map / NdZip.Sum
    with a Vector<T> op) kernels against the C loops (gcc -O3, SSE2). Contiguous at 1e3, 1e5, 1e7
    elements and a[::2] of 2e5. Each result is checked against numpy's first. Median ns per call."""
    rng = np.random.default_rng(5)
    rows = []
    for label, n, strided, loops in [("1_000", 1_000, False, 20_000), ("100_000", 100_000, False, 200),
                                     ("10_000_000", 10_000_000, False, 3), ("a[::2], a 200_000", 200_000, True, 200)]:
        loops = max(1, loops // 5) if quick else loops
        base = rng.random(n)
        view = (lambda b: b[::2]) if strided else (lambda b: b)
        a = view(base)
        expected = ((a * 0.5 + 1.5) * a + 2.5) * a + 3.5
        kernels = {"C": nd_ext_c.poly_inplace, "foreach": nd_ext.poly_foreach, "vector": nd_ext.poly_vector}
        if not strided:
            kernels["span"] = nd_ext.poly_span
        for name, f in kernels.items():
            b = base.copy()
            f(view(b))
            if not np.array_equal(view(b), expected) or (strided and not np.array_equal(b[1::2], base[1::2])):
                fail(f"{LOOPS_NAME}: poly {name} differs from numpy's {POLY} at {label}")
        work = base.copy()
        rows.append({"row": f"poly in place, {label}", **time_statements(
            {k: "f(a)".replace("f", k) for k in kernels},
            {**kernels, "a": view(work)}, rounds, loops)})
        sums = {"C": nd_ext_c.sum_squares, "foreach": nd_ext.sumsq_foreach, "vector": nd_ext.sumsq_vector}
        if not strided:
            sums["span"] = nd_ext.sumsq_span
        want = float(np.sum(a * a))
        for name, f in sums.items():
            if not np.isclose(f(a), want, rtol=1e-12, atol=0):
                fail(f"{LOOPS_NAME}: sum of squares {name} = {f(a)!r}, numpy's {want!r}, at {label}")
        if nd_ext.sumsq_foreach(a) != nd_ext_c.sum_squares(a):
            fail(f"{LOOPS_NAME}: the foreach sum of squares is not C's (the same additions in the same order) at {label}")
        rows.append({"row": f"sum of squares, {label}", **time_statements(
            {k: "f(a)".replace("f", k) for k in sums}, {**sums, "a": a}, rounds, loops)})
    return rows


def print_loops_table(rows: list[dict]) -> None:
    print(f"| {LOOPS_NAME}, float64 | C ns | foreach | span | vector | foreach / C | span / C | vector / C |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        c = r["C"]
        cells = [r.get(k) for k in ("foreach", "span", "vector")]
        print(f"| {r['row']} | {fmt_ns(c)} | " + " | ".join(fmt_ns(v) if v else "-" for v in cells) + " | "
              + " | ".join(f"{v / c:.2f}" if v else "-" for v in cells) + " |")


def time_statements(stmts: dict, names: dict, rounds: int, loops: int) -> dict:
    """Median ns per run of each statement (on fast locals), interleaved round-robin."""
    setup = "; ".join(f"{k} = _n[{k!r}]" for k in names)
    timers = {label: timeit.Timer(stmt, setup=setup, globals={"_n": names}) for label, stmt in stmts.items()}
    for t in timers.values():
        t.timeit(max(1, loops // 10))
    samples = {label: [] for label in timers}
    labels = list(timers)
    for r in range(rounds):
        for label in labels[r % len(labels):] + labels[:r % len(labels)]:
            samples[label].append(timers[label].timeit(loops) / loops * 1e9)
    return {label: statistics.median(s) for label, s in samples.items()}


PARALLEL_NAME = "NdParallel.For"


def bench_parallel(nd_ext_dir: str, rounds: int) -> dict | None:
    """nd_test's scale_serial against scale_parallel (NdParallel.For over the cores, the GIL
    released) on 10,000,000 float64, interleaved; median ms of each. Needs nd_test published
    next to nd_ext (scripts/test.sh does; bench/run.sh does not): skipped otherwise."""
    try:
        import nd_test
    except ImportError:
        return None
    x = np.random.default_rng(1).random(10_000_000)
    nd_test.scale_serial(x[:1000].copy(), 1.0)
    nd_test.scale_parallel(x[:1000].copy(), 1.0)
    serial, parallel = [], []
    for _ in range(rounds):
        for f, out in ((nd_test.scale_serial, serial), (nd_test.scale_parallel, parallel)):
            a = x.copy()
            t0 = timeit.default_timer()
            f(a, 2.0)
            out.append((timeit.default_timer() - t0) * 1e3)
    return {"serial_ms": statistics.median(serial), "parallel_ms": statistics.median(parallel), "cores": os.cpu_count()}


def loop_overhead_ns(loops: int = 1_000_000) -> float:
    return min(timeit.Timer("pass").repeat(5, loops)) / loops * 1e9


# ---------------------------------------------------------------- reporting

def print_algebra_table(rows: list[dict]) -> None:
    print(f"| {ALGEBRA_NAME} | nd_ext | nd_ext (foreach) | C | numpy | nd_ext / numpy | nd_ext / C |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        nd = next(v for k, v in r.items() if k.startswith("nd_ext (") and k != "nd_ext (foreach)")
        loop, c = r.get("nd_ext (foreach)"), r.get("C")
        print(f"| {r['row']} | {fmt_ns(nd)} | {fmt_ns(loop) if loop else '-'} | {fmt_ns(c) if c else '-'} "
              f"| {fmt_ns(r['numpy'])} | {nd / r['numpy']:.2f} | {f'{nd / c:.2f}' if c else '-'} |")


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


def print_import_table(res: dict, self_test: bool) -> None:
    lhs = "nd_ext_c (as nd_ext)" if self_test else "nd_ext"
    print(f"| {IMPORT_NAME} | {lhs} ms | C ms | ratio |")
    print("| --- | ---: | ---: | ---: |")
    nd, c = res["nd_ext"], res["C"]
    print(f"| median (min) of {len(nd['samples_ms'])} fresh interpreters "
          f"| {nd['median_ms']:.2f} ({nd['min_ms']:.2f}) | {c['median_ms']:.3f} ({c['min_ms']:.3f}) "
          f"| {nd['median_ms'] / c['median_ms']:.1f} |")


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
    p.add_argument("--import-runs", type=int,
                   help="fresh interpreters per module for the import time (default 21, or 5 with --quick)")
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

    def contenders_for(wl: Workload) -> dict:
        return {"nd_ext": nd_ext, "C": nd_ext_c} | ({"numpy": None} if wl.kind in ARRAY_KINDS else {})

    selected = [w for w in workloads() if (not args.only or args.only in w.name)
                and (w.kind not in POINT_CLASS_STMTS or args.self_test or hasattr(nd_ext, "PointClass"))]
    for wl in selected:  # all correctness checks before any timing
        verify(wl, contenders_for(wl))
    if selected:
        print(f"correctness: nd_ext, nd_ext_c (and numpy) agree exactly on all {len(selected)} workloads\n",
              flush=True)

    rows = []
    for wl in selected:
        contenders = contenders_for(wl)
        loops = max(1, wl.loops // 5) if args.quick else wl.loops
        res = bench_workload(wl, contenders, rounds, loops)
        row = {"workload": wl.name, "loops": loops, **res,
               "ratio": res["nd_ext"]["median_ns"] / res["C"]["median_ns"]}
        rows.append(row)
        print(f"  {wl.name}: done", file=sys.stderr, flush=True)

    crossing = None
    if not args.self_test and (not args.only or args.only in CROSSING_NAME):
        crossing = bench_crossing(info["nd_ext"])
        print(f"  {CROSSING_NAME}: done", file=sys.stderr, flush=True)

    generic = None
    if not args.self_test and hasattr(nd_ext, "scale") and (not args.only or args.only in GENERIC_NAME):
        generic = bench_generic(nd_ext, rounds, args.quick)
        print(f"  {GENERIC_NAME}: done", file=sys.stderr, flush=True)

    algebra = None
    if not args.self_test and hasattr(nd_ext, "axpy") and (not args.only or args.only in ALGEBRA_NAME):
        algebra = bench_algebra(nd_ext, nd_ext_c, rounds, args.quick)
        print(f"  {ALGEBRA_NAME}: done", file=sys.stderr, flush=True)

    loops = None
    if not args.self_test and hasattr(nd_ext, "poly_vector") and (not args.only or args.only in LOOPS_NAME):
        loops = bench_loops(nd_ext, nd_ext_c, rounds, args.quick)
        print(f"  {LOOPS_NAME}: done", file=sys.stderr, flush=True)

    parallel = None
    if not args.self_test and (not args.only or args.only in PARALLEL_NAME):
        parallel = bench_parallel(args.nd_ext_dir, rounds)
        print(f"  {PARALLEL_NAME}: {'done' if parallel else 'skipped (nd_test not published)'}", file=sys.stderr, flush=True)

    imports = None
    if not args.only or args.only in IMPORT_NAME:
        c_dir = str(BENCH_DIR / ".build")
        nd_dir = c_dir if args.self_test else str(pathlib.Path(args.nd_ext_dir).resolve())
        modules = {"nd_ext": (nd_dir, "nd_ext_c" if args.self_test else "nd_ext"), "C": (c_dir, "nd_ext_c")}
        imports = bench_import(modules, args.import_runs or (5 if args.quick else 21))
        print(f"  {IMPORT_NAME}: done", file=sys.stderr, flush=True)

    print()
    if rows:
        print_table(rows, args.self_test)
    if crossing:
        print()
        print(f"| {CROSSING_NAME} | nd_ext ns | C ns | difference |")
        print("| --- | ---: | ---: | ---: |")
        print(f"| median of 21 rounds of 2,000,000 calls | {crossing['nd_ext_ns']:.2f} | {crossing['C_ns']:.2f} "
              f"| {crossing['nd_ext_ns'] - crossing['C_ns']:.2f} |")
    if generic:
        print()
        print(f"| {GENERIC_NAME}, float64 | generic ns | float64-only ns | ratio |")
        print("| --- | ---: | ---: | ---: |")
        for g in generic:
            print(f"| {g['size']} | {fmt_ns(g['generic_ns'])} | {fmt_ns(g['float64_ns'])} | {g['ratio']:.2f} |")
    if algebra:
        print()
        print_algebra_table(algebra)
    if loops:
        print()
        print_loops_table(loops)
    if parallel:
        print()
        print(f"| {PARALLEL_NAME}, 10,000,000 float64 x 2.0 | serial ms | parallel ms | speed-up ({parallel['cores']} cores) |")
        print("| --- | ---: | ---: | ---: |")
        print(f"| nd_test.scale_serial / scale_parallel | {parallel['serial_ms']:.2f} | {parallel['parallel_ms']:.2f} "
              f"| {parallel['serial_ms'] / parallel['parallel_ms']:.2f} |")
    if imports:
        if rows:
            print()
        print_import_table(imports, args.self_test)
    if args.json:
        out = {"machine": info, "rounds": rounds, "quick": args.quick, "self_test": args.self_test,
               "loop_overhead_ns": overhead, "results": rows, "crossing": crossing, "generic": generic, "algebra": algebra, "loops": loops, "parallel": parallel, "import_ms": imports}
        pathlib.Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
