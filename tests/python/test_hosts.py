"""Hosts: one build of a module imports into every supported CPython (3.9-3.13, and Debian's
python3.11-dbg) and works there; hosts it does not support fail with a clear ImportError, never a
crash: an older or newer CPython, a subinterpreter (the Reliability issue, item 6). A second import
in the same interpreter (reload, del sys.modules, importlib.import_module) works: the same module
and types.

Each case runs in a fresh interpreter (a subprocess), so a crash would show as a failed test. The
interpreters are pyenv's (~/.pyenv/versions) and Debian's; a version that is not there is skipped.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import MODULES, REPO

PYENV = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv")) / "versions"


def run(code, python=sys.executable, path=MODULES):
    result = subprocess.run([str(python), "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PYTHONPATH=str(path)))
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


# --- subinterpreters ------------------------------------------------------------------------

SUBINTERPRETER = """
    import _xxsubinterpreters as interpreters
    {before}
    sid = interpreters.create()
    try:
        interpreters.run_string(sid, "import {module}")
    except interpreters.RunFailedError as e:
        print(e)
    else:
        print("imported")
    interpreters.destroy(sid)
    import {module}
    {after}
    print("main goes on")
"""


@pytest.mark.parametrize("first", ["main", "subinterpreter"])
def test_subinterpreter_import_is_refused(first):
    before = "import nd_ext; assert nd_ext.add_scalars(1.0, 2.0) == 3.0" if first == "main" else ""
    after = "assert nd_ext.add_scalars(1.0, 2.0) == 3.0 and repr(nd_ext.Point(1.0, 2.0)) == 'Point (1.0, 2.0)'"
    out = run(SUBINTERPRETER.format(module="nd_ext", before=before, after=after))
    assert out.splitlines() == [
        "<class 'ImportError'>: module 'nd_ext' cannot be imported into a subinterpreter: it keeps"
        " process-wide state (its types, cached objects), so it runs only in the main interpreter",
        "main goes on",
    ]


def test_subinterpreter_refused_for_a_module_with_classes():
    after = "assert nd_test.Thrower(2).twice() == 4"
    out = run(SUBINTERPRETER.format(module="nd_test", before="import nd_test", after=after))
    assert "module 'nd_test' cannot be imported into a subinterpreter" in out
    assert out.splitlines()[-1] == "main goes on"


# --- importing again ------------------------------------------------------------------------

def test_reload_keeps_the_module_and_its_types():
    run("""
        import importlib, nd_ext
        Point, p = nd_ext.Point, nd_ext.Point(3.0, 4.0)
        again = importlib.reload(nd_ext)
        assert again is nd_ext and again.Point is Point and isinstance(p, again.Point)
        assert again.add_scalars(1.0, 2.0) == 3.0 and p.distance() == 5.0
        assert importlib.reload(again) is nd_ext
    """)


@pytest.mark.parametrize("module, check", [
    ("nd_ext", "m.add_scalars(1.0, 2.0) == 3.0 and m.Point(3.0, 4.0).distance(old) == 0.0"),
    ("nd_test", "m.Thrower(2).twice() == 4 and m.Holder(old).item is old"),
])
def test_import_after_removing_from_sys_modules(module, check):
    cls = {"nd_ext": "Point", "nd_test": "Thrower"}[module]
    arguments = {"nd_ext": "3.0, 4.0", "nd_test": "2"}[module]
    run(f"""
        import importlib, sys, gc
        import {module} as first
        old = first.{cls}({arguments})
        for again in range(3):
            del sys.modules["{module}"]
            gc.collect()
            m = importlib.import_module("{module}") if again % 2 else __import__("{module}")
            assert m is first and sys.modules["{module}"] is m
            assert m.{cls} is first.{cls} and isinstance(old, m.{cls}) and type(m.{cls}(*[{arguments}])) is type(old)
            assert {check}
        import {module}
        assert {module} is first
    """)


def test_import_after_dropping_every_reference():
    run("""
        import sys, gc, weakref
        import nd_ext
        Point = weakref.ref(nd_ext.Point)
        del sys.modules["nd_ext"], nd_ext
        gc.collect()
        import nd_ext
        assert nd_ext.Point is Point() and nd_ext.Point(3.0, 4.0).distance() == 5.0
    """)


# --- every CPython, one build ------------------------------------------------------------------

SUPPORTED = ["3.9", "3.10", "3.11", "3.12", "3.13"]


def pythons():
    """{"3.9": path, ...}: each minor version's interpreter on this machine (Debian's 3.11 first)."""
    found = {"3.11": pathlib.Path("/usr/bin/python3.11")} if pathlib.Path("/usr/bin/python3.11").exists() else {}
    for exe in sorted(PYENV.glob("*/bin/python")):
        parts = exe.parent.parent.name.split(".")
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            found.setdefault(".".join(parts[:2]), exe)
    return found


PYTHONS = pythons()
DEBUG_PYTHON = shutil.which("python3.11-dbg")
OLDER = [v for v in PYTHONS if v.startswith("3.") and int(v.split(".")[1]) < 9]


def test_the_library_lists_the_python_versions_it_supports():
    """ndbindgen_python_versions: what tools (the wheel builder) read, without importing the module."""
    out = run(f"""
        import ctypes
        f = ctypes.CDLL({str(MODULES / "nd_ext.so")!r}).ndbindgen_python_versions
        f.restype = ctypes.c_char_p
        print(f().decode())
    """)
    assert out.splitlines() == [" ".join(SUPPORTED)]


def test_the_module_file_is_named_for_every_cpython():
    assert (MODULES / "nd_ext.so").is_file() and (MODULES / "nd_test.so").is_file()
    assert not list(MODULES.glob("nd_*.cpython-*.so"))   # a tagged file would shadow the plain one


WORKS = """
    import gc, sys
    import nd_ext, nd_test
    assert nd_ext.add_scalars(1.0, 2.0) == 3.0
    p = nd_ext.Point(3.0, 4.0)
    assert p.distance() == 5.0 and repr(p) == "Point (3.0, 4.0)"
    # ints, read from the object (3.12 changed the layout): small, negative, zero, large, bool
    for v in (0, 1, -1, 7, -7, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**62, -(2**62)):
        assert nd_test.echo_int64(v) == v, v
    assert nd_test.echo_uint64(2**64 - 1) == 2**64 - 1 and nd_test.echo_int64(True) == 1
    for bad in (-1, -(2**40)):
        try:
            nd_test.echo_uint64(bad)
        except OverflowError:
            pass
        else:
            raise AssertionError(bad)
    assert nd_test.echo_float64(2) == 2.0 and nd_test.echo_float64(-3) == -3.0
    # immortal objects (3.12+): None, True, small ints passed and returned many times; CPython never
    # changes their counts, and neither may the module (3.11 and older count them as any object)
    counts = [sys.getrefcount(o) for o in (None, True, 5)]
    for _ in range(100000):
        nd_test.echo_bool(True)
        nd_test.echo_int64(5)
        nd_test.echo_opt_int32(None)
        nd_test.call_ref(lambda d: None, 5)
    if sys.version_info >= (3, 12):
        assert [sys.getrefcount(o) for o in (None, True, 5)] == counts
    # classes: construction (type vectorcall), subclasses, GC of cycles through instances
    class Sub(nd_test.Animal):
        def speak(self):
            return "sub"
    assert Sub("x").speak() == "sub" and isinstance(Sub("x"), nd_test.Animal)
    h = nd_test.Holder()
    h.push(h)
    del h
    gc.collect()
    # exceptions both ways, and a callback
    try:
        nd_test.call_back(lambda d: 1 / 0, 1)
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("no ZeroDivisionError")
    assert nd_test.call_back(lambda d: d * 2, 21) == 42
    print("works on", sys.version.split()[0], sys.abiflags or "-")
"""


@pytest.mark.parametrize("version", SUPPORTED)
def test_every_supported_cpython_imports_and_runs_the_same_build(version):
    if version not in PYTHONS:
        pytest.skip(f"no CPython {version} on this machine")
    out = run(WORKS, python=PYTHONS[version])
    assert out.startswith(f"works on {version}.")


@pytest.mark.skipif(DEBUG_PYTHON is None, reason="python3.11-dbg is not installed")
def test_the_debug_interpreter_imports_and_runs_it():
    assert run(WORKS, python=DEBUG_PYTHON).splitlines() == [f"works on {version} d" for version in
                                                              [run("import platform; print(platform.python_version())",
                                                                   python=DEBUG_PYTHON).strip()]]


IMPORT = """
    try:
        import nd_ext
    except ImportError as e:
        print(e)
    else:
        print("imported")
    print(sum(range(4)))
"""


@pytest.mark.skipif(not OLDER, reason="no CPython older than 3.9 on this machine")
@pytest.mark.parametrize("version", OLDER)
def test_an_older_cpython_is_refused_with_the_supported_versions(version):
    python = PYTHONS[version]
    full = subprocess.run([str(python), "-c", "import platform; print(platform.python_version())"],
                          capture_output=True, text=True).stdout.strip()
    out = run(IMPORT, python=python)
    if version.startswith("2."):
        # Python 2 loads no PyInit_<name> module, and lacks functions the module links to: the
        # dynamic loader refuses it before any of its code runs.
        assert "undefined symbol" in out.splitlines()[0]
    else:
        assert out.splitlines() == [
            "module 'nd_ext' cannot be imported: NdBindgen modules run on the default (GIL) builds of "
            f"CPython 3.9, 3.10, 3.11, 3.12, 3.13, not on CPython {full}",
            "6",
        ]


def exported_symbols(python):
    """The C symbols an interpreter's process offers an extension: its executable's dynamic symbols
    and those of the libpython it links to (pyenv's are shared builds, Debian's python3.11 is not)."""
    exe = os.path.realpath(python)
    files = [exe] + [line.split("=>")[1].split("(")[0].strip()
                     for line in subprocess.run(["ldd", exe], capture_output=True, text=True).stdout.splitlines()
                     if "libpython" in line and "=>" in line]
    names = set()
    for f in files:
        out = subprocess.run(["nm", "-D", "--defined-only", f], capture_output=True, text=True, check=True).stdout
        names.update(line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip())
    return names


@pytest.mark.skipif(shutil.which("nm") is None, reason="needs nm (binutils)")
@pytest.mark.parametrize("version", sorted(v for v in PYTHONS if not v.startswith("2.")))
def test_every_c_function_the_modules_link_to_is_in_every_cpython_from_3_6(version):
    """The symbol audit: the dynamic loader binds every direct call at import (RTLD_NOW), so one
    function missing from an interpreter would make the whole module an ImportError there ("undefined
    symbol") before PyInit could run. Those of 3.9+ only are looked up at run time instead
    (runtime/NdBindgen.Runtime/Interop/CPython.Resolved.cs), so that even 3.6-3.8 reach PyInit and
    hear why they are refused."""
    wanted = set()
    for module in ("nd_ext.so", "nd_test.so"):
        out = subprocess.run(["nm", "-D", "--undefined-only", str(MODULES / module)],
                             capture_output=True, text=True, check=True).stdout
        wanted.update(name for name in (line.split()[-1].split("@")[0] for line in out.splitlines())
                      if name.startswith(("Py", "_Py")))
    assert len(wanted) > 50
    assert sorted(wanted - exported_symbols(PYTHONS[version])) == []
