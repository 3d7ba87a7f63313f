"""04_imbalanced: invariant checks of SMOTE.

Every synthetic row must lie on a segment from a minority row to one of its
``k_neighbors`` nearest other minority rows, with tolerances relative to the data's
spread; the draws must be random, reproducible and spread over the segments.
"""

from __future__ import annotations

import numpy as np

from ...checking import Checker
from ...validation import check_seed

# ----------------------------------------------------------------------- smote cases
__all__ = [
    "check_smote",
    "check_smote_random",
    "extreme_smote_cases",
    "segment_pairs",
    "smote_cases",
]


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
