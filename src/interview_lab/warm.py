"""A warm nbgrader: one process imports nbgrader and the course's grading stack once,
then forks a fresh copy of itself for each nbgrader run.

A class graded on a Dask cluster is split into many small runs, so that the workers
finish together (:func:`interview_lab.parallel.chunks`). Started afresh, each run
would pay nbgrader's imports and the judge's (NumPy, scikit-learn, the topic's checks):
about 1.8 s of a 2-core machine's CPU before its first submission. A warm process pays
them once per worker. Each run also hands back the results of the course's references
it computed (:func:`interview_lab.checking.save_remembered`), so that the runs forked
after it start with them: the first submission of a run then costs about what a later
one does.

Each run is still a process of its own, forked from the warm one before it has read
any course, config or submission: it has nbgrader's command line, its own working
directory, environment and signals (the judge's time limits need the main thread),
and it exits when the run ends. So a run graded here is graded exactly as by
``nbgrader`` started afresh, and nothing one run does reaches the next but those
results. The warm process itself never runs a learner's code, nor reads a course.

``python -m interview_lab.warm`` is the warm process: it reads one request a line on
its standard input (JSON: ``args``, ``cwd``, ``env`` and ``preload``, the sources whose
grading modules to import first) and answers each with one line (``returncode``,
``stdout``, ``stderr``). :func:`run_nbgrader` is its client.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path

__all__ = ["WarmProcess", "run_nbgrader", "serve"]

#: What every nbgrader run of the course imports: nbgrader's command line and API,
#: the course's executor, judge, sandbox and plugins (``nbgrader_config.py``).
STACK = [
    "nbgrader.apps.nbgraderapp",
    "nbgrader.api",
    "nbgrader.converters.autograde",
    "interview_lab.execute",
    "interview_lab.judge",
    "interview_lab.sandbox",
    "interview_lab.nbgrader_plugins",
]


def serve(stdin=None, stdout=None) -> None:
    """The warm process: import :data:`STACK`, then answer requests until ``stdin``
    ends."""
    import importlib

    from . import nbgrader_cli

    stdin = stdin or sys.stdin
    private: list[int] = []
    if stdout is None:  # the answers get a descriptor of their own: anything else
        # printed here (a library's notice on import) goes where stderr goes
        stdout = os.fdopen(os.dup(1), "w")
        os.dup2(2, 1)
        private.append(stdout.fileno())
    nbgrader_cli.prepare()  # before nbgrader's imports: skips the slow one
    for name in STACK:
        importlib.import_module(name)
    stdout.write(json.dumps({"ready": os.getpid()}) + "\n")
    stdout.flush()
    preloaded: set[tuple[str, ...]] = set()
    for line in stdin:
        request = json.loads(line)
        sources = tuple(request.get("preload") or ())
        if sources not in preloaded:  # each assignment's modules, once
            from .judge import preload

            preload(list(sources))
            preloaded.add(sources)
        reply = _fork_run(request["args"], request["cwd"], request["env"], private)
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()


def _fork_run(
    args: list[str], cwd: str, env: dict[str, str], private: Sequence[int] = ()
) -> dict:
    """One nbgrader run in a forked child: its output captured in files, and the
    references it computed kept here for the next runs. The child closes the
    descriptors ``private`` (the warm process's answers)."""
    from . import checking, nbgrader_cli

    with tempfile.TemporaryDirectory(prefix="interview-lab-warm-") as tmp:
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        results = Path(tmp) / "remembered"
        known = checking.remembered_digests()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the run: nothing here may return to the warm process's loop
            code = 1
            try:
                for fd in private:
                    os.close(fd)
                os.chdir(cwd)
                os.environ.clear()
                os.environ.update(env)
                for fd, path, mode in (
                    (0, os.devnull, os.O_RDONLY),
                    (1, out, os.O_WRONLY | os.O_CREAT),
                    (2, err, os.O_WRONLY | os.O_CREAT),
                ):
                    opened = os.open(path, mode, 0o600)
                    os.dup2(opened, fd)
                    os.close(opened)
                # Python's own streams, wherever they pointed, now write to the files
                sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
                try:
                    nbgrader_cli.main(args)
                    code = 0
                except SystemExit as exc:
                    code = (
                        exc.code if isinstance(exc.code, int) else int(bool(exc.code))
                    )
                checking.save_remembered(results, known)
            except BaseException:  # noqa: BLE001 - report it as nbgrader's error
                traceback.print_exc()
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        if results.exists():
            with contextlib.suppress(Exception):  # a partial file: computed again
                checking.load_remembered(results)
        return {
            "returncode": os.waitstatus_to_exitcode(status),
            "stdout": out.read_text(errors="replace") if out.exists() else "",
            "stderr": err.read_text(errors="replace") if err.exists() else "",
        }


class WarmProcess:
    """A client's handle on one warm process (started on the first run)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        from .course import nbgrader_env

        proc = subprocess.Popen(
            [sys.executable, "-m", "interview_lab.warm"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=nbgrader_env({}),
            text=True,
            start_new_session=True,
        )
        for line in proc.stdout:  # what Python's start-up printed comes first
            with contextlib.suppress(ValueError):
                if "ready" in json.loads(line):
                    return proc
        proc.kill()
        raise RuntimeError("the warm nbgrader process did not start")

    def run(
        self,
        args: list[str],
        cwd: Path,
        env: dict[str, str],
        preload: list[str] | None = None,
        timeout: float | None = None,
    ) -> subprocess.CompletedProcess:
        """``nbgrader ARGS`` in ``cwd`` with the environment ``env``, as a forked copy
        of the warm process; killed (with the warm process) after ``timeout`` s."""
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        request = {"args": args, "cwd": str(cwd), "env": env, "preload": preload or []}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        if timeout is not None:
            ready, _, _ = select.select([self._proc.stdout], [], [], timeout)
            if not ready:
                self.close()
                raise subprocess.TimeoutExpired(["nbgrader", *args], timeout)
        line = self._proc.stdout.readline()
        if not line:
            self.close()
            raise RuntimeError("the warm nbgrader process ended during a run")
        reply = json.loads(line)
        return subprocess.CompletedProcess(
            ["nbgrader", *args], reply["returncode"], reply["stdout"], reply["stderr"]
        )

    def close(self) -> None:
        """End the warm process (and a run it is waiting for)."""
        if self._proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._proc.pid, 9)
        self._proc.wait()
        self._proc = None


_idle: list[WarmProcess] = []
_lock = threading.Lock()


def run_nbgrader(
    args: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    preload: list[str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess:
    """``nbgrader ARGS`` in ``cwd``, forked from a warm process of this one's (one per
    thread running at once, kept for the next run), its log captured.

    ``env`` is added to this process's environment, as for
    :func:`interview_lab.course.nbgrader`; ``preload``, sources whose grading modules
    the warm process imports for this and later runs.
    """
    from .course import nbgrader_env

    with _lock:
        warm = _idle.pop() if _idle else WarmProcess()
    try:
        proc = warm.run(args, Path(cwd), nbgrader_env(env or {}), preload, timeout)
    except BaseException:
        warm.close()
        raise
    with _lock:
        _idle.append(warm)
    return proc


if __name__ == "__main__":
    serve()
