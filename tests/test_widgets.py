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
