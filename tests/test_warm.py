"""The warm nbgrader process: each run a fresh fork, nothing carried from one run to
the next but the references' results, and a run that hangs ends with its process."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from interview_lab import checking, course, nbgrader_cli, warm

#: What a fake nbgrader run prints: where it runs, what it was given, what an earlier
#: run left behind in the process, and whether a reference's result was there.
TOUCHED: list[str] = []


def _fake_main(args):
    print(
        json.dumps(
            {
                "args": args,
                "cwd": os.getcwd(),
                "env": os.environ.get("LAB_TEST"),
                "touched": list(TOUCHED),
                "remembered": len(checking.remembered_digests()),
            }
        )
    )
    TOUCHED.append(args[0])  # a run's own change to the process
    checking.remembered(sorted, ([args[0], "b", "a"],), {})
    if args[0] == "fails":
        raise ValueError("a broken run")
    if args[0] == "exits":
        raise SystemExit(3)


def _serve(monkeypatch, requests: list[dict]) -> list[dict]:
    monkeypatch.setattr(nbgrader_cli, "main", _fake_main)
    monkeypatch.setattr(checking, "_REMEMBERED", {})
    monkeypatch.setattr(checking, "_REMEMBERED_BYTES", [0])
    out = io.StringIO()
    warm.serve(io.StringIO("".join(json.dumps(r) + "\n" for r in requests)), out)
    ready, *replies = (json.loads(line) for line in out.getvalue().splitlines())
    assert ready == {"ready": os.getpid()}
    return replies


def _request(name: str, cwd: Path, **env) -> dict:
    return {"args": [name], "cwd": str(cwd), "env": env, "preload": []}


def test_each_run_is_a_fresh_fork_with_its_own_folder_and_environment(
    monkeypatch, tmp_path
):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = _serve(
        monkeypatch,
        [
            _request("one", tmp_path / "a", LAB_TEST="1"),
            _request("two", tmp_path / "b"),
        ],
    )
    assert first["returncode"] == second["returncode"] == 0
    assert first["stderr"] == second["stderr"] == ""
    one, two = json.loads(first["stdout"]), json.loads(second["stdout"])
    assert (one["args"], one["cwd"], one["env"]) == (["one"], str(tmp_path / "a"), "1")
    assert (two["args"], two["cwd"], two["env"]) == (["two"], str(tmp_path / "b"), None)
    assert one["touched"] == two["touched"] == []  # what the first run changed is gone
    assert os.getcwd() != str(tmp_path / "b") and TOUCHED == []  # and never was here


def test_a_run_hands_back_the_references_it_computed_to_the_next(monkeypatch, tmp_path):
    replies = _serve(monkeypatch, [_request(n, tmp_path) for n in ("x", "y", "x")])
    seen = [json.loads(r["stdout"])["remembered"] for r in replies]
    assert seen == [0, 1, 2]  # x's result, then y's; x's again is not a new one
    assert len(checking.remembered_digests()) == 2


def test_a_failing_run_reports_its_error_and_the_next_run_is_served(
    monkeypatch, tmp_path
):
    fails, exits, fine = _serve(
        monkeypatch, [_request(n, tmp_path) for n in ("fails", "exits", "fine")]
    )
    assert fails["returncode"] == 1
    assert "ValueError: a broken run" in fails["stderr"]
    assert (exits["returncode"], exits["stderr"]) == (3, "")
    assert fine["returncode"] == 0


def test_a_warm_run_is_nbgraders_own_command_line(tmp_path):
    plain = course.nbgrader(["--version"], tmp_path, capture_output=True, text=True)
    for _ in range(2):  # the warm process started, then reused
        got = warm.run_nbgrader(["--version"], tmp_path)
        assert (got.returncode, got.stdout) == (0, plain.stdout)
        assert "nbgrader version" in got.stdout


def test_a_run_past_its_timeout_ends_with_its_warm_process(tmp_path):
    process = warm.WarmProcess()
    try:
        process.run(["--version"], tmp_path, course.nbgrader_env({}))
        pid = process._proc.pid
        with pytest.raises(subprocess.TimeoutExpired):
            process.run(["--version"], tmp_path, course.nbgrader_env({}), timeout=0)
        assert process._proc is None
        assert not Path(f"/proc/{pid}").exists() or _zombie(pid)
        again = process.run(["--version"], tmp_path, course.nbgrader_env({}))
        assert again.returncode == 0 and process._proc.pid != pid
    finally:
        process.close()


def _zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"


def test_what_the_warm_process_prints_itself_does_not_garble_its_answers(
    monkeypatch, tmp_path
):
    """Python's start-up (a ``sitecustomize``) and a module the warm process imports
    for the judge both print; every answer still arrives whole."""
    (tmp_path / "sitecustomize.py").write_text("print('a notice at start-up')\n")
    (tmp_path / "noisy_module.py").write_text("print('a notice on import')\n")
    path = os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])
    monkeypatch.setenv("PYTHONPATH", path)
    process = warm.WarmProcess()
    try:
        env = course.nbgrader_env({})
        preload = ["import noisy_module"]
        for _ in range(2):
            got = process.run(["--version"], tmp_path, env, preload=preload)
            assert got.returncode == 0 and "nbgrader version" in got.stdout
    finally:
        process.close()
