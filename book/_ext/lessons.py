"""Print the unit plan's structured parts on the lesson pages, from ``medialit/lessons.yaml``.

Directives (the argument is a lesson number, or a session number for ``session-timing``):

- ``{lesson-objectives} 3``: the lesson's objectives, each with its id and its words from the
  question bank (``medialit/exercises/objectives.yaml``), so a plan never retypes an objective;
- ``{lesson-materials} 3``: what to prepare;
- ``{lesson-timing} 3``: the minute-by-minute plan, set-up first, with start and end times;
- ``{unit-plan}``: every lesson with its length, objectives and notebook;
- ``{short-path}``: the sessions of the shorter path, each with its plan;
- ``{session-timing} 2``: the minute-by-minute plan of one session of the shorter path;
- ``{claim-cards}``: claims from the articles for the Checking claims lesson, with the verdict
  and the references that support it (the key), chosen from the annotations, and any other
  verdict a group could defend (``claim_cards`` in the plan), with the reason;
- ``{verdict-definitions}``: the verdicts with their definitions from the schema, all five or
  those named (``{verdict-definitions} unsupported unverified``), so no plan retypes them.

They build Markdown and parse it in place, so links and inline code work as in the page. They
run at build time without a kernel, which keeps the lesson pages fast to build and plain to
print. A lesson or session number the plan does not have is a build error.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from medialit.formatting import format_number
from medialit.lessons import (
    Lesson,
    LessonPlanError,
    claim_cards,
    load_unit,
    objectives_markdown,
    verdict_definitions_markdown,
)

KIND_LABELS = {
    "setup": "Set-up",
    "test": "Unit test",
    "teach": "Teach",
    "model": "Model",
    "activity": "Activity",
    "exercise": "Exercise",
    "discussion": "Discussion",
    "exit": "Exit ticket",
}


def objective_lines(lesson: Lesson) -> list[str]:
    """The lesson's objectives as Markdown list items, id first, words from the bank."""
    lines = objectives_markdown(lesson.objectives).splitlines()
    if lesson.unit_test:
        lines.append(
            f"- The unit test (form {lesson.unit_test}) measures every objective of the unit: "
            "see the list on {doc}`the unit plan </lessons/unit>`."
        )
    return lines


def timing_lines(lesson: Lesson) -> list[str]:
    """The minute-by-minute plan as a Markdown table (three columns: it prints on A4)."""
    lines = ["| Minutes | Step | What happens |", "| --- | --- | --- |"]
    for step in lesson.plan:
        span = f"{format_number(step.start)}–{format_number(step.end)}"
        activity = step.activity.replace("|", "\\|")
        lines.append(f"| {span} | {KIND_LABELS[step.kind]} | {activity} |")
    lines.append("")
    lines.append(f"Total: {format_number(lesson.minutes)} minutes, set-up included.")
    return lines


def objective_ids(lesson: Lesson) -> str:
    return ", ".join(lesson.objectives) or "–"


class _UnitDirective(SphinxDirective):
    """Parses the Markdown a subclass builds, in place."""

    optional_arguments = 1

    def number(self) -> int:
        try:
            return int(self.arguments[0])
        except (IndexError, ValueError) as error:
            raise self.error(f"{self.name}: give a lesson number") from error

    def lesson(self) -> Lesson:
        try:
            return load_unit().lesson(self.number())
        except KeyError as error:
            raise self.error(f"{self.name}: {error.args[0]}") from error

    def parse(self, lines: list[str]) -> list[nodes.Node]:
        container = nodes.container(classes=["lesson-plan-part"])
        self.state.nested_parse(StringList(lines, source=self.name), self.content_offset, container)
        return [container]


class LessonObjectives(_UnitDirective):
    def run(self):
        return self.parse(objective_lines(self.lesson()))


class LessonMaterials(_UnitDirective):
    def run(self):
        lesson = self.lesson()
        lines = [f"- {m}" for m in lesson.materials]
        return self.parse(lines)


class LessonTiming(_UnitDirective):
    def run(self):
        return self.parse(timing_lines(self.lesson()))


class SessionTiming(_UnitDirective):
    def run(self):
        number = self.number()
        sessions = {s.number: s for s in load_unit().short_path}
        if number not in sessions:
            raise self.error(f"{self.name}: the shorter path has no session {number}")
        return self.parse(timing_lines(sessions[number]))


class UnitPlan(_UnitDirective):
    optional_arguments = 0

    def run(self):
        unit = load_unit()
        lines = [
            "| Lesson | Objectives | Notebook | Minutes |",
            "| --- | --- | --- | --- |",
        ]
        for lesson in unit.lessons:
            notebook = f"`{lesson.exercise}`" if lesson.exercise else "–"
            lines.append(
                f"| {format_number(lesson.number)}. {{doc}}`{lesson.title} </{lesson.page}>` "
                f"| {objective_ids(lesson)} | {notebook} | {format_number(lesson.minutes)} |"
            )
        lines += [
            "",
            f"{format_number(len(unit.lessons))} lessons, {format_number(unit.minutes)} minutes "
            f"in all; each fits a period of {format_number(unit.minutes_per_lesson)} minutes.",
        ]
        return self.parse(lines)


class ShortPath(_UnitDirective):
    optional_arguments = 0

    def run(self):
        unit = load_unit()
        lines = [
            "| Session | Draws on lessons | Objectives | Minutes |",
            "| --- | --- | --- | --- |",
        ]
        for session in unit.short_path:
            drawn = ", ".join(
                f"{{doc}}`{format_number(n)} </{unit.lesson(n).page}>`" for n in session.lessons
            )
            lines.append(
                f"| {format_number(session.number)}. {session.title} | {drawn} "
                f"| {objective_ids(session)} | {format_number(session.minutes)} |"
            )
        return self.parse(lines)


class ClaimCards(_UnitDirective):
    optional_arguments = 0

    def run(self):
        lines = [
            "| Card | The claim (article) | Verdict | References |",
            "| --- | --- | --- | --- |",
        ]
        for number, card in enumerate(claim_cards(), start=1):
            claim = card.claim.replace("|", "\\|")
            refs = ", ".join(card.references)
            verdict = card.verdict + "".join(
                f"; also accept *{o.verdict}*: {o.why}".replace("|", "\\|") for o in card.also
            )
            lines.append(
                f"| {format_number(number)} | {claim} ({card.outlet}, article {card.article_id}) "
                f"| {verdict} | {{ledger}}`{refs}` |"
            )
        return self.parse(lines)


class VerdictDefinitions(_UnitDirective):
    optional_arguments = 5

    def run(self):
        try:
            return self.parse(verdict_definitions_markdown(self.arguments).splitlines())
        except LessonPlanError as error:
            raise self.error(f"{self.name}: {error}") from error


def setup(app):
    app.add_directive("lesson-objectives", LessonObjectives)
    app.add_directive("lesson-materials", LessonMaterials)
    app.add_directive("lesson-timing", LessonTiming)
    app.add_directive("session-timing", SessionTiming)
    app.add_directive("unit-plan", UnitPlan)
    app.add_directive("short-path", ShortPath)
    app.add_directive("claim-cards", ClaimCards)
    app.add_directive("verdict-definitions", VerdictDefinitions)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
