"""Answer values as JSON data, both ways, with caps: the child's word is data, never trusted.

The notebook's process encodes each answer (sets and dicts tagged so they survive the trip);
the grader decodes what comes back under limits on the line length, the number of containers,
the nesting depth and the size of whole numbers, so that a forged or absurd reply costs the
notebook its answers and never costs the grader its memory. A value that cannot travel (an
object, a module, a whole number too large to compare) arrives as an :class:`Opaque` that
names what it was, and the grader gives that question a message of its own.

Examples
--------
>>> decode(encode({"a": {1, 2}, "b": ..., "c": [1.5]}))
{'a': {1, 2}, 'b': Ellipsis, 'c': [1.5]}
>>> decode(encode(10**5000))
<whole number of about 5001 digits>
>>> parse_line(b'[' * 30 + b']' * 30)
[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
>>> parse_line(b'{}' * 30_000)
Traceback (most recent call last):
...
medialit.exercises.sandbox.codec.ReplyError: the reply holds more than 20000 lists or dicts
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping
from typing import Any

from medialit.exercises.answers import CaseError

MAX_DEPTH = 20  # answers are flat: a dict of lists is already deep for an exercise
MAX_INT_BITS = 4000  # about 1200 digits; no exercise needs more, and 10**5000 stalls json
MAX_TEXT_CHARS = 200_000  # an answer text longer than a whole article is not an answer
MAX_LINE_BYTES = 2_000_000  # one reply from the child
MAX_CONTAINERS = 20_000  # lists and dicts in one reply: bounds the memory json.loads may use


class ReplyError(ValueError):
    """A line from the notebook's process that is not a well-formed, reasonably sized reply."""


class Opaque:
    """Stands in for a value that cannot travel as data (an object, a module, a function)."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


def _opaque(type_name: str) -> dict:
    return {"$": "object", "type": type_name}


def _encode_int(value: int) -> Any:
    if value.bit_length() <= MAX_INT_BITS:
        return value
    digits = int(value.bit_length() * math.log10(2)) + 1
    return _opaque(f"whole number of about {digits} digits")


def encode(value: Any, depth: int = 0) -> Any:
    """Turn an answer into JSON data; containers are tagged so sets and dicts survive.

    >>> encode({"a": {1, 2}})
    {'$': 'dict', 'items': [['a', {'$': 'set', 'items': [1, 2]}]]}
    >>> encode("x" * 300_000)
    {'$': 'object', 'type': 'text of 300000 characters'}
    """
    if depth > MAX_DEPTH:
        return _opaque("too deeply nested value")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return (
            value if len(value) <= MAX_TEXT_CHARS else _opaque(f"text of {len(value)} characters")
        )
    if value is ...:
        return {"$": "blank"}
    if isinstance(value, numbers.Integral):
        return _encode_int(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else {"$": "float", "repr": repr(number)}
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy arrays and scalars
        return encode(value.tolist(), depth + 1)
    if isinstance(value, Mapping):
        items = [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]
        return {"$": "dict", "items": items}
    if isinstance(value, (set, frozenset)):
        return {"$": "set", "items": [encode(v, depth + 1) for v in value]}
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, CaseError):
        return {"$": "case_error", "message": value.message}
    return _opaque(type(value).__name__)


def decode(data: Any, depth: int = 0) -> Any:
    """Inverse of :func:`encode`; anything unexpected becomes an :class:`Opaque`.

    Raises :class:`ReplyError` for data :func:`encode` cannot have produced.

    >>> decode({"$": "dict", "items": [[[1, 2], "pair"]]})
    {(1, 2): 'pair'}
    >>> decode({"$": "set", "items": [{"$": "dict", "items": []}]})
    Traceback (most recent call last):
    ...
    medialit.exercises.sandbox.codec.ReplyError: a set or dict key that cannot be hashed
    """
    if depth > MAX_DEPTH + 2:
        return Opaque("too deeply nested value")
    if isinstance(data, list):
        return [decode(v, depth + 1) for v in data]
    if isinstance(data, int) and not isinstance(data, bool):
        return data if data.bit_length() <= MAX_INT_BITS else Opaque("whole number too large")
    if isinstance(data, str):
        return data if len(data) <= MAX_TEXT_CHARS else Opaque("text too long")
    if not isinstance(data, dict):
        return data
    return _decode_tagged(data, depth)


def _decode_tagged(data: dict, depth: int) -> Any:
    tag = data.get("$")
    if tag == "blank":
        return ...
    if tag == "float":
        if data.get("repr") not in ("inf", "-inf", "nan"):
            raise ReplyError("a number that is not a number")
        return float(data["repr"])
    if tag == "case_error":
        return CaseError(str(data.get("message", ""))[:1000])
    if tag == "object":
        return Opaque(str(data.get("type", "object"))[:100])
    items = data.get("items")
    if tag not in ("dict", "set") or not isinstance(items, list):
        raise ReplyError(f"an unknown value tag {str(tag)[:40]!r}")
    try:
        if tag == "set":
            return {_hashable(decode(v, depth + 1)) for v in items}
        return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in _pairs(items)}
    except TypeError:
        raise ReplyError("a set or dict key that cannot be hashed") from None


def _pairs(items: list) -> list:
    if not all(isinstance(item, list) and len(item) == 2 for item in items):
        raise ReplyError("a dict whose items are not pairs")
    return items


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def parse_line(line: bytes) -> Any:
    """Parse one JSON line from the notebook's process, refusing what would cost too much."""
    if len(line) > MAX_LINE_BYTES:
        raise ReplyError(f"a reply of more than {MAX_LINE_BYTES} bytes")
    if line.count(b"{") + line.count(b"[") > MAX_CONTAINERS:
        raise ReplyError(f"the reply holds more than {MAX_CONTAINERS} lists or dicts")
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        raise ReplyError("a reply that is not JSON") from None
