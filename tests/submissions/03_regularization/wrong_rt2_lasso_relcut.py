"""Lasso that zeroes coefficients below 1e-3 of the largest: loses a coefficient of
6e-4 on a feature of spread 1,000 (second red team)."""

import numpy as np


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # Correct coordinate descent, then "cleans up" coefficients below 1e-3 of the largest.
    # WRONG when a kept coefficient is more than 1e-4 yet under 1e-3 * max|w|, e.g. one
    # feature with coefficient ~1 and another with spread 1000 and coefficient 5e-4
    # (effect 0.5 on y): sklearn keeps ~5e-4, this returns 0 (error 5e-4 > 1e-4).
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = np.sum(Xc**2, axis=0) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        big = 0.0
        for j in range(p):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            big = max(big, abs(new - w[j]))
            w[j] = new
        if big < tol:
            break
    if np.any(w):
        w[np.abs(w) < 1e-3 * np.abs(w).max()] = 0.0
    return w, float(y_mean - x_mean @ w)
