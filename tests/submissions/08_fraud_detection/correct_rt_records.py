"""Plain-Python and library styles: records and a generator of the two parts, an exact
Fraction cost (of the costs read as float64: Fraction refuses np.float32), and
scikit-learn's roc_curve for the threshold counts."""

import math
from fractions import Fraction

import numpy as np
import pandas as pd
from sklearn.metrics import roc_curve


def time_based_split(df, time_col, test_fraction):
    # CORRECT: sort the rows as records by time (Python's stable sort), rebuild the two
    # frames with df's columns, and yield them (a generator of the two parts).
    n = len(df)
    k = math.ceil(test_fraction * n)
    records = df.to_dict("records")
    records.sort(key=lambda r: r[time_col])
    yield pd.DataFrame(records[: n - k], columns=df.columns)
    yield pd.DataFrame(records[n - k :], columns=df.columns)


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # CORRECT: exact rational total, rounded once to float.
    fp = sum(
        1 for a, b in zip(list(y_true), list(y_pred)) if int(a) == 0 and int(b) == 1
    )
    fn = sum(
        1 for a, b in zip(list(y_true), list(y_pred)) if int(a) == 1 and int(b) == 0
    )
    return float(fp * Fraction(float(cost_fp)) + fn * Fraction(float(cost_fn)))


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT: roc_curve(drop_intermediate=False) gives a point per distinct score
    # (thresholds[0] = inf is dropped); counts recovered exactly with rint.
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    fpr, tpr, thresholds = roc_curve(y, s, pos_label=1, drop_intermediate=False)
    fpr, tpr, thresholds = fpr[1:], tpr[1:], thresholds[1:]
    fp = np.rint(np.nan_to_num(fpr) * n_neg)
    fn = n_pos - np.rint(np.nan_to_num(tpr) * n_pos)
    cost = [
        Fraction(int(a)) * Fraction(float(cost_fp))
        + Fraction(int(b)) * Fraction(float(cost_fn))
        for a, b in zip(fp, fn)
    ]
    return float(thresholds[cost.index(min(cost))])  # decreasing: first min = largest t
