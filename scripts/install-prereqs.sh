#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks: Debian's Python with numpy, pytest, hypothesis
# and the CPython headers/libpython (runtime tests embed it; the C reference module compiles
# against it), venv and pip (the wheel tests install into a venv, offline), the debug interpreter
# python3.11-dbg (the reference-leak test counts every reference with it), exceptiongroup and
# tomli (Debian's pytest needs them when the other CPythons, 3.9 and 3.10, run the numpy-free tests
# with it: scripts/test.sh), valgrind (callgrind counts the instructions of scripts/test.sh's speed
# gate; its callgrind.h builds bench's counting window), then restores NuGet packages. Safe to run
# again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(python3 python3-numpy python3-pytest python3-hypothesis python3-dev gcc mypy python3-venv python3-pip python3.11-dbg
          python3-exceptiongroup python3-tomli valgrind)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  log=$(mktemp)
  # Another apt or dpkg process (unattended upgrades, a second terminal) holds the locks for a
  # while: wait for it, up to 10 minutes, instead of failing at once.
  for attempt in $(seq 60); do
    $as_root apt-get update -qq -o DPkg::Lock::Timeout=600 >"$log" 2>&1 && break
    grep -qi "could not get lock\|is held by process" "$log" || { cat "$log" >&2; exit 1; }
    echo "apt is busy (another process holds its lock); waiting" >&2
    sleep "${NDBINDGEN_APT_RETRY_SECONDS:-10}"
  done
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  rm -f "$log"
fi

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET SDK (dotnet, 10.0) is not on PATH; this machine kind ships it preinstalled." >&2
  exit 1
fi
dotnet restore NdBindgen.sln --verbosity quiet
