"""A class where honest learners are mixed with broken and hostile submissions.

One ``grade-all`` run (the instructor's batch command) over two assignments grades
honest, broken and hostile submissions together, then checks what must hold:

1. every honest learner gets exactly the score of their honest work, and the batch
   finishes;
2. no broken or hostile submission gets more than its honest work earns, and the
   broken ones are reported by name with the reason;
3. nothing outside the submissions' own autograded folders changes (``source/``,
   ``release/``, ``submitted/``, other learners' results, the gradebook, also after a
   detached process had time to act), and no process survives the batch;
4. with the sandbox on, no submission reads ``source/`` or the gradebook.

Cheating through the checks themselves is covered too: answer cells that patch the
course's checker, NumPy's and the course's comparisons, ``builtins.__import__``, IPython's
input transformers, the shell's ``run_cell`` or the kernel's ``do_execute``, each beside
one wrong answer, must score exactly what their honest work earns: the graded test
cells run in the judge (:mod:`interview_lab.judge`), out of their reach.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import Course, cell_source, notebook_path, read_nb, solved_release

from interview_lab import cells
from interview_lab.sandbox import sandbox_is_on

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile-batch")]

A, B = "01_metrics", "10_recommender"
MARK = "1234.5"  # the argument of every process a hostile submission leaves behind

FIND_COURSE = (
    "import pathlib\n"
    "def _course():\n"
    "    for p in [pathlib.Path.cwd(), *pathlib.Path.cwd().parents]:\n"
    "        if (p / 'source').is_dir() or (p / 'gradebook.db').exists():\n"
    "            return p\n"
    "    return None\n"
)
READ_SOURCE = FIND_COURSE + (
    "_c = _course()\n"
    "try:\n"
    "    print('LEAKED', [q.read_text()[:2000] for q in _c.glob('source/*/*.ipynb')])\n"
    "except Exception as e:\n"
    "    print('blocked', type(e).__name__)\n"
)
LATER_GRADEBOOK = (
    "import subprocess, sys\n"
    "subprocess.Popen([sys.executable, '-c', '''\n"
    "import pathlib, time\n"
    "time.sleep(4)\n"
    "for p in [pathlib.Path.cwd(), *pathlib.Path.cwd().parents]:\n"
    '    if (p / "gradebook.db").exists():\n'
    '        (p / "gradebook.db").write_bytes(b"gone")\n'
    "'''], start_new_session=True)\n"
)
OTHERS = FIND_COURSE + (
    "_c = _course()\n"
    "if _c is not None:\n"
    "    for q in list(_c.glob('*/*/*/*.ipynb')):\n"
    "        try:\n"
    "            q.write_text('overwritten')\n"
    "        except OSError:\n"
    "            pass\n"
)
LEFTOVERS = (
    "import subprocess\n"
    f"for _ in range(5):\n    subprocess.Popen(['sleep', '{MARK}'], "
    "start_new_session=True)\n"
)
IGNORE_INTERRUPT = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"
NAMES = "topic = None\nnp = None\ncheck = lambda *a, **k: None\n"
# Cheats that, with the checks in the learner's kernel, turn a wrong answer into marks.
PATCH_CHECKER = (
    "import interview_lab.checking as _ch\n"
    "_ch.Checker.__call__ = lambda self, *a, **k: None\n"
    "_ch.Checker.raises = lambda self, *a, **k: None\n"
    "_ch.Checker.that = lambda self, *a, **k: None\n"
    "_ch.is_unsolved_stub = lambda f: False\n"
)
PATCH_NUMPY = (
    "import numpy as _np\n"
    "import interview_lab.checking as _ch, interview_lab.values as _v\n"
    "_np.allclose = _np.isclose = _np.array_equal = lambda *a, **k: True\n"
    "_np.testing.assert_allclose = lambda *a, **k: None\n"
    "_v.compare = _ch.compare = lambda *a, **k: None\n"
)
PATCH_IMPORT = (
    "import builtins, types\n"
    "_real_import = builtins.__import__\n"
    "class _Check:\n"
    "    def __call__(self, *a, **k):\n"
    "        return None\n"
    "    def __getattr__(self, name):\n"
    "        return lambda *a, **k: None\n"
    "_fake = types.SimpleNamespace(metrics=types.SimpleNamespace(\n"
    "    checker=lambda *a, **k: _Check()))\n"
    "def _import(name, *a, **k):\n"
    "    if name == 'interview_lab.topics':\n"
    "        return _fake\n"
    "    return _real_import(name, *a, **k)\n"
    "builtins.__import__ = _import\n"
)
TRANSFORMER = (
    "get_ipython().input_transformers_post.append(\n"
    "    lambda lines: ['pass\\n'] if any('check' in s for s in lines) else lines)\n"
)
RUN_CELL = (
    "_ip = get_ipython()\n"
    "_rc, _rca = _ip.run_cell, _ip.run_cell_async\n"
    "def _run_cell(raw_cell, *a, **k):\n"
    "    return _rc('pass' if 'check' in raw_cell else raw_cell, *a, **k)\n"
    "async def _run_cell_async(raw_cell, *a, **k):\n"
    "    return await _rca('pass' if 'check' in raw_cell else raw_cell, *a, **k)\n"
    "_ip.run_cell, _ip.run_cell_async = _run_cell, _run_cell_async\n"
)
KERNEL_METHOD = (
    "import inspect as _inspect\n"
    "_k = get_ipython().kernel\n"
    "_de = _k.do_execute\n"
    "if _inspect.iscoroutinefunction(_de):\n"
    "    async def _do_execute(code, *a, **k):\n"
    "        return await _de('pass' if 'check' in code else code, *a, **k)\n"
    "else:\n"
    "    def _do_execute(code, *a, **k):\n"
    "        return _de('pass' if 'check' in code else code, *a, **k)\n"
    "_k.do_execute = _do_execute\n"
)
CHEATS = {
    "c_checker": PATCH_CHECKER,
    "c_numpy": PATCH_NUMPY,
    "c_import": PATCH_IMPORT,
    "c_transformer": TRANSFORMER,
    "c_run_cell": RUN_CELL,
    "c_kernel_method": KERNEL_METHOD,
}


def _answer(nb: dict, name: str) -> dict:
    return next(c for c in nb["cells"] if cells.grade_id(c) == name)


def prefixed(nb: dict, name: str, code: str) -> dict:
    """``nb`` with ``code`` run at the top of answer cell ``name`` (answer kept)."""
    nb = copy.deepcopy(nb)
    cell = _answer(nb, name)
    cell["source"] = code + "\n" + cell_source(cell)
    return nb


def suffixed(nb: dict, name: str, code: str) -> dict:
    """``nb`` with ``code`` run after the answer in cell ``name``."""
    nb = copy.deepcopy(nb)
    cell = _answer(nb, name)
    cell["source"] = cell_source(cell) + "\n" + code
    return nb


def wrong(nb: dict, name: str, body: str = "return 0.0") -> dict:
    """``nb`` whose answer ``name`` is replaced by a wrong one-liner."""
    nb = copy.deepcopy(nb)
    cell = _answer(nb, name)
    head = cell_source(cell).split("def ", 1)[1].split(":", 1)[0]
    cell["source"] = f"def {head}:\n    {body}\n"
    return nb


def _test_cells_of(nb: dict, name: str) -> list[dict]:
    return [c for c in nb["cells"] if str(cells.grade_id(c)).startswith(f"test_{name}")]


def edited_tests(nb: dict, name: str, how: str) -> dict:
    nb = copy.deepcopy(nb)
    for cell in _test_cells_of(nb, name):
        if how == "emptied":
            cell["source"] = "pass"
        elif how == "unlocked":
            cell["metadata"]["nbgrader"]["locked"] = False
            cell["metadata"]["nbgrader"]["points"] = 100
            cell["source"] = "print('all good')"
        elif how == "deleted":
            nb["cells"].remove(cell)
    return nb


def pasted(nb: dict, name: str) -> dict:
    nb = copy.deepcopy(nb)
    cell = _answer(nb, name)
    at = nb["cells"].index(cell) + 1
    nb["cells"].insert(at, {**copy.deepcopy(cell), "id": "pasted-copy"})
    return nb


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers() -> list[str]:
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in ps.splitlines() if f"sleep {MARK}" in line]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("batch")
    course = Course.create(tmp, [A, B])
    course.generate(A)
    course.generate(B)
    a, b = solved_release(A), solved_release(B)
    max_a, max_b = 27.0, 12.0
    # student: (assignment, notebook or raw text, most it may score, file name)
    plan = {
        # honest
        "h_ann": (A, a, max_a),
        "h_ben": (A, wrong(a, "mae"), max_a - 3),
        "h_cat": (A, wrong(wrong(a, "rmse"), "r2"), max_a - 6),
        "h_dev": (B, b, max_b),
        "h_eli": (B, wrong(b, "precision_at_k"), max_b - 3),
        # reaching outside
        "x_read_source": (A, prefixed(a, "mae", READ_SOURCE), max_a),
        "x_gradebook_later": (A, prefixed(a, "precision", LATER_GRADEBOOK), max_a),
        "x_others": (A, prefixed(a, "recall", OTHERS), max_a),
        "x_leftovers": (A, prefixed(a, "r2", LEFTOVERS), max_a),
        "y_read_source": (B, prefixed(b, "recommend", READ_SOURCE), max_b),
        "y_others": (B, prefixed(b, "item_similarity", OTHERS), max_b),
        # endless, dying, exiting
        "x_endless": (A, suffixed(a, "mae", "while True:\n    pass"), max_a),
        "x_ignores_interrupt": (A, prefixed(a, "rmse", IGNORE_INTERRUPT), max_a - 3),
        "x_sleep": (A, suffixed(a, "r2", "import time\ntime.sleep(10**6)"), max_a),
        "x_sys_exit": (A, prefixed(a, "precision", "import sys\nsys.exit()"), max_a),
        "x_keyboard": (A, prefixed(a, "recall", "raise KeyboardInterrupt"), max_a - 3),
        "x_os_exit": (A, prefixed(a, "f_beta", "import os\nos._exit(1)"), max_a - 3),
        "x_segfault": (
            A,
            prefixed(a, "roc_auc", "import ctypes\nctypes.string_at(0)"),
            max_a - 3,
        ),
        "y_dies": (B, prefixed(b, "recommend", "import os\nos._exit(3)"), max_b - 3),
        "x_memory": (A, prefixed(a, "mae", "_hog = bytearray(16 * 2**30)"), max_a - 3),
        "x_flood": (
            A,
            prefixed(a, "rmse", "for i in range(200000):\n    print(i)"),
            max_a,
        ),
        # tampering with cells and metadata
        "x_tests_emptied": (
            A,
            edited_tests(wrong(a, "rmse"), "rmse", "emptied"),
            max_a - 3,
        ),
        "x_tests_unlocked": (
            A,
            edited_tests(wrong(a, "rmse"), "rmse", "unlocked"),
            max_a - 3,
        ),
        "x_tests_deleted": (
            A,
            edited_tests(wrong(a, "rmse"), "rmse", "deleted"),
            max_a - 3,
        ),
        "x_pasted_answer": (A, pasted(a, "mae"), max_a),
        "x_names": (A, prefixed(wrong(a, "rmse"), "rmse", NAMES), max_a - 3),
        # cheating through the checks: each beside one wrong answer
        **{
            name: (A, prefixed(wrong(a, "rmse"), "mae", code), max_a - 3)
            for name, code in CHEATS.items()
        },
        "d_checker": (
            B,
            prefixed(wrong(b, "precision_at_k"), "recall_at_k", PATCH_CHECKER),
            max_b - 3,
        ),
        # broken files
        "z_renamed": (A, a, 0.0, "metrics_final.ipynb"),
        "z_not_json": (A, "{ this is not json", 0.0),
        "z_empty": (A, "", 0.0),
        "z_nbformat99": (A, {**a, "nbformat": 99}, 0.0),
    }
    for student, (assignment, nb, _, *name) in plan.items():
        course.submit(assignment, student, nb, name=name[0] if name else None)
    protected = {d: digest(course.root / d) for d in ("source", "release", "submitted")}
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "interview_lab", "grade-all"],
        cwd=course.root,
        env={
            **os.environ,
            "NBGRADER_DB_URL": course.db_url,
            "NBGRADER_TIMEOUT": "5",
            "NBGRADER_SUBMISSION_TIMEOUT": "120",
        },
        capture_output=True,
        text=True,
        timeout=3600,
    )
    wall = time.monotonic() - start
    time.sleep(6)  # give a detached process time to act on the gradebook
    return course, plan, proc, protected, wall


def scores(course: Course) -> dict[str, float]:
    total: dict[str, float] = {}
    for assignment in (A, B):
        for student, cell_scores in course.scores(assignment).items():
            total[student] = sum(cell_scores.values())
    return total


def test_the_batch_finishes_and_honest_learners_get_their_score(batch):
    course, plan, proc, _, wall = batch
    assert proc.returncode == 0, proc.stderr[-4000:]
    got = scores(course)
    for student, (_, _, most, *_) in plan.items():
        if student.startswith(("h_", "c_", "d_")):  # honest, or cheating beside it
            assert got[student] == most, (student, got.get(student))
    print(f"batch of {len(plan)} submissions graded in {wall:.0f} s")


def test_no_broken_or_hostile_submission_scores_above_its_honest_work(batch):
    course, plan, proc, _, _ = batch
    got = scores(course)
    for student, (_, _, most, *_) in plan.items():
        assert got.get(student, 0.0) <= most, (student, got.get(student))
    out = proc.stdout + proc.stderr
    assert "z_renamed/01_metrics: unexpected notebook metrics_final.ipynb" in out
    assert "z_not_json/01_metrics: metrics.ipynb is not a valid notebook" in out
    assert "z_empty/01_metrics: metrics.ipynb is not a valid notebook" in out
    assert "z_nbformat99/01_metrics" in out


def test_nothing_outside_the_autograded_folders_changes_and_no_process_survives(
    batch,
):
    course, plan, _, protected, _ = batch
    for folder, before in protected.items():
        assert digest(course.root / folder) == before, f"{folder}/ changed"
    got = scores(course)  # the gradebook still opens, with every honest score
    assert got["h_ann"] == 27.0 and got["h_dev"] == 12.0
    name = notebook_path(course.root, "release", A).name
    for student in ("h_ann", "h_ben", "h_cat"):
        path = course.root / "autograded" / student / A / name
        assert read_nb(path)["cells"], f"{student}'s graded notebook was overwritten"
    assert leftovers() == [], "processes left behind by a submission survived"


@pytest.mark.skipif(not sandbox_is_on(), reason="bubblewrap missing or not allowed")
def test_with_the_sandbox_on_no_submission_reads_the_course(batch):
    course, *_ = batch
    for student, assignment, cell in [
        ("x_read_source", A, "mae"),
        ("y_read_source", B, "recommend"),
    ]:
        name = notebook_path(course.root, "release", assignment).name
        nb = read_nb(course.root / "autograded" / student / assignment / name)
        text = json.dumps(_answer(nb, cell).get("outputs", []))
        assert "LEAKED" not in text and "blocked" in text
