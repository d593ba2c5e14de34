"""``ndbindgen develop`` (maturin develop's counterpart): build the project in the current directory
and make it importable in the running interpreter's environment, in one command.

The first time, the project is installed editable (``pip install --no-build-isolation -e .``: the
backend publishes into ``<project>/bin/editable`` and installs a .pth file pointing there). After
that the .pth file is found and only ``dotnet publish`` runs into that directory: the next
interpreter started imports the new module (one already running keeps the old one)."""
import pathlib
import shutil
import subprocess
import sys
import sysconfig

from .backend import EDITABLE_DIR, _project_file


def _editable_installed(publish_dir):
    """Whether a .pth file in this environment's site-packages points at ``publish_dir``."""
    site = pathlib.Path(sysconfig.get_paths()["purelib"])
    target = str(publish_dir.resolve())
    for pth in site.glob("__editable__.*.pth"):
        if target in pth.read_text(errors="replace").splitlines():
            return True
    return False


def develop(project_dir=".", configuration="Release"):
    project_dir = pathlib.Path(project_dir).resolve()
    project = _project_file(project_dir)
    publish_dir = project_dir / EDITABLE_DIR
    if _editable_installed(publish_dir):
        dotnet = shutil.which("dotnet")
        if dotnet is None:
            raise RuntimeError("ndbindgen develop needs the .NET SDK: no `dotnet` on PATH")
        command = [dotnet, "publish", str(project), "-c", configuration, "-o", str(publish_dir), "--nologo",
                   f"-p:PythonExecutable={sys.executable}"]
    else:
        command = [sys.executable, "-m", "pip", "install", "--no-build-isolation", "-e", str(project_dir)]
    print("ndbindgen develop:", " ".join(command), file=sys.stderr, flush=True)
    return subprocess.call(command, cwd=project_dir)
