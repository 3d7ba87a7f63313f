"""Command line: ``python -m interview_lab COMMAND`` (the Makefile's targets call it).

Commands
--------
prepare           copy released notebooks into notebooks/ (never overwrites) and write
                  the JupyterLab settings
release [A ...]   regenerate release/ from source/ with nbgrader generate_assignment
grade A           grade your notebooks/A work with nbgrader (in .selfstudy/) and print
                  the points per exercise; --student NAME (default: $STUDENT or login)
progress          your best score per assignment: a table, notebooks/progress.png and
                  notebooks/progress.ipynb
interview         a timed mock interview drawn from the whole course, written to
                  notebooks/interviews/<date-time>.ipynb; --minutes (45), --seed
interview-grade   grade the latest mock interview: hidden tests, time taken, the
                  written answer's rubric
review            what to practise next: exercises failed or never graded, then those
                  passed a while ago (spaced: 1, 3, 7 then 21 days after a pass)
reset A           a fresh copy of release/A in notebooks/A (the old one kept as a
                  dated backup)
grade-all [A ...] instructor: autograde every submission in submitted/, one nbgrader
                  run per student, then export grades.csv; --jobs N grades N at a
                  time on a local Dask cluster, --scheduler ADDRESS on a running one
"""

from __future__ import annotations

import argparse
import sys

from . import course

__all__ = ["COMMANDS", "build_parser", "main"]


def _prepare(args) -> int:
    root = course.find_root()
    course.prepare_notebooks(root)
    course.write_lab_settings()
    return 0


def _release(args) -> int:
    root = course.find_root()
    for assignment in args.assignments or course.assignments(root):
        course.nbgrader(["generate_assignment", assignment, "--force"], root)
    return 0


def _need_assignment(args, root, command: str) -> str | None:
    if args.assignment:
        return args.assignment
    print(
        f"Which assignment? For example: make {command} A={course.assignments(root)[0]}"
        f"\nAssignments: {', '.join(course.assignments(root))}",
        file=sys.stderr,
    )
    return None


def _grade(args) -> int:
    from .grading import GradingError, grade

    root = course.find_root()
    assignment = _need_assignment(args, root, "grade")
    if assignment is None:
        return 2
    try:
        grade(root, assignment, args.student)
    except GradingError as exc:
        print(f"Could not grade {assignment}: {exc}", file=sys.stderr)
        return 1
    return 0


def _progress(args) -> int:
    from .progress import write_progress

    write_progress(course.find_root(), args.student)
    return 0


def _interview(args) -> int:
    from .grading import GradingError
    from .interview import new_session

    try:
        session = new_session(course.find_root(), args.seed, args.minutes, args.student)
    except GradingError as exc:
        print(f"Could not build a mock interview: {exc}", file=sys.stderr)
        return 1
    print(
        f"Mock interview {session.id} ({session.minutes} minutes, seed {session.seed})"
        f"\n  coding:  {session.coding[0]}/{session.coding[1]}"
        f"\n  concept: {', '.join(session.concepts)}"
        f"\n  written: {session.written}"
        f"\nOpen {session.notebook} in JupyterLab; the clock started at "
        f"{session.started}. When done: make interview-grade"
    )
    return 0


def _interview_grade(args) -> int:
    from .grading import GradingError
    from .interview import grade_session

    try:
        grade_session(course.find_root(), args.student)
    except GradingError as exc:
        print(f"Could not grade the mock interview: {exc}", file=sys.stderr)
        return 1
    return 0


def _review(args) -> int:
    from .review import show_review

    show_review(course.find_root(), args.student, limit=None if args.all else 12)
    return 0


def _reset(args) -> int:
    root = course.find_root()
    assignment = _need_assignment(args, root, "reset")
    if assignment is None:
        return 2
    try:
        course.reset_notebooks(root, assignment)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def _grade_all(args) -> int:
    from .grading import GradingError, grade_all

    root = course.find_root()
    try:
        graded, problems = grade_all(
            root,
            args.assignments or None,
            force=args.force,
            export=args.to,
            workers=args.jobs,
            scheduler=args.scheduler,
        )
    except GradingError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"graded {len(graded)} submission(s); grades exported to {args.to}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m interview_lab",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="prepare notebooks/ and JupyterLab settings")
    p = sub.add_parser("release", help="regenerate release/ from source/")
    p.add_argument("assignments", nargs="*")
    p = sub.add_parser("grade", help="grade your notebooks/<assignment> work")
    p.add_argument("assignment", nargs="?")
    p.add_argument("--student", help="student id (default: $STUDENT or your login)")
    p = sub.add_parser("progress", help="your best score per assignment")
    p.add_argument("--student", help="student id (default: $STUDENT or your login)")
    p = sub.add_parser("interview", help="a timed mock interview")
    p.add_argument("--minutes", type=int, default=45, help="session length (45)")
    p.add_argument("--seed", type=int, help="draw the same session again")
    p.add_argument("--student", help="student id (default: $STUDENT or your login)")
    p = sub.add_parser("interview-grade", help="grade the latest mock interview")
    p.add_argument("--student", help="student id (default: $STUDENT or your login)")
    p = sub.add_parser("review", help="what to practise next (spaced review)")
    p.add_argument("--student", help="student id (default: $STUDENT or your login)")
    p.add_argument("--all", action="store_true", help="list every exercise to practise")
    p = sub.add_parser("reset", help="fresh copy of a released notebook (keeps yours)")
    p.add_argument("assignment", nargs="?")
    p = sub.add_parser(
        "grade-all", help="instructor: autograde all submissions, export"
    )
    p.add_argument("assignments", nargs="*")
    p.add_argument(
        "--force",
        action="store_true",
        help="re-grade submissions that were already autograded",
    )
    p.add_argument("--to", default="grades.csv", help="CSV file to export to")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="grade this many submissions at a time, on a local Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        help="grade on the Dask cluster at this address (tcp://host:8786)",
    )
    return parser


COMMANDS = {
    "prepare": _prepare,
    "release": _release,
    "grade": _grade,
    "progress": _progress,
    "review": _review,
    "interview": _interview,
    "interview-grade": _interview_grade,
    "reset": _reset,
    "grade-all": _grade_all,
}


def main(argv: list[str] | None = None) -> int:
    from .nbgrader_cli import skip_slow_imports

    skip_slow_imports()  # the commands read nbgrader's config and gradebook
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
