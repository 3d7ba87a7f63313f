"""nbgrader as the course starts it (interview_lab/nbgrader_cli.py): the same nbgrader,
without its dependencies' two start-up costs."""

from __future__ import annotations

import ast
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader import api

from interview_lab import nbgrader_cli

BIN = str(Path(sys.executable).parent)


#: Prints the modules this process loaded, when it exits, on the last line of stderr.
REPORT = (
    "import atexit, sys; atexit.register(lambda: print(sorted(n for n, m in "
    "sys.modules.copy().items() if m is not None), file=sys.stderr)); "
)
STOCK = REPORT + "from nbgrader.apps.nbgraderapp import main; main()"
OURS = REPORT + "from interview_lab.nbgrader_cli import main; main()"


def _run(code: str, db: Path, cwd: Path, path: str) -> tuple[int, str, set[str]]:
    """Run ``nbgrader db student list`` on ``db``: exit code, stderr, loaded modules."""
    args = ["db", "student", "list", f"--CourseDirectory.db_url=sqlite:///{db}"]
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=dict(os.environ, PATH=path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    *log, loaded = proc.stderr.strip().splitlines() or ["[]"]
    return proc.returncode, "\n".join(log), set(ast.literal_eval(loaded))


def _version(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall()


def test_alembic_head_is_what_alembic_heads_prints(monkeypatch):
    """The in-process version equals nbgrader's own: ``alembic heads`` in a subprocess."""
    monkeypatch.setenv("PATH", BIN + os.pathsep + os.environ.get("PATH", ""))
    assert nbgrader_cli.alembic_head() == api.get_alembic_version()


def test_a_new_gradebook_is_stamped_alike_without_the_slow_import(tmp_path):
    """A gradebook created through the launcher carries the same schema version as
    one created by ``nbgrader`` itself, though ``alembic`` is not on the launcher's
    PATH (no subprocess reads it), and the launcher never imports the optional module
    that costs a second (imported by plain ``nbgrader``, where installed)."""
    path = BIN + os.pathsep + os.environ.get("PATH", "")
    code, err, stock = _run(STOCK, tmp_path / "stock.db", tmp_path, path)
    assert code == 0, err[-2000:]
    bare = "/usr/bin:/bin"  # no alembic: plain nbgrader cannot stamp a gradebook here
    code, err, ours = _run(OURS, tmp_path / "ours.db", tmp_path, bare)
    assert code == 0, err[-2000:]
    assert _version(tmp_path / "ours.db") == _version(tmp_path / "stock.db")
    assert _version(tmp_path / "ours.db") == [(nbgrader_cli.alembic_head(),)]
    assert "nbgrader.api" in ours  # the same nbgrader did run
    if nbgrader_cli.SLOW_OPTIONAL not in stock:
        pytest.skip(f"{nbgrader_cli.SLOW_OPTIONAL} is not installed here")
    assert nbgrader_cli.SLOW_OPTIONAL not in ours
