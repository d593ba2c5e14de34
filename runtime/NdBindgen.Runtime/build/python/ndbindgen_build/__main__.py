"""Command line for MSBuild (NdBindgen.targets runs it with the target interpreter):

    python -m ndbindgen_build wheel --publish-dir DIR --module NAME --out-dir DIR [--module-file FILE]
                                    [--version V] [--pyproject FILE] [--editable-path DIR]

Prints the wheel's path on stdout, and on stderr what the user should know (why the wheel is not
manylinux). Errors are printed in MSBuild's canonical format, so `dotnet publish` shows them as
build errors."""
import argparse
import sys

from .wheel import WheelError, build_wheel


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m ndbindgen_build")
    commands = parser.add_subparsers(dest="command", required=True)
    wheel = commands.add_parser("wheel", help="pack a published module into a wheel")
    wheel.add_argument("--publish-dir", required=True)
    wheel.add_argument("--module", required=True)
    wheel.add_argument("--module-file", default=None, help="default: <module>.so or <module><EXT_SUFFIX>")
    wheel.add_argument("--out-dir", required=True)
    wheel.add_argument("--version", default=None, help="when there is no pyproject.toml or its version is dynamic")
    wheel.add_argument("--pyproject", default=None)
    wheel.add_argument("--editable-path", default=None)
    args = parser.parse_args(argv)
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
