"""``medialit report``: item statistics and pre/post change, on a synthetic class and by hand.

The synthetic class (``synthetic_class.py``) is generated from known per-skill gains with a
Rasch model, graded by ``medialit grade`` and reported; the report must find what made the data.
The small cases are computed by hand.
"""

from __future__ import annotations

import csv
import re
import statistics

import pytest
from synthetic_class import GAINS, make_class

from medialit.cli import main
from medialit.exercises.bank import QUESTIONS, forms, questions_of
from medialit.exercises.report import (
    ReportError,
    item_stats,
    read_sittings,
    skill_changes,
    write_report,
)

A, B = forms()["A"], forms()["B"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    make_class(folder / "submissions", students=30, seed=2024)
    grades = folder / "grades.csv"
    code = main(
        ["grade", str(folder / "submissions"), "--out", str(grades), "--jobs", "2", "--no-progress"]
    )
    assert code == 0
    return folder, grades


def test_the_report_finds_the_gains_that_made_the_data(synthetic):
    _, grades = synthetic
    changes = {c.skill: c for c in skill_changes(read_sittings([grades]))}
    assert set(changes) == set(GAINS)
    assert all(c.n == 30 and c.post > c.pre for c in changes.values())
    biggest = max(GAINS, key=GAINS.get)
    assert max(changes.values(), key=lambda c: c.change).skill == biggest


def test_items_discriminate_on_average_in_a_class_generated_from_ability(synthetic):
    _, grades = synthetic
    stats = item_stats(read_sittings([grades]))
    assert len(stats) == len(questions_of(A.number)) + len(questions_of(B.number))
    values = [s.discrimination for s in stats if s.discrimination is not None]
    assert statistics.fmean(values) > 0.15
    assert all(0 <= s.difficulty <= 1 for s in stats)


def test_grade_writes_the_report_and_its_chart_with_alt_text(synthetic):
    folder, _ = synthetic
    report = folder / "grades-report.md"
    text = report.read_text(encoding="utf-8")
    alt, png = re.search(r"!\[(.*?)\]\((.*?)\)", text).groups()
    assert (folder / png).read_bytes().startswith(b"\x89PNG")
    assert all(label in alt for label in ("sourcing", "numeric verification", "before", "after"))
    assert "| A | pre | 7.1 | sourcing | SRC-1 | 30 |" in text
    assert "see grades-report.md" in (folder / "grades-summary.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- by hand


def _grades(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "question", "points", "max_points", "message"])
        writer.writerows(rows)
    return path


def _sitting_rows(student, form, right):
    """All items of a form, the first ``right`` of them right (points as the grader writes)."""
    nb = forms()[form]
    return [
        [student, q.id, q.points if i < right else 0, q.points, ""]
        for i, q in enumerate(questions_of(nb.number))
    ]


def test_difficulty_and_change_computed_by_hand(tmp_path):
    rows = _sitting_rows("ana", "A", 4) + _sitting_rows("ana", "B", 8)
    rows += _sitting_rows("ben", "A", 0) + _sitting_rows("ben", "B", 4)
    rows += _sitting_rows("cy", "A", 8)  # no post test: out of the pre/post comparison
    sittings = read_sittings([_grades(tmp_path / "g.csv", rows)])
    first = next(s for s in item_stats(sittings) if s.question == f"{A.number}.1")
    assert (first.n, first.difficulty) == (3, round(2 / 3, 3))  # ana and cy, not ben
    sourcing = {c.skill: c for c in skill_changes(sittings)}["sourcing"]
    # The first four items are sourcing (one point each): ana 4/4 -> 4/4, ben 0/4 -> 4/4.
    assert (sourcing.n, sourcing.pre, sourcing.post) == (2, 50.0, 100.0)
    assert sourcing.gain == 1.0


def test_forms_given_counterbalanced_take_pre_and_post_files(tmp_path):
    pre = _grades(tmp_path / "pre.csv", _sitting_rows("ana", "B", 0) + _sitting_rows("ben", "A", 0))
    post = _grades(
        tmp_path / "post.csv", _sitting_rows("ana", "A", 4) + _sitting_rows("ben", "B", 4)
    )
    out = write_report([], tmp_path / "r.md", pre=[pre], post=[post])
    assert "| sourcing | 2 | 0% | 100% | +100 points | 1.00 |" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such grades file"),
        ("name,score\nana,3\n", "not a grades file: no column student, question, points"),
        (
            "student,question,points,max_points\nana,7.1,lots,1\n",
            "student 'ana', question '7.1': field 'points' is not a number",
        ),
        ("student,question,points,max_points\nana,1.1,1,1\n", "no unit-test answers"),
    ],
)
def test_bad_grades_get_a_clear_message_and_exit_status_2(tmp_path, capsys, content, message):
    path = tmp_path / "grades.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["report", str(path), "--out", str(tmp_path / "r.md")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


def test_an_unknown_pre_form_is_refused():
    with pytest.raises(ReportError, match="--pre-form"):
        read_sittings([], pre_form="C")


def test_every_unit_test_item_belongs_to_a_skill_the_report_shows():
    skills = {q.skill for q in QUESTIONS.values() if q.chapter in (A.number, B.number)}
    assert skills == set(GAINS)
