"""Lasso with a fixed 10 sweeps of coordinate descent: stops short on correlated
features (second red team)."""

import numpy as np


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # Runs at most 10 sweeps ("coordinate descent converges in a few sweeps").
    # WRONG on correlated features, e.g. (see verify.py, case "corr"): 4 features with
    # pairwise correlation ~0.9, n = 100, spreads ~5, alpha = 0.05: after 10 sweeps the
    # coefficients are still ~1e-2 from sklearn's, while the full loop with tol=1e-6 is
    # within 1e-6.
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    z = np.sum(Xc**2, axis=0) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(min(max_iter, 10)):
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
    return w, float(y_mean - x_mean @ w)
