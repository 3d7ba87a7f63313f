"""Plausible wrong answers: right-closed bins (pd.cut's default); ECDFs at reference points only."""

import numpy as np
import pandas as pd
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # pd.cut defaults to right=True: a value on an edge goes to the bin below
    e_s = pd.Series(np.asarray(expected, dtype=float))
    a_s = pd.Series(np.asarray(actual, dtype=float))
    inner = e_s.quantile(np.arange(1, n_bins) / n_bins).to_numpy()
    bins = np.unique(np.r_[-np.inf, inner, np.inf])
    e = pd.cut(e_s, bins).value_counts(sort=False).to_numpy() / len(e_s)
    a = pd.cut(a_s, bins).value_counts(sort=False).to_numpy() / len(a_s)
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    # the gap is only looked at on the reference's values
    r = np.sort(np.asarray(reference, dtype=float))
    c = np.sort(np.asarray(current, dtype=float))
    f = np.searchsorted(r, r, side="right") / r.size
    g = np.searchsorted(c, r, side="right") / c.size
    p = stats.ks_2samp(r, c).pvalue
    return float(np.max(np.abs(f - g))), p, p < alpha
