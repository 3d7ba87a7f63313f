"""Correct: pandas groupby().sample with a RandomState, X as list of lists kept as lists,
full distance matrix + argsort SMOTE with rng.uniform, Counter weights with Python keys,
brute-force best_threshold returning a Python float."""

from collections import Counter

import numpy as np
import pandas as pd


def random_undersample(X, y, random_state=None):
    rng = np.random.RandomState(random_state)
    df = pd.DataFrame(np.asarray(X).reshape(len(y), -1))
    df["__label__"] = list(y)
    n_min = df["__label__"].value_counts().min()
    res = df.groupby("__label__", group_keys=False).sample(n=n_min, random_state=rng)
    y_res = res.pop("__label__").tolist()
    return res.to_numpy().tolist(), y_res


def random_oversample(X, y, random_state=None):
    rng = np.random.RandomState(random_state)
    df = pd.DataFrame(np.asarray(X).reshape(len(y), -1))
    df["__label__"] = list(y)
    counts = df["__label__"].value_counts()
    n_max = counts.max()
    extras = [
        df[df["__label__"] == c].sample(n=n_max - k, replace=True, random_state=rng)
        for c, k in counts.items()
    ]
    res = pd.concat([df] + extras).sample(frac=1.0, random_state=rng)
    y_res = res.pop("__label__").to_numpy()
    return res.to_numpy(), y_res


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rng = np.random.RandomState(random_state)
    X = np.asarray(X_minority, dtype=float)
    d = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    nbrs = np.argsort(d, axis=1, kind="stable")[:, :k_neighbors]
    base = rng.randint(0, len(X), size=n_samples)
    pick = nbrs[base, rng.randint(0, k_neighbors, size=n_samples)]
    u = rng.uniform(0, 1, size=(n_samples, 1))
    return X[base] + u * (X[pick] - X[base])


def balanced_class_weights(y):
    counts = Counter(y.tolist() if hasattr(y, "tolist") else list(y))
    n = sum(counts.values())
    return {c: n / (len(counts) * k) for c, k in counts.items()}


def best_threshold(y_true, scores, beta=1.0):
    y_true = [int(v) for v in y_true]
    scores = [float(s) for s in scores]
    best_t, best_f = None, -1.0
    for t in sorted(set(scores)):
        tp = sum(1 for yt, s in zip(y_true, scores) if s >= t and yt == 1)
        fp = sum(1 for yt, s in zip(y_true, scores) if s >= t and yt == 0)
        fn = sum(1 for yt, s in zip(y_true, scores) if s < t and yt == 1)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        b2 = beta * beta
        f = (1 + b2) * p * r / (b2 * p + r) if (p + r) > 0 else 0.0
        if f >= best_f:
            best_t, best_f = t, f
    return best_t
