"""Two modules, one process (Reliability, item 7).

nd_ext and nd_test are two different NdBindgen modules, published separately with NativeAOT: each
.so carries its own .NET runtime and GC. stress_two_modules.py imports both into one interpreter
and runs 4 threads per module (8 in all) that allocate heavily for NDBINDGEN_STRESS_SECONDS
(default 60): arrays returned by both, instances of both, one module's arrays and instances
given to the other, exceptions raised in both, cycles through both runtimes collected by gc, and
C# strings and arrays for each runtime's GC; every result is checked. It runs in a subprocess,
so a crash is a failed test with its output rather than a dead pytest.

Asserted: the process exits 0 with no failed round; every thread made progress; nd_test's .NET
GC ran many times; RSS stays bounded: the growth from the end of the first sixth of the run
(10 s of 60) to the end stays below 48 MB, and the peak below 400 MB.
"""
import json
import os
import pathlib
import subprocess
import sys

import nd_test

HERE = pathlib.Path(__file__).resolve().parent
MB = 1 << 20
SECONDS = float(os.environ.get("NDBINDGEN_STRESS_SECONDS", "60"))
LATE_GROWTH_BOUND = 48 * MB
PEAK_BOUND = 400 * MB


def test_two_modules_allocating_from_eight_threads():
    modules = os.path.dirname(nd_test.__file__)
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(HERE / "stress_two_modules.py"), modules,
         "--seconds", str(SECONDS)],
        capture_output=True, text=True, timeout=SECONDS * 3 + 120)
    output = f"exit code {proc.returncode}\nstdout:\n{proc.stdout[-5000:]}\nstderr:\n{proc.stderr[-5000:]}"
    assert proc.returncode == 0, output
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], output

    samples = [(t, rss) for t, rss in report["samples"]]
    settled_at = SECONDS / 6
    settled = min(samples, key=lambda s: abs(s[0] - settled_at))[1]
    end = samples[-1][1]
    peak = max(rss for _, rss in samples)
    print(f"\n{report['seconds']} s, rounds per thread {report['rounds']}, nd_test .NET GCs gen0/1/2 "
          f"{report['nd_test_gcs']}, gc collected {report['python_collected']:,} Python objects; RSS start "
          f"{samples[0][1] / MB:.0f} MB, at {settled_at:.0f} s {settled / MB:.0f} MB, end {end / MB:.0f} MB, "
          f"peak {peak / MB:.0f} MB")

    assert report["seconds"] >= SECONDS * 0.95
    assert min(report["rounds"]) >= SECONDS * 5, report["rounds"]       # every thread kept working
    # nd_test's GC ran again and again under the eight threads. How often depends on the garbage per round
    # and on how many rounds the machine runs (26 in 60 s on a busy one, with issue 17's leaner conversions):
    # one every 12 s is the claim, not a rate.
    assert report["nd_test_gcs"][0] >= SECONDS / 12, report["nd_test_gcs"]
    assert report["python_collected"] > 0
    assert end - settled < LATE_GROWTH_BOUND, (
        f"RSS grew by {(end - settled) / MB:.0f} MB from {settled_at:.0f} s to the end "
        f"(bound {LATE_GROWTH_BOUND // MB} MB): {[(t, round(r / MB)) for t, r in samples]}")
    assert peak < PEAK_BOUND, f"RSS peaked at {peak / MB:.0f} MB (bound {PEAK_BOUND // MB} MB)"
