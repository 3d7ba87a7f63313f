"""Correct: the columns are chosen with make_column_selector and an exact, escaped
regular expression built from the given names (anchored, so "x" does not select
"x_copy"; an empty list selects nothing), i.e. exactly the listed columns, in the
table's order instead of the list's (column order is free). The categorical branch
encodes first with OneHotEncoder(handle_unknown="ignore") after imputing.
"""

import re

from sklearn.compose import make_column_selector, make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    def exactly(names):
        names = [re.escape(str(n)) for n in names]
        return "^(?:" + "|".join(names) + ")$" if names else r"(?!)"

    return make_column_transformer(
        (
            make_pipeline(
                SimpleImputer(strategy="most_frequent"),
                OneHotEncoder(handle_unknown="ignore"),
            ),
            make_column_selector(pattern=exactly(categorical)),
        ),
        (
            make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
            make_column_selector(pattern=exactly(numeric)),
        ),
    )


def build_pipeline(numeric, categorical, model):
    return Pipeline(
        [("preprocess", build_preprocessor(numeric, categorical)), ("model", model)]
    )
