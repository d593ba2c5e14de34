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

build_sdist writes ``<name>-<version>.tar.gz``: the project's sources and a copy of this package
(see ndbindgen_build.sdist). Building from it needs what the project needs from outside itself: the
.NET SDK its TargetFramework names (`dotnet` on PATH; without it the build stops saying which SDK to
install, and where) and NuGet access to the packages it references (NdBindgen, and the NativeAOT
compiler from nuget.org). No prepare_metadata_for_build_wheel: pip then takes the metadata from the
wheel.

config_settings: ``configuration`` (default Release); any other key ``-p:Name`` is passed to
dotnet publish as an MSBuild property (``pip install --config-settings=-p:Version=2.0 ...``).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

EDITABLE_DIR = pathlib.Path("bin") / "editable"
DOCS = "NdBindgen's docs/guide.md, 'Source distributions'"
# What dotnet's output says when the build failed for want of something from outside the project.
_NUGET_MISSING = re.compile(r"\b(NU1101|NU1102|NU1103|NU1301)\b")
_SDK_TOO_OLD = re.compile(r"\bNETSDK1045\b")


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_sdist(sdist_directory, config_settings=None):
    from .sdist import build_sdist as write_sdist
    from .wheel import WheelError
    try:
        return write_sdist(pathlib.Path.cwd(), sdist_directory).name
    except WheelError as e:
        raise RuntimeError(f"NdBindgen build backend: sdist: {e}") from None


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
    sdk = _required_sdk(project)
    if dotnet is None:
        raise RuntimeError(
            f"NdBindgen build backend: building {project.name} from source needs the {sdk} SDK, and there is no "
            f"`dotnet` on PATH. Install it (https://dotnet.microsoft.com/download/dotnet/{sdk.split()[1]}.0), "
            "or install a prebuilt wheel of this project instead")
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
        returncode, output = _run(command)
        if returncode != 0:
            raise RuntimeError(f"NdBindgen build backend: dotnet publish failed (exit code {returncode})"
                               + _hint(output, sdk))
        wheels = sorted(dist_dir.glob("*.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"NdBindgen build backend: expected one wheel in {dist_dir}, found {wheels}")
        wheel_directory.mkdir(parents=True, exist_ok=True)
        shutil.move(str(wheels[0]), str(wheel_directory / wheels[0].name))
        return wheels[0].name


def _required_sdk(project):
    """'.NET 10' for a project whose TargetFramework is net10.0 (the SDK that builds it)."""
    text = project.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<TargetFrameworks?>\s*net(\d+)\.\d", text)
    return f".NET {m[1] if m else 10}"


def _run(command):
    """Run dotnet with its output copied to stderr (stdout is not ours to fill in every frontend);
    (exit code, the output) so a failure can say what was missing."""
    lines = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                          env={**os.environ, "DOTNET_NOLOGO": "1"}, text=True, errors="replace") as process:
        for line in process.stdout:
            sys.stderr.write(line)
            lines.append(line)
    sys.stderr.flush()
    return process.returncode, "".join(lines)


def _hint(output, sdk):
    if _NUGET_MISSING.search(output):
        return (". NuGet could not get a package the project references: it needs NdBindgen (until it is on "
                "nuget.org, from a feed that a nuget.config lists, e.g. pip's --config-settings="
                "-p:RestoreConfigFile=/path/to/nuget.config) and the NativeAOT compiler packages from nuget.org; "
                f"see {DOCS}")
    if _SDK_TOO_OLD.search(output):
        return f". The project needs the {sdk} SDK (https://dotnet.microsoft.com/download/dotnet/{sdk.split()[1]}.0)"
    return ""
