"""Red team, round 2: cv_int (one wrong function; see the comment)."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


# WRONG for a classifier on int8 labels (the hint's y = np.asarray(y)): predictions are
# int8 too and (y - pred) ** 2 wraps. E.g. DecisionTreeClassifier(random_state=0),
# X = [[0], [1], [2], [3], [4], [5]], y = np.array([0, 0, 100, 100, 0, 0], np.int8),
# n_folds=3: right 10000.0 (cross_val_score with KFold(3)); this returns 16.0.
def cross_val_mse(model, X, y, n_folds=5):
    X = np.asarray(X)
    y = np.asarray(y)
    fold_mse = []
    for train_idx, val_idx in KFold(n_folds).split(X):  # the folds of kfold_indices
        m = clone(model)
        m.fit(X[train_idx], y[train_idx])
        fold_mse.append(np.mean((y[val_idx] - m.predict(X[val_idx])) ** 2))
    return float(np.mean(fold_mse))
