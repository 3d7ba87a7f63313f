"""03_regularization: ridge and lasso checks, test inputs, figures and widgets.

The notebook calls each piece in one line, for example::

    from interview_lab.topics import regularization as topic
    topic.regularization_explorer()             # the interactive coefficient paths
    check = topic.checker("ridge_fit", ridge_fit, atol=1e-6)   # in a test cell

Reference values come from scikit-learn (``Ridge``, ``Lasso``); the figures use
scikit-learn and closed forms, so they work before the learner has written anything.

Scales of alpha. ``ridge_fit`` and scikit-learn's ``Ridge`` minimise
``||y - Xw - b||² + alpha·||w||²``; ``lasso_fit`` and ``Lasso`` minimise
``(1/2n)·||y - Xw - b||² + alpha·||w||₁``. The figures put both on one scale, the
per-sample objective ``(1/2n)·||y - Xw - b||² + λ·P(w)`` with ``P = ||w||²/2`` for
ridge and ``||w||₁`` for the lasso (scikit-learn's ``ElasticNet`` convention), so
ridge's ``alpha`` is ``n·λ`` and the lasso's is ``λ``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from functools import lru_cache

import numpy as np

from ..cases import check_seed
from ..checking import Mistake, checker_factory
from ..widgets import FigureImage, explorer_box, new_figure

__all__ = [
    "HINTS",
    "MISTAKES",
    "NAMES",
    "GeometryExplorer",
    "PathExplorer",
    "checker",
    "correlated_data",
    "correlated_figure",
    "cv_figure",
    "geometry_explorer",
    "geometry_figure",
    "lasso_cases",
    "lasso_reference",
    "polynomial_data",
    "regularization_explorer",
    "ridge_cases",
    "ridge_reference",
    "scaling_figure",
    "soft_threshold_cases",
    "soft_threshold_reference",
    "wrong_zeros",
]


# ------------------------------------------------------------------------ validation
def _check_count(name: str, value, low: int = 0) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or value < low
    ):
        raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    return int(value)


def _check_positive(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, got {value!r}") from None
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return v


def _check_xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(
            f"y must have shape ({X.shape[0]},) to match X {X.shape}, got {y.shape}"
        )
    return X, y


# ------------------------------------------------------------------------ references
def ridge_reference(X, y, alpha):
    """``(coef, intercept)`` of ``sklearn.linear_model.Ridge(alpha).fit(X, y)``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,)
    alpha : float
        Non-negative penalty weight.

    Returns
    -------
    coef : ndarray of shape (n_features,)
    intercept : float

    Examples
    --------
    >>> coef, b = ridge_reference([[1, 1], [1, -1], [-1, 1], [-1, -1]], [4, 2, 0, -2], 4)
    >>> coef.round(6).tolist(), round(b, 6)
    ([1.0, 0.5], 1.0)
    """
    from sklearn.linear_model import Ridge

    X, y = _check_xy(X, y)
    if float(alpha) < 0:
        raise ValueError(f"alpha must be >= 0, got {alpha!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Ridge(alpha=float(alpha)).fit(X, y)
    return model.coef_.copy(), float(model.intercept_)


def lasso_reference(X, y, alpha):
    """``(coef, intercept)`` of ``Lasso(alpha, tol=1e-10, max_iter=100000).fit(X, y)``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,)
    alpha : float
        Positive penalty weight.

    Returns
    -------
    coef : ndarray of shape (n_features,)
    intercept : float

    Examples
    --------
    >>> coef, b = lasso_reference([[1, 1], [1, -1], [-1, 1], [-1, -1]], [4, 2, 0, -2], 1.5)
    >>> coef.round(6).tolist(), round(b, 6)
    ([0.5, 0.0], 1.0)
    """
    from sklearn.linear_model import Lasso

    X, y = _check_xy(X, y)
    alpha = _check_positive("alpha", alpha)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Lasso(alpha=alpha, tol=1e-10, max_iter=100_000).fit(X, y)
    return model.coef_.copy(), float(model.intercept_)


def soft_threshold_reference(z, t):
    """sign(z)·max(|z| - t, 0), element-wise; a float for a scalar ``z``.

    Examples
    --------
    >>> soft_threshold_reference([-3.0, 0.5, 2.0], 1.0).tolist()
    [-2.0, 0.0, 1.0]
    >>> soft_threshold_reference(-0.5, 1.0)
    0.0
    """
    z = np.asarray(z, dtype=float)
    out = np.sign(z) * np.maximum(np.abs(z) - float(t), 0.0) + 0.0  # no -0.0
    return float(out) if out.ndim == 0 else out


def wrong_zeros(coef, X, y, alpha) -> list[int]:
    """Indices of coefficients that scikit-learn's lasso sets to exactly 0 but
    ``coef`` does not.

    Parameters
    ----------
    coef : array-like of shape (n_features,)
        A learner's lasso coefficients.
    X, y, alpha
        The problem, as for :func:`lasso_reference`.

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
def _as_list_or_array(X, y, i: int):
    return (X.tolist(), y.tolist()) if i % 3 == 0 else (X, y)


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
    n_random = _check_count("n_random", n_random)
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
        yield (*_as_list_or_array(X, y, i), alpha)


def _lasso_margin_ok(X, y, alpha, margin: float = 0.01, min_coef: float = 1e-3) -> bool:
    """True when no coefficient sits at the edge of being 0.

    A zero coefficient must satisfy its optimality condition with room to spare
    (``|x_j·r|/n < (1 - margin)·alpha``) and a non-zero one must be clearly non-zero,
    so that a coordinate descent stopped at ``tol=1e-6`` finds the same zeros.
    """
    coef, _ = lasso_reference(X, y, alpha)
    X, y = _check_xy(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    grad = Xc.T @ (yc - Xc @ coef) / len(y)
    zero = coef == 0
    return bool(
        np.all(np.abs(grad[zero]) < (1 - margin) * alpha)
        and np.all(np.abs(coef[~zero]) > min_coef)
    )


def _alpha_max(X, y) -> float:
    """The smallest alpha at which every lasso coefficient is 0."""
    X, y = _check_xy(X, y)
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
    n_random = _check_count("n_random", n_random)
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
        yield (*_as_list_or_array(X, y, produced), alpha)
        produced += 1


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
    n_random = _check_count("n_random", n_random)
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
            yield (z.tolist() if i % 2 else z), t


# ---------------------------------------------------------------------------- mistakes
def _ridge_solve(X, y, alpha, centre=True, penalise_intercept=False):
    X, y = _check_xy(X, y)
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
    X, y = _check_xy(X, y)
    coef = np.linalg.solve(X.T @ X + float(alpha) * np.eye(X.shape[1]), X.T @ y)
    return coef, 0.0


def _lasso_sklearn(X, y, alpha, fit_intercept=True):
    from sklearn.linear_model import Lasso

    X, y = _check_xy(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = Lasso(
            alpha=alpha, tol=1e-10, max_iter=100_000, fit_intercept=fit_intercept
        ).fit(X, y)
    return m.coef_.copy(), float(m.intercept_)


def _lasso_intercept_mean_only(X, y, alpha, max_iter=1000, tol=1e-6):
    """Centred y but uncentred X: the intercept is just mean(y)."""
    X, y = _check_xy(X, y)
    coef, _ = _lasso_sklearn(X, y - y.mean(), alpha, fit_intercept=False)
    return coef, float(y.mean())


def _soft_threshold_truncated(z, t):
    """Soft thresholding written into an array of z's integer dtype."""
    out = soft_threshold_reference(z, t)
    return np.trunc(out) + 0.0 if np.asarray(z).dtype.kind in "iu" else out


MISTAKES: dict[str, list[Mistake]] = {
    "ridge_fit": [
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
            "||y - Xw - b||² + alpha·||w||²: add alpha·I to Xc.T @ Xc, not n·alpha·I "
            "(and do not divide Xc.T @ Xc by n).",
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
    "soft_threshold": [
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
            "Integer inputs lost their fractions: an output made with np.zeros_like(z) "
            "(or written into z) of integers is an integer array. Convert first: "
            "z = np.asarray(z, dtype=float).",
        ),
    ],
    "lasso_fit": [
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
}

HINTS: dict[str, str] = {
    "ridge_fit": "Centre: Xc = X - X.mean(axis=0), yc = y - y.mean(). Then "
    "coef = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(n_features), Xc.T @ yc) and "
    "intercept = y.mean() - X.mean(axis=0) @ coef.",
    "soft_threshold": "np.sign(z) * np.maximum(np.abs(z) - t, 0), after "
    "z = np.asarray(z, dtype=float); it works for scalars and arrays alike.",
    "lasso_fit": "Centre X and y. Repeat sweeps over j: rho = Xc[:, j] @ r / n + "
    "z_j * w[j] with r = yc - Xc @ w and z_j = Xc[:, j] @ Xc[:, j] / n; set "
    "w[j] = soft_threshold(rho, alpha) / z_j and update r before the next j (updating "
    "every w[j] at once from the same residual can diverge on correlated features). Stop when the largest "
    "change in a sweep is below tol (copy w before the sweep!). Finally "
    "intercept = y.mean() - X.mean(axis=0) @ w.",
}

NAMES = {"ridge_fit": ("coef", "intercept"), "lasso_fit": ("coef", "intercept")}

checker = checker_factory(HINTS, MISTAKES, NAMES)


# ----------------------------------------------------------------------------- data
def _true_curve(x):
    return np.sin(3.0 * x) + 0.5 * x


@lru_cache(maxsize=4)
def _polynomial(n_train: int, degree: int, noise: float, seed: int):
    rng = np.random.default_rng(seed)
    x_train = np.sort(rng.uniform(-1, 1, n_train))
    x_val = rng.uniform(-1, 1, 400)
    y_train = _true_curve(x_train) + rng.normal(0, noise, n_train)
    y_val = _true_curve(x_val) + rng.normal(0, noise, x_val.size)
    return x_train, y_train, x_val, y_val


def polynomial_data(
    n_train: int = 20, degree: int = 12, noise: float = 0.3, seed: int = 0
) -> dict:
    """A 1-D regression problem expanded into standardised polynomial features.

    ``x`` is uniform on [-1, 1] and ``y = sin(3x) + x/2 + noise``. The features are
    ``x, x², ..., x^degree``, standardised with the *training* mean and standard
    deviation (the validation and plotting grids reuse those).

    Parameters
    ----------
    n_train : int, default=20
        Training points; the validation set has 400.
    degree : int, default=12
        Highest power, at least 1.
    noise : float, default=0.3
        Standard deviation of the noise, positive.
    seed : int, default=0

    Returns
    -------
    dict
        ``x_train, y_train, X_train, x_val, y_val, X_val, x_grid, X_grid, degree``
        (lower-case ``x`` the raw inputs, upper-case ``X`` the feature matrices) and
        ``features(x)``, the function that expands new inputs.

    Examples
    --------
    >>> d = polynomial_data(n_train=10, degree=3)
    >>> d["X_train"].shape, d["X_val"].shape
    ((10, 3), (400, 3))
    >>> bool(abs(d["X_train"].mean(axis=0)).max() < 1e-12)
    True
    """
    n_train = _check_count("n_train", n_train, low=3)
    degree = _check_count("degree", degree, low=1)
    noise = _check_positive("noise", noise)
    seed = check_seed(seed)
    x_train, y_train, x_val, y_val = _polynomial(n_train, degree, noise, seed)
    powers = np.arange(1, degree + 1)
    raw = x_train[:, None] ** powers
    mean, std = raw.mean(0), raw.std(0)

    def features(x):
        return (np.asarray(x, dtype=float)[:, None] ** powers - mean) / std

    x_grid = np.linspace(-1, 1, 300)
    return {
        "x_train": x_train.copy(),
        "y_train": y_train.copy(),
        "X_train": features(x_train),
        "x_val": x_val.copy(),
        "y_val": y_val.copy(),
        "X_val": features(x_val),
        "x_grid": x_grid,
        "X_grid": features(x_grid),
        "degree": degree,
        "features": features,
    }


def correlated_data(n: int = 60, corr: float = 0.95, seed: int = 0):
    """Two strongly correlated features that matter equally, and a third of noise.

    ``y = x1 + x2 + noise``; ``x1`` and ``x2`` share one common factor plus a little
    noise each, so the data cannot tell the two apart well.

    Parameters
    ----------
    n : int, default=60
        Number of samples, at least 3.
    corr : float, default=0.95
        Correlation of ``x1`` and ``x2``, in [0, 1).
    seed : int, default=0

    Returns
    -------
    X : ndarray of shape (n, 3)
    y : ndarray of shape (n,)

    Examples
    --------
    >>> X, y = correlated_data(n=2000, corr=0.9)
    >>> round(float(np.corrcoef(X[:, 0], X[:, 1])[0, 1]), 1)
    0.9
    """
    n = _check_count("n", n, low=3)
    if not 0 <= float(corr) < 1:
        raise ValueError(f"corr must be in [0, 1), got {corr!r}")
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    shared = rng.normal(size=(n, 1))
    pair = np.sqrt(corr) * shared + np.sqrt(1 - corr) * rng.normal(size=(n, 2))
    X = np.column_stack([pair, rng.normal(size=n)])
    return X, pair.sum(1) + rng.normal(0, 1.0, n)


# ------------------------------------------------------------------------------- paths
def _lambda_grid(low: float = -6.0, high: float = 1.0, step: float = 0.1) -> np.ndarray:
    return 10.0 ** np.round(np.arange(low, high + step / 2, step), 6)


def _ridge_path(X, y, alphas):
    """Ridge coefficients and intercepts for each alpha, through one SVD."""
    mx, my = X.mean(0), y.mean()
    U, s, Vt = np.linalg.svd(X - mx, full_matrices=False)
    uty = U.T @ (y - my)
    coefs = np.array([Vt.T @ (s / (s**2 + a) * uty) for a in alphas])
    return coefs, my - coefs @ mx


def _lasso_path(X, y, alphas):
    """Lasso coefficients and intercepts for each alpha (warm-started sklearn)."""
    from sklearn.linear_model import lasso_path

    mx, my = X.mean(0), y.mean()
    order = np.argsort(alphas)[::-1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, coefs, _ = lasso_path(
            X - mx, y - my, alphas=np.asarray(alphas)[order], max_iter=50_000, tol=1e-7
        )
    coefs = coefs.T[np.argsort(order)]
    return coefs, my - coefs @ mx


@lru_cache(maxsize=4)
def _paths(n_train: int, degree: int, noise: float, seed: int):
    d = polynomial_data(n_train, degree, noise, seed)
    lams = _lambda_grid()
    n = n_train
    out = {"lambdas": lams}
    for name, fit in [
        ("ridge", lambda X, y: _ridge_path(X, y, n * lams)),
        ("lasso", lambda X, y: _lasso_path(X, y, lams)),
    ]:
        coefs, b = fit(d["X_train"], d["y_train"])
        out[name] = {
            "coefs": coefs,
            "intercepts": b,
            "train": np.mean(
                (d["X_train"] @ coefs.T + b - d["y_train"][:, None]) ** 2, 0
            ),
            "val": np.mean((d["X_val"] @ coefs.T + b - d["y_val"][:, None]) ** 2, 0),
            "curves": d["X_grid"] @ coefs.T + b,
        }
    return out


class PathExplorer:
    """Ridge and lasso on polynomial features at one regularisation strength λ.

    Four panels: the ridge and the lasso coefficient paths against λ (log scale) with
    the current λ marked; the data with both fitted curves at that λ; and training
    and validation error against λ for both models. Ridge is fitted with
    ``alpha = n·λ`` and the lasso with ``alpha = λ`` (one per-sample scale, see the
    module docstring).

    Parameters
    ----------
    lam : float, default=1e-2
        Initial λ; snapped to the nearest point of the grid 1e-6 ... 10.
    n_train, degree, noise, seed
        The data, see :func:`polynomial_data`.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    ridge_marker, lasso_marker : matplotlib.lines.Line2D
        The vertical lines at the current λ on the path panels.
    ridge_curve, lasso_curve : matplotlib.lines.Line2D
        The fitted curves.
    """

    def __init__(
        self,
        lam: float = 1e-2,
        n_train: int = 20,
        degree: int = 12,
        noise: float = 0.3,
        seed: int = 0,
    ):
        self.data = polynomial_data(n_train, degree, noise, seed)
        self.paths = _paths(n_train, degree, float(noise), seed)
        self.n = n_train
        lams = self.paths["lambdas"]
        self.figure = new_figure(figsize=(11, 7.4), layout="constrained")
        axes = self.figure.subplots(2, 2)
        self.ax_ridge, self.ax_lasso, self.ax_fit, self.ax_err = axes.ravel()
        colours = _plt_colormap()(np.linspace(0, 1, degree))
        for ax, name, title in [
            (self.ax_ridge, "ridge", "Ridge (L2)"),
            (self.ax_lasso, "lasso", "Lasso (L1)"),
        ]:
            coefs = self.paths[name]["coefs"]
            for j in range(degree):
                ax.plot(lams, coefs[:, j], color=colours[j], lw=1.4)
            ax.axhline(0, color="grey", lw=0.8)
            ax.set(
                xscale="log",
                xlabel="λ (stronger penalty →)",
                ylabel="coefficient",
                title=title,
            )
            lim = np.max(np.abs(coefs[lams >= 1e-3]))
            ax.set_ylim(-1.3 * lim, 1.3 * lim)
            ax.text(
                0.98,
                0.03,
                f"colour: power of x, 1 (purple) to {degree} (yellow)",
                transform=ax.transAxes,
                ha="right",
                fontsize=8,
                color="dimgrey",
            )
        self.ridge_marker = self.ax_ridge.axvline(lams[0], color="black", ls="--")
        self.lasso_marker = self.ax_lasso.axvline(lams[0], color="black", ls="--")

        d = self.data
        ax = self.ax_fit
        ax.scatter(
            d["x_val"], d["y_val"], s=6, color="lightgrey", label="validation data"
        )
        ax.scatter(
            d["x_train"],
            d["y_train"],
            s=22,
            color="black",
            zorder=3,
            label="training data",
        )
        ax.plot(
            d["x_grid"],
            _true_curve(d["x_grid"]),
            color="grey",
            ls=":",
            label="true curve",
        )
        (self.ridge_curve,) = ax.plot([], [], color="tab:blue", lw=2, label="ridge")
        (self.lasso_curve,) = ax.plot([], [], color="tab:red", lw=2, label="lasso")
        ax.set(
            xlabel="x",
            ylabel="y",
            ylim=(-2.6, 2.6),
            title=f"Degree-{degree} polynomial fits",
        )
        ax.legend(fontsize=8, loc="lower right", ncol=2)

        ax = self.ax_err
        for name, colour in [("ridge", "tab:blue"), ("lasso", "tab:red")]:
            ax.plot(
                lams,
                self.paths[name]["val"],
                color=colour,
                lw=2,
                label=f"{name}: validation",
            )
            ax.plot(
                lams,
                self.paths[name]["train"],
                color=colour,
                lw=1,
                ls="--",
                label=f"{name}: training",
            )
        (self.ridge_point,) = ax.plot([], [], "o", color="tab:blue", ms=8)
        (self.lasso_point,) = ax.plot([], [], "o", color="tab:red", ms=8)
        top = max(self.paths[m]["val"].max() for m in ("ridge", "lasso"))
        ax.set(
            xscale="log",
            yscale="log",
            xlabel="λ (stronger penalty →)",
            ylabel="mean squared error",
            title="Training and validation error",
            ylim=(None, 12 * top),
        )
        ax.legend(fontsize=8, loc="upper right", ncol=2)
        self.update(lam)

    def _repr_png_(self) -> bytes:
        """Show the figure as a PNG when the explorer is a cell's last expression."""
        return FigureImage.render(self.figure)

    def update(self, lam: float) -> dict:
        """Move to the grid point nearest ``lam``; return what the figure shows.

        Returns
        -------
        dict
            ``lam``, ``ridge_alpha``, ``lasso_alpha``, ``ridge_val``, ``lasso_val``
            (validation MSE), ``ridge_nonzero`` and ``lasso_nonzero`` (numbers of
            non-zero coefficients).
        """
        lam = _check_positive("lam", lam)
        lams = self.paths["lambdas"]
        i = int(np.argmin(np.abs(np.log10(lams) - np.log10(lam))))
        lam = float(lams[i])
        self.lam = lam
        ridge, lasso = self.paths["ridge"], self.paths["lasso"]
        nonzero = int(np.sum(lasso["coefs"][i] != 0))
        for line in (self.ridge_marker, self.lasso_marker):
            line.set_xdata([lam, lam])
        self.ridge_curve.set_data(self.data["x_grid"], ridge["curves"][:, i])
        self.lasso_curve.set_data(self.data["x_grid"], lasso["curves"][:, i])
        self.ridge_point.set_data([lam], [ridge["val"][i]])
        self.lasso_point.set_data([lam], [lasso["val"][i]])
        degree = self.data["degree"]
        ridge_nonzero = int(np.sum(ridge["coefs"][i] != 0))
        self.ax_ridge.set_title(
            f"Ridge (L2): {ridge_nonzero} of {degree} coefficients non-zero"
        )
        self.ax_lasso.set_title(
            f"Lasso (L1): {nonzero} of {degree} coefficients non-zero"
        )
        self.figure.suptitle(
            f"λ = {lam:.3g}   (ridge_fit alpha = n·λ = {self.n * lam:.3g},  "
            f"lasso_fit alpha = λ = {lam:.3g})   validation MSE: ridge "
            f"{ridge['val'][i]:.3f}, lasso {lasso['val'][i]:.3f}",
            fontsize=11,
        )
        self.figure.canvas.draw_idle()
        return {
            "lam": lam,
            "ridge_alpha": self.n * lam,
            "lasso_alpha": lam,
            "ridge_val": float(ridge["val"][i]),
            "lasso_val": float(lasso["val"][i]),
            "lasso_nonzero": nonzero,
            "ridge_nonzero": ridge_nonzero,
        }


def _plt_colormap():
    from matplotlib import colormaps

    return colormaps["viridis"]


def regularization_explorer(lam: float = 1e-2, seed: int = 0):
    """Interactive λ slider (log scale) over ridge and lasso coefficient paths.

    Parameters
    ----------
    lam : float, default=1e-2
        Initial regularisation strength.
    seed : int, default=0
        Seed of the data.

    Returns
    -------
    ipywidgets.VBox
        The slider and the figure; ``.explorer`` holds the :class:`PathExplorer`,
        ``.slider`` the control.
    """
    import ipywidgets as widgets

    explorer = PathExplorer(lam=lam, seed=seed)
    slider = widgets.FloatLogSlider(
        value=explorer.lam,
        base=10,
        min=-6,
        max=1,
        step=0.1,
        description="λ",
        continuous_update=False,
        readout_format=".2e",
        layout=widgets.Layout(width="480px"),
    )

    box = explorer_box(explorer.figure, {"slider": (slider, explorer.update)})
    box.explorer = explorer
    return box


# ----------------------------------------------------------------------------- geometry
#: The least-squares solution and curvature of the loss in the geometry figures.
_W_OLS = np.array([1.6, 0.7])
_HESSIAN = np.array([[1.0, 0.45], [0.45, 0.6]])


def _loss(w):
    d = np.asarray(w) - _W_OLS
    return np.einsum("...i,ij,...j->...", d, _HESSIAN, d)


def _constrained(kind: str, budget: float) -> np.ndarray:
    """The point of the L1 or L2 ball of radius ``budget`` with the least loss."""
    if kind == "l2":
        theta = np.linspace(0, 2 * np.pi, 20_001)
        pts = budget * np.column_stack([np.cos(theta), np.sin(theta)])
    else:
        s = np.linspace(0, 1, 5_001)[:, None]
        corners = budget * np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]])
        pts = np.vstack(
            [c0 + s * (c1 - c0) for c0, c1 in zip(corners, corners[1:], strict=False)]
        )
    if (np.abs(_W_OLS).sum() if kind == "l1" else np.hypot(*_W_OLS)) <= budget:
        return _W_OLS.copy()
    best = pts[np.argmin(_loss(pts))]
    return np.where(np.abs(best) < 1e-9, 0.0, best)


class GeometryExplorer:
    """The L2 circle and the L1 diamond against the contours of the squared loss.

    Each panel shows the constraint region ``||w|| <= budget``, the elliptical
    contours of the least-squares loss around its unconstrained minimum, and the
    constrained solution: where the smallest contour touches the region. The
    diamond's corners stick out, so the contour usually touches a corner, where a
    coefficient is exactly 0.

    Parameters
    ----------
    budget : float, default=1.0
        Radius of the constraint region, positive.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    solutions : dict
        ``{"l2": w, "l1": w}``, the constrained solutions at the current budget.
    """

    def __init__(self, budget: float = 1.0):
        self.figure = new_figure(figsize=(10, 4.8), layout="constrained")
        self.ax_l2, self.ax_l1 = self.figure.subplots(1, 2)
        self.update(budget)

    def _repr_png_(self) -> bytes:
        return FigureImage.render(self.figure)

    def update(self, budget: float) -> dict:
        """Redraw both panels for a new budget; return the two solutions."""
        from matplotlib.patches import Circle, Polygon

        budget = _check_positive("budget", budget)
        g = np.linspace(-2.6, 2.6, 241)
        W1, W2 = np.meshgrid(g, g)
        L = _loss(np.stack([W1, W2], axis=-1))
        self.solutions = {}
        for ax, kind in [(self.ax_l2, "l2"), (self.ax_l1, "l1")]:
            ax.clear()
            w = _constrained(kind, budget)
            self.solutions[kind] = w
            level = float(_loss(w))
            ax.contour(
                W1,
                W2,
                L,
                levels=[level * f for f in (0.1, 0.4, 2.5, 5, 9)]
                if level > 0
                else [0.05, 0.3, 1.0],
                colors="tab:grey",
                linewidths=0.8,
            )
            if level > 0:
                ax.contour(W1, W2, L, levels=[level], colors="tab:red", linewidths=2)
            if kind == "l2":
                region = Circle((0, 0), budget, alpha=0.35, color="tab:blue")
                title = "L2 (ridge): a circle"
            else:
                region = Polygon(
                    budget * np.array([[1, 0], [0, 1], [-1, 0], [0, -1]]),
                    alpha=0.35,
                    color="tab:orange",
                )
                title = "L1 (lasso): a diamond"
            ax.add_patch(region)
            ax.axhline(0, color="black", lw=0.7)
            ax.axvline(0, color="black", lw=0.7)
            ax.plot(*_W_OLS, "k+", ms=12, mew=2)
            ax.annotate(
                "least squares",
                _W_OLS,
                xytext=(6, 6),
                textcoords="offset points",
                fontsize=9,
                bbox={"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.85},
            )
            ax.plot(*w, "o", color="tab:red", ms=9, zorder=5)
            zero = "\nw₂ is exactly 0" if 0 in w and level > 0 else ""
            ax.annotate(
                f"w = ({w[0]:.2f}, {w[1]:.2f}){zero}",
                w,
                xytext=(8, -26),
                textcoords="offset points",
                fontsize=9,
                color="tab:red",
                bbox={"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.85},
            )
            ax.set(
                xlim=(-2.6, 2.6),
                ylim=(-2.6, 2.6),
                aspect="equal",
                xlabel="w₁",
                ylabel="w₂",
                title=f"{title}, budget {budget:.2f}",
            )
        self.figure.suptitle(
            "Penalised fit = the smallest loss contour (red) that "
            "touches the allowed region",
            fontsize=11,
        )
        self.figure.canvas.draw_idle()
        return dict(self.solutions)


def geometry_figure(budget: float = 1.0):
    """The L2 circle and the L1 diamond against the loss contours, drawn once.

    Parameters
    ----------
    budget : float, default=1.0
        Radius of the constraint regions.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = geometry_figure(1.0)
    >>> len(fig.axes) >= 2
    True
    """
    return GeometryExplorer(budget).figure


def geometry_explorer(budget: float = 1.0):
    """The geometry figure with a slider for the budget.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` is the :class:`GeometryExplorer`, ``.slider`` the control.
    """
    import ipywidgets as widgets

    explorer = GeometryExplorer(budget)
    slider = widgets.FloatSlider(
        value=budget,
        min=0.1,
        max=2.5,
        step=0.05,
        description="budget",
        continuous_update=False,
        layout=widgets.Layout(width="420px"),
    )

    box = explorer_box(explorer.figure, {"slider": (slider, explorer.update)})
    box.explorer = explorer
    return box


# ------------------------------------------------------------------- further figures
def _plt():
    import matplotlib.pyplot as plt

    return plt


def scaling_figure(alpha: float = 0.3, seed: int = 0):
    """Lasso coefficients with raw units and after standardising, side by side.

    Three features matter equally (one standard deviation of each moves ``y`` by 1)
    but are measured on very different scales: income in dollars, age in years, a
    rate as a fraction. The penalty ``alpha·|w_j|`` is in the units of each
    coefficient, so without scaling it barely touches the dollars (tiny coefficient)
    and wipes out the fraction (huge coefficient).

    Parameters
    ----------
    alpha : float, default=0.3
        The lasso's alpha (positive).
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    from sklearn.linear_model import Lasso

    alpha = _check_positive("alpha", alpha)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    n = 200
    names = ["income ($)", "age (years)", "default rate (fraction)"]
    spreads = np.array([20_000.0, 10.0, 0.05])
    Z = rng.normal(size=(n, 3))
    X = np.array([50_000.0, 40.0, 0.1]) + Z * spreads
    y = Z.sum(1) + rng.normal(0, 0.5, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = Lasso(alpha=alpha, max_iter=100_000).fit(X, y).coef_ * X.std(0)
        Xs = (X - X.mean(0)) / X.std(0)
        scaled = Lasso(alpha=alpha).fit(Xs, y).coef_
    fig, ax = _plt().subplots(figsize=(8.5, 3.6), layout="constrained")
    pos = np.arange(3)
    ax.bar(pos - 0.27, np.ones(3), width=0.25, color="lightgrey", label="truth")
    ax.bar(pos, raw, width=0.25, color="tab:red", label="lasso on raw units")
    ax.bar(
        pos + 0.27,
        scaled,
        width=0.25,
        color="tab:blue",
        label="lasso after StandardScaler",
    )
    for x, v in zip(pos, raw, strict=True):
        if v == 0:
            ax.annotate(
                "exactly 0", (x, 0.03), ha="center", fontsize=8, color="tab:red"
            )
    ax.set_xticks(pos, names)
    ax.set(
        ylabel="effect of a 1-std change in the feature",
        title=f"Same data, same alpha = {alpha:g}: units decide who gets penalised",
    )
    ax.legend(fontsize=8, loc="upper right")
    ax.set_ylim(0, 1.35)
    return fig


def correlated_figure(n_resamples: int = 40, corr: float = 0.97, seed: int = 0):
    """Ridge, lasso and elastic net on two correlated features, over bootstrap resamples.

    ``y = x1 + x2 + noise`` with ``corr(x1, x2) = corr`` (see
    :func:`correlated_data`). Each dot is the pair ``(w1, w2)`` fitted on one
    bootstrap resample. Ridge shares the effect (dots near ``w1 = w2``); the lasso
    tends to keep one of the two and zero the other, and which one changes from
    resample to resample; the elastic net sits in between.

    Parameters
    ----------
    n_resamples : int, default=40
    corr : float, default=0.97
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    from sklearn.linear_model import ElasticNet, Lasso, Ridge

    n_resamples = _check_count("n_resamples", n_resamples, low=1)
    X, y = correlated_data(corr=corr, seed=seed)
    rng = np.random.default_rng(seed)
    n = len(y)
    models = [
        ("Ridge (alpha = 10)", lambda: Ridge(alpha=10.0), "tab:blue"),
        ("Lasso (alpha = 0.5)", lambda: Lasso(alpha=0.5), "tab:red"),
        (
            "Elastic net (alpha = 0.3, l1_ratio = 0.5)",
            lambda: ElasticNet(alpha=0.3, l1_ratio=0.5),
            "tab:purple",
        ),
    ]
    fits = {name: [] for name, _, _ in models}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(n_resamples):
            idx = rng.integers(0, n, n)
            for name, make, _ in models:
                fits[name].append(make().fit(X[idx], y[idx]).coef_[:2])
    fig, axes = _plt().subplots(
        1, 3, figsize=(12, 4.2), layout="constrained", sharex=True, sharey=True
    )
    for ax, (name, _, colour) in zip(axes, models, strict=True):
        w = np.array(fits[name])
        one_zero = int(np.sum((w == 0).sum(1) == 1))
        ax.scatter(w[:, 0], w[:, 1], color=colour, alpha=0.7, s=25)
        ax.plot([-0.2, 2.2], [2.2, -0.2], color="grey", ls=":", lw=1)
        ax.plot([1], [1], "k+", ms=12, mew=2)
        ax.axhline(0, color="black", lw=0.7)
        ax.axvline(0, color="black", lw=0.7)
        ax.set(
            xlabel="w₁",
            title=f"{name}\none coefficient exactly 0 in "
            f"{one_zero} of {n_resamples} resamples",
        )
        ax.title.set_fontsize(10)
    axes[0].set_ylabel("w₂")
    axes[0].set(xlim=(-0.25, 2.25), ylim=(-0.25, 2.25), aspect="equal")
    fig.suptitle(
        f"y = x₁ + x₂ + noise, corr(x₁, x₂) = {corr:g}; + marks the truth, "
        "the dotted line w₁ + w₂ = 2",
        fontsize=11,
    )
    return fig


@lru_cache(maxsize=2)
def _diabetes_cv(n_folds: int, seed: int):
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import Lasso, Ridge
    from sklearn.model_selection import KFold, validation_curve
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_diabetes(return_X_y=True)
    cv = KFold(n_folds, shuffle=True, random_state=seed)
    out = {}
    for name, model, alphas in [
        ("lasso", Lasso(max_iter=10_000), np.logspace(-2, 1.5, 30)),
        ("ridge", Ridge(), np.logspace(-2, 3.5, 30)),
    ]:
        pipe = make_pipeline(StandardScaler(), model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, val = validation_curve(
                pipe,
                X,
                y,
                param_name=f"{type(model).__name__.lower()}__alpha",
                param_range=alphas,
                cv=cv,
                scoring="neg_mean_squared_error",
            )
        pipe.set_params(**{f"{type(model).__name__.lower()}__alpha": alphas[0]})
        nonzero = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for a in alphas:
                pipe.set_params(**{f"{type(model).__name__.lower()}__alpha": a})
                nonzero.append(int(np.sum(pipe.fit(X, y)[-1].coef_ != 0)))
        out[name] = (alphas, -val, np.array(nonzero))
    return out


def cv_figure(n_folds: int = 5, seed: int = 0):
    """Choosing alpha by K-fold cross-validation on the diabetes data.

    A ``StandardScaler`` + lasso (and + ridge) pipeline is cross-validated over a
    grid of alphas on scikit-learn's bundled diabetes data (442 patients, 10
    features). Each panel shows the mean validation MSE with one standard error, the
    alpha with the least error, and the largest alpha within one standard error of it
    (the "one-standard-error rule": the simplest model that is statistically as good).

    Parameters
    ----------
    n_folds : int, default=5
        Number of folds, at least 2.
    seed : int, default=0
        Seed of the fold shuffle.

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_folds = _check_count("n_folds", n_folds, low=2)
    seed = check_seed(seed)
    results = _diabetes_cv(n_folds, seed)
    fig, axes = _plt().subplots(1, 2, figsize=(11, 3.9), layout="constrained")
    for ax, name, colour in [
        (axes[0], "lasso", "tab:red"),
        (axes[1], "ridge", "tab:blue"),
    ]:
        alphas, mse, nonzero = results[name]
        mean, se = mse.mean(1), mse.std(1, ddof=1) / np.sqrt(n_folds)
        best = int(np.argmin(mean))
        one_se = int(np.max(np.flatnonzero(mean <= mean[best] + se[best])))
        ax.plot(alphas, mean, color=colour, lw=2, label="mean validation MSE")
        ax.fill_between(
            alphas,
            mean - se,
            mean + se,
            color=colour,
            alpha=0.2,
            label="± 1 standard error",
        )
        ax.axvline(
            alphas[best],
            color="black",
            ls="--",
            label=f"least error: alpha = {alphas[best]:.3g}",
        )
        ax.axvline(
            alphas[one_se],
            color="black",
            ls=":",
            label=f"1-SE rule: alpha = {alphas[one_se]:.3g}",
        )
        ax.set(
            xscale="log",
            xlabel="alpha",
            ylabel="MSE",
            title=f"{name.capitalize()} on the diabetes data, {n_folds}-fold CV",
        )
        ax.legend(fontsize=8, loc="center left")
        twin = ax.twinx()
        twin.step(alphas, nonzero, where="mid", color="dimgrey", lw=1)
        twin.set_ylabel("non-zero coefficients (grey)", color="dimgrey")
        twin.set_ylim(0, 10.5)
    return fig
