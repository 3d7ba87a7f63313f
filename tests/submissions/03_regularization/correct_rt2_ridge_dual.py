"""Ridge in the dual (kernel) form on centred data, returned as a list with a
1-element array as intercept (second red team, correct)."""

import numpy as np


def ridge_fit(X, y, alpha):
    # Dual (kernel) form on centred data when alpha > 0: w = Xc^T (Xc Xc^T + alpha I)^-1 yc; returns a
    # list [coef, intercept] with a 1-element array as intercept.
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    mx, my = X.mean(axis=0), y.mean()
    Xc, yc = X - mx, y - my
    if alpha > 0:
        coef = Xc.T @ np.linalg.solve(Xc @ Xc.T + alpha * np.eye(len(y)), yc)
    else:  # alpha = 0: the dual matrix is singular; least squares (min-norm)
        coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    return [coef, np.array([my - mx @ coef])]
