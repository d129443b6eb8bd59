"""The fork server and its monitors: nothing of a run outlives it, even when the grader dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from medialit.exercises.sandbox import ForkServer, Limits

LIMITS = Limits(wall_seconds=30, cell_seconds=20)

# The audit hook refuses os.fork with a clear message; a determined notebook disarms it first.
DISARM = """
import gc
for f in gc.get_objects():
    if getattr(f, "__qualname__", "") == "guard.<locals>.hook":
        f.__closure__[f.__code__.co_freevars.index("busy")].cell_contents.append(1)
"""
SLEEPER = DISARM + "import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(60)\n"
GRADER = textwrap.dedent(
    """
    import sys, threading
    from medialit.exercises.sandbox import ForkServer, Limits
    server = ForkServer(preload=False)
    print(server.proc.pid, flush=True)
    cells = [sys.argv[1] + "time.sleep(60)"]
    run = lambda: server.run_cells(cells, [], {}, Limits(wall_seconds=60))
    threading.Thread(target=run).start()
    threading.Event().wait()
    """
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _processes_of(folder: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if folder.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return [pid for pid in found if _alive(pid)]


def _wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_grader_takes_the_server_and_its_notebooks_with_it():
    grader = subprocess.Popen(
        [sys.executable, "-c", GRADER, SLEEPER], stdout=subprocess.PIPE, text=True
    )
    try:
        server = int(grader.stdout.readline())
        grader.stdout.close()
        arguments = Path(f"/proc/{server}/cmdline").read_bytes().split(b"\0")
        folder = next(a for a in arguments if b"medialit-forkserver-" in a).decode()
        # The server, a monitor, the notebook (init of its PID namespace) and its setsid sleeper.
        assert _wait_until(lambda: len(_processes_of(folder)) >= 4), _processes_of(folder)
    finally:
        grader.send_signal(signal.SIGKILL)
        grader.wait()
    assert _wait_until(lambda: _processes_of(folder) == []), _describe(_processes_of(folder))


def _describe(pids: list[int]) -> list[str]:
    return [Path(f"/proc/{pid}/status").read_text()[:300] for pid in pids if _alive(pid)]


def _parent(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))


# A cell that the timer cannot interrupt and that never reads the grader's hang-up: only the
# monitor (its kill, or the parent-death signal when it exits) ends it.
DEAF = textwrap.dedent(
    """
    import signal
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while True:
        pass
    """
)


@pytest.mark.parametrize(
    ("cells", "limits", "status"),
    [([SLEEPER], LIMITS, "ok"), ([DEAF], Limits(wall_seconds=2, cell_seconds=1), "timeout")],
    ids=["setsid-sleeper", "deaf-loop"],
)
def test_a_run_returns_only_once_the_notebooks_processes_are_gone(cells, limits, status):
    with ForkServer(preload=False) as server:
        result = server.run_cells(cells, [], {}, limits)
        assert result.status == status, result.message
        others = [pid for pid in _processes_of(server.folder) if pid != server.proc.pid]
        # The monitor (the server's child) says "ended" as its last act and exits a moment later;
        # the notebook and the sleeper it started must already be gone when the run returns.
        notebook = [pid for pid in others if _parent(pid) not in (server.proc.pid, None)]
        assert notebook == [], _describe(notebook)
        assert _wait_until(lambda: _processes_of(server.folder) == [server.proc.pid])


def test_a_closed_server_has_outlived_its_monitors():
    with ForkServer(preload=False) as server:
        for _ in range(3):
            assert server.run_cells([SLEEPER], [], {}, LIMITS).status == "ok"
    assert _processes_of(server.folder) == []  # at once: close() waits for the server


def test_the_grader_hears_how_the_notebook_ended():
    with ForkServer(preload=False) as server:
        ended = server.run_cells(["x = 1", "import os\nos._exit(7)", "y = 2"], [], {}, LIMITS)
        killed = server.run_cells(["import os, signal\nos.kill(os.getpid(), 9)"], [], {}, LIMITS)
    assert ended.status == "crashed"
    assert ended.message == "the notebook ended the process (exit code 7) in cell 1"
    assert killed.status == "ok"  # init of its namespace: a signal from itself does nothing


def test_a_restarted_server_serves_the_next_notebook():
    with ForkServer(preload=False) as server:
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait()
        result = server.run_cells(["answer_9_1 = 6 * 7"], ["answer_9_1"], {}, LIMITS)
    assert result.values == {"answer_9_1": 42}
