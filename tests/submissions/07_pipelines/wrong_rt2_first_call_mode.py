"""Wrong (state that survives a refit): the categorical gaps are filled by a
FunctionTransformer whose closure learns the modes on its FIRST call (the fit on the
training rows) and reuses them forever after. FunctionTransformer's func is shared by
every copy and clone, so a second fit on other data, or every fold of
cross_val_score / GridSearchCV, keeps the modes of the first data seen. E.g.
  p = build_preprocessor([], ["c"])
  p.fit(pd.DataFrame({"c": ["a", "a", "b"]}))
  p.fit(pd.DataFrame({"c": ["b", "b", "a", np.nan]}))
  p.transform(pd.DataFrame({"c": ["a", np.nan]}))
must give [[1, 0], [0, 1]] (columns a, b; the mode of the data it was last fitted on
is "b"); this gives [[1, 0], [1, 0]] ("a", learned from the first data). Equally
clone(p).fit(D2) is wrong.
Caught by the hidden refit cases (topic.refit_cases): fitted on another table first.
"""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    modes = {}

    def fill_most_frequent(X):
        X = pd.DataFrame(X).astype(object)
        if not modes:  # the first call is the fit on the training rows
            modes.update({c: X[c].value_counts().index[0] for c in X.columns})
        return X.fillna(modes)

    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    categories = Pipeline(
        [
            ("impute", FunctionTransformer(fill_most_frequent)),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
