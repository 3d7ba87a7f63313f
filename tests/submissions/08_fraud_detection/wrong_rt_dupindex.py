"""nlargest + drop by index label (as correct_vectorised.py did before its fix):
duplicate labels in df drop more rows than the test set holds."""

import math


def time_based_split(df, time_col, test_fraction):
    # WRONG on df = pd.DataFrame({"time": [1, 2]}, index=[0, 0]) (duplicate labels, e.g.
    # after pd.concat), test_fraction = 0.5: right train = the row at time 1, test = the
    # row at time 2; drop(index=[0]) removes both rows -> train is empty.
    k = math.ceil(test_fraction * len(df))
    test = df.nlargest(k, time_col, keep="first")
    train = df.drop(index=test.index)
    return train, test
