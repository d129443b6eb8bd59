"""Helpers for the worksheet tests: the solutions' answers, random answers, and the same answers
written as a notebook and as a worksheet file."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import random
import re
from pathlib import Path
from typing import Any

from medialit.exercises.bank import CHAPTERS, LATERAL_FIELDS, Question, questions_of
from medialit.exercises.build import ANSWER_TAG, repository_root
from medialit.exercises.grade import SKIP_TAG, cell_source, read_notebook
from medialit.exercises.worksheet import IN_PAGE_KINDS, submission

ROOT = repository_root()
_ASSIGNED = re.compile(r"^(answer_\d+_\d+)\s*=", re.M)


@functools.cache
def solution_answers(chapter: int) -> dict[str, Any]:
    """``{question id: value}`` of a solution notebook, run here (display cells aside)."""
    namespace: dict = {"__name__": "__main__"}
    path = ROOT / "solutions" / f"{CHAPTERS[chapter]}.ipynb"
    for cell in read_notebook(path)["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "code" and SKIP_TAG not in tags:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell_source(cell), str(path), "exec"), namespace)
    return {q.id: namespace[q.variable] for q in questions_of(chapter)}


def as_file_value(question: Question, value: Any) -> Any:
    """A notebook value in the shape a worksheet file holds (a set of letters is a sorted list)."""
    if question.kind == "choices":
        return sorted(value)
    return value


def solution_file(chapter: int, student: str = "Sol Ution") -> dict:
    """The worksheet file of the solution's answers (code tasks cannot be in it)."""
    answers = {
        qid: as_file_value(q, value)
        for q in questions_of(chapter)
        if q.kind in IN_PAGE_KINDS
        for qid, value in [(q.id, solution_answers(chapter)[q.id])]
    }
    return submission(CHAPTERS[chapter], student, answers)


def random_answer(question: Question, solution: Any, rng: random.Random) -> Any:
    """A value a student might give in the page: often the solution, sometimes near it, or not.

    ``...`` means left blank.
    """
    roll = rng.random()
    if roll < 0.15:
        return ...
    if roll < 0.45 and question.kind != "lateral":
        return as_file_value(question, solution)
    kind = question.kind
    if kind == "choice":
        return rng.choice(question.letters)
    if kind == "choices":
        return sorted(rng.sample(question.letters, rng.randrange(0, len(question.letters) + 1)))
    if kind == "quote":
        variants = [
            solution.upper(),
            f"“{solution}.”",
            f"  {solution}  ",
            solution[: len(solution) // 2],
            "no such words",
        ]
        return rng.choice(variants)
    if kind == "number":
        step = question.tolerance * rng.choice([0.3, 0.9, 1.1, 3, -0.9, -1.2])
        return rng.choice([float(solution) + step, round(float(solution) + step, 3), -1e300, 0, 7])
    if kind == "classify":
        labels = {}
        for item in question.items:
            if rng.random() < 0.8:
                labels[item] = (
                    solution[item] if rng.random() < 0.6 else rng.choice(question.label_set)
                )
        return labels or ...
    if kind == "lateral":
        return {
            "publisher": rng.choice(["", "RFE/RL", "Reuters"]),
            "date": rng.choice(["", "2014-11-10", "2022-02-30"]),
            "url": rng.choice(["", "https://www.rferl.org/a/x.html", "rferl.org", "http://[x"]),
            "says": rng.choice(["", "It is owned by the state."]),
        }
    if kind == "open":
        return rng.choice(["A few sentences of my own.", "  ", "Two steps: search, then compare."])
    raise AssertionError(kind)


def answers_as_notebook(chapter: int, answers: dict[str, Any]) -> dict:
    """The student notebook of ``chapter`` with its answer cells set to ``answers``."""
    notebook = read_notebook(ROOT / "exercises" / f"{CHAPTERS[chapter]}.ipynb")
    for cell in notebook["cells"]:
        if ANSWER_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell_source(cell)
        for name in _ASSIGNED.findall(source):
            qid = name.removeprefix("answer_").replace("_", ".")
            if qid in answers:
                line = f"{name} = {answers[qid]!r}"
                source = re.sub(rf"^{name}\s*=.*$", lambda _, line=line: line, source, flags=re.M)
        cell["source"] = source
    return notebook


def write_pair(folder: Path, student: str, chapter: int, answers: dict[str, Any]) -> None:
    """The same answers as ``folder/notebooks/STUDENT/NN.ipynb`` and as
    ``folder/sheets/STUDENT/NN.json``."""
    given = {qid: value for qid, value in answers.items() if value is not ...}
    stem = CHAPTERS[chapter]
    notebook = folder / "notebooks" / student / f"{stem}.ipynb"
    notebook.parent.mkdir(parents=True, exist_ok=True)
    notebook.write_text(json.dumps(answers_as_notebook(chapter, given)), encoding="utf-8")
    sheet = folder / "sheets" / student / f"{stem}.json"
    sheet.parent.mkdir(parents=True, exist_ok=True)
    sheet.write_text(json.dumps(submission(stem, student, given)), encoding="utf-8")


def form_of(page, question: Question):
    """The form of one question on a worksheet page (a Playwright locator)."""
    return page.locator(f'.ws-question[data-question="{question.id}"]')


def fill(page, question: Question, value) -> None:
    """Answer one question as a student does: click options, type text, pick labels."""
    form = form_of(page, question)
    kind = question.kind
    if kind in ("choice", "choices"):
        for letter in [value] if kind == "choice" else sorted(value):
            form.locator(f'label.ws-option:has(input[value="{letter}"])').click()
    elif kind in ("quote", "number"):
        form.locator("input").click()
        page.keyboard.type(value if kind == "quote" else repr(value))
    elif kind == "classify":
        for number, item in enumerate(question.items):
            form.locator("select").nth(number).select_option(value[item])
    elif kind == "lateral":
        for name in LATERAL_FIELDS:
            field = form.locator(f'[data-field="{name}"]')
            if name == "date":
                field.fill(value[name])  # a date picker: fill types into its three parts
            else:
                field.click()
                page.keyboard.type(value[name])
    elif kind == "open":
        form.locator("textarea").click()
        page.keyboard.type(value[:40])
        form.locator("textarea").fill(value)  # the rest at once: typing 1,000 keys is slow
    else:
        raise AssertionError(kind)
