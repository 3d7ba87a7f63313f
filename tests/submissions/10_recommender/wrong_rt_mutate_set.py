"""Wrong (red team): changes the caller's `relevant` set in place (relevant &= top),
where the contract says a function never changes its arguments.

Smallest input: precision_at_k([3, 1, 7, 4], rel, 2) with rel = {1, 4, 9} returns the
right 0.5 but leaves rel == {1} (it must stay {1, 4, 9}); recall_at_k the same way.
Caught by the shared Checker, which compares sets with their saved copies."""


def precision_at_k(recommended, relevant, k):
    # WRONG on relevant={1, 4, 9}: after precision_at_k([3, 1, 7, 4], rel, 2) the
    # caller's set is {1} (should still be {1, 4, 9}); value 0.5 is right.
    rel = relevant if isinstance(relevant, set) else set(relevant)  # "avoid a copy"
    rel &= set(list(recommended)[:k])  # in place on a caller's set
    return len(rel) / k


def recall_at_k(recommended, relevant, k):
    # WRONG the same way: recall_at_k([3, 1, 7, 4], rel := {1, 4, 9}, 2) leaves rel == {1}
    rel = relevant if isinstance(relevant, set) else set(relevant)
    n = len(rel)
    if n == 0:
        return 0.0
    rel.intersection_update(list(recommended)[:k])
    return len(rel) / n
