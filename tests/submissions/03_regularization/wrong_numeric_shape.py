"""Shape and dtype: soft thresholding that squeezes length-1 axes ((n, 1) comes back
(n,), (1,) a 0-d array), the lasso whose coefficients are allocated with the dtype of
X (integer features truncate them)."""

import numpy as np


def soft_threshold(z, t):
    z = np.squeeze(np.asarray(z, dtype=float))
    out = np.sign(z) * np.maximum(np.abs(z) - t, 0.0)
    return float(out) if out.ndim == 0 else out


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = (Xc**2).sum(axis=0) / n
    w = np.zeros_like(X[0])  # the dtype of X: int for integer features
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
