"""An explorer's blitted image against its figure drawn whole (see FigureImage)."""

import io

import numpy as np

from interview_lab.widgets import FigureImage, control_values

#: Antialiased edges drawn over a pasted background may round a few levels apart, at
#: a few pixels (where a tick meets a frame): more than this is a wrong image.
LEVELS, PIXELS, WORST = 2, 8, 16


def pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGBA")).astype(int)


def mismatches(image: FigureImage) -> int:
    """Pixels of the image widget more than ``LEVELS`` away from ``savefig``'s, or
    every pixel when one is more than ``WORST`` away."""
    shown = pixels(image.widget.value)
    whole = pixels(FigureImage.render(image.figure, image.dpi))
    assert shown.shape == whole.shape, f"{shown.shape} != {whole.shape}"
    apart = np.abs(shown - whole).max(axis=-1)
    return apart.size if apart.max() > WORST else int((apart > LEVELS).sum())


def assert_blits_like_a_full_draw(box, samples: int = 4) -> int:
    """Move every control of an explorer across its range; after each change the
    image must be the figure drawn whole. Returns the number of blitted redraws."""
    image, blitted = box.image, 0
    for name in box.control_names:
        control = getattr(box, name)
        for value in control_values(control, samples):
            if value == control.value:
                continue
            before = image.full_draws
            control.value = value
            blitted += image.full_draws == before
            bad = mismatches(image)
            assert bad <= PIXELS, (
                f"{name}={value!r}: {bad} pixels differ from a full draw"
            )
    return blitted
