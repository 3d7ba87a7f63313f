"""Reads the time column as float64 (as the course reads every numeric input)."""

import math

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # WRONG on df = pd.DataFrame({"time": np.array(["2024-05-01T00:00:00.000000100",
    # "2024-05-01T00:00:00"], dtype="datetime64[ns]")}), test_fraction = 0.5:
    # right test = row 0 (the later time, 100 ns later); as float64 ns since the epoch
    # (1.7e18, spacing 256) both times are equal, the stable sort keeps df's order and
    # the test set is row 1, the earlier time.
    n = len(df)
    k = math.ceil(test_fraction * n)
    times = np.asarray(df[time_col], dtype=float)
    order = np.argsort(times, kind="stable")
    return df.iloc[order[: n - k]], df.iloc[order[n - k :]]
