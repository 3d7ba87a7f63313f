"""Correct: one small pipeline per column, categories first, numbers in reverse order,
integer one-hot columns, 'infrequent_if_exist' (the same as 'ignore' without
min_frequency), always dense."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    parts = []
    for i, col in enumerate(categorical):
        encode = Pipeline(
            [
                ("fill", SimpleImputer(strategy="most_frequent")),
                (
                    "encode",
                    OneHotEncoder(handle_unknown="infrequent_if_exist", dtype=int),
                ),
            ]
        )
        parts.append((f"category_{i}", encode, [col]))
    for i, col in enumerate(reversed(list(numeric))):
        scale = Pipeline(
            [("fill", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
        )
        parts.append((f"number_{i}", scale, [col]))
    return ColumnTransformer(parts, remainder="drop", sparse_threshold=0.0)


def build_pipeline(numeric, categorical, model):
    preprocess = build_preprocessor(numeric, categorical)
    pipe = Pipeline([("preprocess", preprocess), ("model", model)])
    return pipe
