"""Scaling mistakes: alpha times n for ridge, the lasso without 1/(2n), no sign."""

import numpy as np


def ridge_fit(X, y, alpha):
    # averages the squared loss (divides X'X by n): the penalty is n times too strong
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    Xc, yc = X - X.mean(0), y - y.mean()
    coef = np.linalg.solve(Xc.T @ Xc / n + alpha * np.eye(p), Xc.T @ yc / n)
    return coef, y.mean() - X.mean(0) @ coef


def soft_threshold(z, t):
    # the magnitude only: the sign is lost
    return np.maximum(np.abs(np.asarray(z, dtype=float)) - t, 0.0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # minimises 1/2 ||r||^2 + alpha ||w||_1 (no 1/n): the penalty is n times too weak
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    Xc, yc = X - X.mean(0), y - y.mean()
    z = (Xc**2).sum(axis=0)
    w = np.zeros(p)
    for _ in range(max_iter):
        w_old = w.copy()
        for j in range(p):
            r = yc - Xc @ w
            rho = Xc[:, j] @ r + z[j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
        if np.max(np.abs(w - w_old)) < tol:
            break
    return w, y.mean() - X.mean(0) @ w
