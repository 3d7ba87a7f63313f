"""Correct answers written with plain loops: ridge from an augmented least-squares
system, soft thresholding element by element, the lasso on centred columns (one
at a time, in loops) with a full residual recomputation per update."""

import numpy as np


def ridge_fit(X, y, alpha):
    # min ||y - Xw - b||^2 + alpha ||w||^2  ==  least squares on [X 1; sqrt(alpha) I 0]
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    n, p = X.shape
    A = np.zeros((n + p, p + 1))
    A[:n, :p] = X
    A[:n, p] = 1.0
    for j in range(p):
        A[n + j, j] = np.sqrt(alpha)
    rhs = np.concatenate([y, np.zeros(p)])
    sol = np.linalg.lstsq(A, rhs, rcond=None)[0]
    return sol[:p], sol[p]


def soft_threshold(z, t):
    arr = np.asarray(z, dtype=float)
    flat = arr.reshape(-1).copy()
    for i in range(flat.size):
        v = flat[i]
        if v > t:
            flat[i] = v - t
        elif v < -t:
            flat[i] = v + t
        else:
            flat[i] = 0.0
    out = flat.reshape(arr.shape)
    return float(out) if out.ndim == 0 else out


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    n, p = X.shape
    x_mean = [float(np.mean(X[:, j])) for j in range(p)]
    y_mean = float(np.mean(y))
    for j in range(p):  # centre first: the intercept then drops out of the loop
        X[:, j] = X[:, j] - x_mean[j]
    y = y - y_mean
    w = [0.0] * p
    col_sq = [float(np.dot(X[:, j], X[:, j])) / n for j in range(p)]
    for _ in range(max_iter):
        biggest = 0.0
        for j in range(p):
            if col_sq[j] == 0.0:
                continue
            r = y - X @ np.array(w)
            rho = float(np.dot(X[:, j], r)) / n + col_sq[j] * w[j]
            if rho > alpha:
                new = (rho - alpha) / col_sq[j]
            elif rho < -alpha:
                new = (rho + alpha) / col_sq[j]
            else:
                new = 0.0
            biggest = max(biggest, abs(new - w[j]))
            w[j] = new
        if biggest < tol:
            break
    return w, y_mean - sum(m * c for m, c in zip(x_mean, w))
