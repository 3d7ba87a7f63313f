"""Wrong for the stated size (red team 2's correct_purepy_dense): the textbook
double loop over item pairs with an inner loop over all users, in plain Python
(O(n_users * n_items**2)). Its values are right, but docs/exercises.md names the
largest input, 2,000 users x 500 items, and each check call has 10 s of CPU: this
takes about 16 s there (125,000 pairs x 2,000 users), so it loses the hidden
item_similarity test ("did not finish within 10 seconds"). Smallest input where it
is wrong: that 2,000 x 500 case (on every smaller hidden case its values are right).
"""

import math


def item_similarity(ratings):
    rows = [[float(x) for x in row] for row in ratings]
    n_items = len(rows[0]) if rows else 0
    cols = [[row[i] for row in rows] for i in range(n_items)]
    norms = [math.sqrt(sum(x * x for x in c)) for c in cols]
    S = [[0.0] * n_items for _ in range(n_items)]
    for i in range(n_items):
        for j in range(i, n_items):
            if norms[i] > 0 and norms[j] > 0:
                dot = sum(a * b for a, b in zip(cols[i], cols[j]))
                S[i][j] = S[j][i] = dot / (norms[i] * norms[j])
    return S
