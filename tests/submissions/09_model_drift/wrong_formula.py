"""Plausible wrong answers: eps added instead of clipped; the KS gap without abs."""

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
    e, a = e + eps, a + eps
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    r = np.sort(np.asarray(reference, dtype=float))
    c = np.sort(np.asarray(current, dtype=float))
    x = np.concatenate([r, c])
    gap = (
        np.searchsorted(r, x, side="right") / r.size
        - np.searchsorted(c, x, side="right") / c.size
    )
    p = stats.ks_2samp(r, c).pvalue
    return float(max(gap.max(), 0.0)), p, p < alpha
