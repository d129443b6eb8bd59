"""The notebook's side: run the cells the grader sends, one at a time, and reply with the answers.

Inside the confined process the runtime reads one request at a time from its channel to the
grader: ``{"op": "cell", "index": i, "source": ...}`` runs a cell, ``{"op": "cases", "name":
..., "inputs": [...]}`` calls a code task's function on its test inputs. After each it writes one
reply line with the error (if any) and the answer values, encoded by
:mod:`~medialit.exercises.sandbox.codec`. A cell that runs past its limit is interrupted here
(so the next cells still run); the grader also times each request itself and kills the whole
process tree when a reply is late, so a cell that swallows the interruption gains nothing.
Printed output is counted and thrown away.

Examples
--------
>>> strip_magics("%matplotlib inline\\nx = 1\\n  !ls")
'pass\\nx = 1\\n  pass'
>>> strip_magics("%%time\\nx = 1")
''
>>> runtime = Runtime(["answer_9_1"], Limits(cell_seconds=5))
>>> reply = runtime.handle({"op": "cell", "index": 0, "source": "answer_9_1 = 6 * 7"})
>>> reply["error"], reply["answers"]
('', {'answer_9_1': 42})
>>> runtime.handle({"op": "cell", "index": 1, "source": "1/0"})["error"]
'ZeroDivisionError: division by zero'
"""

from __future__ import annotations

import builtins
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable
from typing import Any

from medialit.exercises.answers import CaseError, run_case
from medialit.exercises.sandbox.codec import encode
from medialit.exercises.sandbox.limits import Limits

_MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)


def strip_magics(source: str) -> str:
    """IPython magics and shell escapes do nothing when grading."""
    if source.lstrip().startswith("%%"):
        return ""
    return _MAGIC.sub(lambda m: m.group(1) + "pass", source)


class CellTimeout(BaseException):
    """Raised in the notebook's process when a cell runs past its time limit."""


def _on_alarm(signum, frame):
    raise CellTimeout()


class CappedWriter:
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


class Runtime:
    """One notebook's namespace, and the handling of the grader's requests against it."""

    def __init__(self, answers: Iterable[str], limits: Limits, writer: CappedWriter | None = None):
        self.answers = sorted(answers)
        self.limits = limits
        self.writer = writer
        self.namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.last_answers = ""

    def handle(self, request: dict) -> dict:
        """Carry out one request; the reply always says which request it answers."""
        if request.get("op") == "cell":
            error = self.run_cell(str(request.get("source", "")))
            reply = {"reply": "cell", "index": request.get("index"), "error": error}
            reply["answers"] = self.changed_answers()
        elif request.get("op") == "cases":
            outputs = self.run_cases(str(request.get("name")), request.get("inputs", []))
            reply = {"reply": "cases", "name": request.get("name"), "outputs": outputs}
        else:
            reply = {"reply": "unknown", "op": str(request.get("op"))[:40]}
        reply["truncated"] = bool(self.writer and self.writer.truncated)
        return reply

    def run_cell(self, source: str) -> str:
        """Run one cell in the namespace; return its error message ('' when it ran)."""
        try:
            code = compile(strip_magics(source), "<cell>", "exec")
        except SyntaxError as error:
            return f"SyntaxError: {error.msg} (line {error.lineno})"
        except (ValueError, MemoryError, RecursionError) as error:
            return f"{type(error).__name__}: the cell cannot be compiled"
        return self.guarded(lambda: exec(code, self.namespace), self.limits.cell_seconds)

    def guarded(self, action: Callable[[], Any], seconds: float) -> str:
        """Run ``action`` under an alarm; turn whatever it raises into a one-line message."""
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

    def run_cases(self, name: str, inputs: Any) -> Any:
        """The outputs of the function ``name`` on each test input (or why there are none)."""
        function = self.namespace.get(name)
        if not callable(function) or not isinstance(inputs, list):
            return None
        return encode([self.run_case(function, args) for args in inputs])

    def run_case(self, function: Callable, args: Any) -> Any:
        box: list[Any] = []
        arguments = args if isinstance(args, list) else [args]
        message = self.guarded(
            lambda: box.append(run_case(function, arguments)), self.limits.case_seconds
        )
        return box[0] if box else CaseError(message or "returned nothing")

    def changed_answers(self) -> dict | None:
        """The answer values, encoded, when they changed since the last reply (else None)."""
        values = {}
        for name in self.answers:
            if name in self.namespace:
                value = self.namespace[name]
                values[name] = {"$": "object", "type": "function"} if callable(value) else value
        try:
            encoded = {name: encode(value) for name, value in values.items()}
            text = json.dumps(encoded, sort_keys=True)
        except (TypeError, ValueError, RecursionError, MemoryError):
            return None
        if text == self.last_answers:
            return None
        self.last_answers = text
        return encoded


def _first_line(error: BaseException) -> str:
    try:
        text = str(error).strip().splitlines()
    except Exception:  # a student's exception whose __str__ raises
        return ""
    return text[0][:300] if text else ""


def serve(channel_fd: int, runtime: Runtime) -> None:
    """Answer the grader's requests on ``channel_fd`` until it closes the channel."""
    signal.signal(signal.SIGALRM, _on_alarm)
    reader = os.fdopen(os.dup(channel_fd), "rb")
    writer = os.fdopen(channel_fd, "wb")
    reserve = [bytearray(8 * 1024 * 1024)]  # freed if memory runs out, so the reply still goes
    for line in reader:
        request = json.loads(line)
        try:
            reply = runtime.handle(request)
        except MemoryError:
            reserve.clear()
            reply = {
                "reply": request.get("op"),
                "index": request.get("index"),
                "name": request.get("name"),
                "error": "MemoryError: the notebook ran out of memory",
                "answers": None,
                "outputs": None,
            }
        try:
            writer.write(json.dumps(reply).encode() + b"\n")
            writer.flush()
        except (OSError, ValueError):
            return


def redirect_output(limits: Limits) -> CappedWriter:
    """Point file descriptors 0-2 at /dev/null and ``sys.stdout``/``stderr`` at a counter."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    writer = CappedWriter(limits.output_chars)
    sys.stdout = sys.stderr = writer
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    return writer
