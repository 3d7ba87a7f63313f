import math
from fractions import Fraction


def confusion_matrix(y_true, y_pred):
    # CORRECT: pure Python counting, returns a list of lists of ints.
    cells = [[0, 0], [0, 0]]
    for t, p in zip(y_true, y_pred):
        cells[int(t)][int(p)] += 1
    return cells


def precision(y_true, y_pred):
    # CORRECT: exact Fraction TP / (TP + FP), 0 when nothing is flagged.
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    flagged = sum(1 for p in y_pred if p == 1)
    return Fraction(tp, flagged) if flagged else 0


def recall(y_true, y_pred):
    # CORRECT: exact Fraction TP / (TP + FN), 0 when there are no positives.
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    positives = sum(1 for t in y_true if t == 1)
    return Fraction(tp, positives) if positives else 0


def f_beta(y_true, y_pred, beta=1.0):
    # CORRECT: exact in Fractions from the counts: (1+b²)TP / ((1+b²)TP + b²FN + FP).
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred):
        tp += t == 1 and p == 1
        fp += t == 0 and p == 1
        fn += t == 1 and p == 0
    b2 = Fraction(beta) ** 2
    denom = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denom if tp else Fraction(0)


def roc_curve(y_true, scores):
    # CORRECT: pure Python, sorted distinct scores, exact Fractions; returns lists.
    pairs = [(float(s), int(t)) for t, s in zip(y_true, scores)]
    n_pos = sum(t for _, t in pairs)
    n_neg = len(pairs) - n_pos
    thresholds = [math.inf] + sorted({s for s, _ in pairs}, reverse=True)
    fpr, tpr = [], []
    for th in thresholds:
        tp = sum(1 for s, t in pairs if s >= th and t == 1)
        fp = sum(1 for s, t in pairs if s >= th and t == 0)
        tpr.append(Fraction(tp, n_pos))
        fpr.append(Fraction(fp, n_neg))
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    # CORRECT: pure Python pair counting, exact Fraction; ValueError on one class.
    pos = [float(s) for t, s in zip(y_true, scores) if t == 1]
    neg = [float(s) for t, s in zip(y_true, scores) if t == 0]
    if not pos or not neg:
        raise ValueError("roc_auc needs both classes")
    neg.sort()
    import bisect

    twice = 0
    for p in pos:
        below = bisect.bisect_left(neg, p)
        ties = bisect.bisect_right(neg, p) - below
        twice += 2 * below + ties
    return Fraction(twice, 2 * len(pos) * len(neg))


def mae(y_true, y_pred):
    # CORRECT: exact-sum mean of absolute errors (math.fsum), pure Python.
    errs = [abs(float(t) - float(p)) for t, p in zip(y_true, y_pred)]
    return math.fsum(errs) / len(errs)


def rmse(y_true, y_pred):
    # CORRECT: math.dist is the Euclidean norm of the errors; divide by sqrt(n).
    t = [float(v) for v in y_true]
    p = [float(v) for v in y_pred]
    return math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(t, p)) / len(t))


def r2(y_true, y_pred):
    # CORRECT: exact rational arithmetic on the float inputs (Fraction), two sums.
    t = [Fraction(float(v)) for v in y_true]
    p = [Fraction(float(v)) for v in y_pred]
    mean = sum(t) / len(t)
    ss_tot = sum((v - mean) ** 2 for v in t)
    ss_res = sum((a - b) ** 2 for a, b in zip(t, p))
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1 - ss_res / ss_tot
