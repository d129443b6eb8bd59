"""Self-check for students: ``check("2.3", answer_2_3)`` says right or wrong and gives a hint.

It works offline and in any Jupyter front end (the result is plain text), and it never shows
the answer: it compares against the salted hashes and tolerance bands in ``key.json``. A graded
item (on a text the book never shows) has no entry there: self-check says only that the answer
is recorded, or what stops it from being read (a letter that is not an option, a missing URL).

Examples
--------
>>> result = check("1.2", "not a number")
>>> result.right, result.points
(False, 0.0)
>>> print(check("9.9", 1))
? 9.9: there is no question 9.9 (questions are numbered like '2.3')
>>> "✗" in repr(check_all({"answer_1_1": "z"}, chapter=1))
True
>>> print(check("7.1", "b"))
• 7.1: answer recorded; your teacher's key grades it
"""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass
from typing import Any

from medialit.exercises.answers import (
    Verdict,
    check_shape,
    is_blank,
    lateral_verdict,
    run_cases,
    score,
)
from medialit.exercises.bank import QUESTIONS, Question, questions_of
from medialit.exercises.keys import key_path, load_key

__all__ = ["GRADING_ENV", "check", "check_all", "key_path", "load_key", "verdict_for"]

GRADING_ENV = "MEDIALIT_GRADING"  # set by the grader: self-check is off, the key is not read


def verdict_for(question: Question, answer: Any, key: dict) -> Verdict:
    """Score an answer in this process (self-check); code tasks run the function here."""
    entry = key["questions"].get(question.id)
    if entry is None:
        return Verdict(question.id, 0.0, question.points, "no key for this question yet")
    value = run_cases(question, answer) if question.kind == "code" else answer
    return score(question, value, entry, key["salt"])


def recorded(question: Question, answer: Any) -> Verdict:
    """What self-check says about a graded item: recorded, or why it cannot be read."""
    top = float(question.points)
    if question.kind == "lateral":
        verdict = lateral_verdict(question, answer)
        if not verdict.answered:
            return verdict
        flags = f"; flagged: {'; '.join(verdict.details)}" if verdict.details else ""
        return Verdict(question.id, 0.0, top, f"answer recorded; your teacher grades it{flags}")
    if is_blank(answer):
        return Verdict(question.id, 0.0, top, "not answered yet", answered=False)
    problem = check_shape(question, answer)
    if problem:
        return Verdict(question.id, 0.0, top, f"not readable yet: {problem}")
    if question.kind == "open":
        return Verdict(question.id, 0.0, top, "answer recorded; graded by hand with the rubric")
    return Verdict(question.id, 0.0, top, "answer recorded; your teacher's key grades it")


@dataclass(frozen=True)
class CheckResult:
    """What ``check`` shows: a tick or a cross, the points and a message."""

    verdict: Verdict

    @property
    def right(self) -> bool:
        return self.verdict.right

    @property
    def points(self) -> float:
        return self.verdict.points

    def __bool__(self) -> bool:
        return self.verdict.right

    def __str__(self) -> str:
        v = self.verdict
        if v.max_points == 0:
            return f"? {v.question}: {v.message}"
        question = QUESTIONS.get(v.question)
        if question is not None and not _self_checked(question):
            return f"• {v.question}: {v.message}"
        mark = "✓" if v.right else "✗"
        lines = [f"{mark} {v.question}: {v.message} ({v.points:g}/{v.max_points:g})"]
        lines += [f"    {detail}" for detail in v.details]
        return "\n".join(lines)

    __repr__ = __str__


def _self_checked(question: Question) -> bool:
    return question.role != "graded" and question.kind not in ("open", "lateral")


def check(question_id: str, answer: Any) -> CheckResult:
    """Check one answer; the result prints as one line (and details for code tasks).

    Parameters
    ----------
    question_id
        ``"chapter.number"`` as printed above the question, e.g. ``"2.3"``.
    answer
        The answer variable, e.g. ``answer_2_3``; for a code task, the function itself.
    """
    question = QUESTIONS.get(str(question_id))
    if question is None:
        message = f"there is no question {question_id} (questions are numbered like '2.3')"
        return CheckResult(Verdict(str(question_id), 0.0, 0.0, message))
    if os.environ.get(GRADING_ENV):
        return CheckResult(Verdict(question.id, 0.0, 0.0, "self-check is off while grading"))
    if not _self_checked(question):
        return CheckResult(recorded(question, answer))
    return CheckResult(verdict_for(question, answer, load_key()))


@dataclass(frozen=True)
class Report:
    """The results of ``check_all``: one line per question and a total."""

    results: tuple[CheckResult, ...]

    def __str__(self) -> str:
        checked = [
            r.verdict
            for r in self.results
            if r.verdict.question in QUESTIONS
            and _self_checked(QUESTIONS[r.verdict.question])
            and QUESTIONS[r.verdict.question].role == "practice"
        ]
        total = sum(v.points for v in checked)
        top = sum(v.max_points for v in checked)
        lines = [str(r) for r in self.results]
        lines.append(f"Total (self-checked practice questions): {total:g}/{top:g}")
        return "\n".join(lines)

    __repr__ = __str__


def check_all(namespace: dict | None = None, chapter: int | None = None) -> Report:
    """Check every answer variable defined in the notebook (or in ``namespace``).

    Parameters
    ----------
    namespace
        Where to look for ``answer_X_Y``; defaults to the calling notebook's globals.
    chapter
        Only this chapter's questions; by default the chapters that have an answer defined.
    """
    if namespace is None:
        frame = inspect.currentframe()
        namespace = frame.f_back.f_globals if frame and frame.f_back else {}
    if chapter is None:
        chapters = sorted({q.chapter for q in QUESTIONS.values() if q.variable in namespace})
    else:
        chapters = [chapter]
    results = []
    for number in chapters:
        for question in questions_of(number):
            if question.variable not in namespace:
                verdict = Verdict(question.id, 0.0, question.points, "no answer variable")
                results.append(CheckResult(verdict))
            else:
                results.append(check(question.id, namespace[question.variable]))
    return Report(tuple(results))
