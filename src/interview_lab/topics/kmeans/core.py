"""06_kmeans: the data, the reference implementations and the sampling statistics.

Small, obviously correct versions of what the learner writes (k-means++ seeding by D²
sampling and Lloyd's algorithm), a version of both vectorised over many runs (for the
initialisation experiment), the exact selection probabilities of the seeding rules the
checks tell apart, and the data generators of the notebook. The checks use them to
build cases and thresholds; the figures use them so that they work before the learner
has written anything. No checker and no plotting here.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ...validation import check_choice, check_int, check_number, check_seed

__all__ = [
    "SAMPLERS",
    "as_points",
    "batch_inits",
    "batch_lloyd",
    "binomial_cdf",
    "blobs",
    "data_scale",
    "demo_data",
    "grid_blobs",
    "inclusion_probabilities",
    "inertia_of",
    "kmeans_plus_plus_reference",
    "kmeans_reference",
    "limits_data",
    "lloyd",
    "min_count",
    "nearest",
    "silhouette_samples",
    "squared_distances",
]


# --------------------------------------------------------------------------- helpers
def as_points(X, name: str = "X") -> np.ndarray:
    """``X`` as a 2-D float array of finite numbers, or a ValueError naming it.

    >>> as_points([[1, 2], [3, 4]]).dtype
    dtype('float64')
    """
    try:
        arr = np.asarray(X, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a 2-D array of numbers, got {X!r}") from None
    if arr.ndim != 2 or arr.shape[0] < 1 or arr.shape[1] < 1:
        raise ValueError(
            f"{name} must be 2-D (n_samples, n_features) with at least one row and "
            f"one column, got shape {arr.shape}"
        )
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must hold finite numbers only")
    return arr


def _check_k(k, n: int) -> int:
    return check_int("k", k, low=1, high=n)


def squared_distances(X, centers) -> np.ndarray:
    """Squared Euclidean distances ``(n, k)``, computed from the differences.

    Differences first, then squares: exact for duplicates (0, never a tiny negative
    number) and accurate with large offsets, unlike ``|x|² - 2x·c + |c|²``.

    >>> squared_distances([[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0]]).ravel().tolist()
    [0.0, 25.0]
    """
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def nearest(X, centers) -> np.ndarray:
    """Index of each row's nearest center (the first one on an exact tie)."""
    return squared_distances(X, centers).argmin(axis=1)


def inertia_of(X, centers, labels) -> float:
    """Sum of squared distances of the rows to their assigned centers.

    >>> inertia_of([[0.0], [2.0], [10.0]], [[1.0], [10.0]], [0, 0, 1])
    2.0
    """
    X = np.asarray(X, dtype=float)
    C = np.asarray(centers, dtype=float)
    labels = np.asarray(labels, dtype=int)
    return float(((X - C[labels]) ** 2).sum())


def data_scale(X) -> tuple[float, float]:
    """``(extent, offset)`` of a data set: its largest range and largest magnitude.

    The extent (largest max - min over the features) sets the size of distances; the
    offset (largest absolute value) sets the rounding error of arithmetic on the raw
    coordinates. Tolerances of the checks are built from both.
    """
    X = as_points(X)
    extent = float((X.max(axis=0) - X.min(axis=0)).max())
    offset = float(np.abs(X).max())
    return extent, offset


# ----------------------------------------------------------------- k-means++ seeding
def kmeans_plus_plus_reference(X, k, random_state=None) -> np.ndarray:
    """k-means++ seeding: k rows of X chosen by D² sampling.

    The first center is a row drawn uniformly; each next one is drawn with probability
    D(x)² / Σ D², D(x) being the distance from x to the nearest center chosen so far.
    A chosen row, and every copy of it, has D = 0 and is never drawn again.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    k : int
        From 1 to n_samples; X must have at least k distinct rows.
    random_state : int or None

    Returns
    -------
    ndarray of shape (k, n_features)

    >>> sorted(kmeans_plus_plus_reference([[0.0], [0.0], [5.0]], 2, 0).ravel().tolist())
    [0.0, 5.0]
    """
    X = as_points(X)
    n = len(X)
    k = _check_k(k, n)
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n))]
    d2 = squared_distances(X, X[chosen[0]][None]).ravel()
    for _ in range(1, k):
        total = d2.sum()
        if total <= 0:
            raise ValueError(f"X has fewer than k={k} distinct rows")
        i = int(rng.choice(n, p=d2 / total))
        chosen.append(i)
        d2 = np.minimum(d2, squared_distances(X, X[i][None]).ravel())
    return X[chosen].copy()


# --------------------------------------------------------------------------- Lloyd
def _relocate_empty(labels, d2, k) -> np.ndarray:
    """Give every empty cluster the point farthest from its center (in place).

    The point is taken from a cluster that keeps at least one other point, so that
    filling one cluster never empties another.
    """
    for j in range(k):
        counts = np.bincount(labels, minlength=k)
        if counts[j]:
            continue
        dist = d2[np.arange(len(labels)), labels].copy()
        dist[counts[labels] < 2] = -1.0
        labels[int(dist.argmax())] = j
    return labels


def lloyd(X, centers, max_iter=300, tol=1e-6, history=False):
    """Lloyd's algorithm from given starting centers.

    Alternates the assignment step (each row to its nearest center) and the update
    step (each center to the mean of its rows) until an assignment changes no label (a
    fixed point: every row at its nearest center, every center the mean of its rows)
    or after ``max_iter`` assign-update rounds (then the centers are the means of the
    last assignment, whose labels are returned). ``tol`` is not a stopping rule: a
    shift rule can stop before the fixed point (one far row makes the spread huge),
    and at the fixed point every center moves by exactly 0, within any tol. An empty
    cluster is re-seeded with the point farthest from its center.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    centers : array-like of shape (k, n_features)
        The starting centers, k <= n_samples.
    max_iter : int, default=300
    tol : float, default=1e-6
        Accepted (and validated) for scikit-learn's signature; see above.
    history : bool, default=False
        Also return the list of states: ``("init", centers, None)`` then, per
        iteration, ``("assign", centers, labels)`` and ``("update", new_centers,
        labels)``.

    Returns
    -------
    centers : ndarray of shape (k, n_features)
    labels : ndarray of int, shape (n_samples,)
    inertia : float
    steps : list, only when ``history=True``
    """
    X = as_points(X)
    C = as_points(centers, "centers").copy()
    k = len(C)
    if k > len(X) or C.shape[1] != X.shape[1]:
        raise ValueError(
            f"centers must have shape (k <= {len(X)}, {X.shape[1]}), got {C.shape}"
        )
    max_iter = check_int("max_iter", max_iter, low=1)
    check_number("tol", tol, low=0)
    steps = [("init", C.copy(), None)]
    labels = None
    for _ in range(max_iter):
        d2 = squared_distances(X, C)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = _relocate_empty(new, d2, k)
        steps.append(("assign", C.copy(), labels.copy()))
        C = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        steps.append(("update", C.copy(), labels.copy()))
    result = (C, labels, inertia_of(X, C, labels))
    return (*result, steps) if history else result


def kmeans_reference(X, k, max_iter=300, tol=1e-6, random_state=None):
    """k-means: Lloyd's algorithm started from k-means++ seeding.

    Returns
    -------
    centers : ndarray of shape (k, n_features)
    labels : ndarray of int, shape (n_samples,)
    inertia : float

    >>> c, labels, inertia = kmeans_reference([[1.0], [2.0], [10.0], [11.0], [12.0]], 2, random_state=0)
    >>> sorted(c.ravel().tolist()), inertia
    ([1.5, 11.0], 2.5)
    """
    X = as_points(X)
    return lloyd(X, kmeans_plus_plus_reference(X, k, random_state), max_iter, tol)


# ------------------------------------------------- many runs at once (the experiment)
def batch_inits(X, k, n_runs, method="k-means++", seed=0) -> np.ndarray:
    """Starting centers of ``n_runs`` runs at once, shape ``(n_runs, k, n_features)``.

    ``method`` is ``"k-means++"`` (D² sampling, vectorised over the runs) or
    ``"random"`` (k distinct rows drawn uniformly).
    """
    X = as_points(X)
    n = len(X)
    k = _check_k(k, n)
    n_runs = check_int("n_runs", n_runs, low=1)
    check_choice("method", method, ("k-means++", "random"))
    rng = np.random.default_rng(check_seed(seed))
    if method == "random":
        idx = np.argsort(rng.random((n_runs, n)), axis=1)[:, :k]
        return X[idx]
    idx = np.empty((n_runs, k), dtype=int)
    idx[:, 0] = rng.integers(n, size=n_runs)
    d2 = ((X[None, :, :] - X[idx[:, 0]][:, None, :]) ** 2).sum(-1)
    for j in range(1, k):
        cum = np.cumsum(d2, axis=1)
        u = rng.random(n_runs) * cum[:, -1]
        idx[:, j] = np.minimum((cum <= u[:, None]).sum(axis=1), n - 1)
        new = ((X[None, :, :] - X[idx[:, j]][:, None, :]) ** 2).sum(-1)
        d2 = np.minimum(d2, new)
    return X[idx]


def batch_lloyd(X, starts, max_iter=100) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's algorithm for many starts at once, each run to its own convergence.

    An empty cluster keeps its center here (enough for the experiment's statistics).
    Distances use ``|x|² - 2x·c + |c|²`` on centred data, accurate at this scale.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    starts : array-like of shape (n_runs, k, n_features)
    max_iter : int

    Returns
    -------
    centers : ndarray of shape (n_runs, k, n_features)
    inertia : ndarray of shape (n_runs,)
    """
    X = as_points(X)
    mean = X.mean(axis=0)
    Xc = X - mean
    n, d = Xc.shape
    C = np.array(starts, dtype=float) - mean
    k = C.shape[1]
    x2 = (Xc**2).sum(1)
    active = np.arange(len(C))
    for _ in range(check_int("max_iter", max_iter, low=1)):
        if not active.size:
            break
        Ca = C[active]
        m = len(active)
        # x·c of every point and center of every run, as one batched matmul (BLAS; a
        # 20th of einsum's time here)
        d2 = (Ca**2).sum(-1)[:, None, :] - 2 * (Xc @ Ca.transpose(0, 2, 1))
        flat = (np.arange(m)[:, None] * k + d2.argmin(-1)).ravel()
        counts = np.bincount(flat, minlength=m * k).reshape(m, k, 1)
        sums = np.stack(
            [np.bincount(flat, np.tile(Xc[:, j], m), m * k) for j in range(d)], -1
        ).reshape(m, k, d)
        new = np.where(counts > 0, sums / np.maximum(counts, 1), Ca)
        moved = (new != Ca).any(axis=(1, 2))
        C[active] = new
        active = active[moved]
    d2 = x2[None, :, None] + (C**2).sum(-1)[:, None, :]
    d2 -= 2 * (Xc @ C.transpose(0, 2, 1))
    return C + mean, np.maximum(d2.min(-1), 0).sum(-1)


# --------------------------------------------------------------------------- data
def blobs(centers, n_per_blob=50, spread=1.0, offset=0.0, seed=0, as_int=False):
    """Gaussian blobs around given centers: ``(X, y)``.

    Parameters
    ----------
    centers : array-like of shape (n_blobs, n_features)
    n_per_blob : int or sequence of int
    spread : float or sequence of float
        Standard deviation of each blob.
    offset : float, default=0.0
        Added to every coordinate (large offsets with a small spread).
    seed : int
    as_int : bool, default=False
        Round to integers (an integer array).

    >>> X, y = blobs([[0, 0], [10, 10]], n_per_blob=3, seed=0)
    >>> X.shape, y.tolist()
    ((6, 2), [0, 0, 0, 1, 1, 1])
    """
    C = as_points(centers, "centers")
    m = len(C)
    sizes = np.broadcast_to(np.asarray(n_per_blob, dtype=int), (m,))
    spreads = np.broadcast_to(np.asarray(spread, dtype=float), (m,))
    if sizes.min() < 1 or spreads.min() < 0:
        raise ValueError(
            f"n_per_blob must be >= 1 and spread >= 0, got {n_per_blob!r}, {spread!r}"
        )
    rng = np.random.default_rng(check_seed(seed))
    X = np.concatenate(
        [c + s * rng.normal(size=(n, C.shape[1])) for c, n, s in zip(C, sizes, spreads)]
    )
    X = X + check_number("offset", offset)
    y = np.repeat(np.arange(m), sizes)
    if as_int:
        X = np.round(X).astype(int)
    return X, y


@lru_cache(maxsize=4)
def _demo(n_per_blob: int, seed: int):
    centers = [[0.0, 0.0], [5.0, 1.0], [1.0, 5.0], [6.0, 6.5]]
    return blobs(centers, n_per_blob, [0.9, 1.0, 0.8, 1.1], seed=seed)


def demo_data(n_per_blob: int = 75, seed: int = 0):
    """The notebook's running example: four 2-D blobs, ``(X, y)``.

    >>> X, y = demo_data()
    >>> X.shape, np.bincount(y).tolist()
    ((300, 2), [75, 75, 75, 75])
    """
    X, y = _demo(check_int("n_per_blob", n_per_blob, low=1), check_seed(seed))
    return X.copy(), y.copy()


def limits_data(kind: str, seed: int = 0):
    """Data sets on which k-means struggles, ``(X, y_true)``.

    ``kind`` is ``"scaling"`` (two groups that differ in age, in years, next to an
    income in dollars that varies much more), ``"moons"`` (two interleaved half
    circles) or ``"unequal"`` (a large wide group beside a small tight one).
    """
    check_choice("kind", kind, ("scaling", "moons", "unequal"))
    rng = np.random.default_rng(check_seed(seed))
    if kind == "scaling":
        age = np.concatenate([rng.normal(28, 3, 150), rng.normal(55, 4, 150)])
        income = rng.normal(60_000, 15_000, 300)
        return np.column_stack([age, income]), np.repeat([0, 1], 150)
    if kind == "moons":
        from sklearn.datasets import make_moons

        return make_moons(300, noise=0.06, random_state=seed)
    X, y = blobs([[0.0, 0.0], [4.2, 0.0]], [400, 30], [1.5, 0.3], seed=seed)
    return X, y


def grid_blobs(n_blobs: int = 6, n_per_blob: int = 25, seed: int = 0):
    """``n_blobs`` equal 2-D blobs on a square grid, 4 apart with spread 0.7: ``(X, y)``.

    Separated enough that the best clustering is the blobs, close enough that a bad
    start ends in a visibly worse local optimum.
    """
    n_blobs = check_int("n_blobs", n_blobs, low=1, high=25)
    cols = math.ceil(math.sqrt(n_blobs))
    centers = [[4.0 * (i % cols), 4.0 * (i // cols)] for i in range(n_blobs)]
    return blobs(centers, n_per_blob, 0.7, seed=seed)


def silhouette_samples(X, labels) -> np.ndarray:
    """Silhouette of each row: (b - a) / max(a, b).

    a is the mean distance to the other rows of its cluster, b the smallest mean
    distance to the rows of another cluster; 0 for a row alone in its cluster (as
    scikit-learn). Needs at least two clusters.

    >>> silhouette_samples([[0.0], [1.0], [10.0], [11.0]], [0, 0, 1, 1]).round(3).tolist()
    [0.905, 0.895, 0.895, 0.905]
    """
    X = as_points(X)
    labels = np.asarray(labels)
    ids, labels = np.unique(labels, return_inverse=True)
    if len(ids) < 2:
        raise ValueError(f"silhouette needs at least 2 clusters, got {len(ids)}")
    dist = np.sqrt(squared_distances(X, X))
    onehot = labels[:, None] == np.arange(len(ids))
    sums = dist @ onehot
    sizes = onehot.sum(axis=0)
    own = sizes[labels]
    a = sums[np.arange(len(X)), labels] / np.maximum(own - 1, 1)
    mean_other = sums / sizes
    mean_other[np.arange(len(X)), labels] = np.inf
    b = mean_other.min(axis=1)
    s = (b - a) / np.maximum(a, b)
    return np.where(own > 1, s, 0.0)


# --------------------------------------------------------------------- statistics
SAMPLERS = ("d2", "greedy", "d1", "uniform", "farthest")


def _second_pick(X, first, sampler):
    """P(second center = i | first center), for k = 2, shape (n,)."""
    n = len(X)
    d2 = squared_distances(X, X[first][None]).ravel()
    if sampler == "uniform":
        p = np.ones(n)
        p[first] = 0
        return p / p.sum()
    if sampler == "farthest":
        p = np.zeros(n)
        p[int(d2.argmax())] = 1.0
        return p
    if sampler in ("d2", "d1"):
        w = d2 if sampler == "d2" else np.sqrt(d2)
        return w / w.sum()
    # greedy (scikit-learn): 2 + int(ln 2) = 2 candidates drawn by D², the one that
    # leaves the smaller potential wins (the first on a tie)
    w = d2 / d2.sum()
    pot = np.minimum(d2[None, :], squared_distances(X, X)).sum(axis=1)
    p = np.zeros(n)
    for a in np.flatnonzero(w):
        for b in np.flatnonzero(w):
            p[a if pot[a] <= pot[b] else b] += w[a] * w[b]
    return p


def inclusion_probabilities(X, sampler="d2") -> np.ndarray:
    """Exact P(row i is among the 2 chosen centers) of a seeding rule, for k = 2.

    The first center is uniform over the rows; the second follows ``sampler``:

    * ``"d2"``: k-means++, probability proportional to D²;
    * ``"greedy"``: scikit-learn's greedy k-means++ (two D² candidates, the better
      one kept);
    * ``"d1"``: proportional to D (a common mistake);
    * ``"uniform"``: any other row;
    * ``"farthest"``: the row farthest from the first (farthest-point seeding).

    >>> inclusion_probabilities([[0.0], [0.0], [1.0]], "d2").round(3).tolist()
    [0.5, 0.5, 1.0]
    """
    X = as_points(X)
    check_choice("sampler", sampler, SAMPLERS)
    n = len(X)
    pi = np.zeros(n)
    for f in range(n):
        p = _second_pick(X, f, sampler)
        p[f] = 0  # a chosen row is counted once
        pi += (p + np.eye(n)[f]) / n
    return pi


def binomial_cdf(n_trials: int, p: float) -> np.ndarray:
    """P(Binomial(n_trials, p) <= c) for c = 0..n_trials, from exact log-probabilities.

    >>> binomial_cdf(2, 0.5).round(12).tolist()
    [0.25, 0.75, 1.0]
    """
    n_trials = check_int("n_trials", n_trials, low=0)
    p = check_number("p", p, low=0, high=1)
    if p in (0.0, 1.0):
        pmf = np.zeros(n_trials + 1)
        pmf[0 if p == 0 else n_trials] = 1.0
        return np.cumsum(pmf)
    lp, lq = math.log(p), math.log1p(-p)
    top = math.lgamma(n_trials + 1)
    logs = [
        top
        - math.lgamma(j + 1)
        - math.lgamma(n_trials - j + 1)
        + j * lp
        + (n_trials - j) * lq
        for j in range(n_trials + 1)
    ]
    return np.minimum(np.cumsum(np.exp(logs)), 1.0)


def min_count(n_trials: int, p: float, alpha: float = 1e-7) -> int:
    """The largest count c with P(Binomial(n_trials, p) < c) <= alpha.

    A check that requires "at least c successes in n_trials" then fails a sampler
    whose success probability is p (or more) with probability at most alpha.

    >>> min_count(100, 0.5, 1e-7)
    25
    """
    alpha = check_number("alpha", alpha, low=0, high=1, open_low=True)
    cdf = binomial_cdf(n_trials, p)
    # P(X < c) = cdf[c - 1]: the count of c's with cdf[c - 1] <= alpha, plus c = 0
    return int(np.sum(cdf[:-1] <= alpha))


def max_count(n_trials: int, p: float, alpha: float = 1e-7) -> int:
    """The smallest count c with P(Binomial(n_trials, p) > c) <= alpha.

    A check that requires "at most c successes in n_trials" then fails a sampler
    whose success probability is p (or less) with probability at most alpha.

    >>> max_count(100, 0.5, 1e-7)
    75
    """
    alpha = check_number("alpha", alpha, low=0, high=1, open_low=True)
    # P(X > c) = P(n - X < n - c): the lower tail of Binomial(n, 1 - p), exact in logs
    cdf_rev = binomial_cdf(n_trials, 1.0 - p)  # cdf_rev[j] = P(X >= n - j)
    tail = np.append(cdf_rev[::-1][1:], 0.0)  # tail[c] = P(X >= c + 1) = P(X > c)
    return int(np.flatnonzero(tail <= alpha)[0])


def set_probabilities(X, k: int) -> dict:
    """Exact P(the k chosen centers are a given set of values) under D² sampling.

    The first center is uniform over the rows, each next one drawn with probability
    proportional to D², the squared distance to the nearest center so far. Keys are
    frozensets of rows (as tuples of floats), so copies of a value count as one.
    Enumerates every ordered draw: for small X only.

    >>> p = set_probabilities([[0.0], [1.0], [10.0]], 2)
    >>> round(float(p[frozenset({(0.0,), (1.0,)})]), 4)
    0.0074
    """
    X = as_points(X)
    n = len(X)
    k = _check_k(k, n)
    D = squared_distances(X, X)
    out: dict = {}

    def walk(chosen, d2, prob):
        if len(chosen) == k:
            key = frozenset(tuple(map(float, X[i])) for i in chosen)
            out[key] = out.get(key, 0.0) + prob
            return
        w = d2 / d2.sum()
        for i in np.flatnonzero(w > 0):
            walk(chosen + [i], np.minimum(d2, D[i]), prob * w[i])

    for f in range(n):
        walk([f], D[f].copy(), 1.0 / n)
    return out
