"""01_metrics: the figures and the interactive explorer the teaching cells call.

In notebook order: the threshold explorer (a slider and a class-balance dropdown over
one screening model), ROC against precision-recall under imbalance, and MAE against
RMSE with outliers. They use the topic's own references, so they work before the
learner has written anything.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from sklearn.metrics import (
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

from ... import datasets
from ...widgets import (
    Explorer,
    MatrixPanel,
    animate,
    explorer_box,
    new_figure,
    pyplot,
    show_histograms,
)
from .core import auc_pairs, confusion_counts, ratio, roc_curve_reference

__all__ = [
    "ThresholdExplorer",
    "outlier_figure",
    "prevalence_figure",
    "threshold_explorer",
]


class ThresholdExplorer(Explorer):
    """A figure of a classifier at one decision threshold, updated in place.

    Four panels: the score distribution of each class with the threshold, the
    confusion matrix, the ROC curve and the precision-recall curve with the current
    operating point marked, and the precision, recall and F1 at that threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        0/1 labels; both classes must be present.
    scores : array-like of shape (n_samples,)
        Model scores, higher meaning more likely positive.
    threshold : float, default=0.5
        Initial threshold: predict positive when ``score >= threshold``.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    roc_point, pr_point : matplotlib.lines.Line2D
        The markers of the current operating point.
    """

    def __init__(self, y_true, scores, threshold: float = 0.5):
        self.figure = new_figure(figsize=(10, 6.4), layout="constrained")
        axes = self.figure.subplots(2, 2)
        self.ax_hist, self.ax_cm, self.ax_roc, self.ax_pr = axes.ravel()
        self.matrix = MatrixPanel(self.ax_cm)
        self.ax_cm.set_title(" ")
        animate(self.ax_cm.title)
        # the artists are made once; set_data gives them new data (making them again,
        # and the axes' ticks with them, costs a balance change more than its draw)
        ax = self.ax_hist
        self.hists = [
            ax.stairs([0], [0, 1], fill=True, alpha=0.55, color=colour, label=label)
            for colour, label in [("tab:blue", "n"), ("tab:orange", "p")]
        ]
        ax.set_xlabel("model score")
        ax.set_ylabel("density within each class")
        self.threshold_line = ax.axvline(
            0, color="black", ls="--", lw=1.5, label="threshold", animated=True
        )
        self.hist_legend = ax.legend(loc="upper center", fontsize=8)
        animate(*self.hists, self.hist_legend, ax.title, frame=ax)

        ax = self.ax_roc
        (self.roc_line,) = animate(*ax.plot([], [], color="tab:purple", label="model"))
        # under the model's curve (animated, so drawn over the kept background)
        ax.plot(
            [0, 1], [0, 1], color="grey", ls=":", label="random guessing", zorder=1.9
        )
        (self.roc_point,) = ax.plot([], [], "o", color="black", ms=8, animated=True)
        ax.set(
            xlabel="false positive rate",
            ylabel="true positive rate (recall)",
            xlim=(-0.02, 1.02),
            ylim=(-0.02, 1.02),
            title="ROC curve",
        )
        self.roc_legend = ax.legend(loc="lower right", fontsize=8)
        animate(self.roc_legend)

        ax = self.ax_pr
        (self.pr_line,) = animate(*ax.plot([], [], color="tab:green", label="model"))
        self.prevalence_line = ax.axhline(
            0, color="grey", ls=":", label="random", animated=True
        )
        (self.pr_point,) = ax.plot([], [], "o", color="black", ms=8, animated=True)
        ax.set(
            xlabel="recall",
            ylabel="precision",
            xlim=(-0.02, 1.02),
            ylim=(-0.02, 1.02),
            title="Precision-recall curve",
        )
        self.pr_legend = ax.legend(loc="lower left", fontsize=8)
        animate(self.pr_legend, frame=ax)  # the random line runs from spine to spine
        self.set_data(y_true, scores, threshold)

    def set_data(self, y_true, scores, threshold: float | None = None) -> None:
        """Replace the labels and scores (e.g. at another class balance) and redraw."""
        y = np.asarray(y_true).astype(int).ravel()
        s = np.asarray(scores, dtype=float).ravel()
        if y.shape != s.shape:
            raise ValueError(
                f"y_true and scores differ in shape: {y.shape} vs {s.shape}"
            )
        if y.min() == y.max():
            raise ValueError(f"both classes must be present, got only class {y[0]}")
        self.y, self.s = y, s
        threshold = self.threshold if threshold is None else threshold
        fpr, tpr, _ = roc_curve(y, s)
        prec, rec, _ = precision_recall_curve(y, s)
        self.auc = roc_auc_score(y, s)
        self.ap = average_precision_score(y, s)
        prevalence = y.mean()

        # probabilities keep one score axis at every balance; the panels' axes then
        # stay put and a new balance redraws only the animated artists
        lo, hi = (0.0, 1.0) if s.min() >= 0 and s.max() <= 1 else (s.min(), s.max())
        by_class = [s[y == 0], s[y == 1]]
        edges = np.linspace(lo, hi, 41)
        moved = show_histograms(
            self.ax_hist, self.hists, by_class, edges, density=True, keep_top=True
        )
        texts = self.hist_legend.get_texts()
        for cls, text, label in zip((0, 1), texts, ("negatives", "positives")):
            text.set_text(f"{label} ({(y == cls).sum()})")
        self.ax_hist.set_title(f"Scores by class (prevalence {prevalence:.1%})")

        self.roc_line.set_data(fpr, tpr)
        self.roc_legend.get_texts()[0].set_text(f"model, AUC = {self.auc:.3f}")
        self.pr_line.set_data(rec, prec)
        self.prevalence_line.set_ydata([prevalence, prevalence])
        pr_texts = self.pr_legend.get_texts()
        pr_texts[0].set_text(f"model, AP = {self.ap:.3f}")
        pr_texts[1].set_text(f"random = {prevalence:.3f}")
        if moved:
            self.background_changed()
        self.update(threshold)

    def update(self, threshold: float) -> dict:
        """Move the operating point to ``threshold``; return its metrics.

        Returns
        -------
        dict
            ``tn, fp, fn, tp, precision, recall, f1, fpr`` at the threshold.
        """
        threshold = float(threshold)
        self.threshold = threshold
        pred = (self.s >= threshold).astype(int)
        tn, fp, fn, tp = confusion_counts(self.y, pred)
        P, R = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1 = ratio(2 * P * R, P + R)
        fpr = ratio(fp, fp + tn)
        self.threshold_line.set_xdata([threshold, threshold])
        self.roc_point.set_data([fpr], [R])
        self.pr_point.set_data([R], [P])
        self.matrix.show([[tn, fp], [fn, tp]])
        self.ax_cm.set_title(
            f"threshold {threshold:.2f}:  precision {P:.2f}  recall {R:.2f}  F1 {f1:.2f}"
        )
        self.redraw()
        return {
            "tn": tn,
            "fp": fp,
            "fn": fn,
            "tp": tp,
            "precision": P,
            "recall": R,
            "f1": f1,
            "fpr": fpr,
        }


def threshold_explorer(
    prevalences=(0.5, 0.2, 0.1, 0.05, 0.01), threshold: float = 0.5, seed: int = 0
):
    """Interactive threshold and class-balance explorer for a screening model.

    A slider moves the decision threshold; a dropdown changes how rare the positives
    are (the model stays the same, see :func:`interview_lab.datasets.screening_scores`).
    The confusion matrix, precision, recall and F1, and the operating point on the ROC
    and precision-recall curves follow.

    Parameters
    ----------
    prevalences : sequence of float
        Class balances offered in the dropdown; the first is shown first.
    threshold : float
        Initial threshold.
    seed : int
        Seed of the data.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure. ``.explorer`` holds the
        :class:`ThresholdExplorer`, ``.slider`` and ``.balance`` the controls.
    """
    prevalences = [float(p) for p in prevalences]
    if not prevalences:
        raise ValueError("prevalences must name at least one class balance")
    explorer = ThresholdExplorer(
        *datasets.screening_scores(prevalences[0], seed=seed), threshold=threshold
    )
    slider = widgets.FloatSlider(
        value=threshold,
        min=0.0,
        max=1.0,
        step=0.01,
        description="threshold",
        continuous_update=False,
        readout_format=".2f",
        layout=widgets.Layout(width="420px"),
    )
    balance = widgets.Dropdown(
        options=[(f"{p:.0%} positives", p) for p in prevalences],
        value=prevalences[0],
        description="balance",
    )

    def on_balance(prevalence):
        explorer.set_data(*datasets.screening_scores(prevalence, seed=seed))

    return explorer_box(
        explorer.figure,
        {"slider": (slider, explorer.update), "balance": (balance, on_balance)},
        explorer=explorer,
    )


def prevalence_figure(prevalences=(0.5, 0.1, 0.01), seed: int = 0):
    """ROC and precision-recall curves of one model at several class balances.

    The ROC curve barely moves as positives get rarer; the precision-recall curve
    drops. This is why PR-AUC (average precision) is the honest summary under heavy
    imbalance.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (ax_roc, ax_pr) = pyplot().subplots(
        1, 2, figsize=(10, 4), layout="constrained"
    )
    for p in prevalences:
        y, s = datasets.screening_scores(p, seed=seed)
        fpr, tpr, _ = roc_curve_reference(y, s)
        prec, rec, _ = precision_recall_curve(y, s)
        ax_roc.plot(fpr, tpr, label=f"{p:.0%} positives: AUC {auc_pairs(y, s):.3f}")
        ax_pr.plot(
            rec,
            prec,
            label=f"{p:.0%} positives: AP {average_precision_score(y, s):.3f}",
        )
    ax_roc.plot([0, 1], [0, 1], ":", color="grey")
    ax_roc.set(
        xlabel="false positive rate",
        ylabel="true positive rate",
        title="ROC: almost unchanged by imbalance",
    )
    ax_pr.set(
        xlabel="recall",
        ylabel="precision",
        title="Precision-recall: collapses as positives get rare",
    )
    for ax in (ax_roc, ax_pr):
        ax.legend(fontsize=8)
    return fig


def outlier_figure(seed: int = 0):
    """MAE and RMSE of two models' errors, one with a few large misses.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rng = np.random.default_rng(seed)
    steady = rng.normal(0, 3, size=200)
    spiky = rng.normal(0, 1.5, size=200)
    spiky[:6] = rng.choice([-1, 1], size=6) * rng.uniform(20, 30, size=6)
    fig, ax = pyplot().subplots(figsize=(8, 3.4), layout="constrained")
    bins = np.linspace(-32, 32, 65)
    for err, name, colour in [
        (steady, "model A: steady errors", "tab:blue"),
        (spiky, "model B: small errors, a few big misses", "tab:red"),
    ]:
        mae_v = np.mean(np.abs(err))
        rmse_v = np.sqrt(np.mean(err**2))
        ax.hist(
            err,
            bins=bins,
            alpha=0.55,
            color=colour,
            label=f"{name}\nMAE {mae_v:.2f}, RMSE {rmse_v:.2f}",
        )
    ax.set(
        xlabel="error (y_true - y_pred)",
        ylabel="count",
        title="RMSE punishes big misses; MAE treats every unit of error alike",
    )
    ax.legend(fontsize=8)
    return fig
