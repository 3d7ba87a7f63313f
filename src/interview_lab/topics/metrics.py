"""01_metrics: the mistakes its checks recognise, its figures and its threshold widget.

The notebook calls each piece in one line, for example::

    from interview_lab.topics import metrics as topic
    topic.threshold_explorer()            # the interactive figure
    check = topic.checker("precision", precision)   # in a test cell

Reference values come from scikit-learn; the figures use the package's own small
implementations so that they work before the learner has written anything.
"""

from __future__ import annotations

import numpy as np

from ..checking import Mistake, checker_factory
from ..widgets import FigureImage, explorer_box, new_figure

__all__ = [
    "HINTS",
    "MISTAKES",
    "ThresholdExplorer",
    "checker",
    "outlier_figure",
    "prevalence_figure",
    "threshold_explorer",
]


# ------------------------------------------------------------------ small references
def _counts(y_true, y_pred):
    t = np.asarray(y_true).astype(int).ravel()
    p = np.asarray(y_pred).astype(int).ravel()
    tp = int(np.sum((t == 1) & (p == 1)))
    fp = int(np.sum((t == 0) & (p == 1)))
    fn = int(np.sum((t == 1) & (p == 0)))
    tn = int(np.sum((t == 0) & (p == 0)))
    return tn, fp, fn, tp


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _nan_ratio(a: float, b: float) -> float:
    return np.float64(a) / np.float64(b)


def _precision(t, p):
    tn, fp, fn, tp = _counts(t, p)
    return _ratio(tp, tp + fp)


def _recall(t, p):
    tn, fp, fn, tp = _counts(t, p)
    return _ratio(tp, tp + fn)


def _curve(y_true, scores):
    """fpr, tpr, thresholds with a point per distinct score (as the contract)."""
    y = np.asarray(y_true).astype(int).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    thresholds = np.concatenate([[np.inf], np.unique(s)[::-1]])
    pos, neg = max(y.sum(), 1), max((1 - y).sum(), 1)
    tpr = np.array([np.sum((s >= t) & (y == 1)) for t in thresholds]) / pos
    fpr = np.array([np.sum((s >= t) & (y == 0)) for t in thresholds]) / neg
    return fpr, tpr, thresholds


def _auc_pairs(y_true, scores, tie=0.5):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    return float(np.mean((diff > 0) + tie * (diff == 0)))


# ---------------------------------------------------------------------------- mistakes
def _one_when_empty(a: float, b: float) -> float:
    return a / b if b else 1.0


def _sklearn_default_curve(t, s):
    from sklearn.metrics import roc_curve

    return tuple(roc_curve(t, s))  # drop_intermediate=True prunes collinear points


def _r2_plain(t, p):
    t, p = np.asarray(t, float), np.asarray(p, float)
    ss_tot = np.sum((t - t.mean()) ** 2)
    ss_res = np.sum((t - p) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)


def _f_beta_unsquared(t, p, beta=1.0):
    P, R = _precision(t, p), _recall(t, p)
    return _ratio((1 + beta) * P * R, beta * P + R)


def _f_beta_swapped(t, p, beta=1.0):
    P, R = _precision(t, p), _recall(t, p)
    return _ratio((1 + beta**2) * P * R, beta**2 * R + P)


MISTAKES: dict[str, list[Mistake]] = {
    "confusion_matrix": [
        Mistake(
            lambda t, p: np.array(_counts(t, p)).reshape(2, 2).T,
            "Rows and columns look swapped. Rows are the true class, columns the "
            "prediction: [[TN, FP], [FN, TP]].",
        ),
        Mistake(
            lambda t, p: np.array(_counts(t, p)[::-1]).reshape(2, 2),
            "The classes look reversed: row 0 and column 0 are class 0 (negatives), "
            "so TN is top-left and TP bottom-right.",
        ),
    ],
    "precision": [
        Mistake(
            lambda t, p: _one_when_empty(_counts(t, p)[3], sum(_counts(t, p)[1::2])),
            "When nothing is predicted positive, TP + FP = 0 and precision is 0.0 by "
            "convention (as scikit-learn's zero_division=0), not 1.0.",
        ),
        Mistake(
            _recall,
            "That is the recall, TP / (TP + FN): precision and recall look swapped. "
            "Precision divides by everything predicted positive, TP + FP.",
        ),
        Mistake(
            lambda t, p: _nan_ratio(
                *_counts(t, p)[3:4], _counts(t, p)[3] + _counts(t, p)[1]
            ),
            "When nothing is predicted positive, TP + FP = 0: return 0.0 instead of "
            "dividing by zero.",
        ),
        Mistake(
            lambda t, p: float(np.mean(np.asarray(t) == np.asarray(p))),
            "That is the accuracy. Precision only looks at the cases predicted "
            "positive: TP / (TP + FP).",
        ),
    ],
    "recall": [
        Mistake(
            lambda t, p: _one_when_empty(_counts(t, p)[3], sum(_counts(t, p)[2:])),
            "When there are no positives, TP + FN = 0 and recall is 0.0 by convention "
            "(as scikit-learn's zero_division=0), not 1.0.",
        ),
        Mistake(
            _precision,
            "That is the precision, TP / (TP + FP): precision and recall look swapped. "
            "Recall divides by all actual positives, TP + FN.",
        ),
        Mistake(
            lambda t, p: _nan_ratio(
                _counts(t, p)[3], _counts(t, p)[3] + _counts(t, p)[2]
            ),
            "When there are no positives, TP + FN = 0: return 0.0 instead of dividing "
            "by zero.",
        ),
        Mistake(
            lambda t, p: _ratio(_counts(t, p)[0], _counts(t, p)[0] + _counts(t, p)[1]),
            "That is the specificity (true negative rate), TN / (TN + FP). Recall is "
            "the true positive rate, TP / (TP + FN).",
        ),
    ],
    "f_beta": [
        Mistake(
            _f_beta_unsquared,
            "beta is squared in F-beta: (1 + beta**2) * P * R / (beta**2 * P + R).",
        ),
        Mistake(
            _f_beta_swapped,
            "The beta**2 multiplies the precision in the denominator: "
            "(1 + beta**2) * P * R / (beta**2 * P + R). A beta above 1 favours recall.",
        ),
        Mistake(
            lambda t, p, beta=1.0: _ratio(
                2 * _precision(t, p) * _recall(t, p), _precision(t, p) + _recall(t, p)
            ),
            "That is F1 whatever beta is: use the beta argument.",
        ),
        Mistake(
            lambda t, p, beta=1.0: np.float64(0) / np.float64(0),
            "When precision and recall are both 0 the formula divides 0 by 0: return "
            "0.0 in that case.",
        ),
    ],
    "roc_curve": [
        Mistake(
            lambda t, s: tuple(a[1:] for a in _curve(t, s)),
            "The curve starts at threshold inf, where nothing is predicted positive "
            "and fpr = tpr = 0. Prepend that point.",
        ),
        Mistake(
            lambda t, s: tuple(a[::-1] for a in _curve(t, s)),
            "Thresholds go from high to low (inf first), so fpr and tpr increase "
            "along the curve.",
        ),
        Mistake(
            lambda t, s: (*_curve(t, s)[:2], np.r_[np.max(s) + 1, _curve(t, s)[2][1:]]),
            "The first threshold is inf (nothing predicted positive), not the top "
            "score + 1 (older scikit-learn versions used that).",
        ),
        Mistake(
            _sklearn_default_curve,
            "Keep a point for every distinct score, even where points lie on a straight "
            "line: scikit-learn's roc_curve drops those unless drop_intermediate=False.",
        ),
    ],
    "roc_auc": [
        Mistake(
            lambda t, s: _auc_pairs(t, s, tie=0.0),
            "Ties between a positive and a negative score count 1/2, not 0.",
        ),
        Mistake(
            lambda t, s: _auc_pairs(t, s, tie=1.0),
            "Ties between a positive and a negative score count 1/2, not 1.",
        ),
        Mistake(
            lambda t, s: 1 - _auc_pairs(t, s),
            "That is 1 - AUC: count the pairs where the positive scores higher than "
            "the negative.",
        ),
    ],
    "mae": [
        Mistake(
            lambda t, p: float(
                np.mean((np.asarray(t, float) - np.asarray(p, float)) ** 2)
            ),
            "That is the mean squared error: MAE takes the absolute value of each "
            "error, not its square.",
        ),
        Mistake(
            lambda t, p: float(np.mean(np.asarray(t, float) - np.asarray(p, float))),
            "Positive and negative errors cancel out: take the absolute value of each "
            "error before averaging.",
        ),
        Mistake(
            lambda t, p: float(np.mean(np.asarray(p, float) - np.asarray(t, float))),
            "Positive and negative errors cancel out: take the absolute value of each "
            "error before averaging.",
        ),
    ],
    "rmse": [
        Mistake(
            lambda t, p: float(
                np.mean((np.asarray(t, float) - np.asarray(p, float)) ** 2)
            ),
            "That is the mean squared error: take its square root.",
        ),
        Mistake(
            lambda t, p: float(
                np.sqrt(np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2))
            ),
            "Average the squared errors (mean, not sum) before the square root.",
        ),
        Mistake(
            lambda t, p: float(
                np.sqrt(
                    np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                    / max(len(t) - 1, 1)
                )
            ),
            "Divide by the number of samples n, not n - 1: RMSE is the root of the "
            "mean squared error, not a sample standard deviation.",
        ),
        Mistake(
            lambda t, p: float(
                np.mean(np.abs(np.asarray(t, float) - np.asarray(p, float)))
            ),
            "That is the MAE: square the errors, average them, then take the root.",
        ),
    ],
    "r2": [
        Mistake(
            lambda t, p: float(
                1
                - np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                / np.float64(np.sum((np.asarray(t, float) - np.mean(t)) ** 2))
            ),
            "When the target is constant, SS_tot = 0: return 1.0 if the prediction is "
            "perfect and 0.0 otherwise, instead of dividing by zero.",
        ),
        Mistake(
            lambda t, p: float(
                1
                - np.sum((np.asarray(t, float) - np.asarray(p, float)) ** 2)
                / np.sum((np.asarray(p, float) - np.mean(p)) ** 2)
            ),
            "SS_tot measures the spread of the true values around their own mean: "
            "sum((y_true - mean(y_true))**2).",
        ),
        Mistake(
            lambda t, p: float(np.corrcoef(t, p)[0, 1] ** 2),
            "That is the squared correlation. R² = 1 - SS_res / SS_tot, which can be "
            "negative when a model is worse than predicting the mean.",
        ),
        Mistake(
            lambda t, p: max(0.0, _r2_plain(t, p)),
            "Do not clip R² at 0: a model worse than predicting the mean has a "
            "negative R².",
        ),
    ],
}

HINTS: dict[str, str] = {
    "confusion_matrix": "Count each cell with a boolean mask, e.g. "
    "TP = np.sum((y_true == 1) & (y_pred == 1)), and return [[TN, FP], [FN, TP]].",
    "precision": "Precision = TP / (TP + FP), and 0.0 when TP + FP = 0.",
    "recall": "Recall = TP / (TP + FN), and 0.0 when TP + FN = 0.",
    "f_beta": "Compute P and R first; F = (1 + b²)·P·R / (b²·P + R), 0.0 when P = R = 0.",
    "roc_curve": "Thresholds: inf, then the distinct scores from high to low "
    "(np.unique(scores)[::-1]). At each threshold t predict `scores >= t` and record "
    "fpr = FP / negatives and tpr = TP / positives. Tied scores give one point.",
    "roc_auc": "Compare every (positive, negative) pair: 1 if the positive scores "
    "higher, 1/2 for a tie, 0 otherwise; average. Raise ValueError when y_true has one "
    "class only.",
    "mae": "MAE = mean(|y_true - y_pred|).",
    "rmse": "RMSE = sqrt(mean((y_true - y_pred)**2)).",
    "r2": "R² = 1 - SS_res / SS_tot with SS_res = sum((y - ŷ)²) and SS_tot = "
    "sum((y - mean(y))²); when SS_tot = 0 return 1.0 for a perfect prediction, else 0.0.",
}

NAMES = {"roc_curve": ("fpr", "tpr", "thresholds")}


checker = checker_factory(HINTS, MISTAKES, NAMES)


# ----------------------------------------------------------------------------- figures
def _plt():
    import matplotlib.pyplot as plt

    return plt


def _draw_matrix(ax, cm):
    ax.clear()
    ax.imshow(cm, cmap="Blues", vmin=0, vmax=max(cm.max(), 1))
    names = [["TN", "FP"], ["FN", "TP"]]
    for i in range(2):
        for j in range(2):
            dark = cm[i, j] > 0.6 * max(cm.max(), 1)
            ax.text(
                j,
                i,
                f"{names[i][j]}\n{cm[i, j]}",
                ha="center",
                va="center",
                color="white" if dark else "black",
                fontsize=11,
            )
    ax.set_xticks([0, 1], ["pred 0", "pred 1"])
    ax.set_yticks([0, 1], ["true 0", "true 1"])


class ThresholdExplorer:
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
        self.set_data(y_true, scores, threshold)

    def set_data(self, y_true, scores, threshold: float | None = None) -> None:
        """Replace the labels and scores (e.g. at another class balance) and redraw."""
        from sklearn.metrics import average_precision_score, precision_recall_curve

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
        fpr, tpr, _ = _curve(y, s)
        prec, rec, _ = precision_recall_curve(y, s)
        self.auc = _auc_pairs(y, s)
        self.ap = average_precision_score(y, s)
        prevalence = y.mean()

        bins = np.linspace(s.min(), s.max(), 41)
        ax = self.ax_hist
        ax.clear()
        for cls, colour, label in [
            (0, "tab:blue", "negatives"),
            (1, "tab:orange", "positives"),
        ]:
            ax.hist(
                s[y == cls],
                bins=bins,
                alpha=0.55,
                density=True,
                color=colour,
                label=f"{label} ({(y == cls).sum()})",
            )
        ax.set_xlabel("model score")
        ax.set_ylabel("density within each class")
        self.threshold_line = ax.axvline(
            threshold, color="black", ls="--", lw=1.5, label="threshold"
        )
        ax.legend(loc="upper center", fontsize=8)
        ax.set_title(f"Scores by class (prevalence {prevalence:.1%})")

        ax = self.ax_roc
        ax.clear()
        ax.plot(fpr, tpr, color="tab:purple", label=f"model, AUC = {self.auc:.3f}")
        ax.plot([0, 1], [0, 1], color="grey", ls=":", label="random guessing")
        (self.roc_point,) = ax.plot([], [], "o", color="black", ms=8)
        ax.set(
            xlabel="false positive rate",
            ylabel="true positive rate (recall)",
            xlim=(-0.02, 1.02),
            ylim=(-0.02, 1.02),
            title="ROC curve",
        )
        ax.legend(loc="lower right", fontsize=8)

        ax = self.ax_pr
        ax.clear()
        ax.plot(rec, prec, color="tab:green", label=f"model, AP = {self.ap:.3f}")
        ax.axhline(prevalence, color="grey", ls=":", label=f"random = {prevalence:.3f}")
        (self.pr_point,) = ax.plot([], [], "o", color="black", ms=8)
        ax.set(
            xlabel="recall",
            ylabel="precision",
            xlim=(-0.02, 1.02),
            ylim=(-0.02, 1.02),
            title="Precision-recall curve",
        )
        ax.legend(loc="lower left", fontsize=8)
        self.update(threshold)

    def _repr_png_(self) -> bytes:
        """Show the figure as a PNG when the explorer is a cell's last expression."""
        return FigureImage.render(self.figure)

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
        tn, fp, fn, tp = _counts(self.y, pred)
        P, R = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = _ratio(2 * P * R, P + R)
        fpr = _ratio(fp, fp + tn)
        self.threshold_line.set_xdata([threshold, threshold])
        self.roc_point.set_data([fpr], [R])
        self.pr_point.set_data([R], [P])
        _draw_matrix(self.ax_cm, np.array([[tn, fp], [fn, tp]]))
        self.ax_cm.set_title(
            f"threshold {threshold:.2f}:  precision {P:.2f}  recall {R:.2f}  F1 {f1:.2f}"
        )
        self.figure.canvas.draw_idle()
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
    import ipywidgets as widgets

    from .. import datasets

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

    box = explorer_box(
        explorer.figure,
        {"slider": (slider, explorer.update), "balance": (balance, on_balance)},
    )
    box.explorer = explorer
    return box


def prevalence_figure(prevalences=(0.5, 0.1, 0.01), seed: int = 0):
    """ROC and precision-recall curves of one model at several class balances.

    The ROC curve barely moves as positives get rarer; the precision-recall curve
    drops. This is why PR-AUC (average precision) is the honest summary under heavy
    imbalance.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve

    from .. import datasets

    fig, (ax_roc, ax_pr) = _plt().subplots(1, 2, figsize=(10, 4), layout="constrained")
    for p in prevalences:
        y, s = datasets.screening_scores(p, seed=seed)
        fpr, tpr, _ = _curve(y, s)
        prec, rec, _ = precision_recall_curve(y, s)
        ax_roc.plot(fpr, tpr, label=f"{p:.0%} positives: AUC {_auc_pairs(y, s):.3f}")
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
    fig, ax = _plt().subplots(figsize=(8, 3.4), layout="constrained")
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
