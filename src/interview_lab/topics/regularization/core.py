"""03_regularization: the data and the references, from scikit-learn and closed forms.

The references are scikit-learn's ``Ridge`` and ``Lasso`` (and a one-line soft
thresholding); the checks use them to recognise mistakes, the figures use the data
generators. No checker and no plotting here.

Scales of alpha. ``ridge_fit`` and scikit-learn's ``Ridge`` minimise
``||y - Xw - b||² + alpha·||w||²``; ``lasso_fit`` and ``Lasso`` minimise
``(1/2n)·||y - Xw - b||² + alpha·||w||₁``. The figures put both on one scale, the
per-sample objective ``(1/2n)·||y - Xw - b||² + λ·P(w)`` with ``P = ||w||²/2`` for
ridge and ``||w||₁`` for the lasso (scikit-learn's ``ElasticNet`` convention), so
ridge's ``alpha`` is ``n·λ`` and the lasso's is ``λ``.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np

from ...validation import check_int, check_number, check_seed, check_xy

__all__ = [
    "correlated_data",
    "lasso_reference",
    "polynomial_data",
    "ridge_reference",
    "soft_threshold_reference",
    "true_curve",
]


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

    X, y = check_xy(X, y)
    alpha = check_number("alpha", alpha, low=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Ridge(alpha=alpha).fit(X, y)
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

    X, y = check_xy(X, y)
    alpha = check_number("alpha", alpha, low=0, open_low=True)
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


# ------------------------------------------------------------------------------ data
def true_curve(x):
    """The noiseless curve of :func:`polynomial_data`: ``sin(3x) + x/2``."""
    return np.sin(3.0 * x) + 0.5 * x


@lru_cache(maxsize=4)
def _polynomial(n_train: int, degree: int, noise: float, seed: int):
    rng = np.random.default_rng(seed)
    x_train = np.sort(rng.uniform(-1, 1, n_train))
    x_val = rng.uniform(-1, 1, 400)
    y_train = true_curve(x_train) + rng.normal(0, noise, n_train)
    y_val = true_curve(x_val) + rng.normal(0, noise, x_val.size)
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
    n_train = check_int("n_train", n_train, low=3)
    degree = check_int("degree", degree, low=1)
    noise = check_number("noise", noise, low=0, open_low=True)
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
    n = check_int("n", n, low=3)
    corr = check_number("corr", corr, low=0, high=1, open_high=True)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    shared = rng.normal(size=(n, 1))
    pair = np.sqrt(corr) * shared + np.sqrt(1 - corr) * rng.normal(size=(n, 2))
    X = np.column_stack([pair, rng.normal(size=n)])
    return X, pair.sum(1) + rng.normal(0, 1.0, n)
