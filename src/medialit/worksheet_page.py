"""The book's worksheet pages: an exercise notebook as a page answered in the browser.

Two halves, both plain text:

* :func:`worksheet_markdown` turns a student notebook (``exercises/NN-stem.ipynb``) into the
  MyST notebook ``book/worksheets/NN-stem.md``. ``medialit exercises build`` writes it and
  ``medialit exercises check`` reports drift, as for the notebooks. The page keeps the
  notebook's text, its unseen texts (each labelled as constructed) and its data cells (run
  when the book is built, code hidden); each answer cell becomes a form, each code task a
  note on how to open the notebook, and the final ``check_all`` the hand-in box.
* :class:`Worksheet` is what those code cells display: the page's data
  (:func:`medialit.exercises.worksheet.page_data`), a form per question and the hand-in box,
  as HTML that ``book/_assets/worksheet.js`` brings to life. Without JavaScript (or on paper)
  the forms still show every option, and no button is shown that would do nothing.

Examples
--------
>>> form = Worksheet(1).question("1.1")
>>> 'type="radio" name="ws-1-1" value="a"' in form.html and "1 August 2022" in form.html
True
>>> Worksheet(3).question("3.5")
Traceback (most recent call last):
...
ValueError: question 3.5 is a coding task: the page shows how to open the notebook instead
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from medialit.exercises.bank import CHAPTERS, LATERAL_FIELDS, NOTEBOOKS, QUESTIONS, Question
from medialit.exercises.keys import load_key, repository_root
from medialit.exercises.render import heading
from medialit.exercises.worksheet import MAX_NAME_CHARS, MAX_TEXT_CHARS, page_data

WORKSHEETS_FOLDER = "book/worksheets"  # relative to the repository
HANDOUT_KIND = "worksheet"  # front matter: book/handouts.py prints the page as a handout
_ANSWER = re.compile(r"^(answer_\d+_\d+)\s*=", re.M)
_QUESTION_HEADING = re.compile(r"^\*\*Question (\d+\.\d+)\*\*", re.M)
_CHECK_CALL = re.compile(r"^\s*check(_all)?\(")


@dataclass(frozen=True)
class Html:
    """HTML a notebook cell displays (Jupyter shows ``_repr_html_``; no IPython needed)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "<worksheet HTML; shown in the built book>"


# =========================================================================== the page's text


def worksheet_markdown(exercise: dict, chapter: int) -> str:
    """The MyST notebook of a worksheet page, from the student notebook of ``chapter``.

    Raises
    ------
    ValueError
        When the notebook's question and answer cells do not match the bank.
    """
    stem = CHAPTERS[chapter]
    notebook_link = f"{{download}}`{stem}.ipynb <../../exercises/{stem}.ipynb>`"
    cells = exercise["cells"]
    parts = [_front_matter(stem), _intro(chapter, cells, notebook_link)]
    parts.append(
        _code_cell(
            "from medialit.worksheet_page import Worksheet\n\n"
            f"worksheet = Worksheet({chapter})\nworksheet.start()"
        )
    )
    shown: list[str] = []
    first_markdown = True
    for index, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        source = _source(cell)
        if "medialit-install" in tags:
            continue
        if cell["cell_type"] == "markdown":
            if first_markdown:
                first_markdown = False  # the notebook's title and how-to: the intro replaces it
                continue
            if "question" in tags:
                qid = _question_id(source, stem)
                shown.append(qid)
                parts.append(_question_markdown(QUESTIONS[qid], notebook_link))
            elif "unseen-note" in tags:
                parts.append(UNSEEN_NOTE)
            elif not _introduces_check_all(cells, index):
                parts.append(source.strip())
            continue
        if "answer" in tags:
            for name in _ANSWER.findall(source):
                question = QUESTIONS[name.removeprefix("answer_").replace("_", ".")]
                if question.kind != "code":
                    parts.append(_code_cell(f'worksheet.question("{question.id}")'))
        elif "unseen-text" in tags or _CHECK_CALL.match(source):
            continue  # the text is shown in Markdown; the page checks answers itself
        else:
            parts.append(_code_cell(source.strip()))
    expected = [q.id for q in QUESTIONS.values() if q.chapter == chapter]
    if shown != expected:
        raise ValueError(f"exercises/{stem}.ipynb shows questions {shown}, the bank {expected}")
    parts += [_hand_in_markdown(stem), _code_cell("worksheet.hand_in()")]
    return "\n\n".join(parts) + "\n"


def worksheet_title(chapter: int) -> str:
    """The page title.

    >>> worksheet_title(7)
    'Worksheet 7: Unit test, form A'
    """
    return f"Worksheet {chapter}: {NOTEBOOKS[chapter].title}"


UNSEEN_NOTE = (
    "## New texts\n\n"
    "The texts below were written for this kit and are labelled as constructed; the rest of "
    "the book never shows them. Your answers to the questions on them are recorded, not "
    "marked: your teacher grades them."
)


def _front_matter(stem: str) -> str:
    return (
        "---\n"
        "jupytext:\n"
        "  text_representation:\n"
        "    extension: .md\n"
        "    format_name: myst\n"
        "kernelspec:\n"
        "  display_name: Python 3\n"
        "  language: python\n"
        "  name: python3\n"
        f"handout: {HANDOUT_KIND}\n"
        "---\n\n"
        f"% Generated by `medialit exercises build` from exercises/{stem}.ipynb. Edit the\n"
        "% solution notebook or the question bank and rebuild; never edit this page."
    )


def _intro(chapter: int, cells: list[dict], notebook_link: str) -> str:
    title = next(_source(c) for c in cells if c["cell_type"] == "markdown").splitlines()[0]
    subtitle = re.sub(r"^#\s*(\d+\.\s*)?", "", title).strip()
    roles = {q.role for q in QUESTIONS.values() if q.chapter == chapter}
    hand = any(q.kind in ("open", "lateral") for q in QUESTIONS.values() if q.chapter == chapter)
    lines = [
        f"# {worksheet_title(chapter)}",
        "",
        f"The exercise notebook *{subtitle}* as a page: answer every question here, in the "
        "browser, with nothing to install.",
        "",
    ]
    if "practice" in roles:
        lines.append(
            "- **Practice questions** (on the book's five articles) check themselves: press "
            "**Check** under one to see whether your answer is right, with a hint when it is "
            "not yet. Like the notebook's `check`, it never shows the answer."
        )
    if "graded" in roles:
        lines.append(
            "- **Graded questions** (on texts written for the kit) are only recorded: your "
            "teacher grades them."
        )
    if hand:
        lines.append(
            "- Questions **read by your teacher** (a few sentences, or a source you found "
            "yourself) are kept as you write them."
        )
    lines.append(
        "- Your answers are saved in this browser as you go, so you can close the page and come "
        "back on the same device. When you are done, write your name at the end of the page, "
        "press **Download my answers** and hand in the file: "
        f"{{ref}}`how to hand in <ws-{CHAPTERS[chapter]}-hand-in>`."
    )
    lines += ["", f"The same questions in a Jupyter notebook: {notebook_link}."]
    chapter_page = re.sub(r"^\d+-", "", CHAPTERS[chapter])
    if (repository_root() / "book" / f"{chapter_page}.md").is_file():
        lines[-1] += (
            " Where a question names the notebook's data, such as `articles[...]`, the book "
            "shows the same facts: the chapter "
            f"[{NOTEBOOKS[chapter].title}](../{chapter_page}.md), "
            "and every article in full in the [article explorer](../widgets.md)."
        )
    return "\n".join(lines)


def _question_markdown(question: Question, notebook_link: str) -> str:
    text = f"{heading(question)}\n\n{question.prompt}"
    if question.kind == "code":
        text += (
            "\n\n```{admonition} A coding task: answer it in the notebook\n"
            "This question asks for a Python function, which this page cannot run. Download "
            f"the notebook {notebook_link}, open it in Jupyter (JupyterLab, Notebook, VS Code "
            "or Colab) where the medialit kit is installed, and answer question "
            f"{question.id} there. It is optional: extension questions do not count toward the "
            "total.\n```"
        )
    return text


def _hand_in_markdown(stem: str) -> str:
    return (
        f"(ws-{stem}-hand-in)=\n"
        "## Hand in your answers\n\n"
        "1. Write your name in the box below.\n"
        "2. Press **Download my answers**. Your browser saves a file named like "
        f"`{stem}-Your-Name.json`, usually in your *Downloads* folder.\n"
        "3. Hand in that file the way your teacher asks: upload it to your class page, or "
        "attach it to an email. Do not edit it: your teacher's grader reads the answers in it "
        "and scores them itself.\n\n"
        "You can download again after changing an answer: hand in the last file. On a shared "
        "computer, press **Clear my answers from this browser** once you have handed it in."
    )


def _introduces_check_all(cells: list[dict], index: int) -> bool:
    """The notebook's "Check everything" cell: its code cell (``check_all()``) follows it."""
    following = cells[index + 1] if index + 1 < len(cells) else None
    return bool(
        following
        and following["cell_type"] == "code"
        and _source(following).strip() == "check_all()"
    )


def _question_id(source: str, stem: str) -> str:
    match = _QUESTION_HEADING.search(source)
    if not match or match.group(1) not in QUESTIONS:
        raise ValueError(f"exercises/{stem}.ipynb: a question cell names no question of the bank")
    return match.group(1)


def _code_cell(source: str) -> str:
    fence = "```"
    while fence in source:
        fence += "`"
    return f"{fence}{{code-cell}} ipython3\n:tags: [remove-input]\n\n{source}\n{fence}"


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


# =========================================================================== the page's HTML


class Worksheet:
    """The HTML of one worksheet page's code cells.

    Parameters
    ----------
    chapter
        The notebook number; the page data comes from the practice key the package ships.
    """

    def __init__(self, chapter: int):
        if chapter not in CHAPTERS:
            raise ValueError(f"there is no exercise notebook {chapter}")
        self.chapter = chapter
        self.data = page_data(chapter, load_key())

    def start(self) -> Html:
        """The page's data (as inert JSON) and a line shown only where JavaScript is off."""
        text = json.dumps(self.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        # JSON inside <script>: no "<", ">" or "&" may end the element or start a comment.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Html(
            f'<script type="application/json" class="ws-data">{text}</script>\n'
            '<p class="ws-needs-js">This page needs JavaScript to check and keep your answers. '
            "Without it you can read the questions, and answer them in the notebook.</p>"
        )

    def question(self, question_id: str) -> Html:
        """The form of one question: its inputs, a Check button and where the verdict goes."""
        question = QUESTIONS.get(question_id)
        if question is None or question.chapter != self.chapter:
            raise ValueError(f"worksheet {self.chapter} has no question {question_id}")
        if question.kind == "code":
            raise ValueError(
                f"question {question_id} is a coding task: the page shows how to open the "
                "notebook instead"
            )
        slug = _slug(question.id)
        body = _INPUTS[question.kind](question, slug)
        return Html(
            f'<div class="ws-question" data-question="{question.id}" data-kind="{question.kind}">\n'
            f"{body}\n"
            f'<div class="ws-check-row" hidden><button type="button" class="ws-check" '
            f'aria-describedby="ws-{slug}-verdict">Check</button>'
            f'<p class="ws-verdict" id="ws-{slug}-verdict" role="status" aria-live="polite"></p>'
            "</div>\n</div>"
        )

    def hand_in(self) -> Html:
        """The name field, the download and clear buttons, and the count of answers given."""
        return Html(
            '<div class="ws-hand-in">\n'
            '<label class="ws-field-label" for="ws-student">Your name, as your teacher knows '
            "you</label>\n"
            f'<input type="text" id="ws-student" class="ws-text" autocomplete="name" '
            f'maxlength="{MAX_NAME_CHARS}">\n'
            '<p class="ws-progress" aria-live="polite"></p>\n'
            '<div class="ws-buttons" hidden>'
            '<button type="button" class="ws-download">Download my answers</button>'
            '<button type="button" class="ws-clear">Clear my answers from this browser</button>'
            "</div>\n"
            '<p class="ws-hand-in-status" role="status" aria-live="polite"></p>\n'
            "</div>"
        )


def _slug(question_id: str) -> str:
    return question_id.replace(".", "-")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _options(question: Question, slug: str, kind: str) -> str:
    rows = []
    for letter, text in zip(question.letters, question.options, strict=True):
        rows.append(
            f'<label class="ws-option"><input type="{kind}" name="ws-{slug}" value="{letter}">'
            f'<span class="ws-option-text"><span class="ws-letter">{letter})</span> '
            f"{_e(text)}</span></label>"
        )
    what = "one option" if kind == "radio" else "every option that applies"
    return (
        f'<fieldset class="ws-options"><legend class="ws-legend">Question {question.id}: '
        f"choose {what}</legend>\n" + "\n".join(rows) + "\n</fieldset>"
    )


def _text_field(question: Question, slug: str, label: str, hint: str = "") -> str:
    described = f' aria-describedby="ws-{slug}-hint"' if hint else ""
    hint_html = f'<p class="ws-field-hint" id="ws-{slug}-hint">{_e(hint)}</p>' if hint else ""
    return (
        f'<label class="ws-field-label" for="ws-{slug}">{_e(label)}</label>{hint_html}\n'
        f'<input type="text" class="ws-text" id="ws-{slug}" name="ws-{slug}" autocomplete="off" '
        f'spellcheck="false" maxlength="{MAX_TEXT_CHARS}"{described}>'
    )


def _number(question: Question, slug: str) -> str:
    unit = f" ({question.unit})" if question.unit else ""
    hint = (
        f"A number{unit}, checked to within {question.tolerance:g}. Digits, with a point for "
        "decimals."
    )
    return (
        f'<label class="ws-field-label" for="ws-{slug}">Question {question.id}: your number</label>'
        f'<p class="ws-field-hint" id="ws-{slug}-hint">{_e(hint)}</p>\n'
        f'<span class="ws-number-row"><input type="text" class="ws-text ws-number" id="ws-{slug}" '
        f'name="ws-{slug}" inputmode="decimal" autocomplete="off" maxlength="64" '
        f'aria-describedby="ws-{slug}-hint">'
        + (f'<span class="ws-unit">{_e(question.unit)}</span>' if question.unit else "")
        + "</span>"
    )


def _classify(question: Question, slug: str) -> str:
    options = '<option value="">choose a label</option>' + "".join(
        f'<option value="{_e(label)}">{_e(question.label_words(label))}</option>'
        for label in question.label_set
    )
    rows = []
    for number, item in enumerate(question.items):
        rows.append(
            f'<div class="ws-item"><label class="ws-item-text" for="ws-{slug}-{number}">'
            f"{_e(item)}</label>"
            f'<select class="ws-select" id="ws-{slug}-{number}" data-item="{_e(item)}">'
            f"{options}</select></div>"
        )
    return (
        f'<fieldset class="ws-items"><legend class="ws-legend">Question {question.id}: a label '
        "for each item</legend>\n" + "\n".join(rows) + "\n</fieldset>"
    )


_LATERAL_LABELS = {
    "publisher": ("Publisher: who published the source", "text"),
    "date": ("Date the source was published", "date"),
    "url": ("Address of the source (https://...)", "url"),
    "says": ("What it says, in one or two sentences of your own", "textarea"),
}


def _lateral(question: Question, slug: str) -> str:
    fields = []
    for name in LATERAL_FIELDS:
        label, kind = _LATERAL_LABELS[name]
        field_id = f"ws-{slug}-{name}"
        if kind == "textarea":
            control = (
                f'<textarea class="ws-textarea" id="{field_id}" data-field="{name}" rows="3" '
                f'maxlength="{MAX_TEXT_CHARS}"></textarea>'
            )
        else:
            extra = ' inputmode="url"' if kind == "url" else ""
            control = (
                f'<input type="{kind}" class="ws-text" id="{field_id}" data-field="{name}" '
                f'autocomplete="off" maxlength="{MAX_TEXT_CHARS}"{extra}>'
            )
        fields.append(
            f'<label class="ws-field-label" for="{field_id}">{_e(label)}</label>\n{control}'
        )
    return (
        f'<fieldset class="ws-lateral"><legend class="ws-legend">Question {question.id}: the '
        "source you found</legend>\n" + "\n".join(fields) + "\n</fieldset>"
    )


def _open(question: Question, slug: str) -> str:
    return (
        f'<label class="ws-field-label" for="ws-{slug}">Question {question.id}: your answer, in a '
        "few sentences</label>\n"
        f'<textarea class="ws-textarea" id="ws-{slug}" rows="5" '
        f'maxlength="{MAX_TEXT_CHARS}"></textarea>'
    )


_INPUTS = {
    "choice": lambda q, slug: _options(q, slug, "radio"),
    "choices": lambda q, slug: _options(q, slug, "checkbox"),
    "quote": lambda q, slug: _text_field(
        q, slug, f"Question {q.id}: the exact words", "Case and quotation marks do not matter."
    ),
    "number": _number,
    "classify": _classify,
    "lateral": _lateral,
    "open": _open,
}
