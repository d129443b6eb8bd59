"""Grade a folder of submitted notebooks: a CSV, a feedback file per student and a summary.

``medialit grade SUBMISSIONS --out grades.csv`` plans the work
(:mod:`~medialit.exercises.submissions`: whose each notebook is, one per student and
exercise, the files that are reported instead of graded), runs each notebook confined by the
operating system (:mod:`medialit.exercises.sandbox`, forked from a warm server), several at
once, and scores the answers it reports against the key loaded here, in the grader's
process, after checking them against the notebook's own text
(:mod:`~medialit.exercises.literals`). :mod:`~medialit.exercises.result_files` writes the files.
Beside the notebooks the plan finds every ``*.json``: a worksheet file downloaded from a
worksheet page of the book (:mod:`medialit.exercises.worksheet`). That is data, not code: it
is checked strictly and its answers are scored here with the function that scores a notebook's
(:func:`verdict_of`), with nothing run; a folder of worksheet files alone needs no sandbox.

A submission file is only ever read. A notebook or a worksheet file that cannot be read or run
costs only its own rows, each with a message that says what went wrong.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.exercises.answers import Verdict, lateral_flags, lateral_text, score
from medialit.exercises.bank import HAND_GRADED, QUESTIONS, Question, questions_of
from medialit.exercises.keys import grading_key
from medialit.exercises.literals import VisibleAnswer, agrees, visible_answers
from medialit.exercises.result_files import (
    hand_grading_text,
    print_progress,
    summary_text,
    write_csv,
    write_feedback,
)
from medialit.exercises.sandbox import (
    ForkServer,
    Isolation,
    IsolationError,
    LayerReport,
    Limits,
    Opaque,
    RunResult,
    run_cells,
)
from medialit.exercises.submissions import (
    SKIP_TAG,
    Skipped,
    SubmissionError,
    cell_source,
    chapter_from_name,
    chapter_of,
    code_cells,
    find_submissions,
    is_worksheet_file,
    plan_submissions,
    read_notebook,
)
from medialit.exercises.worksheet import WorksheetError, read_worksheet

# Reading submissions moved to submissions.py and writing results to result_files.py; these
# names stay importable from here, where other modules and branches have long found them.
__all__ = [
    "NO_INSTRUCTOR_KEY",
    "SKIP_TAG",
    "Graded",
    "SubmissionError",
    "cell_source",
    "chapter_of",
    "code_cells",
    "find_submissions",
    "grade_command",
    "grade_folder",
    "grade_notebook",
    "grade_worksheet",
    "read_notebook",
    "verdict_of",
]

NO_INSTRUCTOR_KEY = (
    "not graded: the instructors' key has no entry for this graded item "
    "(run `medialit exercises build`, or pass --key)"
)


@dataclass
class Graded:
    """One notebook's outcome: who, which chapter, a verdict per question, what went wrong.

    A file that was not graded at all has no verdicts, says why in ``problems`` and gives
    the reason's kind in ``skipped`` (see :class:`~medialit.exercises.submissions.Skipped`);
    ``quiet`` ones (autosave copies of graded notebooks) appear only in the summary.
    """

    student: str
    path: Path
    chapter: int | None
    verdicts: list[Verdict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    open_answers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: str = ""
    hand_graded: dict[str, list[str]] = field(default_factory=dict)  # flags of lateral answers

    @property
    def quiet(self) -> bool:
        return self.skipped == "autosave"

    @property
    def points(self) -> float:
        """Points toward the total: auto-checked items, extensions and hand grading aside."""
        return sum(v.points for v in self.verdicts if QUESTIONS[v.question].counts_toward_total)

    @property
    def max_points(self) -> float:
        return sum(v.max_points for v in self.verdicts if QUESTIONS[v.question].counts_toward_total)

    @classmethod
    def not_graded(cls, item: Skipped) -> Graded:
        """The record of a file that is reported instead of graded."""
        return cls(item.student, item.path, item.chapter, [], [item.message], skipped=item.kind)


# =========================================================================== grading


def grade_notebook(
    student: str, path: Path, key: dict, limits: Limits, runner: Callable = run_cells
) -> Graded:
    """Run and score one submitted notebook; never raises for a bad submission.

    ``runner`` runs the cells: :func:`~medialit.exercises.sandbox.run_cells` (a fresh
    process) or a :class:`~medialit.exercises.sandbox.ForkServer`'s ``run_cells``.
    """
    try:
        return _grade_notebook(student, path, key, limits, runner)
    except Exception as error:  # a grader bug must cost this notebook only, and say so
        return _internal_error(student, path, error)


def _internal_error(student: str, path: Path, error: Exception) -> Graded:
    """Every question of the file failed, with the grader's own error named."""
    graded = Graded(student, path, chapter_from_name(path))
    _fail_all(graded, f"internal grader error ({type(error).__name__}: {error}); please report it")
    return graded


def _grade_notebook(
    student: str, path: Path, key: dict, limits: Limits, runner: Callable
) -> Graded:
    started = time.monotonic()
    try:
        notebook = read_notebook(path)
    except (SubmissionError, OSError) as error:
        graded = Graded(student, path, chapter_from_name(path))
        _fail_all(graded, str(error))
        graded.seconds = time.monotonic() - started
        return graded
    graded = Graded(student, path, chapter_of(notebook, path))
    if graded.chapter is None:
        graded.problems.append(
            "cannot tell which exercise this is (no medialit metadata, no chapter number "
            "in the file name, no answer_X_Y variables)"
        )
        graded.seconds = time.monotonic() - started
        return graded
    questions = questions_of(graded.chapter)
    cells = code_cells(notebook)
    run = runner(
        cells,
        [q.variable for q in questions],
        {q.variable: list(q.inputs) for q in questions if q.kind == "code"},
        limits,
    )
    if run.status == "refused":  # the probe passed, so this is rare: this notebook only
        _fail_all(graded, run.message)
        graded.seconds = time.monotonic() - started
        return graded
    graded.problems += _problems(run)
    visible = visible_answers(cells, [q.variable for q in questions])
    for question in questions:
        graded.verdicts.append(_safe_verdict(question, run, key, visible[question.variable]))
        _collect_hand_graded(graded, question, run.values.get(question.variable))
    graded.seconds = time.monotonic() - started
    return graded


def grade_worksheet(student: str, path: Path, key: dict) -> Graded:
    """Score one worksheet file; never raises for a bad file, and runs nothing from it."""
    try:
        return _grade_worksheet(student, path, key)
    except Exception as error:  # a grader bug must cost this file only, and say so
        return _internal_error(student, path, error)


def _grade_worksheet(student: str, path: Path, key: dict) -> Graded:
    started = time.monotonic()
    try:
        sheet = read_worksheet(path)
    except (WorksheetError, OSError) as error:
        graded = Graded(student, path, chapter_from_name(path))
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        _fail_all(graded, f"worksheet file not graded: {reason}")
        graded.seconds = time.monotonic() - started
        return graded
    graded = Graded(student, path, sheet.chapter)
    for question in questions_of(sheet.chapter):
        if question.kind == "code":
            message = "a coding task: answered in the notebook, not on the worksheet page"
            graded.verdicts.append(
                Verdict(question.id, 0.0, float(question.points), message, answered=False)
            )
            continue
        value = sheet.answers.get(question.id, ...)
        graded.verdicts.append(verdict_of(question, value, key))
        _collect_hand_graded(graded, question, value)
    graded.seconds = time.monotonic() - started
    return graded


def _collect_hand_graded(graded: Graded, question: Question, value: Any) -> None:
    """Keep an open or lateral-reading answer verbatim, with what is missing from it."""
    if question.kind == "open" and isinstance(value, str) and value.strip():
        graded.open_answers[question.id] = value
    elif question.kind == "lateral" and value not in (None, ...) and not isinstance(value, Opaque):
        graded.open_answers[question.id] = lateral_text(value)
        graded.hand_graded[question.id] = lateral_flags(value, ledger_urls())


@functools.cache
def ledger_urls() -> frozenset[str]:
    """The addresses of the reference ledger's sources (a lateral answer may reuse one)."""
    from medialit.corpus import load_references

    return frozenset(entry.url for entry in load_references().entries.values() if entry.url)


def _fail_all(graded: Graded, message: str) -> None:
    graded.problems.append(message)
    if graded.chapter is not None:
        graded.verdicts = [
            Verdict(q.id, 0.0, float(q.points), message, answered=False)
            for q in questions_of(graded.chapter)
        ]


def _problems(run: RunResult) -> list[str]:
    problems = [f"code cell {e.cell + 1}: {e.message}" for e in run.errors]
    if run.message:
        problems.append(run.message)
    if run.output_truncated:
        problems.append("the notebook printed a flood of output; it was discarded")
    return problems


def _safe_verdict(question: Question, run: RunResult, key: dict, visible: VisibleAnswer) -> Verdict:
    """A grader bug on one answer costs that question only, and says so."""
    try:
        return _verdict(question, run, key, visible)
    except Exception as error:
        message = (
            f"internal grader error on this question ({type(error).__name__}); please report it"
        )
        return Verdict(question.id, 0.0, float(question.points), message)


def _verdict(question: Question, run: RunResult, key: dict, visible: VisibleAnswer) -> Verdict:
    name, top = question.variable, float(question.points)
    if name not in run.values and name not in run.outputs:
        stopped = f" ({run.message})" if run.message else ""
        message = f"{name} is not defined: its cell was deleted or did not run{stopped}"
        return Verdict(question.id, 0.0, top, message, answered=False)
    if not visible.assigned:
        message = f"{name} is reported, but no code in the notebook assigns it: not graded"
        return Verdict(question.id, 0.0, top, message)
    if question.kind == "code" and name in run.outputs:
        value: Any = run.outputs[name]
    else:
        value = run.values.get(name)
        if question.kind == "code" and isinstance(value, Opaque) and value.type_name == "function":
            return Verdict(question.id, 0.0, top, "your function could not be run to the end")
    if isinstance(value, Opaque):
        message = f"not yet: the answer is a {value.type_name}, which the grader cannot read"
        return Verdict(question.id, 0.0, top, message)
    if question.kind != "code" and not agrees(visible, value):
        message = (
            f"the value reported for {name} is not the one the notebook assigns to it: not graded"
        )
        return Verdict(question.id, 0.0, top, message)
    return verdict_of(question, value, key)


def verdict_of(question: Question, value: Any, key: dict) -> Verdict:
    """Score an answer value with the grading key: the one scorer of notebooks and worksheets."""
    top = float(question.points)
    entry = key["questions"].get(question.id)
    if entry is None and question.kind in HAND_GRADED:
        entry = {"kind": question.kind}
    if entry is None:
        message = NO_INSTRUCTOR_KEY if question.graded else "the answer key has no entry for it"
        return Verdict(question.id, 0.0, top, message)
    return score(question, value, entry, key["salt"])


def grade_folder(
    root: Path,
    jobs: int | None = None,
    limits: Limits | None = None,
    key: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
    isolation: Isolation | None = None,
    announce: Callable[[LayerReport], None] | None = None,
) -> list[Graded]:
    """Grade every notebook (``jobs`` at a time) and worksheet file under ``root``; results in
    a stable order.

    Before grading, one empty run shows which protection layers a notebook gets here
    (``announce`` receives them); when writes, key reads or the network cannot be confined and
    ``isolation`` does not allow weaker isolation, :class:`IsolationError` says what is missing.
    """
    key = key if key is not None else grading_key()
    limits = limits or Limits()
    isolation = isolation or Isolation()
    plan = plan_submissions(root)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results = [Graded.not_graded(item) for item in plan.skipped]
    sheets = [s for s in plan.submissions if is_worksheet_file(s.path)]
    notebooks = [s for s in plan.submissions if not is_worksheet_file(s.path)]
    # Worksheet files are data: scored here, with no sandbox (nor its isolation check).
    for done, submission in enumerate(sheets, start=1):
        results.append(grade_worksheet(submission.student, submission.path, key))
        if progress:
            progress(done, len(plan.submissions))
    if not notebooks:
        return sorted(results, key=lambda g: (g.student, g.chapter or 0, str(g.path)))
    with _server(isolation) as server, ThreadPoolExecutor(max_workers=jobs) as pool:
        report = server.probe()
        if announce:
            announce(report)
        refusal = report.refusal()
        if refusal and not isolation.allow_weaker:
            raise IsolationError(refusal)
        runner = server.run_cells
        futures = [
            pool.submit(grade_notebook, s.student, s.path, key, limits, runner) for s in notebooks
        ]
        for done, future in enumerate(as_completed(futures), start=len(sheets) + 1):
            results.append(future.result())
            if progress:
                progress(done, len(plan.submissions))
    return sorted(results, key=lambda g: (g.student, g.chapter or 0, str(g.path)))


def _server(isolation: Isolation) -> ForkServer:
    try:
        return ForkServer(isolation=isolation)
    except (OSError, RuntimeError) as error:
        raise IsolationError(
            f"the grading sandbox cannot start here ({error}); it needs a POSIX system "
            "(on Windows, use WSL)"
        ) from None


def grade_command(
    submissions: Path,
    out: Path,
    jobs: int | None = None,
    limits: Limits | None = None,
    feedback_dir: Path | None = None,
    summary: Path | None = None,
    progress: bool = True,
    isolation: Isolation | None = None,
    announce: Callable[[LayerReport], None] | None = None,
    key: dict | None = None,
) -> list[Graded]:
    """What ``medialit grade`` does: grade, then write the CSV, the feedback files, the answers
    to grade by hand (with their rubrics) and the summary; with unit-test forms among the
    submissions, also the unit-test report and its chart."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    key = key if key is not None else grading_key()
    started = time.monotonic()
    results = grade_folder(
        submissions,
        jobs,
        limits,
        key=key,
        progress=print_progress if progress else None,
        isolation=isolation,
        announce=announce,
    )
    seconds = time.monotonic() - started
    out = Path(out)
    write_csv(results, out)
    write_feedback(results, feedback_dir or out.with_name(out.stem + "-feedback"))
    hand = hand_grading_text(results, key.get("rubrics", {}))
    out.with_name(out.stem + "-hand-grading.md").write_text(hand, encoding="utf-8")
    text = summary_text(results, seconds, jobs, NO_INSTRUCTOR_KEY)
    tested = {g.student for g in results if not g.skipped and g.chapter in _form_numbers()}
    if tested:
        from medialit.exercises.report import FEW_STUDENTS, write_report

        report = write_report([out], out.with_name(out.stem + "-report.md"))
        if len(tested) < FEW_STUDENTS:
            text += (
                f"\nUnit-test forms were graded for only {len(tested)} "
                f"student{'' if len(tested) == 1 else 's'}, too few to compare a class: "
                f"{report.name} lists each student's scores instead.\n"
            )
        else:
            text += f"\nUnit-test forms were graded: see {report.name} (how hard each question "
            text += "was, how well it told stronger students from weaker ones, and the change "
            text += "per skill from before the unit to after it).\n"
    (summary or out.with_name(out.stem + "-summary.md")).write_text(text, encoding="utf-8")
    return results


def _form_numbers() -> set[int]:
    from medialit.exercises.bank import forms

    return {nb.number for nb in forms().values()}
