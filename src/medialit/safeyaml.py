"""YAML read safely: bounded aliases and depth, no duplicate keys, every error located.

``yaml.safe_load`` builds no arbitrary objects, but it still lets a 500-byte file expand into
a billion values through aliases (``&a [*b, *b, ...]``), recurses once per level of nesting
(100,000 ``[`` end in ``RecursionError``), keeps the last of two equal keys silently, and
raises plain Python errors for values such as ``2022-13-45`` or an integer of 5,000 digits.
:func:`load_yaml` uses the same safe loader with four more rules:

* anchors and aliases are allowed, but the document they expand to is counted while it is
  composed and refused beyond :data:`MAX_NODES` values (a recursive alias is refused too);
* nesting deeper than :data:`MAX_DEPTH` levels is refused;
* a mapping that names a key twice is refused;
* a value that cannot be read (an impossible date, an enormous integer) is refused.

Every refusal is a :class:`YAMLInputError` naming the file, the place in the document
(``articles[0]: field 'published'``) and the line and column.

Examples
--------
>>> load_yaml("a: [1, 2]\\nb: 2022-01-05\\n", "x.yaml")
{'a': [1, 2], 'b': datetime.date(2022, 1, 5)}
>>> load_yaml("a: 1\\na: 2\\n", "x.yaml")
Traceback (most recent call last):
...
medialit.safeyaml.YAMLInputError: x.yaml: top level: field 'a': given twice (line 2, column 1)
>>> load_yaml("when: 2022-13-45\\n", "x.yaml")
Traceback (most recent call last):
...
medialit.safeyaml.YAMLInputError: x.yaml: top level: field 'when': cannot read \
'2022-13-45' as a date (month must be in 1..12) (line 1, column 7)
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from medialit.inputs import InputError, short_repr

__all__ = ["MAX_DEPTH", "MAX_NODES", "YAMLInputError", "load_yaml", "location"]

MAX_DEPTH = 50  # the seed files nest 5 levels deep
MAX_NODES = 100_000  # values after expanding aliases; the largest seed file has about 2,700
_MERGE = "tag:yaml.org,2002:merge"
_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = {"int": "an integer", "float": "a number", "bool": "true or false",
          "timestamp": "a date", "binary": "base64 data"}  # fmt: skip


class YAMLInputError(InputError):
    """A YAML document that cannot be used; the message names file, place, line and column."""


class _Refused(yaml.MarkedYAMLError):
    """A rule of this loader broken at ``path`` in the document."""

    def __init__(self, path: tuple, problem: str, mark):
        super().__init__(problem=problem, problem_mark=mark)
        self.path = path


def location(path: tuple) -> str:
    """A place in a document as the corpus messages name it: item, then field.

    >>> location(("articles", 0, "published"))
    "articles[0]: field 'published'"
    >>> location(("quantities", "deaths", "values", 2))
    'quantities.deaths.values[2]'
    >>> location(())
    'top level'
    >>> location(tuple("abcdefghijkl"))
    "a.b.c.d…i.j.k (12 levels): field 'l'"
    """
    if path and not isinstance(path[-1], int):
        return f"{_item(path[:-1], len(path))}: field {short_repr(path[-1])}"
    return _item(path, len(path))


def _item(path: tuple, levels: int) -> str:
    if not path:
        return "top level"
    steps = [f"[{part}]" if isinstance(part, int) else f".{part}" for part in path]
    if len(steps) > 8:  # a deep place: its beginning and end say enough
        text = "".join([*steps[:4], "…", *steps[-3:]]).replace("….", "…")
        return f"{text.lstrip('.')} ({levels} levels)"
    return "".join(steps).lstrip(".")


class _SafeLoader(yaml.SafeLoader):
    """The safe loader, counting what it composes and where each node sits."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._path: list = []
        self._size: dict[int, int] = {}  # id(node) -> values it stands for, aliases expanded
        self._where: dict[int, tuple] = {}  # id(node) -> its path, for constructor errors

    # ------------------------------------------------------------------ composing

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            node = super().compose_node(parent, index)
            if id(node) not in self._size:  # its anchor is still being composed
                raise _Refused(
                    self._here(index),
                    f"the alias *{event.anchor} refers to a collection that contains it",
                    event.start_mark,
                )
            return node
        root = parent is None
        if not root:
            self._path.append(self._step(index))
        if len(self._path) > MAX_DEPTH:
            raise _Refused(
                tuple(self._path), f"nested more than {MAX_DEPTH} levels deep",
                self.peek_event().start_mark,
            )  # fmt: skip
        node = super().compose_node(parent, index)
        self._where[id(node)] = tuple(self._path)
        if not root:
            self._path.pop()
        size = 1 + sum(self._size[id(child)] for child in _children(node))
        if size > MAX_NODES:
            raise _Refused(
                self._where[id(node)],
                f"expands to more than {MAX_NODES:,} values (anchors and aliases repeat "
                "values; write them out, or split the file)",
                node.start_mark,
            )
        self._size[id(node)] = size
        return node

    def _step(self, index: Any) -> Any:
        if isinstance(index, int):
            return index
        if isinstance(index, ScalarNode):
            return index.value
        event = self.peek_event()
        if index is None and isinstance(event, ScalarEvent):
            return event.value  # a key being composed: its own name
        return "(a key)" if index is None else "(a complex key)"

    def _here(self, index: Any) -> tuple:
        return (*self._path, self._step(index))

    # ------------------------------------------------------------------ constructing

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            data = super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except Exception as error:  # any failure to read a value is the file's
            value = short_repr(node.value) if isinstance(node, ScalarNode) else "the value"
            kind = node.tag.rpartition(":")[2] or node.tag
            kind = _KINDS.get(kind, f"a {short_repr(kind)} value")
            raise _Refused(
                self._where.get(id(node), ()),
                f"cannot read {value} as {kind} ({error})",
                node.start_mark,
            ) from None
        if isinstance(data, str) and _SURROGATE.search(data):  # "\ud800" names no character
            raise _Refused(
                self._where.get(id(node), ()),
                "an escape names half of a UTF-16 pair (\\ud800-\\udfff), not a character",
                node.start_mark,
            )
        return data

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        # Keys are compared once constructed ("1" and "0x1" are one key); only explicit keys
        # count, so a key may still override one brought in by a merge ("<<").
        if isinstance(node, MappingNode):
            seen: set = set()
            for key_node, _value in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:
                    continue  # unhashable: the safe loader says so itself
                if duplicate:
                    place = self._where.get(id(node), ())
                    named = isinstance(key, str)
                    raise _Refused(
                        (*place, key) if named else place,
                        "given twice" if named else f"the key {short_repr(key)} is given twice",
                        key_node.start_mark,
                    )
        return super().construct_mapping(node, deep=deep)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def load_yaml(text: str, name: str) -> Any:
    """The one document in ``text``, read by the rules above.

    Parameters
    ----------
    text
        The YAML document (already decoded).
    name
        How messages name the file.

    Raises
    ------
    YAMLInputError
        For malformed YAML and for any of the refusals above; the message names ``name``,
        the place in the document and the line and column.
    """
    loader = None
    try:
        loader = _SafeLoader(text)  # it checks every character first
        return loader.get_single_data()
    except _Refused as error:
        mark = error.problem_mark
        raise YAMLInputError(
            f"{name}: {location(error.path)}: {error.problem} {_line(mark)}"
        ) from None
    except yaml.MarkedYAMLError as error:
        problem = error.problem or error.context or "malformed"
        mark = error.problem_mark or error.context_mark
        raise YAMLInputError(f"{name}: malformed YAML{_at(mark)}: {problem}") from None
    except yaml.reader.ReaderError as error:
        line, column = _position(text, error.position)
        character = f"#x{error.character:04x}" if isinstance(error.character, int) else "?"
        raise YAMLInputError(
            f"{name}: malformed YAML at line {line}, column {column}: the character "
            f"{character} is not allowed in YAML ({error.reason})"
        ) from None
    except yaml.YAMLError as error:
        raise YAMLInputError(f"{name}: malformed YAML: {error}") from None
    except (ValueError, OverflowError, RecursionError, MemoryError) as error:
        # The scanner's own limits (an escape such as "\\UFFFFFFFF" names no character).
        mark = loader.get_mark() if loader else None
        raise YAMLInputError(f"{name}: malformed YAML{_at(mark)}: {error}") from None
    finally:
        if loader:
            loader.dispose()


def _line(mark) -> str:
    if mark is None:
        return ""
    return f"(line {mark.line + 1}, column {mark.column + 1})"


def _at(mark) -> str:
    return "" if mark is None else f" at line {mark.line + 1}, column {mark.column + 1}"


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
