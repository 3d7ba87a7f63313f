"""Sort the time column, then select rows by their index labels with .loc."""

import math


def time_based_split(df, time_col, test_fraction):
    # WRONG on df = pd.DataFrame({"time": [1, 2]}, index=["a", "a"]), test_fraction = 0.5:
    # right: one row each side; .loc[["a"]] returns both rows for each part -> train and
    # test both hold 2 rows (4 in all).
    k = math.ceil(test_fraction * len(df))
    labels = df[time_col].sort_values(kind="mergesort").index
    cut = len(df) - k
    return df.loc[labels[:cut]], df.loc[labels[cut:]]
