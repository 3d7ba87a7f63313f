import numpy as np
from scipy.spatial import cKDTree


# CORRECT: neighbours from scipy's cKDTree (distances from differences), the row itself
# removed by index (with duplicates, any k of the zero-distance rows is right);
# returns a list of lists.
def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.array(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    _, idx = cKDTree(X).query(X, k=k_neighbors + 1)
    idx = np.asarray(idx).reshape(len(X), k_neighbors + 1)
    nn = np.array(
        [[j for j in row if j != i][:k_neighbors] for i, row in enumerate(idx)]
    )
    out = []
    for _ in range(n_samples):
        i = rng.integers(len(X))
        j = nn[i, rng.integers(k_neighbors)]
        u = rng.random()
        out.append((X[i] + u * (X[j] - X[i])).tolist())
    return out
