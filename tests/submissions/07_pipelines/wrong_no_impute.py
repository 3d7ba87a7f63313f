"""Wrong: build_pipeline writes its own preprocessing, without imputation (the model
then receives NaN)."""

from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(numeric, categorical, model):
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), list(numeric)),
            ("cat", OneHotEncoder(handle_unknown="ignore"), list(categorical)),
        ]
    )
    return Pipeline([("preprocess", pre), ("model", model)])
