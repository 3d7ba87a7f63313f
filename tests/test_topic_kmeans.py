"""06_kmeans topic: references, sampling statistics, invariant checks, data, figures."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw
from scipy.stats import binom

from interview_lab.checking import CheckFailed
from interview_lab.topics import kmeans as topic
from interview_lab.topics.kmeans import checks, core, figures

# A learner's kmeans calls kmeans_plus_plus by name: the variants below do too, and
# check_empty_cluster swaps this module-level name while it runs.
kmeans_plus_plus = core.kmeans_plus_plus_reference


# --------------------------------------------------------------- slow references
def d2_slow(a, b):
    return sum((float(x) - float(y)) ** 2 for x, y in zip(a, b, strict=True))


def inclusion_slow(X, sampler):
    """P(row i among the 2 centers), from the definitions, with exact fractions
    (floats only for D and the greedy potentials)."""
    X = [list(map(float, r)) for r in X]
    n = len(X)
    pi = [Fraction(0)] * n
    for f in range(n):
        w = [d2_slow(X[f], x) for x in X]
        if sampler == "uniform":
            second = [Fraction(0 if i == f else 1, n - 1) for i in range(n)]
        elif sampler == "farthest":
            top = max(range(n), key=lambda i: (w[i], -i))
            second = [Fraction(int(i == top)) for i in range(n)]
        elif sampler in ("d2", "d1"):
            v = [Fraction(x) if sampler == "d2" else Fraction(x**0.5) for x in w]
            second = [x / sum(v) for x in v]
        else:  # greedy: two D² candidates, the one leaving the smaller potential
            p = [Fraction(x) / Fraction(sum(w)) for x in w]
            pot = [
                sum(min(w[m], d2_slow(X[a], X[m])) for m in range(n)) for a in range(n)
            ]
            second = [Fraction(0)] * n
            for a, b in itertools.product(range(n), repeat=2):
                second[a if pot[a] <= pot[b] else b] += p[a] * p[b]
        for i in range(n):
            pi[i] += Fraction(1, n) * (int(i == f) + (0 if i == f else second[i]))
    return [float(x) for x in pi]


def kmeans_slow(X, centers, rounds=500):
    """Lloyd's algorithm with plain loops (no empty clusters on these inputs)."""
    X = [list(map(float, r)) for r in X]
    C = [list(map(float, c)) for c in centers]
    labels = None
    for _ in range(rounds):
        new = [min(range(len(C)), key=lambda j, x=x: (d2_slow(x, C[j]), j)) for x in X]
        if new == labels:
            break
        labels = new
        for j in range(len(C)):
            members = [x for x, lab in zip(X, labels, strict=True) if lab == j]
            C[j] = [sum(col) / len(members) for col in zip(*members, strict=True)]
    return C, labels, sum(d2_slow(x, C[lab]) for x, lab in zip(X, labels, strict=True))


# ------------------------------------------------------------------ statistics
SMALL = [np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0], [0.0, 3.0], [2.0, 2.0]])]
SMALL += [checks.far_near_data(0)[0], checks.near_tie_data(0)[0]]


@pytest.mark.parametrize("sampler", core.SAMPLERS)
@pytest.mark.parametrize("i", range(len(SMALL)))
def test_inclusion_probabilities_match_the_definitions(sampler, i):
    got = core.inclusion_probabilities(SMALL[i], sampler)
    assert np.allclose(got, inclusion_slow(SMALL[i], sampler), atol=1e-12)
    assert got.sum() == pytest.approx(2.0)


@pytest.mark.parametrize("n, p", [(100, 0.5), (600, 0.9213), (600, 0.2762), (7, 0.0)])
def test_binomial_cdf_and_min_count_match_scipy(n, p):
    cdf = core.binomial_cdf(n, p)
    assert np.allclose(cdf, binom.cdf(np.arange(n + 1), n, p), atol=1e-12)
    c = core.min_count(n, p, 1e-7)
    assert binom.cdf(c - 1, n, p) <= 1e-7 if c else True
    assert binom.cdf(c, n, p) > 1e-7


def test_statistical_checks_have_the_documented_error_rates():
    """A correct D² sampler fails with probability below 1e-7; the mistaken samplers
    pass with probability below 1e-6."""
    for data, n_seeds, wrong in [
        (checks.far_near_data(0)[:2], 600, ("uniform", "d1")),
        (checks.far_near_data(1)[:2], 600, ("uniform", "d1")),
        (checks.near_tie_data(0), 600, ("uniform", "farthest")),
        (checks.near_tie_data(1), 600, ("uniform", "farthest")),
    ]:
        X, i = data
        p = {s: core.inclusion_probabilities(X, s)[i] for s in core.SAMPLERS}
        need = core.min_count(n_seeds, p["d2"], checks.ALPHA)
        assert binom.cdf(need - 1, n_seeds, p["d2"]) <= 1e-7
        for bad in wrong:
            assert binom.sf(need - 1, n_seeds, p[bad]) < 1e-6, (bad, need)
    X, far, _ = checks.far_near_data(0)
    assert core.inclusion_probabilities(X, "d2")[far] == pytest.approx(0.9213, abs=1e-4)
    assert core.min_count(600, core.inclusion_probabilities(X, "d2")[far]) == 515
    X, i = checks.near_tie_data(0)
    assert core.min_count(600, core.inclusion_probabilities(X, "d2")[i]) == 242


@pytest.mark.parametrize(
    "name, p, lo, hi, wrong",
    [
        ("k3", 0.5309, 447, 614, (1 / 3, 0.3817)),
        ("d4", 0.0074, 6, 62, (0.0001,)),
        ("copies", 0.0409, 101, 235, (0.0750,)),
    ],
)
def test_set_frequency_bounds_are_exact(name, p, lo, hi, wrong):
    """Two-sided bounds: a correct sampler fails with probability below 1e-7, the
    red team's wrong samplers pass with probability below 1e-4."""
    X, k, key, n_seeds, got = checks.set_frequency_data(name)
    assert got == pytest.approx(p, abs=1e-4)
    assert core.min_count(n_seeds, got, checks.ALPHA / 2) == lo
    assert core.max_count(n_seeds, got, checks.ALPHA / 2) == hi
    assert binom.cdf(lo - 1, n_seeds, got) + binom.sf(hi, n_seeds, got) <= 1e-7
    for q in wrong:
        assert binom.cdf(hi, n_seeds, q) - binom.cdf(lo - 1, n_seeds, q) < 1e-4


def test_reference_sampler_frequencies_match_the_exact_probabilities():
    X, far, near = checks.far_near_data(0)
    n = 3000
    hits = np.zeros(len(X))
    for seed in range(n):
        chosen = core.kmeans_plus_plus_reference(X, 2, seed)
        for v in np.unique(chosen, axis=0):
            hits[np.all(X == v, axis=1)] += 1
    pi = core.inclusion_probabilities(X, "d2")
    # a value is chosen when one of its copies is (never two: the rows are distinct)
    p = np.array([pi[np.all(X == x, axis=1)].sum() for x in X])
    sd = np.sqrt(n * p * (1 - p))
    assert np.all(np.abs(hits - n * p) <= 6 * sd + 1e-9)
    assert hits[far] > 2 * n / 3 > hits[near]


# ---------------------------------------------------------------- references
def test_kmeans_reference_matches_slow_lloyd_and_sklearn():
    from sklearn.cluster import KMeans

    X, _ = core.blobs([[0, 0], [6, 0], [3, 5]], 30, 1.2, seed=4)
    start = core.kmeans_plus_plus_reference(X, 3, 2)
    C, labels, inertia = core.lloyd(X, start)
    C_slow, labels_slow, inertia_slow = kmeans_slow(X, start)
    assert labels.tolist() == labels_slow
    assert np.allclose(C, C_slow) and inertia == pytest.approx(inertia_slow)
    sk = KMeans(3, init=start, n_init=1, tol=0, algorithm="lloyd").fit(X)
    assert np.allclose(sk.cluster_centers_, C) and sk.inertia_ == pytest.approx(inertia)
    c, lab, i = core.kmeans_reference(X, 3, random_state=2)
    assert np.allclose(c, C) and i == pytest.approx(inertia)


def test_lloyd_reseeds_the_cluster_that_empties():
    X, start = checks.empty_cluster_start()
    C, labels, inertia, steps = core.lloyd(X, start, history=True)
    # without re-seeding, the second assignment leaves cluster 0 empty, by margins
    C1 = steps[2][1]
    d2 = core.squared_distances(X, C1)
    assert 0 not in d2.argmin(axis=1)
    margins = d2[:, 0] - np.delete(d2, 0, axis=1).min(axis=1)
    assert margins[[2, 4]].min() > 0.1
    assert np.bincount(labels, minlength=4).min() >= 1
    assert np.all(labels == core.nearest(X, C))
    assert inertia == pytest.approx(core.inertia_of(X, C, labels))


def test_batch_functions_match_the_single_run_references():
    X, _ = core.grid_blobs(5)
    starts = core.batch_inits(X, 5, 12, "k-means++", seed=1)
    C, inertia = core.batch_lloyd(X, starts)
    for r in range(12):
        c, _, i = core.lloyd(X, starts[r])
        assert i == pytest.approx(inertia[r], rel=1e-9)
        assert np.allclose(np.sort(c, axis=0), np.sort(C[r], axis=0))
        assert len(np.unique(starts[r], axis=0)) == 5
    rows = {tuple(r) for r in X}
    for method in ("random", "k-means++"):
        s = core.batch_inits(X, 5, 20, method, seed=2)
        assert s.shape == (20, 5, 2) and all(tuple(c) in rows for c in s.reshape(-1, 2))
        assert all(len(np.unique(run, axis=0)) == 5 for run in s)


def test_silhouette_matches_sklearn():
    from sklearn.metrics import silhouette_samples

    X, _ = core.demo_data()
    for k in (2, 4, 7):
        labels = core.kmeans_reference(X, k, random_state=0)[1]
        assert np.allclose(
            core.silhouette_samples(X, labels), silhouette_samples(X, labels)
        )
    assert core.silhouette_samples([[0.0], [1.0], [5.0]], [0, 0, 1])[2] == 0.0
    with pytest.raises(ValueError, match="at least 2 clusters, got 1"):
        core.silhouette_samples([[0.0], [1.0]], [3, 3])


def test_separated_blobs_optimum_is_sklearns():
    from sklearn.cluster import KMeans

    X, k = checks.separated_blobs()
    y = np.repeat(np.arange(4), 100)
    best = sum(((X[y == j] - X[y == j].mean(0)) ** 2).sum() for j in range(4))
    sk = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    assert sk.inertia_ == pytest.approx(best, rel=1e-9)


# ------------------------------------------------------------ data and validation
def test_generators_are_seeded_and_validated():
    X, y = core.demo_data()
    assert X.shape == (300, 2) and np.array_equal(X, core.demo_data()[0])
    X[0] = 99  # a copy: the cache is safe
    assert core.demo_data()[0][0, 0] != 99
    Xi, _ = core.blobs([[0, 0]], 5, as_int=True)
    assert Xi.dtype.kind == "i"
    assert core.grid_blobs(7)[0].shape == (175, 2)
    assert core.limits_data("moons")[0].shape == (300, 2)
    for kind in ("scaling", "unequal"):
        X, y = core.limits_data(kind)
        assert len(X) == len(y) and set(y.tolist()) == {0, 1}
    with pytest.raises(ValueError, match=re.escape("got 'rings'")):
        core.limits_data("rings")
    with pytest.raises(ValueError, match=re.escape("got -1")):
        core.demo_data(seed=-1)
    with pytest.raises(ValueError, match=re.escape("got 0")):
        core.grid_blobs(0)
    with pytest.raises(ValueError, match=re.escape("got -1, 1.0")):
        core.blobs([[0, 0]], -1, 1.0)
    with pytest.raises(ValueError, match=re.escape("got shape (3,)")):
        core.as_points([1.0, 2.0, 3.0])
    with pytest.raises(
        ValueError, match=re.escape("must be an int from 1 to 3, got 4")
    ):
        core.kmeans_plus_plus_reference(np.eye(3), 4)
    with pytest.raises(ValueError, match=re.escape("got 'forgy'")):
        core.batch_inits(np.eye(3), 2, 5, method="forgy")
    with pytest.raises(ValueError, match=re.escape("got 'best'")):
        core.inclusion_probabilities(np.eye(3), "best")
    with pytest.raises(ValueError, match="fewer than k=3 distinct rows"):
        core.kmeans_plus_plus_reference([[0, 0], [0, 0], [1, 1]], 3)


def _distinct(X):
    return len(np.unique(np.asarray(X, dtype=float), axis=0))


def test_init_cases_cover_the_dimensions():
    cases = list(checks.init_cases(seed=61))
    assert all(_distinct(X) >= k for X, k, _ in cases)
    whys = " ".join(w for _, _, w in cases if w)
    for word in (
        "integer",
        "1e6",
        "1e-9",
        "duplicated",
        "k = 1",
        "k = n",
        "single",
        "3000",
        "int64 coordinates 3.04e9",
        "offset 1e8",
        "1e-7 apart at 1e6",
    ):
        assert word in whys
    assert any(isinstance(X, list) for X, _, _ in cases)
    assert any(np.asarray(X).dtype.kind == "i" for X, _, _ in cases)
    assert any(_distinct(X) == k < len(X) for X, k, _ in cases)  # every value once


def test_kmeans_cases_cover_the_dimensions():
    cases = list(checks.kmeans_cases(seed=63))
    assert all(_distinct(X) >= k for X, k, _ in cases)
    whys = " ".join(w for _, _, w in cases if w)
    for word in (
        "integer",
        "1e6",
        "1e-9",
        "duplicated",
        "k = 1",
        "k = n",
        "single",
        "3000",
        "uint8",
        "int8",
        "int64",
        "offsets 1e6 and 0",
    ):
        assert word in whys
    assert any(isinstance(X, list) for X, _, _ in cases)
    # stopping after one round shows: some cases need many rounds
    X = np.random.default_rng(0).random((3000, 2))
    *_, steps = core.lloyd(X, core.kmeans_plus_plus_reference(X, 8, 4), history=True)
    assert len(steps) > 20


# ------------------------------------------------------- kmeans_plus_plus checks
def _shift(func, offset):
    """func with every seed moved by offset (None stays None)."""

    def shifted(X, k, random_state=None):
        rs = None if random_state is None else random_state + offset
        return func(X, k, rs)

    return shifted


def kpp_sklearn(X, k, random_state=None):
    from sklearn.cluster import kmeans_plusplus

    return kmeans_plusplus(np.asarray(X, dtype=float), k, random_state=random_state)[0]


def kpp_python(X, k, random_state=None):
    """Pure Python: random.Random, lists, D² from the differences (the expansion
    |x|² - 2x·c + |c|² loses rows 1 apart at an offset of 1e8)."""
    import random

    rnd = random.Random(random_state)
    rows = [list(map(float, r)) for r in X]
    chosen = [rnd.randrange(len(rows))]

    def dist(i, c):
        return sum((a - b) ** 2 for a, b in zip(rows[i], rows[c], strict=True))

    d2 = [dist(i, chosen[0]) for i in range(len(rows))]
    for _ in range(1, k):
        new = rnd.choices(range(len(rows)), weights=d2)[0]
        chosen.append(new)
        d2 = [min(d, dist(i, new)) for i, d in enumerate(d2)]
    return [rows[i] for i in chosen]


def _sampler(kind):
    def sampler(X, k, random_state=None):
        X = np.asarray(X, dtype=float)
        rng = np.random.default_rng(random_state)
        n = len(X)
        if kind == "uniform":
            return X[rng.choice(n, k, replace=False)]
        if kind == "uniform_values":
            values = np.unique(X, axis=0)
            return values[rng.choice(len(values), k, replace=False)]
        first = 0 if kind == "fixed_first" else int(rng.integers(n))
        chosen = [first]
        d2 = ((X - X[first]) ** 2).sum(1)
        for _ in range(1, k):
            if kind == "farthest":
                new = int(d2.argmax())
            elif kind == "d1":
                new = int(rng.choice(n, p=np.sqrt(d2) / np.sqrt(d2).sum()))
            else:
                new = int(rng.choice(n, p=d2 / d2.sum()))
            chosen.append(new)
            d_new = ((X - X[new]) ** 2).sum(1)
            d2 = d_new if kind == "last_center" else np.minimum(d2, d_new)
        if kind == "one_d":
            return X[chosen][:, 0] if k == 1 else X[chosen]
        if kind == "jitter":
            return X[chosen] + 1e-3
        return X[chosen]

    return sampler


def _init_suite(func):
    check = topic.checker("kmeans_plus_plus", func)
    for X, k, why in topic.init_cases(seed=61):
        topic.check_init(check, X, k, random_state=5, why=why)
    X, k, _ = next(topic.init_cases(seed=62))
    topic.check_init(check, X, k, random_state=None)
    topic.check_init(check, X, k, random_state="default")
    topic.check_init_reproducible(check, X, k, seeds=(0, 7, 123))
    topic.check_first_center_uniform(check)
    topic.check_init_far_point(check, variant=1)
    topic.check_init_not_farthest(check, variant=1)
    return check


@pytest.mark.parametrize("offset", [0, 1000, 2000, 3000, 4000])
def test_correct_samplers_pass_every_check_over_many_seeds(offset):
    for func in (core.kmeans_plus_plus_reference, kpp_python):
        _init_suite(_shift(func, offset))
    check = topic.checker(
        "kmeans_plus_plus", _shift(core.kmeans_plus_plus_reference, offset)
    )
    topic.check_init_far_point(check)  # the visible variant too


def test_sklearn_greedy_kmeans_plusplus_fails_the_d2_statistic():
    """scikit-learn's default (greedy) k-means++ is not D² sampling."""
    check = topic.checker("kmeans_plus_plus", kpp_sklearn)
    with pytest.raises(CheckFailed, match="D² sampling gives them"):
        topic.check_init_set_frequency(check, "d4")


@pytest.mark.parametrize("offset", [0, 1000, 2000, 3000, 4000])
@pytest.mark.parametrize(
    "kind, check_name, message, hint",
    [
        (
            "uniform",
            "check_init_far_point",
            "are the same point",  # it draws two copies of the crowd's point first
            "to the *nearest* center",
        ),
        (
            "uniform_values",
            "check_init_far_point",
            "D² sampling chooses the far one",
            "look uniformly drawn",
        ),
        (
            "d1",
            "check_init_far_point",
            "D² sampling chooses the far one",
            "weights D (the distance)",
        ),
        (
            "farthest",
            "check_init_not_farthest",
            "(distance 10 from the crowd)",
            "Sample, don't maximise",
        ),
        (
            "fixed_first",
            "check_first_center_uniform",
            "was never chosen over 200 seeds",
            "rng.integers(len(X))",
        ),
    ],
)
def test_statistical_checks_catch_wrong_samplers_over_many_seeds(
    offset, kind, check_name, message, hint
):
    check = topic.checker("kmeans_plus_plus", _shift(_sampler(kind), offset))
    with pytest.raises(CheckFailed, match=re.escape(message)) as failure:
        getattr(topic, check_name)(
            check, **({} if "uniform" in check_name else {"variant": offset % 2})
        )
    assert hint in str(failure.value)


@pytest.mark.parametrize(
    "kind, message, hint",
    [
        ("uniform", "are the same point", "to the *nearest* center"),
        ("last_center", "are the same point", "not the last one only"),
        (
            "one_d",
            "should be an array of shape (k, n_features) = (1, 3)",
            "even when k = 1",
        ),
        ("jitter", "is not a row of X", "return rows of X"),
    ],
)
def test_check_init_catches_mistakes(kind, message, hint):
    with pytest.raises(CheckFailed, match=re.escape(message)) as failure:
        _init_suite(_sampler(kind))
    assert hint in str(failure.value)


def test_check_init_catches_an_unseeded_sampler():
    def unseeded(X, k, random_state=None):
        return core.kmeans_plus_plus_reference(X, k, None)

    check = topic.checker("kmeans_plus_plus", unseeded)
    with pytest.raises(CheckFailed, match="same random_state gave different centers"):
        topic.check_init_reproducible(
            check, np.random.default_rng(0).random((30, 2)), 3
        )


# ------------------------------------------------------------------ kmeans checks
def _kmeans_variant(kind):
    """A learner's kmeans with one mistake (or none: kind="ok")."""

    def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
        X = np.asarray(X) if kind == "int_truncation" else np.asarray(X, dtype=float)
        seed = None if kind == "unseeded" else random_state
        start = (
            _sampler("uniform")(X, k, seed)
            if kind == "uniform_init"
            else (kmeans_plus_plus(X, k, seed))
        )
        C = np.array(start, dtype=X.dtype)
        labels = None
        rounds = {"one_round": 1, "fixed_10": 10}.get(kind, max_iter)
        for _ in range(rounds):
            if kind == "expansion":
                d2 = (X**2).sum(1)[:, None] - 2 * X @ C.T + (C**2).sum(1)[None]
            else:
                d2 = ((X[:, None, :] - C[None]) ** 2).sum(-1)
            new = d2.argmin(1)
            if (
                kind != "allclose"
                and labels is not None
                and np.array_equal(new, labels)
            ):
                break
            labels = new
            old = C.copy()
            for j in range(k):
                members = X[labels == j]
                if not len(members):
                    if kind == "nan_empty":
                        C[j] = np.nan
                        continue
                    dist = d2[np.arange(len(X)), labels].copy()
                    dist[np.bincount(labels, minlength=k)[labels] < 2] = -1
                    labels[dist.argmax()] = j
                    members = X[labels == j]
                C[j] = np.median(members, 0) if kind == "median" else members.mean(0)
            if kind == "allclose" and np.allclose(old, C):
                break
        d2 = ((X - C[labels]) ** 2).sum(1)
        if kind == "expansion":
            full = (X**2).sum(1)[:, None] - 2 * X @ C.T + (C**2).sum(1)[None]
            d2 = full[np.arange(len(X)), labels]
        inertia = {"sqrt_inertia": np.sqrt(d2).sum(), "mean_inertia": d2.mean()}.get(
            kind, d2.sum()
        )
        if kind == "emptied":
            labels = np.where(labels == 0, 1 % k, labels)
        if kind == "not_tuple":
            return {"centers": C, "labels": labels, "inertia": inertia}
        if kind == "flat_centers":
            return C.ravel(), labels, inertia
        if kind == "labels_one_based":
            return C, labels + 1, inertia
        if kind == "inertia_per_point":
            return C, labels, d2
        return C, labels, inertia

    return kmeans


def kmeans_sklearn(X, k, max_iter=300, tol=1e-6, random_state=None):
    from sklearn.cluster import KMeans

    X = np.asarray(X, dtype=float)
    start = kmeans_plus_plus(X, k, random_state)
    model = KMeans(k, init=start, n_init=1, max_iter=max_iter, tol=tol).fit(X)
    return model.cluster_centers_, model.labels_, model.inertia_


def kmeans_tol_stop(X, k, max_iter=300, tol=1e-6, random_state=None, rule="shift"):
    """Wrong by the contract (it can stop before a fixed point), though it passes the
    ordinary cases: no label comparison; stop when the squared center shift is below
    tol x the mean feature variance (scikit-learn's rule), or when the inertia
    improves by less than tol (relative)."""
    X = np.asarray(X, dtype=float)
    C = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)
    prev = np.inf
    for _ in range(max_iter):
        d2 = ((X[:, None] - C[None]) ** 2).sum(-1)
        labels = d2.argmin(1)
        for j in np.flatnonzero(np.bincount(labels, minlength=k) == 0):
            dist = d2[np.arange(len(X)), labels]
            dist[np.bincount(labels, minlength=k)[labels] < 2] = -1
            labels[dist.argmax()] = j
        new = np.array([X[labels == j].mean(0) for j in range(k)])
        shift, C = ((new - C) ** 2).sum(), new
        inertia = ((X - C[labels]) ** 2).sum()
        if rule == "shift" and shift <= tol * X.var(axis=0).mean():
            break
        if rule == "inertia" and prev - inertia <= tol * inertia:
            break
        prev = inertia
    return C, labels, inertia


def kmeans_inertia_stop(X, k, max_iter=300, tol=1e-6, random_state=None):
    return kmeans_tol_stop(X, k, max_iter, tol, random_state, rule="inertia")


def _kmeans_suite(func):
    check = topic.checker("kmeans", func)
    example = [[1.0], [2.0], [10.0], [11.0], [12.0]]
    topic.check_kmeans(check, example, 2, best_inertia=2.5)
    for X, k, why in topic.kmeans_cases(seed=63):
        topic.check_kmeans(check, X, k, random_state=4, why=why)
    topic.check_kmeans(check, X, k, random_state=None)
    topic.check_kmeans(check, X, k, random_state="default")
    topic.check_empty_cluster(check)
    topic.check_empty_cluster(check, variant=1)
    topic.check_kmeans_reproducible(check)
    topic.check_kmeans_vs_sklearn(check)
    return check


@pytest.mark.parametrize(
    "func",
    [
        core.kmeans_reference,
        _kmeans_variant("ok"),
        kmeans_sklearn,
    ],
)
def test_correct_kmeans_pass_every_check(func):
    assert _kmeans_suite(func).count > 100


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("func", [_kmeans_variant("ok"), kmeans_sklearn])
def test_correct_kmeans_pass_with_other_seeds(seed, func):
    check = topic.checker("kmeans", func)
    for X, k, why in topic.kmeans_cases(seed=seed):
        for rs in range(3):
            topic.check_kmeans(check, X, k, random_state=rs, why=why)


@pytest.mark.parametrize(
    "kind, message, hint",
    [
        ("median", "but the mean of the", "medians of their points"),
        ("int_truncation", "but the mean of the", "X holds integers"),
        (
            "one_round",
            "the labels do not belong to the returned centers",
            "one iteration",
        ),
        (
            "fixed_10",
            "the labels do not belong to the returned centers",
            "a fixed number",
        ),
        ("allclose", "the labels do not belong to the returned centers", "np.allclose"),
        ("sqrt_inertia", "inertia is 3.0 but", "sum of the distances"),
        ("mean_inertia", "inertia is 0.5 but", "mean of the squared distances"),
        ("expansion", "the squared distances of the rows", "large offsets"),
        ("nan_empty", "is [nan, nan]", "mean of an empty cluster"),
        ("emptied", "has no points", "No cluster may be empty"),
        (
            "unseeded",
            "same random_state gave different results",
            "Pass random_state on",
        ),
        ("uniform_init", "above scikit-learn's", "left without a center"),
        (
            "not_tuple",
            "should return (centers, labels, inertia)",
            "return centers, labels",
        ),
        ("flat_centers", "centers should be an array of shape", "(k, n_features)"),
        ("labels_one_based", "labels should be 5 integers from 0 to k - 1", "argmin"),
        ("inertia_per_point", "inertia should be one number", "a single float"),
    ],
)
def test_check_kmeans_catches_mistakes(kind, message, hint):
    with pytest.raises(CheckFailed, match=re.escape(message)) as failure:
        _kmeans_suite(_kmeans_variant(kind))
    assert hint in str(failure.value)


def test_check_empty_cluster_swaps_the_start_and_restores_the_name():
    check = topic.checker("kmeans", _kmeans_variant("nan_empty"))
    with pytest.raises(CheckFailed, match="a cluster empties at the second assignment"):
        topic.check_empty_cluster(check)
    assert globals()["kmeans_plus_plus"] is core.kmeans_plus_plus_reference
    saved = globals().pop("kmeans_plus_plus")
    try:
        topic.check_empty_cluster(topic.checker("kmeans", _kmeans_variant("ok")))
        assert "kmeans_plus_plus" not in globals()
    finally:
        globals()["kmeans_plus_plus"] = saved
    # an answer that seeds another way runs as it is
    topic.check_empty_cluster(topic.checker("kmeans", core.kmeans_reference))
    with pytest.raises(ValueError, match=re.escape("got 2")):
        topic.check_empty_cluster(check, variant=2)


def test_exercises_are_declared_once():
    assert list(topic.EXERCISES) == ["kmeans_plus_plus", "kmeans"]
    assert topic.EXERCISES["kmeans"].parts == ("centers", "labels", "inertia")
    with pytest.raises(CheckFailed, match="still the unsolved stub"):

        def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
            """Stub."""
            raise NotImplementedError()

        topic.checker("kmeans", kmeans)


# ------------------------------------------------------------------- figures
def _png(explorer):
    return explorer._repr_png_()


def test_lloyd_explorer_steps_and_restarts():
    e = topic.LloydExplorer(step=0)
    first = _png(e)
    r = e.update(1)
    assert r["phase"] == "assign" and r["inertia"] > 0 and not r["converged"]
    r2 = e.update(2)
    assert r2["phase"] == "update" and r2["inertia"] <= r["inertia"]
    assert _png(e) != first
    inertias = [s[3] for s in e.states[1:]]
    assert all(b <= a + 1e-9 for a, b in zip(inertias, inertias[1:]))
    last = e.update(figures.MAX_STEP)
    assert last["converged"] and last["step"] == len(e.states) - 1
    assert e.marker.get_xdata()[0] == last["step"]
    before = _png(e)
    e.set_start(seed=3, init="random rows")
    assert _png(e) != before and e.init == "random rows"
    # the inertia curve is this start's, and the axes fit it
    steps = [s[3] for s in e.states[1:]]
    assert list(e.curve.get_ydata()) == steps
    low, high = e.ax_curve.get_ylim()
    assert low <= min(steps + [e.best]) and high >= max(steps)
    assert e.ax_curve.get_xlim() == (0.5, max(len(steps), 2) + 0.5)
    assert "step" in e.ax.get_title()
    with pytest.raises(ValueError, match=re.escape("got 'forgy'")):
        e.set_start(init="forgy")
    with pytest.raises(ValueError, match=re.escape("from 0 to 24, got 25")):
        e.update(25)


def test_lloyd_explorer_widget_redraws_for_every_control():
    box = topic.lloyd_explorer()
    image = box.children[1]
    for control, value in ((box.step, 3), (box.seed, 5), (box.init, "random rows")):
        before = image.value
        control.value = value
        assert image.value != before

    fresh = topic.lloyd_explorer()
    assert assert_blits_like_a_full_draw(fresh) == 3  # the steps; a new start redraws
    assert fresh.image.full_draws == 1 + 3 + 1


def test_k_explorer_update_and_widget():
    e = topic.KExplorer(k=4)
    r = e.update(4)
    assert r["k"] == 4 and r["silhouette"] == max(
        v[3] for k, v in e.sweep.items() if k > 1
    )
    assert e.update(1)["silhouette"] is None
    inertias = [e.sweep[k][2] for k in figures.K_VALUES]
    assert all(b <= a for a, b in zip(inertias, inertias[1:]))
    with pytest.raises(ValueError, match=re.escape("from 1 to 10, got 11")):
        e.update(11)
    box = topic.k_explorer()
    before = box.children[1].value
    box.slider.value = 6
    assert (
        box.children[1].value != before
        and box.explorer.elbow_marker.get_xdata()[0] == 6
    )
    fresh = topic.k_explorer()
    assert assert_blits_like_a_full_draw(fresh) == 4  # k = 1, 4, 7, 10
    assert fresh.image.full_draws == 1


def test_init_explorer_shows_kmeanspp_ahead_of_random_rows():
    e = topic.InitExplorer(n_blobs=8)
    r = e.update(8)
    assert r["hit"]["k-means++"] > r["hit"]["random"]
    res = figures.init_experiment(8)
    assert len(res["inertia"]["random"]) == 100 and res["best"] > 0
    assert "8 blobs" in e.ax_hist.get_title()
    # the histograms, legend and restart curves follow the experiment shown
    ratios = {m: v / res["best"] for m, v in res["inertia"].items()}
    bins = np.linspace(1, figures.RATIO_TOP, 36)
    capped = np.minimum(ratios["random"], figures.RATIO_TOP)
    counts = e.hists["random"].get_data().values
    assert list(counts) == list(np.histogram(capped, bins=bins)[0])
    assert counts.sum() == 100  # a ratio past the last bin is counted in it
    assert e.hist_legend.get_texts()[1].get_text() == (
        f"k-means++: {r['hit']['k-means++']:.0%} of runs reach the best"
    )
    p = r["hit"]["random"]
    assert e.restart_lines["random"].get_ydata() == pytest.approx(
        1 - (1 - p) ** np.arange(1, 11)
    )
    with pytest.raises(ValueError, match=re.escape("from 3 to 10, got 2")):
        e.update(2)
    box = topic.init_explorer()
    before = box.children[1].value
    box.slider.value = 4
    assert box.children[1].value != before


def test_init_explorer_blits_every_number_of_blobs():
    box = topic.init_explorer()
    # the axes stay put: a new number of blobs redraws only what it moves
    assert assert_blits_like_a_full_draw(box, samples=8) >= len(figures.BLOB_COUNTS) - 1
    assert box.image.full_draws == 1  # the first draw only


def test_limits_figure_shows_the_failures():
    fig = topic.limits_figure()
    assert len(fig.axes) == 4
    titles = [ax.get_title() for ax in fig.axes]
    right = [int(re.search(r"(\d+)% grouped right", t).group(1)) for t in titles]
    assert right[1] == 100 and right[0] < 70  # standardising fixes the scaling panel
    assert right[2] < 90 and right[3] < 90  # moons and unequal sizes stay wrong
    assert all(ax.collections for ax in fig.axes)
    plt.close(fig)


# ------------------------------------------- second red-team round: pinned answers
SUBMISSIONS = __import__("pathlib").Path(__file__).parent / "submissions" / "06_kmeans"


def _load(name, func):
    """The function ``func`` of a pinned submission, in its own namespace (with the
    reference kmeans_plus_plus when the file has none)."""
    space = {"__name__": name, "kmeans_plus_plus": core.kmeans_plus_plus_reference}
    exec(compile((SUBMISSIONS / f"{name}.py").read_text(), name, "exec"), space)
    return space[func]


def _init_case(data, k, seeds=range(4)):
    def run(check):
        for seed in seeds:
            topic.check_init(check, data, k, random_state=seed)

    return run


@pytest.mark.parametrize(
    "name, run, message",
    [
        (
            "wrong_rt2_kpp_int64",
            _init_case(np.array([[0], [1], [3_037_000_500], [9 * 10**12]]), 3),
            "",
        ),
        ("wrong_rt2_kpp_expansion", _init_case([[1e8], [1e8 + 1]], 2), ""),
        (
            "wrong_rt2_kpp_isclose_copies",
            _init_case([[1e6], [1e6 + 1e-7], [0.0]], 3),
            "",
        ),
        (
            "wrong_rt2_kpp_manhattan",
            lambda check: topic.check_init_set_frequency(check, "l2"),
            "D² sampling gives them",
        ),
        ("wrong_rt2_kpp_initsize", topic.check_init_rare_row, ""),
    ],
)
def test_new_init_checks_catch_the_pinned_wrong_samplers(name, run, message):
    check = topic.checker("kmeans_plus_plus", _load(name, "kmeans_plus_plus"))
    with pytest.raises(CheckFailed, match=re.escape(message or "kmeans_plus_plus(")):
        run(check)


@pytest.mark.parametrize(
    "name, run, message",
    [
        ("wrong_rt2_km_float32_dist", topic.check_kmeans_near_ties, "is nearer"),
        ("wrong_rt2_km_reference_tol", topic.check_kmeans_near_ties, "is nearer"),
        ("wrong_rt2_km_maxiter100", topic.check_kmeans_long_runs, "145 rounds"),
        ("wrong_rt2_km_restarts", topic.check_kmeans_uses_init, "keeping the best"),
        ("wrong_rt2_km_subsample_init", topic.check_kmeans_uses_init, "Lloyd's"),
        (
            "wrong_rt2_km_ignore_maxiter",
            lambda check: topic.check_kmeans_uses_init(check, seeds=(5,), max_iter=2),
            "max_iter=2",
        ),
        (
            "wrong_rt2_km_uint8_sums",
            lambda check: [
                topic.check_kmeans(check, X, k, random_state=4, why=why)
                for X, k, why in topic.kmeans_cases(seed=63)
            ],
            "uint8",
        ),
        (
            "wrong_rt2_km_flat_std",
            lambda check: [
                topic.check_kmeans(check, X, k, random_state=4, why=why)
                for X, k, why in topic.kmeans_cases(seed=63)
            ],
            "offsets 1e6 and 0",
        ),
    ],
)
def test_new_kmeans_checks_catch_the_pinned_wrong_answers(name, run, message):
    check = topic.checker("kmeans", _load(name, "kmeans"))
    with pytest.raises(CheckFailed, match=re.escape(message)):
        run(check)


@pytest.mark.parametrize(
    "name",
    [
        "correct_rt2_rng_passthrough",
        "correct_rt2_inline_seed",
        "correct_rt2_elkan_rejection",
        "correct_rt2_exact_generators",
        "correct_rt_sklearn",
        "correct_rt2_vec",
    ],
)
def test_result_based_init_check_accepts_every_way_to_the_same_start(name):
    check = topic.checker("kmeans", _load(name, "kmeans"))
    topic.check_kmeans_uses_init(check)
    topic.check_kmeans_uses_init(check, seeds=(5,), max_iter=2)
    topic.check_kmeans_near_ties(check)
    topic.check_kmeans_long_runs(check)


@pytest.mark.parametrize(
    "func, run",
    [
        (kmeans_tol_stop, topic.check_kmeans_near_ties),
        (kmeans_inertia_stop, topic.check_kmeans_long_runs),
    ],
)
def test_tolerance_stops_that_end_before_a_fixed_point_fail(func, run):
    check = topic.checker("kmeans", func)
    _kmeans_suite(check.func)  # the ordinary cases do not show it
    with pytest.raises(CheckFailed, match="the labels do not belong"):
        run(check)


def test_the_notebook_solution_reaches_a_fixed_point_and_honours_max_iter():
    X = [[6.0], [8.0], [15.0], [1e9]]
    C, labels, inertia = core.kmeans_reference(X, 3, random_state=0)
    assert np.all(labels == core.nearest(X, C)) and inertia == pytest.approx(2.0)
    X8 = np.arange(8.0)[:, None]
    C1, labels1, _, steps = core.lloyd(X8, X8[[3, 7]], max_iter=1, history=True)
    assert sum(s[0] == "assign" for s in steps) == 1
    assert sorted(C1.ravel().tolist()) == [2.5, 6.5]
    X, start = checks.slow_chain_start()
    *_, steps = core.lloyd(X, start, history=True)
    assert sum(s[0] == "assign" for s in steps) > 100
