"""04_imbalanced topic module: invariant checks, references, data, figures, widgets."""

from __future__ import annotations

import re
import threading
from collections import Counter
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw
from sklearn import metrics as skm

from interview_lab.checking import CheckFailed
from interview_lab.topics import imbalanced as topic
from interview_lab.topics.imbalanced import (
    checks,
    core,
    figures,
    resampling_checks,
    smote_checks,
)


# --------------------------------------------------- slow references from the definition
def f_beta_slow(y, s, t, beta):
    """F-beta of `s >= t` with exact fractions, straight from the definition."""
    tp = sum(1 for a, b in zip(y, s, strict=True) if a == 1 and b >= t)
    fp = sum(1 for a, b in zip(y, s, strict=True) if a == 0 and b >= t)
    fn = sum(1 for a, b in zip(y, s, strict=True) if a == 1 and b < t)
    p = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    r = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    b2 = Fraction(beta) ** 2
    return (1 + b2) * p * r / (b2 * p + r) if p + r else Fraction(0)


def best_threshold_slow(y, s, beta=1.0):
    y = [int(v) for v in y]
    s = [float(v) for v in s]
    ts = sorted(set(s))
    fs = [f_beta_slow(y, s, t, beta) for t in ts]
    return max(t for t, f in zip(ts, fs, strict=True) if f == max(fs))


def neighbours_slow(X, k):
    """Each row's allowed neighbours: every other row within the k-th distance."""
    X = [list(map(float, r)) for r in X]
    out = []
    for i, x in enumerate(X):
        d = {
            j: sum((a - b) ** 2 for a, b in zip(x, z, strict=True)) ** 0.5
            for j, z in enumerate(X)
            if j != i
        }
        kth = sorted(d.values())[k - 1]
        out.append({j for j, v in d.items() if v <= kth + 1e-9})
    return out


THRESHOLD_CASES = list(topic.threshold_cases(seed=3, n_random=30))


@pytest.mark.parametrize("case", THRESHOLD_CASES)
def test_best_threshold_reference_matches_exact_definition(case):
    y, s, beta = case
    assert topic.best_threshold_reference(y, s, beta) == best_threshold_slow(y, s, beta)
    assert core.best_threshold_fast(y, s, beta) == best_threshold_slow(y, s, beta)


@pytest.mark.parametrize("case", THRESHOLD_CASES)
def test_threshold_cases_agree_for_every_float_formula(case):
    y, s, beta = case
    truth = best_threshold_slow(y, s, beta)
    for f in (core.f_counts, core.f_pr, core.f_harmonic):
        assert core.best_by(y, s, beta, f) == truth


def test_threshold_cases_hold_ties_betas_and_lists():
    cases = list(topic.threshold_cases(seed=0))
    assert len(cases) == 10 + 40
    assert {beta for _, _, beta in cases} >= {0.25, 0.5, 1.0, 2.0, 3.0}
    assert any(isinstance(s, list) for _, s, _ in cases)
    assert any(len(set(np.asarray(s).tolist())) < len(s) for _, s, _ in cases)
    assert any(min(y) == 1 for y, _, _ in cases)  # all positives
    assert topic.best_threshold_reference([1, 0, 0, 1], [4, 3, 2, 1]) == 4.0


def test_best_threshold_reference_validates():
    with pytest.raises(ValueError, match=re.escape("got (2,) and (3,)")):
        topic.best_threshold_reference([0, 1], [0.1, 0.2, 0.3])


@pytest.mark.parametrize("y", list(topic.class_weight_cases(seed=1, n_random=10)))
def test_class_weight_reference_matches_definition(y):
    counts = Counter(np.asarray(y).tolist())
    n, k = sum(counts.values()), len(counts)
    ref = topic.class_weight_reference(y)
    assert set(ref) == set(counts)
    for c, m in counts.items():
        assert ref[c] == pytest.approx(n / (k * m))


def test_class_weight_reference_validates():
    with pytest.raises(ValueError, match=re.escape("got shape (0,)")):
        topic.class_weight_reference([])


# ------------------------------------------------------------------- resampling checks
def test_resampling_case_has_row_ids_and_counts():
    X, y = topic.resampling_case([5, 2, 3], n_features=4, labels=["a", "b", "c"])
    assert X.shape == (10, 4)
    assert X[:, 0].tolist() == list(range(10))
    assert Counter(y.tolist()) == {"a": 5, "b": 2, "c": 3}
    X, y = topic.resampling_case([2, 1], as_list=True)
    assert isinstance(X, list) and isinstance(y, list)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"counts": [3, 0]}, "counts must hold at least one count >= 1, got [3, 0]"),
        ({"counts": [3, 1], "n_features": 0}, "n_features must be an int >= 1, got 0"),
        ({"counts": [3, 1], "labels": ["a", "a"]}, "got ['a', 'a']"),
    ],
)
def test_resampling_case_validates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.resampling_case(**kwargs)


def test_resampling_cases_cover_classes_labels_and_containers():
    cases = list(topic.resampling_cases(seed=0))
    n_classes = {len(set(np.asarray(y).tolist())) for _, y in cases}
    assert n_classes == {2, 3, 4}
    assert any(isinstance(np.asarray(y)[0], np.str_) for _, y in cases)
    assert any(isinstance(X, list) for X, _ in cases)
    assert any(not isinstance(X, list) for X, _ in cases)


def _checker(name, func):
    return topic.checker(name, func)


def test_reference_resamplers_pass_every_check():
    under = _checker("random_undersample", core.undersample_reference)
    over = _checker("random_oversample", core.oversample_reference)
    for X, y in topic.resampling_cases(seed=5):
        topic.check_undersample(under, X, y, random_state=1)
        topic.check_oversample(over, X, y, random_state=1)
    X, y = topic.resampling_case([12, 4, 6], seed=3)
    topic.check_random_resampling(under, X, y, kind="under")
    topic.check_random_resampling(over, X, y, kind="over")


def _with_replacement(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [rng.choice(np.flatnonzero(y == c), counts.min()) for c in classes]
    )
    return X[keep], y[keep]


def _unpaired(X, y, random_state=None):
    X_res, y_res = core.undersample_reference(X, y, random_state)
    return X_res, y_res[::-1]


def _first_rows(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate([np.flatnonzero(y == c)[: counts.min()] for c in classes])
    return X[keep], y[keep]


@pytest.mark.parametrize(
    ("func", "message"),
    [
        (_with_replacement, "appears more than once: undersampling draws rows without"),
        (_unpaired, "rows and labels are no longer paired"),
        (lambda X, y, random_state=None: (X, y), "class counts after resampling are"),
        (lambda X, y, random_state=None: X, "should return a pair (X_res, y_res)"),
    ],
)
def test_check_undersample_catches_mistakes(func, message):
    check = topic.checker("random_undersample", func)
    with pytest.raises(CheckFailed, match=re.escape(message)):
        for X, y in topic.resampling_cases(seed=5):
            topic.check_undersample(check, X, y)


def test_check_random_resampling_catches_fixed_and_unseeded_draws():
    X, y = topic.resampling_case([12, 4, 6], seed=3)
    check = topic.checker("random_undersample", _first_rows)
    with pytest.raises(CheckFailed, match="all 30 seeds drew the same rows"):
        topic.check_random_resampling(check, X, y, kind="under")

    def unseeded(X, y, random_state=None):
        return core.oversample_reference(X, y, None)

    check = topic.checker("random_oversample", unseeded)
    with pytest.raises(CheckFailed, match="same random_state gave different results"):
        topic.check_random_resampling(check, X, y, kind="over")
    with pytest.raises(ValueError, match=re.escape("got 'sideways'")):
        topic.check_random_resampling(check, X, y, kind="sideways")


def _spaced_undersampler(every_kth):
    def undersample(X, y, random_state=None):
        X, y = np.asarray(X), np.asarray(y)
        rng = np.random.default_rng(random_state)
        classes, counts = np.unique(y, return_counts=True)
        keep = []
        for c in classes:
            rows = np.flatnonzero(y == c)
            step = len(rows) // counts.min() if every_kth else 1
            start = rng.integers(len(rows))  # a random offset, wrapping around
            keep.append(rows[(start + step * np.arange(counts.min())) % len(rows)])
        keep = np.concatenate(keep)
        return X[keep], y[keep]

    return undersample


@pytest.mark.parametrize("every_kth", [False, True])
def test_check_random_resampling_catches_evenly_spaced_undersamples(every_kth):
    X, y = topic.resampling_case([12, 4, 6], seed=3)
    check = topic.checker("random_undersample", _spaced_undersampler(every_kth))
    topic.check_undersample(check, X, y, random_state=1)  # counts and pairs are right
    with pytest.raises(CheckFailed) as info:
        topic.check_random_resampling(check, X, y, kind="under")
    assert "were always evenly spaced among its rows" in str(info.value)


def test_check_oversample_catches_dropped_originals():
    def redraw(X, y, random_state=None):
        X, y = np.asarray(X), np.asarray(y)
        rng = np.random.default_rng(random_state)
        classes, counts = np.unique(y, return_counts=True)
        keep = np.concatenate(
            [rng.choice(np.flatnonzero(y == c), counts.max()) for c in classes]
        )
        return X[keep], y[keep]

    check = topic.checker("random_oversample", redraw)
    with pytest.raises(CheckFailed, match="original row\\(s\\) are missing"):
        for X, y in topic.resampling_cases(seed=5):
            topic.check_oversample(check, X, y)


def test_check_random_resampling_catches_extras_drawn_without_replacement():
    def no_repeat(X, y, random_state=None):
        X, y = np.asarray(X), np.asarray(y)
        rng = np.random.default_rng(random_state)
        classes, counts = np.unique(y, return_counts=True)
        keep = [np.arange(len(y))]
        for c, m in zip(classes, counts, strict=True):
            extra = counts.max() - m
            keep.append(rng.choice(np.flatnonzero(y == c), extra, replace=extra > m))
        keep = np.concatenate(keep)
        return X[keep], y[keep]

    X, y = topic.resampling_case([12, 4, 6], seed=3)
    check = topic.checker("random_oversample", no_repeat)
    with pytest.raises(CheckFailed, match="must be drawn with replacement"):
        topic.check_random_resampling(check, X, y, kind="over")


# ------------------------------------------------------------------------ smote checks
@pytest.mark.parametrize("k", [1, 2, 4])
def test_segment_pairs_match_slow_neighbours(k):
    X = np.array([[0.0, 0], [0, 0], [1, 1], [2, 0], [0, 2], [1, 1], [3, 3]])
    i, j = smote_checks.segment_pairs(X, k)
    allowed = neighbours_slow(X, k)
    assert {(a, b) for a, b in zip(i.tolist(), j.tolist(), strict=True)} == {
        (a, b) for a, s in enumerate(allowed) for b in s
    }


def test_reference_smote_passes_every_case():
    check = topic.checker("smote", core.smote_reference)
    for X, n, k, why, distinct in topic.smote_cases(seed=2):
        R = topic.check_smote(check, X, n, k_neighbors=k, why=why, distinct=distinct)
        assert R.shape == (n, np.asarray(X).shape[1])
    topic.check_smote_random(check, np.eye(4) * 3)


def _smote_variant(kind):
    def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
        X = np.asarray(X_minority, dtype=float)
        rng = np.random.default_rng(random_state)
        nn = core.neighbours(X, k_neighbors)
        if kind == "self":
            nn = np.c_[np.arange(len(X)), nn[:, :-1]]
        if kind == "any":
            nn = np.array([[j for j in range(len(X)) if j != i] for i in range(len(X))])
        base = rng.integers(len(X), size=n_samples)
        other = nn[base, rng.integers(nn.shape[1], size=n_samples)]
        width = X.shape[1] if kind == "per_feature" else 1
        u = rng.random((n_samples, width))
        if kind == "beyond":
            u = u + 1
        if kind == "midpoint":
            u = np.full((n_samples, 1), 0.5)
        if kind == "one_x":
            base = np.full(n_samples, base[0])
            other = nn[base, rng.integers(nn.shape[1], size=n_samples)]
        if kind == "nearest":
            other = nn[base, 0]
        return X[base] + u * (X[other] - X[base])

    return smote


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("self", "of the new rows are exact copies of rows of X_minority"),
        ("any", "not neighbours: x_nn must be one of the k_neighbors"),
        ("per_feature", "Use one number u for all the features"),
        ("beyond", "u must be between 0 and 1"),
        ("midpoint", "of the new rows differ from each other"),
        ("one_x", "lie on segments from the same row of X_minority"),
        ("nearest", "lie between a row and its nearest neighbour"),
    ],
)
def test_check_smote_catches_mistakes(kind, message):
    check = topic.checker("smote", _smote_variant(kind))
    with pytest.raises(CheckFailed, match=re.escape(message)):
        for X, n, k, why, distinct in topic.smote_cases(seed=2):
            topic.check_smote(check, X, n, k_neighbors=k, why=why, distinct=distinct)


def test_check_smote_reports_shape():
    check = topic.checker("smote", lambda X, n, k_neighbors=5, random_state=None: [1.0])
    with pytest.raises(
        CheckFailed, match=re.escape("should be an array of shape (20, 2)")
    ):
        topic.check_smote(check, np.eye(2), 20, k_neighbors=1)


# --------------------------------------------------- cases at the edges of floating point
EXTREME_THRESHOLD_CASES = list(topic.extreme_threshold_cases(seed=0))


def _exact_f(y, s, t, beta):
    return core.f_exact(*core.counts_at(y, s, t), beta)


def test_best_threshold_exact_matches_slow_definition():
    small = [(y, s, b) for y, s, b, _ in EXTREME_THRESHOLD_CASES if len(y) <= 60]
    for y, s, beta in THRESHOLD_CASES + small:
        assert core.best_threshold_exact(y, s, beta) == best_threshold_slow(y, s, beta)
    with pytest.raises(ValueError, match=re.escape("got (2,) and (3,)")):
        core.best_threshold_exact([0, 1], [0.1, 0.2, 0.3])


def test_extreme_threshold_cases_cover_what_they_say():
    again = list(topic.extreme_threshold_cases(seed=0))
    assert [np.asarray(s).tolist() for _, s, _, _ in again] == [
        np.asarray(s).tolist() for _, s, _, _ in EXTREME_THRESHOLD_CASES
    ]
    whys = [why for *_, why in EXTREME_THRESHOLD_CASES]
    scores = {
        why: np.asarray(s, dtype=float) for _, s, _, why in EXTREME_THRESHOLD_CASES
    }
    near = scores["scores 1e-12 apart are different thresholds"]
    assert len(np.unique(near)) == 5 and len(np.unique(near.astype(np.float32))) == 3
    f32 = scores["0.5 + k·1e-10: one value for a float32"]
    assert len(np.unique(f32)) > 10 and len(np.unique(f32.astype(np.float32))) == 1
    stamps = scores["timestamps 1.7e9 + steps of 4.8e-7"]
    assert stamps.min() > 1.7e9 and len(np.unique(np.round(stamps, 6))) < len(
        np.unique(stamps)
    )
    assert scores["tiny scores, 1e-300 scale"].max() < 1e-298
    ints = next(s for _, s, _, why in EXTREME_THRESHOLD_CASES if "integer" in why)
    assert all(type(v) is int and v > 10**15 - 1 for v in ints)
    gaps = []
    for y, s, beta, why in EXTREME_THRESHOLD_CASES:
        if why.startswith("F-beta at 0.625"):
            top, middle = _exact_f(y, s, 0.875, beta), _exact_f(y, s, 0.625, beta)
            gaps.append(float(middle / top - 1))
            assert core.best_threshold_exact(y, s, beta) == 0.625
        if "exact F-beta tie" in why:
            assert _exact_f(y, s, 0.875, beta) == _exact_f(y, s, 0.625, beta)
            assert core.best_threshold_exact(y, s, beta) == 0.875
    assert len(gaps) == 5 and all(0 < g < 1e-5 for g in gaps)
    assert min(gaps) < 1e-10
    assert max(len(y) for y, *_ in EXTREME_THRESHOLD_CASES) > 100_000
    assert {beta for _, _, beta, _ in EXTREME_THRESHOLD_CASES} == {0.5, 1.0, 2.0}
    assert sum("many tied scores" in why for why in whys) == 2
    distinct = next(s for _, s, _, why in EXTREME_THRESHOLD_CASES if "distinct" in why)
    assert len(np.unique(distinct)) == 1200
    dtypes = {
        why: (np.asarray(y).dtype, np.asarray(s).dtype)
        for y, s, _, why in EXTREME_THRESHOLD_CASES
        if "int8" in why
    }
    assert sorted(str(d) for pair in dtypes.values() for d in pair).count("int8") == 2
    assert sorted(str(d) for pair in dtypes.values() for d in pair).count("uint8") == 2


def _wrapping_count(y, s, beta=1.0):
    """Counts in the labels' own dtype (int8 wraps past 127), scores not cast."""
    y, s = np.asarray(y).ravel(), np.asarray(s).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = y @ flagged
        fp, fn = flagged.sum() - tp, y.sum() - tp
        b2 = beta**2
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp > 0 else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return float(best_t)


def _grid_of_1000(y, s, beta=1.0):
    """Only every k-th distinct score (at most 1000 of them) is tried."""
    ts = np.unique(np.asarray(s, dtype=float))[::-1]
    ts = ts[:: -(-len(ts) // 1000)]
    f = [core.f_exact(*core.counts_at(y, s, t), beta) for t in ts]
    return float(ts[f.index(max(f))])


def _wraps_negated_scores(y, s, beta=1.0):
    """Running counts sorted by -s in the scores' dtype: -0 and -(-128) stay put."""
    y, s = np.asarray(y, dtype=float).ravel(), np.asarray(s).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]
    tp = np.cumsum(y)[last]
    f = [
        core.f_exact(int(p), int(i + 1 - p), int(y.sum() - p), beta)
        for p, i in zip(tp, last, strict=True)
    ]
    return float(s[last][f.index(max(f))])


@pytest.mark.parametrize(
    "wrong", [_wrapping_count, _grid_of_1000, _wraps_negated_scores]
)
def test_extreme_threshold_cases_catch_dtype_and_grid_mistakes(wrong):
    with np.errstate(over="ignore"):
        assert any(
            wrong(y, s, beta) != core.best_threshold_exact(y, s, beta)
            for y, s, beta, why in EXTREME_THRESHOLD_CASES
            if "int8" in why or "distinct" in why
        )


@pytest.mark.parametrize("index", range(len(EXTREME_THRESHOLD_CASES)))
def test_extreme_threshold_cases_agree_for_every_float_formula(index):
    y, s, beta, _ = EXTREME_THRESHOLD_CASES[index]
    truth = core.best_threshold_exact(y, s, beta)
    assert topic.best_threshold_reference(y, s, beta) == truth
    assert core.best_threshold_fast(y, s, beta) == truth
    for f in (core.f_counts, core.f_pr, core.f_harmonic):
        assert core.best_by(y, s, beta, f) == truth


def _sweep(y, s, beta, f_of=float, keep=lambda f, best: f > best):
    y, s = np.asarray(y), np.asarray(s)
    best_t, best_f = None, None
    for t in np.unique(s)[::-1]:
        f = f_of(_exact_f(y, s, t, beta))
        if best_f is None or keep(f, best_f):
            best_t, best_f = t, f
    return float(best_t)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda y, s, b: _sweep(y, np.asarray(s, float).astype(np.float32), b),
        lambda y, s, b: _sweep(y, np.round(np.asarray(s, float), 6), b),
        lambda y, s, b: _sweep(
            y, s, b, keep=lambda f, m: f > m and not np.isclose(f, m)
        ),
        lambda y, s, b: _sweep(y, s, b, f_of=lambda f: round(float(f), 9)),
        lambda y, s, b: _sweep(y, s, b, f_of=lambda f: np.float32(f)),
    ],
    ids=["float32-scores", "rounded-scores", "isclose-f", "rounded-f", "float32-f"],
)
def test_extreme_threshold_cases_catch_numeric_mistakes(wrong):
    assert any(
        float(wrong(y, s, beta)) != core.best_threshold_exact(y, s, beta)
        for y, s, beta, _ in EXTREME_THRESHOLD_CASES
    )


def test_extreme_class_weight_cases_cover_what_they_say():
    cases = list(topic.extreme_class_weight_cases(seed=0))
    assert len(cases) == 6
    for y, _ in cases:
        counts = Counter(np.asarray(y).tolist())
        n, k = sum(counts.values()), len(counts)
        ref = topic.class_weight_reference(y)
        assert {
            c: float(Fraction(n, k * m)) for c, m in counts.items()
        } == pytest.approx(ref, rel=1e-15)
    y = cases[0][0]
    assert sorted(Counter(y.tolist()).values()) == [100_000, 100_001]
    assert checks._weights_allclose(y) != pytest.approx(
        topic.class_weight_reference(y), rel=1e-7
    )
    assert topic.class_weight_reference(cases[3][0]) == {"only": 1.0}
    assert isinstance(cases[3][0], list) and isinstance(cases[4][0], list)
    assert max(topic.class_weight_reference(cases[2][0]).values()) > 2000
    assert cases[5][0].dtype == np.int8
    assert topic.class_weight_reference(cases[5][0]) == {-100: 2 / 3, 100: 2.0}


def test_extreme_resampling_cases_need_exact_rows():
    cases = list(topic.extreme_resampling_cases(seed=0))
    assert len(cases) == 8
    under = topic.checker("random_undersample", core.undersample_reference)
    over = topic.checker("random_oversample", core.oversample_reference)
    for X, y, why in cases:
        Xa = np.asarray(X)
        assert Xa[:, 0].tolist() == list(range(len(y)))
        topic.check_undersample(under, X, y, random_state=3, why=why)
        topic.check_oversample(over, X, y, random_state=3, why=why)
    assert np.asarray(cases[0][0]).dtype == np.int64
    assert isinstance(cases[1][0], list) and isinstance(cases[1][0][0][1], int)
    assert np.asarray(cases[4][0]).shape[1] == 1
    assert len(cases[5][1]) == 4400
    for _, y, _ in cases[6:]:
        assert y.dtype == np.int8 and y.min() == -100 and y.max() == 100
    changed = [
        not np.array_equal(np.asarray(X, dtype=np.float32), np.asarray(X, dtype=float))
        for X, _, _ in cases
    ]
    assert changed[:4] == [True] * 4


def test_check_undersample_wants_rows_exactly():
    def float32_rows(X, y, random_state=None):
        X_res, y_res = core.undersample_reference(X, y, random_state)
        return X_res.astype(np.float32), y_res

    check = topic.checker("random_undersample", float32_rows)
    X, y, _ = next(topic.extreme_resampling_cases(seed=0))
    with pytest.raises(CheckFailed, match="up to its last digits"):
        topic.check_undersample(check, X, y)


# A learner's functions live in the notebook, not in an importable module: defined here
# by exec under a module name that is not importable, they are pickled by value too.
LEARNER = """
import numpy as np


def by_set(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    labels = set(y.tolist())
    n_min = min(int(np.sum(y == c)) for c in labels)
    keep = np.concatenate(
        [rng.choice(np.flatnonzero(y == c), n_min, replace=False) for c in labels]
    )
    return X[keep], y[keep]


def by_first_seen(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    labels = list(dict.fromkeys(y.tolist()))
    n_min = min(int(np.sum(y == c)) for c in labels)
    keep = np.concatenate(
        [rng.choice(np.flatnonzero(y == c), n_min, replace=False) for c in labels]
    )
    return X[keep], y[keep]


def crash(X, y, random_state=None):
    import os

    if os.environ.get("PYTHONHASHSEED") in ("1", "4"):
        raise RuntimeError("only in a fresh process")
    return X, y
"""


@pytest.fixture(scope="module")
def learner():
    namespace = {"__name__": "learner_notebook"}
    exec(compile(LEARNER, "<notebook>", "exec"), namespace)
    return namespace


LABELS = ["legit", "fraud", "review", "chargeback"]


def test_relabelling_keeps_every_order_but_the_sets():
    X, y = topic.resampling_case([7, 4, 9, 5], labels=LABELS, seed=5)
    rename = checks.relabelling(y)
    first = list(dict.fromkeys(y.tolist()))
    new = [rename[v] for v in first]
    assert sorted(new) == [rename[v] for v in sorted(first)]
    assert [len(v) for v in new] == [
        len(v) + len(new[0]) - len(first[0]) for v in first
    ]
    for before, after in zip(
        resampling_checks._set_orders(first),
        resampling_checks._set_orders(new),
        strict=True,
    ):
        assert before != after
    assert checks.relabelling([1, 2, 1]) is None
    assert checks.relabelling(["a", "a"]) is None
    assert checks.relabelling(["a", "b", "a"]) is not None  # two labels: whole order


def test_check_relabelled_catches_set_order(learner):
    X, y = topic.resampling_case([7, 4, 9, 5], labels=LABELS, seed=5)
    for func in (learner["by_first_seen"], core.undersample_reference):
        check = topic.checker("random_undersample", func)
        topic.check_relabelled(check, X, y)
        topic.check_relabelled(check, X.tolist(), y.tolist())
        assert check.count > 0
    check = topic.checker("random_undersample", learner["by_set"])
    with pytest.raises(CheckFailed, match=re.escape("set(y)")):
        topic.check_relabelled(check, X, y)
    check = topic.checker("random_undersample", learner["by_set"])
    topic.check_relabelled(check, X, [0, 1, 2, 3] * 6 + [0])  # int labels: nothing
    assert check.count == 0


def test_run_in_fresh_processes(learner):
    X, y = topic.resampling_case([7, 4, 9, 5], labels=LABELS, seed=5)
    args, kwargs = (X, y), {"random_state": 3}
    runs = checks.run_in_fresh_processes(learner["by_set"], args, kwargs)
    assert len(runs) == 2
    assert not resampling_checks._same_result(runs[0], runs[1])  # the hash seeds differ
    runs = checks.run_in_fresh_processes(learner["by_first_seen"], args, kwargs)
    here = learner["by_first_seen"](*args, **kwargs)
    assert all(resampling_checks._same_result(here, run) for run in runs)
    assert checks.run_in_fresh_processes(learner["crash"], args, {}) is None
    lock = threading.Lock()
    assert checks.run_in_fresh_processes(lambda X, y: lock, args, {}) is None


def test_check_fresh_process_catches_set_order(learner):
    X, y = topic.resampling_case([7, 4, 9, 5], labels=LABELS, seed=5)
    check = topic.checker("random_undersample", learner["by_first_seen"])
    topic.check_fresh_process(check, X, y)
    assert check.count == 2
    check = topic.checker("random_undersample", learner["by_set"])
    with pytest.raises(CheckFailed, match="a fresh Python process gave other rows"):
        topic.check_fresh_process(check, X, y)
    check = topic.checker("random_undersample", learner["crash"])
    topic.check_fresh_process(check, X, y)  # could not run elsewhere: no verdict
    assert check.count == 0


EXTREME_SMOTE_CASES = list(topic.extreme_smote_cases(seed=0))


def test_extreme_smote_cases_cover_what_they_say():
    whys = [why for *_, why, _ in EXTREME_SMOTE_CASES]
    assert len(whys) == 10
    X = [np.asarray(c[0]) for c in EXTREME_SMOTE_CASES]
    assert X[0].dtype.kind == "i" and isinstance(EXTREME_SMOTE_CASES[1][0], list)
    assert np.asarray(EXTREME_SMOTE_CASES[1][0]).min() >= 1_700_000_000
    for i, (offset, spread) in zip((2, 3, 4), ((1e6, 1), (1e6, 0.01), (1e8, 1))):
        assert abs(X[i].mean() - offset) < 5 * spread and X[i].std() < 3 * spread
    assert np.abs(X[5]).max() < 1e-8
    assert len(np.unique(X[6], axis=0)) == 5 and len(X[6]) == 15
    assert EXTREME_SMOTE_CASES[7][2] == len(X[7]) - 1
    assert X[8].shape[1] == 1 and X[8].dtype.kind == "i" and len(X[9]) == 2
    for X_min, _, k, why, distinct in EXTREME_SMOTE_CASES:
        X_min = np.asarray(X_min)
        if distinct:
            assert len(np.unique(X_min, axis=0)) == len(X_min)
        if "k_neighbors = n - 1" not in why and len(X_min) > 2 and "three" not in why:
            assert k + 1 < len(X_min) // 2, why  # scikit-learn searches a tree


def _careful_smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    """(1 - u) x + u x_nn: another rounding than x + u (x_nn - x)."""
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    nn = core.neighbours(X, k_neighbors)
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return (1 - u) * X[base] + u * X[other]


@pytest.mark.parametrize("func", [core.smote_reference, _careful_smote])
def test_correct_smote_passes_extreme_cases(func):
    for seed in range(3):
        check = topic.checker("smote", func)
        for X, n, k, why, distinct in topic.extreme_smote_cases(seed=seed):
            topic.check_smote(
                check,
                X,
                n,
                k_neighbors=k,
                random_state=seed,
                why=why,
                distinct=distinct,
            )


def _numeric_smote(kind):
    def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
        X = np.asarray(X_minority)
        if kind == "float32":
            X = X.astype(np.float32)
        rng = np.random.default_rng(random_state)
        if kind == "expanded":
            sq = (X.astype(float) ** 2).sum(1)
            d = sq[:, None] + sq[None, :] - 2 * X @ X.T
            np.fill_diagonal(d, np.inf)
        else:
            d = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1).astype(float))
            if kind == "isclose":
                d[np.isclose(d, 0)] = np.inf
            else:
                np.fill_diagonal(d, np.inf)
        nn = np.argsort(d, axis=1, kind="stable")[:, :k_neighbors]
        base = rng.integers(len(X), size=n_samples)
        other = nn[base, rng.integers(k_neighbors, size=n_samples)]
        out = X[base] + rng.random((n_samples, 1)) * (X[other] - X[base])
        return out.astype(X.dtype) if kind == "int_dtype" else out

    return smote


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("int_dtype", "a synthetic row is a float even when X_minority holds integers"),
        ("float32", "do not round it or compute in float32"),
        ("expanded", "not as |x|² + |z|² - 2 x·z"),
        ("isclose", "np.isclose(d, 0) holds for every d below 1e-8"),
    ],
)
def test_check_smote_catches_numeric_mistakes(kind, message):
    check = topic.checker("smote", _numeric_smote(kind))
    with pytest.raises(CheckFailed, match=re.escape(message)):
        for X, n, k, why, distinct in EXTREME_SMOTE_CASES:
            topic.check_smote(check, X, n, k_neighbors=k, why=why, distinct=distinct)


# ------------------------------------------------------------------------- exercises
def test_exercises_are_declared_once_with_their_parts():
    assert list(topic.EXERCISES) == [
        "random_undersample",
        "random_oversample",
        "smote",
        "balanced_class_weights",
        "best_threshold",
    ]
    assert topic.EXERCISES["random_oversample"].parts == ("X_res", "y_res")
    assert not topic.EXERCISES["smote"].mistakes  # checked by invariants only
    with pytest.raises(ValueError, match=re.escape("unknown exercise 'smoot'")):
        topic.checker("smoot", abs)


# ---------------------------------------------------------------------------- the data
def test_fraud_data_is_stratified_and_cached_copies():
    X_train, X_test, y_train, y_test = topic.fraud_data()
    assert X_train.shape == (3500, 10) and X_test.shape == (1500, 10)
    assert abs(y_train.mean() - y_test.mean()) < 0.002
    X_train[:] = 0
    assert topic.fraud_data()[0].any()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_samples": 10}, "n_samples must be an int from 200 to 100000, got 10"),
        (
            {"prevalence": 0.7},
            "prevalence must be a finite number in (0, 0.5], got 0.7",
        ),
    ],
)
def test_fraud_data_validates(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        topic.fraud_data(**kwargs)
    with pytest.raises(TypeError, match=re.escape("got 'rare'")):
        topic.fraud_data(prevalence="rare")


@pytest.fixture(scope="module")
def split():
    return topic.fraud_data()


def test_paradox_table_and_figure(split):
    table = topic.paradox_table(*split[:1], split[2], split[1], split[3])
    majority = table.loc["always 'not fraud'"]
    assert majority["accuracy"] == pytest.approx(1 - split[3].mean(), abs=1e-3)
    assert majority["recall"] == 0 and majority["balanced accuracy"] == 0.5
    assert table.loc["logistic regression", "PR-AUC"] > 0.5
    fig = topic.paradox_figure(table)
    ax = fig.axes[0]
    assert len(ax.patches) == 2 * table.shape[1]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(table.index)
    plt.close(fig)
    with pytest.raises(ValueError, match="two rows"):
        topic.paradox_figure(table.iloc[:1])


def test_leak_experiment_shows_the_leak(split):
    X_train, X_test, y_train, y_test = split
    table = topic.leak_experiment(X_train, y_train, X_test, y_test)
    leaky = table[table["leaks"]]
    honest = table[~table["leaks"]]
    assert leaky["F1"].min() > honest["F1"].max() + 0.3
    assert abs(honest["F1"].iloc[0] - honest["F1"].iloc[1]) < 0.15
    fig = topic.leak_figure(table)
    assert len(fig.axes[0].patches) == 4
    assert fig.axes[0].lines[0].get_xdata()[0] == table["F1"].iloc[-1]
    plt.close(fig)
    with pytest.raises(ValueError, match=re.escape("got 'adasyn'")):
        topic.leak_experiment(X_train, y_train, X_test, y_test, sampler="adasyn")
    with pytest.raises(ValueError, match="both classes"):
        topic.leak_experiment(X_train, np.zeros_like(y_train), X_test, y_test)


def test_compare_strategies_uses_the_given_threshold_function(split):
    X_train, X_test, y_train, y_test = split
    calls = []

    def threshold_fn(y, s):
        calls.append(len(y))
        return 0.25

    table = topic.compare_strategies(X_train, y_train, X_test, y_test, threshold_fn)
    assert calls == [len(y_train)]
    assert table.loc["threshold moving", "threshold"] == 0.25
    assert table.loc["RandomUnderSampler", "train rows"] == 2 * y_train.sum()
    assert table.loc["SMOTE", "train rows"] == 2 * (len(y_train) - y_train.sum())
    moving = table.loc["threshold moving", "mean P(fraud)"]
    assert moving == pytest.approx(y_test.mean(), abs=0.01)
    assert table.loc["class_weight='balanced'", "mean P(fraud)"] > 3 * moving
    fig = topic.strategies_figure(table, prevalence=y_test.mean())
    bars, calib = fig.axes
    assert len(bars.patches) == 4 * len(table)
    assert len(calib.patches) == len(table)
    plt.close(fig)
    with pytest.raises(ValueError, match="lacks the columns"):
        topic.strategies_figure(table.drop(columns="recall"))


# ------------------------------------------------------------------- smote view, widget
def test_smote_data_and_validation():
    X_min, X_maj = topic.smote_data()
    assert X_min.shape == (15, 2) and X_maj.shape == (160, 2)
    with pytest.raises(ValueError, match=re.escape("got -1")):
        topic.smote_data(seed=-1)


def test_smote_view_update_redraws_links_and_points():
    view = topic.SmoteView(*topic.smote_data(), k_neighbors=2, n_samples=40)
    assert len(view.links.get_segments()) == 15 * 2
    assert view.synthetic.shape == (40, 2)
    small = view.n_inside
    view.update(10, 80)
    assert len(view.links.get_segments()) == 15 * 10
    assert view.synthetic.shape == (80, 2)
    assert view.n_inside > small
    assert view.ax.get_title().startswith("k_neighbors = 10:")
    assert view._repr_png_().startswith(b"\x89PNG")
    with pytest.raises(ValueError, match=re.escape("from 1 to 14, got 15")):
        view.update(15)
    with pytest.raises(ValueError, match=re.escape("got (3, 3)")):
        topic.SmoteView(np.eye(3), np.eye(2))


def test_smote_figure_draws_the_given_function():
    calls = []

    def mine(X, n, k_neighbors=5, random_state=None):
        calls.append(k_neighbors)
        return core.smote_reference(X, n, k_neighbors, random_state)

    fig = topic.smote_figure(k_values=(1, 3), smote=mine)
    assert calls == [1, 3] and len(fig.axes) == 2
    plt.close(fig)


def test_smote_explorer_slider_updates_the_image():
    box = topic.smote_explorer()
    before = box.children[1].value
    box.k.value = 8
    assert box.explorer.k == 8
    assert box.children[1].value != before
    assert assert_blits_like_a_full_draw(box) == 8
    assert box.image.full_draws == 1


# ---------------------------------------------------------------- imbalance explorer
def test_imbalance_explorer_update_moves_marker_and_curves():
    explorer = topic.ImbalanceExplorer(prevalence=0.5)
    balanced = explorer.metrics
    metrics = explorer.update(0.01)
    assert explorer.marker.get_xdata()[0] == 0.01
    assert metrics["majority baseline"] == pytest.approx(0.99, abs=1e-3)
    assert metrics["PR-AUC"] < balanced["PR-AUC"] - 0.5
    assert abs(metrics["ROC-AUC"] - balanced["ROC-AUC"]) < 0.05
    baseline = explorer.ax_pr.lines[1]
    assert baseline.get_ydata()[0] == 0.01
    assert "1.0% positives" in explorer.ax_lines.get_title()
    y, s, _ = figures._ratio_metrics(0.01, 0)
    assert metrics["PR-AUC"] == pytest.approx(skm.average_precision_score(y, s))
    with pytest.raises(ValueError, match=re.escape("got 0.33")):
        explorer.update(0.33)


def test_imbalance_explorer_widget():
    box = topic.imbalance_explorer()
    before = box.children[1].value
    box.slider.value = 0.05
    assert box.explorer.prevalence == 0.05
    assert box.children[1].value != before
    assert assert_blits_like_a_full_draw(box) == 4
    assert box.image.full_draws == 1
