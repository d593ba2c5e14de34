"""Source distributions (issue 15 item 6): the PEP 517 backend's build_sdist, and pip building from one.

- The sdist of examples/NdExt holds what building it needs (C# sources, project file, pyproject.toml,
  README, the backend shim and a copy of ndbindgen_build, PKG-INFO) and nothing else, with the
  modes, owners and layout the sdist specification asks for; the same inputs give the same bytes.
- A project reading files from outside its directory unconditionally cannot make an sdist.
- `pip install --no-index nd_ext-0.1.0.tar.gz`, outside the repository, builds it against the
  NdBindgen NuGet package (freshly packed, restored into a private packages folder, as in
  test_nuget_package.py) and the module works; without `dotnet` on PATH pip stops with a message
  naming the .NET 10 SDK and where to get it; without the NdBindgen package, one saying so.
"""
import email.parser
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET

import pytest

from test_nuget_package import FEED, NUGET_CONFIG, package  # noqa: F401 (fixture)
from test_wheels import MODULE_FILE, clean_env, run

REPO = pathlib.Path(__file__).resolve().parents[2]
PROJECT = REPO / "examples" / "NdExt"
BACKEND = REPO / "runtime" / "NdBindgen.Runtime" / "build" / "python" / "ndbindgen_build"
sys.path.insert(0, str(BACKEND.parent))
from ndbindgen_build.sdist import outside_references  # noqa: E402
from ndbindgen_build.wheel import WheelError  # noqa: E402

SDIST_NAME = "nd_ext-0.1.0.tar.gz"
TOP = "nd_ext-0.1.0"

# What a PEP 517 frontend does: backend-path on sys.path, the hook called in the project directory.
CALL_HOOK = """
import sys
sys.path[:0] = ["."]
import ndbindgen_backend
print(ndbindgen_backend.build_sdist(sys.argv[1]))
"""


def build_sdist(project, out):
    result = subprocess.run([sys.executable, "-c", CALL_HOOK, str(out)], cwd=project, env=clean_env(),
                            capture_output=True, text=True, timeout=120)
    return result


@pytest.fixture(scope="module")
def sdist(tmp_path_factory):
    out = tmp_path_factory.mktemp("sdist")
    result = build_sdist(PROJECT, out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == SDIST_NAME
    return out / SDIST_NAME


def members(path):
    with tarfile.open(path) as tar:
        return {m.name: (m, tar.extractfile(m).read()) for m in tar.getmembers()}


# --- what is in it ----------------------------------------------------------------------------


def test_the_sdist_holds_the_sources_and_nothing_else(sdist):
    names = sorted(members(sdist))
    backend_files = sorted(f"{TOP}/ndbindgen_build/{p.name}" for p in BACKEND.glob("*.py"))
    expected = sorted([f"{TOP}/{name}" for name in (
        "PKG-INFO", "pyproject.toml", "README.md", "NdExt.csproj", "ndbindgen_backend.py",
        *(p.name for p in PROJECT.glob("*.cs")))] + backend_files)
    assert names == expected
    assert not any(part in ("bin", "obj", "__pycache__") for name in names for part in name.split("/"))
    assert not any(name.endswith((".so", ".whl", ".pyc", ".pyi")) for name in names)
    assert f"{TOP}/tutorial.py" not in names                  # in the project, not needed to build it


def test_the_sources_are_the_projects_and_the_backend_is_this_one(sdist):
    for name, (_, data) in members(sdist).items():
        relative = name.split("/", 1)[1]
        if relative.startswith("ndbindgen_build/"):
            assert data == (BACKEND / relative.split("/", 1)[1]).read_bytes(), name
        elif relative != "PKG-INFO":
            assert data == (PROJECT / relative).read_bytes(), name


def test_the_archive_is_what_the_sdist_specification_asks_for(sdist, tmp_path):
    """One top directory <name>-<version> (name normalized), regular files only, 0644, no owner,
    gzip without a timestamp; the same project gives the same bytes."""
    with tarfile.open(sdist) as tar:
        for info in tar.getmembers():
            assert info.isfile() and info.name.startswith(TOP + "/"), info.name
            assert info.mode == 0o644 and (info.uid, info.gid, info.uname, info.gname) == (0, 0, "", "")
            assert not info.name.startswith("/") and ".." not in info.name.split("/")
        assert tar.pax_headers == {} or all(isinstance(v, str) for v in tar.pax_headers.values())
    assert sdist.read_bytes()[4:8] == b"\0\0\0\0"                         # gzip MTIME unset
    again = build_sdist(PROJECT, tmp_path)
    assert again.returncode == 0 and (tmp_path / SDIST_NAME).read_bytes() == sdist.read_bytes()


def test_pkg_info_is_the_projects_core_metadata(sdist):
    pkg_info = members(sdist)[f"{TOP}/PKG-INFO"][1].decode()
    metadata = email.parser.Parser().parsestr(pkg_info)
    assert metadata["Metadata-Version"] == "2.2"                # the sdist spec's minimum
    assert (metadata["Name"], metadata["Version"]) == ("nd-ext", "0.1.0")
    assert metadata.get_all("Requires-Dist") == ["numpy"]
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata.get_payload() == (PROJECT / "README.md").read_text()
    assert metadata.get_all("Dynamic") is None                  # every field is final: wheels agree


def test_the_csproj_builds_without_the_repository_against_the_same_package_version():
    """From an sdist, NdExt.csproj references the package NdBindgen at its fallback version: the
    repository's own version, or the sdist would build against another release."""
    project = ET.parse(PROJECT / "NdExt.csproj").getroot()
    fallback = [e.text for e in project.iter("NdBindgenVersion")]
    assert fallback == [ET.parse(REPO / "Directory.Build.props").find("./PropertyGroup/NdBindgenVersion").text]
    assert outside_references(PROJECT / "NdExt.csproj") == []   # every path outside is conditional


# --- what cannot be an sdist --------------------------------------------------------------------


def make_project(tmp_path, csproj, pyproject='[project]\nname = "x"\nversion = "1.0"\n'):
    project = tmp_path / "proj"
    project.mkdir()
    (project / "X.csproj").write_text(csproj)
    (project / "X.cs").write_text("class X { }\n")
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = []\nbuild-backend = "ndbindgen_backend"\nbackend-path = ["."]\n\n' + pyproject)
    shutil.copyfile(PROJECT / "ndbindgen_backend.py", project / "ndbindgen_backend.py")
    # The shim finds the backend two directories up in this repository; here it gets a copy beside it.
    shutil.copytree(BACKEND, project / "ndbindgen_build", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_a_project_reading_files_outside_itself_is_refused(tmp_path):
    project = make_project(tmp_path, """<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="../shared/Common.props" />
  <ItemGroup>
    <ProjectReference Include="../lib/Lib.csproj" />
    <Compile Include="../shared/*.cs" />
    <PackageReference Include="NdBindgen" Version="0.1.0" />
    <ProjectReference Include="../opt/Opt.csproj" Condition="Exists('../opt')" />
    <Compile Include="$(SharedDir)/More.cs" />
  </ItemGroup>
</Project>
""")
    assert outside_references(project / "X.csproj") == [
        ("Import", "../shared/Common.props"), ("ProjectReference", "../lib/Lib.csproj"),
        ("Compile", "../shared/*.cs")]
    result = build_sdist(project, tmp_path / "dist")
    assert result.returncode != 0
    assert ("X.csproj reads Import ../shared/Common.props, ProjectReference ../lib/Lib.csproj, Compile "
            "../shared/*.cs from outside the project directory") in result.stderr
    assert "reference the NuGet package NdBindgen instead" in result.stderr


def test_a_dynamic_version_is_refused(tmp_path):
    project = make_project(tmp_path, '<Project Sdk="Microsoft.NET.Sdk" />\n',
                           '[project]\nname = "x"\ndynamic = ["version"]\n')
    result = build_sdist(project, tmp_path / "dist")
    assert result.returncode != 0 and "an sdist needs a static [project] version" in result.stderr


def test_extra_files_come_in_by_pattern_and_the_vendored_backend_is_not_doubled(tmp_path):
    project = make_project(tmp_path, '<Project Sdk="Microsoft.NET.Sdk" />\n',
                           '[project]\nname = "x"\nversion = "1.0"\nlicense = {file = "COPYING.txt"}\n\n'
                           '[tool.ndbindgen.sdist]\ninclude = ["data/*.json"]\n')
    (project / "COPYING.txt").write_text("license text\n")
    (project / "data").mkdir()
    (project / "data" / "table.json").write_text("{}\n")
    (project / "data" / "notes.txt").write_text("not needed\n")
    (project / "notebook.ipynb").write_text("{}\n")
    for junk in ("bin/Release/x.dll", "obj/project.assets.json", ".vs/x", "dist/old.whl"):
        (project / junk).parent.mkdir(parents=True, exist_ok=True)
        (project / junk).write_text("junk\n")
    result = build_sdist(project, tmp_path / "dist")
    assert result.returncode == 0, result.stderr
    names = sorted(n.split("/", 1)[1] for n in members(tmp_path / "dist" / "x-1.0.tar.gz"))
    assert names == sorted(["PKG-INFO", "pyproject.toml", "X.csproj", "X.cs", "ndbindgen_backend.py", "COPYING.txt",
                            "data/table.json", *(f"ndbindgen_build/{p.name}" for p in BACKEND.glob("*.py"))])


def test_a_named_file_outside_the_project_is_refused(tmp_path):
    (tmp_path / "README.md").write_text("outside\n")
    project = make_project(tmp_path, '<Project Sdk="Microsoft.NET.Sdk" />\n',
                           '[project]\nname = "x"\nversion = "1.0"\nreadme = "../README.md"\n')
    result = build_sdist(project, tmp_path / "dist")
    assert result.returncode != 0 and "../README.md lies outside the project directory" in result.stderr


# --- pip builds it -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def user(package, tmp_path_factory):  # noqa: F811 (the fixture imported above)
    """A machine outside the repository: a venv, a nuget.config listing the packed NdBindgen (and
    nuget.org for the NativeAOT compiler), a private NuGet packages folder."""
    root = tmp_path_factory.mktemp("sdist_user")
    assert REPO not in root.parents
    run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", root / "venv"], cwd=root)
    (root / "nuget.config").write_text(NUGET_CONFIG.format(feed=FEED))
    (root / "tmp").mkdir()
    yield root
    shutil.rmtree(root / "packages", ignore_errors=True)      # ILCompiler and the runtime packs


def pip_install(user, *args, path=None, packages=None):
    env = clean_env()
    env.update(NUGET_PACKAGES=str(packages or user / "packages"), TMPDIR=str(user / "tmp"))  # pip unpacks there
    if path is not None:
        env["PATH"] = path
    return subprocess.run([str(user / "venv" / "bin" / "python"), "-m", "pip", "install", "--no-index",
                           "--no-cache-dir", *map(str, args)], cwd=user, env=env, capture_output=True, text=True,
                          timeout=900)


def test_pip_installs_the_sdist_with_the_dotnet_sdk(sdist, user):
    result = pip_install(user, sdist, f"--config-settings=-p:RestoreConfigFile={user / 'nuget.config'}")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    python = user / "venv" / "bin" / "python"
    out = run([python, "-c", "import nd_ext; print(nd_ext.__file__); print(nd_ext.add_scalars(1.0, 2.0))"], cwd=user)
    module_file, total = out.split()
    assert pathlib.Path(module_file).parent.name == "site-packages" and total == "3.0"
    assert pathlib.Path(module_file).name == MODULE_FILE.name
    site = pathlib.Path(module_file).parent
    installed = (site / "nd_ext-0.1.0.dist-info" / "METADATA").read_text()
    pkg_info = members(sdist)[f"{TOP}/PKG-INFO"][1].decode()
    assert installed.replace("Metadata-Version: 2.1", "Metadata-Version: 2.2", 1) == pkg_info
    run([python, "-m", "pip", "uninstall", "-y", "nd-ext"], cwd=user)


def test_without_dotnet_pip_says_which_sdk_to_install(sdist, user, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = pip_install(user, sdist, path=str(empty))               # no dotnet (nor anything else)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert ("building NdExt.csproj from source needs the .NET 10 SDK, and there is no `dotnet` on PATH. "
            "Install it (https://dotnet.microsoft.com/download/dotnet/10.0)") in output, output[-3000:]


def test_without_the_ndbindgen_package_pip_says_where_it_must_come_from(sdist, user, tmp_path):
    feed = tmp_path / "empty-feed"
    feed.mkdir()
    config = tmp_path / "nuget.config"
    config.write_text(f'<configuration><packageSources><clear /><add key="empty" value="{feed}" />'
                      "</packageSources></configuration>\n")
    # Its own packages folder: the one the first test filled would satisfy the restore without any feed.
    result = pip_install(user, sdist, f"--config-settings=-p:RestoreConfigFile={config}", packages=tmp_path / "pkgs")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "NU1101" in output and "NuGet could not get a package the project references: it needs NdBindgen" in output
