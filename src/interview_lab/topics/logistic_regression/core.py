"""05_logistic_regression: the data and the references, written from the definitions.

The model is ``P(y = 1 | x) = sigmoid(x·w + b)``, fitted by batch gradient descent on
the objective

    J(w, b) = mean log loss + (l2 / 2)·||w||²      (the intercept b is not penalised)

starting from ``w = 0, b = 0``. Its minimum is scikit-learn's
``LogisticRegression(C=1 / (n·l2))`` (``C=inf``, no penalty, when ``l2 = 0``):
multiplying scikit-learn's objective ``C·Σ log loss + ||w||²/2`` by ``l2`` gives J.

The references here are computed in a numerically safe way (``exp(-|z|)`` in the
sigmoid, ``logaddexp`` in the objective); the checks use them, the figures use them
and the data generators. No checker and no plotting here.
"""

from __future__ import annotations

import warnings

import numpy as np

from ...validation import check_int, check_number, check_seed, check_xy

__all__ = [
    "LogisticRegressionReference",
    "descent_path",
    "descent_variant",
    "gradient_descent",
    "gradient_reference",
    "log_loss_reference",
    "make_data",
    "newton_solution",
    "numerical_gradient",
    "objective",
    "offset_data",
    "separable_data",
    "sigmoid_reference",
    "sklearn_solution",
]


# ------------------------------------------------------------------------------- data
def make_data(
    n_samples: int = 200,
    n_features: int = 2,
    separation: float = 1.5,
    balance: float = 0.5,
    standardize: bool = True,
    random_state: int = 0,
):
    """Two overlapping Gaussian classes: a small binary classification problem.

    Class 1 is shifted from class 0 by ``separation`` along the first feature and
    half of it along the second; the features are then standardised (mean 0,
    standard deviation 1), as gradient descent with a fixed step likes them.

    Parameters
    ----------
    n_samples : int, default=200
        Number of rows, at least 2 (both classes always appear).
    n_features : int, default=2
        Number of columns, at least 1.
    separation : float, default=1.5
        Distance between the class means along the first feature, >= 0; the larger,
        the easier the problem (above about 6 it is separable).
    balance : float, default=0.5
        Expected fraction of class 1, in (0, 1).
    standardize : bool, default=True
        Standardise each column.
    random_state : int, default=0
        Seed.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)

    Examples
    --------
    >>> X, y = make_data(100, random_state=1)
    >>> X.shape, sorted(set(y.tolist())), bool(abs(X.mean()) < 1e-12)
    ((100, 2), [0, 1], True)
    """
    n = check_int("n_samples", n_samples, low=2)
    d = check_int("n_features", n_features, low=1)
    sep = check_number("separation", separation, low=0)
    balance = check_number(
        "balance", balance, low=0, high=1, open_low=True, open_high=True
    )
    rng = np.random.default_rng(check_seed(random_state, "random_state"))
    y = (rng.random(n) < balance).astype(int)
    y[0], y[1] = 0, 1  # both classes, whatever the draw
    X = rng.normal(size=(n, d))
    shift = np.zeros(d)
    shift[0] = sep
    if d > 1:
        shift[1] = sep / 2
    X += y[:, None] * shift
    if standardize:
        X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y


def offset_data(n_samples=300, random_state=0):
    """One standardised feature and labels whose boundary sits far from 0.

    Most samples are positive (about 85%), so the intercept of the fitted model is
    large; a penalty on the intercept would pull it visibly towards 0.

    Examples
    --------
    >>> X, y = offset_data(100)
    >>> X.shape, bool(0.7 < y.mean() < 0.95)
    ((100, 1), True)
    """
    n = check_int("n_samples", n_samples, low=10)
    rng = np.random.default_rng(check_seed(random_state, "random_state"))
    x = rng.normal(size=n)
    y = (rng.random(n) < sigmoid_reference(2.0 * x + 2.5)).astype(int)
    y[:2] = [0, 1]
    X = ((x - x.mean()) / x.std())[:, None]
    return X, y


def separable_data(n_samples=100, scale=100.0, random_state=0):
    """Two classes a wide gap apart, features multiplied by ``scale``.

    Gradient descent on separable data makes the weights grow without limit; at a
    large scale the margins ``x·w + b`` reach thousands within a few steps, where a
    naive sigmoid or log loss gives ``nan`` or ``inf``.
    """
    n = check_int("n_samples", n_samples, low=2)
    scale = check_number("scale", scale, low=0, open_low=True)
    rng = np.random.default_rng(check_seed(random_state, "random_state"))
    y = np.arange(n) % 2
    X = rng.normal(size=(n, 2)) * 0.3
    X[:, 0] += np.where(y == 1, 2.0, -2.0)
    return X * scale, y


# ------------------------------------------------------------------------- references
def sigmoid_reference(z):
    """``1 / (1 + exp(-z))`` element-wise, computed without overflow.

    ``exp(-|z|)`` is at most 1, so nothing overflows: for ``z >= 0`` the sigmoid is
    ``1 / (1 + e)`` and for ``z < 0`` it is ``e / (1 + e)``, with ``e = exp(-|z|)``.

    Parameters
    ----------
    z : float or array-like

    Returns
    -------
    float or ndarray of the shape of ``z``

    Examples
    --------
    >>> sigmoid_reference(0), sigmoid_reference([-1e4, 1e4]).tolist()
    (0.5, [0.0, 1.0])
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return float(out) if out.ndim == 0 else out


def log_loss_reference(y_true, p, eps=1e-15):
    """Mean binary cross-entropy with ``p`` clipped to ``[eps, 1 - eps]``.

    ``-mean(y·log(p) + (1 - y)·log(1 - p))`` after clipping, so that ``p`` of exactly 0
    or 1 costs ``-log(eps)`` (about 34.5 for the default) instead of infinity.

    Parameters
    ----------
    y_true : array-like of 0/1, shape (n_samples,)
    p : array-like of float, shape (n_samples,)
        Predicted probabilities of class 1.
    eps : float, default=1e-15

    Returns
    -------
    float

    Examples
    --------
    >>> round(log_loss_reference([1, 0], [0.5, 0.5]), 6)
    0.693147
    >>> round(log_loss_reference([1], [0.0]), 3)
    34.539
    """
    y = np.asarray(y_true, dtype=float).ravel()
    p = np.clip(np.asarray(p, dtype=float).ravel(), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def objective(X, y, coef, intercept, l2=0.0):
    """The objective J(w, b) = mean log loss + (l2 / 2)·||w||², computed exactly.

    The log loss of one sample is ``log(1 + exp(z)) - y·z`` with ``z = x·w + b``
    (``np.logaddexp``): no probability is formed, so no clipping is needed and nothing
    overflows.

    Examples
    --------
    >>> round(objective([[1.0], [-1.0]], [1, 0], [0.0], 0.0), 6)
    0.693147
    """
    X, y = check_xy(X, y)
    w = np.asarray(coef, dtype=float).ravel()
    with np.errstate(all="ignore"):
        z = X @ w + float(intercept)
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w))


def gradient_reference(X, y, coef, intercept, l2=0.0):
    """The gradient of :func:`objective`: ``(grad_w, grad_b)``.

    ``grad_w = Xᵀ(p - y) / n + l2·w`` and ``grad_b = mean(p - y)``, with
    ``p = sigmoid(Xw + b)``.

    Examples
    --------
    >>> gw, gb = gradient_reference([[1.0], [-1.0]], [1, 1], [0.0], 0.0)
    >>> gw.tolist(), gb
    ([0.0], -0.5)
    """
    X, y = check_xy(X, y)
    w = np.asarray(coef, dtype=float).ravel()
    r = sigmoid_reference(X @ w + float(intercept)) - y
    return X.T @ r / len(y) + l2 * w, float(np.mean(r))


def numerical_gradient(X, y, coef, intercept, l2=0.0, h=1e-6):
    """The gradient of :func:`objective` by central finite differences.

    Each parameter in turn is moved by ``±h`` and the change of J divided by ``2h``:
    slow (two evaluations of J per parameter) but it needs no calculus, which is what
    makes it a check of a derived gradient.

    Returns
    -------
    grad_w : ndarray of shape (n_features,)
    grad_b : float
    """
    h = check_number("h", h, low=0, open_low=True)
    w = np.asarray(coef, dtype=float).ravel()
    b = float(intercept)
    grad_w = np.empty_like(w)
    for j in range(len(w)):
        step = np.zeros_like(w)
        step[j] = h
        up = objective(X, y, w + step, b, l2)
        down = objective(X, y, w - step, b, l2)
        grad_w[j] = (up - down) / (2 * h)
    grad_b = (objective(X, y, w, b + h, l2) - objective(X, y, w, b - h, l2)) / (2 * h)
    return grad_w, float(grad_b)


def _check_descent(X, y, learning_rate, n_iter, l2):
    X, y = check_xy(X, y)
    lr = check_number("learning_rate", learning_rate, low=0, open_low=True)
    n_iter = check_int("n_iter", n_iter, low=0)
    l2 = check_number("l2", l2, low=0)
    return X, y, lr, n_iter, l2


def descent_path(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
    """Every iterate of batch gradient descent on J, from ``w = 0, b = 0``.

    Each iteration computes the gradient at the current ``(w, b)`` and moves both
    against it by ``learning_rate`` times the gradient. A step that is too large can
    make the iterates oscillate or grow without bound; the path then holds ``inf`` or
    ``nan`` and no warning is raised.

    Returns
    -------
    coefs : ndarray of shape (n_iter + 1, n_features)
        ``coefs[k]`` is ``w`` after ``k`` updates (``coefs[0]`` is 0).
    intercepts : ndarray of shape (n_iter + 1,)
    objectives : ndarray of shape (n_iter + 1,)
        J at each iterate, ``objectives[0] = log 2``.
    """
    X, y, lr, n_iter, l2 = _check_descent(X, y, learning_rate, n_iter, l2)
    n, d = X.shape
    coefs = np.zeros((n_iter + 1, d))
    intercepts = np.zeros(n_iter + 1)
    objectives = np.empty(n_iter + 1)
    w, b = np.zeros(d), 0.0
    with np.errstate(all="ignore"):
        z = X @ w + b
        objectives[0] = np.mean(np.logaddexp(0.0, z) - y * z)
        for k in range(1, n_iter + 1):
            r = sigmoid_reference(z) - y
            w = w - lr * (X.T @ r / n + l2 * w)
            b = b - lr * np.mean(r)
            z = X @ w + b
            coefs[k], intercepts[k] = w, b
            objectives[k] = np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * (w @ w)
    return coefs, intercepts, objectives


def gradient_descent(X, y, learning_rate=0.1, n_iter=1000, l2=0.0):
    """What ``LogisticRegressionGD(learning_rate, n_iter, l2).fit(X, y)`` must set.

    Returns
    -------
    coef : ndarray of shape (n_features,)
        ``coef_``, the weights after ``n_iter`` updates.
    intercept : float
        ``intercept_``.
    loss_history : ndarray of shape (n_iter,)
        ``loss_history_``: J after each update, so ``loss_history[-1]`` is J at the
        returned ``(coef, intercept)``.

    Examples
    --------
    >>> coef, b, hist = gradient_descent([[1.0], [-1.0]], [1, 0], 1.0, 2)
    >>> coef.round(4).tolist(), hist.round(4).tolist()
    ([0.8775], [0.4741, 0.3477])
    """
    coefs, intercepts, objectives = descent_path(X, y, learning_rate, n_iter, l2)
    return coefs[-1], float(intercepts[-1]), objectives[1:]


def descent_variant(
    X,
    y,
    learning_rate=0.1,
    n_iter=1000,
    l2=0.0,
    *,
    sum_gradient=False,
    penalise_intercept=False,
    l2_factor=1.0,
    record_before=False,
    no_penalty=False,
    with_start=False,
    ascent=False,
):
    """Gradient descent with one of the common mistakes switched on.

    The checks recognise these runs: a summed gradient (``sum_gradient``), the
    intercept penalised, the penalty's gradient scaled by ``l2_factor``, the
    objective recorded before each update or without the penalty, the starting
    objective included, and steps up the gradient (``ascent``). Returns
    ``(coef, intercept, loss_history)`` like :func:`gradient_descent`.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w, b = np.zeros(d), 0.0

    def J(w, b):
        z = X @ w + b
        penalty = 0.0 if no_penalty else 0.5 * l2 * (w @ w)
        if penalise_intercept and not no_penalty:
            penalty += 0.5 * l2 * b * b
        return float(np.mean(np.logaddexp(0.0, z) - y * z) + penalty)

    history = [J(w, b)] if with_start else []
    scale = 1.0 if sum_gradient else 1.0 / n
    sign = -1.0 if ascent else 1.0
    for _ in range(n_iter):
        if record_before:
            history.append(J(w, b))
        r = sigmoid_reference(X @ w + b) - y
        grad_w = X.T @ r * scale + l2_factor * l2 * w
        grad_b = r.sum() * scale + (l2 * b if penalise_intercept else 0.0)
        w = w - sign * learning_rate * grad_w
        b = b - sign * learning_rate * grad_b
        if not record_before:
            history.append(J(w, b))
    return w, float(b), np.array(history)


class LogisticRegressionReference:
    """The reference answer to ``LogisticRegressionGD``, for figures and tests.

    Parameters
    ----------
    learning_rate : float, default=0.1
    n_iter : int, default=1000
    l2 : float, default=0.0

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
    intercept_ : float
    loss_history_ : ndarray of shape (n_iter,)
    """

    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.learning_rate = learning_rate
        self.n_iter = n_iter
        self.l2 = l2

    def fit(self, X, y):
        """Run gradient descent; return ``self``."""
        self.coef_, self.intercept_, self.loss_history_ = gradient_descent(
            X, y, self.learning_rate, self.n_iter, self.l2
        )
        return self

    def predict_proba(self, X):
        """P(y = 1) for each row, shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        return sigmoid_reference(X @ self.coef_ + self.intercept_)

    def predict(self, X, threshold=0.5):
        """1 where ``predict_proba(X) >= threshold``, else 0."""
        return (self.predict_proba(X) >= threshold).astype(int)


def sklearn_solution(X, y, l2=0.0):
    """``(coef, intercept)`` of ``LogisticRegression(C=1 / (n·l2))``, fitted tightly.

    ``l2 = 0`` means no penalty (``C=inf``). The solver runs to a tolerance of 1e-10,
    so the result is the minimum of J to many more digits than the 1e-2 the contract
    asks of gradient descent.

    Examples
    --------
    >>> X, y = make_data(100, random_state=1)
    >>> coef, b = sklearn_solution(X, y, l2=0.1)
    >>> coef.shape, isinstance(b, float)
    ((2,), True)
    """
    from sklearn.linear_model import LogisticRegression

    X, y = check_xy(X, y)
    l2 = check_number("l2", l2, low=0)
    C = np.inf if l2 == 0 else 1.0 / (len(y) * l2)
    model = LogisticRegression(C=C, tol=1e-10, max_iter=100_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y.astype(int))
    return model.coef_[0].copy(), float(model.intercept_[0])


def newton_solution(X, y, l2=0.0, n_iter=50, tol=1e-12, penalise_intercept=False):
    """The minimum of J by Newton's method: ``(coef, intercept)``, fast and exact.

    Each step solves ``H·Δ = g`` with the Hessian
    ``H = Aᵀ diag(p(1 - p)) A / n + l2·I`` (no penalty on the intercept unless
    ``penalise_intercept``, the common mistake), ``A`` being X with a column of ones.
    It converges in a handful of steps when the minimum exists (``l2 > 0``, or data
    that are not separable); the figures use it where :func:`sklearn_solution` would
    be too slow to recompute on every slider move.

    Examples
    --------
    >>> X, y = make_data(100, random_state=1)
    >>> coef, b = newton_solution(X, y, l2=0.1)
    >>> sk_coef, sk_b = sklearn_solution(X, y, l2=0.1)
    >>> bool(np.allclose(coef, sk_coef, atol=1e-6) and abs(b - sk_b) < 1e-6)
    True
    """
    X, y = check_xy(X, y)
    l2 = check_number("l2", l2, low=0)
    n, d = X.shape
    A = np.column_stack([X, np.ones(n)])
    penalty = l2 * np.eye(d + 1)
    if not penalise_intercept:
        penalty[d, d] = 0.0
    theta = np.zeros(d + 1)
    for _ in range(check_int("n_iter", n_iter, low=1)):
        p = sigmoid_reference(A @ theta)
        grad = A.T @ (p - y) / n + penalty @ theta
        hess = (A * (p * (1 - p))[:, None]).T @ A / n + penalty
        step = np.linalg.solve(hess + 1e-12 * np.eye(d + 1), grad)
        theta = theta - step
        if np.max(np.abs(step)) < tol:
            break
    return theta[:d].copy(), float(theta[d])
