"""04_imbalanced topic module: invariant checks, references, data, figures, widgets."""

from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn import metrics as skm

from interview_lab.checking import CheckFailed
from interview_lab.topics import imbalanced as topic
from interview_lab.topics.imbalanced import checks, core, figures


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
    i, j = checks.segment_pairs(X, k)
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
    assert box.view.k == 8
    assert box.children[1].value != before


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
