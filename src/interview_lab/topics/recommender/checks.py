"""10_recommender: what the graded test cells call.

Each exercise is declared once in :data:`EXERCISES`; a test cell asks for a checker::

    check = topic.checker("precision_at_k", precision_at_k)
    check([3, 1, 7], {1, 2}, 2, expect=0.5)

The case generators yield ``(*args, why)``. Item lists may come as Python lists or
NumPy arrays of any integer type, ``relevant`` as a set, a list or an array, and item
ids may be strings (item 0 too, which is falsy). Ratings come as lists or arrays of
any dtype (``uint8`` and ``int64`` of 4e9 and more too, whose products overflow their
dtype: the contract reads them as float64). Rankings are compared item by item (any
sequence of integers); the cases are built so that no correct way of computing a
cosine or a score in float64 can change the order: exact ties come from dyadic
cosines (every step exact), near-ties are 3e-12, 4.9e-13, 9.7e-14 and 4.3e-14 apart
relatively (the finest about 190 ulps, while the summation order of a correct answer
moves a score by a few ulps), and random cases whose top scores are closer than 1e-9
are skipped. Non-zero ratings stay between 1e-12 and 1e12 inclusive, the contract's
range: inside it no textbook form under- or overflows in float64 (even
sqrt(G_ii * G_jj)), and every column someone rated has a norm of at least 1e-12, far
above the 10·eps ≈ 2.2e-15 below which scikit-learn's dense ``normalize`` (hence
``cosine_similarity``) leaves a column unscaled.
"""

from __future__ import annotations

import numpy as np

from ...checking import Exercise, Exercises, Mistake
from .core import (
    as_ratings,
    item_scores,
    item_similarity_reference,
    precision_at_k_reference,
    rank_items,
    recall_at_k_reference,
    recommend_reference,
)

__all__ = [
    "EXERCISES",
    "checker",
    "ranking_cases",
    "recommend_cases",
    "similarity_cases",
]


def _list_or_array(values, i):
    return np.asarray(values).tolist() if i % 2 == 0 else np.asarray(values)


# ------------------------------------------------------------------- ranking metrics
def ranking_cases(seed=0, n_random=40):
    """Cases ``(recommended, relevant, k, why)`` for ``precision_at_k``/``recall_at_k``.

    Hand-picked: k beyond the list, an empty list, nothing relevant, ``relevant`` as a
    set, a list, a tuple, an array (of another integer type), NumPy ints against
    Python ints, string ids, k = 1, 5,000 items, item 0 relevant and hit (an
    ``any(relevant)`` emptiness test sees no relevant item); then seeded random cases.
    """
    rng = np.random.default_rng(seed)
    yield [3, 1, 7, 4], {1, 4, 9}, 2, "top-2 = [3, 1]: one hit"
    yield [3, 1], {1, 3, 9}, 5, "k = 5 beyond a list of 2: divide precision by k = 5"
    yield np.array([8, 2, 5]), [2, 5, 8], 10, "k = 10, every recommended item relevant"
    yield [], {1, 2}, 3, "nothing recommended"
    yield [4, 2, 6], set(), 2, "nothing relevant: both metrics are 0.0"
    yield np.array([4, 2, 6]), np.array([], dtype=int), 3, "relevant: an empty array"
    yield [5, 6, 7], {7}, 1, "k = 1, the hit is at position 3"
    yield [5, 6, 7], {5}, 1, "k = 1, the hit is first"
    yield np.array([9, 3, 1, 2], dtype=np.int64), {3, 1}, 3, "NumPy ints, a set of ints"
    yield [9, 3, 1, 2], np.array([1, 2], dtype=np.int32), 2, "relevant: an int32 array"
    yield [9, 3, 1, 2], (2, 9), 4, "relevant as a tuple"
    yield [9, 3, 1, 2], [2, 9, 40, 41], 3, "relevant as a list, with unseen items"
    yield ["b", "a", "c"], {"a", "z"}, 2, "string item ids"
    yield np.array(["x", "y"]), ["y"], 3, "string ids in an array, k beyond the list"
    big = rng.permutation(20_000)[:5_000]
    yield big, set(rng.permutation(20_000)[:2_000].tolist()), 1_000, "5,000 items"
    yield big.tolist(), big[::7], 5_000, "5,000 items, relevant as an array"
    yield [0, 3], [0], 2, "relevant = [0], a list: test emptiness with len(), not any()"
    yield [0], {0}, 1, "item 0 is relevant and recommended (0 is an id: not falsy)"
    yield np.array([2, 0]), np.array([0]), 2, "relevant = array([0]), hit at position 2"
    for i in range(n_random):
        n_items = int(rng.integers(1, 60))
        n_rec = int(rng.integers(0, n_items + 1))
        rec = rng.permutation(n_items)[:n_rec]
        rel = rng.permutation(n_items)[: int(rng.integers(0, n_items + 1))]
        k = int(rng.integers(1, n_items + 3))
        kind = i % 3
        relevant = set(rel.tolist()) if kind == 0 else _list_or_array(rel, i + kind)
        yield _list_or_array(rec, i), relevant, k, f"random case {i + 1}"


def _isin_top_k(rec, rel, k, divide):
    hits = int(np.sum(np.isin(np.asarray(rec)[:k], rel)))  # a set is not looked into
    return hits / divide(rec, rel, k)


def _size(rel):
    return len(rel) if isinstance(rel, set | frozenset) else int(np.size(rel))


def _hits(rec, rel, k):
    return recall_at_k_reference(rec, rel, k) * _size(rel) if _size(rel) else 0.0


def _all_hits(rec, rel, k):
    return precision_at_k_reference(rec, rel, max(len(rec), 1)) * max(len(rec), 1)


# ---------------------------------------------------------------- item similarity
def _dyadic_block(n_users=8):
    """Binary columns of 4 (or 1) ratings: every cosine is exact in float64."""
    R = np.zeros((n_users, 6))
    R[[0, 1, 2, 3], 0] = 1
    R[[0, 4, 5, 6], 1] = 1
    R[[1, 2, 4, 5], 3] = 1
    R[[1, 2, 4, 5], 5] = 1  # a duplicate of item 3
    R[[1, 7, 6, 3], 2] = 1
    return R  # item 4: nobody rated it


def _sparse_ratings(rng, n_users, n_items, density, scale=1.0, dtype=float):
    R = rng.integers(1, 6, size=(n_users, n_items)) * (
        rng.random((n_users, n_items)) < density
    )
    return (R * scale).astype(dtype) if scale != 1.0 or dtype is not float else R


def similarity_cases(seed=0, n_random=40):
    """Cases ``(ratings, why)`` for ``item_similarity``.

    Hand-picked: the worked example, an item nobody rated, all zeros, one user, one
    item, duplicate and proportional columns, uint8 stars up to 255 (products
    overflow in uint8), float32, ratings of 1e6 and 1e-9, of 1e-11, of 1e-12 to 5e-12
    and of 1e11 to 5e11, single ratings of exactly 1e-12 and 1e12 (the range includes
    its ends; a norm is 0 only for an item nobody rated: no "numerically zero" floor,
    not even at 1e-12), int64 ratings of 4e9 to 1e12 (their products overflow int64),
    columns of very different scales, large offsets (1e8 + noise), lists, 2,000 users
    × 500 items (the largest input: a plain-Python loop over every pair of items and
    every user does not finish in 10 s); then seeded random cases.
    """
    rng = np.random.default_rng(seed)
    yield [[5, 3, 0], [4, 0, 1], [0, 2, 4]], "the worked example"
    yield [[1, 0, 2], [3, 0, 0]], "item 1: nobody rated it, its row and column are 0"
    yield np.zeros((3, 4)), "nobody rated anything"
    yield [[2, 0, 5, 1]], "one user: rated items have cosine 1 with each other"
    yield np.array([[3], [0], [1]]), "one item"
    yield np.array([[0]]), "one user, one item, not rated"
    yield np.array([[4.0]]), "one user, one item, rated"
    yield _dyadic_block(), "binary ratings, item 5 duplicates item 3, item 4 unrated"
    R = _sparse_ratings(rng, 12, 5, 0.6)
    yield np.column_stack([R, R[:, 1] * 3]), "the last item is 3 × item 1: cosine 1"
    yield (
        rng.integers(150, 256, size=(6, 4)).astype(np.uint8),
        "uint8 ratings up to 255: r·r overflows uint8, read them as float64",
    )
    yield (
        (rng.random((10, 5)) * 5).astype(np.float32),
        "float32 input: compute in float64",
    )
    yield _sparse_ratings(rng, 15, 6, 0.5) * 1e6, "ratings of the order of 1e6"
    yield (
        _sparse_ratings(rng, 15, 6, 0.5) * 1e-9,
        "tiny ratings (1e-9): cosine is scale-free",
    )
    yield [[1e-11]], "one rating of 1e-11: its diagonal is 1 (a norm of 1e-11 is not 0)"
    yield (
        _sparse_ratings(rng, 12, 5, 0.5) * 1e-11,
        "ratings of 1e-11: norms below 1e-10 are still not 0",
    )
    yield (
        _sparse_ratings(rng, 12, 5, 0.5) * 1e-12,
        "ratings of 1e-12 to 5e-12 (the contract's smallest): only a norm of exactly "
        "0 means nobody rated the item",
    )
    yield (
        _sparse_ratings(rng, 10, 5, 0.5) * 1e11,
        "ratings of 1e11 to 5e11 (the contract's range ends at 1e12)",
    )
    yield [[1e-12]], "one rating of exactly 1e-12 (the range includes its ends): 1"
    yield (
        [[1e-12, 1], [0, 1]],
        "item 0's only rating is 1e-12, the range's end: its norm 1e-12 is not 0",
    )
    yield (
        [[1e12, 1e-12], [1, 0], [0, 3]],
        "ratings of exactly 1e12 and 1e-12 (both ends of the range) in one matrix",
    )
    yield (
        np.array([[4_000_000_000, 1], [3_000_000_000, 2]], dtype=np.int64),
        "int64 ratings of 4e9: their squares overflow int64, read them as float64",
    )
    extra = np.random.default_rng(seed + 10_007)  # the cases after keep their draws
    big_ints = extra.integers(1, 10**12, size=(8, 5)) * (extra.random((8, 5)) < 0.6)
    yield (
        big_ints.astype(np.int64),
        "int64 ratings up to 1e12 (products overflow int64)",
    )
    R = _sparse_ratings(rng, 15, 4, 0.7).astype(float)
    yield R * np.array([1e-6, 1.0, 1e6, 1e-3]), "columns of very different scales"
    yield 1e8 + rng.normal(0, 1, size=(8, 4)), "large offsets: 1e8 + noise"
    yield _sparse_ratings(rng, 9, 7, 0.4).tolist(), "a list of lists"
    yield (
        _sparse_ratings(rng, 2_000, 500, 0.03),
        "2,000 users × 500 items (a loop over item pairs must stay vectorised inside)",
    )
    for i in range(n_random):
        n_users, n_items = int(rng.integers(1, 30)), int(rng.integers(1, 15))
        R = _sparse_ratings(rng, n_users, n_items, rng.uniform(0.1, 0.9))
        if i % 4 == 3:
            R = R * rng.uniform(0.5, 2.0, size=R.shape)  # real-valued ratings
        yield _list_or_array(R, i), f"random case {i + 1}: {n_users} × {n_items}"


def _cosine(R):
    norms = np.linalg.norm(R, axis=0)
    with np.errstate(all="ignore"):
        return (R.T @ R) / np.outer(norms, norms)


def _centred_cosine(R, axis):
    R = as_ratings(R)
    if axis == 0:  # Pearson: each item centred on its mean over all users
        C = R - R.mean(axis=0)
    else:  # adjusted cosine: each user's ratings centred on their own mean
        counts = np.count_nonzero(R, axis=1)
        means = R.sum(1) / np.maximum(counts, 1)
        C = np.where(R > 0, R - means[:, None], 0.0)
    return np.nan_to_num(_cosine(C))


def _native_dtype_cosine(ratings):
    R = np.asarray(ratings)
    G = R.T @ R  # in the input's dtype: uint8 wraps
    d = np.sqrt(np.diag(G).astype(float))
    with np.errstate(all="ignore"):
        return np.nan_to_num(G / np.outer(d, d))


def _zero_diagonal(ratings):
    S = item_similarity_reference(ratings)
    np.fill_diagonal(S, 0.0)
    return S


def _floored_cosine(ratings):
    R = as_ratings(ratings)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 1e-10)
    return unit.T @ unit


def _epsilon_cosine(ratings):
    R = as_ratings(ratings)
    norms = np.linalg.norm(R, axis=0) + 1e-9
    return (R.T @ R) / np.outer(norms, norms)


# ----------------------------------------------------------------------- recommend
FINE_GAP = 2.0**-44  # score gap (3/4)·FINE_GAP ≈ 4.3e-14 relative: about 190 ulps


def _near_tie_block(e=4e-12):
    """Item 4 beats item 2 by (3/4)·e relatively, through exact, disjoint structure.

    Item 2's score is exactly 3/4; item 4's is (3/4)(1 + e)/sqrt(1 + e/2 + e²/4)
    ≈ (3/4)(1 + 3e/4): e = 4e-12 gives a 3e-12 gap, e = :data:`FINE_GAP` 4.3e-14.
    Each score is a single product, so no summation order can move it by more than
    a few ulps (2.2e-16 each).
    """
    R = np.zeros((9, 6))
    R[[0, 1, 2, 3], 0] = 1  # j1: user 0 and users 1-3, norm 2
    R[[0, 4, 5, 6], 1] = 1  # j2: user 0 and users 4-6 ...
    R[0, 1] = 1 + e  # ... with user 0's rating a little higher
    R[[1, 2, 3, 7], 2] = 1  # item 2: cosine 3/4 with j1, 0 with j2
    R[[4, 5, 6, 8], 4] = 1  # item 4: about (3/4)(1 - e/4) with j2, 0 with j1
    R[[7, 8], 3] = 1  # item 3: co-rated with neither j1 nor j2: score 0
    return R  # item 5: nobody rated it


def _robust(R, user, k):
    """Whether no correct float64 computation can reorder the top k + 1 items."""
    s = item_scores(R, user)
    order = rank_items(s, R[user] == 0)[: k + 1]
    top = s[order]
    for a, b in zip(top[:-1], top[1:]):
        if a == b == 0.0:
            continue  # exact: no co-rated item at all
        if abs(a - b) <= 1e-9 * max(abs(a), abs(b)):
            return False
    return True


def _second_round_cases(rng):
    """Hand-built ``(ratings, user, k, why)``: each ranking is decided by a structure
    that no correct float64 computation can reorder (gaps of 4.9e-13 relative or
    more, or exact zeros), and each wrong shortcut below reorders it."""
    yield (
        [[1, 0, 0, 0], [1, 0, 1, 0], [2, 1e-12, 0, 0]],
        0,
        3,
        "item 1's only rating is 1e-12: its cosine with item 0 is 2/√6, no epsilon",
    )
    yield (
        [[1, 0, 0, 0], [1, 0, 1e-12, 0], [0, 1, 0, 0]],
        0,
        3,
        "item 2's only rating is exactly 1e-12 (the range includes its ends): rated",
    )
    yield (
        np.array(
            [[0, 3_000_000_000, 0, 0, 0], [4_000_000_000, 4_000_000_000, 0, 0, 0]]
            + [[0, 0, 1, 0, 0], [1, 0, 1, 0, 0], [0, 1_000_000_000, 0, 0, 10**9]],
            dtype=np.int64,
        ),
        0,
        4,
        "int64 ratings of 3e9 and 4e9: their squares overflow int64 (read as float64)",
    )
    yield (
        np.array(
            [[1, 0, 0, 0], [1, 1, 1, 0], [1, 0.3003, 0.30030003, 0]], dtype=np.float32
        ),
        0,
        3,
        "float32 input, items 1 and 2 one float32 ulp apart: compute in float64",
    )
    yield (
        [[1, 0, 0, 0], [1, 1, 1, 0], [1, 0.3, 0.30000001, 0]],
        0,
        3,
        "item 2's cosine with item 0 beats item 1's by 4.9e-9: no float32 similarity",
    )
    yield (
        [[1, 0, 0, 0], [1, 1, 1, 0], [1, 0.3, 0.3 + 1e-12, 0]],
        0,
        3,
        "item 2's cosine beats item 1's by 4.9e-13 (relative): do not round cosines",
    )
    yield (
        [[2, 0, 0, 0], [1, 1, 1, 0], [1, 0.3075, 0.3075 + 2e-13, 0]],
        0,
        3,
        "scores near 1.02, 9.7e-14 apart (relative): no rounding to 14 digits either",
    )
    yield (
        _near_tie_block(FINE_GAP) * 1.4,
        0,
        4,
        "the 4.3e-14 near-tie × 1.4 (scores near 1.05): not a tie",
    )
    yield (
        [[1e12, 1, 0, 0, 0], [1, 0, 0, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 0, 0]]
        + [[0, 0, 1, 0, 0], [0, 0, 0, 1, 0]],
        0,
        3,
        "the user's ratings span 1e12 and 1: scores of 0.5 and 0.41 next to 1e12 "
        "still rank (no floor relative to the largest score)",
    )
    yield (
        [[5, 0, 5, 5, 5, 5, 5, 5, 0, 5]],
        0,
        2,
        "items 1 and 8 tie at 0: 1 first (a set of candidates iterates as {8, 1})",
    )
    R = np.zeros((3, 34))
    R[0, :30] = 5
    R[0, 30] = 1
    R[1, [30, 32]] = 1
    R[2, [31, 33]] = 1
    yield R, 0, 3, "31 rated items: every one counts, item 30 (rated 1) too"
    heavy = _sparse_ratings(rng, 200, 300, 0.05).astype(float)
    heavy[0] = 0
    heavy[0, rng.choice(300, 250, replace=False)] = rng.integers(1, 6, size=250)
    yield heavy, 0, 20, "a user with 250 ratings: the score sums over all of them"


def recommend_cases(seed=0, n_random=40):
    """Cases ``(ratings, user, k, why)`` for ``recommend``.

    Hand-picked: the worked example, an exact tie (duplicate items, lower index
    first), ties at score 0 (items never co-rated or never rated), a near-tie 3e-12
    apart (the higher score wins even at the higher index), the same ×1e6, ×1e-9,
    ×1e-11 and ×1e-12 (no norm floor), a near-tie 4.3e-14 apart and the
    same ×1e-9 (rounding to 12 decimals, absolute or relative, merges it), a user
    who rated all but k items, fewer than k and no unrated items, one user, one
    item, uint8 stars up to 255, lists, a NumPy int as ``user``, dozens of ties at 0
    (an unstable sort scrambles them), 2,000 users × 500 items, the hand-built cases
    of :func:`_second_round_cases` (a single 1e-12 rating, int64 of 3e9+, float32,
    near-ties in the cosines, a user whose ratings span 1e12, ties at 0 in set order,
    a user with 250 ratings); then seeded random cases (screened by :func:`_robust`).
    """
    rng = np.random.default_rng(seed)
    worked = [[5, 0, 0, 1], [4, 0, 3, 0], [0, 2, 4, 0]]
    yield worked, 0, 2, "the worked example"
    yield _dyadic_block(), 0, 4, "items 3 and 5 tie exactly: 3 first; item 4 unrated"
    yield _dyadic_block(), 7, 5, "ties: the lower index first"
    yield _near_tie_block(), 0, 4, "item 4 beats item 2 by 3e-12: not a tie"
    yield _near_tie_block() * 1e6, 0, 2, "the near-tie with ratings × 1e6"
    yield _near_tie_block() * 1e-9, 0, 2, "the near-tie with ratings × 1e-9"
    yield _near_tie_block() * 1e-11, 0, 3, "the near-tie × 1e-11: norms of 2e-11"
    yield (
        _near_tie_block() * 1e-12,
        0,
        2,
        "the near-tie × 1e-12 (the contract's smallest ratings): no norm floor",
    )
    yield (
        _near_tie_block(FINE_GAP),
        0,
        4,
        "item 4 beats item 2 by 4.3e-14 (relative): not a tie, do not round",
    )
    yield (
        _near_tie_block(FINE_GAP) * 1e-9,
        0,
        2,
        "the 4.3e-14 near-tie × 1e-9: scores of 7.5e-10, no absolute rounding",
    )
    R = _sparse_ratings(rng, 20, 10, 0.5)
    R[3] = rng.integers(1, 6, size=10)
    R[3, [2, 7, 8]] = 0
    yield R, 3, 3, "the user rated all but items 2, 7 and 8"
    yield R, 3, 6, "k = 6 but only 3 unrated items: return those 3"
    R2 = R.copy()
    R2[3, [2, 7, 8]] = 4
    yield R2, 3, 2, "the user rated everything: nothing to recommend"
    yield [[3, 0, 0, 5, 0]], 0, 2, "one user: every unrated item scores 0"
    yield np.array([[3], [0], [4]]), 1, 1, "one item, unrated by the user"
    yield np.array([[3], [0], [4]]), 0, 1, "one item, already rated"
    U8 = rng.integers(150, 256, size=(8, 6)) * (rng.random((8, 6)) < 0.6)
    U8[0, [0, 1]] = [200, 255]
    U8[0, 2:] = 0
    yield U8.astype(np.uint8), 0, 3, "uint8 stars up to 255: read them as float64"
    yield _sparse_ratings(rng, 12, 8, 0.4).tolist(), 2, 3, "a list of lists"
    yield _sparse_ratings(rng, 12, 8, 0.4), np.int64(5), 4, "user as a NumPy int"
    wide = np.zeros((40, 60))
    wide[rng.integers(0, 40, 30), rng.integers(0, 60, 30)] = 3
    wide[0, [5, 20, 41]] = [4, 5, 2]
    wide[1:4, [5, 20, 41]] = 1
    wide[1:4, [33, 12, 50]] = 2
    yield wide, 0, 40, "60 items, most never co-rated: dozens of ties at 0, by index"
    big = _sparse_ratings(rng, 2_000, 500, 0.03)
    big[17, rng.choice(500, 20, replace=False)] = 4
    yield big, 17, 10, "2,000 users × 500 items"
    yield from _second_round_cases(np.random.default_rng(seed + 10_007))
    produced = 0
    while produced < n_random:
        n_users, n_items = int(rng.integers(2, 30)), int(rng.integers(2, 15))
        R = _sparse_ratings(rng, n_users, n_items, rng.uniform(0.15, 0.8))
        if produced % 3 == 2:
            R = R * rng.uniform(0.5, 2.0, size=R.shape)
        user = int(rng.integers(0, n_users))
        k = int(rng.integers(1, n_items + 1))
        if not _robust(R, user, k):
            continue
        produced += 1
        yield _list_or_array(R, produced), user, k, f"random case {produced}"


def _recommend_with(score, allowed=None, tie="low"):
    def compute(ratings, user, k):
        R = as_ratings(ratings)
        s = score(R, int(user))
        mask = R[int(user)] == 0 if allowed is None else allowed(R, int(user))
        idx = np.flatnonzero(mask)
        key = idx if tie == "low" else -idx
        return idx[np.lexsort((key, -s[idx]))][:k]

    return compute


def _padded(ratings, user, k):
    R = as_ratings(ratings)
    s = np.where(R[user] == 0, item_scores(R, user), -np.inf)
    return rank_items(s, np.ones(len(s), bool))[:k]


def _weighted_average(R, user):
    S = item_similarity_reference(R)
    rated = R[user] > 0
    with np.errstate(all="ignore"):
        return np.nan_to_num(S[:, rated] @ R[user, rated] / S[:, rated].sum(1))


def _nan_scores(ratings, user, k):
    R = as_ratings(ratings)
    with np.errstate(all="ignore"):
        s = _cosine(R) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-s[unrated], kind="stable")][:k]


def _native_dtype_recommend(ratings, user, k):
    R = np.asarray(ratings)
    if R.dtype.kind not in "iu":
        return recommend_reference(R, user, k)
    s = _native_dtype_cosine(R) @ as_ratings(R)[int(user)]
    return rank_items(s, as_ratings(R)[int(user)] == 0)[:k]


def _f32_similarity_scores(R, user):
    return item_similarity_reference(R).astype(np.float32) @ R[user]


def _significant_14(R, user):
    return np.array([float(f"{x:.14g}") for x in item_scores(R, user)])


def _relative_floor_scores(R, user):
    s = item_scores(R, user)
    top = np.abs(s).max() if s.size else 0.0
    return np.where(np.abs(s) <= 1e-12 * top, 0.0, s)


def _seed_cut_scores(R, user, n_seeds=30):
    row = R[user]
    seeds = np.argsort(-row, kind="stable")[:n_seeds]
    seeds = seeds[row[seeds] > 0]
    return item_similarity_reference(R)[:, seeds] @ row[seeds]


def _any_guard(reference):
    def compute(rec, rel, k):
        return reference(rec, rel, k) if any(rel) else 0.0

    return compute


def _ranking_problem(got, expected):
    """``None`` when ``got`` lists the expected items in order, else the problem."""
    try:
        items = np.asarray(got)
    except Exception:
        return f"should be a sequence of item indices, got {type(got).__name__}"
    if items.ndim != 1 and not (items.ndim == 0 or items.size == 0):
        return f"should be a flat sequence of item indices, got shape {items.shape}"
    items = items.reshape(-1)
    if items.size and items.dtype.kind not in "iuf":
        return f"should hold item indices (integers), got {items.dtype} values"
    expected = np.asarray(expected).reshape(-1)
    if len(items) != len(expected):
        return f"holds {len(items)} items, expected {len(expected)}"
    wrong = np.flatnonzero(items != expected)
    if len(wrong):
        i = int(wrong[0])
        return f"position {i}: item {items[i]:g}, expected item {expected[i]}"
    return None


# ------------------------------------------------------------------------- exercises
_ROUNDING_HINT = (
    "Do not round the scores or compare them with a tolerance: two scores 4e-14 "
    "apart (relatively) are not a tie, the larger comes first."
)
_SIMILARITY_PRECISION_HINT = (
    "Keep the similarities exact in float64: no float32, no rounding (not even to 12 "
    "decimals or 14 significant digits). Two scores 4e-14 apart (relatively) are not "
    "a tie."
)
_DTYPE_HINT = (
    "The products overflow in the input's integer dtype (uint8 wraps at 256, int64 "
    "beyond 9.2e18, i.e. ratings above 3e9): convert with np.asarray(ratings, "
    "dtype=float) first."
)
_ANY_HINT = (
    "Test for an empty relevant with len(set(relevant)) == 0, not with any(relevant): "
    "item 0 is an id like any other, and any({0}) is False."
)

EXERCISES = Exercises(
    Exercise(
        "precision_at_k",
        hint=(
            "Take the first k recommended items, count how many are in relevant "
            "(set(recommended[:k]) & set(relevant)), and divide by k: by k even when "
            "the list is shorter."
        ),
        reference=precision_at_k_reference,
        cases=lambda: (c[:-1] for c in ranking_cases(seed=0, n_random=20)),
        mistakes=[
            Mistake(_any_guard(precision_at_k_reference), _ANY_HINT),
            Mistake(
                lambda rec, rel, k: (
                    _hits(rec, rel, k) / min(k, len(rec)) if len(rec) else 0.0
                ),
                "Divide by k, not by the length of the (shorter) list: a slot left "
                "empty is a slot without a relevant item.",
            ),
            Mistake(
                lambda rec, rel, k: _all_hits(rec, rel, k) / k,
                "Only the top k count: cut the list with recommended[:k] first.",
            ),
            Mistake(
                lambda rec, rel, k: (
                    _hits(rec, rel, k) / _size(rel) if _size(rel) else 0.0
                ),
                "That is the recall (divided by the number of relevant items): "
                "precision@k divides by k.",
            ),
            Mistake(
                lambda rec, rel, k: _isin_top_k(rec, rel, k, lambda *a: k),
                "relevant may be a set: np.isin(x, a_set) does not look inside a set "
                "(it compares with the set object). Use set(relevant), or "
                "np.isin(x, list(relevant)).",
            ),
        ],
    ),
    Exercise(
        "recall_at_k",
        hint=(
            "Count the relevant items among recommended[:k] and divide by the number "
            "of relevant items; return 0.0 when relevant is empty (no division by 0)."
        ),
        reference=recall_at_k_reference,
        cases=lambda: (c[:-1] for c in ranking_cases(seed=0, n_random=20)),
        mistakes=[
            Mistake(_any_guard(recall_at_k_reference), _ANY_HINT),
            Mistake(
                lambda rec, rel, k: (
                    np.float64(0.0) / np.float64(0.0)
                    if not _size(rel)
                    else recall_at_k_reference(rec, rel, k)
                ),
                "When relevant is empty, 0/0 is nan: return 0.0 in that case.",
            ),
            Mistake(
                lambda rec, rel, k: (
                    recall_at_k_reference(rec, rel, k) if _size(rel) else 1.0
                ),
                "When relevant is empty, recall@k is 0.0 by the contract, not 1.0.",
            ),
            Mistake(
                lambda rec, rel, k: (
                    _hits(rec, rel, k) / min(k, _size(rel)) if _size(rel) else 0.0
                ),
                "Divide by the number of relevant items, not by min(k, |relevant|) "
                "(that normalised recall is a different metric).",
            ),
            Mistake(
                lambda rec, rel, k: _hits(rec, rel, k) / k,
                "That is the precision (divided by k): recall@k divides by the number "
                "of relevant items.",
            ),
            Mistake(
                lambda rec, rel, k: (
                    _all_hits(rec, rel, k) / _size(rel) if _size(rel) else 0.0
                ),
                "Only the top k count: cut the list with recommended[:k] first.",
            ),
            Mistake(
                lambda rec, rel, k: (
                    _isin_top_k(rec, rel, k, lambda r, s, kk: _size(s))
                    if _size(rel)
                    else 0.0
                ),
                "relevant may be a set: np.isin(x, a_set) does not look inside a set "
                "(it compares with the set object). Use set(relevant), or "
                "np.isin(x, list(relevant)).",
            ),
        ],
    ),
    Exercise(
        "item_similarity",
        hint=(
            "Read ratings as float64 (R = np.asarray(ratings, dtype=float)); the "
            "norm of each column is np.sqrt((R**2).sum(axis=0)); similarity = "
            "R.T @ R / outer(norms, norms), with 0 wherever a norm is 0 (no nan, no "
            "epsilon)."
        ),
        reference=item_similarity_reference,
        cases=lambda: (c[:-1] for c in similarity_cases(seed=0, n_random=10)),
        mistakes=[
            Mistake(  # first: on [[1e-11]] it returns [[0]], like the Pearson mistake
                _floored_cosine,
                "Only a norm of exactly 0 means nobody rated the item: do not treat a "
                "small norm as zero (norms > 1e-10, np.isclose(norms, 0)). Cosine is "
                "scale-free: ratings of 1e-12 give the same matrix as stars.",
            ),
            Mistake(
                lambda r: _cosine(as_ratings(r)),
                "An item nobody rated has norm 0, and 0/0 gives nan: its similarity "
                "to every item is 0 by the contract.",
            ),
            Mistake(
                lambda r: _centred_cosine(r, axis=0),
                "That is the Pearson correlation (each item centred on its mean): the "
                "contract asks for the cosine of the raw columns, zeros included.",
            ),
            Mistake(
                lambda r: _centred_cosine(r, axis=1),
                "That is the adjusted cosine (each user's mean removed): the contract "
                "asks for the cosine of the raw columns.",
            ),
            Mistake(
                lambda r: item_similarity_reference(np.asarray(as_ratings(r).T)),
                "That compares users (rows). Items are the columns: R.T @ R, not R @ R.T.",
            ),
            Mistake(
                lambda r: item_similarity_reference((as_ratings(r) > 0).astype(float)),
                "That ignores the rating values (rated or not): use the ratings "
                "themselves in the cosine.",
            ),
            Mistake(
                _zero_diagonal,
                "The diagonal is the cosine of an item with itself: 1 for an item "
                "someone rated (0 only for an item nobody rated).",
            ),
            Mistake(
                _native_dtype_cosine,
                _DTYPE_HINT,
            ),
            Mistake(
                lambda r: item_similarity_reference(
                    np.asarray(r, dtype=np.float32)
                ).astype(np.float32),
                "float32 keeps about 7 digits: compute in float64.",
            ),
            Mistake(
                _epsilon_cosine,
                "Do not add an epsilon to the norms: cosine is scale-free, so tiny "
                "ratings (1e-9) are as valid as stars; set the zero norms aside "
                "instead (np.where(norms > 0, ...)).",
            ),
        ],
    ),
    Exercise(
        "recommend",
        hint=(
            "score = item_similarity(R) @ R[user]; keep the items with "
            "R[user] == 0; sort them by decreasing score, ties to the lower index "
            "(np.argsort(-score, kind='stable')), and return the first k."
        ),
        reference=recommend_reference,
        cases=lambda: (c[:-1] for c in recommend_cases(seed=0, n_random=15)),
        equal=_ranking_problem,
        mistakes=[
            Mistake(
                _recommend_with(lambda R, u: _epsilon_cosine(R) @ R[u]),
                "Only a norm of exactly 0 means nobody rated the item: no epsilon in "
                "the norms and no floor (norms > 1e-12, np.isclose(norms, 0)): a "
                "single rating of 1e-12 is valid, and cosine is scale-free.",
            ),
            Mistake(_native_dtype_recommend, _DTYPE_HINT),
            Mistake(
                _recommend_with(_f32_similarity_scores), _SIMILARITY_PRECISION_HINT
            ),
            Mistake(
                _recommend_with(
                    lambda R, u: np.round(item_similarity_reference(R), 12) @ R[u]
                ),
                _SIMILARITY_PRECISION_HINT,
            ),
            Mistake(_recommend_with(_significant_14), _ROUNDING_HINT),
            Mistake(
                _recommend_with(_relative_floor_scores),
                "Do not set small scores to 0 (relative to the largest): a user's "
                "ratings may span 1e-12 to 1e12, and a score of 0.5 next to one of "
                "1e12 still ranks.",
            ),
            Mistake(
                _recommend_with(_seed_cut_scores),
                "Sum over every item the user rated, not only their best-rated ones: "
                "a rating of 1 counts too.",
            ),
            Mistake(
                _padded,
                "When the user has fewer than k unrated items, return only those: "
                "never pad the list with items they already rated.",
            ),
            Mistake(
                _recommend_with(
                    item_scores, allowed=lambda R, u: np.ones(R.shape[1], bool)
                ),
                "Leave out the items the user has already rated (R[user] > 0): "
                "recommend only new items.",
            ),
            Mistake(
                _recommend_with(item_scores, tie="high"),
                "On a tie the lower item index comes first: sort with "
                "np.argsort(-scores, kind='stable') (np.argsort(scores)[::-1] puts "
                "the higher index first).",
            ),
            Mistake(
                lambda R, u, k: _recommend_with(lambda A, v: -item_scores(A, v))(
                    R, u, k
                ),
                "Best first: sort by decreasing score.",
            ),
            Mistake(
                _recommend_with(lambda R, u: np.round(item_scores(R, u), 8)),
                _ROUNDING_HINT,
            ),
            Mistake(
                _recommend_with(lambda R, u: np.round(item_scores(R, u), 12)),
                _ROUNDING_HINT,
            ),
            Mistake(
                _recommend_with(_weighted_average),
                "That ranks by the weighted average Σ sim·r / Σ sim (a predicted "
                "rating): the contract's score is the plain sum Σ_j sim(i, j)·r(user, j).",
            ),
            Mistake(
                _recommend_with(lambda R, u: (R.T @ R) @ R[u]),
                "Use the cosine similarity, not raw co-rating products R.T @ R: "
                "without the norms, popular items win everything.",
            ),
            Mistake(
                _nan_scores,
                "An item nobody rated has similarity 0, not nan: nan scores sort "
                "unpredictably. Its score is 0 and it ties by index with other 0s.",
            ),
        ],
    ),
)

checker = EXERCISES.checker
