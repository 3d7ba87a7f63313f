"""Subtle slips that pass the worked examples."""

import numpy as np
from scipy.stats import rankdata


def confusion_matrix(y_true, y_pred):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    m = np.zeros((2, 2), dtype=np.uint8)  # small counts "fit in a byte": not past 255
    np.add.at(m, (t, p), 1)
    return m


def precision(y_true, y_pred):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    tp = np.sum(t * p)
    return round(tp / p.sum(), 6) if p.sum() else 0.0


def recall(y_true, y_pred):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.sum() == 0:
        return 0.0 if p.sum() else 1.0
    return np.sum(t * p) / t.sum()


def f_beta(y_true, y_pred, beta=1.0):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    tp = np.sum(t * p)
    fp = np.sum((1 - t) * p)
    fn = np.sum(t * (1 - p))
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fp + fn
    return (1 + b2) * tp / den if den else 0.0


def roc_curve(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    first = np.r_[0, np.nonzero(np.diff(s))[0] + 1]  # FIRST of each tie run
    tps = np.r_[0, np.cumsum(y)[first]]
    fps = np.r_[0, np.cumsum(1 - y)[first]]
    return fps / (1 - y).sum(), tps / y.sum(), np.r_[np.inf, s[first]]


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    n1 = int(y.sum())
    n0 = len(y) - n1
    if n1 == 0 or n0 == 0:
        raise ValueError("one class")
    r = rankdata(scores, method="ordinal")
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def mae(y_true, y_pred):
    return np.mean(
        np.abs(np.asarray(y_true, float)) - np.abs(np.asarray(y_pred, float))
    )


def rmse(y_true, y_pred):
    d = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.sqrt(np.sum(d**2) / max(len(d) - 1, 1))


def r2(y_true, y_pred):
    y = np.asarray(y_true, float)
    p = np.asarray(y_pred, float)
    ss_tot = np.sum((y - y.mean()) ** 2)
    ss_res = np.sum((y - p) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return max(0.0, 1 - ss_res / ss_tot)
