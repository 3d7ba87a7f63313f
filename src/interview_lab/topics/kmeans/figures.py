"""06_kmeans: the experiments, figures and explorers of the teaching cells.

In notebook order: Lloyd's algorithm step by step (assignments, then center moves,
from a chosen start), the choice of k (the elbow curve and the silhouette score), random
rows against k-means++ over many starts (the distribution of the final inertia, and
what restarts buy), and where k-means fails (feature scaling, non-spherical clusters,
unequal sizes). They use the topic's own references, so they work before the learner
has written anything.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from ...validation import check_choice, check_int, check_seed
from ...widgets import (
    Explorer,
    animate,
    explorer_box,
    new_figure,
    pyplot,
)
from .core import (
    as_points,
    batch_inits,
    batch_lloyd,
    demo_data,
    grid_blobs,
    inertia_of,
    kmeans_plus_plus_reference,
    limits_data,
    lloyd,
    nearest,
    silhouette_samples,
)

__all__ = [
    "INITS",
    "K_VALUES",
    "MAX_STEP",
    "BLOB_COUNTS",
    "InitExplorer",
    "KExplorer",
    "LloydExplorer",
    "init_experiment",
    "init_explorer",
    "k_explorer",
    "k_sweep",
    "limits_figure",
    "lloyd_explorer",
]

COLOURS = plt.get_cmap("tab10").colors
#: The starts the Lloyd explorer offers.
INITS = ("k-means++", "random rows")
#: Steps of the Lloyd explorer's slider (assignments and updates, from the start); the
#: last one always shows the final state.
MAX_STEP = 24
#: The k of the elbow explorer.
K_VALUES = tuple(range(1, 11))
#: Numbers of blobs of the initialisation explorer.
BLOB_COUNTS = tuple(range(3, 11))
#: Runs from each kind of start in the initialisation explorer.
INIT_RUNS = 100
#: Where the initialisation explorer's histograms end: a worse final inertia (relative
#: to the best) is counted in the last bin.
RATIO_TOP = 4.5


def _colours(labels):
    return [COLOURS[j % 10] for j in np.asarray(labels)]


class _Clusters:
    """Points coloured by cluster and the centers as crosses, changed in place
    (animated: only they are drawn again when the clustering changes)."""

    def __init__(self, ax, X, size=14):
        self.points = ax.scatter(X[:, 0], X[:, 1], s=size, c="lightgrey", lw=0)
        self.centers = ax.scatter(
            np.empty(0),
            np.empty(0),
            s=170,
            marker="X",
            edgecolor="black",
            lw=1.2,
            zorder=3,
        )
        ax.set_aspect("equal", adjustable="datalim")
        animate(self.points, self.centers, ax.title)

    def show(self, labels, centers) -> None:
        """Colour the points by ``labels`` (grey and opaque when None), and put a
        cross at each center."""
        if labels is None:
            self.points.set_facecolor("lightgrey")
            self.points.set_alpha(None)
        else:
            self.points.set_facecolor(_colours(labels))
            self.points.set_alpha(0.7)
        self.centers.set_offsets(centers)
        self.centers.set_facecolor(_colours(range(len(centers))))


# ------------------------------------------------------------ 1. Lloyd step by step
@lru_cache(maxsize=4)
def _best_inertia(k: int, seed: int) -> float:
    X, _ = demo_data(seed=seed)
    _, inertia = batch_lloyd(X, batch_inits(X, k, 20, "k-means++", seed))
    return float(inertia.min())


def _start(X, k, seed, init):
    if init == "k-means++":
        return kmeans_plus_plus_reference(X, k, seed)
    rng = np.random.default_rng(seed)
    return X[rng.choice(len(X), size=k, replace=False)].copy()


class LloydExplorer(Explorer):
    """Lloyd's algorithm on the four blobs, one step at a time.

    Step 0 is the start (k centers, no labels yet); odd steps assign every point to
    its nearest center (colours change), even steps move every center to the mean of
    its points (arrows). The right panel is the inertia after each step: it never
    goes up, and it stops where the iterations stop, which is not always the best
    clustering (the dashed line).

    Parameters
    ----------
    step : int, default=0
    seed : int, default=0
        Seed of the start.
    init : {"k-means++", "random rows"}
    k : int, default=4

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    states : list of (phase, centers, labels, inertia)
    """

    PHASES = {
        "init": "the start: k centers, no labels yet",
        "assign": "assign every point to its nearest center",
        "update": "move every center to the mean of its points",
    }

    def __init__(self, step=0, seed=0, init="k-means++", k=4):
        self.X, _ = demo_data()
        self.k = check_int("k", k, low=1, high=10)
        self.best = _best_inertia(self.k, 0)
        self.figure = new_figure(figsize=(10.5, 4.3), layout="constrained")
        self.ax, self.ax_curve = self.figure.subplots(1, 2, width_ratios=[1.25, 1])
        self.clusters = _Clusters(self.ax, self.X)
        self.ax.set(xlabel="feature 1", ylabel="feature 2")
        self.arrows = []
        # the inertia curve is made once and given each start's steps (clearing the
        # axes would make its ticks again on every change of start)
        ax = self.ax_curve
        (self.curve,) = ax.plot([], [], "o-", color="tab:blue", ms=4)
        ax.axhline(
            self.best, ls="--", color="grey", label=f"best found: {self.best:.0f}"
        )
        (self.marker,) = ax.plot([], [], "o", color="black", ms=10, mfc="none", mew=2)
        ax.set_xlabel("step (odd: assign, even: update)")
        ax.set_ylabel("inertia")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        animate(self.marker, ax.legend(loc="upper right", fontsize=8))
        self.step = check_int("step", step, low=0, high=MAX_STEP)
        self.set_start(seed, init)

    def set_start(self, seed=None, init=None) -> dict:
        """Start again from another seed or kind of start; return the step's numbers."""
        self.seed = check_seed(self.seed if seed is None else seed)
        self.init = check_choice("init", self.init if init is None else init, INITS)
        start = _start(self.X, self.k, self.seed, self.init)
        *_, steps = lloyd(self.X, start, history=True)
        self.states = [
            (
                phase,
                C,
                labels,
                None if labels is None else inertia_of(self.X, C, labels),
            )
            for phase, C, labels in steps
        ]
        last = len(self.states) - 1
        ax = self.ax_curve
        self.curve.set_data(np.arange(1, last + 1), [s[3] for s in self.states[1:]])
        ax.relim()
        ax.autoscale_view(scalex=False)
        ax.set(
            xlim=(0.5, max(last, 2) + 0.5),
            title=f"Converged after {last} steps, inertia {self.states[-1][3]:.0f}",
        )
        self.background_changed()
        return self.update(self.step)

    def update(self, step) -> dict:
        """Show step ``step`` (past convergence, or at :data:`MAX_STEP`: the final
        state); return its numbers.

        Returns
        -------
        dict
            ``step`` (the state shown), ``phase``, ``inertia`` (None at the start),
            ``converged`` (whether it is the final state).
        """
        self.step = check_int("step", step, low=0, high=MAX_STEP)
        last = len(self.states) - 1
        shown = last if self.step == MAX_STEP else min(self.step, last)
        phase, C, labels, inertia = self.states[shown]
        converged = shown == last
        self.clusters.show(labels, C)
        for arrow in self.arrows:
            arrow.remove()
        self.arrows = []
        if phase == "update":
            before = self.states[shown - 1][1]
            for j in range(self.k):
                self.arrows += animate(
                    self.ax.annotate(
                        "",
                        xy=C[j],
                        xytext=before[j],
                        arrowprops={"arrowstyle": "->", "lw": 1.8, "color": "black"},
                        zorder=4,
                    )
                )
        title = f"step {shown}: {self.PHASES[phase]}"
        if converged and shown:
            title += " (converged)"
        self.ax.set_title(title, fontsize=10)
        if inertia is None:
            self.marker.set_data([], [])
        else:
            self.marker.set_data([shown], [inertia])
        self.redraw()
        return {
            "step": shown,
            "phase": phase,
            "inertia": inertia,
            "converged": converged,
        }


def lloyd_explorer(seed=0):
    """Interactive Lloyd's algorithm: a step slider, a seed slider, a start dropdown.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the :class:`LloydExplorer`; ``.step``, ``.seed`` and
        ``.init`` the controls.
    """
    explorer = LloydExplorer(step=0, seed=seed)
    step = widgets.IntSlider(
        value=0,
        min=0,
        max=MAX_STEP,
        description="step",
        continuous_update=False,
        layout=widgets.Layout(width="360px"),
    )
    seed_slider = widgets.IntSlider(
        value=seed,
        min=0,
        max=19,
        description="seed",
        continuous_update=False,
        layout=widgets.Layout(width="300px"),
    )
    init = widgets.Dropdown(options=list(INITS), value=INITS[0], description="start")
    return explorer_box(
        explorer.figure,
        {
            "step": (step, explorer.update),
            "seed": (seed_slider, lambda s: explorer.set_start(seed=s)),
            "init": (init, lambda i: explorer.set_start(init=i)),
        },
        explorer=explorer,
    )


# ------------------------------------------------------------------ 2. choosing k
@lru_cache(maxsize=4)
def k_sweep(seed: int = 0) -> dict:
    """Best of 10 k-means++ runs for every k in :data:`K_VALUES`, on the four blobs.

    Returns
    -------
    dict
        ``k -> (centers, labels, inertia, silhouette)``; the silhouette is the mean
        silhouette score (None for k = 1).
    """
    X, _ = demo_data(seed=check_seed(seed))
    out = {}
    for k in K_VALUES:
        C, inertia = batch_lloyd(X, batch_inits(X, k, 10, "k-means++", seed))
        best = C[int(inertia.argmin())]
        labels = nearest(X, best)
        sil = float(silhouette_samples(X, labels).mean()) if k > 1 else None
        out[k] = (best, labels, inertia_of(X, best, labels), sil)
    return out


class KExplorer(Explorer):
    """The clustering at k beside the elbow curve and the silhouette score.

    Inertia falls with every extra cluster (to 0 at k = n), so the elbow, where it
    stops falling fast, is the hint; the mean silhouette, (b - a) / max(a, b) per
    point, peaks at the k whose clusters are tight and apart.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    sweep : dict
        :func:`k_sweep`.
    """

    def __init__(self, k=4, seed=0):
        self.X, _ = demo_data(seed=seed)
        self.sweep = k_sweep(seed)
        self.figure = new_figure(figsize=(12, 3.9), layout="constrained")
        self.ax, self.ax_elbow, self.ax_sil = self.figure.subplots(1, 3)
        self.clusters = _Clusters(self.ax, self.X, size=10)
        ks = np.array(K_VALUES)
        inertias = [self.sweep[k][2] for k in K_VALUES]
        self.ax_elbow.plot(ks, inertias, "o-", color="tab:blue")
        self.ax_elbow.set(
            xlabel="k", ylabel="inertia", title="Elbow: inertia against k", xticks=ks
        )
        sils = [self.sweep[k][3] for k in K_VALUES[1:]]
        self.ax_sil.plot(ks[1:], sils, "o-", color="tab:green")
        self.ax_sil.set(
            xlabel="k",
            ylabel="mean silhouette",
            title="Silhouette score against k",
            xticks=ks,
            xlim=(0.5, ks[-1] + 0.5),
        )
        (self.elbow_marker,) = self.ax_elbow.plot(
            [], [], "o", color="black", ms=12, mfc="none", mew=2
        )
        (self.sil_marker,) = self.ax_sil.plot(
            [], [], "o", color="black", ms=12, mfc="none", mew=2
        )
        animate(self.elbow_marker, self.sil_marker)
        self.update(k)

    def update(self, k) -> dict:
        """Show the clustering with ``k`` clusters; return ``k, inertia, silhouette``."""
        k = check_int("k", k, low=K_VALUES[0], high=K_VALUES[-1])
        C, labels, inertia, sil = self.sweep[k]
        self.clusters.show(labels, C)
        sil_text = "n/a" if sil is None else f"{sil:.3f}"
        self.ax.set_title(f"k = {k}: inertia {inertia:.0f}, silhouette {sil_text}")
        self.elbow_marker.set_data([k], [inertia])
        if sil is None:
            self.sil_marker.set_data([], [])
        else:
            self.sil_marker.set_data([k], [sil])
        self.redraw()
        return {"k": k, "inertia": inertia, "silhouette": sil}


def k_explorer(seed=0):
    """Interactive choice of k: a slider over :data:`K_VALUES`.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the :class:`KExplorer`, ``.slider`` the control.
    """
    explorer = KExplorer(k=4, seed=seed)
    slider = widgets.IntSlider(
        value=4,
        min=K_VALUES[0],
        max=K_VALUES[-1],
        description="k",
        continuous_update=False,
        layout=widgets.Layout(width="360px"),
    )
    return explorer_box(
        explorer.figure, {"slider": (slider, explorer.update)}, explorer=explorer
    )


# ------------------------------------------------ 3. random rows against k-means++
@lru_cache(maxsize=16)
def init_experiment(n_blobs: int = 6, n_runs: int = INIT_RUNS, seed: int = 0) -> dict:
    """Final inertia of ``n_runs`` Lloyd runs from each kind of start.

    The data are :func:`grid_blobs` (``n_blobs`` blobs) and k = ``n_blobs``.

    Returns
    -------
    dict
        ``X``; ``inertia`` (method -> array of final inertias); ``best`` (the least
        inertia over all runs); ``hit`` (method -> fraction of runs within 1% of
        it); ``worst`` (the centers of the worst random-rows run).
    """
    n_blobs = check_int("n_blobs", n_blobs, low=2, high=25)
    X, _ = grid_blobs(n_blobs, seed=seed)
    inertia, centers = {}, {}
    for i, method in enumerate(("random", "k-means++")):
        starts = batch_inits(X, n_blobs, n_runs, method, seed + i)
        centers[method], inertia[method] = batch_lloyd(X, starts)
    best = min(float(v.min()) for v in inertia.values())
    hit = {m: float(np.mean(v <= 1.01 * best)) for m, v in inertia.items()}
    worst = centers["random"][int(inertia["random"].argmax())]
    return {"X": X, "inertia": inertia, "best": best, "hit": hit, "worst": worst}


class InitExplorer(Explorer):
    """Random rows against k-means++ as starts, over many runs.

    Left: the final inertia of 100 runs from each kind of start, relative to the best
    (1 = the best clustering found), on one scale for every number of blobs (ratios
    above :data:`RATIO_TOP` are counted in the last bin). Middle: the chance that the
    best of ``n_init`` runs is within 1% of the best, 1 - (1 - p)^n_init, which is what
    restarts buy. Right: the worst run from random rows: two centers share a blob while
    another blob has none, and no Lloyd step can fix that.
    """

    NAMES = {"random": "random rows", "k-means++": "k-means++"}
    TINTS = {"random": "tab:red", "k-means++": "tab:blue"}
    #: The histograms' bins: the axes stay put as the slider moves (the eye compares,
    #: and only what moves is drawn again).
    BINS = np.linspace(1.0, RATIO_TOP, 36)

    def __init__(self, n_blobs=6, seed=0):
        self.seed = check_seed(seed)
        self.figure = new_figure(figsize=(12.5, 3.9), layout="constrained")
        self.ax_hist, self.ax_restart, self.ax_worst = self.figure.subplots(1, 3)
        # every artist is made once and given new data; what a change moves is
        # animated, so the axes and their ticks stay in the kept background
        ax = self.ax_hist
        self.hists = {
            m: ax.stairs([0], [1, 2], fill=True, alpha=0.55, color=self.TINTS[m])
            for m in self.NAMES
        }
        pad = 0.03 * (RATIO_TOP - 1)
        ax.set(
            xlabel="final inertia / best inertia",
            ylabel=f"runs (of {INIT_RUNS})",
            xlim=(1 - pad, RATIO_TOP + pad),
            ylim=(0, 1.05 * INIT_RUNS),
        )
        ax.set_title(" ")
        self.hist_legend = ax.legend(
            list(self.hists.values()), list(self.NAMES), fontsize=8, loc="upper right"
        )
        animate(*self.hists.values(), self.hist_legend, ax.title)
        ax = self.ax_restart
        self.n_init = np.arange(1, 11)
        self.restart_lines = {
            m: ax.plot([], [], "o-", ms=4, color=self.TINTS[m], label=name)[0]
            for m, name in self.NAMES.items()
        }
        ax.set(
            xlabel="n_init (restarts, keep the best)",
            ylabel="P(best run within 1% of the best)",
            xlim=(0.5, 10.5),
            ylim=(-0.02, 1.02),
            xticks=self.n_init,
            title="What restarts buy",
        )
        animate(*self.restart_lines.values(), ax.legend(fontsize=8, loc="lower right"))
        ax = self.ax_worst
        ax.set(xticks=[], yticks=[])  # where the clusters are, not their coordinates
        ax.set_title(" ", fontsize=10)
        self.worst = _Clusters(ax, np.empty((0, 2)), size=8)
        self.update(n_blobs)

    def update(self, n_blobs) -> dict:
        """Show the experiment with ``n_blobs`` blobs (k = n_blobs); return its numbers.

        Returns
        -------
        dict
            ``hit`` (method -> fraction of single runs within 1% of the best),
            ``median_ratio`` (method -> median inertia / best).
        """
        n_blobs = check_int(
            "n_blobs", n_blobs, low=BLOB_COUNTS[0], high=BLOB_COUNTS[-1]
        )
        res = init_experiment(n_blobs, seed=self.seed)
        ratios = {m: v / res["best"] for m, v in res["inertia"].items()}
        for m, patch in self.hists.items():
            counts, _ = np.histogram(np.minimum(ratios[m], RATIO_TOP), self.BINS)
            patch.set_data(counts, self.BINS)
        for m, text in zip(self.hists, self.hist_legend.get_texts()):
            p = res["hit"][m]
            text.set_text(f"{self.NAMES[m]}: {p:.0%} of runs reach the best")
            self.restart_lines[m].set_data(self.n_init, 1 - (1 - p) ** self.n_init)
        self.ax_hist.title.set_text(
            f"{n_blobs} blobs, k = {n_blobs}: where {INIT_RUNS} runs end"
        )
        X, C = res["X"], res["worst"]
        self.worst.points.set_offsets(X)
        self.worst.show(nearest(X, C), C)
        # fit the new points, the equal aspect widening one axis (applied here: a
        # blitted draw does not apply it)
        ax = self.ax_worst
        ax.ignore_existing_data_limits = True
        ax.update_datalim(X)
        ax.autoscale_view()
        ax.apply_aspect()
        ax.title.set_text(
            f"Worst random-rows run: inertia × {ratios['random'].max():.2f}"
        )
        self.n_blobs = n_blobs
        self.redraw()
        return {
            "hit": dict(res["hit"]),
            "median_ratio": {m: float(np.median(r)) for m, r in ratios.items()},
        }


def init_explorer(seed=0):
    """Interactive start comparison: a slider over the number of blobs.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the :class:`InitExplorer`, ``.slider`` the control.
    """
    explorer = InitExplorer(n_blobs=6, seed=seed)
    slider = widgets.IntSlider(
        value=6,
        min=BLOB_COUNTS[0],
        max=BLOB_COUNTS[-1],
        description="blobs",
        continuous_update=False,
        layout=widgets.Layout(width="360px"),
    )
    return explorer_box(
        explorer.figure, {"slider": (slider, explorer.update)}, explorer=explorer
    )


# ------------------------------------------------------------ 4. where k-means fails
def _best_of(X, k, n_init=5):
    runs = [lloyd(X, kmeans_plus_plus_reference(X, k, s)) for s in range(n_init)]
    return min(runs, key=lambda r: r[2])


def _agreement(labels, y):
    """Fraction of points grouped as the truth, at the best matching of 2 labels."""
    same = float(np.mean(np.asarray(labels) == np.asarray(y)))
    return max(same, 1 - same)


def limits_figure(seed=0):
    """Where k-means fails: four panels, k = 2, coloured by the k-means clusters.

    Feature scaling (raw, then standardised), two moons, and a large wide group next
    to a small tight one. Each title gives the share of points grouped as the truth.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, axes = pyplot().subplots(1, 4, figsize=(15, 3.8), layout="constrained")
    X, y = limits_data("scaling", seed)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    panels = [
        (X, X, y, "raw age and income", ("age (years)", "income ($)")),
        (Z, Z, y, "standardised first", ("age (z-score)", "income (z-score)")),
    ]
    for kind, name in (("moons", "two moons"), ("unequal", "unequal sizes")):
        Xk, yk = limits_data(kind, seed)
        panels.append((Xk, Xk, yk, name, ("feature 1", "feature 2")))
    for ax, (fit_on, shown, truth, name, (xl, yl)) in zip(axes, panels):
        C, labels, _ = _best_of(as_points(fit_on), 2)
        ax.scatter(shown[:, 0], shown[:, 1], s=9, c=_colours(labels), alpha=0.75, lw=0)
        ax.set_title(
            f"{name}: {_agreement(labels, truth):.0%} grouped right", fontsize=10
        )
        ax.set(xlabel=xl, ylabel=yl)
    return fig
