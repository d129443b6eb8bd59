"""Render bank items and unseen texts as notebook cells (Markdown a page can show as well).

The build writes these cells into both the solution and the exercise notebooks, so a question
reads the same everywhere and a change to the bank reaches every notebook. The prompts of the
classify items list the labels of their vocabulary, taken from :mod:`medialit.schema`.

Examples
--------
>>> from medialit.exercises.bank import QUESTIONS
>>> print(render_question(QUESTIONS["1.1"]).splitlines()[0])
**Question 1.1** (1 point · practice · sourcing, SRC-2)
>>> "- c) 8 January 2022" in render_question(QUESTIONS["1.1"])
True
>>> print(answer_instruction(QUESTIONS["5.3"]).splitlines()[0])
Answer with a dict that maps each item, exactly as written, to one of these labels:
"""

from __future__ import annotations

import ast

from medialit.exercises.bank import Question
from medialit.schema import SKILL_LABELS

UNSEEN_NOTE = (
    "The texts below were written for this kit and labelled as constructed; the book never "
    "shows them. `check` records your answers to these questions without marking them: your "
    "teacher grades them."
)


def heading(question: Question) -> str:
    """The bold first line: number, points, role, skill and objective."""
    points = f"{question.points:g} point{'s' if question.points != 1 else ''}"
    role = {"practice": "practice", "graded": "graded", "extension": "extension, optional"}
    parts = [points, role[question.role]]
    if question.kind in ("open", "lateral"):
        parts.append("read by your teacher")
    skill = SKILL_LABELS.get(question.skill, question.skill)
    return f"**Question {question.id}** ({' · '.join(parts)} · {skill}, {question.objective})"


def answer_instruction(question: Question) -> str:
    """How to write the answer, by kind."""
    name = question.variable
    kind = question.kind
    if kind == "choice":
        return f'Answer with one letter as text, e.g. `{name} = "a"`.'
    if kind == "choices":
        return f'Answer with a list of every letter that applies, e.g. `{name} = ["a", "c"]`.'
    if kind == "quote":
        return "Answer with the exact words as text; case and quotation marks do not matter."
    if kind == "number":
        unit = f" ({question.unit})" if question.unit else ""
        return f"Answer with a number{unit}; it is checked to within {question.tolerance:g}."
    if kind == "classify":
        labels = ", ".join(_label(question, label) for label in question.label_set)
        items = "\n".join(f"- `{item}`" for item in question.items)
        return (
            "Answer with a dict that maps each item, exactly as written, to one of these labels:\n"
            f"{labels}.\n\n{items}"
        )
    if kind == "lateral":
        return (
            f'Answer with a dict: `{name} = {{"publisher": "...", "date": "YYYY-MM-DD", '
            '"url": "https://...", "says": "..."}`. Your teacher reads it; a missing URL or date '
            "is flagged. Find a source yourself: one already in the book's reference ledger (the "
            "Data and sources page) earns at most partial credit."
        )
    if kind == "open":
        return "Answer in a few sentences, as text. Your teacher grades it with a rubric."
    return f"Assign the function itself (no parentheses) to `{name}`."


def render_question(question: Question) -> str:
    """The Markdown of a question cell."""
    parts = [heading(question), question.prompt]
    if question.options:
        parts.append(
            "\n".join(
                f"- {letter}) {text}"
                for letter, text in zip(question.letters, question.options, strict=True)
            )
        )
    if question.kind != "code" or "Assign the function" not in question.prompt:
        parts.append(answer_instruction(question))
    return "\n\n".join(parts) + "\n"


def render_text(text_id: str, title: str, text: str) -> str:
    """An unseen text as a Markdown cell: a heading, then the text as a quotation, line by line.

    A line followed by another keeps its break (two trailing spaces), so a byline or a
    dateline does not run into the headline.

    >>> render_text("x1", "A title", "[Constructed]\\n\\nOutlet\\nHeadline").splitlines()
    ['### Text x1: A title', '', '> [Constructed]', '>', '> Outlet  ', '> Headline']
    """
    lines = text.rstrip("\n").split("\n")
    quoted = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        joined = after.strip() and line.strip() and not line.lstrip().startswith("|")
        quoted.append(f"> {line}".rstrip() + ("  " if joined else ""))
    return f"### Text {text_id}: {title}\n\n" + "\n".join(quoted) + "\n"


def render_text_code(text_id: str, text: str) -> str:
    """An unseen text as a code cell that defines ``text_ID``, for the extractors.

    >>> print(render_text_code("u9", 'He said "no".\\n'), end="")
    # The text u9, exactly as above, for medialit's extractors.
    text_u9 = (
        'He said "no".\\n'
    )
    >>> print(render_text_code("u9", "It's a lie.\\n"), end="")
    # The text u9, exactly as above, for medialit's extractors.
    text_u9 = (
        "It's a lie.\\n"
    )
    """
    lines = "".join(f"    {_string(line)}\n" for line in text.splitlines(keepends=True))
    head = f"# The text {text_id}, exactly as above, for medialit's extractors."
    return f"{head}\ntext_{text_id} = (\n{lines})\n"


def _string(text: str) -> str:
    """A string literal as a student would write it, and as ``ruff format`` leaves it: in
    double quotes, unless single quotes need fewer escapes.

    >>> print(_string("it's"), _string('He said "no".'), _string("plain\\n"))
    "it's" 'He said "no".' "plain\\n"
    """
    single = repr(text)  # Python escapes everything that needs it; we only choose the quotes
    if text.count('"') > text.count("'"):
        return single
    body = single[1:-1]
    if single[0] == "'":
        body = body.replace("\\'", "'").replace('"', '\\"')
    double = f'"{body}"'
    # A backslash next to a quote could fool the swap: then keep Python's own spelling.
    return double if ast.literal_eval(double) == text else single


def _label(question: Question, label: str) -> str:
    """A label as it is typed, with the chapters' words where they differ from it."""
    words = question.label_words(label)
    return f"`{label}`" if words == label.replace("_", " ") else f"`{label}` ({words})"
