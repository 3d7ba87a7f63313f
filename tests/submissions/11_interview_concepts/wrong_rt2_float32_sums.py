"""Wrong (red team 2): sums the right column and the bottom row with ``.sum()`` in the
input's dtype (NumPy widens int8/uint8 sums to int64, so small integer dtypes pass),
then divides Python floats. Float32 counts are summed, and rounded, in float32.

Smallest input: np.array([[0, 1], [0, 2**24]], dtype=np.float32) (each count exact
in float32): right (2**24 / (2**24 + 1), 1.0) = (0.99999994039535..., 1.0); this
returns (1.0, 1.0), as 2**24 + 1 rounds to 2**24 in float32.
"""

import numpy as np


def confusion_rates(cm):
    cm = np.asarray(cm)
    tp = float(cm[1, 1])
    predicted_pos = float(cm[:, 1].sum())
    actual_pos = float(cm[1, :].sum())
    precision = tp / predicted_pos if predicted_pos > 0 else 0.0
    recall = tp / actual_pos if actual_pos > 0 else 0.0
    return precision, recall
