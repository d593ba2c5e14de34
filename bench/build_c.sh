#!/usr/bin/env bash
# Build the hand-written C baseline bench/c_ext/nd_ext_c.c into
# bench/.build/nd_ext_c$(EXT_SUFFIX), for Debian's /usr/bin/python3 (which has numpy).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-/usr/bin/python3}"

ext_suffix="$("$py" -c "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))")"
py_include="$("$py" -c "import sysconfig; print(sysconfig.get_paths()['include'])")"
np_include="$("$py" -c "import numpy; print(numpy.get_include())")"

out_dir="$here/.build"
out="$out_dir/nd_ext_c$ext_suffix"
src="$here/c_ext/nd_ext_c.c"
mkdir -p "$out_dir"

# Rebuild only when the source (or this script) is newer than the module.
if [[ -f "$out" && "$out" -nt "$src" && "$out" -nt "${BASH_SOURCE[0]}" ]]; then
    echo "up to date: $out"
    exit 0
fi

gcc -O3 -falign-loops=32 -fPIC -shared \
    -Wall -Wextra -Wno-unused-parameter \
    -I"$py_include" -I"$np_include" \
    -o "$out" "$src" -lm
echo "built: $out"
