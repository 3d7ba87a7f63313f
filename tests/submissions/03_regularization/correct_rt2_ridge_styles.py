"""Ridge by scipy.linalg.lstsq on the augmented uncentred system, yielding its two
parts from a generator (second red team, correct)."""

import numpy as np
import scipy.linalg


def ridge_fit(X, y, alpha):
    # Stable least squares on the augmented, uncentred system
    #   [X 1; sqrt(alpha) I 0] [w; b] = [y; 0]   (intercept column not penalised),
    # solved by scipy.linalg.lstsq (SVD); yields the two parts (a generator).
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, p = X.shape
    A = np.vstack(
        [
            np.column_stack([X, np.ones(n)]),
            np.column_stack([np.sqrt(alpha) * np.eye(p), np.zeros(p)]),
        ]
    )
    rhs = np.concatenate([y, np.zeros(p)])
    sol = scipy.linalg.lstsq(A, rhs)[0]
    yield sol[:p].tolist()
    yield np.float64(sol[p])
