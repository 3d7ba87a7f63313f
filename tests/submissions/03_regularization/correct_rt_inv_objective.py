"""Ridge by np.linalg.inv of the bordered normal equations (intercept row unpenalised)
on centred X (uncentred, they lose the precision at large offsets: see
wrong_numeric_uncentred.py); soft threshold returning a Python float for scalars;
lasso stopping on the change in the objective, on centred data with the intercept
updated inside the loop (without centring it would crawl at large feature offsets:
see wrong_rt2_intercept_loop.py)."""

import math

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    n, p = X.shape
    x_mean = X.mean(axis=0)
    A = np.hstack([np.ones((n, 1)), X - x_mean])
    P = alpha * np.eye(p + 1)
    P[0, 0] = 0.0
    beta = np.linalg.inv(A.T @ A + P) @ A.T @ y
    return beta[1:], float(beta[0] - x_mean @ beta[1:])


def soft_threshold(z, t):
    if np.ndim(z) == 0:
        z = float(z)
        return math.copysign(max(abs(z) - t, 0.0), z) if abs(z) > t else 0.0
    z = np.asarray(z, dtype=float)
    return np.where(z > t, z - t, np.where(z < -t, z + t, 0.0))


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    def _objective(X, y, w, b, alpha):
        r = y - X @ w - b
        return r @ r / (2 * len(y)) + alpha * np.abs(w).sum()

    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    x_mean = X.mean(axis=0)
    X = X - x_mean
    n, p = X.shape
    w = np.zeros(p)
    b = y.mean()
    sq = (X**2).sum(axis=0) / n
    prev = _objective(X, y, w, b, alpha)
    for _ in range(max_iter):
        for j in range(p):
            r = y - X @ w - b + X[:, j] * w[j]
            rho = X[:, j] @ r / n
            w[j] = soft_threshold(rho, alpha) / sq[j] if sq[j] > 0 else 0.0
            b = np.mean(y - X @ w)
        obj = _objective(X, y, w, b, alpha)
        if abs(prev - obj) < tol:
            break
        prev = obj
    return list(w), b - x_mean @ w
