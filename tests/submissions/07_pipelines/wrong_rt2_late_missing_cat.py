"""Wrong: a hand-written most-frequent imputer that learns a fill value only for the
categorical columns that have gaps in the training rows ("a complete column needs
no fill value"). A category missing only at prediction time stays NaN, which the
encoder (handle_unknown="ignore") turns into all zeros instead of the training mode.
E.g. train plan = [basic, basic, premium] (complete), test plan = [nan]: the right
one-hot row (basic, premium) is [1, 0]; this gives [0, 0]. Caught by the
hidden yes/no column complete in training and by integer codes missing at test time.
"""

import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    class FillMostFrequent(BaseEstimator, TransformerMixin):
        def fit(self, X, y=None):
            X = pd.DataFrame(X).astype(object)
            self.fill_ = {
                c: X[c].value_counts().index[0] for c in X.columns if X[c].isna().any()
            }
            return self

        def transform(self, X):
            return pd.DataFrame(X).astype(object).fillna(self.fill_).to_numpy()

    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    categories = Pipeline(
        [
            ("impute", FillMostFrequent()),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
