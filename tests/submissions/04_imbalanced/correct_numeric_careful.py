"""Numerically careful answers in pure Python: exact row copies, classes in order of
first appearance, random.Random, SMOTE as (1 - u) x + u x_nn from exact differences,
weights and F-beta as fractions."""

import math
import random
from fractions import Fraction

import numpy as np


def random_undersample(X, y, random_state=None):
    rnd = random.Random(random_state)
    y = list(y.tolist() if hasattr(y, "tolist") else y)
    rows = {}
    for i, label in enumerate(y):
        rows.setdefault(label, []).append(i)  # first appearance: the same everywhere
    n_min = min(len(r) for r in rows.values())
    keep = [i for r in rows.values() for i in rnd.sample(r, n_min)]
    rnd.shuffle(keep)
    X = np.asarray(X)
    return X[keep], np.asarray(y)[keep]


def random_oversample(X, y, random_state=None):
    rnd = random.Random(random_state)
    y = list(y.tolist() if hasattr(y, "tolist") else y)
    rows = {}
    for i, label in enumerate(y):
        rows.setdefault(label, []).append(i)
    n_max = max(len(r) for r in rows.values())
    keep = list(range(len(y)))
    for r in rows.values():
        keep += [rnd.choice(r) for _ in range(n_max - len(r))]
    return [list(X[i]) for i in keep], [y[i] for i in keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rnd = random.Random(random_state)
    X = [[float(v) for v in row] for row in X_minority]
    n = len(X)
    nn = []
    for i in range(n):
        d = sorted(
            (math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(X[i], X[j]))), j)
            for j in range(n)
            if j != i
        )
        nn.append([j for _, j in d[:k_neighbors]])
    out = []
    for _ in range(n_samples):
        i = rnd.randrange(n)
        j = rnd.choice(nn[i])
        u = rnd.random()
        out.append([(1 - u) * a + u * b for a, b in zip(X[i], X[j])])
    return np.array(out, dtype=float).reshape(n_samples, len(X[0]))


def balanced_class_weights(y):
    counts = {}
    for label in y.tolist() if hasattr(y, "tolist") else y:
        counts[label] = counts.get(label, 0) + 1
    n, k = sum(counts.values()), len(counts)
    return {c: float(Fraction(n, k * m)) for c, m in counts.items()}


def best_threshold(y_true, scores, beta=1.0):
    pairs = sorted(
        zip((float(s) for s in scores), (int(v) for v in y_true)), reverse=True
    )
    positives = sum(v for _, v in pairs)
    b2 = Fraction(beta) ** 2
    best_t, best_f = None, None
    tp = fp = i = 0
    while i < len(pairs):
        t = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == t:  # a tie group is one threshold
            tp += pairs[i][1]
            fp += 1 - pairs[i][1]
            i += 1
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * (positives - tp) + fp) if tp else 0
        if best_f is None or f > best_f:
            best_t, best_f = t, f
    return best_t
