"""ceil with a guard against float noise (the notebook warns 0.07 * 100 = 7.000000000000001)."""

import math


def time_based_split(df, time_col, test_fraction):
    # WRONG on any df of 1 row with test_fraction = 1e-10 (or n = 3, test_fraction = 1e-10):
    # ceil(1e-10 * 1) = 1 -> the row is the test set; here ceil(1e-10 - 1e-9) = 0 ->
    # the test set is empty and the row is in train.
    n = len(df)
    k = math.ceil(test_fraction * n - 1e-9)
    ordered = df.sort_values(time_col, kind="mergesort")
    return ordered.iloc[: n - k], ordered.iloc[n - k :]
