"""Hosts a module does not support fail with a clear ImportError, never a crash (the Reliability
issue, item 6): a subinterpreter, another CPython version. A second import in the same
interpreter (reload, del sys.modules, importlib.import_module) works: the same module and types.

Each case runs in a fresh interpreter (a subprocess), so a crash would show as a failed test.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import MODULES, REPO

SUFFIX = ".cpython-311-x86_64-linux-gnu.so"
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


# --- another CPython version ----------------------------------------------------------------

def test_the_library_lists_the_python_versions_it_supports():
    """ndbindgen_python_versions: what tools (the wheel builder) read, without importing the module."""
    library = next(MODULES.glob("nd_ext.*so"))
    out = run(f"""
        import ctypes
        f = ctypes.CDLL({str(library)!r}).ndbindgen_python_versions
        f.restype = ctypes.c_char_p
        print(f().decode())
    """)
    assert out.splitlines() == ["3.9 3.10 3.11 3.12 3.13"]


def other_pythons():
    """Interpreters of other minor versions on this machine (pyenv's), to import the 3.11 module into."""
    found = {}
    for exe in sorted(PYENV.glob("3.*/bin/python3")):
        version = exe.parent.parent.name.split(".")
        if len(version) >= 2 and version[1].isdigit() and int(version[1]) >= 10 and version[:2] != ["3", "11"]:
            found[".".join(version[:2])] = exe
    return found


OTHER_PYTHONS = other_pythons()

IMPORT = """
    import sys
    try:
        import nd_ext
    except ImportError as e:
        print(e)
    else:
        print("imported")
    print(sum(range(4)))
"""


@pytest.mark.skipif(not OTHER_PYTHONS, reason="no CPython other than 3.11 on this machine")
@pytest.mark.parametrize("version", sorted(OTHER_PYTHONS))
def test_module_built_for_311_refuses_another_interpreter(version, tmp_path):
    # Under a name any CPython 3 loads (a plain .so), so the interpreter reaches PyInit_nd_ext.
    shutil.copy(MODULES / f"nd_ext{SUFFIX}", tmp_path / "nd_ext.so")
    python = OTHER_PYTHONS[version]
    full = subprocess.run([str(python), "-c", "import platform; print(platform.python_version())"],
                          capture_output=True, text=True).stdout.strip()
    out = run(IMPORT, python=python, path=tmp_path)
    assert out.splitlines() == [
        f"module 'nd_ext' was built for CPython 3.11 and cannot be imported into CPython {full}; "
        "rebuild it for this interpreter (dotnet publish -p:PythonExecutable=<path to python>)",
        "6",
    ]


@pytest.fixture(scope="module")
def built_for_312(tmp_path_factory):
    """nd_ext published as if for CPython 3.12 (-p:PythonVersion=3.12), with every output and
    intermediate folder of its own: NativeAOT's incremental build would otherwise reuse this
    library in the repository's next publish."""
    root = tmp_path_factory.mktemp("py312")
    result = subprocess.run(
        ["dotnet", "publish", "examples/NdExt", "-c", "Release", "-o", str(root / "out"), "--nologo", "-v", "q",
         "-p:PythonVersion=3.12", "-p:PythonExtSuffix=.cpython-312-x86_64-linux-gnu.so",
         f"-p:IntermediateOutputPath={root / 'obj'}/", f"-p:OutputPath={root / 'bin'}/", f"-p:OutDir={root / 'bin'}/",
         f"-p:NativeIntermediateOutputPath={root / 'obj' / 'native'}/", f"-p:NativeOutputPath={root / 'bin' / 'native'}/"],
        cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    module = root / "out" / "nd_ext.cpython-312-x86_64-linux-gnu.so"
    plain = root / "plain"
    plain.mkdir()
    shutil.copy(module, plain / "nd_ext.so")
    return plain


def test_module_built_for_312_refuses_311(built_for_312):
    out = run(IMPORT, path=built_for_312)
    full = ".".join(map(str, sys.version_info[:3]))
    assert out.splitlines() == [
        f"module 'nd_ext' was built for CPython 3.12 and cannot be imported into CPython {full}; "
        "rebuild it for this interpreter (dotnet publish -p:PythonExecutable=<path to python>)",
        "6",
    ]


@pytest.mark.skipif("3.12" not in OTHER_PYTHONS, reason="no CPython 3.12 on this machine")
def test_module_built_for_312_names_the_layouts_the_runtime_knows(built_for_312):
    # Built for the interpreter it runs in, but NdBindgen mirrors 3.11's structs only.
    out = run(IMPORT, python=OTHER_PYTHONS["3.12"], path=built_for_312)
    assert out.splitlines() == [
        "module 'nd_ext' was built for CPython 3.12, but NdBindgen's runtime knows the object layouts "
        "of CPython 3.11 only; rebuild it with -p:PythonExecutable=<a CPython 3.11 interpreter>",
        "6",
    ]
