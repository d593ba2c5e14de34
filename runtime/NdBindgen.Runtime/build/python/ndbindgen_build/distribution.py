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
                ("Summary", SUMMARY), ("Requires-Python", ">=3.9"),
                # pyproject.toml is TOML: the standard library reads it from 3.11 on, tomli before.
                ("Requires-Dist", 'tomli>=1.1.0; python_version < "3.11"')]
    files.append((f"{dist_info}/METADATA", _render_metadata(metadata, "").encode("utf-8")))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: NdBindgen (ndbindgen_build)\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    files.append((f"{dist_info}/entry_points.txt",
                  b"[console_scripts]\nndbindgen = ndbindgen_build.__main__:main\n"))
    return write_wheel(out_dir, f"{DIST}-{version}-py3-none-any.whl", dist_info, files)


def build_installed_wheel(name, out_dir):
    """A wheel of the pure-Python package ``name`` as this interpreter has it installed (Debian's
    python3-tomli, say): what scripts/install-local.sh puts in the wheelhouse for a dependency of
    ndbindgen-build when PyPI, which would serve it, is out of reach. Return its path."""
    import importlib
    import importlib.metadata
    module = importlib.import_module(name)
    package = pathlib.Path(module.__file__).resolve().parent
    if pathlib.Path(module.__file__).name != "__init__.py":
        raise ValueError(f"{name} is a single module, not a package")
    version = importlib.metadata.version(name)
    installed = importlib.metadata.metadata(name)
    dist_info = f"{name}-{version}.dist-info"
    files = [(f"{name}/{f.relative_to(package).as_posix()}", f.read_bytes())
             for f in sorted(package.rglob("*")) if f.is_file() and "__pycache__" not in f.parts]
    metadata = [("Metadata-Version", "2.1"), ("Name", installed["Name"]), ("Version", version)]
    for field in ("Summary", "License", "Requires-Python"):
        if installed.get(field):
            metadata.append((field, installed[field]))
    files.append((f"{dist_info}/METADATA", _render_metadata(metadata, "").encode("utf-8")))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: NdBindgen (ndbindgen_build)\n"
                  b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    return write_wheel(out_dir, f"{name}-{version}-py3-none-any.whl", dist_info, files)
