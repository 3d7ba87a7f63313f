"""Correct answers whose costs default to the notebook's COST_FP and COST_FN, which a
cell of the lesson binds (tagged lesson-only: grading must run it after all, since
these defaults read it; the checks always pass the costs). Otherwise the plain loops
of correct_loops.py."""

import math


def time_based_split(df, time_col, test_fraction):
    n = len(df)
    k = math.ceil(test_fraction * n)
    pairs = sorted(zip(df[time_col].tolist(), range(n)), key=lambda p: p[0])
    positions = [p[1] for p in pairs]
    return df.iloc[positions[: n - k]], df.iloc[positions[n - k :]]


def expected_cost(y_true, y_pred, cost_fp=COST_FP, cost_fn=COST_FN):  # noqa: F821
    cost_fp, cost_fn = float(cost_fp), float(cost_fn)  # np.int8 costs would wrap
    total = 0.0
    for truth, flagged in zip(list(y_true), list(y_pred)):
        if truth == 0 and flagged == 1:
            total += cost_fp
        elif truth == 1 and flagged == 0:
            total += cost_fn
    return total


def cost_optimal_threshold(y_true, scores, cost_fp=COST_FP, cost_fn=COST_FN):  # noqa: F821
    y = [int(v) for v in y_true]
    s = [float(v) for v in scores]
    cost_fp, cost_fn = float(cost_fp), float(cost_fn)
    best_t, best_cost = None, None
    for t in sorted(set(s)):  # low to high: `<=` lets a later (larger) t win ties
        fp = sum(1 for a, b in zip(y, s) if a == 0 and b >= t)
        fn = sum(1 for a, b in zip(y, s) if a == 1 and b < t)
        cost = fp * cost_fp + fn * cost_fn
        if best_cost is None or cost <= best_cost:
            best_t, best_cost = t, cost
    return best_t
