"""Lasso on uncentred features with the intercept updated inside the loop: crawls at
feature means near 50-100 and stops far from the optimum (second red team)."""

import numpy as np


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # Coordinate descent on (w, b) jointly, uncentred X: the intercept is one more
    # (unpenalised) coordinate, updated each sweep as mean(y - Xw). WRONG by > 1e-4 on
    # features with means near 100 (ages, years...), e.g. 3 uncorrelated features of
    # spread ~5 and mean ~100: the intercept converges at a rate of ~1 - spread^2/mean^2
    # per sweep and the tol=1e-6 stop fires while w and b are still ~1e-3 off.
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    z = np.sum(X**2, axis=0) / n
    w = np.zeros(p)
    b = y.mean()
    r = y - b
    for _ in range(max_iter):
        big = 0.0
        for j in range(p):
            if np.all(X[:, j] == X[0, j]):
                continue
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            big = max(big, abs(new - w[j]))
            w[j] = new
        db = r.mean()
        b += db
        r -= db
        big = max(big, abs(db))
        if big < tol:
            break
    return w, float(b)
