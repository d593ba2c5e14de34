"""`dotnet new ndbindgen`: the project template (templates/ndbindgen-module), instantiated outside
the repository against the freshly packed NdBindgen package, published, imported and called."""
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

from test_nuget_package import FEED, NUGET_CONFIG, REPO, dotnet, package  # noqa: F401 (fixture)

TEMPLATE = REPO / "templates" / "ndbindgen-module"


def dotnet_new(args, cwd):
    # `dotnet new` refuses --nologo, which the shared helper adds.
    return subprocess.run(["dotnet", "new", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def instantiated(package, tmp_path_factory):
    root = tmp_path_factory.mktemp("template_user")
    hive = root / "hive"            # a private template store: nothing installed for the user
    result = dotnet_new(["install", str(TEMPLATE), "--debug:custom-hive", str(hive)], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    result = dotnet_new(["ndbindgen", "-n", "My_Ext", "-o", "my_ext", "--debug:custom-hive", str(hive)], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    proj = root / "my_ext"
    (proj / "nuget.config").write_text(NUGET_CONFIG.format(feed=FEED))
    env = dict(os.environ, NUGET_PACKAGES=str(root / "packages"))
    yield proj, env
    shutil.rmtree(root / "packages", ignore_errors=True)


def test_the_template_names_the_module_after_the_project(instantiated):
    proj, _ = instantiated
    csproj = (proj / "My_Ext.csproj").read_text()
    assert "<PyModuleName>my_ext</PyModuleName>" in csproj
    assert "namespace My_Ext;" in (proj / "Module.cs").read_text()


def test_the_template_publishes_and_imports(instantiated):
    proj, env = instantiated
    result = dotnet(["publish", "-c", "Release", "-o", "out"], cwd=proj, env=env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "warning" not in result.stdout.lower().replace("0 warning(s)", ""), result.stdout[-4000:]
    code = textwrap.dedent("""\
        import numpy as np
        import my_ext
        assert my_ext.hello() == "Hello, world!"
        assert my_ext.hello(name="C#") == "Hello, C#!"
        assert my_ext.total(np.ones((2, 3))) == 6.0
        c = my_ext.Counter(start=41)
        assert c.increment() == 42 and repr(c) == "Counter(42)"
        print("ok")
        """)
    run = subprocess.run([sys.executable, "-c", code], cwd=proj / "out", capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
    assert (proj / "out" / "my_ext.pyi").is_file()
    # The publish folder holds what Python uses, nothing else: no copy named after the assembly,
    # no debug symbols (they stay in obj/.../native/), no XML docs.
    assert sorted(p.name for p in (proj / "out").iterdir()) == ["my_ext.pyi", "my_ext.so", "py.typed"]
