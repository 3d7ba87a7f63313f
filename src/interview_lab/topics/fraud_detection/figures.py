"""08_fraud_detection: the tables, experiments, figures and explorer of the notebook.

In notebook order: the transaction stream (frauds per day by pattern, hour of day,
amounts), one fraud burst as the features see it, the evaluation measured four ways
(random against time split, a feature that ignores the label delay offline and in
production), the three models trained for the latency comparison, the speed/accuracy
trade-off, the cost and alert-budget explorer, and the label delay. Models are
trained on one thread (``threadpool_limits(1)``): a scoring service gives each
request one core, and a shared machine is not oversubscribed.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.ticker import NullFormatter
from sklearn import metrics as skm
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from ...validation import check_choice
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import (
    COST_FN,
    COST_FP,
    PATTERNS,
    cost_curve,
    cost_threshold_fast,
    feature_matrix,
)

__all__ = [
    "BUDGETS",
    "RATIOS",
    "CostExplorer",
    "burst_table",
    "cost_explorer",
    "evaluation_figure",
    "evaluation_table",
    "label_delay_figure",
    "score",
    "stream_figure",
    "tradeoff_figure",
    "tradeoff_table",
    "train_models",
]

_PATTERN_COLOURS = {
    "card testing": "tab:orange",
    "night spree": "tab:purple",
    "gift-card scam": "tab:red",
}


def _days(times) -> int:
    """Calendar days a set of timestamps covers (at least 1)."""
    times = pd.to_datetime(pd.Series(times))
    return max(1, int(times.dt.normalize().nunique()))


def _labelled(frame, name):
    if not isinstance(frame, pd.DataFrame) or "is_fraud" not in frame:
        raise ValueError(f"{name} must be a DataFrame with an is_fraud column")
    if frame["is_fraud"].nunique() != 2:
        raise ValueError(f"{name} must hold frauds and legitimate transactions")
    return frame["is_fraud"].to_numpy()


# ------------------------------------------------------------------------ the stream
def stream_figure(tx, test_fraction=0.3):
    """The simulated stream: frauds per day by pattern, hour of day, amounts.

    Parameters
    ----------
    tx : pandas.DataFrame
        From :func:`~.core.transactions`.
    test_fraction : float
        Where the time split of exercise 1 will cut is marked on the first panel.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (ax_day, ax_hour, ax_amount) = pyplot().subplots(
        1, 3, figsize=(13, 3.8), layout="constrained"
    )
    day = (tx["time"] - tx["time"].min()).dt.days
    bottom = np.zeros(day.max() + 1)
    for pattern in PATTERNS:
        counts = np.bincount(day[tx["pattern"] == pattern], minlength=len(bottom))
        ax_day.bar(
            np.arange(len(bottom)),
            counts,
            bottom=bottom,
            width=1.0,
            color=_PATTERN_COLOURS[pattern],
            label=pattern,
        )
        bottom += counts
    cut = tx["time"].sort_values().iloc[int(len(tx) * (1 - test_fraction))]
    ax_day.axvline(
        (cut - tx["time"].min()).days,
        color="black",
        ls="--",
        lw=1.2,
        label="time split (exercise 1)",
    )
    ax_day.set_ylim(0, bottom.max() * 1.25)
    ax_day.set(
        xlabel="day",
        ylabel="frauds per day",
        title=f"{tx['is_fraud'].mean():.2%} of {len(tx):,} transactions are fraud",
    )
    ax_day.legend(fontsize=8, loc="upper left")

    bins = np.arange(25)
    legit = tx["pattern"] == "legit"
    ax_hour.hist(
        tx.loc[legit, "hour"], bins=bins, density=True, color="tab:blue", alpha=0.45
    )
    ax_hour.hist([], color="tab:blue", alpha=0.45, label="legitimate")
    for pattern in PATTERNS:
        ax_hour.hist(
            tx.loc[tx["pattern"] == pattern, "hour"],
            bins=bins,
            density=True,
            histtype="step",
            lw=1.6,
            color=_PATTERN_COLOURS[pattern],
            label=pattern,
        )
    ax_hour.set(
        xlabel="hour of day",
        ylabel="share per hour",
        title="When",
        xticks=[0, 6, 12, 18, 24],
    )
    ax_hour.legend(fontsize=8, loc="upper right")

    groups = ["legit", *PATTERNS]
    amounts = [tx.loc[tx["pattern"] == g, "amount"].to_numpy() for g in groups]
    box = ax_amount.boxplot(
        amounts,
        orientation="horizontal",
        whis=(5, 95),
        showfliers=False,
        patch_artist=True,
        widths=0.6,
    )
    for patch, g in zip(box["boxes"], groups, strict=True):
        patch.set_facecolor(_PATTERN_COLOURS.get(g, "tab:blue"))
        patch.set_alpha(0.6)
    ax_amount.set_yticks(np.arange(1, len(groups) + 1), ["legitimate", *PATTERNS])
    ax_amount.set_xscale("log")
    ax_amount.set(
        xlabel="amount ($, log scale)", title="How much (boxes: middle half; 5-95%)"
    )
    return fig


def burst_table(feats, pattern="card testing", before=2):
    """One card's transactions around its first fraud of ``pattern``, with features.

    Parameters
    ----------
    feats : pandas.DataFrame
        From :func:`~.core.add_features`.
    pattern : str
        One of the fraud patterns.
    before : int
        Legitimate transactions of the card shown before the burst.

    Returns
    -------
    pandas.DataFrame
    """
    check_choice("pattern", pattern, PATTERNS)
    earlier = feats.groupby("card_id").cumcount()
    late = feats["time"] >= feats["time"].min() + pd.Timedelta(days=7)
    starts = (feats["pattern"] == pattern) & (feats["card_frauds_naive"] == 0)
    first = feats.index[starts & (earlier >= before) & late][0]
    card = feats.loc[first, "card_id"]
    rows = feats[feats["card_id"] == card]
    start = rows.index.get_loc(first) - before
    columns = [
        "time",
        "merchant",
        "amount",
        "is_fraud",
        "card_txns_1h",
        "log_mins_since_last",
        "amount_vs_card",
        "card_frauds_known",
        "card_frauds_naive",
    ]
    table = rows.iloc[start : start + before + 6][columns]
    table = table.round({"amount": 2, "log_mins_since_last": 2, "amount_vs_card": 2})
    return table.assign(amount_vs_card=table["amount_vs_card"] + 0.0)  # no -0.0


# ---------------------------------------------------------------------- evaluation
def _booster():
    return HistGradientBoostingClassifier(
        max_iter=100, max_leaf_nodes=15, early_stopping=False, random_state=0
    )


def _fit_score(train, test, extra=(), test_frame=None):
    y = _labelled(train, "train")
    with threadpool_limits(1):
        model = _booster().fit(feature_matrix(train, extra), y)
        frame = test if test_frame is None else test_frame
        return model.predict_proba(feature_matrix(frame, extra))[:, 1]


def _ranking(y, s):
    return {
        "PR-AUC": skm.average_precision_score(y, s),
        "ROC-AUC": skm.roc_auc_score(y, s),
    }


def evaluation_table(random_split, time_split):
    """The same gradient-boosting model evaluated four ways.

    1. a random split (what a shuffled ``train_test_split`` reports);
    2. the time split, point-in-time features (the honest estimate);
    3. the time split with ``card_frauds_naive``, the card's earlier frauds counted
       from today's labels: evaluated offline, where the feature is as in training;
    4. that same model in production, where only chargebacks received by then are
       known (``card_frauds_known`` is served in its place).

    Parameters
    ----------
    random_split, time_split : tuple of DataFrames
        ``(train, test)`` with the columns of :func:`~.core.add_features`.

    Returns
    -------
    pandas.DataFrame
        PR-AUC and ROC-AUC per row, and the fraud rate of each test set.
    """
    (r_train, r_test), (t_train, t_test) = random_split, time_split
    y_r, y_t = _labelled(r_test, "random test"), _labelled(t_test, "time test")
    served = t_test.assign(card_frauds_naive=t_test["card_frauds_known"])
    extra = ("card_frauds_naive",)
    rows = {
        "random split": (y_r, _fit_score(r_train, r_test)),
        "time split": (y_t, _fit_score(t_train, t_test)),
        "time split + card's earlier frauds (offline)": (
            y_t,
            _fit_score(t_train, t_test, extra),
        ),
        "same model in production (label delay)": (
            y_t,
            _fit_score(t_train, t_test, extra, test_frame=served),
        ),
    }
    table = pd.DataFrame(
        {
            name: {**_ranking(y, s), "fraud rate": y.mean()}
            for name, (y, s) in rows.items()
        }
    ).T
    table.index.name = "evaluation"
    return table.round(3)


def evaluation_figure(table):
    """PR-AUC of each evaluation in :func:`evaluation_table`, the honest one marked.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, ax = pyplot().subplots(figsize=(9, 3.2), layout="constrained")
    names = list(table.index)[::-1]
    values = table.loc[names, "PR-AUC"].to_numpy()
    colours = [
        "tab:blue"
        if n in ("time split", "same model in production (label delay)")
        else "tab:orange"
        for n in names
    ]
    ax.barh(names, values, color=colours)
    for i, v in enumerate(values):
        ax.text(v + 0.01, i, f"{v:.2f}", va="center", fontsize=9)
    ax.set(
        xlim=(0, 1.08),
        xlabel="PR-AUC on the test set (average precision)",
        title="Orange: what an offline evaluation promises. Blue: what production gets",
    )
    return fig


# ------------------------------------------------------------- models and latency
def train_models(fit, seed=0):
    """Three models of growing size, fitted on one thread on ``fit``.

    A standardised logistic regression, gradient boosting (100 trees of 15 leaves)
    and a random forest of 300 trees. The forest is fitted on two cores and then set
    to predict on one, as a scoring service would run it.

    Parameters
    ----------
    fit : pandas.DataFrame
        Training rows with the columns of :func:`~.core.add_features`.
    seed : int

    Returns
    -------
    dict
        ``{name: fitted model}``.
    """
    y = _labelled(fit, "fit")
    X = feature_matrix(fit)
    models = {
        "logistic regression": make_pipeline(
            StandardScaler(), LogisticRegression(max_iter=1000)
        ),
        "gradient boosting (100 trees)": _booster().set_params(random_state=seed),
        "random forest (300 trees)": RandomForestClassifier(
            n_estimators=300,
            max_depth=10,
            min_samples_leaf=5,
            max_samples=0.3,
            n_jobs=2,
            random_state=seed,
        ),
    }
    with threadpool_limits(1):
        for model in models.values():
            model.fit(X, y)
    models["random forest (300 trees)"].set_params(n_jobs=None)
    return models


def score(model, frame):
    """P(fraud) for each row of ``frame`` (one thread)."""
    with threadpool_limits(1):
        return model.predict_proba(feature_matrix(frame))[:, 1]


def tradeoff_table(models, latency, val, test, cost_fp=COST_FP, cost_fn=COST_FN):
    """Speed against accuracy: latency, PR-AUC and cost per day of each model.

    Each model's threshold is the cost-optimal one on the validation rows; the cost
    per day is then measured on the test rows at that threshold.

    Parameters
    ----------
    models : dict
        From :func:`train_models`.
    latency : pandas.DataFrame
        Measured latencies, one row per model (as the notebook measures them).
    val, test : pandas.DataFrame
        Validation and test rows (time-ordered after the training rows).
    cost_fp, cost_fn : float

    Returns
    -------
    pandas.DataFrame
    """
    y_val, y_test = _labelled(val, "val"), _labelled(test, "test")
    days = _days(test["time"])
    rows = {}
    for name, model in models.items():
        t = cost_threshold_fast(y_val, score(model, val), cost_fp, cost_fn)
        s = score(model, test)
        flagged = s >= t
        fp = int(np.sum(flagged & (y_test == 0)))
        fn = int(np.sum(~flagged & (y_test == 1)))
        rows[name] = {
            **latency.loc[name].to_dict(),
            "PR-AUC": skm.average_precision_score(y_test, s),
            "threshold (val)": t,
            "alerts per day": flagged.sum() / days,
            "recall": 1 - fn / y_test.sum(),
            "cost per day ($)": (fp * cost_fp + fn * cost_fn) / days,
        }
    return pd.DataFrame(rows).T


def tradeoff_figure(table):
    """Latency (one transaction and in batches) against cost per day, per model.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (ax_lat, ax_cost) = pyplot().subplots(
        1, 2, figsize=(12, 3.6), layout="constrained"
    )
    names = list(table.index)
    one, batch = table.columns[0], table.columns[1]
    y = np.arange(len(names))
    ax_lat.barh(y + 0.2, table[one], height=0.4, color="tab:red", label=one)
    ax_lat.barh(y - 0.2, table[batch], height=0.4, color="tab:green", label=batch)
    ax_lat.set_yticks(y, names)
    ax_lat.set_xscale("log")
    ax_lat.set(xlabel="milliseconds per transaction (log scale)", title="Speed")
    ax_lat.legend(fontsize=8, loc="lower right")
    lat = table[one].to_numpy(dtype=float)
    cost = table["cost per day ($)"].to_numpy(dtype=float)
    ax_cost.scatter(
        lat, cost, s=80, color=["tab:blue", "tab:orange", "tab:green"][: len(names)]
    )
    for name, x, c in zip(names, lat, cost, strict=True):
        ax_cost.annotate(
            f"{name}\nPR-AUC {table.loc[name, 'PR-AUC']:.2f}, \\${c:,.0f}/day",
            (x, c),
            (0, -12),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8,
        )
    ax_cost.set_xscale("log")
    ax_cost.set_xlim(lat.min() / 20, lat.max() * 20)
    ax_cost.set_ylim(0, cost.max() * 1.25)
    ax_cost.xaxis.set_minor_formatter(NullFormatter())
    ax_cost.set(
        xlabel=f"{one} (log scale)",
        ylabel="cost per day on the test days ($)",
        title="Accuracy: cost at the threshold chosen on validation",
    )
    return fig


# ----------------------------------------------------------------------- explorer
#: Cost ratios offered by the explorer: a missed fraud costs this many false alarms.
RATIOS = (1, 2, 5, 10, 30, 100, 300, 1000)
#: Alert budgets offered by the explorer: alerts the team can review per day.
BUDGETS = (1, 2, 5, 10, 20, 50, 100, 200)


class CostExplorer(Explorer):
    """The cost of each threshold for a cost ratio, and the alerts a team can review.

    Left: the cost per day of every threshold (a false alarm costs ``cost_fp``, a
    miss ``ratio`` times that), its minimum marked, and the threshold the alert
    budget allows. Right: recall and precision against alerts per day, with the
    cost-optimal point and the budget's point.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float
    times : array-like of datetimes
        When each transaction happened (for alerts per day).
    ratio : one of :data:`RATIOS`
    budget : one of :data:`BUDGETS`
    cost_fp : float
        Dollars per false alarm.
    """

    def __init__(self, y_true, scores, times, ratio=30, budget=10, cost_fp=COST_FP):
        self.y = np.asarray(y_true).astype(int).ravel()
        self.s = np.asarray(scores, dtype=float).ravel()
        if self.y.shape != self.s.shape or len(times) != len(self.y):
            raise ValueError(
                f"y_true, scores and times must have one length, got {len(self.y)}, "
                f"{len(self.s)} and {len(times)}"
            )
        if self.y.min() == self.y.max():
            raise ValueError("y_true must hold frauds and legitimate transactions")
        self.cost_fp = float(cost_fp)
        self.days = _days(times)
        self.t, self.fp, self.fn = cost_curve(self.y, self.s)
        positives = self.y.sum()
        tp = positives - self.fn
        self.alerts = (tp + self.fp) / self.days
        self.recall = tp / positives
        self.precision = tp / (tp + self.fp)

        self.figure = new_figure(figsize=(12, 4.2), layout="constrained")
        self.ax_cost, self.ax_ops = self.figure.subplots(1, 2)
        log_x = self.s.min() > 0
        (self.cost_line,) = self.ax_cost.plot([], [], color="tab:blue", lw=1.6)
        (self.best_point,) = self.ax_cost.plot([], [], "o", color="tab:red", ms=8)
        self.best_line = self.ax_cost.axvline(self.t[0], color="tab:red", lw=1)
        self.budget_line = self.ax_cost.axvline(
            self.t[0], color="black", ls="--", lw=1.2, label="alert budget"
        )
        if log_x:
            self.ax_cost.set_xscale("log")
        self.ax_cost.set(xlabel="threshold (predict fraud when score >= t)")
        self.ax_cost.set_ylabel("expected cost per day ($)")

        ax = self.ax_ops
        ax.plot(self.alerts, self.recall, color="tab:green", lw=1.6, label="recall")
        ax.plot(
            self.alerts,
            self.precision,
            color="tab:purple",
            lw=1.2,
            ls=":",
            label="precision",
        )
        ax.set_xscale("log")
        ax.set(
            xlabel="alerts per day (log scale)",
            ylabel="share",
            ylim=(-0.02, 1.05),
            xlim=(max(self.alerts.min(), 0.05), self.alerts.max() * 1.2),
        )
        (self.ops_best,) = ax.plot(
            [], [], "o", color="tab:red", ms=8, label="least cost"
        )
        (self.ops_budget,) = ax.plot([], [], "s", color="black", ms=7, label="budget")
        self.ops_budget_line = ax.axvline(1, color="black", ls="--", lw=1.2)
        # the cost panel changes whole (its y range too); on the other, the points
        animate(
            *self.ax_cost.lines,
            self.ax_cost.legend(fontsize=8, loc="upper right"),
            self.ax_cost.title,
            self.ax_cost.yaxis,  # the cost range changes with the ratio
            frame=self.ax_cost,
        )
        animate(
            self.ops_best,
            self.ops_budget,
            self.ops_budget_line,
            ax.legend(fontsize=8, loc="upper left"),
            ax.title,
            frame=ax,
        )
        self.ratio, self.budget = ratio, budget
        self.update_ratio(ratio, draw=False)
        self.update_budget(budget)

    def _at(self, i):
        return {
            "threshold": float(self.t[i]),
            "alerts_per_day": float(self.alerts[i]),
            "recall": float(self.recall[i]),
            "precision": float(self.precision[i]),
        }

    def update_ratio(self, ratio, draw=True):
        """Show the costs when a miss costs ``ratio`` false alarms; return the optimum.

        Returns
        -------
        dict
            ``threshold, alerts_per_day, recall, precision, cost_per_day`` at the
            cost-optimal threshold.
        """
        check_choice("ratio", ratio, RATIOS)
        self.ratio = ratio
        cost = self.cost_fp * (self.fp + ratio * self.fn) / self.days
        i = int(np.argmin(cost))
        self.cost_line.set_data(self.t, cost)
        self.best_point.set_data([self.t[i]], [cost[i]])
        self.best_line.set_xdata([self.t[i], self.t[i]])
        self.ops_best.set_data([self.alerts[i]], [self.recall[i]])
        self.ax_cost.relim()
        self.ax_cost.autoscale_view()
        self.ax_cost.set_ylim(0, min(cost.max(), 8 * cost[i] + 1) * 1.05)
        self.ax_cost.set_title(
            f"a miss = {ratio} false alarms (\\${self.cost_fp * ratio:,.0f}): best "
            f"t = {self.t[i]:.3g}, \\${cost[i]:,.0f} per day",
            fontsize=10,
        )
        self.optimum = {**self._at(i), "cost_per_day": float(cost[i])}
        if draw:
            self.redraw()
        return dict(self.optimum)

    def update_budget(self, budget):
        """Show the threshold that keeps alerts within ``budget`` per day.

        It is the lowest threshold whose alerts per day stay within the budget (the
        highest score when even that one exceeds it).

        Returns
        -------
        dict
            ``threshold, alerts_per_day, recall, precision`` at that threshold.
        """
        check_choice("budget", budget, BUDGETS)
        self.budget = budget
        within = np.flatnonzero(self.alerts <= budget)
        i = int(within[-1]) if len(within) else 0
        self.budget_line.set_xdata([self.t[i], self.t[i]])
        self.ops_budget.set_data([self.alerts[i]], [self.recall[i]])
        self.ops_budget_line.set_xdata([budget, budget])
        at = self._at(i)
        self.ax_ops.set_title(
            f"budget {budget} alerts/day: t = {at['threshold']:.3g}, recall "
            f"{at['recall']:.2f}, precision {at['precision']:.2f}",
            fontsize=10,
        )
        self.redraw()
        return at


def cost_explorer(y_true, scores, times, ratio=30, budget=10):
    """Interactive cost ratio and alert budget over :class:`CostExplorer`.

    Returns
    -------
    ipywidgets.VBox
        ``.explorer`` holds the figure object, ``.ratio`` and ``.budget`` the
        sliders.
    """
    explorer = CostExplorer(y_true, scores, times, ratio=ratio, budget=budget)
    ratio_slider = widgets.SelectionSlider(
        options=[(f"1 : {r}", r) for r in RATIOS],
        value=ratio,
        description="alarm : miss",
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    budget_slider = widgets.SelectionSlider(
        options=[(str(b), b) for b in BUDGETS],
        value=budget,
        description="alerts per day",
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="420px"),
    )
    return explorer_box(
        explorer.figure,
        {
            "ratio": (ratio_slider, explorer.update_ratio),
            "budget": (budget_slider, explorer.update_budget),
        },
        explorer=explorer,
    )


# ----------------------------------------------------------------------- label delay
def label_delay_figure(train):
    """How late frauds are confirmed, and what the training data knows on its last day.

    Parameters
    ----------
    train : pandas.DataFrame
        Rows with ``time``, ``is_fraud`` and ``label_delay_days``; its latest time is
        taken as "today", the day a model is retrained.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fraud = train[train["is_fraud"] == 1]
    if fraud.empty:
        raise ValueError("train holds no fraud")
    now = train["time"].max()
    fig, (ax_cdf, ax_known) = pyplot().subplots(
        1, 2, figsize=(12, 3.6), layout="constrained"
    )
    delay = np.sort(fraud["label_delay_days"].to_numpy())
    ax_cdf.step(delay, np.arange(1, len(delay) + 1) / len(delay), where="post")
    for d in (7, 14, 30):
        share = np.mean(delay <= d)
        ax_cdf.plot([d], [share], "o", color="black")
        ax_cdf.annotate(
            f"{share:.0%} within {d} days",
            (d, share),
            (6, -12),
            textcoords="offset points",
            fontsize=8,
        )
    ax_cdf.set(
        xlabel="days from the transaction to the chargeback",
        ylabel="share of frauds confirmed",
        title="Labels arrive late",
        ylim=(0, 1.02),
    )
    age = (now - fraud["time"]).dt.days
    arrived = (
        fraud["time"] + pd.to_timedelta(fraud["label_delay_days"], unit="D") <= now
    )
    by_age = pd.DataFrame({"age": age, "known": arrived}).groupby("age")["known"]
    shares = by_age.mean().reindex(np.arange(age.max() + 1))
    ax_known.axvspan(
        -0.5, 14, color="tab:red", alpha=0.12, label="younger than 14 days"
    )
    ax_known.bar(shares.index, shares.to_numpy(), width=0.9, color="tab:blue")
    ax_known.invert_xaxis()
    ax_known.legend(fontsize=8, loc="upper left")
    ax_known.set(
        xlabel="days before the last training day",
        ylabel="share of that day's frauds labelled",
        title=f"On {now:%d %b}, {arrived.mean():.0%} of the frauds in the data are known",
        ylim=(0, 1.2),
        yticks=np.linspace(0, 1, 6),
    )
    return fig
