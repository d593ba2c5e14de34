"""PEP 517 build backend of this project: NdBindgen's, in runtime/NdBindgen.Runtime/build/python.

pip accepts only a backend-path inside the project directory, so this shim (the one file there)
finds the shared implementation relative to itself, next to the MSBuild props/targets that
NdExt.csproj imports by the same relative path."""
import pathlib
import sys

_SHARED = pathlib.Path(__file__).resolve().parents[2] / "runtime" / "NdBindgen.Runtime" / "build" / "python"
if str(_SHARED) not in sys.path:
    sys.path.insert(0, str(_SHARED))

from ndbindgen_build.backend import (  # noqa: E402,F401
    build_editable,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_wheel,
)
