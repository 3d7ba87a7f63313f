"""Correct: the make_* helpers, dense one-hot output, a clone of the model."""

from sklearn.base import clone
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categories = make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="ignore", sparse_output=False),
    )
    return make_column_transformer(
        (numbers, list(numeric)), (categories, list(categorical))
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        steps=[
            ("preprocess", build_preprocessor(numeric, categorical)),
            ("model", clone(model)),
        ]
    )
