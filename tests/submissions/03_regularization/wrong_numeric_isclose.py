"""Tolerances deciding exact conditions: ridge that drops the columns np.allclose
calls constant (features near 1e-9 are not constant), soft thresholding whose dead zone
is |z| <= t or np.isclose(|z|, t) (|z| = t·(1 + 1e-12) is not a tie)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    keep = np.array([not np.allclose(Xc[:, j], 0) for j in range(X.shape[1])])
    coef = np.zeros(X.shape[1])
    if keep.any():
        K = Xc[:, keep]
        coef[keep] = np.linalg.solve(K.T @ K + alpha * np.eye(K.shape[1]), K.T @ yc)
    return coef, y_mean - x_mean @ coef


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    dead = (np.abs(z) <= t) | np.isclose(np.abs(z), t)
    out = np.where(dead, 0.0, z - np.sign(z) * t)
    return float(out) if out.ndim == 0 else out
