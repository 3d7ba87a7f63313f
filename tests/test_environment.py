"""environment.yml (conda) and pyproject.toml (pip) name the same packages."""

from __future__ import annotations

import re
import tomllib

from harness import REPO


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    name, spec = (
        match.group(1).lower().replace("_", "-"),
        match.group(2).replace(" ", ""),
    )
    return name, ",".join(sorted(spec.split(","))) if spec else ""


def pip_requirements() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return dict(_normalise(r) for r in reqs)


def conda_requirements() -> dict[str, str]:
    reqs = []
    in_deps = False
    for line in (REPO / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        if in_deps and re.match(r"^  - [^ ]", line) and not line.strip().endswith(":"):
            reqs.append(line.strip()[2:])
    skip = {"python", "pip"}
    return {n: s for n, s in map(_normalise, reqs) if n not in skip}


def test_environment_yml_and_pyproject_name_the_same_packages():
    pip, conda = pip_requirements(), conda_requirements()
    assert sorted(pip) == sorted(conda), (
        f"only in pyproject: {sorted(set(pip) - set(conda))}; "
        f"only in environment.yml: {sorted(set(conda) - set(pip))}"
    )
    assert pip == conda, "version bounds differ"


def test_environment_yml_installs_the_course_package_and_python_311():
    text = (REPO / "environment.yml").read_text()
    assert "python>=3.11" in text
    assert "- -e ." in text


def test_stack_is_complete():
    needed = {
        "numpy",
        "pandas",
        "matplotlib",
        "scikit-learn",
        "imbalanced-learn",
        "ipywidgets",
        "jupyterlab",
        "nbgrader",
    }
    assert needed <= set(pip_requirements())
