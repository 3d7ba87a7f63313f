"""The grading kernel: a learner's code under resource limits, inside a sandbox.

When a submission is autograded, the learner's cells run with the instructor's rights
a few folders away from the solutions (``source/``), the gradebook and every other
learner's work. :class:`SandboxedKernelManager` starts the kernel so that

* it runs under resource limits (:class:`~interview_lab.limits.Limits`: address
  space, CPU seconds, size of a file written, number of processes for a non-root
  user, one thread per numerical thread pool), set by ``python -m
  interview_lab.limits`` just before it starts the kernel;
* where Debian's ``bubblewrap`` (``bwrap``) works, it runs inside a sandbox: no
  network, a read-only view of the machine in which the course folder is replaced by
  an empty one (so ``source/``, ``release/``, the gradebook and other learners'
  folders are not there at all) except the Python environment the kernel needs
  (read-only) and the submission's own autograded folder (writable); ``/tmp`` is a
  private, empty one; a process the kernel leaves behind ends with it (a private PID
  namespace);
* without ``bwrap`` the limits still apply, processes left in the kernel's process
  group are killed when it stops, and :func:`sandbox_status` says the sandbox is off.

The kernel talks to the grader over Unix sockets in a private folder (``ipc``
transport), since it has no network. ``nbgrader_config.py`` makes it the kernel
manager of the course's executor; the learner's own JupyterLab is not affected.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import Bool, DottedObjectName, Integer, Type

from .limits import Limits

__all__ = [
    "TOKEN",
    "GradingKernelClient",
    "Limits",
    "SandboxedKernelManager",
    "bwrap_args",
    "end_processes",
    "hidden_roots",
    "sandbox_is_on",
    "sandbox_status",
]


@functools.lru_cache(maxsize=1)
def _bwrap() -> str | None:
    """The path of a working ``bwrap``, or ``None`` (missing, or not allowed here)."""
    path = shutil.which("bwrap")
    if path is None:
        return None
    probe = [path, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    probe += ["--unshare-all", "--die-with-parent", "true"]
    try:
        ok = subprocess.run(probe, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return path if ok else None


def sandbox_is_on() -> bool:
    """Whether grading kernels start inside bubblewrap on this machine."""
    return _bwrap() is not None


def sandbox_status() -> str:
    """One line saying whether grading kernels run sandboxed, for logs and reports."""
    if _bwrap():
        return "sandbox on (bubblewrap): no network, course folder hidden, limits set"
    return (
        "sandbox OFF: bubblewrap (Debian package bubblewrap) is missing or not allowed "
        "here; resource limits still apply, but a submission can read the course folder"
    )


def _repo_root() -> Path | None:
    """The folder of the course repository this package runs from, if any."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "nbgrader_config.py").is_file() else None


def hidden_roots(course_root: Path) -> list[Path]:
    """Folders a grading kernel must not see: the course, and this package's repo."""
    roots = [Path(course_root).resolve()]
    repo = _repo_root()
    if repo is not None and repo not in roots:
        roots.append(repo)
    return roots


def _needed_inside(root: Path) -> list[Path]:
    """What the kernel needs to import from inside a hidden folder (read-only)."""
    keep = []
    for entry in [sys.prefix, *sys.path]:
        if not entry:
            continue
        path = Path(entry).resolve()
        if path != root and path.is_relative_to(root) and path.exists():
            keep.append(path)
    return sorted(set(keep))


def bwrap_args(
    bwrap: str, course_root: Path, writable: Path, sockets: Path
) -> list[str]:
    """The ``bwrap`` command line (up to ``--``) for a kernel grading ``writable``.

    The machine read-only; a private ``/tmp``; the course folder and this package's
    repository replaced by empty folders in which only the Python environment (read
    only), the submission's folder ``writable`` and the socket folder ``sockets``
    (read-write) appear; no network, private PID, IPC and UTS namespaces; the sandbox
    dies with the grader.
    """
    args = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    args += ["--tmpfs", "/tmp"]
    roots = hidden_roots(course_root)
    for root in roots:
        if not root.is_relative_to("/tmp"):
            args += ["--tmpfs", str(root)]
    for root in roots:
        for path in _needed_inside(root):
            args += ["--ro-bind", str(path), str(path)]
    for path in (Path(writable).resolve(), Path(sockets).resolve()):
        args += ["--bind", str(path), str(path)]
    args += ["--chdir", str(Path(writable).resolve())]
    args += ["--setenv", "HOME", "/tmp/home", "--setenv", "TMPDIR", "/tmp"]
    args += ["--setenv", "MPLCONFIGDIR", "/tmp/matplotlib"]
    args += ["--setenv", "IPYTHONDIR", "/tmp/ipython"]
    # PID 1 of the namespace is the kernel's parent: ipykernel would take a parent
    # PID of 1 for "the grader has gone"; --die-with-parent does that job instead.
    args += ["--unsetenv", "JPY_PARENT_PID"]
    args += ["--unshare-all", "--die-with-parent"]
    return args


class GradingKernelClient(AsyncKernelClient):
    """The grader's client of a grading kernel: jupyter_client's, but ready sooner.

    jupyter_client's ``wait_for_ready`` ends by reading IOPub until it has been silent
    for 0.2 s, to drop the start-up messages: 0.2 s in which the grader does nothing,
    once for every kernel of every submission. Here the messages already there are
    dropped and the wait ends. One that comes later does no harm: the executor reads
    only the messages that answer its own requests (nbclient matches their parent id).
    """

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:  # as jupyter_client: a kernel_info reply, and IOPub connected
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        while True:  # what start-up left on IOPub, without waiting for more
            try:
                await self.iopub_channel.get_msg(timeout=0)
            except Empty:
                break

    wait_for_ready = _async_wait_for_ready


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel limited and, where it can, sandboxed."""

    client_class = DottedObjectName("interview_lab.sandbox.GradingKernelClient")
    client_factory = Type(GradingKernelClient, klass=AsyncKernelClient)

    sandbox = Bool(True, help="Run the kernel inside bubblewrap when it works.").tag(
        config=True
    )
    address_space = Integer(Limits.address_space, help="RLIMIT_AS, bytes.").tag(
        config=True
    )
    cpu_seconds = Integer(Limits.cpu_seconds, help="RLIMIT_CPU, seconds.").tag(
        config=True
    )
    file_size = Integer(Limits.file_size, help="RLIMIT_FSIZE, bytes.").tag(config=True)
    processes = Integer(Limits.processes, help="RLIMIT_NPROC (not for root).").tag(
        config=True
    )

    threads = Integer(
        Limits.threads,
        help="Threads in each of the kernel's numerical thread pools (OpenMP, BLAS).",
    ).tag(config=True)

    @property
    def limits(self) -> Limits:
        return Limits(
            self.address_space,
            self.cpu_seconds,
            self.file_size,
            self.processes,
            self.threads,
        )

    async def _async_pre_start_kernel(self, **kw):
        self._sockets = Path(tempfile.mkdtemp(prefix="interview-lab-kernel-"))
        self.transport = "ipc"
        self.ip = str(self._sockets / "kernel")
        self.connection_file = str(self._sockets / "kernel.json")
        return await KernelManager._async_pre_start_kernel(self, **kw)

    pre_start_kernel = _async_pre_start_kernel

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        cwd = Path(kw.get("cwd") or os.getcwd())
        self._token = f"{os.getpid()}-{id(self)}-{self._sockets.name}"
        kw["env"] = {**(kw.get("env") or os.environ), TOKEN: self._token}
        wrapped = [sys.executable, "-m", "interview_lab.limits", *self.limits.argv()]
        bwrap = _bwrap() if self.sandbox else None
        if bwrap is not None:
            wrapped += ["--", *bwrap_args(bwrap, Path.cwd(), cwd, self._sockets)]
        else:
            self.log.warning(sandbox_status())
            wrapped += ["--"]
        await KernelManager._async_launch_kernel(self, wrapped + kernel_cmd, **kw)

    _launch_kernel = _async_launch_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await KernelManager._async_cleanup_resources(self, restart)
        if getattr(self, "_token", None):
            end_processes(self._token)
        sockets = getattr(self, "_sockets", None)
        if sockets is not None:
            shutil.rmtree(sockets, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        """Wait for the kernel to exit, looking every 10 ms: jupyter_client looks every
        100 ms, and a kernel asked to shut down exits in a few, so a submission waited
        most of 0.1 s for nothing."""
        await KernelManager._async_wait(self, pollinterval=min(pollinterval, 0.01))


#: The environment variable that marks every process a grading kernel starts.
TOKEN = "INTERVIEW_LAB_GRADING_KERNEL"


def end_processes(token: str) -> list[int]:
    """Kill every process whose environment carries ``TOKEN=token``; their PIDs.

    What a kernel started and left behind (even in a session of its own) still has the
    kernel's environment, unless it cleared it: inside the sandbox the PID namespace
    ends those too.
    """
    marker = f"{TOKEN}={token}".encode()
    killed = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        pid = int(environ.parent.name)
        if pid == os.getpid():
            continue
        try:
            if marker in environ.read_bytes().split(b"\0"):
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        except OSError:
            pass
    return killed
