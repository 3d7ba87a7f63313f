"""Lasso by covariance updates on a Gram matrix computed in the input dtype: int8
features wrap around (second red team)."""

import numpy as np


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # "Covariance updates" (as scikit-learn's precompute=True): the centred Gram matrix
    # from X.T @ X / n - outer(mean, mean), with X read by np.asarray (dtype kept).
    # WRONG on an int8 X: X.T @ X wraps around in int8. E.g. X = the hidden integer case
    # (60 x 3 values in [-12, 12]) passed as np.int8 array: sums of squares ~3000 overflow
    # 127, and the coefficients come out garbage (verify.py: "gram int8").
    X = np.asarray(X)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    mx, my = X.mean(axis=0), y.mean()
    G = X.T @ X / n - np.outer(mx, mx)
    c = X.T @ y / n - mx * my
    w = np.zeros(p)
    for _ in range(max_iter):
        big = 0.0
        for j in range(p):
            if G[j, j] <= 0:
                continue
            rho = c[j] - G[j] @ w + G[j, j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / G[j, j]
            big = max(big, abs(new - w[j]))
            w[j] = new
        if big < tol:
            break
    return w, float(my - mx @ w)
