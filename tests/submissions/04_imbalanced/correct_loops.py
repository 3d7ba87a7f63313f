"""Correct answers in plain loops: collections.Counter, Python lists, a distance matrix
for SMOTE, np.random.RandomState, and a best_threshold that tries every score."""

from collections import Counter

import numpy as np


def random_undersample(X, y, random_state=None):
    rng = np.random.RandomState(random_state)
    counts = Counter(list(y))
    n_min = min(counts.values())
    keep = []
    for label in counts:
        rows = [i for i, v in enumerate(y) if v == label]
        keep.extend(rng.choice(rows, size=n_min, replace=False).tolist())
    X_res = [list(X[i]) for i in keep]
    y_res = [y[i] for i in keep]
    return X_res, y_res


def random_oversample(X, y, random_state=None):
    rng = np.random.RandomState(random_state)
    counts = Counter(list(y))
    n_max = max(counts.values())
    keep = list(range(len(y)))
    for label, count in counts.items():
        rows = [i for i, v in enumerate(y) if v == label]
        for _ in range(n_max - count):
            keep.append(rows[rng.randint(len(rows))])
    return [list(X[i]) for i in keep], [y[i] for i in keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rng = np.random.RandomState(random_state)
    X = [list(map(float, row)) for row in X_minority]
    n = len(X)
    neighbours = []
    for i in range(n):
        dists = []
        for j in range(n):
            if j != i:
                d = sum((a - b) ** 2 for a, b in zip(X[i], X[j])) ** 0.5
                dists.append((d, j))
        dists.sort()
        neighbours.append([j for _, j in dists[:k_neighbors]])
    out = []
    for _ in range(n_samples):
        i = rng.randint(n)
        j = neighbours[i][rng.randint(k_neighbors)]
        u = rng.uniform(0, 1)
        out.append([a + u * (b - a) for a, b in zip(X[i], X[j])])
    return np.array(out).reshape(n_samples, len(X[0]))


def balanced_class_weights(y):
    counts = Counter(list(y))
    n = len(y)
    return {label: n / (len(counts) * count) for label, count in counts.items()}


def best_threshold(y_true, scores, beta=1.0):
    best_t, best_f = None, -1.0
    for t in sorted(set(scores)):
        tp = fp = fn = 0
        for label, s in zip(y_true, scores):
            if s >= t and label == 1:
                tp += 1
            elif s >= t:
                fp += 1
            elif label == 1:
                fn += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
        if f >= best_f:
            best_t, best_f = t, f
    return best_t
