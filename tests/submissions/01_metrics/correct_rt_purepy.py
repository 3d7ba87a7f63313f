"""Pure Python loops, lists everywhere, Python ints where integral."""

import math


def confusion_matrix(y_true, y_pred):
    m = [[0, 0], [0, 0]]
    for t, p in zip(list(y_true), list(y_pred)):
        m[int(t)][int(p)] += 1
    return m


def precision(y_true, y_pred):
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred):
        if p == 1 and t == 1:
            tp += 1
        elif p == 1:
            fp += 1
        elif t == 1:
            fn += 1
    if tp + fp == 0:
        return 0
    return tp / (tp + fp)


def recall(y_true, y_pred):
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred):
        if p == 1 and t == 1:
            tp += 1
        elif p == 1:
            fp += 1
        elif t == 1:
            fn += 1
    return 0 if tp + fn == 0 else tp / (tp + fn)


def f_beta(y_true, y_pred, beta=1.0):
    p = precision(y_true, y_pred)
    r = recall(y_true, y_pred)
    b2 = beta * beta
    if p == 0 and r == 0:
        return 0
    return (1 + b2) * p * r / (b2 * p + r)


def roc_curve(y_true, scores):
    y = [int(v) for v in y_true]
    s = [float(v) for v in scores]
    thresholds = [math.inf] + sorted(set(s), reverse=True)
    pos = sum(y)
    neg = len(y) - pos
    fpr, tpr = [], []
    for th in thresholds:
        tp = sum(1 for yi, si in zip(y, s) if si >= th and yi == 1)
        fp = sum(1 for yi, si in zip(y, s) if si >= th and yi == 0)
        tpr.append(tp / pos if pos else float("nan"))
        fpr.append(fp / neg if neg else float("nan"))
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    pos = [s for y, s in zip(y_true, scores) if y == 1]
    neg = [s for y, s in zip(y_true, scores) if y != 1]
    if not pos or not neg:
        raise ValueError("only one class present")
    total = 0.0
    for a in pos:
        for b in neg:
            if a > b:
                total += 1
            elif a == b:
                total += 0.5
    return total / (len(pos) * len(neg))


def mae(y_true, y_pred):
    y_true, y_pred = [float(v) for v in y_true], [float(v) for v in y_pred]
    return sum(abs(a - b) for a, b in zip(y_true, y_pred)) / len(y_true)


def rmse(y_true, y_pred):
    y_true, y_pred = [float(v) for v in y_true], [float(v) for v in y_pred]
    return math.sqrt(sum((a - b) ** 2 for a, b in zip(y_true, y_pred)) / len(y_true))


def r2(y_true, y_pred):
    y_true, y_pred = [float(v) for v in y_true], [float(v) for v in y_pred]
    mean = sum(y_true) / len(y_true)
    ss_res = sum((a - b) ** 2 for a, b in zip(y_true, y_pred))
    ss_tot = sum((a - mean) ** 2 for a in y_true)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1 - ss_res / ss_tot
