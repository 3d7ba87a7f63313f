"""Correct: OneHotEncoder(handle_unknown="warn") (scikit-learn >= 1.6): an unseen
category is encoded as all zeros, exactly as "ignore", and a UserWarning says so
(useful in serving logs). Boolean dense one-hot columns (0/1 values as bool), the
numeric branch as a two-step make_pipeline, and build_pipeline built from
Pipeline(steps=...) with the same model object.
"""

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categories = make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="warn", sparse_output=False, dtype=np.bool_),
    )
    return ColumnTransformer(
        transformers=[
            ("numbers", numbers, numeric),
            ("categories", categories, categorical),
        ]
    )


def build_pipeline(numeric, categorical, model):
    steps = [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)]
    return Pipeline(steps=steps)
