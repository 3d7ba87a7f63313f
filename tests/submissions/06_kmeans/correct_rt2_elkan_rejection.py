"""CORRECT by the contract, other algorithms: k-means++ by REJECTION sampling (draw a
row uniformly, accept it with probability D²/max D²: the accepted row has exactly
the D² distribution), and Lloyd's algorithm accelerated with Elkan/Hamerly bounds
(the triangle inequality skips distances that cannot change a label; rows whose
bounds do not prove their label get all k distances and an argmin), so the iterates
are those of plain Lloyd. Stops when no label changes; an empty cluster takes the
row farthest from its center among clusters that keep other rows. Returns labels as
a list and inertia as a NumPy scalar."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        top = d2.max()
        while True:  # batches of independent proposals; the first accepted one wins
            cand = rng.integers(n, size=64)
            u = rng.random(64)
            ok = np.flatnonzero(u * top < d2[cand])
            if ok.size:
                new = int(cand[ok[0]])
                break
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    return X[chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    def _dist(A, C):
        return np.sqrt(((A[:, None, :] - C[None, :, :]) ** 2).sum(axis=2))

    def _fill_empty(X, C, labels, k):
        changed = False
        for j in range(k):
            counts = np.bincount(labels, minlength=k)
            if counts[j]:
                continue
            own = ((X - C[labels]) ** 2).sum(axis=1)
            own[counts[labels] < 2] = -1.0
            labels[int(own.argmax())] = j
            changed = True
        return changed

    X = np.asarray(X, dtype=float)
    n = len(X)
    C = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)
    D = _dist(X, C)
    labels = D.argmin(axis=1)
    _fill_empty(X, C, labels, k)
    upper = D[np.arange(n), labels]
    lower = D.copy()
    for _ in range(max_iter - 1):
        new_C = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        shift = np.sqrt(((new_C - C) ** 2).sum(axis=1))
        C = new_C
        upper = upper + shift[labels]
        lower = np.maximum(lower - shift[None, :], 0.0)
        cc = _dist(C, C)
        np.fill_diagonal(cc, np.inf)
        half = 0.5 * cc.min(axis=1)
        rows = np.flatnonzero(upper > half[labels])
        if rows.size:
            own = np.sqrt(((X[rows] - C[labels[rows]]) ** 2).sum(axis=1))
            upper[rows] = own
            lower[rows, labels[rows]] = own
            need = (upper[rows, None] > lower[rows]) & (
                upper[rows, None] > 0.5 * cc[labels[rows]]
            )
            need[np.arange(rows.size), labels[rows]] = False
            rows = rows[need.any(axis=1)]
        changed = False
        if rows.size:
            Dr = _dist(X[rows], C)
            lower[rows] = Dr
            best = Dr.argmin(axis=1)
            upper[rows] = Dr[np.arange(rows.size), best]
            changed = bool(np.any(best != labels[rows]))
            labels[rows] = best
        if _fill_empty(X, C, labels, k):
            changed = True
            D = _dist(X, C)
            lower = D
            upper = D[np.arange(n), labels]
        if not changed:
            break
    inertia = ((X - C[labels]) ** 2).sum()
    return C, labels.tolist(), np.float64(inertia)
