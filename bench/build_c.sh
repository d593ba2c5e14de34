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
else
    gcc -O3 -falign-loops=32 -fPIC -shared \
        -Wall -Wextra -Wno-unused-parameter \
        -I"$py_include" -I"$np_include" \
        -o "$out" "$src" -lm
    echo "built: $out"
fi

# The crossing probe (an empty .NET entry point against an empty C one, called from C).
crossing="$here/c_ext/crossing.c"
if [[ ! -f "$out_dir/crossing" || "$crossing" -nt "$out_dir/crossing" || "${BASH_SOURCE[0]}" -nt "$out_dir/crossing" ]]; then
    libpython="$("$py" -c "import sysconfig; print(sysconfig.get_config_var('INSTSONAME'))")"
    gcc -O2 -Wall -Wextra -DLIBPYTHON="\"$libpython\"" -o "$out_dir/crossing" "$crossing" -ldl
    gcc -O2 -Wall -Wextra -fPIC -shared -DCROSSING_C_LIBRARY -o "$out_dir/crossing_c.so" "$crossing"
    echo "built: $out_dir/crossing"
fi

# bench/instructions.py's counting window (callgrind client requests; valgrind's header ships with
# valgrind itself). Plain C loaded with ctypes: one build serves every interpreter.
marks="$here/c_ext/callgrind_marks.c"
if [[ -f /usr/include/valgrind/callgrind.h ]] &&
   [[ ! -f "$out_dir/callgrind_marks.so" || "$marks" -nt "$out_dir/callgrind_marks.so" || "${BASH_SOURCE[0]}" -nt "$out_dir/callgrind_marks.so" ]]; then
    gcc -O2 -Wall -Wextra -fPIC -shared -o "$out_dir/callgrind_marks.so" "$marks"
    echo "built: $out_dir/callgrind_marks.so"
fi

# For bench/versions.py: the numpy-free part of the C baseline (add_scalars, Point) for each
# pyenv CPython 3.9-3.13 found, in bench/.build/<version>/nd_ext_c.so.
pyenv_versions="${PYENV_ROOT:-$HOME/.pyenv}/versions"
for python in "$pyenv_versions"/3.{9,10,11,12,13}.*/bin/python3; do
    [[ -x "$python" ]] || continue
    version="$("$python" -c "import sys; print('%d.%d' % sys.version_info[:2])")"
    include="$("$python" -c "import sysconfig; print(sysconfig.get_paths()['include'])")"
    mkdir -p "$out_dir/$version"
    target="$out_dir/$version/nd_ext_c.so"
    if [[ ! -f "$target" || "$src" -nt "$target" || "${BASH_SOURCE[0]}" -nt "$target" ]]; then
        gcc -O3 -falign-loops=32 -fPIC -shared -Wall -Wextra -Wno-unused-parameter -DND_EXT_C_NO_NUMPY \
            -I"$include" -o "$target" "$src" -lm
        echo "built: $target"
    fi
done
