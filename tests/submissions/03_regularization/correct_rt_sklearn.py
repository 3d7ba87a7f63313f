"""Thin wrappers around scikit-learn (Lasso is coordinate descent), with the passed
tol/max_iter; soft threshold with np.sign * np.maximum."""

import numpy as np
from sklearn.linear_model import Lasso, Ridge


def ridge_fit(X, y, alpha):
    m = Ridge(alpha=alpha).fit(np.asarray(X, dtype=float), np.asarray(y, dtype=float))
    return m.coef_, m.intercept_


def soft_threshold(z, t):
    z = np.asarray(z, dtype=float)  # int8's abs(-128) wraps; float32 rounds
    return np.sign(z) * np.maximum(np.abs(z) - t, 0)


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    m = Lasso(alpha=alpha, max_iter=max_iter, tol=tol)
    m.fit(np.asarray(X, dtype=float), np.asarray(y, dtype=float))
    return m.coef_, m.intercept_
