"""Correct: the numeric and categorical steps written by hand with pandas, as
transformers inside a ColumnTransformer (the checks judge behaviour, not classes)."""

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline


def build_preprocessor(numeric, categorical):
    class Numbers(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            X = pd.DataFrame(X).astype(float)
            self.median_ = X.median()
            filled = X.fillna(self.median_)
            self.mean_ = filled.mean()
            std = filled.std(ddof=0)  # the population standard deviation
            # a constant column gives 0: test "one value", not std > 0 (the std of
            # twenty 0.1s is 1.4e-17, as their float mean is not exactly 0.1)
            self.std_ = std.mask(filled.nunique() <= 1, 1.0)
            return self

        def transform(self, X):
            X = pd.DataFrame(X).astype(float).fillna(self.median_)
            return ((X - self.mean_) / self.std_).to_numpy()

    class Categories(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            X = pd.DataFrame(X)
            self.mode_ = {c: X[c].value_counts().index[0] for c in X.columns}
            self.levels_ = {
                c: list(X[c].fillna(self.mode_[c]).unique()) for c in X.columns
            }
            return self

        def transform(self, X):
            X = pd.DataFrame(X)
            out = []
            for c in X.columns:
                values = X[c].fillna(self.mode_[c]).to_numpy()
                out += [(values == level).astype(float) for level in self.levels_[c]]
            return np.column_stack(out) if out else np.zeros((len(X), 0))

    return ColumnTransformer(
        [
            ("numbers", Numbers(), list(numeric)),
            ("categories", Categories(), list(categorical)),
        ]
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)],
        verbose=False,
    )
