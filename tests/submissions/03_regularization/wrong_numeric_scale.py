"""Algebraically right, numerically wrong at scale: ridge with the centred Gram matrix
by expansion (XᵀX - n·x̄x̄ᵀ cancels when features sit near 1e4), |z| as sqrt(z²)
(underflows near 1e-200, overflows near 1e200), the lasso in float32 (targets near
1e6 lose their last digits)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    gram = X.T @ X - n * np.outer(x_mean, x_mean)  # = Xc.T @ Xc, in exact arithmetic
    cross = X.T @ y - n * x_mean * y_mean
    coef = np.linalg.solve(gram + alpha * np.eye(p), cross)
    return coef, y_mean - x_mean @ coef


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    size = np.sqrt(z * z)
    out = np.sign(z) * np.maximum(size - t, 0.0)
    return float(out) if out.ndim == 0 else out


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # float32 "to save memory"
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc**2).sum(axis=0) / n
    w = np.zeros(p, dtype=np.float32)
    r = yc.copy()
    for _ in range(max_iter):
        w_old = w.copy()
        for j in range(p):
            if z[j] == 0:
                continue
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            w[j] = new
        if np.max(np.abs(w - w_old)) < tol:
            break
    return w, y_mean - x_mean @ w
