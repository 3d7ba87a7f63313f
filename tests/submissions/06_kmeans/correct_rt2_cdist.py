# Correct by the contract: scipy.spatial.distance.cdist('sqeuclidean'),
# np.random.RandomState(seed), D^2 sampling by cumsum + searchsorted; Lloyd stopping on
# no label change; an empty cluster is re-seeded with the point farthest from the
# emptied center's old position, among clusters that keep other points.
import numpy as np
from scipy.spatial.distance import cdist


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    rng = np.random.RandomState(random_state)
    chosen = [rng.randint(n)]
    d2 = cdist(X, X[chosen[0]][None, :], "sqeuclidean")[:, 0]
    for _ in range(k - 1):
        cum = np.cumsum(d2)
        u = rng.random_sample() * cum[-1]
        new = int(np.searchsorted(cum, u, side="right"))
        new = min(new, int(np.flatnonzero(d2 > 0)[-1]))
        chosen.append(new)
        d2 = np.minimum(d2, cdist(X, X[new][None, :], "sqeuclidean")[:, 0])
    return X[chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)
    labels = None
    for _ in range(max_iter):
        D = cdist(X, centers, "sqeuclidean")
        new = D.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        counts = np.bincount(labels, minlength=k)
        for j in np.flatnonzero(counts == 0):
            ok = counts[labels] > 1
            far = np.where(ok, D[:, j], -np.inf)
            i = int(far.argmax())
            counts[labels[i]] -= 1
            labels[i] = j
            counts[j] = 1
        centers = np.vstack([X[labels == j].mean(axis=0) for j in range(k)])
    else:
        labels = cdist(X, centers, "sqeuclidean").argmin(axis=1)
    inertia = cdist(X, centers, "sqeuclidean")[np.arange(len(X)), labels].sum()
    return centers, labels, inertia
