"""Correct through the library: scikit-learn's greedy k-means++ for the start, and
KMeans (one run from that start, the same max_iter and tol) for Lloyd's algorithm."""

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus


def kmeans_plus_plus(X, k, random_state=None):
    centers, _ = kmeans_plusplus(
        np.asarray(X, dtype=float), n_clusters=k, random_state=random_state
    )
    return centers


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    start = kmeans_plus_plus(X, k, random_state)
    model = KMeans(n_clusters=k, init=start, n_init=1, max_iter=max_iter, tol=tol)
    model.fit(X)
    return model.cluster_centers_, model.labels_, model.inertia_
