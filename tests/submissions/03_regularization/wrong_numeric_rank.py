"""Right only for a full-rank, well-conditioned design: ridge by gradient steps
warm-started at least squares (nearly collinear features send the start to ±1e6),
the lasso warm-started at least squares by np.linalg.solve (a constant column makes
XcᵀXc singular)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    H = Xc.T @ Xc + alpha * np.eye(X.shape[1])
    coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]  # warm start: least squares
    step = 1.0 / np.linalg.eigvalsh(H).max()
    for _ in range(2000):
        coef -= step * (H @ coef - Xc.T @ yc)
    return coef, y_mean - x_mean @ coef


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc**2).sum(axis=0) / n
    w = np.linalg.solve(Xc.T @ Xc, Xc.T @ yc)  # warm start: ordinary least squares
    r = yc - Xc @ w
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
