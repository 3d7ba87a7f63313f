"""``nbgrader validate`` on every notebook: the instructor's version passes every test,
the student's version (every answer a stub) passes none.

``nbgrader validate`` runs the notebook as it is, in a kernel, and reports the test
cells that fail (or, with ``--invert``, those that pass). Assignments are picked up from
``source/`` at run time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from harness import REPO, notebook_path, source_assignments

from interview_lab import course

pytestmark = pytest.mark.slow


def validate(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return course.nbgrader(
        ["validate", *extra, str(path)],
        REPO,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )


def report(proc: subprocess.CompletedProcess) -> str:
    """nbgrader's verdict without its log lines."""
    return "\n".join(
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if not line.startswith("[") and "autograder tests" not in line
    )


@pytest.mark.parametrize("assignment", source_assignments())
def test_source_notebook_passes_validate(assignment):
    path = notebook_path(REPO, "source", assignment)
    proc = validate(path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Success! Your notebook passes all the tests." in proc.stdout, (
        f"nbgrader validate {path.relative_to(REPO)} failed:\n{report(proc)[-4000:]}"
    )


@pytest.mark.parametrize("assignment", source_assignments())
def test_release_notebook_passes_validate_invert(assignment):
    path = notebook_path(REPO, "release", assignment)
    proc = validate(path, "--invert")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Success! The notebook does not pass any tests." in proc.stdout, (
        f"nbgrader validate --invert {path.relative_to(REPO)}: these test cells pass "
        "on the unsolved notebook (a hidden-tests-only cell is just its docstring in "
        "the release, so it passes; give it a visible check that fails on the stub):\n"
        + report(proc)[-4000:]
    )
