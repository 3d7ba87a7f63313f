"""The grading kernel: limits, the sandbox and the whole-submission time limit.

The notebooks here run through the course's own executor and kernel manager, with
nbclient, on a throw-away "course" folder holding a solution file and a gradebook next
to the submission; tests/test_autograde.py grades real submissions with them.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync
from traitlets.config import Config

from interview_lab import sandbox
from interview_lab.execute import KERNEL_STOPPED, SUBMISSION_TIMED_OUT, ResilientExecute
from interview_lab.limits import Limits
from interview_lab.sandbox import bwrap_args, end_processes, hidden_roots

SANDBOX = sandbox.sandbox_is_on()
needs_bwrap = pytest.mark.skipif(
    not SANDBOX, reason="bubblewrap missing or not allowed"
)

# A process the learner's code leaves behind, writing a tick every 50 ms. The cell
# waits for its first tick, so that on a busy machine the kernel cannot end before
# the process has begun (the file would then be missing, not still changing).
TICKER = (
    "import os, subprocess, time\n"
    "subprocess.Popen(['sh', '-c', 'while true; do date +%N > tick; sleep 0.05; done'],"
    " start_new_session=True)\n"
    "deadline = time.monotonic() + 20\n"
    "while not os.path.exists('tick') and time.monotonic() < deadline:\n"
    "    time.sleep(0.01)\n"
    "print('spawned' if os.path.exists('tick') else 'no tick')"
)


def test_limits_become_options_and_zero_means_none():
    assert Limits(2**30, 60, 0, None, 0).argv() == [
        "--address-space",
        str(2**30),
        "--cpu-seconds",
        "60",
    ]
    assert Limits(None, None, None, None, 1).argv() == ["--threads", "1"]


def test_the_sandbox_hides_the_course_but_keeps_python_and_the_submission(tmp_path):
    course, sub, sockets = (
        tmp_path / "course",
        tmp_path / "course/autograded/a/x",
        tmp_path / "s",
    )
    args = bwrap_args("bwrap", course, sub, sockets)
    assert args[:3] == ["bwrap", "--ro-bind", "/"]
    pairs = list(zip(args, args[1:]))
    assert ("--tmpfs", "/tmp") in pairs
    assert ("--bind", str(sub.resolve())) in pairs
    assert ("--bind", str(sockets.resolve())) in pairs
    assert "--unshare-all" in args and "--die-with-parent" in args
    repo = Path(__file__).resolve().parents[1]
    assert repo in hidden_roots(course)  # the repository's source/ is hidden too
    if not repo.is_relative_to("/tmp"):
        assert ("--tmpfs", str(repo)) in pairs
        assert ("--ro-bind", str(repo / "src")) in pairs  # the package stays importable
        assert ("--tmpfs", str(repo / "source")) not in pairs


def test_end_processes_kills_what_carries_the_token(tmp_path):
    env = {**os.environ, sandbox.TOKEN: "t-123"}
    proc = subprocess.Popen(["sleep", "60"], env=env, start_new_session=True)
    try:
        # Popen returns once exec has begun; /proc/PID/environ reads empty until the
        # kernel has set the new program's environment up, a moment later.
        environ = Path(f"/proc/{proc.pid}/environ")
        deadline = time.monotonic() + 5
        while b"t-123" not in environ.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert end_processes("t-123") == [proc.pid]
        assert proc.wait(timeout=5) == -9
    finally:
        proc.kill()
    assert end_processes("t-123") == []


def _course(tmp_path: Path) -> tuple[Path, Path]:
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    (course / "source" / "solution.txt").write_text("the solution")
    (course / "gradebook.db").write_text("grades")
    sub = course / "autograded" / "ada" / "01"
    sub.mkdir(parents=True)
    return course, sub


def _run(course: Path, sub: Path, cells: list[str], on: bool, **traits) -> list[str]:
    """Each cell's text output, the cells run by the course's executor and kernel."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3"}
    config = Config()
    config.SandboxedKernelManager.sandbox = on
    config.SandboxedKernelManager.address_space = 2 * 2**30
    config.SandboxedKernelManager.file_size = 50 * 2**20
    config.ResilientExecute.kernel_manager_class = (
        "interview_lab.sandbox.SandboxedKernelManager"
    )
    config.ResilientExecute.timeout = 30
    for name, value in traits.items():
        setattr(config.ResilientExecute, name, value)
    cwd = os.getcwd()
    os.chdir(course)  # nbgrader runs from the course's folder
    try:
        ResilientExecute(config=config).preprocess(nb, {"metadata": {"path": str(sub)}})
    finally:
        os.chdir(cwd)
    return [
        "".join(o.get("text", "") or o.get("evalue", "") for o in c.outputs)
        for c in nb.cells
    ]


PROBES = [
    "import os\ntry:\n    print(open({!r}).read())\nexcept OSError as e:\n"
    "    print('blocked', type(e).__name__)",
    "try:\n    x = bytearray(3 * 2**30)\n    print('allocated')\n"
    "except MemoryError:\n    print('MemoryError')",
    "try:\n    open('big', 'wb').write(b'0' * (80 * 2**20))\n    print('wrote')\n"
    "except OSError as e:\n    print('errno', e.errno)",
    TICKER,
    "from interview_lab.topics import metrics\nprint('course package ok')",
    # one thread per numerical pool, whatever the grader's environment says (the
    # tests set 2), as on a Dask worker: the CPU time limits count every thread, so
    # a submission must be graded alike serially and on a cluster
    "import numpy\nfrom threadpoolctl import threadpool_info\n"
    "print(sorted({p['num_threads'] for p in threadpool_info()}))",
]


def _probes(course: Path, port: int, monkeypatch) -> list[str]:
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        monkeypatch.setenv(name, "2")
    cells = [PROBES[0].format(str(course / "source" / "solution.txt"))]
    cells += [PROBES[0].format(str(course / "gradebook.db"))]
    cells += PROBES[1:]
    cells += [
        "import socket\ntry:\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        "    print('network on')\nexcept OSError:\n    print('no network')"
    ]
    return cells


def _ticker_stopped(sub: Path) -> bool:
    time.sleep(0.3)
    before = (sub / "tick").read_text()
    time.sleep(0.3)
    return (sub / "tick").read_text() == before


@pytest.mark.slow
@needs_bwrap
def test_in_the_sandbox_the_course_network_memory_disk_and_processes_are_out_of_reach(
    tmp_path, monkeypatch
):
    course, sub = _course(tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        out = _run(course, sub, _probes(course, port, monkeypatch), on=True)
    assert out == [
        "blocked FileNotFoundError\n",  # source/ is not there at all
        "blocked FileNotFoundError\n",  # nor the gradebook
        "MemoryError\n",
        "errno 27\n",  # EFBIG: the file-size limit
        "spawned\n",
        "course package ok\n",
        "[1]\n",  # one thread per numerical pool
        "no network\n",
    ]
    assert _ticker_stopped(sub), "a process the kernel left behind is still running"
    assert (course / "gradebook.db").read_text() == "grades"


@pytest.mark.slow
def test_without_the_sandbox_the_limits_still_hold_and_leftovers_end(
    tmp_path, monkeypatch
):
    course, sub = _course(tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        out = _run(course, sub, _probes(course, port, monkeypatch), on=False)
    assert out[0] == "the solution\n"  # what the sandbox is for
    assert out[2:7] == [
        "MemoryError\n",
        "errno 27\n",
        "spawned\n",
        "course package ok\n",
        "[1]\n",  # one thread per numerical pool
    ]
    assert _ticker_stopped(sub), "a process the kernel left behind is still running"


@pytest.mark.slow
def test_a_submission_that_runs_out_of_time_scores_0_on_the_cells_left(tmp_path):
    course, sub = _course(tmp_path)
    cells = ["import time\ntime.sleep(1.5)\nprint(1)"] * 2 + ["print(3)"]
    start = time.monotonic()
    out = _run(course, sub, cells, on=SANDBOX, submission_timeout=1)
    assert out[0] == "1\n"
    assert out[1:] == [SUBMISSION_TIMED_OUT] * 2
    assert time.monotonic() - start < 20


def test_sandbox_status_says_whether_it_is_on(monkeypatch):
    assert sandbox.sandbox_status().startswith(
        "sandbox on" if SANDBOX else "sandbox OFF"
    )
    monkeypatch.setattr(sandbox, "_bwrap", lambda: None)
    assert "sandbox OFF" in sandbox.sandbox_status()


def test_the_launcher_refuses_an_empty_command():
    proc = subprocess.run(
        [sys.executable, "-m", "interview_lab.limits", "--cpu-seconds", "5"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "no command given" in proc.stderr


def _imported(*args: str) -> set[str]:
    """Top-level packages ``python -X importtime ARGS`` imports (not those it only
    tried: ``copy`` looks for Jython's ``org.python``)."""
    cmd = [sys.executable, "-X", "importtime", *args]
    err = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    lines = [line.split("|")[-1].strip() for line in err.splitlines() if "|" in line]
    names = {name.split(".")[0] for name in lines[1:]}  # [0] is the header
    return {name for name in names if importlib.util.find_spec(name) is not None}


def test_the_launcher_imports_only_the_standard_library():
    # it runs ahead of every grading kernel: NumPy (through the package's __init__) or
    # jupyter_client (through the kernel manager's module) cost a submission 0.5 s
    launcher = _imported(
        "-m", "interview_lab.limits", "--cpu-seconds", "60", "--", "true"
    )
    outside = launcher - _imported("-c", "pass") - set(sys.stdlib_module_names)
    assert "interview_lab" in launcher
    assert outside == {"interview_lab"}, f"the launcher imports {sorted(outside)}"


@pytest.mark.slow
@pytest.mark.parametrize("on", [False, pytest.param(True, marks=needs_bwrap)])
def test_a_cell_past_its_time_limit_is_interrupted_and_its_kernel_lives_on(
    tmp_path, on
):
    # the interrupt is SIGINT to the kernel's process group, bwrap included: it must
    # interrupt the cell, not end bwrap and the kernel with it (which was reported as
    # "ignored the interrupt" and cost a restart with every earlier cell run again)
    course, sub = _course(tmp_path)
    cells = ["x = 41", "import time\ntime.sleep(600)", "print(x + 1)"]
    nb_out = _run(course, sub, cells, on=on, timeout=2, interrupt_on_timeout=True)
    assert nb_out == ["", "", "42\n"]  # the second: a KeyboardInterrupt, no text


@pytest.mark.slow
@pytest.mark.parametrize("on", [False, pytest.param(True, marks=needs_bwrap)])
def test_a_graded_kernel_is_killed_once_its_cells_have_run(tmp_path, on):
    # a graceful exit (atexit hooks, then tearing down SciPy and scikit-learn) cost
    # every submission 0.4-1.2 s, and graded nothing; the shutdown stays a setting
    course, sub = _course(tmp_path)
    cells = ["import atexit\natexit.register(lambda: open('exited', 'w').write('ran'))"]
    assert _run(course, sub, cells, on=on) == [""]
    assert not (sub / "exited").exists()
    _run(course, sub, cells, on=on, shutdown_kernel="graceful")
    assert (sub / "exited").read_text() == "ran"


@pytest.mark.slow
def test_a_cell_that_ignores_the_interrupt_is_stopped_and_grading_goes_on(tmp_path):
    course, sub = _course(tmp_path)
    cells = [
        "def answer():\n    return 42",
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n"
        "    pass",
        "print(answer())",
    ]
    start = time.monotonic()
    out = _run(course, sub, cells, on=SANDBOX, timeout=2)
    assert out == ["", KERNEL_STOPPED, "42\n"]
    assert time.monotonic() - start < 40


@pytest.mark.slow
def test_the_grading_client_is_ready_without_waiting_for_iopub_to_fall_silent(
    tmp_path, monkeypatch
):
    # jupyter_client's wait_for_ready ends by reading IOPub until it has been silent
    # for 0.2 s, for every kernel of every submission; the grading client only drops
    # what is already there (nbclient ignores a message that answers no request of its);
    # and the manager watches a kernel shut down every 10 ms, not every 100 ms
    import asyncio

    import jupyter_client.manager

    async def run():
        km = sandbox.SandboxedKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        kc = km.client()
        kc.start_channels()
        waits, get = [], kc.iopub_channel.get_msg

        async def spy(timeout=None):
            waits.append(timeout)
            return await get(timeout=timeout)

        kc.iopub_channel.get_msg = spy
        try:
            await kc.wait_for_ready(timeout=60)
            ready = list(waits)
            out = []
            await kc.execute_interactive(  # and takes 50 ms to exit
                "import atexit, time\natexit.register(time.sleep, 0.05)\nprint(6 * 7)",
                timeout=30,
                output_hook=lambda m: out.append(m["content"].get("text", "")),
            )
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()  # graceful: asked, then watched until it exits
        return kc, ready, "".join(out), await km.is_alive()

    sleep, naps = asyncio.sleep, []

    async def nap(seconds, *args):
        naps.append(seconds)
        return await sleep(seconds, *args)

    monkeypatch.setattr(jupyter_client.manager.asyncio, "sleep", nap)
    # run_sync, not asyncio.run: a browser test earlier in this worker leaves its loop running
    kc, waits, out, alive = run_sync(run)()
    assert not alive and naps and max(naps) <= 0.01  # not jupyter_client's 0.1 s
    assert isinstance(kc, sandbox.GradingKernelClient)
    assert waits[0] == 0.2 and waits[-1] == 0  # IOPub connected, then drained
    assert 0.2 not in waits[waits.index(0) :], waits
    assert out == "42\n"
