"""Correct answers in plain Python: loops, lists of lists, manual index arithmetic."""

from sklearn.base import clone


def bias_variance(predictions, y_true):
    rows = [[float(v) for v in row] for row in predictions]
    targets = [float(v) for v in y_true]
    n_models, n_points = len(rows), len(targets)
    bias_total = 0.0
    variance_total = 0.0
    for j in range(n_points):
        column = [rows[i][j] for i in range(n_models)]
        mean = sum(column) / n_models
        bias_total += (mean - targets[j]) ** 2
        variance_total += sum((v - mean) ** 2 for v in column) / n_models
    return bias_total / n_points, variance_total / n_points


def kfold_indices(n_samples, n_folds):
    if not 2 <= n_folds <= n_samples:
        raise ValueError(f"bad n_folds={n_folds} for n_samples={n_samples}")
    base, extra = divmod(n_samples, n_folds)
    folds = []
    start = 0
    for i in range(n_folds):
        stop = start + base + (1 if i < extra else 0)
        val = list(range(start, stop))
        train = [j for j in range(n_samples) if j < start or j >= stop]
        folds.append((train, val))
        start = stop
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    X = [list(row) for row in X]
    y = [float(v) for v in y]
    total = 0.0
    for train, val in kfold_indices(len(y), n_folds):
        m = clone(model)
        m.fit([X[i] for i in train], [y[i] for i in train])
        pred = m.predict([X[i] for i in val])
        total += sum((y[i] - p) ** 2 for i, p in zip(val, pred)) / len(val)
    return total / n_folds
