"""Newline-delimited JSON over a socket, read with a size cap and a deadline.

Everything the grader reads from a notebook's process goes through :class:`LineReader`, which
never holds more than one capped line in memory and never waits past the deadline it is given,
so a notebook that floods, stalls or forges its channel costs the grader neither memory nor time.

Examples
--------
>>> import socket, time
>>> mine, theirs = socket.socketpair()
>>> theirs.sendall(b'{"a": 1}\\n' + b"x" * 100)
>>> reader = LineReader(mine, max_line=50)
>>> reader.read_line(time.monotonic() + 1)
b'{"a": 1}'
>>> reader.read_line(time.monotonic() + 1)
Traceback (most recent call last):
...
medialit.exercises.sandbox.codec.ReplyError: a line longer than 50 bytes
>>> mine.close(); theirs.close()
"""

from __future__ import annotations

import json
import select
import socket
import time

from medialit.exercises.sandbox.codec import ReplyError


class ChannelTimeout(Exception):
    """No complete line arrived before the deadline."""


class LineReader:
    """Reads lines from ``sock``; at most ``max_line`` bytes each."""

    def __init__(self, sock: socket.socket, max_line: int):
        self.sock, self.max_line = sock, max_line
        self.buffer = b""
        self.closed = False

    def read_line(self, deadline: float) -> bytes | None:
        """The next line without its newline; ``None`` when the other end has closed."""
        while b"\n" not in self.buffer:
            if len(self.buffer) > self.max_line:
                raise ReplyError(f"a line longer than {self.max_line} bytes")
            if self.closed:
                return None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout()
            ready, _, _ = select.select([self.sock], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = self.sock.recv(65536)
            except (ConnectionError, OSError):
                chunk = b""
            if not chunk:
                self.closed = True
                continue
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        if len(line) > self.max_line:
            raise ReplyError(f"a line longer than {self.max_line} bytes")
        return line


def send_line(sock: socket.socket, message: dict, deadline: float) -> bool:
    """Send one JSON line before ``deadline``; False when the other end is gone or stalled."""
    data = json.dumps(message).encode() + b"\n"
    try:
        sock.settimeout(max(0.001, deadline - time.monotonic()))
        sock.sendall(data)
    except (OSError, TimeoutError):
        return False
    finally:
        sock.settimeout(None)
    return True
