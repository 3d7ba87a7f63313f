"""Wrong: casts the imputed categories to str before one-hot encoding ("so that the
encoder never sees mixed types"). An integer-coded category column that has no
missing value in training is int64 (str: "3"); when a value goes missing at
prediction time the test column is float64 (3.0, nan; imputed to 3.0, str: "3.0"),
so no test category matches a training one and every test row is all zeros. E.g.
train code = [3, 17, 3, 42, 3], test code = [3.0, nan, 17.0]: the right one-hot
rows (categories 3, 17, 42) are [1,0,0], [1,0,0], [0,1,0]; this gives zeros.
Caught by the hidden table whose integer codes are complete in training (int64) and
missing at test time (float64).
"""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    categories = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            (
                "to_str",
                FunctionTransformer(
                    lambda X: X.astype(str), feature_names_out="one-to-one"
                ),
            ),
            ("onehot", OneHotEncoder(handle_unknown="ignore")),
        ]
    )
    return ColumnTransformer(
        [("num", numbers, list(numeric)), ("cat", categories, list(categorical))]
    )
