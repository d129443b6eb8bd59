"""Worksheet files: read strictly, scored exactly as the same answers in a notebook, nothing run.

A worksheet file is data a student's browser wrote (medialit.exercises.worksheet). The grader
refuses a tampered or broken file with one message naming the field, grades the rest of the
batch, and scores a good file with the function that scores a notebook's answers.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys

import pytest
from worksheet_tools import ROOT, random_answer, solution_answers, solution_file, write_pair

from medialit.exercises import grade as grade_module
from medialit.exercises.bank import CHAPTERS, QUESTIONS, questions_of
from medialit.exercises.grade import grade_folder, grade_worksheet
from medialit.exercises.keys import default_instructor_key, grading_key, read_key
from medialit.exercises.result_files import csv_rows
from medialit.exercises.sandbox import Limits
from medialit.exercises.worksheet import (
    MAX_FILE_BYTES,
    WorksheetError,
    page_data,
    parse_worksheet,
    read_worksheet,
    submission,
)
from medialit.worksheet_page import Worksheet, worksheet_markdown

LIMITS = Limits(wall_seconds=60, cell_seconds=30)


def good(**changes) -> dict:
    """A valid worksheet file of notebook 2, with fields replaced or added."""
    answers = {"2.2": ["a", "d"], "2.3": "b", "2.4": "Reports have surfaced", "2.5": "Two steps."}
    document = submission("02-attribution", "Ann Lee", answers, "2026-11-27T10:12:00.000Z")
    document.update(changes)
    return document


def encoded(document) -> bytes:
    return json.dumps(document).encode()


# A tampered or broken file, and what the message must say. Each is refused whole.
BROKEN = {
    "edited score field": (encoded(good(score=12)), "unexpected field 'score'"),
    "extra points field": (encoded(good(points={"2.3": 1})), "unexpected field 'points'"),
    "wrong worksheet id": (
        encoded(good(worksheet="09-nothing")),
        '"09-nothing" is not a worksheet',
    ),
    "worksheet id of another kind": (
        encoded(good(worksheet=2)),
        "2 is not a worksheet of this kit",
    ),
    "answer to another worksheet's question": (
        encoded(good(answers={"3.3": "a"})),
        'worksheet 02-attribution has no question "3.3"',
    ),
    "malformed JSON": (b'{"format": "medialit-worksheet", "answers": {', "not valid JSON"),
    "not JSON at all": (b"\x89PNG\r\n\x1a\n", "not UTF-8"),
    "empty": (b"  \n", "the file is empty"),
    "a list, not an object": (b"[1, 2, 3]", "the JSON is a list, not an object"),
    "another program's JSON": (b'{"cells": [], "nbformat": 4}', "not a worksheet file"),
    "missing field": (
        encoded({k: v for k, v in good().items() if k != "saved"}),
        "missing field saved",
    ),
    "version as text": (encoded(good(version="1")), "version: this grader reads version 1"),
    "version true": (encoded(good(version=True)), "version: this grader reads version 1"),
    "student as a number": (encoded(good(student=5)), "student: expected text, got a number"),
    "student with a line break": (encoded(good(student="Ann\n# Grade: A")), "control character"),
    "saved not a date": (encoded(good(saved="yesterday")), 'saved: "yesterday" is not a date'),
    "answers as a list": (encoded(good(answers=["b"])), "answers: expected an object"),
    "choice as a number": (
        encoded(good(answers={"2.3": 2})),
        'answers["2.3"]: expected one option letter (a, b, c, d), got a number',
    ),
    "choice not an option": (encoded(good(answers={"2.3": "z"})), 'got "z"'),
    "choices as text": (
        encoded(good(answers={"2.2": "a, d"})),
        "expected a list of option letters",
    ),
    "a letter twice": (encoded(good(answers={"2.2": ["a", "a"]})), 'the letter "a" is given twice'),
    "number as text": (
        encoded(submission("01-sourcing", "A", {"1.2": "26"})),
        'answers["1.2"]: expected a number, got text',
    ),
    "number true": (encoded(submission("01-sourcing", "A", {"1.2": True})), "got true or false"),
    "number too large": (
        b'{"format": "medialit-worksheet", "version": 1, "worksheet": "01-sourcing", '
        b'"student": "A", "saved": "2026-11-27T10:12:00Z", "answers": {"1.2": 1e999}}',
        "the number is not finite",
    ),
    "NaN": (
        b'{"format": "medialit-worksheet", "answers": {"1.2": NaN}}',
        "NaN is not a number JSON allows",
    ),
    "label outside the vocabulary": (
        encoded(good(answers={"2.1": {"Fox News reported": "trusted"}})),
        '"trusted" is not one of its labels',
    ),
    "item not in the question": (
        encoded(good(answers={"2.1": {"Somebody said": "vague"}})),
        '"Somebody said" is not an item of question 2.1',
    ),
    "lateral missing a field": (
        encoded(good(answers={"2.11": {"publisher": "x", "date": "", "url": ""}})),
        "expected exactly the fields publisher, date, url, says",
    ),
    "lateral field a number": (
        encoded(good(answers={"2.11": {"publisher": 1, "date": "", "url": "", "says": ""}})),
        'answers["2.11"].publisher: expected text',
    ),
    "open answer too long": (
        encoded(good(answers={"2.5": "x" * 20_001})),
        "longer than 20,000 characters",
    ),
    "lone surrogate": (
        b'{"format": "medialit-worksheet", "version": 1, "worksheet": "02-attribution", '
        b'"student": "A",'
        b' "saved": "2026-11-27T10:12:00Z", "answers": {"2.4": "\\ud800"}}',
        "a lone surrogate",
    ),
    "a code task answered": (
        encoded(submission("03-loaded-terms", "A", {"3.5": "def f(): pass"})),
        "question 3.5 is a coding task",
    ),
    "duplicate answers": (
        b'{"format": "medialit-worksheet", "version": 1, "worksheet": "02-attribution", '
        b'"student": "A",'
        b' "saved": "2026-11-27T10:12:00Z", "answers": {"2.3": "b", "2.3": "c"}}',
        'the key "2.3" appears twice',
    ),
    "duplicate field": (
        b'{"format": "medialit-worksheet", "format": "medialit-worksheet"}',
        'the key "format" appears twice',
    ),
    "nested too deeply": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "huge": (
        b'{"format": "medialit-worksheet", "pad": "' + b"x" * MAX_FILE_BYTES + b'"}',
        "bytes is larger than the 1,000,000-byte limit",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_or_tampered_file_is_refused_with_a_message_naming_the_field(name, tmp_path):
    data, expected = BROKEN[name]
    path = tmp_path / "sheet.json"
    path.write_bytes(data)
    with pytest.raises(WorksheetError) as caught:
        read_worksheet(path)
    message = str(caught.value)
    assert expected in message
    assert "Traceback" not in message and len(message) < 300


def test_a_good_file_is_read_into_values():
    sheet = parse_worksheet(encoded(good()))
    assert (sheet.worksheet, sheet.chapter, sheet.student) == ("02-attribution", 2, "Ann Lee")
    assert sheet.answers["2.2"] == ["a", "d"] and sheet.saved.year == 2026


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_worksheet_is_refused_unopened(tmp_path):
    fifo = tmp_path / "02-attribution-x.json"
    os.mkfifo(fifo)
    with pytest.raises(WorksheetError, match="not a regular file"):
        read_worksheet(fifo)  # opening it would block: no writer ever comes


def test_the_batch_goes_on_past_every_broken_file_and_grades_the_good_one(tmp_path):
    """Through the command line, as a teacher runs it: exit 0, one message per broken file."""
    submissions = tmp_path / "submissions"
    for number, name in enumerate(sorted(BROKEN)):
        folder = submissions / f"student{number:02d}"
        folder.mkdir(parents=True)
        (folder / "02-attribution.json").write_bytes(BROKEN[name][0])
    (submissions / "ann").mkdir()
    (submissions / "ann" / "02-attribution.json").write_text(json.dumps(solution_file(2)))
    before = {p: p.read_bytes() for p in submissions.rglob("*.json")}
    out = tmp_path / "grades.csv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "medialit.cli",
            "grade",
            str(submissions),
            "--out",
            str(out),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{len(BROKEN) + 1} worksheet files from {len(BROKEN) + 1} students" in result.stdout
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, name in enumerate(sorted(BROKEN)):
        mine = [r for r in rows if r["student"] == f"student{number:02d}"]
        assert mine, name
        assert all(r["points"] in ("0", "") for r in mine), name
        assert all("worksheet file not graded: " in r["message"] for r in mine), name
        assert BROKEN[name][1] in mine[0]["message"], name
    ann = [r for r in rows if r["student"] == "ann" and r["points"] not in ("",)]
    auto = [q for q in questions_of(2) if q.counts_toward_total]
    assert sum(
        float(r["points"]) for r in ann if QUESTIONS[r["question"]].counts_toward_total
    ) == sum(q.points for q in auto)
    assert {p: p.read_bytes() for p in submissions.rglob("*.json")} == before  # only read


def test_a_file_at_the_top_of_the_folder_is_named_by_the_student_on_it(tmp_path):
    (tmp_path / "02-attribution-whatever.json").write_text(json.dumps(solution_file(2, "Ann Lee")))
    (tmp_path / "bob").mkdir()
    (tmp_path / "bob" / "02-attribution.json").write_text(json.dumps(solution_file(2, "Not Bob")))
    students = {g.student for g in grade_folder(tmp_path, jobs=1, limits=LIMITS)}
    assert students == {"Ann Lee", "bob"}


def test_a_worksheet_file_that_is_a_link_is_reported_not_followed(tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps(solution_file(2)))
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "02-attribution-mallory.json").symlink_to(target)
    (result,) = grade_folder(folder, jobs=1, limits=LIMITS)
    assert result.skipped == "link" and "symbolic link" in result.problems[0]
    with pytest.raises(WorksheetError, match="symbolic link"):
        read_worksheet(folder / "02-attribution-mallory.json")


def test_grading_worksheets_runs_nothing_and_starts_no_sandbox(tmp_path, monkeypatch):
    """A folder of worksheet files is graded without the sandbox (or its isolation check): an
    answer that is Python code stays text."""

    def refuse(*args, **kwargs):
        raise AssertionError("a worksheet file reached the code runner")

    monkeypatch.setattr(grade_module, "run_cells", refuse)
    monkeypatch.setattr(grade_module, "_server", refuse)
    marker = tmp_path / "ran"
    code = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    folder = tmp_path / "submissions"
    folder.mkdir()
    path = folder / "02-attribution-eve.json"
    path.write_text(json.dumps(submission("02-attribution", "Eve", {"2.4": code, "2.5": code})))
    (graded,) = grade_folder(folder, jobs=1, limits=LIMITS)
    assert not marker.exists()
    assert graded.student == "Eve" and graded.open_answers["2.5"] == code
    assert next(v for v in graded.verdicts if v.question == "2.4").points == 0
    assert grade_worksheet("eve", path, grading_key()).open_answers == graded.open_answers


def test_one_grade_per_student_and_worksheet_the_file_saved_last(tmp_path):
    """A student who downloads twice (the browser names the second file "... (1).json")."""
    folder = tmp_path / "ann"
    folder.mkdir()
    early = submission("01-sourcing", "Ann", {"1.1": "a"}, "2026-11-27T09:00:00.000Z")
    late = submission("01-sourcing", "Ann", solution_file(1)["answers"], "2026-11-27T10:00:00.000Z")
    (folder / "01-sourcing-Ann.json").write_text(json.dumps(late))
    (folder / "01-sourcing-Ann (1).json").write_text(json.dumps(early))
    results = grade_folder(tmp_path, jobs=1, limits=LIMITS)
    graded = [g for g in results if not g.skipped]
    (skipped,) = [g for g in results if g.skipped]
    assert [g.path.name for g in graded] == ["01-sourcing-Ann.json"]
    assert graded[0].points == graded[0].max_points
    assert skipped.path.name == "01-sourcing-Ann (1).json"
    assert "01-sourcing-Ann.json) was graded instead" in skipped.problems[0]


def test_every_solution_as_a_worksheet_file_gets_full_marks(tmp_path):
    for chapter, stem in CHAPTERS.items():
        (tmp_path / f"{stem}.json").write_text(json.dumps(solution_file(chapter)))
    results = grade_folder(tmp_path, jobs=1, limits=LIMITS)
    assert len(results) == len(CHAPTERS)
    for graded in results:
        assert graded.problems == []
        assert graded.points == graded.max_points > 0, graded.path.name


@pytest.mark.slow
def test_the_same_answers_score_the_same_in_a_notebook_and_a_worksheet(tmp_path):
    """Random answers (seeded; often the solution's, sometimes near it), each written as a
    notebook (run in the sandbox) and as a worksheet file: every verdict is the same."""
    rng = random.Random(20261127)
    for chapter in CHAPTERS:
        solutions = solution_answers(chapter)
        for trial in range(3):
            answers = {
                q.id: random_answer(q, solutions[q.id], rng)
                for q in questions_of(chapter)
                if q.kind != "code"
            }
            write_pair(tmp_path, f"s{chapter}{trial}", chapter, answers)
    notebooks = grade_folder(tmp_path / "notebooks", jobs=2, limits=LIMITS)
    sheets = grade_folder(tmp_path / "sheets", jobs=2, limits=LIMITS)
    assert len(notebooks) == len(sheets) == 3 * len(CHAPTERS)
    compared = 0
    for notebook, sheet in zip(notebooks, sheets, strict=True):
        assert (notebook.student, notebook.chapter) == (sheet.student, sheet.chapter)
        assert notebook.problems == [] and sheet.problems == [], notebook.student
        for a, b in zip(notebook.verdicts, sheet.verdicts, strict=True):
            if QUESTIONS[a.question].kind == "code":
                continue
            assert (a.question, a.points, a.max_points, a.message, a.details, a.answered) == (
                b.question,
                b.points,
                b.max_points,
                b.message,
                b.details,
                b.answered,
            ), notebook.student
            compared += 1
        assert notebook.points == sheet.points
        assert notebook.open_answers == sheet.open_answers
        assert notebook.hand_graded == sheet.hand_graded
    assert compared > 250
    points = [g.points for g in sheets]
    assert len(set(points)) > 5  # the answers were varied enough to score differently


def test_a_blank_worksheet_scores_nothing(tmp_path):
    for stem in CHAPTERS.values():
        (tmp_path / f"{stem}.json").write_text(json.dumps(submission(stem, "Blank", {})))
    for graded in grade_folder(tmp_path, jobs=1, limits=LIMITS):
        assert graded.points == 0 and graded.max_points > 0
        assert all(not v.answered for v in graded.verdicts)
    assert all(row["points"] in ("0", "") for row in csv_rows(grade_folder(tmp_path, 1, LIMITS)))


def test_the_page_data_holds_no_graded_entry_hint_or_hash():
    """Even when handed the grading key with the instructors' entries."""
    key = grading_key()
    graded_hashes = [
        text
        for entry in read_key(default_instructor_key())["questions"].values()
        for text in _strings(entry)
        if len(text) == 24
    ]
    assert len(graded_hashes) > 150
    for chapter in CHAPTERS:
        data = page_data(chapter, key)
        text = json.dumps(data)
        assert not [h for h in graded_hashes if h in text]
        for question in data["questions"]:
            if QUESTIONS[question["id"]].role != "practice":
                assert "entry" not in question and "hint" not in question


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_every_question_but_a_code_task_has_a_form_on_its_page():
    for chapter, stem in CHAPTERS.items():
        page = (ROOT / "book" / "worksheets" / f"{stem}.md").read_text(encoding="utf-8")
        for question in questions_of(chapter):
            form = f'worksheet.question("{question.id}")'
            if question.kind == "code":
                assert form not in page and f"answer question {question.id} there" in page
            else:
                assert page.count(form) == 1, question.id
        assert "worksheet.hand_in()" in page and "medialit-install" not in page
        in_code_prompts = sum(
            q.prompt.count("answer_") for q in questions_of(chapter) if q.kind == "code"
        )
        assert page.count("answer_") == in_code_prompts  # no answer variable but a code task's


def test_a_page_whose_notebook_lost_a_question_is_refused():
    notebook = json.loads((ROOT / "exercises" / "01-sourcing.ipynb").read_text(encoding="utf-8"))
    notebook["cells"] = [
        c for c in notebook["cells"] if "Question 1.3**" not in "".join(c["source"])
    ]
    with pytest.raises(ValueError, match=r"shows questions"):
        worksheet_markdown(notebook, 1)


def test_the_forms_escape_the_bank_text():
    html = Worksheet(8).question("8.17").html
    assert "fb2&#x27;s footnote markers [1] and [2]" in html
    start = Worksheet(1).start().html
    data = start[start.index(">") + 1 : start.index("</script>")]
    assert "<" not in data and ">" not in data and "&" not in data  # nothing ends the element
    assert json.loads(data)["worksheet"] == "01-sourcing"


def test_a_label_shows_the_chapters_words_and_keeps_its_value():
    html = Worksheet(1).question("1.9").html
    assert '<option value="scraping_leftover">page furniture</option>' in html
    assert '<option value="anachronism">anachronism</option>' in html
