"""The result files: a name or a message from a submission is text, never a formula or markup."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from medialit.exercises.answers import Verdict
from medialit.exercises.grade import Graded
from medialit.exercises.result_files import (
    csv_cell,
    feedback_text,
    markdown_line,
    markdown_text,
    summary_text,
    write_csv,
)

HOSTILE = '=HYPERLINK("http://x";"y") | <script>alert(1)</script>\n# heading *bold*'


def _graded(student: str = HOSTILE) -> Graded:
    graded = Graded(student, Path("x <b>.ipynb"), 1)
    graded.verdicts = [Verdict("1.1", 1.0, 1.0, "right", right=True)]
    graded.verdicts.append(Verdict("1.8", 0.0, 3.0, "graded by hand with the rubric"))
    graded.problems = ["code cell 3: RuntimeError: <img src=x> | [link](http://x)"]
    graded.open_answers = {"1.8": "# Title\n- item\n> quote\n1. first\n<i>ok</i>"}
    return graded


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_text(start):
    assert csv_cell(start + "1+1") == "'" + start + "1+1"


def test_the_csv_keeps_names_and_messages_as_text(tmp_path):
    out = tmp_path / "grades.csv"
    write_csv([_graded()], out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["student"] == "'" + HOSTILE
    assert rows[0]["points"] == "1"


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row, splitting only at unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_the_summary_table_keeps_one_row_and_three_cells_per_student():
    text = summary_text([_graded()], 1.0, 1)
    rows = [line for line in text.splitlines() if line.startswith("| =HYPERLINK")]
    assert len(rows) == 1
    assert len(_cells(rows[0])) == 3
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<img" not in text and "\\[link\\]" in text


def test_feedback_escapes_everything_that_came_from_the_submission():
    text = feedback_text(HOSTILE, [_graded()])
    assert text.startswith("# Feedback for =HYPERLINK")
    assert text.splitlines()[1] == ""  # the name's line break did not start a heading
    assert "<" not in text.replace("&lt;", "")
    quoted = [line for line in text.splitlines() if line.startswith("> ")]
    assert quoted == [
        "> \\# Title",
        "> \\- item",
        "> &gt; quote",
        "> \\1. first",
        "> &lt;i&gt;ok&lt;/i&gt;",
    ]


def test_markdown_helpers():
    assert markdown_text("a\nb") == "a b"
    assert markdown_text("x_y*z`") == "x\\_y\\*z\\`"
    assert markdown_line("  - item") == "  \\- item"
    assert markdown_line("12) item") == "\\12) item"
