"""The fork server: a warm process that starts one confined notebook process per request.

Starting Python, importing the package and loading the corpus cost more than running a whole
exercise notebook, so the server does them once; each notebook then runs in a process forked
from it. The server itself never reads a request: for each connection it forks a *monitor*
that receives the request (limits, the answer names, the isolation policy and the grader's end
of a socket pair), starts the confined notebook process (:mod:`.launch`), tells the grader
which layers are in force, and kills the notebook's process tree when the grader closes the
connection, when the notebook outlives its wall time, or when the grader itself dies. So
nothing of one notebook (its cells travel on the socket pair, straight to its own process)
stays in the memory the next one is forked from, and nothing outlives a run.

The server exits when the grader does (its standard input, a pipe from the grader, closes).

Use it as a context manager::

    with ForkServer() as server:
        result = server.run_cells(cells, answers, code_inputs, limits)
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping

from medialit.exercises.sandbox import launch, supervise
from medialit.exercises.sandbox.layers import Isolation, LayerReport
from medialit.exercises.sandbox.limits import Limits
from medialit.exercises.sandbox.supervise import RunResult
from medialit.exercises.sandbox.view import ChildView, child_view

START_SECONDS = 60.0  # for the server to import the package and load the corpus
WALL_MARGIN = 30.0  # the monitor's own backstop past the notebook's wall time


class ForkServer:
    """The grader's handle on a fork server process (restarted if it dies)."""

    def __init__(self, preload: bool = True, isolation: Isolation | None = None) -> None:
        self.preload = preload
        self.isolation = isolation or Isolation()
        self._lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="medialit-forkserver-")
        self.address = os.path.join(self.folder, "socket")
        command = [sys.executable, "-I", "-B", "-m", "medialit.exercises.sandbox.server"]
        command += [self.folder, "--preload"] if self.preload else [self.folder]
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self.folder,
            env=_server_env(),
        )
        ready, _, _ = select.select([self.proc.stdout], [], [], START_SECONDS)
        if not ready or self.proc.stdout.readline().strip() != b"ready":
            self.close()
            raise RuntimeError("the grading fork server did not start")
        self.proc.stdout.close()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the server, which exits once its monitors have (each ends with its grader)."""
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def connect(self) -> socket.socket:
        """A connection to the server; a dead server is replaced by a fresh one first."""
        for attempt in range(2):
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                connection.connect(self.address)
                return connection
            except OSError:
                connection.close()
                if attempt:
                    raise
            with self._lock:
                if self.proc.poll() is not None:
                    self.close()
                    self._start()
        raise AssertionError("unreachable")

    def run_cells(
        self,
        cells: list[str],
        answers: Iterable[str],
        code_inputs: Mapping[str, list],
        limits: Limits | None = None,
    ) -> RunResult:
        """Run a notebook's code cells in a fresh confined process; return its answers as data.

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
        """
        limits = limits or Limits()
        return supervise.run_notebook(
            self.connect, cells, answers, code_inputs, limits, self.isolation
        )

    def probe(self) -> LayerReport:
        """The layers a notebook gets on this machine (a run with no cells)."""
        result = self.run_cells([], [], {}, Limits(wall_seconds=60))
        return result.layers


def _server_env() -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TZ")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    env[launch.GRADING_ENV] = "1"
    return env


# =========================================================================== the server process


def _preload() -> None:
    """What every notebook imports and loads, done once in the server."""
    # Warm the import cache: what every notebook imports, and the extractors the capstone runs
    # (their rules compile at import, about 0.07 s: once here, not in every capstone notebook).
    importlib.import_module("medialit.exercises.check")
    importlib.import_module("medialit.extract")

    try:
        from medialit.corpus import load_corpus, load_references

        load_corpus()
        load_references()
    except Exception:  # a broken corpus fails in each notebook instead, with its message
        return


def serve(folder: str, preload: bool) -> None:
    """Accept a connection per notebook and fork a monitor for it, until stdin closes."""
    if preload:
        _preload()
    view = child_view()
    mountpoint = os.path.join(folder, "root")
    os.mkdir(mountpoint, 0o755)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.path.join(folder, "socket"))
    listener.listen(64)
    signal.signal(signal.SIGCHLD, _reap)  # monitors are waited for as they end
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        ready, _, _ = select.select([listener, sys.stdin], [], [])
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
            shutil.rmtree(folder, ignore_errors=True)  # the grader is gone, maybe killed
            _outlive_monitors()
            return
        if listener in ready:
            connection, _ = listener.accept()
            if os.fork() == 0:
                try:
                    listener.close()
                    monitor(connection, view, mountpoint)
                finally:
                    os._exit(0)
            connection.close()


def _reap(signum, frame) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass


def _outlive_monitors() -> None:
    """Wait for every monitor, so that a closed server leaves no process of its own behind.

    Each monitor ends once its grader's connection closes, which a gone grader's does.
    """
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    with contextlib.suppress(ChildProcessError):
        while True:
            os.waitpid(-1, 0)


def _receive(connection: socket.socket) -> tuple[dict, int] | None:
    connection.settimeout(10)
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, received, _, _ = socket.recv_fds(connection, 1 << 16, 1)
        if not chunk:
            return None
        data, fds = data + chunk, fds + received
    connection.settimeout(None)
    if len(fds) != 1:
        return None
    return json.loads(data), fds[0]


def monitor(connection: socket.socket, view: ChildView, mountpoint: str) -> None:
    """One notebook: start its confined process, report, and kill it when the grader is done."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)  # the server's pipe from the grader: only the server watches it
    os.close(devnull)
    received = _receive(connection)
    if received is None:
        return
    request, channel_fd = received
    settings = launch.Settings(
        limits=Limits.from_dict(request["limits"]),
        answers=tuple(map(str, request["answers"])),
        isolation=Isolation.from_dict(request["isolation"]),
        view=view,
        mountpoint=mountpoint,
    )
    started = launch.start(settings, channel_fd)
    os.close(channel_fd)
    try:
        event = "refused" if started.refused else "confined"
        _tell(connection, event=event, report=started.report.as_dict(), message=started.refused)
        if not started.refused:
            deadline = time.monotonic() + settings.limits.wall_seconds + WALL_MARGIN
            _watch(connection, started.pid, deadline)
    finally:
        _end(started.pid)
        launch.remove_host_folder(started)
        _tell(connection, event="ended")  # the grader may now count on nothing being left


def _watch(connection: socket.socket, pid: int, deadline: float) -> None:
    """Until the grader hangs up or the deadline: report the notebook's exit if it comes first."""
    waiter = _exit_waiter(pid)
    while time.monotonic() < deadline:
        sources = [connection] + ([waiter] if waiter is not None else [])
        timeout = min(0.05 if waiter is None else 1.0, max(0.0, deadline - time.monotonic()))
        ready, _, _ = select.select(sources, [], [], timeout)
        if connection in ready:
            return  # the grader is done (or gone): a request to end the run
        code = _exit_code(pid)
        if code is not None:
            _tell(connection, event="exit", code=code)
            select.select([connection], [], [], max(0.0, deadline - time.monotonic()))
            return


def _exit_code(pid: int) -> int | None:
    """How the process ended (negative: the signal), without reaping it.

    It stays a zombie until :func:`_end`, so its number cannot go to another process in the
    meantime, and killing its process group there cannot hit a stranger.
    """
    info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    if info is None:
        return None
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def _exit_waiter(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _end(pid: int) -> None:
    """Kill the notebook's process: as its namespace's init, it takes every process with it.

    Without a PID namespace, its process group goes too (it is its own session's leader).
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _tell(connection: socket.socket, **event) -> None:
    with contextlib.suppress(OSError):
        connection.sendall(json.dumps(event).encode() + b"\n")


def main() -> None:
    """``python -I -B -m medialit.exercises.sandbox.server FOLDER [--preload]``."""
    serve(sys.argv[1], "--preload" in sys.argv[2:])


if __name__ == "__main__":
    main()
