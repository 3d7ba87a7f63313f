"""Correct (red team 2): right quiz answers in forms the contract accepts.

q_l1_l2 / q_imbalance: the letter, ")", whitespace, then any text that names no second
option: only "(i)"/"(ii)" or "step i)" enumerations (i is not an option letter).
q_supervised: the letter in square brackets (the contract: "in round or square
brackets").
q_cm_precision: a pandas Series holding exactly one number, an exact Decimal.
q_cm_recall: a NumPy object array holding exactly one number, a Fraction.
"""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

q_l1_l2 = (
    "b) L1 (lasso): it (i) sets weights to exactly zero and (ii) keeps only a few "
    "features"
)
q_imbalance = (
    "c) measure recall first (step i), then resample only the training data (step ii)"
)
q_cm_precision = pd.Series([Decimal(60) / Decimal(60 + 15)])
q_cm_recall = np.array([Fraction(60, 60 + 20)])
q_supervised = "[b]"
