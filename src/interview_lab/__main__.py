"""Command line: ``python -m interview_lab COMMAND`` (the Makefile's targets call it).

Commands
--------
prepare           copy released notebooks into notebooks/ (never overwrites) and write
                  the JupyterLab settings
release [A ...]   regenerate release/ from source/ with nbgrader generate_assignment
"""

from __future__ import annotations

import argparse
import sys

from . import course


def cmd_prepare(args) -> int:
    root = course.find_root()
    course.prepare_notebooks(root)
    course.write_lab_settings()
    return 0


def cmd_release(args) -> int:
    root = course.find_root()
    for assignment in args.assignments or course.assignments(root):
        course.nbgrader(["generate_assignment", assignment, "--force"], root)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m interview_lab", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="prepare notebooks/ and JupyterLab settings")
    p = sub.add_parser("release", help="regenerate release/ from source/")
    p.add_argument("assignments", nargs="*")
    return parser


COMMANDS = {"prepare": cmd_prepare, "release": cmd_release}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
