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
from synthetic_class import GAINS, make_class, scored_class

from medialit.cli import main
from medialit.exercises.bank import QUESTIONS, forms, questions_of
from medialit.exercises.report import (
    FEW_STUDENTS,
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


def test_every_item_of_the_graded_class_gets_statistics(synthetic):
    _, grades = synthetic
    stats = item_stats(read_sittings([grades]))
    assert len(stats) == len(questions_of(A.number)) + len(questions_of(B.number))
    assert all(0 <= s.difficulty <= 1 for s in stats)
    # Thirty students: the mean discrimination moves by about 0.07 from one class to the next
    # (measured over seeds), so here only its sign is checked; its size is checked below.
    values = [s.discrimination for s in stats if s.discrimination is not None]
    assert statistics.fmean(values) > 0


def test_items_discriminate_on_average_in_a_class_generated_from_ability():
    # 200 students scored as the grader scores them (no notebooks, so it is fast): over seeds
    # 0-9 and 2024 the mean discrimination ranged 0.22-0.29, well clear of the threshold.
    stats = item_stats(scored_class(200, seed=2024))
    values = [s.discrimination for s in stats if s.discrimination is not None]
    assert len(values) == len(stats)
    assert statistics.fmean(values) > 0.15


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
    names = [f"s{i}" for i in range(FEW_STUDENTS)]
    first, then = {n: "AB"[i % 2] for i, n in enumerate(names)}, {"A": "B", "B": "A"}
    pre = _grades(tmp_path / "pre.csv", [r for n in names for r in _sitting_rows(n, first[n], 0)])
    post = _grades(
        tmp_path / "post.csv", [r for n in names for r in _sitting_rows(n, then[first[n]], 4)]
    )
    out = write_report([], tmp_path / "r.md", pre=[pre], post=[post])
    row = f"| sourcing | {FEW_STUDENTS} | 0% | 100% | +100 points | 1.00 |"
    assert row in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- too few students


@pytest.mark.parametrize("students", [1, 2, FEW_STUDENTS - 1])
def test_too_few_students_get_their_own_scores_not_class_statistics(tmp_path, capsys, students):
    rows = []
    for i in range(students):
        rows += _sitting_rows(f"s{i}", "A", 2 + i) + _sitting_rows(f"s{i}", "B", 6 + i)
    grades = _grades(tmp_path / "g.csv", rows)
    assert main(["report", str(grades), "--out", str(tmp_path / "r.md")]) == 0
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Too few students for a class comparison" in text
    # Nothing that reads as a statement about the class or the items:
    for statistic in ("normalised gain", "| difficulty |", "discrimination |", "no spread", "!["):
        assert statistic not in text
    assert not (tmp_path / "r.png").exists()
    assert "no chart: too few students" in capsys.readouterr().out
    # Each student's own scores instead: s0 had the 2 first items right before, 6 after.
    assert "| s0 | sourcing | 2 of 4 points | 4 of 4 points |" in text
    assert f"| {A.number}.2 | sourcing | SRC-2 | 1 of 1 |" in text
    assert f"Form A, before the unit: {students} student" in text


def test_grading_two_students_says_in_the_summary_that_they_are_too_few(tmp_path):
    make_class(tmp_path / "submissions", students=2, seed=7)
    grades = tmp_path / "grades.csv"
    argv = ["grade", str(tmp_path / "submissions"), "--out", str(grades), "--no-progress"]
    assert main([*argv, "--jobs", "2"]) == 0
    summary = (tmp_path / "grades-summary.md").read_text(encoding="utf-8")
    assert "graded for only 2 students, too few to compare a class" in summary
    # Questions in the order of the notebooks, form A's twenty before form B's.
    order = re.findall(r"^\| (\d+\.\d+) \|", summary, flags=re.MULTILINE)
    assert order[:3] == [f"{A.number}.1", f"{A.number}.2", f"{A.number}.3"]
    assert order.index(f"{A.number}.10") < order.index(f"{B.number}.1")
    report = (tmp_path / "grades-report.md").read_text(encoding="utf-8")
    assert "Too few students for a class comparison" in report
    assert not (tmp_path / "grades-report.png").exists()


def test_a_class_of_five_gets_the_statistics_and_the_chart(tmp_path):
    rows = []
    for i in range(FEW_STUDENTS):
        rows += _sitting_rows(f"s{i}", "A", 2 + i) + _sitting_rows(f"s{i}", "B", 6 + i)
    out = write_report([_grades(tmp_path / "g.csv", rows)], tmp_path / "r.md")
    text = out.read_text(encoding="utf-8")
    assert "Too few" not in text and "too few" not in text
    assert "normalised gain" in text and "discrimination" in text
    assert (tmp_path / "r.png").read_bytes().startswith(b"\x89PNG")


def test_a_small_post_test_is_listed_per_student_beside_a_full_pre_test(tmp_path):
    # Eight took the pre-test, two the post-test: items of the pre-test get statistics, the
    # post-test's are listed per student, and the comparison (two pairs) is per student.
    rows = [r for i in range(8) for r in _sitting_rows(f"s{i}", "A", i)]
    rows += _sitting_rows("s0", "B", 10) + _sitting_rows("s1", "B", 12)
    text = write_report([_grades(tmp_path / "g.csv", rows)], tmp_path / "r.md").read_text(
        encoding="utf-8"
    )
    assert f"| A | pre | {A.number}.1 | sourcing | SRC-1 | 8 |" in text
    assert "Form B, after the unit: 2 students, too few for item statistics" in text
    assert "2 students took both tests, too few for a class average" in text
    assert "| s7 | sourcing | 4 of 4 points | not taken |" in text


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
