"""Plausible wrong answers: the mistake each function makes is the common one."""

from sklearn.model_selection import train_test_split


def time_based_split(df, time_col, test_fraction):
    # a shuffled split: the test set is not the future
    return train_test_split(df, test_size=test_fraction, random_state=0)


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # the costs are swapped: a false positive is charged as a miss
    fp = sum(1 for a, b in zip(y_true, y_pred) if a == 0 and b == 1)
    fn = sum(1 for a, b in zip(y_true, y_pred) if a == 1 and b == 0)
    return fp * cost_fn + fn * cost_fp


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # `>` instead of `>=`: the transactions scoring exactly t are not flagged
    import numpy as np

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s > t
        cost = (
            np.sum(flagged & (y == 0)) * cost_fp + np.sum(~flagged & (y == 1)) * cost_fn
        )
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
