"""The module's type stubs, read from the module itself (the generator compiles them in) and written next to it:

    <module>.pyi            the module's stub (always)
    <module>/<sub>.pyi      each submodule's, when it has [PySubmodule]s; <module>.pyi imports them
                            (``import <module>.<sub> as <sub>``), so mypy finds ``<module>.<sub>`` there
    py.typed

Python still imports the extension module: a directory without ``__init__.py`` only becomes a namespace package
when no module file of the name is beside it. A wheel ships the same files as ``<module>-stubs/`` (wheel.py)."""
import ctypes
import pathlib


def read_stubs(module_file):
    """``{relative path: bytes}`` of every stub the module exports."""
    library = ctypes.CDLL(str(module_file))
    pyi = library.ndbindgen_pyi
    pyi.restype = ctypes.c_char_p
    stubs = {}
    top = pyi()
    try:
        submodule = library.ndbindgen_pyi_submodule   # only modules with submodules export it
    except AttributeError:
        submodule = None
    if submodule is not None:
        submodule.restype = ctypes.c_char_p
        submodule.argtypes = [ctypes.c_int]
        index = 0
        while True:
            text = submodule(index)
            if text is None:
                break
            name, _, body = text.partition(b"\n")
            stubs[name.decode()] = body
            index += 1
    return top, stubs


def write_stubs(module_file, out_dir, module_name):
    """Write ``<module>.pyi``, ``<module>/<sub>.pyi`` and ``py.typed`` into ``out_dir``; return the paths written.
    Submodule stubs of an earlier build that the module no longer has are removed."""
    out_dir = pathlib.Path(out_dir)
    top, submodules = read_stubs(module_file)
    written = [out_dir / f"{module_name}.pyi"]
    written[0].write_bytes(top)
    directory = out_dir / module_name
    if directory.is_dir():
        for stale in directory.glob("*.pyi"):
            if stale.stem not in submodules:
                stale.unlink()
    for name, body in submodules.items():
        directory.mkdir(exist_ok=True)
        path = directory / f"{name}.pyi"
        path.write_bytes(body)
        written.append(path)
    if directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
    typed = out_dir / "py.typed"
    typed.touch()
    written.append(typed)
    return written


def submodule_stubs(out_dir, module_name):
    """The submodule stubs written next to the module: ``[(submodule name, path)]``."""
    directory = pathlib.Path(out_dir) / module_name
    return sorted((p.stem, p) for p in directory.glob("*.pyi")) if directory.is_dir() else []
