"""Plausible wrong answers: the bins come from actual; a one-sided KS test."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # quantiles of the current sample instead of the reference
    e_arr = np.asarray(expected, dtype=float)
    a_arr = np.asarray(actual, dtype=float)
    edges = np.quantile(a_arr, np.arange(1, n_bins) / n_bins)
    e = np.bincount(np.searchsorted(edges, e_arr, "right"), minlength=n_bins)
    a = np.bincount(np.searchsorted(edges, a_arr, "right"), minlength=n_bins)
    e = np.maximum(e / e_arr.size, eps)
    a = np.maximum(a / a_arr.size, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    # one-sided: only sees the current sample moving one way
    res = stats.ks_2samp(reference, current, alternative="greater")
    return res.statistic, res.pvalue, res.pvalue < alpha
