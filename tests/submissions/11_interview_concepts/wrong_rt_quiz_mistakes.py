"""Wrong (red team): plausible wrong quiz answers: a sparse model from the wrong
penalty, clustering called supervised, precision as the false-positive share of the
flagged column, recall as a percentage, and a boolean where a letter is asked."""

q_supervised = "a"
q_l1_l2 = "d"
q_cm_precision = 15 / 75
q_cm_recall = 80
q_metric_regression = True
