"""Both monitors subsample their inputs to 100,000 rows (seeded) "for speed".

Wrong on more than 100,000 values: every row counts. E.g. expected = reference =
default_rng(1).normal(size=200_000), actual = current = the same generator's next
normal(0.05, 1, 200_000): the right PSI is 0.0023925264, this returns 0.0022281048;
the right KS statistic is 0.02074, this returns 0.02003. The hidden cases send
150,000 rows whose drift sits in the last 50,000.
"""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    max_rows = 100_000
    rng = np.random.default_rng(0)
    x = np.asarray(expected, dtype=float).ravel()
    y = np.asarray(actual, dtype=float).ravel()
    if x.size > max_rows:
        x = rng.choice(x, max_rows, replace=False)
    if y.size > max_rows:
        y = rng.choice(y, max_rows, replace=False)
    edges = np.quantile(x, np.arange(1, n_bins) / n_bins)
    e = np.bincount(np.searchsorted(edges, x, "right"), minlength=n_bins) / x.size
    a = np.bincount(np.searchsorted(edges, y, "right"), minlength=n_bins) / y.size
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    max_rows = 100_000
    rng = np.random.default_rng(0)
    r = np.asarray(reference, dtype=float).ravel()
    c = np.asarray(current, dtype=float).ravel()
    if r.size > max_rows:
        r = rng.choice(r, max_rows, replace=False)
    if c.size > max_rows:
        c = rng.choice(c, max_rows, replace=False)
    res = stats.ks_2samp(r, c)
    return float(res.statistic), float(res.pvalue), bool(res.pvalue < alpha)
