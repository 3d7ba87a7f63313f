"""Plausible wrong answers: no eps clip (empty bins give inf or nan); a one-sample KS."""

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
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    # tests current against a normal fitted to the reference
    r = np.asarray(reference, dtype=float)
    res = stats.kstest(current, "norm", args=(r.mean(), r.std()))
    return res.statistic, res.pvalue, res.pvalue < alpha
