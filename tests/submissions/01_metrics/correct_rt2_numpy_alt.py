import statistics

import numpy as np
from scipy.stats import rankdata


def confusion_matrix(y_true, y_pred):
    # CORRECT: bincount of 2*t + p, returned as a tuple of tuples of NumPy ints.
    t = np.asarray(y_true, dtype=np.int64).ravel()
    p = np.asarray(y_pred, dtype=np.int64).ravel()
    c = np.bincount(2 * t + p, minlength=4)
    return ((c[0], c[1]), (c[2], c[3]))


def precision(y_true, y_pred):
    # CORRECT: returns a 0-d NumPy array (np.divide with where), 0.0 when nothing flagged.
    t = np.asarray(y_true).ravel() == 1
    p = np.asarray(y_pred).ravel() == 1
    tp, flagged = np.count_nonzero(t & p), np.count_nonzero(p)
    return np.divide(tp, flagged, out=np.zeros(()), where=flagged > 0)


def recall(y_true, y_pred):
    # CORRECT: mean of the predictions over the true positives; NumPy scalar.
    t = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    found = p[t == 1]
    return np.float64(found.mean()) if found.size else np.float64(0)


def f_beta(y_true, y_pred, beta=1.0):
    # CORRECT: weighted harmonic mean of P (weight 1) and R (weight beta²);
    # statistics.harmonic_mean returns 0 when either is 0.
    P, R = float(precision(y_true, y_pred)), float(recall(y_true, y_pred))
    if P == 0 or R == 0:
        return 0.0
    return statistics.harmonic_mean([P, R], weights=[1, beta**2])


def roc_curve(y_true, scores):
    # CORRECT: vectorised cumulative counts over descending scores; YIELDS the parts.
    y = np.asarray(y_true).ravel().astype(np.int64)
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tps = np.r_[0, np.cumsum(y)[last]]
    fps = np.r_[0, (last + 1) - np.cumsum(y)[last]]
    yield fps / fps[-1]
    yield tps / tps[-1]
    yield np.r_[np.inf, s[last]]


def roc_auc(y_true, scores):
    # CORRECT: Mann-Whitney U from average ranks (scipy.stats.rankdata).
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos, n_neg = int(np.sum(y == 1)), int(np.sum(y == 0))
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes")
    ranks = rankdata(s)
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


def mae(y_true, y_pred):
    # CORRECT: np.average of |error|, returned as a 1-element list.
    e = np.abs(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
    return [np.average(e)]


def rmse(y_true, y_pred):
    # CORRECT: Euclidean norm of the errors over sqrt(n).
    e = (
        np.asarray(y_true, dtype=float).ravel()
        - np.asarray(y_pred, dtype=float).ravel()
    )
    return np.linalg.norm(e) / np.sqrt(e.size)


def r2(y_true, y_pred):
    # CORRECT: 1 - MSE / Var(y) (population variance), constant target handled.
    t = np.asarray(y_true, dtype=float).ravel()
    p = np.asarray(y_pred, dtype=float).ravel()
    mse = np.mean((t - p) ** 2)
    var = np.var(t)
    if var == 0:
        return np.float64(1.0 if mse == 0 else 0.0)
    return 1 - mse / var
