"""Wrapping scikit-learn where the contract says "equals sklearn". roc_auc_score returns
nan on one class in recent versions, so the ValueError the contract asks for is raised
explicitly."""

import numpy as np
from sklearn import metrics


def confusion_matrix(y_true, y_pred):
    return metrics.confusion_matrix(y_true, y_pred, labels=[0, 1])


def precision(y_true, y_pred):
    return metrics.precision_score(y_true, y_pred, zero_division=0)


def recall(y_true, y_pred):
    return metrics.recall_score(y_true, y_pred, zero_division=0)


def f_beta(y_true, y_pred, beta=1.0):
    return metrics.fbeta_score(y_true, y_pred, beta=beta, zero_division=0)


def roc_curve(y_true, scores):
    return metrics.roc_curve(y_true, scores, drop_intermediate=False)


def roc_auc(y_true, scores):
    if len(set(np.asarray(y_true).tolist())) < 2:
        raise ValueError("roc_auc is undefined with one class")
    return metrics.roc_auc_score(y_true, scores)


def mae(y_true, y_pred):
    return metrics.mean_absolute_error(y_true, y_pred)


def rmse(y_true, y_pred):
    return np.sqrt(metrics.mean_squared_error(y_true, y_pred))


def r2(y_true, y_pred):
    return metrics.r2_score(y_true, y_pred)
