"""alpha halved: ridge with alpha/2 (derivative slip), lasso thresholding at n*alpha/2
(objective with 1/n instead of 1/(2n)); soft threshold written into
np.zeros_like(z), which truncates integer inputs (3 with t = 0.5 gives 2)."""

import numpy as np


def ridge_fit(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    xm, ym = X.mean(0), y.mean()
    Xc = X - xm
    w = np.linalg.solve(Xc.T @ Xc + alpha / 2 * np.eye(X.shape[1]), Xc.T @ (y - ym))
    return w, ym - xm @ w


def soft_threshold(z, t):
    z = np.asarray(z)
    out = np.zeros_like(z)
    pos, neg = z > t, z < -t
    out[pos] = z[pos] - t
    out[neg] = z[neg] + t
    return out if out.ndim else out[()]


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    xm, ym = X.mean(0), y.mean()
    Xc = X - xm
    r = y - ym
    z = (Xc**2).sum(0)
    w = np.zeros(p)
    for _ in range(max_iter):
        dmax = 0.0
        for j in range(p):
            rho = Xc[:, j] @ r + z[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - n * alpha / 2, 0) / z[j]
            r -= Xc[:, j] * (new - w[j])
            dmax = max(dmax, abs(new - w[j]))
            w[j] = new
        if dmax < tol:
            break
    return w, ym - xm @ w
