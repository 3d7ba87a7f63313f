"""Ridge in exact rational arithmetic (fractions.Fraction, Gauss-Jordan) on centred
data (second red team, correct)."""

from fractions import Fraction


def ridge_fit(X, y, alpha):
    # Exact rational arithmetic (pure Python): centre, form Xc^T Xc + alpha I and Xc^T yc
    # exactly, Gauss-Jordan with exact pivots; returns (list of floats, float).
    X = [[Fraction(float(v)) for v in row] for row in X]
    y = [Fraction(float(v)) for v in y]
    a = Fraction(float(alpha))
    n, p = len(X), len(X[0])
    mx = [sum(row[j] for row in X) / n for j in range(p)]
    my = sum(y) / n
    Xc = [[row[j] - mx[j] for j in range(p)] for row in X]
    yc = [v - my for v in y]
    A = [
        [sum(r[i] * r[j] for r in Xc) + (a if i == j else 0) for j in range(p)]
        for i in range(p)
    ]
    b = [sum(r[i] * v for r, v in zip(Xc, yc)) for i in range(p)]
    M = [A[i] + [b[i]] for i in range(p)]
    for c in range(p):
        piv = next(r for r in range(c, p) if M[r][c] != 0)
        M[c], M[piv] = M[piv], M[c]
        for r in range(p):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]
                M[r] = [u - f * v for u, v in zip(M[r], M[c])]
    coef = [M[i][p] / M[i][i] for i in range(p)]
    return [float(c) for c in coef], float(my - sum(m * c for m, c in zip(mx, coef)))
