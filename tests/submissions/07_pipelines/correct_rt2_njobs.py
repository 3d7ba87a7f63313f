"""Correct: the reference design with the ColumnTransformer run in parallel (n_jobs=2,
joblib/loky worker processes), remainder="drop" spelled out, and a cached Pipeline
(memory= a joblib cache directory; it clones the transformers it caches). Same
values as the reference; only where the work runs differs.
"""

import tempfile

from joblib import Memory
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    categories = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))],
        remainder="drop",
        n_jobs=2,
    )


def build_pipeline(numeric, categorical, model):
    cache = Memory(tempfile.mkdtemp(prefix="pipe_cache_"), verbose=0)
    return Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)],
        memory=cache,
    )
