"""End-to-end tests: pytest importing the NativeAOT-published modules nd_ext and nd_test.

Build them first, from the repository root:

    dotnet publish examples/NdExt -c Release -o .build/modules
    dotnet publish tests/NdTestModule -c Release -o .build/modules
    /usr/bin/python3 -m pytest tests/python -q

NDBINDGEN_MODULES overrides where the modules are looked for (default <repo>/.build/modules).

One build of the modules runs on every supported CPython (3.9-3.13). The other interpreters on this
machine (pyenv's) have no numpy and no pytest; scripts/test.sh runs Debian's pytest on them with
--numpy-free, which collects only NUMPY_FREE and skips each test there that touches numpy:

    PYTHONPATH=/usr/lib/python3/dist-packages ~/.pyenv/versions/3.12.1/bin/python3 \
        -m pytest tests/python --numpy-free -q
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

# The test files that exercise the runtime on any CPython (functions, conversions, arguments,
# overloads, classes and their GC, exceptions, callbacks, threads, fork, recursion, reference
# counts): what --numpy-free collects. The rest need numpy throughout (arrays, the tutorial, the
# fuzzer's strategies, the two-module stress run), or test the toolchain with Debian's 3.11 (dotnet
# builds, wheels, stubs with mypy, embedding, the C reference module, the other interpreters).
NUMPY_FREE = [
    "test_complex32_scalar.py",
    "test_arguments.py", "test_class_lifetime.py", "test_classes.py", "test_containers.py", "test_conversions.py",
    "test_exceptions.py", "test_exceptions_everywhere.py", "test_hostile_fork.py",
    "test_hostile_recursion.py", "test_hostile_threads.py", "test_nd_ext_classes.py",
    "test_module_level.py", "test_overloads.py", "test_refcounts.py", "test_runtime_api.py", "test_signatures.py",
    "test_values.py", "test_enums.py", "test_callback_values.py", "test_class_dunders.py",
    "test_class_numbers.py",
    "test_class_containers.py",
    "test_class_attributes.py",
    "test_class_inheritance.py",
    "test_class_overrides.py",
    "test_class_pickle.py",
    "test_class_allocation.py",
    "test_exception_raising.py",
    "test_exception_frames.py",
    "test_exception_classes.py",
    "test_exception_notes.py",
    "test_returned_refs.py",
    "test_array_borrows.py",
    "test_class_structs.py",
]


class _NumpyMissing:
    """Stands for numpy where it is not importable: a test that touches it is skipped, and so is a
    test file that touches it while being imported. Test files take numpy from here
    (``from conftest import np``), so the skip names what was asked for."""

    def __getattr__(self, name):
        if name.startswith("__"):   # Python's and pytest's own probing (__bases__, __wrapped__, ...)
            raise AttributeError(name)
        raise pytest.skip.Exception(f"needs numpy (numpy.{name}), not importable in {sys.executable}",
                                    allow_module_level=True)


try:
    import numpy as np
except ImportError:   # numpy is built for Debian's 3.11 only
    np = _NumpyMissing()

HAVE_NUMPY = not isinstance(np, _NumpyMissing)

# For a test whose numpy use the stand-in cannot see (a child process's code, a lazily made target).
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason=f"needs numpy, not importable in {sys.executable}")

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
def pytest_addoption(parser):
    parser.addoption("--numpy-free", action="store_true",
                     help="collect only the test files of conftest.NUMPY_FREE; skip the tests there that need numpy")


def pytest_ignore_collect(collection_path, config):
    if config.getoption("numpy_free") and collection_path.suffix == ".py" \
            and collection_path.name.startswith("test_") and collection_path.name not in NUMPY_FREE:
        return True
    return None


def pytest_report_header(config):
    if config.getoption("numpy_free"):
        state = "present" if HAVE_NUMPY else "absent: tests that need it are skipped"
        return f"numpy-free part only (--numpy-free); numpy {state}"
    return None


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if not HAVE_NUMPY and not config.getoption("numpy_free"):
        raise pytest.UsageError(
            f"numpy is not importable in {sys.executable}; run the tests with /usr/bin/python3 "
            "(Debian's python3 with python3-numpy, python3-pytest and python3-hypothesis), or only "
            "the numpy-free part with --numpy-free")
    for name, project in PROJECTS.items():
        try:
            importlib.import_module(name)
        except ImportError as e:
            raise pytest.UsageError(
                f"cannot import the extension module '{name}' from {MODULES}: {e}\n"
                f"Publish it first, from {REPO}:\n"
                f"    dotnet publish {project} -c Release -o .build/modules\n"
                "(or point NDBINDGEN_MODULES at the directory that holds it)")
