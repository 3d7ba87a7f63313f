# CORRECT: pure Python; each fold a (list, range) pair, the folds in a tuple.
def kfold_indices(n_samples, n_folds):
    if not 2 <= n_folds <= n_samples:
        raise ValueError(f"n_folds must be in [2, {n_samples}], got {n_folds}")
    q, r = divmod(n_samples, n_folds)
    folds, start = [], 0
    for i in range(n_folds):
        stop = start + q + (1 if i < r else 0)
        folds.append(
            (list(range(start)) + list(range(stop, n_samples)), range(start, stop))
        )
        start = stop
    return tuple(folds)
