"""Centring mistakes: uncentred X'X for ridge, only y centred for the lasso, and hard
thresholding."""

import numpy as np


def ridge_fit(X, y, alpha):
    # solves with the raw X'X, then patches the intercept from the means
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    coef = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    return coef, y.mean() - X.mean(axis=0) @ coef


def soft_threshold(z, t):
    # hard thresholding: keeps large values unchanged instead of shrinking them
    z = np.asarray(z, dtype=float)
    return np.where(np.abs(z) > t, z, 0.0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # centres y but not X, and takes the intercept to be mean(y)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    yc = y - y.mean()
    z = (X**2).sum(axis=0) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        change = 0.0
        for j in range(p):
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            change = max(change, abs(new - w[j]))
            w[j] = new
        if change < tol:
            break
    return w, y.mean()
