"""Correct (red team 2), plain Python, no NumPy: a recommend that computes only the
cosines it needs (each unrated item against each rated one, an inner loop over the
users) and sorts by (-score, index). About 1.3 s on the 2,000 x 500 case: inside
the 10 s a check call has. (Its item_similarity, a loop over every item pair, is
too slow for that size: pinned as wrong_rt2_pairwise_loop.)"""

import math


def recommend(ratings, user, k):
    rows = [[float(x) for x in row] for row in ratings]
    n_items = len(rows[0]) if rows else 0
    cols = [[row[i] for row in rows] for i in range(n_items)]
    norms = [math.sqrt(sum(x * x for x in c)) for c in cols]
    mine = rows[int(user)]
    rated = [j for j in range(n_items) if mine[j] != 0 and norms[j] > 0]
    scores = {}
    for i in range(n_items):
        if mine[i] != 0:
            continue
        total = 0.0
        if norms[i] > 0:
            for j in rated:
                dot = sum(a * b for a, b in zip(cols[i], cols[j]))
                total += dot / (norms[i] * norms[j]) * mine[j]
        scores[i] = total
    ranked = sorted(scores, key=lambda i: (-scores[i], i))
    return ranked[:k]
