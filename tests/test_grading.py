"""Self-study grading (`make grade`, `make progress`, `make reset`), leak-proof feedback
and the instructor's `make grade-all`, through the real nbgrader pipeline.

A learner's course is a temporary copy of the repository's ``nbgrader_config.py``,
``source/01_metrics`` and ``release/01_metrics`` with a partly solved
``notebooks/01_metrics/metrics.ipynb``: confusion_matrix, precision, mae and rmse
solved, recall answered with precision's code (swapped), the rest untouched. The
commands run as a learner runs them, ``python -m interview_lab ...``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from harness import (
    REPO,
    SOLUTION_BLOCK,
    Course,
    answer_cells_by_id,
    notebook_path,
    read_nb,
    solved_release,
    with_answers,
)
from nbformat import from_dict
from traitlets.config import Config

from interview_lab import cells, course, grading, nbgrader_plugins

FIXTURES = Path(__file__).parent / "fixtures"
ASSIGNMENT = "01_metrics"
STUDENT = "learner"

# What the learner sees for the partial submission, line by line.
EXPECTED_TABLE = """\
01_metrics · metrics.ipynb
exercise          points
confusion_matrix  3 / 3
precision         3 / 3
recall            0 / 3  ✗
    test_recall: recall(y_true=[1, 1, 0, 0], y_pred=[1, 0, 0, 0])
      expected: 0.5   returned: 1.0
    test_recall_hidden: recall(y_true=[0, 0, 1], y_pred=[1, 1, 1])
      expected: 1.0   returned: 0.333333
f_beta            0 / 3  ✗
    test_f_beta: f_beta is still the unsolved stub
    test_f_beta_hidden: f_beta is still the unsolved stub
roc_curve         0 / 3  ✗
    test_roc_curve: roc_curve is still the unsolved stub
    test_roc_curve_hidden: roc_curve is still the unsolved stub
roc_auc           0 / 3  ✗
    test_roc_auc: roc_auc is still the unsolved stub
    test_roc_auc_hidden: roc_auc is still the unsolved stub
mae               3 / 3
rmse              3 / 3
r2                0 / 3  ✗
    test_r2: r2 is still the unsolved stub
    test_r2_hidden: r2 is still the unsolved stub
total             12 / 27
feedback: .selfstudy/feedback/learner/01_metrics/metrics.html""".splitlines()


def source_answers(assignment: str = ASSIGNMENT) -> dict[str, str]:
    src = read_nb(notebook_path(REPO, "source", assignment))
    return {
        k: SOLUTION_BLOCK.sub("", cells.source(c))
        for k, c in answer_cells_by_id(src).items()
    }


def partial_notebook() -> dict:
    ans = source_answers()
    release = read_nb(notebook_path(REPO, "release", ASSIGNMENT))
    nb = with_answers(
        release, {k: ans[k] for k in ("confusion_matrix", "precision", "mae", "rmse")}
    )
    swapped = ans["precision"].replace("def precision", "def recall")
    return with_answers(nb, {"recall": swapped})


def hidden_lines(assignment: str = ASSIGNMENT) -> list[str]:
    """Source lines found only in hidden tests (those a leak would show)."""
    release = read_nb(notebook_path(REPO, "release", assignment))
    visible = "\n".join(cells.source(c) for c in release["cells"])
    lines = []
    for cell in read_nb(notebook_path(REPO, "source", assignment))["cells"]:
        src = cells.source(cell)
        for region in re.findall(
            r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", src, re.S
        ):
            lines += [
                ln.strip()
                for ln in region.splitlines()
                if len(ln.strip()) > 12 and ln.strip() not in visible
            ]
    return lines


def html_text(path: Path) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def learner_course(tmp: Path) -> Path:
    root = tmp / "lab"
    root.mkdir()
    shutil.copy2(REPO / "nbgrader_config.py", root)
    for folder in ("source", "release"):
        shutil.copytree(REPO / folder / ASSIGNMENT, root / folder / ASSIGNMENT)
    return root


def run_cli(
    root: Path, *args: str, env: dict | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    bindir = Path(sys.executable).parent
    full_env = dict(
        os.environ,
        INTERVIEW_LAB_ROOT=str(root),
        STUDENT=STUDENT,
        PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    full_env.pop("NBGRADER_DB_URL", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "interview_lab", *args],
        cwd=root,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# ------------------------------------------------------------------- fast unit tests


def test_hide_hidden_tests_replaces_each_region():
    src = (
        '"""mae: hidden."""\n### BEGIN HIDDEN TESTS\nsecret(1)\n### END HIDDEN TESTS\n'
        "visible()\n    ### BEGIN HIDDEN TESTS\n    secret(2)\n"
    )
    assert nbgrader_plugins.hide_hidden_tests(src) == (
        '"""mae: hidden."""\n# hidden tests (not shown)\nvisible()\n'
        "    # hidden tests (not shown)"
    )


def test_hidden_test_delimiters_follow_nbgrader_unless_set():
    hide = nbgrader_plugins.HideHiddenTests()
    assert (hide.begin_test_delimiter, hide.end_test_delimiter) == (
        "BEGIN HIDDEN TESTS",
        "END HIDDEN TESTS",
    )
    config = Config()
    config.ClearHiddenTests.begin_test_delimeter = "BEGIN SECRET"  # nbgrader's name
    config.HideHiddenTests.end_test_delimiter = "END SECRET"
    hide = nbgrader_plugins.HideHiddenTests(config=config)
    assert (hide.begin_test_delimiter, hide.end_test_delimiter) == (
        "BEGIN SECRET",
        "END SECRET",
    )
    cell = {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "source": "shown()\n### BEGIN SECRET\nsecret()\n### END SECRET\nalso()",
    }
    cell, _ = hide.preprocess_cell(from_dict(cell), {}, 0)
    assert cell.source == "shown()\n# hidden tests (not shown)\nalso()"


def test_short_error_keeps_the_message_only():
    out = {
        "output_type": "error",
        "ename": "CheckFailed",
        "evalue": "mae(y_true=[1], y_pred=[2])\n  expected: 1",
        "traceback": ["\x1b[31mCell In[3], line 4\x1b[0m\n  secret(1)", "..."],
    }
    assert nbgrader_plugins.short_error(out) == [
        "CheckFailed: mae(y_true=[1], y_pred=[2])\n  expected: 1"
    ]


def test_exercise_tests_of_the_metrics_notebook():
    tests = cells.exercise_tests(read_nb(notebook_path(REPO, "source", ASSIGNMENT)))
    assert list(tests) == [
        "confusion_matrix",
        "precision",
        "recall",
        "f_beta",
        "roc_curve",
        "roc_auc",
        "mae",
        "rmse",
        "r2",
    ]
    assert tests["precision"] == [
        ("test_precision", 1.0),
        ("test_precision_hidden", 2.0),
    ]


def test_failure_text_of_an_error_and_of_stderr():
    cell = {
        "outputs": [
            {
                "output_type": "error",
                "ename": "NameError",
                "evalue": "name 'mae' is not defined",
                "traceback": [],
            }
        ]
    }
    assert grading._failure(cell) == ["NameError: name 'mae' is not defined"]
    cell = {"outputs": [{"output_type": "stream", "name": "stderr", "text": "x"}]}
    assert grading._failure(cell) == [
        "the cell wrote to stderr, which nbgrader scores as a failure"
    ]


def test_student_id_from_argument_env_or_login(monkeypatch):
    monkeypatch.setenv("STUDENT", "ada lovelace")
    assert grading.student_id() == "ada_lovelace"
    assert grading.student_id("bob") == "bob"


def test_check_submission_names_each_problem(tmp_path):
    (tmp_path / "metrics_final.ipynb").write_text("{}")
    assert grading.check_submission(tmp_path, ["metrics.ipynb"]) == [
        "metrics.ipynb is missing",
        "unexpected notebook metrics_final.ipynb (renamed? expected metrics.ipynb)",
    ]
    shutil.copy(FIXTURES / "not_json.txt", tmp_path / "metrics.ipynb")
    assert grading.check_submission(tmp_path, ["metrics.ipynb"])[-1] == (
        "metrics.ipynb is not a valid notebook (JSONDecodeError)"
    )


def test_reset_keeps_a_dated_backup_and_deletes_nothing(tmp_path):
    import datetime

    shutil.copytree(REPO / "release" / ASSIGNMENT, tmp_path / "release" / ASSIGNMENT)
    mine = tmp_path / "notebooks" / ASSIGNMENT / "metrics.ipynb"
    mine.parent.mkdir(parents=True)
    mine.write_text('{"my": "work"}')
    when = datetime.datetime(2026, 3, 1, 9, 30, 0)
    course.reset_notebooks(tmp_path, ASSIGNMENT, quiet=True, now=when)
    course.reset_notebooks(tmp_path, ASSIGNMENT, quiet=True, now=when)
    folder = mine.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "metrics.backup-2026-03-01-093000-2.ipynb",
        "metrics.backup-2026-03-01-093000.ipynb",
        "metrics.ipynb",
    ]
    assert (folder / "metrics.backup-2026-03-01-093000.ipynb").read_text() == (
        '{"my": "work"}'
    )
    release = REPO / "release" / ASSIGNMENT / "metrics.ipynb"
    assert mine.read_bytes() == release.read_bytes()


def test_reset_of_an_unknown_assignment_says_which_exist(tmp_path):
    shutil.copytree(REPO / "release" / ASSIGNMENT, tmp_path / "release" / ASSIGNMENT)
    with pytest.raises(FileNotFoundError, match="the assignments are: 01_metrics"):
        course.reset_notebooks(tmp_path, "99_nothing")


# ----------------------------------------------------------- the learner's make grade


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = learner_course(tmp_path_factory.mktemp("learner"))
    mine = root / "notebooks" / ASSIGNMENT / "metrics.ipynb"
    mine.parent.mkdir(parents=True)
    mine.write_text(json.dumps(partial_notebook(), indent=1))
    before = mine.read_bytes()
    proc = run_cli(root, "grade", ASSIGNMENT)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return root, proc, before


# The exercise table at the top of the feedback page for the partial submission.
EXPECTED_FEEDBACK_ROWS = [
    "Exercise | Score | Parts",
    "confusion_matrix | 3 / 3 | checks 1 / 1; hidden tests 2 / 2",
    "precision | 3 / 3 | checks 1 / 1; hidden tests 2 / 2",
    "recall | 0 / 3 | checks 0 / 1; hidden tests 0 / 2",
    "f_beta | 0 / 3 | checks 0 / 1; hidden tests 0 / 2",
    "roc_curve | 0 / 3 | checks 0 / 1; hidden tests 0 / 2",
    "roc_auc | 0 / 3 | checks 0 / 1; hidden tests 0 / 2",
    "mae | 3 / 3 | checks 1 / 1; hidden tests 2 / 2",
    "rmse | 3 / 3 | checks 1 / 1; hidden tests 2 / 2",
    "r2 | 0 / 3 | checks 0 / 1; hidden tests 0 / 2",
]


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_grade_prints_the_exact_table(graded):
    root, proc, _ = graded
    lines = proc.stdout.splitlines()
    start = lines.index(EXPECTED_TABLE[0])
    assert lines[start:] == EXPECTED_TABLE
    assert lines[0] == "Preparing 01_metrics in .selfstudy/ (once per source change)..."
    assert lines[1] == (
        "Grading notebooks/01_metrics/metrics.ipynb as student 'learner' "
        "(a copy: your notebook is not changed)..."
    )


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_grade_never_changes_the_learners_notebook(graded):
    root, _, before = graded
    assert (root / "notebooks" / ASSIGNMENT / "metrics.ipynb").read_bytes() == before
    assert not (root / "submitted").exists() and not (root / "gradebook.db").exists()
    submitted = root / ".selfstudy" / "submitted" / STUDENT / ASSIGNMENT
    assert (submitted / "metrics.ipynb").read_bytes() == before
    assert (submitted / "timestamp.txt").read_text().endswith(" UTC")


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_feedback_shows_messages_but_no_hidden_test_source(graded):
    root, _, _ = graded
    study = root / ".selfstudy"
    autograded = "\n".join(
        cells.source(c)
        for c in read_nb(study / "autograded" / STUDENT / ASSIGNMENT / "metrics.ipynb")[
            "cells"
        ]
    )
    secret = hidden_lines()
    assert secret and all(line in autograded for line in secret)  # the leak exists ...
    text = html_text(study / "feedback" / STUDENT / ASSIGNMENT / "metrics.html")
    leaked = [line for line in secret if line in text]
    assert not leaked  # ... and the feedback closes it
    assert "BEGIN HIDDEN TESTS" not in text
    assert text.count("# hidden tests (not shown)") == 9
    assert "CheckFailed: recall(y_true=[0, 0, 1], y_pred=[1, 1, 1])" in text
    assert "That is the precision, TP / (TP + FP)" in text  # the hint stays
    assert "Traceback (most recent call last)" not in text


def exercise_rows(page: str) -> list[str]:
    """The feedback page's exercise table as text, a row a line, cells split by |."""
    table = re.search(r'<table[^>]*id="exercises".*?</table>', page, re.S)
    assert table, "the feedback page has no exercise table"
    rows = []
    for row in re.findall(r"<tr\b.*?</tr>", table.group(0), re.S):
        cells_ = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S)
        rows.append(
            " | ".join(
                " ".join(html.unescape(re.sub(r"<[^>]+>", "", c)).split())
                for c in cells_
            )
        )
    return rows


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_feedback_opens_with_each_exercise_by_name_and_its_parts(graded):
    root, _, _ = graded
    path = root / ".selfstudy" / "feedback" / STUDENT / ASSIGNMENT / "metrics.html"
    page = path.read_text()
    assert exercise_rows(page) == EXPECTED_FEEDBACK_ROWS
    assert ">Test cell</a> (Score:" not in page  # nbgrader's unnamed list is gone
    for anchor in re.findall(r'<a href="#([\w-]+)"', page.split('id="exercises"')[1]):
        assert f'<a name="{anchor}"></a>' in page, f"a link to #{anchor} leads nowhere"


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_progress_table_and_chart(graded):
    root, _, _ = graded
    proc = run_cli(root, "progress")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "assignment    best   of     %  tries  last graded       to practise (make review)"
    )
    assert re.fullmatch(
        r"01_metrics      12   27    44      1  \d{4}-\d\d-\d\d \d\d:\d\d  \d failed",
        lines[1],
    )
    assert lines[2] == "total           12   27    44"
    assert lines[-1] == (
        "chart: notebooks/progress.png  (also in notebooks/progress.ipynb)"
    )
    png = root / "notebooks" / "progress.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    nb = read_nb(root / "notebooks" / "progress.ipynb")
    assert "| 01_metrics | 12 | 27 | 1 |" in cells.source(nb["cells"][0])
    assert nb["cells"][1]["outputs"][0]["data"]["image/png"]
    proc = run_cli(root, "review")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Practise now (")
    assert re.fullmatch(
        r"  failed  01_metrics/\w+ +lost points when last graded .*", lines[1]
    )
    assert "Practise now (5):" in lines  # the 5 exercises this grading failed
    assert "  later   01_metrics/precision " in proc.stdout  # passed: due tomorrow


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_grade_explains_a_notebook_that_is_not_json(tmp_path):
    root = learner_course(tmp_path)
    mine = root / "notebooks" / ASSIGNMENT / "metrics.ipynb"
    mine.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "not_json.txt", mine)
    proc = run_cli(root, "grade", ASSIGNMENT)
    assert proc.returncode == 1
    assert proc.stderr.startswith(
        "Could not grade 01_metrics: notebooks/01_metrics/metrics.ipynb is not a valid "
        "notebook ("
    )
    assert "make reset A=01_metrics" in proc.stderr


def test_grade_without_an_assignment_says_how(tmp_path):
    root = learner_course(tmp_path)
    proc = run_cli(root, "grade")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "Which assignment? For example: make grade A=01_metrics",
        "Assignments: 01_metrics",
    ]


# ------------------------------------------------------- the instructor's grade-all


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_grade_all_reports_broken_submissions_and_keeps_the_others(tmp_path):
    c = Course.create(tmp_path, [ASSIGNMENT])
    c.generate(ASSIGNMENT)
    solved = solved_release(ASSIGNMENT)
    c.submit(ASSIGNMENT, "alice", solved)
    c.submit(ASSIGNMENT, "bob", (FIXTURES / "not_json.txt").read_text())
    c.submit(ASSIGNMENT, "carol", solved, name="metrics_final.ipynb")
    hostile = json.loads((FIXTURES / "hostile_answers.json").read_text())
    c.submit(ASSIGNMENT, "dave", with_answers(solved, hostile["kernel_dies"]))
    c.submit(ASSIGNMENT, "erin", with_answers(solved, hostile["endless_loop"]))
    proc = run_cli(
        c.root,
        "grade-all",
        env={
            "NBGRADER_DB_URL": c.db_url,
            "NBGRADER_TIMEOUT": "5",
        },
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    out = proc.stdout + proc.stderr
    assert (
        "bob/01_metrics: metrics.ipynb is not a valid notebook (JSONDecodeError)" in out
    )
    assert "carol/01_metrics: metrics.ipynb is missing" in out
    assert "carol/01_metrics: unexpected notebook metrics_final.ipynb" in out
    assert "autograde: 100%" in proc.stderr  # the progress bar
    rows = {
        r.split(",")[3]: r.split(",")
        for r in (c.root / "grades.csv").read_text().splitlines()[1:]
    }
    score = {student: float(row[9]) for student, row in rows.items()}
    assert score["alice"] == 27.0
    assert score["erin"] == 24.0  # the endless mae cell is interrupted: mae scores 0
    # dave's kernel dies in precision's cell: graded without it, or reported by name
    assert score.get("dave", 0.0) < 27.0
    assert score.get("dave", 0.0) > 0 or "dave/01_metrics: nbgrader autograde" in out


def test_progress_keeps_the_best_score_of_every_grading(tmp_path, monkeypatch):
    from interview_lab import progress

    shutil.copytree(REPO / "source" / ASSIGNMENT, tmp_path / "source" / ASSIGNMENT)
    (tmp_path / ".selfstudy").mkdir()
    runs = [(14, "2026-03-01T09:00:00+00:00"), (10, "2026-03-02T09:00:00+00:00")]
    (tmp_path / ".selfstudy" / "history.jsonl").write_text(
        "".join(
            json.dumps(
                {
                    "time": t,
                    "student": STUDENT,
                    "assignment": ASSIGNMENT,
                    "score": s,
                    "max_score": 27,
                }
            )
            + "\n"
            for s, t in runs
        )
    )
    (rows,) = progress.collect(tmp_path, STUDENT)
    assert (rows.best, rows.max_score, rows.attempts, rows.last) == (
        14,
        27,
        2,
        "2026-03-02 09:00",
    )
    assert progress.format_table([rows]) == [
        "assignment    best   of     %  tries  last graded       to practise (make review)",
        "01_metrics      14   27    52      2  2026-03-02 09:00",
        "total           14   27    52",
    ]


def test_progress_shows_what_to_practise_beside_the_scores(tmp_path):
    from interview_lab import progress

    shutil.copytree(REPO / "source" / ASSIGNMENT, tmp_path / "source" / ASSIGNMENT)
    (tmp_path / ".selfstudy").mkdir()
    row = {
        "time": "2026-03-01T09:00:00+00:00",
        "student": STUDENT,
        "assignment": ASSIGNMENT,
        "score": 20,
        "max_score": 27,
        "exercises": {
            "confusion_matrix": [0, 3],
            "precision": [3, 3],
            "recall": [3, 3],
        },
    }
    (tmp_path / ".selfstudy" / "history.jsonl").write_text(json.dumps(row) + "\n")
    (rows,) = progress.collect(tmp_path, STUDENT)
    assert rows.review == "1 failed, 2 due"  # the passes of 2026-03-01 are due since
    assert progress.format_table([rows])[1].endswith("  1 failed, 2 due")


def test_exercise_summary_names_written_answers_and_leaves_them_ungraded():
    from interview_lab.nbgrader_plugins import exercise_summary

    nb = read_nb(notebook_path(REPO, "source", "11_interview_concepts"))
    manual = [c for c in nb["cells"] if cells.is_manual(c)]
    assert manual, "11 has written answers"
    for c in nb["cells"]:
        meta = cells.nbgrader_meta(c)
        if meta.get("grade"):  # what GetGrades leaves: autograded full, written not yet
            meta["score"] = None if cells.is_manual(c) else meta.get("points", 0)
    rows = {r["name"]: r for r in exercise_summary(nb)}
    answer = cells.grade_id(manual[0])
    assert rows[answer]["score"] is None
    assert [p["kind"] for p in rows[answer]["parts"]] == ["written answer"]
    assert rows[answer]["anchor"] == answer
    coded = [r for r in rows.values() if r["parts"][0]["kind"] != "written answer"]
    assert coded and all(r["score"] == r["points"] > 0 for r in coded)
    assert all(r["anchor"] == f"comment-{r['name']}" for r in coded)
    total = sum(
        float(cells.nbgrader_meta(c).get("points", 0))
        for c in nb["cells"]
        if cells.nbgrader_meta(c).get("grade")
    )
    assert sum(r["points"] for r in rows.values()) == total
