"""Two NdBindgen modules in one interpreter, both allocating heavily from several threads.

nd_ext and nd_test are two separately published NativeAOT libraries, each with its own .NET
runtime and GC. This script imports both and runs THREADS_PER_MODULE threads per module for
--seconds: nd_ext threads alternate nd_ext rounds and cross-module rounds, nd_test threads
alternate nd_test rounds and cross-module rounds (workload.py: arrays, instances, exceptions,
callbacks, GIL-releasing kernels, cycles through both runtimes collected by gc, C# strings).
The main thread samples RSS every second. It prints one JSON line at the end:
{"samples": [[t, rss_bytes], ...], "rounds": [...], "errors": [...], "gcs": [...], ...}
and exits 0 when no round failed.

    /usr/bin/python3 tests/python/stress_two_modules.py <modules dir> --seconds 60
"""
import argparse
import gc
import json
import os
import sys
import threading
import time
import traceback

THREADS_PER_MODULE = 4


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("modules")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    sys.path.insert(0, args.modules)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

    import numpy as np
    import nd_ext
    import nd_test
    import workload
    from memory import rss_bytes

    assert nd_ext.__file__ != nd_test.__file__
    errors, rounds = [], [0] * (2 * THREADS_PER_MODULE)
    stop = threading.Event()
    plans = ([(workload.nd_ext_round, workload.cross_round)] * THREADS_PER_MODULE
             + [(workload.nd_test_round, workload.cross_round)] * THREADS_PER_MODULE)

    def worker(k):
        rng = np.random.default_rng(k)
        plan = plans[k]
        i = 0
        try:
            while not stop.is_set():
                plan[i % 2](rng, i)
                i += 1
                rounds[k] = i
        except BaseException:
            errors.append(f"thread {k} round {i}: {traceback.format_exc()}")
            stop.set()

    gcs_before = [nd_test.gc_count(g) for g in range(3)]
    collected_before = sum(s["collected"] for s in gc.get_stats())
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(len(plans))]
    start = time.monotonic()
    for t in threads:
        t.start()
    samples = [(0.0, rss_bytes())]
    while not stop.is_set() and time.monotonic() - start < args.seconds:
        stop.wait(1.0)
        samples.append((round(time.monotonic() - start, 2), rss_bytes()))
    stop.set()
    for t in threads:
        t.join()
    print(json.dumps({
        "seconds": round(time.monotonic() - start, 2),
        "samples": samples,
        "rounds": rounds,
        "errors": errors,
        "nd_test_gcs": [nd_test.gc_count(g) - b for g, b in zip(range(3), gcs_before)],
        "nd_test_heap": nd_test.managed_heap_bytes(),
        "python_collected": sum(s["collected"] for s in gc.get_stats()) - collected_before,
    }), flush=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
