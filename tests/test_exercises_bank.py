"""The bank as a whole: alignment with the objectives, the two forms, balance and vocabulary.

Balance is measured on the keys the solutions give (the main answer of each single-choice
item) and on the book's in-page questions, read from the pages' sources.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from book_questions import BOOK, book_questions
from synthetic_class import solution_values

from medialit import schema
from medialit.exercises import bank
from medialit.exercises.bank import (
    HAND_GRADED,
    QUESTIONS,
    BankError,
    forms,
    load_bank,
    points_by_role,
    questions_of,
)
from medialit.exercises.objectives import OBJECTIVES, objective_line, objectives_of
from medialit.exercises.render import render_question

CASE = {"000", "001", "002", "003", "004"}
PAGES = {1: "sourcing", 2: "attribution", 3: "loaded-terms", 4: "numeric-verification"}
PAGES |= {5: "checking-claims", 6: "capstone"}
SKILL_CHAPTERS = (1, 2, 3, 4, 5)


def solution_keys() -> dict[str, object]:
    values = {}
    for stem in bank.CHAPTERS.values():
        values |= solution_values(stem)
    return values


KEYS = solution_keys()


# --------------------------------------------------------------------------- alignment


def test_every_item_tests_an_objective_of_its_own_chapter_and_skill():
    form_numbers = {nb.number for nb in forms().values()}
    for q in QUESTIONS.values():
        objective = OBJECTIVES.get(q.objective)
        assert objective is not None, f"{q.id}: unknown objective {q.objective!r}"
        assert q.skill == objective.skill, q.id
        if q.chapter not in form_numbers:
            assert objective.chapter == q.chapter, f"{q.id} tests {q.objective} of another chapter"


def test_every_objective_has_at_least_one_graded_item():
    graded = Counter(q.objective for q in QUESTIONS.values() if q.graded)
    assert [o.id for o in OBJECTIVES.values() if not graded[o.id]] == []


@pytest.mark.parametrize("chapter", list(PAGES))
def test_each_chapter_lists_exactly_its_objectives_with_their_ids(chapter):
    page = (BOOK / f"{PAGES[chapter]}.md").read_text(encoding="utf-8")
    box = re.search(r"After this chapter you can\n(.*?)```", page, re.S).group(1)
    listed = [line[2:].rstrip(";.") for line in box.splitlines() if line.startswith("- ")]
    assert listed == [objective_line(o) for o in objectives_of(chapter)]


def test_objective_ids_are_stable_and_unique():
    ids = list(OBJECTIVES)
    assert len(ids) == len(set(ids)) >= 20
    prefixes = {o.chapter: o.id.split("-")[0] for o in OBJECTIVES.values()}
    assert prefixes == {1: "SRC", 2: "ATT", 3: "LT", 4: "NUM", 5: "CLM", 6: "CAP"}


# --------------------------------------------------------------------------- roles and texts


def test_at_least_half_of_the_auto_checked_points_are_graded():
    points = points_by_role()
    assert points["graded"] >= points["practice"]
    lessons = [q for q in QUESTIONS.values() if q.chapter <= 6]
    lesson_points = points_by_role(lessons)
    assert lesson_points["graded"] >= lesson_points["practice"]


def test_practice_items_use_the_case_articles_and_graded_items_the_unseen_texts():
    for q in QUESTIONS.values():
        if q.role == "practice":
            assert set(q.texts) <= CASE, q.id
        if q.graded:
            assert q.texts and not set(q.texts) & CASE, q.id


def test_each_skill_chapter_sends_the_student_off_the_page():
    for chapter in SKILL_CHAPTERS:
        lateral = [q for q in questions_of(chapter) if q.kind == "lateral"]
        assert lateral and all(q.graded and q.texts for q in lateral), chapter


def test_coding_tasks_are_optional_extensions():
    code = [q for q in QUESTIONS.values() if q.kind == "code"]
    assert code and all(q.role == "extension" and not q.counts_toward_total for q in code)
    assert all("optional" in render_question(q) for q in code)


# --------------------------------------------------------------------------- the two forms


def test_the_forms_have_four_items_per_skill_and_are_parallel():
    a, b = (questions_of(forms()[f].number) for f in "AB")
    assert len(a) == len(b) >= 16
    for skill in ("sourcing", "attribution", "loaded_terms", "numeric_verification"):
        assert sum(q.skill == skill for q in a) >= 4
    for qa, qb in zip(a, b, strict=True):
        same = ("skill", "objective", "kind", "points", "labels", "stance")
        assert [getattr(qa, f) for f in same] == [getattr(qb, f) for f in same], qa.id
        assert qa.graded and qb.graded and qa.kind not in HAND_GRADED
    assert {q.objective for q in a} == {o.id for o in OBJECTIVES.values() if o.chapter <= 5}


@pytest.mark.parametrize("form", ["A", "B"])
def test_each_form_balances_trust_and_doubt_and_supported_and_unsupported_claims(form):
    items = questions_of(forms()[form].number)
    stances = Counter(q.stance for q in items if q.stance)
    assert stances["trust"] >= 5 and stances["doubt"] >= 5
    assert abs(stances["trust"] - stances["doubt"]) <= 2
    verdicts = Counter(
        v for q in items if q.labels == "verdicts" for v in KEYS[q.variable].values()
    )
    assert verdicts["supported"] == sum(verdicts.values()) - verdicts["supported"] > 0


@pytest.mark.parametrize("form", ["A", "B"])
def test_each_form_uses_texts_of_its_own(form):
    other = "B" if form == "A" else "A"
    mine = {t for q in questions_of(forms()[form].number) for t in q.texts}
    theirs = {t for q in questions_of(forms()[other].number) for t in q.texts}
    lessons = {t for q in QUESTIONS.values() if q.chapter <= 6 for t in q.texts}
    assert mine and not mine & theirs and not mine & lessons


# --------------------------------------------------------------------------- balance


def single_choice_keys() -> list[tuple[str, int, tuple[str, ...]]]:
    return [
        (q.id, q.letters.index(KEYS[q.variable]), q.options)
        for q in QUESTIONS.values()
        if q.kind == "choice"
    ]


def test_no_key_position_holds_more_than_40_percent_of_single_choice_items():
    keys = single_choice_keys()
    positions = Counter(position for _, position, _ in keys)
    assert len(keys) >= 20 and max(positions.values()) <= 0.4 * len(keys), positions
    book = Counter(q.key for q in book_questions())
    assert max(book.values()) <= 0.4 * sum(book.values()), book


@pytest.mark.parametrize("form", ["A", "B"])
def test_no_key_position_holds_more_than_40_percent_of_a_forms_single_choice_items(form):
    """A form is taken alone, so its keys are balanced on their own, not only in the bank."""
    items = [q for q in questions_of(forms()[form].number) if q.kind == "choice"]
    positions = Counter(q.letters.index(KEYS[q.variable]) for q in items)
    assert len(items) >= 10 and max(positions.values()) <= 0.4 * len(items), positions
    assert set(positions) == set(range(4)), f"form {form} never keys some position: {positions}"


# Words that make an option sound too sure to be true: a test-wise student learns to skip them.
ABSOLUTE = re.compile(
    r"\b(never|always|ever|at all|nothing|nobody|no one|none|all|only|completely|entirely"
    r"|every|everyone|everything|totally|absolutely)\b",
    re.I,
)


def option_roles() -> tuple[list[str], list[str]]:
    """(keys, distractors): every option of the bank's choice items and the book's questions."""
    keys, distractors = [], []
    for q in QUESTIONS.values():
        if q.kind in ("choice", "choices"):
            answer = KEYS[q.variable]
            chosen = {answer} if q.kind == "choice" else set(answer)
            for letter, option in zip(q.letters, q.options, strict=True):
                (keys if letter in chosen else distractors).append(option)
    for question in book_questions():
        for position, option in enumerate(question.options):
            (keys if position == question.key else distractors).append(option)
    return keys, distractors


def test_absolute_words_are_no_cue_to_a_wrong_option():
    keys, distractors = option_roles()
    in_keys = [o for o in keys if ABSOLUTE.search(o)]
    in_distractors = [o for o in distractors if ABSOLUTE.search(o)]
    assert len(keys) >= 60 and len(distractors) >= 150
    # Not far above: at most five points more than among the keys.
    assert len(in_distractors) / len(distractors) <= len(in_keys) / len(keys) + 0.05, in_distractors
    padded = [o for o in distractors if re.search(r"\bat all\W*$", o)]
    assert padded == []


def _longest(position: int, options: tuple[str, ...]) -> bool:
    lengths = [len(o) for o in options]
    return len(set(lengths)) > 1 and lengths[position] == max(lengths)


def test_the_key_is_the_longest_option_in_at_most_40_percent_of_items_book_included():
    bank_longest = [
        qid for qid, position, options in single_choice_keys() if _longest(position, options)
    ]
    book = book_questions()
    book_longest = [q.prompt[:40] for q in book if q.key_is_longest]
    total = len(single_choice_keys()) + len(book)
    assert len(bank_longest) + len(book_longest) <= 0.4 * total, (bank_longest, book_longest)
    assert len(book_longest) <= 0.4 * len(book), book_longest


def test_no_hint_invites_elimination():
    for q in QUESTIONS.values():
        assert not re.search(r"each .*once|used once|only one of", q.hint, re.I), q.id


# --------------------------------------------------------------------------- one vocabulary


def test_classify_items_with_a_vocabulary_list_exactly_its_labels():
    for q in QUESTIONS.values():
        if q.kind == "classify" and isinstance(q.labels, str):
            text = render_question(q)
            listed = re.search(r"one of these labels:\n(.*?)\.\n", text, re.S).group(1)
            # each label as it is typed, then the chapters' words where they differ from it
            shown = re.findall(r"`(\w+)`(?: \(([^)]+)\))?", listed)
            assert [label for label, _ in shown] == list(bank.VOCABULARIES[q.labels]), q.id
            for label, words in shown:
                assert (words or label.replace("_", " ")) == q.label_words(label), (q.id, label)


def test_classify_labels_carry_the_chapters_words():
    (question,) = [q for q in QUESTIONS.values() if q.labels == "provenance_kinds"][:1]
    assert "`scraping_leftover` (page furniture)" in render_question(question)
    assert "`anachronism`," in render_question(question)  # same words: not repeated


def test_verdict_questions_use_exactly_the_claim_verdicts():
    for q in QUESTIONS.values():
        words = set(q.options) | set(q.label_set if q.kind == "classify" else ())
        if words & {"supported", "contradicted", "unverified"}:
            if q.kind == "classify":
                assert q.labels == "verdicts", q.id
            else:
                assert q.options == schema.CLAIM_VERDICTS, q.id
    for question in book_questions():
        if set(question.options) & {"contradicted", "unverified", "false"}:
            assert question.options == schema.CLAIM_VERDICTS, question.prompt


def test_the_book_defines_the_verdicts_source_types_and_techniques_of_the_schema():
    # The verdicts are printed from the schema, on the chapter and in the lesson plan alike.
    for page in ("checking-claims.md", "lessons/09-checking-claims.md"):
        assert "```{verdict-definitions}" in (BOOK / page).read_text(encoding="utf-8"), page
    attribution = (BOOK / "attribution.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z ]+) \| .* \| .* \|$", attribution, re.M)
    assert set(rows) - {"Kind of source"} == set(schema.SOURCE_TYPE_LABELS.values())
    terms = (BOOK / "loaded-terms.md").read_text(encoding="utf-8")
    table = terms[terms.index("| Technique |") : terms.index("## Whose words")]
    techniques = re.findall(r"^\| ([a-z ]+) \|", table, re.M)
    assert set(techniques) == set(schema.TERM_CATEGORY_LABELS.values())


def test_no_page_writes_a_definition_of_a_verdict_of_its_own():
    """One definition of each verdict, the schema's: a second wording marks students wrong.

    Lesson 9 once defined *unsupported* as "stated as fact without evidence" while the chapter
    said "a source exists but does not show what the text says"; its students lost points.
    """
    verdicts = "|".join(schema.CLAIM_VERDICTS)
    typed = re.compile(rf"^\s*(?:[-*]\s+|\d+\.\s+)?\*{{0,2}}({verdicts})\*{{0,2}}:\s", re.I | re.M)
    # The changelog gives the verdict of one claim ("*imprecise*: the figure..."), not a meaning.
    pages = [p for p in [*BOOK.glob("*.md"), *BOOK.glob("lessons/*.md")] if p.name != "CHANGES.md"]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "stated as fact without evidence" not in text, page.name
        for definition in schema.VERDICT_DEFINITIONS.values():
            assert definition not in text, (page.name, definition)
        assert not typed.search(text), (page.name, typed.search(text).group(0))


def test_the_notebooks_name_the_five_verdicts_of_the_schema():
    path = Path(__file__).resolve().parent.parent / "exercises" / "05-checking-claims.ipynb"
    intro = path.read_text(encoding="utf-8")
    named = re.findall(r"\*\*(\w+)\*\*", intro.split("references in")[0])
    assert tuple(named) == schema.CLAIM_VERDICTS


# --------------------------------------------------------------------------- the bank file


@pytest.fixture
def clean_bank():
    """The bank's dicts restored in place afterwards (other modules hold them by reference)."""
    saved = {name: dict(getattr(bank, name)) for name in ("NOTEBOOKS", "QUESTIONS", "CHAPTERS")}
    yield
    for name, content in saved.items():
        getattr(bank, name).clear()
        getattr(bank, name).update(content)


def test_a_private_bank_adds_items_and_refuses_clashes(tmp_path, clean_bank):
    path = tmp_path / "bank.yaml"
    path.write_text(
        "notebooks:\n  - {number: 21, stem: 21-quiz, title: Quiz}\n"
        "items:\n  - id: '21.1'\n    kind: choice\n    role: graded\n    skill: sourcing\n"
        "    objective: SRC-1\n    texts: [x1]\n    prompt: Who?\n    options: [A, B]\n",
        encoding="utf-8",
    )
    (added,) = bank.add_items(path)
    assert added.id in bank.QUESTIONS and bank.CHAPTERS[21] == "21-quiz"
    bank.add_items(path)  # the same items again: nothing changes
    path.write_text(path.read_text(encoding="utf-8").replace("Who?", "Whose?"), encoding="utf-8")
    with pytest.raises(BankError, match=r"already in the bank: \['21.1'\]"):
        bank.add_items(path)
    clash = tmp_path / "clash.yaml"
    clash.write_text(f"notebooks: []\nitems:\n  - {{id: '1.1', {REQUIRED}}}\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"already in the bank: \['1.1'\]"):
        bank.add_items(clash)


REQUIRED = "kind: open, role: practice, skill: sourcing, objective: SRC-1, prompt: Who says so"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            f"  - {{id: '1.1', {REQUIRED.replace('open', 'choice')}, options: [a]}}",
            r"items\[0\] \(id '1.1'\): question 1.1",
        ),
        ("  - {id: 1.1, kind: choice}", "field 'id': missing, or not text"),
        ("  - {id: '1.1', kind: number, colour: red}", r"unknown field\(s\) \['colour'\]"),
        (
            "  - {id: '1.1', kind: open, role: graded, prompt: ''}",
            r"\(id '1.1'\): field\(s\) \['skill', 'objective', 'prompt'\] missing or empty",
        ),
        (
            "  - id: '1.1'\n    kind: choice\n    kind: open\n    prompt: Who?",
            r"items\[0\]: field 'kind': given twice \(line 5, column 5\)",
        ),
    ],
    ids=["invalid", "id-not-text", "unknown-field", "missing-fields", "duplicate-key"],
)
def test_a_malformed_bank_names_the_file_the_item_and_the_field(tmp_path, item, message):
    path = tmp_path / "bank.yaml"
    path.write_text(f"notebooks: []\nitems:\n{item}\n", encoding="utf-8")
    with pytest.raises(BankError, match=message) as error:
        load_bank(path)
    assert str(path) in str(error.value)
