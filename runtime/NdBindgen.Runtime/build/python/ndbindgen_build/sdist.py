"""Source distribution of an NdBindgen extension project: ``<name>-<version>.tar.gz`` (standard library only).

The sdist holds what building the project needs and nothing else (the project directory, filtered):

- the C# project: ``*.csproj``, ``*.cs``, ``*.props``, ``*.targets``, ``*.resx``, ``.editorconfig``,
  ``nuget.config``, ``global.json``, ``packages.lock.json``;
- ``pyproject.toml``, the build backend module named by ``[build-system]`` (the shim, in
  ``backend-path``) and, next to it, a copy of this package (``ndbindgen_build``), so the sdist
  builds without this repository;
- README*, LICENSE*/LICENCE*/COPYING*/NOTICE* and the readme and license files ``[project]`` names;
- whatever ``[tool.ndbindgen.sdist] include = ["data/*.json", ...]`` adds (glob patterns);
- ``PKG-INFO``, the core metadata (2.2) of ``[project]``, as the wheel's METADATA says it.

Never: ``bin/``, ``obj/``, ``dist/``, ``__pycache__/``, hidden directories (``.build``, ``.venv``,
``.git``), or anything else (scripts, notebooks, built .so/.whl files).

What it does not hold is what the project needs from outside itself: the .NET SDK and the NuGet
packages the project references. A project that references NdBindgen by a path outside its
directory (as this repository's examples do when they find it) would not build from its sdist, so
an unconditional reference of that kind is an error here; reference the NuGet package NdBindgen,
as ``dotnet new ndbindgen`` projects do.
"""
import calendar
import fnmatch
import gzip
import io
import os
import pathlib
import re
import tarfile
import xml.etree.ElementTree as ET

from .wheel import WheelError, _date_time, _render_metadata, project_metadata, read_toml, wheel_name_part

PROJECT_FILES = ("*.csproj", "*.cs", "*.props", "*.targets", "*.resx", ".editorconfig", "nuget.config",
                 "global.json", "packages.lock.json", "pyproject.toml")
DOCUMENT_FILES = ("README*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*")
SKIPPED_DIRECTORIES = {"bin", "obj", "dist", "__pycache__", "node_modules", "TestResults"}
# Items whose Include (or Import's Project) is a path MSBuild reads; PackageReference names a package.
_PATH_ITEMS = {"Import": "Project", "ProjectReference": "Include", "Compile": "Include", "None": "Include",
               "Content": "Include", "EmbeddedResource": "Include", "AdditionalFiles": "Include",
               "Analyzer": "Include"}


def outside_references(csproj):
    """Paths a project file reads from outside its directory, unconditionally: [(element, path)].
    A reference under a Condition (e.g. ``Exists('../../runtime/...')``) is the project's own
    choice of where to find a thing, and is not reported."""
    root = ET.parse(csproj).getroot()
    project_dir = pathlib.Path(csproj).resolve().parent
    found = []

    def visit(element, conditional):
        conditional = conditional or bool(element.get("Condition"))
        tag = element.tag.rpartition("}")[2]
        attribute = _PATH_ITEMS.get(tag)
        if attribute and not conditional:
            for value in filter(None, (v.strip() for v in (element.get(attribute) or "").split(";"))):
                literal = re.split(r"[$@%*?]", value, maxsplit=1)[0].replace("\\", "/")
                if literal and not (project_dir / literal).resolve().is_relative_to(project_dir):
                    found.append((tag, value))
        for child in element:
            visit(child, conditional)
    visit(root, False)
    return found


def sdist_files(project_dir, pyproject):
    """{archive path relative to the sdist's top directory: source path} for the project."""
    project_dir = pathlib.Path(project_dir).resolve()
    config = read_toml(pyproject)
    project = config.get("project", {})
    build_system = config.get("build-system", {})
    patterns = list(PROJECT_FILES) + list(DOCUMENT_FILES)
    extra = config.get("tool", {}).get("ndbindgen", {}).get("sdist", {}).get("include", [])
    backend_paths = build_system.get("backend-path", [])
    backend = build_system.get("build-backend", "").split(":")[0]
    named = {_join(path, backend.replace(".", "/") + ".py") for path in backend_paths}
    readme = project.get("readme")
    if isinstance(readme, str):
        named.add(readme)
    elif isinstance(readme, dict) and "file" in readme:
        named.add(readme["file"])
    license_ = project.get("license")
    if isinstance(license_, dict) and "file" in license_:
        named.add(license_["file"])

    files = {}
    for directory, subdirs, names in os.walk(project_dir):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRECTORIES and not d.startswith(".")
                            and not d.endswith(".egg-info"))
        for name in sorted(names):
            path = pathlib.Path(directory) / name
            relative = path.relative_to(project_dir).as_posix()
            if (any(fnmatch.fnmatch(name.lower(), p.lower()) for p in patterns) or relative in named
                    or any(fnmatch.fnmatch(relative, p) for p in extra)):
                if path.is_symlink() or not path.is_file():
                    raise WheelError(f"{path}: an sdist holds regular files only (not links)")
                files[relative] = path
    for name in sorted(named):
        if not (project_dir / name).resolve().is_relative_to(project_dir):
            raise WheelError(f"{pyproject}: {name} lies outside the project directory, so an sdist cannot hold it")
        if name not in files:
            raise WheelError(f"{pyproject} names {name}, which does not exist")

    if backend_paths and not any(f.startswith(_join(backend_paths[0], "ndbindgen_build/")) for f in files):
        # The backend shim imports ndbindgen_build: ship this very copy of it beside the shim.
        here = pathlib.Path(__file__).resolve().parent
        for path in sorted(here.glob("*.py")):
            files[_join(backend_paths[0], f"ndbindgen_build/{path.name}")] = path
    return files


def _join(directory, name):
    directory = directory.strip("/")
    return name if directory in ("", ".") else f"{directory}/{name}"


def build_sdist(project_dir, out_dir):
    """Write ``<name>-<version>.tar.gz`` for the project in ``project_dir`` into ``out_dir``;
    return its path."""
    project_dir = pathlib.Path(project_dir).resolve()
    pyproject = project_dir / "pyproject.toml"
    if not pyproject.is_file():
        raise WheelError(f"{project_dir} has no pyproject.toml")
    project = read_toml(pyproject).get("project")
    if not project:
        raise WheelError(f"{pyproject}: an sdist needs a [project] table (its name and version name the sdist)")
    if "version" in project.get("dynamic", []):
        raise WheelError(f"{pyproject}: an sdist needs a static [project] version (MSBuild's $(Version) is only "
                         "known when the project builds)")
    projects = sorted(project_dir.glob("*.csproj"))
    if len(projects) != 1:
        found = ", ".join(p.name for p in projects) or "none"
        raise WheelError(f"expected one .csproj in {project_dir}, found {found}")
    outside = outside_references(projects[0])
    if outside:
        listed = ", ".join(f"{tag} {path}" for tag, path in outside)
        raise WheelError(
            f"{projects[0].name} reads {listed} from outside the project directory, which an sdist does not hold, "
            "so it would not build elsewhere: reference the NuGet package NdBindgen instead (as `dotnet new "
            "ndbindgen` projects do), or put the outside reference under a Condition such as Exists(...)")

    fields, body = project_metadata(None, None, str(pyproject))
    fields = [("Metadata-Version", "2.2")] + [f for f in fields if f[0] != "Metadata-Version"]
    meta = dict(fields)
    top = f"{wheel_name_part(meta['Name'])}-{meta['Version']}"
    members = {"PKG-INFO": _render_metadata(fields, body).encode("utf-8")}
    for relative, path in sdist_files(project_dir, pyproject).items():
        members[relative] = path.read_bytes()

    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}.tar.gz"
    mtime = calendar.timegm(_date_time() + (0, 0, 0))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(members):
            data = members[name]
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    target.write_bytes(buffer.getvalue())
    return target
