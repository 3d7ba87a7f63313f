"""Correct (red team), in pure Python: sets, math.fsum over the nonzero entries only
(sparse loops, no NumPy), list-of-lists output, and a generator for the ranking."""

import math
from collections import defaultdict


def precision_at_k(recommended, relevant, k):
    wanted = set(relevant)
    return math.fsum(1.0 for item in list(recommended)[:k] if item in wanted) / k


def recall_at_k(recommended, relevant, k):
    wanted = set(relevant)
    if not wanted:
        return 0.0
    return sum(1 for item in list(recommended)[:k] if item in wanted) / len(wanted)


def item_similarity(ratings):
    rows = [[float(x) for x in row] for row in ratings]
    n = len(rows[0]) if rows else 0
    dots = defaultdict(list)  # (i, j) -> products, only over co-rated users
    for row in rows:
        nz = [(j, x) for j, x in enumerate(row) if x != 0]
        for a, (i, x) in enumerate(nz):
            for j, y in nz[a:]:
                dots[i, j].append(x * y)
    norm = [
        math.sqrt(math.fsum(dots[i, i])) if (i, i) in dots else 0.0 for i in range(n)
    ]
    S = [[0.0] * n for _ in range(n)]
    for (i, j), prods in dots.items():
        if norm[i] > 0 and norm[j] > 0:
            S[i][j] = S[j][i] = math.fsum(prods) / (norm[i] * norm[j])
    return S


def recommend(ratings, user, k):
    rows = [[float(x) for x in row] for row in ratings]
    S = item_similarity(rows)
    r = rows[int(user)]
    rated = [j for j, x in enumerate(r) if x != 0]
    score = {
        i: math.fsum(S[i][j] * r[j] for j in rated) for i, x in enumerate(r) if x == 0
    }
    ranked = sorted(score, key=lambda i: (-score[i], i))
    return (i for i in ranked[:k])  # a generator of the parts
