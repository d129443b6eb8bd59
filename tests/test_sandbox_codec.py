"""The value codec: answers survive the trip, and what comes back is bounded."""

from __future__ import annotations

import json

import pytest

from medialit.exercises.answers import CaseError
from medialit.exercises.sandbox.codec import (
    MAX_CONTAINERS,
    MAX_DEPTH,
    MAX_LINE_BYTES,
    Opaque,
    ReplyError,
    decode,
    encode,
    parse_line,
)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        "quote “typographic”",
        ...,
        0,
        -12,
        10**400,
        2.5,
        float("inf"),
        [1, [2, [3]]],
        {"a": 1, "b": [1, 2]},
        {1, 2, 3},
        {(1, 2): "pair"},
        CaseError("raised ValueError"),
    ],
)
def test_values_survive_the_trip(value):
    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value or (isinstance(value, tuple) and back == list(value))


def test_tuples_arrive_as_lists_and_nan_as_nan():
    assert decode(encode((1, 2))) == [1, 2]
    nan = decode(encode(float("nan")))
    assert nan != nan


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (10**5000, "whole number of about 5001 digits"),
        ("x" * 300_000, "text of 300000 characters"),
        (object(), "object"),
        (len, "builtin_function_or_method"),
    ],
    ids=["huge int", "long text", "object", "function"],
)
def test_what_cannot_travel_arrives_as_an_opaque_that_names_it(value, name):
    back = decode(encode(value))
    assert isinstance(back, Opaque) and back.type_name == name


def test_nesting_is_cut_at_the_maximum_depth():
    deep: list = []
    for _ in range(MAX_DEPTH + 10):
        deep = [deep]
    back = decode(encode(deep))
    for _ in range(MAX_DEPTH):
        back = back[0]
    assert isinstance(back[0], Opaque)


@pytest.mark.parametrize(
    "data",
    [
        {"$": "dict", "items": [[1]]},
        {"$": "dict", "items": "not a list"},
        {"$": "set", "items": [{"$": "set", "items": []}]},
        {"$": "float", "repr": "1e999999"},
        {"$": "never"},
    ],
)
def test_data_encode_cannot_produce_is_refused(data):
    with pytest.raises(ReplyError):
        decode(data)


def test_forged_huge_values_become_opaque_when_decoded():
    assert isinstance(decode(10**5000), Opaque)
    assert isinstance(decode("y" * 300_000), Opaque)


def test_a_line_is_refused_before_json_builds_it():
    with pytest.raises(ReplyError, match="more than"):
        parse_line(b"{}," * (MAX_CONTAINERS + 1))
    with pytest.raises(ReplyError, match="bytes"):
        parse_line(b" " * (MAX_LINE_BYTES + 1))
    with pytest.raises(ReplyError, match="not JSON"):
        parse_line(b'{"a": ')
    with pytest.raises(ReplyError, match="not JSON"):
        parse_line(b"1" * 5000)  # beyond the integer-string limit of json
