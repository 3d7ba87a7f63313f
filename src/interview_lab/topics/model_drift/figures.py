"""09_model_drift: the figures, tables and the explorer the teaching cells call.

In notebook order: the drifting stream and the decay of a model trained once, PSI
on a worked example, the false-alarm rates of PSI and KS against the sample size,
the monitoring dashboard (PSI, KS and accuracy over time with alert thresholds; the
same figure static and as an explorer with drift-strength and window sliders), and
the comparison of retraining policies. They use the topic's own references, so they
work before the learner has written anything.
"""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ...validation import check_int, check_number
from ...widgets import Explorer, animate, explorer_box, new_figure, pyplot
from .core import (
    PSI_ALERT,
    PSI_WATCH,
    bin_proportions,
    cached_policy,
    drift_stream,
    false_alarm_rates,
    fit_logistic,
    quantile_edges,
    simulate_policy,
    window_monitors,
)

__all__ = [
    "DriftDashboard",
    "dashboard_figure",
    "drift_explorer",
    "false_alarm_figure",
    "policy_figure",
    "policy_table",
    "psi_bins_figure",
    "stream_figure",
]

TRAIN_BATCHES = 3


def _frozen_model(stream):
    Xr = stream.X[:TRAIN_BATCHES].reshape(-1, 2)
    return fit_logistic(Xr, stream.y[:TRAIN_BATCHES].ravel()), Xr


def stream_figure(stream=None):
    """The drifting stream: feature 0 before and after, and a frozen model's decay.

    Parameters
    ----------
    stream : Stream, optional
        From :func:`drift_stream`; ``drift_stream(1.0)`` by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    stream = drift_stream(1.0) if stream is None else stream
    w, Xr = _frozen_model(stream)
    acc = window_monitors(stream, w, Xr)["accuracy"]
    fig, (ax1, ax2) = pyplot().subplots(1, 2, figsize=(10, 3.6), layout="constrained")
    bins = np.linspace(-4, 6, 51)
    ax1.hist(Xr[:, 0], bins=bins, density=True, alpha=0.55, label="training (days 0-2)")
    late = stream.X[-5:, :, 0].ravel()
    ax1.hist(late, bins=bins, density=True, alpha=0.55, label="last 5 days")
    ax1.set(
        xlabel="feature 0", ylabel="density", title="Covariate drift: the input moves"
    )
    ax1.legend(fontsize=8)
    days = np.arange(stream.n_batches)
    ax2.plot(days, stream.bayes, ":", color="grey", label="best possible (Bayes)")
    ax2.plot(
        days[TRAIN_BATCHES:],
        acc[TRAIN_BATCHES:],
        color="tab:red",
        label="model trained once",
    )
    ax2.axvline(stream.onset, color="black", lw=1, ls="--", label="drift starts")
    ax2.set(
        xlabel="day",
        ylabel="accuracy",
        ylim=(0.4, 1.0),
        title="Concept + covariate drift: the model decays",
    )
    ax2.legend(fontsize=8, loc="lower left")
    return fig


def psi_bins_figure(expected, actual, n_bins: int = 10, eps: float = 1e-4):
    """The bin proportions of two samples over the quantile bins of ``expected``.

    Each bar pair is one bin; the label of a bin is its term (a − e)·ln(a / e).

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_bins = check_int("n_bins", n_bins, low=1)
    eps = check_number("eps", eps, low=0, open_low=True)
    edges = quantile_edges(expected, n_bins)
    e = np.maximum(bin_proportions(expected, edges), eps)
    a = np.maximum(bin_proportions(actual, edges), eps)
    terms = (a - e) * np.log(a / e)
    fig, ax = pyplot().subplots(figsize=(9, 3.4), layout="constrained")
    i = np.arange(n_bins)
    ax.bar(i - 0.2, e, width=0.4, label="expected (reference)")
    ax.bar(i + 0.2, a, width=0.4, label="actual (current)")
    for k in i:
        ax.text(k, max(e[k], a[k]) + 0.005, f"{terms[k]:.3f}", ha="center", fontsize=7)
    ax.set_xticks(i, [f"bin {k + 1}" for k in i], fontsize=7)
    ax.set(
        ylabel="share of the sample",
        ylim=(0, max(e.max(), a.max()) * 1.25),
        title=f"PSI = sum of the terms over the bars = {terms.sum():.3f}",
    )
    ax.legend(fontsize=8, loc="upper left")
    return fig


def false_alarm_figure(shift: float = 0.05, seed: int = 0):
    """How often PSI > 0.1 and KS p < 0.05 fire, against the sample size.

    Left: a stream with no drift (every alarm is false). Right: a shift of ``shift``
    standard deviations, too small to matter for most models.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, axes = pyplot().subplots(
        1, 2, figsize=(10, 3.5), layout="constrained", sharey=True
    )
    for ax, s, title in [
        (axes[0], 0.0, "No drift at all: every alarm is false"),
        (axes[1], float(shift), f"A negligible shift ({shift:g} sd)"),
    ]:
        r = false_alarm_rates(shift=s, seed=seed)
        ax.plot(r["sizes"], r["psi"], "o-", label="PSI > 0.1 (10 quantile bins)")
        ax.plot(r["sizes"], r["ks"], "s-", label="KS p < 0.05")
        ax.axhline(0.05, color="grey", ls=":", lw=1)
        ax.set(xscale="log", xlabel="samples in each window", title=title)
        ax.legend(fontsize=8, loc="upper center")
    axes[0].set_ylabel("share of windows that alert")
    return fig


# -------------------------------------------------------------------- the dashboard
@lru_cache(maxsize=64)
def _monitors(strength: float, window: int, seed: int = 0):
    stream = drift_stream(strength, seed=seed)
    w, Xr = _frozen_model(stream)
    return stream, window_monitors(stream, w, Xr, window)


#: The windows the dashboard's slider offers.
WINDOWS = range(1, 11)
#: Days watched on the 2 drift-free streams (60 days each, after 3 of training), and
#: on how many of them PSI > 0.1 and KS p < 0.05, for each window the slider offers,
#: as :func:`_count_false_alarms` counts them (a test counts them again): a window
#: change then monitors one stream, not 3.
_WATCHED_DAYS = 114
_FALSE_ALARM_DAYS = {
    1: (0, 8),
    2: (0, 8),
    3: (0, 9),
    4: (0, 9),
    5: (0, 7),
    6: (0, 8),
    7: (0, 6),
    8: (0, 6),
    9: (0, 7),
    10: (0, 10),
}


def _false_alarms(window: int):
    """Alarm rates of PSI > 0.1 and KS p < 0.05 over 2 drift-free streams."""
    if window in _FALSE_ALARM_DAYS:
        psi, ks = _FALSE_ALARM_DAYS[window]
        return psi / _WATCHED_DAYS, ks / _WATCHED_DAYS
    return _count_false_alarms(window)


@lru_cache(maxsize=16)
def _count_false_alarms(window: int):
    """:func:`_false_alarms` counted on the streams."""
    psi, ks = [], []
    for seed in (1, 2):
        _, m = _monitors(0.0, window, seed)
        psi.append(m["psi_score"][TRAIN_BATCHES:] > PSI_WATCH)
        ks.append(m["ks_p"][TRAIN_BATCHES:] < 0.05)
    return float(np.mean(psi)), float(np.mean(ks))


#: Where the dashboard's legends go: beside their panel, clear of the moving curves.
_BESIDE = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0}


class DriftDashboard(Explorer):
    """The monitoring dashboard of one drifting stream, updated in place.

    Three panels over time: the PSI of feature 0 and of the model's score (lines at
    0.1 and 0.25), the KS p-value of the score (line at 0.05), and the accuracy of
    the model trained once and of a triggered retraining policy (retrain on PSI of
    the score > 0.25, or on an accuracy drop of 5 points once labels arrive, 3 days
    late), with the best possible accuracy.

    Parameters
    ----------
    strength : float
        Drift strength of :func:`drift_stream` (0 = no drift).
    window : int
        Days of data pooled by each monitor.
    """

    def __init__(self, strength: float = 1.0, window: int = 3):
        self.figure = new_figure(figsize=(10, 7.2), layout="constrained")
        self.ax_psi, self.ax_ks, self.ax_acc = self.figure.subplots(3, 1, sharex=True)
        self.strength = check_number("strength", strength, low=0, high=3)
        self.window = check_int("window", window, low=1, high=30)
        stream, _ = _monitors(0.0, 1)
        days = np.arange(stream.n_batches)
        self.days, self.live = days, days >= TRAIN_BATCHES
        nan = np.full(days.size, np.nan)

        ax = self.ax_psi
        (self.psi_feature,) = ax.plot(
            days, nan, color="tab:purple", label="PSI feature 0"
        )
        (self.psi_score,) = ax.plot(days, nan, color="tab:blue", label="PSI score")
        ax.axhline(PSI_WATCH, color="orange", ls="--", lw=1, label="0.1 watch")
        ax.axhline(PSI_ALERT, color="red", ls="--", lw=1, label="0.25 act")
        (self.alert_marks,) = ax.plot(
            [], [], "v", color="red", ms=5, label="score alert"
        )
        ax.set_yscale("symlog", linthresh=0.1)
        ax.set(ylabel="PSI", ylim=(0, 20))
        ax.legend(fontsize=7, **_BESIDE)

        ax = self.ax_ks
        (self.ks_line,) = ax.plot(
            days, nan, color="tab:green", label="KS p-value of the score"
        )
        ax.axhline(0.05, color="red", ls="--", lw=1, label="alpha = 0.05")
        ax.set(ylabel="p-value", yscale="log", ylim=(1e-30, 5))
        ax.legend(fontsize=7, **_BESIDE)

        ax = self.ax_acc
        (self.bayes_line,) = ax.plot(
            days, nan, ":", color="grey", label="best possible"
        )
        (self.frozen_line,) = ax.plot(days, nan, color="tab:red", label="trained once")
        (self.policy_line,) = ax.plot(
            days, nan, color="tab:blue", label="retrained on alerts"
        )
        (self.retrain_marks,) = ax.plot(
            [], [], "|", color="tab:blue", ms=14, mew=2, label="retrain"
        )
        self.onset_lines = [
            a.axvline(stream.onset, color="black", ls="--", lw=1)
            for a in (self.ax_psi, self.ax_ks, self.ax_acc)
        ]
        self.onset_lines[-1].set_label("drift starts")
        ax.set(xlabel="day", ylabel="accuracy", ylim=(0.0, 1.08))
        ax.set_xlim(-0.5, days[-1] + 0.5)
        ax.legend(fontsize=7, **_BESIDE)
        # every curve changes and crosses the frame (and the thresholds between them);
        # the legends, beside the panels, stay in the background
        for ax in (self.ax_psi, self.ax_ks, self.ax_acc):
            animate(*ax.lines, ax.title, frame=ax)
        self._draw()

    def update_strength(self, strength: float) -> dict:
        """Redraw for another drift strength; return the numbers shown."""
        self.strength = check_number("strength", strength, low=0, high=3)
        return self._draw()

    def update_window(self, window: int) -> dict:
        """Redraw for another monitoring window; return the numbers shown."""
        self.window = check_int("window", window, low=1, high=30)
        return self._draw()

    def _draw(self) -> dict:
        strength, window = round(self.strength, 6), self.window
        stream, m = _monitors(strength, window)
        _, run = cached_policy(strength, window)
        days, live = self.days, self.live
        alerts = [int(t) for t in days[live] if m["psi_score"][t] > PSI_ALERT]
        first = alerts[0] if alerts else None
        fa_psi, fa_ks = _false_alarms(window)

        self.psi_feature.set_ydata(np.where(live, m["psi_feature"], np.nan))
        self.psi_score.set_ydata(np.where(live, m["psi_score"], np.nan))
        self.alert_marks.set_data(alerts, m["psi_score"][alerts])
        self.ks_line.set_ydata(np.where(live, np.maximum(m["ks_p"], 1e-30), np.nan))
        self.bayes_line.set_ydata(stream.bayes)
        self.frozen_line.set_ydata(np.where(live, m["accuracy"], np.nan))
        self.policy_line.set_ydata(run["accuracy"])
        self.retrain_marks.set_data(run["retrains"], [1.04] * len(run["retrains"]))
        for line in self.onset_lines:
            line.set_xdata([stream.onset] * 2)
        self.ax_psi.set_title(
            f"drift strength {strength:g}, window {window} day(s): first score alert "
            f"on day {first if first is not None else '-'} (drift starts on day "
            f"{stream.onset})\nfalse alarms on drift-free streams with this window: "
            f"PSI > 0.1 on {fa_psi:.0%} of days, KS p < 0.05 on {fa_ks:.0%}",
            fontsize=9,
        )
        frozen_lost = 100 * np.mean((stream.bayes - m["accuracy"])[live])
        self.ax_acc.set_title(
            f"retrained on alerts: {len(run['retrains'])} retrains, "
            f"{run['lost']:.1f} accuracy points lost a day on average "
            f"(trained once: {frozen_lost:.1f})",
            fontsize=9,
        )
        self.redraw()
        return {
            "first_alert": first,
            "alerts": len(alerts),
            "retrains": len(run["retrains"]),
            "lost": run["lost"],
            "lost_before_retrain": run["lost_before_retrain"],
            "lost_trained_once": float(frozen_lost),
            "false_alarm_psi": fa_psi,
            "false_alarm_ks": fa_ks,
        }


def dashboard_figure(strength: float = 1.0, window: int = 3):
    """The monitoring dashboard as one static figure (see :class:`DriftDashboard`)."""
    return DriftDashboard(strength, window).figure


def drift_explorer(strength: float = 1.0, window: int = 3):
    """The dashboard with a drift-strength slider and a monitoring-window slider.

    Returns
    -------
    ipywidgets.VBox
        The controls and the figure; ``.explorer`` holds the :class:`DriftDashboard`,
        ``.strength`` and ``.window`` the sliders.
    """
    dash = DriftDashboard(strength, window)
    strength_slider = widgets.FloatSlider(
        value=strength,
        min=0.0,
        max=2.0,
        step=0.25,
        description="drift",
        continuous_update=False,
    )
    window_slider = widgets.IntSlider(
        value=window,
        min=WINDOWS[0],
        max=WINDOWS[-1],
        description="window (days)",
        continuous_update=False,
        style={"description_width": "initial"},
    )
    return explorer_box(
        dash.figure,
        {
            "strength": (strength_slider, dash.update_strength),
            "window": (window_slider, dash.update_window),
        },
        explorer=dash,
    )


# ------------------------------------------------------------- retraining policies
POLICIES = [
    ("never retrain", {"policy": "none"}),
    ("scheduled, every 20 days", {"policy": "scheduled", "every": 20}),
    ("scheduled, every 10 days", {"policy": "scheduled", "every": 10}),
    ("scheduled, every 5 days", {"policy": "scheduled", "every": 5}),
    ("triggered, window 1 day", {"policy": "triggered", "window": 1}),
    ("triggered, window 5 days", {"policy": "triggered", "window": 5}),
]


_LABEL_AT = {  # label offsets (points) that keep the names apart
    "never retrain": (8, -4),
    "scheduled, every 10 days": (6, 6),
    "scheduled, every 5 days": (-4, 8),
    "triggered, window 1 day": (6, -12),
    "triggered, window 5 days": (-6, 8),
}


def policy_table(strength: float = 1.0, label_delay: int = 3, seeds=(0, 1, 2)):
    """Retraining policies compared on the same streams (mean over ``seeds``).

    Returns
    -------
    pandas.DataFrame
        One row per policy: ``retrains`` and ``accuracy lost`` (points below the
        best possible accuracy, averaged over the days).
    """
    strength = check_number("strength", strength, low=0)
    rows = []
    for name, kw in POLICIES:
        runs = [
            simulate_policy(
                drift_stream(strength, seed=s), label_delay=label_delay, **kw
            )
            for s in seeds
        ]
        rows.append(
            {
                "policy": name,
                "retrains": np.mean([len(r["retrains"]) for r in runs]),
                "accuracy lost": np.mean([r["lost"] for r in runs]),
            }
        )
    return pd.DataFrame(rows).set_index("policy").round(2)


def policy_figure(table):
    """Retrains spent against accuracy lost, one point per policy."""
    fig, ax = pyplot().subplots(figsize=(7.5, 3.8), layout="constrained")
    for name, row in table.iterrows():
        colour = "tab:blue" if name.startswith("triggered") else "tab:grey"
        colour = "tab:red" if name.startswith("never") else colour
        ax.plot(row["retrains"], row["accuracy lost"], "o", color=colour, ms=8)
        ax.annotate(
            name,
            (row["retrains"], row["accuracy lost"]),
            fontsize=8,
            xytext=_LABEL_AT.get(name, (6, 4)),
            ha="right" if _LABEL_AT.get(name, (6, 4))[0] < 0 else "left",
            textcoords="offset points",
        )
    ax.set(
        xlabel="retrains spent (60 days)",
        ylabel="accuracy lost (points a day)",
        xlim=(-0.5, table["retrains"].max() * 1.35 + 1),
        title="Retraining: what each policy spends and loses",
    )
    return fig
