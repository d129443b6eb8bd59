"""How much time, memory, output, processes and disk one notebook may use.

The grader enforces the time limits from outside (it feeds the cells one at a time and kills
the notebook's processes when a cell or the whole notebook runs past its limit); the notebook's
process applies the rest to itself, as resource limits, before any of its code runs.

Examples
--------
>>> Limits().cell_seconds
30.0
>>> Limits.from_dict(Limits(memory_mb=512).as_dict()).memory_mb
512
"""

from __future__ import annotations

import dataclasses
import signal
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Resource limits for one notebook.

    Parameters
    ----------
    wall_seconds
        The whole notebook, from the first cell to the last test of its functions.
    cell_seconds
        One code cell.
    memory_mb
        Address space of each of its processes.
    output_chars
        Printed output kept count of; beyond it the notebook is told its output was discarded.
    file_mb
        Largest file it may write.
    case_seconds
        One call of a code task's function on one test input.
    processes
        Processes and threads it may run at once.
    open_files
        Files it may hold open at once.
    folder_mb
        Size of its private folder (a memory-backed file system, gone when it ends).
    """

    wall_seconds: float = 120.0
    cell_seconds: float = 30.0
    memory_mb: int = 1024
    output_chars: int = 100_000
    file_mb: int = 20
    case_seconds: float = 5.0
    processes: int = 32
    open_files: int = 256
    folder_mb: int = 64

    def as_dict(self) -> dict:
        """Plain data, for the request sent to the fork server."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Limits:
        """Inverse of :meth:`as_dict` (unknown keys are ignored)."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def apply_resource_limits(limits: Limits) -> list[str]:
    """Set this process's resource limits (inherited by whatever it starts); return their names.

    The CPU limit is a backstop above the wall time (the grader kills sooner); a file that
    grows past ``file_mb`` raises :class:`OSError` in the notebook instead of killing it.
    """
    import resource

    mb = 1024 * 1024
    wanted = {
        "RLIMIT_AS": limits.memory_mb * mb,
        "RLIMIT_CPU": int(limits.wall_seconds) + 5,
        "RLIMIT_FSIZE": limits.file_mb * mb,
        "RLIMIT_NPROC": limits.processes,
        "RLIMIT_NOFILE": limits.open_files,
        "RLIMIT_CORE": 0,
    }
    applied = []
    for name, value in wanted.items():
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (AttributeError, ValueError, OSError):  # not on this system (macOS: RLIMIT_AS)
            continue
        applied.append(name)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if not applied:
        raise OSError("no resource limit could be set")
    return applied
