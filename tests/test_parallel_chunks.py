"""One nbgrader run grades a chunk of submissions on a worker: who was graded, and
what each failure says, read from that one run (nbgrader stands in: no kernels)."""

from __future__ import annotations

import subprocess
import time
import warnings
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

    def run(args, root, env=None, warm=None):
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


def test_chunks_are_even_for_one_worker_and_guided_for_several():
    assert parallel.chunks([], workers=2) == []
    serial = parallel.chunks(list(range(30)), workers=1)
    assert [len(c) for c in serial] == [8, 8, 7, 7]
    for n in range(80):
        for workers in range(1, 6):
            got = parallel.chunks(list(range(n)), workers=workers)
            assert sum(got, []) == list(range(n))  # every student once, in order
            assert all(0 < len(c) <= 8 for c in got)
            sizes = [len(c) for c in got]
            if workers == 1:  # as few as can be, near-equal: the progress bar's steps
                assert len(got) == -(-n // 8)
                assert not sizes or max(sizes) - min(sizes) <= 1
            elif got:  # shrinking to single submissions, a quarter of a share each
                assert sizes == sorted(sizes, reverse=True)
                assert sizes[-workers:] == [1] * min(workers, n)
                left = n
                for size in sizes:
                    assert size == min(8, -(-left // (4 * workers)))
                    left -= size
    assert [len(c) for c in parallel.chunks(list(range(1000)), workers=10)][:3] == [
        8,
        8,
        8,
    ]
    with pytest.raises(ValueError, match="workers must be a positive int, got 0"):
        parallel.chunks(["a"], workers=0)
    with pytest.raises(ValueError, match="most must be a positive int, got 0"):
        parallel.chunks(["a"], workers=2, most=0)


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


def _gradebook(path: Path, students: dict[str, float]) -> str:
    """An sqlite gradebook holding assignment ``a1`` (notebook ``nb``, one 2-point
    cell ``g1``) and a submission per student, auto-scored as given."""
    from nbgrader import api
    from sqlalchemy.exc import SAWarning

    from interview_lab.nbgrader_cli import alembic_head

    url = f"sqlite:///{path}"
    with pytest.MonkeyPatch.context() as mp, warnings.catch_warnings():
        mp.setattr(api, "get_alembic_version", alembic_head)  # no `alembic` process
        warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader's autoflush
        with api.Gradebook(url) as gb:
            gb.add_assignment("a1")
            gb.add_notebook("nb", "a1")
            gb.add_grade_cell("g1", "nb", "a1", max_score=2, cell_type="code")
            for student, score in students.items():
                gb.add_student(student, first_name=student.title())
                gb.add_submission("a1", student)
                gb.find_grade("g1", "nb", "a1", student).auto_score = score
            gb.db.commit()
    return url


def test_a_merge_writes_every_student_it_can_and_names_the_one_it_cannot(tmp_path):
    """One merge opens both gradebooks once for a chunk; a student it cannot write
    (here: none in the scratch gradebook) is returned with the reason, and the
    others, before and after, are written all the same."""
    from nbgrader.api import Gradebook

    scratch = tmp_path / "scratch.db"
    _gradebook(scratch, {"ana": 2.0, "bob": 0.5})
    course = _gradebook(tmp_path / "course.db", {})
    failed = parallel.merge_gradebook(course, scratch, "a1", ["ana", "ghost", "bob"])
    assert list(failed) == ["ghost"]
    assert failed["ghost"].startswith("MissingEntry")
    with Gradebook(course) as gb:
        scores = {
            s: gb.find_grade("g1", "nb", "a1", s).auto_score for s in ("ana", "bob")
        }
        assert gb.find_student("ana").first_name == "Ana"
    assert scores == {"ana": 2.0, "bob": 0.5}


@pytest.mark.parametrize(
    "config",
    [
        None,  # the course's own nbgrader_config.py
        "c.CourseDirectory.root = {root!r}\n",
        "c.CourseDirectory.db_url = 'postgresql+psycopg2://grader@db/course'\n",
        "c.CourseDirectory.course_id = 'x'\n",  # neither: the working directory
    ],
)
@pytest.mark.parametrize("env_url", [None, "sqlite:////srv/class/gradebook.db"])
def test_the_course_gradebook_url_is_the_one_nbgrader_reads(
    config, env_url, tmp_path, monkeypatch
):
    """Read without importing nbgrader, the URL is what nbgrader's own
    ``CourseDirectory`` makes of the same config file."""
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    root = tmp_path / "course"
    root.mkdir()
    repo = Path(__file__).resolve().parents[1]
    if config is None:
        text = (repo / "nbgrader_config.py").read_text()
    else:
        text = config.format(root=str(tmp_path / "r"))
    (root / "nbgrader_config.py").write_text(text)
    if env_url is None:
        monkeypatch.delenv("NBGRADER_DB_URL", raising=False)
    else:
        monkeypatch.setenv("NBGRADER_DB_URL", env_url)
    monkeypatch.chdir(tmp_path)
    loaded = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    assert grading.course_db_url(root) == CourseDirectory(config=loaded).db_url


def test_whether_an_sqlite_gradebook_holds_an_assignment_is_read_not_written(tmp_path):
    db = tmp_path / "gradebook.db"
    url = _gradebook(db, {"ana": 1.0})
    assert grading._in_gradebook(url, "a1")
    assert not grading._in_gradebook(url, "a2")
    missing = tmp_path / "none.db"
    assert not grading._in_gradebook(f"sqlite:///{missing}", "a1")
    assert not missing.exists()
    (tmp_path / "empty.db").write_bytes(b"")
    assert not grading._in_gradebook(f"sqlite:///{tmp_path / 'empty.db'}", "a1")


#: When each student's stand-in grading ended (Dask's local workers are threads).
ENDED: dict[str, float] = {}


def _stand_in_grade(config, template, assignment, submissions, extra):
    """Grading a chunk, stood in for: the chunk of ``s00`` is slow."""
    time.sleep(2.0 if "s00" in submissions else 0.05)
    for student in submissions:
        ENDED[student] = time.monotonic()
    return [
        parallel.Outcome(s, assignment, 1, "stand-in", {}, None) for s in submissions
    ]


def test_a_chunk_goes_to_the_worker_that_is_free_not_behind_a_slow_one(
    monkeypatch, tmp_path
):
    """Chunks are sent one per free worker: while one worker grades a slow first
    chunk, the other grades every other chunk (none waits queued behind the slow one).
    Dask's workers are threads of this process, as ``grade-all`` starts them, and
    grading a chunk is a stand-in."""
    import shutil
    import sqlite3

    root = tmp_path / "course"
    (root / "source" / "01_metrics").mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "nbgrader_config.py", root)
    sqlite3.connect(root / "gradebook.db").close()
    students = [f"s{i:02d}" for i in range(12)]
    for s in students:
        (root / "submitted" / s / "01_metrics").mkdir(parents=True)
        (root / "submitted" / s / "01_metrics" / "metrics.ipynb").write_text("{}")
    ENDED.clear()

    monkeypatch.setattr(parallel, "grade_submissions", _stand_in_grade)
    reported = []
    graded = parallel.grade_on_cluster(
        root,
        [(s, "01_metrics") for s in students],
        workers=2,
        progress=False,
        report=lambda s, a, why: reported.append((s, why)),
    )
    assert graded == []
    assert sorted(reported) == [
        (s, "nbgrader autograde failed: stand-in") for s in students
    ]
    first = parallel.chunks(students, 2)[0]
    assert "s00" in first
    slow_end = ENDED["s00"]
    assert all(ENDED[s] < slow_end for s in students if s not in first), ENDED
