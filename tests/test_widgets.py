"""FigureImage: a Matplotlib figure as an image widget, redrawn on demand."""

import re

import pytest

from interview_lab.widgets import FigureImage, new_figure


def test_figure_image_renders_png_at_its_own_width_and_redraws():
    fig = new_figure(figsize=(5, 2))
    ax = fig.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    image = FigureImage(fig, dpi=50)
    first = bytes(image.widget.value)
    assert first.startswith(b"\x89PNG")
    assert image.widget.width == "250"
    assert "interview-lab-figure" in image.widget._dom_classes
    line.set_ydata([1, 0])
    image.redraw()
    assert bytes(image.widget.value) != first


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"figure": "fig"}, TypeError, "figure must be a Matplotlib Figure, got 'fig'"),
        ({"dpi": 0}, ValueError, "dpi must be a positive int, got 0"),
    ],
)
def test_figure_image_validation(kwargs, error, message):
    args = {"figure": new_figure(), **kwargs}
    with pytest.raises(error, match=re.escape(message)):
        FigureImage(**args)


def test_explorer_box_wires_each_control_to_its_update_and_a_redraw():
    import ipywidgets as widgets

    from interview_lab.widgets import explorer_box

    fig = new_figure(figsize=(3, 2))
    (line,) = fig.subplots().plot([0, 1], [0, 0])
    seen = []
    slider = widgets.FloatSlider(value=0.0, min=0.0, max=1.0)
    choice = widgets.Dropdown(options=["a", "b"], value="a")
    box = explorer_box(
        fig,
        {
            "slider": (slider, lambda v: line.set_ydata([v, v])),
            "choice": (choice, seen.append),
        },
        explorer="the explorer",
    )
    assert box.slider is slider and box.choice is choice
    assert box.explorer == "the explorer"
    assert "interview-lab-explorer" in box._dom_classes
    assert box.children[1] is box.image.widget
    before = bytes(box.image.widget.value)
    slider.value = 0.9
    assert bytes(box.image.widget.value) != before
    choice.value = "b"
    assert seen == ["b"]
    with pytest.raises(ValueError, match="needs at least one control, got none"):
        explorer_box(fig, {})


def test_control_values_span_a_controls_range_and_its_options():
    import ipywidgets as widgets

    from interview_lab.widgets import control_values

    slider = widgets.FloatSlider(min=0.0, max=1.0, step=0.25, value=0.5)
    assert control_values(slider, samples=5) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert control_values(slider, samples=3) == [0.0, 0.5, 1.0]
    assert control_values(widgets.IntSlider(min=1, max=3), samples=9) == [1, 2, 3]
    letters = widgets.Dropdown(options=list("abcdefghijk"))
    assert control_values(letters, samples=3) == ["a", "f", "k"]
    assert control_values(widgets.Checkbox(value=True)) == [False, True]
    with pytest.raises(ValueError, match="at least 2, got 1"):
        control_values(slider, samples=1)


def test_control_timings_changes_each_control_through_its_update_and_back():
    import ipywidgets as widgets

    from interview_lab.widgets import control_timings, explorer_box

    seen = []
    slider = widgets.IntSlider(min=0, max=4, value=2)
    box = explorer_box(new_figure(figsize=(1, 1)), {"k": (slider, seen.append)})
    timings = control_timings(box, samples=5)
    assert seen == [0, 1, 2, 3, 4, 2]  # across the range, then back where it was
    assert list(timings) == ["k"] and len(timings["k"]["seconds"]) == 6
    assert all(t > 0 for t in timings["k"]["seconds"]) and slider.value == 2
    assert timings["k"]["whole"] == [True] * 6  # nothing animated: no blitting
    crossing = control_timings(_crossing_explorer(legend_animated=True), samples=3)
    assert crossing["slider"]["whole"] == [False] * 4  # 0, 0.5, 1, back to 0.1
    with pytest.raises(TypeError, match="not an explorer"):
        control_timings(widgets.VBox())


def _crossing_explorer(legend_animated: bool):
    """A line that moves under a legend; the legend animated or (wrongly) not."""
    import ipywidgets as widgets

    from interview_lab.widgets import Explorer, animate, explorer_box

    class Crossing(Explorer):
        def __init__(self):
            self.figure = new_figure(figsize=(3, 2), layout="constrained")
            self.ax = self.figure.subplots()
            (self.static,) = self.ax.plot([0, 1], [0, 1], label="static")
            (self.line,) = animate(*self.ax.plot([0.5, 0.5], [0, 1], lw=6, label="x"))
            legend = self.ax.legend(loc="center", framealpha=1)
            if legend_animated:
                animate(legend)

        def update(self, x):
            self.line.set_xdata([x, x])

        def flip(self, way):
            self.static.set_ydata([0, 1] if way == "up" else [1, 0])  # the background

    explorer = Crossing()
    slider = widgets.FloatSlider(value=0.1, min=0.0, max=1.0, step=0.05)
    way = widgets.Dropdown(options=["up", "down"], value="up")
    return explorer_box(
        explorer.figure,
        {"slider": (slider, explorer.update), "way": (way, explorer.flip)},
        explorer=explorer,
    )


def test_a_blitted_redraw_is_the_figure_drawn_whole():
    from pixels import PIXELS, mismatches

    box = _crossing_explorer(legend_animated=True)
    box.slider.value = 0.5  # under the legend
    assert box.image.full_draws == 1 and mismatches(box.image) <= PIXELS
    box.explorer.background_changed()
    box.way.value = "down"
    assert box.image.full_draws == 2 and mismatches(box.image) <= PIXELS


def test_the_pixel_check_catches_a_wrong_blit():
    from pixels import PIXELS, mismatches

    wrong_order = _crossing_explorer(legend_animated=False)
    wrong_order.slider.value = 0.5  # drawn over the legend, which a full draw covers it
    assert mismatches(wrong_order.image) > PIXELS
    stale = _crossing_explorer(legend_animated=True)
    stale.way.value = "down"  # without background_changed: the old line stays
    assert stale.image.full_draws == 1 and mismatches(stale.image) > PIXELS


def test_the_layout_is_computed_once_then_frozen():
    fig = new_figure(figsize=(3, 2), layout="constrained")
    ax = fig.subplots()
    image = FigureImage(fig)
    position = ax.get_position().bounds
    ax.set_ylabel("a much longer label than before")
    image.redraw()
    assert ax.get_position().bounds == position
    assert type(fig.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"


def _labels_off_the_figure(figure) -> list[str]:
    """Axis labels and titles of ``figure`` reaching past its edges (by > 1 px)."""
    renderer = figure.canvas.get_renderer()
    width, height = figure.bbox.width, figure.bbox.height
    off = []
    for ax in figure.axes:
        for text in (ax.xaxis.label, ax.yaxis.label, ax.title):
            if not (text.get_text() and text.get_visible()):
                continue
            box = text.get_window_extent(renderer)
            if min(box.x0, box.y0) < -1 or box.x1 > width + 1 or box.y1 > height + 1:
                off.append(f"{text.get_text()!r} at {[round(v) for v in box.extents]}")
    return off


#: Explorers built from a notebook's own data (their topic tests build them).
NEEDS_DATA = {"cost_explorer", "user_explorer"}


@pytest.mark.slow
def test_no_explorer_pushes_a_label_or_a_title_off_its_figure():
    # the layout is computed once, then frozen (FigureImage): tick labels that grow
    # wider afterwards push the axis label past the figure's edge, where it is cut
    import importlib
    import pkgutil

    from interview_lab import topics
    from interview_lab.widgets import control_values

    skipped, problems = set(), []
    for module in pkgutil.iter_modules(topics.__path__):
        topic = importlib.import_module(f"interview_lab.topics.{module.name}")
        for name in [n for n in topic.__all__ if n.endswith("_explorer")]:
            if name in NEEDS_DATA:
                skipped.add(name)
                continue
            box = getattr(topic, name)()
            for control in map(box.__getattribute__, box.control_names):
                first = control.value
                for value in [*control_values(control, 4), first]:  # and back
                    control.value = value
                    problems += [
                        f"{name}.{control.description}={value!r}: {off}"
                        for off in _labels_off_the_figure(box.explorer.figure)
                    ]
    assert skipped == NEEDS_DATA
    assert problems == []


@pytest.mark.parametrize(
    "tallest, keep_top, top, changed",
    [
        (10, False, 10.5, True),  # fitted as autoscaling would
        (10, True, 21.0, False),  # fits under the kept top and reaches half of it
        (25, True, 26.25, True),  # taller than the kept top: fitted again
        (9, True, 9.45, True),  # under half of the kept top: fitted again
    ],
)
def test_show_histograms_keeps_the_axes_only_while_the_bars_fit(
    tallest, keep_top, top, changed
):
    import numpy as np

    from interview_lab.widgets import show_histograms

    ax = new_figure().subplots()
    patch = ax.stairs([0], [0, 1], fill=True)
    edges = np.array([0.0, 1.0, 2.0])
    show_histograms(ax, [patch], [np.full(20, 0.5)], edges)  # y-limits (0, 21)
    assert ax.get_ylim() == pytest.approx((0, 21))
    samples = [np.r_[np.full(tallest, 0.5), 1.5]]
    assert show_histograms(ax, [patch], samples, edges, keep_top=keep_top) is changed
    assert ax.get_ylim() == pytest.approx((0, top))
    assert list(patch.get_data().values) == [tallest, 1]
