"""Correct: loops over the centers and the clusters, random.Random for the draws,
labels compared with the previous round to stop."""

import random

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    rnd = random.Random(random_state)
    rows = [list(map(float, r)) for r in X]
    n = len(rows)
    chosen = [rnd.randrange(n)]
    best = [sum((a - b) ** 2 for a, b in zip(r, rows[chosen[0]])) for r in rows]
    while len(chosen) < k:
        target = rnd.random() * sum(best)
        total = 0.0
        pick = None
        for i, w in enumerate(best):
            total += w
            if w > 0 and total > target:
                pick = i
                break
        if pick is None:  # rounding at the very end: the last row with weight
            pick = max(i for i, w in enumerate(best) if w > 0)
        chosen.append(pick)
        for i, r in enumerate(rows):
            d = sum((a - b) ** 2 for a, b in zip(r, rows[pick]))
            if d < best[i]:
                best[i] = d
    return np.array([rows[i] for i in chosen])


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.array(X, dtype=float)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)
    n = len(X)
    labels = np.full(n, -1)
    for _ in range(max_iter):
        dist = np.empty((n, k))
        for j in range(k):
            dist[:, j] = ((X - centers[j]) ** 2).sum(axis=1)
        new = dist.argmin(axis=1)
        if (new == labels).all():
            break
        labels = new
        for j in range(k):
            if (labels == j).sum() == 0:
                sizes = np.bincount(labels, minlength=k)
                order = np.argsort(-dist[np.arange(n), labels])
                for i in order:
                    if sizes[labels[i]] > 1:
                        labels[i] = j
                        break
        for j in range(k):
            centers[j] = X[labels == j].mean(axis=0)
    inertia = 0.0
    for i in range(n):
        inertia += ((X[i] - centers[labels[i]]) ** 2).sum()
    return centers, labels, inertia
