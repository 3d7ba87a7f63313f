"""Correct: random.Random, pure lists, shuffled output, cKDTree SMOTE cycling over the
rows, np.unique weights, best_threshold by sorted cumulative counts."""

import random

import numpy as np
from scipy.spatial import cKDTree


def random_undersample(X, y, random_state=None):
    rnd = random.Random(random_state)
    y = list(y)
    by = {}
    for i, v in enumerate(y):
        by.setdefault(v, []).append(i)
    n_min = min(len(v) for v in by.values())
    keep = []
    for rows in by.values():
        keep += rnd.sample(rows, n_min)
    rnd.shuffle(keep)
    return [X[i] for i in keep], [y[i] for i in keep]


def random_oversample(X, y, random_state=None):
    rnd = random.Random(random_state)
    y = list(y)
    by = {}
    for i, v in enumerate(y):
        by.setdefault(v, []).append(i)
    n_max = max(len(v) for v in by.values())
    keep = list(range(len(y)))
    for rows in by.values():
        keep += rnd.choices(rows, k=n_max - len(rows))
    rnd.shuffle(keep)
    return [X[i] for i in keep], [y[i] for i in keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rnd = random.Random(random_state)
    X = np.asarray(X_minority, dtype=float)
    tree = cKDTree(X)
    _, ind = tree.query(X, k=k_neighbors + 1)
    out = []
    for i in range(n_samples):
        j = i % len(X)
        others = [n for n in ind[j] if n != j][:k_neighbors]
        nb = rnd.choice(others)
        u = rnd.random()
        out.append(X[j] + u * (X[nb] - X[j]))
    return np.array(out).reshape(n_samples, X.shape[1])


def balanced_class_weights(y):
    classes, counts = np.unique(np.asarray(y), return_counts=True)
    n = counts.sum()
    return {c.item(): float(n / (len(classes) * k)) for c, k in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true, dtype=int)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    last = np.r_[s[1:] != s[:-1], True]  # end of each block of equal scores
    tp, fp, thr = tp[last], fp[last], s[last]
    P = y.sum()
    fn = P - tp
    b2 = beta**2
    num = (1 + b2) * tp
    den = num + b2 * fn + fp
    f = np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
    best = np.flatnonzero(np.isclose(f, f.max(), rtol=0, atol=1e-12))
    return float(thr[best].max())
