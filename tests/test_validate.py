"""``nbgrader validate`` on every notebook: the instructor's version passes every test,
the student's version (every answer a stub) passes none.

``nbgrader validate`` runs the notebook as it is, in a kernel, and reports the test
cells that fail (or, with ``--invert``, those that pass). Assignments are picked up from
``source/`` at run time.

One run validates every notebook of a kind (nbgrader starts once, not once per
notebook). It prints one verdict per notebook, so when it prints the success line once
per notebook, each notebook has passed; otherwise each test validates its own notebook
again, alone, and reports what nbgrader says of it.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import pytest
from harness import REPO, notebook_path, source_assignments

from interview_lab import course

pytestmark = pytest.mark.slow

ASSIGNMENTS = source_assignments()
SOURCE_PASSES = "Success! Your notebook passes all the tests."
RELEASE_FAILS = "Success! The notebook does not pass any tests."


def validate(paths: list[Path], *extra: str) -> subprocess.CompletedProcess:
    return course.nbgrader(
        ["validate", *extra, *map(str, paths)],
        REPO,
        check=False,
        capture_output=True,
        text=True,
        timeout=600 * len(paths),
    )


def report(proc: subprocess.CompletedProcess) -> str:
    """nbgrader's verdict without its log lines."""
    return "\n".join(
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if not line.startswith("[") and "autograder tests" not in line
    )


@functools.cache
def every_one_succeeds(kind: str) -> bool:
    """Whether one ``nbgrader validate`` run over every notebook of ``kind``
    (``"source"``, or ``"release"`` with ``--invert``) says success of each: the
    success line once per notebook (nbgrader prints one verdict per notebook, and
    cell sources in its reports are indented, so no other line can match)."""
    paths = [notebook_path(REPO, kind, a) for a in ASSIGNMENTS]
    if kind == "source":
        proc, success = validate(paths), SOURCE_PASSES
    else:
        proc, success = validate(paths, "--invert"), RELEASE_FAILS
    return proc.returncode == 0 and proc.stdout.splitlines().count(success) == len(
        paths
    )


@pytest.mark.xdist_group("validate-source")
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_passes_validate(assignment):
    if every_one_succeeds("source"):
        return
    path = notebook_path(REPO, "source", assignment)
    proc = validate([path])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert SOURCE_PASSES in proc.stdout, (
        f"nbgrader validate {path.relative_to(REPO)} failed:\n{report(proc)[-4000:]}"
    )


@pytest.mark.xdist_group("validate-release")
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_notebook_passes_validate_invert(assignment):
    if every_one_succeeds("release"):
        return
    path = notebook_path(REPO, "release", assignment)
    proc = validate([path], "--invert")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert RELEASE_FAILS in proc.stdout, (
        f"nbgrader validate --invert {path.relative_to(REPO)}: these test cells pass "
        "on the unsolved notebook (a hidden-tests-only cell is just its docstring in "
        "the release, so it passes; give it a visible check that fails on the stub):\n"
        + report(proc)[-4000:]
    )
