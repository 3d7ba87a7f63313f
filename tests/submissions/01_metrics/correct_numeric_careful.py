"""Numerically careful answers: exact counts, sorted sweeps, compensated sums."""

import math
from collections import Counter
from fractions import Fraction


def confusion_matrix(y_true, y_pred):
    counts = Counter(zip((int(v) for v in y_true), (int(v) for v in y_pred)))
    return [[counts[(0, 0)], counts[(0, 1)]], [counts[(1, 0)], counts[(1, 1)]]]


def precision(y_true, y_pred):
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    pp = sum(1 for p in y_pred if p == 1)
    return float(Fraction(tp, pp)) if pp else 0.0


def recall(y_true, y_pred):
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    pos = sum(1 for t in y_true if t == 1)
    return float(Fraction(tp, pos)) if pos else 0.0


def f_beta(y_true, y_pred, beta=1.0):
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    fp = sum(1 for t, p in zip(y_true, y_pred) if t == 0 and p == 1)
    fn = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 0)
    b2 = beta * beta
    denom = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denom if tp else 0.0


def roc_curve(y_true, scores):
    pairs = sorted(
        zip((float(s) for s in scores), (int(y) for y in y_true)), reverse=True
    )
    pos = sum(y for _, y in pairs)
    neg = len(pairs) - pos
    fpr, tpr, thr = [0.0], [0.0], [math.inf]
    tp = fp = 0
    i = 0
    while i < len(pairs):
        s = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == s:
            tp += pairs[i][1]
            fp += 1 - pairs[i][1]
            i += 1
        fpr.append(fp / neg if neg else 0.0)
        tpr.append(tp / pos if pos else 0.0)
        thr.append(s)
    return fpr, tpr, thr


def roc_auc(y_true, scores):
    pairs = sorted(zip((float(s) for s in scores), (int(y) for y in y_true)))
    pos = sum(y for _, y in pairs)
    neg = len(pairs) - pos
    if pos == 0 or neg == 0:
        raise ValueError("roc_auc needs both classes")
    wins = Fraction(0)
    below = 0  # negatives with a strictly lower score
    i = 0
    while i < len(pairs):
        s = pairs[i][0]
        group = [y for v, y in pairs[i:] if v == s]
        p_here, n_here = sum(group), len(group) - sum(group)
        wins += p_here * below + Fraction(p_here * n_here, 2)
        below += n_here
        i += len(group)
    return float(wins / (pos * neg))


def mae(y_true, y_pred):
    errors = [abs(float(t) - float(p)) for t, p in zip(y_true, y_pred)]
    return math.fsum(errors) / len(errors)


def rmse(y_true, y_pred):
    squares = [(float(t) - float(p)) ** 2 for t, p in zip(y_true, y_pred)]
    return math.sqrt(math.fsum(squares) / len(squares))


def r2(y_true, y_pred):
    t = [float(v) for v in y_true]
    p = [float(v) for v in y_pred]
    mean = math.fsum(t) / len(t)
    ss_tot = math.fsum((v - mean) ** 2 for v in t)
    ss_res = math.fsum((a - b) ** 2 for a, b in zip(t, p))
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1.0 - ss_res / ss_tot
