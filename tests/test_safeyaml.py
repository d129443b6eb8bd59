"""The safe YAML loader: alias bombs, deep nesting, duplicate keys and odd values refused,
each with a short message naming the file, the place and the line."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest

from medialit.inputs import MAX_MESSAGE_CHARS
from medialit.safeyaml import MAX_DEPTH, MAX_NODES, YAMLInputError, load_yaml


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: each level lists the previous one nine times."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in itertools.pairwise("abcdefghijklmnopqrstuvwxyz"[:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def refusal(text: str) -> str:
    with pytest.raises(YAMLInputError) as info:
        load_yaml(text, "f.yaml")
    message = str(info.value)
    assert message.startswith("f.yaml: ") and "\n" not in message
    assert len(message) <= MAX_MESSAGE_CHARS + 40
    return message


def test_billion_laughs_fails_fast_with_a_short_message():
    bomb = billion_laughs()
    assert len(bomb) < 600
    started = time.perf_counter()
    message = refusal(bomb)
    assert time.perf_counter() - started < 5  # was 12.7 s and 1.39 GB; a hang guard only
    assert f"expands to more than {MAX_NODES:,} values" in message
    assert "top level: field 'f'" in message and "(line 6, column 4)" in message


def test_aliases_that_stay_small_are_allowed():
    data = load_yaml("base: &b {x: 1, y: 2}\nthis:\n  <<: *b\n  x: 3\nthat: *b\n", "f.yaml")
    assert data == {"base": {"x": 1, "y": 2}, "this": {"x": 3, "y": 2}, "that": {"x": 1, "y": 2}}


@pytest.mark.parametrize(
    "text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "- &x [1, [2, *x]]\n"], ids=["list", "map", "deep"]
)
def test_a_recursive_alias_is_refused(text):
    assert "refers to a collection that contains it" in refusal(text)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "a: " + "{a: " * 100_000,
        "- " * 100_000 + "x",
        "\n".join(" " * level + "a:" for level in range(100)),
    ],
    ids=["flow-lists", "flow-maps", "block-lists", "block-maps"],
)
def test_deep_nesting_is_refused_not_a_recursion_error(text):
    message = refusal(text)
    assert f"({MAX_DEPTH + 1} levels)" in message
    assert f"nested more than {MAX_DEPTH} levels deep" in message


def test_nesting_to_the_limit_is_fine():
    assert load_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.yaml") is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a: 1\nb: 2\na: 3\n", "top level: field 'a': given twice (line 3, column 1)"),
        ("items:\n  - {id: 1, id: 2}\n", "items[0]: field 'id': given twice"),
        ("1: a\n0x1: b\n", "top level: the key 1 is given twice"),
        ("s: !!set {x, x}\n", "s: field 'x': given twice"),
    ],
)
def test_duplicate_keys_are_refused_with_their_place(text, place):
    assert place in refusal(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("published: 2022-13-45\n", "field 'published': cannot read '2022-13-45' as a date"),
        ("at: 2022-01-01 25:00:00\n", "as a date (hour must be in 0..23)"),
        ("n: " + "9" * 5000 + "\n", "field 'n': cannot read '999"),
        ("b: !!bool maybe\n", "cannot read 'maybe' as true or false"),
        ("i: !!int ''\n", "cannot read '' as an integer"),
        ("x: !!python/object/apply:os.system [id]\n", "could not determine a constructor"),
        ("s: '\x00'\n", "the character #x0000 is not allowed"),
        ('s: "\\ud800"\n', "half of a UTF-16 pair"),
        ('s: "\\UFFFFFFFF"\n', "malformed YAML at line 1"),
        ("a: *nowhere\n", "found undefined alias"),
        ("a: 1\n---\nb: 2\n", "but found another document"),
        ("a: [\n", "malformed YAML at line 2"),
    ],
)
def test_values_that_cannot_be_read_are_refused_with_their_place(text, expected):
    assert expected in refusal(text)


def test_ordinary_documents_load_as_before():
    text = "a: [1, 2.5, true, null]\nwhen: 2022-01-05\nname: 'Ж'\n"
    assert load_yaml(text, "f.yaml") == {
        "a": [1, 2.5, True, None],
        "when": dt.date(2022, 1, 5),
        "name": "Ж",
    }
    assert load_yaml("\ufeffa: 1\n", "f.yaml") == {"a": 1}  # a byte order mark is YAML
    assert load_yaml("", "f.yaml") is None
