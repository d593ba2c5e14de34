"""Command line: ``python -m ndbindgen_build`` or, where the ndbindgen-build wheel is installed,
``ndbindgen``:

    ndbindgen develop [--project DIR] [--configuration C]
        build the project and make it importable in this environment (see ndbindgen_build.develop)
    python -m ndbindgen_build backend-wheel --out-dir DIR --version V
        write this package as the wheel ndbindgen_build-V-py3-none-any.whl (scripts/install-local.sh)
    python -m ndbindgen_build installed-wheel NAME --out-dir DIR
        write the installed pure-Python package NAME as a wheel (a dependency, where PyPI is out of reach)
    python -m ndbindgen_build stubs --module-file FILE --out-dir DIR --module NAME
        write the module's type stubs (<module>.pyi, <module>/<sub>.pyi, py.typed; see ndbindgen_build.stubs)
    python -m ndbindgen_build wheel --publish-dir DIR --module NAME --out-dir DIR [--module-file FILE]
                                    [--version V] [--pyproject FILE] [--editable-path DIR]
        pack a published module (NdBindgen.targets runs it with the target interpreter)

``wheel`` prints the wheel's path on stdout, and on stderr what the user should know (why the wheel
is not manylinux). Its errors are printed in MSBuild's canonical format, so `dotnet publish` shows
them as build errors."""
import argparse
import sys

from .wheel import WheelError, build_wheel


def main(argv=None):
    parser = argparse.ArgumentParser(prog="ndbindgen")
    commands = parser.add_subparsers(dest="command", required=True)
    develop = commands.add_parser("develop", help="build the project here and make it importable in this environment")
    develop.add_argument("--project", default=".", help="the project directory (default: the current one)")
    develop.add_argument("--configuration", default="Release")
    backend = commands.add_parser("backend-wheel", help="write the ndbindgen-build wheel")
    backend.add_argument("--out-dir", required=True)
    backend.add_argument("--version", required=True)
    installed = commands.add_parser("installed-wheel", help="write an installed pure-Python package as a wheel")
    installed.add_argument("name")
    installed.add_argument("--out-dir", required=True)
    stubs = commands.add_parser("stubs", help="write the module's type stubs next to it")
    stubs.add_argument("--module-file", required=True)
    stubs.add_argument("--out-dir", required=True)
    stubs.add_argument("--module", required=True)
    wheel = commands.add_parser("wheel", help="pack a published module into a wheel")
    wheel.add_argument("--publish-dir", required=True)
    wheel.add_argument("--module", required=True)
    wheel.add_argument("--module-file", default=None, help="default: <module>.so or <module><EXT_SUFFIX>")
    wheel.add_argument("--out-dir", required=True)
    wheel.add_argument("--version", default=None, help="when there is no pyproject.toml or its version is dynamic")
    wheel.add_argument("--pyproject", default=None)
    wheel.add_argument("--editable-path", default=None)
    args = parser.parse_args(argv)
    if args.command == "develop":
        from .develop import develop as run
        try:
            return run(args.project, args.configuration)
        except RuntimeError as e:
            print(f"ndbindgen develop: {e}", file=sys.stderr)
            return 1
    if args.command == "stubs":
        from .stubs import write_stubs
        try:
            write_stubs(args.module_file, args.out_dir, args.module)
        except (OSError, AttributeError) as e:
            print(f"NdBindgen : error : stubs: {e}", file=sys.stderr)
            return 1
        return 0
    if args.command == "backend-wheel":
        from .distribution import build_backend_wheel
        print(build_backend_wheel(args.out_dir, args.version))
        return 0
    if args.command == "installed-wheel":
        from .distribution import build_installed_wheel
        print(build_installed_wheel(args.name, args.out_dir))
        return 0
    try:
        path = build_wheel(args.publish_dir, args.module, args.version, args.out_dir,
                           pyproject=args.pyproject or None, editable_path=args.editable_path or None,
                           module_file=args.module_file or None)
    except (WheelError, OSError) as e:
        print(f"NdBindgen : error : wheel: {e}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
