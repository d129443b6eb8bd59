"""The unit plan: every lesson fits its period, cites objectives the bank tests, and has a page
with every part a teacher needs; bad plans are refused with the lesson and field named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import BOOK_DIR
from test_book_build import toc_pages

from medialit.corpus import load_references
from medialit.exercises.bank import QUESTIONS
from medialit.exercises.objectives import OBJECTIVES
from medialit.lessons import (
    LessonPlanError,
    claim_cards,
    lessons_path,
    load_unit,
    objectives_markdown,
    other_verdicts,
    verdict_definitions_markdown,
)

LESSON_DIR = BOOK_DIR / "lessons"
# An id-like token: two to four capitals, a hyphen, digits (objectives SRC-1, ledger DT-08).
ID_TOKEN = re.compile(r"\b[A-Z]{2,4}-\d+\b")
NOT_IDS = {"UTF-8"}  # tokens of that shape that are not ids
REQUIRED_SECTIONS = (
    "Objectives",
    "Materials",
    "Plan",
    "Discussion prompts",
    "Misconceptions",
    "Exit ticket",
    "Differentiation",
)
TESTED = {q.objective for q in QUESTIONS.values()}


@pytest.fixture(scope="module")
def unit():
    return load_unit()


def _page(lesson) -> str:
    return (BOOK_DIR / f"{lesson.page}.md").read_text(encoding="utf-8")


def _sections(source: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", source, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


# --------------------------------------------------------------------------- the plan itself


def test_unit_has_ten_to_twelve_lessons_that_fit_their_period(unit):
    assert 10 <= len(unit.lessons) <= 12
    for lesson in unit.lessons:
        assert lesson.minutes == unit.minutes_per_lesson, lesson.title
        assert lesson.plan[0].kind == "setup" and lesson.plan[0].minutes >= 3
        assert lesson.plan[-1].kind == "exit"
        # The steps tile the lesson: each starts when the last ended.
        assert [s.start for s in lesson.plan] == [0] + [s.end for s in lesson.plan[:-1]]
    assert unit.minutes == 600  # pinned: twelve lessons of 50 minutes


def test_pre_test_and_post_test_sit_at_the_two_ends(unit):
    tests = [(lesson.number, lesson.unit_test) for lesson in unit.lessons if lesson.unit_test]
    assert tests == [(1, "A"), (12, "B")]
    assert unit.lesson(1).exercise == "07-unit-test-form-a"
    assert unit.lesson(12).exercise == "08-unit-test-form-b"
    short = unit.short_path
    assert 3 <= len(short) <= 4
    assert short[0].unit_test == "A" and short[-1].unit_test == "B"
    assert all(s.minutes == unit.minutes_per_lesson for s in short)


def test_every_objective_of_the_bank_is_taught_and_every_cited_one_is_tested(unit):
    cited = {o for lesson in (*unit.lessons, *unit.short_path) for o in lesson.objectives}
    assert cited <= set(OBJECTIVES)
    assert cited <= TESTED
    taught = {o for lesson in unit.lessons for o in lesson.objectives}
    assert taught == set(OBJECTIVES)


def test_every_objective_id_on_a_lesson_page_exists_in_the_question_bank():
    """Any id-like token on the lesson pages (and on the pages that print objectives) that is
    not a ledger id must be an objective that a question of the bank tests."""
    ledger = set(load_references().entries)
    pages = [
        *LESSON_DIR.glob("*.md"),
        BOOK_DIR / "prebunking.md",
        BOOK_DIR / "numbers-and-charts.md",
    ]
    seen = set()
    for page in pages:
        for token in ID_TOKEN.findall(page.read_text(encoding="utf-8")):
            if token in ledger or token in NOT_IDS:
                continue
            assert token in OBJECTIVES, f"{page.name}: {token} is not an objective of the bank"
            assert token in TESTED, f"{page.name}: no question of the bank tests {token}"
            seen.add(token)
    assert seen, "no page names an objective id: the pattern or the pages changed"


def test_objectives_print_the_banks_words():
    assert objectives_markdown(["NUM-4"]) == f"- **NUM-4** {OBJECTIVES['NUM-4'].text}"


# --------------------------------------------------------------------------- the pages


def test_every_lesson_has_a_page_in_the_table_of_contents(unit):
    toc = set(toc_pages())
    assert "lessons/unit" in toc
    for lesson in unit.lessons:
        assert lesson.page in toc, lesson.page
    on_disk = {f"lessons/{p.stem}" for p in LESSON_DIR.glob("*.md")}
    assert on_disk == {lesson.page for lesson in unit.lessons} | {"lessons/unit"}


@pytest.mark.parametrize("number", range(1, 13))
def test_lesson_page_has_every_part_a_teacher_needs(unit, number):
    lesson = unit.lesson(number)
    source = _page(lesson)
    front = yaml.safe_load(source.split("---")[1])
    assert front == {"handout": "lesson-plan"}  # the handout script prints marked pages
    assert f"\n# Lesson {number}. {lesson.title}\n" in source
    sections = _sections(source)
    missing = [s for s in REQUIRED_SECTIONS if s not in sections]
    assert not missing, f"lesson {number} lacks {missing}"
    assert f"```{{lesson-objectives}} {number}\n" in sections["Objectives"]
    assert f"```{{lesson-materials}} {number}\n" in sections["Materials"]
    assert f"```{{lesson-timing}} {number}\n" in sections["Plan"]
    prompts = sections["Discussion prompts"]
    assert len(re.findall(r"^\d+\. \*\*", prompts, re.M)) >= 3
    assert prompts.count("*Model answer:*") == len(re.findall(r"^\d+\. \*\*", prompts, re.M))
    assert len(re.findall(r"^- \*\*", sections["Misconceptions"], re.M)) >= 3
    assert "**Key.**" in sections["Exit ticket"]
    assert "**Support.**" in sections["Differentiation"]
    assert "**Extension.**" in sections["Differentiation"]
    assert "English learners" in sections["Differentiation"]


def test_lesson_pages_link_only_to_pages_that_exist():
    for page in LESSON_DIR.glob("*.md"):
        for target in re.findall(r"\]\((\.\./[^)#]+\.md)", page.read_text(encoding="utf-8")):
            assert (LESSON_DIR / target).resolve().is_file(), f"{page.name}: {target}"


# --------------------------------------------------------------------------- bad plans


def _plan_with(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(lessons_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "lessons.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _move_minutes(plan: list[dict], source: int, target: int | None, minutes: int) -> None:
    """Take minutes from one step of a plan and give them to another (or to nobody)."""
    plan[source]["minutes"] -= minutes
    if target is not None:
        plan[target]["minutes"] += minutes


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["lessons"][1]["objectives"].append("SRC-9"),
            r"lessons\[1\] \(lesson 2\): field 'objectives': 'SRC-9' is not an objective",
        ),
        (
            lambda d: d["lessons"][2]["plan"][2].update(minutes=40),
            r"lessons\[2\] \(lesson 3\): field 'plan': 82 minutes; the period is 50",
        ),
        (
            # Five minutes short is five minutes the teacher has no plan for.
            lambda d: _move_minutes(d["lessons"][2]["plan"], 2, None, 5),
            r"lessons\[2\] \(lesson 3\): field 'plan': 45 minutes; the period is 50",
        ),
        (
            lambda d: d["lessons"][3]["plan"].pop(0),
            r"lessons\[3\] \(lesson 4\): field 'plan': the first step is set-up",
        ),
        (
            lambda d: d["lessons"][4]["plan"][-1].update(kind="discussion"),
            r"lessons\[4\] \(lesson 5\): field 'plan': the last step is the exit ticket",
        ),
        (
            lambda d: d["lessons"][5]["plan"][1].update(kind="lecture"),
            r"lesson 6\): plan\[1\]: field 'kind': 'lecture'",
        ),
        (
            lambda d: d["lessons"][6].update(exercise="09-missing"),
            r"lesson 7\): field 'exercise': no notebook 09-missing.ipynb",
        ),
        (lambda d: d["lessons"][7].pop("slug"), r"lessons\[7\]: field 'slug' missing"),
        (lambda d: d["lessons"][8].update(colour="red"), r"field 'colour' unknown"),
        (
            lambda d: d["lessons"][11].pop("unit_test"),
            r"lessons: the pre-test \(form A\) opens it and the post-test \(form B\) closes it",
        ),
        (
            lambda d: d["lessons"][5].update(unit_test="A"),
            r"lessons: the unit test is given only at the two ends",
        ),
        (lambda d: d["short_path"].pop(1) and d["short_path"].pop(1), r"3 or 4 sessions"),
        (
            # Twenty questions on three texts in a notebook do not fit in twenty minutes.
            # (the ten minutes go to the next activity, so the lesson still fills its period)
            lambda d: _move_minutes(d["lessons"][0]["plan"], 1, 3, 10),
            r"lessons \(1\): field 'plan': 20 minutes for the unit test; give it 30 or more",
        ),
        (
            lambda d: _move_minutes(d["short_path"][-1]["plan"], 2, 1, 10),
            r"short_path \(4\): field 'plan': 20 minutes for the unit test",
        ),
        (
            lambda d: (
                d["lessons"][10].update(objectives=[])
                or d["lessons"][9].update(objectives=["CAP-1", "CAP-3"])
            ),
            r"lessons: no lesson teaches CAP-2",
        ),
    ],
)
def test_a_plan_that_would_not_work_is_refused_with_lesson_and_field(tmp_path, change, message):
    path = _plan_with(tmp_path, change)
    before = path.read_bytes()
    with pytest.raises(LessonPlanError, match=message):
        load_unit(path)
    assert path.read_bytes() == before


def test_an_objective_no_question_tests_is_refused(tmp_path):
    path = _plan_with(tmp_path, lambda d: None)
    with pytest.raises(LessonPlanError, match="no question of the bank tests SRC-1"):
        load_unit(path, tested=TESTED - {"SRC-1"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lessons: [unclosed", r"lessons\.yaml: malformed YAML at line 1, column 19"),
        ("lessons: []\nlessons: []\n", r"lessons\.yaml: top level: field 'lessons': given twice"),
    ],
    ids=["malformed", "key-twice"],
)
def test_an_unreadable_plan_is_named(tmp_path, text, message):
    path = tmp_path / "lessons.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonPlanError, match=message):
        load_unit(path)


# --------------------------------------------------------------------------- claim cards


def test_a_card_a_group_could_defend_otherwise_says_so_in_its_key():
    """Card 2: "OSF has operated in Kazakhstan since 1995" is imprecise over a name variant, and
    SO-01 dates the foundation to 1995, so a group that defends "supported" is right too."""
    (osf,) = [c for c in claim_cards() if c.quote == "Open Society Foundation"]
    assert osf.verdict == "imprecise"
    assert [o.verdict for o in osf.also] == ["supported"] and "SO-01" in osf.also[0].why
    others = [c for c in claim_cards() if c.quote != osf.quote]
    assert all(not c.also for c in others)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"article": "001", "quote": "x", "verdict": "true", "why": "."}, "'true' is not"),
        ({"article": "001", "quote": "x", "verdict": "supported"}, "needs exactly"),
    ],
)
def test_a_malformed_other_verdict_is_named(tmp_path, entry, message):
    path = tmp_path / "lessons.yaml"
    path.write_text(yaml.safe_dump({"claim_cards": {"also_defensible": [entry]}}), encoding="utf-8")
    with pytest.raises(
        LessonPlanError, match=rf"lessons\.yaml: claim_cards\.also_defensible\[0\]: {message}"
    ):
        other_verdicts(path)


def test_verdict_definitions_are_the_schemas_word_for_word():
    from medialit.schema import VERDICT_DEFINITIONS

    lines = verdict_definitions_markdown().splitlines()
    assert len(lines) == len(VERDICT_DEFINITIONS)
    for line, (verdict, definition) in zip(lines, VERDICT_DEFINITIONS.items(), strict=True):
        assert line[:-1] == f"- **{verdict}**: {definition}"
    with pytest.raises(LessonPlanError, match="no verdict 'false'"):
        verdict_definitions_markdown(["false"])


def test_claim_cards_spread_over_verdicts_and_articles_and_cite_the_ledger():
    cards = claim_cards()
    ledger = load_references().entries
    assert len(cards) == 8
    assert sorted({c.verdict for c in cards}) == [
        "contradicted",
        "imprecise",
        "unsupported",
        "unverified",
    ]
    for verdict in {c.verdict for c in cards}:
        assert len({c.article_id for c in cards if c.verdict == verdict}) == 2
    assert all(c.references and set(c.references) <= set(ledger) for c in cards)
    assert len({c.article_id for c in cards}) >= 3
