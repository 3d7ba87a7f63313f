"""Benchmark: how long each notebook takes to execute and to autograde.

    make bench                       # every assignment
    .venv/bin/python tools/bench.py 01_metrics --repeat 3

For each assignment it measures

* ``execute``: the instructor notebook run top to bottom by nbclient (what a learner's
  Run All costs, kernel start included);
* ``autograde``: ``nbgrader autograde`` of one solved submission in a temporary course
  (what an instructor pays per student, kernel start and gradebook included), with the
  course's grading kernel (limits and sandbox: ``interview_lab/sandbox.py``) and the
  test cells in the judge (``interview_lab/judge.py``);
* ``before``: the same with a plain kernel and the test cells in it, as before the
  sandbox and the judge, so their cost shows (``cost %`` is autograde over before).

It prints a table and writes ``bench/results/latest.json``. It is a measurement, not a
test: nothing fails when a number is high, but the issue notes quote these numbers.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from harness import Course, notebook_path, read_nb, solved_release  # noqa: E402


def time_execute(assignment: str) -> float:
    import nbformat
    from nbclient import NotebookClient

    path = notebook_path(REPO, "source", assignment)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    return time.perf_counter() - start


BEFORE = (
    '\nc.Execute.kernel_manager_class = "jupyter_client.manager.AsyncKernelManager"\n'
    "c.ResilientExecute.judge = False\n"
)


def time_autograde(assignment: str, guarded: bool = True) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        course = Course.create(Path(tmp), [assignment])
        if not guarded:
            with (course.root / "nbgrader_config.py").open("a") as config:
                config.write(BEFORE)
        course.generate(assignment)
        course.submit(assignment, "bench", solved_release(assignment))
        start = time.perf_counter()
        course.autograde(assignment)
        elapsed = time.perf_counter() - start
        scores = course.scores(assignment)["bench"]
        assert sum(scores.values()) > 0, "the solved submission scored 0"
        return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("assignments", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    assignments = args.assignments or sorted(
        p.name for p in (REPO / "source").iterdir() if p.is_dir()
    )
    rows = {}
    from interview_lab.sandbox import sandbox_status

    print(sandbox_status())
    print(
        f"{'assignment':<24}{'execute (s)':>12}{'autograde (s)':>15}"
        f"{'before (s)':>12}{'cost %':>8}"
    )
    for a in assignments:
        read_nb(notebook_path(REPO, "source", a))  # fail early on a missing notebook
        ex = statistics.median(time_execute(a) for _ in range(args.repeat))
        ag = statistics.median(time_autograde(a) for _ in range(args.repeat))
        plain = statistics.median(
            time_autograde(a, guarded=False) for _ in range(args.repeat)
        )
        rows[a] = {
            "execute_s": round(ex, 2),
            "autograde_s": round(ag, 2),
            "autograde_before_s": round(plain, 2),
        }
        extra = 100 * (ag / plain - 1)
        print(f"{a:<24}{ex:>12.1f}{ag:>15.1f}{plain:>12.1f}{extra:>+8.0f}", flush=True)
    out = REPO / "bench" / "results" / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "date": time.strftime("%Y-%m-%d %H:%M"),
                "machine": platform.platform(),
                "python": platform.python_version(),
                "repeat": args.repeat,
                "sandbox": sandbox_status(),
                "results": rows,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"written {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
