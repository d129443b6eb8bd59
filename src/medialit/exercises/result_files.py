"""The grading results as files: a CSV, a feedback file per student, a summary.

Everything in them that comes from a submission (a student's name, a file name, an error a
notebook raised, an open answer) is treated as text, never as markup: CSV cells that a
spreadsheet would run as a formula are prefixed with an apostrophe, and Markdown and HTML
special characters are escaped, so a name like ``=HYPERLINK(...)``, ``a | b`` or
``<script>`` shows as written and breaks no table.

Examples
--------
>>> csv_cell("=1+1"), csv_cell("-2"), csv_cell("alice")
("'=1+1", "'-2", 'alice')
>>> markdown_text("a | b <i>*x*</i>")
'a \\\\| b &lt;i&gt;\\\\*x\\\\*&lt;/i&gt;'
>>> markdown_line("# not a heading")
'\\\\# not a heading'
"""

from __future__ import annotations

import csv
import html
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.exercises.answers import Verdict
from medialit.exercises.bank import HAND_GRADED, NOTEBOOKS, QUESTIONS, question_order
from medialit.exercises.submissions import feedback_name, is_worksheet_file

if TYPE_CHECKING:
    from medialit.exercises.grade import Graded

CSV_FIELDS = ("student", "question", "points", "max_points", "message")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]|#])")
_BLOCK_START = re.compile(r"^(\s*)([>+\-=~]|\d+[.)])")


# =========================================================================== escaping


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text (OWASP's advice against formula injection)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def markdown_text(text: str) -> str:
    """Text shown as written inside Markdown: HTML escaped, Markdown punctuation escaped,
    line breaks turned into spaces (a table row or list item stays on one line)."""
    text = html.escape(" ".join(str(text).splitlines()), quote=False)
    return _MARKDOWN.sub(r"\\\1", text)


def markdown_line(text: str) -> str:
    """One line of quoted text: as :func:`markdown_text`, and no list, heading or quote starts."""
    return _BLOCK_START.sub(r"\1\\\2", markdown_text(text))


# =========================================================================== CSV


def csv_rows(results: Iterable[Graded]) -> list[dict[str, str]]:
    """One row per student and question; a file graded no further gets one ``?`` row."""
    rows = []
    for graded in results:
        if graded.quiet:
            continue
        if not graded.verdicts:
            rows.append(_row(graded.student, "?", "0", "0", "; ".join(graded.problems)))
        for v in graded.verdicts:
            hand = QUESTIONS[v.question].kind in HAND_GRADED
            points = "" if hand and v.answered else f"{v.points:g}"
            message = "; ".join((v.message, *v.details))
            rows.append(_row(graded.student, v.question, points, f"{v.max_points:g}", message))
    return rows


def _row(*values: str) -> dict[str, str]:
    return dict(zip(CSV_FIELDS, map(csv_cell, values), strict=True))


def write_csv(results: list[Graded], out: Path) -> None:
    """The grades table: ``student, question, points, max_points, message``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(csv_rows(results))


# =========================================================================== feedback


def feedback_text(student: str, results: list[Graded]) -> str:
    """A readable report for one student: each question, each problem, open answers.

    Written for the student: the notebook's title, the question numbers the notebook shows,
    what was right and what to look at again, in plain words (no objective ids or field names).
    """
    lines = [f"# Feedback for {markdown_text(student)}", ""]
    for graded in results:
        if graded.quiet:
            continue
        notebook = NOTEBOOKS.get(graded.chapter or 0)
        title = notebook.title if notebook else "An unknown exercise"
        lines += [f"## {markdown_text(title)} ({markdown_text(graded.path.name)})", ""]
        if graded.verdicts:
            by_hand = any(QUESTIONS[v.question].kind in HAND_GRADED for v in graded.verdicts)
            lines += [
                f"Points from the questions checked automatically: {graded.points:g} of "
                f"{graded.max_points:g}."
                + (" Your teacher reads and grades the others." if by_hand else ""),
                "",
            ]
        for v in graded.verdicts:
            lines.append(_verdict_line(v))
            lines += [f"  - {markdown_text(detail)}" for detail in v.details]
        if graded.problems:
            lines += ["", "Problems with this file:", ""]
            lines += [f"- {markdown_text(problem)}" for problem in graded.problems]
        for qid, text in graded.open_answers.items():
            lines += ["", f"Your answer to question {qid} (your teacher grades it):", ""]
            lines += [f"> {markdown_line(line)}" for line in text.strip().splitlines()]
        lines.append("")
    return "\n".join(lines)


def _verdict_line(v: Verdict) -> str:
    question = QUESTIONS[v.question]
    message = markdown_text(v.message)
    if question.kind in HAND_GRADED:
        return f"- Question {v.question}: {message}"
    points = _points(v.points, v.max_points)
    if question.role == "extension":
        return f"- Question {v.question} (optional extension, {points}): {message}"
    return f"- Question {v.question} ({points}): {message}"


def _points(points: float, top: float) -> str:
    """``1 of 2 points``, ``1 of 1 point``."""
    return f"{points:g} of {top:g} point{'' if top == 1 else 's'}"


def write_feedback(results: list[Graded], folder: Path) -> list[Path]:
    """One Markdown feedback file per student (names were checked not to collide)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_student: dict[str, list[Graded]] = defaultdict(list)
    for graded in results:
        by_student[graded.student].append(graded)
    paths = []
    for student, graded in by_student.items():
        name = feedback_name(student)
        refused = any(g.skipped == "name" for g in graded)  # the name clashes: no file for it
        if not name or refused or all(g.quiet for g in graded):
            continue
        path = folder / f"{name}.md"
        path.write_text(feedback_text(student, graded), encoding="utf-8")
        paths.append(path)
    return paths


# =========================================================================== hand grading


def hand_grading_text(results: list[Graded], rubrics: dict[str, str]) -> str:
    """For the instructor: each question graded by hand, its rubric, then every answer verbatim.

    Lateral-reading answers carry the flags the grader raised (a missing URL or date...).
    The prompts and rubrics are the kit's own Markdown; the answers are escaped.
    """
    lines = ["# Answers to grade by hand", ""]
    asked = [q for q in QUESTIONS.values() if q.kind in HAND_GRADED]
    for question in asked:
        answers = [g for g in results if question.id in {v.question for v in g.verdicts}]
        if not answers:
            continue
        lines += [f"## {question.id} ({question.points:g} points, {question.objective})", ""]
        rubric = rubrics.get(question.id, "(no rubric)")
        lines += [question.prompt, "", "**Rubric.**", "", rubric, ""]
        for graded in answers:
            lines += [f"### {markdown_text(graded.student)}", ""]
            text = graded.open_answers.get(question.id)
            if text is None:
                lines += ["(not answered)", ""]
                continue
            lines += [
                f"> {markdown_line(line)}" if line else ">" for line in text.strip().splitlines()
            ]
            flags = graded.hand_graded.get(question.id, [])
            if flags:
                lines += ["", "Flagged: " + "; ".join(markdown_text(f) for f in flags)]
            lines += ["", "Points: ____", ""]
    return "\n".join(lines) + "\n"


# =========================================================================== summary


def submissions_text(results: Iterable[Graded]) -> str:
    """How many notebooks and worksheet files were graded, in words.

    >>> from medialit.exercises.grade import Graded
    >>> submissions_text([Graded("a", Path("a.ipynb"), 1), Graded("b", Path("b.json"), 1)])
    '1 notebook and 1 worksheet file'
    """
    results = list(results)
    sheets = sum(is_worksheet_file(g.path) for g in results)
    notebooks = len(results) - sheets
    words = (
        [f"{notebooks} notebook{'s' if notebooks != 1 else ''}"] if notebooks or not sheets else []
    )
    if sheets:
        words.append(f"{sheets} worksheet file{'s' if sheets != 1 else ''}")
    return " and ".join(words)


def summary_text(results: list[Graded], seconds: float, jobs: int, no_key_message: str = "") -> str:
    """Totals per student, average per question, problems, and the files not graded.

    ``no_key_message`` is the message of answers to graded items the key cannot score.
    """
    graded = [g for g in results if not g.skipped]
    students = sorted({g.student for g in results if not g.quiet})
    lines = [
        "# Grading summary",
        "",
        f"{submissions_text(graded)} from {len({g.student for g in graded})} students graded "
        f"in {seconds:.1f} s ({seconds / max(len(graded), 1):.2f} s per submission, {jobs} at "
        "once).",
        "",
        "| student | points | out of |",
        "| --- | --- | --- |",
    ]
    for student in students:
        mine = [g for g in graded if g.student == student]
        points = sum(g.points for g in mine)
        top = sum(g.max_points for g in mine)
        lines.append(f"| {markdown_text(student)} | {points:g} | {top:g} |")
    lines += _question_table(graded)
    ungraded = sum(
        bool(no_key_message) and v.message == no_key_message for g in graded for v in g.verdicts
    )
    if ungraded:
        lines += ["", f"{ungraded} answers to graded items were not graded: {no_key_message}."]
    troubled = [g for g in graded if g.problems]
    if troubled:
        lines += [
            "",
            f"{len(troubled)} submissions had problems (each student's feedback file "
            "lists them all):",
            "",
        ]
        lines += [f"- {_who(g)}: {markdown_text(g.problems[0])}" for g in troubled]
    else:
        lines += ["", "No submission had problems."]
    skipped = [g for g in results if g.skipped]
    if skipped:
        lines += ["", f"{len(skipped)} files were not graded:", ""]
        lines += [f"- {_who(g)}: {markdown_text(g.problems[0])}" for g in skipped]
    return "\n".join(lines) + "\n"


def _who(graded: Graded) -> str:
    return f"{markdown_text(graded.student)} ({markdown_text(graded.path.name)})"


def _question_table(graded: list[Graded]) -> list[str]:
    per_question: dict[str, list[Verdict]] = defaultdict(list)
    for g in graded:
        for v in g.verdicts:
            per_question[v.question].append(v)
    lines = [
        "",
        "Per question: how many students answered it, how many earned all its points, and the "
        "mean points (unanswered counts as 0).",
        "",
        "| question | answered | all points | mean points | out of |",
        "| --- | --- | --- | --- | --- |",
    ]
    for qid in sorted(per_question, key=question_order):
        vs = per_question[qid]
        answered = sum(v.answered for v in vs)
        top = f"{QUESTIONS[qid].points:g}"
        if QUESTIONS[qid].kind in HAND_GRADED:
            lines.append(f"| {qid} | {answered} | graded by hand | graded by hand | {top} |")
            continue
        mean = sum(v.points for v in vs) / len(vs)
        lines.append(f"| {qid} | {answered} | {sum(v.right for v in vs)} | {mean:.2f} | {top} |")
    return lines


def print_progress(done: int, total: int) -> None:
    """A one-line progress bar on stderr."""
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done == total else ""
    sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    sys.stderr.flush()
