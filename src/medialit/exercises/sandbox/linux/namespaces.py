"""Linux namespaces and identity: a process tree, a network and a user of its own.

Two ways in, depending on who runs the grader:

- **as root**: the monitor (the notebook's parent, outside) creates a PID namespace; the
  notebook's process, still root, creates its mount, network and IPC namespaces and builds its
  private root, then a user namespace in which the monitor maps one id, 65534 ("nobody"), to
  the host's 65534. The process switches to it and so holds no capability anywhere, and the
  namespaces it lives in are owned by the host's root, so it can change none of them.
- **as an ordinary user**: the monitor creates a user namespace (mapping its own id, the only
  one the kernel lets it map) with the PID namespace; the notebook's process creates the rest
  from inside it and then drops every capability.

Examples
--------
>>> id_map(65534, 65534)
'65534 65534 1\\n'
"""

from __future__ import annotations

import ctypes
import errno
import os

from medialit.exercises.sandbox.linux import libc

NOBODY = 65534  # the conventional unprivileged uid and gid ("nobody", "nogroup")
_CAPABILITY_VERSION_3 = 0x20080522


def id_map(inside: int, outside: int) -> str:
    """One line of ``/proc/PID/uid_map``: one id inside mapped to one id outside."""
    return f"{inside} {outside} 1\n"


def map_identity(pid: int, uid: int, gid: int, privileged: bool) -> None:
    """Write the user namespace maps of process ``pid`` (called from outside its namespace).

    ``privileged`` (the writer is root outside) allows any outside id; otherwise the kernel
    allows only the writer's own ids, and only after ``setgroups`` is denied.
    """
    if not privileged:
        _write(f"/proc/{pid}/setgroups", "deny")
    _write(f"/proc/{pid}/uid_map", id_map(uid if privileged else 0, uid))
    _write(f"/proc/{pid}/gid_map", id_map(gid if privileged else 0, gid))


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(text)


def become(uid: int, gid: int) -> None:
    """Switch every uid and gid of this process (needs the capability in its user namespace).

    Leaving uid 0 for another id clears the permitted and effective capabilities.
    """
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def drop_bounding_set() -> None:
    """Remove every capability from the bounding set, so that none can come back by ``exec``."""
    for cap in range(64):
        try:
            libc.prctl(libc.PR_CAPBSET_DROP, cap)
        except OSError as error:
            if error.errno == errno.EINVAL:  # past the kernel's last capability
                return
            raise


def clear_capabilities() -> None:
    """Empty the effective, permitted and inheritable sets; raise if any capability remains."""
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.libc().capset(ctypes.byref(header), data) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"capset: {os.strerror(number)}")
    if any(capabilities()):
        raise OSError("capabilities remain after capset")


def capabilities() -> tuple[int, int, int]:
    """This process's (effective, permitted, inheritable) capability masks.

    >>> len(capabilities())
    3
    """
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.libc().capget(ctypes.byref(header), data) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"capget: {os.strerror(number)}")
    return tuple(  # type: ignore[return-value]
        data[0].__getattribute__(f) | data[1].__getattribute__(f) << 32
        for f in ("effective", "permitted", "inheritable")
    )
