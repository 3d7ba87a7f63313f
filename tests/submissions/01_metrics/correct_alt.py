"""Correct answers by other algorithms: bincount, sorting with cumulative sums,
the rank-sum (Mann-Whitney) formula, pandas, and NumPy scalars returned as they come."""

import numpy as np
import pandas as pd
from scipy.stats import rankdata


def confusion_matrix(y_true, y_pred):
    t = np.asarray(y_true, dtype=int)
    p = np.asarray(y_pred, dtype=int)
    return np.bincount(2 * t + p, minlength=4).reshape(2, 2)


def precision(y_true, y_pred):
    df = pd.DataFrame({"t": np.asarray(y_true), "p": np.asarray(y_pred)})
    flagged = df[df.p == 1]
    return flagged.t.mean() if len(flagged) else 0


def recall(y_true, y_pred):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    return np.divide(np.sum(t * p), np.sum(t), out=np.zeros(()), where=np.sum(t) > 0)


def f_beta(y_true, y_pred, beta=1.0):
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    tp = np.sum(t * p)
    fp = np.sum((1 - t) * p)
    fn = np.sum(t * (1 - p))
    b2 = beta**2
    denom = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denom if denom else 0.0


def roc_curve(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    s, y = s[order], y[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tps = np.cumsum(y)[last_of_tie]
    fps = (last_of_tie + 1) - tps
    tpr = np.r_[0, tps] / y.sum()
    fpr = np.r_[0, fps] / (len(y) - y.sum())
    return fpr, tpr, np.r_[np.inf, s[last_of_tie]]


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class present")
    ranks = rankdata(scores)
    return (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def mae(y_true, y_pred):
    return np.abs(np.subtract(y_true, y_pred, dtype=float)).mean()


def rmse(y_true, y_pred):
    diff = np.subtract(y_true, y_pred, dtype=float)
    return np.linalg.norm(diff) / np.sqrt(diff.size)


def r2(y_true, y_pred):
    y = np.asarray(y_true, dtype=float)
    ss_res = np.square(y - np.asarray(y_pred)).sum()
    ss_tot = np.square(y - y.mean()).sum()
    if np.isclose(ss_tot, 0.0, atol=0):
        return float(ss_res == 0)
    return 1.0 - ss_res / ss_tot
