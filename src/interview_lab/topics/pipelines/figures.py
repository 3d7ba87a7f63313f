"""07_pipelines: the tables, experiments, figures and explorer of the teaching cells.

In notebook order: a summary of the table's columns (missing values, categories the
training rows never saw), a preprocessor's output as a table, mean against median
imputation on a skewed column, and the leak explorer: four leaks (a feature selector
fitted before the split, a feature that leaks the target, tuning on the test set,
scaling and imputing before the split), each measured as the score a protocol
promises against the score its model gets on fresh data, as the leak grows. They use
the topic's own references, so they work before the learner has written anything.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.ticker import StrMethodFormatter
from scipy.stats import rankdata
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from threadpoolctl import threadpool_limits

from ...validation import check_choice, check_int, check_seed
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import (
    CATEGORICAL,
    NUMERIC,
    churn_data,
    pipeline_reference,
    preprocessor_reference,
)

__all__ = [
    "LEAKS",
    "LeakExplorer",
    "describe_columns",
    "imputation_figure",
    "leak_curves",
    "leak_explorer",
    "show_output",
]


# ------------------------------------------------------------------- 1. the table
def describe_columns(X_train, X_test) -> pd.DataFrame:
    """One row per column: its type, what is missing, what the test rows add.

    Parameters
    ----------
    X_train, X_test : pandas.DataFrame
        The same columns.

    Returns
    -------
    pandas.DataFrame
        ``dtype``, ``missing in train`` (share), ``distinct in train`` (values) and
        ``unseen in test``: test values of a text column that no training row has
        (the categories an encoder must survive), counted once each.
    """
    if list(X_train.columns) != list(X_test.columns):
        raise ValueError(
            "X_train and X_test must have the same columns, got "
            f"{list(X_train.columns)} and {list(X_test.columns)}"
        )
    rows = {}
    for col in X_train.columns:
        train, test = X_train[col], X_test[col]
        text = not pd.api.types.is_numeric_dtype(train)
        unseen = set(test.dropna()) - set(train.dropna()) if text else set()
        rows[col] = {
            "dtype": str(train.dtype),
            "missing in train": round(float(train.isna().mean()), 3),
            "distinct in train": int(train.nunique()),
            "unseen in test": ", ".join(sorted(map(str, unseen))) if unseen else "",
        }
    return pd.DataFrame(rows).T


# ------------------------------------------------------------- 2. the preprocessor
def show_output(preprocessor, X) -> pd.DataFrame:
    """A fitted preprocessor's output on ``X`` as a table, with its column names.

    Sparse output is densified; the names come from ``get_feature_names_out`` (plain
    numbers when the preprocessor has none).
    """
    out = preprocessor.transform(X)
    if hasattr(out, "toarray"):
        out = out.toarray()
    try:
        names = list(preprocessor.get_feature_names_out())
    except Exception:
        names = None
    return pd.DataFrame(np.asarray(out), index=X.index, columns=names).round(3)


def imputation_figure(values, column="monthly_charges"):
    """Histogram of a skewed column with its mean and median.

    Parameters
    ----------
    values : array-like or pandas.DataFrame
        The column's values (missing values are left out), or a table holding
        ``column``.
    column : str
        The column to draw when ``values`` is a table.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if hasattr(values, "columns"):
        values = values[column]
    v = pd.Series(np.asarray(values, dtype=float)).dropna().to_numpy()
    if v.size < 2:
        raise ValueError(f"need at least two non-missing values, got {v.size}")
    fig, ax = pyplot().subplots(figsize=(8, 3.2), layout="constrained")
    ax.hist(v, bins=50, color="tab:blue", alpha=0.6)
    for value, name, colour, style in [
        (np.mean(v), "mean", "tab:red", "--"),
        (np.median(v), "median", "black", "-"),
    ]:
        ax.axvline(value, color=colour, ls=style, lw=2, label=f"{name} = {value:.1f}")
    ax.set(
        xlabel=column,
        ylabel="customers",
        title="A skewed column: the mean is pulled towards the long tail, the median "
        "is not",
    )
    ax.legend()
    return fig


# ------------------------------------------------------------------ 3. the leaks
#: The leaks of the explorer: label, what the slider changes, its six values.
LEAKS = {
    "select": (
        "select features before the split",
        "noise columns added to the 9 real ones",
        (0, 200, 400, 600, 800, 1000),
    ),
    "target": (
        "a feature that leaks the target",
        "share of churners with retention_offer = 'yes'",
        (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
    ),
    "tuning": (
        "tune on the test set",
        "settings compared on the test set",
        (1, 12, 24, 36, 48, 60),
    ),
    "preprocess": (
        "scale and impute before the split",
        "share of values missing",
        (0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
    ),
}
_COLUMNS = ["leaky estimate", "leaky truth", "honest estimate", "honest truth"]


def _model(C=1.0):
    return LogisticRegression(C=C, max_iter=1000)


def _auc(model, X, y):
    return roc_auc_score(y, model.predict_proba(X)[:, 1])


def _split(X, y, test_size, seed):
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)


def _dense(pre, X):
    out = pre.transform(X)
    return out.toarray() if hasattr(out, "toarray") else np.asarray(out)


def _aucs(y, scores) -> np.ndarray:
    """ROC-AUC of each column of ``scores``, from ranks (Mann-Whitney; ties 1/2)."""
    y = np.asarray(y) == 1
    ranks = rankdata(scores, axis=0)
    n_pos, n_neg = y.sum(), (~y).sum()
    return (ranks[y].sum(axis=0) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def _ridge_weights(A, y, alpha=1.0):
    """Weights of a ridge classifier in closed form (the intercept does not rank)."""
    Z = A - A.mean(axis=0)
    return np.linalg.solve(Z.T @ Z + alpha * np.eye(A.shape[1]), Z.T @ (y - y.mean()))


def _preprocess_leak(missing, seed):
    X, y = churn_data(1200, missing=missing, seed=seed)
    X_tr, X_te, y_tr, y_te = _split(X, y, 0.5, seed)
    X_new, y_new = churn_data(1500, missing=missing, seed=seed + 1)
    pre = preprocessor_reference(NUMERIC, CATEGORICAL).fit(X)  # before the split
    leaky = _model().fit(pre.transform(X_tr), y_tr)
    honest = pipeline_reference(NUMERIC, CATEGORICAL, _model()).fit(X_tr, y_tr)
    return (
        _auc(leaky, pre.transform(X_te), y_te),
        _auc(leaky, pre.transform(X_new), y_new),
        _auc(honest, X_te, y_te),
        _auc(honest, X_new, y_new),
    )


@lru_cache(maxsize=4)
def _select_data(seed, reps=5, n_noise=1000):
    """Per repetition: the 300-row split and fresh rows, preprocessed, plus noise."""
    X, y = churn_data(300, seed=seed)
    X_new, y_new = churn_data(1000, seed=seed + 1)
    rng = np.random.default_rng(seed + 7)
    out = []
    for r in range(reps):
        X_tr, X_te, y_tr, y_te = _split(X, y, 0.25, seed + r)
        pre = preprocessor_reference(NUMERIC, CATEGORICAL).fit(X_tr)  # honest here
        parts = [
            np.hstack([_dense(pre, part), rng.normal(size=(len(part), n_noise))])
            for part in (X_tr, X_te, X_new)
        ]
        out.append((*parts, np.asarray(y_tr), np.asarray(y_te), np.asarray(y_new)))
    return out


def _select_leak(n_noise, seed, k=10):
    rows = []
    for A_tr, A_te, A_new, y_tr, y_te, y_new in _select_data(seed):
        keep = A_tr.shape[1] - 1000 + n_noise
        A_tr, A_te, A_new = A_tr[:, :keep], A_te[:, :keep], A_new[:, :keep]
        both = np.vstack([A_tr, A_te]), np.concatenate([y_tr, y_te])
        row = []
        for sel in (
            SelectKBest(f_classif, k=k).fit(*both),
            SelectKBest(f_classif, k=k).fit(A_tr, y_tr),
        ):
            cols = sel.get_support()
            w = _ridge_weights(A_tr[:, cols], y_tr)
            row += [_aucs(y_te, A_te[:, cols] @ w), _aucs(y_new, A_new[:, cols] @ w)]
        rows.append(row)
    return tuple(np.mean(rows, axis=0))


def _target_data(share, seed):
    X, y = churn_data(1600, leak=share, seed=seed)
    X_new, y_new = churn_data(1500, leak=share, seed=seed + 1)
    return (*_split(X, y, 0.5, seed), X_new, y_new)


@lru_cache(maxsize=4)
def _honest_target(seed):
    """The honest side of the target leak. Without ``retention_offer`` it is the
    same at every leak size (the leak changes that column alone), so it is fitted
    once."""
    X_tr, X_te, y_tr, y_te, X_new, y_new = _target_data(0.0, seed)
    honest = pipeline_reference(NUMERIC, CATEGORICAL, _model()).fit(X_tr, y_tr)
    return _auc(honest, X_te, y_te), _auc(honest, X_new, y_new)


def _target_leak(share, seed):
    X_tr, X_te, y_tr, y_te, X_new, y_new = _target_data(share, seed)
    at_prediction_time = X_new.assign(retention_offer="no")  # nobody asked yet
    leaky = pipeline_reference(NUMERIC, [*CATEGORICAL, "retention_offer"], _model())
    leaky.fit(X_tr, y_tr)
    return (
        _auc(leaky, X_te, y_te),
        _auc(leaky, at_prediction_time, y_new),
        *_honest_target(seed),
    )


@lru_cache(maxsize=4)
def _tuning_scores(seed, reps=16, n_settings=60):
    """Validation, test and fresh AUC of 60 settings, in each of 16 repetitions.

    Each repetition takes 400 new customers: 240 to fit on, 80 to validate on and 80
    to test on. A setting is a ridge classifier (closed form) on 2 to 5 of the
    numeric and small categorical columns, with its own alpha, fitted once on the 240.
    """
    small = ["plan", "contract", "payment"]
    columns = [*NUMERIC, *small]
    X, y = churn_data(1000 + 400 * reps, seed=seed + 50)
    X_new, y_new = churn_data(2000, seed=seed + 1)
    pre = preprocessor_reference(NUMERIC, small).fit(X.iloc[:1000])
    owner = np.array(
        [
            next(c for c in columns if n[5:].startswith(c))
            for n in pre.get_feature_names_out()
        ]
    )
    A, y = _dense(pre, X.iloc[1000:]), y.to_numpy()[1000:]
    A_new, y_new = _dense(pre, X_new), y_new.to_numpy()
    rng = np.random.default_rng(seed + 3)
    scores = np.empty((reps, n_settings, 3))
    for r in range(reps):
        rows = np.arange(400 * r, 400 * (r + 1))
        fit, val, test = rows[:240], rows[240:320], rows[320:]
        W = np.zeros((A.shape[1], n_settings))  # one column of weights per setting
        for i in range(n_settings):
            idx = np.isin(owner, rng.choice(columns, rng.integers(2, 6), replace=False))
            alpha = 10 ** rng.uniform(-1, 3)
            W[idx, i] = _ridge_weights(A[fit][:, idx], y[fit], alpha)
        for k, (part, target) in enumerate(
            [(A[val], y[val]), (A[test], y[test]), (A_new, y_new)]
        ):
            scores[r, :, k] = _aucs(target, part @ W)
    return scores


def _tuning_leak(n_settings, seed):
    scores = _tuning_scores(seed)[:, :n_settings]  # (reps, settings, val/test/fresh)
    reps = np.arange(len(scores))
    by_test = scores[reps, scores[:, :, 1].argmax(axis=1)]
    by_val = scores[reps, scores[:, :, 0].argmax(axis=1)]
    return (*by_test[:, 1:].mean(axis=0), *by_val[:, 1:].mean(axis=0))


_EXPERIMENTS = {
    "preprocess": _preprocess_leak,
    "select": _select_leak,
    "target": _target_leak,
    "tuning": _tuning_leak,
}


@lru_cache(maxsize=16)
def _curves(leak, seed):
    _, _, values = LEAKS[leak]
    with threadpool_limits(limits=1):  # small fits: threads only add overhead
        rows = [_EXPERIMENTS[leak](v, seed) for v in values]
    return pd.DataFrame(
        rows, index=pd.Index(values, name="leak size"), columns=_COLUMNS
    )


def leak_curves(leak="target", seed=0) -> pd.DataFrame:
    """A leak measured at six sizes: what each protocol promises and delivers.

    For every size of the leak (:data:`LEAKS`), the ROC-AUC that the *leaky* protocol
    and the *honest* one (a pipeline fitted on the training rows only; for the target
    leak, without the leaking column; for tuning, settings chosen on a validation
    split) report on their test set (``estimate``) and get on 4000 fresh customers
    (``truth``). The leak is the gap between an estimate and its truth.

    * ``"select"``: the 10 best of the real and noise columns chosen by a
      univariate test on all rows, test rows included, before the split, then a
      ridge classifier on them; 300 rows, averaged over 5 splits.
    * ``"target"``: ``retention_offer`` is known for churners in the historic data,
      but at prediction time nobody has asked to cancel yet (it is always "no").
    * ``"tuning"``: the best of the first k of 60 settings (column subsets and the
      ridge penalty) picked by its score on an 80-row test set, against picked on
      80 validation rows; averaged over 16 repetitions.
    * ``"preprocess"``: imputer, scaler and encoder fitted on all rows before the
      split.

    Parameters
    ----------
    leak : {"select", "target", "tuning", "preprocess"}
    seed : int

    Returns
    -------
    pandas.DataFrame
        Indexed by the leak size, columns ``leaky estimate``, ``leaky truth``,
        ``honest estimate``, ``honest truth``.
    """
    check_choice("leak", leak, list(LEAKS))
    return _curves(leak, check_seed(seed)).copy()


class LeakExplorer(Explorer):
    """A leak as it grows: the score each protocol promises and the score it gets.

    Left: the estimate (solid) and the truth on fresh data (dashed) of the leaky
    protocol (red) and the honest one (green) at each leak size, with the current
    size marked. Right: the four numbers at the current size.

    Parameters
    ----------
    leak : {"select", "target", "tuning", "preprocess"}
    size : int
        Index of the leak size, 0 (the first of :data:`LEAKS`' values) to 5.
    seed : int

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    lines : dict of str to Line2D
    bars : BarContainer
    """

    def __init__(self, leak="target", size=4, seed=0):
        self.seed = check_seed(seed)
        self.figure = new_figure(figsize=(10.5, 4.8), layout="constrained")
        self.ax, self.ax_bars = self.figure.subplots(
            1, 2, gridspec_kw={"width_ratios": [1.6, 1]}
        )
        styles = {
            "leaky estimate": ("tab:red", "-", "o"),
            "leaky truth": ("tab:red", "--", "s"),
            "honest estimate": ("tab:green", "-", "o"),
            "honest truth": ("tab:green", "--", "s"),
        }
        labels = {
            "leaky estimate": "leaky protocol: the score it reports",
            "leaky truth": "leaky protocol: its score on new customers",
            "honest estimate": "honest protocol: the score it reports",
            "honest truth": "honest protocol: its score on new customers",
        }
        self.lines = {
            name: self.ax.plot([], [], color=c, ls=ls, marker=m, label=labels[name])[0]
            for name, (c, ls, m) in styles.items()
        }
        self.marker = self.ax.axvline(0, color="grey", lw=6, alpha=0.25)
        self.figure.legend(
            handles=list(self.lines.values()), loc="outside lower center", ncols=2
        )
        self.ax.set_ylabel("ROC-AUC")
        # y tick labels of one width: the layout is fixed at the first draw, and a
        # leak with wider labels ("0.55" after "0.6") would push the label off the figure
        self.ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.2f}"))
        colours = [styles[n][0] for n in _COLUMNS]
        self.bars = self.ax_bars.bar(
            range(4), [0.5] * 4, color=colours, alpha=0.8, edgecolor="black"
        )
        for bar, name in zip(self.bars, _COLUMNS, strict=True):
            bar.set_hatch("//" if "truth" in name else "")
        self.ax_bars.set_xticks(range(4), [n.replace(" ", "\n") for n in _COLUMNS])
        self.labels = [
            self.ax_bars.text(i, 0, "", ha="center", va="bottom", fontsize=9)
            for i in range(4)
        ]
        # a size moves the marker (across the panel) and the bars (from the frame)
        animate(self.marker, frame=self.ax)
        animate(*self.bars, *self.labels, self.ax_bars.title, frame=self.ax_bars)
        self.size = check_int("size", size, 0, 5)
        for key in LEAKS:  # every leak now, so that a control never waits for one
            _curves(key, self.seed)
        self.set_leak(leak)

    def set_leak(self, leak) -> dict:
        """Show another leak (at the current size); return the numbers shown."""
        self.leak = check_choice("leak", leak, list(LEAKS))
        self.table = _curves(self.leak, self.seed)
        title, xlabel, values = LEAKS[self.leak]
        x = np.arange(len(values))
        for name, line in self.lines.items():
            line.set_data(x, self.table[name].to_numpy())
        self.ax.set_xticks(x, [f"{v:g}" for v in values])
        low = np.floor((float(self.table.min().min()) - 0.03) * 20) / 20
        high = min(1.03, float(self.table.max().max()) + 0.08)
        self.ax.set_ylim(low, high)
        self.ax_bars.set_ylim(low, high)

        self.ax.set_xlim(-0.3, len(values) - 0.7)
        self.ax.set_xlabel(xlabel)
        self.ax.set_title(f"Leak: {title}")
        self.background_changed()
        return self.update(self.size)

    def update(self, size) -> dict:
        """Move to leak size ``size`` (0 to 5); return the four AUCs and the gap.

        Returns
        -------
        dict
            The four columns of :func:`leak_curves` at that size, ``"value"`` (the
            leak's own size) and ``"gap"``, leaky estimate minus leaky truth.
        """
        self.size = check_int("size", size, 0, 5)
        row = self.table.iloc[self.size]
        self.marker.set_xdata([self.size, self.size])
        for bar, label, name in zip(self.bars, self.labels, _COLUMNS, strict=True):
            bar.set_height(row[name])
            label.set_position((bar.get_x() + bar.get_width() / 2, row[name] + 0.01))
            label.set_text(f"{row[name]:.3f}")
        gap = float(row["leaky estimate"] - row["leaky truth"])
        value = self.table.index[self.size]
        self.ax_bars.set_title(
            f"At {value:g}: the leaky protocol promises\n{row['leaky estimate']:.3f} "
            f"and delivers {row['leaky truth']:.3f} (gap {gap:+.3f})",
            fontsize=10,
        )
        self.redraw()
        return {**{n: float(row[n]) for n in _COLUMNS}, "value": value, "gap": gap}


def leak_explorer(leak="target", size=4, seed=0):
    """Interactive leak explorer: a dropdown for the leak, a slider for its size.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure; ``.explorer`` is the :class:`LeakExplorer`,
        ``.size`` and ``.leak`` the controls.
    """
    explorer = LeakExplorer(leak, size, seed)
    slider = widgets.IntSlider(
        value=explorer.size,
        min=0,
        max=5,
        description="leak size",
        continuous_update=False,
    )
    dropdown = widgets.Dropdown(
        options=[(label, key) for key, (label, _, _) in LEAKS.items()],
        value=explorer.leak,
        description="leak",
        layout=widgets.Layout(width="380px"),
    )
    return explorer_box(
        explorer.figure,
        {"size": (slider, explorer.update), "leak": (dropdown, explorer.set_leak)},
        explorer=explorer,
    )
