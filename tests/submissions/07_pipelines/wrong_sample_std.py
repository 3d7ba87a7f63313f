"""Wrong: scaling written with pandas, whose .std() divides by n - 1 (StandardScaler
divides by n)."""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder


def build_preprocessor(numeric, categorical):
    class Standardise(FunctionTransformer):
        def fit(self, X, y=None):
            X = pd.DataFrame(X).astype(float)
            self.median_ = X.median()
            filled = X.fillna(self.median_)
            self.mean_, self.std_ = filled.mean(), filled.std().replace(0, 1)
            return self

        def transform(self, X):
            X = pd.DataFrame(X).astype(float).fillna(self.median_)
            return ((X - self.mean_) / self.std_).to_numpy()

    categories = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", Standardise(), list(numeric)), ("cat", categories, list(categorical))]
    )
