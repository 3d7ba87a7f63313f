"""Correct answers in pandas: rank the times for the split (original index and order
kept), Series arithmetic for the cost (on positions, as lists; counts as Python ints,
since an int64 would wrap past 2**63), a groupby over the scores for the threshold,
with costs relative to a missed fraud (costs read as float64 first)."""

import numpy as np
import pandas as pd


def time_based_split(df, time_col, test_fraction):
    n_train = len(df) - int(np.ceil(len(df) * test_fraction))
    rank = df[time_col].rank(method="first").to_numpy()
    return df[rank <= n_train], df[rank > n_train]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    frame = pd.DataFrame({"y": list(y_true), "p": list(y_pred)})
    fp = int(((frame["y"] == 0) & (frame["p"] == 1)).sum())
    fn = int(((frame["y"] == 1) & (frame["p"] == 0)).sum())
    return fp * float(cost_fp) + fn * float(cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    frame = pd.DataFrame(
        {"y": np.asarray(y_true), "s": np.asarray(scores, dtype=float)}
    )
    groups = frame.groupby("s")["y"].agg(["sum", "count"]).sort_index(ascending=False)
    tp = groups["sum"].cumsum()
    fp = groups["count"].cumsum() - tp
    fn = frame["y"].sum() - tp
    cost = (float(cost_fp) / float(cost_fn)) * fp + fn
    return float(cost.idxmin())  # the first minimum, from the top
