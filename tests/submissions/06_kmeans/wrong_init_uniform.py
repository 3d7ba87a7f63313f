"""Wrong: k distinct rows drawn uniformly (random rows), not by D² sampling."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    return X[rng.choice(len(X), size=k, replace=False)]
