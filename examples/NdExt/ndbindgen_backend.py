"""PEP 517 build backend of this project: NdBindgen's, in runtime/NdBindgen.Runtime/build/python.

pip accepts only a backend-path inside the project directory, so this shim (the one file there)
finds the implementation: in this repository, the shared one next to the MSBuild props/targets
that NdExt.csproj imports by the same relative path; in an sdist of this project, the copy of it
that build_sdist put next to this file (ndbindgen_build/, found through backend-path)."""
import pathlib
import sys

_HERE = pathlib.Path(__file__).resolve().parent
_SHARED = _HERE.parents[1] / "runtime" / "NdBindgen.Runtime" / "build" / "python"
if not (_HERE / "ndbindgen_build").is_dir() and str(_SHARED) not in sys.path:
    sys.path.insert(0, str(_SHARED))

from ndbindgen_build.backend import (  # noqa: E402,F401
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
)
