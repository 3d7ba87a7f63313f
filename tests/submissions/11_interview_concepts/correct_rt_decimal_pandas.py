"""Correct (red team): a DataFrame of exact Decimals; returns a pandas Series of two
Decimals indexed precision / recall."""

from decimal import Decimal

import pandas as pd


def confusion_rates(cm):
    df = pd.DataFrame(cm).astype(float).map(Decimal)
    tp, fp, fn = df.iloc[1, 1], df.iloc[0, 1], df.iloc[1, 0]
    p = tp / (tp + fp) if tp + fp else Decimal(0)
    r = tp / (tp + fn) if tp + fn else Decimal(0)
    return pd.Series([p, r], index=["precision", "recall"])
