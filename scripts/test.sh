#!/usr/bin/env bash
# Every test: generator and runtime unit tests (xunit), then the real thing: pytest importing the
# NativeAOT-published modules into Debian's /usr/bin/python3; then the same build's numpy-free
# tests on every other supported CPython this machine has (pyenv's). CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prereqs.sh

dotnet build NdBindgen.sln -c Release --no-restore --verbosity quiet
# A hung test host fails the run after 10 minutes instead of holding CI to its limit.
dotnet test NdBindgen.sln -c Release --no-build --verbosity quiet --blame-hang-timeout 10m

# Publish the modules; any trim/AOT warning fails the run (the toolkit promises none).
rm -rf .build/modules .build/memory
for target in examples/NdExt:modules tests/NdTestModule:modules tests/NdFramesOff:modules examples/Memory:memory; do
  project=${target%%:*}
  log=$(mktemp)
  dotnet publish "$project" -c Release -o ".build/${target##*:}" --no-restore >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  grep -E "Python module" "$log" || true
  if grep -qE ": warning [A-Z]+[0-9]+" "$log"; then
    echo "error: publishing $project produced warnings:" >&2
    grep -E ": warning " "$log" | sort -u >&2
    exit 1
  fi
  rm -f "$log"
done

bench/build_c.sh >/dev/null
NDBINDGEN_MODULES=.build/modules /usr/bin/python3 -m pytest tests/python bench/c_ext -q -p no:cacheprovider

# Noise-free speed gate: callgrind's instructions per call of every small-call row, nd_ext against the
# C reference; fails when a row's ratio grew more than 5% over the committed baseline (bench/README.md
# says how and when to regenerate it). About 1-2 minutes.
/usr/bin/python3 bench/instructions.py --nd-ext-dir .build/modules --check bench/instructions-baseline.json

# One build runs on every CPython the module lists (its export ndbindgen_python_versions, from the
# runtime's Core/PythonVersions.cs). The others here are pyenv's, without numpy or pytest: Debian's
# pytest runs on them the files of conftest.NUMPY_FREE, skipping each test there that needs numpy.
versions=$(/usr/bin/python3 -c "import ctypes, sys; f = ctypes.CDLL(sys.argv[1]).ndbindgen_python_versions
f.restype = ctypes.c_char_p; print(f().decode())" .build/modules/nd_ext.so)
for version in $versions; do
  [ "$version" = "$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')" ] && continue
  python=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}/versions/$version".*/bin/python3 2>/dev/null \
    | sort -V | tail -n 1 || true)
  if [ -z "$python" ]; then
    echo "CPython $version: not on this machine, skipped"
    continue
  fi
  echo "CPython $version ($python): the numpy-free tests"
  NDBINDGEN_MODULES=.build/modules PYTHONPATH=/usr/lib/python3/dist-packages \
    "$python" -m pytest tests/python --numpy-free -q -p no:cacheprovider
done
