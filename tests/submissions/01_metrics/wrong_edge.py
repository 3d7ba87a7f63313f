"""Answers right on typical inputs, wrong on an edge case the contract names."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    # only the classes present: 1x1 when a class is absent
    t, p = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.r_[t, p])
    return np.array([[np.sum((t == a) & (p == b)) for b in labels] for a in labels])


def precision(y_true, y_pred):
    # nan when nothing is predicted positive
    t, p = np.asarray(y_true), np.asarray(y_pred)
    return np.sum((t == 1) & (p == 1)) / np.float64(np.sum(p == 1))


def recall(y_true, y_pred):
    # works for arrays, not for lists (list == 1 is False)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    pos = np.sum(y_true == 1)
    return tp / pos if pos else 0.0


def f_beta(y_true, y_pred, beta=1.0):
    # ignores beta: always F1
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum(t * p)
    denom = np.sum(t) + np.sum(p)
    return 2 * tp / denom if denom else 0.0


def roc_curve(y_true, scores):
    # one point per sample: tied scores give several points
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    tps = np.r_[0, np.cumsum(y[order])]
    fps = np.r_[0, np.cumsum(1 - y[order])]
    return fps / fps[-1], tps / tps[-1], np.r_[np.inf, s[order]]


def roc_auc(y_true, scores):
    # no ValueError: returns 0.5 when one class is missing
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    d = pos[:, None] - neg[None, :]
    return float(np.mean((d > 0) + 0.5 * (d == 0)))


def mae(y_true, y_pred):
    # median instead of mean
    return float(np.median(np.abs(np.asarray(y_true) - np.asarray(y_pred))))


def rmse(y_true, y_pred):
    # sum instead of mean under the root
    return float(np.sqrt(np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2)))


def r2(y_true, y_pred):
    # constant target: divides by zero
    y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    return float(1 - np.sum((y - p) ** 2) / np.sum((y - y.mean()) ** 2))
