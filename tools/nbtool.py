"""Write and read course notebooks as plain text (a "percent" script).

The ``.ipynb`` files in ``source/`` are the course. This tool lets an author edit one
as text and turn it back into a notebook, keeping the nbgrader metadata in each cell's
header line:

    # %% [markdown]                          a markdown cell (each line starts "# ")
    # %%                                     a plain code cell
    # %% answer id=precision                 autograded answer (solution, not graded)
    # %% test id=test_precision points=2     autograded test (graded, read-only)
    # %% readonly id=setup                   read-only code cell
    # %% [markdown] manual id=q1 points=3    manually graded written answer
    # %% [markdown] readonly id=rubric_q1    read-only markdown (e.g. a rubric)

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

HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?(?P<rest>.*)$")
KINDS = ("answer", "test", "readonly", "manual")


def _nbgrader_meta(kind: str, grade_id: str, points: float | None) -> dict:
    meta = {
        "grade": kind in ("test", "manual"),
        "grade_id": grade_id,
        "locked": kind in ("test", "readonly"),
        "schema_version": 3,
        "solution": kind in ("answer", "manual"),
        "task": False,
    }
    if meta["grade"]:
        meta["points"] = points if points is not None else 1
    return meta


def _parse_header(rest: str, lineno: int) -> tuple[str | None, dict]:
    words = rest.split()
    kind = None
    opts: dict[str, str] = {}
    for word in words:
        if "=" in word:
            key, value = word.split("=", 1)
            opts[key] = value
        elif word in KINDS and kind is None:
            kind = word
        else:
            raise SystemExit(f"line {lineno}: unknown word {word!r} in cell header")
    if kind and "id" not in opts:
        raise SystemExit(f"line {lineno}: a {kind} cell needs id=...")
    return kind, opts


def text_to_notebook(text: str) -> dict:
    """Build notebook JSON (a dict) from percent text."""
    cells: list[dict] = []
    current: dict | None = None
    lines: list[str] = []

    def flush():
        if current is None:
            return
        body = lines[:]
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        if current["cell_type"] == "markdown":
            body = [ln[2:] if ln.startswith("# ") else ln.lstrip("#") for ln in body]
        source = "\n".join(body)
        current["source"] = _split_source(source)
        cells.append(current)

    for lineno, line in enumerate(text.splitlines(), 1):
        match = HEADER.match(line)
        if match:
            flush()
            kind, opts = _parse_header(match["rest"], lineno)
            cell_type = "markdown" if match["md"] else "code"
            current = {"cell_type": cell_type, "metadata": {}}
            if kind:
                points = float(opts["points"]) if "points" in opts else None
                if points is not None and points == int(points):
                    points = int(points)
                current["metadata"]["nbgrader"] = _nbgrader_meta(
                    kind, opts["id"], points
                )
            if cell_type == "code":
                current["execution_count"] = None
                current["outputs"] = []
            lines = []
        elif current is not None:
            lines.append(line)
    flush()

    used: set[str] = set()
    for index, cell in enumerate(cells):
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        cell_id = grade_id or f"cell-{index:03d}"
        while cell_id in used:
            cell_id += "-x"
        used.add(cell_id)
        cell["id"] = cell_id[:64]
        # key order as nbformat writes it
        ordered = {"cell_type": cell["cell_type"]}
        if cell["cell_type"] == "code":
            ordered["execution_count"] = None
        ordered["id"] = cell["id"]
        ordered["metadata"] = cell["metadata"]
        if cell["cell_type"] == "code":
            ordered["outputs"] = []
        ordered["source"] = cell["source"]
        cells[index] = ordered
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _split_source(source: str) -> list[str]:
    parts = source.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def notebook_to_text(nb: dict) -> str:
    """Percent text for a notebook (outputs are dropped)."""
    out: list[str] = []
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader")
        header = "# %%"
        if cell["cell_type"] == "markdown":
            header += " [markdown]"
        if meta:
            if meta.get("solution") and meta.get("grade"):
                kind = "manual"
            elif meta.get("solution"):
                kind = "answer"
            elif meta.get("grade"):
                kind = "test"
            else:
                kind = "readonly"
            header += f" {kind} id={meta['grade_id']}"
            if meta.get("grade"):
                header += f" points={meta.get('points', 1):g}"
        out.append(header)
        source = (
            "".join(cell["source"])
            if isinstance(cell["source"], list)
            else cell["source"]
        )
        for line in source.split("\n"):
            if cell["cell_type"] == "markdown":
                out.append(("# " + line) if line else "#")
            else:
                out.append(line)
        out.append("")
    return "\n".join(out)


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
