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
* ``before`` (with ``--before``): the same with a plain kernel and the test cells in
  it, as before the sandbox and the judge, so their cost shows (``cost %`` is
  autograde over before);
* every explorer of the notebook (first run): each control swept over its range, the
  time of each change, and whether it drew the whole figure or blitted the animated
  artists over a kept background (``interview_lab/widgets.py``); with the time of
  one blitted draw and of one whole draw of each explorer, to say where a slow
  control's time goes.

and, once:

* ``floor``: a kernel started and the course's stack imported in it, measured as the
  notebooks are (what no notebook can beat);
* ``class``: ``grade-all`` of N synthetic submissions of 01_metrics (honest, wrong,
  crashing and broken ones mixed), serially and on a local Dask cluster of
  ``--jobs`` workers: submissions per minute and the speed-up. N is 20 by default,
  which keeps the whole benchmark under 10 minutes on 2 cores; ``--class-size 50``
  takes about 5 minutes more, and ``--class-size 0`` skips it.

Each figure is the median of ``--repeat`` runs (3 by default), with the runs beside
it. It prints the tables and writes ``bench/results/latest.json`` and ``latest.md``,
with the machine (cores, memory) beside the figures. It is a measurement, not a test:
nothing fails when a number is high, but the issue notes quote these numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from harness import (  # noqa: E402
    Course,
    answers_from_file,
    notebook_path,
    read_nb,
    solved_release,
    variable_answers,
    with_answers,
)

STACK = (
    "import numpy, pandas, scipy, matplotlib.pyplot, sklearn, imblearn, ipywidgets\n"
    "import interview_lab, interview_lab.checking, interview_lab.widgets"
)


def time_floor() -> float:
    """A kernel started and the course's stack imported, as :func:`time_execute`."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(STACK)]
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    return time.perf_counter() - start


def _class_course(tmp: Path, n: int) -> Course:
    """A course of 01_metrics with ``n`` submissions: honest, wrong, crashing and
    broken ones in turn."""
    a = "01_metrics"
    course = Course.create(tmp, [a])
    course.generate(a)
    source = read_nb(notebook_path(REPO, "source", a))
    solved = solved_release(a)
    kinds = ["correct_loops", "wrong_common", "hostile_crash", "wrong_edge", None]
    folder = REPO / "tests" / "submissions" / a
    for i in range(n):
        kind = kinds[i % len(kinds)]
        student = f"s{i:03d}_{kind or 'honest'}"
        if kind is None:
            course.submit(a, student, solved)
            continue
        answers = answers_from_file(folder / f"{kind}.py", variable_answers(source))
        course.submit(a, student, with_answers(solved, answers))
    course.submit(a, f"s{n:03d}_not_json", "{ not a notebook")
    return course


def time_class(n: int, workers: int) -> dict:
    """``grade_all`` of a class of ``n`` (+1 broken) submissions, serially and on
    ``workers`` Dask workers."""
    from interview_lab.grading import grade_all

    with tempfile.TemporaryDirectory() as tmp:
        serial = _class_course(Path(tmp) / "serial", n)
        parallel = Path(tmp) / "parallel"
        shutil.copytree(serial.root, parallel)
        times, scores, cores = {}, {}, {}
        for label, root, w in (
            ("serial", serial.root, 1),
            ("parallel", parallel, workers),
        ):
            cpu = _busy_cpu()
            start = time.perf_counter()
            grade_all(root, ["01_metrics"], progress=False, export=None, workers=w)
            times[label] = time.perf_counter() - start
            cores[label] = (_busy_cpu() - cpu) / times[label]
            scores[label] = Course(root).scores("01_metrics")
    assert scores["serial"] == scores["parallel"], "parallel scores differ"
    return {
        "submissions": n,
        "workers": workers,
        "serial_s": round(times["serial"], 1),
        "parallel_s": round(times["parallel"], 1),
        "serial_per_min": round(60 * n / times["serial"], 1),
        "parallel_per_min": round(60 * n / times["parallel"], 1),
        "speedup": round(times["serial"] / times["parallel"], 2),
        "serial_cores": round(cores["serial"], 2),
        "parallel_cores": round(cores["parallel"], 2),
    }


def _busy_cpu() -> float:
    """CPU seconds the whole machine has spent busy (``/proc/stat``: every state but
    idle and iowait), so that processes a grading run starts in sandboxes, or on Dask
    workers, all count."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(v) for v in fields]
    busy = sum(ticks) - ticks[3] - ticks[4]
    return busy / os.sysconf("SC_CLK_TCK")


def machine() -> dict:
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "memory_gib": round(pages / 2**30, 1),
    }


#: An explorer cell of a notebook: its explorer function called (swept by the bench).
EXPLORER = re.compile(r"^topic\.\w+_explorer\(.*\)$")
#: Run after a notebook, in its kernel: each explorer built and its controls swept.
SWEEP = """
import json as _json, time as _time
from interview_lab.widgets import control_timings as _timings

def _draws(box, whole, n=5):
    seconds, drawn = [], []
    for _ in range(n):
        if whole:
            box.explorer.background_changed()
        draws = box.image.full_draws
        start = _time.perf_counter()
        box.image.redraw()
        seconds.append(_time.perf_counter() - start)
        drawn.append(box.image.full_draws > draws)
    return {"seconds": seconds, "whole": drawn}

_boxes = {_src: eval(_src) for _src in %r}
print(_json.dumps({
    _src: {**_timings(_box), "(blit)": _draws(_box, False), "(whole)": _draws(_box, True)}
    for _src, _box in _boxes.items()
}))
"""


def _label(cell) -> str:
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return first[:60]


def time_execute(assignment: str, sweep: bool = True) -> dict:
    """The source notebook run top to bottom: seconds in all, per cell, and then (with
    ``sweep``) each explorer's controls swept in the same kernel (seconds per change,
    and whether it drew the whole figure)."""
    import nbformat
    from nbclient import NotebookClient

    path = notebook_path(REPO, "source", assignment)
    nb = nbformat.read(path, as_version=4)
    explorers = [
        c.source.strip()
        for c in nb.cells
        if sweep and c.cell_type == "code" and EXPLORER.match(c.source.strip())
    ]
    n = len(nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell(SWEEP % (explorers,)))
    began, cells, done = {}, [], {}

    def on_execute(cell, cell_index):
        began[cell_index] = time.perf_counter()

    def on_executed(cell, cell_index, execute_reply):
        if cell_index < n:
            seconds = time.perf_counter() - began[cell_index]
            cells.append((round(seconds, 3), _label(cell)))
            done["at"] = time.perf_counter()

    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_execute=on_execute,
        on_cell_executed=on_executed,
    )
    start = time.perf_counter()
    client.execute()
    swept = json.loads("".join(o.get("text", "") for o in nb.cells[-1].outputs))
    return {
        "seconds": done["at"] - start,
        "slowest": sorted(cells, reverse=True)[:3],
        "controls": {
            f"{src.split('(')[0].removeprefix('topic.')}.{name}": changes
            for src, by_name in swept.items()
            for name, changes in by_name.items()
        },
    }


BEFORE = (
    '\nc.Execute.kernel_manager_class = "jupyter_client.manager.AsyncKernelManager"\n'
    "c.ResilientExecute.judge = False\n"
)


def time_autograde(
    assignment: str, repeat: int = 1, before: bool = False
) -> tuple[list[float], list[float]]:
    """Seconds to autograde one solved submission, ``repeat`` times with the course's
    grading (sandbox, limits, judge) and, with ``before``, ``repeat`` times as before
    them (``BEFORE``), in one temporary course generated once."""
    with tempfile.TemporaryDirectory() as tmp:
        course = Course.create(Path(tmp), [assignment])
        config = course.root / "nbgrader_config.py"
        guarded_config = config.read_text()
        course.generate(assignment)
        course.submit(assignment, "bench", solved_release(assignment))
        times: dict[bool, list[float]] = {True: [], False: []}
        for guarded in ([True, False] if before else [True]) * repeat:
            config.write_text(guarded_config + ("" if guarded else BEFORE))
            start = time.perf_counter()
            course.autograde(assignment, warm=False)  # started afresh: `make grade`
            times[guarded].append(time.perf_counter() - start)
            scores = course.scores(assignment)["bench"]
            assert sum(scores.values()) > 0, "the solved submission scored 0"
        return times[True], times[False]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("assignments", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--before", action="store_true", help="also autograde as before the judge"
    )
    parser.add_argument("--class-size", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    started = time.strftime("%Y-%m-%d %H:%M")  # the run's time, not the table's
    from interview_lab.nbgrader_cli import skip_slow_imports

    skip_slow_imports()  # as `make grade-all`'s process does
    assignments = args.assignments or sorted(
        p.name for p in (REPO / "source").iterdir() if p.is_dir()
    )
    rows = {}
    from interview_lab.sandbox import sandbox_status

    print(sandbox_status())
    info = machine()
    print(
        f"machine: {info['cores']} cores, {info['memory_gib']} GiB, {info['platform']}"
    )
    floors = [time_floor() for _ in range(max(args.repeat, 3))]
    floor = statistics.median(floors)
    print(f"floor (kernel + stack): {floor:.1f} s (runs: {_spread(floors)})")
    print(
        f"{'assignment':<24}{'execute (s)':>12}{'autograde (s)':>15}"
        + (f"{'before (s)':>12}{'cost %':>8}" if args.before else "")
    )
    for a in assignments:
        read_nb(notebook_path(REPO, "source", a))  # fail early on a missing notebook
        runs = [time_execute(a, sweep=i == 0) for i in range(args.repeat)]
        ex = [r["seconds"] for r in runs]
        ag, plain = time_autograde(a, args.repeat, args.before)
        rows[a] = {
            "execute_s": round(statistics.median(ex), 2),
            "execute_runs": [round(v, 2) for v in ex],
            "autograde_s": round(statistics.median(ag), 2),
            "autograde_runs": [round(v, 2) for v in ag],
            "autograde_before_s": round(statistics.median(plain), 2) if plain else None,
            "slowest_cells": runs[0]["slowest"],
            "controls_ms": {
                name: {
                    "median": round(1000 * statistics.median(c["seconds"]), 1),
                    "worst": round(1000 * max(c["seconds"]), 1),
                    "changes": len(c["seconds"]),
                    "whole": sum(c["whole"]),
                }
                for name, c in runs[0]["controls"].items()
                if c["seconds"]
            },
        }
        r = rows[a]
        before = r["autograde_before_s"]
        print(
            f"{a:<24}{r['execute_s']:>12.1f}{r['autograde_s']:>15.1f}"
            + (
                f"{before:>12.1f}{100 * (r['autograde_s'] / before - 1):>+8.0f}"
                if before
                else ""
            ),
            flush=True,
        )
    grading = None
    if args.class_size > 0:
        grading = time_class(args.class_size, args.jobs)
        print(
            f"class of {grading['submissions']} (+1 broken): serial "
            f"{grading['serial_s']} s ({grading['serial_per_min']}/min), "
            f"{grading['workers']} workers {grading['parallel_s']} s "
            f"({grading['parallel_per_min']}/min), speed-up {grading['speedup']}x"
        )
    out = REPO / "bench" / "results" / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "date": started,
                "machine": info,
                "repeat": args.repeat,
                "sandbox": sandbox_status(),
                "floor_s": round(floor, 2),
                "results": rows,
                "class": grading,
            },
            indent=1,
        )
        + "\n"
    )
    md = out.with_suffix(".md")
    md.write_text(_markdown(info, floor, rows, grading, date=started))
    print(f"written {out.relative_to(REPO)} and {md.relative_to(REPO)}")
    return 0


def _spread(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in sorted(values))


def _why(name: str, c: dict, controls: dict) -> str:
    """Where a slow control's time goes, from its explorer's blitted and whole draws."""
    explorer = name.split(".")[0]
    blit = controls.get(f"{explorer}.(blit)", {}).get("median")
    whole = controls.get(f"{explorer}.(whole)", {}).get("median")
    if c["whole"] == c["changes"]:
        return (
            "every change draws the whole figure"
            + (f" ({whole:.0f} ms)" if whole is not None else "")
            + ": it changes what the panels show, axes included"
        )
    if c["whole"]:
        return f"{c['whole']} of {c['changes']} changes draw the whole figure"
    if blit is None:
        return "blitted"
    return (
        f"blitted ({blit:.0f} ms to draw); about {max(c['median'] - blit, 0):.0f} ms "
        "is the update function's own computing"
    )


def _missed(target: str, r: dict, floor: float) -> str:
    """A missed target and why: the notebook's slowest cell, or the fixed costs of a
    grading run on a notebook that executes close to the floor."""
    if target.startswith("execute"):
        sec, label = r["slowest_cells"][0]
        return f"{target} (slowest cell `{label}` {sec:.1f} s)"
    if target.startswith("autograde") and r["execute_s"] < 1.5 * floor:
        return (
            f"{target} (executes near the floor: nbgrader's start-up and gradebook "
            "are a fixed cost)"
        )
    return target


def _markdown(
    info: dict,
    floor: float,
    rows: dict,
    grading: dict | None,
    date: str | None = None,
) -> str:
    """The results table; ``date``, when the run started (default: now)."""
    before = all(r.get("autograde_before_s") for r in rows.values())
    lines = [
        f"# Benchmark, {date or time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {info['cores']} cores, {info['memory_gib']} GiB, "
        f"Python {info['python']}. Floor (a kernel started and the course's stack "
        f"imported): **{floor:.1f} s**. Each figure is the median of the runs beside "
        "it.",
        "",
        "| assignment | execute (s) (runs) | × floor | autograde (s) (runs) "
        "| × execute |"
        + (" before judge+sandbox (s) | their cost |" if before else "")
        + " targets missed |",
        "|---|---|---|---|---|" + ("---|---|" if before else "") + "---|",
    ]
    for a, r in rows.items():
        ex, ag, plain = r["execute_s"], r["autograde_s"], r.get("autograde_before_s")
        targets = [
            ("execute ≤ 3× floor", ex / floor <= 3),
            ("autograde ≤ 1.5× execute", ag / ex <= 1.5),
        ]
        if before:
            targets.append(("judge+sandbox ≤ +20%", ag / plain <= 1.2))
        missed = [_missed(name, r, floor) for name, ok in targets if not ok]
        lines.append(
            f"| {a} | {ex:.1f} ({_spread(r['execute_runs'])}) | {ex / floor:.1f} "
            f"| {ag:.1f} ({_spread(r['autograde_runs'])}) | {ag / ex:.2f} "
            + (f"| {plain:.1f} | {100 * (ag / plain - 1):+.0f}% " if before else "")
            + f"| {', '.join(missed) or 'none'} |"
        )
    lines += [
        "",
        "Targets: execute within 3× the floor, autograde within 1.5× execute. The "
        "slowest cells of each notebook (seconds, first run):",
        "",
        "| assignment | slowest cells |",
        "|---|---|",
    ]
    for a, r in rows.items():
        slow = "; ".join(f"`{label}` {sec:.2f}" for sec, label in r["slowest_cells"])
        lines.append(f"| {a} | {slow} |")
    lines += [
        "",
        "Interactive controls: the time of one change (its update function and the "
        "figure drawn again), over the control's range. A change either blits (draws "
        "the artists it moves over a kept background) or draws the whole figure; "
        "`(blit)` and `(whole)` are one draw of each kind, five times. Target: "
        "median under 50 ms, worst under 100 ms.",
        "",
        "| explorer.control | median (ms) | worst (ms) | changes | drawn whole "
        "| target | where the time goes (when missed) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows.values():
        controls = r["controls_ms"]
        for name, c in controls.items():
            kind = name.endswith(("(blit)", "(whole)"))
            ok = c["median"] < 50 and c["worst"] < 100
            lines.append(
                f"| {name} | {c['median']:.0f} | {c['worst']:.0f} | {c['changes']} "
                f"| {c.get('whole', '')} "
                f"| {'' if kind else 'met' if ok else 'missed'} "
                f"| {'' if kind or ok else _why(name, c, controls)} |"
            )
    if grading:
        lines += [
            "",
            f"Class grading, {grading['submissions']} submissions of 01_metrics "
            "(honest, wrong, crashing and broken mixed), `grade_all`:",
            "",
            "| run | time (s) | submissions / min |",
            "|---|---|---|",
            f"| serial | {grading['serial_s']} | {grading['serial_per_min']} |",
            f"| Dask, {grading['workers']} workers | {grading['parallel_s']} "
            f"| {grading['parallel_per_min']} |",
            "",
            f"Speed-up: **{grading['speedup']}×**, the same scores.",
        ]
        if "serial_cores" in grading:
            serial, parallel = grading["serial_cores"], grading["parallel_cores"]
            ideal = info["cores"] / max(serial, 1.0)
            text = (
                "Cores busy on average (the machine's busy CPU time over the wall "
                f"time): serial {serial}, parallel {parallel}. "
                f"A serial run that keeps {serial} cores busy can be sped up "
                f"{ideal:.2f}× at most by {info['cores']} cores"
            )
            if serial > 1.05:
                text += (
                    " (a serial run uses more than one core at times: a kernel boots "
                    "while the grader imports the judge's modules)"
                )
            text += "."
            if parallel < 0.9 * min(info["cores"], grading["workers"]):
                text += (
                    f" The parallel run kept {parallel} of {grading['workers']} "
                    "workers' cores busy: the rest is Dask's start and a worker left "
                    "idle while the other finishes the last, slowest submissions "
                    "(those that run into their time limits)."
                )
            lines += ["", text]
            if grading["workers"] == 2:
                lines += ["", _class_target(grading)]
    return "\n".join(lines) + "\n"


#: The issue's target for a class graded on 2 workers (2 cores), as a speed-up.
CLASS_TARGET = 1.8


def _class_target(grading: dict) -> str:
    """Whether the class's speed-up on 2 workers meets :data:`CLASS_TARGET`, and when
    it does not, where the rest went: CPU time the parallel run spent beyond the
    serial one's, and its cores left idle."""
    head = f"Target (at least {CLASS_TARGET}× on 2 workers): "
    if grading["speedup"] >= CLASS_TARGET:
        return head + "met."
    cpu_s = grading["serial_cores"] * grading["serial_s"]
    cpu_p = grading["parallel_cores"] * grading["parallel_s"]
    idle = 1 - grading["parallel_cores"] / grading["workers"]
    why = []
    if cpu_p > cpu_s:
        why.append(
            f"the parallel run spent {cpu_p / cpu_s - 1:.0%} more CPU time than the "
            f"serial one ({cpu_p:.0f} s against {cpu_s:.0f} s: two kernels and two "
            "graders share the cores, and a class on workers is graded in more, "
            "smaller runs)"
        )
    if idle > 0:
        why.append(
            f"it left {idle:.0%} of its workers' cores idle (Dask's start, and the "
            "end of the class: one worker still grading the last, slowest "
            "submissions while the other has none left)"
        )
    return head + "missed: " + ("; ".join(why) or "within the runs' spread") + "."


if __name__ == "__main__":
    raise SystemExit(main())
