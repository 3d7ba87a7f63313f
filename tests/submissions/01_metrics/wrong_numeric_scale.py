"""Algebraically right, numerically wrong, or right only on the inputs the old cases sent."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    # int16 counters: overflow past 32767 samples in one cell
    t, p = np.asarray(y_true), np.asarray(y_pred)
    out = np.zeros((2, 2), dtype=np.int16)
    np.add.at(out, (t, p), 1)
    return out


def roc_curve(y_true, scores):
    # rounds scores to 8 decimals "to merge ties" that are not ties
    y = np.asarray(y_true).ravel()
    s = np.round(np.asarray(scores, dtype=float).ravel(), 8)
    thresholds = np.r_[np.inf, np.unique(s)[::-1]]
    P, N = max(y.sum(), 1), max((1 - y).sum(), 1)
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / P
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / N
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    # float32 scores: near-ties collapse into ties
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=np.float32).ravel()
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("only one class")
    d = pos[:, None] - neg[None, :]
    return float(np.mean((d > 0) + 0.5 * (d == 0)))


def mae(y_true, y_pred):
    # float32 accumulation
    d = np.abs(np.asarray(y_true, float) - np.asarray(y_pred, float))
    return float(np.mean(d.astype(np.float32)))


def rmse(y_true, y_pred):
    # expands the square: mean(y²) - 2 mean(y p) + mean(p²) cancels at large offsets
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    return float(np.sqrt(abs(np.mean(t * t) - 2 * np.mean(t * p) + np.mean(p * p))))


def r2(y_true, y_pred):
    # SS_tot as sum(y²) - n·mean(y)²: cancels when values are large with a small spread
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    ss_tot = np.sum(t * t) - len(t) * t.mean() ** 2
    ss_res = np.sum((t - p) ** 2)
    if ss_tot <= 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
