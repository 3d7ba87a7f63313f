"""Resource limits for a grading kernel, set just before it starts.

``python -m interview_lab.limits [limits] -- command ...`` sets the limits on itself
and then replaces itself with ``command`` (``exec``), so the limits pass to the kernel
and to everything it starts; ``command`` starts with SIGINT ignored (see :func:`main`).
:class:`~interview_lab.sandbox.SandboxedKernelManager` puts it in front of every
grading kernel (and of ``bwrap``, where the sandbox is on).

It imports nothing beyond the standard library: it runs once for every kernel a
submission needs, ahead of the kernel, so what it imports a submission waits for.

Examples
--------
>>> limits = Limits(address_space=2 * 2**30, cpu_seconds=60)
>>> limits.argv()[:4]
['--address-space', '2147483648', '--cpu-seconds', '60']
"""

from __future__ import annotations

import os
import resource
import signal
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GiB", "THREAD_VARIABLES", "Limits", "main", "thread_environ"]

GiB = 2**30

#: The variables that size the thread pools of the numerical libraries (OpenMP,
#: OpenBLAS, MKL, BLIS, Accelerate, Numba, NumExpr), as joblib sets them for its
#: workers.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMBA_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def thread_environ(threads: int) -> dict[str, str]:
    """The environment that gives each numerical thread pool ``threads`` threads.

    >>> thread_environ(1)["OPENBLAS_NUM_THREADS"]
    '1'
    """
    if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
        raise ValueError(f"threads must be a positive int, got {threads!r}")
    return dict.fromkeys(THREAD_VARIABLES, str(threads))


@dataclass(frozen=True)
class Limits:
    """Resource limits of a grading kernel (``0`` or ``None``: no limit).

    Parameters
    ----------
    address_space : int
        Bytes of virtual memory (``RLIMIT_AS``): allocating more raises MemoryError in
        the kernel, whatever the machine has.
    cpu_seconds : int
        CPU seconds for the kernel's whole life (``RLIMIT_CPU``): a backstop under the
        executor's per-cell and per-submission wall-clock limits.
    file_size : int
        Bytes of any one file written (``RLIMIT_FSIZE``): a disk-filling write fails
        with OSError (EFBIG).
    processes : int
        Processes and threads the kernel may add to those its user already runs
        (``RLIMIT_NPROC`` counts them all); not enforced for root, where the
        sandbox's PID namespace still ends them all with the kernel.
    threads : int
        Threads in each of the numerical libraries' pools (:data:`THREAD_VARIABLES`).
        One, as on a Dask worker, so that a submission is graded alike serially and
        on a cluster: ``cpu_seconds`` and the judge's CPU time limit count every
        thread, and a kernel does not crowd the other kernels a machine grades.
    """

    address_space: int | None = 6 * GiB
    cpu_seconds: int | None = 1200
    file_size: int | None = GiB
    processes: int | None = 256
    threads: int | None = 1

    def argv(self) -> list[str]:
        """The limits as options of ``python -m interview_lab.limits``."""
        out = []
        for name in (
            "address_space",
            "cpu_seconds",
            "file_size",
            "processes",
            "threads",
        ):
            value = getattr(self, name)
            if value:
                out += ["--" + name.replace("_", "-"), str(int(value))]
        return out

    def apply(self) -> None:
        """Set the limits on this process (they pass to what it starts): its resource
        limits, and the sizes of thread pools in its environment."""
        for name, which in (
            ("address_space", resource.RLIMIT_AS),
            ("cpu_seconds", resource.RLIMIT_CPU),
            ("file_size", resource.RLIMIT_FSIZE),
            ("processes", resource.RLIMIT_NPROC),
        ):
            value = getattr(self, name)
            if value:
                _, hard = resource.getrlimit(which)
                soft = value if hard == resource.RLIM_INFINITY else min(value, hard)
                resource.setrlimit(which, (soft, soft))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if self.threads:
            os.environ.update(thread_environ(self.threads))


def _user_tasks() -> int:
    """Processes and threads this user runs now (what RLIMIT_NPROC counts)."""
    uid, count = os.getuid(), 0
    for entry in Path("/proc").glob("[0-9]*/task/*"):
        try:
            count += entry.stat().st_uid == uid
        except OSError:
            pass
    return count


def main(argv: list[str] | None = None) -> None:
    """``python -m interview_lab.limits [limits] -- command ...``: limit, then exec."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m interview_lab.limits")
    for name in ("address-space", "cpu-seconds", "file-size", "processes", "threads"):
        parser.add_argument("--" + name, type=int, default=0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    if os.getuid() == 0:
        args.processes = 0  # root is not bound by RLIMIT_NPROC; the PID namespace is
    elif args.processes:
        args.processes += _user_tasks()
    Limits(
        args.address_space,
        args.cpu_seconds,
        args.file_size,
        args.processes,
        args.threads,
    ).apply()
    # An interrupt (a cell past its time limit) is SIGINT to the whole process group:
    # bwrap would die of it and take the kernel with it, so the command starts with
    # SIGINT ignored; ipykernel sets its own handler while it runs a request.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
