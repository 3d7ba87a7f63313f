"""Intercept mistakes: penalised, missing, and a soft threshold that forgets negatives."""

import numpy as np


def ridge_fit(X, y, alpha):
    # a column of ones inside the penalty: the intercept is shrunk too
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.column_stack([X, np.ones(len(y))])
    sol = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return sol[:-1], sol[-1]


def soft_threshold(z, t):
    # shrinks only positive values: negatives all become 0
    return np.maximum(np.asarray(z, dtype=float) - t, 0.0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # no centring and no intercept: the fit goes through the origin
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    z = (X**2).sum(axis=0) / n
    w = np.zeros(p)
    r = y.copy()
    for _ in range(max_iter):
        change = 0.0
        for j in range(p):
            rho = X[:, j] @ r / n + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            r -= X[:, j] * (new - w[j])
            change = max(change, abs(new - w[j]))
            w[j] = new
        if change < tol:
            break
    return w, 0.0
