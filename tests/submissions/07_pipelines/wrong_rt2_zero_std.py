"""Wrong: a hand-written standardiser that guards the division with an EXACT test,
std == 0 -> 1. On a constant column whose value is not exactly representable, e.g.
x = [0.1] * 20 (or 0.3, 0.7, 7.3, ...), np.mean gives 0.1 + 1 ulp, np.std gives
1.39e-17 != 0, and every value comes out as (0.1 - mean) / 1.39e-17 = -1.0 (+-1)
instead of 0.0 (StandardScaler's answer; the notebook: "a constant column (standard
scaling gives 0)"). Test rows holding 0.1 are also -1. Caught by the hidden
constant column of 0.1 (correct_pandas.py had the same guard and now tests for a
single value instead).
"""

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder


def build_preprocessor(numeric, categorical):
    class Standardise(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            X = np.asarray(X, dtype=float)
            self.mean_ = X.mean(axis=0)
            std = X.std(axis=0)
            self.scale_ = np.where(std == 0, 1.0, std)
            return self

        def transform(self, X):
            return (np.asarray(X, dtype=float) - self.mean_) / self.scale_

    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", Standardise())]
    )
    categories = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
