"""01_metrics topic module: references, mistake catalogue, figures and the widget."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn import metrics as skm

from interview_lab import cases, datasets
from interview_lab.checking import CheckFailed
from interview_lab.topics import metrics as topic


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
    fpr, tpr, thr = topic._curve(y, s)
    slow = roc_points_slow(y, s)
    assert np.allclose(fpr, [p[0] for p in slow])
    assert np.allclose(tpr, [p[1] for p in slow])
    ref = skm.roc_curve(y, s, drop_intermediate=False)
    assert np.allclose(fpr, ref[0]) and np.allclose(tpr, ref[1])
    assert np.array_equal(thr, ref[2])


@pytest.mark.parametrize("case", list(cases.scored_pairs(seed=4, n_random=30)))
def test_internal_auc_matches_sklearn(case):
    assert topic._auc_pairs(*case) == pytest.approx(skm.roc_auc_score(*case))


# ---------------------------------------------------------------------- mistakes
def _reference(name):
    return {
        "confusion_matrix": lambda t, p: skm.confusion_matrix(t, p, labels=[0, 1]),
        "precision": lambda t, p: skm.precision_score(t, p, zero_division=0),
        "recall": lambda t, p: skm.recall_score(t, p, zero_division=0),
        "f_beta": lambda t, p, beta=1.0: skm.fbeta_score(
            t, p, beta=beta, zero_division=0
        ),
        "roc_curve": lambda t, s: tuple(skm.roc_curve(t, s, drop_intermediate=False)),
        "roc_auc": skm.roc_auc_score,
        "mae": skm.mean_absolute_error,
        "rmse": lambda t, p: np.sqrt(skm.mean_squared_error(t, p)),
        "r2": skm.r2_score,
    }[name]


MISTAKE_CASES = {
    "confusion_matrix": ([0, 0, 1, 1, 1], [1, 1, 1, 0, 1]),
    "precision": ([1, 1, 0, 0], [1, 0, 0, 0]),
    "recall": ([1, 1, 0, 0], [1, 1, 1, 0]),
    "f_beta": ([1, 1, 1, 1, 0, 0], [1, 0, 0, 0, 1, 0], 2.0),
    "roc_curve": ([0, 0, 1, 1, 1], [0.1, 0.4, 0.7, 0.8, 0.9]),  # collinear points
    "roc_auc": ([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.1]),
    "mae": ([1.0, 2.0, 3.0], [3.0, 2.5, 0.0]),
    "rmse": ([1.0, 2.0, 3.0], [3.0, 2.5, 0.0]),
    "r2": ([1.0, 2.0, 3.0], [3.0, 2.5, 0.0]),
}
ZERO_CASES = {
    "precision": ([1, 1, 0], [0, 0, 0]),
    "recall": ([0, 0, 0], [1, 0, 1]),
    "f_beta": ([1, 1], [0, 0], 1.0),
    "r2": ([2.0, 2.0], [1.0, 3.0]),
}


@pytest.mark.parametrize(
    "name, index",
    [(n, i) for n, ms in topic.MISTAKES.items() for i in range(len(ms))],
)
def test_each_mistake_is_recognised_with_its_hint(name, index):
    """A learner function that makes exactly this mistake gets exactly this hint."""
    mistake = topic.MISTAKES[name][index]
    ref = _reference(name)
    probe = topic.checker(name, mistake.compute)
    for args in (MISTAKE_CASES[name], ZERO_CASES.get(name)):
        with np.errstate(all="ignore"):
            if args is not None and probe._compare(mistake.compute(*args), ref(*args)):
                break
    else:
        pytest.fail(f"no case tells mistake {index} of {name} from the right answer")
    with pytest.raises(CheckFailed) as info:
        probe(*args, expect=ref(*args))
    assert str(info.value).endswith(f"  hint:     {mistake.hint}")


def test_every_exercise_has_a_hint_and_the_checker_knows_it():
    assert set(topic.HINTS) == {
        "confusion_matrix",
        "precision",
        "recall",
        "f_beta",
        "roc_curve",
        "roc_auc",
        "mae",
        "rmse",
        "r2",
    }
    assert set(topic.MISTAKES) <= set(topic.HINTS)
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
    explorer.set_data(*datasets.screening_scores(0.05, n_negative=300))
    assert explorer.ap < ap_balanced
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


def test_static_figures_have_their_curves():
    fig = topic.prevalence_figure(prevalences=(0.5, 0.1))
    roc, pr = fig.axes
    assert len(roc.get_lines()) == 3  # two curves + diagonal
    assert len(pr.get_lines()) == 2
    fig = topic.outlier_figure()
    assert "RMSE" in fig.axes[0].get_title()
