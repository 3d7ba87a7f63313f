"""Correct: lower-case letters, numbers as text or NumPy scalars, vectorised NumPy."""

import numpy as np

q_supervised = "b"
q_unsupervised = "c"
q_reinforcement = "a"
q_bias_variance = "d"
q_l1_l2 = "b"
q_imbalance = "c"
q_metric_classification = "a"
q_metric_regression = "d"
q_cm_precision = np.float64(0.8)
q_cm_recall = "3/4"


def confusion_rates(cm):
    cm = np.asarray(cm, dtype=np.float64)
    tp = cm[1, 1]
    predicted, actual = cm[:, 1].sum(), cm[1, :].sum()
    precision = np.divide(tp, predicted, out=np.zeros(()), where=predicted > 0)
    recall = np.divide(tp, actual, out=np.zeros(()), where=actual > 0)
    return np.array([precision, recall])
