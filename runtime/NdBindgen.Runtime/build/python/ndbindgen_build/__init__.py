"""NdBindgen's Python-side build tools (standard library only).

- ``wheel``: pack a published extension module into a PEP 427 wheel (``build_wheel``); the
  MSBuild target ``NdBindgenWheel`` (``dotnet publish -p:PyWheel=true``) runs it as
  ``python -m ndbindgen_build wheel ...`` with the target interpreter.
- ``backend``: the PEP 517 build backend behind ``pip install <project dir>``; it runs
  ``dotnet publish -p:PyWheel=true``, so both routes produce the same wheel.
"""
from .wheel import build_wheel, interpreter_tags, read_pyproject, wheel_name_part

__all__ = ["build_wheel", "interpreter_tags", "read_pyproject", "wheel_name_part"]
