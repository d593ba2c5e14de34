"""PEP 517/660 build backend: ``pip install <project dir>`` for an NdBindgen extension project.

A project opts in with a pyproject.toml next to its .csproj (see examples/NdExt):

    [build-system]
    requires = []                       # nothing to download: the backend is standard library only
    build-backend = "ndbindgen_backend" # a shim in the project that imports this module
    backend-path = ["."]

build_wheel runs ``dotnet publish <project> -c Release -p:PythonExecutable=<this interpreter>
-p:PyWheel=true`` into a temporary directory: NdBindgen.targets compiles the module for the
interpreter pip runs (the one it installs into) and packs it with ndbindgen_build.wheel, reading
[project] from the same pyproject.toml. The wheel is moved into pip's wheel directory.

build_editable publishes into ``<project>/bin/editable`` and returns a wheel holding only a .pth
file that puts that directory on sys.path: after changing the C# code,
``dotnet publish <project> -c Release -o <project>/bin/editable`` (or ``pip install -e`` again)
updates the installed module; a running interpreter keeps the old one until it restarts.

No build_sdist: the project references the NdBindgen runtime and generator by relative path
(../../runtime, ../../generator), so the project directory alone is not a buildable source
distribution. No prepare_metadata_for_build_wheel: pip then takes the metadata from the wheel.

config_settings: ``configuration`` (default Release); any other key ``-p:Name`` is passed to
dotnet publish as an MSBuild property (``pip install --config-settings=-p:Version=2.0 ...``).
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

EDITABLE_DIR = pathlib.Path("bin") / "editable"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _build(wheel_directory, config_settings, editable=False)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _build(wheel_directory, config_settings, editable=True)


def _project_file(project_dir):
    projects = sorted(project_dir.glob("*.csproj"))
    if len(projects) != 1:
        raise RuntimeError(
            f"NdBindgen build backend: expected one .csproj in {project_dir}, found "
            f"{', '.join(p.name for p in projects) or 'none'}")
    return projects[0]


def _build(wheel_directory, config_settings, editable):
    project_dir = pathlib.Path.cwd()          # PEP 517: hooks run in the source tree
    project = _project_file(project_dir)
    settings = dict(config_settings or {})
    configuration = settings.pop("configuration", "Release")
    dotnet = shutil.which("dotnet")
    if dotnet is None:
        raise RuntimeError(
            "NdBindgen build backend: building this project from source needs the .NET SDK "
            "(`dotnet` on PATH); install a prebuilt wheel instead, or the SDK")
    wheel_directory = pathlib.Path(wheel_directory)
    with tempfile.TemporaryDirectory(prefix="ndbindgen-build-") as tmp:
        publish_dir = project_dir / EDITABLE_DIR if editable else pathlib.Path(tmp) / "publish"
        dist_dir = pathlib.Path(tmp) / "dist"
        command = [dotnet, "publish", str(project), "-c", configuration, "-o", str(publish_dir),
                   "--nologo", f"-p:PythonExecutable={sys.executable}", "-p:PyWheel=true",
                   f"-p:PyWheelDir={dist_dir}/", f"-p:PyProjectFile={project_dir / 'pyproject.toml'}"]
        if editable:
            command.append("-p:PyWheelEditable=true")
        for key, value in settings.items():
            if not key.startswith("-p:"):
                raise RuntimeError(f"NdBindgen build backend: unknown config setting '{key}' "
                                   "(known: configuration, -p:<MSBuild property>)")
            command.append(f"{key}={value}")
        print("NdBindgen build backend:", " ".join(command), file=sys.stderr, flush=True)
        # dotnet's output goes to stderr: stdout is not ours to fill in every frontend.
        result = subprocess.run(command, stdout=sys.stderr.fileno(), stdin=subprocess.DEVNULL,
                                env={**os.environ, "DOTNET_NOLOGO": "1"})
        if result.returncode != 0:
            raise RuntimeError(f"NdBindgen build backend: dotnet publish failed (exit code {result.returncode})")
        wheels = sorted(dist_dir.glob("*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"NdBindgen build backend: expected one wheel in {dist_dir}, found {wheels}")
        wheel_directory.mkdir(parents=True, exist_ok=True)
        shutil.move(str(wheels[0]), str(wheel_directory / wheels[0].name))
        return wheels[0].name
