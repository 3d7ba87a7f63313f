"""Correct (red team): guards on TP > 0 (when TP = 0 both rates are 0, whatever the
denominator); returns a NumPy array [precision, recall] of float64."""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.array(cm, dtype=np.float64).reshape(-1)
    if tp <= 0:
        return np.zeros(2)
    return np.array([tp / (tp + fp), tp / (tp + fn)])
