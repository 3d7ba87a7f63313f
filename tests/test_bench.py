"""The benchmark's table: what it says of each figure against its target (the
figures themselves come from `make bench`, a measurement, not a test)."""

import sys

from harness import REPO

sys.path.insert(0, str(REPO / "tools"))
import bench  # noqa: E402

ROW = {
    "execute_s": 9.0,
    "execute_runs": [9.0, 9.4],
    "autograde_s": 15.0,
    "autograde_runs": [15.0],
    "autograde_before_s": 12.0,
    "slowest_cells": [[2.5, "topic.fraud_data()"]],
    "controls_ms": {
        "k_explorer.k": {"median": 40.0, "worst": 90.0, "changes": 9, "whole": 0},
        "k_explorer.seed": {"median": 70.0, "worst": 130.0, "changes": 9, "whole": 0},
        "k_explorer.size": {"median": 90.0, "worst": 95.0, "changes": 4, "whole": 4},
        "k_explorer.init": {"median": 60.0, "worst": 95.0, "changes": 4, "whole": 1},
        "k_explorer.(blit)": {"median": 30.0, "worst": 31.0, "changes": 5, "whole": 0},
        "k_explorer.(whole)": {"median": 80.0, "worst": 82.0, "changes": 5, "whole": 5},
    },
}
INFO = {"cores": 2, "memory_gib": 23.5, "python": "3.11.7"}


def test_the_table_names_each_missed_target():
    text = bench._markdown(INFO, 2.0, {"06_kmeans": ROW}, None)
    assert (
        "| 06_kmeans | 9.0 (9.0, 9.4) | 4.5 | 15.0 (15.0) | 1.67 | 12.0 | +25% "
        "| execute ≤ 3× floor (slowest cell `topic.fraud_data()` 2.5 s), "
        "autograde ≤ 1.5× execute, judge+sandbox ≤ +20% |"
    ) in text
    fast = {**ROW, "execute_s": 5.0, "autograde_s": 7.0, "autograde_before_s": 6.5}
    assert "| +8% | none |" in bench._markdown(INFO, 2.0, {"a": fast}, None)
    assert "| `topic.fraud_data()` 2.50 |" in text


def test_the_table_is_dated_by_its_run():
    # a run of the benchmark takes minutes: the table says when it started
    text = bench._markdown(INFO, 2.0, {}, None, date="2026-01-02 03:04")
    assert text.startswith("# Benchmark, 2026-01-02 03:04\n")


def test_without_the_before_runs_the_table_leaves_their_columns_out():
    row = {**ROW, "execute_s": 5.0, "autograde_s": 7.0, "autograde_before_s": None}
    text = bench._markdown(INFO, 2.0, {"a": row}, None)
    assert "| a | 5.0 (9.0, 9.4) | 2.5 | 7.0 (15.0) | 1.40 | none |" in text
    assert "judge+sandbox" not in text
    short = {**row, "execute_s": 2.5, "autograde_s": 4.0}
    assert (
        "| autograde ≤ 1.5× execute (executes near the floor: nbgrader's start-up "
        "and gradebook are a fixed cost) |"
    ) in bench._markdown(INFO, 2.0, {"a": short}, None)


def test_each_slow_control_says_where_its_time_goes():
    text = bench._markdown(INFO, 2.0, {"06_kmeans": ROW}, None)
    assert "| k_explorer.k | 40 | 90 | 9 | 0 | met |  |" in text
    assert (
        "| k_explorer.seed | 70 | 130 | 9 | 0 | missed | blitted (30 ms to draw); "
        "about 40 ms is the update function's own computing |"
    ) in text
    assert (
        "| k_explorer.size | 90 | 95 | 4 | 4 | missed | every change draws the whole "
        "figure (80 ms): it changes what the panels show, axes included |"
    ) in text
    assert (
        "| k_explorer.init | 60 | 95 | 4 | 1 | missed | 1 of 4 changes draw the "
        "whole figure |"
    ) in text
    assert "| k_explorer.(blit) | 30 | 31 | 5 | 0 |  |  |" in text


#: A class's figures, as a `make bench CLASS=50` on the reference machine measured
#: them before the class met its target (1.77×).
CLASS = {
    "submissions": 50,
    "workers": 2,
    "serial_s": 285.8,
    "parallel_s": 161.2,
    "serial_per_min": 10.5,
    "parallel_per_min": 18.6,
    "speedup": 1.77,
    "serial_cores": 1.03,
    "parallel_cores": 1.91,
}


def test_the_class_speed_up_is_set_against_the_cores_a_serial_run_uses():
    grading = {**CLASS, "speedup": 1.33, "serial_cores": 1.25, "parallel_cores": 1.6}
    text = bench._markdown(INFO, 2.0, {}, grading)
    assert (
        "serial 1.25, parallel 1.6. A serial run that keeps 1.25 cores busy can be "
        "sped up 1.60× at most by 2 cores (a serial run uses more than one core"
    ) in text
    assert "The parallel run kept 1.6 of 2 workers' cores busy" in text
    full = {**grading, "serial_cores": 1.0, "parallel_cores": 1.95}
    text = bench._markdown(INFO, 2.0, {}, full)
    assert "sped up 2.00× at most by 2 cores." in text
    assert "workers' cores busy" not in text


def test_the_class_speed_up_is_set_against_its_target_and_a_miss_says_where():
    grading = CLASS
    text = bench._markdown(INFO, 2.0, {}, grading)
    assert (
        "Target (at least 1.8× on 2 workers): missed: the parallel run spent 5% more "
        "CPU time than the serial one (308 s against 294 s: two kernels and two "
        "graders share the cores, and a class on workers is graded in more, smaller "
        "runs); it left 5% of its workers' cores idle (Dask's start, and the end of "
        "the class: one worker still grading the last, slowest submissions while "
        "the other has none left)."
    ) in text
    met = bench._markdown(INFO, 2.0, {}, {**grading, "speedup": 1.85})
    assert "Target (at least 1.8× on 2 workers): met." in met
    four = bench._markdown(INFO, 2.0, {}, {**grading, "workers": 4})
    assert "Target (" not in four
