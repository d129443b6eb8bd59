"""Landlock: the kernel refuses every file access the rules do not grant (Linux 5.13+).

The ruleset *handles* every file-system right the running kernel knows (its ABI version), so
each one is denied unless a rule grants it beneath a given folder or on a given file. The
notebook's rules grant reading the allowlist of :mod:`~medialit.exercises.sandbox.view`,
writing (but never executing) its own folder and shared-memory folder, and reading or writing
a few devices. From ABI 4 the ruleset also handles TCP ``bind`` and ``connect`` with no rule
(so both are refused), and from ABI 6 it scopes signals and abstract Unix sockets to the
notebook's own processes. Once applied, a process and all it starts keep the restriction.

Examples
--------
>>> hex(handled_file_rights(1)), hex(handled_file_rights(3)), hex(handled_file_rights(5))
('0x1fff', '0x7fff', '0xffff')
"""

from __future__ import annotations

import ctypes
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass

from medialit.exercises.sandbox.linux import libc

# File-system rights (linux/landlock.h), with the ABI version that introduced them.
EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR = 1 << 6
MAKE_DIR = 1 << 7
MAKE_REG = 1 << 8
MAKE_SOCK = 1 << 9
MAKE_FIFO = 1 << 10
MAKE_BLOCK = 1 << 11
MAKE_SYM = 1 << 12
REFER = 1 << 13  # ABI 2: links and renames across folders
TRUNCATE = 1 << 14  # ABI 3
IOCTL_DEV = 1 << 15  # ABI 5
# Network rights (ABI 4) and scopes (ABI 6).
NET_BIND_TCP = 1 << 0
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0
SCOPE_SIGNAL = 1 << 1

RULE_PATH_BENEATH = 1
CREATE_RULESET_VERSION = 1 << 0

# Rights that make sense on a file (the kernel refuses folder rights in a rule on a file).
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
READ = READ_FILE | READ_DIR
WRITE = (
    WRITE_FILE
    | READ_FILE
    | READ_DIR
    | REMOVE_DIR
    | REMOVE_FILE
    | MAKE_DIR
    | MAKE_REG
    | MAKE_SOCK
    | MAKE_FIFO
    | MAKE_SYM
    | REFER
    | TRUNCATE
)
ACCESS = {
    "tree": READ,
    "dir": READ_DIR,
    "file": READ_FILE,
    "write": WRITE,
    "device": READ | WRITE_FILE,
}


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1  # the kernel's struct is packed: 12 bytes
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


@dataclass(frozen=True)
class Applied:
    """What the restriction covers on this kernel."""

    abi: int
    network: bool
    scoped: bool
    rules: int


def abi_version() -> int:
    """The Landlock ABI the kernel offers (0 when Landlock is missing or disabled)."""
    try:
        return libc.syscall(
            "landlock_create_ruleset",
            None,
            ctypes.c_size_t(0),
            ctypes.c_uint32(CREATE_RULESET_VERSION),
        )
    except OSError:
        return 0


def handled_file_rights(abi: int) -> int:
    """Every file-system right the given ABI version knows."""
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= REFER
    if abi >= 3:
        rights |= TRUNCATE
    if abi >= 5:
        rights |= IOCTL_DEV
    return rights


def restrict(rules: Iterable[tuple[str, str]]) -> Applied:
    """Allow only what ``rules`` grant (``(path, kind)``, kinds as in :data:`ACCESS`), for good.

    Needs ``no_new_privs`` (or privileges). A path that does not exist is skipped.
    """
    abi = abi_version()
    if abi < 1:
        raise OSError("Landlock is not available in this kernel")
    handled = handled_file_rights(abi)
    attr = _RulesetAttr(
        handled,
        NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0,
        SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0,
    )
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = libc.syscall(
        "landlock_create_ruleset", ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0)
    )
    try:
        count = sum(_add_rule(ruleset, path, ACCESS[kind] & handled) for path, kind in rules)
        libc.syscall("landlock_restrict_self", ctypes.c_int(ruleset), ctypes.c_uint32(0))
    finally:
        os.close(ruleset)
    return Applied(abi=abi, network=abi >= 4, scoped=abi >= 6, rules=count)


def _add_rule(ruleset: int, path: str, access: int) -> int:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return 0
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            access &= FILE_RIGHTS
        rule = _PathBeneathAttr(access, fd)
        libc.syscall(
            "landlock_add_rule",
            ctypes.c_int(ruleset),
            ctypes.c_int(RULE_PATH_BENEATH),
            ctypes.byref(rule),
            ctypes.c_uint32(0),
        )
    finally:
        os.close(fd)
    return 1
