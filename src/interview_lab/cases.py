"""Test inputs: hand-picked edge cases plus seeded random cases.

Hidden tests compare a learner's function with a reference on these. Random cases are
drawn from ``numpy.random.default_rng(seed)``, so every run of a test sees the same
inputs and a grade never depends on luck. Cases alternate between Python lists and
NumPy arrays, and between sizes from one sample up, so that an answer that only works
for arrays, or only for large inputs, is caught.

Examples
--------
>>> cases = list(binary_pairs(seed=0, n_random=3))
>>> cases[0]
([0, 1, 1, 0], [0, 1, 1, 0])
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .validation import check_seed

__all__ = [
    "as_list_or_array",
    "binary_pairs",
    "check_seed",
    "extreme_binary_pairs",
    "extreme_regression_pairs",
    "extreme_scored_pairs",
    "regression_pairs",
    "scored_pairs",
]


def as_list_or_array(values, i: int):
    """Every other case as a Python list, the rest as NumPy arrays."""
    return np.asarray(values).tolist() if i % 2 == 0 else np.asarray(values)


def binary_pairs(seed: int = 0, n_random: int = 60) -> Iterator[tuple]:
    """Pairs ``(y_true, y_pred)`` of 0/1 labels: edge cases, then random ones.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    n_random : int
        How many random cases follow the edge cases.

    Yields
    ------
    y_true, y_pred : list or ndarray of int
    """
    check_seed(seed)
    edge = [
        ([0, 1, 1, 0], [0, 1, 1, 0]),  # perfect
        ([0, 1, 1, 0], [1, 0, 0, 1]),  # all wrong
        ([0, 0, 0, 0], [0, 0, 0, 0]),  # no positives, none predicted
        ([1, 1, 1], [1, 1, 1]),  # only positives
        ([0, 0, 1], [1, 1, 1]),  # everything predicted positive
        ([1, 1, 0], [0, 0, 0]),  # nothing predicted positive
        ([0, 0, 0], [1, 0, 1]),  # no positives, some predicted
        ([1], [1]),  # one sample
        ([0], [1]),
        ([1], [0]),
    ]
    for i, (t, p) in enumerate(edge):
        yield (t, p) if i % 2 == 0 else (np.array(t), np.array(p))
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        n = int(rng.integers(1, 60))
        base = rng.uniform(0.05, 0.95)
        y_true = (rng.random(n) < base).astype(int)
        flip = rng.random(n) < rng.uniform(0, 0.6)
        y_pred = np.where(flip, 1 - y_true, y_true)
        yield as_list_or_array(y_true, i), as_list_or_array(y_pred, i + 1)


def scored_pairs(
    seed: int = 0, n_random: int = 60, both_classes: bool = True
) -> Iterator[tuple]:
    """Pairs ``(y_true, scores)``: labels and real-valued scores, with ties.

    Scores are rounded to few distinct values in about half of the random cases, so
    that ties between a positive and a negative are common.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    n_random : int
        How many random cases follow the edge cases.
    both_classes : bool
        Only yield cases where both classes are present (needed for ROC).
    """
    check_seed(seed)
    edge = [
        ([0, 1], [0.2, 0.8]),
        ([1, 0], [0.2, 0.8]),  # perfectly wrong
        ([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]),  # all tied
        ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),  # the classic example
        ([1, 0, 1, 0, 1], [3, 1, 3, 3, 2]),  # integer scores with ties
        (
            [0, 1, 1, 0, 1, 0],
            [-2.0, 5.0, 0.0, 0.0, 1e-9, -1e-9],
        ),  # negatives, near-ties
        ([1, 1, 1, 0], [0.9, 0.8, 0.7, 0.95]),  # one negative, top score
    ]
    for i, (t, s) in enumerate(edge):
        yield (t, s) if i % 2 == 0 else (np.array(t), np.array(s))
    rng = np.random.default_rng(seed)
    produced = 0
    i = 0
    while produced < n_random:
        i += 1
        n = int(rng.integers(2, 80))
        y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
        if both_classes and (y.min() == y.max()):
            continue
        s = y * rng.uniform(0, 2) + rng.normal(size=n)
        if i % 2:
            s = np.round(s, 1)  # ties
        order = rng.permutation(n)  # unsorted, shuffled
        produced += 1
        yield as_list_or_array(y[order], i), as_list_or_array(s[order], i + 1)


def regression_pairs(seed: int = 0, n_random: int = 40) -> Iterator[tuple]:
    """Pairs ``(y_true, y_pred)`` of real values, including constant targets."""
    check_seed(seed)
    edge = [
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),  # perfect
        ([3.0, 3.0, 3.0], [3.0, 3.0, 3.0]),  # constant target, perfect
        ([3.0, 3.0, 3.0], [2.0, 3.0, 4.0]),  # constant target, imperfect
        ([1, 2, 3, 4], [4, 3, 2, 1]),  # integers, worse than the mean
        ([0.5, -1.5, 2.0], [0.0, 0.0, 0.0]),
        ([10.0, 0.0], [0.0, 10.0]),
    ]
    for i, (t, p) in enumerate(edge):
        yield (t, p) if i % 2 == 0 else (np.array(t), np.array(p))
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        n = int(rng.integers(2, 60))
        y = rng.normal(rng.uniform(-5, 5), rng.uniform(0.1, 10), size=n)
        pred = y + rng.normal(0, rng.uniform(0.01, 5), size=n)
        if i % 7 == 3:
            pred[rng.integers(n)] += 100.0  # an outlier
        yield as_list_or_array(y, i), as_list_or_array(pred, i + 1)


# ------------------------------------------------------ the edges of floating point
def extreme_binary_pairs() -> Iterator[tuple]:
    """Label pairs that overflow small counters and small integer dtypes.

    One confusion-matrix cell holds 70,000 samples (past ``int16`` and ``uint16``);
    ``int8`` and ``uint8`` arrays hold 300 ones (past 127 and 255), so an answer that
    counts in the input's dtype (``y_true @ y_pred``) wraps around. One case is a
    Python list.

    Yields
    ------
    y_true, y_pred : list or ndarray of int
    """
    t = np.repeat([0, 1, 0, 1], [70_000, 300, 500, 29_200])
    p = np.repeat([0, 0, 1, 1], [70_000, 300, 500, 29_200])
    yield t.tolist(), p.tolist()
    yield 1 - t, 1 - p
    for dtype in (np.int8, np.uint8):
        t = np.r_[np.ones(300), np.zeros(20), np.ones(7)].astype(dtype)
        p = np.r_[np.ones(300), np.ones(20), np.zeros(7)].astype(dtype)
        yield t, p


def extreme_scored_pairs(seed: int = 0) -> Iterator[tuple]:
    """Label and score pairs that only an exact answer gets right.

    * near-ties: scores 1e-12 apart (relative), which are not ties, beside exact ties;
    * scores a float32 cannot tell apart (0.5 and 0.5 + 1e-10);
    * a large offset with a small spread (1e9 plus steps of 1e-3);
    * tiny scores (1e-300 scale) and integer scores;
    * scores one ulp apart, alone and beside a huge range (min-max scaling merges them);
    * 3,000 samples with many exact ties, and 3,000 distinct scores.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    """
    check_seed(seed)
    rng = np.random.default_rng(seed)
    y = [0, 1, 0, 1, 1, 0]
    yield y, [0.5, 0.5 + 1e-12, 0.5 + 2e-12, 0.5, 0.25, 0.25]
    yield np.array([1, 0, 1, 0]), np.array([0.5 + 1e-10, 0.5, 0.5 + 3e-10, 0.5 + 2e-10])
    n = 40
    y = (rng.random(n) < 0.4).astype(int)
    y[:2] = [0, 1]
    steps = rng.integers(0, 25, size=n) + y * 5
    yield y.tolist(), (1e9 + 1e-3 * steps).tolist()
    yield y, 1e-300 * (steps + 1.0)
    yield y.tolist(), (steps - 12).tolist()
    yield [0, 1], [0.5, float(np.nextafter(0.5, 1.0))]
    yield [0, 0, 1], [-1e20, 1.0, 1.0 + 2.0**-52]
    n = 3000
    y = (rng.random(n) < 0.3).astype(int)
    yield y, np.round(rng.normal(size=n) + y, 1)
    yield y.tolist(), (rng.normal(size=n) + y).tolist()


def extreme_regression_pairs(seed: int = 0) -> Iterator[tuple]:
    """Regression pairs at the edges of floating point.

    * large values with a small spread (prices, timestamps: 1e8 + N(0, 1)), where
      Σy² − n·ȳ² and other one-pass formulas cancel;
    * tiny values (1e-6 scale), where ``isclose(ss_tot, 0)`` mistakes a real spread
      for a constant target;
    * constant targets at tiny and huge scales (exactly representable, so the mean is
      exact), predicted perfectly and not;
    * ``uint8`` arrays (differences wrap around in the input's dtype), integer
      differences past 3.1e9 (their squares overflow ``int64``), large integers and
      5,000 samples.

    Compare with a relative tolerance: values near 1e8 carry rounding of about 1e-8.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    """
    check_seed(seed)
    rng = np.random.default_rng(seed)
    for offset, spread in [
        (1e8, 1.0),
        (1.7e9, 30.0),
        (0.0, 1e-6),
        (0.0, 1e-8),
        (0.0, 1e-3),
    ]:
        y = offset + spread * rng.normal(size=50)
        yield y, y + spread * rng.normal(0, 0.5, size=50)
    for c in (2.0**-30, 2.0**40):
        yield [c] * 8, [c] * 8
        yield np.full(8, c), np.full(8, c) + np.r_[c / 4, np.zeros(7)]
    y = 10**6 + rng.integers(0, 5, size=20)
    yield y.tolist(), (y + rng.integers(-2, 3, size=20)).tolist()
    yield np.array([0, 32, 200, 7], np.uint8), np.array([16, 16, 255, 0], np.uint8)
    y = rng.integers(0, 10**6, size=10)
    yield y, y + rng.integers(3 * 10**9, 5 * 10**9, size=10)
    y = rng.normal(3.0, 2.0, size=5000)
    yield y, y + rng.normal(0, 1.0, size=5000)
