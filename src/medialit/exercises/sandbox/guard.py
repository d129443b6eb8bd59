"""An audit hook that turns the commonest forbidden actions into clear messages.

This is not what confines a notebook: CPython's audit hooks can be bypassed (some calls raise no
event, and code in the same process can disarm the hook), so the operating system's layers
(:mod:`medialit.exercises.sandbox.launch`) are the boundary. The hook is there so that a student
who writes ``open('../x', 'w')`` or starts a subprocess reads "grading sandbox: ..." in the
feedback rather than a bare ``Permission denied``.

Examples
--------
>>> check = guard("/tmp/nb")
>>> check("open", ("/tmp/nb/out.txt", "w", 0)) is None
True
>>> check("open", ("/etc/passwd", "w", 0))
Traceback (most recent call last):
...
PermissionError: grading sandbox: writing /etc/passwd (outside the notebook's folder)
>>> check("subprocess.Popen", ("ls", ["ls"], None, None))
Traceback (most recent call last):
...
PermissionError: grading sandbox: subprocess.Popen is not allowed
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

PATH_EVENTS = frozenset(
    {
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
)
FORBIDDEN_EVENTS = frozenset(
    {
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
        "socket.sendto",
        "ctypes.dlopen",
        "ctypes.dlsym",
        "ctypes.cdata",
    }
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def guard(folder: str) -> Callable[[str, tuple], None]:
    """The audit hook for a notebook whose folder is ``folder`` (for ``sys.addaudithook``)."""
    root = os.path.realpath(folder)
    busy = []  # realpath may itself raise audit events: do not recurse

    def inside(path: Any) -> bool:
        if isinstance(path, int) or path is None:
            return True
        real = os.path.realpath(os.fsdecode(path))
        return real == root or real.startswith(root + os.sep)

    def hook(event: str, args: tuple) -> None:
        if busy or not (event in PATH_EVENTS or event in FORBIDDEN_EVENTS or event == "open"):
            return
        busy.append(1)
        try:
            _check_event(event, args, inside)
        finally:
            busy.pop()

    return hook


def _check_event(event: str, args: tuple, inside: Callable[[Any], bool]) -> None:
    if event in FORBIDDEN_EVENTS:
        raise PermissionError(f"grading sandbox: {event} is not allowed")
    if event == "open":
        path, mode, flags = args
        if isinstance(path, (str, bytes, os.PathLike)):
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
