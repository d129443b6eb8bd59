"""The question bank: every item's kind, role, skill, objective, prompt, options and points.

The bank is data (``bank.yaml`` beside this module) so that a notebook, a worksheet page or a
report can render and score the same items. Nothing in it is an answer: the answers live in
the solution notebooks (``solutions/``). Practice items are keyed by salted hashes shipped with
the package (``key.json``); graded items, on texts the book never shows, are keyed only in the
instructors' key beside the solutions, which no student file carries.

Item kinds are plain data a page can render: ``choice`` (one letter), ``choices`` (a list of
letters), ``quote`` (exact words from a text), ``number`` (within a tolerance), ``classify``
(a dict from each item to a label of a vocabulary), ``lateral`` (a source found off the page:
publisher, date, URL, what it says; read by hand), ``open`` (text, read by hand) and ``code``
(a function run on test inputs; only for extension items).

Roles: ``practice`` (self-checked, on the five articles), ``graded`` (on the unseen texts;
self-check only records the answer), ``extension`` (optional coding tasks: checked, but not
counted toward full marks).

Examples
--------
>>> QUESTIONS["2.1"].variable
'answer_2_1'
>>> QUESTIONS["2.1"].letters
()
>>> sorted({q.role for q in QUESTIONS.values()})
['extension', 'graded', 'practice']
>>> NOTEBOOKS[7].form
'A'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from medialit import schema
from medialit.safeyaml import YAMLInputError, load_yaml

KINDS = ("choice", "choices", "quote", "number", "classify", "lateral", "open", "code")
ROLES = ("practice", "graded", "extension")
HAND_GRADED = ("open", "lateral")
LETTERS = ("a", "b", "c", "d", "e", "f")
# Which way the key of a unit-test item points: to trust a careful source or a supported claim,
# or to doubt an unreliable one. The forms hold both in balance.
STANCES = ("trust", "doubt")
LATERAL_FIELDS = ("publisher", "date", "url", "says")

# The closed lists a classify item may draw its labels from: each is a vocabulary of the
# annotation scheme (medialit.schema), so the notebooks and the key use exactly those words.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "verdicts": schema.CLAIM_VERDICTS,
    "source_types": schema.SOURCE_TYPES,
    "term_categories": schema.TERM_CATEGORIES,
    "provenance_kinds": schema.PROVENANCE_KINDS,
    "attribution_parts": schema.ATTRIBUTION_PARTS,
    "skills": schema.SKILLS,
}
# The reader's words for those labels, as the chapters print them.
VOCABULARY_WORDS: dict[str, dict[str, str]] = {
    "source_types": schema.SOURCE_TYPE_LABELS,
    "term_categories": schema.TERM_CATEGORY_LABELS,
    "provenance_kinds": schema.PROVENANCE_KIND_LABELS,
    "skills": schema.SKILL_LABELS,
}
_ID = re.compile(r"^(\d+)\.(\d+)$")


class BankError(ValueError):
    """The bank file is malformed; the message names the file, the item and the field."""


@dataclass(frozen=True)
class Notebook:
    """One exercise notebook: its number (the first part of its items' ids) and file stem."""

    number: int
    stem: str
    title: str
    form: str | None = None  # "A" or "B" for the two forms of the unit test


@dataclass(frozen=True)
class Question:
    """How one item is shown and checked.

    Parameters
    ----------
    id
        ``"notebook.number"``, e.g. ``"2.3"``; the notebook assigns ``answer_2_3``.
    kind
        One of :data:`KINDS`.
    role
        One of :data:`ROLES`.
    skill, objective
        The skill (:data:`medialit.schema.SKILLS`) and the learning objective it tests.
    points
        Maximum points; classify and code items earn a share for each right item or test.
    prompt
        The question in Markdown (without its options).
    options
        The option texts of a choice or choices item, shown as a), b), ...
    items, labels
        A classify item's items, and the name of the vocabulary its labels come from (a key of
        :data:`VOCABULARIES`) or an explicit tuple of labels.
    tolerance, unit
        A number item is right within ``tolerance``; ``unit`` says what to give (e.g. "%").
    texts
        Ids of the texts the item is about: case articles (``"002"``) or unseen texts.
    hint
        Shown with a wrong practice answer. It must help without giving the answer away.
    stance
        For unit-test items: whether the key points to trust or to doubt.
    inputs
        A code item's test inputs, each a tuple of arguments.
    """

    id: str
    kind: str
    role: str = "practice"
    skill: str = "sourcing"
    objective: str = ""
    points: int = 1
    prompt: str = ""
    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    labels: str | tuple[str, ...] = ()
    tolerance: float = 0.5
    unit: str = ""
    texts: tuple[str, ...] = ()
    hint: str = ""
    stance: str | None = None
    inputs: tuple[tuple, ...] = ()

    def __post_init__(self):
        problem = _problem(self)
        if problem:
            raise ValueError(f"question {self.id}: {problem}")

    @property
    def chapter(self) -> int:
        """The notebook number, from the id."""
        return int(self.id.split(".")[0])

    @property
    def variable(self) -> str:
        """The name of the variable that holds the answer in the notebook."""
        return "answer_" + self.id.replace(".", "_")

    @property
    def accept_variable(self) -> str:
        """The name of the solution-only variable that lists other credited answers."""
        return "accept_" + self.id.replace(".", "_")

    @property
    def letters(self) -> tuple[str, ...]:
        """The letters of the options: ``("a", "b", ...)``."""
        return LETTERS[: len(self.options)]

    @property
    def label_set(self) -> tuple[str, ...]:
        """The labels a classify item accepts."""
        if isinstance(self.labels, str):
            return VOCABULARIES[self.labels]
        return tuple(self.labels)

    def label_words(self, label: str) -> str:
        """The chapters' words for one of :attr:`label_set` ("page furniture" for
        ``scraping_leftover``), or the label with underscores as spaces.

        >>> QUESTIONS["1.9"].label_words("scraping_leftover")
        'page furniture'
        """
        words = VOCABULARY_WORDS.get(self.labels, {}) if isinstance(self.labels, str) else {}
        return schema.describe(words, label)

    @property
    def graded(self) -> bool:
        return self.role == "graded"

    @property
    def counts_toward_total(self) -> bool:
        """Auto-checked and not an extension: the points a student needs for full marks."""
        return self.kind not in HAND_GRADED and self.role != "extension"


def _problem(q: Question) -> str:
    checks = (
        (not _ID.match(q.id), "the id must look like '2.3'"),
        (q.kind not in KINDS, f"kind {q.kind!r} is not one of {KINDS}"),
        (q.role not in ROLES, f"role {q.role!r} is not one of {ROLES}"),
        (q.skill not in schema.SKILLS, f"skill {q.skill!r} is not one of {schema.SKILLS}"),
        (q.points <= 0, "points must be positive"),
        (q.kind == "number" and q.tolerance <= 0, "tolerance must be positive"),
        (q.kind in ("choice", "choices") and len(q.options) < 2, "list at least two options"),
        (len(q.options) > len(LETTERS), f"at most {len(LETTERS)} options"),
        (len(set(q.options)) != len(q.options), "two options are the same"),
        (q.kind == "classify" and not q.items, "a classify question lists its items"),
        (q.kind == "classify" and not q.labels, "a classify question names its labels"),
        (
            isinstance(q.labels, str) and q.labels not in VOCABULARIES,
            f"labels {q.labels!r} is not one of {sorted(VOCABULARIES)}",
        ),
        (q.kind == "code" and not q.inputs, "a code task lists its test inputs"),
        (q.kind == "code" and q.role != "extension", "a code task is an extension item"),
        (q.role == "extension" and q.kind != "code", "only code tasks are extensions"),
        (q.stance is not None and q.stance not in STANCES, f"stance must be one of {STANCES}"),
    )
    return next((message for failed, message in checks if failed), "")


# =========================================================================== loading


def bank_path() -> Path:
    """The bank shipped with the package."""
    return Path(str(resources.files("medialit.exercises"))) / "bank.yaml"


def load_bank(path: Path) -> tuple[dict[int, Notebook], dict[str, Question]]:
    """Read a bank file: its notebooks and its questions, validated.

    Raises
    ------
    BankError
        Naming the file, the item and the field of the first problem.
    """
    name = str(path)
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"), name)
    except FileNotFoundError:
        raise BankError(f"{name}: file not found") from None
    except UnicodeDecodeError as error:
        raise BankError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except YAMLInputError as error:  # it names the file, the item, the line and the column
        raise BankError(str(error)) from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise BankError(f"{name}: expected 'notebooks' and 'items' lists at the top level")
    notebooks = {}
    for i, raw in enumerate(data.get("notebooks") or []):
        notebook = _notebook(raw, f"{name}: notebooks[{i}]")
        if notebook.number in notebooks:
            raise BankError(f"{name}: notebooks[{i}]: number {notebook.number} is used twice")
        notebooks[notebook.number] = notebook
    questions: dict[str, Question] = {}
    for i, raw in enumerate(data["items"]):
        where = f"{name}: items[{i}]" + (
            f" (id {raw.get('id')!r})" if isinstance(raw, dict) else ""
        )
        question = _question(raw, where)
        if question.id in questions:
            raise BankError(f"{where}: field 'id': question {question.id} is defined twice")
        questions[question.id] = question
    return notebooks, questions


_NOTEBOOK_FIELDS = {"number", "stem", "title", "form"}
_REQUIRED_FIELDS = ("kind", "role", "skill", "objective", "prompt")
_QUESTION_FIELDS = {
    "id",
    "kind",
    "role",
    "skill",
    "objective",
    "points",
    "prompt",
    "options",
    "items",
    "labels",
    "tolerance",
    "unit",
    "texts",
    "hint",
    "stance",
    "inputs",
}


def _notebook(raw: Any, where: str) -> Notebook:
    if not isinstance(raw, dict):
        raise BankError(f"{where}: expected a mapping")
    unknown = set(raw) - _NOTEBOOK_FIELDS
    if unknown:
        raise BankError(f"{where}: unknown field(s) {sorted(unknown)}")
    try:
        return Notebook(int(raw["number"]), str(raw["stem"]), str(raw["title"]), raw.get("form"))
    except (KeyError, TypeError, ValueError) as error:
        raise BankError(f"{where}: field {error}: missing or malformed") from None


def _question(raw: Any, where: str) -> Question:
    if not isinstance(raw, dict):
        raise BankError(f"{where}: expected a mapping")
    unknown = set(raw) - _QUESTION_FIELDS
    if unknown:
        raise BankError(f"{where}: unknown field(s) {sorted(unknown)}")
    if not isinstance(raw.get("id"), str):
        raise BankError(f"{where}: field 'id': missing, or not text in quotes")
    missing = [name for name in _REQUIRED_FIELDS if raw.get(name) in (None, "")]
    if missing:  # a default would put an item under the wrong skill or show an empty prompt
        raise BankError(f"{where}: field(s) {missing} missing or empty")
    fields = dict(raw)
    for name in ("options", "items", "texts"):
        fields[name] = tuple(str(x) for x in fields.get(name) or ())
    if isinstance(fields.get("labels"), list):
        fields["labels"] = tuple(str(x) for x in fields["labels"])
    fields["inputs"] = tuple(tuple(case) for case in fields.get("inputs") or ())
    fields["prompt"] = str(fields.get("prompt", "")).strip()
    try:
        return Question(**fields)
    except (TypeError, ValueError) as error:
        raise BankError(f"{where}: {error}") from None


# =========================================================================== the bank in use

NOTEBOOKS: dict[int, Notebook] = {}
QUESTIONS: dict[str, Question] = {}
CHAPTERS: dict[int, str] = {}  # notebook number -> file stem, for the grader and the build


def _install(notebooks: Mapping[int, Notebook], questions: Mapping[str, Question]) -> None:
    # The same items added twice (built, then graded, in one process) are not a clash.
    clash = {n for n in notebooks if NOTEBOOKS.get(n, notebooks[n]) != notebooks[n]}
    clash |= {q for q in questions if QUESTIONS.get(q, questions[q]) != questions[q]}
    if clash:
        raise BankError(
            f"these notebooks or questions are already in the bank: {sorted(map(str, clash))}"
        )
    orphans = sorted(q.id for q in questions.values() if q.chapter not in {*NOTEBOOKS, *notebooks})
    if orphans:
        raise BankError(f"questions of a notebook the bank does not list: {orphans}")
    NOTEBOOKS.update(notebooks)
    QUESTIONS.update(questions)
    CHAPTERS.update({n: nb.stem for n, nb in notebooks.items()})


def add_items(path: Path) -> list[Question]:
    """Add a private bank (an instructor's items kept outside the repository) to this process.

    Its notebook numbers and question ids must not clash with those already in the bank.
    """
    notebooks, questions = load_bank(Path(path))
    _install(notebooks, questions)
    return list(questions.values())


@functools.cache
def _load_shipped() -> frozenset[int]:
    notebooks, questions = load_bank(bank_path())
    _install(notebooks, questions)
    return frozenset(notebooks)


SHIPPED_NOTEBOOKS = _load_shipped()  # the notebooks of the package's own bank


def question_order(qid: str) -> tuple[int, int]:
    """Sort key: notebook by notebook, then question by question (7.2 before 7.10 and 8.1).

    >>> sorted(["8.1", "7.10", "7.2"], key=question_order)
    ['7.2', '7.10', '8.1']
    """
    notebook, number = qid.split(".")
    return int(notebook), int(number)


def questions_of(chapter: int) -> list[Question]:
    """The questions of one notebook, in order."""
    return [q for q in QUESTIONS.values() if q.chapter == chapter]


def forms() -> dict[str, Notebook]:
    """The notebooks of the unit test: ``{"A": ..., "B": ...}``."""
    return {nb.form: nb for nb in NOTEBOOKS.values() if nb.form}


def vocabulary_of(name: str) -> tuple[str, ...]:
    """The labels of a named vocabulary.

    >>> vocabulary_of("verdicts")[:2]
    ('supported', 'imprecise')
    """
    return VOCABULARIES[name]


def points_by_role(questions: Iterable[Question] | None = None) -> dict[str, int]:
    """Auto-checked points per role (extension and hand-graded items apart).

    >>> points = points_by_role()
    >>> points["graded"] >= points["practice"]
    True
    """
    totals = dict.fromkeys(ROLES, 0)
    for q in questions if questions is not None else QUESTIONS.values():
        if q.kind not in HAND_GRADED:
            totals[q.role] += q.points
    return totals
