# Correct: make_column_transformer / make_pipeline (auto step names), sparse one-hot,
# sparse_threshold=1.0 so the output is a scipy sparse matrix whenever a categorical
# column is present. Contract fixes only the step names of build_pipeline.
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    return make_column_transformer(
        (
            make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
            list(numeric),
        ),
        (
            make_pipeline(
                SimpleImputer(strategy="most_frequent"),
                OneHotEncoder(handle_unknown="ignore"),
            ),
            list(categorical),
        ),
        sparse_threshold=1.0,
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        steps=[
            ("preprocess", build_preprocessor(numeric, categorical)),
            ("model", model),
        ]
    )
