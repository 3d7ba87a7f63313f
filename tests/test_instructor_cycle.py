"""The instructor's nbgrader cycle runs exactly as README.md writes it.

The ``bash`` blocks between ``<!-- cycle:begin -->`` and ``<!-- cycle:end -->`` in the
README's instructor section are run, as one script and as written, in a temporary copy
of the course (``nbgrader_config.py`` and ``source/``): generate, release to the
exchange, a student's fetch and submit from their own folder, collect, autograde,
feedback (released and fetched back) and export.
"""

from __future__ import annotations

import csv
import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from harness import REPO, cell_source, notebook_path, read_nb

README = REPO / "README.md"


def cycle_blocks() -> list[str]:
    text = README.read_text()
    match = re.search(r"<!-- cycle:begin -->(.*?)<!-- cycle:end -->", text, re.S)
    assert match, "README.md has no <!-- cycle:begin --> ... <!-- cycle:end --> section"
    blocks = re.findall(r"^([ \t]*)```bash\n(.*?)^\1```", match.group(1), re.S | re.M)
    return [textwrap.dedent(body) for _, body in blocks]


def test_cycle_names_every_step():
    script = "\n".join(cycle_blocks())
    for step in (
        "generate_assignment",
        "release_assignment",
        "fetch_assignment",
        "submit",
        "collect",
        "autograde",
        "generate_feedback",
        "release_feedback",
        "fetch_feedback",
        "export",
    ):
        assert re.search(rf"^nbgrader {step} ", script, re.M), step
    section = README.read_text().split("## The instructor's course")[1]
    for text in (
        "Formgrader",
        "make grade-all",
        "CourseDirectory.db_url",
        "NBGRADER_DB_URL",
        "JupyterHub",
    ):
        assert text in section, text


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_instructor_cycle_runs_as_written(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy2(REPO / "nbgrader_config.py", root)
    shutil.copytree(REPO / "source", root / "source")
    home = tmp_path / "home"
    home.mkdir()
    bindir = Path(sys.executable).parent
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("NBGRADER_") and k != "INTERVIEW_LAB_ROOT"
    }
    env.update(HOME=str(home), PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}")
    script = "set -euo pipefail\n" + "\n".join(cycle_blocks())
    proc = subprocess.run(
        ["bash", "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]

    with open(root / "grades.csv") as f:
        rows = [r for r in csv.DictReader(f) if r["assignment"] == "01_metrics"]
    assert len(rows) == 1, rows
    assert float(rows[0]["score"]) == float(rows[0]["max_score"]) == 27.0
    student = rows[0]["student_id"]
    assert (root / "submitted" / student / "01_metrics" / "metrics.ipynb").exists()
    fetched = list(
        (home / "ml-interview-lab-student" / "01_metrics" / "feedback").glob(
            "*/metrics.html"
        )
    )
    assert len(fetched) == 1
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", fetched[0].read_text(), flags=re.S)
    feedback = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "hidden tests (not shown)" in feedback
    assert "edge cases and random inputs against scikit-learn (hidden)" in feedback
    source = read_nb(notebook_path(REPO, "source", "01_metrics"))
    secret = [
        line.strip()
        for c in source["cells"]
        for line in re.findall(
            r"### BEGIN HIDDEN TESTS\n(.*?)### END", cell_source(c), re.S
        )
        for line in line.splitlines()
        if "cases." in line
    ]
    assert secret
    assert not [line for line in secret if line in feedback]
