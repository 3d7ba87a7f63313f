"""05_logistic_regression: the tables, figures and explorer the teaching cells call.

In notebook order: why the naive sigmoid overflows (:func:`overflow_table`,
:func:`numerics_figure`, which also shows what clipping does to the log loss), the
finite-difference check of a derived gradient (:func:`gradient_check`), gradient
descent on 2-D data with sliders for the learning rate, the iterations and the L2
penalty (:func:`descent_explorer`, :class:`DescentExplorer`, which also draws itself
once), several learning rates side by side
(:func:`learning_rate_figure`) and the penalty flattening the probability surface
(:func:`penalty_figure`). They use the topic's references, so they work before the
learner has written anything.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.ticker import StrMethodFormatter

from ...validation import check_int, check_number, check_seed
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import (
    descent_path,
    make_data,
    newton_solution,
    numerical_gradient,
    objective,
    sigmoid_reference,
)

__all__ = [
    "DescentExplorer",
    "descent_explorer",
    "gradient_check",
    "learning_rate_figure",
    "numerics_figure",
    "overflow_table",
    "penalty_figure",
]

#: z values where the formulas of the sigmoid part ways.
_Z_DEMO = (-1000.0, -710.0, -30.0, 0.0, 30.0, 710.0, 1000.0)
#: Colours of class 0 and class 1 in every figure.
_COLOURS = ("tab:blue", "tab:orange")


# --------------------------------------------------------------------------- overflow
def _with_warnings(compute):
    """``compute()``'s result and the distinct warnings it raised (none printed)."""
    with (
        warnings.catch_warnings(record=True) as caught,
        np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        warnings.simplefilter("always")
        value = compute()
    return value, sorted({str(w.message) for w in caught})


def overflow_table(sigmoid=None, z=_Z_DEMO):
    """The sigmoid by three formulas at large ``|z|``, and the warnings each raises.

    Parameters
    ----------
    sigmoid : callable, optional
        A stable sigmoid to compare (the learner's); the reference when omitted.
    z : sequence of float
        The inputs, one row each.

    Returns
    -------
    pandas.DataFrame
        One row per ``z``: ``exp(-z)``, ``1 / (1 + exp(-z))``,
        ``exp(z) / (1 + exp(z))`` and the stable sigmoid, then a last row listing the
        warnings of each column (NumPy prints them; here they are collected).

    Examples
    --------
    >>> table = overflow_table()
    >>> table.loc["warnings", "exp(z) / (1 + exp(z))"]
    'invalid value encountered in divide; overflow encountered in exp'
    """
    z = np.asarray(z, dtype=float)
    stable = sigmoid_reference if sigmoid is None else sigmoid
    columns = {
        "exp(-z)": lambda: np.exp(-z),
        "1 / (1 + exp(-z))": lambda: 1 / (1 + np.exp(-z)),
        "exp(z) / (1 + exp(z))": lambda: np.exp(z) / (1 + np.exp(z)),
        "stable sigmoid": lambda: np.asarray(stable(z), dtype=float),
    }
    data, notes = {}, {}
    for name, compute in columns.items():
        values, caught = _with_warnings(compute)
        data[name] = [f"{v:.4g}" for v in values]
        notes[name] = "; ".join(caught) or "none"
    table = pd.DataFrame(data, index=[f"z = {v:g}" for v in z])
    table.loc["warnings"] = pd.Series(notes)
    return table


def numerics_figure(eps: float = 1e-15):
    """Why the naive sigmoid overflows, and what clipping does to the log loss.

    Left: ``exp(-z)`` against ``z`` on a log scale, reaching the largest float
    (about 1.8e308) at ``z = -709.8``, beyond which it is ``inf``; ``exp(-|z|)``
    stays at most 1. Right: the loss of one positive example, ``-log(p)``, against
    ``p``: it goes to infinity as ``p → 0``, and clipping ``p`` at ``eps`` caps it
    at ``-log(eps)``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    eps = check_number("eps", eps, low=0, high=0.5, open_low=True, open_high=True)
    fig, (ax_exp, ax_loss) = pyplot().subplots(
        1, 2, figsize=(11, 4), layout="constrained"
    )
    z = np.linspace(-800, 800, 1601)
    limit = np.log10(np.finfo(float).max)
    log_exp = -z / np.log(10)  # log10 of exp(-z), computed without overflow
    ax_exp.plot(z, np.where(log_exp <= limit, log_exp, np.nan), lw=2, label="exp(-z)")
    ax_exp.plot(z, -np.abs(z) / np.log(10), lw=2, ls="--", label="exp(-|z|)")
    ax_exp.axhline(limit, color="black", lw=1)
    ax_exp.axvspan(-800, -709.78, color="tab:red", alpha=0.15)
    ax_exp.text(
        -790,
        limit - 40,
        "exp(-z) = inf here:\n1 / (1 + inf) is 0.0\nwith an overflow warning",
        fontsize=9,
        va="top",
    )
    ax_exp.text(
        760,
        limit + 8,
        "largest float ≈ 1.8e308",
        fontsize=9,
        va="bottom",
        ha="right",
    )
    ax_exp.set(
        xlabel="z",
        ylabel="log10 of the value",
        ylim=(-360, 380),
        title="exp(-z) overflows for z < -709.8; exp(-|z|) never does",
    )
    ax_exp.legend(loc="center right", fontsize=9)

    p = np.logspace(-22, 0, 400)
    ax_loss.plot(p, -np.log(p), lw=2, label="-log(p), unclipped")
    ax_loss.plot(
        p, -np.log(np.clip(p, eps, 1 - eps)), lw=2, ls="--", label=f"clipped at {eps:g}"
    )
    ax_loss.axvline(eps, color="grey", lw=1, ls=":")
    ax_loss.text(
        1e-21,
        44,
        "unclipped, it keeps rising:\np = 0 exactly gives -log(0) = inf",
        fontsize=9,
    )
    ax_loss.text(
        1e-14,
        -np.log(eps) + 1.5,
        f"cap -log(eps) = {-np.log(eps):.1f}",
        fontsize=9,
    )
    ax_loss.set(
        xscale="log",
        xlim=(1e-22, 1),
        xlabel="predicted p for a positive example (log scale)",
        ylabel="its log loss",
        ylim=(0, 55),
        title="Clipping caps the loss of a confident mistake",
    )
    ax_loss.legend(loc="upper right", fontsize=9)
    return fig


# -------------------------------------------------------------------------- gradient
def gradient_check(gradient, l2: float = 0.1, n_samples: int = 50, seed: int = 0):
    """Compare a derived gradient with finite differences of the objective.

    ``gradient(w, b, X, y, l2)`` must return ``(grad_w, grad_b)``, the gradient of
    J(w, b) = mean log loss + (l2/2)·||w||². It is evaluated at a random point (not
    at 0, where a missing penalty term would hide) on small random data, and compared
    with central differences ``(J(θ + h) - J(θ - h)) / 2h``, which need no calculus.

    Parameters
    ----------
    gradient : callable
        ``gradient(w, b, X, y, l2) -> (grad_w, grad_b)``.
    l2 : float, default=0.1
    n_samples : int, default=50
    seed : int, default=0

    Returns
    -------
    pandas.DataFrame
        One row per parameter (``w[0]``, ..., ``b``): your gradient, the finite
        difference, their difference; ``.attrs["relative_error"]`` holds
        ``||g - g_fd|| / (||g|| + ||g_fd||)``, printed with a verdict.
    """
    l2 = check_number("l2", l2, low=0)
    n = check_int("n_samples", n_samples, low=2)
    rng = np.random.default_rng(check_seed(seed))
    X, y = make_data(n, 3, random_state=seed)
    w, b = rng.normal(size=3), 0.3
    grad_w, grad_b = gradient(w.copy(), b, X.copy(), y.copy(), l2)
    mine = np.r_[np.asarray(grad_w, dtype=float).ravel(), float(grad_b)]
    fd_w, fd_b = numerical_gradient(X, y, w, b, l2)
    numeric = np.r_[fd_w, fd_b]
    if mine.shape != numeric.shape:
        raise ValueError(
            f"gradient returned {mine.size - 1} weights' gradients, expected "
            f"{numeric.size - 1} (one per feature) and one for b"
        )
    error = float(
        np.linalg.norm(mine - numeric)
        / (np.linalg.norm(mine) + np.linalg.norm(numeric))
    )
    table = pd.DataFrame(
        {
            "your gradient": mine,
            "finite differences": numeric,
            "difference": mine - numeric,
        },
        index=[f"w[{j}]" for j in range(3)] + ["b"],
    )
    table.attrs["relative_error"] = error
    verdict = "agrees" if error < 1e-6 else "does NOT agree"
    print(
        f"relative error {error:.1e}: your gradient {verdict} with finite differences"
    )
    return table


# ------------------------------------------------------------------------- explorer
def _line(w, b, level, box):
    """Two points of the line ``x·w + b = level`` inside ``box`` (or none)."""
    (x0, x1), (y0, y1) = box
    w1, w2 = float(w[0]), float(w[1])
    if abs(w1) < 1e-12 and abs(w2) < 1e-12:
        return [], []
    if abs(w2) >= abs(w1):
        xs = np.array([x0, x1])
        return xs.tolist(), ((level - b - w1 * xs) / w2).tolist()
    ys = np.array([y0, y1])
    return ((level - b - w2 * ys) / w1).tolist(), ys.tolist()


@lru_cache(maxsize=4)
def _explorer_data(seed: int):
    return make_data(200, 2, separation=2.0, random_state=seed)


@lru_cache(maxsize=32)
def _optimum(seed: int, l2: float):
    """The minimum of J on the explorer's data: coef, intercept and J there."""
    X, y = _explorer_data(seed)
    coef, b = newton_solution(X, y, l2)
    return coef, b, objective(X, y, coef, b, l2)


#: The window of the weight-space panel.
_WBOX = ((-1.5, 4.5), (-2.0, 4.0))


@lru_cache(maxsize=32)
def _landscape(seed: int, l2: float):
    """J over a grid of (w1, w2) with b at its optimum, for the contour plot."""
    X, y = _explorer_data(seed)
    _, b, _ = _optimum(seed, l2)
    (a0, a1), (c0, c1) = _WBOX
    W1, W2 = np.meshgrid(np.linspace(a0, a1, 41), np.linspace(c0, c1, 41))
    Z = np.c_[W1.ravel(), W2.ravel()] @ X.T + b
    # log(1 + e^z) = max(z, 0) + log1p(e^-|z|): the same as np.logaddexp, faster
    J = np.mean(np.maximum(Z, 0) + np.log1p(np.exp(-np.abs(Z))) - y * Z, axis=1)
    J += 0.5 * l2 * (W1.ravel() ** 2 + W2.ravel() ** 2)
    return W1, W2, J.reshape(W1.shape)


class DescentExplorer(Explorer):
    """Gradient descent for logistic regression on 2-D data, one iteration at a time.

    Three panels: the objective J after each iteration with the minimum dashed; the
    path of the weights ``(w1, w2)`` over the contours of J; and the data with the
    decision boundary at the current iteration (solid), the lines where P(y = 1) is
    0.1 and 0.9 (dashed: the closer together, the steeper the probability surface)
    and the boundary at the minimum (dotted).

    Parameters
    ----------
    learning_rate : float, default=0.5
    n_iter : int, default=30
        The iteration shown, from 0 to ``max_iter``.
    l2 : float, default=0.0
    max_iter : int, default=200
        Iterations run for each learning rate and penalty.
    seed : int, default=0
        Seed of the data (200 points, standardised).

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    path : tuple of ndarrays
        ``(coefs, intercepts, objectives)`` of the current run (see
        :func:`~.core.descent_path`).
    """

    def __init__(
        self,
        learning_rate: float = 0.5,
        n_iter: int = 30,
        l2: float = 0.0,
        max_iter: int = 200,
        seed: int = 0,
    ):
        self.seed = check_seed(seed)
        self.max_iter = check_int("max_iter", max_iter, low=1)
        self.X, self.y = _explorer_data(self.seed)
        self.learning_rate = check_number(
            "learning_rate", learning_rate, low=0, open_low=True
        )
        self.n_iter = check_int("n_iter", n_iter, low=0, high=self.max_iter)
        self.l2 = check_number("l2", l2, low=0)
        self.figure = new_figure(figsize=(13.5, 4.9), layout="constrained")
        self.ax_loss, self.ax_path, self.ax_data = self.figure.subplots(1, 3)
        self.box = ((-3.2, 3.2), (-3.2, 3.2))
        self.contours = None
        self._draw_static()
        self._run()
        self._draw_penalty()
        self._draw_iteration()

    # -- drawing ------------------------------------------------------------------
    def _draw_static(self):
        ax = self.ax_loss
        (self.loss_all,) = ax.plot([], [], color="lightgrey", lw=1.5, label="later")
        (self.loss_line,) = ax.plot([], [], color="tab:purple", lw=2, label="so far")
        (self.loss_point,) = ax.plot([], [], "o", color="tab:purple", ms=6)
        self.loss_best = ax.axhline(
            np.nan, color="black", ls="--", lw=1, label="minimum"
        )
        self.loss_note = ax.text(
            0.97,
            0.62,
            "",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=9,
            color="tab:red",
        )
        ax.set(xlim=(0, self.max_iter), xlabel="iteration", ylabel="objective J")
        # tick labels of one width ("0.30", "0.75"): the layout is fixed at the first
        # draw, and wider labels later would push the y label off the figure
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.2f}"))
        # an iteration moves all of this panel, its y range (ticks) included
        animate(
            *ax.lines,
            self.loss_note,
            ax.legend(loc="upper right", fontsize=8),
            ax.title,
            ax.yaxis,
            frame=ax,
        )

        ax = self.ax_path
        (start,) = ax.plot(0, 0, "s", color="grey", ms=6, label="start, w = 0")
        (self.best_point,) = ax.plot([], [], "*", color="black", ms=14, label="minimum")
        (self.path_line,) = ax.plot(  # over the contours
            [],
            [],
            ".-",
            color="tab:purple",
            lw=1.2,
            ms=4,
            label="gradient descent",
            zorder=3,
        )
        ax.set(
            xlim=_WBOX[0],
            ylim=_WBOX[1],
            xlabel="w1",
            ylabel="w2",
            title="Path of the weights over the contours of J",
        )
        animate(  # a diverging path runs into the frame and under the legend
            self.path_line,
            ax.legend(loc="lower right", fontsize=8, framealpha=0.9),
            frame=ax,
        )
        # a penalty moves the contours and the minimum: what a full draw puts over the
        # contours (the start) moves with them, so a new l2 blits too
        animate(start, self.best_point)

        ax = self.ax_data
        for cls in (0, 1):
            pts = self.X[self.y == cls]
            ax.scatter(
                pts[:, 0],
                pts[:, 1],
                s=12,
                alpha=0.6,
                color=_COLOURS[cls],
                label=f"class {cls}",
            )
        (self.best_line,) = ax.plot(
            [], [], color="black", ls=":", lw=1.5, label="boundary at the minimum"
        )
        (self.boundary,) = ax.plot(
            [], [], color="tab:purple", lw=2.2, label="boundary, P = 0.5"
        )
        (self.band_low,) = ax.plot(
            [], [], color="tab:purple", lw=1, ls="--", label="P = 0.1 and 0.9"
        )
        (self.band_high,) = ax.plot([], [], color="tab:purple", lw=1, ls="--")
        ax.set(
            xlim=self.box[0],
            ylim=self.box[1],
            xlabel="feature 1",
            ylabel="feature 2",
            aspect="equal",
        )
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.14),
            ncol=2,
            fontsize=8,
            frameon=False,
        )
        animate(
            self.best_line,
            self.boundary,
            self.band_low,
            self.band_high,
            ax.title,
            frame=ax,
        )

    def _run(self):
        with np.errstate(all="ignore"):
            self.path = descent_path(
                self.X, self.y, self.learning_rate, self.max_iter, self.l2
            )

    def _draw_penalty(self):
        """What depends on l2 only: the minimum, the contours, the best boundary."""
        coef, b, best = _optimum(self.seed, self.l2)
        self.optimum = (coef, b, best)
        self.loss_best.set_ydata([best, best])
        self.best_line.set_data(*_line(coef, b, 0.0, self.box))
        self.best_point.set_data([coef[0]], [coef[1]])
        if self.contours is not None:
            self.contours.remove()
        W1, W2, J = _landscape(self.seed, self.l2)
        levels = best + (np.log(2) + 0.3 - best) * np.linspace(0, 1, 12)[1:] ** 2
        (self.contours,) = animate(
            self.ax_path.contour(
                W1, W2, J, levels=levels, colors="grey", linewidths=0.7
            )
        )

    def _draw_iteration(self) -> dict:
        coefs, intercepts, objectives = self.path
        k = self.n_iter
        its = np.arange(self.max_iter + 1)
        coef, b, best = self.optimum
        top = 1.6
        shown = np.where(np.isfinite(objectives), np.minimum(objectives, 10 * top), top)
        self.loss_all.set_data(its, shown)
        self.loss_line.set_data(its[: k + 1], shown[: k + 1])
        self.loss_point.set_data([k], [shown[k]])
        self.ax_loss.set_ylim(best - 0.04, min(max(shown.max(), 0.72), top) + 0.04)
        with np.errstate(all="ignore"):
            rises = int(np.sum(np.diff(objectives[: k + 1]) > 1e-12))
            diverged = not np.all(np.isfinite(objectives)) or objectives.max() > 10
        self.loss_note.set_text(
            "diverging: J grows without bound\n(off the top of the plot)"
            if diverged
            else f"J went up {rises} times so far"
            if rises
            else ""
        )
        self.ax_loss.set_title(
            f"Objective J after each step\nlearning rate {self.learning_rate:.3g}, "
            f"l2 = {self.l2:g}: J = {objectives[k]:.4g}"
        )
        w, bk = coefs[k], intercepts[k]
        self.path_line.set_data(coefs[: k + 1, 0], coefs[: k + 1, 1])
        finite = bool(np.all(np.isfinite(w)) and np.isfinite(bk))
        for line, level in [
            (self.boundary, 0.0),
            (self.band_low, np.log(1 / 9)),
            (self.band_high, np.log(9)),
        ]:
            line.set_data(*(_line(w, bk, level, self.box) if finite else ([], [])))
        with np.errstate(all="ignore"):  # a diverged run overflows
            norm = float(np.linalg.norm(w))
            accuracy = float(np.mean((self.X @ w + bk >= 0) == (self.y == 1)))
        width = 2 * np.log(9) / norm if norm > 0 else np.inf
        self.ax_data.set_title(
            f"Iteration {k}: ||w|| = {norm:.3g}, accuracy {accuracy:.0%}\n"
            f"width of the 0.1-0.9 band: {width:.3g}"
        )
        self.redraw()
        return {
            "iteration": k,
            "objective": float(objectives[k]),
            "minimum": float(best),
            "coef": w.copy(),
            "intercept": float(bk),
            "norm": norm,
            "accuracy": accuracy,
            "increases": rises,
            "diverged": bool(diverged),
        }

    # -- updates -------------------------------------------------------------------
    def update_learning_rate(self, learning_rate: float) -> dict:
        """Rerun gradient descent with another step; return what the figure shows.

        Returns
        -------
        dict
            ``iteration, objective, minimum, coef, intercept, norm, accuracy,
            increases`` (how often J went up so far) and ``diverged``.
        """
        self.learning_rate = check_number(
            "learning_rate", learning_rate, low=0, open_low=True
        )
        self._run()
        return self._draw_iteration()

    def update_n_iter(self, n_iter: int) -> dict:
        """Show another iteration of the same run (see :meth:`update_learning_rate`)."""
        self.n_iter = check_int("n_iter", n_iter, low=0, high=self.max_iter)
        return self._draw_iteration()

    def update_l2(self, l2: float) -> dict:
        """Rerun with another penalty (see :meth:`update_learning_rate`)."""
        self.l2 = check_number("l2", l2, low=0)
        self._run()
        self._draw_penalty()
        return self._draw_iteration()


#: The penalties offered by the explorer's l2 slider.
L2_VALUES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


def descent_explorer(learning_rate: float = 0.5, n_iter: int = 30, l2: float = 0.0):
    """Sliders for the learning rate, the iteration shown and the L2 penalty.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure; ``.explorer`` is the :class:`DescentExplorer`,
        ``.learning_rate``, ``.n_iter`` and ``.l2`` the sliders.
    """
    if l2 not in L2_VALUES:
        raise ValueError(f"l2 must be one of {list(L2_VALUES)}, got {l2!r}")
    explorer = DescentExplorer(learning_rate, n_iter, l2)
    for value in L2_VALUES:  # the minimum and the contours of every penalty, once
        _landscape(explorer.seed, value)
    rate = widgets.FloatLogSlider(
        value=learning_rate,
        base=10,
        min=-2,
        max=2,
        step=0.1,
        description="learning rate",
        continuous_update=False,
        readout_format=".3g",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="330px"),
    )
    iterations = widgets.IntSlider(
        value=n_iter,
        min=0,
        max=explorer.max_iter,
        step=1,
        description="iteration",
        continuous_update=False,
        layout=widgets.Layout(width="330px"),
    )
    penalty = widgets.SelectionSlider(
        options=[(f"{v:g}", v) for v in L2_VALUES],
        value=l2,
        description="l2",
        continuous_update=False,
        layout=widgets.Layout(width="300px"),
    )
    return explorer_box(
        explorer.figure,
        {
            "learning_rate": (rate, explorer.update_learning_rate),
            "n_iter": (iterations, explorer.update_n_iter),
            "l2": (penalty, explorer.update_l2),
        },
        explorer=explorer,
    )


def learning_rate_figure(
    learning_rates=(0.1, 1.0, 20.0, 60.0), n_iter: int = 60, l2: float = 0.0
):
    """Gradient descent with several learning rates on the explorer's data.

    Left: the objective after each iteration; right: the paths of the weights. A small
    step crawls, a good one converges in a few iterations, a large one overshoots and
    oscillates, and (with a penalty) a very large one diverges.

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_iter = check_int("n_iter", n_iter, low=1)
    l2 = check_number("l2", l2, low=0)
    X, y = _explorer_data(0)
    coef, _, best = _optimum(0, l2)
    fig, (ax_loss, ax_path) = pyplot().subplots(
        1, 2, figsize=(11, 4.2), layout="constrained"
    )
    colours = pyplot().colormaps["viridis"](np.linspace(0, 0.9, len(learning_rates)))
    for lr, colour in zip(learning_rates, colours, strict=True):
        lr = check_number("learning rate", lr, low=0, open_low=True)
        with np.errstate(all="ignore"):
            coefs, _, objectives = descent_path(X, y, lr, n_iter, l2)
        ax_loss.plot(objectives, color=colour, lw=2, label=f"learning rate {lr:g}")
        ax_path.plot(
            coefs[:, 0],
            coefs[:, 1],
            ".-",
            color=colour,
            lw=1,
            ms=4,
            label=f"learning rate {lr:g}",
        )
    ax_loss.axhline(best, color="black", ls="--", lw=1, label="minimum")
    ax_loss.set_yscale("log")
    ticks = [0.3, 0.5, 1, 2, 4]
    ax_loss.set_yticks(ticks, [f"{t:g}" for t in ticks])
    ax_loss.minorticks_off()
    ax_loss.set(
        xlabel="iteration",
        ylabel="objective J (log scale)",
        title="Too small crawls, too large oscillates",
    )
    ax_loss.legend(fontsize=8)
    ax_path.plot(*coef, "*", color="black", ms=14, label="minimum")
    ax_path.set(
        xlabel="w1",
        ylabel="w2",
        xlim=(-1, 10),
        ylim=(-3, 6),
        title="Paths of the weights from w = 0",
    )
    ax_path.legend(fontsize=8, loc="lower right")
    return fig


def penalty_figure(l2_values=(0.0, 0.05, 0.5), learning_rate: float = 1.0):
    """The fitted model at several penalties: the probability surface flattens.

    One panel per ``l2``: the data, the boundary and the P = 0.1 / 0.9 lines of the
    model fitted by gradient descent (500 iterations), with ``||w||`` in the title.
    As ``l2`` grows ``||w||`` shrinks, so the probabilities change more slowly across
    the boundary: the band between 0.1 and 0.9 widens.

    Returns
    -------
    matplotlib.figure.Figure
    """
    X, y = _explorer_data(0)
    fig, axes = pyplot().subplots(
        1,
        len(l2_values),
        figsize=(4.2 * len(l2_values), 4.2),
        layout="constrained",
        squeeze=False,
    )
    box = ((-3.2, 3.2), (-3.2, 3.2))
    g = np.linspace(-3.2, 3.2, 120)
    G1, G2 = np.meshgrid(g, g)
    for ax, l2 in zip(axes[0], l2_values, strict=True):
        l2 = check_number("l2", l2, low=0)
        coefs, intercepts, _ = descent_path(X, y, learning_rate, 500, l2)
        w, b = coefs[-1], intercepts[-1]
        P = sigmoid_reference(w[0] * G1 + w[1] * G2 + b)
        ax.contourf(G1, G2, P, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.35)
        for cls in (0, 1):
            pts = X[y == cls]
            ax.scatter(pts[:, 0], pts[:, 1], s=10, alpha=0.7, color=_COLOURS[cls])
        ax.plot(*_line(w, b, 0.0, box), color="black", lw=2)
        for level in (np.log(1 / 9), np.log(9)):
            ax.plot(*_line(w, b, level, box), color="black", lw=1, ls="--")
        ax.set(
            xlim=box[0],
            ylim=box[1],
            aspect="equal",
            xlabel="feature 1",
            ylabel="feature 2",
            title=f"l2 = {l2:g}: ||w|| = {np.linalg.norm(w):.2f}",
        )
    fig.suptitle(
        "Stronger L2 → smaller weights → a flatter probability surface "
        "(dashed: P = 0.1 and 0.9; shading: P)",
        fontsize=11,
    )
    return fig
