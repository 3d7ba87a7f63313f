"""Correct answers with pandas (cut with right=False) and scipy.stats.kstest."""

import numpy as np
import pandas as pd
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    e_s = pd.Series(np.asarray(expected, dtype="float64").ravel())
    a_s = pd.Series(np.asarray(actual, dtype="float64").ravel())
    inner = e_s.quantile([i / n_bins for i in range(1, n_bins)]).to_numpy()
    bins = np.r_[-np.inf, inner, np.inf]
    e_cut = pd.cut(e_s, bins, right=False, duplicates="drop")
    a_cut = pd.cut(a_s, bins, right=False, duplicates="drop")
    e = e_cut.value_counts(sort=False, normalize=True).to_numpy()
    a = a_cut.value_counts(sort=False).to_numpy() / len(a_s)
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(((a - e) * np.log(a / e)).sum())


def ks_drift(reference, current, alpha=0.05):
    # kstest with a second sample instead of a cdf is the two-sample test
    result = stats.kstest(np.asarray(reference, float), np.asarray(current, float))
    return (float(result.statistic), float(result.pvalue), bool(result.pvalue < alpha))
