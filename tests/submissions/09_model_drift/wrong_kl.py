"""Plausible wrong answers: the KL divergence for PSI; the KS test the other way round."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    e_arr = np.asarray(expected, dtype=float)
    a_arr = np.asarray(actual, dtype=float)
    edges = np.quantile(e_arr, np.arange(1, n_bins) / n_bins)
    e = (
        np.bincount(np.searchsorted(edges, e_arr, "right"), minlength=n_bins)
        / e_arr.size
    )
    a = (
        np.bincount(np.searchsorted(edges, a_arr, "right"), minlength=n_bins)
        / a_arr.size
    )
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(np.sum(a * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    res = stats.ks_2samp(reference, current, alternative="less")
    return res.statistic, res.pvalue, res.pvalue < alpha
