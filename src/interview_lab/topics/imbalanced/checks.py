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

The invariant checks live in :mod:`.resampling_checks` and :mod:`.smote_checks`
and are re-exported here. The ``extreme_*`` case generators go beyond unit scale: integer and 1e8-offset rows
that must be copied exactly, SMOTE far from 0 with a small spread (segment checks
relative to the spread, not to the magnitude), tiny values, F-beta near-ties far below
1e-8 and exact ties, n up to 200,000. Reproducibility is checked in fresh processes
(:func:`check_fresh_process`) and, in-process, by renaming string labels
(:func:`check_relabelled`): a seed must give the same rows whatever order a set of
labels happens to iterate in.
"""

from __future__ import annotations

import numpy as np

from ...checking import Exercise, Exercises, Mistake
from ...validation import check_seed
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
from .resampling_checks import (
    check_fresh_process,
    check_oversample,
    check_random_resampling,
    check_relabelled,
    check_undersample,
    extreme_resampling_cases,
    relabelling,
    resampling_case,
    resampling_cases,
    run_in_fresh_processes,
)
from .smote_checks import (
    check_smote,
    check_smote_random,
    extreme_smote_cases,
    smote_cases,
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
    * int labels that are not 0..k-1 (-3, 10**6), as a Python list;
    * int8 labels -100 and 100 (``y - y.min()`` wraps in int8).

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
    y = np.array([-100, -100, -100, 100], dtype=np.int8)
    yield y, "int8 labels -100 and 100 (y - y.min() wraps in int8)"


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
    (1.0, ((60013, 27325), (50000, 116923), (3000, 40000)), "4.5e-11"),
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
    * F-beta near-ties: two thresholds whose F-beta differ by 2.5e-6 down to 4.5e-11
      relative (the smaller threshold is strictly better and must win; ``isclose``,
      ``round(f, 9)`` or float32 arithmetic see a tie and keep the larger one), for
      beta 1, 2 and 0.5, with 2,000 to 297,000 samples on three tied scores;
    * an exact F-beta tie between counts in the thousands (the larger threshold wins);
    * 5,000 and 40,000 samples with many tied scores, and 1,200 distinct scores;
    * labels in int8 / uint8 with more than 127 / 255 positives, and uint8 / int8
      scores including 0 / -128 (read every input as Python ints or float64).

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
    yield from _dtype_threshold_cases()
    grid = np.random.default_rng(3)
    labels = (grid.random(1200) < 0.3).astype(int)
    scores = grid.normal(size=1200) + labels
    yield labels, scores, 1.0, "1,200 distinct scores: every one is a threshold to try"


def _dtype_threshold_cases():
    """Labels and scores in small integer dtypes: count and sort as Python ints/floats."""
    y = np.array([1] * 150 + [0] * 110, dtype=np.int8)
    s = [0.9] * 100 + [0.5] * 60 + [0.1] * 100
    yield y, s, 1.0, "int8 labels with 150 positives (an int8 count wraps past 127)"
    y = np.array([1] * 300 + [0] * 220, dtype=np.uint8)
    s = np.array([0.9] * 200 + [0.5] * 120 + [0.1] * 200)
    yield y, s, 1.0, "uint8 labels with 300 positives (a uint8 count wraps past 255)"
    s = np.array([0, 3, 3, 0], dtype=np.uint8)
    yield [1, 1, 1, 0], s, 1.0, "uint8 scores including 0 (-s wraps in uint8)"
    s = np.array([-128, 3, 3, -128], dtype=np.int8)
    yield (
        np.array([1, 1, 1, 0]),
        s,
        1.0,
        "int8 scores including -128 (-s wraps in int8)",
    )


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
