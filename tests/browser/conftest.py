"""Session fixtures of the browser tests: one course copy, one JupyterLab, one Chromium.

Without Chromium the browser tests are skipped with a message saying how to install
it, except under ``CI=true`` (where ``.ci/system-deps`` installs it): there a missing
browser fails them.
"""

from __future__ import annotations

import os
import time

import browserlab as lab
import pytest

ARTIFACTS = lab.REPO / "tests" / "artifacts" / "browser"
# Every pytest-xdist worker imports this file before any test of the run starts.
IMPORTED_AT = time.time()


def _require_chromium() -> str:
    path = lab.find_chromium()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{lab.INSTALL_HINT}. Under CI=true the browser tests must run: "
                ".ci/run installs it with .ci/system-deps.",
                pytrace=False,
            )
        pytest.skip(lab.INSTALL_HINT)
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    return _require_chromium()


@pytest.fixture(scope="session")
def screenshots() -> lab.Path:
    """tests/artifacts/browser/, without the pictures of earlier runs.

    Only files older than this run go: should the browser tests ever be spread over
    several xdist workers, one worker must not delete what another just saved.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        if old.stat().st_mtime < IMPORTED_AT:
            old.unlink(missing_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def course_root(tmp_path_factory, chromium) -> lab.Path:
    return lab.make_course(tmp_path_factory.mktemp("browser-course"))


@pytest.fixture(scope="session")
def lab_server(course_root, tmp_path_factory):
    server = lab.LabServer(course_root, tmp_path_factory.mktemp("jupyter-home"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium, tmp_path_factory):
    b = lab.Browser(chromium, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b.start()
    finally:
        b.stop()


@pytest.fixture
def page(browser, lab_server):
    """A fresh tab; its kernels are shut down afterwards."""
    p = browser.new_page()
    p.set_default_timeout(60_000)
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.js_errors = errors
    try:
        yield p
    finally:
        try:
            p.close()
        finally:
            lab_server.shutdown_kernels()


def pytest_configure(config):
    # pytest-xdist registers this marker itself; declared here too so that the browser
    # tests also run with `-p no:xdist` under --strict-markers.
    config.addinivalue_line(
        "markers", "xdist_group(name): run these tests in one worker"
    )
