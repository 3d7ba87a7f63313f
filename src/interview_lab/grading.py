"""Grading through the real nbgrader pipeline: the learner's ``make grade`` and the
instructor's ``make grade-all``.

Self-study grading runs in a course of its own, ``.selfstudy/`` at the course root
(git-ignored). Its ``nbgrader_config.py`` loads the root configuration and changes only
the course folder and the gradebook (``.selfstudy/gradebook.db``), so a learner's
grading never touches an instructor's gradebook or ``submitted/``, ``autograded/`` and
``feedback/`` folders, and ``NBGRADER_DB_URL`` (a class's PostgreSQL) is ignored there.
``.selfstudy/source/`` holds a copy of ``source/`` from which nbgrader generates the
assignment into the self-study gradebook.

:func:`grade` copies ``notebooks/<assignment>/`` into
``.selfstudy/submitted/<student>/<assignment>/`` with a ``timestamp.txt`` (the learner's
notebook is only read), runs ``nbgrader autograde`` (which restores every test cell,
hidden tests included, from the gradebook) and ``nbgrader generate_feedback``, and
prints one row per exercise with the first lines of each failed test's message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import cells, course, sandbox

__all__ = [
    "ExerciseResult",
    "GradeReport",
    "GradingError",
    "NotebookResult",
    "Problem",
    "autograde_args",
    "cell_grades",
    "check_submission",
    "course_db_url",
    "format_points",
    "format_report",
    "grade",
    "grade_all",
    "read_result",
    "run_failures",
    "run_nbgrader",
    "selfstudy_root",
    "student_id",
]

SELFSTUDY = ".selfstudy"
#: Characters a failed test's detail line may take in the table.
WIDTH = 100


class GradingError(RuntimeError):
    """Grading could not run; the message says why and what to do."""


# --------------------------------------------------------------------------- notebooks


def _failure(cell: dict) -> list[str]:
    """Short text of why a test cell failed: its error's first line, then details."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            ename = out.get("ename", "Error")
            evalue = cells.strip_ansi(str(out.get("evalue", ""))).strip()
            lines = evalue.splitlines() or [""]
            first = lines[0].strip()
            if ename != "CheckFailed":
                first = f"{ename}: {first}".rstrip(": ")
            details = [
                " ".join(line.split())
                for line in lines[1:]
                if line.strip().startswith(("expected:", "returned:", "problem:"))
            ]
            return [first] + (["   ".join(details)] if details else [])
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            return ["the cell wrote to stderr, which nbgrader scores as a failure"]
    return ["no points (no error message)"]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_points(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.2f}"


# ----------------------------------------------------------------------------- results


@dataclass
class ExerciseResult:
    """Points of one exercise and the failures of its test cells."""

    name: str
    score: float
    max_score: float
    failures: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class NotebookResult:
    """One autograded notebook: its exercises and written answers."""

    name: str
    exercises: list[ExerciseResult]
    manual_max: float = 0.0
    feedback: Path | None = None

    @property
    def score(self) -> float:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(e.max_score for e in self.exercises)


@dataclass
class GradeReport:
    """The result of grading one assignment for one student."""

    assignment: str
    student: str
    notebooks: list[NotebookResult]
    root: Path

    @property
    def score(self) -> float:
        return sum(n.score for n in self.notebooks)

    @property
    def max_score(self) -> float:
        return sum(n.max_score for n in self.notebooks)

    def lines(self) -> list[str]:
        return format_report(self)


def format_report(report: GradeReport) -> list[str]:
    """The table a learner sees after ``make grade``."""
    out: list[str] = []
    for nb in report.notebooks:
        names = [e.name for e in nb.exercises]
        w = max([len("exercise"), *map(len, names)]) + 2
        pw = max([len(format_points(e.max_score)) for e in nb.exercises] + [1])
        out.append(f"{report.assignment} · {nb.name}.ipynb")
        out.append(f"{'exercise':<{w}}points")
        for ex in nb.exercises:
            mark = "" if ex.score >= ex.max_score else "  ✗"
            out.append(
                f"{ex.name:<{w}}{format_points(ex.score):>{pw}} / {format_points(ex.max_score)}{mark}"
            )
            for gid, text in ex.failures:
                out.append(_clip(f"    {gid}: {text[0]}", WIDTH))
                for more in text[1:]:
                    out.append(_clip(f"      {more}", WIDTH))
        out.append(
            f"{'total':<{w}}{format_points(nb.score):>{pw}} / {format_points(nb.max_score)}"
        )
        if nb.manual_max:
            out.append(
                f"(+ {format_points(nb.manual_max)} points of written answers, graded by "
                "hand: compare yours with the source/ notebook)"
            )
        if nb.feedback is not None:
            try:
                shown = nb.feedback.relative_to(report.root)
            except ValueError:
                shown = nb.feedback
            out.append(f"feedback: {shown}")
    if len(report.notebooks) > 1:
        out.append(
            f"assignment total: {format_points(report.score)} / {format_points(report.max_score)}"
        )
    return out


def read_result(
    autograded: Path, grades: dict[str, tuple[float, float]], feedback: Path | None
) -> NotebookResult:
    """Build a :class:`NotebookResult` from an autograded notebook and its grades.

    ``grades`` maps each graded cell's grade id to ``(score, max_score)``; a missing
    or ``None`` score counts 0.
    """
    nb = json.loads(Path(autograded).read_text())
    tests_by_id = {cells.grade_id(c): c for c in cells.graded_tests(nb)}
    exercises = []
    for name, tests in cells.exercise_tests(nb).items():
        score = max_score = 0.0
        failures = []
        for gid, points in tests:
            got, most = grades.get(gid, (0.0, points))
            score += got
            max_score += most
            if got < most:
                failures.append((gid, _failure(tests_by_id[gid])))
        exercises.append(ExerciseResult(name, score, max_score, failures))
    manual_max = sum(
        float(cells.nbgrader_meta(c).get("points", 0))
        for c in nb["cells"]
        if cells.is_manual(c)
    )
    return NotebookResult(Path(autograded).stem, exercises, manual_max, feedback)


# ------------------------------------------------------------------------ nbgrader glue


def course_db_url(course_root: Path) -> str:
    """The gradebook URL that nbgrader uses in ``course_root``: the
    ``CourseDirectory.db_url`` its ``nbgrader_config.py`` sets, else nbgrader's
    default, ``gradebook.db`` in the configured root (the working directory when the
    config sets none). Read as nbgrader reads it, without importing nbgrader (a
    second of start-up)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader(
        "nbgrader_config.py", path=str(course_root)
    ).load_config()
    directory = config.CourseDirectory
    if "db_url" in directory:
        return directory.db_url
    root = os.path.abspath(directory.get("root") or os.getcwd())
    return f"sqlite:///{os.path.join(root, 'gradebook.db')}"


def cell_grades(
    db_url: str, assignment: str, student: str, notebook: str
) -> dict[str, tuple[float, float]]:
    """``{grade_id: (score, max_score)}`` of a submitted notebook's autograded cells."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        sub = gb.find_submission_notebook(notebook, assignment, student)
        return {
            g.name: (float(g.score or 0.0), float(g.max_score))
            for g in sub.grades
            if g.auto_score is not None or not g.needs_manual_grade
        }


def run_nbgrader(
    args: list[str],
    course_root: Path,
    env: dict | None = None,
    timeout: float | None = None,
    warm: list[str] | None = None,
) -> subprocess.CompletedProcess:
    """Run nbgrader in ``course_root``, capturing its log; fail on a broken config.

    traitlets only *logs* an exception in ``nbgrader_config.py`` and carries on with
    the defaults, which would grade with the wrong settings: that is an error here.

    With ``warm`` (a list of test cells' sources, possibly empty), the run is forked
    from a warm process that has imported nbgrader, the judge and those cells' grading
    modules already (:mod:`interview_lab.warm`): for the many short runs of a class
    graded in parallel.
    """
    if warm is not None:
        from . import warm as warm_process

        proc = warm_process.run_nbgrader(
            args, course_root, env=env, preload=warm, timeout=timeout
        )
    else:
        proc = course.nbgrader(
            args,
            course_root,
            check=False,
            capture_output=True,
            text=True,
            env=env or {},
            timeout=timeout,
        )
    if "Exception while loading config file" in proc.stderr:
        raise GradingError(
            f"nbgrader could not load {course_root / 'nbgrader_config.py'}:\n"
            + proc.stderr[-3000:]
        )
    return proc


# -------------------------------------------------------------------------- self-study


def student_id(student: str | None = None) -> str:
    """The self-study student: ``student``, else ``$STUDENT``, else the login name."""
    name = student or os.environ.get("STUDENT") or getpass.getuser()
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name.strip())
    if not name:
        raise GradingError("empty student name: set STUDENT=<name>")
    return name


def selfstudy_root(root: Path) -> Path:
    """The self-study course folder, created with its config when missing."""
    folder = Path(root) / SELFSTUDY
    folder.mkdir(exist_ok=True)
    config = folder / "nbgrader_config.py"
    text = (
        '"""Self-study course of ML Interview Lab (written by `make grade`; do not\n'
        "edit): the course root's settings with this folder as the course and its own\n"
        'gradebook, so self-study grading never touches an instructor\'s files."""\n\n'
        f"load_subconfig({str(Path(root) / 'nbgrader_config.py')!r})  # noqa: F821\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.root = {str(folder)!r}\n"
        f"c.CourseDirectory.db_url = {'sqlite:///' + str(folder / 'gradebook.db')!r}\n"
    )
    if not config.exists() or config.read_text() != text:
        config.write_text(text)
    return folder


def _sync_source(root: Path, study: Path, assignment: str) -> bool:
    """Copy ``source/<assignment>`` into the self-study course; True if it changed."""
    src, dst = root / "source" / assignment, study / "source" / assignment
    if not src.is_dir():
        known = ", ".join(course.assignments(root))
        raise GradingError(
            f"no assignment {assignment!r}; the assignments are: {known}"
        )
    files = {
        p.relative_to(src): p.read_bytes()
        for p in src.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts
    }
    current = (
        {p.relative_to(dst): p.read_bytes() for p in dst.rglob("*") if p.is_file()}
        if dst.is_dir()
        else None
    )
    if current == files:
        return False
    shutil.rmtree(dst, ignore_errors=True)
    for rel, data in files.items():
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        (dst / rel).write_bytes(data)
    return True


def _in_gradebook(db_url: str, assignment: str) -> bool:
    """Whether the gradebook at ``db_url`` holds ``assignment``. An sqlite gradebook
    is read as it is (a missing one holds nothing, and is not created); another
    database through nbgrader."""
    path = course.sqlite_path(db_url)
    if path is not None:
        if not path.is_file():
            return False
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        ) as db:
            try:
                found = db.execute(
                    "SELECT 1 FROM assignment WHERE name = ?", (assignment,)
                ).fetchone()
            except sqlite3.DatabaseError:  # no assignment table: an empty gradebook
                return False
        return found is not None
    from nbgrader.api import Gradebook, MissingEntry

    try:
        with Gradebook(db_url) as gb:
            gb.find_assignment(assignment)
        return True
    except MissingEntry:
        return False


def _log(msg: str, quiet: bool) -> None:
    if not quiet:
        print(msg, flush=True)


def grade(
    root: Path, assignment: str, student: str | None = None, quiet: bool = False
) -> GradeReport:
    """Grade ``notebooks/<assignment>/`` for the self-study student; print the table.

    Raises :class:`GradingError` when the work cannot be graded (no such assignment,
    a notebook missing or not valid JSON, nbgrader failing).
    """
    root = Path(root)
    student = student_id(student)
    study = selfstudy_root(root)
    db_url = f"sqlite:///{study / 'gradebook.db'}"
    released = sorted((root / "release" / assignment).glob("*.ipynb"))
    if not released:
        _sync_source(root, study, assignment)  # raises for an unknown assignment
        raise GradingError(f"release/{assignment} has no notebook: run `make release`")
    work = root / "notebooks" / assignment
    for nb in released:
        mine = work / nb.name
        if not mine.exists():
            raise GradingError(
                f"{mine.relative_to(root)} does not exist: run `make setup` to copy the "
                f"released notebook there (or `make reset A={assignment}`)"
            )
        try:
            json.loads(mine.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise GradingError(
                f"{mine.relative_to(root)} is not a valid notebook ({exc}); save it "
                f"again in JupyterLab, or start afresh with `make reset A={assignment}`"
            ) from None

    if _sync_source(root, study, assignment) or not _in_gradebook(db_url, assignment):
        _log(
            f"Preparing {assignment} in {SELFSTUDY}/ (once per source change)...", quiet
        )
        proc = run_nbgrader(["generate_assignment", assignment, "--force"], study)
        if proc.returncode:
            raise GradingError(
                "nbgrader generate_assignment failed:\n" + proc.stderr[-3000:]
            )

    target = study / "submitted" / student / assignment
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for nb in released:
        shutil.copy2(work / nb.name, target / nb.name)
    stamp = dt.datetime.now(dt.UTC)
    (target / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    names = ", ".join(f"notebooks/{assignment}/{nb.name}" for nb in released)
    _log(
        f"Grading {names} as student {student!r} (a copy: your notebook is not "
        "changed)...",
        quiet,
    )

    t0 = time.perf_counter()
    proc = run_nbgrader(
        ["autograde", assignment, "--student", student, "--force"], study
    )
    if proc.returncode:
        raise GradingError("nbgrader autograde failed:\n" + proc.stderr[-3000:])
    proc = run_nbgrader(
        ["generate_feedback", assignment, "--student", student, "--force"], study
    )
    if proc.returncode:
        raise GradingError("nbgrader generate_feedback failed:\n" + proc.stderr[-3000:])
    _log(f"autograde and feedback took {time.perf_counter() - t0:.0f} s\n", quiet)

    results = []
    for nb in released:
        grades = cell_grades(db_url, assignment, student, nb.stem)
        autograded = study / "autograded" / student / assignment / nb.name
        feedback = study / "feedback" / student / assignment / (nb.stem + ".html")
        results.append(read_result(autograded, grades, feedback))
    report = GradeReport(assignment, student, results, root)
    _record(study, report, stamp)
    if not quiet:
        print("\n".join(report.lines()))
    return report


def _record(study: Path, report: GradeReport, when: dt.datetime) -> None:
    """Append this grading to ``.selfstudy/history.jsonl`` (for the best score)."""
    row = {
        "time": when.isoformat(timespec="seconds"),
        "student": report.student,
        "assignment": report.assignment,
        "score": report.score,
        "max_score": report.max_score,
        "exercises": {
            e.name: [e.score, e.max_score]
            for nb in report.notebooks
            for e in nb.exercises
        },
    }
    with open(study / "history.jsonl", "a") as f:
        f.write(json.dumps(row) + "\n")


# -------------------------------------------------------------------------- instructor


@dataclass
class Problem:
    """A submission that could not be (fully) graded."""

    student: str
    assignment: str
    reason: str

    def __str__(self) -> str:
        return f"{self.student}/{self.assignment}: {self.reason}"


def check_submission(folder: Path, expected: Iterable[str]) -> list[str]:
    """Reasons a submission folder cannot be graded as handed in (empty: fine)."""
    expected = set(expected)
    present = {p.name for p in folder.glob("*.ipynb")}
    reasons = []
    for name in sorted(expected - present):
        reasons.append(f"{name} is missing")
    for name in sorted(present - expected):
        reasons.append(
            f"unexpected notebook {name} (renamed? expected "
            f"{', '.join(sorted(expected))})"
        )
    for name in sorted(present & expected):
        try:
            nb = json.loads((folder / name).read_text())
            if not isinstance(nb, dict) or "cells" not in nb:
                raise ValueError("no cells")
        except (ValueError, UnicodeDecodeError) as exc:
            reasons.append(f"{name} is not a valid notebook ({type(exc).__name__})")
    return reasons


def grade_all(
    root: Path,
    assignments: list[str] | None = None,
    force: bool = False,
    export: Path | str | None = "grades.csv",
    progress: bool = True,
    workers: int = 1,
    scheduler: str | None = None,
) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Autograde every submission in ``submitted/``, a few students per nbgrader run.

    One run grades a chunk of an assignment's submissions (up to 8, see
    :func:`interview_lab.parallel.chunks`), forked from a warm process that has
    imported nbgrader and the judge, and kept the references computed by the runs
    before (:mod:`interview_lab.warm`). nbgrader goes on after a
    failed submission and removes its output, so a broken one (not JSON, a renamed
    notebook, a kernel that dies) stops none of the others and is reported by name.
    With ``workers`` above 1, or a Dask ``scheduler`` address, the chunks go to a Dask
    cluster (:mod:`interview_lab.parallel`) and give the same grades. Returns the
    graded ``(student, assignment)`` pairs and the problems; then exports the gradebook
    to ``export`` (relative to ``root``) with ``nbgrader export``.
    """
    from tqdm import tqdm

    root = Path(root)
    submitted = root / "submitted"
    if assignments is None:
        assignments = [
            a for a in course.assignments(root) if any(submitted.glob(f"*/{a}"))
        ]
    jobs = sorted(
        (folder.parent.name, a)
        for a in assignments
        for folder in submitted.glob(f"*/{a}")
        if folder.is_dir()
    )
    problems: list[Problem] = []
    graded: list[tuple[str, str]] = []
    for a in assignments:
        if not _in_gradebook(course_db_url(root), a):
            proc = run_nbgrader(["generate_assignment", a, "--force"], root)
            if proc.returncode:
                raise GradingError(
                    f"nbgrader generate_assignment {a} failed:\n" + proc.stderr[-3000:]
                )
    if progress:
        print(sandbox.sandbox_status(), file=sys.stderr)

    def report(student: str, a: str, reason: str) -> None:
        problems.append(Problem(student, a, reason))
        if progress:
            tqdm.write(f"  ! {student}/{a}: {reason}", file=sys.stderr)

    todo = []
    for student, a in jobs:
        expected = [p.name for p in (root / "release" / a).glob("*.ipynb")]
        reasons = check_submission(submitted / student / a, expected)
        for reason in reasons:
            report(student, a, reason)
        gradable = [r for r in reasons if not r.startswith("unexpected")]
        if expected and len(gradable) >= len(expected):
            continue  # nothing left to grade
        if not force and (root / "autograded" / student / a).is_dir():
            graded.append((student, a))  # graded before: nbgrader would skip it
            continue
        todo.append((student, a))
    if workers > 1 or scheduler:
        from .parallel import grade_on_cluster

        graded += grade_on_cluster(
            root, todo, workers, scheduler, progress=progress, report=report
        )
    else:
        from .parallel import chunks

        bar = tqdm(
            total=len(todo),
            desc="autograde",
            unit="submission",
            disable=not progress,
            file=sys.stderr,
        )
        for a in dict.fromkeys(a for _, a in todo):
            students = [student for student, b in todo if b == a]
            everyone = {folder.parent.name for folder in submitted.glob(f"*/{a}")}
            notebooks = sorted((root / "source" / a).glob("*.ipynb"))
            tests = cells.sources_of_tests([p.read_bytes() for p in notebooks])
            for chunk in chunks(students, workers=1):
                bar.set_postfix_str(f"{chunk[-1]}/{a}")
                # forked from a warm process, as on a Dask worker: each run after the
                # first skips nbgrader's imports and the references computed before
                proc = run_nbgrader(
                    autograde_args(a, chunk, everyone), root, warm=tests
                )
                for student, failure in run_failures(root, a, chunk, proc).items():
                    if failure is None:
                        graded.append((student, a))
                    else:
                        report(student, a, "nbgrader autograde failed: " + failure)
                bar.update(len(chunk))
        bar.close()
    if export is not None:
        proc = run_nbgrader(["export", "--to", str(export)], root)
        if proc.returncode:
            raise GradingError("nbgrader export failed:\n" + proc.stderr[-3000:])
    return sorted(graded), problems


def autograde_args(assignment: str, chunk: list[str], everyone: set[str]) -> list:
    """``nbgrader autograde`` of the students in ``chunk`` only, in one run (the
    others of ``everyone``, the course's submitters, excluded)."""
    args = ["autograde", assignment, "--force"]
    if len(chunk) == 1:
        return args + ["--student", chunk[0]]
    others = sorted(everyone - set(chunk))
    if others:
        args.append(f"--CourseDirectory.student_id_exclude={','.join(others)}")
    return args


def run_failures(
    root: Path, assignment: str, chunk: list[str], proc: subprocess.CompletedProcess
) -> dict[str, str | None]:
    """For each student of a grading run, None when graded, else why not.

    nbgrader grades the submissions of a run one after another, goes on after a
    failure and removes that submission's output, so a submission is graded when its
    autograded folder exists. A failure's reason is the last error of its own part of
    the log: from nbgrader's ``There was an error processing assignment: <path>`` to
    the next such line (the whole log for a run of one).
    """
    lines = proc.stderr.splitlines()
    failures: dict[str, str | None] = {}
    for student in chunk:
        if (Path(root) / "autograded" / student / assignment).is_dir():
            failures[student] = None
            continue
        own = lines if len(chunk) == 1 else _own_lines(lines, student)
        failures[student] = _last_error("\n".join(own) or proc.stderr)
    return failures


def _own_lines(lines: list[str], student: str) -> list[str]:
    marker = "There was an error processing assignment"
    for k, line in enumerate(lines):
        if f"{marker}: " in line and f"/{student}/" in line:
            own = []
            for rest in lines[k + 1 :]:
                if marker in rest:
                    break
                own.append(rest)
            return own
    return []


def _last_error(stderr: str) -> str:
    """The most telling line of nbgrader's log: its last ERROR line."""
    errors = [
        line.split("ERROR]", 1)[-1].strip()
        for line in stderr.splitlines()
        if "| ERROR]" in line
    ]
    errors = [e for e in errors if e and not e.startswith("There was an error")]
    if errors:
        return _clip(errors[-1], 200)
    tail = [line for line in stderr.strip().splitlines() if line.strip()]
    return _clip(tail[-1].strip(), 200) if tail else "no message"
