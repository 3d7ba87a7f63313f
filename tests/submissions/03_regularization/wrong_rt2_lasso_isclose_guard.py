"""Lasso that skips columns with np.isclose(variance, 0): a column of spread 5e-5 that
carries a coefficient of 19,600 is dropped (second red team)."""

import numpy as np


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # Skips "constant" columns with np.isclose(z_j, 0) (default atol 1e-8), where z_j is
    # the column's variance. WRONG on a column whose spread is below 1e-4 but which
    # carries signal, e.g. (orthogonal +-1 design, 8 samples)
    #   X = [[1, s], [1, -s], [-1, s], [-1, -s]] * 2 with s = 5e-5, y = X @ [1, 2e4],
    #   alpha = 1e-6: sklearn gives coef ~ [1.0, 19600], this gives [1.0, 0].
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
            if np.isclose(z[j], 0):  # constant column
                continue
            rho = Xc[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            big = max(big, abs(new - w[j]))
            w[j] = new
        if big < tol:
            break
    return w, float(y_mean - x_mean @ w)
