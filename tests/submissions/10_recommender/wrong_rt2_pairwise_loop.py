"""Wrong for the stated size (after red team 2's correct_purepy_dense): the textbook
double loop over item pairs with inner loops over all users, in plain Python
(O(n_users * n_items**2)). Its values are right, but docs/exercises.md names the
largest input, 2,000 users x 500 items, and each check call has 10 s of CPU: this
takes about 40 s there on a fast 2-core machine (250,000 ordered pairs, each with
three sums over 2,000 users), so it loses the hidden item_similarity test and the
recommend test on that size ("did not finish within 10 seconds"). Smallest input
where it is wrong: that 2,000 x 500 case (on every smaller hidden case its values
are right).

Red team 2's version visited each unordered pair once with precomputed norms: 8 s
on a fast machine and 16 s on a slow one, so its score changed with the machine it
was graded on. This one keeps the same values and stays clear of the limit on both.
"""

import math


def item_similarity(ratings):
    rows = [[float(x) for x in row] for row in ratings]
    n_items = len(rows[0]) if rows else 0
    S = [[0.0] * n_items for _ in range(n_items)]
    for i in range(n_items):
        for j in range(n_items):
            dot = sum(row[i] * row[j] for row in rows)
            norm_i = math.sqrt(sum(row[i] * row[i] for row in rows))
            norm_j = math.sqrt(sum(row[j] * row[j] for row in rows))
            if norm_i > 0 and norm_j > 0:
                S[i][j] = dot / (norm_i * norm_j)
    return S
