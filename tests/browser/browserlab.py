"""JupyterLab and headless Chromium for the browser tests, started and stopped by pid.

:func:`make_course` builds a temporary copy of the course whose ``notebooks/`` holds
every released notebook with the instructor's answers filled in. :class:`LabServer`
runs JupyterLab there as ``make lab`` does (plus a free port, no token, no browser),
with its own runtime, config, data and settings folders. :class:`Browser` is Debian's
Chromium driven by Playwright through a persistent context with a fresh profile.

Both stop what they started by process id, whatever happened in between: the server by
its process group and the kernels it left (found by their connection files, which live
in the server's private runtime folder), the browser by its pid and its descendants
(found by the private profile folder on its command line).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import harness

REPO = harness.REPO
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "Chromium not found: install it with `sudo apt-get install chromium` (Debian) "
    "or `sudo bash .ci/system-deps`"
)


def find_chromium() -> str | None:
    """Debian's Chromium, or None."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


def release_notebooks() -> list[Path]:
    """Every released notebook, in course order (known at collection time)."""
    return sorted((REPO / "release").glob("*/*.ipynb"))


# ----------------------------------------------------------------------- the course
def make_course(tmp: Path) -> Path:
    """A temporary course root: config, source/, release/ and solved notebooks/.

    ``notebooks/`` is prepared from ``release/`` exactly as ``make setup`` does, then
    each notebook's answer cells get the instructor's answers from ``source/`` so that
    every check passes and every figure has data.
    """
    from interview_lab import course

    root = Path(tmp) / "course"
    root.mkdir(parents=True)
    shutil.copy2(REPO / "nbgrader_config.py", root)
    for folder in ("source", "release"):
        shutil.copytree(
            REPO / folder,
            root / folder,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
        )
    (root / "notebooks").mkdir()
    if (REPO / "notebooks" / "README.md").exists():
        shutil.copy2(REPO / "notebooks" / "README.md", root / "notebooks")
    for target in course.prepare_notebooks(root, quiet=True):
        solved = harness.solved_release(target.parent.name, release_root=root)
        target.write_text(json.dumps(solved, indent=1))
    return root


# ---------------------------------------------------------------- process handling
def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline")
            .read_bytes()
            .replace(b"\0", b" ")
            .decode(errors="replace")
        )
    except OSError:
        return ""


def _all_pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def pids_mentioning(marker: str) -> list[int]:
    """Processes whose command line contains ``marker`` (a private temporary path)."""
    return [
        pid for pid in _all_pids() if pid != os.getpid() and marker in _cmdline(pid)
    ]


def descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (children, grandchildren...)."""
    children: dict[int, list[int]] = {}
    for p in _all_pids():
        try:
            stat = Path(f"/proc/{p}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(p)
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def kill_pids(pids, sig=signal.SIGKILL) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def wait_gone(pids, timeout: float) -> list[int]:
    """Wait until none of ``pids`` is alive; return those still alive."""
    deadline = time.monotonic() + timeout
    left = [p for p in pids if alive(p)]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [p for p in left if alive(p)]
    return left


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------- the server
class LabServer:
    """JupyterLab on 127.0.0.1 in ``root``, started like ``make lab``."""

    def __init__(self, root: Path, home: Path):
        self.root = Path(root)
        self.home = Path(home)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.home / "jupyter-lab.log"
        self.runtime = self.home / "runtime"
        self.proc: subprocess.Popen | None = None

    def command(self) -> list[str]:
        root_flag = ["--allow-root"] if os.getuid() == 0 else []
        return [
            str(BIN / "jupyter"),
            "lab",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            *root_flag,
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.default_url=/lab/tree/notebooks/README.md",
            # for a test: no browser, no token or password, this port or fail
            "--no-browser",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.port_retries=0",
        ]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # The kernel must use the inline backend, as for a learner (the test
        # session's Agg backend would hide the static figures).
        env.pop("MPLBACKEND", None)
        settings = self.home / "lab-settings"
        env.update(
            {
                "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
                # the interview_lab under test (also from a scratch copy of the repo)
                "PYTHONPATH": os.pathsep.join(
                    [str(REPO / "src"), *filter(None, [env.get("PYTHONPATH")])]
                ),
                # private user folders: the environment's own share/ and etc/ stay on the
                # search paths (lab extensions, server extensions, overrides.json)
                "JUPYTER_RUNTIME_DIR": str(self.runtime),
                "JUPYTER_CONFIG_DIR": str(self.home / "config"),
                "JUPYTER_DATA_DIR": str(self.home / "data"),
                "JUPYTERLAB_SETTINGS_DIR": str(settings),
                "JUPYTERLAB_WORKSPACES_DIR": str(self.home / "workspaces"),
                "IPYTHONDIR": str(self.home / "ipython"),
                "NBGRADER_DB_URL": f"sqlite:///{self.root / 'gradebook.db'}",
                "NBGRADER_EXCHANGE": str(self.home / "exchange"),
            }
        )
        for key in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTERLAB_DIR"):
            env.pop(key, None)
        return env

    def write_settings(self) -> None:
        """The course's lab settings (news pop-up off...) as this user's settings."""
        from interview_lab.course import lab_settings

        folder = self.home / "lab-settings"
        for plugin, values in lab_settings().items():
            package, name = plugin.rsplit(":", 1)
            path = folder / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values, indent=2))

    def start(self, timeout: float = 120) -> None:
        self.write_settings()
        self.runtime.mkdir(parents=True, exist_ok=True)
        (self.home / "exchange").mkdir(exist_ok=True)
        log = open(self.log_path, "wb")  # noqa: SIM115 (closed by the process's end)
        self.proc = subprocess.Popen(
            self.command(),
            cwd=self.root,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with {self.proc.returncode}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"JupyterLab did not answer in {timeout:.0f} s:\n{self.log_tail()}"
        )

    def log_tail(self, n: int = 6000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except OSError:
            return "(no log)"

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"{self.url}{path}", method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every kernel session (the learner closing their notebooks)."""
        for session in self.api("/api/sessions") or []:
            try:
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
            except urllib.error.URLError:
                pass

    def stop(self) -> None:
        """Stop the server, its process group and its kernels, by process id."""
        kernels = pids_mentioning(str(self.runtime))
        if self.proc is not None and self.proc.poll() is None:
            kill_pids([self.proc.pid], signal.SIGTERM)  # graceful: shuts kernels down
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        if self.proc is not None:
            try:  # whatever is left in its process group
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        left = wait_gone(kernels + pids_mentioning(str(self.runtime)), timeout=5)
        kill_pids(left)
        wait_gone(left, timeout=5)


# -------------------------------------------------------------------- the browser
class Browser:
    """Headless Chromium through Playwright with a fresh profile folder."""

    def __init__(self, executable: str, profile: Path):
        self.executable = executable
        self.profile = Path(profile)
        self.playwright = None
        self.context = None
        self.pids: list[int] = []

    def start(self):
        from playwright.sync_api import sync_playwright

        self.profile.mkdir(parents=True, exist_ok=True)
        self.playwright = sync_playwright().start()
        self.context = self.playwright.chromium.launch_persistent_context(
            str(self.profile),
            executable_path=self.executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
            accept_downloads=False,
        )
        self.pids = self.own_pids()
        return self.context

    def own_pids(self) -> list[int]:
        """The browser (found by its private profile folder) and all its descendants."""
        mains = pids_mentioning(str(self.profile))
        return sorted({p for m in mains for p in (m, *descendants(m))})

    def stop(self) -> None:
        """Close the browser and Playwright; kill by pid whatever survives."""
        pids = sorted(set(self.pids) | set(self.own_pids()))
        try:
            if self.context is not None:
                self.context.close()
        except Exception:  # noqa: BLE001 (the browser may already be gone)
            pass
        try:
            if self.playwright is not None:
                self.playwright.stop()
        except Exception:  # noqa: BLE001
            pass
        left = wait_gone(pids + self.own_pids(), timeout=10)
        kill_pids(left)
        wait_gone(left, timeout=5)
