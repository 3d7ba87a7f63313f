"""``python -m interview_lab.nbgrader_cli ARGS``: nbgrader, without two start-up costs.

Every command the course runs (``make grade``, ``make grade-all``, ``make release``,
the Dask workers, the tests) starts nbgrader through :func:`interview_lab.course.nbgrader`,
which runs this module. It is nbgrader's own command line, minus two costs that come
from its dependencies, not from grading, and that every nbgrader command pays on
start-up (measured on the 2-core machine):

* **about 1.1 s of a 2 s start**: ``jsonschema`` (imported by ``nbformat``) imports
  ``rfc3987_syntax`` when it is installed, and that module builds about 35 Lark parsers
  for the ``iri`` string format at import time (jsonschema issue 1428). No notebook
  schema uses that format, so this module marks ``rfc3987_syntax`` as missing before
  anything imports ``jsonschema``; ``jsonschema`` then simply registers no ``iri``
  check, as it does wherever that optional package is not installed.
* **about 2.1 s for each new gradebook**: nbgrader stamps a new gradebook with its
  schema version by running ``alembic heads`` in a subprocess, which imports nbgrader
  all over again. :func:`alembic_head` reads the same version from nbgrader's migration
  scripts in this process, with alembic's own API.

Running ``nbgrader`` directly still works the same, only slower.
"""

from __future__ import annotations

import sys

__all__ = ["alembic_head", "main", "prepare", "skip_slow_imports"]

#: The optional module ``jsonschema`` imports for its ``iri`` format check.
SLOW_OPTIONAL = "rfc3987_syntax"


def skip_slow_imports() -> None:
    """Mark ``rfc3987_syntax`` as missing in this process (before ``jsonschema`` is
    imported): the course's own command line, which reads nbgrader's config and
    gradebook, calls it too."""
    sys.modules.setdefault(SLOW_OPTIONAL, None)  # an import of it raises ImportError


def alembic_head() -> str:
    """The newest revision of nbgrader's gradebook schema: what ``alembic heads``
    prints for nbgrader's migration scripts, read in this process."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from nbgrader import dbutil

    config = Config()
    config.set_main_option("script_location", dbutil.ALEMBIC_DIR)
    return ScriptDirectory.from_config(config).get_current_head()


def prepare() -> None:
    """Both savings in this process: ``rfc3987_syntax`` marked missing and nbgrader's
    schema version read with :func:`alembic_head`."""
    skip_slow_imports()
    from nbgrader import api

    api.get_alembic_version = alembic_head


def main(argv: list[str] | None = None) -> None:
    """Run nbgrader with ``argv`` (default: this process's arguments)."""
    prepare()
    from nbgrader.apps.nbgraderapp import main as nbgrader_main

    sys.argv = ["nbgrader", *(sys.argv[1:] if argv is None else argv)]
    nbgrader_main()


if __name__ == "__main__":
    main()
