# Correct: explicit names of my own, categorical branch first, dense one-hot
# (sparse_output=False), column lists kept as given (tuples work in ColumnTransformer),
# handle_unknown="infrequent_if_exist" (no min_frequency/max_categories, so there is no
# infrequent category and unseen ones are encoded as all zeros, exactly like "ignore"),
# and pandas output via set_output.
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    cats = Pipeline(
        [
            ("fill", SimpleImputer(strategy="most_frequent")),
            (
                "encode",
                OneHotEncoder(
                    handle_unknown="infrequent_if_exist", sparse_output=False
                ),
            ),
        ]
    )
    nums = Pipeline(
        [("fill", SimpleImputer(strategy="median")), ("standardise", StandardScaler())]
    )
    ct = ColumnTransformer(
        [("categories", cats, categorical), ("numbers", nums, numeric)],
        remainder="drop",
    )
    return ct.set_output(transform="pandas")


def build_pipeline(numeric, categorical, model):
    pipe = Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)]
    )
    return pipe
