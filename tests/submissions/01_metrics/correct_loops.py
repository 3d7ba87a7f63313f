"""Correct answers in plain Python: loops, lists, Python floats, no NumPy tricks."""


def confusion_matrix(y_true, y_pred):
    cm = [[0, 0], [0, 0]]
    for t, p in zip(y_true, y_pred):
        cm[int(t)][int(p)] += 1
    return cm


def precision(y_true, y_pred):
    tp = fp = 0
    for t, p in zip(y_true, y_pred):
        if p == 1:
            if t == 1:
                tp += 1
            else:
                fp += 1
    if tp + fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(y_true, y_pred):
    tp = fn = 0
    for t, p in zip(y_true, y_pred):
        if t == 1:
            if p == 1:
                tp += 1
            else:
                fn += 1
    return tp / (tp + fn) if (tp + fn) else 0.0


def f_beta(y_true, y_pred, beta=1.0):
    p = precision(y_true, y_pred)
    r = recall(y_true, y_pred)
    denom = beta * beta * p + r
    if denom == 0:
        return 0.0
    return (1 + beta * beta) * p * r / denom


def roc_curve(y_true, scores):
    labels = [int(v) for v in y_true]
    values = [float(v) for v in scores]
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    fpr, tpr, thresholds = [0.0], [0.0], [float("inf")]
    for t in sorted(set(values), reverse=True):
        tp = sum(1 for y, s in zip(labels, values) if s >= t and y == 1)
        fp = sum(1 for y, s in zip(labels, values) if s >= t and y == 0)
        fpr.append(fp / n_neg)
        tpr.append(tp / n_pos)
        thresholds.append(t)
    return fpr, tpr, thresholds


def roc_auc(y_true, scores):
    pos = [s for y, s in zip(y_true, scores) if y == 1]
    neg = [s for y, s in zip(y_true, scores) if y == 0]
    if not pos or not neg:
        raise ValueError("need both classes")
    total = 0.0
    for a in pos:
        for b in neg:
            if a > b:
                total += 1
            elif a == b:
                total += 0.5
    return total / (len(pos) * len(neg))


def mae(y_true, y_pred):
    errors = [abs(float(t) - float(p)) for t, p in zip(y_true, y_pred)]
    return sum(errors) / len(errors)


def rmse(y_true, y_pred):
    squares = [(float(t) - float(p)) ** 2 for t, p in zip(y_true, y_pred)]
    return (sum(squares) / len(squares)) ** 0.5


def r2(y_true, y_pred):
    y_true = [float(v) for v in y_true]
    y_pred = [float(v) for v in y_pred]
    mean = sum(y_true) / len(y_true)
    ss_res = sum((t - p) ** 2 for t, p in zip(y_true, y_pred))
    ss_tot = sum((t - mean) ** 2 for t in y_true)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return 1 - ss_res / ss_tot
