"""Bugs that survive easy inputs: an aliased copy that stops the lasso after one sweep,
a column-vector coef, and Python's max that only works for scalars."""

import numpy as np


def ridge_fit(X, y, alpha):
    # y as a column vector: coef comes back with shape (n_features, 1)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    coef = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ (y - ym))
    return coef, float(ym - xm @ coef)


def soft_threshold(z, t):
    # built-in max: fine for one number, fails for arrays
    return np.sign(z) * max(abs(z) - t, 0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # w_old = w is the same array, so the change is always 0: one sweep only
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    z = (Xc**2).sum(axis=0) / n
    w = np.zeros(p)
    for _ in range(max_iter):
        w_old = w
        for j in range(p):
            rho = Xc[:, j] @ (yc - Xc @ w) / n + z[j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
        if np.max(np.abs(w - w_old)) < tol:
            break
    return w, ym - xm @ w
