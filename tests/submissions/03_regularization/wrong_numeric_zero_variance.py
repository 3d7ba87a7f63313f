"""No guard for a zero-variance column: ridge on standardised columns with the penalty
rescaled (exact, until a constant column's standard deviation is 0), the lasso's
coordinate update dividing by x_j·x_j / n = 0 (scikit-learn leaves that coefficient
at 0)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean, std = X.mean(axis=0), y.mean(), X.std(axis=0)
    Z = (X - x_mean) / std
    v = np.linalg.solve(Z.T @ Z + alpha * np.diag(1 / std**2), Z.T @ (y - y_mean))
    coef = v / std
    return coef, y_mean - x_mean @ coef


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc**2).sum(axis=0) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        w_old = w.copy()
        for j in range(p):
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            w[j] = new
        if np.max(np.abs(w - w_old)) < tol:
            break
    return w, y_mean - x_mean @ w
