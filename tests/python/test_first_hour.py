"""A new user's first hour, exactly as the README's "Making a module" section types it, in an empty
directory with a home of its own (so its NuGet sources, templates, pip configuration and NuGet
packages folder are private to the test):

    scripts/install-local.sh             # NdBindgen's NuGet packages, template and build backend
    dotnet new ndbindgen -n my-ext
    pip install ./my-ext                  # into a venv
    python -c "import my_ext"

then the edit-rebuild loop: `pip install -e`, a one-line edit, `ndbindgen develop`, and the next
interpreter sees the edit. No file is edited by hand but the one-line edit. PyPI is unreachable
here, so pip runs with PIP_NO_INDEX=1 (what `--no-index` does); the venv sees Debian's numpy
(--system-site-packages), the template's one dependency. The timings are printed."""
import os
import pathlib
import shutil
import subprocess
import sys
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def run(args, cwd, env, timeout=900):
    start = time.monotonic()
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - start
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result, elapsed


@pytest.fixture(scope="module")
def user(tmp_path_factory):
    root = tmp_path_factory.mktemp("first_hour")
    assert REPO not in root.parents
    home = root / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "XDG_", "NUGET_", "VIRTUAL_ENV", "PYTHON"))}
    real_home = pathlib.Path(os.environ.get("HOME", "/root"))
    env.update(HOME=str(home), NUGET_PACKAGES=str(root / "packages"), PIP_NO_INDEX="1",
               DOTNET_NOLOGO="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", PYTHON="/usr/bin/python3",
               # Downloads only (not the packages folder): nuget.org's ILCompiler is fetched once a machine.
               NUGET_HTTP_CACHE_PATH=str(real_home / ".local" / "share" / "NuGet" / "http-cache"))
    timings = {}
    yield root, env, timings
    print("\nfirst hour, seconds:", {k: round(v, 1) for k, v in timings.items()})
    shutil.rmtree(root / "packages", ignore_errors=True)   # ~300 MB of ILCompiler and runtime packs


@pytest.fixture(scope="module")
def installed(user):
    root, env, timings = user
    _, timings["scripts/install-local.sh"] = run([REPO / "scripts" / "install-local.sh"], REPO, env)
    _, timings["dotnet new ndbindgen -n my-ext"] = run(["dotnet", "new", "ndbindgen", "-n", "my-ext"], root, env)
    run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", root / "venv"], root, env)
    _, timings["pip install ./my-ext"] = run([root / "venv" / "bin" / "pip", "install", "./my-ext"], root, env)
    return root, env, timings


def test_the_template_makes_a_whole_project(installed):
    root, _, _ = installed
    project = root / "my-ext"
    names = sorted(str(p.relative_to(project)) for p in project.rglob("*")
                   if "bin" not in p.parts and "obj" not in p.parts)
    assert names == [".gitignore", "Module.cs", "README.md", "my-ext.csproj", "pyproject.toml",
                     "tests", "tests/test_my_ext.py"]
    assert "<PyModuleName>my_ext</PyModuleName>" in (project / "my-ext.csproj").read_text()
    pyproject = (project / "pyproject.toml").read_text()
    assert 'name = "my-ext"' in pyproject and 'requires = ["ndbindgen-build==' in pyproject
    assert "backend-path" not in pyproject   # the backend comes from the wheelhouse, wherever the project is


def test_pip_install_makes_it_importable(installed):
    root, env, _ = installed
    result, _ = run([root / "venv" / "bin" / "python", "-c",
                     "import my_ext; print(my_ext.hello(), my_ext.Counter(41).increment())"], root, env)
    assert result.stdout.split() == ["Hello,", "world!", "42"]


def test_the_template_tests_pass(installed):
    root, env, _ = installed
    result, _ = run([root / "venv" / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                    root / "my-ext", env)
    assert "4 passed" in result.stdout


def test_an_edit_is_importable_after_ndbindgen_develop(installed):
    root, env, timings = installed
    venv, project = root / "venv", root / "my-ext"
    run([venv / "bin" / "pip", "install", "ndbindgen-build"], root, env)     # the `ndbindgen` command
    _, timings["pip install -e ./my-ext"] = run([venv / "bin" / "pip", "install", "-e", "./my-ext"], root, env)
    hello = [venv / "bin" / "python", "-c", "import my_ext; print(my_ext.hello())"]
    assert run(hello, root, env)[0].stdout.strip() == "Hello, world!"
    source = project / "Module.cs"
    source.write_text(source.read_text().replace('$"Hello, {name}!"', '$"Hi, {name}!"'))
    _, timings["one-line edit: ndbindgen develop"] = run([venv / "bin" / "ndbindgen", "develop"], project, env)
    assert run(hello, root, env)[0].stdout.strip() == "Hi, world!"


def test_an_older_python_builds_and_imports_it_too(installed):
    """The backend runs on the oldest supported CPython as well: there it reads pyproject.toml with tomli,
    which pip installs with ndbindgen-build from the wheelhouse (install-local.sh put it there). pyenv's 3.9
    has no numpy, the template's one dependency, hence --no-deps; importing and calling needs none."""
    root, env, timings = installed
    pythons = sorted(pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv"), "versions")
                     .glob("3.9.*/bin/python3"))
    if not pythons:
        pytest.skip("no CPython 3.9 on this machine")
    venv = root / "venv39"
    run([pythons[-1], "-m", "venv", venv], root, env)
    _, timings["pip install ./my-ext (3.9)"] = run([venv / "bin" / "pip", "install", "--no-deps", "./my-ext"],
                                                  root, env)
    result, _ = run([venv / "bin" / "python", "-c",
                     "import sys, my_ext; print(sys.version_info[:2], my_ext.Counter(41).increment())"], root, env)
    assert result.stdout.strip() == "(3, 9) 42"
