#!/usr/bin/env bash
# Makes NdBindgen available to projects outside this repository, the way it will be once its
# packages are on nuget.org and PyPI: run once (and again after changing NdBindgen itself).
#   - NuGet: the packages NdBindgen and NdBindgen.Templates in a local feed, added to your NuGet
#     sources (`dotnet nuget add source`, your user NuGet.Config);
#   - dotnet new: the template `ndbindgen` (`dotnet new install`);
#   - pip: the build backend ndbindgen-build as a wheel in a local wheelhouse, named in your pip
#     configuration as find-links, so `pip install <project>` finds it as it would find maturin.
# Then: dotnet new ndbindgen -n my-ext && pip install ./my-ext
# Where: $NDBINDGEN_HOME, default ~/.local/share/ndbindgen (feed nuget/, wheelhouse wheels/).
set -euo pipefail
cd "$(dirname "$0")/.."

home="${NDBINDGEN_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/ndbindgen}"
feed="$home/nuget"
wheels="$home/wheels"
version="$(sed -n 's:.*<NdBindgenVersion>\(.*\)</NdBindgenVersion>.*:\1:p' Directory.Build.props)"
python="${PYTHON:-python3}"
mkdir -p "$feed" "$wheels"

echo "NdBindgen $version -> $home"
dotnet pack -c Release -o "$feed" --nologo -v quiet
dotnet pack templates/NdBindgen.Templates.csproj -c Release -o "$feed" --nologo -v quiet

# A package of the same version restored before (an earlier run of this script) would shadow the
# new one: NuGet never looks at a feed again for a version it has in its global packages folder.
packages="$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')"
rm -rf "$packages/ndbindgen/$version" "$packages/ndbindgen.templates/$version"

# The user-level NuGet.Config (named explicitly: without it dotnet would write to the nuget.config
# nearest the current directory, this repository's).
user_config="$HOME/.nuget/NuGet/NuGet.Config"
if [[ ! -f "$user_config" ]]; then
    mkdir -p "$(dirname "$user_config")"
    printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />\n  </packageSources>\n</configuration>\n' >"$user_config"
fi
if ! dotnet nuget list source --format short --configfile "$user_config" | grep -qF " $feed"; then
    dotnet nuget add source "$feed" --name ndbindgen-local --configfile "$user_config"
fi
# Not `install --force`: over an installed local package it records the package twice, and
# `dotnet new ndbindgen` then fails ("Sequence contains more than one matching element").
while dotnet new uninstall NdBindgen.Templates >/dev/null 2>&1; do :; done
dotnet new install "$feed/NdBindgen.Templates.$version.nupkg" >/dev/null
echo "dotnet new: template ndbindgen installed"

PYTHONPATH=runtime/NdBindgen.Runtime/build/python PYTHONDONTWRITEBYTECODE=1 \
    "$python" -m ndbindgen_build backend-wheel --out-dir "$wheels" --version "$version" >/dev/null
# ndbindgen-build needs tomli on Python < 3.11 (tomllib before it was standard). PyPI would serve it;
# offline, the wheelhouse gets this interpreter's installed copy (Debian's python3-tomli).
if PYTHONPATH=runtime/NdBindgen.Runtime/build/python PYTHONDONTWRITEBYTECODE=1 \
    "$python" -m ndbindgen_build installed-wheel tomli --out-dir "$wheels" >/dev/null 2>&1; then
    echo "pip: tomli for ndbindgen-build on Python < 3.11 in the wheelhouse"
else
    echo "note: $python has no tomli; on Python < 3.11, pip fetches it for ndbindgen-build from PyPI"
fi
# pip's user configuration: find-links gains the wheelhouse (other entries are kept).
"$python" - "$wheels" <<'PY'
import configparser, os, pathlib, sys
wheels = sys.argv[1]
base = pathlib.Path(os.environ.get("XDG_CONFIG_HOME") or pathlib.Path.home() / ".config")
path = base / "pip" / "pip.conf"
config = configparser.ConfigParser()
config.read(path)
if not config.has_section("global"):
    config.add_section("global")
links = config.get("global", "find-links", fallback="").split()
if wheels not in links:
    config.set("global", "find-links", " ".join(links + [wheels]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as f:
        config.write(f)
print(f"pip finds ndbindgen-build in {wheels} ({path})")
if os.environ.get("PIP_FIND_LINKS") and wheels not in os.environ["PIP_FIND_LINKS"].split():
    print(f"note: PIP_FIND_LINKS is set in your environment and overrides that file; add {wheels} to it")
PY
echo "Ready: dotnet new ndbindgen -n my-ext && pip install ./my-ext"
