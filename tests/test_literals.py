"""Visible answers: which values a notebook's text can give each answer variable."""

from __future__ import annotations

import pytest

from medialit.exercises.literals import VisibleAnswer, agrees, visible_answers

NAME = "answer_1_1"


def visible(*cells: str) -> VisibleAnswer:
    return visible_answers(list(cells), [NAME])[NAME]


@pytest.mark.parametrize(
    ("cells", "literals"),
    [
        (["answer_1_1 = 'b'"], ("b",)),
        (["answer_1_1 = ..."], (...,)),
        (["answer_1_1 = 'a'", "answer_1_1 = 'c'"], ("a", "c")),
        (["answer_1_1: str = 'b'"], ("b",)),
        (["x = answer_1_1 = [1, (2, 3)]"], ([1, (2, 3)],)),
        (["%time\nanswer_1_1 = -4.5"], (-4.5,)),
    ],
)
def test_literal_assignments_are_the_only_values(cells, literals):
    assert visible(*cells).literals == literals


@pytest.mark.parametrize(
    "cells",
    [
        ["answer_1_1 = 'a'", "answer_1_1 = compute()"],
        ["answer_1_1 = 10**400"],
        ["answer_1_1 = 1\nanswer_1_1 += 1"],
        ["for answer_1_1 in 'abc':\n    pass"],
        ["if (answer_1_1 := 3):\n    pass"],
        ["answer_1_1, x = 1, 2"],
        ["def answer_1_1(t):\n    return t"],
        ["from string import ascii_letters as answer_1_1"],
        ["globals()['answer_1_1'] = 'b'"],
        ["answer_1_1 = 'a'", "def f(:\n  answer_1_1 = 'b'"],
    ],
)
def test_any_other_binding_makes_the_value_computed(cells):
    answer = visible(*cells)
    assert answer.assigned and answer.literals is None


@pytest.mark.parametrize(
    "cells",
    [[], ["x = 1"], ["d = {}\nd['answer_1_1'] = 'b'"], ["print('answer_1_1')"]],
)
def test_a_name_never_bound_is_not_assigned(cells):
    assert not visible(*cells).assigned


def test_agreement_compares_values_as_the_grader_does():
    assert agrees(visible("answer_1_1 = (1, 2)"), [1, 2])
    assert agrees(visible("answer_1_1 = {'b', 'a'}"), {"a", "b"})
    assert agrees(visible("answer_1_1 = 2.00001"), 2.0)
    assert not agrees(visible("answer_1_1 = ..."), "b")
    assert not agrees(visible("answer_1_1 = 'b'"), ...)
    assert agrees(visible("answer_1_1 = f()"), "anything")
    assert not agrees(visible("x = 1"), "b")
