"""The resilient executor's gradebook guard, on files (the autograde tests run it for
real: tests/submissions/01_metrics/hostile_*.py)."""

import sqlite3

from interview_lab.execute import _Snapshot, _sqlite_path


def make_db(path):
    with sqlite3.connect(path) as db:
        db.execute("create table grade (student text, score real)")
        db.execute("insert into grade values ('ada', 3.0)")
    return path


def test_sqlite_path_only_for_sqlite_urls(tmp_path):
    assert _sqlite_path(f"sqlite:///{tmp_path}/gb.db") == tmp_path / "gb.db"
    assert _sqlite_path("postgresql+psycopg2://grader@db/course") is None
    assert _sqlite_path(None) is None
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


def test_grading_leaves_out_only_the_instructors_lesson_cells(tmp_path):
    """A submitted cell is left out when its source is a lesson-only cell of the
    instructor's notebook; a learner's own tag, or an edited lesson cell, still runs."""
    import nbformat
    from traitlets.config import Config

    from interview_lab.execute import ResilientExecute

    def code(src, tags=()):
        cell = nbformat.v4.new_code_cell(src)
        if tags:
            cell.metadata["tags"] = list(tags)
        return cell

    lesson = ["lesson-only"]
    source = nbformat.v4.new_notebook()
    source.cells = [code("print('figure')", lesson), code("print('explorer')", lesson)]
    (tmp_path / "source" / "a1").mkdir(parents=True)
    nbformat.write(source, tmp_path / "source" / "a1" / "nb.ipynb")
    submitted = nbformat.v4.new_notebook()
    submitted.cells = [
        code("print('figure')", lesson),  # the instructor's: left out
        code("print('explorer', 2)", lesson),  # edited by the learner: runs
        code("print('mine')", lesson),  # the learner's own tag: runs
        code("print('figure')"),  # the same source without the tag: left out
    ]
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    ex = ResilientExecute(
        config=config,
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager",
    )
    resources = {
        "metadata": {"path": str(tmp_path)},
        "nbgrader": {"assignment": "a1", "notebook": "nb"},
    }
    nb, _ = ex.preprocess(submitted, resources)
    printed = ["".join(o.get("text", "") for o in c.outputs) for c in nb.cells]
    assert printed == ["", "explorer 2\n", "mine\n", ""]
    ex = ResilientExecute(
        config=config,
        skip_lessons=False,
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager",
    )
    nb, _ = ex.preprocess(nb, resources)
    assert "".join(o.get("text", "") for o in nb.cells[0].outputs) == "figure\n"


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
    test = nbformat.v4.new_code_cell("import numpy as np\nassert np.ones(1)[0] == 1")
    test.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "locked": True,
        "grade_id": "t1",
        "points": 1,
        "schema_version": 3,
    }
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), test]
    ex = execute.ResilientExecute(
        kernel_manager_class="jupyter_client.manager.AsyncKernelManager"
    )
    ex.preprocess(nb, {"nbgrader": {"assignment": "a1", "notebook": "nb"}})
    assert calls == [([test.source], None)]
    assert nb.cells[1].outputs == []
