from fractions import Fraction


# CORRECT: pure Python, exact rational F-beta, one pass over the scores sorted high
# to low, tie groups counted together; accepts lists or arrays of any dtype.
def best_threshold(y_true, scores, beta=1.0):
    pairs = sorted(
        zip((float(v) for v in scores), (int(v) for v in y_true)), key=lambda p: -p[0]
    )
    n_pos = sum(l == 1 for _, l in pairs)
    b2 = Fraction(beta) ** 2
    best_t, best_f = None, None
    tp = fp = 0
    i = 0
    while i < len(pairs):
        t = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == t:
            if pairs[i][1] == 1:
                tp += 1
            else:
                fp += 1
            i += 1
        num = (1 + b2) * tp
        den = num + b2 * (n_pos - tp) + fp
        f = num / den if tp else Fraction(0)
        if best_f is None or f > best_f:
            best_t, best_f = t, f
    return best_t
