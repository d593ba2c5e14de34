"""Pack a published NdBindgen extension module into a PEP 427 wheel (standard library only).

Layout of ``<dist>-<version>-<python>-<abi>-<platform>.whl``:

    <module>.so                        the NativeAOT library, imported as ``import <module>``
                                       (``<module><EXT_SUFFIX>`` when built for one interpreter)
    <module>-stubs/__init__.pyi        the type stub, when the publish step wrote <module>.pyi
    <module>-stubs/<sub>.pyi           each [PySubmodule]'s, from <module>/<sub>.pyi (stubs.py)
    <module>-stubs/py.typed            (a PEP 561 stub-only package: mypy and pyright find a
                                        single-module distribution's types only this way; a
                                        top-level <module>.pyi in site-packages is not looked at)
    <dist>-<version>.dist-info/METADATA, WHEEL, RECORD

Every file has mode 0644. The tags come from the module itself (``tags``): the CPython versions its
``ndbindgen_python_versions`` export names (``cp39.cp310...`` twice; a module without the export
gets the target interpreter's ``cp311-cp311``) and ``manylinux_2_X_x86_64`` from its ELF file.
Metadata comes from ``[project]`` in pyproject.toml when there is one, else from the arguments.
"""
import base64
import csv
import hashlib
import inspect
import io
import json
import os
import pathlib
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile

from .elf import ElfError, read_dependencies
from .stubs import submodule_stubs
from .tags import expand_tags, parse_python_versions, platform_tag, python_tags

GENERATOR = "NdBindgen (ndbindgen_build)"


class WheelError(Exception):
    """A problem with the inputs, reported to the user as one line."""


# ---------------------------------------------------------------------------------------------
# Tags

def _facts():
    """What the tags are made of, from the running interpreter (also run in the target's, below)."""
    return {
        "implementation": sys.implementation.name,
        "version": list(sys.version_info[:2]),
        "py_version_nodot": sysconfig.get_config_var("py_version_nodot"),
        "soabi": sysconfig.get_config_var("SOABI"),
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "platform": sysconfig.get_platform(),
    }


def _probe(python=None):
    """_facts() of the target interpreter: in-process when it is the running one."""
    if python is None or os.path.realpath(python) == os.path.realpath(sys.executable):
        return _facts()
    script = "import json, sys, sysconfig\n" + inspect.getsource(_facts) + "print(json.dumps(_facts()))\n"
    result = subprocess.run([python, "-c", script], capture_output=True, text=True)
    if result.returncode != 0:
        raise WheelError(f"could not run the target interpreter {python}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def _tag_part(text):
    return re.sub(r"[^\w]", "_", text)


def interpreter_tags(python=None):
    """(python tag, abi tag, platform tag, EXT_SUFFIX, (major, minor)) of the target interpreter,
    ``python`` (a path) or the running one; e.g. ('cp311', 'cp311', 'linux_x86_64', ...)."""
    facts = _probe(python)
    major, minor = facts["version"]
    impl = {"cpython": "cp", "pypy": "pp"}.get(facts["implementation"], facts["implementation"])
    nodot = facts["py_version_nodot"] or f"{major}{minor}"
    python_tag = f"{impl}{nodot}"
    soabi = facts["soabi"]
    if not soabi or not facts["ext_suffix"]:
        raise WheelError("the target interpreter reports no SOABI/EXT_SUFFIX: it cannot load extension modules")
    parts = soabi.split("-")
    if soabi.startswith("cpython"):          # cpython-311-x86_64-linux-gnu -> cp311 (cp311d for debug)
        abi_tag = "cp" + parts[1]
    elif soabi.startswith("cp"):
        abi_tag = parts[0]
    else:                                    # pypy39-pp73-x86_64-linux-gnu -> pypy39_pp73
        abi_tag = "-".join(parts[:2])
    platform_tag = _tag_part(facts["platform"].replace("-", "_").replace(".", "_"))
    return python_tag, _tag_part(abi_tag), platform_tag, facts["ext_suffix"], (major, minor)


# ---------------------------------------------------------------------------------------------
# Names and versions

_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)

# PEP 440 (the pattern the `packaging` library uses), with groups to normalize by.
_VERSION = re.compile(r"""^\s*v?
    (?:(?P<epoch>[0-9]+)!)?(?P<release>[0-9]+(?:\.[0-9]+)*)
    (?:[-_\.]?(?P<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?P<pre_n>[0-9]+)?)?
    (?:(?:-(?P<post_n1>[0-9]+))|(?:[-_\.]?(?P<post_l>post|rev|r)[-_\.]?(?P<post_n2>[0-9]+)?))?
    (?:[-_\.]?(?P<dev_l>dev)[-_\.]?(?P<dev_n>[0-9]+)?)?
    (?:\+(?P<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?
    \s*$""", re.VERBOSE | re.IGNORECASE)

def wheel_name_part(name):
    """The distribution name as a wheel file name spells it: PEP 503 normalized, '-' -> '_'
    ('nd-ext', 'Nd.Ext' and 'nd_ext' all become 'nd_ext')."""
    if not _NAME.match(name):
        raise WheelError(f"'{name}' is not a valid distribution name (letters, digits, '.', '-', '_')")
    return re.sub(r"[-_.]+", "_", name).lower()


def normalize_version(version):
    """The PEP 440 normal form ('1.0.0-beta1' -> '1.0.0b1', 'v2.0-RC.1' -> '2.0rc1'), as pip
    and PyPI spell it; a WheelError when it is not a PEP 440 version."""
    m = _VERSION.match(version or "")
    if not m:
        raise WheelError(
            f"'{version}' is not a PEP 440 version (e.g. 1.2.0, 1.2.0rc1, 1.2.0.dev3); set "
            "[project] version in pyproject.toml or the MSBuild property PyWheelVersion")
    out = f"{int(m['epoch'])}!" if m["epoch"] and int(m["epoch"]) else ""
    out += ".".join(str(int(part)) for part in m["release"].split("."))
    if m["pre_l"]:
        label = {"alpha": "a", "beta": "b", "c": "rc", "pre": "rc", "preview": "rc"}.get(m["pre_l"].lower(), m["pre_l"].lower())
        out += f"{label}{int(m['pre_n'] or 0)}"
    if m["post_n1"] or m["post_l"]:
        out += f".post{int(m['post_n1'] or m['post_n2'] or 0)}"
    if m["dev_l"]:
        out += f".dev{int(m['dev_n'] or 0)}"
    if m["local"]:
        out += "+" + ".".join(str(int(p)) if p.isdigit() else p.lower() for p in re.split(r"[-_.]", m["local"]))
    return out


# ---------------------------------------------------------------------------------------------
# Metadata

_SUPPORTED = {"name", "version", "description", "readme", "requires-python", "license", "authors",
              "maintainers", "keywords", "classifiers", "urls", "dependencies",
              "optional-dependencies", "dynamic"}


def read_toml(path):
    """A TOML file as a dict: with the standard library's tomllib (3.11+), else with tomli, the same
    parser as a package (ndbindgen-build requires it on Python < 3.11, as pip and setuptools do)."""
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        try:
            import tomli as tomllib
        except ImportError:
            raise WheelError(f"reading {path} needs Python 3.11 or later, or the tomli package "
                             "(pip installs it with ndbindgen-build on older Pythons)") from None
    with open(path, "rb") as f:
        try:
            return tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise WheelError(f"{path}: {e}") from None


def read_pyproject(path):
    """The [project] table of a pyproject.toml (an empty dict when the file has none)."""
    return read_toml(path).get("project", {})


def _people(entries):
    names, emails = [], []
    for person in entries:
        name, email = person.get("name"), person.get("email")
        if email:
            emails.append(f"{name} <{email}>" if name else email)
        elif name:
            names.append(name)
    return ", ".join(names), ", ".join(emails)


def project_metadata(module_name, version=None, pyproject=None, python_version=None):
    """METADATA headers (a list of (field, value)) and the description body.

    Without pyproject.toml: Name = the module name, Version = ``version``, Requires-Dist numpy.
    With one, its [project] table is the source of truth; only ``version`` may be dynamic, and
    then ``version`` (MSBuild's $(PyWheelVersion), by default $(Version)) fills it in."""
    project = read_pyproject(pyproject) if pyproject else {}
    base = pathlib.Path(pyproject).parent if pyproject else pathlib.Path.cwd()
    if not project:
        major, minor = python_version or sys.version_info[:2]
        project = {"name": module_name, "version": version, "requires-python": f">={major}.{minor}",
                   "description": f"The Python extension module {module_name}, written in C# with NdBindgen",
                   "dependencies": ["numpy"]}
    where = pyproject or "the project"
    unsupported = sorted(set(project) - _SUPPORTED)
    if unsupported:
        raise WheelError(f"{where}: [project] {', '.join(unsupported)} not supported by the NdBindgen wheel writer")
    dynamic = set(project.get("dynamic", []))
    if dynamic - {"version"}:
        raise WheelError(f"{where}: only 'version' may be dynamic (it then comes from MSBuild's $(Version))")
    if "name" not in project:
        raise WheelError(f"{where}: [project] needs a name")
    if "version" in dynamic:
        project["version"] = version
    elif "version" not in project:
        raise WheelError(f"{where}: [project] needs a version (or dynamic = [\"version\"] to take MSBuild's)")

    name = project["name"]
    wheel_name_part(name)
    fields = [("Metadata-Version", "2.1"), ("Name", name), ("Version", normalize_version(project["version"]))]
    if "description" in project:
        fields.append(("Summary", project["description"]))
    if "keywords" in project:
        fields.append(("Keywords", ",".join(project["keywords"])))
    for key, field in (("authors", "Author"), ("maintainers", "Maintainer")):
        names, emails = _people(project.get(key, []))
        if names:
            fields.append((field, names))
        if emails:
            fields.append((field + "-email", emails))
    license_ = project.get("license")
    if isinstance(license_, dict):
        text = license_.get("text")
        if text is None and "file" in license_:
            text = (base / license_["file"]).read_text(encoding="utf-8")
        if text:
            fields.append(("License", text))
    for classifier in project.get("classifiers", []):
        fields.append(("Classifier", classifier))
    for label, url in project.get("urls", {}).items():
        fields.append(("Project-URL", f"{label}, {url}"))
    if "requires-python" in project:
        fields.append(("Requires-Python", project["requires-python"]))
    for requirement in project.get("dependencies", []):
        fields.append(("Requires-Dist", requirement))
    for extra, requirements in project.get("optional-dependencies", {}).items():
        fields.append(("Provides-Extra", extra))
        for requirement in requirements:
            requirement, _, marker = requirement.partition(";")
            marker = f"({marker.strip()}) and extra == '{extra}'" if marker.strip() else f"extra == '{extra}'"
            fields.append(("Requires-Dist", f"{requirement.strip()}; {marker}"))
    body = ""
    readme = project.get("readme")
    if readme is not None:
        if isinstance(readme, str):
            readme = {"file": readme}
        body = readme["text"] if "text" in readme else (base / readme["file"]).read_text(encoding="utf-8")
        content_type = readme.get("content-type") or {
            ".md": "text/markdown", ".rst": "text/x-rst"}.get(pathlib.Path(readme.get("file", "")).suffix.lower(), "text/plain")
        fields.append(("Description-Content-Type", content_type))
    return fields, body


def _render_metadata(fields, body):
    lines = []
    for field, value in fields:
        value = str(value).replace("\r\n", "\n").replace("\n", "\n       ")   # RFC 822 continuation
        lines.append(f"{field}: {value}")
    text = "\n".join(lines) + "\n"
    if body:
        text += "\n" + body if body.endswith("\n") else "\n" + body + "\n"
    return text


# ---------------------------------------------------------------------------------------------
# The wheel

def _record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _date_time():
    """Reproducible: SOURCE_DATE_EPOCH when set, else 1980-01-01 (zip's earliest date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return time.gmtime(max(int(epoch), 315532800))[:6]
    return (1980, 1, 1, 0, 0, 0)


_READ_VERSIONS = """
import ctypes, sys
library = ctypes.CDLL(sys.argv[1])
try:
    export = library.ndbindgen_python_versions
except AttributeError:
    sys.exit(0)
export.restype = ctypes.c_char_p
print(export().decode("ascii"))
"""


def module_python_versions(module_file, python=None):
    """The CPython versions the module serves, [(3, 9), ...], from its ``ndbindgen_python_versions``
    export (read with ctypes by ``python``, default the running interpreter, in a child process:
    loading the library starts its .NET runtime); None when it has no such export."""
    result = subprocess.run([python or sys.executable, "-c", _READ_VERSIONS, str(module_file)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise WheelError(f"could not load {module_file} to ask which Python versions it supports: "
                         f"{result.stderr.strip().splitlines()[-1] if result.stderr.strip() else result.returncode}")
    if not result.stdout.strip():
        return None
    try:
        return parse_python_versions(result.stdout)
    except ValueError as e:
        raise WheelError(f"{module_file}: ndbindgen_python_versions: {e}") from None


def find_module_file(publish_dir, module_name, ext_suffix):
    """``<module>.so`` (a module serving several CPython versions) or ``<module><EXT_SUFFIX>`` (one
    built for the target interpreter only) in ``publish_dir``."""
    candidates = [publish_dir / f"{module_name}.so", publish_dir / f"{module_name}{ext_suffix}"]
    found = [path for path in candidates if path.is_file()]
    if not found:
        others = sorted(p.name for p in publish_dir.glob(f"{module_name}.*.so")) if publish_dir.is_dir() else []
        raise WheelError(
            f"{candidates[0]} is missing (nor is there {candidates[1].name}, the target interpreter's EXT_SUFFIX"
            + (f"; found {', '.join(others)}: built for another interpreter?" if others else "") + ")")
    return found[0]


_VERSIONED_SUFFIX = re.compile(r"\.cpython-(3)(\d+)d?-[^.]*\.so$")


def wheel_tags(module_file, python=None):
    """(python tag, abi tag, PlatformTag, supported versions) of the published module: the
    interpreters from its ndbindgen_python_versions export (the target interpreter alone when it has
    none), the platform from its ELF file. A file named with one version's EXT_SUFFIX
    (``.cpython-311-x86_64-linux-gnu.so``) imports into that version only, whatever the export says."""
    try:
        platform = platform_tag(read_dependencies(module_file))
    except ElfError as e:
        raise WheelError(str(e)) from None
    versions = module_python_versions(module_file, python)
    if versions is None:
        python_tag, abi_tag, _, _, version = interpreter_tags(python)
        return python_tag, abi_tag, platform, [version]
    named = _VERSIONED_SUFFIX.search(pathlib.Path(module_file).name)
    if named:
        version = (int(named[1]), int(named[2]))
        if version not in versions:
            raise WheelError(f"{module_file} is named for CPython {version[0]}.{version[1]}, which the module does "
                             f"not support (it supports {', '.join('%d.%d' % v for v in versions)})")
        versions = [version]
    python_tag, abi_tag = python_tags(versions)
    return python_tag, abi_tag, platform, versions


def build_wheel(publish_dir, module_name, version, out_dir, python=None, *, pyproject=None,
                editable_path=None, module_file=None, notes=None):
    """Write ``<dist>-<version>-<python>-<abi>-<platform>.whl`` into ``out_dir`` from the module
    ``module_file`` (default: found in ``publish_dir`` by ``find_module_file``) and the
    ``<module_name>.pyi``/``py.typed`` the publish step wrote next to it; return its path.

    ``python``: the target interpreter (default: the running one), whose EXT_SUFFIX names a module
    built for it alone and whose tags such a module gets; a module exporting
    ``ndbindgen_python_versions`` gets the tags of every version it names.
    ``version``: used when there is no pyproject.toml or its version is dynamic.
    ``editable_path``: make a PEP 660 editable wheel instead, whose .pth file puts that directory
    (where ``dotnet publish`` keeps writing the module) on sys.path.
    ``notes``: called with each sentence the user should read (why the wheel is not manylinux);
    default: printed to stderr."""
    publish_dir = pathlib.Path(publish_dir)
    notes = notes or (lambda text: print(f"NdBindgen: {text}", file=sys.stderr))
    ext_suffix = _probe(python)["ext_suffix"]
    module_file = pathlib.Path(module_file) if module_file else find_module_file(publish_dir, module_name, ext_suffix)
    python_tag, abi_tag, platform, versions = wheel_tags(module_file, python)
    fields, body = project_metadata(module_name, version, pyproject, min(versions))
    meta = dict(fields)
    dist = wheel_name_part(meta["Name"])
    wheel_version = meta["Version"].replace("-", "_")
    tag = f"{python_tag}-{abi_tag}-{platform.tag}"
    dist_info = f"{dist}-{wheel_version}.dist-info"
    for reason in platform.reasons:
        notes(f"the wheel is tagged {platform.tag}, not manylinux: {reason}")

    files = []   # (archive name, bytes)
    if editable_path is not None:
        editable_path = pathlib.Path(editable_path).resolve()
        files.append((f"__editable__.{dist}.pth", (str(editable_path) + "\n").encode()))
        stub = editable_path / f"{module_name}.pyi"
        if stub.is_file():
            # Type checkers treat .pth directories like site-packages: they find a single module's
            # types only in a <module>-stubs package. Symlinks keep it current across rebuilds.
            stubs = editable_path / f"{module_name}-stubs"
            stubs.mkdir(exist_ok=True)
            links = {"__init__.pyi": f"../{stub.name}"}
            links.update((f"{name}.pyi", f"../{module_name}/{path.name}")
                         for name, path in submodule_stubs(editable_path, module_name))
            for stale in stubs.glob("*.pyi"):
                if stale.name not in links:
                    stale.unlink()
            for name, target in links.items():
                link = stubs / name
                if not link.is_symlink():
                    link.unlink(missing_ok=True)
                    link.symlink_to(target)
            (stubs / "py.typed").touch()
    else:
        files.append((module_file.name, module_file.read_bytes()))
        stub = module_file.parent / f"{module_name}.pyi"
        if stub.is_file():
            typed = module_file.parent / "py.typed"
            files.append((f"{module_name}-stubs/__init__.pyi", stub.read_bytes()))
            # A [PySubmodule]'s stub: <module>-stubs/<sub>.pyi, found as <module>.<sub> (PEP 561).
            for name, path in submodule_stubs(module_file.parent, module_name):
                files.append((f"{module_name}-stubs/{name}.pyi", path.read_bytes()))
            files.append((f"{module_name}-stubs/py.typed", typed.read_bytes() if typed.is_file() else b""))

    wheel_text = (f"Wheel-Version: 1.0\nGenerator: {GENERATOR}\nRoot-Is-Purelib: false\n"
                  + "".join(f"Tag: {t}\n" for t in expand_tags(tag)))
    files.append((f"{dist_info}/METADATA", _render_metadata(fields, body).encode("utf-8")))
    files.append((f"{dist_info}/WHEEL", wheel_text.encode("utf-8")))

    return write_wheel(out_dir, f"{dist}-{wheel_version}-{tag}.whl", dist_info, files)


def write_wheel(out_dir, filename, dist_info, files):
    """Write ``files`` ((archive name, bytes), the dist-info's METADATA and WHEEL among them) and
    their RECORD into ``out_dir/filename``, reproducibly and atomically; return the path."""
    files = list(files)
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, data in files:
        writer.writerow([name, _record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    files.append((f"{dist_info}/RECORD", record.getvalue().encode("utf-8")))

    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / filename
    date_time = _date_time()
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".ndbindgen-", suffix=".whl.tmp")
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            for name, data in files:
                info = zipfile.ZipInfo(name, date_time=date_time)
                # Every file 0644, the library too: pip, installer and uv create each file with the
                # default mode and add execute bits only where the archive has them; a library is
                # mapped, not executed, and nothing here is a script.
                info.create_system = 3                       # Unix: external_attr holds st_mode
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return target
