"""Run a submitted notebook's code confined by the operating system, and collect its answers.

Each notebook runs in a process of its own, forked from a warm server
(:class:`ForkServer`, :mod:`.server`), confined before any of its code runs (:mod:`.launch`):
on Linux a PID, network, IPC, mount and user namespace, a private read-only root in which the
notebook's folder is the only writable place and the answer key does not exist, Landlock rules,
``no_new_privs``, a seccomp filter and resource limits; an audit hook (:mod:`.guard`) only words
the commonest refusals clearly. The grader feeds the cells one at a time and times each itself
(:mod:`.supervise`); the notebook's process (:mod:`.runtime`) replies with its answers as plain
data (:mod:`.codec`), judged in the grader against a key the notebook never sees.
:class:`~.layers.LayerReport` says which layers are in force.

Examples
--------
>>> result = run_cells(["x = 6 * 7", "answer_9_1 = x"], ["answer_9_1"], {})
>>> result.values["answer_9_1"], result.status
(42, 'ok')
>>> run_cells(["1/0"], [], {}).errors[0].message
'ZeroDivisionError: division by zero'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from medialit.exercises.sandbox.codec import Opaque, decode, encode
from medialit.exercises.sandbox.layers import Isolation, IsolationError, LayerReport
from medialit.exercises.sandbox.limits import Limits
from medialit.exercises.sandbox.runtime import strip_magics
from medialit.exercises.sandbox.server import ForkServer
from medialit.exercises.sandbox.supervise import CellError, RunResult

__all__ = [
    "CellError",
    "ForkServer",
    "Isolation",
    "IsolationError",
    "LayerReport",
    "Limits",
    "Opaque",
    "RunResult",
    "decode",
    "encode",
    "run_cells",
    "strip_magics",
]


def run_cells(
    cells: list[str],
    answers: Iterable[str],
    code_inputs: Mapping[str, list],
    limits: Limits | None = None,
    isolation: Isolation | None = None,
) -> RunResult:
    """Run one notebook's cells with a server of its own (slower: it loads nothing in advance).

    For many notebooks, use one :class:`ForkServer` and its ``run_cells``.
    """
    with ForkServer(preload=False, isolation=isolation) as server:
        return server.run_cells(cells, answers, code_inputs, limits)
