"""pandas: a crosstab DataFrame as the confusion matrix (categorical labels, so it
only knows the ints 0 and 1), value_counts, groupby for the ROC curve, lists out;
rank-sum and Mann-Whitney AUC with scipy."""

import numpy as np
import pandas as pd
from scipy.stats import mannwhitneyu, rankdata


def confusion_matrix(y_true, y_pred):
    ct = pd.crosstab(
        pd.Categorical(np.asarray(y_true), categories=[0, 1]),
        pd.Categorical(np.asarray(y_pred), categories=[0, 1]),
        dropna=False,
    )
    return ct.reindex(index=[0, 1], columns=[0, 1], fill_value=0)  # a DataFrame


def precision(y_true, y_pred):
    s = pd.Series(list(zip(np.asarray(y_true).tolist(), np.asarray(y_pred).tolist())))
    c = s.value_counts()
    tp, fp = c.get((1, 1), 0), c.get((0, 1), 0)
    return tp / (tp + fp) if (tp + fp) > 0 else 0.0


def recall(y_true, y_pred):
    s = pd.Series(list(zip(np.asarray(y_true).tolist(), np.asarray(y_pred).tolist())))
    c = s.value_counts()
    tp, fn = c.get((1, 1), 0), c.get((1, 0), 0)
    return tp / (tp + fn) if (tp + fn) > 0 else 0.0


def f_beta(y_true, y_pred, beta=1.0):
    s = pd.Series(list(zip(np.asarray(y_true).tolist(), np.asarray(y_pred).tolist())))
    c = s.value_counts()
    tp, fp, fn = c.get((1, 1), 0), c.get((0, 1), 0), c.get((1, 0), 0)
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / den if den > 0 else 0.0


def roc_curve(y_true, scores):
    df = pd.DataFrame({"y": np.asarray(y_true), "s": np.asarray(scores)})
    g = df.groupby("s")["y"].agg(["sum", "count"]).sort_index(ascending=False)
    tp = np.concatenate([[0], g["sum"].cumsum().to_numpy()])
    fp = np.concatenate([[0], (g["count"] - g["sum"]).cumsum().to_numpy()])
    thr = np.concatenate([[np.inf], g.index.to_numpy(dtype=float)])
    return list(fp / fp[-1]), list(tp / tp[-1]), list(thr)


def roc_auc(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    n1 = int((y == 1).sum())
    n0 = len(y) - n1
    if n1 == 0 or n0 == 0:
        raise ValueError("Only one class present in y_true")
    if len(y) % 2:
        r = rankdata(s)
        return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
    u = mannwhitneyu(s[y == 1], s[y == 0]).statistic
    return u / (n1 * n0)


def mae(y_true, y_pred):
    return (
        (pd.Series(y_true, dtype=float) - pd.Series(y_pred, dtype=float).values)
        .abs()
        .mean()
    )


def rmse(y_true, y_pred):
    d = pd.Series(y_true, dtype=float) - pd.Series(y_pred, dtype=float).values
    return (d**2).mean() ** 0.5


def r2(y_true, y_pred):
    y = pd.Series(y_true, dtype=float)
    p = pd.Series(y_pred, dtype=float).values
    ss_tot = ((y - y.mean()) ** 2).sum()
    ss_res = ((y - p) ** 2).sum()
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1.0 - ss_res / ss_tot
