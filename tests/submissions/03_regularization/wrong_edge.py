"""Right on the worked examples or on typical inputs, wrong elsewhere: sqrt(alpha)
forgotten in the augmented system, a loop that fails for scalars and 2-D input, and a
lasso that assumes standardised features."""

import numpy as np


def ridge_fit(X, y, alpha):
    # augmented least squares with alpha * I instead of sqrt(alpha) * I: penalty alpha**2
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    A = np.vstack([X - xm, alpha * np.eye(p)])
    coef = np.linalg.lstsq(A, np.concatenate([y - ym, np.zeros(p)]), rcond=None)[0]
    return coef, ym - xm @ coef


def soft_threshold(z, t):
    # loops over the elements: a scalar has none, a 2-D array has rows
    out = []
    for v in np.asarray(z, dtype=float):
        out.append(np.sign(v) * max(abs(v) - t, 0.0))
    return np.array(out)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # never divides by z_j = x_j.x_j / n: right only for unit-variance features
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    w = np.zeros(p)
    r = yc.copy()
    for _ in range(max_iter):
        change = 0.0
        for j in range(p):
            rho = Xc[:, j] @ r / n + w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0)
            r -= Xc[:, j] * (new - w[j])
            change = max(change, abs(new - w[j]))
            w[j] = new
        if not np.isfinite(change) or change < tol:
            break
    return w, ym - xm @ w
