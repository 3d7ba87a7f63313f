"""Lasso by scikit-learn's own coordinate descent with this function's max_iter and
tol (second red team, correct)."""

import numpy as np
from sklearn.linear_model import Lasso


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # scikit-learn's own coordinate descent, with this function's max_iter and tol.
    m = Lasso(alpha=alpha, max_iter=max_iter, tol=tol).fit(
        np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    )
    return m.coef_, m.intercept_
