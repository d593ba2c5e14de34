"""The NuGet route, as a C# user takes it: `dotnet pack` makes the package NdBindgen, a new project
outside the repository references it from a local folder feed, `dotnet publish` makes a module
(and, with -p:PyWheel=true, its wheel), /usr/bin/python3 imports it, and a mistake in that project
is an NdBindgen diagnostic (the generator and analyzers really are in the package).

The project restores into its own packages folder, so a NdBindgen of the same version cached by an
earlier run (or by a user) is never the one tested; ILCompiler comes from nuget.org (NuGet's HTTP
cache makes that a few seconds after the first time)."""
import base64
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
import zipfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
FEED = REPO / ".build" / "packages"
VERSION = ET.parse(REPO / "Directory.Build.props").find("./PropertyGroup/NdBindgenVersion").text
PACKAGE = FEED / f"NdBindgen.{VERSION}.nupkg"

NUGET_CONFIG = """\
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="{feed}" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="NdBindgen" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
"""

# The project the README's "From NuGet" section shows.
CSPROJ = """\
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <PyModuleName>hello_nd</PyModuleName>
    <PublishAot>true</PublishAot>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NdBindgen" Version="{version}" />
  </ItemGroup>
</Project>
"""

SOURCE = """\
using System;
using NdBindgen;

namespace Hello;

public static class Functions
{
    /// <summary>Add two numbers.</summary>
    [PyFunction]
    public static double AddScalars(double x, double y) => x + y;

    /// <summary>The sum of a float64 array of any shape.</summary>
    [PyFunction]
    public static double Total(NdView<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }
}

/// <summary>A counter that Python can construct and step.</summary>
[PyClass]
public sealed partial class Counter
{
    public Counter(long start = 0) { Value = start; }

    [PyProperty] public long Value { get; set; }

    [PyMethod] public long Step(long by = 1) => Value += by;
}
"""

MISTAKE = """\
using NdBindgen;

namespace Hello;

public class Broken
{
    [PyFunction] public double NotStatic(double x) => x;
}
"""


def dotnet(args, cwd, env=None, timeout=600):
    return subprocess.run(["dotnet", *args, "--nologo"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def package():
    """`dotnet pack` from the repository root, as the README says: always run, so the package
    holds the sources under test (it is incremental, and cheap when the solution is built)."""
    result = dotnet(["pack", "-c", "Release", "-o", str(FEED)], cwd=REPO)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert not re.search(r": warning [A-Z]+\d+", result.stdout), result.stdout[-4000:]
    assert PACKAGE.exists()
    return PACKAGE


@pytest.fixture(scope="module")
def project(package, tmp_path_factory):
    root = tmp_path_factory.mktemp("nuget_user")
    assert REPO not in root.parents
    proj = root / "hello"
    proj.mkdir()
    (proj / "nuget.config").write_text(NUGET_CONFIG.format(feed=FEED))
    (proj / "Hello.csproj").write_text(CSPROJ.format(version=VERSION))
    (proj / "Hello.cs").write_text(SOURCE)
    packages = root / "packages"
    env = dict(os.environ, NUGET_PACKAGES=str(packages))
    yield proj, env
    shutil.rmtree(packages, ignore_errors=True)   # ~300 MB of ILCompiler and runtime packs


@pytest.fixture(scope="module")
def published(project):
    proj, env = project
    result = dotnet(["publish", "-c", "Release", "-o", "out", "-p:PyWheel=true"], cwd=proj, env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return proj, result.stdout


def test_the_package_layout(package):
    with zipfile.ZipFile(package) as z:
        names = set(z.namelist())
        nuspec = z.read("NdBindgen.nuspec").decode()
    for name in ["lib/net10.0/NdBindgen.Runtime.dll", "lib/net10.0/NdBindgen.Runtime.xml",
                 "analyzers/dotnet/cs/NdBindgen.Generator.dll",
                 "analyzers/dotnet/cs/NdBindgen.CodeFixes.dll",
                 "build/NdBindgen.props", "build/NdBindgen.targets", "build/NdBindgen.Build.globalconfig",
                 "docs/diagnostics.md"]:
        assert name in names
    # The build files are the repository's own, not copies.
    with zipfile.ZipFile(package) as z:
        for name in ["NdBindgen.props", "NdBindgen.targets", "NdBindgen.Build.globalconfig"]:
            assert z.read(f"build/{name}") == (REPO / "runtime/NdBindgen.Runtime/build" / name).read_bytes()
        # What each diagnostic's help link explains, readable offline (HelpLinkTests checks the links).
        assert z.read("docs/diagnostics.md") == (REPO / "docs/diagnostics.md").read_bytes()
    # One dependency, System.Numerics.Tensors (views convert to its tensor spans), which NuGet
    # restores from nuget.org; no Microsoft.CodeAnalysis, no generator.
    assert f"<version>{VERSION}</version>" in nuspec
    dependencies = re.findall(r'<dependency id="([^"]+)" version="([^"]+)"', nuspec)
    assert dependencies == [("System.Numerics.Tensors", "10.0.15")], nuspec


def test_the_project_restored_this_package(published, project):
    _, env = project
    restored = pathlib.Path(env["NUGET_PACKAGES"]) / "ndbindgen" / VERSION
    sha512 = (restored / f"ndbindgen.{VERSION}.nupkg.sha512").read_text().strip()
    assert sha512 == base64.b64encode(hashlib.sha512(PACKAGE.read_bytes()).digest()).decode()


def test_publish_writes_the_module_and_a_wheel(published):
    proj, output = published
    assert (proj / "out" / "hello_nd.so").is_file()   # one file for every supported CPython
    wheels = list((proj / "out").glob("hello_nd-*.whl"))
    assert len(wheels) == 1, output[-4000:]
    with zipfile.ZipFile(wheels[0]) as z:
        assert "hello_nd.so" in z.namelist()
    assert "(Python module 'hello_nd')" in output
    assert not re.search(r": warning [A-Z]+\d+", output), output[-4000:]


def test_python_imports_and_calls_the_module(published):
    proj, _ = published
    code = textwrap.dedent("""\
        import numpy as np
        import hello_nd
        assert hello_nd.add_scalars(1.0, 2.0) == 3.0
        assert hello_nd.add_scalars.__doc__.startswith("Add two numbers.")
        assert hello_nd.total(np.arange(6.0).reshape(2, 3)[:, ::2]) == 0.0 + 2.0 + 3.0 + 5.0
        c = hello_nd.Counter(5)
        assert c.step() == 6 and c.step(by=4) == 10 and c.value == 10
        try:
            hello_nd.add_scalars(1.0)
        except TypeError as e:
            print("TypeError:", e)
        print("ok")
        """)
    result = subprocess.run([sys.executable, "-c", code], cwd=proj / "out", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "ok"
    assert result.stdout.startswith("TypeError: "), result.stdout


def test_a_mistake_is_a_diagnostic_from_the_package(published, project):
    proj, env = project
    mistake = proj / "Broken.cs"
    mistake.write_text(MISTAKE)
    try:
        result = dotnet(["build", "-c", "Release", "--no-restore", "-clp:NoSummary",
                         "-p:ErrorLog=" + str(proj / "errors.sarif") + "%2Cversion=2.1"], cwd=proj, env=env)
    finally:
        mistake.unlink()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"Broken\.cs\(7,\d+\): error NDB0001: 'Broken\.NotStatic' is marked \[PyFunction\] but is not static", output), output[-4000:]
    # The help link an editor shows, as the build's SARIF log records it: the restored package's own page.
    log = json.loads((proj / "errors.sarif").read_text(encoding="utf-8-sig"))
    rules = {r["id"]: r for run in log["runs"] for r in run["tool"]["driver"].get("rules", [])}
    page = pathlib.Path(env["NUGET_PACKAGES"]) / "ndbindgen" / VERSION / "docs" / "diagnostics.md"
    assert page.is_file()
    assert rules["NDB0001"]["helpUri"] == page.as_uri() + "#ndb0001", rules["NDB0001"]
