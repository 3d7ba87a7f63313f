"""04_imbalanced: the tables, experiments, figures and explorers of the teaching cells.

In notebook order: the accuracy paradox (a table and its bars), the SMOTE view (an
explorer and a static figure that can draw the learner's ``smote``), the resampling
leak measured four ways, the strategies compared (class weights, resampling,
threshold moving) and the imbalance explorer (one model at several class balances).
They use the topic's own references, so they work before the learner has written
anything.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import RandomUnderSampler
from matplotlib.collections import LineCollection
from sklearn import metrics as skm
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (
    StratifiedKFold,
    cross_val_predict,
    cross_validate,
    train_test_split,
)
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from ... import datasets
from ...validation import check_choice, check_int
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import best_threshold_fast, neighbours, smote_data, smote_reference

__all__ = [
    "PREVALENCES",
    "ImbalanceExplorer",
    "SmoteView",
    "compare_strategies",
    "imbalance_explorer",
    "leak_experiment",
    "leak_figure",
    "paradox_figure",
    "paradox_table",
    "smote_explorer",
    "smote_figure",
    "strategies_figure",
]


def _check_split(X_train, y_train, X_test, y_test):
    for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
        if len(X) != len(y):
            raise ValueError(f"X_{name} has {len(X)} rows but y_{name} has {len(y)}")
        if len(np.unique(y)) != 2:
            raise ValueError(
                f"y_{name} must hold both classes 0 and 1, got {np.unique(y)}"
            )


def _scores(y, pred, proba):
    return {
        "accuracy": skm.accuracy_score(y, pred),
        "balanced accuracy": skm.balanced_accuracy_score(y, pred),
        "precision": skm.precision_score(y, pred, zero_division=0),
        "recall": skm.recall_score(y, pred, zero_division=0),
        "F1": skm.f1_score(y, pred, zero_division=0),
        "ROC-AUC": skm.roc_auc_score(y, proba),
        "PR-AUC": skm.average_precision_score(y, proba),
    }


def _logreg(**kwargs):
    return LogisticRegression(max_iter=1000, **kwargs)


# --------------------------------------------------------------- 1. accuracy paradox
def paradox_table(X_train, y_train, X_test, y_test):
    """Test-set metrics of "always predict the majority" and a logistic regression.

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels, both classes in each part.

    Returns
    -------
    pandas.DataFrame
        One row per model; accuracy, balanced accuracy, precision, recall, F1 (at
        threshold 0.5), ROC-AUC and PR-AUC (average precision).
    """
    _check_split(X_train, y_train, X_test, y_test)
    rows = {}
    for name, model in [
        ("always 'not fraud'", DummyClassifier(strategy="most_frequent")),
        ("logistic regression", _logreg()),
    ]:
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        rows[name] = _scores(y_test, model.predict(X_test), proba)
    return pd.DataFrame(rows).T.round(3)


def paradox_figure(table):
    """Grouped bars of the metrics in :func:`paradox_table`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if len(table) != 2:
        raise ValueError(f"table must have two rows (two models), got {len(table)}")
    metrics = list(table.columns)
    fig, ax = pyplot().subplots(figsize=(8, 3.8), layout="constrained")
    pos = np.arange(len(metrics))
    for off, (name, row), colour in zip(
        (-0.2, 0.2), table.iterrows(), ("tab:grey", "tab:blue"), strict=True
    ):
        bars = ax.barh(pos + off, row.values, height=0.38, color=colour, label=name)
        ax.bar_label(bars, fmt="%.2f", fontsize=8, padding=2)
    ax.set_yticks(pos, metrics)
    ax.invert_yaxis()
    ax.set(
        xlim=(0, 1.12),
        xlabel="score on the test set (higher is better)",
        title="Accuracy can hardly tell them apart; recall, F1 and PR-AUC can",
    )
    ax.legend(loc="lower right", fontsize=8)
    return fig


# ---------------------------------------------------------------------------- 4. SMOTE
class SmoteView(Explorer):
    """SMOTE's synthetic points on the segments between minority neighbours.

    Majority points are grey, minority points orange, each minority point is joined to
    its ``k_neighbors`` nearest minority points, and the synthetic points (purple
    crosses) lie on those segments. The title counts the synthetic points that are
    closer to a majority point than to any minority point: SMOTE's blind spot.

    Parameters
    ----------
    X_minority, X_majority : array-like of shape (n, 2)
    k_neighbors : int, default=5
    n_samples : int, default=60
    smote : callable, optional
        ``smote(X_minority, n_samples, k_neighbors, random_state)``; the package's own
        when omitted (pass yours to see your points).
    seed : int, default=0
    ax : matplotlib Axes, optional

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    links : matplotlib.collections.LineCollection
        The segments from each minority point to its neighbours.
    synthetic : ndarray of shape (n_samples, 2)
    n_inside : int
        Synthetic points whose nearest original point is a majority point.
    """

    def __init__(
        self,
        X_minority,
        X_majority,
        k_neighbors=5,
        n_samples=60,
        smote=None,
        seed=0,
        ax=None,
    ):
        self.X_min = np.asarray(X_minority, dtype=float)
        self.X_maj = np.asarray(X_majority, dtype=float)
        for name, X in (("X_minority", self.X_min), ("X_majority", self.X_maj)):
            if X.ndim != 2 or X.shape[1] != 2:
                raise ValueError(f"{name} must have shape (n, 2), got {X.shape}")
        self.smote = smote or smote_reference
        self.seed = seed
        if ax is None:
            self.figure = new_figure(figsize=(6, 4.6), layout="constrained")
            self.ax = self.figure.subplots()
        else:
            self.ax, self.figure = ax, ax.figure
        ax = self.ax
        ax.scatter(*self.X_maj.T, s=12, color="lightgrey", label="majority")
        self.links = LineCollection([], colors="tab:orange", alpha=0.25, lw=0.8)
        self.links.set_zorder(1)
        ax.add_collection(self.links, autolim=False)
        minority = ax.scatter(
            *self.X_min.T,
            s=40,
            color="tab:orange",
            edgecolor="black",
            zorder=3,
            label="minority",
        )
        self.points = ax.scatter(
            np.empty(0),
            np.empty(0),
            marker="x",
            s=22,
            color="tab:purple",
            zorder=4,
            label="synthetic (SMOTE)",
        )
        ax.set(xlabel="feature 1", ylabel="feature 2", aspect="equal")
        legend = ax.legend(fontsize=8, loc="lower left")
        # the links and synthetic points change; what a full draw puts over them too
        animate(self.links, minority, self.points, legend, ax.title)
        self.update(k_neighbors, n_samples)

    def update(self, k_neighbors, n_samples=None):
        """Redraw with ``k_neighbors`` (and ``n_samples``); return ``n_inside``."""
        k = check_int("k_neighbors", k_neighbors, low=1, high=len(self.X_min) - 1)
        if n_samples is not None:
            n_samples = check_int("n_samples", n_samples, low=1)
        self.k, self.n_samples = k, n_samples or self.n_samples
        self.synthetic = np.asarray(
            self.smote(
                self.X_min, self.n_samples, k_neighbors=self.k, random_state=self.seed
            ),
            dtype=float,
        )
        d_min = np.min(
            np.linalg.norm(self.synthetic[:, None] - self.X_min[None], axis=2), 1
        )
        d_maj = np.min(
            np.linalg.norm(self.synthetic[:, None] - self.X_maj[None], axis=2), 1
        )
        self.n_inside = int(np.sum(d_maj < d_min))
        nn = neighbours(self.X_min, self.k)
        self.links.set_segments(
            np.stack(
                [np.repeat(self.X_min, self.k, axis=0), self.X_min[nn.ravel()]], axis=1
            )
        )
        self.points.set_offsets(self.synthetic)
        self.ax.set_title(
            f"k_neighbors = {self.k}: {self.n_inside} of {self.n_samples} "
            "synthetic points nearer the majority"
        )
        self.redraw()
        return self.n_inside


def smote_explorer(seed=0):
    """Interactive SMOTE view: sliders for ``k_neighbors`` and the number of points.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the :class:`SmoteView`, ``.k`` and ``.n`` the sliders.
    """
    view = SmoteView(*smote_data(seed), k_neighbors=3, n_samples=60, seed=seed)
    k = widgets.IntSlider(
        value=3,
        min=1,
        max=len(view.X_min) - 1,
        description="k_neighbors",
        continuous_update=False,
    )
    n = widgets.IntSlider(
        value=60,
        min=10,
        max=300,
        step=10,
        description="n_samples",
        continuous_update=False,
    )

    def on_change(_):
        view.update(k.value, n.value)

    return explorer_box(
        view.figure, {"k": (k, on_change), "n": (n, on_change)}, explorer=view
    )


def smote_figure(k_values=(2, 10), n_samples=60, smote=None, seed=0):
    """The SMOTE view side by side for a small and a large ``k_neighbors``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    k_values = list(k_values)
    if not k_values:
        raise ValueError("k_values must name at least one k")
    X_min, X_maj = smote_data(seed)
    fig, axes = pyplot().subplots(
        1,
        len(k_values),
        figsize=(5.2 * len(k_values), 4.4),
        layout="constrained",
        squeeze=False,
    )
    for ax, k in zip(axes[0], k_values, strict=True):
        SmoteView(X_min, X_maj, k, n_samples, smote=smote, seed=seed, ax=ax)
        ax.title.set_fontsize(9)
    return fig


# ------------------------------------------------------------------------- 7. the leak
def leak_experiment(X_train, y_train, X_test, y_test, sampler="smote", seed=0):
    """Measure the resampling leak: where the sampler runs decides the score.

    A decision tree is evaluated four ways. *Resample, then split*: the whole data is
    resampled and then split, so copies of one row land on both sides. *Resample,
    then cross-validate*: the training set is resampled, then 5-fold cross-validated.
    *Pipeline in CV*: an imbalanced-learn ``Pipeline`` resamples only the training
    folds. *Held-out test*: the pipeline fitted on the training set, scored on the
    untouched test set, which is the truth the others try to estimate.

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels.
    sampler : {"smote", "oversample"}
        ``SMOTE`` or ``RandomOverSampler``.
    seed : int

    Returns
    -------
    pandas.DataFrame
        Rows are the protocols, columns ``F1`` and ``PR-AUC`` and ``leaks``.
    """
    samplers = {"oversample": RandomOverSampler, "smote": SMOTE}
    make = samplers[check_choice("sampler", sampler, sorted(samplers))]
    _check_split(X_train, y_train, X_test, y_test)
    tree = DecisionTreeClassifier(random_state=seed)
    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    scoring = {"F1": "f1", "PR-AUC": "average_precision"}

    def test_scores(model, X, y):
        proba = model.predict_proba(X)[:, 1]
        return {
            "F1": skm.f1_score(y, model.predict(X)),
            "PR-AUC": skm.average_precision_score(y, proba),
        }

    X_all = np.vstack([X_train, X_test])
    y_all = np.concatenate([y_train, y_test])
    X_r, y_r = make(random_state=seed).fit_resample(X_all, y_all)
    a, b, c, d = train_test_split(
        X_r, y_r, test_size=0.3, stratify=y_r, random_state=seed
    )
    rows = {"resample, then split": test_scores(tree.fit(a, c), b, d)}
    X_r, y_r = make(random_state=seed).fit_resample(X_train, y_train)
    cvr = cross_validate(tree, X_r, y_r, cv=cv, scoring=scoring)
    rows["resample, then cross-validate"] = {
        k: cvr[f"test_{k}"].mean() for k in scoring
    }
    pipe = make_pipeline(make(random_state=seed), tree)
    cvr = cross_validate(pipe, X_train, y_train, cv=cv, scoring=scoring)
    rows["imblearn Pipeline in CV"] = {k: cvr[f"test_{k}"].mean() for k in scoring}
    rows["held-out test set (truth)"] = test_scores(
        pipe.fit(X_train, y_train), X_test, y_test
    )
    table = pd.DataFrame(rows).T.round(3)
    table["leaks"] = [True, True, False, False]
    return table


def leak_figure(table):
    """Bars of F1 and PR-AUC per protocol from :func:`leak_experiment`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    missing = {"F1", "PR-AUC", "leaks"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    fig, axes = pyplot().subplots(
        1, 2, figsize=(10, 3.2), layout="constrained", sharey=True
    )
    names = list(table.index)
    colours = ["tab:red" if leak else "tab:green" for leak in table["leaks"]]
    colours[-1] = "tab:grey"
    truth = table.iloc[-1]
    for ax, metric in zip(axes, ("F1", "PR-AUC"), strict=True):
        bars = ax.barh(names, table[metric], color=colours)
        ax.bar_label(bars, fmt="%.2f", fontsize=8, padding=2)
        ax.axvline(truth[metric], color="black", ls="--", lw=1, zorder=0)
        ax.set(xlim=(0, 1.12), xlabel=metric, title=f"{metric}: estimate vs truth")
    axes[0].invert_yaxis()
    fig.suptitle(
        "Red: resampling leaked into the evaluation. Dashed: the held-out truth.",
        fontsize=10,
    )
    return fig


# -------------------------------------------------------------------- 8. strategies
def compare_strategies(X_train, y_train, X_test, y_test, threshold_fn=None, seed=0):
    """Class weights vs resampling vs threshold moving for one logistic regression.

    Each strategy trains a standardised logistic regression on the training set and
    is scored on the untouched test set. Threshold moving keeps the plain model and
    picks the threshold that maximises F1 on out-of-fold training predictions
    (rounded to 0.001: a finer grid of thresholds buys nothing).

    Parameters
    ----------
    X_train, y_train, X_test, y_test : array-like
        A split with 0/1 labels.
    threshold_fn : callable, optional
        ``threshold_fn(y_true, scores)`` returning the best threshold (your
        ``best_threshold``); the package's reference when omitted.
    seed : int

    Returns
    -------
    pandas.DataFrame
        One row per strategy: training rows, threshold, precision, recall,
        F1, ROC-AUC, PR-AUC and the mean predicted probability on the test set.
    """
    _check_split(X_train, y_train, X_test, y_test)
    threshold_fn = threshold_fn or best_threshold_fast
    strategies = {
        "nothing (threshold 0.5)": (None, {}),
        "class_weight='balanced'": (None, {"class_weight": "balanced"}),
        "RandomUnderSampler": (RandomUnderSampler(random_state=seed), {}),
        "RandomOverSampler": (RandomOverSampler(random_state=seed), {}),
        "SMOTE": (SMOTE(random_state=seed), {}),
        "threshold moving": (None, {}),
    }
    rows = {}
    for name, (sampler, options) in strategies.items():
        steps = (
            [StandardScaler()] + ([sampler] if sampler else []) + [_logreg(**options)]
        )
        model = make_pipeline(*steps)
        model.fit(X_train, y_train)
        n_rows = (
            len(sampler.fit_resample(X_train, y_train)[1]) if sampler else len(y_train)
        )
        threshold = 0.5
        if name == "threshold moving":
            cv = StratifiedKFold(5, shuffle=True, random_state=seed)
            oof = cross_val_predict(
                model, X_train, y_train, cv=cv, method="predict_proba"
            )[:, 1]
            threshold = float(threshold_fn(y_train, np.round(oof, 3)))
        proba = model.predict_proba(X_test)[:, 1]
        row = _scores(y_test, (proba >= threshold).astype(int), proba)
        del row["accuracy"], row["balanced accuracy"]
        rows[name] = {
            "train rows": len(y_train) if not sampler else n_rows,
            "threshold": threshold,
            **row,
            "mean P(fraud)": proba.mean(),
        }
    table = pd.DataFrame(rows).T
    table["train rows"] = table["train rows"].astype(int)
    return table.round(3)


def strategies_figure(table, prevalence=None):
    """Precision, recall, F1 and PR-AUC of each strategy, and its mean probability.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`compare_strategies`.
    prevalence : float, optional
        The test set's fraction of positives, drawn as a reference line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    metrics = ["precision", "recall", "F1", "PR-AUC"]
    missing = set(metrics + ["mean P(fraud)"]) - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    fig, (ax, ax_p) = pyplot().subplots(
        1,
        2,
        figsize=(11, 3.8),
        layout="constrained",
        width_ratios=[2.2, 1],
        sharey=True,
    )
    pos = np.arange(len(table))
    width = 0.2
    for m, metric in enumerate(metrics):
        ax.barh(pos + (m - 1.5) * width, table[metric], height=width, label=metric)
    ax.set_yticks(pos, table.index)
    ax.invert_yaxis()
    ax.set(
        xlim=(0, 1),
        xlabel="score on the test set",
        title="Same ranking (PR-AUC), different operating points",
    )
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=4)
    bars = ax_p.barh(pos, table["mean P(fraud)"], color="tab:purple", height=0.5)
    ax_p.bar_label(bars, fmt="%.3f", fontsize=8, padding=2)
    if prevalence is not None:
        ax_p.axvline(
            prevalence,
            color="black",
            ls="--",
            lw=1,
            label=f"true rate {prevalence:.3f}",
        )
        ax_p.legend(fontsize=8, loc="lower right")
    ax_p.set(
        xlabel="mean predicted P(fraud)",
        xlim=(0, 0.6),
        title="Predicted vs true fraud rate",
    )
    return fig


# ------------------------------------------------------------ 9. imbalance explorer
PREVALENCES = (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005)


def _ratio_metrics(prevalence, seed):
    y, s = datasets.screening_scores(prevalence, n_negative=3900, seed=seed)
    pred = (s >= 0.5).astype(int)
    return (
        y,
        s,
        {
            "accuracy": skm.accuracy_score(y, pred),
            "majority baseline": float(max(y.mean(), 1 - y.mean())),
            "balanced accuracy": skm.balanced_accuracy_score(y, pred),
            "ROC-AUC": skm.roc_auc_score(y, s),
            "PR-AUC": skm.average_precision_score(y, s),
        },
    )


@lru_cache(maxsize=4)
def _ratio_curves(seed):
    return {p: _ratio_metrics(p, seed)[2] for p in PREVALENCES}


class ImbalanceExplorer(Explorer):
    """One model's accuracy, ROC-AUC and PR-AUC as the positives get rarer.

    The same screening model (see :func:`interview_lab.datasets.screening_scores`) is
    scored at several class balances. Left: each metric against the prevalence, with
    the current balance marked. Middle and right: the ROC and precision-recall curves
    at the current balance.

    Parameters
    ----------
    prevalence : float, default=0.5
        One of :data:`PREVALENCES`.
    seed : int, default=0

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    marker : matplotlib.lines.Line2D
        The vertical line at the current prevalence.
    metrics : dict
        The metrics at the current prevalence.
    """

    COLOURS = {
        "accuracy": "tab:blue",
        "majority baseline": "grey",
        "balanced accuracy": "tab:cyan",
        "ROC-AUC": "tab:purple",
        "PR-AUC": "tab:green",
    }

    def __init__(self, prevalence=0.5, seed=0):
        self.seed = seed
        self.figure = new_figure(figsize=(12, 3.9), layout="constrained")
        self.ax_lines, self.ax_roc, self.ax_pr = self.figure.subplots(1, 3)
        curves = _ratio_curves(seed)
        ps = np.array(PREVALENCES)
        ax = self.ax_lines
        for name, colour in self.COLOURS.items():
            ax.plot(
                ps,
                [curves[p][name] for p in PREVALENCES],
                marker="o",
                ms=3,
                color=colour,
                ls=":" if name == "majority baseline" else "-",
                label=name,
            )
        ax.set_xscale("log")
        ax.invert_xaxis()
        ax.set(
            xlabel="fraction of positives (log scale)", ylabel="score", ylim=(0, 1.02)
        )
        ax.set_xticks(ps, [f"{p:.1%}".replace(".0%", "%") for p in ps], fontsize=7)
        ax.minorticks_off()
        legend = ax.legend(fontsize=7, loc="lower left")
        self.marker = ax.axvline(prevalence, color="black", lw=1.2, ls="--")
        # the marker spans the panel, under the legend and the frame
        animate(self.marker, legend, ax.title, frame=ax)
        ax = self.ax_roc
        (self.roc_line,) = ax.plot([], [], color="tab:purple", label="ROC-AUC")
        (diagonal,) = ax.plot([0, 1], [0, 1], ":", color="grey", label="random")
        ax.set(
            xlabel="false positive rate",
            ylabel="true positive rate",
            xlim=(0, 1),
            ylim=(0, 1.02),
        )
        self.roc_legend = ax.legend(fontsize=8, loc="lower right")
        animate(self.roc_line, diagonal, self.roc_legend, ax.title, frame=ax)
        ax = self.ax_pr
        (self.pr_line,) = ax.plot([], [], color="tab:green", label="PR-AUC")
        self.pr_random = ax.axhline(0.5, ls=":", color="grey", label="random")
        ax.set(xlabel="recall", ylabel="precision", xlim=(0, 1), ylim=(0, 1.02))
        self.pr_legend = ax.legend(fontsize=8, loc="lower left")
        animate(self.pr_line, self.pr_random, self.pr_legend, ax.title, frame=ax)
        self.update(prevalence)

    def update(self, prevalence):
        """Show the class balance ``prevalence``; return its metrics."""
        check_choice("prevalence", prevalence, PREVALENCES)
        y, s, self.metrics = _ratio_metrics(prevalence, self.seed)
        self.prevalence = prevalence
        self.marker.set_xdata([prevalence, prevalence])
        m = self.metrics
        self.ax_lines.set_title(
            f"{prevalence:.1%} positives: accuracy {m['accuracy']:.3f}, "
            f"do-nothing {m['majority baseline']:.3f}",
            fontsize=10,
        )
        fpr, tpr, _ = skm.roc_curve(y, s)
        prec, rec, _ = skm.precision_recall_curve(y, s)
        self.roc_line.set_data(fpr, tpr)
        self.roc_legend.get_texts()[0].set_text(f"ROC-AUC {m['ROC-AUC']:.3f}")
        self.ax_roc.set_title(f"ROC at {prevalence:.1%} positives")
        self.pr_line.set_data(rec, prec)
        self.pr_random.set_ydata([prevalence, prevalence])
        self.pr_legend.get_texts()[0].set_text(f"PR-AUC {m['PR-AUC']:.3f}")
        self.pr_legend.get_texts()[1].set_text(f"random = {prevalence:.3f}")
        self.ax_pr.set_title(f"Precision-recall at {prevalence:.1%} positives")
        self.redraw()
        return dict(self.metrics)


def imbalance_explorer(seed=0):
    """Interactive imbalance-ratio slider over :class:`ImbalanceExplorer`.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the figure object, ``.slider`` the control.
    """
    explorer = ImbalanceExplorer(PREVALENCES[0], seed=seed)
    slider = widgets.SelectionSlider(
        options=[(f"{p:.1%}", p) for p in PREVALENCES],
        value=PREVALENCES[0],
        description="positives",
        continuous_update=False,
        layout=widgets.Layout(width="480px"),
    )
    return explorer_box(
        explorer.figure, {"slider": (slider, explorer.update)}, explorer=explorer
    )
