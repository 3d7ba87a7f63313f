"""The gradebook in PostgreSQL, as a class on JupyterHub runs it.

Starts a throw-away PostgreSQL server from Debian's package (``/usr/lib/postgresql/*/
bin``) on a free port of 127.0.0.1, points ``NBGRADER_DB_URL`` (read by
``nbgrader_config.py`` into ``CourseDirectory.db_url``) at it, and runs
``generate_assignment`` and ``autograde``. Skipped when PostgreSQL is not installed,
except under ``CI=true``, where ``.ci/system-deps`` installs it and its absence is a
failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from harness import REPO, Course, notebook_path, read_nb, solved_release

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.xdist_group("grading"),
]

ASSIGNMENT = "01_metrics"


def postgres_bin() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def postgres_url():
    """``postgresql+psycopg2://grader@127.0.0.1:<port>/ml_interview_lab`` of a fresh server."""
    bindir = postgres_bin()
    if bindir is None:
        message = (
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
            "install Debian's postgresql package, or run .ci/system-deps"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # initdb refuses to run as root: run the server as an unprivileged user.
    prefix: list[str] = []
    owner = None
    if os.geteuid() == 0:
        owner = (
            "postgres"
            if shutil.which("runuser") and _user_exists("postgres")
            else "nobody"
        )
        prefix = ["runuser", "-u", owner, "--"]
    base = Path(tempfile.mkdtemp(prefix="lab-pg-"))
    data = base / "data"
    if owner:
        shutil.chown(base, user=owner)
    port = free_port()

    def run(*args: str, **kwargs):
        return subprocess.run(
            [*prefix, *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
            **kwargs,
        )

    pid = None
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "grader",
            "--auth=trust",
            "-E",
            "UTF8",
        )
        run(
            str(bindir / "pg_ctl"),
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            str(data),
            "-l",
            str(base / "server.log"),
            "-o",
            f"-p {port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={base}",
        )
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
        import psycopg2

        conn = psycopg2.connect(
            host="127.0.0.1", port=port, user="grader", dbname="postgres"
        )
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE ml_interview_lab")
        conn.close()
        yield f"postgresql+psycopg2://grader@127.0.0.1:{port}/ml_interview_lab"
    finally:
        if pid is not None:
            try:
                os.kill(pid, signal.SIGINT)  # PostgreSQL's "fast" shutdown
                for _ in range(100):
                    os.kill(pid, 0)
                    time.sleep(0.1)
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(base, ignore_errors=True)


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def test_generate_and_autograde_with_the_gradebook_in_postgresql(
    tmp_path, postgres_url
):
    from nbgrader.api import Gradebook

    course = Course.create(tmp_path, [ASSIGNMENT])
    env = {"NBGRADER_DB_URL": postgres_url}
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force", env=env)
    course.submit(ASSIGNMENT, "solved", solved_release(ASSIGNMENT))
    course.submit(
        ASSIGNMENT, "untouched", read_nb(notebook_path(REPO, "release", ASSIGNMENT))
    )
    course.nbgrader("autograde", ASSIGNMENT, "--force", env=env)
    assert not (course.root / "gradebook.db").exists()  # nothing went to sqlite
    with Gradebook(postgres_url) as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
        assert gb.find_assignment(ASSIGNMENT).max_score == 27
    assert scores == {"solved": 27, "untouched": 0}
