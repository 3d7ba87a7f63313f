"""06_kmeans: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`; a test cell asks for a checker
and runs invariant checks on it::

    check = topic.checker("kmeans", kmeans)
    topic.check_kmeans(check, X, 4, random_state=0)

Neither answer is unique (both are random, and Lloyd's algorithm stops at whichever
local optimum its start leads to), so nothing here compares with one reference
output, and no check depends on the order of the centers (the labels may be any
permutation). ``kmeans_plus_plus`` is judged by what every correct D² sampler does:
k distinct rows of X, the same rows for the same seed, and selection frequencies over
many seeds (a far point chosen more often than a near one, the first center uniform,
random rather than farthest-point), each frequency threshold set from an exact
binomial bound so that a correct sampler fails with probability below 1e-7. ``kmeans``
is judged by the invariants of a converged result (every point at its nearest center,
every center the mean of its points, no empty cluster, inertia consistent with both),
by reproducibility, by its inertia against scikit-learn on well-separated blobs,
and by equality with Lloyd's algorithm run from the learner's own k-means++ start
(which judges the result, not how the start was obtained).
Common mistakes are recognised inside these checks, each with its own hint.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import numpy as np

from ...checking import (
    DEFAULT_TIME_LIMIT,
    Checker,
    Exercise,
    Exercises,
    _TimeLimitExceeded,
    kernel_side,
    quiet,
    time_limit,
)
from ...validation import check_choice
from .check_inputs import (
    _describe,
    _inertia_hint,
    _labels,
    _match_rows,
    _mean_hint,
    _points,
    _row_tol,
    _sampler_guess,
    _tolerances,
    empty_cluster_start,
    far_near_data,
    float32_tie_data,
    init_cases,
    kmeans_cases,
    near_tie_data,
    separated_blobs,
    slow_chain_start,
)
from .core import (
    as_points,
    data_scale,
    inclusion_probabilities,
    inertia_of,
    kmeans_plus_plus_reference,
    lloyd,
    max_count,
    min_count,
    set_probabilities,
    squared_distances,
)

__all__ = [
    "ALPHA",
    "EXERCISES",
    "check_empty_cluster",
    "check_first_center_uniform",
    "check_init",
    "check_init_far_point",
    "check_init_not_farthest",
    "check_init_rare_row",
    "check_init_reproducible",
    "check_init_set_frequency",
    "check_kmeans",
    "check_kmeans_long_runs",
    "check_kmeans_near_ties",
    "check_kmeans_reproducible",
    "check_kmeans_uses_init",
    "check_kmeans_vs_sklearn",
    "checker",
    "empty_cluster_start",
    "far_near_data",
    "float32_tie_data",
    "init_cases",
    "kmeans_cases",
    "near_tie_data",
    "set_frequency_data",
    "separated_blobs",
    "slow_chain_start",
]

#: Largest false-failure probability of each statistical check for a correct sampler.
ALPHA = 1e-7


# -------------------------------------------------------------- kmeans_plus_plus
def _call(check, X, k, random_state):
    """Call the learner's function; ``random_state="default"`` leaves it out."""
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    return check.call(X, k, **kwargs), kwargs


def _calls(check, X, k, seeds):
    """:func:`_call` for each seed, in order: ``(result, kwargs)`` pairs. The calls
    are made at once (one request, when the learner's kernel runs them)."""
    kwargs = [{"random_state": seed} for seed in seeds]
    return zip(check.calls(((X, k), kw) for kw in kwargs), kwargs, strict=False)


def _rows_of(X):
    """``(Xf, tol)``: X as float points, and the tolerance within which a row of a
    result is a row of X. The same for every call on X: a loop over seeds computes it
    once."""
    Xf = as_points(X)
    return Xf, _row_tol(Xf)


def _judge_init(check, X, k, result, kwargs, why=None, rows=None):
    """:func:`check_init` of one result (``rows``: :func:`_rows_of` X, when known)."""
    __tracebackhide__ = True
    Xf, tol = _rows_of(X) if rows is None else rows
    d = Xf.shape[1]
    case = check.case(X, k, got=result, why=why, **kwargs)
    R = _points(result, (k, d))
    case.that(
        R is not None,
        lambda: (
            f"should be an array of shape (k, n_features) = {(k, d)}, got "
            f"{_describe(result)}"
        ),
        hint="Collect the chosen row indices in a list and return X[chosen]: one row "
        "per center, a 2-D array even when k = 1.",
    )
    idx = _match_rows(R, Xf, tol)
    outside = idx < 0
    case.that(
        not outside.any(),
        lambda: (
            f"row {(i := np.flatnonzero(outside)[0])} of the result, "
            f"{np.round(R[i], 6).tolist()}, is not a row of X"
        ),
        hint="k-means++ picks its centers among the data points: return rows of X "
        "(X[chosen]), not random or averaged points.",
    )
    # two centers are the same point when they match equal rows of X: rows that
    # differ, however little (1e6 and 1e6 + 1e-7), are distinct rows
    V = Xf[np.maximum(idx, 0)]
    same = (V[:, None, :] == V[None, :, :]).all(axis=2)
    np.fill_diagonal(same, False)
    case.that(
        not same.any(),
        lambda: (
            f"rows {(pair := np.argwhere(same)[0])[0]} and {pair[1]} of the result are "
            f"the same point {np.round(R[pair[0]], 6).tolist()}: the k centers must be "
            "distinct rows"
        ),
        hint="D(x) is the distance from x to the *nearest* center chosen so far "
        "(np.minimum over all chosen centers, not the last one only): a chosen row, "
        "and every copy of it, then has D = 0 and is never drawn again. Draw with "
        "rng.choice(n, p=D² / D².sum()).",
    )
    return idx


def check_init(check: Checker, X, k, random_state=0, why=None):
    """Check one call of a learner's ``kmeans_plus_plus`` by its invariants.

    The result has shape (k, n_features); every row is a row of X; no two rows are
    equal (a chosen row, and every copy of it, has D = 0 and cannot be drawn again,
    so this holds whenever X has k distinct rows). ``random_state="default"`` calls
    without the argument.

    Returns
    -------
    idx : ndarray of int
        The row of X each center is (the first such row when X has copies).
    """
    __tracebackhide__ = True
    result, kwargs = _call(check, X, k, random_state)
    return _judge_init(check, X, k, result, kwargs, why)


def check_init_rare_row(check: Checker, n=5000, seeds=range(20)):
    """A unique row among ``n`` copies of another is always the second center (k = 2).

    X is n copies of [0] and one [1] (two distinct rows, so the answer is both, for
    every seed). Seeding from a random subsample of the rows misses the unique row
    in a fraction of the seeds: with 3072 of 5001 rows (scikit-learn's MiniBatchKMeans
    init_size) in 39% of them, so 20 seeds all pass with probability 0.62²⁰ < 10⁻⁴;
    with 1000 rows, 0.2²⁰.
    """
    __tracebackhide__ = True
    X = np.zeros((n + 1, 1))
    X[n // 3] = 1.0
    for seed in seeds:
        check_init(check, X, 2, random_state=seed, why=f"{n} copies of [0] and one [1]")


def check_init_reproducible(check: Checker, X, k, seeds=(3, 11)):
    """The same ``random_state`` gives the same rows, in two calls, for each seed."""
    __tracebackhide__ = True
    for seed in seeds:
        first = check.call(X, k, random_state=seed)
        again = check.call(X, k, random_state=seed)
        a, b = _points(first, None), _points(again, None)
        same = a is not None and b is not None and a.shape == b.shape
        check.case(X, k, random_state=seed, got=again).that(
            same and np.array_equal(a, b),
            lambda first=first: (
                "two calls with the same random_state gave different "
                f"centers: first {_describe(first)}"
            ),
            hint="Make every random draw from one generator built from the seed, "
            "rng = np.random.default_rng(random_state), and pass nothing else random "
            "(no np.random.* without a seed, no time or hash of objects).",
        )


def _counts(check, X, k, n_seeds):
    """How often each row of X is among the chosen centers over seeds 0..n_seeds-1.

    Every call is also checked by the invariants of :func:`check_init`. A chosen
    value counts for every copy of it.
    """
    __tracebackhide__ = True
    rows = _rows_of(X)
    Xf = rows[0]
    counts = np.zeros(len(Xf), dtype=int)
    for result, kwargs in _calls(check, X, k, range(n_seeds)):
        idx = _judge_init(check, X, k, result, kwargs, rows=rows)
        for v in np.unique(Xf[idx], axis=0):
            counts[np.all(Xf == v, axis=1)] += 1
    return counts


def check_first_center_uniform(check: Checker, n_seeds=200):
    """With k = 1, every one of 5 rows is chosen at least once over 200 seeds.

    The first center is uniform over the rows: a given row is missed by all 200
    seeds with probability 0.8²⁰⁰ < 10⁻¹⁹. Rules out a fixed first center (X[0],
    the row nearest the mean) and "random" draws that ignore some rows.
    """
    __tracebackhide__ = True
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 3.0], [-2.0, 1.0]])
    counts = _counts(check, X, 1, n_seeds)
    never = np.flatnonzero(counts == 0)
    check.case(X, 1, random_state=f"0..{n_seeds - 1}").that(
        not never.size,
        lambda: (
            f"with k = 1, row X[{never[0]}] was never chosen over {n_seeds} seeds "
            f"(each row should be about {n_seeds // 5} times); counts per row: "
            f"{counts.tolist()}"
        ),
        hint="The first center is a row drawn uniformly at random, "
        "rng.integers(len(X)): not X[0], not the row nearest the mean.",
    )


def check_init_far_point(check: Checker, variant=0, n_seeds=600):
    """A far point is chosen as often as D² sampling chooses it (k = 2, many seeds).

    On :func:`far_near_data` the far point (D² = 16 once a copy is a center) must be
    among the 2 centers in at least c of ``n_seeds`` seeds, where c is the largest
    count with P(Binomial(n_seeds, π) < c) <= 1e-7 and π is the far point's exact
    inclusion probability under D² sampling (0.921); so a correct sampler fails with probability below 1e-7 (seeds
    taken as independent). Uniform sampling (π = 0.1) and weights D (π = 0.779) fall
    below c: for 600 seeds c = 515, which D reaches with probability 6·10⁻⁷.
    """
    __tracebackhide__ = True
    X, far, near = far_near_data(variant)
    p = inclusion_probabilities(X, "d2")[far]
    need = min_count(n_seeds, p, ALPHA)
    counts = _counts(check, X, 2, n_seeds)
    check.case(X, 2, random_state=f"0..{n_seeds - 1}").that(
        counts[far] >= need,
        lambda: (
            f"over {n_seeds} seeds the far point X[{far}] was chosen "
            f"{counts[far]} times and the near point X[{near}] {counts[near]} times; "
            f"D² sampling chooses the far one about {round(n_seeds * p)} times (at "
            f"least {need})"
        ),
        hint=_sampler_guess(counts[far], n_seeds, X, far),
    )


def check_init_not_farthest(check: Checker, variant=0, n_seeds=600):
    """The slightly nearer of two far points is chosen often (k = 2, many seeds).

    On :func:`near_tie_data`, D² sampling takes either far point about equally often
    (π = 0.509 for the nearer one), while farthest-point seeding takes the nearer one
    only when the other is the first center (π = 0.1). The check requires at least c
    choices of the nearer point, c the largest count with
    P(Binomial(n_seeds, 0.509) < c) <= 1e-7 (c = 242 for 600 seeds; farthest-point
    seeding cannot reach it). scikit-learn's greedy variant (π = 0.276) is not D²
    sampling and fails.
    """
    __tracebackhide__ = True
    X, i = near_tie_data(variant)
    p = inclusion_probabilities(X, "d2")[i]
    need = min_count(n_seeds, p, ALPHA)
    counts = _counts(check, X, 2, n_seeds)
    check.case(X, 2, random_state=f"0..{n_seeds - 1}").that(
        counts[i] >= need,
        lambda: (
            f"over {n_seeds} seeds the far point X[{i}] (distance 10 from the "
            f"crowd) was chosen {counts[i]} times; D² sampling chooses it about "
            f"{round(n_seeds * inclusion_probabilities(X, 'd2')[i])} times (at least "
            f"{need}), about as often as the point at distance 10.01"
        ),
        hint="Sample, don't maximise: the next center is drawn at random with "
        "probability D²/ΣD², so a point a little nearer is chosen almost as often. "
        "Taking the farthest point (argmax) is farthest-point seeding, which also "
        "chases outliers.",
    )


_SET_CASES = {
    "k3": (
        [[0.0], [1.0], [3.0], [100.0]],
        3,
        [0.0, 3.0, 100.0],
        1000,
        "D is the distance to the *nearest* chosen center, for every center after "
        "the first (not only the second, not the last one only): keep d2 = "
        "np.minimum(d2, squared distances to the new center) and draw each next "
        "center with rng.choice(n, p=d2 / d2.sum()).",
    ),
    "d4": (
        [[0.0], [1.0], [10.0]],
        2,
        [0.0, 1.0],
        4000,
        "Draw the next center with probability exactly D²/ΣD²: not D⁴ (squaring a "
        "squared distance again), not D, and not the better of several D² "
        "candidates (scikit-learn's greedy variant is not D² sampling).",
    ),
    "copies": (
        [[0.0], [0.0], [2.0], [3.0]],
        2,
        [2.0, 3.0],
        4000,
        "Sample over the rows, copies included: the first center is uniform over "
        "the n rows (a value with c copies is c times as likely) and every copy of a "
        "value carries its own D². Do not de-duplicate X (np.unique) first.",
    ),
    "l2": (
        [[0.0, 0.0], [3.0, 4.0], [5.0, 0.0]],
        2,
        [[0.0, 0.0], [5.0, 0.0]],
        2000,
        "D is the Euclidean distance, D² = ((X - c) ** 2).sum(axis=1): not the "
        "Manhattan distance |x1 - c1| + |x2 - c2| squared, which agrees with it only "
        "along an axis.",
    ),
}


def set_frequency_data(name):
    """``(X, k, target, n_seeds, p)`` of a set-frequency check: ``p`` is the exact
    probability under D² sampling that the k chosen values are ``target``.

    * ``"k3"``: X = [[0], [1], [3], [100]], k = 3, target {0, 3, 100}, p = 0.531
      (D² for the second center only: 1/3; D to the last center: 0.382);
    * ``"d4"``: X = [[0], [1], [10]], k = 2, target {0, 1}, p = 0.0074 (weights D⁴
      and scikit-learn's greedy variant: 0.0001; weights D: 0.064);
    * ``"copies"``: X = [[0], [0], [2], [3]], k = 2, target {2, 3}, p = 0.041
      (sampling over the distinct values: 0.075);
    * ``"l2"``: X = [[0, 0], [3, 4], [5, 0]], k = 2, target {[0, 0], [5, 0]},
      p = 0.352 (the Manhattan distance squared: 0.249).
    """
    check_choice("name", name, tuple(_SET_CASES))
    X, k, target, n_seeds, _ = _SET_CASES[name]
    key = frozenset(
        tuple(map(float, v)) if isinstance(v, list) else (float(v),) for v in target
    )
    return np.array(X), k, key, n_seeds, float(set_probabilities(X, k)[key])


def check_init_set_frequency(check: Checker, name="k3"):
    """How often the k centers are one given set of values, over many seeds (two-sided).

    On :func:`set_frequency_data` the count c of seeds 0..n_seeds-1 whose centers
    are the target set must satisfy lo <= c <= hi, where lo is the largest count with
    P(Binomial(n_seeds, p) < lo) <= 5·10⁻⁸ and hi the smallest with
    P(Binomial(n_seeds, p) > hi) <= 5·10⁻⁸, p the exact D² probability: a correct
    D² sampler (any random generator) fails with probability below 1e-7 (seeds taken
    as independent). Bounds: "k3" 1000 seeds, p = 0.531, 447..614 (D² for the second
    center only, or D to the last center, reach it with probability < 10⁻⁴);
    "d4" 4000 seeds, p = 0.0074, 6..62 (weights D⁴ or the greedy variant, p = 0.0001,
    reach 6 with probability < 10⁻⁵); "copies" 4000 seeds, p = 0.041, 101..235
    (sampling over distinct values, p = 0.075, stays within with probability
    < 10⁻⁴); "l2" 2000 seeds, p = 0.352, 591..819 (D from the Manhattan distance,
    p = 0.249, stays within with probability < 10⁻⁵). Every call is also checked by
    :func:`check_init`.
    """
    __tracebackhide__ = True
    X, k, key, n_seeds, p = set_frequency_data(name)
    lo, hi = min_count(n_seeds, p, ALPHA / 2), max_count(n_seeds, p, ALPHA / 2)
    rows = _rows_of(X)
    Xf = rows[0]
    count = 0
    for result, kwargs in _calls(check, X, k, range(n_seeds)):
        idx = _judge_init(check, X, k, result, kwargs, rows=rows)
        count += frozenset(tuple(map(float, Xf[i])) for i in idx) == key
    target = sorted(v[0] if len(v) == 1 else list(v) for v in key)
    check.case(X, k, random_state=f"0..{n_seeds - 1}").that(
        lo <= count <= hi,
        lambda: (
            f"over {n_seeds} seeds the centers were the values {target} {count} "
            f"times; D² sampling gives them with probability {p:.4f}, about "
            f"{round(n_seeds * p)} times (between {lo} and {hi})"
        ),
        hint=_SET_CASES[name][4],
    )


# ----------------------------------------------------------------------- kmeans
def _parts(case, result, n, k, d):
    """``(centers, labels, inertia)`` of a result, each checked for its form."""
    __tracebackhide__ = True
    parts = (
        tuple(result) if isinstance(result, tuple | list) and len(result) == 3 else None
    )
    case.that(
        parts is not None,
        lambda: f"should return (centers, labels, inertia), got {_describe(result)}",
        hint="End with `return centers, labels, inertia`.",
    )
    C = _points(parts[0], (k, d))
    case.that(
        C is not None,
        lambda: (
            f"centers should be an array of shape (k, n_features) = {(k, d)}, "
            f"got {_describe(parts[0])}"
        ),
        hint="One center per cluster: centers has shape (k, n_features).",
    )
    labels = _labels(parts[1], n, k)
    case.that(
        labels is not None,
        lambda: (
            f"labels should be {n} integers from 0 to k - 1 = {k - 1}, one per "
            f"row of X; got {_describe(parts[1])}"
        ),
        hint="labels[i] is the index of the center row i belongs to: "
        "d2.argmin(axis=1) on the (n, k) matrix of squared distances.",
    )
    inertia = _points(parts[2], ())
    case.that(
        inertia is not None,
        lambda: f"inertia should be one number, got {_describe(parts[2])}",
        hint="inertia is a single float: the sum of the squared distances.",
    )
    return C, labels, float(inertia)


def _nearest_tol(Xf, C, labels, d2):
    """Per-row tolerance of "labelled to its nearest center": rounding of that row's
    own squared distance s (relative 1e-9, plus 1e-12·√s times the row's and the
    data's scale for centers rounded at a large offset), never a real difference."""
    extent, _ = data_scale(Xf)
    s = d2[np.arange(len(Xf)), labels]
    scale = np.maximum(np.abs(Xf).max(axis=1), np.abs(C[labels]).max(axis=1)) + extent
    return 1e-9 * s + 1e-12 * np.sqrt(s) * scale


def check_kmeans(check: Checker, X, k, random_state=0, why=None, best_inertia=None):
    """Check one call of a learner's ``kmeans`` by the invariants of a converged run.

    The result is ``(centers, labels, inertia)`` with centers of shape (k,
    n_features), finite; labels one integer in 0..k-1 per row; no empty cluster;
    every center the mean of its points; every point at its nearest center (a point
    exactly between two centers may take either; the tolerance is per row, relative
    to that row's own squared distance); inertia the sum of squared distances to the
    assigned centers (relative 1e-9). With ``best_inertia`` the inertia must also
    equal that known optimum.

    Returns
    -------
    centers, labels, inertia
    """
    __tracebackhide__ = True
    Xf = as_points(X)
    n, d = Xf.shape
    result, kwargs = _call(check, X, k, random_state)
    case = check.case(X, k, got=result, why=why, **kwargs)
    C, labels, inertia = _parts(case, result, n, k, d)
    nan_rows = np.flatnonzero(~np.isfinite(C).all(axis=1))
    case.that(
        not nan_rows.size,
        lambda: f"center {nan_rows[0]} is {C[nan_rows[0]].tolist()}",
        hint="A NaN center is the mean of an empty cluster. When a cluster loses all "
        "its points, re-seed it (e.g. with the point farthest from its center) "
        "instead of averaging nothing.",
    )
    sizes = np.bincount(labels, minlength=k)
    empty = np.flatnonzero(sizes == 0)
    case.that(
        not empty.size,
        lambda: f"cluster {empty[0]} has no points (cluster sizes {sizes.tolist()})",
        hint="No cluster may be empty at return. When an assignment leaves a cluster "
        "empty, re-seed its center with the point farthest from its own center and "
        "keep iterating.",
    )
    tol_c, tol_d = _tolerances(Xf)
    means = np.array([Xf[labels == j].mean(axis=0) for j in range(k)])
    off = np.abs(C - means).max(axis=1)
    j = int(off.argmax())
    case.that(
        off[j] <= tol_c,
        lambda: (
            f"center {j} is {np.round(C[j], 6).tolist()} but the mean of the "
            f"{sizes[j]} points labelled {j} is {np.round(means[j], 6).tolist()}"
        ),
        hint=_mean_hint(Xf, X, C, labels, k),
    )
    d2 = squared_distances(Xf, C)
    gap = d2[np.arange(n), labels] - d2.min(axis=1) - _nearest_tol(Xf, C, labels, d2)
    i = int(gap.argmax())
    case.that(
        gap[i] <= 0,
        lambda: (
            f"row {i} is labelled {labels[i]} but center {int(d2[i].argmin())} is "
            f"nearer (squared distances {d2[i, labels[i]]:.10g} and "
            f"{d2[i].min():.10g}): the labels do not belong to the returned centers"
        ),
        hint="Return the labels of the final centers: iterate until an assignment "
        "changes no label (then the centers stop moving too). Stopping after one "
        "iteration, after a fixed number, or when the centers moved less than a "
        "tolerance (np.allclose(old, new), tol times a spread that one far row "
        "inflates) returns labels of older centers. Compute the distances in float64: "
        "float32 merges near-ties.",
    )
    true = float(d2[np.arange(n), labels].sum())
    case.that(
        abs(inertia - true) <= 1e-9 * (true + tol_d),
        lambda: (
            f"inertia is {inertia!r} but the squared distances of the rows to "
            f"their centers sum to {true!r}"
        ),
        hint=_inertia_hint(Xf, C, labels, inertia),
    )
    if best_inertia is not None:
        case.that(
            abs(inertia - best_inertia) <= 1e-9 * abs(best_inertia) + tol_d,
            lambda: (
                f"inertia is {inertia:.6g}; the best clustering has {best_inertia:.6g}"
            ),
            hint="Start from kmeans_plus_plus(X, k, random_state) and iterate to "
            "convergence.",
        )
    return C, labels, inertia


def check_kmeans_reproducible(check: Checker, X=None, k=8, seeds=(5, 9)):
    """The same ``random_state`` gives the same result, in two calls, for each seed.

    The default data (200 uniform points, k = 8) has many local optima: two k-means
    runs from independent starts agree with probability about 0.006, so a learner
    that ignores the seed passes both seeds with probability about 4·10⁻⁵.
    """
    __tracebackhide__ = True
    if X is None:
        X = np.random.default_rng(5).random((200, 2))
    for seed in seeds:
        first = check.call(X, k, random_state=seed)
        again = check.call(X, k, random_state=seed)
        try:
            same = all(
                np.array_equal(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
                for a, b in zip(first, again, strict=True)
            )
        except (TypeError, ValueError):
            same = False
        check.case(X, k, random_state=seed, got=again).that(
            same,
            "two calls with the same random_state gave different results",
            hint="Pass random_state on: start from kmeans_plus_plus(X, k, "
            "random_state), and draw anything else random from the same seeded "
            "generator.",
        )


@kernel_side  # when grading: the name is swapped in the learner's kernel
def started_from(func, start):
    """``func`` with the name ``kmeans_plus_plus`` in its module's namespace returning
    ``start`` for the length of each call (then restored, or removed)."""
    space = getattr(func, "__globals__", None)
    missing = object()

    @functools.wraps(func)
    def started(*args, **kwargs):
        if space is None:
            return func(*args, **kwargs)
        saved = space.get("kmeans_plus_plus", missing)
        space["kmeans_plus_plus"] = lambda *a, **kw: start.copy()
        try:
            return func(*args, **kwargs)
        finally:
            if saved is missing:
                space.pop("kmeans_plus_plus", None)
            else:
                space["kmeans_plus_plus"] = saved

    started.forced_start = start
    return started


@contextlib.contextmanager
def _forced_start(check, start):
    """Within the block, ``check`` calls the learner's function started from
    ``start`` (see :func:`started_from`)."""
    func = check.func
    check.func = started_from(func, start)
    try:
        yield
    finally:
        check.func = func


def check_kmeans_long_runs(check: Checker, sizes=(3000,), k=8, random_state=0):
    """Runs that need many Lloyd iterations are followed to convergence.

    Uniform points (``default_rng(2).random((n, 2))``), k = 8, random_state = 0:
    Lloyd's algorithm from k-means++ needs more than 30 iterations, and the last
    ones move centers by tiny amounts. Then :func:`slow_chain_start` started from its
    own start (the name ``kmeans_plus_plus`` swapped as in
    :func:`check_empty_cluster`), which needs 145 rounds, each moving one row. Checked
    by :func:`check_kmeans`: stopping after a fixed 20, 30 or 100 iterations, or on a
    tolerance, leaves a row at a center that is not its nearest. Last, the chain
    beside a far pair 2·10⁵ apart (k = 3), whose inertia of 2·10¹⁰ makes each round's
    gain relatively tiny: a stop on the relative change of the inertia ends early. Small enough for a
    plain-Python loop (n·k·rounds below 3·10⁶).
    """
    __tracebackhide__ = True
    for n in sizes:
        X = np.random.default_rng(2).random((n, 2))
        check_kmeans(
            check,
            X,
            k,
            random_state=random_state,
            why=f"{n} uniform points: many iterations",
        )
    X, start = slow_chain_start()
    with _forced_start(check, start):
        check_kmeans(
            check,
            X,
            2,
            random_state=0,
            why="started from kmeans_plus_plus = the first and last rows: 145 "
            "rounds, one row changing cluster in each",
        )
    # the same chain beside a far pair whose inertia (2e10) dwarfs the chain's gains:
    # a stop on a relative change of the inertia ends after two rounds
    far = np.array([[1e7 - 1e5], [1e7 + 1e5]])
    with _forced_start(check, np.vstack([start, far[:1]])):
        check_kmeans(
            check,
            np.vstack([X, far]),
            3,
            random_state=0,
            why="the 145-round chain beside a far pair of inertia 2e10, started from "
            "the chain's ends and the far pair's first row",
        )


def check_kmeans_near_ties(check: Checker, seeds=range(4)):
    """A near-tie that float32 distances merge: :func:`float32_tie_data`, k = 2.

    For each seed, checked by :func:`check_kmeans` (its nearest-center tolerance is
    relative to each row's own squared distance, 10⁻⁹ of about 1 here; float32
    misplaces a row by 2⁻²⁶ ≈ 1.5·10⁻⁸). Then X = [[6], [8], [15], [1e9]], k = 3,
    where a stop on "no center moved more than tol times the spread" (4.3·10⁸ here)
    returns labels of older centers after one round.
    """
    __tracebackhide__ = True
    X, k = float32_tie_data()
    for seed in seeds:
        check_kmeans(
            check, X, k, random_state=seed, why="a near-tie of 2⁻²⁶: float32 merges it"
        )
    for seed in seeds:  # a stop on "no center moved more than tol x spread" fails
        check_kmeans(
            check,
            [[6.0], [8.0], [15.0], [1e9]],
            3,
            random_state=seed,
            why="one far row makes the spread 4e8",
        )


@kernel_side  # when grading: the learner's kmeans_plus_plus runs in their kernel
def own_start(func, X, k, seed):
    """The ``kmeans_plus_plus(X, k, seed)`` of ``func``'s module as a (k, d) array, or
    None (a stub, a crash, a time-out or another shape: no start to use); for a
    function :func:`started_from` made, the start it forces."""
    forced = getattr(func, "forced_start", None)
    if forced is not None:
        return np.asarray(forced, dtype=float)
    space = getattr(func, "__globals__", None) or {}
    kpp = space.get("kmeans_plus_plus")
    if not callable(kpp):
        return None
    try:
        with quiet(), time_limit(DEFAULT_TIME_LIMIT):
            out = kpp(X, k, seed)
            if isinstance(out, Iterator):
                out = list(out)
            S = np.asarray(out, dtype=float)
    except (Exception, _TimeLimitExceeded):  # noqa: BLE001
        return None
    return S if S.shape == (k, as_points(X).shape[1]) else None


def _lloyd_states(Xf, start, max_iter):
    """The ``(centers, labels)`` a result may be, from Lloyd's run from ``start``.

    Without ``max_iter``, the fixed point. With it, when the run is cut: the state
    after max_iter assign-update rounds (C_m, L_m), the same with labels re-assigned
    to C_m (scikit-learn's final assignment), or the m-th assignment with the
    centers it was made to (C_m-1, L_m).
    """
    C, labels, _, steps = lloyd(Xf, start, max_iter=max_iter or 300, history=True)
    states = [(C, labels)]
    if max_iter is not None:
        states.append((C, squared_distances(Xf, C).argmin(axis=1)))
        assigns = [s for s in steps if s[0] == "assign"]
        if len(assigns) == max_iter:
            states.append((assigns[-1][1], assigns[-1][2]))
    return states


def _same_run(Xf, C, labels, inertia, states):
    """Is ``(C, labels, inertia)`` one of ``states`` (up to the clusters' order)?"""
    k = len(C)
    tol_c, tol_d = _tolerances(Xf)
    for rC, want in states:
        pairs = set(zip(labels.tolist(), want.tolist(), strict=True))
        perm = dict(pairs)
        if len(pairs) != k or len(perm) != k or len(set(perm.values())) != k:
            continue
        if np.abs(C - rC[[perm[j] for j in range(k)]]).max() > tol_c:
            continue
        true = float(((Xf - C[labels]) ** 2).sum())
        if abs(inertia - true) <= 1e-9 * true + tol_d:
            return True
    return False


def check_kmeans_uses_init(check: Checker, cases=None, seeds=(5, 9), max_iter=None):
    """``kmeans(X, k, random_state=s)`` is Lloyd's algorithm run from
    ``kmeans_plus_plus(X, k, s)``, as the contract says: judged by the result.

    For each case and seed, the start is the learner's own ``kmeans_plus_plus(X, k,
    s)`` (called here, on the whole X) and, as well, the reference k-means++ start for
    the same seed; the result must equal what :func:`core.lloyd` reaches from one of
    them (the same clusters, centers within rounding, inertia consistent). Any way of
    getting that start is accepted (calling kmeans_plus_plus with the seed or with a
    generator built from it, the same D² code written inline); restarts that keep the
    best run, seeding on a sample of the rows, or stopping before a fixed point give
    another result. The default cases (200 and 1500 uniform points, k = 8 and 5)
    have no exact ties and no cluster that empties on the way, so no choice the
    contract leaves open changes the run. With ``max_iter`` it is passed on, and the
    result must be the state after ``max_iter`` assign-update rounds when the run
    has not converged by then: one of the states of :func:`_lloyd_states` (m
    assign-update rounds, with the last assignment's labels or the returned centers'
    own; or m assignments and m - 1 updates).
    """
    __tracebackhide__ = True
    if cases is None:
        cases = [
            (np.random.default_rng(5).random((200, 2)), 8),
            (np.random.default_rng(6).random((1500, 2)), 5),
        ]
    for X, k in cases:
        Xf = as_points(X)
        n, d = Xf.shape
        for seed in seeds:
            kwargs = {"random_state": seed}
            if max_iter is not None:
                kwargs["max_iter"] = max_iter
            result = check.call(X, k, **kwargs)
            case = check.case(X, k, got=result, **kwargs)
            C, labels, inertia = _parts(case, result, n, k, d)
            starts = [kmeans_plus_plus_reference(Xf, k, seed)]
            own = own_start(check.func, X, k, seed)
            if own is not None and not np.array_equal(own, starts[0]):
                starts.insert(0, own)
            states = [_lloyd_states(Xf, S, max_iter) for S in starts]
            rC, rl = states[0][0]
            ref = inertia_of(Xf, rC, rl)
            mi = "" if max_iter is None else f", max_iter={max_iter}"
            case.that(
                any(_same_run(Xf, C, labels, inertia, st) for st in states),
                lambda ref=ref, mi=mi, seed=seed, k=k, inertia=inertia: (
                    f"should be Lloyd's algorithm run from kmeans_plus_plus(X, {k}, "
                    f"{seed}){mi}: from that start it ends with inertia {ref:.10g}, "
                    f"this result has inertia {inertia:.10g}"
                    + (
                        " (lower: more than one start, keeping the best?)"
                        if inertia < ref * (1 - 1e-9)
                        else ""
                    )
                ),
                hint="Start from centers = kmeans_plus_plus(X, k, random_state) on the "
                "whole X (not a sample of its rows), run Lloyd's algorithm once from "
                "there (no restarts keeping the best), and stop when an assignment "
                "changes no label or after max_iter assign-update rounds (default 300, "
                "honoured when passed).",
            )


def check_kmeans_vs_sklearn(check: Checker, seeds=range(6), data_seed=0):
    """Inertia within 1% of ``sklearn.cluster.KMeans`` on well-separated blobs.

    Every run (one per seed) is also checked by :func:`check_kmeans`. On
    :func:`separated_blobs` a correct k-means++ start misses a blob with probability
    below 3·10⁻⁸ per run (2·10⁻⁷ over the 6 runs); a run that misses one has many
    times the optimal inertia.
    The optimum is the blobs' own sum of squares, which is what
    ``KMeans(n_clusters=4, n_init=10)`` finds (tests/test_topic_kmeans.py checks
    it); computing it here keeps scikit-learn out of the graded cell.
    """
    __tracebackhide__ = True
    X, k = separated_blobs(data_seed)
    y = np.repeat(np.arange(k), len(X) // k)
    best = sum(
        float(((X[y == j] - X[y == j].mean(axis=0)) ** 2).sum()) for j in range(k)
    )
    for seed in seeds:
        _, _, inertia = check_kmeans(
            check, X, k, random_state=seed, why="four blobs, 500 apart"
        )
        check.case(X, k, random_state=seed, got=inertia).that(
            inertia <= 1.01 * best,
            lambda inertia=inertia: (
                f"inertia {inertia:.6g} is "
                f"{inertia / best - 1:.0%} above scikit-learn's {best:.6g}: a blob was "
                "left without a center"
            ),
            hint="With k-means++ seeding each blob gets a center: the first center "
            "is uniform, each next one drawn with probability D²/ΣD² "
            "(kmeans_plus_plus). Random rows often put two centers in one blob, "
            "and Lloyd's iterations cannot move one out.",
        )


def check_empty_cluster(check: Checker, variant=0):
    """``kmeans`` survives a cluster that empties during Lloyd's iterations.

    The contract starts ``kmeans`` from ``kmeans_plus_plus(X, k, random_state)``, so
    this check replaces the name ``kmeans_plus_plus`` in the learner's function's
    namespace by one returning the start of :func:`empty_cluster_start` (rows of X,
    from which the second assignment leaves a cluster empty; k-means++ seeds rarely
    lead there), runs :func:`check_kmeans` and restores the name. An answer that
    seeds some other way runs as it is, and is held to the same invariants. Variant 1
    is the same data scaled by 1000 and shifted by 10⁶.
    """
    __tracebackhide__ = True
    check_choice("variant", variant, (0, 1))
    X, start = empty_cluster_start()
    if variant == 1:
        X, start = X * 1000 + 1e6, start * 1000 + 1e6

    with _forced_start(check, start):
        check_kmeans(
            check,
            X,
            4,
            random_state=0,
            why="started from kmeans_plus_plus = rows 2, 1, 3, 5 of X, a start from "
            "which a cluster empties at the second assignment",
        )


# ------------------------------------------------------------------------ exercises
EXERCISES = Exercises(
    Exercise(
        "kmeans_plus_plus",
        hint="rng = np.random.default_rng(random_state); first = rng.integers(n); "
        "keep d2, the squared distance of every row to its nearest chosen center; "
        "draw the next with rng.choice(n, p=d2 / d2.sum()) and update d2 = "
        "np.minimum(d2, squared distances to the new center). Return X[chosen].",
    ),
    Exercise(
        "kmeans",
        hint="Start from centers = kmeans_plus_plus(X, k, random_state); repeat: "
        "labels = nearest center (argmin of the (n, k) squared distances), stop when "
        "no label changes, else move each center to the mean of its points (re-seed "
        "an empty one). inertia = ((X - centers[labels]) ** 2).sum().",
        parts=("centers", "labels", "inertia"),
    ),
)

checker = EXERCISES.checker
