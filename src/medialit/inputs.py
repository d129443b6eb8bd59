"""Reading files that may be hostile: regular files only, bounded, never blocking.

Every entry point that reads a file it was handed (``medialit analyze``, the corpus loader, the
lexicon loader) reads it here, so one set of rules holds everywhere:

* only a **regular file** is read: a directory, a named pipe (FIFO), a device (``/dev/zero``)
  or a socket is refused by its type *before* it is opened, and the file is opened
  non-blocking and checked again, so a FIFO swapped in between cannot make the reader wait;
* at most ``max_bytes`` are read, however large the file claims (or turns out) to be;
* errors are :class:`InputError`, one line of bounded length naming the file.

Examples
--------
>>> read_file("no/such/file.txt", 1000)
Traceback (most recent call last):
...
medialit.inputs.InputError: no/such/file.txt: no such file
>>> read_file("/dev/null", 1000)
Traceback (most recent call last):
...
medialit.inputs.InputError: /dev/null: is a device, not a regular file
>>> short_repr("x" * 500)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
"""

from __future__ import annotations

import os
import re
import reprlib
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "MAX_MESSAGE_CHARS",
    "InputError",
    "capped",
    "decode_utf8",
    "describe_size",
    "display_name",
    "link_target",
    "read_file",
    "read_stream",
    "short_repr",
    "why_not_regular",
]

MAX_MESSAGE_CHARS = 600  # an error is read by a person: a few lines of a terminal at most
_READ_CHUNK = 1 << 20


class InputError(ValueError):
    """Input that cannot be used; the message (one line, bounded) names the file and problem.

    ``reason`` is the problem alone, without the file's name, for callers that name the file
    their own way (a grading report's row).
    """

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(capped(message))
        self.reason = capped(message if reason is None else reason)


def _refused(name: str, reason: str) -> InputError:
    return InputError(f"{name}: {reason}", reason)


def capped(message: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``message`` on one line and at most about ``limit`` characters.

    A hostile file must not turn an error into megabytes of output: the message keeps its
    beginning (file, item, field come first) and says how much was left out.

    Examples
    --------
    >>> capped("line one\\nline two")
    'line one line two'
    >>> capped("x" * 1000, limit=50)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (970 more characters)'
    """
    message = _LINE_BREAKS.sub(" ", message)
    if len(message) <= limit:
        return message
    keep = max(limit - 20, 0)
    return f"{message[:keep]}… ({len(message) - keep} more characters)"


_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_REPR = reprlib.Repr()
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlevel = 3
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4


def short_repr(value: object) -> str:
    """A ``repr`` for messages that stays short however large or deep ``value`` is.

    Examples
    --------
    >>> short_repr([[[[1]]], 2, 3, 4, 5])
    '[[[[...]]], 2, 3, 4, ...]'
    """
    return _REPR.repr(value)


def display_name(path: str | os.PathLike) -> str:
    """``path`` as text for a message, control characters escaped (a name cannot break lines).

    >>> display_name("a\\nb.txt")
    'a\\\\nb.txt'
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def describe_size(size: float) -> str:
    """A byte count in megabytes for messages.

    >>> describe_size(2_500_000)
    '2.5 MB'
    """
    return f"{size / 1_000_000:.1f} MB"


# --------------------------------------------------------------------------- files

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def why_not_regular(mode: int) -> str | None:
    """Why a file of this mode (``st_mode``) is refused, or None for a regular file.

    >>> why_not_regular(stat.S_IFIFO)
    'is a named pipe (FIFO), not a regular file'
    >>> why_not_regular(stat.S_IFREG) is None
    True
    """
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_file(
    path: str | os.PathLike,
    max_bytes: int,
    *,
    name: str | None = None,
    too_large: str = "",
    follow_links: bool = True,
) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else or anything larger.

    Parameters
    ----------
    path
        The file (symbolic links are followed unless ``follow_links`` is false; confine them
        first where that matters).
    max_bytes
        The most bytes read; a larger file is refused, without reading it when its size says so.
    name
        How messages name the file (default: the path).
    too_large
        A hint added to the message for a file that is too large (how to raise the limit).
    follow_links
        When false, a symbolic link is refused, not read (a submitted file must be the file
        itself, not a way to reach another one).

    Raises
    ------
    InputError
        For a missing or unreadable path, a directory, a FIFO, a device, a socket, a file
        larger than ``max_bytes``, or (with ``follow_links=False``) a symbolic link.
    """
    name = display_name(path) if name is None else name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        # By type first: opening a FIFO could wait for a writer.
        mode = (os.stat if follow_links else os.lstat)(path).st_mode
        if stat.S_ISLNK(mode):
            raise _refused(name, _link_reason(path))
        reason = why_not_regular(mode)
        if reason:
            raise _refused(name, reason)
        descriptor = os.open(path, flags | (0 if follow_links else _NO_FOLLOW))
    except InputError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise _refused(name, "no such file") from None
    except PermissionError:
        raise _refused(name, "permission denied") from None
    except ValueError:  # a NUL byte in the name
        raise _refused(name, "not a usable file name") from None
    except OSError as error:
        if not follow_links and os.path.islink(path):  # swapped for a link after the first look
            raise _refused(name, _link_reason(path)) from None
        raise _refused(name, f"cannot read it ({error.strerror or error})") from None
    # Checked again on the open file, before anything wraps it (a directory swapped in since
    # the first look opens, but cannot be wrapped as a file): it is closed on every way out.
    status = os.fstat(descriptor)
    reason = why_not_regular(status.st_mode)
    if reason:
        os.close(descriptor)
        raise _refused(name, reason)
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        if status.st_size > max_bytes:
            raise _too_large(name, status.st_size, max_bytes, too_large)
        data = _read_at_most(handle, max_bytes + 1, name)
    if len(data) > max_bytes:  # it grew while we read, or its size was not its length
        raise _too_large(name, None, max_bytes, too_large)
    return data


def link_target(path: str | os.PathLike) -> str:
    """Where the symbolic link ``path`` points, for a message: "to TARGET" or "unreadable"."""
    try:
        return f"to {display_name(os.readlink(path))}"
    except OSError:
        return "unreadable"


def _link_reason(path: str | os.PathLike) -> str:
    return f"is a symbolic link ({link_target(path)}), not a file"


def read_stream(stream: BinaryIO, max_bytes: int, *, name: str, too_large: str = "") -> bytes:
    """At most ``max_bytes`` from an open binary stream (standard input); more is refused."""
    data = _read_at_most(stream, max_bytes + 1, name)
    if len(data) > max_bytes:
        raise _too_large(name, None, max_bytes, too_large)
    return data


def _read_at_most(stream: BinaryIO, limit: int, name: str) -> bytes:
    chunks, total = [], 0
    try:
        while total < limit:
            chunk = stream.read(min(_READ_CHUNK, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise _refused(name, f"cannot read it ({error.strerror or error})") from None
    return b"".join(chunks)


def _too_large(name: str, size: int | None, max_bytes: int, hint: str) -> InputError:
    limit = describe_size(max_bytes)
    shown = describe_size(size) if size is not None else None
    if limit in (shown, describe_size(0)):  # megabytes would read "1.0 MB is larger than 1.0 MB"
        limit = f"{max_bytes:,}-byte"
        shown = f"{size:,} bytes" if size is not None else None
    measured = f"{shown} is larger" if shown else "larger"
    hint = f" ({hint})" if hint else ""
    return _refused(name, f"{measured} than the {limit} limit{hint}")


def decode_utf8(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text, a leading byte order mark dropped; anything else is refused.

    >>> decode_utf8("\\ufeffcafé".encode(), "a.txt")
    'café'
    >>> decode_utf8(b"caf\\xe9!", "a.txt")
    Traceback (most recent call last):
    ...
    medialit.inputs.InputError: a.txt: not UTF-8 text (byte 0xe9 at offset 3: invalid ...)
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise _refused(
            name, f"not UTF-8 text (byte 0x{byte:02x} at offset {error.start}: {error.reason})"
        ) from None


def inside(root: Path, relative: str | os.PathLike) -> Path | None:
    """``root / relative`` with every link resolved, or None when it leaves ``root``.

    An absolute path, ``..`` and a symbolic link pointing out of ``root`` all leave it.

    >>> inside(Path("/srv/seeds"), "../../etc/passwd") is None
    True
    >>> inside(Path("/srv/seeds"), "/etc/passwd") is None
    True
    """
    try:
        base = root.resolve()
        path = (base / relative).resolve()
    except (OSError, ValueError, RuntimeError):  # a link loop, a NUL byte
        return None
    return path if path == base or path.is_relative_to(base) else None
