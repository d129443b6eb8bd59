"""The unit plan: lessons, their objectives, materials, minute-by-minute plans, a shorter path.

The structured part of every lesson plan lives in ``lessons.yaml`` beside this module; the book's
lesson pages print it through directives (``book/_ext/lessons.py``), so an objective is cited by
its id and its words come from the question bank (:mod:`medialit.exercises.objectives`), never
from a copy. :func:`load_unit` refuses a plan that would not work in a classroom: an objective
the bank does not test, a plan that does not fill the period exactly, a lesson that starts
without set-up time or ends without an exit ticket, too little time for the unit test, a notebook
that does not exist.

Examples
--------
>>> unit = load_unit()
>>> len(unit.lessons), [s.number for s in unit.short_path]
(12, [1, 2, 3, 4])
>>> unit.lesson(2).title
'Sourcing I: read laterally, then compare'
>>> unit.lesson(2).objectives
('SRC-1', 'SRC-4')
>>> [(step.start, step.end) for step in unit.lesson(2).plan][:2]
[(0, 5), (5, 10)]
>>> unit.lesson(1).unit_test, unit.lesson(12).unit_test
('A', 'B')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from medialit.safeyaml import YAMLInputError, load_yaml

STEP_KINDS = ("setup", "test", "teach", "model", "activity", "exercise", "discussion", "exit")
MIN_MINUTES = 45  # the unit is written for periods of 45 to 50 minutes
MIN_SETUP_MINUTES = 3
FORMS = ("A", "B")
# A form is twenty questions on three texts, answered in a notebook: tried by hand, that takes
# about half an hour, not the twenty minutes the first plans allowed.
MIN_TEST_MINUTES = 30


class LessonPlanError(ValueError):
    """The unit plan is wrong; the message names the file, the lesson and the field."""


def _read(path: Path) -> Any:
    """A lesson data file, read by the kit's safe YAML loader; any problem a LessonPlanError."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"), path.name)
    except YAMLInputError as error:
        raise LessonPlanError(str(error)) from None
    except OSError as error:
        raise LessonPlanError(f"{path.name}: cannot be read ({error})") from error


@dataclass(frozen=True)
class Step:
    """One segment of a lesson: when it starts (minutes from the bell), how long, what happens."""

    start: int
    minutes: int
    kind: str
    activity: str

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Lesson:
    """One lesson of the unit (or one session of the shorter path, which draws on ``lessons``)."""

    number: int
    title: str
    objectives: tuple[str, ...]
    plan: tuple[Step, ...]
    slug: str = ""
    materials: tuple[str, ...] = ()
    exercise: str | None = None
    unit_test: str | None = None
    lessons: tuple[int, ...] = ()  # for a session of the shorter path: the lessons it draws on

    @property
    def minutes(self) -> int:
        """The length of the plan, set-up included."""
        return sum(step.minutes for step in self.plan)

    @property
    def page(self) -> str:
        """The book page of the plan (a document name for the table of contents)."""
        return f"lessons/{self.slug}"


@dataclass(frozen=True)
class Unit:
    """The whole unit: its lessons in order and the shorter path."""

    minutes_per_lesson: int
    lessons: tuple[Lesson, ...]
    short_path: tuple[Lesson, ...]

    def lesson(self, number: int) -> Lesson:
        """The lesson with this number."""
        for lesson in self.lessons:
            if lesson.number == number:
                return lesson
        raise KeyError(f"the unit has no lesson {number}")

    @property
    def minutes(self) -> int:
        """The length of the whole unit."""
        return sum(lesson.minutes for lesson in self.lessons)


def lessons_path() -> Path:
    """Where the unit plan ships: inside the package."""
    return Path(str(resources.files("medialit"))) / "lessons.yaml"


def exercises_dir() -> Path:
    """The student notebooks of a checkout (``exercises/``), which the plans name."""
    return Path(__file__).resolve().parents[2] / "exercises"


def load_unit(
    path: Path | None = None,
    objectives: Mapping[str, Any] | None = None,
    tested: set[str] | None = None,
    notebooks: Path | None = None,
) -> Unit:
    """Read and check the unit plan.

    Parameters
    ----------
    path
        The YAML file (default: the one in the package).
    objectives
        The objectives by id (default: the question bank's).
    tested
        The objective ids that at least one question of the bank tests (default: from the bank).
    notebooks
        The folder of exercise notebooks the plans may name (default: ``exercises/`` of the
        checkout; notebook names are not checked when it does not exist, as in an installed
        wheel).

    Raises
    ------
    LessonPlanError
        Naming the file, the lesson and the field of the first problem.
    """
    path = path or lessons_path()
    if objectives is None or tested is None:
        from medialit.exercises.bank import QUESTIONS
        from medialit.exercises.objectives import OBJECTIVES

        objectives = OBJECTIVES if objectives is None else objectives
        tested = {q.objective for q in QUESTIONS.values()} if tested is None else tested
    notebooks = exercises_dir() if notebooks is None else notebooks
    data = _read(path)
    if not isinstance(data, dict) or set(data) - {"claim_cards"} != {
        "minutes_per_lesson",
        "lessons",
        "short_path",
    }:
        raise LessonPlanError(
            f"{path.name}: top level needs exactly minutes_per_lesson, lessons and short_path "
            "(and may have claim_cards)"
        )
    period = data["minutes_per_lesson"]
    if not isinstance(period, int) or not MIN_MINUTES <= period <= 50:
        raise LessonPlanError(f"{path.name}: minutes_per_lesson must be {MIN_MINUTES} to 50")
    check = _Checker(path.name, period, objectives, tested, notebooks)
    lessons = tuple(
        check.lesson(raw, f"lessons[{i}]") for i, raw in enumerate(data["lessons"] or [])
    )
    short = tuple(
        check.lesson(raw, f"short_path[{i}]", session=True)
        for i, raw in enumerate(data["short_path"] or [])
    )
    check.unit(lessons, short)
    return Unit(period, lessons, short)


class _Checker:
    """Builds lessons from the YAML and says exactly what is wrong."""

    LESSON_FIELDS = frozenset({"number", "slug", "title", "objectives", "materials", "plan"})
    SESSION_FIELDS = frozenset({"session", "title", "lessons", "objectives", "plan"})
    OPTIONAL = frozenset({"exercise", "unit_test"})

    def __init__(self, file: str, period: int, objectives, tested, notebooks: Path):
        self.file, self.period = file, period
        self.objectives, self.tested, self.notebooks = objectives, tested, notebooks

    def fail(self, where: str, message: str):
        raise LessonPlanError(f"{self.file}: {where}: {message}")

    def lesson(self, raw: Any, where: str, *, session: bool = False) -> Lesson:
        required = self.SESSION_FIELDS if session else self.LESSON_FIELDS
        if not isinstance(raw, dict):
            self.fail(where, "expected a mapping")
        missing = sorted(required - set(raw))
        if missing:
            self.fail(where, f"field '{missing[0]}' missing")
        extra = sorted(set(raw) - required - self.OPTIONAL)
        if extra:
            self.fail(where, f"field '{extra[0]}' unknown (a typo?)")
        number = raw["session" if session else "number"]
        where = f"{where} ({'session' if session else 'lesson'} {number})"
        ids = tuple(raw["objectives"] or ())
        for objective in ids:
            if objective not in self.objectives:
                self.fail(
                    where, f"field 'objectives': {objective!r} is not an objective of the bank"
                )
            if objective not in self.tested:
                self.fail(where, f"field 'objectives': no question of the bank tests {objective}")
        exercise = raw.get("exercise")
        if (
            exercise
            and self.notebooks.is_dir()
            and not (self.notebooks / f"{exercise}.ipynb").is_file()
        ):
            self.fail(where, f"field 'exercise': no notebook {exercise}.ipynb in exercises/")
        if raw.get("unit_test") not in (None, *FORMS):
            self.fail(where, f"field 'unit_test': expected one of {FORMS}")
        return Lesson(
            number=int(number),
            title=str(raw["title"]),
            objectives=ids,
            plan=self.plan(raw["plan"], where),
            slug=str(raw.get("slug", "")),
            materials=tuple(str(m) for m in raw.get("materials") or ()),
            exercise=exercise,
            unit_test=raw.get("unit_test"),
            lessons=tuple(raw.get("lessons") or ()),
        )

    def plan(self, raw: Any, where: str) -> tuple[Step, ...]:
        if not isinstance(raw, list) or not raw:
            self.fail(where, "field 'plan': expected a list of steps")
        steps, start = [], 0
        for i, item in enumerate(raw):
            at = f"{where}: plan[{i}]"
            if not isinstance(item, dict) or set(item) != {"minutes", "kind", "activity"}:
                self.fail(at, "a step has exactly minutes, kind and activity")
            minutes = item["minutes"]
            if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
                self.fail(at, f"field 'minutes': {minutes!r} is not a positive whole number")
            if item["kind"] not in STEP_KINDS:
                self.fail(at, f"field 'kind': {item['kind']!r} not in {STEP_KINDS}")
            steps.append(Step(start, minutes, item["kind"], str(item["activity"])))
            start += minutes
        if steps[0].kind != "setup" or steps[0].minutes < MIN_SETUP_MINUTES:
            self.fail(
                where, f"field 'plan': the first step is set-up, {MIN_SETUP_MINUTES}+ minutes"
            )
        if steps[-1].kind != "exit":
            self.fail(where, "field 'plan': the last step is the exit ticket")
        # Exactly the period: minutes left over are minutes a teacher has no plan for, and a
        # plan that runs over is cut short at the bell, usually at the exit ticket.
        if start != self.period:
            self.fail(where, f"field 'plan': {start} minutes; the period is {self.period}")
        return tuple(steps)

    def unit(self, lessons: Sequence[Lesson], short: Sequence[Lesson]) -> None:
        numbers = [lesson.number for lesson in lessons]
        if numbers != list(range(1, len(lessons) + 1)) or not 10 <= len(lessons) <= 12:
            self.fail("lessons", f"10 to 12 lessons numbered from 1, found {numbers}")
        if len({lesson.slug for lesson in lessons}) != len(lessons) or not all(
            lesson.slug for lesson in lessons
        ):
            self.fail("lessons", "every lesson needs its own slug")
        for sequence, name in ((lessons, "lessons"), (short, "short_path")):
            if sequence[0].unit_test != "A" or sequence[-1].unit_test != "B":
                self.fail(
                    name, "the pre-test (form A) opens it and the post-test (form B) closes it"
                )
            if [x.number for x in sequence if x.unit_test] != [
                sequence[0].number,
                sequence[-1].number,
            ]:
                self.fail(name, "the unit test is given only at the two ends")
            for end in (sequence[0], sequence[-1]):
                testing = sum(step.minutes for step in end.plan if step.kind == "test")
                if testing < MIN_TEST_MINUTES:
                    self.fail(
                        f"{name} ({end.number})",
                        f"field 'plan': {testing} minutes for the unit test; "
                        f"give it {MIN_TEST_MINUTES} or more",
                    )
        if not 3 <= len(short) <= 4:
            self.fail("short_path", f"3 or 4 sessions, found {len(short)}")
        for session in short:
            unknown = [n for n in session.lessons if n not in numbers]
            if unknown or not session.lessons:
                self.fail(f"short_path (session {session.number})", f"field 'lessons': {unknown}")
        covered = {o for lesson in lessons for o in lesson.objectives}
        missing = sorted(set(self.objectives) - covered)
        if missing:
            self.fail("lessons", f"no lesson teaches {', '.join(missing)}")


def objective_text(objective_id: str) -> str:
    """The words of an objective, as the bank writes them (Markdown).

    >>> objective_text("NUM-4")
    'do the arithmetic an article invites, and notice when two numbers measure different things'
    """
    from medialit.exercises.objectives import OBJECTIVES

    return OBJECTIVES[objective_id].text


def objectives_markdown(ids: Sequence[str]) -> str:
    """A Markdown list of objectives, each with its id and its words from the bank.

    >>> print(objectives_markdown(["SRC-2"]))
    - **SRC-2** check a byline and a date, and say what their absence means
    """
    return "\n".join(f"- **{i}** {objective_text(i)}" for i in ids)


def verdict_definitions_markdown(verdicts: Sequence[str] | None = None) -> str:
    """The verdicts with their definitions from :data:`medialit.schema.VERDICT_DEFINITIONS`.

    The one wording the chapter, the lesson plan and its keys print, so a student taught one
    page is marked by the same definitions on every other.

    >>> print(verdict_definitions_markdown(["supported", "unverified"]))
    - **supported**: an independent reference says the same;
    - **unverified**: no independent source could be found either way; not the same as false.
    """
    from medialit.schema import CLAIM_VERDICTS, VERDICT_DEFINITIONS

    chosen = list(verdicts or CLAIM_VERDICTS)
    unknown = [v for v in chosen if v not in VERDICT_DEFINITIONS]
    if unknown:
        raise LessonPlanError(f"no verdict {unknown[0]!r} in the schema")
    lines = [f"- **{v}**: {VERDICT_DEFINITIONS[v]};" for v in chosen]
    lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


@dataclass(frozen=True)
class OtherVerdict:
    """A verdict a group could defend for a card besides the annotation's, and why."""

    verdict: str
    why: str


@dataclass(frozen=True)
class ClaimCard:
    """A claim from an article for a group to judge, with the verdict the references support."""

    article_id: str
    outlet: str
    claim: str
    quote: str
    verdict: str
    references: tuple[str, ...]
    also: tuple[OtherVerdict, ...] = ()


def other_verdicts(path: Path | None = None) -> dict[tuple[str, str], tuple[OtherVerdict, ...]]:
    """The other defensible verdicts of ``claim_cards.also_defensible`` in the unit plan.

    Keyed by (article id, quote of the annotated issue).

    >>> other_verdicts()[("001", "Open Society Foundation")][0].verdict
    'supported'
    """
    from medialit.schema import CLAIM_VERDICTS

    path = path or lessons_path()
    data = _read(path) or {}
    entries = (data.get("claim_cards") or {}).get("also_defensible") or []
    found: dict[tuple[str, str], tuple[OtherVerdict, ...]] = {}
    for i, raw in enumerate(entries):
        where = f"{path.name}: claim_cards.also_defensible[{i}]"
        if not isinstance(raw, dict) or set(raw) != {"article", "quote", "verdict", "why"}:
            raise LessonPlanError(f"{where}: needs exactly article, quote, verdict and why")
        if raw["verdict"] not in CLAIM_VERDICTS:
            raise LessonPlanError(f"{where}: {raw['verdict']!r} is not a verdict of the schema")
        key = (str(raw["article"]), str(raw["quote"]))
        found[key] = (*found.get(key, ()), OtherVerdict(raw["verdict"], str(raw["why"]).strip()))
    return found


# Issues that are claims about events (not misspellings, layout slips or copied page parts).
CLAIM_ISSUE_KINDS = ("wrong_fact", "imprecise", "unsupported", "unverified")


def claim_cards(articles: Sequence | None = None, per_verdict: int = 2) -> list[ClaimCard]:
    """Claims for the Checking claims lesson, taken from the annotated factual issues.

    ``per_verdict`` claims of each verdict, each from a different article, the articles taken in
    turn so that the cards spread over the case file; only claims about events that cite a
    reference, so that a group can check its card against the ledger.

    >>> cards = claim_cards()
    >>> len(cards), sorted({c.verdict for c in cards})
    (8, ['contradicted', 'imprecise', 'unsupported', 'unverified'])
    >>> all(len({c.article_id for c in cards if c.verdict == v}) == 2 for v in {"imprecise"})
    True
    >>> [(c.article_id, c.verdict, [o.verdict for o in c.also]) for c in cards if c.also]
    [('001', 'imprecise', ['supported'])]
    """
    from medialit.corpus import load_corpus
    from medialit.schema import ISSUE_VERDICTS

    articles = load_corpus() if articles is None else articles
    others = other_verdicts()
    issues = {(a.id, i.span.text): i.verdict for a in articles for i in a.issues}
    for (article_id, quote), verdicts in others.items():
        if (article_id, quote) not in issues:
            raise LessonPlanError(
                f"{lessons_path().name}: claim_cards.also_defensible: article {article_id} has no "
                f"annotated issue quoting {quote!r}"
            )
        if any(v.verdict == issues[article_id, quote] for v in verdicts):
            raise LessonPlanError(
                f"{lessons_path().name}: claim_cards.also_defensible: {quote!r} already has the "
                f"verdict {issues[article_id, quote]!r}"
            )
    cards: list[ClaimCard] = []
    for turn, verdict in enumerate(ISSUE_VERDICTS):
        # Start each verdict at a different article, so no outlet supplies every card.
        rotated = [*articles[turn % len(articles) :], *articles[: turn % len(articles)]]
        picked: list[ClaimCard] = []
        for article in rotated:
            for issue in article.issues:
                if (
                    issue.verdict == verdict
                    and issue.kind in CLAIM_ISSUE_KINDS
                    and issue.references
                ):
                    picked.append(
                        ClaimCard(
                            article.id,
                            article.outlet_short,
                            issue.claim,
                            issue.span.text,
                            verdict,
                            issue.references,
                            others.get((article.id, issue.span.text), ()),
                        )
                    )
                    break  # one claim per article
            if len(picked) == per_verdict:
                break
        cards += picked
    return cards


@dataclass(frozen=True)
class NeutralParagraph:
    """A short neutral text written for the kit, for students to rewrite manipulatively."""

    id: str
    title: str
    text: str


def neutral_paragraphs(path: Path | None = None) -> list[NeutralParagraph]:
    """The prebunking lesson's neutral paragraphs (constructed: invented towns and people).

    >>> [p.id for p in neutral_paragraphs()]
    ['bridge', 'bakery']
    """
    path = path or Path(str(resources.files("medialit"))) / "neutral_paragraphs.yaml"
    data = _read(path)
    paragraphs = []
    for i, raw in enumerate(data.get("paragraphs") or []):
        if not isinstance(raw, dict) or set(raw) != {"id", "title", "text"}:
            raise LessonPlanError(f"{path.name}: paragraphs[{i}]: needs exactly id, title, text")
        paragraphs.append(NeutralParagraph(str(raw["id"]), str(raw["title"]), str(raw["text"])))
    return paragraphs
