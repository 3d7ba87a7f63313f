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
by reproducibility, and by its inertia against scikit-learn on well-separated blobs.
Common mistakes are recognised inside these checks, each with its own hint.
"""

from __future__ import annotations

import numpy as np

from ...checking import Checker, Exercise, Exercises
from ...validation import check_choice, check_seed
from .core import (
    as_points,
    blobs,
    data_scale,
    demo_data,
    inclusion_probabilities,
    min_count,
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
    "check_init_reproducible",
    "check_kmeans",
    "check_kmeans_reproducible",
    "check_kmeans_vs_sklearn",
    "checker",
    "empty_cluster_start",
    "far_near_data",
    "init_cases",
    "kmeans_cases",
    "near_tie_data",
    "separated_blobs",
]

#: Largest false-failure probability of each statistical check for a correct sampler.
ALPHA = 1e-7


# ---------------------------------------------------------------------- case inputs
def _as_list(X, i):
    return np.asarray(X).tolist() if i % 2 else np.asarray(X)


def init_cases(seed=0):
    """Inputs ``(X, k, why)`` for ``kmeans_plus_plus``: edge cases, then random ones.

    Every X has at least k distinct rows (the contract's k distinct rows exist).
    """
    rng = np.random.default_rng(check_seed(seed))
    X, _ = demo_data(seed=seed)
    yield X, 4, "four blobs"
    yield X.tolist(), 4, "four blobs, as lists"
    yield rng.integers(0, 20, size=(30, 2)), 3, "integer coordinates"
    yield (
        blobs([[0, 0], [8, 0], [0, 8]], 20, 1.0, 1e6, seed)[0],
        3,
        "1e6 + a spread of 8",
    )
    yield rng.random((40, 2)) * 1e-9, 3, "coordinates of size 1e-9"
    dup = np.repeat([[0, 0], [3, 1], [1, 4], [5, 5]], [5, 1, 3, 4], axis=0)
    dup = dup[rng.permutation(len(dup))]
    yield dup, 4, "duplicated rows, exactly k distinct values: each once"
    yield dup.tolist(), 2, "duplicated rows, as lists"
    pair = np.array([[1.0, 2.0], [1.0 + 1e-7, 2.0], [4.0, 0.0], [0.0, 3.0]])
    yield np.vstack([pair, pair[2:]]), 4, "two rows 1e-7 apart are distinct rows"
    yield rng.normal(size=(10, 3)), 1, "k = 1"
    yield rng.normal(size=(6, 2)).tolist(), 6, "k = n: every row once"
    yield rng.normal(size=(30, 1)), 4, "a single feature"
    yield rng.random((3000, 2)), 10, "3000 rows, k = 10"
    for i in range(6):
        n, d = int(rng.integers(5, 60)), int(rng.integers(1, 6))
        k = int(rng.integers(1, min(n, 8) + 1))
        yield _as_list(rng.normal(size=(n, d)) * rng.uniform(0.1, 10), i), k, None


def kmeans_cases(seed=0):
    """Inputs ``(X, k, why)`` for ``kmeans``: edge cases, then random ones.

    Several need many Lloyd iterations (uniform data, overlapping blobs), so that
    stopping too early shows; their coordinates span integers, offsets of 1e6 and
    sizes of 1e-9.
    """
    rng = np.random.default_rng(check_seed(seed))
    X, _ = demo_data(seed=seed)
    yield X, 4, "four blobs"
    yield X.tolist(), 4, "four blobs, as lists"
    yield rng.integers(0, 40, size=(80, 2)).tolist(), 4, "integer coordinates"
    yield 1e6 + 10 * rng.random((400, 2)), 5, "1e6 + a spread of 10"
    yield 1e-9 * rng.random((300, 2)), 5, "coordinates of size 1e-9"
    dup = np.repeat(
        [[0, 0], [4, 1], [1, 5], [6, 6], [9, 0], [3, 3]], [9, 3, 5, 7, 4, 2], 0
    )
    dup = dup[rng.permutation(len(dup))]
    yield dup, 4, "duplicated rows"
    yield dup.tolist(), 6, "k = the number of distinct rows: inertia 0"
    yield rng.normal(size=(50, 3)), 1, "k = 1: the center is the mean"
    yield rng.normal(size=(7, 2)), 7, "k = n: inertia 0"
    yield (
        np.concatenate([rng.normal(m, 1, 20) for m in (0, 4, 9)])[:, None],
        3,
        ("a single feature"),
    )
    yield rng.random((3000, 2)), 8, "3000 uniform points, k = 8"
    yield (
        blobs(rng.normal(0, 3, (5, 3)), 100, 1.5, seed=seed)[0],
        5,
        "overlapping 3-D blobs",
    )
    yield [[-3.0], [1.0], [3.0]], 2, "a point may end exactly between two centers"
    for i in range(5):
        n, d = int(rng.integers(10, 150)), int(rng.integers(1, 5))
        k = int(rng.integers(2, min(n, 9)))
        yield _as_list(rng.normal(size=(n, d)) * rng.uniform(0.5, 5), i), k, None


def far_near_data(variant: int = 0):
    """Data of the far-point check: ``(X, i_far, i_near)``.

    18 copies of one point, a *near* point at distance 1 and a *far* point at
    distance 4 (so D² is 1 and 16 once a copy is a center). Variant 1 is the same
    scaled by 2⁻²⁰ with shuffled rows.
    """
    check_choice("variant", variant, (0, 1))
    X = np.array([[0.0, 0.0]] * 18 + [[1.0, 0.0], [0.0, 4.0]])
    order = np.arange(len(X))
    if variant == 1:
        order = np.random.default_rng(1).permutation(len(X))
        X = X[order] * 2.0**-20
    inv = np.argsort(order)
    return X, int(inv[19]), int(inv[18])


def near_tie_data(variant: int = 0):
    """Data of the farthest-point check: ``(X, i_near_far)``.

    18 copies of one point and two far points on either side, at distances 10 and
    10.01: the farther one is not a tie. Farthest-point seeding takes 10.01 whenever
    a copy is the first center, D² sampling either of the two about equally often.
    Variant 1 adds 10⁶ to every coordinate and shuffles the rows.
    """
    check_choice("variant", variant, (0, 1))
    X = np.array([[0.0, 0.0]] * 18 + [[-10.0, 0.0], [10.01, 0.0]])
    order = np.arange(len(X))
    if variant == 1:
        order = np.random.default_rng(2).permutation(len(X))
        X = X[order] + 1e6
    return X, int(np.argsort(order)[18])


def separated_blobs(seed=0):
    """Four well-separated 2-D blobs for the comparison with scikit-learn: ``(X, k)``.

    Blob centers 500 apart, spread 0.02 (a ratio of 2.5·10⁴): after D² sampling has
    put centers in j of the k blobs, the next one lands in an occupied blob with
    probability about 2σ²d·j / ((k - j)Δ²) ≈ 6·10⁻⁹·j/(k - j); over the three draws
    a run misses a blob with probability below 3·10⁻⁸.
    """
    X, _ = blobs([[0, 0], [500, 0], [0, 500], [500, 500]], 100, 0.02, seed=seed)
    return X, 4


def empty_cluster_start():
    """``(X, start)``: from these 4 starting centers (rows of X) Lloyd's second
    assignment leaves the first center with no point.

    The first center's two points, (1, 3) and (2.9, 2), pull it to (1.95, 2.5); by
    then (1, 3) is nearer the center at (0, 3) and (2.9, 2) nearer the center that
    moved to (3, 3), by margins of about 0.15 in squared distance (no ties).
    """
    X = np.array([[4, 2], [2, 4], [1, 3], [0, 1], [2.9, 2], [0, 3]], dtype=float)
    return X, X[[2, 1, 3, 5]].copy()


# ------------------------------------------------------------------------ helpers
def _points(value, shape):
    """``value`` as a float array of the given shape, else None."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr if shape is None or arr.shape == shape else None


def _row_tol(X):
    extent, offset = data_scale(X)
    return 1e-12 * max(offset, extent)


def _match_rows(R, X, tol):
    """Index of the row of X equal to each row of R (within tol), or -1."""
    diff = np.abs(R[:, None, :] - X[None, :, :]).max(axis=2)
    idx = diff.argmin(axis=1)
    return np.where(diff[np.arange(len(R)), idx] <= tol, idx, -1)


def _labels(value, n, k):
    arr = _points(value, (n,))
    if arr is None or not np.all(arr == np.round(arr)) or arr.min(initial=0) < 0:
        return None
    if n and arr.max() >= k:
        return None
    return arr.astype(int)


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, list | tuple):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__}"


def _tolerances(Xf):
    """(center, squared distance) tolerances: rounding, never a real difference."""
    extent, offset = data_scale(Xf)
    return 1e-9 * extent + 1e-11 * offset, 1e-9 * extent**2 + 1e-13 * offset**2


# ------------------------------------------------------------------ mistake helpers
def _sampler_guess(count, n_seeds, X, i):
    """The hint for a far-point count far below D² sampling's.

    Compares the count with what uniform draws (over the rows, or over the distinct
    values) and weights D would give, and names the nearest.
    """
    values = len(np.unique(X, axis=0))
    expected = {
        "uniform": n_seeds * inclusion_probabilities(X, "uniform")[i],
        "uniform values": n_seeds * 2 / values,
        "d1": n_seeds * inclusion_probabilities(X, "d1")[i],
    }
    guess = min(expected, key=lambda s: abs(expected[s] - count))
    if guess != "d1":
        return (
            "Your centers look uniformly drawn. k-means++ draws each next center with "
            "probability proportional to D², the squared distance to the nearest "
            "center so far: rng.choice(n, p=d2 / d2.sum())."
        )
    return (
        "The far point is chosen about as often as with weights D (the distance), "
        "not D² (its square). Use p = d2 / d2.sum() with d2 the *squared* distance "
        "to the nearest chosen center."
    )


def _mean_hint(Xf, X, C, labels, k):
    medians = np.array(
        [
            np.median(Xf[labels == j], axis=0) if np.any(labels == j) else C[j]
            for j in range(k)
        ]
    )
    tol = _tolerances(Xf)[0]
    if np.abs(C - medians).max() <= tol:
        return (
            "The centers are the medians of their points: k-means moves each center "
            "to the *mean*, X[labels == j].mean(axis=0) (the median gives k-medians, "
            "which minimises distances, not squared distances)."
        )
    if np.asarray(X).dtype.kind in "iu" and np.all(C == np.round(C)):
        return (
            "X holds integers and the centers are whole numbers: a mean stored into "
            "an integer array loses its fraction. Start with "
            "X = np.asarray(X, dtype=float)."
        )
    return (
        "After the last assignment, move every center to the mean of its points, "
        "X[labels == j].mean(axis=0), and return those centers."
    )


def _inertia_hint(Xf, C, labels, inertia):
    n = len(Xf)
    d2 = ((Xf - C[labels]) ** 2).sum(axis=1)
    variants = {
        "sum of distances": np.sqrt(d2).sum(),
        "mean": d2.mean(),
    }
    for name, value in variants.items():
        if abs(value - inertia) <= 1e-9 * abs(value) + 1e-300 and n > 1:
            if name == "mean":
                return (
                    "That is the mean of the squared distances: inertia is their sum "
                    "over all rows."
                )
            return (
                "That is the sum of the distances: inertia sums the *squared* "
                "distances, ((X - centers[labels]) ** 2).sum()."
            )
    true = d2.sum()
    rel = abs(inertia - true) / true if true else np.inf
    if rel < 1e-3:
        return (
            f"Close, but off by a relative {rel:.1e}: rounding. With large offsets, "
            "|x|² - 2x·c + |c|² subtracts huge, almost equal numbers; compute the "
            "squared distances from the differences, ((X - centers[labels]) ** 2)"
            ".sum(), or subtract the mean of X first."
        )
    return (
        "inertia = ((X - centers[labels]) ** 2).sum(): the squared distance of every "
        "row to the center it is labelled with, summed, with the centers and labels "
        "you return."
    )


# -------------------------------------------------------------- kmeans_plus_plus
def _call(check, X, k, random_state):
    """Call the learner's function; ``random_state="default"`` leaves it out."""
    kwargs = {} if random_state == "default" else {"random_state": random_state}
    return check.call(X, k, **kwargs), kwargs


def _judge_init(check, X, k, result, kwargs, why=None):
    __tracebackhide__ = True
    Xf = as_points(X)
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
    tol = _row_tol(Xf)
    idx = _match_rows(R, Xf, tol)
    bad = np.flatnonzero(idx < 0)
    case.that(
        not bad.size,
        lambda: (
            f"row {bad[0]} of the result, {np.round(R[bad[0]], 6).tolist()}, is "
            "not a row of X"
        ),
        hint="k-means++ picks its centers among the data points: return rows of X "
        "(X[chosen]), not random or averaged points.",
    )
    same = np.abs(R[:, None, :] - R[None, :, :]).max(axis=2) <= tol
    np.fill_diagonal(same, False)
    pair = np.argwhere(same)
    case.that(
        not pair.size,
        lambda: (
            f"rows {pair[0][0]} and {pair[0][1]} of the result are the same point "
            f"{np.round(R[pair[0][0]], 6).tolist()}: the k centers must be distinct rows"
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
    Xf = as_points(X)
    counts = np.zeros(len(Xf), dtype=int)
    for seed in range(n_seeds):
        result, kwargs = _call(check, X, k, seed)
        idx = _judge_init(check, X, k, result, kwargs)
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
    inclusion probability under D² sampling (0.921), or under scikit-learn's greedy
    variant if lower; so a correct sampler fails with probability below 1e-7 (seeds
    taken as independent). Uniform sampling (π = 0.1) and weights D (π = 0.779) fall
    below c: for 600 seeds c = 515, which D reaches with probability 6·10⁻⁷.
    """
    __tracebackhide__ = True
    X, far, near = far_near_data(variant)
    p = min(inclusion_probabilities(X, s)[far] for s in ("d2", "greedy"))
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
    (π = 0.509 for the nearer one; 0.276 with scikit-learn's greedy variant), while
    farthest-point seeding takes the nearer one only when the other is the first
    center (π = 0.1). The check requires at least c choices of the nearer point,
    c the largest count with P(Binomial(n_seeds, 0.276) < c) <= 1e-7 (c = 111 for
    600 seeds; farthest-point seeding reaches it with probability 2·10⁻¹⁰).
    """
    __tracebackhide__ = True
    X, i = near_tie_data(variant)
    p = min(inclusion_probabilities(X, s)[i] for s in ("d2", "greedy"))
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


# ----------------------------------------------------------------------- kmeans
def check_kmeans(check: Checker, X, k, random_state=0, why=None, best_inertia=None):
    """Check one call of a learner's ``kmeans`` by the invariants of a converged run.

    The result is ``(centers, labels, inertia)`` with centers of shape (k,
    n_features), finite; labels one integer in 0..k-1 per row; no empty cluster;
    every center the mean of its points; every point at its nearest center (a point
    exactly between two centers may take either); inertia the sum of squared
    distances to the assigned centers (relative 1e-9). Tolerances are rounding-sized,
    scaled to the data's extent and offset. With ``best_inertia`` the inertia must
    also equal that known optimum.

    Returns
    -------
    centers, labels, inertia
    """
    __tracebackhide__ = True
    Xf = as_points(X)
    n, d = Xf.shape
    result, kwargs = _call(check, X, k, random_state)
    case = check.case(X, k, got=result, why=why, **kwargs)
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
    inertia = float(inertia)
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
    gap = d2[np.arange(n), labels] - d2.min(axis=1)
    i = int(gap.argmax())
    case.that(
        gap[i] <= tol_d,
        lambda: (
            f"row {i} is labelled {labels[i]} but center {int(d2[i].argmin())} is "
            f"nearer (squared distances {d2[i, labels[i]]:.6g} and {d2[i].min():.6g}): "
            "the labels do not belong to the returned centers"
        ),
        hint="Return the labels of the final centers: iterate until an assignment "
        "changes no label (then the centers stop moving too). Stopping after one "
        "iteration, after a fixed number, or when the centers moved less than a "
        "tolerance blind to the data's scale (np.allclose(old, new), or an absolute "
        "1e-6 on data of size 1e-9) returns labels of older centers.",
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

    def forced(*args, **kwargs):
        return start.copy()

    space = getattr(check.func, "__globals__", None)
    name = "kmeans_plus_plus"
    missing = object()
    saved = space.get(name, missing) if space is not None else missing
    if space is not None:
        space[name] = forced
    try:
        check_kmeans(
            check,
            X,
            4,
            random_state=0,
            why="started from kmeans_plus_plus = rows 2, 1, 3, 5 of X, a start from "
            "which a cluster empties at the second assignment",
        )
    finally:
        if space is not None:
            if saved is missing:
                space.pop(name, None)
            else:
                space[name] = saved


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
