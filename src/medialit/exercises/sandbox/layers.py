"""Which protection layers confine a graded notebook, and whether that is enough to grade.

Each notebook's process reports, before any of its code runs, which layers it managed to put
in place and why any is missing. Three things must be confined for grading to go ahead: writes
(outside the notebook's own folder), reads of the answer key, and the network. Writes and the
key are confined by the mount namespace or by Landlock (each alone suffices); the network only
by the network namespace (Landlock alone does not stop UDP). When one of the three is not
covered, the grader refuses, naming the missing layers, unless the instructor passes
``--allow-weaker-isolation``.

Examples
--------
>>> report = LayerReport({"landlock": "ABI 7", "netns": "no interfaces"}, {})
>>> report.uncovered()
[]
>>> report = LayerReport({"landlock": "ABI 7"}, {"netns": "unshare: Operation not permitted"})
>>> print(report.refusal())
cannot confine the network: network namespace is missing (unshare: Operation not permitted)
>>> LayerReport({}, {}).uncovered()
['writes', 'key', 'network']
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field

# Layer id -> what it does, as printed once per grading run.
LAYERS = {
    "userns": "user namespace: the notebook runs as an unprivileged user with no capabilities",
    "pidns": "PID namespace: the notebook is the init of its own process tree, "
    "killed whole when it ends, and sees no other process",
    "netns": "network namespace: its only interface, a loopback of its own, is down: "
    "no network at all",
    "mountns": "mount namespace: a read-only private root holding only Python, the kit's "
    "modules and data, no solutions and no key; the notebook's folder is a private tmpfs",
    "ipcns": "IPC namespace: no shared memory or message queues with other processes",
    "landlock": "Landlock: reads only of Python, the kit's modules and data, writes only in the "
    "notebook's folder, no program execution, no TCP, signals and abstract sockets kept inside",
    "no_new_privs": "no_new_privs: nothing it runs can gain privileges",
    "seccomp": "seccomp: system calls no notebook needs are refused",
    "rlimits": "resource limits: memory, CPU time, processes, open files, file size",
    "audit_hook": "audit hook: clear messages for forbidden actions (a courtesy, not a boundary)",
}
# What must be confined, and the layers that each, alone, confine it.
NEEDS = {
    "writes": ("mountns", "landlock"),
    "key": ("mountns", "landlock"),
    "network": ("netns",),
}
NEED_NAMES = {
    "writes": "writes outside the notebook's folder",
    "key": "reads of the answer key",
    "network": "the network",
}
SHORT_NAMES = {
    "userns": "user namespace",
    "pidns": "PID namespace",
    "netns": "network namespace",
    "mountns": "mount namespace",
    "ipcns": "IPC namespace",
    "landlock": "Landlock",
    "no_new_privs": "no_new_privs",
    "seccomp": "seccomp",
    "rlimits": "resource limits",
    "audit_hook": "audit hook",
}


class IsolationError(RuntimeError):
    """The notebook cannot be confined enough to be graded; the message names what is missing."""


@dataclass(frozen=True)
class Isolation:
    """The instructor's policy: refuse unless confined (default), or accept weaker isolation.

    ``skip`` leaves layers out on purpose (tests of the refusal, the benchmark's comparison).
    """

    allow_weaker: bool = False
    skip: frozenset[str] = frozenset()

    def as_dict(self) -> dict:
        """Plain data for the fork server's request."""
        return {"allow_weaker": self.allow_weaker, "skip": sorted(self.skip)}

    @classmethod
    def from_dict(cls, data: dict) -> Isolation:
        """Inverse of :meth:`as_dict`."""
        return cls(bool(data.get("allow_weaker")), frozenset(map(str, data.get("skip", []))))


@dataclass
class LayerReport:
    """Layers in force (id -> detail) and layers missing (id -> why)."""

    active: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)

    def uncovered(self) -> list[str]:
        """The needs (``writes``, ``key``, ``network``) that no active layer confines."""
        return [need for need, layers in NEEDS.items() if not any(x in self.active for x in layers)]

    def refusal(self) -> str:
        """Why grading must not go ahead ('' when it may)."""
        lines = []
        for need in self.uncovered():
            parts = [
                f"{SHORT_NAMES[x]} is missing"
                + (f" ({self.missing[x]})" if x in self.missing else "")
                for x in NEEDS[need]
            ]
            lines.append(f"cannot confine {NEED_NAMES[need]}: {' and '.join(parts)}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        """Plain data, as the notebook's process sends it."""
        return {"active": self.active, "missing": self.missing}

    @classmethod
    def from_dict(cls, data: object) -> LayerReport:
        """Inverse of :meth:`as_dict`, tolerant of garbage (it becomes 'nothing is active')."""
        if not isinstance(data, dict):
            return cls()
        active, missing = data.get("active"), data.get("missing")
        return cls(
            {str(k): str(v)[:300] for k, v in active.items()} if isinstance(active, dict) else {},
            {str(k): str(v)[:300] for k, v in missing.items()} if isinstance(missing, dict) else {},
        )

    def describe(self) -> str:
        """The report printed once per grading run.

        >>> print(LayerReport({"pidns": ""}, {"seccomp": "not on arm"}).describe())
        ... # doctest: +ELLIPSIS
        isolation of each notebook on this machine (...):
          on    PID namespace: the notebook is the init of its own process tree, killed whole ...
          off   seccomp: system calls no notebook needs are refused (not on arm)
        """
        lines = [f"isolation of each notebook on this machine ({system_name()}):"]
        for layer, text in LAYERS.items():
            if layer in self.active:
                detail = f" ({self.active[layer]})" if self.active[layer] else ""
                lines.append(f"  on    {text}{detail}")
            elif layer in self.missing:
                lines.append(f"  off   {text} ({self.missing[layer]})")
        return "\n".join(lines)


def system_name() -> str:
    """The operating system, for messages: ``Linux 6.18.44``, ``macOS``, ``Windows``."""
    if sys.platform == "darwin":
        return "macOS"
    if sys.platform.startswith("win"):
        return "Windows"
    return f"{platform.system()} {platform.release()}"


def unavailable_here() -> LayerReport:
    """The report on a system with none of the kernel layers (macOS, Windows)."""
    why = f"not available on {system_name()}"
    kernel = [layer for layer in LAYERS if layer not in ("rlimits", "audit_hook")]
    return LayerReport({}, dict.fromkeys(kernel, why))
