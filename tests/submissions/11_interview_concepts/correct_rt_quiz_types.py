"""Correct (red team): right answers in types the first contract did not name: an
exact Decimal quotient, a size-1 array sliced from the quiz matrix, and the letter
followed by the option's text (the reading rules below the contract's 11 table)."""

from decimal import Decimal

import numpy as np

q_cm_precision = Decimal(60) / Decimal(75)
q_cm_recall = (
    np.array([[905, 15], [20, 60]])[1:, 1] / np.array([[905, 15], [20, 60]])[1].sum()
)
q_l1_l2 = "b) L1 (lasso)"
