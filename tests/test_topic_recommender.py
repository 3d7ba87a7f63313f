"""10_recommender topic module: references, checks, cases, data, figures, explorer."""

from __future__ import annotations

import hashlib
import math
import subprocess
import sys
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics.pairwise import cosine_similarity

from interview_lab.checking import CheckFailed
from interview_lab.topics import recommender as topic
from interview_lab.topics.recommender import checks, core

RANKING_CASES = list(topic.ranking_cases(seed=3, n_random=30))
SIMILARITY_CASES = list(topic.similarity_cases(seed=3, n_random=30))
RECOMMEND_CASES = list(topic.recommend_cases(seed=3, n_random=30))
HIDDEN_RECOMMEND_CASES = list(topic.recommend_cases(seed=104))  # the notebook's


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --------------------------------------------------- slow references from the definition
def hits_slow(recommended, relevant, k):
    top = [x.item() if hasattr(x, "item") else x for x in list(recommended)[:k]]
    wanted = [x.item() if hasattr(x, "item") else x for x in list(relevant)]
    return sum(1 for x in top if any(x == w for w in wanted))


def precision_slow(recommended, relevant, k):
    return hits_slow(recommended, relevant, k) / k


def recall_slow(recommended, relevant, k):
    n = len(set(list(relevant)))
    return hits_slow(recommended, relevant, k) / n if n else 0.0


def cosine_slow(ratings):
    R = np.asarray(ratings, dtype=float)
    n_users, n_items = R.shape
    S = np.zeros((n_items, n_items))
    for i in range(n_items):
        for j in range(n_items):
            dot = math.fsum(R[u, i] * R[u, j] for u in range(n_users))
            ni = math.sqrt(math.fsum(R[u, i] ** 2 for u in range(n_users)))
            nj = math.sqrt(math.fsum(R[u, j] ** 2 for u in range(n_users)))
            S[i, j] = dot / (ni * nj) if ni > 0 and nj > 0 else 0.0
    return S


def recommend_slow(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    S = cosine_similarity(R.T)  # zero columns give 0 in scikit-learn
    user = int(user)
    scored = []
    for i in range(R.shape[1]):
        if R[user, i] == 0:
            score = math.fsum(S[i, j] * R[user, j] for j in range(R.shape[1]))
            scored.append((-score, i))
    return [i for _, i in sorted(scored)[:k]]


# ----------------------------------------------------------------- references
@pytest.mark.parametrize("case", RANKING_CASES, ids=lambda c: str(c[-1])[:40])
def test_ranking_references_match_the_definition(case):
    rec, rel, k, _ = case
    assert core.precision_at_k_reference(rec, rel, k) == pytest.approx(
        precision_slow(rec, rel, k), abs=1e-15
    )
    assert core.recall_at_k_reference(rec, rel, k) == pytest.approx(
        recall_slow(rec, rel, k), abs=1e-15
    )


def test_ranking_reference_worked_examples():
    assert core.precision_at_k_reference([3, 1, 7, 4], {1, 4, 9}, 2) == 0.5
    assert core.recall_at_k_reference([3, 1, 7, 4], {1, 4, 9}, 2) == pytest.approx(
        1 / 3
    )
    assert core.precision_at_k_reference([3, 1], {1, 3, 9}, 5) == 0.4
    assert core.recall_at_k_reference([], set(), 3) == 0.0
    with pytest.raises(ValueError, match="k must be an int >= 1, got 0"):
        core.precision_at_k_reference([1], {1}, 0)


@pytest.mark.parametrize(
    "case",
    [c for c in SIMILARITY_CASES if np.size(c[0]) <= 2_000],
    ids=lambda c: str(c[-1])[:40],
)
def test_item_similarity_reference_matches_fsum_and_sklearn(case):
    ratings, _ = case
    S = core.item_similarity_reference(ratings)
    R = np.asarray(ratings, dtype=float)
    assert S.dtype == np.float64 and S.shape == (R.shape[1], R.shape[1])
    np.testing.assert_allclose(S, cosine_slow(ratings), atol=1e-12, rtol=0)
    np.testing.assert_allclose(S, cosine_similarity(R.T), atol=1e-12, rtol=0)
    assert not np.isnan(S).any()


def test_item_similarity_reference_on_the_large_case():
    (R,) = [c[0] for c in SIMILARITY_CASES if np.shape(c[0]) == (2_000, 500)]
    S = core.item_similarity_reference(R)
    np.testing.assert_allclose(S, cosine_similarity(np.asarray(R, float).T), atol=1e-12)


@pytest.mark.parametrize("case", RECOMMEND_CASES, ids=lambda c: str(c[-1])[:40])
def test_recommend_reference_matches_a_python_sort(case):
    ratings, user, k, _ = case
    got = core.recommend_reference(ratings, user, k)
    assert list(got) == recommend_slow(ratings, user, k)
    R = np.asarray(ratings, dtype=float)
    assert all(R[int(user), i] == 0 for i in got), "a rated item was recommended"
    assert len(got) == min(k, int(np.sum(R[int(user)] == 0)))


def test_the_diagonal_never_changes_recommend():
    """Self-similarity adds nothing: an unrated item has r(user, i) = 0."""
    for ratings, user, k, _ in RECOMMEND_CASES:
        R = np.asarray(ratings, dtype=float)
        S = core.item_similarity_reference(R)
        np.fill_diagonal(S, 0.0)
        s = S @ R[int(user)]
        assert list(core.rank_items(s, R[int(user)] == 0)[:k]) == list(
            core.recommend_reference(R, user, k)
        )


# ------------------------------------------------ the cases are fair to every style
def _styles(R, user):
    """Scores of every item computed in several correct ways."""
    R = np.asarray(R, dtype=float)
    u = int(user)
    norms = np.sqrt((R**2).sum(0))
    safe = np.where(norms > 0, norms, 1.0)
    unit = R / safe
    yield (unit.T @ unit) @ R[u]
    yield cosine_similarity(R.T) @ R[u]
    G = R.T @ R / np.outer(safe, safe)
    yield G @ R[u]
    yield unit.T @ (unit @ R[u])
    yield np.array(
        [sum(G[i, j] * R[u, j] for j in range(R.shape[1])) for i in range(R.shape[1])]
    )
    with np.errstate(all="ignore"):
        yield (
            np.nan_to_num(
                1 - __import__("scipy").spatial.distance.cdist(R.T, R.T, "cosine")
            )
            @ R[u]
        )


@pytest.mark.parametrize(
    "case", RECOMMEND_CASES + HIDDEN_RECOMMEND_CASES, ids=lambda c: str(c[-1])[:40]
)
def test_every_correct_way_of_scoring_gives_the_same_ranking(case):
    ratings, user, k, _ = case
    R = np.asarray(ratings, dtype=float)
    expected = list(core.recommend_reference(R, user, k))
    for scores in _styles(R, user):
        assert list(core.rank_items(scores, R[int(user)] == 0)[:k]) == expected


def test_the_exact_tie_is_exact_and_the_near_tie_is_not_a_tie():
    R = checks._dyadic_block()
    for scores in _styles(R, 0):
        assert scores[3] == scores[5]  # bitwise, in every style
    N = checks._near_tie_block()
    for scale in (1.0, 1e6, 1e-9):
        for scores in _styles(N * scale, 0):
            gap = (scores[4] - scores[2]) / scores[2]
            assert 1e-12 < gap < 1e-9, gap  # far above rounding, far below isclose
    assert list(core.recommend_reference(N, 0, 2)) == [4, 2]


def test_robust_screens_out_fragile_cases():
    R = np.array([[1.0, 0, 0], [1.0, 1.0, 1.0 + 1e-15]])
    assert not checks._robust(R, 0, 2)
    assert checks._robust(np.array([[1.0, 0, 0], [1.0, 1.0, 0], [0, 0, 1.0]]), 0, 2)
    # the hand-built near-tie is fragile by this screen's standard (1e-9) on purpose:
    # its structure is exact, which test_the_exact_tie_is_exact_... proves instead
    assert not checks._robust(checks._near_tie_block(), 0, 3)


def test_uint8_cases_overflow_in_uint8():
    ratings = [
        c[0] for c in SIMILARITY_CASES if getattr(c[0], "dtype", None) == np.uint8
    ]
    assert ratings
    R = ratings[0]
    assert not np.array_equal(R.T @ R, R.astype(float).T @ R.astype(float))


# ---------------------------------------------------------------- cases and mistakes
def test_case_generators_are_seeded_and_mix_lists_and_arrays():
    for make in (topic.ranking_cases, topic.similarity_cases, topic.recommend_cases):
        a, b = list(make(seed=5, n_random=10)), list(make(seed=5, n_random=10))
        assert len(a) == len(b) and [c[-1] for c in a] == [c[-1] for c in b]
        kinds = {type(c[0]).__name__ for c in a}
        assert {"list", "ndarray"} <= kinds


def test_cases_are_identical_in_a_fresh_process():
    code = (
        "import hashlib, numpy as np\n"
        "from interview_lab.topics import recommender as t\n"
        "h = hashlib.sha256()\n"
        "for c in t.recommend_cases(seed=104):\n"
        "    h.update(np.asarray(c[0], float).tobytes()); h.update(repr(c[1:]).encode())\n"
        "print(h.hexdigest())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    h = hashlib.sha256()
    for c in topic.recommend_cases(seed=104):
        h.update(np.asarray(c[0], float).tobytes())
        h.update(repr(c[1:]).encode())
    assert out.stdout.strip() == h.hexdigest()


@pytest.mark.parametrize("name", list(topic.EXERCISES))
def test_every_mistake_loses_on_the_hidden_cases(name):
    generators = {
        "precision_at_k": lambda: topic.ranking_cases(seed=101),
        "recall_at_k": lambda: topic.ranking_cases(seed=102),
        "item_similarity": lambda: topic.similarity_cases(seed=103),
        "recommend": lambda: topic.recommend_cases(seed=104),
    }
    for mistake in topic.EXERCISES[name].mistakes:
        check = topic.checker(name, mistake.compute)
        with pytest.raises(CheckFailed):
            for case in generators[name]():
                check(*case[:-1], why=case[-1])


def test_ranking_problem_explains_what_differs():
    p = checks._ranking_problem
    assert p([2, 1], np.array([2, 1])) is None
    assert p(np.array([2.0, 1.0]), np.array([2, 1])) is None
    assert p([], np.array([], dtype=int)) is None
    assert p([2], np.array([2, 1])) == "holds 1 items, expected 2"
    assert p([1, 2], np.array([2, 1])) == "position 0: item 1, expected item 2"
    assert "integers" in p(["a"], np.array([1]))
    assert "flat" in p([[1, 2]], np.array([1, 2]))


def test_a_rated_item_in_the_result_gets_the_rated_hint():
    def recommend(ratings, user, k):
        R = np.asarray(ratings, float)
        return np.argsort(
            -(core.item_similarity_reference(R) @ R[user]), kind="stable"
        )[:k]

    check = topic.checker("recommend", recommend)
    with pytest.raises(CheckFailed, match="already rated"):
        check([[5, 0, 0, 1], [4, 0, 3, 0], [0, 2, 4, 0]], 0, 2)


def test_a_slow_pair_loop_in_pure_python_is_stopped():
    def item_similarity(ratings):
        R = np.asarray(ratings, dtype=float).tolist()
        n_items = len(R[0])
        return [
            [sum(row[i] * row[j] for row in R) for j in range(n_items)]
            for i in range(n_items)
        ]

    check = topic.checker("item_similarity", item_similarity, time_limit=0.5)
    (R,) = [c[0] for c in SIMILARITY_CASES if np.shape(c[0]) == (2_000, 500)]
    with pytest.raises(CheckFailed, match="did not finish"):
        check(R)


# ------------------------------------------------------------------------- the data
def test_make_ratings_has_structure_and_is_seeded():
    data = core.make_ratings(400, 120, seed=0)
    R = data.ratings
    assert R.shape == (400, 120) and set(np.unique(R)) <= {0, 1, 2, 3, 4, 5}
    assert 0.05 < np.mean(R > 0) < 0.25
    counts = np.sort(np.count_nonzero(R, 0))[::-1]
    assert counts[: len(counts) // 5].sum() > 0.4 * counts.sum()  # a long tail
    fav = data.taste.argmax(1)
    in_fav = np.mean(data.genre[np.nonzero(R)[1]] == fav[np.nonzero(R)[0]])
    assert in_fav > 0.5  # tastes: most ratings in the user's favourite genre
    np.testing.assert_array_equal(core.make_ratings(400, 120, seed=0).ratings, R)
    assert not np.array_equal(core.make_ratings(400, 120, seed=1).ratings, R)
    assert len(data.names) == 120 and data.names[0].split()[0] in core.GENRES


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_users": 1}, "n_users must be an int >= 2, got 1"),
        ({"n_items": 2}, "n_items must be an int >= 4, got 2"),
        ({"seed": -1}, "seed must be a non-negative int, got -1"),
    ],
)
def test_make_ratings_validates(kwargs, message):
    with pytest.raises(ValueError, match=message):
        core.make_ratings(**kwargs)


def test_hold_out_hides_liked_items_and_leaves_the_input():
    data = core.make_ratings(seed=0)
    before = data.ratings.copy()
    train, relevant = core.hold_out(data.ratings, n_per_user=2, min_rating=4, seed=0)
    np.testing.assert_array_equal(data.ratings, before)
    assert len(relevant) == before.shape[0]
    for u, items in enumerate(relevant):
        assert len(items) <= 2
        for i in items:
            assert before[u, i] >= 4 and train[u, i] == 0
    assert np.count_nonzero(before) - np.count_nonzero(train) == sum(map(len, relevant))
    with pytest.raises(ValueError, match="n_per_user must be an int >= 1, got 0"):
        core.hold_out(before, n_per_user=0)


def test_as_ratings_rejects_bad_matrices():
    with pytest.raises(ValueError, match=r"2-D .* got shape \(3,\)"):
        core.as_ratings([1, 2, 3])
    with pytest.raises(ValueError, match=">= 0"):
        core.as_ratings([[1, -1]])


def test_baselines_and_because():
    R = np.array([[5, 0, 0, 1], [4, 0, 3, 0], [0, 2, 4, 0], [0, 0, 5, 0]])
    assert list(core.recommend_popular(R, 0, 2)) == [2, 1]
    rnd = core.recommend_random(R, 0, 2, seed=0)
    assert set(rnd) <= {1, 2} and list(rnd) == list(
        core.recommend_random(R, 0, 2, seed=0)
    )
    why = core.because(R, 0, 2)
    assert [j for j, _ in why] == [0]  # item 2 shares user 1 with item 0 only
    assert why[0][1] == pytest.approx(core.item_similarity_reference(R)[2, 0] * 5)
    np.testing.assert_array_equal(
        core.content_similarity([0, 1, 0]), [[1, 0, 1], [0, 1, 0], [1, 0, 1]]
    )


# ------------------------------------------------------------------- figures, explorer
@pytest.fixture(scope="module")
def data():
    return core.make_ratings(seed=0)


@pytest.fixture(scope="module")
def split(data):
    return core.hold_out(data.ratings, seed=0)


def test_ratings_and_similarity_figures(data, split):
    fig = topic.ratings_figure(data)
    heat, tail = fig.axes[:2]  # the colorbar comes last
    assert heat.images and len(tail.patches) == 120
    fig = topic.similarity_figure(core.item_similarity_reference(split[0]), data)
    assert fig.axes[0].images[0].get_array().shape == (120, 120)
    with pytest.raises(
        ValueError, match=r"similarity must have shape \(120, 120\), got \(3, 3\)"
    ):
        topic.similarity_figure(np.eye(3), data)


def _png(explorer):
    return hashlib.sha256(explorer._repr_png_()).hexdigest()


def test_user_explorer_updates_return_the_recommendations(data, split):
    train = split[0]
    ex = topic.UserExplorer(data, train, user=23, k=5)
    before = _png(ex)
    shown = ex.update_user(50)
    assert shown["user"] == 50
    assert shown["recommended"] == list(core.recommend_reference(train, 50, 5))
    expected = core.item_scores(train, 50)[shown["recommended"]]
    np.testing.assert_allclose(shown["scores"], expected)
    assert _png(ex) != before
    shown = ex.update_k(8)
    assert len(shown["recommended"]) == 8 and len(ex.reasons) == 8
    for item, reasons in zip(shown["recommended"], ex.reasons):
        assert [j for j, _ in reasons] == [j for j, _ in core.because(train, 50, item)]
    with pytest.raises(ValueError, match="k must be an int from 3 to 10, got 11"):
        ex.update_k(11)


def test_user_explorer_is_fast(data, split):
    ex = topic.UserExplorer(data, split[0], user=0, k=5)
    start = time.perf_counter()
    for u in range(5):
        ex.update_user(u, draw=False)
    assert (time.perf_counter() - start) / 5 < 0.1


def test_user_explorer_box_redraws_on_each_slider(data, split):
    box = topic.user_explorer(data, split[0], user=3, k=5)
    first = box.image.widget.value
    box.user.value = 4
    second = box.image.widget.value
    assert second != first
    box.k.value = 7
    assert box.image.widget.value != second


def test_evaluation_table_and_figure(split):
    train, relevant = split
    recs = {"cf": core.recommend_reference, "popularity": core.recommend_popular}
    table = topic.evaluation_table(train, relevant, recs, ks=(1, 10))
    users = [u for u in range(len(relevant)) if relevant[u]]
    p10 = np.mean(
        [
            precision_slow(core.recommend_popular(train, u, 10), relevant[u], 10)
            for u in users
        ]
    )
    assert table.loc[("popularity", 10), "precision@k"] == pytest.approx(p10)
    assert table.loc[("cf", 10), "recall@k"] > table.loc[("popularity", 10), "recall@k"]
    fig = topic.evaluation_figure(table)
    assert [len(ax.lines) for ax in fig.axes] == [2, 2]
    with pytest.raises(ValueError, match="relevant must hold 400 sets, got 1"):
        topic.evaluation_table(train, [set()], recs)


def test_popularity_bias_table_and_figure(split):
    train = split[0]
    recs = {"cf": core.recommend_reference, "popularity": core.recommend_popular}
    table = topic.popularity_bias_table(train, recs, k=10)
    assert (
        table.loc["popularity", "share from the top 10% items"]
        > table.loc["cf", "share from the top 10% items"]
    )
    assert (
        table.loc["cf", "catalogue coverage"]
        > table.loc["popularity", "catalogue coverage"]
    )
    assert sum(table.attrs["shown"]["cf"]) == 10 * train.shape[0]
    fig = topic.popularity_bias_figure(table)
    assert len(fig.axes) == 2
    with pytest.raises(ValueError, match="popularity_bias_table"):
        topic.popularity_bias_figure(pd.DataFrame(table.values))


def test_scale_table_numbers():
    table = topic.scale_table(n_users=100_000_000, n_items=10_000_000, history=100)
    row = table.loc["score every item (dense item-item)"]
    assert row["multiply-adds per request"] == "1.0e+09"
    assert row["memory"] == "400 TB"
    with pytest.raises(ValueError, match="history must be an int >= 1, got 0"):
        topic.scale_table(history=0)
