# Correct by the contract: pure Python (no NumPy), stdlib random.Random(seed),
# D^2 sampling by cumulative sums + bisect; Lloyd stopping when no label changes;
# an empty cluster gets the point with the largest error (squared distance to its own
# center) taken from a cluster with >= 2 points. Returns Python lists / float.
import bisect
import random


def kmeans_plus_plus(X, k, random_state=None):
    def _rows(X):
        return [[float(v) for v in row] for row in X]

    def _sq(a, b):
        s = 0.0
        for u, v in zip(a, b):
            t = u - v
            s += t * t
        return s

    X = _rows(X)
    n = len(X)
    rng = random.Random(random_state)
    chosen = [rng.randrange(n)]
    d2 = [_sq(x, X[chosen[0]]) for x in X]
    for _ in range(k - 1):
        cum = []
        s = 0.0
        for v in d2:
            s += v
            cum.append(s)
        u = rng.random() * cum[-1]
        new = bisect.bisect_right(cum, u)
        if new >= n:  # u rounded up to the total
            new = max(i for i in range(n) if d2[i] > 0)
        chosen.append(new)
        c = X[new]
        d2 = [min(d, _sq(x, c)) for d, x in zip(d2, X)]
    return [list(X[i]) for i in chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    def _rows(X):
        return [[float(v) for v in row] for row in X]

    def _sq(a, b):
        s = 0.0
        for u, v in zip(a, b):
            t = u - v
            s += t * t
        return s

    X = _rows(X)
    n, d = len(X), len(X[0])
    centers = [list(c) for c in kmeans_plus_plus(X, k, random_state)]

    def assign(centers):
        labels, errs = [], []
        for x in X:
            best, bj = None, 0
            for j, c in enumerate(centers):
                v = _sq(x, c)
                if best is None or v < best:
                    best, bj = v, j
            labels.append(bj)
            errs.append(best)
        return labels, errs

    labels = None
    for _ in range(max_iter):
        new, errs = assign(centers)
        if new == labels:
            break
        labels = new
        counts = [0] * k
        for l in labels:
            counts[l] += 1
        for j in range(k):
            if counts[j] == 0:
                cand = [i for i in range(n) if counts[labels[i]] > 1]
                i = max(cand, key=lambda i: errs[i])
                counts[labels[i]] -= 1
                labels[i] = j
                errs[i] = 0.0
                counts[j] = 1
        sums = [[0.0] * d for _ in range(k)]
        for x, l in zip(X, labels):
            for t in range(d):
                sums[l][t] += x[t]
        centers = [[s / counts[j] for s in sums[j]] for j in range(k)]
    else:
        labels, _ = assign(centers)
    inertia = sum(_sq(x, centers[l]) for x, l in zip(X, labels))
    return centers, labels, inertia
