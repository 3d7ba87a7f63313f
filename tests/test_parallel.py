"""Grading a class on a Dask cluster gives exactly the serial grades.

The same mixed batch (honest, wrong, crashing and broken submissions) is graded twice
with the course's batch command: serially, and on a real ``dask.distributed``
LocalCluster of two workers (threads, as ``make grade-all JOBS=2`` starts). Every
cell's score, every problem reported and every autograded notebook must be the same.
Part of the batch is graded once more on a cluster of worker processes given by its
scheduler's address, as a cluster of other machines is: the tasks and their results
then travel pickled.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harness import (
    REPO,
    Course,
    answers_from_file,
    read_nb,
    solved_release,
    variable_answers,
    with_answers,
)

from interview_lab.grading import grade_all

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("parallel")]

A = "01_metrics"
SUBMISSIONS = REPO / "tests" / "submissions" / A
KINDS = ("wrong_common", "wrong_edge", "hostile_crash", "correct_loops")


def _batch(course: Course, kinds: tuple[str, ...] = KINDS) -> None:
    """An honest submission, one of each of ``kinds``, and one that is not JSON."""
    course.generate(A)
    source = read_nb(REPO / "source" / A / "metrics.ipynb")
    solved = solved_release(A)
    course.submit(A, "honest", solved)
    for name in kinds:
        answers = answers_from_file(
            SUBMISSIONS / f"{name}.py", variable_answers(source)
        )
        course.submit(A, name, with_answers(solved, answers))
    course.submit(A, "not_json", "{ this is not a notebook")


def _graded(course: Course, **kwargs):
    graded, problems = grade_all(course.root, [A], progress=False, **kwargs)
    notebooks = {
        p.relative_to(course.root / "autograded").as_posix(): _scores_in(p)
        for p in sorted((course.root / "autograded").glob("*/*/*.ipynb"))
    }
    return graded, [str(p) for p in problems], course.scores(A), notebooks


def _scores_in(path: Path) -> dict:
    """The errors of the graded notebook's test cells (what decides their scores; a
    replayed kernel's texts differ in timings), and which code cells ran (grading
    leaves the lesson-only ones out)."""
    nb = json.loads(path.read_text())
    return {
        "errors": [
            [o.get("ename") for o in cell.get("outputs", []) if o.get("ename")]
            for cell in nb["cells"]
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade")
            and not cell.get("metadata", {}).get("nbgrader", {}).get("solution")
        ],
        "ran": [
            cell.get("execution_count") is not None or bool(cell.get("outputs"))
            for cell in nb["cells"]
            if cell["cell_type"] == "code"
        ],
    }


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    serial = Course.create(tmp_path_factory.mktemp("serial"), [A])
    _batch(serial)
    parallel = Course(tmp_path_factory.mktemp("parallel") / "course")
    shutil.copytree(serial.root, parallel.root)
    return _graded(serial), _graded(parallel, workers=2)


@pytest.fixture(autouse=True)
def _course_gradebook(monkeypatch):
    monkeypatch.delenv("NBGRADER_DB_URL", raising=False)


def test_parallel_grading_gives_exactly_the_serial_scores(both):
    (s_graded, s_problems, s_scores, _), (p_graded, p_problems, p_scores, _) = both
    assert s_graded == p_graded
    assert s_scores == p_scores
    assert s_problems == p_problems
    assert any("not_json" in p for p in p_problems)
    honest = p_scores["honest"]
    assert sum(honest.values()) == 27
    assert sum(p_scores["wrong_common"].values()) < 27


def test_parallel_grading_writes_the_same_graded_notebooks(both):
    (*_, s_notebooks), (*_, p_notebooks) = both
    assert set(p_notebooks) == set(s_notebooks)
    assert len(p_notebooks) == 5
    assert p_notebooks == s_notebooks
    skipped = [not ran for nb in s_notebooks.values() for ran in nb["ran"]]
    assert any(skipped), (
        "no lesson-only cell was left out: is the check still able to fail?"
    )


def test_a_cluster_given_by_address_grades_alike(both, tmp_path):
    from distributed import LocalCluster

    (_, _, s_scores, s_notebooks), _ = both
    course = Course.create(tmp_path, [A])
    _batch(course, kinds=("wrong_common",))
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=40,
    ) as cluster:
        graded, problems, scores, notebooks = _graded(
            course, scheduler=cluster.scheduler_address
        )
        ran = cluster.scheduler.task_prefixes["grade"].state_counts["memory"]
    assert ran == 2  # one chunk a student, each graded on that cluster's workers
    students = ("honest", "wrong_common")
    assert graded == [(s, A) for s in students]
    assert scores == {s: s_scores[s] for s in students}
    assert notebooks == {
        k: v for k, v in s_notebooks.items() if k.split("/")[0] in students
    }
    assert any("not_json" in p for p in problems)
