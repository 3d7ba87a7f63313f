"""Correct through the library: scikit-learn's k-means++ with n_local_trials=1 (plain
D² sampling; its default greedy variant is not D² sampling) on centred data (its
|x|² - 2x·c + |c|² distances cannot tell rows 1e-9 apart at an offset of 1), and
KMeans (one run from that start, the same max_iter, tol=0: run until no label
changes; scikit-learn's own tol rule stops early) for Lloyd's algorithm."""

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    _, idx = kmeans_plusplus(
        X - X.mean(axis=0),
        n_clusters=k,
        random_state=random_state,
        n_local_trials=1,
    )
    return X[idx]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    start = kmeans_plus_plus(X, k, random_state)
    model = KMeans(n_clusters=k, init=start, n_init=1, max_iter=max_iter, tol=0)
    model.fit(X)
    return model.cluster_centers_, model.labels_, model.inertia_
