"""The grader's side of one notebook run: it owns the cells, the clock and the verdict on the run.

The grader talks to two parties over two sockets. The *monitor* (forked by the fork server,
outside every namespace, running only the kit's code) says whether the notebook's process is
confined and with which layers, and how it ended; closing that connection makes the monitor
kill the notebook's whole process tree. The *notebook's process* gets one request at a time
(a cell, then each code task's test inputs) and must send one reply to each. The grader starts
each request's clock itself and kills the notebook when a reply is late, so nothing the notebook
writes can stretch its time. A reply that is not the one asked for, is malformed or too large
means the notebook wrote on the channel itself: it is stopped, and the answers it reported are
discarded, since none of them can be believed.

Examples
--------
>>> result = RunResult()
>>> result.stop("timeout", "timeout: cell 3 ran longer than 30 s")
>>> result.status, result.message
('timeout', 'timeout: cell 3 ran longer than 30 s')
"""

from __future__ import annotations

import json
import signal
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from medialit.exercises.answers import Outputs
from medialit.exercises.sandbox.channel import ChannelTimeout, LineReader, send_line
from medialit.exercises.sandbox.codec import MAX_LINE_BYTES, ReplyError, decode, parse_line
from medialit.exercises.sandbox.layers import Isolation, LayerReport
from medialit.exercises.sandbox.limits import Limits

GRACE = 2.0  # seconds past the notebook's own alarm before the grader kills it
START_SECONDS = 30.0  # to fork and confine the notebook's process
EXIT_SECONDS = 2.0  # to hear how the process ended once its channel closed
END_SECONDS = 10.0  # for the monitor to kill the notebook's processes once the run is over
TAMPERED = (
    "the notebook wrote on the grader's channel ({}); it was stopped and its answers discarded"
)


@dataclass(frozen=True)
class CellError:
    """A cell that did not finish normally."""

    cell: int
    message: str


@dataclass
class RunResult:
    """What the run gave: answer values, code-task outputs, errors, status and layers."""

    values: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    status: str = "ok"  # ok | timeout | killed | crashed | tampered | refused
    message: str = ""
    output_truncated: bool = False
    seconds: float = 0.0
    layers: LayerReport = field(default_factory=LayerReport)

    def stop(self, status: str, message: str) -> None:
        """Record why the run ended early (the first reason wins)."""
        if self.status == "ok":
            self.status, self.message = status, message


def run_notebook(
    connect: Callable[[], socket.socket],
    cells: list[str],
    answers: Iterable[str],
    code_inputs: Mapping[str, list],
    limits: Limits,
    isolation: Isolation,
) -> RunResult:
    """Run the cells, then the code tasks, in a fresh confined process; see the module."""
    started = time.monotonic()
    result = RunResult()
    request = {
        "limits": limits.as_dict(),
        "answers": sorted(answers),
        "isolation": isolation.as_dict(),
    }
    control = connect()
    mine, theirs = socket.socketpair()
    try:
        session = _Session(control, mine, limits, result, started)
        socket.send_fds(control, [json.dumps(request).encode() + b"\n"], [theirs.fileno()])
        theirs.close()
        if session.wait_confined():
            session.run(cells, code_inputs)
    finally:
        theirs.close()
        mine.close()
        _hang_up(control)
    result.seconds = time.monotonic() - started
    return result


def _hang_up(control: socket.socket) -> None:
    """Tell the monitor the run is over and wait until it has killed the notebook's processes."""
    reader = LineReader(control, max_line=1_000_000)
    deadline = time.monotonic() + END_SECONDS
    try:
        control.shutdown(socket.SHUT_WR)
        while (line := reader.read_line(deadline)) is not None:
            if line.startswith(b'{"event": "ended"'):
                break
    except (OSError, ChannelTimeout, ReplyError):
        pass
    finally:
        control.close()


class _Session:
    def __init__(self, control, channel, limits: Limits, result: RunResult, started: float):
        self.control = LineReader(control, max_line=1_000_000)
        self.channel = channel
        self.replies = LineReader(channel, max_line=MAX_LINE_BYTES)
        self.limits, self.result, self.started = limits, result, started
        self.cell: int | None = None

    # ----------------------------------------------------------------- the monitor's events

    def wait_confined(self) -> bool:
        event = self._event(self.started + START_SECONDS)
        if event is None or event.get("event") not in ("confined", "refused"):
            self.result.stop("crashed", "the grading sandbox did not start")
            return False
        self.result.layers = LayerReport.from_dict(event.get("report"))
        if event["event"] == "refused":
            self.result.stop("refused", f"not graded: {event.get('message', '')}")
            return False
        return True

    def _event(self, deadline: float) -> dict | None:
        try:
            line = self.control.read_line(deadline)
            event = json.loads(line) if line is not None else None
        except (ChannelTimeout, ReplyError, ValueError):
            return None
        return event if isinstance(event, dict) else None

    # ----------------------------------------------------------------- the notebook's requests

    def run(self, cells: list[str], code_inputs: Mapping[str, list]) -> None:
        for index, source in enumerate(cells):
            self.cell = index
            request = {"op": "cell", "index": index, "source": source}
            reply = self._ask(request, self.limits.cell_seconds, f"cell {index}")
            if reply is None:
                return
            self._take_cell_reply(index, reply)
        self.cell = None
        for name, inputs in code_inputs.items():
            request = {"op": "cases", "name": name, "inputs": [list(args) for args in inputs]}
            seconds = self.limits.case_seconds * max(1, len(inputs))
            reply = self._ask(request, seconds, f"the tests of {name}")
            if reply is None:
                return
            self._take_cases_reply(name, reply)

    def _ask(self, request: dict, seconds: float, what: str) -> dict | None:
        """Send one request; the reply, or None after recording why the run stopped."""
        now = time.monotonic()
        wall = self.started + self.limits.wall_seconds
        deadline = min(now + seconds + GRACE, wall)
        if not send_line(self.channel, request, deadline):
            self._ended()
            return None
        try:
            line = self.replies.read_line(deadline)
        except ChannelTimeout:
            if deadline >= wall:
                message = f"timeout: the notebook ran longer than {self.limits.wall_seconds:g} s"
            else:
                message = f"timeout: {what} ran longer than {seconds:g} s"
            self.result.stop("timeout", message)
            return None
        except ReplyError as error:
            return self._tampered(str(error))
        if line is None:
            self._ended()
            return None
        try:
            reply = parse_line(line)
        except ReplyError as error:
            return self._tampered(str(error))
        if not isinstance(reply, dict) or reply.get("reply") != request["op"]:
            return self._tampered("a reply to a request that was not made")
        return reply

    def _take_cell_reply(self, index: int, reply: dict) -> None:
        if reply.get("index") != index:
            self._tampered(f"a reply for cell {reply.get('index')!r} when cell {index} ran")
            return
        error, answers = reply.get("error"), reply.get("answers")
        if error:
            self.result.errors.append(CellError(index, str(error)[:500]))
        if isinstance(answers, dict):
            try:
                self.result.values = {str(k)[:100]: decode(v) for k, v in answers.items()}
            except (ReplyError, RecursionError) as problem:
                self._tampered(str(problem))
        self.result.output_truncated = bool(reply.get("truncated"))

    def _take_cases_reply(self, name: str, reply: dict) -> None:
        if reply.get("name") != name:
            self._tampered(f"a reply for the tests of {reply.get('name')!r} when {name} ran")
            return
        outputs = reply.get("outputs")
        if outputs is None:
            return
        try:
            value = decode(outputs)
        except (ReplyError, RecursionError) as problem:
            self._tampered(str(problem))
            return
        self.result.outputs[name] = Outputs(value) if isinstance(value, list) else value

    def _tampered(self, what: str) -> None:
        self.result.stop("tampered", TAMPERED.format(what))
        self.result.values, self.result.outputs = {}, {}

    def _ended(self) -> None:
        """The notebook's process closed its channel: ask the monitor how it ended."""
        event = self._event(time.monotonic() + EXIT_SECONDS)
        code = event.get("code") if event and event.get("event") == "exit" else None
        where = f" in cell {self.cell}" if self.cell is not None else ""
        if not isinstance(code, int):
            self.result.stop("crashed", f"the notebook's process ended unexpectedly{where}")
        elif code in (-signal.SIGKILL, -signal.SIGXCPU):
            self.result.stop("killed", f"the process was killed{where} (memory or CPU limit)")
        elif code < 0:
            self.result.stop("crashed", f"the process died from signal {-code}{where}")
        else:
            self.result.stop("crashed", f"the notebook ended the process (exit code {code}){where}")
