"""02_bias_variance: the figures and the interactive explorer the teaching cells call.

In notebook order: resampled fits at a few degrees (section 1), the complexity
explorer (section 3), a validation curve and learning curves (section 5), and the
remedies (section 6): more data, ridge regularisation, bagging and boosting. They use
the topic's own simulation and references, so they work before the learner has written
anything.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import NullFormatter
from sklearn.model_selection import KFold, validation_curve

from ...checking import quiet
from ...validation import check_choice, check_int, check_seed
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import (
    NOISE,
    _basis,
    bagged_tree_predictions,
    bias_variance_reference,
    boosted_stump_predictions,
    decomposition,
    fit_polynomials,
    make_data,
    poly_model,
    predict_polynomials,
    simulate,
    training_sets,
    tree_predictions,
    true_function,
)

__all__ = [
    "ComplexityExplorer",
    "complexity_explorer",
    "ensemble_figure",
    "learning_curve_figure",
    "more_data_figure",
    "regularisation_figure",
    "resampling_figure",
    "validation_curve_figure",
]

#: Training-set sizes offered by the explorer.
N_TRAIN_CHOICES = (15, 20, 30, 60, 120, 240)
COLOURS = {"bias": "tab:red", "variance": "tab:blue", "noise": "grey", "total": "black"}


# --------------------------------------------- section 1: many training sets, many fits
def _draw_fits(ax, sim_predictions, x_grid, truth, n_shown, colour="tab:blue"):
    lines = ax.plot(
        x_grid, sim_predictions[:n_shown].T, color=colour, alpha=0.25, lw=0.8
    )
    (mean_line,) = ax.plot(
        x_grid,
        sim_predictions.mean(axis=0),
        color="tab:red",
        lw=2.2,
        label="average model",
    )
    (truth_line,) = ax.plot(
        x_grid, truth, color="black", ls="--", lw=1.8, label="truth sin(2πx)"
    )
    ax.set(xlim=(0, 1), ylim=(-2, 2), xlabel="x", ylabel="y")
    return lines, mean_line, truth_line


def resampling_figure(
    degrees=(1, 4, 12), n_train: int = 20, n_shown: int = 20, seed: int = 0
):
    """Fitted curves of many resampled models over the truth, one panel per degree.

    Parameters
    ----------
    degrees : sequence of int
        Polynomial degrees, one panel each.
    n_train : int, default=20
        Size of each training set.
    n_shown : int, default=20
        How many of the 200 fitted curves to draw per panel.
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    degrees = [check_int("degree", d, 0, 12) for d in degrees]
    if not degrees:
        raise ValueError(f"degrees must name at least one degree, got {degrees!r}")
    n_shown = check_int("n_shown", n_shown, 1)
    dec = decomposition(12, n_train, 200, NOISE, seed)
    fig, axes = pyplot().subplots(
        1,
        len(degrees),
        figsize=(3.6 * len(degrees), 3.4),
        layout="constrained",
        squeeze=False,
    )
    for ax, d in zip(axes[0], degrees):
        _draw_fits(ax, dec["predictions"][d], dec["x_grid"], dec["truth"], n_shown)
        ax.set_title(
            f"degree {d}: bias² {dec['bias_squared'][d]:.3f}, "
            f"variance {dec['variance'][d]:.3f}",
            fontsize=10,
        )
    axes[0, 0].legend(loc="lower left", fontsize=8)
    fig.suptitle(
        f"{n_shown} of 200 models, each fitted to its own {n_train} noisy points"
    )
    return fig


# --------------------------------------------------- section 3: the complexity explorer
class ComplexityExplorer(Explorer):
    """Fitted curves at one polynomial degree beside the bias-variance curves.

    Left: ``n_shown`` of the models fitted to resampled training sets, their average
    and the truth. Right: bias², variance, noise and their sum against the degree,
    the measured test error as dots, and the current degree marked.

    Parameters
    ----------
    degree : int, default=3
        Initial degree, 0 to ``max_degree``.
    n_train : int, default=20
        Size of each training set.
    max_degree : int, default=12
    n_models : int, default=200
    n_shown : int, default=25
        How many fitted curves to draw.
    seed : int, default=0

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    fit_lines : list of Line2D
        The fitted curves shown.
    marker : Line2D
        The vertical line at the current degree.
    """

    def __init__(
        self,
        degree: int = 3,
        n_train: int = 20,
        max_degree: int = 12,
        n_models: int = 200,
        n_shown: int = 25,
        seed: int = 0,
    ):
        self.max_degree = check_int("max_degree", max_degree, 1, 20)
        self.n_models = check_int("n_models", n_models, 1)
        self.n_shown = min(check_int("n_shown", n_shown, 1), self.n_models)
        self.seed = check_seed(seed)
        self.figure = new_figure(figsize=(11, 4.2), layout="constrained")
        self.ax_fit, self.ax_err = self.figure.subplots(1, 2)
        self.degree = check_int("degree", degree, 0, self.max_degree)
        self._build(n_train)
        self.set_n_train(n_train)

    def _build(self, n_train: int) -> None:
        """Make the artists once; :meth:`set_n_train` gives them new data (making them
        again, with the log axis's many ticks, would cost a change more than its draw)."""
        dec = decomposition(self.max_degree, n_train, self.n_models, NOISE, self.seed)
        ax = self.ax_fit
        self.fit_lines, self.mean_line, truth = _draw_fits(
            ax,
            dec["predictions"][self.degree],
            dec["x_grid"],
            dec["truth"],
            self.n_shown,
        )
        (self.points,) = ax.plot(
            [], [], "o", ms=3.5, color="0.35", label="one training set"
        )
        # a degree moves the fits; what a full draw puts over them moves with them
        animate(*self.fit_lines, self.mean_line, truth, self.points, frame=ax)
        animate(ax.legend(loc="lower left", fontsize=8), ax.title)

        ax = self.ax_err
        d = dec["degrees"]
        self.curves = {
            "bias_squared": ax.plot(
                d, d, "-", color=COLOURS["bias"], lw=2, label="bias²"
            )[0],
            "variance": ax.plot(
                d, d, "-", color=COLOURS["variance"], lw=2, label="variance"
            )[0],
            "noise": ax.plot(d, d, ":", color=COLOURS["noise"], lw=2, label="noise σ²")[
                0
            ],
            "total": ax.plot(
                d,
                d,
                "-",
                color=COLOURS["total"],
                lw=2.5,
                label="bias² + variance + noise",
            )[0],
            "test_mse": ax.plot(
                d,
                d,
                "o",
                color="white",
                mec="black",
                ms=5,
                label="measured test MSE",
            )[0],
        }
        (self.best,) = ax.plot(
            [], [], "*", color="gold", mec="black", ms=14, label="best degree"
        )
        (self.marker,) = animate(  # it spans the panel: the frame goes over it
            ax.axvline(self.degree, color="tab:green", lw=2, alpha=0.7), frame=ax
        )
        ax.set_yscale("log")
        ax.set_ylim(1e-3, 1e2)
        ax.set_xlim(-0.3, self.max_degree + 0.3)
        ax.set(
            xlabel="model complexity: polynomial degree",
            ylabel="expected squared error (log scale)",
        )
        self.err_legend = ax.legend(loc="upper center", fontsize=8, ncol=2)
        # a size changes the curves but not the axes: it blits too
        animate(*self.curves.values(), self.best, self.err_legend, ax.title)

    def set_n_train(self, n_train: int) -> None:
        """Simulate again with training sets of ``n_train`` points; redraw both panels."""
        self.n_train = check_int("n_train", n_train, 2)
        self.dec = dec = decomposition(
            self.max_degree, self.n_train, self.n_models, NOISE, self.seed
        )
        self.points.set_data(dec["x_train"][0], dec["y_train"][0])
        for key, line in self.curves.items():
            line.set_ydata(dec[key])
        best = int(np.argmin(dec["total"]))
        self.best.set_data([best], [dec["total"][best]])
        self.err_legend.get_texts()[-1].set_text(f"best degree ({best})")
        self.update(self.degree)

    def update(self, degree: int) -> dict:
        """Show the models of ``degree``; return its bias², variance, noise and total."""
        degree = check_int("degree", degree, 0, self.max_degree)
        self.degree = degree
        dec = self.dec
        pred = dec["predictions"][degree]
        for line, row in zip(self.fit_lines, pred):
            line.set_ydata(row)
        self.mean_line.set_ydata(pred.mean(axis=0))
        self.marker.set_xdata([degree, degree])
        parts = {
            k: float(dec[k][degree])
            for k in ("bias_squared", "variance", "noise", "total")
        }
        self.ax_fit.set_title(
            f"degree {degree}, {self.n_train} training points: {self.n_shown} of "
            f"{self.n_models} fits",
            fontsize=10,
        )
        self.ax_err.set_title(
            f"bias² {parts['bias_squared']:.3f} + variance {parts['variance']:.3f} + "
            f"noise {parts['noise']:.3f} = {parts['total']:.3f}",
            fontsize=10,
        )
        self.redraw()
        return parts


def complexity_explorer(
    degree: int = 3, n_train: int = 20, max_degree: int = 12, seed: int = 0
):
    """Interactive bias-variance explorer: a degree slider and a training-size control.

    Moving the degree redraws the fitted curves of 200 resampled models over the truth
    and moves the marker on the bias², variance and total-error curves; changing the
    training-set size simulates again, and the variance shrinks as it grows.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure. ``.explorer`` holds the
        :class:`ComplexityExplorer`, ``.slider`` and ``.size`` the controls.
    """
    check_choice("n_train", n_train, N_TRAIN_CHOICES)
    explorer = ComplexityExplorer(degree, n_train, max_degree, seed=seed)
    slider = widgets.IntSlider(
        value=degree,
        min=0,
        max=max_degree,
        description="degree",
        continuous_update=True,
        layout=widgets.Layout(width="380px"),
    )
    size = widgets.SelectionSlider(
        options=list(N_TRAIN_CHOICES),
        value=n_train,
        description="n_train",
        continuous_update=False,
        layout=widgets.Layout(width="380px"),
    )

    return explorer_box(
        explorer.figure,
        {"slider": (slider, explorer.update), "size": (size, explorer.set_n_train)},
        explorer=explorer,
    )


# ------------------------------------- section 5: validation curves and learning curves
def validation_curve_figure(
    n_samples: int = 60, max_degree: int = 12, n_folds: int = 5, seed: int = 3
):
    """Training and 5-fold validation MSE against the polynomial degree, on one dataset.

    Computed with scikit-learn's ``validation_curve`` on :func:`make_data`; the zones
    where the model under- and over-fits are shaded. A validation curve from one
    dataset is noisy: other seeds give flatter or bumpier curves.

    Returns
    -------
    matplotlib.figure.Figure
    """
    max_degree = check_int("max_degree", max_degree, 2, 15)
    X, y = make_data(n_samples, seed=seed)
    degrees = np.arange(1, max_degree + 1)
    with quiet():
        train, val = validation_curve(
            poly_model(1),
            X,
            y,
            param_name="polynomialfeatures__degree",
            param_range=degrees,
            cv=KFold(n_folds),
            scoring="neg_mean_squared_error",
        )
    train, val = -train.mean(axis=1), -val.mean(axis=1)
    best = int(degrees[np.argmin(val)])
    fig, ax = pyplot().subplots(figsize=(7.5, 3.8), layout="constrained")
    ax.plot(degrees, train, "o-", color="tab:orange", label="training MSE")
    ax.plot(
        degrees, val, "o-", color="tab:purple", label=f"{n_folds}-fold validation MSE"
    )
    ax.axhline(NOISE**2, color="grey", ls=":", label="noise σ² (the floor)")
    ax.axvspan(0.5, 2.5, color="tab:red", alpha=0.08)
    ax.axvspan(best + 3.5, max_degree + 0.5, color="tab:blue", alpha=0.08)
    ax.text(
        1.5,
        0.95,
        "underfitting:\nboth errors high",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=9,
    )
    ax.text(
        (best + 4 + max_degree) / 2,
        0.95,
        "overfitting:\ntraining ≪ validation",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=9,
    )
    ax.plot(
        [best],
        [val[best - 1]],
        "*",
        color="gold",
        mec="black",
        ms=15,
        label=f"lowest validation MSE: degree {best}",
    )
    ax.set_yscale("log")
    ax.set(
        xlabel="polynomial degree",
        ylabel="MSE (log scale)",
        xlim=(0.5, max_degree + 0.5),
        title=f"Validation curve: one dataset of {n_samples} points",
    )
    ax.legend(loc="upper left", bbox_to_anchor=(0.2, 0.85), fontsize=8)
    return fig


def _log_size_axis(ax, sizes):
    ax.set_xscale("log")
    ticks = [
        n
        for n in (10, 15, 20, 30, 50, 100, 200, 400, 1000)
        if min(sizes) <= n <= max(sizes)
    ]
    ax.set_xticks(ticks, [str(n) for n in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())


def _learning_curves(degree, sizes, n_models, seed):
    train, test = [], []
    for n in sizes:
        x, y = training_sets(n_models, int(n), NOISE, seed)
        coef = fit_polynomials(x, y, degree)
        fitted = np.einsum("sk,snk->sn", coef, _basis(x, degree))
        train.append(np.mean((fitted - y) ** 2))
        # fresh noisy targets over the whole interval: the test error
        rng = np.random.default_rng([seed, int(n), 2])
        x_new = np.linspace(0, 1, 200)
        y_new = true_function(x_new) + NOISE * rng.normal(size=(n_models, 200))
        test.append(np.mean((predict_polynomials(coef, x_new) - y_new) ** 2))
    return np.array(train), np.array(test)


def learning_curve_figure(
    degrees=(1, 12),
    sizes=(15, 20, 30, 45, 70, 100, 150, 250, 400),
    n_models: int = 200,
    seed: int = 0,
):
    """Learning curves of an underfitting and an overfitting model.

    Training error and test error (on fresh data) against the training-set size,
    averaged over ``n_models`` training sets, one panel per degree.

    Returns
    -------
    matplotlib.figure.Figure
    """
    sizes = np.asarray(sizes)
    if sizes.ndim != 1 or sizes.size < 2 or np.any(sizes < 2):
        raise ValueError(
            f"sizes must be at least two ints >= 2, got {sizes.tolist()!r}"
        )
    degrees = [check_int("degree", d, 0, 12) for d in degrees]
    fig, axes = pyplot().subplots(
        1,
        len(degrees),
        figsize=(5.2 * len(degrees), 3.8),
        layout="constrained",
        squeeze=False,
        sharey=True,
    )
    for ax, d in zip(axes[0], degrees):
        train, test = _learning_curves(d, tuple(sizes.tolist()), n_models, seed)
        ax.plot(sizes, train, "o-", color="tab:orange", label="training MSE")
        ax.plot(sizes, test, "o-", color="tab:purple", label="validation (test) MSE")
        ax.axhline(NOISE**2, color="grey", ls=":", label="noise σ²")
        ax.fill_between(sizes, train, test, color="tab:purple", alpha=0.08)
        _log_size_axis(ax, sizes)
        ax.set_yscale("log")
        ax.set(xlabel="training-set size", ylim=(1e-2, 10))
        kind = (
            "high bias: curves meet, but high"
            if d <= 2
            else "high variance: a wide gap that data closes"
        )
        ax.set_title(f"degree {d}: {kind}", fontsize=10)
    axes[0, 0].set_ylabel("MSE (log scale)")
    axes[0, 0].legend(fontsize=8)
    return fig


# ------------------------------------------------------------------ section 6: remedies
def more_data_figure(
    degrees=(1, 4, 10),
    sizes=(15, 20, 30, 45, 70, 100, 150, 250, 400),
    n_models: int = 200,
    seed: int = 0,
):
    """Bias² and variance against the training-set size for a few degrees.

    Variance falls roughly as 1 / n; bias² stays where the model class puts it.

    Returns
    -------
    matplotlib.figure.Figure
    """
    degrees = [check_int("degree", d, 0, 12) for d in degrees]
    sizes = [check_int("size", int(n), 2) for n in sizes]
    fig, ax = pyplot().subplots(figsize=(7.5, 3.8), layout="constrained")
    colours = pyplot().cm.viridis(np.linspace(0.1, 0.85, len(degrees)))
    for d, colour in zip(degrees, colours):
        parts = np.array(
            [
                bias_variance_reference(s.predictions, s.truth)
                for s in (
                    simulate(d, n, n_models, NOISE, 0.0, 100, seed) for n in sizes
                )
            ]
        )
        ax.plot(sizes, parts[:, 1], "o-", color=colour, label=f"degree {d}: variance")
        ax.plot(
            sizes,
            parts[:, 0],
            "s--",
            color=colour,
            alpha=0.8,
            label=f"degree {d}: bias²",
        )
    _log_size_axis(ax, sizes)
    ax.set_yscale("log")
    ax.set(
        xlabel="training-set size",
        ylabel="error (log scale)",
        title="More data shrinks variance; the bias of a too-simple model stays",
    )
    ax.legend(fontsize=8, ncol=2)
    return fig


def regularisation_figure(
    degree: int = 12,
    n_train: int = 20,
    alphas=None,
    n_models: int = 200,
    n_shown: int = 15,
    seed: int = 0,
):
    """Ridge regularisation of a high-degree polynomial: bias² and variance against alpha.

    Left: bias², variance and total error against the penalty ``alpha`` (by default
    21 values from 1e-8 to 100). Right: fitted curves at a tiny, the best and a large
    alpha.

    Returns
    -------
    matplotlib.figure.Figure
    """
    alphas = np.logspace(-8, 2, 21) if alphas is None else np.asarray(alphas, float)
    if alphas.ndim != 1 or alphas.size < 3 or np.any(alphas <= 0):
        raise ValueError(
            f"alphas must be at least three positive numbers, got {alphas!r}"
        )
    sims = [simulate(degree, n_train, n_models, NOISE, a, 100, seed) for a in alphas]
    parts = np.array([bias_variance_reference(s.predictions, s.truth) for s in sims])
    total = parts.sum(axis=1) + NOISE**2
    best = int(np.argmin(total))
    fig = pyplot().figure(figsize=(12, 3.8), layout="constrained")
    ax_err, *ax_fits = fig.subplots(1, 4, width_ratios=[1.6, 1, 1, 1])
    ax_err.plot(alphas, parts[:, 0], color=COLOURS["bias"], lw=2, label="bias²")
    ax_err.plot(alphas, parts[:, 1], color=COLOURS["variance"], lw=2, label="variance")
    ax_err.plot(alphas, total, color="black", lw=2.5, label="total (with noise)")
    ax_err.axhline(NOISE**2, color="grey", ls=":", label="noise σ²")
    ax_err.plot(
        [alphas[best]],
        [total[best]],
        "*",
        color="gold",
        mec="black",
        ms=15,
        label=f"best alpha ≈ {alphas[best]:.0e}",
    )
    ax_err.set_xscale("log")
    ax_err.set_yscale("log")
    ax_err.set(
        xlabel="ridge penalty alpha",
        ylabel="error (log scale)",
        title=f"degree {degree}, {n_train} points",
    )
    ax_err.legend(fontsize=8)
    for ax, i, name in zip(
        ax_fits,
        (0, best, len(alphas) - 1),
        ("too little: variance", "just right", "too much: bias"),
    ):
        _draw_fits(ax, sims[i].predictions, sims[i].x_grid, sims[i].truth, n_shown)
        ax.set_title(f"alpha = {alphas[i]:.0e} ({name})", fontsize=10)
    ax_fits[0].legend(loc="lower left", fontsize=7)
    return fig


@lru_cache(maxsize=4)
def _ensemble_predictions(n_train, n_models, seed):
    x, y = training_sets(n_models, n_train, NOISE, seed)
    grid = np.linspace(0, 1, 100)
    preds = {
        "deep tree": tree_predictions(x, y, grid),
        "bagged deep trees (25)": bagged_tree_predictions(x, y, grid, 25, seed),
        "stump (depth 1)": boosted_stump_predictions(x, y, grid, 1, 1.0),
        "boosted stumps (100)": boosted_stump_predictions(x, y, grid, 100, 0.2),
    }
    return grid, preds


def ensemble_figure(
    n_train: int = 60, n_models: int = 100, n_shown: int = 12, seed: int = 0
):
    """Bagging lowers variance, boosting lowers bias: four tree models, resampled.

    Each of ``n_models`` training sets is fitted by a fully grown tree, 25 bagged
    fully grown trees, a stump and 100 boosted stumps (the batched NumPy versions
    :func:`tree_predictions`, :func:`bagged_tree_predictions` and
    :func:`boosted_stump_predictions`, equal to scikit-learn's trees and ensembles). Top: some fitted curves of each; bottom: their bias²,
    variance and noise stacked into the expected error.

    Parameters
    ----------
    n_train : int, default=60
    n_models : int, default=100
        Training sets.
    n_shown : int, default=12
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_train = check_int("n_train", n_train, 5)
    n_models = check_int("n_models", n_models, 2)
    grid, preds = _ensemble_predictions(n_train, n_models, check_seed(seed))
    truth = true_function(grid)
    fig = pyplot().figure(figsize=(12, 6.4), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.1])
    axes = top.subplots(1, 4, sharey=True)
    parts = {}
    for ax, (name, p) in zip(axes, preds.items()):
        parts[name] = bias_variance_reference(p, truth)
        _draw_fits(ax, p, grid, truth, n_shown)
        ax.set_title(name, fontsize=10)
    axes[0].legend(loc="lower left", fontsize=7)
    ax = bottom.subplots()
    names = list(parts)
    b2 = np.array([parts[n][0] for n in names])
    var = np.array([parts[n][1] for n in names])
    pos = np.array([0, 1, 2.6, 3.6])
    ax.bar(pos, b2, color=COLOURS["bias"], width=0.7, label="bias²")
    ax.bar(pos, var, bottom=b2, color=COLOURS["variance"], width=0.7, label="variance")
    ax.bar(pos, NOISE**2, bottom=b2 + var, color="0.8", width=0.7, label="noise σ²")
    for x, a, v in zip(pos, b2, var):
        ax.text(
            x,
            a + v + NOISE**2 + 0.005,
            f"bias² {a:.3f}\nvar {v:.3f}",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_xticks(pos, names)
    ax.set_ylim(0, 1.3 * float(np.max(b2 + var + NOISE**2)))
    ax.set_ylabel("expected squared error")
    ax.annotate(
        "bagging: variance down",
        xy=(0.5, 0.93),
        xycoords=("data", "axes fraction"),
        ha="center",
        fontsize=10,
        color=COLOURS["variance"],
    )
    ax.annotate(
        "boosting: bias down",
        xy=(3.1, 0.93),
        xycoords=("data", "axes fraction"),
        ha="center",
        fontsize=10,
        color=COLOURS["bias"],
    )
    ax.legend(loc="center", fontsize=8)
    top.suptitle(
        f"{n_shown} of {n_models} fits, each on its own {n_train} noisy points",
        fontsize=11,
    )
    return fig
