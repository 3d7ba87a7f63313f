"""02_bias_variance: simulations, figures, widgets and the checks' mistake catalogue.

The notebook calls each piece in one line, for example::

    from interview_lab.topics import bias_variance as topic
    sim = topic.simulate(degree=3)              # 200 fits on 200 training sets
    topic.complexity_explorer()                 # the interactive figure
    check = topic.checker("bias_variance", bias_variance)   # in a test cell

Everything is simulated from one known function, ``true_function(x) = sin(2πx)``,
with Gaussian noise: because the truth is known, bias and variance can be measured
exactly instead of estimated. Polynomial fits of many training sets are solved at once
(a batched least-squares problem in a Legendre basis), so a whole bias-variance curve
takes milliseconds. The figures use this module's own small references, so they work
before the learner has written anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from ..cases import as_list_or_array
from ..checking import Checker, Mistake, checker_factory, compare, format_value, quiet
from ..checking import time_limit as _time_limit
from ..widgets import FigureImage, explorer_box, new_figure

__all__ = [
    "HINTS",
    "MISTAKES",
    "NAMES",
    "NOISE",
    "ComplexityExplorer",
    "Simulation",
    "bias_variance_cases",
    "bias_variance_reference",
    "check_folds",
    "check_model_unfitted",
    "checker",
    "complexity_explorer",
    "cross_val_cases",
    "cross_val_mse_reference",
    "decomposition",
    "ensemble_figure",
    "kfold_cases",
    "kfold_reference",
    "learning_curve_figure",
    "make_data",
    "more_data_figure",
    "poly_model",
    "regularisation_figure",
    "resampling_figure",
    "simulate",
    "training_sets",
    "true_function",
    "validation_curve_figure",
]

#: Standard deviation of the noise added to the targets (so the noise term is 0.09).
NOISE = 0.3
#: Training-set sizes offered by the explorer.
N_TRAIN_CHOICES = (15, 20, 30, 60, 120, 240)


# --------------------------------------------------------------------------- validation
def _check_int(name: str, value, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f">= {low}"
        raise ValueError(f"{name} must be an int {bounds}, got {value!r}")
    return int(value)


def _check_float(name: str, value, low: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not np.isfinite(value) or value < low:
        raise ValueError(f"{name} must be a finite number >= {low}, got {value!r}")
    return float(value)


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
    n_samples = _check_int("n_samples", n_samples, 2)
    noise = _check_float("noise", noise)
    seed = _check_int("seed", seed, 0)
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
    n_sets = _check_int("n_sets", n_sets, 1)
    n_train = _check_int("n_train", n_train, 2)
    noise = _check_float("noise", noise)
    seed = _check_int("seed", seed, 0)
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

    degree = _check_int("degree", degree, 1, 20)
    last = (
        LinearRegression()
        if alpha is None
        else Ridge(alpha=_check_float("alpha", alpha))
    )
    return make_pipeline(
        PolynomialFeatures(degree, include_bias=False), StandardScaler(), last
    )


# ------------------------------------------------------------------- batched polynomials
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
    degree = _check_int("degree", degree, 0, 30)
    alpha = _check_float("alpha", alpha)
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


# ---------------------------------------------------------------------- the simulation
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
    n_train : int, default=30
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
    degree = _check_int("degree", degree, 0, 30)
    n_models = _check_int("n_models", n_models, 1)
    n_points = _check_int("n_points", n_points, 1)
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


@lru_cache(maxsize=16)
def _decomposition(max_degree, n_train, n_models, noise, seed):
    sims = [
        simulate(d, n_train, n_models, noise, 0.0, 100, seed)
        for d in range(max_degree + 1)
    ]
    parts = np.array([bias_variance_reference(s.predictions, s.truth) for s in sims])
    return {
        "degrees": np.arange(max_degree + 1),
        "bias_squared": parts[:, 0],
        "variance": parts[:, 1],
        "noise": np.full(max_degree + 1, noise**2),
        "total": parts.sum(axis=1) + noise**2,
        "test_mse": np.array([s.test_mse for s in sims]),
        "predictions": np.stack([s.predictions for s in sims]),
        "x_grid": sims[0].x_grid,
        "truth": sims[0].truth,
        "x_train": sims[0].x_train,
        "y_train": sims[0].y_train,
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
        _check_int("max_degree", max_degree, 0, 30),
        _check_int("n_train", n_train, 2),
        _check_int("n_models", n_models, 1),
        _check_float("noise", noise),
        _check_int("seed", seed, 0),
    )


# ------------------------------------------------------------------- k-fold references
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


# ------------------------------------------------------------------------- test cases
def kfold_cases(seed: int = 0, n_random: int = 60):
    """``(n_samples, n_folds)`` pairs: edge cases, then seeded random ones.

    Edge cases: even and uneven splits, two folds, leave-one-out (``n_folds ==
    n_samples``), the smallest valid input.

    Examples
    --------
    >>> list(kfold_cases(n_random=0))[:3]
    [(10, 2), (11, 2), (7, 3)]
    """
    seed = _check_int("seed", seed, 0)
    yield from [
        (10, 2),
        (11, 2),
        (7, 3),
        (10, 3),
        (13, 5),
        (6, 4),
        (2, 2),
        (5, 5),
        (12, 12),
        (100, 7),
        (101, 10),
        (9, 8),
    ]
    rng = np.random.default_rng(seed)
    for i in range(_check_int("n_random", n_random, 0)):
        n = int(rng.integers(2, 80))
        k = n if i % 10 == 3 else int(rng.integers(2, min(n, 12) + 1))
        yield n, k


def bias_variance_cases(seed: int = 0, n_random: int = 60):
    """``(predictions, y_true)`` pairs: edge cases, then seeded random ones.

    Edge cases: one model, one point, as many models as points, constant
    predictions, two models; random cases alternate lists and arrays.
    """
    seed = _check_int("seed", seed, 0)
    edge = [
        ([[1.0, 2.0, 3.0]], [0.0, 2.0, 5.0]),  # one model: no variance
        ([[1.0], [3.0], [8.0]], [2.0]),  # one point
        ([[0.0, 1.0], [4.0, -1.0]], [1.0, 3.0]),  # two models, two points
        ([[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]], [1.0, 2.0, 3.0]),  # constant predictions
        ([[1, 2], [3, 4], [5, 9]], [0, 0]),  # integers
        ([[5.0, -5.0, 1.0, 0.0]] * 3, [5.0, -5.0, 1.0, 0.0]),  # identical, perfect
    ]
    for i, (p, t) in enumerate(edge):
        yield (p, t) if i % 2 == 0 else (np.array(p), np.array(t))
    rng = np.random.default_rng(seed)
    for i in range(_check_int("n_random", n_random, 0)):
        n_models = int(rng.integers(1, 30))
        n_points = n_models if i % 8 == 5 else int(rng.integers(1, 40))
        t = rng.normal(0, rng.uniform(0.1, 3), n_points)
        offset = rng.normal(0, rng.uniform(0, 2), n_points)
        p = t + offset + rng.normal(0, rng.uniform(0.01, 2), (n_models, n_points))
        yield as_list_or_array(p, i), as_list_or_array(t, i + (i % 3 == 0))


def _case_models():
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.neighbors import KNeighborsRegressor
    from sklearn.tree import DecisionTreeRegressor

    return [
        LinearRegression(),
        Ridge(alpha=1.0),
        DecisionTreeRegressor(random_state=0),
        DecisionTreeRegressor(max_depth=2, random_state=0),
        KNeighborsRegressor(n_neighbors=2),
    ]


def cross_val_cases(seed: int = 0, n_random: int = 40):
    """``(model, X, y, n_folds)`` cases: several model types, uneven folds, lists.

    Two fixed cases come first. A gradient-boosting model with ``warm_start=True``:
    one model refitted fold after fold keeps the trees of the earlier folds, so only
    a fresh clone per fold gives the right answer. A classifier on rows sorted by
    label: its folds are still ``KFold``'s, which ``cross_val_score(..., cv=n_folds)``
    would replace by stratified ones.

    Then seeded random cases: models cycle through linear regression, ridge, a deep
    and a shallow tree and 2-nearest neighbours (all deterministic). ``X`` and ``y``
    alternate between Python lists and arrays; ``n_samples % n_folds`` is often
    non-zero, and some cases are leave-one-out.
    """
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.tree import DecisionTreeClassifier

    seed = _check_int("seed", seed, 0)
    X, y = make_data(24, seed=seed)
    warm = GradientBoostingRegressor(
        n_estimators=8, max_depth=2, warm_start=True, random_state=0
    )
    yield warm, X, y, 4
    rng = np.random.default_rng([seed, 1])
    X = rng.uniform(0, 1, (15, 2))
    X = X[np.argsort(X[:, 0])]  # rows sorted by the feature that sets the label
    labels = (X[:, 0] > np.sort(X[:, 0])[9]).astype(int)  # ten 0s, then five 1s
    yield DecisionTreeClassifier(random_state=0), X.tolist(), labels.tolist(), 3
    rng = np.random.default_rng(seed)
    for i in range(_check_int("n_random", n_random, 0)):
        model = _case_models()[i % 5]
        n = int(rng.integers(8, 50))
        n_features = int(rng.integers(1, 4))
        X = rng.normal(size=(n, n_features))
        y = X @ rng.normal(size=n_features) + rng.normal(0, rng.uniform(0.1, 2), n)
        y = y + rng.uniform(-5, 5)
        if i % 9 == 4 and i % 5 != 4:
            n_folds = n  # leave-one-out (not for 2-nearest neighbours)
        else:
            n_folds = int(rng.integers(2, min(n // 2, 10) + 1))
        yield (
            model,
            as_list_or_array(X, i),
            as_list_or_array(y, i + (i % 4 == 1)),
            n_folds,
        )


# ---------------------------------------------------------------------------- mistakes
def _folds_from_sizes(n, sizes):
    idx = np.arange(n)
    out, start = [], 0
    for size in sizes:
        val = idx[start : start + size]
        out.append((np.setdiff1d(idx, val), val))
        start += size
    return out


def _kfold_remainder_last(n, k):
    sizes = [n // k] * k
    sizes[-1] += n % k
    return _folds_from_sizes(n, sizes)


def _kfold_ceil(n, k):
    size = -(-n // k)
    return [
        (np.setdiff1d(np.arange(n), v), v)
        for v in np.split(np.arange(n), range(size, n, size))
    ]


def _kfold_swapped(n, k):
    return [(va, tr) for tr, va in kfold_reference(n, k)]


def _kfold_train_all(n, k):
    return [(np.arange(n), va) for _, va in kfold_reference(n, k)]


def _kfold_floor_dropped(n, k):
    size = n // k
    return _folds_from_sizes(n, [size] * k)


def _cv_folds(model, X, y, n_folds, on_train=False, once=False, reuse=False):
    from sklearn.base import clone

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    fitted = clone(model).fit(X, y) if once else None
    shared = clone(model)
    out = []
    for tr, va in kfold_reference(len(y), n_folds):
        if once:
            m = fitted
        elif reuse:  # one clone refitted fold after fold
            m = shared.fit(X[tr], y[tr])
        else:
            m = clone(model).fit(X[tr], y[tr])
        rows = tr if on_train else va
        out.append((y[rows], m.predict(X[rows])))
    return out


def _cv_score_int(model, X, y, n_folds=5):
    from sklearn.model_selection import cross_val_score

    scores = cross_val_score(model, X, y, cv=n_folds, scoring="neg_mean_squared_error")
    return float(-np.mean(scores))


def _cv_mean(model, X, y, n_folds=5, **kw):
    return float(
        np.mean(
            [np.mean((t - p) ** 2) for t, p in _cv_folds(model, X, y, n_folds, **kw)]
        )
    )


MISTAKES: dict[str, list[Mistake]] = {
    "kfold_indices": [
        Mistake(
            _kfold_swapped,
            "Each pair is (train_idx, val_idx), training indices first: the training "
            "part is the bigger one.",
        ),
        Mistake(
            _kfold_remainder_last,
            "When n_samples % n_folds != 0 the *first* n_samples % n_folds folds get one "
            "extra sample each (as KFold does), not the last fold.",
        ),
        Mistake(
            _kfold_ceil,
            "Rounding the fold size up makes the last fold too small (or empty). The "
            "first n_samples % n_folds folds have n_samples // n_folds + 1 samples, the "
            "rest n_samples // n_folds.",
        ),
        Mistake(
            _kfold_floor_dropped,
            "Every sample must be in exactly one validation fold: with n_samples // "
            "n_folds per fold the last n_samples % n_folds samples are never validated.",
        ),
        Mistake(
            _kfold_train_all,
            "The training indices must leave out the validation fold: otherwise the "
            "model is scored on data it was trained on.",
        ),
    ],
    "cross_val_mse": [
        Mistake(
            lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds) * n_folds,
            "That is the sum of the fold MSEs: return their mean.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: float(
                np.mean(
                    [
                        np.sqrt(np.mean((t - p) ** 2))
                        for t, p in _cv_folds(m, X, y, n_folds)
                    ]
                )
            ),
            "That is the mean RMSE: average the squared errors of each fold, without "
            "a square root.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: float(
                np.mean(
                    np.concatenate(
                        [(t - p) ** 2 for t, p in _cv_folds(m, X, y, n_folds)]
                    )
                )
            ),
            "That is the MSE of all out-of-fold predictions pooled together. The "
            "contract asks for the mean of the per-fold MSEs, which differs when the "
            "folds differ in size.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, on_train=True),
            "That is the training error: score each fold's model on its validation "
            "indices, the rows it did not see.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, once=True),
            "The model was fitted once on all the data, so every validation fold was "
            "seen in training. Fit a fresh clone on each fold's training rows.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: _cv_mean(m, X, y, n_folds, reuse=True),
            "One model was refitted fold after fold. A model that keeps state between "
            "fits (warm_start=True, say) then carries what it learnt on earlier folds, "
            "their validation rows included, into the next. Make a fresh "
            "sklearn.base.clone(model) inside the loop, once per fold.",
        ),
        Mistake(
            lambda m, X, y, n_folds=5: _cv_score_int(m, X, y, n_folds),
            "cross_val_score(..., cv=n_folds) splits a classifier's data with "
            "StratifiedKFold, not KFold. The folds must be those of "
            "kfold_indices(len(y), n_folds) for every model: loop over them, or pass "
            "cv=KFold(n_folds).",
        ),
    ],
    "bias_variance": [
        Mistake(
            lambda p, t: bias_variance_reference(p, t)[::-1],
            "The result looks swapped: return (bias_squared, variance) in that order.",
        ),
        Mistake(
            lambda p, t: (
                float(np.mean((np.asarray(p, float) - np.asarray(t, float)) ** 2)),
                bias_variance_reference(p, t)[1],
            ),
            "That bias² is the mean squared error of all models (bias² + variance). "
            "Average the predictions over models first, then compare that mean with "
            "the target.",
        ),
        Mistake(
            lambda p, t: (
                float(np.mean(np.mean(p, axis=0) - np.asarray(t, float))),
                bias_variance_reference(p, t)[1],
            ),
            "The bias is not squared (and positive and negative offsets cancel): "
            "square (mean prediction - target) at each point, then average.",
        ),
        Mistake(
            lambda p, t: (
                float(np.mean(np.abs(np.mean(p, axis=0) - np.asarray(t, float)))),
                bias_variance_reference(p, t)[1],
            ),
            "That is the mean absolute bias: square (mean prediction - target) at each "
            "point instead of taking its absolute value.",
        ),
        Mistake(
            lambda p, t: (
                float((np.mean(p) - np.mean(t)) ** 2),
                bias_variance_reference(p, t)[1],
            ),
            "That squares the offset of the overall means. Compute (mean prediction - "
            "target)² at each point, then average over points.",
        ),
        Mistake(
            lambda p, t: (
                bias_variance_reference(p, t)[0],
                float(np.mean(np.var(np.asarray(p, float), axis=0, ddof=1))),
            ),
            "That variance uses ddof=1 (the sample variance). The decomposition uses "
            "the population variance across models, ddof=0 (np.var's default).",
        ),
        Mistake(
            lambda p, t: (bias_variance_reference(p, t)[0], float(np.var(p))),
            "That variance is over all predictions at once, so it counts how the curve "
            "varies along x. Take the variance across models (axis=0) at each point, "
            "then average over points.",
        ),
        Mistake(
            lambda p, t: (
                bias_variance_reference(p, t)[0],
                float(np.mean(np.var(np.asarray(p, float), axis=1))),
            ),
            "That variance is along each model's curve (axis=1). Take it across models "
            "(axis=0) at each point, then average over points.",
        ),
        Mistake(
            lambda p, t: (
                bias_variance_reference(p, t)[0],
                float(np.mean(np.std(np.asarray(p, float), axis=0))),
            ),
            "That is the mean standard deviation: use the variance (the square).",
        ),
    ],
}

HINTS: dict[str, str] = {
    "kfold_indices": "Fold sizes: the first n_samples % n_folds folds get "
    "n_samples // n_folds + 1 samples, the others n_samples // n_folds; folds are "
    "consecutive, in order, not shuffled. Each pair is (train_idx, val_idx) with "
    "train_idx every index not in val_idx. Raise ValueError when n_folds < 2 or "
    "n_folds > n_samples.",
    "cross_val_mse": "Convert X and y with np.asarray. For each (train_idx, val_idx) "
    "of kfold_indices(len(y), n_folds) (the same folds for a classifier): a fresh "
    "m = sklearn.base.clone(model) inside the loop, fit it on the "
    "training rows, compute the MSE on the validation rows. Return the mean of those "
    "n_folds numbers.",
    "bias_variance": "mean_pred = predictions.mean(axis=0); bias² = mean((mean_pred - "
    "y_true)**2); variance = predictions.var(axis=0).mean() (ddof=0).",
}

NAMES = {"bias_variance": ("bias_squared", "variance")}

checker = checker_factory(HINTS, MISTAKES, NAMES)


# ---------------------------------------------------------------- checks for the tests
def _as_folds(result):
    """A list of (train, val) int arrays, or a reason why ``result`` is not one."""
    if result is None:
        return None, "is None: did you forget to `return` the folds?"
    if isinstance(result, str | bytes | dict) or not hasattr(result, "__iter__"):
        return (
            None,
            f"should be a list of (train_idx, val_idx) pairs, got {result!r:.60}",
        )
    folds = []
    for i, pair in enumerate(list(result)):
        try:
            pair = list(pair)
        except TypeError:
            return (
                None,
                f"fold {i} should be a (train_idx, val_idx) pair, got {pair!r:.60}",
            )
        if len(pair) != 2:
            return (
                None,
                f"fold {i} should be a (train_idx, val_idx) pair, got {len(pair)} values",
            )
        arrays = []
        for part in pair:
            with quiet():
                try:
                    arr = np.asarray(part, dtype=float)
                except (TypeError, ValueError):
                    arr = None
            if arr is None or arr.ndim != 1:
                return (
                    None,
                    f"fold {i} should hold two 1-D index arrays, got {part!r:.60}",
                )
            shown = np.asarray(part)
            if np.all(arr == np.round(arr)):  # show whole numbers as ints
                shown = arr.astype(np.int64)
            arrays.append(shown)
        folds.append(tuple(arrays))
    return folds, None


def _same_folds(a, b) -> bool:
    fa, _ = _as_folds(a)
    fb, _ = _as_folds(b)
    if fa is None or fb is None or len(fa) != len(fb):
        return False
    return all(
        compare(x, y, 0.0, 0.0) is None
        for pa, pb in zip(fa, fb)
        for x, y in zip(pa, pb)
    )


def _fold_text(train, val) -> str:
    return f"(train_idx={format_value(train)}, val_idx={format_value(val)})"


def check_folds(
    check: Checker, n_samples, n_folds, *, expect=None, why: str | None = None
):
    """Check ``kfold_indices(n_samples, n_folds)`` fold by fold, by value.

    The learner's result may be a list (or tuple, or generator) of pairs of lists or
    arrays; what counts is the number of folds and, for each fold in order, the values
    of its training and validation indices.

    Parameters
    ----------
    check : Checker
        ``topic.checker("kfold_indices", kfold_indices)``.
    n_samples, n_folds : int
        The arguments.
    expect : list of (train_idx, val_idx), optional
        The expected folds; by default those of scikit-learn's ``KFold(n_folds)``.
    why : str, optional
        What the case is about, shown on failure.

    Raises
    ------
    CheckFailed
        On the first difference, naming the fold, what was expected and what came back.
    """
    __tracebackhide__ = True
    expected = kfold_reference(n_samples, n_folds) if expect is None else expect
    exp_folds, _ = _as_folds(expected)
    got = check.call(n_samples, n_folds)
    folds, problem = _as_folds(got)
    hint = None
    if problem is None and len(folds) != len(exp_folds):
        problem = (
            f"should hold {len(exp_folds)} folds (one per n_folds), got {len(folds)}"
        )
    if problem is None:
        for i, (pair, exp) in enumerate(zip(folds, exp_folds)):
            names = ("train_idx", "val_idx")
            reasons = [
                compare(g, e, 0.0, 0.0, f"fold {i}: {n}")
                for n, g, e in zip(names, pair, exp)
            ]
            if any(reasons):
                problem = (
                    f"fold {i} is {_fold_text(*pair)}; expected {_fold_text(*exp)}"
                )
                break
    if problem is not None:
        for mistake in check.mistakes:
            try:
                with quiet():
                    wrong = mistake.compute(n_samples, n_folds)
            except Exception:
                continue
            if not _same_folds(wrong, expected) and _same_folds(got, wrong):
                hint = mistake.hint
                break
    check.that(
        problem is None,
        problem or "",
        n_samples,
        n_folds,
        why=why,
        hint=hint or check.hint,
    )


def check_model_unfitted(
    check: Checker, model, X, y, n_folds: int = 5, why: str | None = None
):
    """Check that ``cross_val_mse(model, X, y, n_folds)`` leaves ``model`` unfitted.

    The Checker passes copies of the inputs, so this calls the learner's function on
    ``model`` itself (quietly, within the time limit), then asks scikit-learn's
    ``check_is_fitted`` whether ``model`` was fitted.

    Parameters
    ----------
    check : Checker
        ``topic.checker("cross_val_mse", cross_val_mse)``.
    model : unfitted scikit-learn estimator
    X, y : array-like
    n_folds : int, default=5
    why : str, optional
        What the case is about, shown on failure.
    """
    __tracebackhide__ = True
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(model)
    except NotFittedError:
        pass
    else:
        raise ValueError(
            f"model must be unfitted for this check, got a fitted {model!r}"
        )
    check.call(model, X, y, n_folds)  # explains a crash or a time-out on copies
    try:
        with quiet(), _time_limit(check.seconds):
            check.func(model, X, y, n_folds)
    except Exception as exc:  # pragma: no cover - the call above would have failed
        check.that(
            False, f"raised {type(exc).__name__}: {exc}", model, X, y, n_folds, why=why
        )
    try:
        check_is_fitted(model)
        fitted = True
    except NotFittedError:
        fitted = False
    check.that(
        not fitted,
        "the model passed in is fitted afterwards; it must be left unfitted",
        model,
        X,
        y,
        n_folds,
        why=why,
        hint="Fit a fresh sklearn.base.clone(model) in each fold and never call "
        "model.fit itself: the caller's model must not change. (copy.copy is not "
        "enough: a shallow copy of a Pipeline shares its steps with the caller's.)",
    )


# ----------------------------------------------------------------------------- figures
def _plt():
    import matplotlib.pyplot as plt

    return plt


COLOURS = {"bias": "tab:red", "variance": "tab:blue", "noise": "grey", "total": "black"}


def _draw_fits(ax, sim_predictions, x_grid, truth, n_shown, colour="tab:blue"):
    lines = ax.plot(
        x_grid, sim_predictions[:n_shown].T, color=colour, alpha=0.25, lw=0.8
    )
    (mean_line,) = ax.plot(
        x_grid,
        sim_predictions.mean(axis=0),
        color="tab:red",
        lw=2.2,
        label="average model",
    )
    (truth_line,) = ax.plot(
        x_grid, truth, color="black", ls="--", lw=1.8, label="truth sin(2πx)"
    )
    ax.set(xlim=(0, 1), ylim=(-2, 2), xlabel="x", ylabel="y")
    return lines, mean_line, truth_line


def resampling_figure(
    degrees=(1, 4, 12), n_train: int = 20, n_shown: int = 20, seed: int = 0
):
    """Fitted curves of many resampled models over the truth, one panel per degree.

    Parameters
    ----------
    degrees : sequence of int
        Polynomial degrees, one panel each.
    n_train : int, default=30
        Size of each training set.
    n_shown : int, default=20
        How many of the 200 fitted curves to draw per panel.
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    degrees = [_check_int("degree", d, 0, 12) for d in degrees]
    if not degrees:
        raise ValueError(f"degrees must name at least one degree, got {degrees!r}")
    n_shown = _check_int("n_shown", n_shown, 1)
    dec = decomposition(12, n_train, 200, NOISE, seed)
    fig, axes = _plt().subplots(
        1,
        len(degrees),
        figsize=(3.6 * len(degrees), 3.4),
        layout="constrained",
        squeeze=False,
    )
    for ax, d in zip(axes[0], degrees):
        _draw_fits(ax, dec["predictions"][d], dec["x_grid"], dec["truth"], n_shown)
        ax.set_title(
            f"degree {d}: bias² {dec['bias_squared'][d]:.3f}, "
            f"variance {dec['variance'][d]:.3f}",
            fontsize=10,
        )
    axes[0, 0].legend(loc="lower left", fontsize=8)
    fig.suptitle(
        f"{n_shown} of 200 models, each fitted to its own {n_train} noisy points"
    )
    return fig


class ComplexityExplorer:
    """Fitted curves at one polynomial degree beside the bias-variance curves.

    Left: ``n_shown`` of the models fitted to resampled training sets, their average
    and the truth. Right: bias², variance, noise and their sum against the degree,
    the measured test error as dots, and the current degree marked.

    Parameters
    ----------
    degree : int, default=3
        Initial degree, 0 to ``max_degree``.
    n_train : int, default=30
        Size of each training set.
    max_degree : int, default=12
    n_models : int, default=200
    n_shown : int, default=25
        How many fitted curves to draw.
    seed : int, default=0

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    fit_lines : list of Line2D
        The fitted curves shown.
    marker : Line2D
        The vertical line at the current degree.
    """

    def __init__(
        self,
        degree: int = 3,
        n_train: int = 20,
        max_degree: int = 12,
        n_models: int = 200,
        n_shown: int = 25,
        seed: int = 0,
    ):
        self.max_degree = _check_int("max_degree", max_degree, 1, 20)
        self.n_models = _check_int("n_models", n_models, 1)
        self.n_shown = min(_check_int("n_shown", n_shown, 1), self.n_models)
        self.seed = _check_int("seed", seed, 0)
        self.figure = new_figure(figsize=(11, 4.2), layout="constrained")
        self.ax_fit, self.ax_err = self.figure.subplots(1, 2)
        self.degree = _check_int("degree", degree, 0, self.max_degree)
        self.set_n_train(n_train)

    def _repr_png_(self) -> bytes:
        """Show the figure as a PNG when the explorer is a cell's last expression."""
        return FigureImage.render(self.figure)

    def set_n_train(self, n_train: int) -> None:
        """Simulate again with training sets of ``n_train`` points; redraw both panels."""
        self.n_train = _check_int("n_train", n_train, 2)
        self.dec = dec = decomposition(
            self.max_degree, self.n_train, self.n_models, NOISE, self.seed
        )
        ax = self.ax_fit
        ax.clear()
        first = dec["predictions"][self.degree]
        self.fit_lines, self.mean_line, _ = _draw_fits(
            ax, first, dec["x_grid"], dec["truth"], self.n_shown
        )
        (self.points,) = ax.plot(
            dec["x_train"][0],
            dec["y_train"][0],
            "o",
            ms=3.5,
            color="0.35",
            label="one training set",
        )
        ax.legend(loc="lower left", fontsize=8)

        ax = self.ax_err
        ax.clear()
        d = dec["degrees"]
        ax.plot(d, dec["bias_squared"], "-", color=COLOURS["bias"], lw=2, label="bias²")
        ax.plot(
            d, dec["variance"], "-", color=COLOURS["variance"], lw=2, label="variance"
        )
        ax.plot(d, dec["noise"], ":", color=COLOURS["noise"], lw=2, label="noise σ²")
        ax.plot(
            d,
            dec["total"],
            "-",
            color=COLOURS["total"],
            lw=2.5,
            label="bias² + variance + noise",
        )
        ax.plot(
            d,
            dec["test_mse"],
            "o",
            color="white",
            mec="black",
            ms=5,
            label="measured test MSE",
        )
        best = int(np.argmin(dec["total"]))
        ax.plot(
            [best],
            [dec["total"][best]],
            "*",
            color="gold",
            mec="black",
            ms=14,
            label=f"best degree ({best})",
        )
        self.marker = ax.axvline(self.degree, color="tab:green", lw=2, alpha=0.7)
        ax.set_yscale("log")
        ax.set_ylim(1e-3, 1e2)
        ax.set_xlim(-0.3, self.max_degree + 0.3)
        ax.set(
            xlabel="model complexity: polynomial degree",
            ylabel="expected squared error (log scale)",
        )
        ax.legend(loc="upper center", fontsize=8, ncol=2)
        self.update(self.degree)

    def update(self, degree: int) -> dict:
        """Show the models of ``degree``; return its bias², variance, noise and total."""
        degree = _check_int("degree", degree, 0, self.max_degree)
        self.degree = degree
        dec = self.dec
        pred = dec["predictions"][degree]
        for line, row in zip(self.fit_lines, pred):
            line.set_ydata(row)
        self.mean_line.set_ydata(pred.mean(axis=0))
        self.marker.set_xdata([degree, degree])
        parts = {
            k: float(dec[k][degree])
            for k in ("bias_squared", "variance", "noise", "total")
        }
        self.ax_fit.set_title(
            f"degree {degree}, {self.n_train} training points: {self.n_shown} of "
            f"{self.n_models} fits",
            fontsize=10,
        )
        self.ax_err.set_title(
            f"bias² {parts['bias_squared']:.3f} + variance {parts['variance']:.3f} + "
            f"noise {parts['noise']:.3f} = {parts['total']:.3f}",
            fontsize=10,
        )
        self.figure.canvas.draw_idle()
        return parts


def complexity_explorer(
    degree: int = 3, n_train: int = 20, max_degree: int = 12, seed: int = 0
):
    """Interactive bias-variance explorer: a degree slider and a training-size control.

    Moving the degree redraws the fitted curves of 200 resampled models over the truth
    and moves the marker on the bias², variance and total-error curves; changing the
    training-set size simulates again, and the variance shrinks as it grows.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure. ``.explorer`` holds the
        :class:`ComplexityExplorer`, ``.slider`` and ``.size`` the controls.
    """
    import ipywidgets as widgets

    if n_train not in N_TRAIN_CHOICES:
        raise ValueError(f"n_train must be one of {N_TRAIN_CHOICES}, got {n_train!r}")
    explorer = ComplexityExplorer(degree, n_train, max_degree, seed=seed)
    slider = widgets.IntSlider(
        value=degree,
        min=0,
        max=max_degree,
        description="degree",
        continuous_update=True,
        layout=widgets.Layout(width="380px"),
    )
    size = widgets.SelectionSlider(
        options=list(N_TRAIN_CHOICES),
        value=n_train,
        description="n_train",
        continuous_update=False,
        layout=widgets.Layout(width="380px"),
    )

    box = explorer_box(
        explorer.figure,
        {"slider": (slider, explorer.update), "size": (size, explorer.set_n_train)},
    )
    box.explorer = explorer
    return box


def validation_curve_figure(
    n_samples: int = 60, max_degree: int = 12, n_folds: int = 5, seed: int = 3
):
    """Training and 5-fold validation MSE against the polynomial degree, on one dataset.

    Computed with scikit-learn's ``validation_curve`` on :func:`make_data`; the zones
    where the model under- and over-fits are shaded. A validation curve from one
    dataset is noisy: other seeds give flatter or bumpier curves.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from sklearn.model_selection import KFold, validation_curve

    max_degree = _check_int("max_degree", max_degree, 2, 15)
    X, y = make_data(n_samples, seed=seed)
    degrees = np.arange(1, max_degree + 1)
    with quiet():
        train, val = validation_curve(
            poly_model(1),
            X,
            y,
            param_name="polynomialfeatures__degree",
            param_range=degrees,
            cv=KFold(n_folds),
            scoring="neg_mean_squared_error",
        )
    train, val = -train.mean(axis=1), -val.mean(axis=1)
    best = int(degrees[np.argmin(val)])
    fig, ax = _plt().subplots(figsize=(7.5, 3.8), layout="constrained")
    ax.plot(degrees, train, "o-", color="tab:orange", label="training MSE")
    ax.plot(
        degrees, val, "o-", color="tab:purple", label=f"{n_folds}-fold validation MSE"
    )
    ax.axhline(NOISE**2, color="grey", ls=":", label="noise σ² (the floor)")
    ax.axvspan(0.5, 2.5, color="tab:red", alpha=0.08)
    ax.axvspan(best + 3.5, max_degree + 0.5, color="tab:blue", alpha=0.08)
    ax.text(
        1.5,
        0.95,
        "underfitting:\nboth errors high",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=9,
    )
    ax.text(
        (best + 4 + max_degree) / 2,
        0.95,
        "overfitting:\ntraining ≪ validation",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=9,
    )
    ax.plot(
        [best],
        [val[best - 1]],
        "*",
        color="gold",
        mec="black",
        ms=15,
        label=f"lowest validation MSE: degree {best}",
    )
    ax.set_yscale("log")
    ax.set(
        xlabel="polynomial degree",
        ylabel="MSE (log scale)",
        xlim=(0.5, max_degree + 0.5),
        title=f"Validation curve: one dataset of {n_samples} points",
    )
    ax.legend(loc="upper left", bbox_to_anchor=(0.2, 0.85), fontsize=8)
    return fig


def _log_size_axis(ax, sizes):
    from matplotlib.ticker import NullFormatter

    ax.set_xscale("log")
    ticks = [
        n
        for n in (10, 15, 20, 30, 50, 100, 200, 400, 1000)
        if min(sizes) <= n <= max(sizes)
    ]
    ax.set_xticks(ticks, [str(n) for n in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())


def _learning_curves(degree, sizes, n_models, seed):
    train, test = [], []
    for n in sizes:
        x, y = training_sets(n_models, int(n), NOISE, seed)
        coef = fit_polynomials(x, y, degree)
        fitted = np.einsum("sk,snk->sn", coef, _basis(x, degree))
        train.append(np.mean((fitted - y) ** 2))
        # fresh noisy targets over the whole interval: the test error
        rng = np.random.default_rng([seed, int(n), 2])
        x_new = np.linspace(0, 1, 200)
        y_new = true_function(x_new) + NOISE * rng.normal(size=(n_models, 200))
        test.append(np.mean((predict_polynomials(coef, x_new) - y_new) ** 2))
    return np.array(train), np.array(test)


def learning_curve_figure(
    degrees=(1, 12),
    sizes=(15, 20, 30, 45, 70, 100, 150, 250, 400),
    n_models: int = 200,
    seed: int = 0,
):
    """Learning curves of an underfitting and an overfitting model.

    Training error and test error (on fresh data) against the training-set size,
    averaged over ``n_models`` training sets, one panel per degree.

    Returns
    -------
    matplotlib.figure.Figure
    """
    sizes = np.asarray(sizes)
    if sizes.ndim != 1 or sizes.size < 2 or np.any(sizes < 2):
        raise ValueError(
            f"sizes must be at least two ints >= 2, got {sizes.tolist()!r}"
        )
    degrees = [_check_int("degree", d, 0, 12) for d in degrees]
    fig, axes = _plt().subplots(
        1,
        len(degrees),
        figsize=(5.2 * len(degrees), 3.8),
        layout="constrained",
        squeeze=False,
        sharey=True,
    )
    for ax, d in zip(axes[0], degrees):
        train, test = _learning_curves(d, tuple(sizes.tolist()), n_models, seed)
        ax.plot(sizes, train, "o-", color="tab:orange", label="training MSE")
        ax.plot(sizes, test, "o-", color="tab:purple", label="validation (test) MSE")
        ax.axhline(NOISE**2, color="grey", ls=":", label="noise σ²")
        ax.fill_between(sizes, train, test, color="tab:purple", alpha=0.08)
        _log_size_axis(ax, sizes)
        ax.set_yscale("log")
        ax.set(xlabel="training-set size", ylim=(1e-2, 10))
        kind = (
            "high bias: curves meet, but high"
            if d <= 2
            else "high variance: a wide gap that data closes"
        )
        ax.set_title(f"degree {d}: {kind}", fontsize=10)
    axes[0, 0].set_ylabel("MSE (log scale)")
    axes[0, 0].legend(fontsize=8)
    return fig


def more_data_figure(
    degrees=(1, 4, 10),
    sizes=(15, 20, 30, 45, 70, 100, 150, 250, 400),
    n_models: int = 200,
    seed: int = 0,
):
    """Bias² and variance against the training-set size for a few degrees.

    Variance falls roughly as 1 / n; bias² stays where the model class puts it.

    Returns
    -------
    matplotlib.figure.Figure
    """
    degrees = [_check_int("degree", d, 0, 12) for d in degrees]
    sizes = [_check_int("size", int(n), 2) for n in sizes]
    fig, ax = _plt().subplots(figsize=(7.5, 3.8), layout="constrained")
    colours = _plt().cm.viridis(np.linspace(0.1, 0.85, len(degrees)))
    for d, colour in zip(degrees, colours):
        parts = np.array(
            [
                bias_variance_reference(s.predictions, s.truth)
                for s in (
                    simulate(d, n, n_models, NOISE, 0.0, 100, seed) for n in sizes
                )
            ]
        )
        ax.plot(sizes, parts[:, 1], "o-", color=colour, label=f"degree {d}: variance")
        ax.plot(
            sizes,
            parts[:, 0],
            "s--",
            color=colour,
            alpha=0.8,
            label=f"degree {d}: bias²",
        )
    _log_size_axis(ax, sizes)
    ax.set_yscale("log")
    ax.set(
        xlabel="training-set size",
        ylabel="error (log scale)",
        title="More data shrinks variance; the bias of a too-simple model stays",
    )
    ax.legend(fontsize=8, ncol=2)
    return fig


def regularisation_figure(
    degree: int = 12,
    n_train: int = 20,
    alphas=None,
    n_models: int = 200,
    n_shown: int = 15,
    seed: int = 0,
):
    """Ridge regularisation of a high-degree polynomial: bias² and variance against alpha.

    Left: bias², variance and total error against the penalty ``alpha`` (by default
    21 values from 1e-8 to 100). Right: fitted curves at a tiny, the best and a large
    alpha.

    Returns
    -------
    matplotlib.figure.Figure
    """
    alphas = np.logspace(-8, 2, 21) if alphas is None else np.asarray(alphas, float)
    if alphas.ndim != 1 or alphas.size < 3 or np.any(alphas <= 0):
        raise ValueError(
            f"alphas must be at least three positive numbers, got {alphas!r}"
        )
    sims = [simulate(degree, n_train, n_models, NOISE, a, 100, seed) for a in alphas]
    parts = np.array([bias_variance_reference(s.predictions, s.truth) for s in sims])
    total = parts.sum(axis=1) + NOISE**2
    best = int(np.argmin(total))
    fig = _plt().figure(figsize=(12, 3.8), layout="constrained")
    ax_err, *ax_fits = fig.subplots(1, 4, width_ratios=[1.6, 1, 1, 1])
    ax_err.plot(alphas, parts[:, 0], color=COLOURS["bias"], lw=2, label="bias²")
    ax_err.plot(alphas, parts[:, 1], color=COLOURS["variance"], lw=2, label="variance")
    ax_err.plot(alphas, total, color="black", lw=2.5, label="total (with noise)")
    ax_err.axhline(NOISE**2, color="grey", ls=":", label="noise σ²")
    ax_err.plot(
        [alphas[best]],
        [total[best]],
        "*",
        color="gold",
        mec="black",
        ms=15,
        label=f"best alpha ≈ {alphas[best]:.0e}",
    )
    ax_err.set_xscale("log")
    ax_err.set_yscale("log")
    ax_err.set(
        xlabel="ridge penalty alpha",
        ylabel="error (log scale)",
        title=f"degree {degree}, {n_train} points",
    )
    ax_err.legend(fontsize=8)
    for ax, i, name in zip(
        ax_fits,
        (0, best, len(alphas) - 1),
        ("too little: variance", "just right", "too much: bias"),
    ):
        _draw_fits(ax, sims[i].predictions, sims[i].x_grid, sims[i].truth, n_shown)
        ax.set_title(f"alpha = {alphas[i]:.0e} ({name})", fontsize=10)
    ax_fits[0].legend(loc="lower left", fontsize=7)
    return fig


# ------------------------------------------------- tree ensembles on 1-D data, batched
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
    n_estimators = _check_int("n_estimators", n_estimators, 1)
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
    n_estimators = _check_int("n_estimators", n_estimators, 1)
    learning_rate = _check_float("learning_rate", learning_rate)
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


@lru_cache(maxsize=4)
def _ensemble_predictions(n_train, n_models, seed):
    x, y = training_sets(n_models, n_train, NOISE, seed)
    grid = np.linspace(0, 1, 100)
    preds = {
        "deep tree": tree_predictions(x, y, grid),
        "bagged deep trees (25)": bagged_tree_predictions(x, y, grid, 25, seed),
        "stump (depth 1)": boosted_stump_predictions(x, y, grid, 1, 1.0),
        "boosted stumps (100)": boosted_stump_predictions(x, y, grid, 100, 0.2),
    }
    return grid, preds


def ensemble_figure(
    n_train: int = 60, n_models: int = 100, n_shown: int = 12, seed: int = 0
):
    """Bagging lowers variance, boosting lowers bias: four tree models, resampled.

    Each of ``n_models`` training sets is fitted by a fully grown tree, 25 bagged
    fully grown trees, a stump and 100 boosted stumps (the batched NumPy versions
    :func:`tree_predictions`, :func:`bagged_tree_predictions` and
    :func:`boosted_stump_predictions`, equal to scikit-learn's trees and ensembles). Top: some fitted curves of each; bottom: their bias²,
    variance and noise stacked into the expected error.

    Parameters
    ----------
    n_train : int, default=60
    n_models : int, default=100
        Training sets.
    n_shown : int, default=12
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_train = _check_int("n_train", n_train, 5)
    n_models = _check_int("n_models", n_models, 2)
    grid, preds = _ensemble_predictions(n_train, n_models, _check_int("seed", seed, 0))
    truth = true_function(grid)
    fig = _plt().figure(figsize=(12, 6.4), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.1])
    axes = top.subplots(1, 4, sharey=True)
    parts = {}
    for ax, (name, p) in zip(axes, preds.items()):
        parts[name] = bias_variance_reference(p, truth)
        _draw_fits(ax, p, grid, truth, n_shown)
        ax.set_title(name, fontsize=10)
    axes[0].legend(loc="lower left", fontsize=7)
    ax = bottom.subplots()
    names = list(parts)
    b2 = np.array([parts[n][0] for n in names])
    var = np.array([parts[n][1] for n in names])
    pos = np.array([0, 1, 2.6, 3.6])
    ax.bar(pos, b2, color=COLOURS["bias"], width=0.7, label="bias²")
    ax.bar(pos, var, bottom=b2, color=COLOURS["variance"], width=0.7, label="variance")
    ax.bar(pos, NOISE**2, bottom=b2 + var, color="0.8", width=0.7, label="noise σ²")
    for x, a, v in zip(pos, b2, var):
        ax.text(
            x,
            a + v + NOISE**2 + 0.005,
            f"bias² {a:.3f}\nvar {v:.3f}",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_xticks(pos, names)
    ax.set_ylim(0, 1.3 * float(np.max(b2 + var + NOISE**2)))
    ax.set_ylabel("expected squared error")
    ax.annotate(
        "bagging: variance down",
        xy=(0.5, 0.93),
        xycoords=("data", "axes fraction"),
        ha="center",
        fontsize=10,
        color=COLOURS["variance"],
    )
    ax.annotate(
        "boosting: bias down",
        xy=(3.1, 0.93),
        xycoords=("data", "axes fraction"),
        ha="center",
        fontsize=10,
        color=COLOURS["bias"],
    )
    ax.legend(loc="center", fontsize=8)
    top.suptitle(
        f"{n_shown} of {n_models} fits, each on its own {n_train} noisy points",
        fontsize=11,
    )
    return fig
