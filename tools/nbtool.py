"""Write and read course notebooks as plain text (jupytext's "percent" script).

The ``.ipynb`` files in ``source/`` are the course. This tool lets an author edit one
as text and turn it back into a notebook. jupytext does the conversion; this tool
writes each cell's nbgrader metadata as a short role in its header line instead of
jupytext's ``nbgrader={...}`` JSON:

    # %% [markdown]                          a markdown cell (each line starts "# ")
    # %%                                     a plain code cell
    # %% answer id=precision                 autograded answer (solution, not graded)
    # %% test id=test_precision points=2     autograded test (graded, read-only)
    # %% readonly id=setup                   read-only code cell
    # %% [markdown] manual id=q1 points=3    manually graded written answer
    # %% [markdown] readonly id=rubric_q1    read-only markdown (e.g. a rubric)
    # %% lesson                              lesson-only code: a figure, an explorer,
                                             a worked call, the lesson's split (not
                                             run when grading)

Usage::

    python tools/nbtool.py to-text source/01_metrics/metrics.ipynb  > metrics.py
    python tools/nbtool.py from-text metrics.py source/01_metrics/metrics.ipynb

Notebooks are written without outputs and with stable cell ids (the grade id, or the
cell's position), so that rebuilding an unchanged text gives an identical file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jupytext
import nbformat

KINDS = ("answer", "test", "readonly", "manual")
#: jupytext's percent format with no YAML header and only nbgrader cell metadata.
FORMAT = {
    "extension": ".py",
    "format_name": "percent",
    "notebook_metadata_filter": "-all",
    "cell_metadata_filter": "nbgrader,tags,-all",
}
#: The notebook metadata of every course notebook.
METADATA = {
    "kernelspec": {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    },
    "language_info": {"name": "python"},
}
ROLE = re.compile(
    r"^(# %%(?: \[markdown\])?) (?!nbgrader=|tags=|\[|lesson$)(.+)$", re.M
)
#: A lesson-only cell: its header, and what jupytext writes for its tag.
LESSON = ("# %% lesson", '# %% tags=["lesson-only"]')
JSON = re.compile(r"^(# %%(?: \[markdown\])?) nbgrader=(\{.*\})$", re.M)


def role_meta(role: str, lineno: int = 0) -> dict:
    """nbgrader metadata of a role header, ``answer id=precision``."""
    kind, opts = None, {}
    for word in role.split():
        if "=" in word:
            key, value = word.split("=", 1)
            opts[key] = value
        elif word in KINDS and kind is None:
            kind = word
        else:
            raise SystemExit(f"line {lineno}: unknown word {word!r} in cell header")
    if kind is None:
        raise SystemExit(
            f"line {lineno}: a cell header needs a role: {', '.join(KINDS)}"
        )
    if "id" not in opts:
        raise SystemExit(f"line {lineno}: the {kind} cell needs id=...")
    meta = {
        "grade": kind in ("test", "manual"),
        "grade_id": opts["id"],
        "locked": kind in ("test", "readonly"),
        "schema_version": 3,
        "solution": kind in ("answer", "manual"),
        "task": False,
    }
    if meta["grade"]:
        points = float(opts.get("points", 1))
        meta["points"] = int(points) if points.is_integer() else points
    return meta


def role(meta: dict) -> str:
    """The role header of nbgrader metadata (the inverse of :func:`role_meta`)."""
    if meta.get("solution"):
        kind = "manual" if meta.get("grade") else "answer"
    else:
        kind = "test" if meta.get("grade") else "readonly"
    points = f" points={meta.get('points', 1):g}" if meta.get("grade") else ""
    return f"{kind} id={meta['grade_id']}{points}"


def notebook_to_text(nb: dict) -> str:
    """Percent text for a notebook (outputs and other metadata are dropped)."""
    text = jupytext.writes(nbformat.reads(json.dumps(nb), as_version=4), fmt=FORMAT)
    text = re.sub(rf"^{re.escape(LESSON[1])}$", LESSON[0], text, flags=re.M)
    return JSON.sub(lambda m: f"{m[1]} {role(json.loads(m[2]))}", text)


def text_to_notebook(text: str) -> dict:
    """Build notebook JSON (a dict) from percent text."""

    def as_json(m: re.Match) -> str:
        lineno = text.count("\n", 0, m.start()) + 1
        return f"{m[1]} nbgrader={json.dumps(role_meta(m[2], lineno))}"

    text = re.sub(rf"^{re.escape(LESSON[0])}$", LESSON[1], text, flags=re.M)
    nb = jupytext.reads(ROLE.sub(as_json, text), fmt=FORMAT)
    nb.metadata = METADATA
    used: set[str] = set()
    for index, cell in enumerate(nb.cells):
        cell.metadata = {
            k: v for k, v in cell.metadata.items() if k in ("nbgrader", "tags")
        }
        cell_id = (
            cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell-{index:03d}"
        )
        while cell_id in used:
            cell_id += "-x"
        used.add(cell_id)
        cell.id = cell_id[:64]
    return json.loads(nbformat.writes(nb))


def write_notebook(nb: dict, path: Path) -> None:
    """Write notebook JSON the way Jupyter does (indent 1, sorted keys, newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "to-text":
        print(notebook_to_text(json.loads(Path(argv[1]).read_text())), end="")
        return 0
    if len(argv) == 3 and argv[0] == "from-text":
        write_notebook(text_to_notebook(Path(argv[1]).read_text()), Path(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
