"""One nbgrader run grades a chunk of submissions on a worker: who was graded, and
what each failure says, read from that one run (nbgrader stands in: no kernels)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from interview_lab import grading, parallel

LOG = """\
[AutogradeApp | INFO] Autograding submitted/ana/01_metrics
[AutogradeApp | ERROR] There was an error processing assignment: /tmp/x/submitted/bob/01_metrics
[AutogradeApp | ERROR] Traceback (most recent call last):
[AutogradeApp | ERROR] ValueError: bob's notebook has no cells
[AutogradeApp | ERROR] There was an error processing assignment: /tmp/x/submitted/cy/01_metrics
[AutogradeApp | ERROR] KeyError: 'grade_id'
[AutogradeApp | ERROR] There was an error processing assignment '01_metrics' for student 'bob'
"""


@pytest.fixture
def fake_nbgrader(monkeypatch):
    """nbgrader that grades ``ana`` only, and logs the failures of the others."""
    runs = []

    def run(args, root, env=None):
        runs.append(args)
        out = Path(root) / "autograded" / "ana" / "01_metrics"
        out.mkdir(parents=True)
        (out / "metrics.ipynb").write_text("graded")
        return subprocess.CompletedProcess(args, 1, "", LOG)

    monkeypatch.setattr(grading, "run_nbgrader", run)
    return runs


def test_a_chunk_is_one_run_and_each_submission_gets_its_own_outcome(fake_nbgrader):
    files = {s: {"metrics.ipynb": b"{}"} for s in ("ana", "bob", "cy")}
    ana, bob, cy = parallel.grade_submissions("", b"", "01_metrics", files, {})
    assert fake_nbgrader == [["autograde", "01_metrics", "--force"]]
    assert (ana.returncode, ana.files) == (0, {"metrics.ipynb": b"graded"})
    assert ana.gradebook == b"" and bob.gradebook is None
    assert (bob.returncode, bob.log) == (1, "ValueError: bob's notebook has no cells")
    assert (cy.returncode, cy.log) == (1, "KeyError: 'grade_id'")


def test_a_chunk_of_one_names_its_student(fake_nbgrader):
    (ana,) = parallel.grade_submissions("", b"", "01_metrics", {"ana": {}}, {})
    assert fake_nbgrader == [["autograde", "01_metrics", "--force", "--student", "ana"]]
    assert ana.returncode == 0


def test_chunks_balance_the_workers_and_validate():
    assert parallel.chunks([], workers=2) == []
    assert [len(c) for c in parallel.chunks(list(range(9)), workers=3)] == [3, 3, 3]
    serial = parallel.chunks(list(range(30)), workers=1)
    assert [len(c) for c in serial] == [8, 8, 7, 7]
    for n in range(60):
        for workers in range(1, 6):
            got = parallel.chunks(list(range(n)), workers=workers)
            assert sum(got, []) == list(range(n))  # every student once, in order
            assert all(0 < len(c) <= 8 for c in got)
            if got:  # near-equal sizes, and no worker left with a last chunk alone
                assert max(map(len, got)) - min(map(len, got)) <= 1
                assert len(got) % workers == 0 or len(got) == n
    with pytest.raises(ValueError, match="workers must be a positive int, got 0"):
        parallel.chunks(["a"], workers=0)


def test_a_serial_chunk_grades_its_students_and_excludes_the_others():
    everyone = {"ana", "bob", "cy", "dee"}
    assert grading.autograde_args("01_metrics", ["bob"], everyone) == [
        "autograde",
        "01_metrics",
        "--force",
        "--student",
        "bob",
    ]
    assert grading.autograde_args("01_metrics", ["ana", "cy"], everyone)[-1] == (
        "--CourseDirectory.student_id_exclude=bob,dee"
    )
    assert grading.autograde_args("01_metrics", ["ana", "bob"], {"ana", "bob"}) == [
        "autograde",
        "01_metrics",
        "--force",
    ]
