"""Wrong: scales before imputing (StandardScaler ignores NaN, then the gaps get the scaled median, and the scale never saw them)."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    numbers = Pipeline(
        [("scale", StandardScaler()), ("impute", SimpleImputer(strategy="median"))]
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
