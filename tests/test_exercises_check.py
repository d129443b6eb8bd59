"""Self-check: right answers pass, wrong ones fail with a hint, and no message shows the answer."""

from __future__ import annotations

import pytest

from medialit.exercises import check
from medialit.exercises.answers import (
    AnswerError,
    Outputs,
    make_entry,
    normalise_text,
    run_cases,
    score,
)
from medialit.exercises.bank import QUESTIONS, Question
from medialit.exercises.check import GRADING_ENV

SALT = "test-salt"


def verdict(question: Question, solution, answer):
    entry = make_entry(question, solution, SALT)
    if question.kind == "code":
        answer = run_cases(question, answer)
    return score(question, answer, entry, SALT)


@pytest.mark.parametrize(
    ("answer", "right"),
    [("b", True), (" B ", True), ("(b)", True), ("a", False), ("c", False)],
)
def test_choice_ignores_case_and_brackets(answer, right):
    assert verdict(Question("9.1", "choice"), "b", answer).right is right


def test_choice_outside_the_options_says_so_without_the_answer():
    result = verdict(Question("9.1", "choice", hint="Read again."), "b", "z")
    assert not result.right and "not one of the options a, b, c, d" in result.message


def test_choices_are_a_set():
    question = Question("9.2", "choices")
    assert verdict(question, ["a", "d"], ["d", "a", "a"]).right
    assert not verdict(question, ["a", "d"], ["a"]).right
    assert "list of option letters" in verdict(question, ["a"], "a").message


@pytest.mark.parametrize(
    "answer",
    ["Fox News reported", "fox news  reported.", "“Fox News reported”", "FOX NEWS REPORTED"],
)
def test_quote_ignores_case_spacing_and_quotation_marks(answer):
    assert verdict(Question("9.3", "quote"), "Fox News reported", answer).right


def test_quote_must_be_the_phrase_not_a_part_of_it():
    assert not verdict(Question("9.3", "quote"), "Fox News reported", "Fox News").right


@pytest.mark.parametrize(
    ("answer", "right"),
    [(23, True), (22.5, True), (23.49, True), (22.49, False), (23.5, False), (230, False)],
)
def test_number_is_right_inside_its_tolerance_band_only(answer, right):
    assert verdict(Question("9.4", "number", tolerance=0.5), 23, answer).right is right


@pytest.mark.parametrize("solution", [0.2400, -0.5789, 2.4, 4.0, 238, 0])
def test_number_band_is_centred_on_the_solution(solution):
    question = Question("9.4", "number", tolerance=0.005)
    assert verdict(question, solution, solution + 0.0049).right
    assert verdict(question, solution, solution - 0.0049).right
    assert not verdict(question, solution, solution + 0.0051).right
    assert not verdict(question, solution, solution - 0.0051).right


@pytest.mark.parametrize("answer", ["23", True, [23], float("nan")])
def test_number_of_the_wrong_type_is_refused_with_a_reason(answer):
    result = verdict(Question("9.4", "number"), 23, answer)
    assert not result.right and result.message.startswith("not yet: give a")


def test_classify_gives_partial_credit_and_names_missing_items_only():
    question = Question("9.5", "classify", points=2, items=("x", "y", "z", "w"))
    solution = {"x": "named", "y": "vague", "z": "vague", "w": "named"}
    result = verdict(question, solution, {"x": "named", "y": "named", "z": "Vague"})
    assert result.points == 1.0 and result.message.startswith("2 of 4 items right")
    assert result.details == ("missing items: 'w'",)
    assert "vague" not in result.message.lower()


def test_code_task_runs_the_function_and_reports_failing_inputs():
    question = Question("9.6", "code", points=3, inputs=(("ab",), ("",), (None,)))
    solution = run_cases(question, lambda s: (s or "").upper())
    result = verdict(question, solution, lambda s: s.upper())
    assert result.points == 2.0 and result.message.startswith("2 of 3 tests pass")
    assert "test 3 raised AttributeError" in result.details[0]


def test_code_task_needs_the_function_itself():
    question = Question("9.6", "code", inputs=(("ab",),))
    entry = make_entry(question, Outputs(["AB"]), SALT)
    assert "without calling it" in score(question, "AB", entry, SALT).message
    assert "without calling it" in score(question, ["AB"], entry, SALT).message


def test_blank_answers_are_not_answered_and_score_nothing():
    for blank in (..., None, "  "):
        result = verdict(Question("9.1", "choice"), "b", blank)
        assert not result.answered and result.points == 0


def test_wrong_answer_brings_the_hint():
    result = verdict(Question("9.1", "choice", hint="Count the days."), "b", "a")
    assert result.message == "not yet. Hint: Count the days."


def test_real_questions_say_right_or_not_yet_and_never_the_answer():
    assert check("1.1", "b").right
    wrong = check("1.1", "a")
    assert not wrong.right and "Hint:" in str(wrong) and str(wrong).startswith("✗ 1.1")
    assert not check("1.3", "CNN said").right
    assert "fox news" not in str(check("1.3", "CNN said")).lower()


def test_check_of_an_unknown_question_explains_the_numbering():
    assert "numbered like '2.3'" in str(check("7.1", 1))


def test_check_all_reads_the_notebooks_globals():
    """Called with no argument, as in a notebook, it finds the answers of the calling cell."""
    notebook = {}
    exec(
        "from medialit.exercises import check_all\nanswer_1_1 = 'b'\nreport = check_all()", notebook
    )
    report = notebook["report"]
    assert report.results[0].right
    assert "no answer variable" in str(report.results[1])
    assert str(report).splitlines()[-1].startswith("Total (self-checked questions): 1/")


def test_self_check_is_off_while_grading(monkeypatch):
    monkeypatch.setenv(GRADING_ENV, "1")
    assert "off while grading" in str(check("1.1", "b"))


def test_every_bank_hint_is_worded_as_help_not_as_an_answer():
    for question in QUESTIONS.values():
        assert question.kind == "open" or question.hint, question.id


def test_a_question_of_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind 'essay'"):
        Question("9.9", "essay")


def test_make_entry_refuses_a_solution_with_other_items():
    question = Question("9.5", "classify", items=("x",))
    with pytest.raises(AnswerError, match="the solution labels"):
        make_entry(question, {"y": "a"}, SALT)


def test_normalise_text_keeps_inner_punctuation():
    assert normalise_text("So-called, “experts”!") == 'so-called, "experts'


def test_code_task_left_as_the_stub_says_so():
    question = Question("9.6", "code", inputs=(("ab",), ("cd",)))
    entry = make_entry(question, Outputs(["AB", "CD"]), SALT)
    stub = run_cases(question, lambda text: None)
    assert "returns None" in score(question, stub, entry, SALT).message
