"""Correct (red team): pure Python, every cell read with ``float()`` (NumPy int8
scalars too); returns a list [precision, recall]."""


def confusion_rates(cm):
    (tn, fp), (fn, tp) = [[float(x) for x in row] for row in cm]
    return [
        tp / (tp + fp) if tp + fp > 0 else 0.0,
        tp / (tp + fn) if tp + fn > 0 else 0.0,
    ]
