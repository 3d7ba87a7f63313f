"""Test = the k latest rows (nlargest); train = df minus test as the pandas anti-join
pd.concat([df, test]).drop_duplicates(keep=False).

Wrong where df holds two identical rows: df = pd.DataFrame({"time": [1, 1, 2],
"amount": [9.99, 9.99, 5.0]}), test_fraction = 0.3: k = 1, train = both rows at time 1
(2 rows); drop_duplicates(keep=False) drops both, so train comes back empty.
"""

import math

import pandas as pd


def time_based_split(df, time_col, test_fraction):
    # WRONG on df = pd.DataFrame({"time": [1, 1, 2], "amount": [9.99, 9.99, 5.0]})
    # (two identical transactions: same time, same amount, no id column),
    # test_fraction = 0.3: k = 1, right train = both rows at time 1, test = the row at
    # time 2. drop_duplicates(keep=False) also removes the two identical train rows
    # (they duplicate each other) -> train is empty, 1 of 3 rows returned.
    k = math.ceil(test_fraction * len(df))
    test = df.nlargest(k, time_col, keep="first")
    train = pd.concat([df, test]).drop_duplicates(keep=False)
    return train, test
