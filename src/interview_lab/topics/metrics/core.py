"""01_metrics: reference implementations, written from the definitions.

Small, obviously correct versions of every metric the learner writes. The checks use
them to recognise mistakes; the figures use them so that they work before the learner
has written anything. No checker and no plotting here.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "auc_pairs",
    "confusion_counts",
    "confusion_matrix_reference",
    "f_beta_reference",
    "mae_reference",
    "precision_reference",
    "r2_reference",
    "ratio",
    "recall_reference",
    "rmse_reference",
    "roc_curve_reference",
]


def confusion_counts(y_true, y_pred) -> tuple[int, int, int, int]:
    """``(tn, fp, fn, tp)`` of 0/1 labels, as Python ints.

    >>> confusion_counts([0, 1, 1, 0, 1], [0, 1, 0, 1, 1])
    (1, 1, 1, 2)
    """
    t = np.asarray(y_true).astype(int).ravel()
    p = np.asarray(y_pred).astype(int).ravel()
    tp = int(np.sum((t == 1) & (p == 1)))
    fp = int(np.sum((t == 0) & (p == 1)))
    fn = int(np.sum((t == 1) & (p == 0)))
    tn = int(np.sum((t == 0) & (p == 0)))
    return tn, fp, fn, tp


def ratio(a: float, b: float) -> float:
    """``a / b``, or 0.0 when ``b`` is 0 (scikit-learn's ``zero_division=0``)."""
    return a / b if b else 0.0


def confusion_matrix_reference(y_true, y_pred) -> np.ndarray:
    """``[[TN, FP], [FN, TP]]`` as a 2x2 int array."""
    return np.array(confusion_counts(y_true, y_pred)).reshape(2, 2)


def precision_reference(y_true, y_pred) -> float:
    """TP / (TP + FP), 0.0 when nothing is predicted positive."""
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    return ratio(tp, tp + fp)


def recall_reference(y_true, y_pred) -> float:
    """TP / (TP + FN), 0.0 when there are no positives."""
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    return ratio(tp, tp + fn)


def f_beta_reference(y_true, y_pred, beta=1.0) -> float:
    """(1 + b²)·P·R / (b²·P + R), 0.0 when P = R = 0."""
    P, R = precision_reference(y_true, y_pred), recall_reference(y_true, y_pred)
    return ratio((1 + beta**2) * P * R, beta**2 * P + R)


def roc_curve_reference(y_true, scores):
    """``(fpr, tpr, thresholds)`` with a point per distinct score (as the contract)."""
    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    thresholds = np.concatenate([[np.inf], np.unique(s)[::-1]])
    pos, neg = max(y.sum(), 1), max((1 - y).sum(), 1)
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / pos
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / neg
    return fpr, tpr, thresholds


def auc_pairs(y_true, scores, tie=0.5) -> float:
    """Mean over (positive, negative) pairs of 1 (positive higher), ``tie``, or 0."""
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    return float(np.mean((diff > 0) + tie * (diff == 0)))


def mae_reference(y_true, y_pred) -> float:
    """mean(|y_true - y_pred|)."""
    return float(np.mean(np.abs(np.asarray(y_true, float) - np.asarray(y_pred, float))))


def rmse_reference(y_true, y_pred) -> float:
    """sqrt(mean((y_true - y_pred)²))."""
    err = np.asarray(y_true, float) - np.asarray(y_pred, float)
    return float(np.sqrt(np.mean(err**2)))


def r2_reference(y_true, y_pred) -> float:
    """1 - SS_res / SS_tot; for a constant target 1.0 if perfect, else 0.0."""
    t, p = np.asarray(y_true, float), np.asarray(y_pred, float)
    ss_tot = np.sum((t - t.mean()) ** 2)
    ss_res = np.sum((t - p) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
