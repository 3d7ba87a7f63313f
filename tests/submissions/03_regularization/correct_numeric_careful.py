"""Numerically careful correct answers in other styles: ridge by a Cholesky factor of
the centred normal equations, soft thresholding by multiplicative shrinkage
z·max(0, 1 - t/|z|), the lasso by coordinate descent on centred data with the
duality gap as its stopping rule (as scikit-learn does), a zero-variance guard and
means by math.fsum."""

import math

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean = np.array([math.fsum(col) / len(col) for col in X.T])
    y_mean = math.fsum(y) / len(y)
    Xc, yc = X - x_mean, y - y_mean  # centre first: no cancellation at large offsets
    L = np.linalg.cholesky(Xc.T @ Xc + alpha * np.eye(X.shape[1]))
    coef = np.linalg.solve(L.T, np.linalg.solve(L, Xc.T @ yc))
    return coef, y_mean - x_mean @ coef


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    size = np.abs(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        shrink = np.where(size > t, 1.0 - t / size, 0.0)
    out = z * shrink + 0.0
    return float(out) if out.ndim == 0 else out


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean = np.array([math.fsum(col) / n for col in X.T])
    y_mean = math.fsum(y) / n
    Xc, yc = X - x_mean, y - y_mean
    sq = np.einsum("ij,ij->j", Xc, Xc) / n
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        for j in range(p):
            if sq[j] == 0.0:  # a constant column: its coefficient stays 0
                continue
            rho = Xc[:, j] @ r / n + sq[j] * w[j]
            new = math.copysign(max(abs(rho) - alpha, 0.0), rho) / sq[j]
            if new != w[j]:
                r -= Xc[:, j] * (new - w[j])
                w[j] = new
        # duality gap of (1/2n)||r||² + alpha||w||₁ against tol·||yc||²/n, as sklearn
        grad = np.max(np.abs(Xc.T @ r)) / n
        scale = min(1.0, alpha / grad) if grad > 0 else 1.0
        primal = r @ r / (2 * n) + alpha * np.abs(w).sum()
        dual = scale * (r @ yc) / n - scale**2 * (r @ r) / (2 * n)
        if primal - dual <= tol * (yc @ yc) / n:
            break
    return w, y_mean - x_mean @ w
