"""Ridge by the dual (kernel) form on centred data, Xc.T (Xc Xc.T + alpha I)^+ yc; soft threshold by np.clip;
lasso with a precomputed Gram matrix and a relative stopping rule."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    n = Xc.shape[0]
    # lstsq, not solve: with alpha = 0 and n > p the n x n kernel matrix is singular
    a = np.linalg.lstsq(Xc @ Xc.T + alpha * np.eye(n), yc, rcond=None)[0]
    w = Xc.T @ a
    return w, ym - xm @ w


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    return np.clip(z - t, 0, None) - np.clip(-z - t, 0, None)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    G = Xc.T @ Xc / n
    c = Xc.T @ yc / n
    w = np.zeros(p)
    for _ in range(max_iter):
        w_old = w.copy()
        for j in range(p):
            if G[j, j] == 0:
                w[j] = 0.0
                continue
            rho = c[j] - G[j] @ w + G[j, j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / G[j, j]
        dw = np.max(np.abs(w - w_old))
        if dw <= tol * max(np.max(np.abs(w)), 1e-12):
            break
    return w, ym - xm @ w
