# WRONG: OneHotEncoder(min_frequency=0.001): categories seen in < 0.1% of the training rows
# are grouped into one "infrequent" column. On 3000 training rows where two categories
# occur once each, they share one column (output has one column fewer and that column is 1
# for both); the contract's one-hot encoding gives each its own column. With n <= 1000
# the threshold is <= 1 row, so nothing is ever grouped; the 3000/4000-row hidden tables
# have no category rarer than 4 rows.
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(numeric, categorical):
    num = Pipeline(
        [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
    )
    cat = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            (
                "onehot",
                OneHotEncoder(
                    handle_unknown="infrequent_if_exist", min_frequency=0.001
                ),
            ),
        ]
    )
    return ColumnTransformer(
        [("num", num, list(numeric)), ("cat", cat, list(categorical))]
    )
