"""Wheels and `pip install <project dir>` (issue 6, items 1 and 2), offline.

- `dotnet publish examples/NdExt -p:PyWheel=true` writes a PEP 427 wheel: its name and tags come
  from the target interpreter, RECORD hashes every file, METADATA/WHEEL hold what pip reads.
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
import subprocess
import sys
import sysconfig
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "examples" / "NdExt"
sys.path.insert(0, str(REPO / "runtime" / "NdBindgen.Runtime" / "build" / "python"))
from ndbindgen_build.wheel import WheelError, build_wheel  # noqa: E402  (the writer, for the tests without dotnet)

MODULE = "nd_ext"
SUFFIX = ".so"   # dotnet publish writes <module>.so: one file for every supported CPython
TAG = "cp{0}{1}-cp{0}{1}-{2}".format(*sys.version_info[:2], sysconfig.get_platform().replace("-", "_").replace(".", "_"))
WHEEL_NAME = f"nd_ext-0.1.0-{TAG}.whl"

USE_IN_VENV = """
import importlib.metadata, sys
import nd_ext
print(nd_ext.__file__)
assert nd_ext.add_scalars(1.0, 2.0) == 3.0
p = nd_ext.Point(3.0, 4.0)
assert repr(p) == "Point (3.0, 4.0)", repr(p)
assert p.distance() == 5.0
assert importlib.metadata.version("nd-ext") == "0.1.0"
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


def read_wheel(path):
    with zipfile.ZipFile(path) as zf:
        return {info.filename: (zf.read(info), info.external_attr >> 16) for info in zf.infolist()}


# --- the wheel dotnet publish writes --------------------------------------------------------


def test_wheel_name_and_tags_come_from_the_target_interpreter(wheel):
    assert wheel.name == WHEEL_NAME
    if sys.version_info[:2] == (3, 11) and sysconfig.get_platform() == "linux-x86_64":
        assert wheel.name == "nd_ext-0.1.0-cp311-cp311-linux_x86_64.whl"


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
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata.get_all("Requires-Dist") == ["numpy"]
    fields = email.parser.Parser().parsestr(files["nd_ext-0.1.0.dist-info/WHEEL"][0].decode("utf-8"))
    assert fields["Wheel-Version"] == "1.0"
    assert fields["Generator"]
    assert fields["Root-Is-Purelib"] == "false"
    assert fields.get_all("Tag") == [TAG]


def test_wheel_holds_the_published_module_and_its_stub(wheel, published):
    files = read_wheel(wheel)
    module = MODULE + SUFFIX
    data, mode = files[module]
    assert data == (published / module).read_bytes()
    assert mode & 0o777 == 0o755
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
    assert module_file == site_packages(venv) / (MODULE + SUFFIX)
    if (site_packages(venv) / f"{MODULE}-stubs").exists():
        check_mypy_sees_the_stub(venv)


def test_pip_install_project_dir_without_build_isolation(wheel, venv, fresh):
    fresh("--no-build-isolation", PROJECT)
    assert import_in_venv(venv) == site_packages(venv) / (MODULE + SUFFIX)
    # The backend goes through the same MSBuild target and pyproject.toml: the same metadata.
    installed = (site_packages(venv) / "nd_ext-0.1.0.dist-info" / "METADATA").read_bytes()
    assert installed == read_wheel(wheel)["nd_ext-0.1.0.dist-info/METADATA"][0]


def test_pip_install_project_dir_with_build_isolation(venv, fresh):
    fresh(PROJECT)                                            # build-system requires = []: offline
    assert import_in_venv(venv) == site_packages(venv) / (MODULE + SUFFIX)


def test_editable_install_imports_from_the_project(venv, fresh):
    fresh("--no-build-isolation", "-e", PROJECT)
    assert import_in_venv(venv) == PROJECT / "bin" / "editable" / (MODULE + SUFFIX)
    if (PROJECT / "bin" / "editable" / f"{MODULE}.pyi").exists():
        check_mypy_sees_the_stub(venv)


# --- the writer on its own (no dotnet) ---------------------------------------------------------


def test_writer_defaults_without_pyproject(tmp_path):
    (tmp_path / f"mod_x{SUFFIX}").write_bytes(b"\x7fELF not really")
    path = build_wheel(tmp_path, "mod_x", "1.0.0-beta1", tmp_path / "dist")   # MSBuild's $(Version) style
    assert path.name == f"mod_x-1.0.0b1-{TAG}.whl"                               # PEP 440 normal form
    files = read_wheel(path)
    assert sorted(files) == sorted([f"mod_x{SUFFIX}"] + [f"mod_x-1.0.0b1.dist-info/{n}" for n in ("METADATA", "WHEEL", "RECORD")])
    metadata = email.parser.Parser().parsestr(files["mod_x-1.0.0b1.dist-info/METADATA"][0].decode())
    assert (metadata["Name"], metadata["Version"]) == ("mod_x", "1.0.0b1")
    assert metadata.get_all("Requires-Dist") == ["numpy"]
    assert metadata["Requires-Python"] == ">={}.{}".format(*sys.version_info[:2])
    assert build_wheel(tmp_path, "mod_x", "1.0.0-beta1", tmp_path / "again").read_bytes() == path.read_bytes()  # reproducible


def test_writer_names_a_module_published_by_an_older_ndbindgen(tmp_path):
    (tmp_path / "mod_x.cpython-39-x86_64-linux-gnu.so").write_bytes(b"")
    with pytest.raises(WheelError, match=r"mod_x\.cpython-39-x86_64-linux-gnu\.so: published by an older NdBindgen"):
        build_wheel(tmp_path, "mod_x", "1.0.0", tmp_path / "dist")


def test_writer_rejects_a_version_pip_would_not_accept(tmp_path):
    (tmp_path / f"mod_x{SUFFIX}").write_bytes(b"")
    with pytest.raises(WheelError, match="not a PEP 440 version"):
        build_wheel(tmp_path, "mod_x", "1.0.0-preview.7.abc", tmp_path / "dist")
