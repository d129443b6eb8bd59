"""The unit-test report: did the unit work? Item statistics and pre/post change per skill.

``medialit report GRADES.csv`` reads the grades of the two unit-test forms (``medialit grade``
writes them) and writes a Markdown report with a chart:

* per item of each form and administration: **difficulty** (the mean share of the item's
  points students earned, 0 to 1) and **discrimination**, the point-biserial correlation of
  the item's score with the rest of the test (total minus the item, so the item does not
  correlate with itself). Conventional flags: difficulty below 0.2 or above 0.9;
  discrimination below 0.2 (weak) or below 0 (check the key);
* per skill: the mean score before and after the unit, for the students who took both, the
  change in percentage points and the normalised gain (post − pre) / (100 − pre).

With fewer than five students (a tutor's pair, a pilot with one volunteer) class statistics say
nothing: the "mean" of one student is that student's score, and an item one student got right
is not an easy item. The report then says so in plain words and lists each student's scores per
skill and per item instead, with no difficulty, discrimination, flags, gain or chart.

Which administration was "pre" comes from the forms (form A before, form B after, unless
``--pre-form B``) or from two files (``--pre PRE.csv --post POST.csv``), which suits a class
that took the forms counterbalanced (half A then B, half B then A).

Examples
--------
>>> point_biserial([1, 0, 1, 1, 0], [9, 4, 8, 7, 5])
0.924
>>> point_biserial([1, 1, 1], [3, 4, 5]) is None
True
>>> round(normalised_gain(40.0, 70.0), 3)
0.5
"""

from __future__ import annotations

import csv
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from medialit.exercises.bank import QUESTIONS, forms, question_order
from medialit.schema import SKILL_LABELS, SKILLS

REQUIRED = ("student", "question", "points", "max_points")
EASY, HARD, WEAK = 0.9, 0.2, 0.2
# Below this many students, a mean, a difficulty or a correlation describes the students, not
# the unit or the item: the report lists their scores instead (a point-biserial of four students
# has a standard error near 0.6, wider than the whole scale of the flags).
FEW_STUDENTS = 5


class ReportError(ValueError):
    """The grades cannot be read as unit-test results; the message names the file and field."""


@dataclass(frozen=True)
class Sitting:
    """One student's answers to one form, before or after the unit."""

    student: str
    form: str
    phase: str  # "pre" or "post"
    scores: dict[str, tuple[float, float]]  # question -> (points, max_points)

    @property
    def total(self) -> float:
        return sum(points for points, _ in self.scores.values())


@dataclass(frozen=True)
class ItemStats:
    """Difficulty and discrimination of one item in one administration."""

    question: str
    form: str
    phase: str
    n: int
    difficulty: float
    discrimination: float | None

    @property
    def flags(self) -> list[str]:
        found = []
        if self.difficulty > EASY:
            found.append("easy")
        if self.difficulty < HARD:
            found.append("hard")
        if self.discrimination is None:
            found.append("no spread")
        elif self.discrimination < 0:
            found.append("negative: check the key")
        elif self.discrimination < WEAK:
            found.append("weak")
        return found


@dataclass(frozen=True)
class SkillChange:
    """Mean score on one skill before and after the unit, for students who took both."""

    skill: str
    n: int
    pre: float  # percent
    post: float  # percent

    @property
    def change(self) -> float:
        return self.post - self.pre

    @property
    def gain(self) -> float | None:
        return normalised_gain(self.pre, self.post)


# =========================================================================== statistics


def point_biserial(item: Sequence[float], rest: Sequence[float]) -> float | None:
    """Pearson correlation of item scores with rest-of-test scores (None without spread)."""
    if len(item) < 3 or len(set(item)) < 2 or len(set(rest)) < 2:
        return None
    return round(statistics.correlation(list(item), list(rest)), 3)


def normalised_gain(pre: float, post: float) -> float | None:
    """Hake's normalised gain: the share of the possible improvement that was realised."""
    return None if pre >= 100 else (post - pre) / (100 - pre)


def item_stats(sittings: Sequence[Sitting]) -> list[ItemStats]:
    """Difficulty and discrimination of every item, per form and administration."""
    groups: dict[tuple[str, str], list[Sitting]] = defaultdict(list)
    for sitting in sittings:
        groups[(sitting.form, sitting.phase)].append(sitting)
    stats = []
    for (form, phase), group in sorted(groups.items()):
        questions = sorted({q for s in group for q in s.scores}, key=question_order)
        for qid in questions:
            shares, rests = [], []
            for sitting in group:
                points, top = sitting.scores.get(qid, (0.0, float(QUESTIONS[qid].points)))
                shares.append(points / top if top else 0.0)
                rests.append(sitting.total - points)
            stats.append(
                ItemStats(
                    qid,
                    form,
                    phase,
                    len(group),
                    round(statistics.fmean(shares), 3),
                    point_biserial(shares, rests),
                )
            )
    return stats


def skill_changes(sittings: Sequence[Sitting]) -> list[SkillChange]:
    """Per skill, the mean percentage before and after, over students who sat both tests."""
    by_student: dict[str, dict[str, Sitting]] = defaultdict(dict)
    for sitting in sittings:
        by_student[sitting.student][sitting.phase] = sitting
    paired = [s for s in by_student.values() if {"pre", "post"} <= set(s)]
    changes = []
    for skill in SKILLS:
        pre, post = [], []
        for student in paired:
            pre_share = _skill_share(student["pre"], skill)
            post_share = _skill_share(student["post"], skill)
            if pre_share is not None and post_share is not None:
                pre.append(pre_share)
                post.append(post_share)
        if pre:
            changes.append(
                SkillChange(skill, len(pre), statistics.fmean(pre), statistics.fmean(post))
            )
    return changes


def _skill_share(sitting: Sitting, skill: str) -> float | None:
    pairs = [v for q, v in sitting.scores.items() if QUESTIONS[q].skill == skill]
    top = sum(t for _, t in pairs)
    return 100 * sum(p for p, _ in pairs) / top if top else None


# =========================================================================== reading grades


def read_sittings(
    paths: Iterable[Path], pre_form: str = "A", phase: str | None = None
) -> list[Sitting]:
    """The unit-test sittings in grades CSVs (other notebooks' rows are skipped).

    ``phase`` forces every sitting of these files to "pre" or "post"; otherwise the form
    decides (``pre_form`` before, the other form after).
    """
    form_of = {nb.number: form for form, nb in forms().items()}
    if pre_form not in form_of.values():
        raise ReportError(f"--pre-form must be one of {sorted(form_of.values())}")
    found: dict[tuple[str, str], dict[str, tuple[float, float]]] = defaultdict(dict)
    for path in paths:
        for row in _rows(Path(path)):
            qid = row["question"]
            question = QUESTIONS.get(qid)
            if question is None or question.chapter not in form_of:
                continue
            form = form_of[question.chapter]
            found[(row["student"], form)][qid] = (
                _float(row, "points", path),
                _float(row, "max_points", path),
            )
    sittings = []
    for (student, form), scores in sorted(found.items()):
        when = phase or ("pre" if form == pre_form else "post")
        sittings.append(Sitting(student, form, when, scores))
    return sittings


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [f for f in REQUIRED if f not in (reader.fieldnames or [])]
            if missing:
                raise ReportError(f"{path}: not a grades file: no column {', '.join(missing)}")
            return list(reader)
    except FileNotFoundError:
        raise ReportError(f"{path}: no such grades file") from None
    except UnicodeDecodeError:
        raise ReportError(f"{path}: not a text file") from None


def _float(row: dict[str, str], name: str, path: Path) -> float:
    value = row.get(name) or "0"
    try:
        number = float(value)
    except ValueError:
        raise ReportError(
            f"{path}: student {row.get('student')!r}, question {row.get('question')!r}: "
            f"field {name!r} is not a number ({value!r})"
        ) from None
    if not math.isfinite(number):
        raise ReportError(f"{path}: field {name!r} is not finite for {row.get('question')!r}")
    return number


# =========================================================================== writing


def report_text(sittings: Sequence[Sitting], chart_name: str | None, alt: str) -> str:
    """The Markdown report (``chart_name`` None: too few students for a chart)."""
    students = len({s.student for s in sittings})
    pre = sum(s.phase == "pre" for s in sittings)
    post = sum(s.phase == "post" for s in sittings)
    lines = [
        "# Unit test report",
        "",
        f"{_count(pre, 'test')} before the unit and {post} after, "
        f"from {_count(students, 'student')}.",
        "",
    ]
    if students < FEW_STUDENTS:
        lines += [
            f"**Too few students for a class comparison.** With {_count(students, 'student')}, "
            "an average is just their own scores, and whether a question was easy or hard, or "
            "told stronger students from weaker ones, cannot be judged. This report lists each "
            f"student's scores instead. Class figures appear from {FEW_STUDENTS} students; "
            "they become dependable with a whole class (20 or more).",
            "",
        ]
    lines += _skill_section(sittings, chart_name, alt)
    lines += _item_section(sittings)
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _skill_section(sittings: Sequence[Sitting], chart_name: str | None, alt: str) -> list[str]:
    lines = ["## Before and after, per skill", ""]
    changes = skill_changes(sittings)
    if changes and changes[0].n < FEW_STUDENTS:
        lines += [
            f"{_count(changes[0].n, 'student')} took both tests, too few for a class average "
            "or a chart. Each student's score per skill:",
            "",
            "| student | skill | before | after |",
            "| --- | --- | --- | --- |",
        ]
        for student in sorted({s.student for s in sittings}):
            mine = {s.phase: s for s in sittings if s.student == student}
            for skill in SKILLS:
                cells = [_skill_cell(mine.get(phase), skill) for phase in ("pre", "post")]
                if any(cells):
                    lines.append(
                        f"| {student} | {SKILL_LABELS[skill]} | "
                        f"{cells[0] or 'not taken'} | {cells[1] or 'not taken'} |"
                    )
        return [*lines, ""]
    if chart_name:
        lines += [f"![{alt}]({chart_name})", ""]
    lines += [
        "| skill | students | before | after | change | normalised gain |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in changes:
        gain = "–" if c.gain is None else f"{c.gain:.2f}"
        lines.append(
            f"| {SKILL_LABELS[c.skill]} | {c.n} | {c.pre:.0f}% | {c.post:.0f}% | "
            f"{c.change:+.0f} points | {gain} |"
        )
    if not changes:
        lines.append("| (no student took both tests) | | | | | |")
    return [*lines, ""]


def _skill_cell(sitting: Sitting | None, skill: str) -> str:
    if sitting is None:
        return ""
    pairs = [v for q, v in sitting.scores.items() if QUESTIONS[q].skill == skill]
    if not pairs:
        return ""
    got, top = sum(p for p, _ in pairs), sum(t for _, t in pairs)
    return f"{got:g} of {top:g} points"


def _item_section(sittings: Sequence[Sitting]) -> list[str]:
    groups: dict[tuple[str, str], list[Sitting]] = defaultdict(list)
    for sitting in sittings:
        groups[(sitting.form, sitting.phase)].append(sitting)
    large = [s for s in sittings if len(groups[(s.form, s.phase)]) >= FEW_STUDENTS]
    lines = ["## Items", ""]
    if large:
        lines += [
            "Difficulty is the mean share of the item's points earned (1 = everyone right). "
            "Discrimination is the point-biserial correlation of the item with the rest of the "
            f"test. Flags: easy (> {EASY}), hard (< {HARD}), weak (< {WEAK}), negative (check "
            "the key).",
            "",
            "| form | sitting | item | skill | objective | n | difficulty | discrimination "
            "| flags |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for s in item_stats(large):
            q = QUESTIONS[s.question]
            r = "–" if s.discrimination is None else f"{s.discrimination:.2f}"
            lines.append(
                f"| {s.form} | {s.phase} | {s.question} | {SKILL_LABELS[q.skill]} | "
                f"{q.objective} | {s.n} | {s.difficulty:.2f} | {r} | {', '.join(s.flags)} |"
            )
        lines.append("")
    for (form, phase), group in sorted(groups.items()):
        if len(group) < FEW_STUDENTS:
            lines += _few_items(form, phase, group)
    return lines


def _few_items(form: str, phase: str, group: Sequence[Sitting]) -> list[str]:
    """Each student's points per item, for an administration too small for item statistics."""
    when = "before" if phase == "pre" else "after"
    names = [s.student for s in group]
    lines = [
        f"Form {form}, {when} the unit: {_count(len(group), 'student')}, too few for item "
        "statistics. Points per question:",
        "",
        "| question | skill | objective | " + " | ".join(names) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in names) + " |",
    ]
    questions = sorted({q for s in group for q in s.scores}, key=question_order)
    for qid in questions:
        q = QUESTIONS[qid]
        cells = []
        for sitting in group:
            points, top = sitting.scores.get(qid, (0.0, float(q.points)))
            cells.append(f"{points:g} of {top:g}")
        lines.append(
            f"| {qid} | {SKILL_LABELS[q.skill]} | {q.objective} | " + " | ".join(cells) + " |"
        )
    return [*lines, ""]


def write_report(
    grades: Sequence[Path],
    out: Path,
    pre_form: str = "A",
    pre: Sequence[Path] = (),
    post: Sequence[Path] = (),
) -> Path:
    """Read the grades, write the report and its chart (``out`` with ``.png``); return ``out``.

    With fewer than :data:`FEW_STUDENTS` students who took both forms, no chart is drawn.
    """
    from medialit.charts import alt_text, pre_post_chart, to_png

    sittings = read_sittings(grades, pre_form) if grades else []
    sittings += read_sittings(pre, pre_form, phase="pre") + read_sittings(post, pre_form, "post")
    if not sittings:
        raise ReportError("no unit-test answers (forms A and B) in these grades")
    out = Path(out)
    changes = skill_changes(sittings)
    if changes and changes[0].n < FEW_STUDENTS:
        out.write_text(report_text(sittings, None, ""), encoding="utf-8")
        return out
    chart = out.with_suffix(".png")
    figure = pre_post_chart([(SKILL_LABELS[c.skill], c.pre, c.post, c.n) for c in changes])
    chart.write_bytes(to_png(figure))
    out.write_text(report_text(sittings, chart.name, alt_text(figure)), encoding="utf-8")
    return out
