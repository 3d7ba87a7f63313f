"""Correct: upper-case letters with a bracket, fractions, and a loop over the cells."""

q_supervised = "B"
q_unsupervised = "c)"
q_reinforcement = "(A)"
q_bias_variance = " D "
q_l1_l2 = "b."
q_imbalance = "C"
q_metric_classification = "a)"
q_metric_regression = "D"
q_cm_precision = 4 / 5
q_cm_recall = 60 / 80


def confusion_rates(cm):
    counts = {}
    names = [["tn", "fp"], ["fn", "tp"]]
    for i in range(2):
        for j in range(2):
            counts[names[i][j]] = float(cm[i][j])
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = 0.0
    if tp + fp != 0:
        precision = tp / (tp + fp)
    recall = 0.0
    if tp + fn != 0:
        recall = tp / (tp + fn)
    return [precision, recall]
