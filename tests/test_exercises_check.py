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


CHOICE = Question("9.1", "choice", options=("w", "x", "y", "z"))


def verdict(question: Question, solution, answer, accept=None):
    entry = make_entry(question, solution, SALT, accept)
    if question.kind == "code":
        answer = run_cases(question, answer)
    return score(question, answer, entry, SALT)


@pytest.mark.parametrize(
    ("answer", "right"),
    [("b", True), (" B ", True), ("(b)", True), ("a", False), ("c", False)],
)
def test_choice_ignores_case_and_brackets(answer, right):
    assert verdict(CHOICE, "b", answer).right is right


def test_choice_outside_the_options_says_so_without_the_answer():
    question = Question("9.1", "choice", options=("w", "x", "y", "z"), hint="Read again.")
    result = verdict(question, "b", "e")
    assert not result.right and "not one of the options a, b, c, d" in result.message


def test_choice_credits_each_defensible_answer_with_its_share():
    question = Question("9.1", "choice", points=2, options=("w", "x", "y", "z"))
    assert verdict(question, "b", "b", {"c": 1.0, "d": 0.5}).points == 2
    assert verdict(question, "b", "c", {"c": 1.0, "d": 0.5}).right
    half = verdict(question, "b", "d", {"c": 1.0, "d": 0.5})
    assert (half.points, half.right, half.message.split(".")[0]) == (1, False, "partly right")
    assert verdict(question, "b", "a", {"c": 1.0, "d": 0.5}).points == 0


def test_choices_are_judged_option_by_option():
    question = Question("9.2", "choices", options=("w", "x", "y", "z"))
    assert verdict(question, ["a", "d"], ["d", "a", "a"]).right
    partial = verdict(question, ["a", "d"], ["a"])
    assert not partial.right and partial.points == 0.75  # three of four options judged right
    assert verdict(question, ["a", "d"], ["b", "c"]).points == 0
    assert "list of option letters" in verdict(question, ["a"], "a").message


def test_an_either_option_is_right_chosen_or_left():
    question = Question("9.2", "choices", options=("w", "x", "y", "z"))
    for answer in (["a", "d"], ["a", "b", "d"]):
        assert verdict(question, ["a", "d"], answer, {"either": ["b"]}).right
    assert not verdict(question, ["a", "d"], ["a", "b"], {"either": ["b"]}).right


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


def test_number_credits_another_band_with_its_share():
    question = Question("9.4", "number", tolerance=0.05)
    accept = [[4.0, 0.05, 0.5], [0.25, 0.005, 1.0]]
    assert verdict(question, 4.93, 4.9, accept).right
    assert verdict(question, 4.93, 4.01, accept).points == 0.5
    assert verdict(question, 4.93, 0.251, accept).right
    assert verdict(question, 4.93, 3.0, accept).points == 0


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
    question = Question(
        "9.5", "classify", points=2, items=("x", "y", "z", "w"), labels=("named", "vague")
    )
    solution = {"x": "named", "y": "vague", "z": "vague", "w": "named"}
    result = verdict(question, solution, {"x": "named", "y": "named", "z": "Vague"})
    assert result.points == 1.0 and result.message.startswith("2 of 4 right")
    assert result.details == ("missing items: 'w'",)
    assert "vague" not in result.message.lower()


def test_classify_credits_other_labels_item_by_item_and_reads_spaces_as_underscores():
    question = Question("9.5", "classify", points=2, items=("x", "y"), labels="source_types")
    accept = {"x": {"named_organisation": 1.0, "vague": 0.5}}
    solution = {"x": "named_media", "y": "vague"}
    assert verdict(question, solution, {"x": "named organisation", "y": "vague"}, accept).right
    assert verdict(question, solution, {"x": "vague", "y": "vague"}, accept).points == 1.5
    odd = verdict(question, solution, {"x": "rumour", "y": "vague"}, accept)
    assert odd.points == 1 and "not a label of this question: rumour" in odd.details


def test_a_key_refuses_labels_outside_the_vocabulary():
    question = Question("9.5", "classify", items=("x",), labels="verdicts")
    with pytest.raises(AnswerError, match="not in its vocabulary"):
        make_entry(question, {"x": "false"}, SALT)
    with pytest.raises(AnswerError, match="not in its vocabulary"):
        make_entry(question, {"x": "supported"}, SALT, {"x": {"true": 1.0}})


def code_task(inputs, points=1):
    return Question("9.6", "code", role="extension", points=points, inputs=inputs)


def test_code_task_runs_the_function_and_reports_failing_inputs():
    question = code_task((("ab",), ("",), (None,)), points=3)
    solution = run_cases(question, lambda s: (s or "").upper())
    result = verdict(question, solution, lambda s: s.upper())
    assert result.points == 2.0 and result.message.startswith("2 of 3 tests pass")
    assert "test 3 raised AttributeError" in result.details[0]


def test_code_task_needs_the_function_itself():
    question = code_task((("ab",),))
    entry = make_entry(question, Outputs(["AB"]), SALT)
    assert "without calling it" in score(question, "AB", entry, SALT).message
    assert "without calling it" in score(question, ["AB"], entry, SALT).message


def test_blank_answers_are_not_answered_and_score_nothing():
    for blank in (..., None, "  "):
        result = verdict(CHOICE, "b", blank)
        assert not result.answered and result.points == 0


def test_wrong_answer_brings_the_hint():
    question = Question("9.1", "choice", options=("w", "x", "y"), hint="Count the days.")
    result = verdict(question, "b", "a")
    assert result.message == "not yet. Hint: Count the days."


def test_real_questions_say_right_or_not_yet_and_never_the_answer():
    assert check("1.1", "c").right
    wrong = check("1.1", "a")
    assert not wrong.right and "Hint:" in str(wrong) and str(wrong).startswith("✗ 1.1")
    assert not check("2.4", "CNN").right
    assert "sputnik" not in str(check("2.4", "CNN")).lower()


@pytest.mark.parametrize("answer", ["a", "b", "c", "d"])
def test_self_check_on_a_graded_item_only_records_the_answer(answer):
    """Every option gets the same words: self-check cannot be used to find the key."""
    result = check("7.1", answer)
    assert str(result) == "• 7.1: answer recorded; your teacher's key grades it"
    assert result.points == 0 and not result.right


def test_self_check_on_a_graded_item_still_says_what_cannot_be_read():
    assert "not one of the options" in str(check("7.1", "z"))
    assert "not answered yet" in str(check("7.1", ...))


def test_self_check_on_a_lateral_task_flags_a_missing_url_or_date():
    answer = {"publisher": "RFE/RL", "date": "last year", "url": "", "says": "State-owned."}
    text = str(check("1.11", answer))
    assert "recorded" in text and "url is missing" in text and "the date is not a date" in text
    complete = {**answer, "date": "2014-11-10", "url": "https://www.rferl.org/a/x.html"}
    assert str(check("1.11", complete)) == "• 1.11: answer recorded; your teacher grades it"


@pytest.mark.parametrize("url", ["https://[abc.org", "https://a.b\uff03c", "https://a\uff0fb.org"])
def test_an_address_urlparse_refuses_is_flagged_not_a_crash(url):
    """urlparse raises on these (an unclosed bracket; a host NFKC turns into '#' or '/')."""
    answer = {"publisher": "RFE/RL", "date": "2014-11-10", "url": url, "says": "State-owned."}
    assert "the URL is not a web address" in str(check("1.11", answer))


@pytest.mark.parametrize("number", [1e308, -1.7e308])
def test_a_number_too_large_for_any_band_is_wrong_not_a_crash(number):
    """(1e308 - offset) / 0.01 overflows to infinity, and math.floor(inf) raised."""
    assert "not yet" in str(check("4.3", number))


def test_check_of_an_unknown_question_explains_the_numbering():
    assert "numbered like '2.3'" in str(check("9.1", 1))


def test_check_all_reads_the_notebooks_globals():
    """Called with no argument, as in a notebook, it finds the answers of the calling cell."""
    notebook = {}
    exec(
        "from medialit.exercises import check_all\nanswer_1_1 = 'c'\nreport = check_all()", notebook
    )
    report = notebook["report"]
    assert report.results[0].right
    assert "no answer variable" in str(report.results[1])
    assert str(report).splitlines()[-1].startswith("Total (self-checked practice questions): 1/")


def test_self_check_is_off_while_grading(monkeypatch):
    monkeypatch.setenv(GRADING_ENV, "1")
    assert "off while grading" in str(check("1.1", "c"))


def test_every_self_checked_item_has_a_hint_and_no_graded_item_has_one():
    for question in QUESTIONS.values():
        if question.role == "graded" or question.kind in ("open", "lateral"):
            assert not question.hint, question.id  # a graded item's self-check says nothing more
        else:
            assert question.hint, question.id


def test_a_question_of_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind 'essay'"):
        Question("9.9", "essay")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "choice", "options": ("only one",)}, "at least two options"),
        ({"kind": "classify", "items": ("x",), "labels": "moods"}, "labels 'moods'"),
        ({"kind": "code", "inputs": ((1,),)}, "an extension item"),
        ({"kind": "number", "role": "homework"}, "role 'homework'"),
        ({"kind": "number", "skill": "rhetoric"}, "skill 'rhetoric'"),
    ],
)
def test_a_malformed_item_is_refused_with_the_reason(fields, message):
    with pytest.raises(ValueError, match=message):
        Question("9.9", **fields)


def test_make_entry_refuses_a_solution_with_other_items():
    question = Question("9.5", "classify", items=("x",), labels=("a",))
    with pytest.raises(AnswerError, match="the solution labels"):
        make_entry(question, {"y": "a"}, SALT)


def test_normalise_text_keeps_inner_punctuation():
    assert normalise_text("So-called, “experts”!") == 'so-called, "experts'


def test_code_task_left_as_the_stub_says_so():
    question = code_task((("ab",), ("cd",)))
    entry = make_entry(question, Outputs(["AB", "CD"]), SALT)
    stub = run_cases(question, lambda text: None)
    assert "returns None" in score(question, stub, entry, SALT).message
