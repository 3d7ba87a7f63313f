"""Ridge with 1e-8 added to the diagonal "for numerical stability" (features near 1e-4
or 1e-9 have XcᵀXc far below it); soft thresholding that returns a float for any
one-element input (shape (1,) and (1, 1) come back as scalars)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    H = Xc.T @ Xc + (alpha + 1e-8) * np.eye(X.shape[1])
    coef = np.linalg.solve(H, Xc.T @ yc)
    return coef, y_mean - x_mean @ coef


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    out = np.sign(z) * np.maximum(np.abs(z) - t, 0.0)
    return float(out.ravel()[0]) if out.size == 1 else out
