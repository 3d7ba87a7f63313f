"""11_interview_concepts: the confusion-matrix explorer, in notebook order.

Four sliders set the counts of a confusion matrix (TP, FP, FN, TN); the matrix and
the precision, recall, F1 and accuracy it gives are redrawn. It uses the topic's own
reference, so it works before the learner has written anything.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ...validation import check_int
from ...widgets import Explorer, MatrixPanel, animate, explorer_box, new_figure
from .core import confusion_rates_reference

__all__ = ["ConfusionExplorer", "confusion_explorer"]


class ConfusionExplorer(Explorer):
    """A confusion matrix and the metrics it gives, updated in place.

    Parameters
    ----------
    tp, fp, fn, tn : int
        The four counts (non-negative). The defaults are *not* the quiz's matrix (that would give its answers away).
    """

    def __init__(self, tp: int = 45, fp: int = 30, fn: int = 5, tn: int = 920):
        self.counts = {}
        for name, value in (("tp", tp), ("fp", fp), ("fn", fn), ("tn", tn)):
            self.counts[name] = check_int(name, value, low=0)
        self.figure = new_figure(figsize=(9.0, 3.6), layout="constrained")
        self.ax_matrix, self.ax_bars = self.figure.subplots(1, 2, width_ratios=[1, 1.5])
        self.panel = MatrixPanel(
            self.ax_matrix, ("predicted 0", "predicted 1"), fontsize=12, log=True
        )
        self.ax_matrix.set_title("confusion matrix (colour: log count)")
        bars = self.ax_bars
        names = ["precision", "recall", "f1", "accuracy"]
        colours = ["tab:blue", "tab:orange", "tab:green", "tab:gray"]
        self.bars = bars.barh(names, [0.0] * 4, color=colours)
        self.labels = [
            bars.text(0.02, k, "", va="center", fontsize=11) for k in range(4)
        ]
        animate(*self.bars, *self.labels, frame=bars)  # bars start on the frame
        bars.set_xlim(0, 1)
        bars.invert_yaxis()
        bars.set_xlabel("value")
        bars.set_title("precision = TP/(TP+FP), recall = TP/(TP+FN)")
        self.update()

    def matrix(self) -> np.ndarray:
        """The current matrix, scikit-learn's layout ``[[TN, FP], [FN, TP]]``."""
        c = self.counts
        return np.array([[c["tn"], c["fp"]], [c["fn"], c["tp"]]])

    def metrics(self) -> dict[str, float]:
        """Precision, recall, F1 and accuracy of the current matrix (0.0 if undefined)."""
        c = self.counts
        precision, recall = confusion_rates_reference(self.matrix())
        total = sum(c.values())
        f1 = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
        accuracy = (c["tp"] + c["tn"]) / total if total else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "accuracy": accuracy,
        }

    def update(self, **counts: int) -> dict[str, float]:
        """Set some counts (``tp=``, ``fp=``, ``fn=``, ``tn=``), redraw, return metrics."""
        for name, value in counts.items():
            if name not in self.counts:
                raise ValueError(f"unknown count {name!r}; expected tp, fp, fn or tn")
            self.counts[name] = check_int(name, value, low=0)
        cm = self.matrix()
        self.panel.show(cm)
        values = self.metrics()
        for k, name in enumerate(values):
            self.bars[k].set_width(values[name])
            self.labels[k].set_x(min(values[name], 0.83) + 0.02)
            self.labels[k].set_text(f"{values[name]:.3f}")
        self.redraw()
        return values


def confusion_explorer(tp: int = 45, fp: int = 30, fn: int = 5, tn: int = 920):
    """Interactive confusion matrix: a slider per count, the metrics follow.

    Returns
    -------
    ipywidgets.VBox
        The sliders and the figure; ``.explorer`` holds the :class:`ConfusionExplorer`,
        ``.tp``, ``.fp``, ``.fn`` and ``.tn`` the sliders.
    """
    explorer = ConfusionExplorer(tp=tp, fp=fp, fn=fn, tn=tn)
    controls = {}
    for name, high in (("tp", 200), ("fp", 200), ("fn", 200), ("tn", 2000)):
        slider = widgets.IntSlider(
            value=explorer.counts[name],
            min=0,
            max=max(high, explorer.counts[name]),
            step=1 if high <= 200 else 10,
            description=name.upper(),
            continuous_update=False,
            layout=widgets.Layout(width="230px"),
        )
        controls[name] = (slider, lambda v, name=name: explorer.update(**{name: v}))
    return explorer_box(explorer.figure, controls, explorer=explorer)
