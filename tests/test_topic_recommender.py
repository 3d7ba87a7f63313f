"""10_recommender topic module: references, checks, cases, data, figures, explorer."""

from __future__ import annotations

import hashlib
import math
import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pixels import assert_blits_like_a_full_draw
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
    for scale in (1.0, 1e6, 1e-9, 1e-11, 1e-12):
        for scores in _styles(N * scale, 0):
            gap = (scores[4] - scores[2]) / scores[2]
            assert 1e-12 < gap < 1e-9, gap  # far above rounding, far below isclose
    assert list(core.recommend_reference(N, 0, 2)) == [4, 2]


def _fine_styles(R, user):
    """Scores in more correct styles: fsum loops, pandas, sparse, rescaled, Gram."""
    yield from _styles(R, user)
    R = np.asarray(R, dtype=float)
    u, n = int(user), R.shape[1]
    cols = [[float(x) for x in R[:, i]] for i in range(n)]
    norm = [math.sqrt(math.fsum(x * x for x in c)) for c in cols]
    S = [
        [
            math.fsum(a * b for a, b in zip(cols[i], cols[j])) / (norm[i] * norm[j])
            if norm[i] > 0 and norm[j] > 0
            else 0.0
            for j in range(n)
        ]
        for i in range(n)
    ]
    yield np.array([math.fsum(S[i][j] * R[u, j] for j in range(n)) for i in range(n)])
    df = pd.DataFrame(R)
    norms = np.sqrt((df**2).sum())
    unit = df.div(norms.where(norms > 0, 1.0), axis=1)
    yield unit.T.dot(unit).dot(df.iloc[u]).to_numpy()
    from scipy import sparse
    from sklearn.preprocessing import normalize

    U = normalize(sparse.csc_matrix(R), norm="l2", axis=0)
    yield np.asarray((U.T @ U).todense()) @ R[u]
    top = R.max(axis=0)
    X = np.divide(R, top, out=np.zeros_like(R), where=top > 0)
    Xn = np.linalg.norm(X, axis=0)
    V = np.divide(X, Xn, out=np.zeros_like(X), where=Xn > 0)
    yield (V.T @ V) @ (R[u] / R[u].max())
    G = R.T @ R
    d = np.diag(G)
    with np.errstate(all="ignore"):
        yield np.nan_to_num(G / np.sqrt(np.outer(d, d))) @ R[u]


@pytest.mark.parametrize(
    "e, scale",
    [(4e-12, s) for s in (1.0, 1e6, 1e-9, 1e-11, 1e-12)]
    + [(checks.FINE_GAP, s) for s in (1.0, 1.4, 1e-9, 1e-12, 1e11)],
)
def test_the_near_ties_are_far_above_every_styles_noise(e, scale):
    """The gap is (3/4)e relative in every style; styles differ by a few ulps only."""
    R = checks._near_tie_block(e) * scale
    gaps = []
    for scores in _fine_styles(R, 0):  # one style ranks R[u] / max(R[u]): same gap
        gap = (scores[4] - scores[2]) / scores[2]
        assert gap == pytest.approx(0.75 * e, rel=0.02), gap
        gaps.append(gap)
    assert max(gaps) - min(gaps) < 1e-15, gaps  # noise: a few ulps, not 4.3e-14
    assert 0.75 * checks.FINE_GAP > 4 * 1e-14  # the contract's 1e-14, x4


def test_rounding_to_12_decimals_merges_the_fine_near_tie():
    for scale in (1.0, 1e-9):
        s = core.item_scores(checks._near_tie_block(checks.FINE_GAP) * scale, 0)
        assert np.round(s, 12)[4] == np.round(s, 12)[2]  # absolute
        rel = np.round(s / s.max(), 12)
        assert rel[4] == rel[2]  # relative to the top score
        assert s[4] > s[2]


def test_every_case_stays_inside_the_contracts_rating_range():
    """Non-zero ratings between 1e-12 and 1e12 (docs/exercises.md, 10)."""
    cases = [c[0] for c in topic.similarity_cases(seed=103)]
    cases += [c[0] for c in topic.recommend_cases(seed=104)]
    cases += [c[0] for c in SIMILARITY_CASES + RECOMMEND_CASES]
    smallest, largest = np.inf, 0.0
    for ratings in cases:
        R = np.abs(np.asarray(ratings, dtype=float))
        if R.any():
            smallest = min(smallest, R[R > 0].min())
            largest = max(largest, R.max())
    assert 1e-12 <= smallest < 1.1e-12 and 1e11 < largest <= 1e12


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


def _run_hidden(name, func):
    generators = {
        "precision_at_k": lambda: topic.ranking_cases(seed=101),
        "recall_at_k": lambda: topic.ranking_cases(seed=102),
        "item_similarity": lambda: topic.similarity_cases(seed=103),
        "recommend": lambda: topic.recommend_cases(seed=104),
    }
    check = topic.checker(name, func)
    with np.errstate(all="ignore"):
        for case in generators[name]():
            check(*case[:-1], why=case[-1])


def _floored_similarity(ratings, floor=1e-10):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > floor)
    return unit.T @ unit


def test_a_norm_floor_loses_on_item_similarity_and_recommend():
    with pytest.raises(CheckFailed, match="1e-11") as failure:
        _run_hidden("item_similarity", _floored_similarity)
    assert "Only a norm of exactly 0" in str(failure.value)

    def recommend(ratings, user, k):  # the floor alone, no rounding
        R = np.asarray(ratings, dtype=float)
        s = _floored_similarity(R) @ R[int(user)]
        return core.rank_items(s, R[int(user)] == 0)[:k]

    with pytest.raises(CheckFailed, match="near-tie × 1e-11"):
        _run_hidden("recommend", recommend)


def test_a_floor_below_the_contracts_range_is_not_caught():
    """scikit-learn's dense normalize leaves norms < 10·eps unscaled: still fair."""
    _run_hidden("item_similarity", lambda r: cosine_similarity(np.asarray(r, float).T))
    _run_hidden("item_similarity", lambda r: _floored_similarity(r, floor=1e-13))


@pytest.mark.parametrize(
    "relative, case",
    [(False, "the near-tie with ratings × 1e-9"), (True, "4.3e-14 \\(relative\\)")],
)
def test_rounding_scores_to_12_decimals_loses(relative, case):
    """Absolute rounding already lost on the 3e-12 near-tie × 1e-9; relative
    rounding (12 digits of the top score) loses only on the 4.3e-14 one."""

    def recommend(ratings, user, k):
        R = np.asarray(ratings, dtype=float)
        s = core.item_scores(R, int(user))
        s = np.round(s / s.max(), 12) if relative and s.max() > 0 else np.round(s, 12)
        return core.rank_items(s, R[int(user)] == 0)[:k]

    with pytest.raises(CheckFailed, match=case) as failure:
        _run_hidden("recommend", recommend)
    assert "4e-14 apart" in str(failure.value)  # the rounding hint


@pytest.mark.parametrize("name", ["precision_at_k", "recall_at_k"])
def test_changing_the_callers_relevant_set_loses(name):
    def metric(recommended, relevant, k):
        rel = relevant if isinstance(relevant, set) else set(relevant)
        n = len(rel)
        rel &= set(list(recommended)[:k])  # in place on the caller's set
        return len(rel) / (k if name == "precision_at_k" else max(n, 1))

    with pytest.raises(CheckFailed, match="changed its argument relevant in place"):
        _run_hidden(name, metric)


def test_the_textbook_gram_form_is_exact_inside_the_range():
    def item_similarity(ratings):
        R = np.asarray(ratings, dtype=float)
        G = R.T @ R
        d = np.diag(G)
        with np.errstate(all="ignore"):
            return np.nan_to_num(G / np.sqrt(np.outer(d, d)))

    _run_hidden("item_similarity", item_similarity)


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


# ------------------------------------------ second red team: each new case, each catch
SECOND_ROUND = list(checks._second_round_cases(np.random.default_rng(0)))


def _hidden_case(generator, why):
    (case,) = [c for c in generator if why in c[-1]]
    return case


def _ranked(score):
    """A recommend that ranks the unrated items by ``score(R, user)``."""

    def recommend(ratings, user, k):
        R = np.asarray(ratings, dtype=float)
        return core.rank_items(score(R, int(user)), R[int(user)] == 0)[:k]

    return recommend


def _unit(R, eps=0.0, floor=None):
    norms = np.sqrt((R * R).sum(axis=0)) + eps
    keep = norms > 0 if floor is None else norms > floor
    return np.divide(R, norms, out=np.zeros_like(R), where=keep)


def _eps_scores(R, u):
    U = _unit(R, eps=1e-9)
    return (U.T @ U) @ R[u]


def _floor12_scores(R, u):
    U = _unit(R, floor=1e-12)
    return (U.T @ U) @ R[u]


def _int64_recommend(ratings, user, k):
    R = np.asarray(ratings)
    R = R.astype(np.int64) if R.dtype.kind in "biu" else R.astype(float)
    G = R.T @ R  # wraps in int64 above 3.04e9
    d = np.sqrt(np.diag(G).astype(float))
    with np.errstate(all="ignore"):
        S = np.nan_to_num(
            G / np.outer(np.where(d > 0, d, 1.0), np.where(d > 0, d, 1.0))
        )
    s = S @ R[int(user)]
    return core.rank_items(s, R[int(user)] == 0)[:k]


def _f32keep_recommend(ratings, user, k):
    R = np.asarray(ratings) * 1.0  # a float32 array stays float32
    U = R / np.where(np.sqrt((R * R).sum(0)) > 0, np.sqrt((R * R).sum(0)), 1.0)
    s = (U.T @ U) @ R[int(user)]
    return core.rank_items(s, R[int(user)] == 0)[:k]


def _setorder_recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    s = core.item_scores(R, int(user))
    candidates = set(range(R.shape[1])) - {int(j) for j in np.flatnonzero(R[user])}
    return sorted(candidates, key=lambda i: -s[i])[:k]


BROKEN_RECOMMEND = {
    "eps": (_ranked(_eps_scores), "item 1's only rating is 1e-12"),
    "floor12": (_ranked(_floor12_scores), "only rating is exactly 1e-12"),
    "int64": (_int64_recommend, "int64 ratings of 3e9 and 4e9"),
    "f32keep": (_f32keep_recommend, "float32 input, items 1 and 2"),
    "sim_f32": (_ranked(checks._f32_similarity_scores), "by 4.9e-9"),
    "sim_f32_on_f32": (_ranked(checks._f32_similarity_scores), "float32 input"),
    "sim_round12": (
        _ranked(lambda R, u: np.round(core.item_similarity_reference(R), 12) @ R[u]),
        "by 4.9e-13",
    ),
    "sig14": (_ranked(checks._significant_14), "scores near 1.02"),
    "sig14_block": (_ranked(checks._significant_14), "near-tie × 1.4"),
    "relfloor": (_ranked(checks._relative_floor_scores), "span 1e12 and 1"),
    "setorder": (_setorder_recommend, "items 1 and 8 tie at 0"),
    "seedcut": (_ranked(checks._seed_cut_scores), "31 rated items"),
    "seedcut_heavy": (_ranked(checks._seed_cut_scores), "250 ratings"),
}


@pytest.mark.parametrize("name", list(BROKEN_RECOMMEND))
def test_each_second_round_recommend_case_catches_its_mistake(name):
    broken, why = BROKEN_RECOMMEND[name]
    case = _hidden_case(topic.recommend_cases(seed=104), why)
    with np.errstate(all="ignore"):
        topic.checker("recommend", core.recommend_reference)(*case[:-1])
        with pytest.raises(CheckFailed, match="position"):
            topic.checker("recommend", broken)(*case[:-1], why=case[-1])


def _int64_similarity(ratings):
    R = np.asarray(ratings)
    R = R.astype(np.int64) if R.dtype.kind in "biu" else R.astype(float)
    G = R.T @ R
    d = np.sqrt(np.diag(G).astype(float))
    with np.errstate(all="ignore"):
        return np.nan_to_num(G / np.outer(d, d))


@pytest.mark.parametrize(
    "broken, why",
    [
        (lambda r: _floored_similarity(r, floor=1e-12), "exactly 1e-12 (the range"),
        (
            lambda r: _floored_similarity(r, floor=1e-12),
            "item 0's only rating is 1e-12",
        ),
        (_int64_similarity, "int64 ratings of 4e9"),
        (_int64_similarity, "int64 ratings up to 1e12"),
    ],
)
def test_each_second_round_similarity_case_catches_its_mistake(broken, why):
    case = _hidden_case(topic.similarity_cases(seed=103), why)
    with np.errstate(all="ignore"), pytest.raises(CheckFailed, match="expected"):
        topic.checker("item_similarity", broken)(*case[:-1], why=case[-1])


@pytest.mark.parametrize("name", ["precision_at_k", "recall_at_k"])
@pytest.mark.parametrize(
    "why", ["relevant = [0], a list", "item 0 is relevant", "relevant = array([0])"]
)
def test_an_any_guard_loses_when_item_0_is_relevant(name, why):
    reference = topic.EXERCISES[name].reference

    def metric(recommended, relevant, k):
        return reference(recommended, relevant, k) if any(relevant) else 0.0

    case = _hidden_case(topic.ranking_cases(seed=101), why)
    with pytest.raises(CheckFailed, match="any\\(relevant\\)"):
        topic.checker(name, metric)(*case[:-1], why=case[-1])


@pytest.mark.parametrize("case", SECOND_ROUND, ids=lambda c: str(c[-1])[:40])
def test_second_round_cases_rank_the_same_in_every_correct_style(case):
    ratings, user, k, _ = case
    R = np.asarray(ratings, dtype=float)
    expected = list(core.recommend_reference(ratings, user, k))
    styles = _fine_styles(R, user) if R.size <= 2_000 else _styles(R, user)
    for scores in styles:
        assert list(core.rank_items(scores, R[int(user)] == 0)[:k]) == expected
    assert expected == recommend_slow(ratings, user, k)


def test_second_round_near_ties_are_above_the_contracts_threshold():
    """Each hand-built near-tie's top two scores differ by > 1e-14 relative, x4."""
    for ratings, user, _k, why in SECOND_ROUND:
        if "apart" not in why and "beats" not in why and "× 1.4" not in why:
            continue
        R = np.asarray(ratings, dtype=float)
        s = core.item_scores(R, user)
        a, b = np.sort(s[R[user] == 0])[::-1][:2]
        assert (a - b) / a > 4e-14, (why, (a - b) / a)


def test_the_pure_python_pair_loop_is_too_slow_for_the_stated_size():
    """docs/exercises.md names 2,000 users × 500 items: 125,000 pairs × 2,000 users."""

    def item_similarity(ratings):
        rows = [[float(x) for x in row] for row in ratings]
        n = len(rows[0])
        cols = [[row[i] for row in rows] for i in range(n)]
        S = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i, n):
                S[i][j] = S[j][i] = sum(a * b for a, b in zip(cols[i], cols[j]))
        return S

    (R,) = [
        c[0] for c in topic.similarity_cases(seed=103) if np.shape(c[0]) == (2_000, 500)
    ]
    check = topic.checker("item_similarity", item_similarity, time_limit=0.5)
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


def test_user_explorer_box_redraws_on_each_slider(data, split):
    box = topic.user_explorer(data, split[0], user=3, k=5)
    first = box.image.widget.value
    box.user.value = 4
    second = box.image.widget.value
    assert second != first
    box.k.value = 7
    assert box.image.widget.value != second
    fresh = topic.user_explorer(data, split[0], user=3, k=5)
    assert assert_blits_like_a_full_draw(fresh) == 8
    assert fresh.image.full_draws == 1


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
