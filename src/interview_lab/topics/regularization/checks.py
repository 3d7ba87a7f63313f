"""03_regularization: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`: its default hint, the common
mistakes the checks recognise (each with the hint a learner sees when their result
matches it), its reference and the cases on which every mistake shows. A test cell
asks for a checker and runs it on the hidden inputs of this module::

    check = topic.checker("lasso_fit", lasso_fit, atol=1e-4)
    for X, y, alpha in topic.lasso_cases(seed=33):
        coef, intercept = check(X, y, alpha)

The ``extreme_*_cases`` (and :func:`tiny_ridge_cases`) add the inputs at the edges of
floating point, rank and shape that the contract allows (large offsets, nearly
collinear, duplicated and constant columns, tiny and huge values, near-ties, length-1
axes, integers); each docstring says which tolerance to compare with, and which
inputs are left out as unfair.

:func:`wrong_zeros` is the invariant the lasso's hidden test adds: exact zeros where
scikit-learn has them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import numpy as np

from ...cases import as_list_or_array
from ...checking import Exercise, Exercises, Mistake
from ...validation import check_int, check_seed, check_xy
from .core import lasso_reference, ridge_reference, soft_threshold_reference

__all__ = [
    "EXERCISES",
    "checker",
    "extreme_lasso_cases",
    "extreme_ridge_cases",
    "extreme_soft_threshold_cases",
    "lasso_cases",
    "ridge_cases",
    "slow_lasso_cases",
    "soft_threshold_cases",
    "tiny_ridge_cases",
    "ulp_soft_threshold_cases",
    "wrong_zeros",
]


# ------------------------------------------------------------------------- invariant
def wrong_zeros(coef, X, y, alpha) -> list[int]:
    """Indices of coefficients that scikit-learn's lasso sets to exactly 0 but
    ``coef`` does not.

    Parameters
    ----------
    coef : array-like of shape (n_features,)
        A learner's lasso coefficients.
    X, y, alpha
        The problem, as for :func:`~.core.lasso_reference`.

    Examples
    --------
    >>> X, y = [[1, 1], [1, -1], [-1, 1], [-1, -1]], [4, 2, 0, -2]
    >>> wrong_zeros([0.5, 1e-9], X, y, 1.5)
    [1]
    """
    ref, _ = lasso_reference(X, y, alpha)
    got = np.asarray(coef, dtype=float).reshape(-1)
    if got.shape != ref.shape:
        raise ValueError(f"coef must have shape {ref.shape}, got {got.shape}")
    return [int(j) for j in np.flatnonzero((ref == 0) & (got != 0))]


# ----------------------------------------------------------------------- test inputs
def _every_third_as_lists(X, y, i: int):
    """Case ``i`` as Python lists when ``i`` is a multiple of 3, else as arrays."""
    k = 0 if i % 3 == 0 else 1  # as_list_or_array: lists at even k
    return as_list_or_array(X, k), as_list_or_array(y, k)


def _design(
    rng, n: int, p: int, corr: float = 0.0, mean: float = 1.0, scales=(0.5, 2.0)
) -> np.ndarray:
    """Features with column means in [-mean, mean], spreads in ``scales``, and
    pairwise correlation ``corr`` (through one shared factor)."""
    z = rng.normal(size=(n, p))
    if corr:
        z = np.sqrt(1 - corr) * z + np.sqrt(corr) * rng.normal(size=(n, 1))
    return rng.uniform(-mean, mean, p) + z * rng.uniform(*scales, p)


def _targets(rng, X: np.ndarray, sparsity: float = 0.6) -> np.ndarray:
    n, p = X.shape
    w = rng.uniform(-3, 3, p) * (rng.random(p) < sparsity)
    return X @ w + rng.uniform(-5, 5) + rng.normal(0, rng.uniform(0.3, 2.0), n)


def ridge_cases(seed: int = 0, n_random: int = 40) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` for ridge: edge cases, then seeded random ones.

    Edge cases: one feature, more features than samples, ``alpha = 0`` with a
    full-rank ``X``, a huge ``alpha``, strongly correlated features, integer inputs,
    features far from 0 (where a penalised or missing intercept shows). About a third
    of the cases are Python lists.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    n_random : int
        Number of random cases after the edge cases.

    Yields
    ------
    X : list or ndarray of shape (n_samples, n_features)
    y : list or ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(ridge_cases())
    >>> len(X), len(X[0]), alpha
    (12, 1, 1.0)
    """
    seed = check_seed(seed)
    n_random = check_int("n_random", n_random, low=0)
    rng = np.random.default_rng(seed)
    X = _design(rng, 12, 1)
    yield X.tolist(), _targets(rng, X).tolist(), 1.0  # one feature
    X = _design(rng, 6, 10)
    yield X, _targets(rng, X), 0.5  # more features than samples
    X = _design(rng, 30, 4)
    yield X, _targets(rng, X), 0.0  # no penalty: ordinary least squares
    X = _design(rng, 20, 3)
    yield X, _targets(rng, X), 1e6  # huge penalty: coef near 0, intercept = mean(y)
    X = _design(rng, 40, 3, corr=0.95)
    yield X.tolist(), _targets(rng, X).tolist(), 2.0  # correlated features
    Xi = rng.integers(-5, 6, size=(15, 3))
    yield Xi.tolist(), rng.integers(-20, 21, size=15).tolist(), 3  # integers
    X = _design(rng, 25, 2) + 50.0
    yield X, _targets(rng, X), 10.0  # features far from 0
    for i in range(n_random):
        n = int(rng.integers(3, 41))
        p = int(rng.integers(1, 9))
        X = _design(rng, n, p, mean=3.0, scales=(0.3, 3.0))
        y = _targets(rng, X)
        alpha = float(10 ** rng.uniform(-2, 2))
        yield (*_every_third_as_lists(X, y, i), alpha)


def extreme_ridge_cases(seed: int = 0) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` for ridge at the edges of floating point and of rank.

    * large offsets with a small spread (prices, timestamps): features near 1e4 with
      spreads of 0.5-2 and targets near 1e6, as floats, as integer lists and with
      500 samples (not thousands: the dual form ``Xcᵀ(XcXcᵀ + alpha·I)⁻¹yc``, a
      correct answer, costs n³). The uncentred normal equations ``[X 1]ᵀ[X 1]`` and
      the expansion ``XᵀX - n·x̄x̄ᵀ`` lose about (offset / spread)² of the precision,
      float32 all of it; centring first loses nothing;
    * nearly collinear features (two columns 1e-4 and 1e-8 apart, relative) with a
      small alpha: well posed, since ``alpha·I`` keeps the condition number of
      ``XcᵀXc + alpha·I`` near 1e5-1e7 (solve, lstsq, Cholesky, the SVD and even
      ``inv`` are within 1e-9), but a fixed number of gradient steps, a start from
      least squares or an inverse of ``XcᵀXc`` alone is far off;
    * a duplicated column (the copies share the weight equally) and constant columns
      (coefficient 0 after centring), where dividing by a standard deviation fails;
    * small features and targets (1e-4 scale, alpha 2e-8: the coefficients of a
      unit-scale problem), where a "stabilising" 1e-8 on the diagonal changes the
      answer, and huge ones (1e6 scale); smaller still in :func:`tiny_ridge_cases`;
    * coefficients small but not 0 (1e-4 to 1e-3, on features with spreads near
      1,000), which a cut-off such as ``coef[abs(coef) < 1e-3] = 0`` loses;
    * a single sample, ``X`` of shape (1, 3): coefficients 0, intercept ``y[0]``;
    * NumPy dtypes other than float64: float32 prices (their mean in float32 is off
      by about 1e-3) and int8 features (whose ``XᵀX`` wraps around in int8), read as
      float64 as the contract says.

    Every ``alpha`` is positive, so each problem has one solution. Compare with
    ``atol=1e-6`` (the contract) and ``rtol=1e-11``: an intercept near 1e6 carries
    rounding of about 1e-10 whatever the method, and a backward-stable least squares
    on the uncentred ``[X 1]`` (QR or SVD, not the normal equations) about 1e-7.

    Parameters
    ----------
    seed : int
        Seed of the random values.

    Yields
    ------
    X : list or ndarray of shape (n_samples, n_features)
    y : list or ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(extreme_ridge_cases())
    >>> np.shape(X), bool(9_990 < np.min(X) and np.max(X) < 10_010), alpha
    ((60, 3), True, 1.0)
    """
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    for n, as_list in [(60, False), (500, True)]:  # prices: 1e4 ± 2, 1e6 ± 10
        X = 1e4 + _design(rng, n, 3)
        y = 1e6 + _targets(rng, X - 1e4, sparsity=1.0)
        yield (X.tolist(), y.tolist(), 1.0) if as_list else (X, y, 1.0)
    Xi = 10_000 + rng.integers(-20, 21, size=(40, 2))  # integer timestamps
    yi = 1_000_000 + 3 * (Xi[:, 0] - 10_000) + rng.integers(-30, 31, size=40)
    yield Xi.tolist(), yi.tolist(), 2
    for rel, alpha in [(1e-4, 1e-3), (1e-8, 1e-4)]:  # nearly collinear
        X = _design(rng, 50, 3)
        X[:, 1] = X[:, 0] + rel * rng.normal(size=50)
        yield X, _targets(rng, X, sparsity=1.0), alpha
    X = _design(rng, 30, 3)
    X = np.column_stack([X[:, :2], X[:, 0], X[:, 2]])  # a duplicated column
    yield X, _targets(rng, X), 0.5
    X = _design(rng, 25, 3)
    X[:, 1] = 3.0  # constant columns: exactly 0 after centring
    X = np.column_stack([X, np.zeros(25)])
    yield X.tolist(), _targets(rng, X).tolist(), 1.0
    X = _design(rng, 30, 3)
    y = _targets(rng, X)
    yield 1e-4 * X, 1e-4 * y, 2e-8  # small: the coefficients of alpha = 2
    yield 1e6 * X, 1e6 * y, 2e12  # huge
    X = _design(rng, 40, 3, scales=(500.0, 2000.0))
    w = np.array([4e-4, -2e-4, 8e-4])
    yield X, X @ w + 1.0 + rng.normal(0, 0.1, 40), 5.0  # coefficients 1e-4 to 1e-3
    yield [[1.5, -2.0, 4.0]], [7.0], 1.0  # a single sample
    X = (1e4 + _design(rng, 60, 3)).astype(np.float32)  # float32 prices
    y = (1e6 + _targets(rng, X - 1e4, sparsity=1.0)).astype(np.float32)
    yield X, y, 1.0
    Xi = rng.integers(-100, 101, size=(40, 3)).astype(np.int8)  # int8: X·X wraps
    yi = (Xi.astype(int) @ [2, -1, 0] + rng.integers(-30, 31, size=40)).astype(np.int16)
    yield Xi, yi, 2


def tiny_ridge_cases(seed: int = 0) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` for ridge with features and targets near 1e-9.

    Scaling ``X`` and ``y`` by ``s`` and ``alpha`` by ``s²`` leaves the coefficients
    of a unit-scale problem, so they are about 1 here: a column that
    ``np.allclose(column, 0)`` calls constant (every value below 1e-8) is not, and a
    1e-8 added to the diagonal "for stability" swamps ``XcᵀXc`` (about 1e-17).

    Compare with ``atol=1e-5``, not the contract's 1e-6: a least squares on the
    uncentred ``[X 1]`` (a correct answer, by QR or SVD) carries an error of about
    1e-16 times its condition number, about 1e9 here (so up to 1e-6), while the
    mistakes above are off by about 1.

    Parameters
    ----------
    seed : int
        Seed of the random values.

    Yields
    ------
    X : list or ndarray of shape (n_samples, n_features)
    y : list or ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(tiny_ridge_cases())
    >>> bool(np.abs(X).max() < 1e-8), alpha
    (True, 2e-18)
    """
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    for as_list in (False, True):
        X = _design(rng, 30, 3, mean=0.5, scales=(0.5, 1.0))
        y = _targets(rng, X, sparsity=1.0)
        X, y = 1e-9 * X, 1e-9 * y  # |X| below 1e-8: about 5 standard deviations
        yield (X.tolist(), y.tolist(), 2e-18) if as_list else (X, y, 2e-18)


def _lasso_margin_ok(
    X,
    y,
    alpha,
    margin: float = 0.01,
    min_coef: float = 1e-3,
    min_effect: float | None = None,
) -> bool:
    """True when no coefficient sits at the edge of being 0.

    A zero coefficient must satisfy its optimality condition with room to spare
    (``|x_j·r|/n < (1 - margin)·alpha``) and a non-zero one must be clearly non-zero,
    so that a coordinate descent stopped at ``tol=1e-6`` finds the same zeros:
    ``|w_j| > min_coef``, or, when ``min_effect`` is given, ``|w_j|·std(x_j) >
    min_effect`` (its effect on ``y``: what decides, for features with large spreads
    and small coefficients).
    """
    coef, _ = lasso_reference(X, y, alpha)
    X, y = check_xy(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    grad = Xc.T @ (yc - Xc @ coef) / len(y)
    zero = coef == 0
    size = np.abs(coef) if min_effect is None else np.abs(coef) * X.std(0)
    low = min_coef if min_effect is None else min_effect
    return bool(
        np.all(np.abs(grad[zero]) < (1 - margin) * alpha) and np.all(size[~zero] > low)
    )


def _alpha_max(X, y) -> float:
    """The smallest alpha at which every lasso coefficient is 0."""
    X, y = check_xy(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    return float(np.max(np.abs(Xc.T @ yc)) / len(y))


def _lasso_design(
    rng, n: int, p: int, corr: float = 0.0, scales=(4.0, 10.0)
) -> np.ndarray:
    """Features whose sample means are exactly in [-1, 1] and whose sample spreads are
    exactly in ``scales``, with pairwise correlation about ``corr`` (one shared factor).

    Large spreads and small means keep every coordinate descent fast and its stopping
    error small: a sweep that lowers the objective by less than 1e-6 moves a
    coefficient by about sqrt(2e-6 / spread²), and a mean close to 0 keeps the
    intercept (mean(y) - mean(X) @ coef) from amplifying what is left.
    """
    z = rng.normal(size=(n, p))
    if corr:
        z = np.sqrt(1 - corr) * z + np.sqrt(corr) * rng.normal(size=(n, 1))
    z = (z - z.mean(0)) / z.std(0)
    return rng.uniform(-1.0, 1.0, p) + z * rng.uniform(*scales, p)


def _lasso_targets(
    rng, X: np.ndarray, sparsity: float = 0.6, low: float = 0.0, noise=(0.3, 2.0)
) -> np.ndarray:
    """y = X @ w + b + noise, where one standard deviation of feature j moves y by
    ±[low, 3] (0 for a feature left out, with probability 1 - sparsity)."""
    n, p = X.shape
    effect = rng.uniform(low, 3.0, p) * rng.choice([-1.0, 1.0], p)
    w = effect * (rng.random(p) < sparsity) / X.std(0)
    return X @ w + rng.uniform(-5, 5) + rng.normal(0, rng.uniform(*noise), n)


def _max_correlation_eigenvalue(X) -> float:
    """Largest eigenvalue of the features' correlation matrix: 1 for uncorrelated
    features, up to n_features for identical ones.

    Above 2, updating every coordinate at once from the same residual (Jacobi instead
    of coordinate descent) diverges: its iteration matrix ``I - D⁻¹G`` then has an
    eigenvalue below -1. Coordinate descent itself slows down as it grows.
    """
    corr = np.atleast_2d(np.corrcoef(np.asarray(X, dtype=float).T))
    return float(np.linalg.eigvalsh(corr).max())


def _first_fair(
    draw, columns=(), min_nonzero: int = 1, min_effect=None, also=None
) -> tuple:
    """The first problem ``draw()`` returns on which every stopping rule finds the
    same answer: the features (``columns`` of them; all by default, None to skip)
    nearly uncorrelated, no coefficient at the edge of 0 (:func:`_lasso_margin_ok`
    with ``min_effect``), at least ``min_nonzero`` coefficients kept, and ``also(coef)``
    when given. Each try draws from the caller's generator, so a seed gives the same
    problem."""
    while True:
        X, y, alpha = draw()
        coef, _ = lasso_reference(X, y, alpha)
        kept = np.asarray(X)[:, list(columns)] if columns else X
        if (
            (columns is None or _max_correlation_eigenvalue(kept) < 1.5)
            and _lasso_margin_ok(X, y, alpha, min_effect=min_effect)
            and np.sum(coef != 0) >= min_nonzero
            and (also is None or also(coef))
        ):
            return X, y, alpha


def lasso_cases(seed: int = 0, n_random: int = 40) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` for the lasso: edge cases, then seeded random ones.

    Every problem is well conditioned (at least 40 samples, at most 5 features, column
    means in [-1, 1], spreads in [4, 10], effects of a few units on ``y``), so a
    coordinate descent with the default ``max_iter=1000, tol=1e-6`` lands within 1e-4
    of scikit-learn whichever reasonable rule stops it: the largest change of a
    coefficient in a sweep below ``tol`` (absolute or relative to the largest
    coefficient), the change of the objective below ``tol`` (absolute or relative), or
    no early stop at all; with centred data or the intercept updated in the loop. One
    sweep, or a handful, is not enough. No coefficient sits on the edge of being 0
    (see ``_lasso_margin_ok``), so the exact zeros are well defined. Edge cases: one
    feature, ``alpha`` above the point where every coefficient is 0, two correlated
    features of which the lasso keeps one, five correlated features all kept (on
    which updating every coordinate at once from the same residual diverges), Python
    lists.

    Parameters
    ----------
    seed : int
        Seed of the random cases.
    n_random : int
        Number of random cases after the edge cases.

    Yields
    ------
    X : list or ndarray of shape (n_samples, n_features)
    y : list or ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(lasso_cases())
    >>> len(X), len(X[0])
    (40, 1)
    """
    seed = check_seed(seed)
    n_random = check_int("n_random", n_random, low=0)
    rng = np.random.default_rng(seed)

    def accept(X, y, alpha):
        return _lasso_margin_ok(X, y, alpha)

    edge = []
    while len(edge) < 1:  # one feature, non-zero coefficient
        X = _lasso_design(rng, 40, 1)
        y = X[:, 0] * rng.choice([-2.0, 2.0]) / X.std() + rng.normal(0, 1, 40) + 3.0
        alpha = 0.3 * _alpha_max(X, y)
        if accept(X, y, alpha):
            edge.append((X.tolist(), y.tolist(), alpha))
    X = _lasso_design(rng, 50, 4)
    y = _lasso_targets(rng, X)
    edge.append((X, y, 3.0 * _alpha_max(X, y)))  # every coefficient exactly 0
    while len(edge) < 3:  # correlated pair: the lasso keeps one, drops the other
        X = _lasso_design(rng, 60, 2, corr=0.85)
        y = X @ (np.array([1.0, 0.8]) / X.std(0)) + rng.normal(0, 0.5, 60)
        alpha = 0.5 * _alpha_max(X, y)
        coef, _ = lasso_reference(X, y, alpha)
        if accept(X, y, alpha) and np.sum(coef == 0) == 1:
            edge.append((X, y, alpha))
    while len(edge) < 4:  # five correlated features, all kept
        X = _lasso_design(rng, 80, 5, corr=0.35, scales=(10.0, 20.0))
        y = _lasso_targets(rng, X, sparsity=1.0, low=1.0, noise=(1.0, 1.0))
        alpha = 0.1 * _alpha_max(X, y)
        coef, _ = lasso_reference(X, y, alpha)
        if (
            _max_correlation_eigenvalue(X) > 2.2
            and accept(X, y, alpha)
            and np.all(coef != 0)
        ):
            edge.append((X.tolist(), y.tolist(), alpha))
    yield from edge
    produced = 0
    while produced < n_random:
        n = int(rng.integers(40, 101))
        p = int(rng.integers(1, 6))
        X = _lasso_design(rng, n, p)
        y = _lasso_targets(rng, X)
        alpha = _alpha_max(X, y) * float(10 ** rng.uniform(-2.5, -0.05))
        if _max_correlation_eigenvalue(X) > 1.5 or not accept(X, y, alpha):
            continue  # features too correlated by chance (slow descent), or on an edge
        yield (*_every_third_as_lists(X, y, produced), alpha)
        produced += 1


def extreme_lasso_cases(seed: int = 0) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` for the lasso at the edges the contract allows.

    * constant columns (one of 3s, one of 0s) among three ordinary features: their
      coefficients are exactly 0 in scikit-learn, while a coordinate update without a
      guard divides 0 by 0 and a start from least squares meets a singular ``XᵀX``;
    * coefficients small but not 0 (2e-4 to 1e-3, on features with spreads of 300-600
      whose effects on ``y`` are tenths), which a cut-off such as
      ``w[abs(w) < 1e-3] = 0`` loses;
    * integer features and targets, as lists (coefficients must not be ints);
    * targets near 1e6 with a spread of a few units, with 60 and 2,000 samples, where
      float32 loses the intercept, and the same as float32 arrays (read as float64,
      not averaged in float32);
    * integers as int8 and int16 arrays, whose ``XᵀX`` wraps around in int8;
    * an orthogonal design with one column of spread 5e-5 (variance 2.5e-9, which
      ``np.isclose(var, 0)`` calls constant) carrying a coefficient of 19,600;
    * orthogonal columns of spreads 1 and 1,000 with coefficients 1 and 6e-4, which
      a relative cut-off (``|w| < 1e-3·max|w|``) loses.

    Like :func:`lasso_cases`, every problem is well conditioned for coordinate descent
    (means in [-1, 1], spreads of at least 4, correlations small) and no coefficient
    sits on the edge of being 0 (``_lasso_margin_ok``; for the small coefficients its
    effect ``|w_j|·std(x_j)`` is what must be clearly non-zero), so every reasonable
    stopping rule lands within 1e-4 of scikit-learn. Large offsets in the features
    and correlated columns are in :func:`slow_lasso_cases`, compared more loosely.
    Not sent, because they are not fair with the contract's ``tol=1e-6``: nearly
    collinear columns (coordinate descent crawls), tiny scales (an absolute ``tol``
    stops at once), and duplicated columns (the minimiser is not unique: any split
    of the weight is optimal).

    Parameters
    ----------
    seed : int
        Seed of the random values.

    Yields
    ------
    X : list or ndarray of shape (n_samples, n_features)
    y : list or ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(extreme_lasso_cases())
    >>> np.shape(X), np.ptp(np.asarray(X)[:, [1, 3]], axis=0).tolist()
    ((60, 5), [0.0, 0.0])
    """
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)

    def constant_columns():  # a column of 3s and a column of 0s
        X = _lasso_design(rng, 60, 3)
        y = _lasso_targets(rng, X, sparsity=1.0, low=0.5)
        X = np.column_stack([X[:, 0], np.full(60, 3.0), X[:, 1], np.zeros(60), X[:, 2]])
        return X, y, 0.2 * _alpha_max(X, y)

    yield _first_fair(constant_columns, columns=[0, 2, 4], min_nonzero=2)

    def small_coefficients():  # on features with large spreads
        X = _lasso_design(rng, 80, 3, scales=(300.0, 600.0))
        w = np.array([0.15, -0.3, 2.0]) * rng.choice([-1.0, 1.0], 3) / X.std(0)
        y = X @ w + rng.uniform(-5, 5) + rng.normal(0, 0.3, 80)
        return X, y, 0.05 * _alpha_max(X, y)

    def has_small(coef):
        return bool(np.any((np.abs(coef) > 2e-4) & (np.abs(coef) < 1e-3)))

    yield _first_fair(small_coefficients, min_effect=0.02, also=has_small)

    def integers(dtype):
        Xi = rng.integers(-12, 13, size=(60, 3)).astype(dtype)
        yi = np.rint(Xi @ rng.uniform(-1.0, 1.0, 3) + rng.normal(0, 2.0, 60) + 4)
        return Xi, yi, 0.2 * _alpha_max(Xi, yi)

    Xi, yi, alpha = _first_fair(lambda: integers(np.int64), min_nonzero=0)
    yield Xi.tolist(), yi.astype(int).tolist(), alpha  # integers, as lists

    def near_1e6(n, dtype):  # targets near 1e6
        X = _lasso_design(rng, n, 3).astype(dtype)
        y = (1e6 + _lasso_targets(rng, X)).astype(dtype)
        return X, y, 0.1 * _alpha_max(X, y)

    for n in (60, 2000):
        yield _first_fair(lambda n=n: near_1e6(n, np.float64))
    yield _first_fair(lambda: near_1e6(60, np.float32))  # float32 arrays
    Xi, yi, alpha = _first_fair(lambda: integers(np.int8), min_nonzero=0)
    yield Xi, yi.astype(np.int16), alpha  # int8 and int16: X·X wraps around in int8
    s = 5e-5  # an orthogonal design with one column of spread 5e-5: not constant
    X = np.array([[1.0, s], [1.0, -s], [-1.0, s], [-1.0, -s]] * 2)
    yield X, X @ [1.0, 2e4], 1e-6
    z = rng.normal(size=(100, 2))  # orthogonal columns of spreads 1 and 1,000
    z -= z.mean(0)
    z[:, 1] -= z[:, 0] * (z[:, 0] @ z[:, 1]) / (z[:, 0] @ z[:, 0])
    X = z / z.std(0) * [1.0, 1000.0]
    yield X, X @ [1.0, 6e-4] + 2.0 + rng.normal(0, 0.1, 100), 0.01  # 6e-4 beside 1


def slow_lasso_cases(seed: int = 0) -> Iterator[tuple]:
    """Inputs ``(X, y, alpha)`` on which coordinate descent converges slowly.

    * features with means near ±100 and ±300 (spreads 4-10): an intercept updated
      inside the loop on uncentred features, instead of centring first, moves by
      about ``1 - spread²/offset²`` of its distance per sweep, so a change below
      ``tol`` comes long before the optimum (off by 4 and 100 at seed 33);
    * four features with pairwise correlations near 0.8 (a shared factor, spreads
      8-15): a fixed number of sweeps (10, say) stops short (off by 1e-2).

    Compare with ``atol=1e-3``, not the contract's 1e-4: at seed 33 every stopping
    rule that centres and stops on small changes (of the coefficients, absolute or
    relative, of the objective, absolute or relative, or scikit-learn's duality gap
    at its own ``tol``) is within 3e-4.

    Parameters
    ----------
    seed : int
        Seed of the random values.

    Yields
    ------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
    alpha : float

    Examples
    --------
    >>> X, y, alpha = next(slow_lasso_cases())
    >>> X.shape, bool(np.all(np.abs(X.mean(0)) > 95))
    ((80, 3), True)
    """
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)

    def offset_features(offset):
        X = offset * rng.choice([-1.0, 1.0], 3) + _lasso_design(rng, 80, 3)
        y = _lasso_targets(rng, X, sparsity=0.7, noise=(0.3, 1.0))
        return X, y, 0.1 * _alpha_max(X, y)

    def correlated():
        X = _lasso_design(rng, 100, 4, corr=0.8, scales=(8.0, 15.0))
        y = _lasso_targets(rng, X, sparsity=1.0, low=0.5, noise=(0.3, 1.0))
        return X, y, 0.05 * _alpha_max(X, y)

    for offset in (100.0, 300.0):
        yield _first_fair(lambda o=offset: offset_features(o), min_nonzero=2)
    yield _first_fair(correlated, columns=None, min_nonzero=3)


def soft_threshold_cases(seed: int = 0, n_random: int = 30) -> Iterator[tuple]:
    """Inputs ``(z, t)`` for soft thresholding: scalars, lists, 1-D and 2-D arrays.

    Edge cases: ``|z| == t`` exactly, ``t = 0``, negative values, a NumPy scalar, ints
    (also with a float ``t``, where an integer result array truncates), a 2-D array
    and a 2-D list. Random cases mix values inside and outside
    ``[-t, t]``.

    Examples
    --------
    >>> next(soft_threshold_cases())
    (2.5, 1.0)
    """
    seed = check_seed(seed)
    n_random = check_int("n_random", n_random, low=0)
    yield 2.5, 1.0
    yield -2.5, 1.0
    yield 0.3, 1.0
    yield -1.0, 1.0  # |z| == t: exactly 0
    yield 1.0, 1.0
    yield -0.75, 0.0  # t = 0: z unchanged
    yield np.float64(-4.0), 1.5  # NumPy scalar
    yield 3, 2  # ints
    yield 3, 0.5  # an int with a float threshold: 2.5, not 2
    yield [3, -2, 1, 0, -5], 0.5  # a list of ints
    yield np.array([[4, -1], [0, 2]]), 1.5  # an int array
    yield np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0]), 1.0
    yield [[-2.0, 0.2], [1.5, -0.1]], 0.5  # 2-D list
    yield np.array([[-4.0, 2.0, 0.0], [0.4, -0.4, 6.0]]), 0.4  # 2-D, |z| == t
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        t = float(rng.uniform(0, 2))
        shape = [(), (int(rng.integers(1, 12)),), (int(rng.integers(1, 5)), 3)][i % 3]
        z = rng.normal(0, 2, size=shape)
        if i % 3 == 0:
            yield float(z), t
        else:
            yield as_list_or_array(z, i + 1), t  # odd i: a list


def extreme_soft_threshold_cases(seed: int = 0) -> Iterator[tuple]:
    """Inputs ``(z, t)`` for soft thresholding at the edges of shape and floating point.

    * length-1 axes: shapes (1,), (1, 1), (n, 1) and (1, n), a 0-d array and
      ``[[x]]``: the result keeps the shape of ``z`` (nothing squeezed);
    * near-ties: ``|z|`` above ``t`` by 2⁻⁴⁰ ≈ 9e-13 and 2⁻³⁰ relative (not ties: the
      result is that small difference, exactly), beside exact ties ``|z| == t`` at
      scales 1e-300 to 1e300 (exactly 0);
    * tiny values (1e-200 scale, where ``z**2`` underflows and rounding or an absolute
      epsilon wipes the result out) and huge ones (1e200 scale, where ``z**2``
      overflows), with a threshold of the same scale;
    * integers: large ones (1e15, exact in float64, past int32) and an (n, 1) integer
      array, both with a fractional ``t``;
    * ``t = 0`` on values that include 0, tiny and huge ones (``z`` unchanged);
    * 5,000 values, a third of them exact ties;
    * int8 (where ``abs(-128)`` is -128), uint8 and float32 arrays, read as float64
      (``float32(0.1) - 0.1`` is 1.5e-9, not 0).

    Compare relatively: ``atol=0, rtol=1e-3``. Every correct formula computes
    ``|z| - t`` in one exact subtraction here, and the multiplicative
    ``z·max(0, 1 - t/|z|)`` is within 2e-4 of it on the near-ties; rounding, float32,
    ``np.isclose`` or an absolute epsilon on the dead zone is off by 100%.

    Parameters
    ----------
    seed : int
        Seed of the random values.

    Yields
    ------
    z : float, list or ndarray
    t : float

    Examples
    --------
    >>> z, t = next(extreme_soft_threshold_cases())
    >>> z.shape, t
    ((1,), 1.0)
    """
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    yield np.array([2.5]), 1.0  # length-1 axes
    yield np.array([[-2.5]]), 1.0
    yield [[0.25]], 0.5
    yield np.array(-3.0), 1.0  # a 0-d array
    yield rng.normal(0, 2, size=(7, 1)), 0.8
    yield rng.normal(0, 2, size=(1, 6)).tolist(), 0.8
    for t in (1.0, 2.0**20, 0.1):  # near-ties: not ties
        d = np.array([2.0**-40, 2.0**-30, 0.0, -(2.0**-40), -(2.0**-30), -0.5, 0.5])
        z = np.sign(d + 1e-300) * t * (1.0 + np.abs(d))
        yield z, t
    for scale in (1e-300, 1e-8, 1.0, 1e300):  # exact ties at every scale
        yield np.array([scale, -scale, 2 * scale, 0.5 * scale]), scale
    for scale in (1e-200, 1e200):  # tiny and huge
        yield scale * rng.normal(0, 2, size=(3, 4)), scale * 0.7
        yield float(scale * 3.0), scale * 1.0
    yield np.array([10**15 + 1, -(10**15) - 3, 2_147_483_648, 7, 0, -1]), 0.5
    yield rng.integers(-5, 6, size=(6, 1)), 2.5  # an (n, 1) integer array
    yield np.array([0.0, -0.0, 1e-300, -1e-300, 1e300, -3.0, 2.5]), 0.0  # t = 0
    yield [0, 4, -2], 0  # ints with t = 0
    t = 0.75  # 5,000 values, a third exact ties
    z = rng.normal(0, 2, size=5000)
    ties = rng.random(5000) < 1 / 3
    z[ties] = t * rng.choice([-1.0, 1.0], size=int(ties.sum()))
    yield z, t
    yield np.array([-128, 5, 127, -1, 0], dtype=np.int8), 0.5  # abs(-128) wraps in int8
    yield np.array([255, 0, 3, 128], dtype=np.uint8), 0.5
    yield np.array([0.1, -0.3, 2.5], dtype=np.float32), 0.1  # |z| - t is 1.5e-9


def ulp_soft_threshold_cases() -> Iterator[tuple]:
    """Inputs ``(z, t)`` whose ``|z|`` is 1 to 4 units in the last place above ``t``.

    Not ties: the right value is that difference, one exact subtraction (Sterbenz).
    A tie tested with a relative epsilon (``|z| - t <= 1e-13·t``, ``np.isclose``)
    returns 0 there. Thresholds 1, 2²⁰, 0.1 and 1e10, both signs, beside exact ties.

    Compare with ``atol=0, rtol=0.5``: the multiplicative ``z·max(0, 1 - t/|z|)``,
    a correct formula, rounds ``t/|z|`` and is off by at most ``m/(4k)`` of a
    difference of ``k`` units (``m`` < 2 the mantissa of ``t``), under 0.5 here,
    while a dead zone is off by 1.

    Yields
    ------
    z : ndarray of shape (9,)
    t : float

    Examples
    --------
    >>> z, t = next(ulp_soft_threshold_cases())
    >>> float(z[0] - t) == float(np.spacing(1.0)), t
    (True, 1.0)
    """
    for t in (1.0, 2.0**20, 0.1, 1e10):
        k = np.array([1, 2, 3, 4, -1, -2, -3, -4, 0])
        z = np.sign(k + 0.5) * (t + np.abs(k) * np.spacing(t))
        yield z, t


# ------------------------------------------------------------------ cases for mistakes
_EXAMPLE_X = np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]])
_EXAMPLE_Y = [4, 2, 0, -2]


def _ridge_mistake_cases():
    yield (_EXAMPLE_X, _EXAMPLE_Y, 4.0)  # the worked example, centred features
    yield (_EXAMPLE_X + 10, _EXAMPLE_Y, 4.0)  # features far from 0
    yield from ridge_cases(seed=0, n_random=3)


def _soft_threshold_mistake_cases():
    yield from soft_threshold_cases(seed=0, n_random=3)


def _lasso_mistake_cases():
    yield (_EXAMPLE_X, _EXAMPLE_Y, 0.5)  # the worked example, both kept
    yield (_EXAMPLE_X + 5, _EXAMPLE_Y, 0.5)  # features far from 0
    yield (_EXAMPLE_X, _EXAMPLE_Y, 1.5)  # one exact zero


# ------------------------------------------------------------------- mistake helpers
def _ridge_solve(X, y, alpha, centre=True, penalise_intercept=False):
    X, y = check_xy(X, y)
    n, p = X.shape
    if penalise_intercept:
        A = np.column_stack([X, np.ones(n)])
        sol = np.linalg.solve(A.T @ A + float(alpha) * np.eye(p + 1), A.T @ y)
        return sol[:p], float(sol[p])
    if centre:
        mx, my = X.mean(0), y.mean()
        coef = np.linalg.solve(
            (X - mx).T @ (X - mx) + float(alpha) * np.eye(p), (X - mx).T @ (y - my)
        )
        return coef, float(my - mx @ coef)
    coef = np.linalg.solve(X.T @ X + float(alpha) * np.eye(p), X.T @ y)
    return coef, float(y.mean() - X.mean(0) @ coef)


def _ridge_no_intercept(X, y, alpha):
    X, y = check_xy(X, y)
    coef = np.linalg.solve(X.T @ X + float(alpha) * np.eye(X.shape[1]), X.T @ y)
    return coef, 0.0


def _lasso_sklearn(X, y, alpha, fit_intercept=True):
    from sklearn.linear_model import Lasso

    X, y = check_xy(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = Lasso(
            alpha=alpha, tol=1e-10, max_iter=100_000, fit_intercept=fit_intercept
        ).fit(X, y)
    return m.coef_.copy(), float(m.intercept_)


def _lasso_intercept_mean_only(X, y, alpha, max_iter=1000, tol=1e-6):
    """Centred y but uncentred X: the intercept is just mean(y)."""
    X, y = check_xy(X, y)
    coef, _ = _lasso_sklearn(X, y - y.mean(), alpha, fit_intercept=False)
    return coef, float(y.mean())


def _soft_threshold_truncated(z, t):
    """Soft thresholding written into an array of z's integer dtype."""
    out = soft_threshold_reference(z, t)
    return np.trunc(out) + 0.0 if np.asarray(z).dtype.kind in "iu" else out


# ------------------------------------------------------------------------- exercises
EXERCISES = Exercises(
    Exercise(
        "ridge_fit",
        hint=(
            "Centre: Xc = X - X.mean(axis=0), yc = y - y.mean(). Then "
            "coef = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(n_features), Xc.T @ yc) "
            "and intercept = y.mean() - X.mean(axis=0) @ coef."
        ),
        parts=("coef", "intercept"),
        reference=ridge_reference,
        cases=_ridge_mistake_cases,
        mistakes=[
            Mistake(
                lambda X, y, alpha: _ridge_solve(X, y, alpha, penalise_intercept=True),
                "The intercept looks penalised (a column of ones inside the penalty). "
                "Centre X and y, solve for the coefficients, then set "
                "intercept = mean(y) - mean(X, axis=0) @ coef.",
            ),
            Mistake(
                _ridge_no_intercept,
                "There is no intercept: the fit is forced through the origin. Centre X "
                "and y first and recover intercept = mean(y) - mean(X, axis=0) @ coef.",
            ),
            Mistake(
                lambda X, y, alpha: _ridge_solve(X, y, alpha * len(y)),
                "The penalty looks n times too strong. Ridge here minimises "
                "||y - Xw - b||² + alpha·||w||²: add alpha·I to Xc.T @ Xc, not "
                "n·alpha·I (and do not divide Xc.T @ Xc by n).",
            ),
            Mistake(
                lambda X, y, alpha: _ridge_solve(X, y, alpha, centre=False),
                "The coefficients were solved from the uncentred X.T @ X. Centre the "
                "columns of X (and y) before solving, so the intercept stays out of the "
                "penalty.",
            ),
            Mistake(
                lambda X, y, alpha: _ridge_solve(X, y, 0.0),
                "That is ordinary least squares: the penalty alpha·I is missing from "
                "Xc.T @ Xc + alpha·I.",
            ),
        ],
    ),
    Exercise(
        "soft_threshold",
        hint=(
            "np.sign(z) * np.maximum(np.abs(z) - t, 0), after "
            "z = np.asarray(z, dtype=float); it works for scalars and arrays alike."
        ),
        reference=soft_threshold_reference,
        cases=_soft_threshold_mistake_cases,
        mistakes=[
            Mistake(
                lambda z, t: np.maximum(np.asarray(z, dtype=float) - t, 0.0),
                "Negative inputs are lost: max(z - t, 0) only shrinks positive values. "
                "Use sign(z)·max(|z| - t, 0).",
            ),
            Mistake(
                lambda z, t: np.maximum(np.abs(np.asarray(z, dtype=float)) - t, 0.0),
                "The sign is missing: max(|z| - t, 0) is the magnitude only. Multiply "
                "by np.sign(z).",
            ),
            Mistake(
                lambda z, t: np.where(
                    np.abs(np.asarray(z, float)) > t, np.asarray(z, float), 0.0
                ),
                "That is hard thresholding (keep or zero). Soft thresholding also moves "
                "the kept values t closer to 0: sign(z)·max(|z| - t, 0).",
            ),
            Mistake(
                lambda z, t: np.asarray(z, float) - t * np.sign(np.asarray(z, float)),
                "Values with |z| < t must become exactly 0, not cross zero: take "
                "max(|z| - t, 0) before putting the sign back.",
            ),
            Mistake(
                _soft_threshold_truncated,
                "Integer inputs lost their fractions: an output made with "
                "np.zeros_like(z) (or written into z) of integers is an integer array. "
                "Convert first: z = np.asarray(z, dtype=float).",
            ),
        ],
    ),
    Exercise(
        "lasso_fit",
        hint=(
            "Centre X and y. Repeat sweeps over j: rho = Xc[:, j] @ r / n + "
            "z_j * w[j] with r = yc - Xc @ w and z_j = Xc[:, j] @ Xc[:, j] / n; set "
            "w[j] = soft_threshold(rho, alpha) / z_j and update r before the next j "
            "(updating every w[j] at once from the same residual can diverge on "
            "correlated features). Stop when the largest change in a sweep is below "
            "tol (copy w before the sweep!). Finally "
            "intercept = y.mean() - X.mean(axis=0) @ w."
        ),
        parts=("coef", "intercept"),
        reference=lasso_reference,
        cases=_lasso_mistake_cases,
        mistakes=[
            Mistake(
                lambda X, y, alpha, max_iter=1000, tol=1e-6: _lasso_sklearn(
                    X, y, alpha / len(y)
                ),
                "The penalty looks n times too weak: the loss is (1/2n)·||r||², so the "
                "threshold for coordinate j is alpha, with rho_j = x_j·r / n and "
                "z_j = x_j·x_j / n.",
            ),
            Mistake(
                lambda X, y, alpha, max_iter=1000, tol=1e-6: _lasso_sklearn(
                    X, y, alpha / 2
                ),
                "The penalty looks half as strong as it should be: the loss is "
                "(1/2n)·||r||², not (1/n)·||r||².",
            ),
            Mistake(
                lambda X, y, alpha, max_iter=1000, tol=1e-6: _lasso_sklearn(
                    X, y, alpha, fit_intercept=False
                ),
                "There is no intercept: centre X and y, run coordinate descent on the "
                "centred data, then intercept = mean(y) - mean(X, axis=0) @ coef.",
            ),
            Mistake(
                _lasso_intercept_mean_only,
                "Centre the columns of X too, not only y: the intercept is "
                "mean(y) - mean(X, axis=0) @ coef, not mean(y).",
            ),
        ],
    ),
)

checker = EXERCISES.checker
