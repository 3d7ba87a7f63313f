"""03_regularization: the figures and the interactive explorers the teaching cells call.

In notebook order: the coefficient paths of ridge and the lasso on polynomial features
with a slider for λ (:func:`regularization_explorer`, :class:`PathExplorer`), the L2
circle and the L1 diamond against the loss contours (:func:`geometry_explorer`,
:class:`GeometryExplorer`), the lasso with and without scaling
(:func:`scaling_figure`), ridge, lasso and elastic net on correlated features
(:func:`correlated_figure`) and alpha chosen by cross-validation (:func:`cv_figure`).
They use scikit-learn and closed forms, so they work before the learner has written
anything. Ridge's ``alpha`` is ``n·λ`` and the lasso's is ``λ`` (see :mod:`.core`).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Circle, Polygon
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, Lasso, Ridge, lasso_path
from sklearn.model_selection import KFold, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from ...validation import check_int, check_number, check_seed
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import correlated_data, polynomial_data, true_curve

__all__ = [
    "GeometryExplorer",
    "PathExplorer",
    "correlated_figure",
    "cv_figure",
    "geometry_explorer",
    "geometry_figure",
    "regularization_explorer",
    "scaling_figure",
]


# ------------------------------------------------------------------------------- paths
def _lambda_grid(low: float = -6.0, high: float = 1.0, step: float = 0.1) -> np.ndarray:
    return 10.0 ** np.round(np.arange(low, high + step / 2, step), 6)


def _ridge_path(X, y, alphas):
    """Ridge coefficients and intercepts for each alpha, through one SVD."""
    mx, my = X.mean(0), y.mean()
    U, s, Vt = np.linalg.svd(X - mx, full_matrices=False)
    uty = U.T @ (y - my)
    coefs = np.array([Vt.T @ (s / (s**2 + a) * uty) for a in alphas])
    return coefs, my - coefs @ mx


def _lasso_path(X, y, alphas):
    """Lasso coefficients and intercepts for each alpha (warm-started sklearn)."""
    mx, my = X.mean(0), y.mean()
    order = np.argsort(alphas)[::-1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, coefs, _ = lasso_path(
            X - mx, y - my, alphas=np.asarray(alphas)[order], max_iter=50_000, tol=1e-7
        )
    coefs = coefs.T[np.argsort(order)]
    return coefs, my - coefs @ mx


@lru_cache(maxsize=4)
def _paths(n_train: int, degree: int, noise: float, seed: int):
    d = polynomial_data(n_train, degree, noise, seed)
    lams = _lambda_grid()
    n = n_train
    out = {"lambdas": lams}
    for name, fit in [
        ("ridge", lambda X, y: _ridge_path(X, y, n * lams)),
        ("lasso", lambda X, y: _lasso_path(X, y, lams)),
    ]:
        coefs, b = fit(d["X_train"], d["y_train"])
        out[name] = {
            "coefs": coefs,
            "intercepts": b,
            "train": np.mean(
                (d["X_train"] @ coefs.T + b - d["y_train"][:, None]) ** 2, 0
            ),
            "val": np.mean((d["X_val"] @ coefs.T + b - d["y_val"][:, None]) ** 2, 0),
            "curves": d["X_grid"] @ coefs.T + b,
        }
    return out


class PathExplorer(Explorer):
    """Ridge and lasso on polynomial features at one regularisation strength λ.

    Four panels: the ridge and the lasso coefficient paths against λ (log scale) with
    the current λ marked; the data with both fitted curves at that λ; and training
    and validation error against λ for both models. Ridge is fitted with
    ``alpha = n·λ`` and the lasso with ``alpha = λ`` (one per-sample scale, see
    :mod:`.core`).

    Parameters
    ----------
    lam : float, default=1e-2
        Initial λ; snapped to the nearest point of the grid 1e-6 ... 10.
    n_train, degree, noise, seed
        The data, see :func:`polynomial_data`.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    ridge_marker, lasso_marker : matplotlib.lines.Line2D
        The vertical lines at the current λ on the path panels.
    ridge_curve, lasso_curve : matplotlib.lines.Line2D
        The fitted curves.
    """

    def __init__(
        self,
        lam: float = 1e-2,
        n_train: int = 20,
        degree: int = 12,
        noise: float = 0.3,
        seed: int = 0,
    ):
        self.data = polynomial_data(n_train, degree, noise, seed)
        self.paths = _paths(n_train, degree, float(noise), seed)
        self.n = n_train
        lams = self.paths["lambdas"]
        self.figure = new_figure(figsize=(11, 7.4), layout="constrained")
        axes = self.figure.subplots(2, 2)
        self.ax_ridge, self.ax_lasso, self.ax_fit, self.ax_err = axes.ravel()
        colours = pyplot().colormaps["viridis"](np.linspace(0, 1, degree))
        for ax, name, title in [
            (self.ax_ridge, "ridge", "Ridge (L2)"),
            (self.ax_lasso, "lasso", "Lasso (L1)"),
        ]:
            coefs = self.paths[name]["coefs"]
            for j in range(degree):
                ax.plot(lams, coefs[:, j], color=colours[j], lw=1.4)
            ax.axhline(0, color="grey", lw=0.8)
            ax.set(
                xscale="log",
                xlabel="λ (stronger penalty →)",
                ylabel="coefficient",
                title=title,
            )
            lim = np.max(np.abs(coefs[lams >= 1e-3]))
            ax.set_ylim(-1.3 * lim, 1.3 * lim)
            note = ax.text(
                0.98,
                0.03,
                f"colour: power of x, 1 (purple) to {degree} (yellow)",
                transform=ax.transAxes,
                ha="right",
                fontsize=8,
                color="dimgrey",
            )
            marker = ax.axvline(lams[0], color="black", ls="--")
            # λ moves the marker across the note and the frame; the title changes
            animate(marker, note, ax.title, frame=ax)
        self.ridge_marker, self.lasso_marker = (
            self.ax_ridge.lines[-1],
            self.ax_lasso.lines[-1],
        )

        d = self.data
        ax = self.ax_fit
        ax.scatter(
            d["x_val"], d["y_val"], s=6, color="lightgrey", label="validation data"
        )
        training = ax.scatter(
            d["x_train"],
            d["y_train"],
            s=22,
            color="black",
            zorder=3,
            label="training data",
        )
        ax.plot(
            d["x_grid"],
            true_curve(d["x_grid"]),
            color="grey",
            ls=":",
            label="true curve",
        )
        (self.ridge_curve,) = ax.plot([], [], color="tab:blue", lw=2, label="ridge")
        (self.lasso_curve,) = ax.plot([], [], color="tab:red", lw=2, label="lasso")
        ax.set(
            xlabel="x",
            ylabel="y",
            ylim=(-2.6, 2.6),
            title=f"Degree-{degree} polynomial fits",
        )
        legend = ax.legend(fontsize=8, loc="lower right", ncol=2)
        animate(self.ridge_curve, self.lasso_curve, training, legend, frame=ax)
        animate(ax.title)

        ax = self.ax_err
        for name, colour in [("ridge", "tab:blue"), ("lasso", "tab:red")]:
            ax.plot(
                lams,
                self.paths[name]["val"],
                color=colour,
                lw=2,
                label=f"{name}: validation",
            )
            ax.plot(
                lams,
                self.paths[name]["train"],
                color=colour,
                lw=1,
                ls="--",
                label=f"{name}: training",
            )
        (self.ridge_point,) = ax.plot([], [], "o", color="tab:blue", ms=8)
        (self.lasso_point,) = ax.plot([], [], "o", color="tab:red", ms=8)
        top = max(self.paths[m]["val"].max() for m in ("ridge", "lasso"))
        ax.set(
            xscale="log",
            yscale="log",
            xlabel="λ (stronger penalty →)",
            ylabel="mean squared error",
            title="Training and validation error",
            ylim=(None, 12 * top),
        )
        legend = ax.legend(fontsize=8, loc="upper right", ncol=2)
        animate(self.ridge_point, self.lasso_point, legend, ax.title)
        self.update(lam)

    def update(self, lam: float) -> dict:
        """Move to the grid point nearest ``lam``; return what the figure shows.

        Returns
        -------
        dict
            ``lam``, ``ridge_alpha``, ``lasso_alpha``, ``ridge_val``, ``lasso_val``
            (validation MSE), ``ridge_nonzero`` and ``lasso_nonzero`` (numbers of
            non-zero coefficients).
        """
        lam = check_number("lam", lam, low=0, open_low=True)
        lams = self.paths["lambdas"]
        i = int(np.argmin(np.abs(np.log10(lams) - np.log10(lam))))
        lam = float(lams[i])
        self.lam = lam
        ridge, lasso = self.paths["ridge"], self.paths["lasso"]
        nonzero = int(np.sum(lasso["coefs"][i] != 0))
        for line in (self.ridge_marker, self.lasso_marker):
            line.set_xdata([lam, lam])
        self.ridge_curve.set_data(self.data["x_grid"], ridge["curves"][:, i])
        self.lasso_curve.set_data(self.data["x_grid"], lasso["curves"][:, i])
        self.ridge_point.set_data([lam], [ridge["val"][i]])
        self.lasso_point.set_data([lam], [lasso["val"][i]])
        degree = self.data["degree"]
        ridge_nonzero = int(np.sum(ridge["coefs"][i] != 0))
        self.ax_ridge.set_title(
            f"Ridge (L2): {ridge_nonzero} of {degree} coefficients non-zero"
        )
        self.ax_lasso.set_title(
            f"Lasso (L1): {nonzero} of {degree} coefficients non-zero"
        )
        self.ax_fit.set_title(
            f"Degree-{degree} fits at λ = {lam:.3g}\nridge_fit alpha = n·λ = "
            f"{self.n * lam:.3g}, lasso_fit alpha = λ = {lam:.3g}",
            fontsize=10,
        )
        self.ax_err.set_title(
            f"Training and validation error\nvalidation MSE at λ = {lam:.3g}: "
            f"ridge {ridge['val'][i]:.3f}, lasso {lasso['val'][i]:.3f}",
            fontsize=10,
        )
        self.redraw()
        return {
            "lam": lam,
            "ridge_alpha": self.n * lam,
            "lasso_alpha": lam,
            "ridge_val": float(ridge["val"][i]),
            "lasso_val": float(lasso["val"][i]),
            "lasso_nonzero": nonzero,
            "ridge_nonzero": ridge_nonzero,
        }


def regularization_explorer(lam: float = 1e-2, seed: int = 0):
    """Interactive λ slider (log scale) over ridge and lasso coefficient paths.

    Parameters
    ----------
    lam : float, default=1e-2
        Initial regularisation strength.
    seed : int, default=0
        Seed of the data.

    Returns
    -------
    ipywidgets.VBox
        The slider and the figure; ``.explorer`` holds the :class:`PathExplorer`,
        ``.slider`` the control.
    """
    explorer = PathExplorer(lam=lam, seed=seed)
    slider = widgets.FloatLogSlider(
        value=explorer.lam,
        base=10,
        min=-6,
        max=1,
        step=0.1,
        description="λ",
        continuous_update=False,
        readout_format=".2e",
        layout=widgets.Layout(width="480px"),
    )

    return explorer_box(
        explorer.figure, {"slider": (slider, explorer.update)}, explorer=explorer
    )


# ----------------------------------------------------------------------------- geometry
#: The least-squares solution and curvature of the loss in the geometry figures.
_W_OLS = np.array([1.6, 0.7])
_HESSIAN = np.array([[1.0, 0.45], [0.45, 0.6]])


def _loss(w):
    d = np.asarray(w) - _W_OLS
    return np.einsum("...i,ij,...j->...", d, _HESSIAN, d)


#: The L1 ball of radius 1, corner by corner.
_DIAMOND = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])


@lru_cache(maxsize=1)
def _loss_grid():
    """The loss on the explorer's 241 x 241 grid of (w1, w2), computed once."""
    g = np.linspace(-2.6, 2.6, 241)
    W1, W2 = np.meshgrid(g, g)
    return W1, W2, _loss(np.stack([W1, W2], axis=-1))


def _constrained(kind: str, budget: float) -> np.ndarray:
    """The point of the L1 or L2 ball of radius ``budget`` with the least loss."""
    if kind == "l2":
        theta = np.linspace(0, 2 * np.pi, 20_001)
        pts = budget * np.column_stack([np.cos(theta), np.sin(theta)])
    else:
        s = np.linspace(0, 1, 5_001)[:, None]
        corners = budget * np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]])
        pts = np.vstack(
            [c0 + s * (c1 - c0) for c0, c1 in zip(corners, corners[1:], strict=False)]
        )
    if (np.abs(_W_OLS).sum() if kind == "l1" else np.hypot(*_W_OLS)) <= budget:
        return _W_OLS.copy()
    best = pts[np.argmin(_loss(pts))]
    return np.where(np.abs(best) < 1e-9, 0.0, best)


class GeometryExplorer(Explorer):
    """The L2 circle and the L1 diamond against the contours of the squared loss.

    Each panel shows the constraint region ``||w|| <= budget``, the elliptical
    contours of the least-squares loss around its unconstrained minimum, and the
    constrained solution: where the smallest contour touches the region. The
    diamond's corners stick out, so the contour usually touches a corner, where a
    coefficient is exactly 0.

    Parameters
    ----------
    budget : float, default=1.0
        Radius of the constraint region, positive.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    solutions : dict
        ``{"l2": w, "l1": w}``, the constrained solutions at the current budget.
    """

    TITLES = {"l2": "L2 (ridge): a circle", "l1": "L1 (lasso): a diamond"}
    NOTE = {"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.85}

    def __init__(self, budget: float = 1.0):
        self.figure = new_figure(figsize=(10, 4.8), layout="constrained")
        self.ax_l2, self.ax_l1 = self.figure.subplots(1, 2)
        # everything inside the panels is animated (the ticks and labels stay in the
        # background): a budget change blits, the axes never change
        self.panels, self._contours = {}, []
        for ax, kind in [(self.ax_l2, "l2"), (self.ax_l1, "l1")]:
            if kind == "l2":
                region = Circle((0, 0), 1.0, alpha=0.35, color="tab:blue")
            else:
                region = Polygon(_DIAMOND, alpha=0.35, color="tab:orange")
            ax.add_patch(region)
            axes_lines = [
                ax.axhline(0, color="black", lw=0.7),
                ax.axvline(0, color="black", lw=0.7),
            ]
            (ols,) = ax.plot(*_W_OLS, "k+", ms=12, mew=2)
            ols_note = ax.annotate(
                "least squares",
                _W_OLS,
                xytext=(6, 6),
                textcoords="offset points",
                fontsize=9,
                bbox=self.NOTE,
            )
            (point,) = ax.plot([], [], "o", color="tab:red", ms=9, zorder=5)
            note = ax.annotate(
                "",
                (0, 0),
                xytext=(8, -26),
                textcoords="offset points",
                fontsize=9,
                color="tab:red",
                bbox=self.NOTE,
            )
            ax.set(
                xlim=(-2.6, 2.6),
                ylim=(-2.6, 2.6),
                aspect="equal",
                xlabel="w₁",
                ylabel="w₂",
            )
            animate(region, *axes_lines, ols, ols_note, point, note, ax.title, frame=ax)
            self.panels[kind] = (ax, region, point, note)
        self.figure.suptitle(
            "Penalised fit = the smallest loss contour (red) that "
            "touches the allowed region",
            fontsize=11,
        )
        self.update(budget)

    def update(self, budget: float) -> dict:
        """Redraw both panels for a new budget; return the two solutions."""
        budget = check_number("budget", budget, low=0, open_low=True)
        W1, W2, L = _loss_grid()
        for contours in self._contours:
            contours.remove()
        self._contours, self.solutions = [], {}
        for kind, (ax, region, point, note) in self.panels.items():
            w = _constrained(kind, budget)
            self.solutions[kind] = w
            level = float(_loss(w))
            levels = (
                [level * f for f in (0.1, 0.4, 2.5, 5, 9)]
                if level > 0
                else [0.05, 0.3, 1.0]
            )
            self._contours += animate(
                ax.contour(W1, W2, L, levels=levels, colors="tab:grey", linewidths=0.8)
            )
            if level > 0:
                self._contours += animate(
                    ax.contour(
                        W1, W2, L, levels=[level], colors="tab:red", linewidths=2
                    )
                )
            if kind == "l2":
                region.set_radius(budget)
            else:
                region.set_xy(budget * _DIAMOND)
            point.set_data([w[0]], [w[1]])
            zero = "\nw₂ is exactly 0" if 0 in w and level > 0 else ""
            note.set_text(f"w = ({w[0]:.2f}, {w[1]:.2f}){zero}")
            note.xy = tuple(w)
            ax.set_title(f"{self.TITLES[kind]}, budget {budget:.2f}")
        self.redraw()
        return dict(self.solutions)


def geometry_figure(budget: float = 1.0):
    """The L2 circle and the L1 diamond against the loss contours, drawn once.

    Parameters
    ----------
    budget : float, default=1.0
        Radius of the constraint regions.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = geometry_figure(1.0)
    >>> len(fig.axes) >= 2
    True
    """
    return GeometryExplorer(budget).figure


def geometry_explorer(budget: float = 1.0):
    """The geometry figure with a slider for the budget.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` is the :class:`GeometryExplorer`, ``.slider`` the control.
    """
    explorer = GeometryExplorer(budget)
    slider = widgets.FloatSlider(
        value=budget,
        min=0.1,
        max=2.5,
        step=0.05,
        description="budget",
        continuous_update=False,
        layout=widgets.Layout(width="420px"),
    )

    return explorer_box(
        explorer.figure, {"slider": (slider, explorer.update)}, explorer=explorer
    )


# ------------------------------------------------------------------- further figures
def scaling_figure(alpha: float = 0.3, seed: int = 0):
    """Lasso coefficients with raw units and after standardising, side by side.

    Three features matter equally (one standard deviation of each moves ``y`` by 1)
    but are measured on very different scales: income in dollars, age in years, a
    rate as a fraction. The penalty ``alpha·|w_j|`` is in the units of each
    coefficient, so without scaling it barely touches the dollars (tiny coefficient)
    and wipes out the fraction (huge coefficient).

    Parameters
    ----------
    alpha : float, default=0.3
        The lasso's alpha (positive).
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    alpha = check_number("alpha", alpha, low=0, open_low=True)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    n = 200
    names = ["income ($)", "age (years)", "default rate (fraction)"]
    spreads = np.array([20_000.0, 10.0, 0.05])
    Z = rng.normal(size=(n, 3))
    X = np.array([50_000.0, 40.0, 0.1]) + Z * spreads
    y = Z.sum(1) + rng.normal(0, 0.5, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = Lasso(alpha=alpha, max_iter=100_000).fit(X, y).coef_ * X.std(0)
        Xs = (X - X.mean(0)) / X.std(0)
        scaled = Lasso(alpha=alpha).fit(Xs, y).coef_
    fig, ax = pyplot().subplots(figsize=(8.5, 3.6), layout="constrained")
    pos = np.arange(3)
    ax.bar(pos - 0.27, np.ones(3), width=0.25, color="lightgrey", label="truth")
    ax.bar(pos, raw, width=0.25, color="tab:red", label="lasso on raw units")
    ax.bar(
        pos + 0.27,
        scaled,
        width=0.25,
        color="tab:blue",
        label="lasso after StandardScaler",
    )
    for x, v in zip(pos, raw, strict=True):
        if v == 0:
            ax.annotate(
                "exactly 0", (x, 0.03), ha="center", fontsize=8, color="tab:red"
            )
    ax.set_xticks(pos, names)
    ax.set(
        ylabel="effect of a 1-std change in the feature",
        title=f"Same data, same alpha = {alpha:g}: units decide who gets penalised",
    )
    ax.legend(fontsize=8, loc="upper right")
    ax.set_ylim(0, 1.35)
    return fig


def correlated_figure(n_resamples: int = 40, corr: float = 0.97, seed: int = 0):
    """Ridge, lasso and elastic net on two correlated features, over bootstrap resamples.

    ``y = x1 + x2 + noise`` with ``corr(x1, x2) = corr`` (see
    :func:`correlated_data`). Each dot is the pair ``(w1, w2)`` fitted on one
    bootstrap resample. Ridge shares the effect (dots near ``w1 = w2``); the lasso
    tends to keep one of the two and zero the other, and which one changes from
    resample to resample; the elastic net sits in between.

    Parameters
    ----------
    n_resamples : int, default=40
    corr : float, default=0.97
    seed : int, default=0

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_resamples = check_int("n_resamples", n_resamples, low=1)
    X, y = correlated_data(corr=corr, seed=seed)
    rng = np.random.default_rng(seed)
    n = len(y)
    models = [
        ("Ridge (alpha = 10)", lambda: Ridge(alpha=10.0), "tab:blue"),
        ("Lasso (alpha = 0.5)", lambda: Lasso(alpha=0.5), "tab:red"),
        (
            "Elastic net (alpha = 0.3, l1_ratio = 0.5)",
            lambda: ElasticNet(alpha=0.3, l1_ratio=0.5),
            "tab:purple",
        ),
    ]
    fits = {name: [] for name, _, _ in models}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(n_resamples):
            idx = rng.integers(0, n, n)
            for name, make, _ in models:
                fits[name].append(make().fit(X[idx], y[idx]).coef_[:2])
    fig, axes = pyplot().subplots(
        1, 3, figsize=(12, 4.2), layout="constrained", sharex=True, sharey=True
    )
    for ax, (name, _, colour) in zip(axes, models, strict=True):
        w = np.array(fits[name])
        one_zero = int(np.sum((w == 0).sum(1) == 1))
        ax.scatter(w[:, 0], w[:, 1], color=colour, alpha=0.7, s=25)
        ax.plot([-0.2, 2.2], [2.2, -0.2], color="grey", ls=":", lw=1)
        ax.plot([1], [1], "k+", ms=12, mew=2)
        ax.axhline(0, color="black", lw=0.7)
        ax.axvline(0, color="black", lw=0.7)
        ax.set(
            xlabel="w₁",
            title=f"{name}\none coefficient exactly 0 in "
            f"{one_zero} of {n_resamples} resamples",
        )
        ax.title.set_fontsize(10)
    axes[0].set_ylabel("w₂")
    axes[0].set(xlim=(-0.25, 2.25), ylim=(-0.25, 2.25), aspect="equal")
    fig.suptitle(
        f"y = x₁ + x₂ + noise, corr(x₁, x₂) = {corr:g}; + marks the truth, "
        "the dotted line w₁ + w₂ = 2",
        fontsize=11,
    )
    return fig


@lru_cache(maxsize=2)
def _diabetes_cv(n_folds: int, seed: int):
    X, y = load_diabetes(return_X_y=True)
    cv = KFold(n_folds, shuffle=True, random_state=seed)
    out = {}
    for name, model, alphas in [
        ("lasso", Lasso(max_iter=10_000), np.logspace(-2, 1.5, 30)),
        ("ridge", Ridge(), np.logspace(-2, 3.5, 30)),
    ]:
        pipe = make_pipeline(StandardScaler(), model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, val = validation_curve(
                pipe,
                X,
                y,
                param_name=f"{type(model).__name__.lower()}__alpha",
                param_range=alphas,
                cv=cv,
                scoring="neg_mean_squared_error",
            )
        pipe.set_params(**{f"{type(model).__name__.lower()}__alpha": alphas[0]})
        nonzero = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for a in alphas:
                pipe.set_params(**{f"{type(model).__name__.lower()}__alpha": a})
                nonzero.append(int(np.sum(pipe.fit(X, y)[-1].coef_ != 0)))
        out[name] = (alphas, -val, np.array(nonzero))
    return out


def cv_figure(n_folds: int = 5, seed: int = 0):
    """Choosing alpha by K-fold cross-validation on the diabetes data.

    A ``StandardScaler`` + lasso (and + ridge) pipeline is cross-validated over a
    grid of alphas on scikit-learn's bundled diabetes data (442 patients, 10
    features). Each panel shows the mean validation MSE with one standard error, the
    alpha with the least error, and the largest alpha within one standard error of it
    (the "one-standard-error rule": the simplest model that is statistically as good).

    Parameters
    ----------
    n_folds : int, default=5
        Number of folds, at least 2.
    seed : int, default=0
        Seed of the fold shuffle.

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_folds = check_int("n_folds", n_folds, low=2)
    seed = check_seed(seed)
    results = _diabetes_cv(n_folds, seed)
    fig, axes = pyplot().subplots(1, 2, figsize=(11, 3.9), layout="constrained")
    for ax, name, colour in [
        (axes[0], "lasso", "tab:red"),
        (axes[1], "ridge", "tab:blue"),
    ]:
        alphas, mse, nonzero = results[name]
        mean, se = mse.mean(1), mse.std(1, ddof=1) / np.sqrt(n_folds)
        best = int(np.argmin(mean))
        one_se = int(np.max(np.flatnonzero(mean <= mean[best] + se[best])))
        ax.plot(alphas, mean, color=colour, lw=2, label="mean validation MSE")
        ax.fill_between(
            alphas,
            mean - se,
            mean + se,
            color=colour,
            alpha=0.2,
            label="± 1 standard error",
        )
        ax.axvline(
            alphas[best],
            color="black",
            ls="--",
            label=f"least error: alpha = {alphas[best]:.3g}",
        )
        ax.axvline(
            alphas[one_se],
            color="black",
            ls=":",
            label=f"1-SE rule: alpha = {alphas[one_se]:.3g}",
        )
        ax.set(
            xscale="log",
            xlabel="alpha",
            ylabel="MSE",
            title=f"{name.capitalize()} on the diabetes data, {n_folds}-fold CV",
        )
        ax.legend(fontsize=8, loc="center left")
        twin = ax.twinx()
        twin.step(alphas, nonzero, where="mid", color="dimgrey", lw=1)
        twin.set_ylabel("non-zero coefficients (grey)", color="dimgrey")
        twin.set_ylim(0, 10.5)
    return fig
