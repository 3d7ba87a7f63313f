"""04_imbalanced: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`; a test cell asks for a checker::

    check = topic.checker("smote", smote)
    topic.check_smote(check, X_minority, 200, k_neighbors=2)   # an invariant check

Resampling and SMOTE are random, so their answers are not unique: the ``check_*``
functions test *invariants* (class counts, rows staying paired with their labels,
every synthetic point on a segment between neighbours, reproducibility with a seed)
and never compare with one reference output; those exercises declare a hint and no
mistakes. The deterministic exercises (class weights, the best threshold) are
compared with scikit-learn and a brute-force reference, and their common mistakes
are recognised.

The ``extreme_*`` case generators go beyond unit scale: integer and 1e8-offset rows
that must be copied exactly, SMOTE far from 0 with a small spread (segment checks
relative to the spread, not to the magnitude), tiny values, F-beta near-ties far below
1e-8 and exact ties, n up to 200,000. Reproducibility is checked in fresh processes
(:func:`check_fresh_process`) and, in-process, by renaming string labels
(:func:`check_relabelled`): a seed must give the same rows whatever order a set of
labels happens to iterate in.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ...checking import Checker, Exercise, Exercises, Mistake
from ...validation import check_choice, check_int, check_seed
from .core import (
    best_by,
    best_threshold_exact,
    best_threshold_reference,
    candidates,
    class_weight_reference,
    counts_at,
    f_counts,
    f_exact,
    f_harmonic,
    f_pr,
)

__all__ = [
    "EXERCISES",
    "check_fresh_process",
    "check_oversample",
    "check_random_resampling",
    "check_relabelled",
    "check_smote",
    "check_smote_random",
    "check_undersample",
    "checker",
    "class_weight_cases",
    "extreme_class_weight_cases",
    "extreme_resampling_cases",
    "extreme_smote_cases",
    "extreme_threshold_cases",
    "relabelling",
    "resampling_case",
    "resampling_cases",
    "run_in_fresh_processes",
    "smote_cases",
    "threshold_cases",
]

_INT_LABELS = ([0, 1, 2, 3], [1, 0, 3, 2], [2, 5, 9, 4], [-1, 1, 7, 3])
_STR_LABELS = (["legit", "fraud", "review", "chargeback"], ["b", "a", "d", "c"])


# ------------------------------------------------------------------- mistake helpers
def _weights(y, formula):
    y = np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    n, k = len(y), len(classes)
    return {
        c: float(formula(n, k, m))
        for c, m in zip(classes.tolist(), counts, strict=True)
    }


def _threshold_variant(
    y_true, scores, beta=1.0, *, smallest=False, strict=False, ignore_beta=False
):
    """The best threshold in exact arithmetic, or one of its mistaken variants."""
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(y_true).astype(int).ravel()
    ts = candidates(s)
    b = 1.0 if ignore_beta else beta
    f = []
    for t in ts:
        flagged = s > t if strict else s >= t
        tp = int(np.sum(flagged & (y == 1)))
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        f.append(f_exact(tp, fp, fn, b))
    best = [i for i, v in enumerate(f) if v == max(f)]
    return float(ts[best[-1] if smallest else best[0]])


def _weights_allclose(y):
    """Every weight 1.0 when the counts are within ``allclose`` of each other."""
    counts = np.unique(np.asarray(y), return_counts=True)[1]
    if np.allclose(counts, counts.mean()):
        return {c: 1.0 for c in np.unique(np.asarray(y)).tolist()}
    return _weights(y, lambda n, k, m: n / (k * m))


def _threshold_float32(y_true, scores, beta=1.0):
    """The best threshold after casting the scores to float32 ("merging ties")."""
    s = np.asarray(scores, dtype=float).astype(np.float32)
    return float(np.float32(best_threshold_exact(y_true, s.astype(float), beta)))


def _threshold_f_isclose(y_true, scores, beta=1.0):
    """The largest threshold whose F-beta is within ``np.isclose`` of the best."""
    s = np.asarray(scores, dtype=float).ravel()
    ts = candidates(s)
    f = np.array([float(f_exact(*counts_at(y_true, s, t), beta)) for t in ts])
    return float(ts[np.flatnonzero(np.isclose(f, f.max()))[0]])


def _extra_cases(name):
    """The small extreme cases that show the numeric mistakes of ``name``."""
    if name == "balanced_class_weights":
        return [(next(extreme_class_weight_cases(seed=0))[0],)]
    return [
        (y, s, beta)
        for y, s, beta, _ in extreme_threshold_cases(seed=0)
        if len(y) < 2000
    ]


def _threshold_index(y_true, scores, beta=1.0):
    s = np.asarray(scores, dtype=float).ravel()
    t = best_threshold_reference(y_true, scores, beta)
    return int(np.flatnonzero(s == t)[0])


def _threshold_ungrouped(y_true, scores, beta=1.0):
    """Running counts over the sorted scores without merging tied scores."""
    y = np.asarray(y_true, dtype=float).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    b2 = beta**2
    den = (1 + b2) * tp + b2 * (y.sum() - tp) + fp
    f = np.divide((1 + b2) * tp, den, out=np.zeros_like(tp), where=tp > 0)
    return float(s[np.flatnonzero(f >= f.max() - 1e-12)].max())


def _threshold_best_f(y_true, scores, beta=1.0):
    from sklearn.metrics import fbeta_score

    t = best_threshold_reference(y_true, scores, beta)
    s = np.asarray(scores, dtype=float)
    y = np.asarray(y_true).astype(int)
    return float(fbeta_score(y, (s >= t).astype(int), beta=beta, zero_division=0))


# --------------------------------------------------------------- deterministic cases
def class_weight_cases(seed=0, n_random=30):
    """Label vectors for ``balanced_class_weights``: edge cases and random ones."""
    edge = [
        [0, 0, 0, 1],
        np.array([1, 0, 1, 1, 1, 1, 0, 1]),
        ["fraud", "legit", "legit", "legit", "review", "legit"],
        np.array(["b", "a", "c", "d", "a", "a", "b", "c", "a", "a"]),
        [3, 3, 3, 3],
        np.array([7]),
        [2, 9, 9, 5, 9, 2, 9],
        np.array([-1, 1, 1, 1, -1, 1]),
    ]
    yield from edge
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        k = int(rng.integers(2, 5))
        pool = (_INT_LABELS + _STR_LABELS)[i % 6][:k]
        counts = rng.integers(1, 40, size=k)
        y = np.repeat(np.asarray(pool), counts)[rng.permutation(counts.sum())]
        yield y.tolist() if i % 2 else y


def extreme_class_weight_cases(seed=0):
    """Label vectors for ``balanced_class_weights`` at large n, with the reason.

    * nearly balanced classes of 100,000 and 100,001 (and 33,334 / 33,333 / 33,333)
      samples: the weights differ from 1 by 5e-6, so ``allclose(counts, ...)`` taken
      for "balanced, every weight 1" is wrong;
    * 70,000 string labels with a class of 9 (weights up to 2,593, where float32 is
      off by 1e-4), and one class of 50,000 (weight 1.0);
    * int labels that are not 0..k-1 (-3, 10**6), as a Python list.

    Compare with a relative tolerance as well (weights are large).

    Parameters
    ----------
    seed : int
        Seed of the shuffling.

    Yields
    ------
    y, why
    """
    rng = np.random.default_rng(check_seed(seed))
    y = np.repeat([0, 1], [100_000, 100_001])[rng.permutation(200_001)]
    yield y, "100,000 and 100,001 samples: nearly, not exactly, balanced"
    y = np.repeat(["b", "a", "c"], [33_334, 33_333, 33_333])[rng.permutation(100_000)]
    yield y, "three string classes of 33,334, 33,333 and 33,333"
    y = np.repeat(["legit", "fraud", "review"], [69_001, 990, 9])
    yield y[rng.permutation(70_000)], "70,000 string labels, a class of 9"
    yield ["only"] * 50_000, "one class of 50,000 (as a list)"
    y = np.repeat([-3, 10**6, 7], [4_000, 1_234, 17])[rng.permutation(5_251)]
    yield y.tolist(), "labels -3, 7 and 1,000,000 (as a list)"


def threshold_cases(seed=0, n_random=40):
    """Cases ``(y_true, scores, beta)`` for ``best_threshold``: edge, then random.

    Random cases have tied scores, several betas and a few with only positives. A
    random case is kept only when every usual way of computing F-beta in floating
    point (from counts, from precision and recall, as a harmonic mean) picks the same
    threshold as exact rational arithmetic, so that no correct answer can lose a mark
    to a rounding difference between two mathematically equal F-beta values.
    """
    edge = [
        ([1, 0, 0, 1], [4, 3, 2, 1], 1.0),  # F1 = 2/3 at t=4 and t=1: the larger wins
        (np.array([0, 1, 1, 0, 1]), np.array([0.5, 0.5, 0.9, 0.2, 0.5]), 1.0),  # ties
        ([1, 1, 1], [0.2, 0.9, 0.5], 1.0),  # all positives: flag everything
        (
            np.array([1, 0, 1, 0, 0, 1, 0, 0]),
            np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]),
            2.0,
        ),
        ([1, 0, 1, 0, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], 0.5),
        ([1], [0.3], 1.0),
        (np.array([0, 1, 0, 1, 1]), np.array([-2, 3, 3, -1, 0]), 3.0),  # ints, negative
        ([0, 0, 0, 0], [0.3, 0.7, 0.1, 0.7], 1.0),  # no positives: F = 0 everywhere
        # A tie spanning positives and negatives counts as one threshold: a running
        # count inside the group (whichever order) would see F = 1 at 0.4.
        ([1, 1, 0, 0, 0, 0], [0.9, 0.4, 0.4, 0.4, 0.4, 0.1], 1.0),
        (np.array([0, 0, 0, 1, 1, 0]), np.array([0.4, 0.4, 0.4, 0.4, 0.9, 0.1]), 1.0),
    ]
    yield from edge
    rng = np.random.default_rng(seed)
    betas = [1.0, 2.0, 0.5, 1.0, 3.0, 0.25]
    produced = 0
    i = 0
    while produced < n_random:
        i += 1
        n = int(rng.integers(2, 36))
        if i % 11 == 0:
            y = np.ones(n, dtype=int)
        else:
            y = (rng.random(n) < rng.uniform(0.1, 0.6)).astype(int)
            y[rng.integers(n)] = 1
        s = y * rng.uniform(0, 2) + rng.normal(size=n)
        if i % 2:
            s = np.round(s, 1)
        beta = betas[i % len(betas)]
        truth = _threshold_variant(y, s, beta)  # exact arithmetic
        variants = [best_by(y, s, beta, f) for f in (f_counts, f_pr, f_harmonic)]
        if any(v != truth for v in variants):
            continue
        produced += 1
        yield (y.tolist(), s.tolist(), beta) if i % 2 else (y, s, beta)


def _grouped_scores(groups, scores, rng):
    """Labels and scores with ``(positives, negatives)`` of ``groups`` at each score."""
    y = np.concatenate([np.repeat([1, 0], [p, q]) for p, q in groups])
    s = np.repeat(np.asarray(scores, dtype=float), [p + q for p, q in groups])
    order = rng.permutation(len(y))
    return y[order], s[order]


# Three tied groups of scores (positives, negatives) from high to low, chosen so that
# the middle threshold beats the top one by a tiny F-beta margin (they are not tied:
# the smaller threshold must win) or ties it exactly (the larger must win).
_F_NEAR_TIES = (
    # beta, groups, F-beta of the middle over the top one, minus 1
    (1.0, ((301, 97), (150, 299), (52, 600)), "2.5e-6"),
    (2.0, ((2003, 1009), (308, 2001), (690, 5000)), "2.9e-8"),
    (0.5, ((30011, 9001), (19895, 14257), (115, 4000)), "6.5e-9"),
    (1.0, ((20011, 6007), (17644, 40573), (2354, 20000)), "4.0e-10"),
)
_F_EXACT_TIE = (1.0, ((2006, 1017), (1003, 3010), (1994, 9000)))


def _screened(y, s, beta):
    """True when every usual float formula of F-beta picks the exact best threshold."""
    truth = best_threshold_exact(y, s, beta)
    return all(best_by(y, s, beta, f) == truth for f in (f_counts, f_pr, f_harmonic))


def extreme_threshold_cases(seed=0):
    """Cases ``(y_true, scores, beta, why)`` for ``best_threshold`` at the edges of floats.

    * scores 1e-12 apart (relative) that are not ties, beside exact ties, and scores a
      float32 cannot tell apart (0.5 + k·1e-10): rounding the scores or casting them
      to float32 "to merge ties" merges thresholds and picks another one;
    * a large offset with a small spread (timestamps: 1.7e9 + steps of 2 ulps),
      tiny scores (1e-300 scale) and integer scores near 1e15 (as Python ints);
    * F-beta near-ties: two thresholds whose F-beta differ by 2.5e-6 down to 4e-10
      relative (the smaller threshold is strictly better and must win; ``isclose``,
      ``round(f, 9)`` or float32 arithmetic see a tie and keep the larger one), for
      beta 1, 2 and 0.5, with 2,000 to 106,000 samples on three tied scores;
    * an exact F-beta tie between counts in the thousands (the larger threshold wins);
    * 5,000 and 40,000 samples with many tied scores.

    Every case is one on which the usual float formulas of F-beta (from counts, from
    precision and recall, as a harmonic mean) agree with exact arithmetic, so compare
    with :func:`~.core.best_threshold_exact` and no tolerance: the answer is one of
    the scores.

    Parameters
    ----------
    seed : int
        Seed of the random labels and of the shuffling.

    Yields
    ------
    y_true, scores : list or ndarray
    beta : float
    why : str
        What the case is about, for the feedback.
    """
    rng = np.random.default_rng(check_seed(seed))
    y = [1, 1, 0, 0, 0, 1, 0]
    s = [0.75 + 2e-12, 0.75 + 1e-12, 0.75, 0.75, 0.75, 0.25, 0.125]
    yield y, s, 1.0, "scores 1e-12 apart are different thresholds"
    candidates = [
        ("0.5 + k·1e-10: one value for a float32", lambda k: 0.5 + 1e-10 * k, 40),
        ("timestamps 1.7e9 + steps of 4.8e-7", lambda k: 1.7e9 + 2.0**-21 * k, 60),
        ("tiny scores, 1e-300 scale", lambda k: 1e-300 * (k + 1), 40),
        ("integer scores near 1e15", lambda k: 10**15 + k, 50),
    ]
    for i, (why, score, n) in enumerate(candidates):
        while True:
            labels = (rng.random(n) < 0.4).astype(int)
            labels[:2] = [0, 1]
            steps = rng.integers(0, 25, size=n) + labels * 5
            if i == 3:
                scores = [int(score(int(k))) for k in steps]
            else:
                scores = score(steps.astype(float))
            if _screened(labels, scores, 1.0):
                break
        if i % 2:
            yield labels.tolist(), list(scores), 1.0, why
        else:
            yield labels, np.asarray(scores), 1.0, why
    for beta, groups, gap in _F_NEAR_TIES:
        y, s = _grouped_scores(groups, [0.875, 0.625, 0.25], rng)
        why = (
            f"F-beta at 0.625 beats F-beta at 0.875 by {gap} relative: not a tie, "
            f"the smaller threshold wins ({len(y)} samples)"
        )
        yield y, s, beta, why
    beta, groups = _F_EXACT_TIE
    y, s = _grouped_scores(groups, [0.875, 0.625, 0.25], rng)
    yield y.tolist(), s.tolist(), beta, "an exact F-beta tie at 0.875 and 0.625"
    for n, step in ((5000, 0.1), (40000, 0.5)):
        while True:
            labels = (rng.random(n) < 0.3).astype(int)
            scores = np.round((rng.normal(size=n) + labels) / step) * step
            if _screened(labels, scores, 2.0):
                break
        yield labels, scores, 2.0, f"{n} samples, many tied scores"


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "random_undersample",
        hint="For each class c, pick `n_min` of the indices np.flatnonzero(y == c) "
        "with rng.choice(..., replace=False); concatenate the picked indices and index "
        "X and y with the same array so rows stay paired.",
        parts=("X_res", "y_res"),
    ),
    Exercise(
        "random_oversample",
        hint="Keep every row (np.arange(n)) and, for each class c, add n_max - "
        "count(c) indices drawn with rng.choice(..., replace=True) from that class; "
        "index X and y with the same array.",
        parts=("X_res", "y_res"),
    ),
    Exercise(
        "smote",
        hint="Find each row's k nearest *other* rows (a distance matrix with an "
        "infinite diagonal, or NearestNeighbors(n_neighbors=k + 1) without the first "
        "column). For each new row pick a random row x, a random one of its "
        "neighbours x_nn and one number u = rng.random(): x + u * (x_nn - x).",
    ),
    Exercise(
        "balanced_class_weights",
        hint="Count each class (np.unique(y, return_counts=True)); weight = n / "
        "(n_classes * count). Return a dict {class: weight}.",
        reference=class_weight_reference,
        cases=lambda: [
            *((y,) for y in class_weight_cases(seed=0, n_random=10)),
            *_extra_cases("balanced_class_weights"),
        ],
        mistakes=[
            Mistake(
                lambda y: _weights(y, lambda n, k, m: k * m / n),
                "The weights look inverted: a rare class must get a *large* weight, "
                "n / (n_classes * count).",
            ),
            Mistake(
                lambda y: _weights(y, lambda n, k, m: 1 / m),
                "1 / count has the right ordering but not the scale: multiply by "
                "n / n_classes, so that a balanced data set gets weight 1 for every "
                "class.",
            ),
            Mistake(
                lambda y: _weights(y, lambda n, k, m: n / m),
                "Divide by the number of classes too: n / (n_classes * count).",
            ),
            Mistake(
                lambda y: _weights(y, lambda n, k, m: n / (2 * m)),
                "That divides by 2 whatever the number of classes is: use "
                "n_classes = the number of distinct labels.",
            ),
            Mistake(
                lambda y: {
                    c: w / sum(_weights(y, lambda n, k, m: 1 / m).values())
                    for c, w in _weights(y, lambda n, k, m: 1 / m).items()
                },
                "The weights should not sum to 1: each is n / (n_classes * "
                "count(class)).",
            ),
            Mistake(
                _weights_allclose,
                "These classes are nearly balanced, not exactly: 100,000 and "
                "100,001 samples give weights 1.000005 and 0.999995. Do not decide "
                "'balanced' with a tolerance (np.allclose); the formula n / "
                "(n_classes * count) gives exactly 1.0 when the classes are balanced.",
            ),
        ],
    ),
    Exercise(
        "best_threshold",
        hint="Try every distinct score t: predict `scores >= t`, compute F-beta = "
        "(1 + b²)TP / ((1 + b²)TP + b²FN + FP) (0 when TP = 0) and keep the best; on "
        "a tie keep the larger t.",
        reference=best_threshold_reference,
        cases=lambda: [
            *threshold_cases(seed=0, n_random=10),
            *_extra_cases("best_threshold"),
        ],
        mistakes=[
            Mistake(
                lambda t, s, beta=1.0: _threshold_variant(t, s, beta, smallest=True),
                "Several thresholds reach the best F-beta here: return the largest of "
                "them.",
            ),
            Mistake(
                lambda t, s, beta=1.0: _threshold_variant(t, s, beta, ignore_beta=True),
                "That threshold maximises F1: use the beta argument in F-beta.",
            ),
            Mistake(
                _threshold_ungrouped,
                "Tied scores are one threshold: `scores >= t` flags every sample "
                "scoring t at once, so count a group of equal scores together (a "
                "running count inside the group gives F values no threshold reaches).",
            ),
            Mistake(
                lambda t, s, beta=1.0: _threshold_variant(t, s, beta, strict=True),
                "Predict positive when `scores >= t` (greater than *or equal*), so "
                "that the sample scoring exactly t is flagged.",
            ),
            Mistake(
                _threshold_index,
                "That looks like the position of the threshold: return the score "
                "value t itself.",
            ),
            Mistake(
                lambda t, s, beta=1.0: float("inf"),
                "Return one of the scores. With no positive in y_true every threshold "
                "has F-beta = 0: all tie, and the largest score wins (inf, as in "
                "roc_curve's thresholds, is not a score).",
            ),
            Mistake(
                _threshold_best_f,
                "That looks like the best F-beta value: return the threshold t that "
                "reaches it.",
            ),
            Mistake(
                _threshold_float32,
                "Two different scores are two thresholds, however close: do not "
                "round the scores or cast them to float32 (which cannot tell 0.75 "
                "from 0.75 + 1e-12) to merge ties; return the score itself.",
            ),
            Mistake(
                _threshold_f_isclose,
                "These F-beta values differ (by a few parts in a million or less), so "
                "they are not a tie and the smaller threshold wins: compare F-beta "
                "exactly (f > best_f), not with np.isclose, rounding or float32; only "
                "an exact tie goes to the larger threshold.",
            ),
        ],
    ),
)

checker = EXERCISES.checker


# ------------------------------------------------------------------ resampling cases
def resampling_case(counts, n_features=3, labels=None, seed=0, as_list=False):
    """A shuffled data set with the given class counts and row ids in column 0.

    ``X[:, 0]`` is the row index, so a check can tell exactly which original row each
    output row is, whether rows stay paired with their labels and whether a row was
    used twice.

    Parameters
    ----------
    counts : sequence of int
        Number of rows of each class (at least one class, each count >= 1).
    n_features : int, default=3
        Columns of X, the first being the row id.
    labels : sequence, optional
        The class labels, one per count (ints or strings); 0, 1, 2... by default.
    seed : int, default=0
        Seed of the features and the shuffling.
    as_list : bool, default=False
        Return X and y as Python lists instead of arrays.

    Returns
    -------
    X : ndarray of shape (sum(counts), n_features) or list of lists
    y : ndarray of shape (sum(counts),) or list

    Examples
    --------
    >>> X, y = resampling_case([3, 1])
    >>> X[:, 0].tolist(), sorted(y.tolist())
    ([0.0, 1.0, 2.0, 3.0], [0, 0, 0, 1])
    """
    counts = [int(c) for c in counts]
    if not counts or min(counts) < 1:
        raise ValueError(f"counts must hold at least one count >= 1, got {counts!r}")
    n_features = check_int("n_features", n_features, low=1)
    labels = list(range(len(counts))) if labels is None else list(labels)
    if len(labels) != len(counts) or len(set(labels)) != len(labels):
        raise ValueError(
            f"labels must be {len(counts)} distinct values, one per count, got {labels!r}"
        )
    rng = np.random.default_rng(seed)
    y = np.concatenate([[lab] * c for lab, c in zip(labels, counts, strict=True)])
    y = y[rng.permutation(len(y))]
    X = np.round(rng.normal(size=(len(y), n_features)), 3)
    X[:, 0] = np.arange(len(y))
    return (X.tolist(), y.tolist()) if as_list else (X, y)


def resampling_cases(seed=0, n_random=16):
    """Data sets for the resampling checks: edge cases, then seeded random ones.

    Two, three and four classes, int and string labels, a class with one row, classes
    tied for smallest or largest and an already balanced set; inputs alternate between
    arrays and Python lists. (No single-class set: imbalanced-learn's samplers, a
    correct answer when wrapped, refuse one.)

    Yields
    ------
    X, y
        As :func:`resampling_case` makes them (``X[:, 0]`` is the row id).
    """
    edge = [
        ([8, 3], None),
        ([3, 8], None),
        ([5, 9, 2], None),
        ([4, 7, 7, 12], _STR_LABELS[0]),
        ([6, 6], None),
        ([10, 1], None),
        ([3, 3, 9], _STR_LABELS[1][:3]),
        ([2, 11, 11], _INT_LABELS[2][:3]),
    ]
    for i, (counts, labels) in enumerate(edge):
        yield resampling_case(counts, labels=labels, seed=seed + i, as_list=i % 2 == 1)
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        k = int(rng.integers(2, 5))
        counts = rng.integers(1, 25, size=k).tolist()
        pool = (_INT_LABELS + _STR_LABELS)[i % 6]
        yield resampling_case(
            counts,
            n_features=int(rng.integers(1, 5)),
            labels=pool[:k],
            seed=seed + 100 + i,
            as_list=i % 2 == 0,
        )


def extreme_resampling_cases(seed=0):
    """Data sets for the resampling checks at the edges of floats and sizes.

    ``X[:, 0]`` is still the row id; the other columns are

    * int64 timestamps in milliseconds (1.7e12), as an array and as Python lists:
      a float32 copy changes them, so rows must stay exactly what they were;
    * 1e8 + N(0, 1) (a large offset with a small spread) and tiny values (1e-300);
    * absent: X has one column (the row id), and labels are ints that are not 0..k-1;
    * 4,400 rows in three string classes.

    Parameters
    ----------
    seed : int
        Seed of the values and the shuffling.

    Yields
    ------
    X, y, why
    """
    rng = np.random.default_rng(check_seed(seed))
    X, y = resampling_case([9, 4, 6], labels=_STR_LABELS[0][:3], seed=seed)
    stamps = 1_700_000_000_000 + rng.integers(0, 10**6, size=(len(y), 2))
    Xi = np.c_[np.arange(len(y)), stamps].astype(np.int64)
    yield Xi, y, "int64 timestamps near 1.7e12 in X"
    X, y = resampling_case([5, 11, 7], labels=_INT_LABELS[2][:3], seed=seed + 1)
    stamps = 1_700_000_000_000 + rng.integers(0, 10**6, size=(len(y), 1))
    yield np.c_[np.arange(len(y)), stamps].tolist(), y.tolist(), "integer lists, 1.7e12"
    X, y = resampling_case([6, 10, 3, 8], labels=_STR_LABELS[0], seed=seed + 2)
    X[:, 1:] = 1e8 + rng.normal(size=(len(y), 2))
    yield X, y, "1e8 + a spread of 1 in X"
    X, y = resampling_case([8, 3], labels=_STR_LABELS[1][:2], seed=seed + 3)
    X[:, 1:] *= 1e-300
    yield X.tolist(), y.tolist(), "tiny values (1e-300) in X, as lists"
    X, y = resampling_case([7, 3, 12], n_features=1, labels=[-1, 1, 7], seed=seed + 4)
    yield X, y, "X with a single column, labels -1, 1, 7"
    X, y = resampling_case([3000, 200, 1200], labels=_STR_LABELS[1][:3], seed=seed + 5)
    yield X, y, "4,400 rows"


# ----------------------------------------------------------------- resampling checks
def _result_pair(bare, result, X):
    """Unpack (X_res, y_res) as arrays, or fail with a clear message."""
    __tracebackhide__ = True
    ok = isinstance(result, tuple | list) and len(result) == 2
    bare.that(ok, "should return a pair (X_res, y_res)")
    try:
        X_res = np.asarray(result[0], dtype=float)
    except (TypeError, ValueError):
        X_res = None
    n_features = np.asarray(X).shape[1]
    bare.that(
        X_res is not None and X_res.ndim == 2 and X_res.shape[1] == n_features,
        lambda: (
            f"X_res should be a 2-D array of numbers with {n_features} columns "
            f"like X, got {'something else' if X_res is None else f'shape {X_res.shape}'}"
        ),
    )
    y_res = np.asarray(result[1])
    bare.that(
        y_res.ndim == 1 and len(y_res) == len(X_res),
        lambda: (
            f"y_res should be 1-D with one label per row of X_res ({len(X_res)}), "
            f"got shape {y_res.shape}"
        ),
    )
    return X_res, y_res


def _class_counts(case, y, y_res, target, which):
    """Every class has ``target`` rows, ``which`` ("smallest" or "largest") class."""
    __tracebackhide__ = True
    original = Counter(np.asarray(y).tolist())
    got = {
        c: sum(1 for v in y_res.tolist() if v == c) for c in sorted(original, key=str)
    }
    ok = all(n == target for n in got.values()) and len(y_res) == target * len(original)
    case.that(
        ok,
        lambda: (
            f"class counts after resampling are {got}; expected {target} rows of "
            f"every class (the size of the {which} class)"
        ),
        hint="Work class by class over every distinct label (np.unique(y)), whatever "
        f"the number of classes; the target size is the {which} class count.",
    )


def _paired_ids(case, X, y, X_res, y_res):
    """Row ids of the output rows; fails unless each is an original row and label."""
    __tracebackhide__ = True
    Xa, ya = np.asarray(X, dtype=float), np.asarray(y)
    ids = np.rint(X_res[:, 0]).astype(int) if len(X_res) else np.zeros(0, int)
    valid = (np.abs(X_res[:, 0] - ids) < 1e-6) & (ids >= 0) & (ids < len(Xa))
    rows_ok = valid.copy()
    rows_ok[valid] = np.all(X_res[valid] == Xa[ids[valid]], axis=1)  # exact copies
    bad = np.flatnonzero(~rows_ok)
    hint = (
        "Select whole rows of X with an index array, X[idx], and never build or "
        "change rows."
    )
    if bad.size and valid[bad[0]]:
        b = bad[0]
        if np.allclose(X_res[b], Xa[ids[b]], rtol=1e-5, atol=0):
            hint += (
                f" Row {b} is X[{ids[b]}] up to its last digits: keep X's own "
                "values and dtype (no float32, no rounding), so that every row stays "
                "exactly what it was."
            )
    case.that(
        bad.size == 0,
        lambda: f"row {bad[0]} of X_res is not a row of X",
        hint=hint,
    )
    labels_ok = [a == b for a, b in zip(y_res.tolist(), ya[ids].tolist(), strict=True)]
    wrong = [i for i, ok in enumerate(labels_ok) if not ok]
    case.that(
        not wrong,
        lambda: (
            f"rows and labels are no longer paired: row {wrong[0]} of X_res is "
            f"X[{ids[wrong[0]]}], whose label is {ya[ids[wrong[0]]]!r}, but y_res says "
            f"{y_res[wrong[0]]!r}"
        ),
        hint="Draw one array of row indices and use it for both: X[idx], y[idx]. "
        "Shuffling X and y separately breaks the pairing.",
    )
    return ids


def _resampled(check, X, y, random_state, why, which):
    """The checks both resamplers share: call, unpack, class counts, pairing.

    ``which`` is "smallest" (undersampling) or "largest" (oversampling): the class
    whose size every class must reach. Returns the bound case and the original row of
    each output row.
    """
    __tracebackhide__ = True
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    result = check.call(X, y, **kwargs)
    X_res, y_res = _result_pair(check.case(X, y, got=result, **kwargs), result, X)
    sizes = Counter(np.asarray(y).tolist()).values()
    target = min(sizes) if which == "smallest" else max(sizes)
    case = check.case(X, y, got=result, why=why, **kwargs)
    _class_counts(case, y, y_res, target, which)
    return case, _paired_ids(case, X, y, X_res, y_res)


def check_undersample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_undersample`` by its invariants.

    Every class ends with as many rows as the smallest class, every output row is a
    row of X with its own label (``X[:, 0]`` must be the row id), and no row is used
    twice, so the smallest class is kept whole.

    Parameters
    ----------
    check : Checker
        The exercise's checker (its function is called, quietly and on copies).
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
        Passed on; ``"default"`` leaves the argument out.
    why : str, optional
        What the case is about, shown on failure.

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    case, ids = _resampled(check, X, y, random_state, why, "smallest")
    dup = [i for i, c in Counter(ids.tolist()).items() if c > 1]
    case.that(
        not dup,
        lambda: (
            f"row X[{dup[0]}] appears more than once: undersampling draws rows "
            "without replacement (and keeps the smallest class whole)"
        ),
        hint="Use rng.choice(indices, size, replace=False) (or a permutation and a "
        "slice).",
    )
    return ids


def check_oversample(check: Checker, X, y, random_state=0, why=None):
    """Check one call of a learner's ``random_oversample`` by its invariants.

    Every class ends with as many rows as the largest class, every output row is a
    row of X with its own label, and every original row is kept (so the largest class
    is unchanged and only copies are added).

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case`.
    random_state : int or None or "default"
    why : str, optional

    Returns
    -------
    ids : ndarray of int
        The original row of each output row.
    """
    __tracebackhide__ = True
    case, ids = _resampled(check, X, y, random_state, why, "largest")
    missing = sorted(set(range(len(np.asarray(y)))) - set(ids.tolist()))
    case.that(
        not missing,
        lambda: (
            f"{len(missing)} original row(s) are missing, e.g. X[{missing[0]}]: "
            "oversampling keeps every original row and only adds copies"
        ),
        hint="Start from all the rows (np.arange(n)) and append the extra indices "
        "drawn with replacement; do not redraw the whole class.",
    )
    return ids


def check_random_resampling(check: Checker, X, y, kind, seeds=range(30)):
    """Check that a resampler is random, reproducible and can pick every row.

    The same ``random_state`` must give the same result; different seeds must give
    different results, and over the seeds every row that may be drawn is drawn at
    least once (rules out "take the first rows" or "repeat the class in order").

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set from :func:`resampling_case` whose classes differ in size.
    kind : {"under", "over"}
    seeds : iterable of int
    """
    __tracebackhide__ = True
    check_choice("kind", kind, ("under", "over"))
    one = check_undersample if kind == "under" else check_oversample
    seeds = list(seeds)
    first = check.call(X, y, random_state=seeds[0])
    again = check.call(X, y, random_state=seeds[0])
    same = all(
        np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        for a, b in zip(first, again, strict=False)
    ) and len(first) == len(again)
    check.case(X, y, random_state=seeds[0], got=again).that(
        same,
        "two calls with the same random_state gave different results",
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    ya = np.asarray(y)
    counts = Counter(ya.tolist())
    n_min, n_max = min(counts.values()), max(counts.values())
    drawn: list[frozenset] = []
    for seed in seeds:
        ids = one(check, X, y, random_state=seed)
        if kind == "under":
            drawn.append(frozenset(ids.tolist()))
        else:
            extra = Counter(ids.tolist())
            drawn.append(frozenset((i, c) for i, c in extra.items() if c > 1))
    over_seeds = check.case(X, y, random_state=f"{seeds[0]}..{seeds[-1]}")
    over_seeds.that(
        len(set(drawn)) > 1,
        f"all {len(seeds)} seeds drew the same rows: the rows must be drawn at random",
        hint="Draw the rows with rng.choice (or shuffle with rng.permutation); do not "
        "take the first rows of each class or repeat a class in order.",
    )
    if kind == "under":
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] > n_min}
        used = set().union(*drawn)
    else:
        eligible = {i for i, v in enumerate(ya.tolist()) if counts[v] < n_max}
        used = {i for d in drawn for i, _ in d}
    never = sorted(eligible - used)
    over_seeds.that(
        not never,
        lambda: (
            f"over {len(seeds)} seeds, row X[{never[0]}] was never drawn: every "
            "row of a class must have a chance"
        ),
        hint="Draw from all the indices of the class, np.flatnonzero(y == c).",
    )
    if kind == "over":
        # Classes needing 2 <= m <= count extra rows: drawn without replacement they
        # never repeat a row among the extras; with replacement they almost surely do
        # at some seed (each seed: at most 1 - P(no repeat), tiny over 30 seeds).
        small = {c for c, m in counts.items() if 2 <= n_max - m <= m}
        if small:
            repeat = any(c > 2 and ya[i] in small for d in drawn for i, c in d)
            over_seeds.that(
                repeat,
                f"over {len(seeds)} seeds, no row was added twice to a class that "
                "needs no more extra rows than it has: the extra rows must be drawn "
                "with replacement",
                hint="rng.choice(indices, n_max - count, replace=True), whatever the "
                "number of extra rows.",
            )


# ------------------------------------------------------------ fresh-process repeats
# PYTHONHASHSEED values under which a set of the string labels of the resampling
# cases iterates in different orders (whatever the insertion order), so that a result
# that depends on that order differs between the two processes.
HASH_SEEDS = ("1", "4")

_CHILD = """
import pickle, sys, warnings
from collections.abc import Iterator

warnings.simplefilter("ignore")
with open(sys.argv[1], "rb") as f:
    path, blob = pickle.load(f)
sys.path[:] = path
func, args, kwargs = pickle.loads(blob)
result = func(*args, **kwargs)
if isinstance(result, Iterator):
    result = tuple(result)
with open(sys.argv[2], "wb") as f:
    pickle.dump(result, f)
"""


def run_in_fresh_processes(func, args, kwargs, hash_seeds=HASH_SEEDS, timeout=60.0):
    """``func(*args, **kwargs)`` in fresh Python processes, one per ``PYTHONHASHSEED``.

    The function is sent by value with cloudpickle (with the globals it uses: the
    modules it imports are imported again by name, helper functions defined in the
    notebook travel with it) to ``sys.executable`` with the same ``sys.path``; the
    processes run at the same time.

    Parameters
    ----------
    func : callable
    args : tuple
    kwargs : dict
    hash_seeds : sequence of str
        One process per value of ``PYTHONHASHSEED``.
    timeout : float
        Seconds to wait for all of them.

    Returns
    -------
    list or None
        One result per hash seed, or None when the function could not be run in
        another process (cloudpickle missing, something that does not pickle, a
        crash, a time-out): then nothing can be said about reproducibility.
    """
    try:
        import cloudpickle
    except ImportError:  # pragma: no cover - scikit-learn's joblib ships a copy
        try:
            from joblib.externals import cloudpickle
        except ImportError:
            return None
    try:
        blob = cloudpickle.dumps((func, args, kwargs))
        payload = pickle.dumps(([p for p in sys.path if p], blob))
    except Exception:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        call = Path(tmp) / "call.pkl"
        call.write_bytes(payload)
        procs = []
        for i, seed in enumerate(hash_seeds):
            out = Path(tmp) / f"result{i}.pkl"
            proc = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(call), str(out)],
                env={**os.environ, "PYTHONHASHSEED": str(seed)},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            procs.append((proc, out))
        deadline = time.monotonic() + timeout
        try:
            for proc, _ in procs:
                proc.wait(max(deadline - time.monotonic(), 0.01))
        except subprocess.TimeoutExpired:
            for proc, _ in procs:
                proc.kill()
                proc.wait()
            return None
        if any(proc.returncode != 0 or not out.exists() for proc, out in procs):
            return None
        try:
            return [pickle.loads(out.read_bytes()) for _, out in procs]
        except Exception:
            return None


def _same_result(a, b):
    """Equal results, part by part, whatever the containers (arrays or lists)."""
    try:
        a, b = list(a), list(b)
        return len(a) == len(b) and all(
            np.asarray(p).tolist() == np.asarray(q).tolist()
            for p, q in zip(a, b, strict=True)
        )
    except Exception:
        return False


def check_fresh_process(check: Checker, X, y, random_state=7, hash_seeds=HASH_SEEDS):
    """Check that a seed gives the same resampled rows in a fresh Python process.

    The notebook promises that a seed gives the same rows for everyone and for the
    grader. Iterating over a set of string labels breaks it: string hashes are salted
    per process, so the classes (and the rows drawn for each) come in another order.
    The learner's function runs here and in fresh processes with different
    ``PYTHONHASHSEED`` values (:func:`run_in_fresh_processes`); all results must be
    equal. When the function cannot run elsewhere, nothing is checked.

    Parameters
    ----------
    check : Checker
        The exercise's checker.
    X, y : array-like
        A data set with string labels.
    random_state : int
    hash_seeds : sequence of str
    """
    __tracebackhide__ = True
    here = check.call(X, y, random_state=random_state)
    there = run_in_fresh_processes(
        check.func, (X, y), {"random_state": random_state}, hash_seeds
    )
    if there is None:
        return
    for seed, result in zip(hash_seeds, there, strict=True):
        check.case(
            X,
            y,
            random_state=random_state,
            got=result,
            why=f"the same call in a fresh Python process (PYTHONHASHSEED={seed})",
        ).that(
            _same_result(here, result),
            "a fresh Python process gave other rows for the same random_state than "
            "this notebook: the result depends on more than the seed",
            hint="Iterating over a set of strings (set(y)) visits the classes in an "
            "order that changes from one Python process to the next (string hashes "
            "are salted per process). Go through the classes in a fixed order: "
            "np.unique(y) (sorted) or the order of first appearance "
            "(dict.fromkeys(y)).",
        )


def _set_orders(labels):
    """The positions in ``labels`` of a set's labels, built in first-seen or sorted order.

    Also each order without one label (a class that draws nothing, such as the
    largest one when oversampling, does not show in the result).
    """
    orders = []
    for seq in (labels, sorted(labels)):
        order = [labels.index(v) for v in set(seq)]
        orders.append(tuple(order))
        if len(labels) >= 3:
            orders.extend(tuple(i for i in order if i != d) for d in range(len(labels)))
    return orders


def relabelling(y):
    """A renaming of the string labels of ``y`` that a set iterates in another order.

    Every label gets the same prefix, which keeps their sorted order, their lengths'
    order, their first appearance and their counts: whatever a reproducible answer
    may order the classes by. Only the string hashes change, and the prefix is chosen
    so that, in this process, a set of the labels iterates them in another order than
    a set of the original labels (even with any one label left out).

    Parameters
    ----------
    y : array-like of str

    Returns
    -------
    dict or None
        ``{label: new label}``, or None when no prefix changes the order.
    """
    labels = list(dict.fromkeys(np.asarray(y).tolist()))
    if len(labels) < 2 or not all(isinstance(v, str) for v in labels):
        return None
    before = _set_orders(labels)
    for i in range(200):
        prefix = f"class{i}_"
        after = _set_orders([prefix + v for v in labels])
        if all(a != b for a, b in zip(before, after, strict=True)):
            return {v: prefix + v for v in labels}
    return None  # pragma: no cover - 200 prefixes all keeping the order


def check_relabelled(check: Checker, X, y, random_state=7):
    """Check that renaming the classes (same order, same counts) draws the same rows.

    A cheap, in-process companion of :func:`check_fresh_process` for string labels:
    the labels get a common prefix (:func:`relabelling`), which changes nothing a
    reproducible answer depends on but changes the order in which a set of the labels
    is iterated. The same seed must then draw the same rows (with the renamed labels).

    Parameters
    ----------
    check : Checker
    X, y : array-like
        A data set with string labels.
    random_state : int
    """
    __tracebackhide__ = True
    rename = relabelling(y)
    if rename is None:
        return
    y_new = [rename[v] for v in np.asarray(y).tolist()]
    if isinstance(y, np.ndarray):
        y_new = np.asarray(y_new)
    first = check.call(X, y, random_state=random_state)
    X1, y1 = _result_pair(
        check.case(X, y, got=first, random_state=random_state), first, X
    )
    second = check.call(X, y_new, random_state=random_state)
    case = check.case(
        X,
        y_new,
        got=second,
        random_state=random_state,
        why=f"the labels renamed {rename[next(iter(rename))]!r}, ...: same classes, "
        "same order, same counts",
    )
    X2, y2 = _result_pair(case, second, X)
    back = {v: k for k, v in rename.items()}
    same = (
        X1.shape == X2.shape
        and np.array_equal(X1, X2)
        and [back.get(v, v) for v in y2.tolist()] == y1.tolist()
    )
    case.that(
        same,
        "giving the classes other names (a common prefix: their sorted order, counts "
        "and first appearance unchanged) changed the rows drawn with the same "
        "random_state: the order of the classes seems to come from a set, which "
        "changes from one Python process to the next",
        hint="Iterating over a set of strings (set(y)) visits the classes in an "
        "order that depends on the string hashes, salted per process. Go through the "
        "classes in a fixed order: np.unique(y) (sorted) or the order of first "
        "appearance (dict.fromkeys(y)).",
    )


# ----------------------------------------------------------------------- smote cases
def smote_cases(seed=0):
    """Inputs ``(X_minority, n_samples, k_neighbors, why, distinct)`` for SMOTE checks.

    ``distinct`` says the rows of ``X_minority`` are all different, so a synthetic row
    that equals an original one betrays a row used as its own neighbour.
    """
    rng = np.random.default_rng(seed)
    far = np.vstack([rng.normal(0, 0.5, (5, 2)), rng.normal(30, 0.5, (5, 2))])
    chain = np.array([[0.0, 0], [1, 0.1], [2.5, 0], [4.5, 0.3], [7, 0], [10, 0.2]])
    dup = np.array([[0.0, 0], [0, 0], [1, 1], [2, 0], [0, 2], [1, 1], [3, 3]])
    yield rng.normal(size=(12, 3)).round(3), 200, 3, "12 points in 3-D, k=3", True
    yield far.tolist(), 200, 2, "two far-apart clusters, k=2 (as lists)", True
    yield far, 200, 4, "two far-apart clusters, k=4", True
    yield chain, 150, 1, "points on a line of growing gaps, k=1", True
    yield rng.normal(size=(20, 4)), 300, 5, "20 points in 4-D, k=5", True
    yield dup, 80, 2, "duplicated rows in X_minority", False
    yield dup.tolist(), 60, 1, "duplicated rows, k=1", False
    yield rng.uniform(-5, 5, (8, 2)), 1, 3, "a single synthetic row", True
    yield rng.normal(size=(6, 1)), 40, 2, "one feature", False


def extreme_smote_cases(seed=0):
    """SMOTE inputs at the edges of floating point, as :func:`smote_cases` gives them.

    * integer rows (a grid, and timestamps near 1.7e9 as Python ints, one with one
      feature): synthetic rows are not integers, so rows allocated with the input's
      integer dtype are truncated off their segments;
    * large offsets with a small spread (1e6 + N(0, 1), 1e6 + N(0, 0.01), 1e8 +
      N(0, 1)): float32 rows leave their segments, and squared distances by expanding
      the square (|a|² + |b|² − 2a·b) pick wrong neighbours at a spread of 1e-8 of
      the offset; tiny values (1e-9 scale), where a tolerance such as
      ``isclose(d, 0)`` takes every row for the row itself;
    * every row three times (all neighbours at distance 0), ``k_neighbors = n - 1``
      and two rows.

    Each case has several times more rows than ``k_neighbors + 1``, except the last
    two, so that scikit-learn's ``NearestNeighbors`` picks an exact tree search.

    Parameters
    ----------
    seed : int
        Seed of the points.

    Yields
    ------
    X_minority, n_samples, k_neighbors, why, distinct
    """
    rng = np.random.default_rng(check_seed(seed))
    grid = rng.choice(900, size=12, replace=False)
    yield np.c_[grid // 30, grid % 30], 200, 3, "integer rows (int64)", True
    stamps = 1_700_000_000 + rng.choice(1000, size=(14, 2), replace=False)
    yield stamps.tolist(), 150, 2, "integer timestamps near 1.7e9 (lists)", True
    for offset, spread, shape in ((1e6, 1.0, (30, 2)), (1e6, 0.01, (40, 3))):
        X = offset + spread * rng.normal(size=shape)
        why = f"{offset:g} + a spread of {spread:g}: far from 0, close together"
        yield X, 200, 3, why, True
    yield 1e8 + rng.normal(size=(40, 2)), 200, 3, "1e8 + a spread of 1", True
    yield 1e-9 * rng.normal(size=(15, 2)), 100, 3, "tiny values, 1e-9 scale", True
    X = np.repeat(rng.normal(size=(5, 2)).round(2), 3, axis=0)[rng.permutation(15)]
    yield X, 60, 2, "every row three times: neighbours at distance 0", False
    yield rng.normal(size=(8, 3)), 100, 7, "k_neighbors = n - 1", True
    one = 1_700_000_000 + rng.choice(1000, size=(10, 1), replace=False)
    yield one, 60, 2, "one integer feature", False
    yield (
        np.array([[0.0, 1e6], [3.0, 1e6 + 4.0]]),
        30,
        1,
        "two rows, k_neighbors=1",
        False,
    )


# ---------------------------------------------------------------------- smote checks
def _scales(X):
    """(extent, magnitude): the largest spread of a feature and the largest |value|."""
    if X.size == 0:
        return 0.0, 0.0
    return float(np.ptp(X, axis=0).max()), float(np.abs(X).max())


def _tolerance(X):
    """How far from a segment a correct float64 row can be: relative to the spread.

    Rounding in ``x + u (x_nn - x)`` and its other forms is a few units in the last
    place of the largest value (1e-12 of it is ample); the rest is relative to the
    spread of the data, so that rows 1e6 + 0.01 apart are checked to 1e-9, not 0.1.
    """
    extent, magnitude = _scales(X)
    return 1e-7 * extent + 1e-12 * magnitude


def segment_pairs(X, k, nearest=True):
    """Allowed (i, j) pairs: j among i's k nearest other rows (ties all allowed)."""
    d = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    if not nearest:
        i, j = np.nonzero(np.isfinite(d))
        return i, j
    kth = np.sort(d, axis=1)[:, k - 1]
    extent, magnitude = _scales(X)
    scale = 1e-9 * extent + 1e-12 * magnitude  # distances equal up to rounding
    i, j = np.nonzero(d <= kth[:, None] + scale)
    return i, j


def _segment_fit(R, X, pairs):
    """For each row of R: on some pair's line (residual), and the u found there."""
    i, j = pairs
    base, diff = X[i], X[j] - X[i]  # (P, F)
    dd = (diff**2).sum(1)  # (P,)
    rel = R[:, None, :] - base[None, :, :]  # (R, P, F)
    u = np.where(dd > 0, (rel * diff[None]).sum(-1) / np.where(dd > 0, dd, 1), 0.0)
    resid = np.sqrt(((rel - u[..., None] * diff[None]) ** 2).sum(-1))  # (R, P)
    return resid, u


def _on_each_segment(R, X, pairs, u_ok=True):
    """(rows of R, pairs) boolean: the row lies on that pair's segment (or line)."""
    tol = _tolerance(X)
    resid, u = _segment_fit(R, X, pairs)
    ok = resid <= tol
    if u_ok:
        i, j = pairs
        length = np.sqrt(((X[j] - X[i]) ** 2).sum(1))
        slack = 1e-9 + np.divide(
            tol, length, out=np.zeros_like(length), where=length > 0
        )
        ok &= (u >= -slack) & (u <= 1 + slack)
    return ok


def _on_segments(R, X, pairs, u_ok=True):
    return _on_each_segment(R, X, pairs, u_ok).any(axis=1)


def _undirected(pairs):
    return {frozenset(p) for p in zip(*pairs, strict=True)}


def _off_segment_hint(row, X, k):
    """Why a synthetic row is on no allowed segment, as a hint."""
    extent, magnitude = _scales(X)
    if _on_segments(row, X, segment_pairs(X, k, nearest=False))[0]:
        far = ""
        if magnitude > 1e4 * extent:
            far = (
                " Far from 0 with a small spread, compute distances from the "
                "differences (x - z), not as |x|² + |z|² - 2 x·z, which loses every "
                "digit of the spread."
            )
        elif extent < 1e-6:
            far = (
                " Tiny distances are distances too: do not compare them with a "
                "tolerance (np.isclose(d, 0) holds for every d below 1e-8); only "
                "the row itself is left out."
            )
        return (
            f"That row lies between two rows of X_minority that are not "
            f"neighbours: x_nn must be one of the k_neighbors={k} nearest rows of x "
            f"(by Euclidean distance), not any row.{far}"
        )
    keep = (
        "Keep every digit: a synthetic row is a float even when X_minority holds "
        "integers (allocate the result as floats, e.g. np.asarray(X_minority, "
        "dtype=float)), and do not round it or compute in float32."
    )
    if np.all(X == np.round(X)) and np.all(row == np.round(row)):
        return (
            f"That row is whole numbers, like X_minority, but off every segment. {keep}"
        )
    resid, u = _segment_fit(row, X, segment_pairs(X, k))
    near = (u >= -0.01) & (u <= 1.01)
    if near.any() and resid[near].min() <= 0.01 * extent + 1e-6 * magnitude:
        return (
            f"That row is {resid[near].min():.2g} away from a segment between a row "
            f"and a neighbour: close, but not on it. {keep}"
        )
    if _on_segments(row, X, segment_pairs(X, k), u_ok=False)[0]:
        return (
            "That row is on the line through x and a neighbour but beyond them: "
            "u must be between 0 and 1 (rng.random())."
        )
    return (
        "That row is on no segment between two rows of X_minority. Use one "
        "number u for all the features of a new row: x + u * (x_nn - x), "
        "u = rng.random() (not rng.random(n_features))."
    )


def check_smote(
    check: Checker,
    X_minority,
    n_samples,
    k_neighbors=5,
    random_state=0,
    why=None,
    distinct=True,
):
    """Check one call of a learner's ``smote`` by its invariants.

    The result has shape ``(n_samples, n_features)``; every row lies on a segment from
    a row x of ``X_minority`` towards one of its ``k_neighbors`` nearest other rows,
    ``x + u (x_nn - x)`` with u in [0, 1) (ties in distance allow either neighbour).
    When the rows of ``X_minority`` are distinct (``distinct=True``) and there are at
    least 40 new rows, almost none may equal an original row (a row used as its own
    neighbour) and almost all must differ from each other (one fresh u per row).

    Parameters
    ----------
    check : Checker
    X_minority : array-like of shape (n, n_features)
    n_samples : int
    k_neighbors : int or None
        Passed on; None leaves the argument out (the default, 5).
    random_state : int or None
    why : str, optional
    distinct : bool, default=True

    Returns
    -------
    ndarray of shape (n_samples, n_features)
    """
    __tracebackhide__ = True
    kwargs = {"random_state": random_state}
    if k_neighbors is not None:
        kwargs["k_neighbors"] = k_neighbors
    k = 5 if k_neighbors is None else k_neighbors
    result = check.call(X_minority, n_samples, **kwargs)
    case = check.case(X_minority, n_samples, got=result, why=why, **kwargs)
    X = np.asarray(X_minority, dtype=float)
    try:
        R = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        R = None
    expected = (n_samples, X.shape[1])
    case.that(
        R is not None and R.shape == expected,
        lambda: (
            f"should be an array of shape {expected}, got "
            f"{'something else' if R is None else f'shape {R.shape}'}"
        ),
        hint="Return one row per synthetic sample: shape (n_samples, n_features).",
    )
    good = _on_segments(R, X, segment_pairs(X, k))
    if not good.all():
        r = int(np.flatnonzero(~good)[0])
        case.that(
            False,
            f"row {r} of the result, {[float(f'{v:.10g}') for v in R[r]]}, is not "
            f"x + u (x_nn - x) for a row x, one of its k_neighbors={k} nearest other "
            "rows x_nn and u in [0, 1)",
            hint=_off_segment_hint(R[r : r + 1], X, k),
        )
    if distinct and n_samples >= 40:
        extent, magnitude = _scales(X)
        tol = 1e-12 * (extent + magnitude)  # a row used as its own neighbour is x
        copies = np.mean(
            np.any(np.all(np.abs(R[:, None, :] - X[None]) <= tol, axis=-1), axis=1)
        )
        case.that(
            copies <= 0.02,
            lambda: (
                f"{copies:.0%} of the new rows are exact copies of rows of X_minority"
            ),
            hint="A row is not its own neighbour: with NearestNeighbors ask for "
            "k_neighbors + 1 and drop the first column, or give the diagonal of a "
            "distance matrix an infinite distance.",
        )
        relative = (R - X.min(axis=0)) / (extent or 1.0)
        unique = len(np.unique(np.round(relative, 9), axis=0)) / n_samples
        case.that(
            unique >= 0.9,
            lambda: f"only {unique:.0%} of the new rows differ from each other",
            hint="Draw a fresh random u in [0, 1) (and a random x and neighbour) for "
            "every new row; u = 0.5 always gives only midpoints.",
        )
        _check_smote_spread(case, R, X, k)
    return R


def _check_smote_spread(case, R, X, k):
    """Many new rows from distinct points: not all from one x, not all to the nearest.

    A correct SMOTE picks x and one of its k neighbours at random for every row, so
    with 40 or more rows it fails these only with a negligible probability.
    """
    __tracebackhide__ = True
    pairs = segment_pairs(X, k)
    on = _on_each_segment(R, X, pairs)
    i, j = pairs
    # Points that are an end of some segment through each row; one shared by all rows
    # means every row was built from the same x.
    shared = set(range(len(X)))
    for row in on:
        shared &= set(i[row].tolist()) | set(j[row].tolist())
    case.that(
        not shared,
        lambda: (
            f"all {len(R)} new rows lie on segments from the same row of "
            f"X_minority, X_minority[{min(shared)}]"
        ),
        hint="Draw a random x for every new row (rng.integers(n, size=n_samples)), "
        "not one x for the whole call.",
    )
    nearest = segment_pairs(X, 1)
    if k >= 2 and _undirected(pairs) != _undirected(nearest):
        case.that(
            not _on_segments(R, X, nearest).all(),
            f"all {len(R)} new rows lie between a row and its nearest neighbour: x_nn "
            f"must be a random one of the k_neighbors={k} nearest rows",
            hint="Pick the neighbour at random among the k nearest, e.g. "
            "nn[i, rng.integers(k_neighbors)], not always the first column.",
        )


def check_smote_random(check: Checker, X_minority, n_samples=30, k_neighbors=2):
    """Check that ``smote`` is reproducible with a seed and random across seeds.

    Parameters
    ----------
    check : Checker
    X_minority : array-like of shape (n, n_features)
    n_samples, k_neighbors : int
    """
    __tracebackhide__ = True
    args = (X_minority, n_samples)
    runs = [
        np.asarray(check.call(*args, k_neighbors=k_neighbors, random_state=seed), float)
        for seed in (5, 5, 6)
    ]
    check.case(*args, k_neighbors=k_neighbors, random_state=5, got=runs[1]).that(
        runs[0].shape == runs[1].shape and np.allclose(runs[0], runs[1]),
        "two calls with the same random_state gave different rows",
        hint="Make every random draw from one generator built from the seed: "
        "rng = np.random.default_rng(random_state).",
    )
    check.case(*args, k_neighbors=k_neighbors, random_state=6, got=runs[2]).that(
        runs[0].shape != runs[2].shape or not np.allclose(runs[0], runs[2]),
        "random_state=5 and random_state=6 gave the same rows: the rows must be random",
        hint="Draw x, its neighbour and u from rng, the generator made from the seed.",
    )
