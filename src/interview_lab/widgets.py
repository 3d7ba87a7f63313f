"""Widget plumbing shared by the interactive figures.

The interactive figures are ordinary Matplotlib figures rendered to PNG into an
``ipywidgets.Image``: they work with the default inline backend, need no browser
extension beyond ipywidgets, and each update replaces one image (no flicker).
"""

from __future__ import annotations

import io

__all__ = [
    "Explorer",
    "animate",
    "FigureImage",
    "MatrixPanel",
    "control_timings",
    "control_values",
    "explorer_box",
    "new_figure",
    "pyplot",
    "show_histograms",
]


def pyplot():
    """``matplotlib.pyplot``, imported on first use (for figures shown inline)."""
    import matplotlib.pyplot as plt

    return plt


def new_figure(**kwargs):
    """A Matplotlib figure that pyplot does not manage (never shown twice, never closed).

    Parameters
    ----------
    **kwargs
        Passed to :class:`matplotlib.figure.Figure` (``figsize``, ``layout``...).
    """
    from matplotlib.figure import Figure

    return Figure(**kwargs)


def animate(*artists, frame=None):
    """Mark artists as animated: left out of the kept background of a
    :class:`FigureImage` and drawn over it on every redraw.

    Parameters
    ----------
    *artists : matplotlib.artist.Artist
        What a control moves, and whatever a full draw puts over it (a legend).
    frame : matplotlib.axes.Axes, optional
        Also animate this axes' spines, which a full draw puts over lines and images:
        needed when what moves reaches the frame. (The ticks, outside the frame, stay
        in the background: drawing their labels again would cost more than the rest.)

    Returns
    -------
    tuple
        The artists, so ``(line,) = animate(*ax.plot(...))`` reads naturally.
    """
    extra = () if frame is None else tuple(frame.spines.values())
    for artist in (*artists, *extra):
        artist.set_animated(True)
    return artists


def show_histograms(
    ax, patches, samples, edges, density: bool = False, keep_top: bool = False
) -> bool:
    """Give filled step patches (``ax.stairs(..., fill=True)``, made once) the
    histograms of ``samples`` over ``edges``, and fit ``ax`` to them as autoscaling
    would (5% margins across, 0 to 5% over the tallest bar up), without clearing it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    patches : sequence of matplotlib.patches.StepPatch
        One per sample, in order.
    samples : sequence of array-like
    edges : ndarray
        The bin edges, shared by all samples.
    density : bool, default=False
        Densities instead of counts (``numpy.histogram``'s ``density``).
    keep_top : bool, default=False
        Keep the current upper y-limit while the tallest bar fits under it and
        reaches at least half of it: the axes (and their ticks) then stay as they
        were, and an explorer need not draw them again.

    Returns
    -------
    bool
        Whether the axes' limits changed.
    """
    import numpy as np

    tallest = 0.0
    for patch, values in zip(patches, samples, strict=True):
        heights, _ = np.histogram(values, bins=edges, density=density)
        patch.set_data(heights, edges)
        tallest = max(tallest, float(heights.max()))
    pad = 0.05 * (edges[-1] - edges[0])
    xlim, top = (edges[0] - pad, edges[-1] + pad), 1.05 * tallest
    bottom, kept = ax.get_ylim()
    if keep_top and bottom == 0 and top <= kept <= 2 * top:
        top = kept
    changed = ax.get_xlim() != xlim or (bottom, kept) != (0, top)
    ax.set(xlim=xlim, ylim=(0, top))
    return changed


class MatrixPanel:
    """A 2×2 confusion matrix on an axes, ``[[TN, FP], [FN, TP]]``: an image with the
    name and count in each cell, animated (a change redraws the cells over the kept
    background, and the frame over them).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    columns, rows : pair of str
        Tick labels of the predicted and the true classes.
    fontsize : float, default=11
    log : bool, default=False
        Colour by ``log1p`` of the counts (when one cell dwarfs the others).
    """

    NAMES = (("TN", "FP"), ("FN", "TP"))

    def __init__(
        self,
        ax,
        columns=("pred 0", "pred 1"),
        rows=("true 0", "true 1"),
        fontsize: float = 11,
        log: bool = False,
    ):
        import numpy as np

        self.log = log
        self.image = ax.imshow(np.zeros((2, 2)), cmap="Blues", vmin=0, vmax=1)
        self.texts = [
            [
                ax.text(j, i, "", ha="center", va="center", fontsize=fontsize)
                for j in range(2)
            ]
            for i in range(2)
        ]
        ax.set_xticks([0, 1], list(columns))
        ax.set_yticks([0, 1], list(rows))
        animate(self.image, *self.texts[0], *self.texts[1], frame=ax)

    def show(self, cm) -> None:
        """Show the counts ``cm`` (2×2, scikit-learn's layout)."""
        import numpy as np

        cm = np.asarray(cm)
        shade = np.log1p(cm) if self.log else cm
        top = max(shade.max(), 1)
        self.image.set_data(shade)
        self.image.set_clim(0, top)
        for i in range(2):
            for j in range(2):
                self.texts[i][j].set_text(f"{self.NAMES[i][j]}\n{cm[i, j]}")
                dark = shade[i, j] > 0.6 * top
                self.texts[i][j].set_color("white" if dark else "black")


class FigureImage:
    """Show a Matplotlib figure as an image widget and redraw it on demand, quickly.

    What a learner waits for when a slider moves is mostly the figure drawn again, so
    the image is drawn the way animations are (Matplotlib's blitting):

    - the figure gets an Agg canvas of its own, drawn at ``dpi``;
    - its layout engine (``layout="constrained"``) places the axes on the first draw
      only, then the layout is frozen (the engine would otherwise run on every draw);
    - the figure's animated artists (made with ``animated=True``, or by
      :func:`animate`: markers, lines, texts that move) are left out of a full draw;
      the rest is kept as a background, and a redraw pastes the background and draws
      the animated artists over it, axes by axes in the order a full draw uses, until
      the explorer calls :meth:`Explorer.background_changed`;
    - the pixels are written as PNG with light compression (Pillow), a tenth of the
      default's time for a few percent more bytes.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to show.
    dpi : int, default=80
        Resolution of the PNG.
    explorer : Explorer, optional
        Whose ``background_version`` says when the kept background is out of date.

    Attributes
    ----------
    widget : ipywidgets.Image
        Put this in a layout.
    full_draws : int
        How many times the whole figure was drawn (the rest were blitted).
    """

    def __init__(self, figure, dpi: int = 80, explorer=None):
        import ipywidgets as widgets
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        if not hasattr(figure, "savefig"):
            raise TypeError(f"figure must be a Matplotlib Figure, got {figure!r}")
        if not isinstance(dpi, int) or dpi <= 0:
            raise ValueError(f"dpi must be a positive int, got {dpi!r}")
        self.figure = figure
        self.dpi = dpi
        self.explorer = explorer
        figure.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(figure)
        self.full_draws = 0
        self._background = None
        self._background_version = None
        self.widget = widgets.Image(format="png")
        self.widget.add_class("interview-lab-figure")
        self.redraw()

    @staticmethod
    def render(figure, dpi: int = 80) -> bytes:
        """A figure as PNG bytes, every artist drawn (``savefig``, for a static copy)."""
        buf = io.BytesIO()
        figure.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()

    def _animated(self) -> list:
        """The animated artists, in a full draw's order (axes by axes, by zorder).
        Only an axes' artists: ``savefig`` leaves out animated figure-level ones."""
        return [
            artist
            for ax in self.figure.axes
            for artist in sorted(
                (a for a in ax.get_children() if a.get_animated()),
                key=lambda a: a.get_zorder(),
            )
        ]

    def draw(self) -> None:
        """Draw the figure onto the canvas: all of it, or the animated artists over the
        kept background when it is still current."""
        animated = self._animated()
        version = getattr(self.explorer, "background_version", 0)
        stale = self._background is None or version != self._background_version
        if not animated or stale:
            self.canvas.draw()  # animated artists are left out
            self.full_draws += 1
            self._freeze_layout()
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self._background_version = version
        else:
            self.canvas.restore_region(self._background)
        for artist in animated:
            self.figure.draw_artist(artist)

    def _freeze_layout(self) -> None:
        engine = self.figure.get_layout_engine()
        if engine is not None and type(engine).__name__ != "PlaceHolderLayoutEngine":
            self.figure.set_layout_engine("none")  # keep where the engine put the axes

    def png(self) -> bytes:
        """The canvas as it stands, as PNG bytes."""
        from PIL import Image

        size = self.canvas.get_width_height(physical=True)
        pixels = Image.frombuffer(
            "RGBA", size, self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buf = io.BytesIO()
        pixels.save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def redraw(self) -> None:
        """Draw the figure again into the image widget, shown at its own size."""
        self.draw()
        self.widget.value = self.png()
        # without an explicit width the browser may stretch the PNG to the cell (blurry)
        self.widget.width = str(round(self.figure.get_figwidth() * self.dpi))


def explorer_box(figure, controls, explorer=None):
    """An interactive figure: controls above the figure, each redrawing it on change.

    Every explorer in the course is built by this function, so they all behave alike:
    a change of a control calls its update function with the new value, then the figure
    is rendered again; the box carries the CSS class ``interview-lab-explorer`` (the
    browser tests find explorers by it).

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure the update functions change.
    controls : mapping of str to (ipywidgets widget, callable)
        For each control, the name it gets as an attribute of the box, the widget, and
        the function called with the widget's new value.
    explorer : Explorer, optional
        The object behind the figure, kept as ``.explorer`` of the box (tests and
        curious learners read its numbers from there).

    Returns
    -------
    ipywidgets.VBox
        The controls (in a row when several) and the figure image; ``.image`` is the
        :class:`FigureImage`, ``.explorer`` the explorer, and each control is an
        attribute named by its key.
    """
    import ipywidgets as widgets

    if not controls:
        raise ValueError("an explorer needs at least one control, got none")
    image = FigureImage(figure, explorer=explorer)

    def redraw_after(update):
        def on_change(change):
            update(change["new"])
            image.redraw()

        return on_change

    for control, update in controls.values():
        control.observe(redraw_after(update), names="value")
    row = [control for control, _ in controls.values()]
    box = widgets.VBox([row[0] if len(row) == 1 else widgets.HBox(row), image.widget])
    box.add_class("interview-lab-explorer")
    box.image = image
    box.explorer = explorer
    box.control_names = tuple(controls)
    for name, (control, _) in controls.items():
        setattr(box, name, control)
    return box


def control_values(control, samples: int = 9) -> list:
    """Up to ``samples`` values across a control's range, ends included: evenly spaced
    for a slider, every option (at most ``samples``, evenly picked) for a choice.

    >>> import ipywidgets as widgets
    >>> control_values(widgets.IntSlider(min=0, max=100, step=10), samples=3)
    [0, 50, 100]
    >>> control_values(widgets.Dropdown(options=["a", "b"]))
    ['a', 'b']
    >>> control_values(widgets.FloatLogSlider(min=-2, max=2, step=1), samples=3)
    [0.01, 1.0, 100.0]
    """
    import numpy as np

    if not isinstance(samples, int) or samples < 2:
        raise ValueError(f"samples must be an int of at least 2, got {samples!r}")
    options = getattr(control, "options", None)
    if options is not None:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        picks = np.unique(np.linspace(0, len(values) - 1, samples).round().astype(int))
        return [values[i] for i in picks]
    if isinstance(control.value, bool):
        return [not control.value, control.value]
    if not hasattr(control, "min"):
        raise TypeError(f"cannot sweep a {type(control).__name__}: no options or min")
    grid = np.linspace(control.min, control.max, samples)
    step = getattr(control, "step", None)
    if step:
        grid = control.min + np.round((grid - control.min) / step) * step
    if hasattr(control, "base"):  # a log slider: min, max and step are exponents
        grid = control.base**grid
    kind = type(control.value)
    return [kind(v) for v in dict.fromkeys(grid.tolist())]


def control_timings(box, samples: int = 9) -> dict[str, dict[str, list]]:
    """Seconds each change of each control of an explorer ``box`` took: its update
    function and the figure drawn again (what a learner waits for when a slider
    moves), for :func:`control_values` of the control, then back to where it was.

    Parameters
    ----------
    box : ipywidgets.VBox
        An explorer, as :func:`explorer_box` returns it.
    samples : int, default=9
        Values per control.

    Returns
    -------
    dict of str to dict
        For each control's name, ``"seconds"``: the seconds of each change, and
        ``"whole"``: whether that change drew the whole figure (else it was blitted,
        see :class:`FigureImage`).
    """
    import time

    names = getattr(box, "control_names", None)
    if names is None:
        raise TypeError(f"not an explorer built by explorer_box: {box!r}")
    timings = {}
    for name in names:
        control = getattr(box, name)
        start_value, seconds, whole = control.value, [], []
        for value in [*control_values(control, samples), start_value]:
            if value == control.value:
                continue
            draws = box.image.full_draws
            start = time.perf_counter()
            control.value = value
            seconds.append(time.perf_counter() - start)
            whole.append(box.image.full_draws > draws)
        timings[name] = {"seconds": seconds, "whole": whole}
    return timings


class Explorer:
    """Base of the course's interactive figures: one figure, changed in place.

    The protocol every explorer keeps: ``__init__`` builds :attr:`figure` (with
    :func:`new_figure`, so pyplot never shows it twice) and draws the initial state;
    each ``update*`` method changes the figure for a control's new value and returns
    the numbers it shows (so tests need no browser); the explorer function wires the
    update methods to controls with :func:`explorer_box`. As the last expression of a
    cell an explorer shows itself as a static PNG, which nbgrader keeps.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    """

    figure = None

    def _repr_png_(self) -> bytes:
        """The figure as PNG bytes, for display as a cell's result."""
        return FigureImage.render(self.figure)

    #: Bumped by :meth:`background_changed`: the kept background is then drawn again.
    background_version = 0

    def background_changed(self) -> None:
        """Say that something besides the animated artists changed (the next redraw
        draws the whole figure, not only the animated artists)."""
        self.background_version += 1

    def redraw(self) -> None:
        """Mark the figure changed; the explorer's image draws it after the update."""
        self.figure.stale = True
