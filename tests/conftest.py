"""Shared pytest set-up: the --update-goldens flag and headless Matplotlib."""

import os

import matplotlib

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/goldens/*.json from this run instead of comparing with them",
    )


# Submission files and fixtures are data for the autograder tests, not test modules.
collect_ignore_glob = ["submissions/*", "fixtures/*", "artifacts/*", "goldens/*"]
# --doctest-modules would import both conftest.py files as the module "conftest".
collect_ignore_glob += ["conftest.py", "browser/conftest.py"]
