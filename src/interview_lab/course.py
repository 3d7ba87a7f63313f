"""The course's layout on disk, and the set-up steps behind ``make setup``.

The course root is the folder holding ``nbgrader_config.py``. Learners work in
``notebooks/<assignment>/``, which set-up fills with copies of ``release/`` (never
overwriting a learner's file).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .limits import thread_environ

__all__ = [
    "assignments",
    "find_root",
    "lab_settings",
    "nbgrader",
    "nbgrader_env",
    "prepare_notebooks",
    "reset_notebooks",
    "sqlite_path",
    "write_lab_settings",
]


def find_root(start: Path | str | None = None) -> Path:
    """The course root: the nearest folder at or above ``start`` with nbgrader_config.py.

    Parameters
    ----------
    start : path-like, optional
        Where to start looking; the ``INTERVIEW_LAB_ROOT`` environment variable, else
        the current directory.
    """
    start = Path(start or os.environ.get("INTERVIEW_LAB_ROOT") or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir():
            return folder
    raise FileNotFoundError(
        f"no course root (a folder with nbgrader_config.py and source/) at or above {start}"
    )


def assignments(root: Path) -> list[str]:
    """Assignment ids in course order (the folder names in ``source/``)."""
    return sorted(
        p.name
        for p in (root / "source").iterdir()
        if p.is_dir() and not p.name.startswith(".")
    )


def prepare_notebooks(root: Path, quiet: bool = False) -> list[Path]:
    """Copy each released notebook into ``notebooks/`` unless a copy is already there.

    Returns the paths it created; existing files (a learner's work) are left alone.
    """
    created = []
    for nb in sorted((root / "release").glob("*/*.ipynb")):
        target = root / "notebooks" / nb.parent.name / nb.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(nb, target)
        created.append(target)
        if not quiet:
            print(f"prepared {target.relative_to(root)}")
    return created


def reset_notebooks(
    root: Path,
    assignment: str,
    quiet: bool = False,
    now: datetime.datetime | None = None,
) -> list[tuple[Path, Path | None]]:
    """Put a fresh copy of each released notebook of ``assignment`` in ``notebooks/``.

    An existing notebook is first renamed to a dated backup next to it,
    ``<name>.backup-YYYY-MM-DD-HHMMSS.ipynb``: nothing is deleted. Returns
    ``(fresh copy, backup or None)`` pairs.
    """
    released = sorted((root / "release" / assignment).glob("*.ipynb"))
    if not released:
        known = ", ".join(
            p.name for p in sorted((root / "release").iterdir()) if p.is_dir()
        )
        raise FileNotFoundError(
            f"no released notebook for {assignment!r}; the assignments are: {known}"
        )
    stamp = (now or datetime.datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    done = []
    for nb in released:
        target = root / "notebooks" / assignment / nb.name
        target.parent.mkdir(parents=True, exist_ok=True)
        backup = None
        if target.exists():
            backup = target.with_name(f"{nb.stem}.backup-{stamp}.ipynb")
            n = 1
            while backup.exists():
                n += 1
                backup = target.with_name(f"{nb.stem}.backup-{stamp}-{n}.ipynb")
            target.rename(backup)
        shutil.copy2(nb, target)
        done.append((target, backup))
        if not quiet:
            kept = (
                f" (your previous version: {backup.relative_to(root)})"
                if backup
                else ""
            )
            print(
                f"fresh copy of release/{assignment}/{nb.name} in "
                f"{target.relative_to(root)}{kept}"
            )
    return done


def lab_settings() -> dict:
    """JupyterLab settings for the course: Markdown opens rendered, no news pop-up."""
    return {
        "@jupyterlab/docmanager-extension:plugin": {
            "defaultViewers": {"markdown": "Markdown Preview"}
        },
        "@jupyterlab/apputils-extension:notification": {
            "checkForUpdates": False,
            "fetchNews": "false",
        },
    }


def write_lab_settings(prefix: Path | str = sys.prefix) -> Path:
    """Write :func:`lab_settings` as JupyterLab's ``overrides.json`` in ``prefix``."""
    path = Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    current.update(lab_settings())
    path.write_text(json.dumps(current, indent=2) + "\n")
    return path


def nbgrader(args: list[str], root: Path, check: bool = True, **kwargs):
    """Run ``nbgrader ARGS`` in ``root`` with this environment's bin/ first on PATH.

    nbgrader is started through :mod:`interview_lab.nbgrader_cli` (its command line,
    without two start-up costs of its dependencies). nbgrader runs ``alembic`` from
    PATH for some database commands, so the environment's own bin/ comes first.
    """
    return subprocess.run(
        [sys.executable, "-m", "interview_lab.nbgrader_cli", *args],
        cwd=root,
        env=nbgrader_env(kwargs.pop("env", {})),
        check=check,
        **kwargs,
    )


def nbgrader_env(env: dict[str, str]) -> dict[str, str]:
    """The environment nbgrader runs in: this process's, with one thread in each
    numerical thread pool (as on a Dask worker, so that the judge computes alike
    serially and on a cluster), ``env`` over it and this environment's bin/ first on
    PATH.

    >>> nbgrader_env({"NBGRADER_TIMEOUT": "5"})["OMP_NUM_THREADS"]
    '1'
    """
    out = {**os.environ, **thread_environ(1), **env}
    out["PATH"] = str(Path(sys.executable).parent) + os.pathsep + out.get("PATH", "")
    return out


def sqlite_path(db_url: str | None) -> Path | None:
    """The file of an sqlite gradebook URL (``sqlite:///<path>``), or ``None`` for
    another database (or no URL).

    >>> sqlite_path("sqlite:////srv/course/gradebook.db")
    PosixPath('/srv/course/gradebook.db')
    >>> sqlite_path("postgresql+psycopg2://grader@db/course") is None
    True
    """
    if not db_url or not db_url.startswith("sqlite:///"):
        return None
    return Path(db_url.removeprefix("sqlite:///"))
