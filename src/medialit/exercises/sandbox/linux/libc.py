"""The few Linux system calls the sandbox needs that Python 3.10-3.11 does not wrap.

``os.unshare`` arrives only in Python 3.12, and ``mount``, ``pivot_root``, ``prctl`` and the
Landlock and seccomp calls have no wrapper at all, so they go through ``ctypes``. Every call
raises :class:`OSError` with the C library's ``errno`` when it fails.

Examples
--------
>>> syscall_number("unshare") if MACHINE == "x86_64" else 272
272
>>> hex(CLONE_NEWNET)
'0x40000000'
"""

from __future__ import annotations

import ctypes
import os
import platform

MACHINE = platform.machine()

# Namespaces (linux/sched.h).
CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
NAMESPACE_FLAGS = (
    CLONE_NEWNS
    | CLONE_NEWCGROUP
    | CLONE_NEWUTS
    | CLONE_NEWIPC
    | CLONE_NEWUSER
    | CLONE_NEWPID
    | CLONE_NEWNET
)

# mount(2) flags (linux/mount.h).
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2

# prctl(2) options (linux/prctl.h).
PR_SET_PDEATHSIG = 1
PR_SET_SECCOMP = 22
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2

KEYCTL_JOIN_SESSION_KEYRING = 1

# System call numbers that glibc may not export a function for, per machine
# (asm/unistd_64.h; the Landlock calls share one number on every architecture).
_SYSCALLS = {
    "x86_64": {
        "clone": 56,
        "ptrace": 101,
        "syslog": 103,
        "personality": 135,
        "pivot_root": 155,
        "chroot": 161,
        "acct": 163,
        "mount": 165,
        "umount2": 166,
        "swapon": 167,
        "swapoff": 168,
        "reboot": 169,
        "init_module": 175,
        "delete_module": 176,
        "quotactl": 179,
        "kexec_load": 246,
        "add_key": 248,
        "request_key": 249,
        "keyctl": 250,
        "unshare": 272,
        "perf_event_open": 298,
        "fanotify_init": 300,
        "name_to_handle_at": 303,
        "open_by_handle_at": 304,
        "setns": 308,
        "process_vm_readv": 310,
        "process_vm_writev": 311,
        "finit_module": 313,
        "kexec_file_load": 320,
        "bpf": 321,
        "userfaultfd": 323,
        "io_uring_setup": 425,
        "io_uring_enter": 426,
        "io_uring_register": 427,
        "open_tree": 428,
        "move_mount": 429,
        "fsopen": 430,
        "fsconfig": 431,
        "fsmount": 432,
        "fspick": 433,
        "clone3": 435,
        "pidfd_getfd": 438,
        "mount_setattr": 442,
        "landlock_create_ruleset": 444,
        "landlock_add_rule": 445,
        "landlock_restrict_self": 446,
    },
    "aarch64": {
        "landlock_create_ruleset": 444,
        "landlock_add_rule": 445,
        "landlock_restrict_self": 446,
        "unshare": 97,
        "mount": 40,
        "umount2": 39,
        "pivot_root": 41,
        "keyctl": 219,
    },
}


def syscall_number(name: str) -> int:
    """The number of a system call on this machine; :class:`OSError` when it is not known."""
    try:
        return _SYSCALLS[MACHINE][name]
    except KeyError:
        raise OSError(f"system call {name} is not known on {MACHINE}") from None


def syscall_table() -> dict[str, int]:
    """Every system call number known for this machine (empty when the machine is not known)."""
    return dict(_SYSCALLS.get(MACHINE, {}))


_libc: ctypes.CDLL | None = None


def libc() -> ctypes.CDLL:
    """The C library, loaded once."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
    return _libc


def _checked(result: int, what: str) -> int:
    if result < 0:
        number = ctypes.get_errno()
        raise OSError(number, f"{what}: {os.strerror(number)}")
    return result


def syscall(name: str, *args) -> int:
    """Call a system call by name with ctypes arguments; raise :class:`OSError` on failure."""
    return _checked(libc().syscall(ctypes.c_long(syscall_number(name)), *args), name)


def unshare(flags: int) -> None:
    """Move this process into new namespaces (``unshare(2)``)."""
    _checked(libc().unshare(ctypes.c_int(flags)), f"unshare({flags:#x})")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    """``mount(2)``; ``source`` and ``fstype`` may be None (bind mounts, remounts)."""
    encoded = [None if s is None else os.fsencode(s) for s in (source, target, fstype)]
    result = libc().mount(
        encoded[0], encoded[1], encoded[2], ctypes.c_ulong(flags), data.encode() or None
    )
    _checked(result, f"mount {source or fstype or ''} on {target}")


def umount(target: str, flags: int = 0) -> None:
    """``umount2(2)``."""
    _checked(libc().umount2(os.fsencode(target), ctypes.c_int(flags)), f"umount {target}")


def pivot_root(new_root: str, put_old: str) -> None:
    """``pivot_root(2)``: make ``new_root`` this mount namespace's root."""
    syscall("pivot_root", os.fsencode(new_root), os.fsencode(put_old))


def prctl(option: int, arg2: int = 0, arg3: int | ctypes.c_void_p = 0) -> int:
    """``prctl(2)`` with up to two arguments (the rest are zero, as the options used here need)."""
    value = arg3 if isinstance(arg3, ctypes.c_void_p) else ctypes.c_ulong(arg3)
    result = libc().prctl(ctypes.c_int(option), ctypes.c_ulong(arg2), value, 0, 0)
    return _checked(result, f"prctl({option})")


def join_new_session_keyring() -> None:
    """Leave the grader's session keyring for a new, empty one (``keyctl(2)``)."""
    syscall("keyctl", ctypes.c_int(KEYCTL_JOIN_SESSION_KEYRING), None)
