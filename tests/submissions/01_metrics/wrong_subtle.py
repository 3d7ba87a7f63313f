"""Subtle mistakes that survive the worked examples."""

import numpy as np


def confusion_matrix(y_true, y_pred):
    # classes reversed: [[TP, FN], [FP, TN]]
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((t == 1) & (p == 1))
    fp = np.sum((t == 0) & (p == 1))
    fn = np.sum((t == 1) & (p == 0))
    tn = np.sum((t == 0) & (p == 0))
    return np.array([[tp, fn], [fp, tn]])


def precision(y_true, y_pred):
    # accuracy, not precision
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


def recall(y_true, y_pred):
    # specificity, not recall
    t, p = np.asarray(y_true), np.asarray(y_pred)
    neg = np.sum(t == 0)
    return np.sum((t == 0) & (p == 0)) / neg if neg else 0.0


def f_beta(y_true, y_pred, beta=1.0):
    # beta² on the recall instead of the precision
    t, p = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum(t * p)
    P = tp / np.sum(p) if np.sum(p) else 0.0
    R = tp / np.sum(t) if np.sum(t) else 0.0
    b2 = beta**2
    return (1 + b2) * P * R / (b2 * R + P) if (P or R) else 0.0


def roc_curve(y_true, scores):
    # strict inequality: predicts positive when score > threshold
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    thresholds = np.r_[np.inf, np.unique(s)[::-1]]
    tpr = np.array([np.sum((s > t) & (y == 1)) for t in thresholds]) / y.sum()
    fpr = np.array([np.sum((s > t) & (y == 0)) for t in thresholds]) / (1 - y).sum()
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    # trapezoid over a curve that ignores ties (one point per sample)
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    if y.min() == y.max():
        raise ValueError("one class")
    order = np.argsort(-s, kind="mergesort")
    tpr = np.r_[0, np.cumsum(y[order])] / y.sum()
    fpr = np.r_[0, np.cumsum(1 - y[order])] / (1 - y).sum()
    return float(np.trapezoid(tpr, fpr))


def mae(y_true, y_pred):
    # absolute value of the mean error, not the mean absolute error
    return float(abs(np.mean(np.asarray(y_true) - np.asarray(y_pred))))


def rmse(y_true, y_pred):
    # root of the mean absolute error
    return float(np.sqrt(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred)))))


def r2(y_true, y_pred):
    # SS_tot around the mean of the predictions
    y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    ss_tot = np.sum((p - p.mean()) ** 2)
    return float(1 - np.sum((y - p) ** 2) / ss_tot) if ss_tot else 0.0
