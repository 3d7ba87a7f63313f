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
