"""Wrong (red team 2): "nothing to count" guards written with any(relevant), which
tests the ids' truth values, not emptiness: item id 0 is falsy.

Smallest inputs: precision_at_k([0], {0}, 1) must be 1.0, this gives 0.0;
recall_at_k([0, 3], [0], 2) must be 1.0, this gives 0.0 (hidden cases "relevant =
[0], a list", "item 0 is relevant and recommended", "relevant = array([0])")."""


def precision_at_k(recommended, relevant, k):
    if not any(relevant):  # nothing relevant: no hit possible
        return 0.0
    return len(set(list(recommended)[:k]) & set(relevant)) / k


def recall_at_k(recommended, relevant, k):
    if not any(relevant):  # nothing relevant: 0.0 by the contract
        return 0.0
    relevant = set(relevant)
    return len(set(list(recommended)[:k]) & relevant) / len(relevant)
