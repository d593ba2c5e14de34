"""End-to-end tests: pytest importing the NativeAOT-published modules nd_ext and nd_test.

Build them first, from the repository root:

    dotnet publish examples/NdExt -c Release -o .build/modules
    dotnet publish tests/NdTestModule -c Release -o .build/modules
    /usr/bin/python3 -m pytest tests/python -q

NDBINDGEN_MODULES overrides where the modules are looked for (default <repo>/.build/modules).
"""
import importlib
import os
import pathlib
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
MODULES = pathlib.Path(os.environ.get("NDBINDGEN_MODULES", REPO / ".build" / "modules")).resolve()
PROJECTS = {"nd_ext": "examples/NdExt", "nd_test": "tests/NdTestModule"}

sys.path.insert(0, str(MODULES))

try:
    from hypothesis import settings
    from hypothesis.configuration import set_hypothesis_home_dir

    # Hypothesis caches data (unicode tables) in ./.hypothesis; keep it in the ignored build tree.
    set_hypothesis_home_dir(str(REPO / ".build" / "hypothesis"))

    # No example database (it would write .hypothesis/ into the working directory); no deadline,
    # since the first call of a function may pay for numpy's import. Derandomized: every run of the
    # suite (CI's too) draws the same examples, so a red run is reproducible and not luck; new
    # examples come from the opt-in random runs (NDBINDGEN_RANDOM=1, or a long fuzzing run with
    # NDBINDGEN_FUZZ_EXAMPLES, see test_fuzz.py).
    RANDOM = bool(os.environ.get("NDBINDGEN_RANDOM") or os.environ.get("NDBINDGEN_FUZZ_EXAMPLES"))
    settings.register_profile("ndbindgen", database=None, deadline=None, max_examples=100, derandomize=not RANDOM)
    settings.load_profile("ndbindgen")
except ImportError:  # pragma: no cover - hypothesis is installed with python3-hypothesis
    pass


# trylast: after pytest's faulthandler plugin has installed its signal handlers. The .NET runtime
# starts when a module is imported and turns SIGSEGV/SIGFPE raised in C# code into
# NullReferenceException/DivideByZeroException only if its handlers see the signal first; a
# faulthandler enabled after the import would turn those exceptions into a fatal error instead
# (see test_exceptions.py::test_faulthandler_enabled_after_import).
@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    try:
        import numpy  # noqa: F401
    except ImportError:
        raise pytest.UsageError(
            f"numpy is not importable in {sys.executable}; run the tests with /usr/bin/python3 "
            "(Debian's python3 with python3-numpy, python3-pytest and python3-hypothesis)")
    for name, project in PROJECTS.items():
        try:
            importlib.import_module(name)
        except ImportError as e:
            raise pytest.UsageError(
                f"cannot import the extension module '{name}' from {MODULES}: {e}\n"
                f"Publish it first, from {REPO}:\n"
                f"    dotnet publish {project} -c Release -o .build/modules\n"
                "(or point NDBINDGEN_MODULES at the directory that holds it)")
