"""10_recommender: the ratings data, the references and the baselines.

Everything here is written from the definitions in ``docs/exercises.md``:

* :func:`make_ratings` simulates a users × items ratings matrix with structure (users
  have tastes over a few genres, items have a popularity that falls off as a long
  tail, active users rate more), and :func:`hold_out` hides a few liked items per
  user for offline evaluation;
* the references of the four exercises: :func:`precision_at_k_reference`,
  :func:`recall_at_k_reference`, :func:`item_similarity_reference`,
  :func:`recommend_reference` (with :func:`item_scores`, the score it ranks by);
* the baselines and helpers the notebook compares with: :func:`recommend_popular`,
  :func:`recommend_random`, :func:`because` (the rated items behind a score) and
  :func:`content_similarity` (for the cold start).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...validation import check_int, check_number, check_seed

__all__ = [
    "GENRES",
    "RatingsData",
    "as_ratings",
    "because",
    "content_similarity",
    "hold_out",
    "item_scores",
    "item_similarity_reference",
    "make_ratings",
    "precision_at_k_reference",
    "rank_items",
    "recall_at_k_reference",
    "recommend_popular",
    "recommend_random",
    "recommend_reference",
]

GENRES = ("sci-fi", "comedy", "drama", "documentary")


@dataclass(frozen=True)
class RatingsData:
    """A simulated catalogue: the ratings and what each item is.

    Attributes
    ----------
    ratings : ndarray of int, shape (n_users, n_items)
        Stars 1-5, 0 = not rated.
    genre : ndarray of int, shape (n_items,)
        Index into :data:`GENRES`.
    names : list of str
        A short title per item, e.g. ``"sci-fi 07"``.
    taste : ndarray, shape (n_users, n_genres)
        Each user's share of interest per genre (rows sum to 1).
    """

    ratings: np.ndarray
    genre: np.ndarray
    names: list
    taste: np.ndarray


def make_ratings(n_users=400, n_items=120, seed=0):
    """A users × items ratings matrix with tastes, popularity and a long tail.

    Each item has a genre and a popularity that falls as a power of its rank (a few
    hits, a long tail); each user has a taste (Dirichlet weights over the genres,
    mostly one or two) and an activity (log-normal, a median of about 15 ratings).
    A user rates an item with probability proportional to popularity × taste; the
    stars grow with the taste for the item's genre, plus noise.

    Parameters
    ----------
    n_users : int, >= 2
    n_items : int, >= len(GENRES)
    seed : int

    Returns
    -------
    RatingsData

    Examples
    --------
    >>> data = make_ratings(50, 20, seed=1)
    >>> data.ratings.shape, int(data.ratings.max()) <= 5
    ((50, 20), True)
    """
    n_users = check_int("n_users", n_users, low=2)
    n_items = check_int("n_items", n_items, low=len(GENRES))
    rng = np.random.default_rng(check_seed(seed))
    n_genres = len(GENRES)
    genre = np.arange(n_items) % n_genres
    rng.shuffle(genre)
    rank = rng.permutation(n_items)
    popularity = 1.0 / (rank + 1.0) ** 0.9
    taste = rng.dirichlet(np.full(n_genres, 0.35), size=n_users)
    affinity = taste[:, genre]  # (n_users, n_items)
    weight = popularity[None, :] * (0.03 + affinity)
    activity = np.clip(rng.lognormal(np.log(15), 0.6, size=n_users), 3, n_items / 2)
    p = np.minimum(weight / weight.sum(1, keepdims=True) * activity[:, None], 0.95)
    rated = rng.random((n_users, n_items)) < p
    stars = 1.5 + 3.8 * affinity / affinity.max(1, keepdims=True)
    stars = np.clip(np.rint(stars + rng.normal(0, 0.7, stars.shape)), 1, 5)
    ratings = np.where(rated, stars, 0).astype(int)
    counters = {g: 0 for g in range(n_genres)}
    names = []
    for g in genre:
        counters[g] += 1
        names.append(f"{GENRES[g]} {counters[g]:02d}")
    return RatingsData(ratings=ratings, genre=genre, names=names, taste=taste)


def as_ratings(ratings, name="ratings"):
    """``ratings`` as a 2-D float64 array of non-negative numbers (0 = not rated)."""
    R = np.array(ratings, dtype=float)
    if R.ndim != 2:
        raise ValueError(f"{name} must be 2-D (n_users, n_items), got shape {R.shape}")
    if not np.all(np.isfinite(R)) or np.any(R < 0):
        raise ValueError(f"{name} must hold finite numbers >= 0 (0 = not rated)")
    return R


def hold_out(ratings, n_per_user=2, min_rating=4, min_history=5, seed=0):
    """Hide a few liked items per user: the held-out interactions to evaluate on.

    For every user with at least ``min_history`` ratings, ``n_per_user`` of the items
    they rated ``>= min_rating`` (or as many as there are) are set to 0 in the training
    matrix and become that user's relevant set.

    Returns
    -------
    train : ndarray, shape of ratings
        A copy with the held-out ratings removed.
    relevant : list of set of int
        Per user, the held-out items (empty for users who kept everything).
    """
    R = np.array(ratings)
    n_per_user = check_int("n_per_user", n_per_user, low=1)
    check_number("min_rating", min_rating)
    rng = np.random.default_rng(check_seed(seed))
    train = R.copy()
    relevant = []
    for u in range(R.shape[0]):
        liked = np.flatnonzero(R[u] >= min_rating)
        if np.count_nonzero(R[u]) < min_history or len(liked) == 0:
            relevant.append(set())
            continue
        chosen = rng.choice(liked, size=min(n_per_user, len(liked)), replace=False)
        train[u, chosen] = 0
        relevant.append({int(i) for i in chosen})
    return train, relevant


# ----------------------------------------------------------------------- references
def _top_k(recommended, k):
    k = check_int("k", k, low=1)
    items = list(np.asarray(recommended).tolist()) if np.ndim(recommended) else []
    return items[:k], k


def _as_set(relevant):
    if isinstance(relevant, set | frozenset):
        return set(relevant)
    return set(np.asarray(relevant).tolist()) if np.size(relevant) else set()


def precision_at_k_reference(recommended, relevant, k):
    """|top-k of recommended ∩ relevant| / k (k, not the length of the list).

    >>> precision_at_k_reference([3, 1, 7], {1, 2}, 2)
    0.5
    >>> precision_at_k_reference([3, 1], {1, 3}, 4)
    0.5
    """
    top, k = _top_k(recommended, k)
    return len(set(top) & _as_set(relevant)) / k


def recall_at_k_reference(recommended, relevant, k):
    """|top-k ∩ relevant| / |relevant|; 0.0 when relevant is empty.

    >>> recall_at_k_reference([3, 1, 7], {1, 2}, 2)
    0.5
    >>> recall_at_k_reference([3, 1, 7], set(), 2)
    0.0
    """
    top, k = _top_k(recommended, k)
    rel = _as_set(relevant)
    return len(set(top) & rel) / len(rel) if rel else 0.0


def item_similarity_reference(ratings):
    """Cosine similarity between the item columns; 0 for an item nobody rated.

    >>> item_similarity_reference([[1, 1, 0], [0, 1, 0]]).round(3).tolist()
    [[1.0, 0.707, 0.0], [0.707, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    R = as_ratings(ratings)
    norms = np.sqrt(np.einsum("ui,ui->i", R, R))
    safe = np.where(norms > 0, norms, 1.0)
    unit = R / safe
    S = unit.T @ unit
    S[norms == 0, :] = 0.0
    S[:, norms == 0] = 0.0
    return S


def item_scores(ratings, user, similarity=None):
    """Σ_j sim(i, j)·r(user, j) for every item i (rated items included)."""
    R = as_ratings(ratings)
    user = check_int("user", user, low=0, high=R.shape[0] - 1)
    S = item_similarity_reference(R) if similarity is None else similarity
    return S @ R[user]


def rank_items(scores, allowed):
    """The allowed items by decreasing score, ties to the lower index."""
    scores = np.asarray(scores, dtype=float)
    idx = np.flatnonzero(allowed)
    order = np.lexsort((idx, -scores[idx]))
    return idx[order]


def recommend_reference(ratings, user, k):
    """The k unrated items with the highest score, best first, ties to the lower index.

    When the user has fewer than k unrated items, all of them, ranked.

    >>> recommend_reference([[5, 0, 0, 1], [4, 0, 3, 0], [0, 2, 4, 0]], 0, 2).tolist()
    [2, 1]
    """
    R = as_ratings(ratings)
    k = check_int("k", k, low=1)
    user = check_int("user", user, low=0, high=R.shape[0] - 1)
    return rank_items(item_scores(R, user), R[user] == 0)[:k]


# ------------------------------------------------------------------------ baselines
def recommend_popular(ratings, user, k):
    """The k unrated items rated by the most users (ties to the lower index)."""
    R = as_ratings(ratings)
    counts = np.count_nonzero(R, axis=0)
    return rank_items(counts, R[user] == 0)[: check_int("k", k, low=1)]


def recommend_random(ratings, user, k, seed=0):
    """k unrated items at random (the floor any recommender must beat)."""
    R = as_ratings(ratings)
    rng = np.random.default_rng(check_seed(seed) * 100_003 + int(user))
    unrated = np.flatnonzero(R[user] == 0)
    return rng.permutation(unrated)[: check_int("k", k, low=1)]


def because(ratings, user, item, similarity=None, n=2):
    """The rated items that contribute most to ``item``'s score for ``user``.

    Returns
    -------
    list of (int, float)
        ``(j, sim(item, j) · r(user, j))``, largest first, only positive ones.
    """
    R = as_ratings(ratings)
    S = item_similarity_reference(R) if similarity is None else similarity
    contrib = S[item] * R[user]
    order = rank_items(contrib, contrib > 0)[:n]
    return [(int(j), float(contrib[j])) for j in order]


def content_similarity(genre):
    """Similarity from content alone: 1 for two items of the same genre, else 0."""
    g = np.asarray(genre)
    return (g[:, None] == g[None, :]).astype(float)
