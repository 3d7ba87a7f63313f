"""CORRECT by the contract, library calls used legitimately: D² from
scipy.spatial.distance.cdist('sqeuclidean') (differences, so copies are exactly 0)
and the draw by the standard library's random.choices(weights=D²) with
random.Random(seed); Lloyd with scipy.cluster.vq.vq for the assignment (nearest
center, first on a tie) and pandas groupby().mean() for the update, stopping when no
label changes; an emptied cluster takes the row farthest from its center among
clusters that keep other rows. Returns a namedtuple (centers, labels, inertia)."""

import random
from collections import namedtuple

import numpy as np
import pandas as pd
from scipy.cluster.vq import vq
from scipy.spatial.distance import cdist


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rnd = random.Random(random_state)
    chosen = [rnd.randrange(n)]
    d2 = cdist(X, X[chosen], "sqeuclidean")[:, 0]
    for _ in range(k - 1):
        new = rnd.choices(range(n), weights=d2.tolist())[0]
        chosen.append(new)
        d2 = np.minimum(d2, cdist(X, X[[new]], "sqeuclidean")[:, 0])
    return X[chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    KMeansResult = namedtuple("KMeansResult", "centers labels inertia")
    X = np.asarray(X, dtype=float)
    frame = pd.DataFrame(X)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)
    labels = None
    for _ in range(max_iter):
        new, _ = vq(X, centers, check_finite=False)
        new = new.astype(np.int64)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        counts = np.bincount(labels, minlength=k)
        for j in np.flatnonzero(counts == 0):
            own = ((X - centers[labels]) ** 2).sum(axis=1)
            own[counts[labels] < 2] = -1.0
            i = int(own.argmax())
            counts[labels[i]] -= 1
            labels[i] = j
            counts[j] = 1
        centers = frame.groupby(labels).mean().reindex(range(k)).to_numpy()
    inertia = float(((X - centers[labels]) ** 2).sum())
    return KMeansResult(centers, labels, inertia)
