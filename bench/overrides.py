#!/usr/bin/python3
"""A C#-side call of a Python override (issue 18), against Python calling the same method.

Not a row of bench.py: that table compares nd_ext with a hand-written C module, and C has no
counterpart of a C# virtual call reaching Python. Uses nd_test (tests/NdTestModule/ClassesOverrides.cs):
`zoo_speak_many(animal, n)` calls `animal.Speak(1)` n times from C#. Contenders are timed interleaved,
round-robin, and the median over rounds is reported, per call:

    dotnet publish tests/NdTestModule -c Release -o .build/modules
    /usr/bin/python3 bench/overrides.py [--rounds 21]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NDBINDGEN_MODULES", str(REPO / ".build" / "modules")))
import nd_test  # noqa: E402

N = 100_000


class Cat(nd_test.Beast):
    def speak(self, times):
        return "meow"


class Quiet(nd_test.Beast):
    """A Python subclass that overrides nothing."""


def contenders():
    cat, quiet, beast = Cat("c"), Quiet("q"), nd_test.Beast("b")
    many = nd_test.zoo_speak_many

    def python_calls_override():
        speak = cat.speak
        for _ in range(N):
            speak(1)

    return {
        "C# calls the Python override": lambda: many(cat, N),
        "Python calls the Python method": python_calls_override,
        "C# calls C# (the C# class)": lambda: many(beast, N),
        "C# calls C# (Python subclass, no override)": lambda: many(quiet, N),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    runs = contenders()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - start) / N * 1e9)
    for name, values in times.items():
        print(f"{name:45} {statistics.median(values):7.1f} ns")


if __name__ == "__main__":
    main()
