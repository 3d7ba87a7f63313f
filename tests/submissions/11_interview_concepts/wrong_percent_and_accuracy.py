"""Wrong: precision given as a percentage, recall as the accuracy."""

q_cm_precision = 80
q_cm_recall = (905 + 60) / 1000
