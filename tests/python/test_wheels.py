"""Wheels and `pip install <project dir>` (issue 6, items 1 and 2; issue 15 item 5), offline.

- `dotnet publish examples/NdExt -p:PyWheel=true` writes a PEP 427 wheel: tagged with the CPython
  versions the module serves and the manylinux policy its ELF file satisfies (test_wheel_tags.py
  tests how), RECORD hashes every file, every file is 0644, METADATA/WHEEL hold what pip reads.
- pip accepts it in exactly the interpreters its tags name (Debian's 3.11, its debug build, the
  pyenv 3.8-3.13 here), as packaging.tags predicts, and the module imports and works there.
- Installed with pip into a fresh `python3 -m venv --system-site-packages`, the module imports
  from the venv (a subprocess started outside the repository, so .build/modules is not on sys.path)
  and mypy finds its type stub there.
- `pip install examples/NdExt` builds through the in-tree PEP 517 backend, with and without build
  isolation (build requires = [], so nothing is downloaded), and `pip install -e` too.
Every pip call is --no-index with PIP_CONFIG_FILE=/dev/null: nothing can come from elsewhere.
"""
import base64
import csv
import email.parser
import hashlib
import io
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "examples" / "NdExt"
sys.path.insert(0, str(REPO / "runtime" / "NdBindgen.Runtime" / "build" / "python"))
from ndbindgen_build.tags import expand_tags  # noqa: E402
from ndbindgen_build.wheel import WheelError, build_wheel, wheel_tags  # noqa: E402

from conftest import MODULES  # noqa: E402

MODULE = "nd_ext"
EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")
# The module the suite imports (published by scripts/test.sh): `<module>.so` when it serves several
# CPython versions, `<module><EXT_SUFFIX>` when built for this interpreter only.
MODULE_FILE = next(p for p in (MODULES / f"{MODULE}.so", MODULES / f"{MODULE}{EXT_SUFFIX}") if p.exists())
PYTHON_TAG, ABI_TAG, PLATFORM, VERSIONS = wheel_tags(MODULE_FILE)
TAG = f"{PYTHON_TAG}-{ABI_TAG}-{PLATFORM.tag}"
WHEEL_NAME = f"nd_ext-0.1.0-{TAG}.whl"
PYENV = pathlib.Path("/root/.pyenv/versions")

USE_IN_VENV = """
import importlib.metadata, sys
import nd_ext
print(nd_ext.__file__)
assert nd_ext.add_scalars(1.0, 2.0) == 3.0
p = nd_ext.Point(3.0, 4.0)
assert repr(p) == "Point (3.0, 4.0)", repr(p)
assert p.distance() == 5.0
assert importlib.metadata.version("nd-ext") == "0.1.0"
assert nd_ext.__version__ == "0.1.0"     # the module's __version__ is the wheel's (pyproject.toml's)
assert not any(".build" in entry for entry in sys.path), sys.path
"""

TYPED_PROGRAM = """import nd_ext

total: float = nd_ext.add_scalars(1.0, 2.0)
distance: float = nd_ext.Point(3.0, 4.0).distance()
nd_ext.add_scalars("one", 2.0)
"""


def clean_env():
    """No PYTHONPATH (nothing from the repository), no pip configuration (nothing from elsewhere)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "NDBINDGEN_MODULES") and not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def run(command, cwd, timeout=600):
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=clean_env(),
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("publish")
    run(["dotnet", "publish", PROJECT, "-c", "Release", "-o", out, "-p:PyWheel=true", "--nologo"], cwd=REPO)
    return out


@pytest.fixture(scope="module")
def wheel(published):
    wheels = sorted(published.glob("*.whl"))
    assert [w.name for w in wheels] == [WHEEL_NAME]
    return wheels[0]


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    base = tmp_path_factory.mktemp("venv")
    run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", base / "venv"], cwd=base)
    return base / "venv"


@pytest.fixture
def fresh(venv):
    """The venv without nd-ext; yields a function installing into it with pip --no-index."""
    def pip_install(*args):
        run([venv / "bin" / "python", "-m", "pip", "install", "--no-index", *args], cwd=venv.parent)
    run([venv / "bin" / "python", "-m", "pip", "uninstall", "-y", "nd-ext"], cwd=venv.parent)
    yield pip_install
    run([venv / "bin" / "python", "-m", "pip", "uninstall", "-y", "nd-ext"], cwd=venv.parent)


def site_packages(venv):
    return pathlib.Path(run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('platlib'))"],
                            cwd=venv.parent).strip())


def import_in_venv(venv):
    """Import and use nd_ext with the venv's interpreter, started outside the repository."""
    return pathlib.Path(run([venv / "bin" / "python", "-c", USE_IN_VENV], cwd=venv.parent).splitlines()[0])


def check_mypy_sees_the_stub(venv):
    pytest.importorskip("mypy")
    work = venv.parent / "typed"
    work.mkdir(exist_ok=True)
    (work / "program.py").write_text(TYPED_PROGRAM)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--python-executable", str(venv / "bin" / "python"),
         "--cache-dir", str(work / "cache"), "--no-error-summary", "program.py"],
        cwd=work, env=clean_env(), capture_output=True, text=True, timeout=300)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and errors[0].startswith("program.py:5:") and "add_scalars" in errors[0], result.stdout


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_wheel(path):
    with zipfile.ZipFile(path) as zf:
        return {info.filename: (zf.read(info), info.external_attr >> 16) for info in zf.infolist()}


# --- the wheel dotnet publish writes --------------------------------------------------------


def test_wheel_name_and_tags_come_from_the_module(wheel):
    assert wheel.name == WHEEL_NAME
    assert PYTHON_TAG == ABI_TAG == ".".join("cp%d%d" % v for v in VERSIONS)
    assert (3, 11) in VERSIONS                                    # the interpreter it was built with
    assert "abi3" not in TAG
    if sysconfig.get_platform() == "linux-x86_64":
        # A NativeAOT library needs only libc, libm and the loader: manylinux, with X its highest
        # GLIBC_2.X (2.34 with Debian 12's toolchain).
        assert PLATFORM.reasons == () and PLATFORM.tag.startswith("manylinux_2_")
        assert PLATFORM.tag.endswith("_x86_64")


def test_record_hashes_every_file(wheel):
    files = read_wheel(wheel)
    record_name = "nd_ext-0.1.0.dist-info/RECORD"
    assert list(files)[-1] == record_name
    rows = list(csv.reader(io.StringIO(files[record_name][0].decode("utf-8"))))
    assert all(len(row) == 3 for row in rows)
    assert sorted(row[0] for row in rows) == sorted(files)
    for name, digest, size in rows:
        if name == record_name:
            assert (digest, size) == ("", "")
            continue
        data = files[name][0]
        algorithm, _, value = digest.partition("=")
        assert algorithm == "sha256" and "=" not in value
        assert value == base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert int(size) == len(data)


def test_metadata_and_wheel_fields(wheel):
    files = read_wheel(wheel)
    metadata = email.parser.Parser().parsestr(files["nd_ext-0.1.0.dist-info/METADATA"][0].decode("utf-8"))
    assert metadata["Metadata-Version"] == "2.1"
    assert metadata["Name"] == "nd-ext"                       # [project] in examples/NdExt/pyproject.toml
    assert metadata["Version"] == "0.1.0"
    assert metadata["Summary"]
    assert metadata["Requires-Python"] == ">=3.9"
    assert metadata.get_all("Requires-Dist") == ["numpy"]
    fields = email.parser.Parser().parsestr(files["nd_ext-0.1.0.dist-info/WHEEL"][0].decode("utf-8"))
    assert fields["Wheel-Version"] == "1.0"
    assert fields["Generator"]
    assert fields["Root-Is-Purelib"] == "false"
    assert fields.get_all("Tag") == expand_tags(TAG)
    assert len(fields.get_all("Tag")) == len(VERSIONS) ** 2 * len(PLATFORM.tag.split("."))


def test_every_file_in_the_wheel_is_0644(wheel):
    """pip (and installer, uv) create each file with the default mode and add execute bits only
    where the archive has them: 0644 in the archive is 0644 installed, the library too."""
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            assert info.create_system == 3, info.filename                 # Unix: the mode is meaningful
            assert info.external_attr >> 16 == 0o100644, (info.filename, oct(info.external_attr >> 16))


def test_wheel_holds_the_published_module_and_its_stub(wheel, published):
    files = read_wheel(wheel)
    module = MODULE_FILE.name
    data, _ = files[module]
    assert data == (published / module).read_bytes()
    stub = published / f"{MODULE}.pyi"
    if stub.exists():   # the publish step writes the stub; the wheel holds it as a PEP 561 stub package
        assert files[f"{MODULE}-stubs/__init__.pyi"][0] == stub.read_bytes()
        assert f"{MODULE}-stubs/py.typed" in files
        expected = {module, f"{MODULE}-stubs/__init__.pyi", f"{MODULE}-stubs/py.typed"}
    else:
        expected = {module}
    assert {name for name in files if ".dist-info/" not in name} == expected
    assert {name for name in files if ".dist-info/" in name} == {
        f"nd_ext-0.1.0.dist-info/{n}" for n in ("METADATA", "WHEEL", "RECORD")}


# --- installing it ----------------------------------------------------------------------------


def test_wheel_installs_into_a_venv_and_imports_from_there(wheel, venv, fresh):
    fresh(wheel)
    module_file = import_in_venv(venv)
    assert module_file == site_packages(venv) / MODULE_FILE.name
    assert module_file.stat().st_mode & 0o777 == 0o644 & ~current_umask()
    if (site_packages(venv) / f"{MODULE}-stubs").exists():
        check_mypy_sees_the_stub(venv)


# Every interpreter on this machine kind: pip must accept the wheel in exactly those whose
# version the module serves, and the module must work there.
INTERPRETERS = {
    "debian-3.11": "/usr/bin/python3",
    "debian-3.11-dbg": "/usr/bin/python3.11-dbg",                 # pip's abis there: cp311d, cp311
    **{f"pyenv-{v}": str(PYENV / v / "bin" / "python") for v in ("3.8.18", "3.9.18", "3.10.13", "3.12.1", "3.13.0")},
}
# What pip itself will accept, from its own copy of packaging.
SYS_TAGS = "from pip._vendor.packaging import tags; print(*tags.sys_tags(), sep='\\n')"
USE_FROM_TARGET = """
import os, sys
sys.path.insert(0, sys.argv[1])
import nd_ext
assert nd_ext.__file__.startswith(sys.argv[1]), nd_ext.__file__
print(oct(os.stat(nd_ext.__file__).st_mode & 0o777), nd_ext.add_scalars(1.0, 2.0))
"""


@pytest.mark.parametrize("name", list(INTERPRETERS))
def test_pip_accepts_the_wheel_exactly_where_its_tags_say(wheel, tmp_path, name):
    python = INTERPRETERS[name]
    if not os.path.exists(python):
        pytest.skip(f"{python} is not installed")
    printed = run([python, "-c", "import sys; print(*sys.version_info[:2])"], tmp_path)
    version = tuple(int(part) for part in printed.split())
    serves = version in VERSIONS
    accepted = set(run([python, "-c", SYS_TAGS], tmp_path).split())
    matching = sorted(accepted & set(expand_tags(TAG)))
    assert bool(matching) == serves, (version, VERSIONS, TAG)     # packaging agrees with the tags
    if name.endswith("-dbg"):
        assert "cp311-cp311d-manylinux_2_17_x86_64" in accepted and all(t.split("-")[1] == "cp311" for t in matching)
    target = tmp_path / "target"
    # --no-deps: numpy is not installed in the pyenv interpreters, and the module imports without it.
    result = subprocess.run([python, "-m", "pip", "install", "--no-index", "--no-deps", "--target", str(target),
                             str(wheel)], cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=300)
    if not serves:
        assert result.returncode != 0
        assert f"{wheel.name} is not a supported wheel on this platform" in result.stderr, result.stderr
        return
    assert result.returncode == 0, result.stdout + result.stderr
    mode, total = run([python, "-c", USE_FROM_TARGET, target], tmp_path).split()
    assert total == "3.0"
    assert int(mode, 8) == 0o644 & ~current_umask()


def test_pip_install_project_dir_without_build_isolation(wheel, venv, fresh):
    fresh("--no-build-isolation", PROJECT)
    assert import_in_venv(venv) == site_packages(venv) / MODULE_FILE.name
    # The backend goes through the same MSBuild target and pyproject.toml: the same metadata.
    installed = (site_packages(venv) / "nd_ext-0.1.0.dist-info" / "METADATA").read_bytes()
    assert installed == read_wheel(wheel)["nd_ext-0.1.0.dist-info/METADATA"][0]


def test_pip_install_project_dir_with_build_isolation(venv, fresh):
    fresh(PROJECT)                                            # build-system requires = []: offline
    assert import_in_venv(venv) == site_packages(venv) / MODULE_FILE.name


def test_editable_install_imports_from_the_project(venv, fresh):
    fresh("--no-build-isolation", "-e", PROJECT)
    assert import_in_venv(venv) == PROJECT / "bin" / "editable" / MODULE_FILE.name
    if (PROJECT / "bin" / "editable" / f"{MODULE}.pyi").exists():
        check_mypy_sees_the_stub(venv)


def test_submodule_stubs_ship_in_the_stub_package_and_mypy_finds_them(venv, tmp_path):
    """nd_test has a [PySubmodule] (nd_test.shapes): its stub, nd_test/shapes.pyi next to the module, becomes
    nd_test-stubs/shapes.pyi; installed, mypy checks `import nd_test.shapes` and `from nd_test import shapes`."""
    pytest.importorskip("mypy")
    module_file = next(p for p in (MODULES / "nd_test.so", MODULES / f"nd_test{EXT_SUFFIX}") if p.exists())
    path = build_wheel(MODULES, "nd_test", "1.0.0", tmp_path / "dist", module_file=module_file)
    files = read_wheel(path)
    assert files["nd_test-stubs/__init__.pyi"][0] == (MODULES / "nd_test.pyi").read_bytes()
    assert files["nd_test-stubs/shapes.pyi"][0] == (MODULES / "nd_test" / "shapes.pyi").read_bytes()
    assert "nd_test-stubs/py.typed" in files
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "--no-index", "--no-deps", path], cwd=venv.parent)
    try:
        run([python, "-c", "import nd_test.shapes, nd_test; assert nd_test.shapes.area(2.0, 3.0) == 6.0; "
             "assert nd_test.__version__ == '1.0.0'"], cwd=venv.parent)
        work = tmp_path / "typed"
        work.mkdir()
        (work / "program.py").write_text("import nd_test.shapes\nfrom nd_test import shapes\n"
                                         "a: float = nd_test.shapes.area(1.0, 2.0) + shapes.SIDES\n"
                                         "shapes.area('1', 2.0)\n")
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--python-executable", str(python), "--cache-dir", str(work / "cache"),
             "--no-error-summary", "program.py"], cwd=work, env=clean_env(), capture_output=True, text=True,
            timeout=300)
        errors = [line for line in result.stdout.splitlines() if ": error:" in line]
        assert len(errors) == 1 and errors[0].startswith("program.py:4:") and "area" in errors[0], result.stdout
    finally:
        run([python, "-m", "pip", "uninstall", "-y", "nd_test"], cwd=venv.parent)


# --- the writer on its own (no dotnet) ---------------------------------------------------------


def copy_module(directory, name):
    """The published nd_ext under another file name: a real ELF library, tags and all."""
    shutil.copyfile(MODULE_FILE, directory / name)
    return directory / name


def test_writer_defaults_without_pyproject(tmp_path):
    module = copy_module(tmp_path, MODULE_FILE.name.replace(MODULE, "mod_x"))
    path = build_wheel(tmp_path, "mod_x", "1.0.0-beta1", tmp_path / "dist")   # MSBuild's $(Version) style
    assert path.name == f"mod_x-1.0.0b1-{TAG}.whl"                               # PEP 440 normal form
    files = read_wheel(path)
    dist_info = [f"mod_x-1.0.0b1.dist-info/{n}" for n in ("METADATA", "WHEEL", "RECORD")]
    assert sorted(files) == sorted([module.name] + dist_info)
    metadata = email.parser.Parser().parsestr(files["mod_x-1.0.0b1.dist-info/METADATA"][0].decode())
    assert (metadata["Name"], metadata["Version"]) == ("mod_x", "1.0.0b1")
    assert metadata.get_all("Requires-Dist") == ["numpy"]
    assert metadata["Requires-Python"] == ">={}.{}".format(*min(VERSIONS))       # the oldest it serves
    assert build_wheel(tmp_path, "mod_x", "1.0.0-beta1", tmp_path / "again").read_bytes() == path.read_bytes()  # reproducible


def test_writer_tags_every_version_the_module_names_unless_its_file_name_says_one(tmp_path):
    """nd_ext exports ndbindgen_python_versions ("3.9 ... 3.13"): as mod_x.so (the name every one of
    them imports) the wheel is tagged with all of them; named with one version's EXT_SUFFIX, with
    that version only; named for a version the module does not serve, it is refused."""
    plain = build_wheel(tmp_path, "mod_x", "1.0", tmp_path / "plain", module_file=copy_module(tmp_path, "mod_x.so"))
    assert plain.name == f"mod_x-1.0-{'.'.join(['cp39', 'cp310', 'cp311', 'cp312', 'cp313'])}" \
        f"-{'.'.join(['cp39', 'cp310', 'cp311', 'cp312', 'cp313'])}-{PLATFORM.tag}.whl"
    metadata = email.parser.Parser().parsestr(read_wheel(plain)["mod_x-1.0.dist-info/METADATA"][0].decode())
    assert metadata["Requires-Python"] == ">=3.9"
    one = copy_module(tmp_path, "mod_x.cpython-312-x86_64-linux-gnu.so")
    assert build_wheel(tmp_path, "mod_x", "1.0", tmp_path / "one", module_file=one).name == \
        f"mod_x-1.0-cp312-cp312-{PLATFORM.tag}.whl"
    old = copy_module(tmp_path, "mod_x.cpython-38-x86_64-linux-gnu.so")
    with pytest.raises(WheelError, match="named for CPython 3.8, which the module does not support"):
        build_wheel(tmp_path, "mod_x", "1.0", tmp_path / "old", module_file=old)


def test_writer_tags_a_library_outside_the_policy_linux_and_says_why(tmp_path):
    """Debian's _bz2 extension needs libbz2, which a manylinux wheel would have to carry."""
    (bz2,) = [p for p in pathlib.Path(sysconfig.get_config_var("DESTSHARED")).glob("_bz2.*.so") if "311d" not in p.name]
    notes = []
    path = build_wheel(tmp_path, "bz2", "1.0", tmp_path / "dist", module_file=bz2, notes=notes.append)
    assert path.name == "bz2-1.0-{0}-{0}-linux_x86_64.whl".format("cp%d%d" % sys.version_info[:2])  # no export:
    # the interpreter's own tags
    assert notes == ["the wheel is tagged linux_x86_64, not manylinux: it needs libbz2.so.1.0, which is not on "
                     "the manylinux policy's list of system libraries (a wheel must carry it)"]


def test_writer_refuses_a_file_that_is_not_a_library(tmp_path):
    (tmp_path / f"mod_x{EXT_SUFFIX}").write_bytes(b"\x7fELF not really")
    with pytest.raises(WheelError, match="unknown ELF class"):
        build_wheel(tmp_path, "mod_x", "1.0.0", tmp_path / "dist")


def test_writer_names_a_module_built_for_another_interpreter(tmp_path):
    (tmp_path / "mod_x.cpython-39-x86_64-linux-gnu.so").write_bytes(b"")
    with pytest.raises(WheelError, match=r"mod_x\.so is missing .*found mod_x\.cpython-39-x86_64-linux-gnu\.so: "
                                         r"built for another interpreter\?"):
        build_wheel(tmp_path, "mod_x", "1.0.0", tmp_path / "dist")


def test_writer_rejects_a_version_pip_would_not_accept(tmp_path):
    copy_module(tmp_path, MODULE_FILE.name.replace(MODULE, "mod_x"))
    with pytest.raises(WheelError, match="not a PEP 440 version"):
        build_wheel(tmp_path, "mod_x", "1.0.0-preview.7.abc", tmp_path / "dist")


def test_editable_wheel_links_each_submodule_stub(tmp_path):
    """An editable install's <module>-stubs/ links to the publish folder's stubs, a [PySubmodule]'s
    (<module>/<sub>.pyi) included; a submodule the module no longer has loses its link."""
    module = copy_module(tmp_path, MODULE_FILE.name.replace(MODULE, "mod_x"))
    (tmp_path / "mod_x.pyi").write_text("import mod_x.geo as geo\n")
    (tmp_path / "mod_x").mkdir()
    (tmp_path / "mod_x" / "geo.pyi").write_text("def area() -> float: ...\n")
    (tmp_path / "mod_x" / "old.pyi").write_text("")
    build_wheel(tmp_path, "mod_x", "1.0.0", tmp_path / "dist", module_file=module, editable_path=tmp_path)
    stubs = tmp_path / "mod_x-stubs"
    assert os.readlink(stubs / "__init__.pyi") == "../mod_x.pyi"
    assert os.readlink(stubs / "geo.pyi") == "../mod_x/geo.pyi"
    assert (stubs / "geo.pyi").read_text() == "def area() -> float: ...\n"
    (tmp_path / "mod_x" / "old.pyi").unlink()
    build_wheel(tmp_path, "mod_x", "1.0.0", tmp_path / "dist", module_file=module, editable_path=tmp_path)
    assert sorted(p.name for p in stubs.iterdir()) == ["__init__.pyi", "geo.pyi", "py.typed"]
