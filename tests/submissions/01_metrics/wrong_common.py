"""Plausible wrong answers: the mistake each function makes is the common one."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    # transposed: rows are predictions
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((t == 1) & (p == 1))
    fp = np.sum((t == 0) & (p == 1))
    fn = np.sum((t == 1) & (p == 0))
    tn = np.sum((t == 0) & (p == 0))
    return np.array([[tn, fn], [fp, tp]])


def precision(y_true, y_pred):
    # swapped with recall
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((t == 1) & (p == 1))
    return tp / np.sum(t == 1) if np.sum(t == 1) else 0.0


def recall(y_true, y_pred):
    # divides by zero: nan when there are no positives
    t, p = np.asarray(y_true), np.asarray(y_pred)
    return np.sum((t == 1) & (p == 1)) / np.sum(t == 1)


def f_beta(y_true, y_pred, beta=1.0):
    # beta not squared
    p, r = precision(y_true, y_pred), recall(y_true, y_pred)
    return (1 + beta) * p * r / (beta * p + r) if (p or r) else 0.0


def roc_curve(y_true, scores):
    # no starting point at threshold inf
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    thresholds = np.unique(s)[::-1]
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / y.sum()
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / (1 - y).sum()
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    # ties count as wrongly ordered
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("one class")
    return float(np.mean(pos[:, None] > neg[None, :]))


def mae(y_true, y_pred):
    # forgot the absolute value
    return float(np.mean(np.asarray(y_true) - np.asarray(y_pred)))


def rmse(y_true, y_pred):
    # forgot the square root
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def r2(y_true, y_pred):
    # squared correlation instead of R²
    return float(np.corrcoef(y_true, y_pred)[0, 1] ** 2)
