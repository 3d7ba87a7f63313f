"""06_kmeans: the inputs the checks send, and the helpers they share.

Case generators for both exercises (edge cases, offsets, tiny and integer data,
duplicates, seeded random cases), the exact statistics of D² sampling, and the
helpers that match rows and describe arrays in feedback.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ...validation import check_choice, check_seed
from .core import (
    blobs,
    data_scale,
    demo_data,
    inclusion_probabilities,
)

__all__ = [
    "empty_cluster_start",
    "far_near_data",
    "float32_tie_data",
    "init_cases",
    "kmeans_cases",
    "near_tie_data",
    "separated_blobs",
    "slow_chain_start",
]


# ---------------------------------------------------------------------- case inputs
def _as_list(X, i):
    return np.asarray(X).tolist() if i % 2 else np.asarray(X)


def init_cases(seed=0):
    """Inputs ``(X, k, why)`` for ``kmeans_plus_plus``: edge cases, then random ones.

    Every X has at least k distinct rows (the contract's k distinct rows exist).
    """
    rng = np.random.default_rng(check_seed(seed))
    X, _ = demo_data(seed=seed)
    yield X, 4, "four blobs"
    yield X.tolist(), 4, "four blobs, as lists"
    yield rng.integers(0, 20, size=(30, 2)), 3, "integer coordinates"
    yield (
        blobs([[0, 0], [8, 0], [0, 8]], 20, 1.0, 1e6, seed)[0],
        3,
        "1e6 + a spread of 8",
    )
    yield rng.random((40, 2)) * 1e-9, 3, "coordinates of size 1e-9"
    dup = np.repeat([[0, 0], [3, 1], [1, 4], [5, 5]], [5, 1, 3, 4], axis=0)
    dup = dup[rng.permutation(len(dup))]
    yield dup, 4, "duplicated rows, exactly k distinct values: each once"
    yield dup.tolist(), 2, "duplicated rows, as lists"
    pair = np.array([[1.0, 2.0], [1.0 + 1e-7, 2.0], [4.0, 0.0], [0.0, 3.0]])
    yield np.vstack([pair, pair[2:]]), 4, "two rows 1e-7 apart are distinct rows"
    yield rng.normal(size=(10, 3)), 1, "k = 1"
    yield rng.normal(size=(6, 2)).tolist(), 6, "k = n: every row once"
    yield rng.normal(size=(30, 1)), 4, "a single feature"
    yield rng.random((3000, 2)), 10, "3000 rows, k = 10"
    yield np.array([[0], [16], [32]], dtype=np.uint8), 2, "uint8: D² is 256, not 0"
    yield (
        np.array([[0, 0], [-100, 0], [100, 0], [5, 5]], dtype=np.int8),
        3,
        "int8: differences of 200 do not wrap",
    )
    yield [[0.0], [1e-30]], 2, "rows 1e-30 apart: D² = 1e-60 is 0 in float32"
    yield (
        np.array([[0], [1], [3_037_000_500], [9_000_000_000_000]], dtype=np.int64),
        3,
        "int64 coordinates 3.04e9 apart: D² overflows int64",
    )
    yield [[1e8], [1e8 + 1]], 2, "offset 1e8, rows 1 apart: D² = 1, not 0"
    yield (
        blobs([[0, 0], [3, 4], [6, 0]], 15, 0.5, 1e8, seed)[0],
        3,
        "1e8 + a spread of 6",
    )
    yield (
        [[1e6], [1e6 + 1e-7], [0.0]],
        3,
        "rows 1e-7 apart at 1e6 are distinct rows",
    )
    for i in range(6):
        n, d = int(rng.integers(5, 60)), int(rng.integers(1, 6))
        k = int(rng.integers(1, min(n, 8) + 1))
        yield _as_list(rng.normal(size=(n, d)) * rng.uniform(0.1, 10), i), k, None


def kmeans_cases(seed=0):
    """Inputs ``(X, k, why)`` for ``kmeans``: edge cases, then random ones.

    Several need many Lloyd iterations (uniform data, overlapping blobs), so that
    stopping too early shows; their coordinates span integers, offsets of 1e6 and
    sizes of 1e-9.
    """
    rng = np.random.default_rng(check_seed(seed))
    X, _ = demo_data(seed=seed)
    yield X, 4, "four blobs"
    yield X.tolist(), 4, "four blobs, as lists"
    yield rng.integers(0, 40, size=(80, 2)).tolist(), 4, "integer coordinates"
    yield 1e6 + 10 * rng.random((400, 2)), 5, "1e6 + a spread of 10"
    yield 1e-9 * rng.random((300, 2)), 5, "coordinates of size 1e-9"
    dup = np.repeat(
        [[0, 0], [4, 1], [1, 5], [6, 6], [9, 0], [3, 3]], [9, 3, 5, 7, 4, 2], 0
    )
    dup = dup[rng.permutation(len(dup))]
    yield dup, 4, "duplicated rows"
    yield dup.tolist(), 6, "k = the number of distinct rows: inertia 0"
    yield rng.normal(size=(50, 3)), 1, "k = 1: the center is the mean"
    yield rng.normal(size=(7, 2)), 7, "k = n: inertia 0"
    yield (
        np.concatenate([rng.normal(m, 1, 20) for m in (0, 4, 9)])[:, None],
        3,
        ("a single feature"),
    )
    yield rng.random((3000, 2)), 8, "3000 uniform points, k = 8"
    yield (
        blobs(rng.normal(0, 3, (5, 3)), 100, 1.5, seed=seed)[0],
        5,
        "overlapping 3-D blobs",
    )
    yield [[-3.0], [1.0], [3.0]], 2, "a point may end exactly between two centers"
    yield 1e8 + 10 * rng.random((400, 2)), 5, "1e8 + a spread of 10"
    yield (
        (1e4 + rng.random((200, 2))).astype(np.float32),
        3,
        "float32 data: compute in float64",
    )
    yield (
        np.array(
            [[4, 1], [3, 2], [1, 0], [1, 4], [4, 2], [1, 5], [0, 0], [5, 1], [0, 4]],
            dtype=float,
        ),
        3,
        "a cluster may empty during the iterations",
    )
    yield (
        np.array([[200, 10], [210, 12], [250, 0], [0, 255], [3, 240], [8, 251]], "u1"),
        2,
        "uint8: sums of a cluster exceed 255",
    )
    yield (
        np.array(
            [[100, -100], [120, -110], [127, -128], [-128, 127], [-90, 100]], "i1"
        ),
        2,
        "int8: sums of a cluster leave -128..127",
    )
    yield (
        np.array([[0], [2], [4_000_000_000], [4_000_000_003], [4_000_000_010]], "i8"),
        2,
        "int64 coordinates 4e9 apart: squared differences overflow int64",
    )
    yield (
        np.column_stack([1e6 + rng.random(400), rng.random(400)]),
        4,
        "features at offsets 1e6 and 0",
    )
    for i in range(5):
        n, d = int(rng.integers(10, 150)), int(rng.integers(1, 5))
        k = int(rng.integers(2, min(n, 9)))
        yield _as_list(rng.normal(size=(n, d)) * rng.uniform(0.5, 5), i), k, None


def far_near_data(variant: int = 0):
    """Data of the far-point check: ``(X, i_far, i_near)``.

    18 copies of one point, a *near* point at distance 1 and a *far* point at
    distance 4 (so D² is 1 and 16 once a copy is a center). Variant 1 is the same
    scaled by 2⁻²⁰ with shuffled rows.
    """
    check_choice("variant", variant, (0, 1))
    X = np.array([[0.0, 0.0]] * 18 + [[1.0, 0.0], [0.0, 4.0]])
    order = np.arange(len(X))
    if variant == 1:
        order = np.random.default_rng(1).permutation(len(X))
        X = X[order] * 2.0**-20
    inv = np.argsort(order)
    return X, int(inv[19]), int(inv[18])


def near_tie_data(variant: int = 0):
    """Data of the farthest-point check: ``(X, i_near_far)``.

    18 copies of one point and two far points on either side, at distances 10 and
    10.01: the farther one is not a tie. Farthest-point seeding takes 10.01 whenever
    a copy is the first center, D² sampling either of the two about equally often.
    Variant 1 adds 10⁶ to every coordinate and shuffles the rows.
    """
    check_choice("variant", variant, (0, 1))
    X = np.array([[0.0, 0.0]] * 18 + [[-10.0, 0.0], [10.01, 0.0]])
    order = np.arange(len(X))
    if variant == 1:
        order = np.random.default_rng(2).permutation(len(X))
        X = X[order] + 1e6
    return X, int(np.argsort(order)[18])


def separated_blobs(seed=0):
    """Four well-separated 2-D blobs for the comparison with scikit-learn: ``(X, k)``.

    Blob centers 500 apart, spread 0.02 (a ratio of 2.5·10⁴): after D² sampling has
    put centers in j of the k blobs, the next one lands in an occupied blob with
    probability about 2σ²d·j / ((k - j)Δ²) ≈ 6·10⁻⁹·j/(k - j); over the three draws
    a run misses a blob with probability below 3·10⁻⁸.
    """
    X, _ = blobs([[0, 0], [500, 0], [0, 500], [500, 500]], 100, 0.02, seed=seed)
    return X, 4


@lru_cache(maxsize=2)
def _chain(length):
    left, right = np.linspace(0.0, 1.0, 5), 1000.0 + np.linspace(-1.0, 1.0, 40)
    chain = np.linspace(10.0, 500.0, length)
    for _ in range(200):
        new = chain.copy()
        for t in range(length):
            a = np.concatenate([left, chain[:t]]).mean()
            b = np.concatenate([chain[t:], right]).mean()
            mid = (a + b) / 2
            new[t] = mid - 0.03 * (mid - (a if t == 0 else chain[t - 1]))
        new = np.maximum.accumulate(new)
        if np.array_equal(new, chain):
            break
        chain = (chain + new) / 2
    return np.concatenate([left, chain, right])[:, None]


def slow_chain_start(length=150):
    """``(X, start)``: 1-D data on which Lloyd's algorithm from ``start`` needs more
    than 100 rounds (145 for the default length), for k = 2.

    Five points near 0, 40 near 1000, and a chain of ``length`` points between them,
    placed so that each assignment moves exactly one chain point from the right
    cluster to the left one; every row is at least 20 (in squared distance) nearer
    one center than the other at every assignment, so rounding never decides a label.
    ``start`` is the first and the last row (rows of X).
    """
    X = _chain(int(length)).copy()
    return X, X[[0, -1]].copy()


def float32_tie_data():
    """``(X, k)``: a near-tie that float32 distances get wrong (k = 2).

    X = [[-0.5 - 2⁻²⁸], [0.5 + 2⁻²⁸], [1]]: from the start [0.5 + 2⁻²⁸] and [1], the
    first row is 2⁻²⁶ nearer the first center in float64 and a tie in float32.
    """
    e = 2.0**-28
    return np.array([[-0.5 - e], [0.5 + e], [1.0]]), 2


def empty_cluster_start():
    """``(X, start)``: from these 4 starting centers (rows of X) Lloyd's second
    assignment leaves the first center with no point.

    The first center's two points, (1, 3) and (2.9, 2), pull it to (1.95, 2.5); by
    then (1, 3) is nearer the center at (0, 3) and (2.9, 2) nearer the center that
    moved to (3, 3), by margins of about 0.15 in squared distance (no ties).
    """
    X = np.array([[4, 2], [2, 4], [1, 3], [0, 1], [2.9, 2], [0, 3]], dtype=float)
    return X, X[[2, 1, 3, 5]].copy()


# ------------------------------------------------------------------------ helpers
def _points(value, shape):
    """``value`` as a float array of the given shape, else None."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr if shape is None or arr.shape == shape else None


def _row_tol(X):
    extent, offset = data_scale(X)
    return 1e-12 * max(offset, extent)


def _match_rows(R, X, tol):
    """Index of the row of X equal to each row of R (within tol), or -1."""
    diff = np.abs(R[:, None, :] - X[None, :, :]).max(axis=2)
    idx = diff.argmin(axis=1)
    return np.where(diff[np.arange(len(R)), idx] <= tol, idx, -1)


def _labels(value, n, k):
    arr = _points(value, (n,))
    if arr is None or not np.all(arr == np.round(arr)) or arr.min(initial=0) < 0:
        return None
    if n and arr.max() >= k:
        return None
    return arr.astype(int)


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, list | tuple):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__}"


def _tolerances(Xf):
    """(center, squared distance) tolerances: rounding, never a real difference."""
    extent, offset = data_scale(Xf)
    # squared distances are compared from differences (core.squared_distances), so
    # an offset enters only through centers rounded at its scale (a few ulp(offset),
    # moving a squared distance by about 2·extent·ulp): 1e-13·extent·offset
    return 1e-9 * extent + 1e-11 * offset, 1e-9 * extent**2 + 1e-13 * extent * offset


# ------------------------------------------------------------------ mistake helpers
def _sampler_guess(count, n_seeds, X, i):
    """The hint for a far-point count far below D² sampling's.

    Compares the count with what uniform draws (over the rows, or over the distinct
    values) and weights D would give, and names the nearest.
    """
    values = len(np.unique(X, axis=0))
    expected = {
        "uniform": n_seeds * inclusion_probabilities(X, "uniform")[i],
        "uniform values": n_seeds * 2 / values,
        "d1": n_seeds * inclusion_probabilities(X, "d1")[i],
    }
    guess = min(expected, key=lambda s: abs(expected[s] - count))
    if guess != "d1":
        return (
            "Your centers look uniformly drawn. k-means++ draws each next center with "
            "probability proportional to D², the squared distance to the nearest "
            "center so far: rng.choice(n, p=d2 / d2.sum())."
        )
    return (
        "The far point is chosen about as often as with weights D (the distance), "
        "not D² (its square). Use p = d2 / d2.sum() with d2 the *squared* distance "
        "to the nearest chosen center."
    )


def _mean_hint(Xf, X, C, labels, k):
    medians = np.array(
        [
            np.median(Xf[labels == j], axis=0) if np.any(labels == j) else C[j]
            for j in range(k)
        ]
    )
    tol = _tolerances(Xf)[0]
    if np.abs(C - medians).max() <= tol:
        return (
            "The centers are the medians of their points: k-means moves each center "
            "to the *mean*, X[labels == j].mean(axis=0) (the median gives k-medians, "
            "which minimises distances, not squared distances)."
        )
    if np.asarray(X).dtype.kind in "iu" and np.all(C == np.round(C)):
        return (
            "X holds integers and the centers are whole numbers: a mean stored into "
            "an integer array loses its fraction. Start with "
            "X = np.asarray(X, dtype=float)."
        )
    return (
        "After the last assignment, move every center to the mean of its points, "
        "X[labels == j].mean(axis=0), and return those centers."
    )


def _inertia_hint(Xf, C, labels, inertia):
    n = len(Xf)
    d2 = ((Xf - C[labels]) ** 2).sum(axis=1)
    variants = {
        "sum of distances": np.sqrt(d2).sum(),
        "mean": d2.mean(),
    }
    for name, value in variants.items():
        if abs(value - inertia) <= 1e-9 * abs(value) + 1e-300 and n > 1:
            if name == "mean":
                return (
                    "That is the mean of the squared distances: inertia is their sum "
                    "over all rows."
                )
            return (
                "That is the sum of the distances: inertia sums the *squared* "
                "distances, ((X - centers[labels]) ** 2).sum()."
            )
    true = d2.sum()
    rel = abs(inertia - true) / true if true else np.inf
    if rel < 1e-3:
        return (
            f"Close, but off by a relative {rel:.1e}: rounding. With large offsets, "
            "|x|² - 2x·c + |c|² subtracts huge, almost equal numbers; compute the "
            "squared distances from the differences, ((X - centers[labels]) ** 2)"
            ".sum(), or subtract the mean of X first."
        )
    return (
        "inertia = ((X - centers[labels]) ** 2).sum(): the squared distance of every "
        "row to the center it is labelled with, summed, with the centers and labels "
        "you return."
    )
