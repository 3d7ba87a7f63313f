"""08_fraud_detection: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`; a test cell asks for a checker::

    check = topic.checker("time_based_split", time_based_split)
    check(df, "time", 0.3)                  # compared with the reference split

``time_based_split`` returns DataFrames whose answer is not unique: rows may come in
any order, with any index, and rows tied with the boundary time may go to either
side. Its comparison (:func:`split_problem`) therefore checks what the contract fixes
(the columns, exactly ``ceil(test_fraction · n)`` test rows, every row of ``df`` once,
no train time after a test time) and nothing else. The two cost exercises are
compared by value with exact references; the threshold cases are screened so that no
correct way of computing a cost in floating point can tip a tie the other way.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pandas as pd

from ... import cases as _cases
from ...checking import Checker, Exercise, Exercises, Mistake
from .core import (
    Split,
    cost_curve,
    cost_threshold_reference,
    expected_cost_reference,
    n_test_rows,
    robust_threshold_case,
    time_split_reference,
)

__all__ = [
    "EXERCISES",
    "check_split_keeps_input",
    "checker",
    "clear_fraction",
    "cost_cases",
    "extreme_threshold_cases",
    "split_cases",
    "split_frame",
    "split_problem",
    "threshold_cases",
]


# ----------------------------------------------------------------- time split cases
def clear_fraction(n, test_fraction):
    """Whether ``ceil(test_fraction · n)`` is the same however it is computed.

    ``0.07 * 100`` is ``7.000000000000001`` in floating point, so ``math.ceil`` gives
    8 where decimal arithmetic gives 7; ``(1 - 0.8) * 5`` is ``0.9999999999999998``,
    so ``n - int((1 - f) * n)`` gives 5 test rows out of 5 where ``ceil(0.8 * 5)`` is
    4. The checks only send fractions where every such way agrees, and never one
    whose product f·n lies within 1e-9 (relative) of a whole number without being
    exactly it (so that a guard against float noise, such as
    ``ceil(f * n * (1 - 1e-12))``, cannot change k); an exact product (0.25 · 8 = 2)
    is sent.

    >>> clear_fraction(100, 0.07), clear_fraction(5, 0.8), clear_fraction(8, 0.25)
    (False, False, True)
    """
    product = test_fraction * n
    whole = round(product)
    if product != whole and abs(product - whole) <= 1e-9 * abs(product):
        return False
    k = n_test_rows(n, test_fraction)
    ways = {
        k,
        math.ceil(n * test_fraction),
        math.ceil(Fraction(str(test_fraction)) * n),
        n - math.floor((1 - test_fraction) * n),
        n - int(n * (1 - test_fraction)),
        int(np.ceil(np.float64(test_fraction) * n)),
    }
    return len(ways) == 1


def split_frame(times, time_col="time", index=None, seed=0, front=True):
    """A small transactions table around a given time column, for split checks.

    Columns: ``txn_id`` (0..n-1, so every row is unique), the time column (first
    unless ``front=False``), ``amount`` and ``card`` (strings).

    Parameters
    ----------
    times : array-like
        The time of each row (ints, floats or datetimes), in the order of the rows.
    time_col : str
    index : array-like, optional
        The row labels (a RangeIndex by default).
    seed : int
    front : bool
        Put the time column before the others.

    Examples
    --------
    >>> split_frame([3, 1, 2]).columns.tolist()
    ['time', 'txn_id', 'amount', 'card']
    """
    times = pd.Series(times).to_numpy()
    rng = np.random.default_rng(seed)
    n = len(times)
    data = {
        "txn_id": np.arange(n),
        "amount": np.round(rng.lognormal(3.5, 1.0, size=n), 2),
        "card": [f"C{c:03d}" for c in rng.integers(0, 40, size=n)],
    }
    data = {time_col: times, **data} if front else {**data, time_col: times}
    return pd.DataFrame(data, index=index)


def _shuffled(values, rng):
    values = np.asarray(values)
    return values[rng.permutation(len(values))]


def split_cases(seed=0, n_random=30):
    """Cases ``(df, time_col, test_fraction, why)`` for ``time_based_split``.

    Hand-picked: unsorted input, exact products (ceil of a whole number), ties at
    the boundary and all times equal, datetimes, ints and floats (epoch seconds 1e-6
    apart), datetime64[ns] times 1 to 100 ns apart around the cut (equal once read as
    float64), one row, one row with a fraction of 1e-10 (ceil gives 1), a test set
    that takes every row, another index than 0..n-1, duplicate index labels (as
    ``pd.concat`` gives), the time column last and named otherwise, and 20,000 rows
    with many ties. Then seeded random cases. Every fraction is
    :func:`clear_fraction`.
    """
    rng = np.random.default_rng(seed)
    day = pd.Timestamp("2024-05-01")
    minutes = pd.to_timedelta(rng.permutation(12) * 37, unit="min")
    yield (
        split_frame([5, 1, 4, 2, 3, 9, 7, 8, 6, 0]),
        "time",
        0.3,
        "unsorted integer times",
    )
    yield split_frame(np.arange(8) * 10), "time", 0.25, "0.25 · 8 = 2 exactly: 2 rows"
    yield split_frame(day + minutes), "time", 0.2, "shuffled datetimes, ceil(2.4) = 3"
    yield (
        split_frame(_shuffled([1, 1, 2, 2, 2, 2, 3, 3], rng)),
        "time",
        0.375,
        "ties at the boundary: one of the four rows at time 2 goes to test",
    )
    yield (
        split_frame([7, 7, 7, 7, 7, 7]),
        "time",
        0.5,
        "all times equal: any 3 rows",
    )
    yield split_frame([42.5]), "time", 0.3, "one row: it is the test set"
    yield split_frame([3, 1, 2]), "time", 0.9, "ceil(2.7) = 3: every row is test"
    yield split_frame(_shuffled(np.arange(7), rng)), "time", 0.5, "ceil(3.5) = 4"
    yield (
        split_frame([2, 1], index=["b", "a"]),
        "time",
        0.5,
        "two rows with string labels as index",
    )
    epoch = 1.7e9 + 1e-6 * rng.permutation(9)
    yield split_frame(epoch), "time", 0.3, "epoch seconds 1e-6 apart"
    idx = rng.permutation(10) * 10 + 100
    yield (
        split_frame(_shuffled(np.arange(10), rng), index=idx),
        "time",
        0.4,
        "an index of other integers than 0..n-1 (labels are not positions)",
    )
    yield (
        split_frame(day + minutes, time_col="event_time", front=False),
        "event_time",
        0.25,
        "the time column is called event_time and comes last",
    )
    big = rng.integers(0, 500, size=20_000)
    yield split_frame(big, seed=1), "time", 0.15, "20,000 rows, times with many ties"
    yield from _more_split_cases()
    fractions = [0.1, 0.15, 0.2, 0.25, 0.3, 1 / 3, 0.35, 0.4, 0.5, 0.6, 0.75, 0.9]
    produced, i = 0, 0
    while produced < n_random:
        i += 1
        n = int(rng.integers(2, 300))
        f = fractions[i % len(fractions)]
        if not clear_fraction(n, f):
            continue
        kind = i % 3
        if kind == 0:
            times = rng.integers(0, max(2, n // 3), size=n)  # ints with ties
        elif kind == 1:
            times = np.round(rng.uniform(-50, 50, size=n), 1)  # floats, some ties
        else:
            times = day + pd.to_timedelta(rng.integers(0, 5000, size=n), unit="s")
        index = rng.permutation(n) + 1000 if i % 4 == 0 else None
        produced += 1
        yield (
            split_frame(times, index=index, seed=i),
            "time",
            f,
            f"random case {produced}: n = {n}, test_fraction = {f:.4g}",
        )


def _more_split_cases():
    """Nanosecond datetimes, a tiny fraction and duplicate index labels.

    Seeded on their own, so that the random cases of :func:`split_cases` stay as
    they were.
    """
    rng = np.random.default_rng(808)
    midnight = np.datetime64("2024-05-01T00:00:00", "ns")
    ns = np.array([0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 100], dtype="timedelta64[ns]")
    yield (
        split_frame(_shuffled(midnight + ns, rng)),
        "time",
        0.5,
        "datetime64[ns] times 1 to 100 ns apart (float64 cannot tell them apart)",
    )
    yield (
        split_frame(_shuffled(midnight + np.arange(10).astype("timedelta64[ns]"), rng)),
        "time",
        0.3,
        "datetime64[ns] times 1 ns apart",
    )
    yield split_frame([3.0]), "time", 1e-10, "one row, ceil(1e-10 · 1) = 1: it is test"
    yield (
        split_frame(_shuffled(np.arange(6), rng), index=[0, 1, 2, 0, 1, 2]),
        "time",
        0.5,
        "duplicate index labels 0, 1, 2, 0, 1, 2 (as pd.concat gives)",
    )
    yield (
        split_frame([1, 2], index=[0, 0]),
        "time",
        0.5,
        "two rows with the same index label",
    )
    yield (
        split_frame(_shuffled(np.arange(8), rng), index=list("aabbaabb")),
        "time",
        0.25,
        "duplicate string index labels",
    )
    yield from _identical_row_cases()


def _identical_row_cases():
    """Rows equal in every column (no id column): each is a row of its own."""
    yield (
        pd.DataFrame({"time": [1, 1, 2], "amount": [9.99, 9.99, 5.0]}),
        "time",
        0.3,
        "two identical rows (same time, same amount): both are train rows",
    )
    yield (
        pd.DataFrame(
            {"amount": [5.0, 7.0, 9.0, 7.0, 7.0, 1.0], "time": [2, 3, 4, 3, 3, 1]},
            index=[4, 2, 0, 2, 5, 1],
        ),
        "time",
        0.25,
        "three identical rows tied at the boundary: one in test, two in train",
    )


# --------------------------------------------------------------------- cost cases
def cost_cases(seed=0, n_random=40):
    """Cases ``(y_true, y_pred, cost_fp, cost_fn)`` for ``expected_cost``.

    Edge cases (all correct, zero costs, integer and float costs, a fraction of a
    unit, one sample, nothing flagged, everything flagged), integer costs up to 2**52
    whose total passes 2**63 (no int64 can hold it), labels as pandas Series with a
    shuffled index (read by position, never aligned by label), 70,000 samples with
    costs of 1e9 (compare with a relative tolerance), labels as ``uint8`` and
    ``int8`` with counts past 255, costs of three decimals (0.001: not money rounded
    to cents), NumPy-typed costs (``int8``, ``uint8``, ``int16``, ``float32``: read as
    float64), and seeded random label pairs (lists and arrays) with costs from
    several scales.
    """
    yield [0, 1, 1, 0, 1], [0, 1, 0, 1, 1], 5.0, 150.0
    yield [0, 1, 1, 0], [0, 1, 1, 0], 5.0, 150.0  # all correct
    yield np.array([0, 1, 1, 0]), np.array([1, 0, 0, 1]), 0.0, 0.0  # zero costs
    yield [0, 1, 1, 0], [1, 0, 0, 1], 0, 7  # int costs, false alarms free
    yield np.array([1, 1, 0]), np.array([0, 0, 0]), 2.5, 0.5  # nothing flagged
    yield [0, 0, 1], [1, 1, 1], 0.1, 3.7  # everything flagged, non-dyadic costs
    yield [1], [0], 3, 4
    yield np.array([0]), np.array([1]), 3, 4
    yield [0, 0, 0, 0], [1, 0, 1, 1], 1.0, 1e6  # no positives
    yield from _big_cost_and_series_cases()
    for y_true, y_pred in _cases.extreme_binary_pairs():
        yield y_true, y_pred, 1e9, 3e9
    y_true = np.repeat([0, 1, 0, 1], [400, 300, 300, 100])
    y_pred = np.repeat([1, 0, 0, 1], [400, 300, 300, 100])
    for dtype in (np.uint8, np.int8):  # 400 false alarms: past what the dtype holds
        yield y_true.astype(dtype), y_pred.astype(dtype), 2.5, 40
    yield from _numpy_cost_cases()
    costs = [(1.0, 1.0), (5.0, 150.0), (1, 30), (0.25, 9.5), (0.1, 0.7), (1e6, 1e8)]
    for i, (y_true, y_pred) in enumerate(
        _cases.binary_pairs(seed=seed, n_random=n_random)
    ):
        yield (y_true, y_pred, *costs[i % len(costs)])


def _big_cost_and_series_cases():
    """Integer costs up to 2**52 and labels as Series with a shuffled index."""
    yield [1] * 2048, [0] * 2048, 1, 2**52  # 2**63: wraps in int64
    yield [0] * 3000 + [1] * 3000, [1] * 3000 + [0] * 3000, 2**52, 2**52 - 1
    yield np.ones(4096, dtype=np.int8), np.zeros(4096, dtype=np.int8), 3, 2**52
    # a Series out of a time split: its index is shuffled; read it by position
    yield pd.Series([0, 1], index=[1, 0]), [0, 1], 5, 150
    y = pd.Series([0, 1, 1, 0, 1, 0], index=[5, 3, 0, 4, 1, 2])
    yield y, np.array([0, 1, 0, 0, 1, 1]), 5.0, 150.0
    p = pd.Series([1, 1, 0, 0, 1, 1], index=[2, 0, 4, 5, 3, 1])
    yield y, p, 5.0, 150.0


def _numpy_cost_cases():
    """Costs of three decimals and NumPy-typed costs (read as float64)."""
    yield [0, 0, 1], [1, 0, 0], 0.001, 0.004  # 0.005: not to be rounded to cents
    yield [0, 1, 1, 0], [1, 0, 0, 1], 1e-3, 0.05
    yield [1, 1], [0, 0], np.int8(5), np.int8(100)  # 200: 2 * int8(100) wraps to -56
    yield np.array([0, 1, 0]), np.array([1, 0, 0]), np.uint8(200), np.int16(30000)
    yield [0] * 1000, [1] * 1000, np.float32(0.1), 1.0  # 100.0000015, not 100.0
    yield [1] * 3 + [0] * 7, [0] * 3 + [1] * 7, np.float32(0.3), np.float64(2.5)


# --------------------------------------------------------------- threshold cases
_COSTS = [
    (1, 1),
    (1, 5),
    (5, 1),
    (1, 30),
    (2.5, 100),
    (0.1, 3.7),
    (10, 10),
    (1e-3, 0.05),
    (1e6, 3e7),
    (0.3, 0.7),
    (1, 1000),
    (5.0, 150.0),
]


def threshold_cases(seed=0, n_random=40):
    """Cases ``(y_true, scores, cost_fp, cost_fn)`` for ``cost_optimal_threshold``.

    Edge cases first: a tie between two thresholds (the larger wins), tied scores
    across the classes, no positives, no negatives, one sample, integer and negative
    scores, equal costs, misses far dearer or far cheaper than false alarms, costs
    1e-5 apart (not a tie), labels and scores as pandas Series with a shuffled index
    (read by position). Then
    seeded random cases with tied scores and costs from 1e-3 to 1e7, each kept only
    when every usual way of computing the cost in floats picks the exact answer
    (:func:`~interview_lab.topics.fraud_detection.core.robust_threshold_case`).
    """
    yield [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 1  # t = 0.8 and 0.35 tie
    yield np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]), 1.0, 5.0
    yield [1, 1, 0, 0, 0, 0], [0.9, 0.4, 0.4, 0.4, 0.4, 0.1], 1, 2  # a mixed tie
    yield np.array([0, 0, 0, 1, 1, 0]), np.array([0.4, 0.4, 0.4, 0.4, 0.9, 0.1]), 1, 4
    yield [0, 0, 0, 0], [0.3, 0.7, 0.1, 0.7], 1.0, 5.0  # no positives
    yield np.array([1, 1, 1]), np.array([0.2, 0.9, 0.5]), 5.0, 1.0  # no negatives
    yield [1], [0.3], 1.0, 1.0
    yield np.array([0]), np.array([0.3]), 1.0, 1.0
    yield [0, 1, 0, 1, 1], [-2, 3, 3, -1, 0], 1, 3  # integer, negative scores
    yield [1, 0, 1, 0, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], 1, 1
    yield [1, 0, 1, 0, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], 1, 100
    yield [1, 0, 1, 0, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], 100, 1
    yield [1, 0, 1], [0.9, 0.5, 0.4], 1.0, 1.00001  # costs 1.00001 and 1: no tie
    yield [1, 0, 1], [0.9, 0.5, 0.4], 1.00001, 1.0
    yield pd.Series([1, 0], index=[1, 0]), [0.9, 0.1], 1, 1  # read by position
    y = pd.Series([0, 1, 0, 1, 1, 0, 0], index=[6, 2, 0, 5, 1, 3, 4])
    s = pd.Series([0.2, 0.8, 0.6, 0.4, 0.9, 0.1, 0.3], index=[3, 0, 5, 1, 6, 2, 4])
    yield y, s.to_numpy(), 1, 3
    yield y, s, 1, 3
    rng = np.random.default_rng(seed)
    produced, i = 0, 0
    while produced < n_random:
        i += 1
        n = int(rng.integers(2, 60))
        if i % 13 == 0:
            y = np.zeros(n, dtype=int)
        else:
            y = (rng.random(n) < rng.uniform(0.05, 0.6)).astype(int)
            y[rng.integers(n)] = 1
        s = y * rng.uniform(0, 2) + rng.normal(size=n)
        if i % 2:
            s = np.round(s, 1)  # ties
        cost_fp, cost_fn = _COSTS[i % len(_COSTS)]
        if not robust_threshold_case(y, s, cost_fp, cost_fn):
            continue
        produced += 1
        yield (
            (y.tolist(), s.tolist(), cost_fp, cost_fn)
            if i % 2
            else (
                y,
                s,
                cost_fp,
                cost_fn,
            )
        )


def extreme_threshold_cases(seed=0):
    """Threshold cases that only an exact answer gets right, with a reason each.

    Near-ties (scores 1e-12 apart are different thresholds), scores a float32
    cannot tell apart, a large offset with a small spread (1e9 + steps of 1e-3),
    tiny scores (1e-300 scale: compare exactly, ``atol=0``), integer scores, scores
    one ulp apart (alone and beside a range of 1e6 or 1e20, where min-max scaling
    merges them), 3,000 samples with many tied scores (labels also as ``uint8``),
    costs of 1e9, an integer miss cost of 2**52 (2,048 misses cost 2**63: no int64
    holds it), 1,500 distinct scores whose best threshold is off any grid of
    about 1,000 quantiles, costs as ``np.int8`` and ``np.float32`` (read as float64),
    costs 1e-12 apart (not a tie), scores as ``uint8`` and ``int8`` (down to -128:
    ``-scores`` wraps in those dtypes) and 256 frauds with ``uint8`` labels.

    Yields
    ------
    y_true, scores, cost_fp, cost_fn, why
    """
    rng = np.random.default_rng(seed)
    yield (
        [0, 1, 0, 1, 1, 0],
        [0.5, 0.5 + 1e-12, 0.5 + 2e-12, 0.5, 0.25, 0.25],
        1,
        2,
        "scores 1e-12 apart are different thresholds",
    )
    yield (
        np.array([1, 0, 1, 0]),
        np.array([0.5 + 1e-10, 0.5, 0.5 + 3e-10, 0.5 + 2e-10]),
        1,
        1,
        "scores a float32 cannot tell apart",
    )
    n = 40
    y = (rng.random(n) < 0.4).astype(int)
    y[:2] = [0, 1]
    steps = rng.integers(0, 25, size=n) + y * 5
    why = "scores near 1e9, 1e-3 apart"
    yield y.tolist(), (1e9 + 1e-3 * steps).tolist(), 1, 3, why
    yield y, 1e-300 * (steps + 1.0), 1, 3, "tiny scores (1e-300 scale)"
    yield y.tolist(), (steps - 12).tolist(), 2, 5, "integer scores"
    n = 3000
    y = (rng.random(n) < 0.05).astype(int)
    s = np.round(rng.normal(size=n) + 1.5 * y, 1)
    yield y, s, 1, 30, "3,000 samples, many tied scores"
    yield y.astype(np.uint8), s, 1, 30, "3,000 samples, labels as uint8"
    yield y.tolist(), s.tolist(), 1e9, 3e10, "3,000 samples, costs of 1e9"
    yield from _more_extreme_threshold_cases()


def _more_extreme_threshold_cases():
    """One-ulp scores, a cost of 2**52 and many distinct scores (own seed)."""
    rng = np.random.default_rng(838)
    up = float(np.nextafter(1.0, 2.0))
    yield [0, 1], [0.5, float(np.nextafter(0.5, 1.0))], 1, 1, "scores one ulp apart"
    yield [0, 0, 1], [-1e6, 1.0, up], 1, 1, "scores one ulp apart, a range of 1e6"
    yield (
        np.array([0, 0, 1]),
        np.array([-1e20, 1.0, up]),
        1,
        1,
        "scores one ulp apart, a range of 1e20",
    )
    yield (
        [0] + [1] * 2048,
        [0.9] + [0.1] * 2048,
        1,
        2**52,
        "a miss costs 2**52: 2,048 misses cost 2**63",
    )
    n = 1500
    s = rng.permutation(n) * 0.01 - 5.0
    y = (s >= np.sort(s)[1491]).astype(int)  # the top 9 (a grid skips rank 1491)
    flip = rng.choice(np.flatnonzero(s < 9.0), size=3, replace=False)
    y[flip] = 1  # a few frauds far below: they stay misses
    yield (
        y,
        s,
        1,
        1,
        "1,500 distinct scores; the best threshold is off a grid of 1,001 quantiles",
    )
    yield from _dtype_threshold_cases()


def _dtype_threshold_cases():
    """NumPy-typed costs and scores, uint8 labels past 255, costs 1e-12 apart."""
    why = "costs as np.int8 (read as float64: 2 * int8(100) is 200, not -56)"
    yield [1, 1, 1, 0], [0.9, 0.5, 0.5, 0.1], np.int8(1), np.int8(100), why
    yield (
        [1] * 31 + [0],
        [0.9] + [0.5] * 31,
        np.float32(3.0),
        np.float32(0.1),
        "costs as np.float32 (read as float64: 30 misses cost 3.0000000447 > 3.0)",
    )
    yield (
        [1, 0, 1],
        [0.9, 0.5, 0.4],
        1.0,
        1.0 + 1e-12,
        "costs 1e-12 apart are not a tie",
    )
    yield [1, 0, 1], [0.9, 0.5, 0.4], 1.0 + 1e-12, 1.0, "costs 1e-12 apart, swapped"
    yield [1, 1], np.array([0, 1], dtype=np.uint8), 1, 1, "scores as uint8"
    y = np.array([1, 0, 1, 0, 0, 1, 1, 0, 1, 0])
    s = np.array([127, -128, -128, 5, 0, 5, -1, -128, 100, 3], dtype=np.int8)
    yield y, s, 1, 3, "scores as int8, down to -128 (-s wraps in int8)"
    s = np.array([255, 0, 0, 17, 200, 17, 1, 254, 0, 3], dtype=np.uint8)
    yield y, s, 2, 3, "scores as uint8 from 0 to 255"
    yield (
        np.array([0] + [1] * 256, dtype=np.uint8),
        [0.95] + [0.9] * 256,
        1,
        1,
        "256 frauds, labels as uint8 (a count in uint8 wraps to 0)",
    )


# ------------------------------------------------------------------- mistake helpers
def _by_positions(df, time_col, test_positions):
    mask = np.zeros(len(df), dtype=bool)
    mask[np.asarray(test_positions, dtype=int)] = True
    return Split(df.iloc[~mask].copy(), df.iloc[mask].copy(), time_col)


def _ordered(df, time_col):
    return np.argsort(df[time_col].to_numpy(), kind="stable")


def _earliest_as_test(df, time_col, test_fraction):
    k = n_test_rows(len(df), test_fraction)
    return _by_positions(df, time_col, _ordered(df, time_col)[:k])


def _floor_split(df, time_col, test_fraction):
    k = math.floor(test_fraction * len(df))
    return _by_positions(df, time_col, _ordered(df, time_col)[len(df) - k :])


def _unsorted_split(df, time_col, test_fraction):
    k = n_test_rows(len(df), test_fraction)
    return _by_positions(df, time_col, np.arange(len(df) - k, len(df)))


def _ties_included(df, time_col, test_fraction):
    k = n_test_rows(len(df), test_fraction)
    times = df[time_col].to_numpy()
    cutoff = np.sort(times, kind="stable")[len(df) - k]
    return _by_positions(df, time_col, np.flatnonzero(times >= cutoff))


def _quantile_split(df, time_col, test_fraction):
    cut = df[time_col].quantile(1 - test_fraction)
    return _by_positions(df, time_col, np.flatnonzero(df[time_col].to_numpy() > cut))


def _swapped_parts(df, time_col, test_fraction):
    train, test = time_split_reference(df, time_col, test_fraction)
    return Split(test, train, time_col)


def _counts(y_true, y_pred):
    y = np.asarray(y_true).astype(int).ravel()
    p = np.asarray(y_pred).astype(int).ravel()
    return (
        int(np.sum((y == 1) & (p == 1))),
        int(np.sum((y == 0) & (p == 1))),
        int(np.sum((y == 1) & (p == 0))),
        int(np.sum((y == 0) & (p == 0))),
    )


def _cost_of_rates(y_true, y_pred, cost_fp, cost_fn):
    tp, fp, fn, tn = _counts(y_true, y_pred)
    fpr = fp / (fp + tn) if fp + tn else 0.0
    fnr = fn / (fn + tp) if fn + tp else 0.0
    return fpr * cost_fp + fnr * cost_fn


def _cost_aligned(y_true, y_pred, cost_fp, cost_fn):
    """Series paired by index label, not by position."""
    y, p = pd.Series(y_true), pd.Series(y_pred)
    fp = int(((y == 0) & (p == 1)).sum())
    fn = int(((y == 1) & (p == 0)).sum())
    return expected_cost_reference(
        [0] * fp + [1] * fn, [1] * fp + [0] * fn, cost_fp, cost_fn
    )


def _threshold_aligned(y_true, scores, cost_fp, cost_fn):
    """Labels and scores paired by index label, not by position."""
    frame = pd.DataFrame({"y": pd.Series(y_true), "s": pd.Series(scores, dtype=float)})
    frame = frame.dropna()
    return cost_threshold_reference(
        frame["y"].astype(int).to_numpy(), frame["s"].to_numpy(), cost_fp, cost_fn
    )


def _cost_int64(y_true, y_pred, cost_fp, cost_fn):
    """NumPy int64 counts times the costs as given: integer costs wrap past 2**63."""
    _, fp, fn, _ = _counts(y_true, y_pred)
    with np.errstate(all="ignore"):
        return float(np.int64(fp) * cost_fp + np.int64(fn) * cost_fn)


def _threshold_int64(y_true, scores, cost_fp, cost_fn):
    """The cost of each threshold in int64 when the costs are integers (it wraps)."""
    ts, fp, fn = cost_curve(y_true, scores)
    with np.errstate(all="ignore"):
        cost = fp.astype(np.int64) * cost_fp + fn.astype(np.int64) * cost_fn
    return float(ts[int(np.argmin(cost))])


def _cost_in_dtype(y_true, y_pred, cost_fp, cost_fn):
    """Python-int counts times the costs in their own NumPy dtype (int8 wraps)."""
    _, fp, fn, _ = _counts(y_true, y_pred)
    with np.errstate(all="ignore"):
        return float(fp * cost_fp + fn * cost_fn)


def _threshold_in_dtype(y_true, scores, cost_fp, cost_fn):
    """The cost of each threshold in the costs' own NumPy dtype, strict `<`."""
    ts, fp, fn = cost_curve(y_true, scores)
    best_t, best = None, None
    with np.errstate(all="ignore"):
        for t, f, m in zip(ts, fp, fn, strict=True):
            cost = int(f) * cost_fp + int(m) * cost_fn
            if best is None or cost < best:
                best_t, best = t, cost
    return float(best_t)


def _threshold_early_stop(y_true, scores, cost_fp, cost_fn):
    """From high to low, stop at the first threshold whose cost rises."""
    ts, fp, fn = cost_curve(y_true, scores)
    a, b = Fraction(float(cost_fp)), Fraction(float(cost_fn))
    best_t, best = None, None
    for t, f, m in zip(ts, fp, fn, strict=True):
        cost = a * int(f) + b * int(m)
        if best is not None and cost > best:
            break
        if best is None or cost < best:
            best_t, best = t, cost
    return float(best_t)


_DTYPE = (
    "The costs kept their NumPy type here (np.int8 wraps past 127: 2 * np.int8(100) "
    "is -56; np.float32 keeps about 7 digits): read every cost as float64 first, "
    "float(cost_fp) and float(cost_fn)."
)

_INT64 = (
    "The cost wrapped around: NumPy int64 counts (np.sum gives one) times an integer "
    "cost stay int64, which holds no more than 2**63 - 1 (about 9.2e18). Turn the "
    "counts into Python ints (int(np.sum(...))) or the costs into floats first."
)

_ALIGNED = (
    "y_true is a pandas Series with a shuffled index here, and it was paired with the "
    "other input by index label: read every input by position, as np.asarray(y_true) "
    "does (pandas aligns Series on their index in &, == and DataFrame(...))."
)


def _threshold_variant(
    y_true,
    scores,
    cost_fp,
    cost_fn,
    *,
    smallest=False,
    strict=False,
    nothing=False,
    dtype=float,
):
    """The best threshold in exact arithmetic, or one of its mistaken variants."""
    s = np.asarray(scores, dtype=dtype).ravel()
    y = np.asarray(y_true).astype(int).ravel()
    ts = np.unique(s)[::-1]
    if nothing:
        ts = np.r_[np.inf, ts]
    a, b = Fraction(float(cost_fp)), Fraction(float(cost_fn))
    costs = []
    for t in ts:
        flagged = s > t if strict else s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        costs.append(a * fp + b * fn)
    best = [i for i, c in enumerate(costs) if c == min(costs)]
    return float(ts[best[-1] if smallest else best[0]])


def _threshold_isclose(y_true, scores, cost_fp, cost_fn):
    """Costs that np.isclose calls equal are taken as a tie (the larger t kept)."""
    ts, fp, fn = cost_curve(y_true, scores)
    best_t, best = None, np.inf
    for t, f, m in zip(ts, fp, fn, strict=True):
        cost = int(f) * float(cost_fp) + int(m) * float(cost_fn)
        if cost < best and not np.isclose(cost, best):
            best_t, best = t, cost
    return float(best_t)


def _threshold_ungrouped(y_true, scores, cost_fp, cost_fn):
    """Running counts over the sorted scores, without merging tied scores."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    fp = np.cumsum(1 - y)
    fn = y.sum() - np.cumsum(y)
    cost = fp * cost_fp + fn * cost_fn
    return float(s[np.flatnonzero(cost == cost.min())[0]])


def _threshold_grid(y_true, scores, cost_fp, cost_fn, *, grid):
    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    costs = [
        cost_fp * np.sum((s >= t) & (y == 0)) + cost_fn * np.sum((s < t) & (y == 1))
        for t in grid(s)
    ]
    return float(grid(s)[int(np.argmin(costs))])


def _threshold_position(y_true, scores, cost_fp, cost_fn):
    t = cost_threshold_reference(y_true, scores, cost_fp, cost_fn)
    return int(np.flatnonzero(np.unique(np.asarray(scores, dtype=float)) == t)[0])


def _least_cost(y_true, scores, cost_fp, cost_fn):
    ts, fp, fn = cost_curve(y_true, scores)
    return float(np.min(fp * cost_fp + fn * cost_fn))


# ------------------------------------------------- comparison and invariant checks
def _rows(frame, columns):
    return Counter(frame[columns].itertuples(index=False, name=None))


def _part_problem(name, part, columns):
    if not isinstance(part, pd.DataFrame):
        return f"{name} should be a DataFrame, got {type(part).__name__}"
    if set(part.columns) != set(columns):
        return (
            f"{name} has the columns {list(part.columns)}; expected the columns of "
            f"df, {list(columns)}"
        )
    return None


def split_problem(got, expected):
    """``None`` when ``got`` is the split ``expected`` describes, else the problem.

    Compared: the columns (in any order), the number of rows of each part, each row
    of ``df`` once in train or test (rows as values: any order, any index) and the
    times of the test rows (so rows tied with the boundary may go either way).

    Parameters
    ----------
    got : object
        What the learner returned.
    expected : Split
        From :func:`time_split_reference` (or a mistake).
    """
    exp_train, exp_test = expected
    time_col = getattr(expected, "time_col", None)
    if isinstance(got, pd.DataFrame | pd.Series | str | dict) or not isinstance(
        got, tuple | list
    ):
        return f"should return a tuple (train, test) of two DataFrames, got {type(got).__name__}"
    if len(got) != 2:
        return f"should return two DataFrames (train, test), got {len(got)} values"
    train, test = got
    columns = list(exp_test.columns)
    for name, part in (("train", train), ("test", test)):
        problem = _part_problem(name, part, columns)
        if problem:
            return problem
    n = len(exp_train) + len(exp_test)
    if len(test) != len(exp_test):
        return (
            f"test has {len(test)} rows; expected {len(exp_test)} of the {n} rows "
            "(ceil(test_fraction · n))"
        )
    if len(train) != len(exp_train):
        return f"train has {len(train)} rows; expected the other {len(exp_train)}"
    together = _rows(train, columns) + _rows(test, columns)
    everything = _rows(exp_train, columns) + _rows(exp_test, columns)
    if together != everything:
        both = [
            r
            for r in _rows(train, columns) & _rows(test, columns)
            if together[r] > everything[r]  # rows equal in every column may be split
        ]
        if both:
            row = dict(zip(columns, both[0], strict=True))
            return f"the row {row} is in both train and test"
        missing = everything - together
        row = dict(zip(columns, next(iter(missing)), strict=True))
        return (
            f"the row {row} of df is in neither train nor test (or its values "
            "changed): train and test together hold every row of df once"
        )
    if time_col is None:  # a plain tuple: compare the rows themselves
        same = _rows(test, columns) == _rows(exp_test, columns)
        return None if same else "test holds other rows than expected"
    if Counter(test[time_col]) != Counter(exp_test[time_col]):
        if len(train) and len(test):
            late, early = train[time_col].max(), test[time_col].min()
            if late > early:
                return (
                    f"a train row has {time_col} = {late}, later than the earliest "
                    f"test row ({early}): test must hold the latest rows"
                )
        return "test holds other times than the latest rows"
    return None


def check_split_keeps_input(check: Checker, df, time_col, test_fraction, why=None):
    """Check that ``time_based_split`` leaves its input DataFrame as it was.

    The checker calls the learner's function on copies; this calls it on ``df``
    itself and compares ``df`` afterwards with a copy taken before (values, dtypes,
    column order and index).
    """
    __tracebackhide__ = True
    before = df.copy(deep=True)
    check.call(df, time_col, test_fraction)  # a crash is explained there
    got, (df_after, *_), _ = check.after_call(df, time_col, test_fraction)
    try:
        pd.testing.assert_frame_equal(df_after, before)
        problem = None
    except AssertionError as exc:
        problem = " ".join(str(exc).split())[:300]
    check.case(before, time_col, test_fraction, got=got, why=why).that(
        problem is None,
        lambda: f"df changed during the call: {problem}",
        hint="Leave df as it is: sort a copy (df.sort_values(time_col) returns a new "
        "frame), and avoid inplace=True and adding columns to df.",
    )


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "time_based_split",
        hint="Sort by time_col (df.sort_values(time_col)), compute k = "
        "math.ceil(test_fraction * len(df)), and cut: train = the first n - k rows, "
        "test = the last k (with .iloc). Return (train, test).",
        reference=time_split_reference,
        cases=lambda: (c[:3] for c in split_cases(seed=0, n_random=8)),
        equal=split_problem,
        show_values=False,
        mistakes=[
            Mistake(
                _swapped_parts,
                "The two parts look swapped: return (train, test), the test set "
                "(the latest rows) second.",
            ),
            Mistake(
                _earliest_as_test,
                "The test rows are the earliest ones: after sorting by time from "
                "old to new, the test set is the *last* k rows (the future).",
            ),
            Mistake(
                _unsorted_split,
                "The rows are not in time order: sort by time_col before cutting; "
                "the last rows of df are not necessarily the latest.",
            ),
            Mistake(
                _floor_split,
                "The test set is one row short: k = ceil(test_fraction · n) rounds "
                "up (math.ceil), where int() and // round down and round() goes to "
                "the nearest.",
            ),
            Mistake(
                _ties_included,
                "Rows tied with the boundary time were all put in test: take exactly "
                "k rows (sort, then cut by position with .iloc), even when several "
                "rows share the boundary time.",
            ),
            Mistake(
                _quantile_split,
                "A cut at a quantile of the times gives about, not exactly, "
                "ceil(test_fraction · n) test rows (ties and interpolation): sort "
                "and cut by position instead.",
            ),
        ],
    ),
    Exercise(
        "expected_cost",
        hint="Count FP = sum((y_true == 0) & (y_pred == 1)) and FN = sum((y_true == "
        "1) & (y_pred == 0)) on arrays, then return FP * cost_fp + FN * cost_fn: a "
        "total, not a mean.",
        reference=expected_cost_reference,
        cases=lambda: cost_cases(seed=0, n_random=12),
        mistakes=[
            Mistake(_cost_aligned, _ALIGNED),
            Mistake(_cost_int64, _INT64),
            Mistake(_cost_in_dtype, _DTYPE),
            Mistake(
                lambda t, p, cf, cn: expected_cost_reference(t, p, cn, cf),
                "The costs look swapped: a false positive (a false alarm, predicted "
                "1 but truly 0) costs cost_fp, a false negative (a missed fraud) "
                "costs cost_fn.",
            ),
            Mistake(
                lambda t, p, cf, cn: expected_cost_reference(t, p, cf, cn) / len(t),
                "That is the mean cost per transaction: return the total, FP·cost_fp "
                "+ FN·cost_fn, without dividing by n.",
            ),
            Mistake(
                lambda t, p, cf, cn: (
                    (_counts(t, p)[0] + _counts(t, p)[1]) * cf + _counts(t, p)[2] * cn
                ),
                "Only false alarms cost cost_fp: a flag on a real fraud (a true "
                "positive) costs nothing here. Count FP = flagged and truly 0.",
            ),
            Mistake(
                _cost_of_rates,
                "That weighs the error *rates* (FP / negatives, FN / positives): "
                "multiply the *counts* FP and FN by their costs.",
            ),
        ],
    ),
    Exercise(
        "cost_optimal_threshold",
        hint="Try each distinct score t (np.unique(scores)): predict `scores >= t`, "
        "count FP and FN and compute FP·cost_fp + FN·cost_fn; keep the t with the "
        "least cost, and on a tie the largest t. Return the score value t.",
        reference=cost_threshold_reference,
        cases=lambda: (
            *threshold_cases(seed=0, n_random=10),
            *(c[:4] for c in extreme_threshold_cases(seed=0)),
        ),
        mistakes=[
            Mistake(_threshold_aligned, _ALIGNED),
            Mistake(_threshold_int64, _INT64),
            Mistake(_threshold_in_dtype, _DTYPE),
            Mistake(
                lambda t, s, cf, cn: _threshold_variant(t, s, cf, cn, smallest=True),
                "Several thresholds reach the least cost here: return the largest of "
                "them (it flags the fewest transactions for the same cost).",
            ),
            Mistake(
                _threshold_isclose,
                "Two different costs were taken as a tie (np.isclose, math.isclose or "
                "a tolerance): costs 1e-5 apart are not equal. Compare the costs "
                "exactly (`<`); the tie rule is for costs that are exactly equal.",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_variant(t, s, cn, cf),
                "The costs look swapped: a false alarm (flagged, truly 0) costs "
                "cost_fp and a missed fraud (not flagged, truly 1) costs cost_fn. "
                "(Or the search stopped where the cost first rose: the cost can "
                "rise and fall again as t goes down, so try every distinct score.)",
            ),
            Mistake(
                _threshold_ungrouped,
                "Tied scores are one threshold: `scores >= t` flags every "
                "transaction scoring t at once, so count a group of equal scores "
                "together (a running count inside the group gives costs no "
                "threshold reaches).",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_variant(t, s, cf, cn, strict=True),
                "Predict positive when `scores >= t` (greater than *or equal*), so "
                "that the transactions scoring exactly t are flagged.",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_variant(t, s, cf, cn, dtype=np.float32),
                "Scores that differ only in the last digits were merged (float32, or "
                "rounding): keep the scores in float64, as they are.",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_variant(t, s, cf, cn, nothing=True),
                "Return one of the scores: the candidates are the distinct scores, "
                "not a threshold above them all (inf) that flags nothing.",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_grid(
                    t, s, cf, cn, grid=lambda v: np.linspace(0, 1, 101)
                ),
                "That threshold comes from a fixed grid (np.linspace): try the "
                "distinct scores themselves; a grid misses the exact best and "
                "returns a value that is not a score.",
            ),
            Mistake(
                lambda t, s, cf, cn: _threshold_grid(
                    t, s, cf, cn, grid=lambda v: np.linspace(v.min(), v.max(), 100)
                ),
                "That threshold comes from a grid between the lowest and highest "
                "score (np.linspace): try the distinct scores themselves.",
            ),
            Mistake(
                _threshold_position,
                "That looks like the position of the threshold among the sorted "
                "scores: return the score value t itself.",
            ),
            Mistake(
                _least_cost,
                "That looks like the least cost: return the threshold t that "
                "reaches it.",
            ),
        ],
    ),
)

checker = EXERCISES.checker
