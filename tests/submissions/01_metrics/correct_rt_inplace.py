"""NumPy with in-place operations on its own copies (np.array, then -= and out=),
trapezoid AUC over its own ROC curve, np.matrix, tuples of arrays."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    return np.matrix(
        [[np.sum(~t & ~p), np.sum(~t & p)], [np.sum(t & ~p), np.sum(t & p)]]
    )


def precision(y_true, y_pred):
    t = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.float64(t @ p) / np.float64(p.sum())
    return np.nan_to_num(v)


def recall(y_true, y_pred):
    t = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.float64(t @ p) / np.float64(t.sum())
    return np.nan_to_num(v)


def f_beta(y_true, y_pred, beta=1.0):
    p = precision(y_true, y_pred)
    r = recall(y_true, y_pred)
    num = (1 + beta**2) * p * r
    den = beta**2 * p + r
    return np.float64(0.0) if den == 0 else num / den


def roc_curve(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores)
    order = np.argsort(-s, kind="mergesort")
    y = y[order]
    s = s[order]
    # last index of each run of tied scores
    last = np.r_[np.nonzero(np.diff(s))[0], len(s) - 1]
    tps = np.cumsum(y)[last]
    fps = (last + 1) - tps
    tps = np.r_[0, tps]
    fps = np.r_[0, fps]
    thr = np.r_[np.inf, s[last]]
    with np.errstate(invalid="ignore", divide="ignore"):
        return fps / fps[-1], tps / tps[-1], thr


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    if np.unique(y).size < 2:
        raise ValueError("need both classes")
    fpr, tpr, _ = roc_curve(y, scores)
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))


def mae(y_true, y_pred):
    a = np.array(y_true, dtype=float)  # a copy: the caller's array stays as it was
    b = np.asarray(y_pred, dtype=float)
    a -= b
    np.abs(a, out=a)
    return a.mean()


def rmse(y_true, y_pred):
    a = np.array(y_true, dtype=float)
    b = np.array(y_pred, dtype=float)
    return np.linalg.norm(a - b) / np.sqrt(a.size)


def r2(y_true, y_pred):
    y = np.array(y_true, dtype=float)  # a copy: centred in place below
    p = np.asarray(y_pred, dtype=float)
    ss_res = np.sum((y - p) ** 2)
    y -= y.mean()
    ss_tot = np.dot(y, y)
    if ss_tot == 0:
        return float(ss_res == 0)
    return 1 - ss_res / ss_tot
