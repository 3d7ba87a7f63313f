"""The resilient executor's gradebook guard, on files (the autograde tests run it for
real: tests/submissions/01_metrics/hostile_*.py)."""

import sqlite3

from interview_lab.course import sqlite_path
from interview_lab.execute import _Snapshot


def make_db(path):
    with sqlite3.connect(path) as db:
        db.execute("create table grade (student text, score real)")
        db.execute("insert into grade values ('ada', 3.0)")
    return path


def test_sqlite_path_only_for_sqlite_urls(tmp_path):
    assert sqlite_path(f"sqlite:///{tmp_path}/gb.db") == tmp_path / "gb.db"
    assert sqlite_path("postgresql+psycopg2://grader@db/course") is None
    assert sqlite_path(None) is None
    assert _Snapshot.take(None) is None
    assert _Snapshot.take(tmp_path / "missing.db") is None


def test_deleting_or_overwriting_the_gradebook_is_detected_and_undone(tmp_path):
    db = make_db(tmp_path / "gradebook.db")
    original = db.read_bytes()
    snap = _Snapshot.take(db)
    assert not snap.destroyed()
    db.unlink()
    assert snap.destroyed()
    snap.restore()
    assert db.read_bytes() == original
    snap = _Snapshot.take(db)
    db.write_bytes(b"")  # truncated in place: same file, no longer a database
    assert snap.destroyed()
    snap.restore()
    with sqlite3.connect(db) as conn:
        assert conn.execute("select score from grade").fetchall() == [(3.0,)]


def test_ordinary_writes_are_not_tampering(tmp_path):
    db = make_db(tmp_path / "gradebook.db")
    snap = _Snapshot.take(db)
    with sqlite3.connect(db) as conn:  # e.g. the formgrader saving a manual grade
        conn.execute("insert into grade values ('bob', 2.0)")
    assert not snap.destroyed()


def _code(src, tags=()):
    import nbformat

    cell = nbformat.v4.new_code_cell(src)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def _test_cell(src):
    """A graded test cell, ``t1``, worth 1 point."""
    cell = _code(src)
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "locked": True,
        "grade_id": "t1",
        "points": 1,
        "schema_version": 3,
    }
    return cell


LESSON = ["lesson-only"]


def _graded(tmp_path, lessons, submitted, **traits):
    """What each submitted cell printed, graded in a course whose instructor's
    notebook has the lesson-only cells ``lessons``."""
    import nbformat
    from traitlets.config import Config

    from interview_lab.execute import ResilientExecute

    source = nbformat.v4.new_notebook()
    source.cells = [_code(src, LESSON) for src in lessons]
    (tmp_path / "source" / "a1").mkdir(parents=True, exist_ok=True)
    nbformat.write(source, tmp_path / "source" / "a1" / "nb.ipynb")
    nb = nbformat.v4.new_notebook()
    nb.cells = submitted
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    ex = ResilientExecute(
        config=config,
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager",
        **traits,
    )
    resources = {
        "metadata": {"path": str(tmp_path)},
        "nbgrader": {"assignment": "a1", "notebook": "nb"},
    }
    nb, _ = ex.preprocess(nb, resources)
    return [
        "".join(o.get("text", "") or o.get("ename", "") for o in c.outputs)
        for c in nb.cells
    ]


def test_grading_leaves_out_only_the_instructors_lesson_cells(tmp_path):
    """A submitted cell is left out when its source is a lesson-only cell of the
    instructor's notebook; a learner's own tag, or an edited lesson cell, still runs."""
    lessons = ["print('figure')", "print('explorer')"]
    submitted = [
        _code("print('figure')", LESSON),  # the instructor's: left out
        _code("print('explorer', 2)", LESSON),  # edited by the learner: runs
        _code("print('mine')", LESSON),  # the learner's own tag: runs
        _code("print('figure')"),  # the same source without the tag: left out
    ]
    assert _graded(tmp_path, lessons, submitted) == ["", "explorer 2\n", "mine\n", ""]
    assert _graded(tmp_path, lessons, submitted, skip_lessons=False)[0] == "figure\n"


def test_a_lesson_cell_runs_when_a_later_cell_reads_a_name_it_binds(tmp_path):
    """The instructor's later cells never read a lesson cell's names, but a learner's
    answer may (``train`` from the lesson's split): that lesson cell runs, with the
    lesson cells it reads from; a cell whose reads are unknown keeps all above it."""
    lessons = [
        "base = 40\nprint('base')",
        "train = base + 1\nprint('split')",
        "shown = 0\nprint('figure')",
    ]

    def submitted(answer):
        cells = [_code(src, LESSON) for src in lessons]
        return cells + [_code(answer), _code("print(answer())")]

    graded = _graded(
        tmp_path, lessons, submitted("def answer():\n    return train + 1")
    )
    assert graded == ["base\n", "split\n", "", "", "42\n"]  # nothing reads `shown`
    graded = _graded(tmp_path, lessons, submitted("def answer():\n    return 42"))
    assert graded == ["", "", "", "", "42\n"]
    graded = _graded(tmp_path, lessons, submitted("%time answer = lambda: 42"))
    assert graded[:3] == ["base\n", "split\n", "figure\n"] and graded[4] == "42\n"


def test_the_judges_modules_are_found_from_the_test_cells_never_the_figures():
    from interview_lab.judge import grading_modules

    cells = [
        "from interview_lab.topics import bias_variance as topic\ncheck = topic.checker",
        "import numpy as np\nfrom sklearn import metrics as skm",
        "this is not python (",
        "import no_such_module_anywhere",
    ]
    found = grading_modules(cells)
    for name in (
        "interview_lab.topics.bias_variance.checks",
        "interview_lab.topics.bias_variance.core",
        "sklearn.model_selection",  # imported inside a reference function in core
        "sklearn.metrics",
        "numpy",
    ):
        assert name in found
    assert not [n for n in found if "figures" in n or n.startswith("matplotlib")]
    assert "no_such_module_anywhere" not in found


def test_grading_imports_the_judges_modules_while_the_kernel_starts(monkeypatch):
    """Before the kernel client waits for the kernel to be ready, not at the first
    test cell (where the learner's submission would wait for them)."""
    import nbformat

    import interview_lab.execute as execute

    calls = []
    monkeypatch.setattr(
        execute, "preload", lambda sources: calls.append((sources, ex.kc))
    )
    nb = nbformat.v4.new_notebook()
    test = _test_cell("import numpy as np\nassert np.ones(1)[0] == 1")
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), test]
    ex = execute.ResilientExecute(
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager"
    )
    ex.preprocess(nb, {"nbgrader": {"assignment": "a1", "notebook": "nb"}})
    assert calls == [([test.source], None)]
    assert nb.cells[1].outputs == []


def test_test_cells_after_the_kernel_died_too_often_score_0(monkeypatch):
    """nbgrader gives full marks to a test cell with no output: the test cells grading
    never reached must carry an error (the untouched stubs scored 6/6 behind 11
    cells that each end the kernel)."""
    import nbformat

    from interview_lab.execute import KERNEL_GAVE_UP, ResilientExecute

    monkeypatch.setattr(ResilientExecute, "max_restarts", 1)
    test = _test_cell("assert False, 'never reached'")
    nb = nbformat.v4.new_notebook()
    nb.cells = [_code("import os\nos._exit(1)"), _code("import os\nos._exit(2)"), test]
    ex = ResilientExecute(
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager", judge=False
    )
    nb, _ = ex.preprocess(nb, {"nbgrader": {"assignment": "a1", "notebook": "nb"}})
    [error] = nb.cells[2].outputs
    assert error["ename"] == "KernelGaveUp"
    assert error["evalue"] == KERNEL_GAVE_UP.format(2)
