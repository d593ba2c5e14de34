"""NdBindgen's Python-side build tools (standard library only).

- ``wheel``: pack a published extension module into a PEP 427 wheel (``build_wheel``); the
  MSBuild target ``NdBindgenWheel`` (``dotnet publish -p:PyWheel=true``) runs it as
  ``python -m ndbindgen_build wheel ...`` with the target interpreter.
- ``tags``: the wheel's tags, from the module's supported CPython versions and (``elf``, with the
  table ``manylinux_policy``) the manylinux policy its ELF file satisfies.
- ``backend``: the PEP 517 build backend behind ``pip install <project dir>``; it runs
  ``dotnet publish -p:PyWheel=true``, so both routes produce the same wheel.
- ``sdist``: the backend's build_sdist: the project's sources, a copy of this package and PKG-INFO.
- ``distribution``: this package as the wheel ndbindgen_build (what projects name in
  ``[build-system] requires``), with the ``ndbindgen`` command; ``develop``: ``ndbindgen develop``.
"""
from .wheel import build_wheel, interpreter_tags, read_pyproject, wheel_name_part, wheel_tags

__all__ = ["build_wheel", "interpreter_tags", "read_pyproject", "wheel_name_part", "wheel_tags"]
