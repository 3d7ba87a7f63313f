"""02_bias_variance: the data, the simulation and the references.

Everything is simulated from one known function, ``true_function(x) = sin(2πx)``,
with Gaussian noise: because the truth is known, bias and variance can be measured
exactly instead of estimated. Polynomial fits of many training sets are solved at once
(a batched least-squares problem in a Legendre basis), so a whole bias-variance curve
takes milliseconds; fully grown trees, bagging and boosted stumps on 1-D data are
batched the same way. The checks use the references to recognise mistakes, the
figures use them so that they work before the learner has written anything. No
checker and no plotting here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...validation import check_int, check_number, check_seed

__all__ = [
    "NOISE",
    "Simulation",
    "bagged_tree_predictions",
    "bias_variance_reference",
    "boosted_stump_predictions",
    "cross_val_mse_reference",
    "decomposition",
    "fit_polynomials",
    "kfold_reference",
    "make_data",
    "poly_model",
    "predict_polynomials",
    "simulate",
    "training_sets",
    "tree_predictions",
    "true_function",
]

#: Standard deviation of the noise added to the targets (so the noise term is 0.09).
NOISE = 0.3


# ----------------------------------------------------------------------------- the data
def true_function(x):
    """The function every training set is drawn from: ``sin(2πx)``.

    Parameters
    ----------
    x : array-like
        Inputs, usually in [0, 1].

    Returns
    -------
    ndarray
        ``sin(2πx)``, same shape as ``x``.

    Examples
    --------
    >>> true_function([0.0, 0.25]).round(6).tolist()
    [0.0, 1.0]
    """
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


def make_data(n_samples: int = 60, noise: float = NOISE, seed: int = 0):
    """One dataset: ``x`` uniform on [0, 1], ``y = sin(2πx) + noise``, in random order.

    The rows are *not* sorted by ``x``: k-fold cross-validation without shuffling
    (scikit-learn's default) then still gives folds that cover the whole range.

    Parameters
    ----------
    n_samples : int, default=60
        Number of rows (at least 2).
    noise : float, default=NOISE
        Standard deviation of the Gaussian noise.
    seed : int, default=0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    X : ndarray of shape (n_samples, 1)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> X, y = make_data(5)
    >>> X.shape, y.shape
    ((5, 1), (5,))
    """
    n_samples = check_int("n_samples", n_samples, 2)
    noise = check_number("noise", noise, low=0.0)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, n_samples)
    y = true_function(x) + noise * rng.normal(size=n_samples)
    return x[:, None], y


def training_sets(n_sets: int, n_train: int, noise: float = NOISE, seed: int = 0):
    """``n_sets`` independent training sets of ``n_train`` points each, as 2-D arrays.

    Each set puts one ``x`` at a random place in each of ``n_train`` equal bins of
    [0, 1] (a jittered grid), so that every set covers the whole interval. With fully
    random ``x`` an occasional set leaves an edge empty, a high-degree polynomial
    explodes there, and those rare sets dominate every average.

    Parameters
    ----------
    n_sets : int
        Number of training sets (rows).
    n_train : int
        Points per training set (at least 2).
    noise : float, default=NOISE
        Standard deviation of the noise.
    seed : int, default=0

    Returns
    -------
    x, y : ndarrays of shape (n_sets, n_train)
    """
    n_sets = check_int("n_sets", n_sets, 1)
    n_train = check_int("n_train", n_train, 2)
    noise = check_number("noise", noise, low=0.0)
    seed = check_seed(seed)
    rng = np.random.default_rng([seed, n_train])
    x = (np.arange(n_train) + rng.uniform(0, 1, (n_sets, n_train))) / n_train
    y = true_function(x) + noise * rng.normal(size=(n_sets, n_train))
    return x, y


def poly_model(degree: int, alpha: float | None = None):
    """A scikit-learn polynomial regression: features, scaling, then (ridge) least squares.

    Parameters
    ----------
    degree : int
        Polynomial degree, 1 to 20.
    alpha : float, optional
        Ridge penalty; plain least squares when omitted.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Unfitted; its degree is the parameter ``polynomialfeatures__degree``.
    """
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    degree = check_int("degree", degree, 1, 20)
    last = (
        LinearRegression()
        if alpha is None
        else Ridge(alpha=check_number("alpha", alpha, low=0.0))
    )
    return make_pipeline(
        PolynomialFeatures(degree, include_bias=False), StandardScaler(), last
    )


# ------------------------------------------------------------------ batched polynomials
def _basis(x, degree: int):
    """Legendre features of x in [0, 1] (mapped to [-1, 1]): well conditioned."""
    return np.polynomial.legendre.legvander(2 * np.asarray(x, dtype=float) - 1, degree)


def fit_polynomials(x, y, degree: int, alpha: float = 0.0):
    """Fit one polynomial per row of ``x``/``y`` at once (batched least squares).

    Parameters
    ----------
    x, y : array-like of shape (n_sets, n_train)
        One training set per row.
    degree : int
        Polynomial degree (0 is a constant).
    alpha : float, default=0.0
        Ridge penalty on every coefficient but the constant one. With 0 the
        minimum-norm least-squares solution is used (also when ``degree + 1 > n_train``).

    Returns
    -------
    ndarray of shape (n_sets, degree + 1)
        Coefficients in the Legendre basis used by :func:`predict_polynomials`.
    """
    x = np.atleast_2d(np.asarray(x, dtype=float))
    y = np.atleast_2d(np.asarray(y, dtype=float))
    if x.shape != y.shape:
        raise ValueError(f"x and y differ in shape: {x.shape} vs {y.shape}")
    degree = check_int("degree", degree, 0, 30)
    alpha = check_number("alpha", alpha, low=0.0)
    V = _basis(x, degree)  # (n_sets, n_train, degree + 1)
    if alpha == 0:
        return (np.linalg.pinv(V) @ y[..., None])[..., 0]
    penalty = np.eye(degree + 1)
    penalty[0, 0] = 0.0
    A = np.swapaxes(V, 1, 2) @ V + alpha * penalty
    b = np.swapaxes(V, 1, 2) @ y[..., None]
    return np.linalg.solve(A, b)[..., 0]


def predict_polynomials(coef, x):
    """Evaluate the polynomials of :func:`fit_polynomials` at the points ``x``.

    Returns
    -------
    ndarray of shape (n_sets, len(x))
    """
    coef = np.atleast_2d(np.asarray(coef, dtype=float))
    return coef @ _basis(np.ravel(x), coef.shape[1] - 1).T


# ----------------------------------------------------------------------- the simulation
def bias_variance_reference(predictions, y_true):
    """``(bias², variance)`` of a stack of predictions, straight from the definition.

    Parameters
    ----------
    predictions : array-like of shape (n_models, n_points)
        One row per model, each trained on a different training set.
    y_true : array-like of shape (n_points,)
        The noiseless targets.

    Returns
    -------
    bias_squared, variance : float
        Mean over points of (mean prediction - target)², and mean over points of the
        population variance (ddof=0) across models.

    Examples
    --------
    >>> bias_variance_reference([[1.0, 2.0], [3.0, 2.0]], [2.0, 1.0])
    (0.5, 0.5)
    """
    p = np.asarray(predictions, dtype=float)
    t = np.asarray(y_true, dtype=float).ravel()
    if p.ndim != 2 or p.shape[1] != t.shape[0]:
        raise ValueError(
            f"predictions must have shape (n_models, {t.shape[0]}), got {p.shape}"
        )
    bias_squared = np.mean((p.mean(axis=0) - t) ** 2)
    variance = np.mean(p.var(axis=0))
    return float(bias_squared), float(variance)


@dataclass(frozen=True)
class Simulation:
    """Many models of one kind, each fitted to its own training set.

    Attributes
    ----------
    degree, n_train, noise, alpha
        The settings.
    x_grid : ndarray of shape (n_points,)
        Where the models are evaluated (evenly spread over [0, 1]).
    truth : ndarray of shape (n_points,)
        ``true_function(x_grid)``, the noiseless targets.
    predictions : ndarray of shape (n_models, n_points)
        One row per fitted model.
    x_train, y_train : ndarrays of shape (n_models, n_train)
        The training sets.
    test_mse : float
        Mean squared error of the models against fresh *noisy* targets at ``x_grid``:
        a direct measurement of the expected test error.
    """

    degree: int
    n_train: int
    noise: float
    alpha: float
    x_grid: np.ndarray
    truth: np.ndarray
    predictions: np.ndarray
    x_train: np.ndarray
    y_train: np.ndarray
    test_mse: float


def simulate(
    degree: int = 3,
    n_train: int = 20,
    n_models: int = 200,
    noise: float = NOISE,
    alpha: float = 0.0,
    n_points: int = 100,
    seed: int = 0,
) -> Simulation:
    """Fit a polynomial of ``degree`` to each of ``n_models`` fresh training sets.

    Parameters
    ----------
    degree : int, default=3
        Polynomial degree, 0 to 30.
    n_train : int, default=20
        Size of each training set.
    n_models : int, default=200
        How many training sets (and models).
    noise : float, default=NOISE
        Standard deviation of the target noise.
    alpha : float, default=0.0
        Ridge penalty (0: plain least squares).
    n_points : int, default=100
        Size of the evaluation grid on [0, 1].
    seed : int, default=0
        The same seed gives the same training sets for every degree and alpha.

    Returns
    -------
    Simulation

    Examples
    --------
    >>> sim = simulate(degree=1, n_models=50)
    >>> sim.predictions.shape, sim.truth.shape
    ((50, 100), (100,))
    """
    degree = check_int("degree", degree, 0, 30)
    n_models = check_int("n_models", n_models, 1)
    n_points = check_int("n_points", n_points, 1)
    x, y = training_sets(n_models, n_train, noise, seed)
    grid = np.linspace(0, 1, n_points)
    truth = true_function(grid)
    pred = predict_polynomials(fit_polynomials(x, y, degree, alpha), grid)
    noisy = truth + noise * np.random.default_rng([seed, n_train, 1]).normal(
        size=pred.shape
    )
    return Simulation(
        degree=degree,
        n_train=int(n_train),
        noise=float(noise),
        alpha=float(alpha),
        x_grid=grid,
        truth=truth,
        predictions=pred,
        x_train=x,
        y_train=y,
        test_mse=float(np.mean((pred - noisy) ** 2)),
    )


def _nested_fits(x, y, max_degree: int, grid) -> np.ndarray:
    """Predictions at ``grid`` of the least-squares fit of every degree 0 to
    ``max_degree`` to each training set, shape ``(max_degree + 1, n_sets, len(grid))``.

    The Legendre features of degree d are the first d + 1 of degree ``max_degree``,
    so one QR factorisation per set serves every degree: its first d + 1 columns are
    the QR of the smaller problem. Needs ``n_train > max_degree`` (full column rank);
    the same fits as :func:`fit_polynomials` one degree at a time, to rounding.
    """
    V = _basis(x, max_degree)  # (n_sets, n_train, max_degree + 1)
    Q, R = np.linalg.qr(V)
    qty = np.swapaxes(Q, 1, 2) @ y[..., None]  # (n_sets, max_degree + 1, 1)
    G = _basis(grid, max_degree)  # (n_points, max_degree + 1)
    out = np.empty((max_degree + 1, x.shape[0], len(grid)))
    for d in range(max_degree + 1):
        coef = np.linalg.solve(R[:, : d + 1, : d + 1], qty[:, : d + 1])[..., 0]
        out[d] = coef @ G[:, : d + 1].T
    return out


@lru_cache(maxsize=16)
def _decomposition(max_degree, n_train, n_models, noise, seed):
    x_train, y_train = training_sets(n_models, n_train, noise, seed)
    grid = np.linspace(0, 1, 100)
    if n_train <= max_degree:  # some degrees underdetermined: minimum-norm fits
        predictions = np.stack(
            [
                simulate(d, n_train, n_models, noise, 0.0, 100, seed).predictions
                for d in range(max_degree + 1)
            ]
        )
    else:  # as simulate() for every degree, with one QR per training set
        predictions = _nested_fits(x_train, y_train, max_degree, grid)
    truth = true_function(grid)
    noisy = truth + noise * np.random.default_rng([seed, n_train, 1]).normal(
        size=predictions.shape[1:]
    )
    parts = np.array([bias_variance_reference(p, truth) for p in predictions])
    return {
        "degrees": np.arange(max_degree + 1),
        "bias_squared": parts[:, 0],
        "variance": parts[:, 1],
        "noise": np.full(max_degree + 1, noise**2),
        "total": parts.sum(axis=1) + noise**2,
        "test_mse": np.mean((predictions - noisy) ** 2, axis=(1, 2)),
        "predictions": predictions,
        "x_grid": grid,
        "truth": truth,
        "x_train": x_train,
        "y_train": y_train,
    }


def decomposition(
    max_degree: int = 12,
    n_train: int = 20,
    n_models: int = 200,
    noise: float = NOISE,
    seed: int = 0,
) -> dict:
    """Bias², variance, noise and total error for every degree from 0 to ``max_degree``.

    Every degree is fitted to the same training sets. The result is cached.

    Returns
    -------
    dict
        ``degrees``, ``bias_squared``, ``variance``, ``noise``, ``total`` (their sum),
        ``test_mse`` (measured on fresh noisy targets), all of shape
        ``(max_degree + 1,)``; ``predictions`` of shape
        ``(max_degree + 1, n_models, 100)``; ``x_grid``, ``truth``, ``x_train``,
        ``y_train``.
    """
    return _decomposition(
        check_int("max_degree", max_degree, 0, 30),
        check_int("n_train", n_train, 2),
        check_int("n_models", n_models, 1),
        check_number("noise", noise, low=0.0),
        check_seed(seed),
    )


# -------------------------------------------------------------------- k-fold references
def kfold_reference(
    n_samples: int, n_folds: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The folds of ``sklearn.model_selection.KFold(n_folds).split(range(n_samples))``.

    Examples
    --------
    >>> [v.tolist() for _, v in kfold_reference(5, 2)]
    [[0, 1, 2], [3, 4]]
    """
    from sklearn.model_selection import KFold

    return [(tr, va) for tr, va in KFold(n_folds).split(np.arange(n_samples))]


def cross_val_mse_reference(model, X, y, n_folds: int = 5) -> float:
    """Mean validation MSE over ``KFold(n_folds)`` with scikit-learn's ``cross_val_score``.

    ``cross_val_score`` fits a clone of ``model`` on each fold, so ``model`` stays
    unfitted.
    """
    from sklearn.model_selection import KFold, cross_val_score

    scores = cross_val_score(
        model, X, y, cv=KFold(n_folds), scoring="neg_mean_squared_error"
    )
    return float(-np.mean(scores))


# -------------------------------------------------- tree ensembles on 1-D data, batched
def tree_predictions(x, y, grid, mask=None):
    """Fully grown regression trees on 1-D data, one per row, evaluated at ``grid``.

    With distinct inputs a fully grown tree splits halfway between neighbouring
    points and keeps one point per leaf, so it predicts the ``y`` of the nearest
    training point: scikit-learn's ``DecisionTreeRegressor()`` on 1-D data.

    Parameters
    ----------
    x, y : ndarray of shape (n_sets, n_train)
    grid : ndarray of shape (n_points,)
    mask : ndarray of bool, shape (n_sets, n_train), optional
        Which training points each tree may use (a bootstrap sample).

    Returns
    -------
    ndarray of shape (n_sets, n_points)
    """
    dist = np.abs(np.asarray(grid, float)[None, :, None] - x[:, None, :])
    if mask is not None:
        dist = np.where(mask[:, None, :], dist, np.inf)
    nearest = np.argmin(dist, axis=2)
    return np.take_along_axis(y, nearest, axis=1)


def bagged_tree_predictions(x, y, grid, n_estimators: int = 25, seed: int = 0):
    """Bagging: the average of ``n_estimators`` fully grown trees on bootstrap samples.

    Equals scikit-learn's ``BaggingRegressor(DecisionTreeRegressor())`` given the
    same bootstrap samples.

    Returns
    -------
    ndarray of shape (n_sets, n_points)
    """
    n_estimators = check_int("n_estimators", n_estimators, 1)
    rng = np.random.default_rng([seed, 7])
    n_sets, n_train = x.shape
    total = np.zeros((n_sets, np.size(grid)))
    rows = np.arange(n_sets)[:, None]
    for _ in range(n_estimators):
        mask = np.zeros((n_sets, n_train), dtype=bool)
        mask[rows, rng.integers(0, n_train, (n_sets, n_train))] = True
        total += tree_predictions(x, y, grid, mask)
    return total / n_estimators


def boosted_stump_predictions(
    x, y, grid, n_estimators: int = 100, learning_rate: float = 0.2
):
    """Gradient boosting of stumps (depth-1 trees) for squared error, one per row.

    Starts from the mean of ``y``; each round fits the best single split to the
    residuals and adds ``learning_rate`` times it. With ``n_estimators=1`` and
    ``learning_rate=1`` this is a single stump. Equals scikit-learn's
    ``GradientBoostingRegressor(max_depth=1, ...)`` on 1-D data.

    Returns
    -------
    ndarray of shape (n_sets, n_points)
    """
    n_estimators = check_int("n_estimators", n_estimators, 1)
    learning_rate = check_number("learning_rate", learning_rate, low=0.0)
    order = np.argsort(x, axis=1)
    xs = np.take_along_axis(x, order, axis=1)
    ys = np.take_along_axis(y, order, axis=1)
    n_sets, n = xs.shape
    rows = np.arange(n_sets)
    left_size = np.arange(1, n)
    grid = np.asarray(grid, float)
    f_train = np.repeat(ys.mean(axis=1, keepdims=True), n, axis=1)
    f_grid = np.repeat(ys.mean(axis=1, keepdims=True), grid.size, axis=1)
    position = np.arange(n)[None, :]
    for _ in range(n_estimators):
        r = ys - f_train
        left_sum = np.cumsum(r, axis=1)[:, :-1]
        right_sum = r.sum(axis=1, keepdims=True) - left_sum
        gain = left_sum**2 / left_size + right_sum**2 / (n - left_size)
        k = np.argmax(gain, axis=1)  # the split leaves k + 1 points on the left
        threshold = (xs[rows, k] + xs[rows, k + 1]) / 2
        left = left_sum[rows, k] / (k + 1)
        right = right_sum[rows, k] / (n - k - 1)
        f_train += learning_rate * np.where(
            position <= k[:, None], left[:, None], right[:, None]
        )
        f_grid += learning_rate * np.where(
            grid[None, :] <= threshold[:, None], left[:, None], right[:, None]
        )
    return f_grid
