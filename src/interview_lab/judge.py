"""The judge: graded test cells run in the grader's process, apart from the learner.

In the learner's own JupyterLab, test cells run in the learner's kernel, for instant
feedback. When a notebook is graded, :class:`~interview_lab.execute.ResilientExecute`
runs its other cells in the learner's (sandboxed) kernel as usual, but hands every
graded test cell to :class:`Judge`: the cell's source, unchanged, runs here, in a fresh
namespace where each name the cell uses and does not define (``precision``,
``LogisticRegressionGD``, ``q_supervised``) is bound to what the learner's kernel holds
under that name: a plain value sent over as data, or a :class:`Remote` proxy for a
function, class or object, which stays in the kernel. Calling a proxy sends the inputs
over (:mod:`interview_lab.wire`: JSON and ``.npy``, never a pickle), the kernel calls
the learner's function (:mod:`interview_lab.remote`) and sends the result back.

So a learner's code can return wrong values, or fail, but it cannot reach the code that
judges them: monkeypatching the course's checker, NumPy or builtins, IPython's input
transformers or ``run_cell`` in the kernel changes nothing here, and a name the hidden
tests define for themselves is theirs.

The test cell's outputs are the judge's: what it printed, then its error, if any.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib
import importlib.util
import io
import json
import secrets
import socket
import tempfile
import time
import warnings
from pathlib import Path
from queue import Empty
from typing import Any

import zmq
from jupyter_client.blocking import BlockingKernelClient
from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from . import wire
from .cells import error_output
from .checking import _JUDGING, _TimeLimitExceeded, current_time_limit

__all__ = [
    "Judge",
    "JudgeError",
    "Remote",
    "close_client",
    "free_names",
    "grading_modules",
    "preload",
]

_MODULE = "interview_lab.remote"


def free_names(source: str) -> list[str]:
    """The names a cell reads and never binds, builtins aside (the learner's names).

    >>> free_names("import numpy as np\\ncheck = f(np.ones(2), q)\\nprint(check)")
    ['f', 'q']
    """
    tree = ast.parse(source)
    used: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return sorted(used - bound - set(dir(builtins)))


def _imports(
    source: str, package: str | None = None, members: bool = False
) -> list[str]:
    """The modules a piece of code imports, anywhere in it (functions included),
    absolute names; relative imports resolved against ``package`` (left out without
    one). With ``members``, ``from m import x`` also gives ``m.x`` (``x`` may be a
    module)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                module = node.module or ""
            elif package:
                base = package.rsplit(".", node.level - 1)[0]
                module = f"{base}.{node.module}" if node.module else base
            else:
                continue
            found.append(module)
            if members and module:
                found += [f"{module}.{alias.name}" for alias in node.names]
    return [name for name in found if name]


def grading_modules(sources: list[str]) -> list[str]:
    """The modules grading test cells with these ``sources`` will import, in order.

    What the cells import, and for each course topic among them what its checks
    and references import, even inside functions (scikit-learn, SciPy), never its
    figures. :func:`preload` imports them while the learner's kernel starts. (Looking
    a dotted name up imports its parent packages.)

    >>> grading_modules(["from interview_lab.topics import metrics as topic"])[:2]
    ['interview_lab.topics', 'interview_lab.topics.metrics']
    >>> "matplotlib" in str(grading_modules(["import interview_lab.topics.kmeans"]))
    False
    """
    names: list[str] = []
    for source in sources:
        with contextlib.suppress(SyntaxError):
            names += _imports(source, members=True)
    out: list[str] = []
    for name in dict.fromkeys(names):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        out.append(name)
        if name.startswith("interview_lab.topics.") and spec.submodule_search_locations:
            for path in sorted(Path(spec.origin).parent.glob("*.py")):
                if path.stem not in ("__init__", "figures"):
                    out.append(f"{name}.{path.stem}")
                    out += _imports(path.read_text(), name)
    return list(dict.fromkeys(out))


def preload(sources: list[str]) -> None:
    """Import :func:`grading_modules` of ``sources`` now, quietly; a module that
    fails to import is left for the test cell that needs it to report."""
    for name in grading_modules(sources):
        with contextlib.suppress(Exception), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            importlib.import_module(name)


class _KernelLost(BaseException):
    """The kernel died or stopped answering during a request (not the learner's error
    to catch: the executor restarts the kernel)."""

    def __init__(self, cause: BaseException):
        super().__init__(str(cause))
        self.cause = cause


class JudgeError(RuntimeError):
    """The learner's kernel gave an answer the judge cannot use."""


class Remote:
    """A function, class or object in the learner's kernel, seen from the judge.

    Calling it calls the learner's object there; reading an attribute reads it there
    (data comes back as data, anything else as another proxy).
    """

    _judge_remote = True

    def __init__(self, judge: Judge, info: dict):
        vars(self).update(
            _judge=judge,
            _judge_id=info["id"],
            _judge_type=info.get("type", "object"),
            _judge_stub=bool(info.get("stub")),
            _judge_changed=None,
            **({"_judge_stubs": list(info["stubs"])} if "stubs" in info else {}),
            __name__=info.get("name", info.get("type", "object")),
        )
        signature = _signature(info.get("signature"))
        if signature is not None:
            vars(self)["__signature__"] = signature

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._judge.call(self, args, kwargs)[0]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # no protocols (__array__, __len__...) by proxy
        return self._judge.answer(self._judge.request("getattr", self._judge_id, name))

    def __setattr__(self, name: str, value: Any) -> None:
        # a private attribute stays here, on the proxy (scikit-learn's bookkeeping on
        # an estimator it fits, say); the learner's object is not changed from here
        if name.startswith("_") and not name.startswith("_judge"):
            vars(self)[name] = value
            return
        raise AttributeError(f"cannot set {name!r} on your {self._judge_type}")

    def __delattr__(self, name: str) -> None:
        if (
            name.startswith("_")
            and not name.startswith("_judge")
            and name in vars(self)
        ):
            del vars(self)[name]
            return
        raise AttributeError(f"cannot delete {name!r} from your {self._judge_type}")

    # scikit-learn's protocols, for a learner's estimator inside a pipeline the checks
    # fit: cloned and asked whether it is fitted where it lives
    def __sklearn_clone__(self) -> Any:
        from .remote import sklearn_clone

        return sklearn_clone(self)

    def __sklearn_is_fitted__(self) -> bool:
        from .remote import sklearn_is_fitted

        return bool(sklearn_is_fitted(self))

    def __sklearn_tags__(self) -> Any:
        from .remote import sklearn_tags

        return _tags(sklearn_tags(self))

    def __deepcopy__(self, memo: dict) -> Remote:
        return self

    def __copy__(self) -> Remote:
        return self

    def __repr__(self) -> str:
        return f"<{self._judge_type} {vars(self)['__name__']}>"


def _tags(data: dict) -> Any:
    """scikit-learn's ``Tags`` rebuilt from their fields (nested tags as dicts)."""
    import dataclasses

    from sklearn import utils

    nested = {
        "target_tags": utils.TargetTags,
        "transformer_tags": utils.TransformerTags,
        "classifier_tags": utils.ClassifierTags,
        "regressor_tags": utils.RegressorTags,
        "input_tags": utils.InputTags,
    }
    known = {f.name for f in dataclasses.fields(utils.Tags)}
    fields = {
        name: nested[name](**value) if name in nested and value is not None else value
        for name, value in data.items()
        if name in known
    }
    return utils.Tags(**fields)


def close_client(executor: Any) -> None:
    """Close the judge's client on the executor's kernel, if it made one."""
    cached = getattr(executor, "_judge_client", None)
    if cached is not None:
        cached[1].stop_channels()
        executor._judge_client = None


def _client(executor: Any) -> BlockingKernelClient:
    """A blocking client on the executor's kernel, for the judge's requests (one per
    kernel: a restarted kernel gets a new one)."""
    cached = getattr(executor, "_judge_client", None)
    if cached is not None and cached[0] is executor.km:
        return cached[1]
    close_client(executor)
    # The process's shared context: a context of its own is terminated whenever the
    # garbage collector finds it, and zmq's term() can wait there forever.
    client = BlockingKernelClient(context=zmq.Context.instance())
    client.load_connection_info(executor.km.get_connection_info())
    client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
    executor._judge_client = (executor.km, client)
    return client


#: The largest answer the judge reads from the kernel (bytes of JSON).
MAX_FRAME = 512 * 2**20


class _Line:
    """A Unix socket to :func:`interview_lab.remote.serve`, run by one silent execute
    request in the learner's kernel (its main thread, so its time limits work) for as
    long as a test cell runs: a request costs a socket round trip, not a kernel message.

    The socket lives beside the kernel's connection file (inside the sandbox, that folder
    is the one the kernel shares with the grader). Frames are an 8-byte length and JSON.
    """

    def __init__(
        self,
        executor: Any,
        client: BlockingKernelClient,
        msg_id: str,
        server: socket.socket,
        path: Path,
    ):
        self.executor, self.client, self.msg_id = executor, client, msg_id
        self.server, self.path = server, path
        self.conn: socket.socket | None = None

    @classmethod
    def open(cls, executor: Any) -> _Line:
        folder = Path(executor.km.connection_file).parent
        if not folder.is_dir():
            folder = Path(tempfile.mkdtemp(prefix="interview-lab-judge-"))
        path = folder / f"judge-{secrets.token_hex(6)}.sock"
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(1)
        server.settimeout(0.2)
        client = _client(executor)
        code = f"__import__({_MODULE!r}, fromlist=['_']).serve({str(path)!r})"
        msg_id = client.execute(code, silent=True, store_history=False)
        line = cls(executor, client, msg_id, server, path)
        deadline = time.monotonic() + line._limit()
        while line.conn is None:
            try:
                line.conn, _ = server.accept()
            except TimeoutError:
                if line._reply(0) is not None:  # serve() ended without connecting
                    line.close(lost=True)
                    raise JudgeError(
                        "your notebook's kernel could not serve the grader's requests:"
                        " did the notebook replace or break a module it imports?"
                    ) from None
                line._alive()
                if time.monotonic() > deadline:
                    line.close(lost=True)
                    raise CellTimeoutError("the kernel did not answer") from None
        line.conn.settimeout(1.0)
        return line

    def _limit(self) -> float:
        timeout = self.executor.timeout
        return float(timeout) if timeout and timeout > 0 else 600.0

    def _alive(self) -> None:
        if not run_sync(self.executor.km.is_alive)():
            raise DeadKernelError("the learner's kernel died")

    def _dying(self, seconds: float = 5.0) -> None:
        """The connection broke: raise DeadKernelError if the kernel is dying.

        A kernel that ends (``os._exit``, a crash) closes the socket a moment before
        its process can be reaped, so it is given ``seconds`` to be seen dead."""
        deadline = time.monotonic() + seconds
        while True:
            self._alive()
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def _reply(self, timeout: float) -> dict | None:
        try:
            while True:
                msg = self.client.get_shell_msg(timeout=timeout)
                if msg["parent_header"].get("msg_id") == self.msg_id:
                    return msg
        except Empty:
            return None

    def _ended(self, seconds: float) -> dict | None:
        """serve()'s reply, waited for at most ``seconds``; ``None`` at once if the
        kernel died (there is no reply to wait for)."""
        deadline = time.monotonic() + seconds
        while True:
            reply = self._reply(min(1.0, max(0.0, deadline - time.monotonic())))
            if reply is not None or time.monotonic() >= deadline:
                return reply
            if not run_sync(self.executor.km.is_alive)():
                return None

    def ask(self, request: dict) -> dict:
        """Send one request; its answer (interrupting the kernel past the time limit)."""
        assert self.conn is not None
        try:
            self.conn.sendall(wire.frame(request))
            (size,) = wire.HEADER.unpack(self._read(wire.HEADER.size))
            if size > MAX_FRAME:
                raise JudgeError(f"your function's answer is too large ({size} bytes)")
            answer = json.loads(self._read(size))
        except (OSError, EOFError, ValueError) as exc:
            if isinstance(exc, JudgeError):
                raise
            self._dying()
            raise JudgeError(
                f"the grader lost your notebook's kernel ({exc})"
            ) from None
        if not isinstance(answer, dict):
            raise JudgeError(
                "your notebook's kernel answered with something unreadable"
            )
        return answer

    def _read(self, n: int) -> bytes:
        assert self.conn is not None
        chunks, got = [], 0
        deadline = time.monotonic() + self._limit()
        interrupted = False
        while got < n:
            try:
                chunk = self.conn.recv(min(n - got, 2**20))
            except TimeoutError:
                self._alive()
                if time.monotonic() < deadline:
                    continue
                if interrupted:
                    raise CellTimeoutError(
                        "the learner's kernel stopped answering"
                    ) from None
                run_sync(self.executor.km.interrupt_kernel)()
                interrupted, deadline = True, time.monotonic() + 5
                continue
            if not chunk:
                raise EOFError("the kernel closed the connection")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def close(self, lost: bool = False) -> None:
        """End serve() in the kernel and wait for it (unless the kernel was lost)."""
        try:
            if self.conn is not None and not lost:
                with contextlib.suppress(OSError):
                    self.conn.sendall(wire.frame({"kind": "end", "args": []}))
                if self._ended(self._limit()) is None:
                    run_sync(self.executor.km.interrupt_kernel)()
                    self._ended(5)
        finally:
            for sock in (self.conn, self.server):
                if sock is not None:
                    sock.close()
            with contextlib.suppress(OSError):
                self.path.unlink()


def _signature(params: list | None):
    import inspect

    if params is None:
        return None
    try:
        return inspect.Signature(
            [
                inspect.Parameter(
                    name,
                    inspect._ParameterKind(kind),
                    default=None if has_default else inspect.Parameter.empty,
                )
                for name, kind, has_default in params
            ]
        )
    except (TypeError, ValueError):
        return None


class Judge:
    """Runs graded test cells in this process against a learner's kernel.

    Parameters
    ----------
    executor : nbclient.NotebookClient
        The executor whose kernel client (``kc``) talks to the learner's kernel.
    """

    def __init__(self, executor: Any):
        self.executor = executor
        self.proxies: dict[int, Remote] = {}
        self.line: _Line | None = None

    # -- the kernel ------------------------------------------------------------------
    def request(self, kind: str, *args: Any) -> dict:
        """One request, served by :func:`interview_lab.remote.serve` in the kernel."""
        if self.line is None:
            raise JudgeError("the grader is not connected to your notebook's kernel")
        try:
            return self.line.ask({"kind": kind, "args": list(args)})
        except (DeadKernelError, CellTimeoutError) as exc:
            raise _KernelLost(exc) from None

    @contextlib.contextmanager
    def _serving(self):
        """The kernel serving this judge's requests for the block (see :class:`_Line`)."""
        try:
            self.line = _Line.open(self.executor)
        except (DeadKernelError, CellTimeoutError) as exc:
            raise _KernelLost(exc) from None
        lost = False
        try:
            yield
        except _KernelLost:
            lost = True
            raise
        finally:
            self.line.close(lost)
            self.line = None

    def send(self, value: Any) -> str:
        """``value`` as wire text, proxies as references to their objects."""

        def ref(v: Any) -> dict:
            if isinstance(v, Remote):
                return {"~": "ref", "id": vars(v)["_judge_id"]}
            raise wire.NotSendable(
                f"cannot send a value of type {type(v).__qualname__} to your function"
            )

        return wire.dumps(value, ref)

    def call(
        self, remote: Remote, args: tuple, kwargs: dict, after: bool = False
    ) -> tuple[Any, tuple | None, dict | None]:
        """Call ``remote``'s object in the kernel: its result and, with ``after``, the
        inputs as the call left them there (``None, None`` without)."""
        own = vars(remote)
        answer = self.request(
            "call",
            own["_judge_id"],
            self.send((args, kwargs)),
            current_time_limit(),
            after,
        )
        own["_judge_changed"] = answer.get("changed")
        result = self.answer(answer)
        if not after:
            return result, None, None
        args_after, kwargs_after = wire.decode(answer["after"], handle=self._proxy)
        return result, tuple(args_after), kwargs_after

    def calls(self, remote: Remote, arg_sets: list[tuple[tuple, dict]]) -> list[dict]:
        """Call ``remote``'s object once per ``(args, kwargs)`` in one request: the
        raw answers, for :meth:`answer` (fewer than asked when a call failed; one,
        when the whole request did)."""
        payloads = [self.send(arg_set) for arg_set in arg_sets]
        number = vars(remote)["_judge_id"]
        answer = self.request("calls", number, payloads, current_time_limit())
        answers = answer.get("answers")
        return answers if isinstance(answers, list) and answers else [answer]

    def kernel_side(self, path: str, remote: Remote, args: tuple, kwargs: dict) -> Any:
        """Run the course's ``path`` (a :func:`~interview_lab.checking.kernel_side`
        function) in the kernel on ``remote``'s object; its result. Such a function
        bounds its own calls of the learner's code (the cell's timeout bounds it)."""
        payload = self.send((args, kwargs))
        number = vars(remote)["_judge_id"]
        return self.answer(self.request("kernel_side", path, number, payload, None))

    def answer(self, answer: dict) -> Any:
        """The value in an answer, or the learner's exception raised again here."""
        if answer.get("timeout"):
            raise _TimeLimitExceeded
        if "raised" in answer:
            raise _exception(answer["raised"], answer.get("message", ""))
        if "unsendable" in answer:
            raise JudgeError(
                f"your function returned what cannot be graded: {answer['unsendable']}"
            )
        return wire.decode(answer["value"], handle=self._proxy)

    def _proxy(self, info: dict) -> Remote:
        proxy = self.proxies.get(info["id"])
        if proxy is None:
            proxy = self.proxies[info["id"]] = Remote(self, info)
        return proxy

    # -- a test cell -----------------------------------------------------------------
    def run(self, cell: NotebookNode) -> None:
        """Run a graded test cell here; its outputs replace the cell's."""
        stdout, stderr = io.StringIO(), io.StringIO()
        error = None
        token = _JUDGING.set(True)
        try:
            with (
                contextlib.redirect_stdout(stdout),
                contextlib.redirect_stderr(stderr),
                warnings.catch_warnings(),
            ):
                warnings.simplefilter("default")
                try:
                    code = compile(cell.source, "<test cell>", "exec")
                    namespace = {"__name__": "__test_cell__", "__builtins__": builtins}
                    with self._serving():
                        for name in free_names(cell.source):
                            answer = self.request("lookup", name)
                            if not answer.get("missing"):
                                namespace[name] = self.answer(answer)
                        exec(code, namespace)
                except _KernelLost:
                    raise
                except _TimeLimitExceeded:
                    error = ("TimeoutError", "a call ran past its time limit")
                except Exception as exc:  # the check failed, or the learner's error
                    error = (type(exc).__name__, str(exc))
        except _KernelLost as lost:
            cell.outputs = _outputs(stdout.getvalue(), stderr.getvalue(), None)
            raise lost.cause from None
        finally:
            _JUDGING.reset(token)
        cell.outputs = _outputs(stdout.getvalue(), stderr.getvalue(), error)
        cell.execution_count = None


def _outputs(out: str, err: str, error: tuple[str, str] | None) -> list[NotebookNode]:
    outputs = []
    if out:
        outputs.append(NotebookNode(output_type="stream", name="stdout", text=out))
    if err:
        outputs.append(NotebookNode(output_type="stream", name="stderr", text=err))
    if error is not None:
        outputs.append(error_output(*error))
    return outputs


_SAFE_BASES = {
    name: obj
    for name, obj in vars(builtins).items()
    if isinstance(obj, type) and issubclass(obj, Exception)
}


def _exception(mro: list[str], message: str) -> Exception:
    """The learner's exception rebuilt here: its name, its message, and the first
    builtin exception class among its bases (so ``except ValueError`` still works)."""
    base = next((_SAFE_BASES[n] for n in mro if n in _SAFE_BASES), Exception)
    name = str(mro[0]) if mro and str(mro[0]).isidentifier() else base.__name__
    cls = type(
        name, (base,), {"__str__": lambda self: message, "__module__": "builtins"}
    )
    exc = cls.__new__(cls)
    exc.args = (message,)
    return exc
