"""``medialit grade`` on a folder of mixed good, blank, partly wrong and broken submissions."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.exercises.bank import QUESTIONS, questions_of
from medialit.exercises.build import repository_root
from medialit.exercises.cli import add_grade_command
from medialit.exercises.result_files import CSV_FIELDS
from medialit.exercises.submissions import chapter_of, find_submissions, read_notebook

ROOT = repository_root()


def _auto_points(chapter: int) -> float:
    """Points of the rows the grader fills in (extensions included; hand grading aside)."""
    return float(sum(q.points for q in questions_of(chapter) if q.kind not in ("open", "lateral")))


def _partly_wrong() -> dict:
    """Chapter 2 solved, except 2.3 (wrong letter) and most of 2.1 left out."""
    notebook = read_notebook(ROOT / "solutions" / "02-attribution.ipynb")
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if source.startswith('answer_2_3 = "d"'):
            cell["source"] = 'answer_2_3 = "a"\n'
        if source.startswith("answer_2_1 = {"):
            cell["source"] = (
                'answer_2_1 = {"Fox News reported": "named_media", '
                '"Reports have surfaced": "named_media"}\n'
            )
    return notebook


def _anonymous(notebook_path: Path) -> dict:
    """A notebook saved without our metadata: the grader recognises it by its answers."""
    notebook = read_notebook(notebook_path)
    notebook["metadata"] = {}
    return notebook


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    (root / "ana").mkdir()
    for name in ("01-sourcing.ipynb", "04-numeric-verification.ipynb"):
        shutil.copy(ROOT / "solutions" / name, root / "ana" / name)
    (root / "ben").mkdir()
    shutil.copy(ROOT / "exercises" / "01-sourcing.ipynb", root / "ben" / "01-sourcing.ipynb")
    (root / "ben" / "02-attribution.ipynb").write_text(json.dumps(_partly_wrong()))
    (root / "cleo").mkdir()
    (root / "cleo" / "01-sourcing.ipynb").write_text('{"cells": [')  # cut off mid-save
    (root / "dan.ipynb").write_text(
        json.dumps(_anonymous(ROOT / "solutions" / "03-loaded-terms.ipynb"))
    )
    (root / "eve.ipynb").write_text("")  # empty, chapter unknown
    (root / "ana" / ".ipynb_checkpoints").mkdir()
    (root / "ana" / ".ipynb_checkpoints" / "01-sourcing-checkpoint.ipynb").write_text("{}")
    return root


@pytest.fixture(scope="module")
def outputs(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "grades.csv"
    before = {
        p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }
    code = main(["grade", str(folder), "--out", str(out), "--jobs", "2", "--no-progress"])
    after = {
        p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {"code": code, "out": out, "rows": rows, "unchanged": before == after}


def total(rows, student: str, prefix: str) -> float:
    return sum(
        float(r["points"] or 0)
        for r in rows
        if r["student"] == student and r["question"].startswith(prefix)
    )


def test_grading_succeeds_and_leaves_the_submissions_untouched(outputs):
    assert outputs["code"] == 0
    assert outputs["unchanged"]


def test_csv_has_the_promised_columns_and_one_row_per_question(outputs):
    rows = outputs["rows"]
    assert tuple(rows[0]) == CSV_FIELDS
    per_student = {}
    for row in rows:
        per_student.setdefault(row["student"], []).append(row["question"])
    expected_1 = [q.id for q in questions_of(1)]
    assert per_student["ana"] == expected_1 + [q.id for q in questions_of(4)]
    assert per_student["ben"] == expected_1 + [q.id for q in questions_of(2)]
    assert per_student["cleo"] == expected_1
    assert per_student["dan"] == [q.id for q in questions_of(3)]
    assert per_student["eve"] == ["?"]


def test_good_submissions_earn_full_marks(outputs):
    rows = outputs["rows"]
    assert total(rows, "ana", "1.") == _auto_points(1)
    assert total(rows, "ana", "4.") == _auto_points(4)
    assert total(rows, "dan", "3.") == _auto_points(3)


def test_open_questions_are_left_for_the_instructor(outputs):
    open_rows = [r for r in outputs["rows"] if r["student"] == "ana" and r["question"] == "1.6"]
    assert open_rows[0]["points"] == "" and "by hand" in open_rows[0]["message"]
    assert open_rows[0]["max_points"] == str(QUESTIONS["1.6"].points)
    lateral = [r for r in outputs["rows"] if r["student"] == "ana" and r["question"] == "1.11"]
    assert lateral[0]["points"] == "" and lateral[0]["message"] == "to be graded by your teacher"


def test_blank_submission_earns_nothing(outputs):
    ben_1 = [r for r in outputs["rows"] if r["student"] == "ben" and r["question"].startswith("1.")]
    assert all(r["points"] == "0" and "not answered" in r["message"] for r in ben_1)


def test_partly_wrong_submission_gets_partial_credit_and_hints(outputs):
    rows = {r["question"]: r for r in outputs["rows"] if r["student"] == "ben"}
    assert rows["2.3"]["points"] == "0" and "Hint:" in rows["2.3"]["message"]
    assert rows["2.1"]["points"] == "0.29"  # one of seven items right, of 2 points
    assert "1 of 7 right" in rows["2.1"]["message"]
    assert total(outputs["rows"], "ben", "2.") == _auto_points(2) - 1 - 2 + 0.29


def test_broken_submission_costs_only_its_own_rows(outputs):
    rows = [r for r in outputs["rows"] if r["student"] == "cleo"]
    assert all(r["points"] == "0" and "not valid JSON" in r["message"] for r in rows)
    unknown = [r for r in outputs["rows"] if r["student"] == "eve"]
    assert unknown[0]["message"] == "the file is empty"


def test_feedback_file_per_student_says_what_to_revise(outputs):
    folder = outputs["out"].with_name("grades-feedback")
    assert sorted(p.name for p in folder.iterdir()) == [
        "ana.md",
        "ben.md",
        "cleo.md",
        "dan.md",
        "eve.md",
    ]
    ben = (folder / "ben.md").read_text()
    assert "- Question 2.3 (0 of 1 point): not yet. Hint:" in ben
    assert "## Sourcing (01-sourcing.ipynb)" in ben and "## Attribution (" in ben
    # Plain words for a student: no objective ids, no machinery.
    assert not re.search(r"\b(SRC|ATT|LT|NUM|CLM)-\d", ben)
    assert "auto-checked" not in ben and "to revise" not in ben
    assert "Your answer to question 1.6" in (folder / "ana.md").read_text()
    assert "Rubric" not in (folder / "ana.md").read_text()  # rubrics are for the instructor
    assert "not valid JSON" in (folder / "cleo.md").read_text()


def test_summary_lists_totals_and_problems(outputs):
    summary = outputs["out"].with_name("grades-summary.md").read_text()
    assert "7 notebooks from 5 students" in summary
    totals = sum(q.points for c in (1, 4) for q in questions_of(c) if q.counts_toward_total)
    assert f"| ana | {totals:g} | {totals:g} |" in summary  # extensions count in neither
    assert "- cleo (01-sourcing.ipynb): not a notebook" in summary


def test_students_come_from_folders_or_file_names(folder):
    found = [(student, path.name) for student, path in find_submissions(folder)]
    assert ("dan", "dan.ipynb") in found and ("ana", "01-sourcing.ipynb") in found
    assert not any("checkpoint" in name for _, name in found)


def test_chapter_is_recognised_without_metadata_or_telling_name(folder):
    assert chapter_of(read_notebook(folder / "dan.ipynb"), folder / "dan.ipynb") == 3


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="medialit")
    add_grade_command(parser.add_subparsers())
    args = parser.parse_args(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "g.csv")])
    assert args.func(args) == 2
    assert "no such folder of submissions" in capsys.readouterr().err


def test_exercises_check_command_reports_sync(capsys):
    assert main(["exercises", "check"]) == 0
    assert "in sync" in capsys.readouterr().out


# --------------------------------------------------------------------------- awkward folders


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    """Names, copies, links and files that once broke the output files."""
    root = tmp_path_factory.mktemp("awkward")
    solution = ROOT / "solutions" / "01-sourcing.ipynb"

    def put(relative: str, source: Path = solution) -> None:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / relative)

    put("=cmd|'calc'!A0/01-sourcing.ipynb")
    put("Jos\u00e9/01-sourcing.ipynb")
    put("Jose\u0301/02-attribution.ipynb", ROOT / "solutions" / "02-attribution.ipynb")
    for copy in ("01-sourcing.ipynb", "01-sourcing (1).ipynb", "01-sourcing (2).ipynb"):
        put(f"triple/{copy}")
    put("auto/.ipynb_checkpoints/01-sourcing-checkpoint.ipynb")
    put("alice smith/01-sourcing.ipynb")
    put("alice_smith/01-sourcing.ipynb")
    (root / "bom").mkdir()
    (root / "bom" / "01-sourcing.ipynb").write_bytes(b"\xef\xbb\xbf" + solution.read_bytes())
    (root / "linker").mkdir()
    (root / "linker" / "01-sourcing.ipynb").symlink_to(solution)
    out = tmp_path_factory.mktemp("awkward-out") / "grades.csv"
    code = main(["grade", str(root), "--out", str(out), "--jobs", "2", "--no-progress"])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {"code": code, "rows": rows, "out": out}


def test_clashing_names_are_refused_by_name_and_the_command_says_so(awkward, capsys):
    assert awkward["code"] == 1
    refused = [r for r in awkward["rows"] if r["student"] in ("alice smith", "alice_smith")]
    assert len(refused) == 2 and all(r["question"] == "?" for r in refused)
    assert "would share the feedback file alice_smith.md" in refused[0]["message"]


def test_awkward_names_reach_the_csv_as_text_and_one_spelling(awkward):
    students = {r["student"] for r in awkward["rows"]}
    assert "'=cmd|'calc'!A0" in students
    assert {"José", "triple", "auto", "bom", "linker"} <= students
    jose = [r["question"] for r in awkward["rows"] if r["student"] == "José"]
    assert jose == [q.id for q in questions_of(1)] + [q.id for q in questions_of(2)]


def test_copies_checkpoints_links_and_byte_order_marks(awkward):
    def rows(student):
        return [r for r in awkward["rows"] if r["student"] == student]

    triple = rows("triple")
    assert total(awkward["rows"], "triple", "1.") == _auto_points(1)
    assert [r["message"][:40] for r in triple if r["question"] == "?"] == [
        "another notebook for chapter 1 (01-sourc"
    ] * 2
    assert rows("auto")[0]["message"].startswith("only an autosave copy in .ipynb_checkpoints")
    assert "a symbolic link (to " in rows("linker")[0]["message"]
    assert total(awkward["rows"], "bom", "1.") == _auto_points(1)


def test_one_feedback_file_per_distinct_student_and_the_summary_lists_what_was_not_graded(
    awkward,
):
    folder = awkward["out"].with_name("grades-feedback")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["José.md", "auto.md", "bom.md", "cmd_calc_A0.md", "linker.md", "triple.md"]
    summary = awkward["out"].with_name("grades-summary.md").read_text(encoding="utf-8")
    assert "6 files were not graded:" in summary
    assert "| =cmd\\|'calc'!A0 |" in summary
