"""10_recommender: the figures, tables and explorer of the notebook.

In notebook order: the ratings matrix and its long tail, the item similarity matrix,
the user explorer (a user's history, their recommendations and the rated items
behind each), the offline evaluation at several k, the popularity bias of each
recommender, the cold start, and the cost of scoring at scale.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from ...validation import check_int
from ...widgets import Explorer, animate, explorer_box, new_figure
from .core import (
    GENRES,
    as_ratings,
    because,
    item_similarity_reference,
    precision_at_k_reference,
    rank_items,
    recall_at_k_reference,
)

__all__ = [
    "UserExplorer",
    "evaluation_figure",
    "evaluation_table",
    "popularity_bias_figure",
    "popularity_bias_table",
    "ratings_figure",
    "scale_table",
    "similarity_figure",
    "user_explorer",
]

_COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:purple")


def _genre_order(genre, counts):
    """Items grouped by genre, most rated first within a genre."""
    return np.lexsort((-counts, genre))


# ------------------------------------------------------------------ the ratings data
def ratings_figure(data):
    """The ratings matrix (users by favourite genre, items by genre) and its long tail.

    Parameters
    ----------
    data : RatingsData
        From :func:`~.core.make_ratings`.
    """
    R = as_ratings(data.ratings)
    counts = np.count_nonzero(R, axis=0)
    items = _genre_order(data.genre, counts)
    users = np.lexsort((-np.count_nonzero(R, 1), data.taste.argmax(1)))
    fig = new_figure(figsize=(12, 4.2), layout="constrained")
    ax, ax2 = fig.subplots(1, 2, width_ratios=[1.3, 1])
    shown = np.where(R[users][:, items] > 0, R[users][:, items], np.nan)
    im = ax.imshow(shown, aspect="auto", cmap="viridis", interpolation="nearest")
    fig.colorbar(im, ax=ax, label="stars (blank: not rated)")
    bounds = np.flatnonzero(np.diff(data.genre[items])) + 0.5
    for b in bounds:
        ax.axvline(b, color="white", lw=1)
    centres = [
        np.mean(np.flatnonzero(data.genre[items] == g)) for g in range(len(GENRES))
    ]
    ax.set_xticks(centres, GENRES)
    ax.set(
        xlabel="items, by genre",
        ylabel="users, by favourite genre",
        title=f"{R.shape[0]} users × {R.shape[1]} items: {np.mean(R > 0):.0%} rated",
    )
    ranked = np.sort(counts)[::-1]
    head = max(1, int(round(0.2 * len(ranked))))
    share = ranked[:head].sum() / ranked.sum()
    ax2.bar(
        np.arange(head),
        ranked[:head],
        color="tab:red",
        width=1.0,
        label=f"top 20% of items: {share:.0%} of ratings",
    )
    ax2.bar(
        np.arange(head, len(ranked)),
        ranked[head:],
        color="tab:gray",
        width=1.0,
        label="the long tail",
    )
    ax2.set(
        xlabel="items, most rated first",
        ylabel="number of ratings",
        title="popularity: a few hits and a long tail",
    )
    ax2.legend(loc="upper right", fontsize=9)
    return fig


def similarity_figure(similarity, data):
    """The item-item similarity matrix, items grouped by genre.

    Parameters
    ----------
    similarity : array-like, shape (n_items, n_items)
    data : RatingsData
    """
    S = np.asarray(similarity, dtype=float)
    n = len(data.genre)
    if S.shape != (n, n):
        raise ValueError(f"similarity must have shape ({n}, {n}), got {S.shape}")
    counts = np.count_nonzero(data.ratings, axis=0)
    items = _genre_order(data.genre, counts)
    fig = new_figure(figsize=(6.4, 5.2), layout="constrained")
    ax = fig.subplots()
    im = ax.imshow(
        S[np.ix_(items, items)], cmap="magma", vmin=0, vmax=1, interpolation="nearest"
    )
    fig.colorbar(im, ax=ax, label="cosine similarity")
    centres = [
        np.mean(np.flatnonzero(data.genre[items] == g)) for g in range(len(GENRES))
    ]
    ax.set_xticks(centres, GENRES)
    ax.set_yticks(centres, GENRES)
    ax.set_title("item-item cosine: blocks = genres, bright lines = hits", fontsize=10)
    return fig


# ----------------------------------------------------------------------- the explorer
class UserExplorer(Explorer):
    """One user's history and recommendations, and why each item is recommended.

    Left: the items the user rated (stars, coloured by genre). Right: the top-k
    unrated items by score Σ_j sim(i, j)·r(user, j), each labelled with the two rated
    items that contribute most to its score.

    Parameters
    ----------
    data : RatingsData
    ratings : array-like, optional
        The matrix to recommend from (``data.ratings`` by default, e.g. a training
        matrix with held-out items removed).
    user : int
    k : int, 3 to 10
    """

    def __init__(self, data, ratings=None, user=0, k=5):
        self.data = data
        self.R = as_ratings(data.ratings if ratings is None else ratings)
        if self.R.shape[1] != len(data.names):
            raise ValueError(
                f"ratings must have {len(data.names)} item columns, got {self.R.shape[1]}"
            )
        self.S = item_similarity_reference(self.R)
        self.scores = self.R @ self.S  # row u: the scores of every item for user u
        self.figure = new_figure(figsize=(12, 4.4), layout="constrained")
        self.ax_hist, self.ax_rec = self.figure.subplots(1, 2, width_ratios=[1, 1.5])
        # fixed artists, changed in place: clearing axes rebuilds every tick (slow)
        self.hist_bars = self.ax_hist.barh(np.arange(15), np.zeros(15))
        self.ax_hist.set_yticks(np.arange(15), [""] * 15, fontsize=8)
        self.ax_hist.set(xlim=(0, 5.5), xlabel="stars")
        self.rec_bars = self.ax_rec.barh(np.arange(10), np.zeros(10), alpha=0.85)
        self.ax_rec.set_yticks(np.arange(10), [""] * 10, fontsize=8)
        self.ax_rec.set_xlabel("score Σ sim(i, j)·r(user, j)")
        self.rec_texts = [
            self.ax_rec.text(
                0, row, "", va="center", fontsize=8, color="white", fontweight="bold"
            )
            for row in range(10)
        ]
        handles = [
            self.ax_rec.bar(0, 0, color=c, label=g) for g, c in zip(GENRES, _COLOURS)
        ]
        self.figure.legend(
            handles=handles, loc="outside lower center", ncol=4, fontsize=9
        )
        # a user or a k changes the bars, their names (the y axes) and the score range
        for ax, bars in [(self.ax_hist, self.hist_bars), (self.ax_rec, self.rec_bars)]:
            animate(*bars, ax.yaxis, ax.title, frame=ax)
        animate(*self.rec_texts, self.ax_rec.xaxis)
        self.user, self.k = check_int("user", user, 0, self.R.shape[0] - 1), k
        self.update_k(k, draw=False)

    def _colour(self, item):
        return _COLOURS[self.data.genre[item] % len(_COLOURS)]

    @staticmethod
    def _fill(ax, bars, items, values, labels, colour):
        for row, bar in enumerate(bars):
            if row < len(items):
                bar.set_width(values[row])
                bar.set_color(colour(items[row]))
            else:
                bar.set_width(0)
        ax.set_yticklabels(labels + [""] * (len(bars) - len(labels)))
        ax.set_ylim(max(len(items), 1) - 0.5, -0.5)

    def _draw(self):
        u, k, names = self.user, self.k, self.data.names
        rated = np.flatnonzero(self.R[u] > 0)
        rated = rated[np.lexsort((rated, -self.R[u, rated]))][:15]
        self._fill(
            self.ax_hist,
            self.hist_bars,
            rated,
            self.R[u, rated],
            [names[i] for i in rated],
            self._colour,
        )
        n_rated = int(np.count_nonzero(self.R[u]))
        more = " (top 15)" if n_rated > 15 else ""
        self.ax_hist.set_title(f"user {u}: rated {n_rated} items{more}")
        recs = rank_items(self.scores[u], self.R[u] == 0)[:k]
        s = self.scores[u, recs]
        self._fill(
            self.ax_rec, self.rec_bars, recs, s, [names[i] for i in recs], self._colour
        )
        top = s.max() if len(s) and s.max() > 0 else 1.0
        self.reasons = []
        for row, text in enumerate(self.rec_texts):
            if row >= len(recs):
                text.set_text("")
                continue
            why = because(self.R, u, recs[row], self.S, n=2)
            self.reasons.append(why)
            text.set_text(
                "because: " + ", ".join(names[j] for j, _ in why)
                if why
                else "no co-rated item"
            )
            text.set_x(0.02 * top)
        self.ax_rec.set_xlim(0, 1.05 * top)
        self.ax_rec.set_title(
            f"top {k} recommendations and the rated items behind them"
        )
        self.recommended = recs
        return {
            "user": u,
            "n_rated": n_rated,
            "recommended": [int(i) for i in recs],
            "scores": [float(v) for v in s],
        }

    def update_user(self, user, draw=True):
        """Show ``user``; return their recommendations and scores."""
        self.user = check_int("user", user, 0, self.R.shape[0] - 1)
        shown = self._draw()
        if draw:
            self.redraw()
        return shown

    def update_k(self, k, draw=True):
        """Show the top ``k``; return the recommendations and scores."""
        self.k = check_int("k", k, 3, 10)
        shown = self._draw()
        if draw:
            self.redraw()
        return shown


def user_explorer(data, ratings=None, user=0, k=5):
    """Interactive :class:`UserExplorer`: a slider for the user and one for k."""
    explorer = UserExplorer(data, ratings, user=user, k=k)
    user_slider = widgets.IntSlider(
        value=user,
        min=0,
        max=explorer.R.shape[0] - 1,
        description="user",
        continuous_update=False,
    )
    k_slider = widgets.IntSlider(
        value=k, min=3, max=10, description="k", continuous_update=False
    )
    return explorer_box(
        explorer.figure,
        {
            "user": (user_slider, explorer.update_user),
            "k": (k_slider, explorer.update_k),
        },
        explorer=explorer,
    )


# ---------------------------------------------------------------------- evaluation
def evaluation_table(train, relevant, recommenders, ks=(1, 5, 10, 20)):
    """Mean precision@k and recall@k of each recommender over the users with a held-out item.

    Each recommender is called once per user with the largest k; the smaller k read
    the top of that list (a ranking's top k does not depend on how long it is).

    Parameters
    ----------
    train : array-like (n_users, n_items)
    relevant : list of sets
        Per user, the held-out items.
    recommenders : dict of str to callable
        ``recommend(train, user, k)``.
    ks : sequence of int

    Returns
    -------
    pandas.DataFrame
        Rows: (recommender, k); columns ``precision@k``, ``recall@k``.
    """
    R = as_ratings(train)
    if len(relevant) != R.shape[0]:
        raise ValueError(f"relevant must hold {R.shape[0]} sets, got {len(relevant)}")
    ks = [check_int("k", k, low=1) for k in ks]
    users = [u for u in range(R.shape[0]) if relevant[u]]
    rows = []
    for name, recommend in recommenders.items():
        with threadpool_limits(1):  # small products: threads only contend
            lists = [list(recommend(R, u, max(ks))) for u in users]
        for k in ks:
            p = np.mean(
                [
                    precision_at_k_reference(r, relevant[u], k)
                    for r, u in zip(lists, users)
                ]
            )
            r_ = np.mean(
                [recall_at_k_reference(r, relevant[u], k) for r, u in zip(lists, users)]
            )
            rows.append({"recommender": name, "k": k, "precision@k": p, "recall@k": r_})
    return pd.DataFrame(rows).set_index(["recommender", "k"])


def evaluation_figure(table):
    """Precision@k and recall@k against k, one line per recommender."""
    fig = new_figure(figsize=(11, 3.8), layout="constrained")
    axes = fig.subplots(1, 2)
    for name, colour in zip(
        table.index.unique(0), ("tab:blue", "tab:red", "tab:gray", "tab:green")
    ):
        part = table.loc[name]
        for ax, col in zip(axes, ("precision@k", "recall@k")):
            ax.plot(part.index, part[col], "o-", color=colour, label=name)
    for ax, col in zip(axes, ("precision@k", "recall@k")):
        ax.set(
            xlabel="k (length of the list)",
            ylabel=col,
            title=f"{col} on held-out items",
            ylim=(0, None),
        )
        ax.grid(alpha=0.3)
    axes[1].legend(loc="upper left", fontsize=9)
    return fig


def popularity_bias_table(train, recommenders, k=10):
    """How much each recommender favours the hits.

    Each recommender is called once per user; the figure
    (:func:`popularity_bias_figure`) reads the same lists from ``table.attrs``.

    Returns
    -------
    pandas.DataFrame
        Per recommender: the share of its recommendations among the 10% most rated
        items, the share of the catalogue it ever recommends (coverage), and the
        median number of ratings of a recommended item.
    """
    R = as_ratings(train)
    k = check_int("k", k, low=1)
    counts = np.count_nonzero(R, axis=0)
    head = np.zeros(R.shape[1], bool)
    head[np.argsort(-counts, kind="stable")[: max(1, len(counts) // 10)]] = True
    rows, shown = {}, {}
    for name, recommend in recommenders.items():
        with threadpool_limits(1):  # small products: threads only contend
            recs = np.concatenate(
                [np.asarray(recommend(R, u, k), dtype=int) for u in range(R.shape[0])]
            )
        shown[name] = np.bincount(recs, minlength=R.shape[1])
        rows[name] = {
            "share from the top 10% items": float(np.mean(head[recs])),
            "catalogue coverage": len(np.unique(recs)) / R.shape[1],
            "median ratings of a recommended item": float(np.median(counts[recs])),
        }
    table = pd.DataFrame(rows).T
    table.attrs.update(counts=counts, shown=shown, k=k)
    return table


def popularity_bias_figure(table):
    """How often each item is recommended against how often it was rated.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`popularity_bias_table` (its ``attrs`` hold the lists).
    """
    if "shown" not in table.attrs:
        raise ValueError("table must come from popularity_bias_table(...)")
    counts, shown = table.attrs["counts"], table.attrs["shown"]
    fig = new_figure(figsize=(11, 3.6), layout="constrained")
    axes = fig.subplots(1, len(shown), sharey=True, squeeze=False)[0]
    for ax, (name, times) in zip(axes, shown.items()):
        ax.scatter(counts, times, s=14, alpha=0.7)
        share = table.loc[name, "share from the top 10% items"]
        ax.set(
            xlabel="ratings of the item (training)",
            title=f"{name}: {share:.0%} of slots go to the top 10%",
        )
        ax.title.set_fontsize(10)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel(f"times in someone's top {table.attrs['k']}")
    return fig


# --------------------------------------------------------------------------- at scale
def scale_table(
    n_users=100_000_000, n_items=10_000_000, history=100, candidates=500, neighbours=50
):
    """The arithmetic that forces candidate generation then ranking.

    Parameters
    ----------
    n_users, n_items : int
        The size of the service.
    history : int
        Items in a typical user's history.
    candidates : int
        Items the ranking stage scores per request.
    neighbours : int
        Similar items kept per item.

    Returns
    -------
    pandas.DataFrame
        One row per approach: work per request, work for everyone, memory.
    """
    for name, v in dict(
        n_users=n_users,
        n_items=n_items,
        history=history,
        candidates=candidates,
        neighbours=neighbours,
    ).items():
        check_int(name, v, low=1)
    ops_day = 1e9 * 86_400 * 1_000  # 1,000 cores at 1e9 multiply-adds a second
    rows = {
        "score every item (dense item-item)": {
            "multiply-adds per request": n_items * history,
            "for every user once": n_items * history * n_users,
            "memory": n_items**2 * 4,
        },
        "top-50 neighbours per item, then merge": {
            "multiply-adds per request": history * neighbours,
            "for every user once": history * neighbours * n_users,
            "memory": n_items * neighbours * 8,
        },
        "candidates, then a ranking model": {
            "multiply-adds per request": history * neighbours + candidates * 10_000,
            "for every user once": (history * neighbours + candidates * 10_000)
            * n_users,
            "memory": n_items * neighbours * 8,
        },
    }
    table = pd.DataFrame(rows).T
    table["days on 1,000 cores"] = table["for every user once"] / ops_day
    table["memory"] = [_bytes(b) for b in table["memory"]]
    for col in ("multiply-adds per request", "for every user once"):
        table[col] = [f"{v:.1e}" for v in table[col]]
    table["days on 1,000 cores"] = [f"{v:.3g}" for v in table["days on 1,000 cores"]]
    return table


def _bytes(b):
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if b < 1000:
            return f"{b:.0f} {unit}"
        b /= 1000
    return f"{b:.0f} EB"
