#!/usr/bin/env bash
# The one command: build the C baseline, publish nd_ext if it is missing, run
# the benchmark. Arguments go to bench.py (e.g. --quick, --json out.json).
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$bench")"

"$bench/build_c.sh"

self_test=false
for arg in "$@"; do [[ "$arg" == --self-test ]] && self_test=true; done

# --self-test benchmarks nd_ext_c against itself and needs no nd_ext.
if ! $self_test && ! compgen -G "$repo/.build/modules/nd_ext*.so" > /dev/null; then
    echo "nd_ext not found in .build/modules; publishing examples/NdExt ..."
    (cd "$repo" && dotnet publish examples/NdExt -c Release -o .build/modules)
fi

exec /usr/bin/python3 "$bench/bench.py" "$@"
