"""Mock interviews: a timed session drawn from the whole course, graded like ``make grade``.

``make interview`` (:func:`new_session`) draws, with a seed:

* one coding exercise from 01-07, as an interviewer asks it: its signature and
  docstring only (no lesson, no hint, no try-it cell, no visible checks; all its test
  cells are hidden) and one example drawn with the seed from the exercise's cases,
  preferring what ``make review`` says to practise;
* one or two concept questions from 11's bank, autograded when the session is graded
  (their checks are hidden too); the quiz's confusion matrix is drawn again with the
  seed (:func:`session_matrix`), so a remembered answer does not pass;
* one behavioural (STAR) or design question from 11, answered in writing and
  self-scored against its rubric, shown only after grading.

The session is an nbgrader assignment of the self-study course (``.selfstudy/``): its
source notebook is built from the course's own cells (solutions and hidden tests in
place), ``nbgrader generate_assignment`` makes the learner's copy, written to
``notebooks/interviews/<date-time>.ipynb`` beside ``<date-time>.json`` (what was asked,
the seed, when it started). ``make interview-grade`` (:func:`grade_session`) autogrades
the latest session with every hidden test, prints the table of ``make grade``, the time
taken against the session's time, and each written question's rubric (with the STAR
helper's advice on a behavioural answer), and records the coding and concept results
in the grading history under their own assignments, for ``make review``.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import json
import random
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import cells
from .grading import (
    SELFSTUDY,
    GradeReport,
    GradingError,
    cell_grades,
    format_report,
    read_result,
    run_nbgrader,
    selfstudy_root,
    student_id,
)
from .review import catalog, read_history, schedule
from .validation import check_int

__all__ = [
    "CODING",
    "CONCEPTS",
    "MATRIX_QUESTIONS",
    "Session",
    "build_source",
    "draw",
    "grade_session",
    "latest_session",
    "new_session",
    "session_matrix",
]

#: Assignments whose exercises are coding questions.
CODING = tuple(f"0{i}_" for i in range(1, 8))
#: The assignment holding the concept questions and the written ones.
CONCEPTS = "11_interview_concepts"
#: Drawing weights by review status: what you got wrong comes up most.
WEIGHTS = {"failed": 8, "due": 4, "new": 2, "later": 1}
NOTEBOOK = "interview"
OPENING = (
    "**How to work, as in the room.** For the coding question: *clarify* (inputs, "
    "edge cases, what to return), say the *steps* before you type, *explain* as you "
    "write, then *test* it yourself on a small example (add a cell). There are no "
    "visible checks: the hidden tests decide, as an interviewer would. For the written "
    "question: structure first (STAR for behavioural; clarify, pipeline, trade-offs, "
    "monitoring for design), then about 300 words."
)


@dataclass
class Session:
    """What a mock interview asked, and when."""

    id: str
    seed: int
    minutes: int
    started: str
    coding: tuple[str, str]
    concepts: list[str]
    written: str
    notebook: str = ""
    extra: dict = field(default_factory=dict)


def _source_nb(root: Path, assignment: str) -> dict:
    (path,) = sorted((root / "source" / assignment).glob("*.ipynb"))
    return json.loads(path.read_text())


def draw(
    root: Path, seed: int, minutes: int = 45, history: list[dict] | None = None
) -> tuple[tuple[str, str], list[str], str]:
    """The questions of a session: ``(coding, concepts, written)``.

    ``coding`` is ``(assignment, exercise)`` from 01-07, drawn with :data:`WEIGHTS` by
    review status; ``concepts`` one (under 30 minutes) or two of 11's ``q_*``
    questions; ``written`` the grade id of one of 11's written answers.
    """
    rng = random.Random(seed)
    everything = catalog(root)
    items = schedule(everything, history or [])
    coding = [i for i in items if i.assignment.startswith(CODING)]
    if not coding:
        raise GradingError("the course has no coding exercises in 01-07 to draw from")
    weights = [WEIGHTS[i.status] for i in coding]
    pick = rng.choices(coding, weights=weights)[0]
    questions = [e for a, e in everything if a == CONCEPTS and e.startswith("q_")]
    concepts = rng.sample(sorted(questions), 1 if minutes < 30 else 2)
    nb = _source_nb(root, CONCEPTS)
    written = sorted(cells.grade_id(c) for c in nb["cells"] if cells.is_manual(c))
    return (pick.assignment, pick.exercise), concepts, rng.choice(written)


def _md(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _imports(nb: dict) -> list[str]:
    """The import statements of a notebook's set-up cells (not lessons, answers or
    tests), one per line: what its exercises may take for granted (``np``)."""
    found = []
    for c in nb["cells"]:
        if c["cell_type"] != "code" or cells.nbgrader_meta(c) or cells.is_lesson(c):
            continue
        try:
            body = ast.parse(cells.source(c)).body
        except SyntaxError:
            continue
        found += [
            ast.unparse(s)
            for s in body
            if isinstance(s, ast.Import | ast.ImportFrom)
            and "interview_lab.topics" not in ast.unparse(s)  # the lesson's `topic`
        ]
    return list(dict.fromkeys(found))


def _question(nb: dict, at: int) -> list[dict]:
    """The markdown cells that ask the question answered at ``at``: from the nearest
    one above it that is not a hint, down to the answer."""
    start = at - 1
    while start > 0 and (
        nb["cells"][start]["cell_type"] != "markdown"
        or cells.source(nb["cells"][start]).lstrip().startswith("<details>")
    ):
        start -= 1
    return [
        _clean(c)
        for c in nb["cells"][start:at]
        if c["cell_type"] == "markdown"
        and not cells.nbgrader_meta(c)
        and not cells.source(c).lstrip().startswith("<details>")
    ]


def _hidden(cell: dict) -> dict:
    """A test cell with everything after its docstring line made hidden."""
    cell = copy.deepcopy(cell)
    text = cells.source(cell)
    if "### BEGIN HIDDEN TESTS" in text:
        head, _, rest = text.partition("### BEGIN HIDDEN TESTS")
        first, _, middle = head.partition("\n")
        body = middle + "### BEGIN HIDDEN TESTS" + rest
        body = body.replace("### BEGIN HIDDEN TESTS\n", "").replace(
            "### END HIDDEN TESTS", ""
        )
    else:
        first, _, body = text.partition("\n")
    cell["source"] = (
        f"{first}\n### BEGIN HIDDEN TESTS\n{body.strip()}\n### END HIDDEN TESTS"
    )
    cell["outputs"], cell["execution_count"] = [], None
    return cell


def _clean(cell: dict) -> dict:
    cell = copy.deepcopy(cell)
    if cell["cell_type"] == "code":
        cell["outputs"], cell["execution_count"] = [], None
    cell.get("metadata", {}).pop("tags", None)
    return cell


def _title(nb: dict) -> str:
    for c in nb["cells"]:
        for line in cells.source(c).splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return ""


#: Concept questions whose numbers each session draws again: the quiz's matrix.
MATRIX_QUESTIONS = ("q_cm_precision", "q_cm_recall")
QUIZ_MATRIX_TEXT = "[[905, 15], [20, 60]]"


def session_matrix(seed: int) -> list[list[int]]:
    """The confusion matrix ``[[TN, FP], [FN, TP]]`` of a session's seed.

    >>> session_matrix(3) == session_matrix(3) != session_matrix(4)
    True
    """
    rng = random.Random(f"matrix-{seed}")
    return [
        [rng.randint(600, 950), rng.randint(5, 80)],
        [rng.randint(5, 80), rng.randint(20, 150)],
    ]


def _matrix_question(nb: dict, at: int, name: str, matrix: list) -> list[dict]:
    """Question ``name`` asked about ``matrix``: its text, answer and hidden check."""
    text = "\n\n".join(cells.source(c) for c in _question(nb, at))
    total = sum(map(sum, matrix))
    kind = "precision" if name.endswith("precision") else "recall"
    for quiz, asked in (
        (QUIZ_MATRIX_TEXT, str(matrix)),
        ("on 1000 transactions", f"on {total} transactions"),
        ("**Questions 9 and 10.**", "**Question.**"),
        ("What are its precision and its recall?", f"What is its {kind}?"),
        ("Give each as", "Give it as"),
    ):
        text = text.replace(quiz, asked)
    (tn, fp), (fn, tp) = matrix
    formula = (
        f"{tp} / ({tp} + {fp})"
        if name.endswith("precision")
        else (f"{tp} / ({tp} + {fn})")
    )
    answer = _clean(nb["cells"][at])
    answer["source"] = (
        "# Your answer: a number between 0 and 1.\n### BEGIN SOLUTION\n"
        f"{name} = {formula}\n### END SOLUTION"
    )
    test = next(
        c
        for c in nb["cells"]
        if cells.is_test(c) and cells.grade_id(c) == f"test_{name}"
    )
    test = _clean(test)
    test["source"] = (
        f'"""{name}: the number is right for this session\'s matrix (less than 0.005 '
        'off)."""\n### BEGIN HIDDEN TESTS\n'
        "from interview_lab.topics import interview_concepts as topic\n\n"
        f'topic.check_matrix_answer("{name}", {name}, {matrix})\n### END HIDDEN TESTS'
    )
    return [_md(text), answer, test]


def _example(nb: dict, session: Session, width: int = 160) -> str:
    """A worked example for the coding question (``nb``: its source notebook), drawn
    with the session's seed from the exercise's own cases (text to append; empty
    when none is short enough)."""
    from .values import format_value

    exercise = session.coding[1]
    topic = _topic(nb)
    spec = getattr(topic, "EXERCISES", {}).get(exercise) if topic else None
    if spec is None or spec.cases is None or spec.reference is None:
        return ""
    shown = []
    for args in spec.cases():
        call = f"{exercise}({', '.join(format_value(a) for a in args)})"
        if len(call) <= width and "\n" not in call and "..." not in call:
            shown.append((call, args))
    if not shown:
        return ""
    call, args = random.Random(f"example-{session.seed}").choice(shown)
    try:
        result = format_value(spec.reference(*copy.deepcopy(args)))
    except Exception:  # a case built to raise: not an example
        return ""
    if len(result) > width or "\n" in result or "..." in result:
        return ""
    return (
        "\n\nAn example to test yourself on (drawn for this session): "
        f"`{call}` returns `{result}`."
    )


def _topic(nb: dict):
    """The topic package a notebook imports as ``topic``, or None."""
    import importlib
    import re

    for c in nb["cells"]:
        found = re.search(
            r"from interview_lab\.topics import (\w+) as topic", cells.source(c)
        )
        if found:
            return importlib.import_module(f"interview_lab.topics.{found.group(1)}")
    return None


def build_source(root: Path, session: Session) -> dict:
    """The session's instructor notebook (solutions and hidden tests in place)."""
    assignment, exercise = session.coding
    nb = _source_nb(root, assignment)
    tests = dict(cells.exercise_tests(nb))
    by_id = {cells.grade_id(c): c for c in nb["cells"] if cells.grade_id(c)}
    concepts = _source_nb(root, CONCEPTS)
    setup = _imports(nb) + _imports(concepts)  # what the notebooks import
    questions = [
        f"1. coding: `{exercise}` ({_title(nb) or assignment})",
        *(f"{i + 2}. concept: `{q}`" for i, q in enumerate(session.concepts)),
        f"{len(session.concepts) + 2}. written: `{session.written}`",
    ]
    out = [
        _md(
            f"# Mock interview · {session.minutes} minutes\n\nStarted "
            f"{session.started} (seed {session.seed}). Questions:\n\n"
            + "\n".join(questions)
            + f"\n\n{OPENING}\n\nWhen the time is up: save, then `make "
            "interview-grade`."
        ),
        {
            "cell_type": "code",
            "metadata": {},
            "source": "\n".join(dict.fromkeys(setup)),
            "outputs": [],
            "execution_count": None,
        },
        _md(
            f"## 1. Coding: `{exercise}`\n\nImplement it as its docstring says. "
            "Clarify, plan, explain, then test it yourself." + _example(nb, session)
        ),
        _clean(by_id[exercise]),
        *(_hidden(by_id[gid]) for gid, _ in tests.get(exercise, [])),
    ]
    ids = [cells.grade_id(c) for c in concepts["cells"]]
    for number, q in enumerate(session.concepts, start=2):
        at = ids.index(q)
        out.append(_md(f"## {number}. Concept"))
        if q in MATRIX_QUESTIONS:  # the quiz's numbers, drawn again for this session
            out += _matrix_question(concepts, at, q, session_matrix(session.seed))
            continue
        out += [*_question(concepts, at), _clean(concepts["cells"][at])]
        out += [
            _hidden(by)  # checked when graded, as in the room: no instant verdict
            for by in concepts["cells"]
            if cells.is_test(by) and cells.grade_id(by) == f"test_{q}"
        ]
    rubric = cells.source(concepts["cells"][ids.index(f"rubric_{session.written}")])
    heading = rubric.splitlines()[0].lstrip("# ").strip()
    out += [
        _md(
            f"## {len(session.concepts) + 2}. Written: {heading}\n\nAnswer in the cell "
            "below, in about 300 words. Its rubric is shown when you grade the session."
        ),
        _md("*Your answer here.*"),
    ]
    return {
        "cells": out,
        "metadata": copy.deepcopy(nb.get("metadata", {})),
        "nbformat": 4,
        "nbformat_minor": nb.get("nbformat_minor", 5),
    }


def _folder(root: Path) -> Path:
    return Path(root) / "notebooks" / "interviews"


def new_session(
    root: Path,
    seed: int | None = None,
    minutes: int = 45,
    student: str | None = None,
    now: dt.datetime | None = None,
) -> Session:
    """Draw and write a new session; its notebook is ``Session.notebook``."""
    root = Path(root)
    minutes = check_int("minutes", minutes, low=5)
    now = now or dt.datetime.now().astimezone()
    seed = int(now.timestamp()) % 100_000 if seed is None else check_int("seed", seed)
    student = student_id(student)
    history = read_history(root / SELFSTUDY / "history.jsonl", student)
    coding, concepts, written = draw(root, seed, minutes, history)
    stamp = now.strftime("%Y-%m-%d-%H%M%S")
    session = Session(
        f"interview-{stamp}",
        seed,
        minutes,
        now.isoformat(timespec="seconds"),
        coding,
        concepts,
        written,
    )
    study = selfstudy_root(root)
    src = study / "source" / session.id
    src.mkdir(parents=True, exist_ok=True)
    (src / f"{NOTEBOOK}.ipynb").write_text(
        json.dumps(build_source(root, session), indent=1)
    )
    proc = run_nbgrader(["generate_assignment", session.id, "--force"], study)
    if proc.returncode:
        raise GradingError(
            "nbgrader generate_assignment failed:\n" + proc.stderr[-3000:]
        )
    folder = _folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    mine = folder / f"{stamp}.ipynb"
    shutil.copy2(study / "release" / session.id / f"{NOTEBOOK}.ipynb", mine)
    session.notebook = str(mine.relative_to(root))
    (folder / f"{stamp}.json").write_text(json.dumps(asdict(session), indent=1) + "\n")
    return session


def latest_session(root: Path) -> Session:
    """The newest session in ``notebooks/interviews/``."""
    found = sorted(_folder(root).glob("*.json"))
    if not found:
        raise GradingError("no mock interview yet: start one with `make interview`")
    data = json.loads(found[-1].read_text())
    data["coding"] = tuple(data["coding"])
    return Session(**data)


def _answer_text(nb: dict) -> str:
    """The learner's written answer: the markdown cell after the written question."""
    marker = "Written: "
    for i, c in enumerate(nb["cells"][:-1]):
        if c["cell_type"] == "markdown" and marker in cells.source(c):
            return cells.source(nb["cells"][i + 1]).strip()
    return ""


def grade_session(
    root: Path,
    student: str | None = None,
    now: dt.datetime | None = None,
    quiet: bool = False,
) -> tuple[GradeReport, list[str]]:
    """Grade the latest session; the report and the lines printed after its table."""
    root = Path(root)
    session = latest_session(root)
    student = student_id(student)
    study = selfstudy_root(root)
    mine = root / session.notebook
    try:
        nb = json.loads(mine.read_text())
    except (OSError, ValueError) as exc:
        raise GradingError(f"{session.notebook} cannot be read ({exc})") from None
    target = study / "submitted" / student / session.id
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy2(mine, target / f"{NOTEBOOK}.ipynb")
    now = now or dt.datetime.now().astimezone()
    (target / "timestamp.txt").write_text(
        now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    )
    proc = run_nbgrader(
        ["autograde", session.id, "--student", student, "--force"], study
    )
    if proc.returncode:
        raise GradingError("nbgrader autograde failed:\n" + proc.stderr[-3000:])
    proc = run_nbgrader(
        ["generate_feedback", session.id, "--student", student, "--force"], study
    )
    if proc.returncode:
        raise GradingError("nbgrader generate_feedback failed:\n" + proc.stderr[-3000:])
    db_url = f"sqlite:///{study / 'gradebook.db'}"
    grades = cell_grades(db_url, session.id, student, NOTEBOOK)
    autograded = study / "autograded" / student / session.id / f"{NOTEBOOK}.ipynb"
    feedback = study / "feedback" / student / session.id / f"{NOTEBOOK}.html"
    report = GradeReport(
        session.id, student, [read_result(autograded, grades, feedback)], root
    )
    started = dt.datetime.fromisoformat(session.started)
    saved = dt.datetime.fromtimestamp(mine.stat().st_mtime, tz=dt.UTC)
    taken = max(0, round((saved - started).total_seconds() / 60))
    over = "within" if taken <= session.minutes else "over"
    after = [f"time: {taken} min of {session.minutes} (last saved; {over} time)", ""]
    concepts = _source_nb(root, CONCEPTS)
    ids = [cells.grade_id(c) for c in concepts["cells"]]
    rubric = cells.source(concepts["cells"][ids.index(f"rubric_{session.written}")])
    after += ["Written answer: score it yourself against its rubric.", rubric.strip()]
    answer = _answer_text(nb)
    if session.written.startswith("star_"):
        from .topics.interview_concepts import star_feedback

        after += ["", "STAR helper on your answer:", star_feedback(answer)]
    _record(study, report, session, now)
    if not quiet:
        print("\n".join([*format_report(report), *after]))
    return report, after


def _record(study: Path, report: GradeReport, session: Session, when: dt.datetime):
    """History lines for ``make review``: each result under its own assignment."""
    per: dict[str, dict[str, list[float]]] = {}
    home = {session.coding[1]: session.coding[0]}
    home.update({q: CONCEPTS for q in session.concepts})
    for e in report.notebooks[0].exercises:
        if e.name in home:
            per.setdefault(home[e.name], {})[e.name] = [e.score, e.max_score]
    with open(study / "history.jsonl", "a") as f:
        for assignment, exercises in per.items():
            row = {
                "time": when.isoformat(timespec="seconds"),
                "student": report.student,
                "assignment": assignment,
                "kind": "interview",
                "session": session.id,
                "exercises": exercises,
            }
            f.write(json.dumps(row) + "\n")
