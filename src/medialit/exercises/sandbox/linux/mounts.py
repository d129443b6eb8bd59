"""A private, read-only root file system for the notebook (a mount namespace).

Called in the notebook's process, in a new mount namespace, before it gives up root: a small
``tmpfs`` becomes the root, the allowed folders are bound into it read-only at their usual
paths (so Python finds its modules where it expects them), the answer key is covered by an empty
file, a few harmless devices are bound in, and the notebook's folder (``/tmp`` unless the
installation itself lives there) is a fresh ``tmpfs`` of limited size owned by the notebook's
user: the only writable place, gone when it ends. The old
root is then detached, so nothing else (``solutions/``, the submissions, the grader's files,
``/proc``) exists in the notebook's world.
"""

from __future__ import annotations

import os

from medialit.exercises.sandbox.linux import libc
from medialit.exercises.sandbox.view import ChildView

SHARED_MEMORY = "/dev/shm"  # for multiprocessing's semaphores, private to the notebook
DEVICES = ("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom")
_READ_ONLY = libc.MS_RDONLY | libc.MS_NOSUID | libc.MS_NODEV
_PRIVATE_TMPFS = libc.MS_NOSUID | libc.MS_NODEV | libc.MS_NOEXEC


def build_private_root(
    mountpoint: str, view: ChildView, folder_mb: int, uid: int, gid: int
) -> None:
    """Make ``mountpoint`` (an empty folder) this namespace's read-only root; see the module."""
    libc.mount(None, "/", None, libc.MS_REC | libc.MS_PRIVATE)  # nothing leaks back out
    libc.mount("tmpfs", mountpoint, "tmpfs", libc.MS_NOSUID | libc.MS_NODEV, "mode=0755,size=4m")
    for source in view.binds:
        _bind(source, mountpoint + source, _READ_ONLY)
    for link, target in view.links:
        os.symlink(target, mountpoint + link)
    empty = _empty_file(mountpoint + "/.empty")
    for path in view.hidden:
        _bind(empty, mountpoint + path, _READ_ONLY)
    for device in DEVICES:
        if os.path.exists(device):
            _bind(device, mountpoint + device, libc.MS_NOSUID | libc.MS_NOEXEC)
    own = f"uid={uid},gid={gid}"
    _tmpfs(mountpoint + view.folder, f"mode=0700,{own},size={folder_mb}m")
    _tmpfs(mountpoint + SHARED_MEMORY, f"mode=0700,{own},size=8m")
    os.chdir(mountpoint)
    libc.pivot_root(".", ".")  # the old root now sits beneath the new one...
    libc.umount(".", libc.MNT_DETACH)  # ...and is detached from it
    os.chdir("/")
    libc.mount(None, "/", None, libc.MS_REMOUNT | libc.MS_BIND | _READ_ONLY)


def _bind(source: str, target: str, flags: int) -> None:
    if os.path.isdir(source):
        os.makedirs(target, mode=0o755, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        _empty_file(target)
    libc.mount(source, target, None, libc.MS_BIND | libc.MS_REC)
    # A bind mount takes its flags from a second, remounting call.
    libc.mount(None, target, None, libc.MS_BIND | libc.MS_REMOUNT | flags)


def _tmpfs(target: str, options: str) -> None:
    os.makedirs(target, mode=0o755, exist_ok=True)
    libc.mount("tmpfs", target, "tmpfs", _PRIVATE_TMPFS, options)


def _empty_file(path: str) -> str:
    if not os.path.exists(path):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o444))
    return path
