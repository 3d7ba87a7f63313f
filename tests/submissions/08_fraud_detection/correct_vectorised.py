"""Correct answers, vectorised: nlargest and drop for the split (on a reset index, so
that duplicate labels in df cannot drop extra rows), the confusion matrix from
scikit-learn for the cost (counts as Python ints: an int64 would wrap past 2**63),
cumulative counts over tied groups for the threshold (groups end where s[1:] !=
s[:-1]; costs read as float64)."""

import math

import numpy as np
from sklearn.metrics import confusion_matrix


def time_based_split(df, time_col, test_fraction):
    k = math.ceil(test_fraction * len(df))
    frame = df.reset_index(drop=True)  # labels 0..n-1: drop removes exactly k rows
    test = frame.nlargest(k, time_col, keep="first")
    train = frame.drop(index=test.index)
    return train.reset_index(drop=True), test.reset_index(drop=True)


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    return int(fp) * float(cost_fp) + int(fn) * float(cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]  # end of each tie group
    tp = np.cumsum(y)[last]
    fp = last + 1 - tp
    fn = y.sum() - tp
    cost = fp * cost_fp + fn * cost_fn
    return s[last][np.argmin(cost)]  # argmin: the first, i.e. the largest t
