"""Wrong (leak at prediction time): the categorical gaps are filled by a stateless
FunctionTransformer with the mode of the batch being transformed, not the mode
learned in training. E.g. train colour = [red, red, red, blue], test colour =
[blue, blue, nan]: the nan must become "red" (one-hot [0,1] in (blue, red)), here it
becomes "blue" ([1,0]).
"""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    def fill_mode(X):
        X = pd.DataFrame(X).astype(object)
        return X.fillna(
            {c: X[c].mode(dropna=True).iloc[0] for c in X.columns if X[c].notna().any()}
        )

    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    categories = Pipeline(
        [
            ("impute", FunctionTransformer(fill_mode)),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
