"""Wrong: min-max scaling instead of standard scaling."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder


def build_preprocessor(numeric, categorical):
    numbers = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", MinMaxScaler())]
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
