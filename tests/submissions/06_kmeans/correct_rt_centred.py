"""Correct: the |x|² - 2x·c + |c|² shortcut, on data centred first (as scikit-learn
does), scipy's cdist for the assignment, centers shifted back at the end."""

import numpy as np
from scipy.spatial.distance import cdist


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    Z = X - X.mean(axis=0)
    rng = np.random.RandomState(random_state)
    sq = (Z**2).sum(axis=1)
    picks = [rng.randint(len(Z))]
    d2 = np.maximum(sq - 2 * Z @ Z[picks[0]] + sq[picks[0]], 0)
    d2[np.all(X == X[picks[0]], axis=1)] = 0  # the first center and its copies
    for _ in range(k - 1):
        p = d2 / d2.sum()
        pick = rng.choice(len(Z), p=p)
        picks.append(pick)
        new = np.maximum(sq - 2 * Z @ Z[pick] + sq[pick], 0)
        new[np.all(X == X[pick], axis=1)] = 0  # copies of the new center
        d2 = np.minimum(d2, new)
    return X[picks]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Z = X - mean
    C = np.asarray(kmeans_plus_plus(X, k, random_state), dtype=float) - mean
    labels = None
    for _ in range(max_iter):
        D = cdist(Z, C, "sqeuclidean")
        new = D.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        sizes = np.bincount(labels, minlength=k)
        for j in np.flatnonzero(sizes == 0):
            own = D[np.arange(len(Z)), labels]
            own[sizes[labels] < 2] = -1
            i = own.argmax()
            sizes[labels[i]] -= 1
            sizes[j] += 1
            labels[i] = j
        C = np.vstack([Z[labels == j].mean(axis=0) for j in range(k)])
    inertia = float(np.sum((Z - C[labels]) ** 2))
    return C + mean, labels, inertia
