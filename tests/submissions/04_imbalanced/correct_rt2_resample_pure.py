import random


# CORRECT: pure Python (random.Random seeded by random_state), classes in order of
# first appearance, lists in and out.
def random_undersample(X, y, random_state=None):
    rng = random.Random(random_state)
    rows, labels = [list(r) for r in X], list(y)
    by = {}
    for i, lab in enumerate(labels):
        by.setdefault(lab, []).append(i)
    n_min = min(len(v) for v in by.values())
    keep = [i for idx in by.values() for i in rng.sample(idx, n_min)]
    rng.shuffle(keep)
    return [rows[i] for i in keep], [labels[i] for i in keep]


def random_oversample(X, y, random_state=None):
    rng = random.Random(random_state)
    rows, labels = [list(r) for r in X], list(y)
    by = {}
    for i, lab in enumerate(labels):
        by.setdefault(lab, []).append(i)
    n_max = max(len(v) for v in by.values())
    keep = list(range(len(labels)))
    for idx in by.values():
        keep += rng.choices(idx, k=n_max - len(idx))
    return [rows[i] for i in keep], [labels[i] for i in keep]
