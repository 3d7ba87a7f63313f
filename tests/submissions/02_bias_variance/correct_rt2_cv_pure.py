import copy
import math


def kfold_indices(n_samples, n_folds):
    if not 2 <= n_folds <= n_samples:
        raise ValueError("bad n_folds")
    q, r = divmod(n_samples, n_folds)
    out, start = [], 0
    for i in range(n_folds):
        stop = start + q + (i < r)
        out.append(
            (
                list(range(start)) + list(range(stop, n_samples)),
                list(range(start, stop)),
            )
        )
        start = stop
    return out


# CORRECT: copy.deepcopy of the (unfitted) model per fold is a fresh, independent
# estimator, as clone; rows picked from Python lists; fsum for each fold's MSE.
def cross_val_mse(model, X, y, n_folds=5):
    X = [list(row) for row in X]
    y = [float(v) for v in y]
    fold_mse = []
    for tr, va in kfold_indices(len(y), n_folds):
        m = copy.deepcopy(model)
        m.fit([X[i] for i in tr], [y[i] for i in tr])
        pred = m.predict([X[i] for i in va])
        fold_mse.append(
            math.fsum((y[i] - float(p)) ** 2 for i, p in zip(va, pred)) / len(va)
        )
    return math.fsum(fold_mse) / len(fold_mse)
