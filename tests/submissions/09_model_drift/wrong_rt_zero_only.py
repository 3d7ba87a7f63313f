"""PSI where eps replaces only empty bins (np.where(p == 0, eps, p)), not clipping.

Wrong when a proportion lies in (0, eps). E.g. expected=range(10),
actual=[0] + [9] * 19999, n_bins=2, eps=1e-3: a = [5e-5, ~1] must be clipped to
1e-3; right 3.4476033759, this returns 4.9512236038.
"""

import numpy as np


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    x = np.asarray(expected, dtype=float).ravel()
    y = np.asarray(actual, dtype=float).ravel()
    edges = np.quantile(x, np.arange(1, n_bins) / n_bins)
    e = np.bincount(np.searchsorted(edges, x, "right"), minlength=n_bins) / x.size
    a = np.bincount(np.searchsorted(edges, y, "right"), minlength=n_bins) / y.size
    e = np.where(e == 0, eps, e)
    a = np.where(a == 0, eps, a)
    return float(np.sum((a - e) * np.log(a / e)))
