"""01_metrics topic module: references, mistake catalogue, figures and the widget."""

from __future__ import annotations

import re

import numpy as np
import pytest
from pixels import assert_blits_like_a_full_draw
from sklearn import metrics as skm

from interview_lab import cases, datasets
from interview_lab.topics import metrics as topic
from interview_lab.topics.metrics import core


# --------------------------------------------------- slow references from the definition
def roc_points_slow(y, s):
    """One (fpr, tpr) point per threshold, computed by brute force from the definition."""
    y = list(map(int, y))
    s = list(map(float, s))
    out = []
    for t in [float("inf")] + sorted(set(s), reverse=True):
        tp = sum(1 for a, b in zip(y, s) if a == 1 and b >= t)
        fp = sum(1 for a, b in zip(y, s) if a == 0 and b >= t)
        out.append((fp / y.count(0), tp / y.count(1), t))
    return out


@pytest.mark.parametrize("case", list(cases.scored_pairs(seed=3, n_random=30)))
def test_internal_roc_curve_matches_definition_and_sklearn(case):
    y, s = case
    fpr, tpr, thr = core.roc_curve_reference(y, s)
    slow = roc_points_slow(y, s)
    assert np.allclose(fpr, [p[0] for p in slow])
    assert np.allclose(tpr, [p[1] for p in slow])
    ref = skm.roc_curve(y, s, drop_intermediate=False)
    assert np.allclose(fpr, ref[0]) and np.allclose(tpr, ref[1])
    assert np.array_equal(thr, ref[2])


@pytest.mark.parametrize("case", list(cases.scored_pairs(seed=4, n_random=30)))
def test_internal_auc_matches_sklearn(case):
    assert core.auc_pairs(*case) == pytest.approx(skm.roc_auc_score(*case))


# ---------------------------------------------------------------------- references
@pytest.mark.parametrize("case", list(cases.binary_pairs(seed=5, n_random=30)))
def test_label_references_match_sklearn(case):
    t, p = case
    assert np.array_equal(
        core.confusion_matrix_reference(t, p), skm.confusion_matrix(t, p, labels=[0, 1])
    )
    assert core.precision_reference(t, p) == skm.precision_score(t, p, zero_division=0)
    assert core.recall_reference(t, p) == skm.recall_score(t, p, zero_division=0)
    assert core.f_beta_reference(t, p, 2.0) == pytest.approx(
        skm.fbeta_score(t, p, beta=2.0, zero_division=0)
    )


@pytest.mark.parametrize("case", list(cases.regression_pairs(seed=6, n_random=20)))
def test_regression_references_match_sklearn(case):
    t, p = case
    assert core.mae_reference(t, p) == pytest.approx(skm.mean_absolute_error(t, p))
    assert core.rmse_reference(t, p) == pytest.approx(
        np.sqrt(skm.mean_squared_error(t, p))
    )
    assert core.r2_reference(t, p) == pytest.approx(skm.r2_score(t, p))


def test_unknown_exercise_is_named():
    with pytest.raises(ValueError, match=re.escape("unknown exercise 'precison'")):
        topic.checker("precison", abs)


# ----------------------------------------------------------------------- figures
def test_explorer_update_moves_the_point_to_the_thresholds_rates():
    y, s = datasets.screening_scores(0.2, n_negative=400)
    explorer = topic.ThresholdExplorer(y, s, threshold=0.5)
    for threshold in (0.0, 0.3, 0.5, 0.9, 1.01):
        stats = explorer.update(threshold)
        pred = (s >= threshold).astype(int)
        assert stats["precision"] == pytest.approx(
            skm.precision_score(y, pred, zero_division=0)
        )
        assert stats["recall"] == pytest.approx(skm.recall_score(y, pred))
        assert stats["f1"] == pytest.approx(skm.f1_score(y, pred, zero_division=0))
        fpr = np.mean(pred[y == 0])
        assert list(explorer.roc_point.get_data()[0]) == pytest.approx([fpr])
        assert list(explorer.roc_point.get_data()[1]) == pytest.approx(
            [stats["recall"]]
        )
        assert list(explorer.pr_point.get_data()[1]) == pytest.approx(
            [stats["precision"]]
        )
        assert list(explorer.threshold_line.get_xdata()) == [threshold, threshold]
        cells = sorted(t.get_text() for t in explorer.ax_cm.texts)
        tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
        assert cells == sorted([f"TN\n{tn}", f"FP\n{fp}", f"FN\n{fn}", f"TP\n{tp}"])


def test_explorer_set_data_redraws_the_curves_for_the_new_balance():
    explorer = topic.ThresholdExplorer(*datasets.screening_scores(0.5, n_negative=300))
    ap_balanced = explorer.ap
    y, s = datasets.screening_scores(0.05, n_negative=300)
    explorer.set_data(y, s)
    assert explorer.ap < ap_balanced
    # the artists are kept and given the new data: curves, counts, legends
    assert [t.get_text() for t in explorer.hist_legend.get_texts()][:2] == [
        "negatives (300)",
        "positives (16)",
    ]
    edges = np.linspace(0, 1, 41)  # probabilities: one score axis at every balance
    density, _ = np.histogram(s[y == 1], bins=edges, density=True)
    assert explorer.hists[1].get_data().values == pytest.approx(density)
    assert explorer.roc_line.get_xydata()[:, 1].max() == 1.0
    assert explorer.roc_legend.get_texts()[0].get_text() == (
        f"model, AUC = {skm.roc_auc_score(y, s):.3f}"
    )
    assert explorer.prevalence_line.get_ydata()[0] == pytest.approx(16 / 316)
    assert (
        explorer.ax_hist.get_title() == "Scores by class (prevalence 5.1%)"
    )  # 16 of 316
    assert explorer._repr_png_().startswith(b"\x89PNG")


def test_explorer_rejects_one_class():
    with pytest.raises(ValueError, match=re.escape("got only class 1")):
        topic.ThresholdExplorer([1, 1, 1], [0.1, 0.2, 0.3])


def test_threshold_widget_redraws_the_image_on_slider_and_balance_change():
    box = topic.threshold_explorer(prevalences=(0.5, 0.05))
    image = box.children[1]
    first = image.value
    box.slider.value = 0.8
    after_slider = image.value
    assert after_slider != first
    assert box.explorer.threshold == 0.8
    box.balance.value = 0.05
    assert image.value != after_slider
    assert box.explorer.y.mean() == pytest.approx(0.05, abs=0.01)
    assert "interview-lab-explorer" in box._dom_classes


def test_threshold_explorer_blits_thresholds_and_balances():
    box = topic.threshold_explorer(prevalences=(0.5, 0.05))
    # a new balance keeps every axis (one score axis, a kept density scale)
    assert assert_blits_like_a_full_draw(box) == 5  # the 4 thresholds and the balance
    assert box.image.full_draws == 1


def test_threshold_explorer_draws_whole_when_the_density_scale_changes():
    box = topic.threshold_explorer(prevalences=(0.5, 0.05))
    explorer, drawn = box.explorer, box.image.full_draws
    top = explorer.ax_hist.get_ylim()[1]
    y, s = datasets.screening_scores(0.5)
    explorer.set_data(y, np.where(y == 1, 0.5 + 0.01 * s, s))  # a tall spike
    box.image.redraw()
    assert explorer.ax_hist.get_ylim()[1] > top
    assert box.image.full_draws == drawn + 1


def test_static_figures_have_their_curves():
    fig = topic.prevalence_figure(prevalences=(0.5, 0.1))
    roc, pr = fig.axes
    assert len(roc.get_lines()) == 3  # two curves + diagonal
    assert len(pr.get_lines()) == 2
    fig = topic.outlier_figure()
    assert "RMSE" in fig.axes[0].get_title()
