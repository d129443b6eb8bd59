"""A seccomp filter: system calls no notebook needs fail with ``EPERM``.

The other layers already deny what these calls could reach; the filter removes kernel
interfaces that have no place in an exercise and are a frequent source of kernel bugs:
new namespaces (``unshare``, ``setns``, ``clone`` with namespace flags, ``clone3``, which
fails with ``ENOSYS`` so that the C library falls back to ``clone``), mounting, keyrings,
``bpf``, ``perf_event_open``, ``userfaultfd``, ``io_uring``, ``ptrace`` and reading or
writing another process's memory, module loading and ``kexec``, file handles, and system
calls of another architecture (32-bit calls from a 64-bit process). x86-64 only: elsewhere
the layer is reported as missing.

Examples
--------
>>> program = filter_program({"unshare": 272}, 0xC000003E)
>>> len(program) > 5, program[-1] == (0x06, 0, 0, RET_ALLOW)
(True, True)
"""

from __future__ import annotations

import ctypes
import errno

from medialit.exercises.sandbox.linux import libc

RET_ALLOW = 0x7FFF0000
RET_ERRNO = 0x00050000
AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000

REFUSED = (
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "open_tree",
    "move_mount",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    "add_key",
    "request_key",
    "keyctl",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "name_to_handle_at",
    "open_by_handle_at",
    "acct",
    "swapon",
    "swapoff",
    "reboot",
    "syslog",
    "quotactl",
    "fanotify_init",
    "personality",
)

# Classic BPF opcodes and the offsets of struct seccomp_data.
_LOAD_WORD = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JUMP_EQUAL = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JUMP_GREATER_EQUAL = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_JUMP_ANY_BIT = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RETURN = 0x06  # BPF_RET | BPF_K
_NR, _ARCH, _ARG0 = 0, 4, 16

Instruction = tuple[int, int, int, int]


def filter_program(numbers: dict[str, int], arch: int) -> list[Instruction]:
    """The BPF program: (code, jump if true, jump if false, constant) instructions."""
    deny = (_RETURN, 0, 0, RET_ERRNO | errno.EPERM)
    program: list[Instruction] = [
        (_LOAD_WORD, 0, 0, _ARCH),
        (_JUMP_EQUAL, 1, 0, arch),
        deny,
        (_LOAD_WORD, 0, 0, _NR),
        (_JUMP_GREATER_EQUAL, 0, 1, X32_SYSCALL_BIT),
        deny,
    ]
    for name in REFUSED:
        if name in numbers:
            program += [(_JUMP_EQUAL, 0, 1, numbers[name]), deny]
    if "clone3" in numbers:
        program += [
            (_JUMP_EQUAL, 0, 1, numbers["clone3"]),
            (_RETURN, 0, 0, RET_ERRNO | errno.ENOSYS),
        ]
    if "clone" in numbers:
        program += [
            (_JUMP_EQUAL, 0, 3, numbers["clone"]),
            (_LOAD_WORD, 0, 0, _ARG0),  # the flags (their low 32 bits hold every CLONE_NEW*)
            (_JUMP_ANY_BIT, 0, 1, libc.NAMESPACE_FLAGS),
            deny,
        ]
    return [*program, (_RETURN, 0, 0, RET_ALLOW)]


class _Instruction(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_uint16),
        ("jt", ctypes.c_uint8),
        ("jf", ctypes.c_uint8),
        ("k", ctypes.c_uint32),
    ]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def install() -> int:
    """Install the filter on this process (and all it starts); return how many calls it refuses.

    Needs ``no_new_privs``. Raises :class:`OSError` on a machine other than x86-64.
    """
    if libc.MACHINE != "x86_64":
        raise OSError(f"no seccomp filter for {libc.MACHINE}")
    numbers = libc.syscall_table()
    program = filter_program(numbers, AUDIT_ARCH_X86_64)
    instructions = (_Instruction * len(program))(*program)
    fprog = _Program(len(program), instructions)
    libc.prctl(
        libc.PR_SET_SECCOMP, libc.SECCOMP_MODE_FILTER, ctypes.c_void_p(ctypes.addressof(fprog))
    )
    return sum(name in numbers for name in (*REFUSED, "clone3", "clone"))
