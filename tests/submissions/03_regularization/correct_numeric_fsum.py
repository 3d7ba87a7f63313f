"""Correct answers in pure Python with exact sums: ridge by Gaussian elimination on the
centred normal equations built with math.fsum, soft thresholding with Fractions
(exact, then rounded once), the lasso by coordinate descent whose dot products are
math.fsum, stopping on the largest change of a coefficient."""

import math
from fractions import Fraction

import numpy as np


def ridge_fit(X, y, alpha):
    rows = [[float(v) for v in row] for row in np.asarray(X, dtype=float)]
    y = [float(v) for v in np.asarray(y, dtype=float)]
    n, p = len(rows), len(rows[0])
    x_mean = [math.fsum(r[j] for r in rows) / n for j in range(p)]
    y_mean = math.fsum(y) / n
    xc = [[r[j] - x_mean[j] for j in range(p)] for r in rows]
    yc = [v - y_mean for v in y]
    A = [
        [
            math.fsum(r[i] * r[j] for r in xc) + (alpha if i == j else 0.0)
            for j in range(p)
        ]
        for i in range(p)
    ]
    b = [math.fsum(r[i] * v for r, v in zip(xc, yc)) for i in range(p)]
    for k in range(p):  # Gaussian elimination with partial pivoting
        piv = max(range(k, p), key=lambda i: abs(A[i][k]))
        A[k], A[piv], b[k], b[piv] = A[piv], A[k], b[piv], b[k]
        for i in range(k + 1, p):
            f = A[i][k] / A[k][k]
            A[i] = [a - f * c for a, c in zip(A[i], A[k])]
            b[i] -= f * b[k]
    coef = [0.0] * p
    for k in reversed(range(p)):
        rest = math.fsum(A[k][j] * coef[j] for j in range(k + 1, p))
        coef[k] = (b[k] - rest) / A[k][k]
    intercept = y_mean - math.fsum(m * c for m, c in zip(x_mean, coef))
    return coef, intercept


def soft_threshold(z, t):
    def one(v):
        d = abs(Fraction(v)) - Fraction(t)
        return math.copysign(float(d), v) if d > 0 else 0.0

    arr = np.asarray(z, dtype=float)
    out = np.array([one(float(v)) for v in arr.reshape(-1)]).reshape(arr.shape)
    return float(out) if out.ndim == 0 else out


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    x_mean = np.array([math.fsum(c) / n for c in X.T])
    y_mean = math.fsum(y) / n
    cols = [list(c) for c in (X - x_mean).T]
    sq = [math.fsum(v * v for v in c) / n for c in cols]
    r = list(y - y_mean)
    w = [0.0] * p
    for _ in range(max_iter):
        change = 0.0
        for j in range(p):
            if sq[j] == 0.0:
                continue
            rho = math.fsum(a * b for a, b in zip(cols[j], r)) / n + sq[j] * w[j]
            new = math.copysign(max(abs(rho) - alpha, 0.0), rho) / sq[j]
            d = new - w[j]
            if d:
                r = [ri - a * d for ri, a in zip(r, cols[j])]
                change = max(change, abs(d))
                w[j] = new
        if change < tol:
            break
    return w, y_mean - math.fsum(m * c for m, c in zip(x_mean, w))
