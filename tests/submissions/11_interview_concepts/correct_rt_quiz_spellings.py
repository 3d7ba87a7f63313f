"""Correct (red team): right answers in accepted spellings: letters in upper case, with
spaces, brackets, a dot, a colon, a newline or as np.str_; a number as a percentage
text and as a Fraction."""

from fractions import Fraction

import numpy as np

q_supervised = "B"
q_unsupervised = " c "
q_reinforcement = "a)"
q_bias_variance = "(D)"
q_l1_l2 = "b."
q_imbalance = np.str_("c")
q_metric_classification = "A:"
q_metric_regression = "d\n"
q_cm_precision = "80%"
q_cm_recall = Fraction(60, 80)
