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
