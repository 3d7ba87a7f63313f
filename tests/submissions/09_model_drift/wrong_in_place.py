"""Plausible wrong answers: inputs sorted in place; KS ties walked one value at a time."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # sorts the caller's array (np.asarray makes no copy of a float array)
    e_arr = np.asarray(expected, dtype=float)
    e_arr.sort()
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
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    # merge the sorted samples and step through them one value at a time
    r = sorted(float(x) for x in np.ravel(reference))
    c = sorted(float(x) for x in np.ravel(current))
    i = j = 0
    d = 0.0
    while i < len(r) or j < len(c):
        if j == len(c) or (i < len(r) and r[i] <= c[j]):
            i += 1
        else:
            j += 1
        d = max(d, abs(i / len(r) - j / len(c)))
    p = stats.ks_2samp(r, c).pvalue
    return d, p, p < alpha
