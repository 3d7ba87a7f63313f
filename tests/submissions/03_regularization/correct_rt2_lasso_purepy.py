"""Lasso in pure Python with math.fsum, coordinates in a seeded random order, stopping
on the largest change relative to the largest |w| (second red team, correct)."""

import math
import random


def lasso_fit(X, y, alpha, max_iter=1000, tol=1e-6):
    # Pure Python coordinate descent, coordinates in a seeded random order each sweep,
    # sums with math.fsum, stopping on the largest change relative to the largest |w|.
    X = [[float(v) for v in row] for row in X]
    y = [float(v) for v in y]
    n, p = len(X), len(X[0])
    mx = [math.fsum(r[j] for r in X) / n for j in range(p)]
    my = math.fsum(y) / n
    cols = [[r[j] - mx[j] for r in X] for j in range(p)]
    res = [v - my for v in y]
    z = [math.fsum(c * c for c in col) / n for col in cols]
    w = [0.0] * p
    rng = random.Random(0)
    order = list(range(p))
    for _ in range(max_iter):
        rng.shuffle(order)
        big = 0.0
        for j in order:
            if z[j] == 0.0:
                continue
            rho = math.fsum(c * r for c, r in zip(cols[j], res)) / n + z[j] * w[j]
            new = math.copysign(max(abs(rho) - alpha, 0.0), rho) / z[j]
            d = new - w[j]
            if d:
                res = [r - c * d for r, c in zip(res, cols[j])]
            big = max(big, abs(d))
            w[j] = new
        if big <= tol * max(1.0, max(abs(v) for v in w)):
            break
    return w, my - math.fsum(m * c for m, c in zip(mx, w))
