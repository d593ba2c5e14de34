"""This package as a wheel of its own, ``ndbindgen_build-<version>-py3-none-any.whl``: what a
project's pyproject.toml names in ``[build-system] requires`` (as maturin's projects name maturin),
so pip installs the backend into its isolated build environment from a wheelhouse (``--find-links``;
``scripts/install-local.sh`` writes one and tells pip where it is) wherever the project lives. It
also installs the ``ndbindgen`` command (``ndbindgen develop``)."""
import pathlib

from .wheel import _render_metadata, write_wheel

DIST = "ndbindgen_build"
SUMMARY = "Build backend and tools for C# Python extension modules made with NdBindgen"


def build_backend_wheel(out_dir, version):
    """Write the wheel into ``out_dir``; return its path."""
    package = pathlib.Path(__file__).resolve().parent
    dist_info = f"{DIST}-{version}.dist-info"
    files = [(f"ndbindgen_build/{f.name}", f.read_bytes()) for f in sorted(package.glob("*.py"))]
    metadata = [("Metadata-Version", "2.1"), ("Name", "ndbindgen-build"), ("Version", version),
                ("Summary", SUMMARY), ("Requires-Python", ">=3.9")]
    files.append((f"{dist_info}/METADATA", _render_metadata(metadata, "").encode("utf-8")))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: NdBindgen (ndbindgen_build)\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    files.append((f"{dist_info}/entry_points.txt",
                  b"[console_scripts]\nndbindgen = ndbindgen_build.__main__:main\n"))
    return write_wheel(out_dir, f"{DIST}-{version}-py3-none-any.whl", dist_info, files)
