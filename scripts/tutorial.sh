#!/usr/bin/env bash
# The tutorial session: install what is missing, publish examples/NdExt with NativeAOT and use
# the module nd_ext from Debian's Python, as the PyO3 tutorial uses rust_ext.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prereqs.sh
dotnet publish examples/NdExt -c Release -o .build/modules --verbosity quiet
PYTHONPATH=.build/modules /usr/bin/python3 examples/NdExt/tutorial.py
