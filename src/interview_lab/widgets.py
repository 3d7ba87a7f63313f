"""Widget plumbing shared by the interactive figures.

The interactive figures are ordinary Matplotlib figures rendered to PNG into an
``ipywidgets.Image``: they work with the default inline backend, need no browser
extension beyond ipywidgets, and each update replaces one image (no flicker).
"""

from __future__ import annotations

import io

__all__ = [
    "Explorer",
    "FigureImage",
    "control_timings",
    "control_values",
    "explorer_box",
    "new_figure",
    "pyplot",
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


class FigureImage:
    """Show a Matplotlib figure as an image widget and redraw it on demand.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to show.
    dpi : int, default=80
        Resolution of the PNG.

    Attributes
    ----------
    widget : ipywidgets.Image
        Put this in a layout.
    """

    def __init__(self, figure, dpi: int = 80):
        import ipywidgets as widgets

        if not hasattr(figure, "savefig"):
            raise TypeError(f"figure must be a Matplotlib Figure, got {figure!r}")
        if not isinstance(dpi, int) or dpi <= 0:
            raise ValueError(f"dpi must be a positive int, got {dpi!r}")
        self.figure = figure
        self.dpi = dpi
        self.widget = widgets.Image(format="png")
        self.widget.add_class("interview-lab-figure")
        self.redraw()

    @staticmethod
    def render(figure, dpi: int = 80) -> bytes:
        """A figure as PNG bytes."""
        buf = io.BytesIO()
        figure.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()

    def redraw(self) -> None:
        """Render the figure again into the image widget, shown at its own size."""
        self.widget.value = self.render(self.figure, self.dpi)
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
    image = FigureImage(figure)

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
    kind = type(control.value)
    return [kind(v) for v in dict.fromkeys(grid.tolist())]


def control_timings(box, samples: int = 9) -> dict[str, list[float]]:
    """Seconds each change of each control of an explorer ``box`` took: its update
    function and the figure rendered again (what a learner waits for when a slider
    moves), for :func:`control_values` of the control, then back to where it was.

    Parameters
    ----------
    box : ipywidgets.VBox
        An explorer, as :func:`explorer_box` returns it.
    samples : int, default=9
        Values per control.

    Returns
    -------
    dict of str to list of float
        For each control's name, the seconds of each change.
    """
    import time

    names = getattr(box, "control_names", None)
    if names is None:
        raise TypeError(f"not an explorer built by explorer_box: {box!r}")
    timings = {}
    for name in names:
        control = getattr(box, name)
        start_value, seconds = control.value, []
        for value in [*control_values(control, samples), start_value]:
            if value == control.value:
                continue
            start = time.perf_counter()
            control.value = value
            seconds.append(time.perf_counter() - start)
        timings[name] = seconds
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

    def redraw(self) -> None:
        """Ask the figure's canvas to draw again (after an update changed it)."""
        self.figure.canvas.draw_idle()
