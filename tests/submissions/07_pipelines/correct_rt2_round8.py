"""Correct within the contract's stated tolerance: the reference design, with the
standardised numbers rounded to 8 decimals "so that the features are identical on
every platform / BLAS" (a FunctionTransformer after StandardScaler). Every value is
within 5e-9 of the reference, inside the contract's default tolerance ("within the
stated tolerance (default 1e-8 absolute)"); the one-hot columns are exact.
"""

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            (
                "round",
                FunctionTransformer(
                    np.round, kw_args={"decimals": 8}, feature_names_out="one-to-one"
                ),
            ),
        ]
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
