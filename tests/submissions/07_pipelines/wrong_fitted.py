"""Wrong: both functions "test on sample data" inside themselves and return the
estimator fitted on that sample."""

import numpy as np
import pandas as pd
from sklearn.base import is_classifier
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
    pre = ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
    sample = pd.DataFrame(
        {
            **{c: [1.0, np.nan, 3.0] for c in numeric},
            **{c: ["a", "b", np.nan] for c in categorical},
        }
    )
    pre.fit(sample)  # quick sanity check
    return pre


def build_pipeline(numeric, categorical, model):
    pipe = Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)]
    )
    sample = pd.DataFrame(
        {
            **{c: [1.0, 2.0, 3.0, 4.0] for c in numeric},
            **{c: ["a", "b", "a", "b"] for c in categorical},
        }
    )
    y = [0, 1, 0, 1] if is_classifier(model) else [1.0, 2.0, 3.0, 4.0]
    return pipe.fit(sample, y)  # "it works"
