"""Run a notebook's code cells in a separate, limited Python process and collect its answers.

The parent (:func:`run_cells`) starts ``python -I -B -m medialit.exercises.sandbox`` in a fresh
temporary folder, sends it the cells on stdin and reads JSON lines back. The child sets its own
memory, CPU and file-size limits, refuses writes outside its folder, subprocesses, signals to
other processes and network connections (an audit hook), caps printed output, stops a cell that
runs too long, and after every cell reports the values of the answer variables as plain data.
The parent enforces the per-cell and total time limits from outside as well, so a notebook that
swallows the timeout, calls ``os._exit`` or exhausts memory still yields the answers it had
reached. The answers are judged in the parent against a key the child never sees.

:class:`ForkServer` does the same faster when many notebooks are graded: one warm process
imports the package and loads the corpus once, then forks a fresh limited child per notebook
(about 0.05 s each instead of 0.4 s for a new interpreter that loads the corpus again).

Examples
--------
>>> result = run_cells(["x = 6 * 7", "answer_9_1 = x"], ["answer_9_1"], {})
>>> result.values["answer_9_1"], result.status
(42, 'ok')
>>> run_cells(["1/0"], [], {}).errors[0].message
'ZeroDivisionError: division by zero'
"""

from __future__ import annotations

import builtins
import contextlib
import json
import math
import numbers
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from medialit.exercises.answers import CaseError, Outputs, run_case

GRADING_ENV = "MEDIALIT_GRADING"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one notebook."""

    wall_seconds: float = 120.0
    cell_seconds: float = 30.0
    memory_mb: int = 1024
    output_chars: int = 100_000
    file_mb: int = 20
    case_seconds: float = 5.0


@dataclass(frozen=True)
class CellError:
    """A cell that did not finish normally."""

    cell: int
    message: str


@dataclass
class RunResult:
    """What came back from the child: answer values, code-task outputs, errors and status."""

    values: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    status: str = "ok"  # ok | timeout | killed | crashed
    message: str = ""
    output_truncated: bool = False
    seconds: float = 0.0


# =========================================================================== encoding values


class Opaque:
    """Stands in for a value that cannot travel as data (an object, a module, a function)."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def encode(value: Any, depth: int = 0) -> Any:
    """Turn an answer into JSON data; containers are tagged so sets and dicts survive.

    >>> encode({"a": {1, 2}})
    {'$': 'dict', 'items': [['a', {'$': 'set', 'items': [1, 2]}]]}
    """
    if depth > 20:
        return {"$": "object", "type": "too deeply nested value"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if value is ...:
        return {"$": "blank"}
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else {"$": "float", "repr": repr(number)}
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy arrays and scalars
        return encode(value.tolist(), depth + 1)
    if isinstance(value, Mapping):
        items = [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]
        return {"$": "dict", "items": items}
    if isinstance(value, (set, frozenset)):
        return {"$": "set", "items": [encode(v, depth + 1) for v in value]}
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, CaseError):
        return {"$": "case_error", "message": value.message}
    return {"$": "object", "type": type(value).__name__}


def decode(data: Any) -> Any:
    """Inverse of :func:`encode` (an unknown object becomes an :class:`Opaque`).

    >>> decode(encode({"a": {1, 2}, "b": ..., "c": [1.5]}))
    {'a': {1, 2}, 'b': Ellipsis, 'c': [1.5]}
    """
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    tag = data.get("$")
    if tag == "blank":
        return ...
    if tag == "float":
        return float(data["repr"])
    if tag == "dict":
        return {_hashable(decode(k)): decode(v) for k, v in data["items"]}
    if tag == "set":
        return {_hashable(decode(v)) for v in data["items"]}
    if tag == "case_error":
        return CaseError(data["message"])
    return Opaque(str(data.get("type", "object")))


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


# =========================================================================== the parent


def run_cells(
    cells: list[str],
    answers: Iterable[str],
    code_inputs: Mapping[str, list],
    limits: Limits | None = None,
    blocked_reads: Iterable[str] = (),
) -> RunResult:
    """Run code cells in a fresh limited process; return answers as data.

    Parameters
    ----------
    cells
        The source of each code cell, in order.
    answers
        Names of the answer variables to report.
    code_inputs
        For code tasks: variable name -> list of argument lists to call the function with.
    limits
        Time, memory and output limits.
    blocked_reads
        Files the notebook may not open (the answer key).
    """
    limits = limits or Limits()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="medialit-grade-") as workdir:
        request = _request(cells, answers, code_inputs, limits, blocked_reads, workdir)
        result = _supervise(request, limits, workdir)
    result.seconds = time.monotonic() - started
    return result


def _request(cells, answers, code_inputs, limits: Limits, blocked_reads, workdir: str) -> dict:
    return {
        "cells": list(cells),
        "answers": sorted(answers),
        "code": {name: [list(args) for args in inputs] for name, inputs in code_inputs.items()},
        "limits": limits.__dict__,
        "workdir": workdir,
        "blocked_reads": [os.path.realpath(p) for p in blocked_reads],
    }


def _child_env(workdir: str) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TZ")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        HOME=workdir,
        TMPDIR=workdir,
        MPLBACKEND="Agg",
        MPLCONFIGDIR=workdir,
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        **{GRADING_ENV: "1"},
    )
    return env


def _supervise(request: dict, limits: Limits, workdir: str) -> RunResult:
    command = [sys.executable, "-I", "-B", "-m", "medialit.exercises.sandbox"]
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=workdir,
        env=_child_env(workdir),
        process_group=0,
    )
    try:
        proc.stdin.write(json.dumps(request).encode())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    result = RunResult()
    reader = _EventReader(result, limits)
    try:
        reader.pump(proc.stdout.fileno())
    finally:
        _kill(proc.pid)
        proc.stdout.close()
    code = proc.wait()
    reader.finish(code)
    return result


def _kill(group: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)


class ForkServer:
    """A warm process that forks one limited child per notebook.

    Starting Python, importing the package and loading the corpus cost more than running a
    whole exercise notebook, so the server does them once; each notebook then runs in a child
    forked from it (its own process, memory and limits, as with :func:`run_cells`), between a
    small monitor process that reports how the child ended. Use it as a context manager::

        with ForkServer() as server:
            result = server.run_cells(cells, answers, code_inputs, limits)
    """

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="medialit-forkserver-")
        self.address = os.path.join(self.folder, "socket")
        command = [sys.executable, "-I", "-B", "-m", "medialit.exercises.sandbox"]
        self.proc = subprocess.Popen(
            [*command, "--serve", self.address],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self.folder,
            env=_child_env(self.folder),
            process_group=0,
        )
        if self.proc.stdout.readline().strip() != b"ready":
            self.close()
            raise RuntimeError("the grading fork server did not start")

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the server and remove its socket."""
        _kill(self.proc.pid)
        self.proc.stdout.close()
        self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def run_cells(
        self,
        cells: list[str],
        answers: Iterable[str],
        code_inputs: Mapping[str, list],
        limits: Limits | None = None,
        blocked_reads: Iterable[str] = (),
    ) -> RunResult:
        """Same as :func:`run_cells`, in a child forked from the warm server."""
        limits = limits or Limits()
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="medialit-grade-") as workdir:
            request = _request(cells, answers, code_inputs, limits, blocked_reads, workdir)
            result = RunResult()
            reader = _EventReader(result, limits)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                try:
                    connection.connect(self.address)
                    connection.sendall(json.dumps(request).encode() + b"\n")
                except OSError:  # the server is gone: this notebook gets a fresh process
                    return run_cells(cells, answers, code_inputs, limits, blocked_reads)
                try:
                    reader.pump(connection.fileno())
                finally:
                    if reader.group and reader.exit_code is None:
                        _kill(reader.group)
            reader.finish(reader.exit_code)
        result.seconds = time.monotonic() - started
        return result


class _EventReader:
    """Reads the child's JSON lines and enforces the time limits from outside."""

    GRACE = 2.0  # seconds past the child's own alarm before the parent kills it
    MAX_BYTES = 20_000_000

    def __init__(self, result: RunResult, limits: Limits):
        self.result, self.limits = result, limits
        self.cell: int | None = None
        self.cell_started = self.started = time.monotonic()
        self.done = False
        self.stopped = ""
        self.group: int | None = None
        self.exit_code: int | None = None

    def pump(self, fd: int) -> None:
        selector = selectors.DefaultSelector()
        selector.register(fd, selectors.EVENT_READ)
        buffer, total = b"", 0
        while True:
            if self._overdue():
                return
            if not selector.select(timeout=0.05):
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                return
            total += len(chunk)
            if total > self.MAX_BYTES:
                self.stopped = "killed: the notebook flooded the grader's channel"
                return
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                self._event(line)

    def _overdue(self) -> bool:
        now = time.monotonic()
        if now - self.started > self.limits.wall_seconds:
            self.stopped = f"timeout: the notebook ran longer than {self.limits.wall_seconds:g} s"
        elif (
            self.cell is not None
            and now - self.cell_started > self.limits.cell_seconds + self.GRACE
        ):
            self.stopped = (
                f"timeout: cell {self.cell} ran longer than {self.limits.cell_seconds:g} s"
            )
        return bool(self.stopped)

    def _event(self, line: bytes) -> None:
        try:
            event = json.loads(line)
        except ValueError:
            return  # not from the harness (the notebook wrote to the channel)
        if not isinstance(event, dict):
            return
        kind = event.get("event")
        if kind == "cell":
            self.cell, self.cell_started = event.get("index"), time.monotonic()
        elif kind == "error":
            self.result.errors.append(CellError(event["index"], str(event["message"])))
        elif kind == "answers":
            self.result.values = {k: decode(v) for k, v in event["values"].items()}
        elif kind == "outputs":
            self.result.outputs[event["name"]] = _outputs(event["outputs"])
        elif kind == "done":
            self.done = True
            self.result.output_truncated = bool(event.get("truncated"))
        elif kind == "group" and self.group is None:
            self.group = int(event["pgid"])
        elif kind == "exit" and self.exit_code is None:
            self.exit_code = int(event["code"])

    def finish(self, code: int | None) -> None:
        where = f" in cell {self.cell}" if self.cell is not None else ""
        if self.stopped:
            self.result.status = self.stopped.split(":")[0]
            self.result.message = self.stopped
        elif self.done:
            return
        elif code is None:
            self.result.status = "crashed"
            self.result.message = f"the notebook's process ended unexpectedly{where}"
        elif code == -signal.SIGKILL or code == -signal.SIGXCPU:
            self.result.status = "killed"
            self.result.message = f"the process was killed{where} (memory or CPU limit)"
        elif code < 0:
            self.result.status = "crashed"
            self.result.message = f"the process died from signal {-code}{where}"
        else:
            self.result.status = "crashed"
            self.result.message = f"the notebook ended the process (exit code {code}){where}"


def _outputs(data: Any) -> Any:
    value = decode(data)
    return Outputs(value) if isinstance(value, list) else value


# =========================================================================== the child


class CellTimeout(BaseException):
    """Raised in the child when a cell runs past its time limit."""


class _CappedWriter:
    """Stands in for stdout/stderr: keeps nothing, counts characters, never blocks."""

    encoding = "utf-8"

    def __init__(self, limit: int):
        self.limit, self.written = limit, 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    @property
    def truncated(self) -> bool:
        return self.written > self.limit


_PATH_EVENTS = {
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.truncate",
    "os.chmod",
    "os.chown",
    "os.utime",
    "os.chdir",
    "shutil.rmtree",
}
_FORBIDDEN_EVENTS = {
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "os.kill",
    "os.killpg",
    "signal.pthread_kill",
    "socket.connect",
    "socket.bind",
    "ctypes.dlopen",
    "ctypes.dlsym",
    "ctypes.cdata",
}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _guard(workdir: str, blocked_reads: list[str]):
    """An audit hook that keeps the notebook inside its folder and away from the key."""
    root = os.path.realpath(workdir)
    blocked = set(blocked_reads)
    busy = []  # realpath may itself raise audit events: do not recurse

    def inside(path: Any) -> bool:
        if isinstance(path, int) or path is None:
            return True
        real = os.path.realpath(os.fsdecode(path))
        return real == root or real.startswith(root + os.sep)

    def hook(event: str, args: tuple) -> None:
        if busy or not (event in _PATH_EVENTS or event in _FORBIDDEN_EVENTS or event == "open"):
            return
        busy.append(1)
        try:
            _check_event(event, args, inside, blocked)
        finally:
            busy.pop()

    return hook


def _check_event(event: str, args: tuple, inside, blocked: set) -> None:
    if event in _FORBIDDEN_EVENTS:
        raise PermissionError(f"grading sandbox: {event} is not allowed")
    if event == "open":
        path, mode, flags = args
        if isinstance(path, (str, bytes, os.PathLike)):
            if os.path.realpath(os.fsdecode(path)) in blocked:
                raise PermissionError(f"grading sandbox: {os.fsdecode(path)} may not be read")
            writing = (mode and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE_FLAGS
            if writing and not inside(path):
                raise PermissionError(
                    f"grading sandbox: writing {os.fsdecode(path)} (outside the notebook's folder)"
                )
        return
    for arg in args:
        if isinstance(arg, (str, bytes, os.PathLike)) and not inside(arg):
            raise PermissionError(
                f"grading sandbox: {event} on {os.fsdecode(arg)} (outside the notebook's folder)"
            )


def _set_limits(limits: dict) -> None:
    import resource

    memory = int(limits["memory_mb"]) * 1024 * 1024
    cpu = int(limits["wall_seconds"]) + 5
    files = int(limits["file_mb"]) * 1024 * 1024
    for name, value in (("RLIMIT_AS", memory), ("RLIMIT_CPU", cpu), ("RLIMIT_FSIZE", files)):
        resource.setrlimit(getattr(resource, name), (value, value))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-big file raises OSError instead


_MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)


def strip_magics(source: str) -> str:
    """IPython magics and shell escapes do nothing when grading.

    >>> strip_magics("%matplotlib inline\\nx = 1\\n  !ls")
    'pass\\nx = 1\\n  pass'
    >>> strip_magics("%%time\\nx = 1")
    ''
    """
    if source.lstrip().startswith("%%"):
        return ""
    return _MAGIC.sub(lambda m: m.group(1) + "pass", source)


class _Child:
    """Executes cells in one namespace and reports through a private copy of stdout."""

    def __init__(self, request: dict, channel):
        self.request, self.channel = request, channel
        self.limits = request["limits"]
        self.namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.last_answers = ""

    def send(self, **event: Any) -> None:
        self.channel.write(json.dumps(event) + "\n")
        self.channel.flush()

    def run(self) -> None:
        for index, source in enumerate(self.request["cells"]):
            self.send(event="cell", index=index)
            message = self.run_cell(source)
            if message:
                self.send(event="error", index=index, message=message)
            self.report_answers()
        for name, inputs in self.request["code"].items():
            function = self.namespace.get(name, None)
            if callable(function):
                outputs = [self.run_case(function, args) for args in inputs]
                self.send(event="outputs", name=name, outputs=encode(outputs))

    def run_cell(self, source: str) -> str:
        try:
            code = compile(strip_magics(source), "<cell>", "exec")
        except SyntaxError as error:
            return f"SyntaxError: {error.msg} (line {error.lineno})"
        except (ValueError, MemoryError, RecursionError) as error:
            return f"{type(error).__name__}: the cell cannot be compiled"
        return self.guarded(lambda: exec(code, self.namespace), self.limits["cell_seconds"])

    def guarded(self, action, seconds: float) -> str:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            action()
        except CellTimeout:
            return f"timeout: the cell ran longer than {seconds:g} s and was stopped"
        except SystemExit as error:
            return f"SystemExit: the cell called sys.exit({error.code!r}); the grader went on"
        except MemoryError:
            return "MemoryError: the cell ran out of memory (limit reached)"
        except RecursionError:
            return "RecursionError: maximum recursion depth exceeded"
        except BaseException as error:  # the notebook's own error: report it, go on
            return f"{type(error).__name__}: {_first_line(error)}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return ""

    def run_case(self, function, args: list) -> Any:
        box: list[Any] = []
        message = self.guarded(
            lambda: box.append(run_case(function, args)), self.limits["case_seconds"]
        )
        return box[0] if box else CaseError(message or "returned nothing")

    def report_answers(self) -> None:
        values = {}
        for name in self.request["answers"]:
            if name in self.namespace:
                value = self.namespace[name]
                values[name] = {"$": "function"} if callable(value) else encode(value)
        try:
            text = json.dumps(values)
        except (TypeError, ValueError):
            return
        if text != self.last_answers:
            self.last_answers = text
            self.send(event="answers", values=values)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else ""


def _on_alarm(signum, frame):
    raise CellTimeout()


def _execute(request: dict, channel) -> None:
    """Run the request's cells in this process, under limits, reporting on ``channel``."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    writer = _CappedWriter(int(request["limits"]["output_chars"]))
    sys.stdout = sys.stderr = writer
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    workdir = request["workdir"]
    os.environ.update(HOME=workdir, TMPDIR=workdir, MPLCONFIGDIR=workdir)
    os.chdir(workdir)
    _set_limits(request["limits"])
    signal.signal(signal.SIGALRM, _on_alarm)
    sys.addaudithook(_guard(workdir, request["blocked_reads"]))
    child = _Child(request, channel)
    reserve = bytearray(8 * 1024 * 1024)  # freed if memory runs out, so the report still goes
    try:
        child.run()
    except MemoryError:
        del reserve
    child.send(event="done", truncated=writer.truncated)
    channel.flush()
    os._exit(0)


def main() -> None:
    """Entry point of the child process (``python -I -B -m medialit.exercises.sandbox``)."""
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2])
        return
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    _execute(json.loads(sys.stdin.buffer.read()), channel)


def _preload() -> None:
    """What every notebook imports and loads, done once in the server."""
    import medialit.exercises.check  # noqa: F401 - warm the import cache

    try:
        from medialit.corpus import load_corpus, load_references

        load_corpus()
        load_references()
    except Exception:  # a broken corpus fails in each notebook instead, with its message
        return


def serve(address: str) -> None:
    """The fork server: accept a request per connection, fork a monitored child for it."""
    _preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    signal.signal(signal.SIGCHLD, _reap)  # waited for, so their CPU time is accounted
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        connection, _ = listener.accept()
        request = _receive(connection)
        if request is not None and os.fork() == 0:
            listener.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                _monitor(connection, request)
            finally:
                os._exit(0)
        connection.close()


def _reap(signum, frame) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass


def _receive(connection: socket.socket) -> dict | None:
    chunks = []
    while not chunks or not chunks[-1].endswith(b"\n"):
        chunk = connection.recv(1 << 20)
        if not chunk:
            return None
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return None


def _monitor(connection: socket.socket, request: dict) -> None:
    """Fork the notebook's process, wait for it and report how it ended."""
    os.setpgid(0, 0)  # monitor and child form one group: the grader kills them together
    connection.sendall(json.dumps({"event": "group", "pgid": os.getpid()}).encode() + b"\n")
    pid = os.fork()
    if pid == 0:
        try:
            _execute(request, os.fdopen(os.dup(connection.fileno()), "w", encoding="utf-8"))
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    with contextlib.suppress(OSError):
        connection.sendall(json.dumps({"event": "exit", "code": code}).encode() + b"\n")


if __name__ == "__main__":
    main()
