"""Grade a folder of submissions: a CSV, a feedback file per student and a summary.

``medialit grade SUBMISSIONS --out grades.csv`` finds every ``*.ipynb`` under SUBMISSIONS
(``alice.ipynb`` or ``alice/02-attribution.ipynb``: the student is the first folder, or the file
name), runs each one in its own limited process (:mod:`medialit.exercises.sandbox`, forked
from a warm server), several at once, and scores the answers it reports against the key loaded
here, in the grader's process.

Beside the notebooks it finds every ``*.json``: a worksheet file downloaded from a worksheet
page of the book (:mod:`medialit.exercises.worksheet`). That is data, not code: it is checked
strictly and its answers are scored here by the same function as a notebook's, with nothing
run. Its student is the first folder, or else the name written on the worksheet, or else the
file name.

A submission file is only ever read. A notebook or a worksheet file that cannot be read or
run costs only its own rows, each with a message that says what went wrong.

Examples
--------
>>> chapter_from_name("submissions/bob/04-numeric-verification.ipynb")
4
>>> chapter_from_name("bob.ipynb") is None
True
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.exercises.answers import Verdict, lateral_flags, lateral_text, score
from medialit.exercises.bank import CHAPTERS, HAND_GRADED, QUESTIONS, Question, questions_of
from medialit.exercises.keys import grading_key, instructor_files
from medialit.exercises.sandbox import ForkServer, Limits, Opaque, RunResult, run_cells
from medialit.exercises.worksheet import WorksheetError, read_worksheet

CSV_FIELDS = ("student", "question", "points", "max_points", "message")
NO_INSTRUCTOR_KEY = (
    "not graded: the instructors' key has no entry for this graded item "
    "(run `medialit exercises build`, or pass --key)"
)
SKIP_TAG = "medialit-display"  # cells that only show charts or widgets: not run when grading
MAX_NOTEBOOK_MB = 50.0  # a notebook with outputs and images is a few MB; 50 MB is not homework
_ANSWER_NAME = re.compile(r"\banswer_(\d+)_\d+\b")


class SubmissionError(ValueError):
    """The file is not a notebook the grader can run; the message says why."""


@dataclass
class Graded:
    """One graded notebook: who, which chapter, a verdict per question, and what went wrong."""

    student: str
    path: Path
    chapter: int | None
    verdicts: list[Verdict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    open_answers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    hand_graded: dict[str, list[str]] = field(default_factory=dict)  # flags of lateral answers

    @property
    def points(self) -> float:
        """Points toward the total: auto-checked items, extensions and hand grading aside."""
        return sum(v.points for v in self.verdicts if QUESTIONS[v.question].counts_toward_total)

    @property
    def max_points(self) -> float:
        return sum(v.max_points for v in self.verdicts if QUESTIONS[v.question].counts_toward_total)


# =========================================================================== reading submissions


def find_submissions(root: Path) -> list[tuple[str, Path]]:
    """Every notebook and worksheet file under ``root`` with its student's name.

    Jupyter's checkpoints are skipped, and so are hidden files and folders among the
    worksheet files (``.DS_Store`` folders and the like); any other ``*.json`` is graded, so
    that a file which is not a worksheet gets a row that says so rather than vanishing.
    """
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder of submissions")
    found = []
    for path in sorted([*root.rglob("*.ipynb"), *root.rglob("*.json")]):
        relative = path.relative_to(root)
        if ".ipynb_checkpoints" in relative.parts or path.is_dir():
            continue
        if path.suffix == ".ipynb" and not path.is_file():
            continue
        if path.suffix == ".json" and any(part.startswith(".") for part in relative.parts):
            continue
        student = relative.parts[0] if len(relative.parts) > 1 else path.stem
        found.append((student, path))
    return found


def is_worksheet_file(path: Path) -> bool:
    """Whether the grader reads this submission as a worksheet file (data) or a notebook.

    >>> is_worksheet_file(Path("alice/02-attribution-Alice.json"))
    True
    """
    return Path(path).suffix.lower() == ".json"


def read_notebook(path: Path, max_mb: float = MAX_NOTEBOOK_MB) -> dict:
    """Parse a submitted file as an nbformat-4 notebook, with a clear message when it is not."""
    size = path.stat().st_size
    if size > max_mb * 1_000_000:
        raise SubmissionError(f"the file is too large ({size / 1e6:.0f} MB; limit {max_mb:g} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise SubmissionError("the file is empty")
    try:
        notebook = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SubmissionError("not a notebook: the file is not UTF-8 text") from None
    except ValueError as error:
        raise SubmissionError(f"not a notebook: not valid JSON ({error})") from None
    except RecursionError:
        raise SubmissionError("not a notebook: JSON nested too deeply") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise SubmissionError("not a notebook: JSON without a list of 'cells'")
    if notebook.get("nbformat") != 4:
        raise SubmissionError(
            f"not a notebook in format 4 (nbformat: {notebook.get('nbformat')!r})"
        )
    for number, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise SubmissionError(f"cell {number} is not a notebook cell")
        if not isinstance(cell.get("source", ""), (str, list)):
            raise SubmissionError(f"cell {number} has no readable source")
    return notebook


def cell_source(cell: dict) -> str:
    """A cell's source as one string (notebooks store it as a string or a list of lines)."""
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(str(line) for line in source)


def code_cells(notebook: dict) -> list[str]:
    """The code cells to run, in order, leaving out display-only cells."""
    cells = []
    for cell in notebook["cells"]:
        tags = (
            cell.get("metadata", {}).get("tags", [])
            if isinstance(cell.get("metadata"), dict)
            else []
        )
        if cell["cell_type"] == "code" and SKIP_TAG not in tags:
            cells.append(cell_source(cell))
    return cells


def chapter_from_name(path: str | Path) -> int | None:
    """The chapter a file name points to: ``02-attribution.ipynb`` -> 2."""
    match = re.match(r"0?(\d)-", Path(path).name)
    number = int(match.group(1)) if match else None
    return number if number in CHAPTERS else None


def chapter_of(notebook: dict, path: Path) -> int | None:
    """Which exercise notebook this is: its metadata, else its file name, else its answers."""
    meta = notebook.get("metadata", {})
    chapter = meta.get("medialit", {}).get("chapter") if isinstance(meta, dict) else None
    if isinstance(chapter, int) and chapter in CHAPTERS:
        return chapter
    chapter = chapter_from_name(path)
    if chapter:
        return chapter
    seen = Counter(
        int(m.group(1))
        for cell in notebook["cells"]
        for m in _ANSWER_NAME.finditer(cell_source(cell))
        if int(m.group(1)) in CHAPTERS
    )
    return seen.most_common(1)[0][0] if seen else None


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
        graded = Graded(student, path, chapter_from_name(path))
        _fail_all(
            graded, f"internal grader error ({type(error).__name__}: {error}); please report it"
        )
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
    run = runner(
        code_cells(notebook),
        [q.variable for q in questions],
        {q.variable: list(q.inputs) for q in questions if q.kind == "code"},
        limits,
        blocked_reads=[str(path) for path in instructor_files()],
    )
    graded.problems += _problems(run)
    for question in questions:
        graded.verdicts.append(_verdict(question, run, key))
        _collect_hand_graded(graded, question, run.values.get(question.variable))
    graded.seconds = time.monotonic() - started
    return graded


def grade_worksheet(student: str, path: Path, key: dict, name_from_file: bool = False) -> Graded:
    """Score one worksheet file; never raises for a bad file, and runs nothing from it.

    With ``name_from_file`` (a file at the top of the submissions folder) the student is the
    name written on the worksheet, when there is one.
    """
    try:
        return _grade_worksheet(student, path, key, name_from_file)
    except Exception as error:  # a grader bug must cost this file only, and say so
        graded = Graded(student, path, chapter_from_name(path))
        _fail_all(
            graded, f"internal grader error ({type(error).__name__}: {error}); please report it"
        )
        return graded


def _grade_worksheet(student: str, path: Path, key: dict, name_from_file: bool) -> Graded:
    started = time.monotonic()
    try:
        sheet = read_worksheet(path)
    except (WorksheetError, OSError) as error:
        graded = Graded(student, path, chapter_from_name(path))
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        _fail_all(graded, f"worksheet file not graded: {reason}")
        graded.seconds = time.monotonic() - started
        return graded
    if name_from_file and sheet.student:
        student = sheet.student
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


def _verdict(question: Question, run: RunResult, key: dict) -> Verdict:
    name, top = question.variable, float(question.points)
    if question.kind == "code" and name in run.outputs:
        value: Any = run.outputs[name]
    elif name in run.values:
        value = run.values[name]
        if question.kind == "code" and isinstance(value, Opaque) and value.type_name == "function":
            return Verdict(question.id, 0.0, top, "your function could not be run to the end")
    else:
        stopped = f" ({run.message})" if run.message else ""
        message = f"{name} is not defined: its cell was deleted or did not run{stopped}"
        return Verdict(question.id, 0.0, top, message, answered=False)
    if isinstance(value, Opaque):
        message = f"not yet: the answer is a {value.type_name}, which the grader cannot read"
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
) -> list[Graded]:
    """Grade every notebook under ``root``, ``jobs`` at a time; results in a stable order."""
    key = key if key is not None else grading_key()
    limits = limits or Limits()
    submissions = find_submissions(root)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results = []
    root = Path(root)
    with _runner() as runner, ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(grade_worksheet, s, p, key, p.parent == root)
            if is_worksheet_file(p)
            else pool.submit(grade_notebook, s, p, key, limits, runner)
            for s, p in submissions
        ]
        for done, future in enumerate(as_completed(futures), start=1):
            results.append(future.result())
            if progress:
                progress(done, len(futures))
    return sorted(results, key=lambda g: (g.student, g.chapter or 0, str(g.path)))


@contextlib.contextmanager
def _runner() -> Iterator[Callable]:
    """A warm fork server when the platform allows it, else a fresh process per notebook."""
    try:
        server = ForkServer()
    except (OSError, RuntimeError, AttributeError):
        yield run_cells
        return
    with server:
        yield server.run_cells


# =========================================================================== writing results


def csv_rows(results: Iterable[Graded]) -> list[dict[str, str]]:
    """One row per student and question; a notebook of unknown chapter gets one row."""
    rows = []
    for graded in results:
        if not graded.verdicts:
            rows.append(_row(graded.student, "?", "0", "0", "; ".join(graded.problems)))
        for v in graded.verdicts:
            hand = QUESTIONS[v.question].kind in HAND_GRADED
            points = "" if hand and v.answered else f"{v.points:g}"
            message = "; ".join((v.message, *v.details))
            rows.append(_row(graded.student, v.question, points, f"{v.max_points:g}", message))
    return rows


def _row(*values: str) -> dict[str, str]:
    return dict(zip(CSV_FIELDS, values, strict=True))


def write_csv(results: list[Graded], out: Path) -> None:
    """The grades table: ``student, question, points, max_points, message``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(csv_rows(results))


def feedback_text(student: str, results: list[Graded]) -> str:
    """A readable report for one student: each question, each problem, open answers."""
    lines = [f"# Feedback for {student}", ""]
    for graded in results:
        title = CHAPTERS.get(graded.chapter or 0, "unknown exercise")
        lines += [f"## {title} ({graded.path.name})", ""]
        if graded.verdicts:
            lines.append(f"Points (auto-checked): {graded.points:g} of {graded.max_points:g}")
            lines.append("")
        for v in graded.verdicts:
            if QUESTIONS[v.question].kind in HAND_GRADED:
                lines.append(f"- {v.question}: {v.message}")
                continue
            if QUESTIONS[v.question].role == "extension":
                lines.append(
                    f"- {v.question} (extension, {v.points:g}/{v.max_points:g}): {v.message}"
                )
                continue
            mark = "right" if v.right else "to revise"
            lines.append(f"- {v.question} ({mark}, {v.points:g}/{v.max_points:g}): {v.message}")
            lines += [f"  - {detail}" for detail in v.details]
        if graded.problems:
            lines += ["", "Problems while running the notebook:", ""]
            lines += [f"- {problem}" for problem in graded.problems]
        for qid, text in graded.open_answers.items():
            lines += ["", f"Your answer to {qid} (graded by hand):", ""]
            lines += [f"> {line}" for line in text.strip().splitlines()]
        lines.append("")
    return "\n".join(lines)


def safe_name(student: str) -> str:
    """A file name for a student (no path separators, no leading dot).

    >>> safe_name("../alice smith")
    'alice_smith'
    """
    return re.sub(r"[^\w.-]+", "_", student).strip("._") or "student"


def write_feedback(results: list[Graded], folder: Path) -> list[Path]:
    """One Markdown feedback file per student."""
    folder.mkdir(parents=True, exist_ok=True)
    by_student: dict[str, list[Graded]] = defaultdict(list)
    for graded in results:
        by_student[graded.student].append(graded)
    paths = []
    for student, graded in by_student.items():
        path = folder / f"{safe_name(student)}.md"
        path.write_text(feedback_text(student, graded), encoding="utf-8")
        paths.append(path)
    return paths


def hand_grading_text(results: list[Graded], rubrics: dict[str, str]) -> str:
    """For the instructor: each question graded by hand, its rubric, then every answer verbatim.

    Lateral-reading answers carry the flags the grader raised (a missing URL or date...).
    """
    lines = ["# Answers to grade by hand", ""]
    asked = [q for q in QUESTIONS.values() if q.kind in HAND_GRADED]
    for question in asked:
        answers = [
            (g.student, g) for g in results if question.id in {v.question for v in g.verdicts}
        ]
        if not answers:
            continue
        lines += [f"## {question.id} ({question.points:g} points, {question.objective})", ""]
        lines += [
            question.prompt,
            "",
            "**Rubric.**",
            "",
            rubrics.get(question.id, "(no rubric)"),
            "",
        ]
        for student, graded in answers:
            text = graded.open_answers.get(question.id)
            if text is None:
                lines += [f"### {student}", "", "(not answered)", ""]
                continue
            flags = graded.hand_graded.get(question.id, [])
            lines += [f"### {student}", ""]
            lines += [f"> {line}" if line else ">" for line in text.strip().splitlines()]
            if flags:
                lines += ["", "Flagged: " + "; ".join(flags)]
            lines += ["", "Points: ____", ""]
    return "\n".join(lines) + "\n"


def submissions_text(results: list[Graded]) -> str:
    """How many notebooks and worksheet files were graded, in words.

    >>> submissions_text([Graded("a", Path("a.ipynb"), 1), Graded("b", Path("b.json"), 1)])
    '1 notebook and 1 worksheet file'
    """
    sheets = sum(is_worksheet_file(g.path) for g in results)
    notebooks = len(results) - sheets
    words = (
        [f"{notebooks} notebook{'s' if notebooks != 1 else ''}"] if notebooks or not sheets else []
    )
    if sheets:
        words.append(f"{sheets} worksheet file{'s' if sheets != 1 else ''}")
    return " and ".join(words)


def summary_text(results: list[Graded], seconds: float, jobs: int) -> str:
    """Totals per student, average per question, and the submissions that had problems."""
    students = sorted({g.student for g in results})
    lines = [
        "# Grading summary",
        "",
        f"{submissions_text(results)} from {len(students)} students graded in {seconds:.1f} s "
        f"({seconds / max(len(results), 1):.2f} s per submission, {jobs} at once).",
        "",
        "| student | points | of |",
        "| --- | --- | --- |",
    ]
    for student in students:
        mine = [g for g in results if g.student == student]
        points = sum(g.points for g in mine)
        lines.append(f"| {student} | {points:g} | {sum(g.max_points for g in mine):g} |")
    per_question: dict[str, list[Verdict]] = defaultdict(list)
    for graded in results:
        for v in graded.verdicts:
            per_question[v.question].append(v)
    lines += ["", "| question | answered | right | mean points |", "| --- | --- | --- | --- |"]
    for qid in (q for q in QUESTIONS if q in per_question):
        vs = per_question[qid]
        answered = sum(v.answered for v in vs)
        if QUESTIONS[qid].kind in HAND_GRADED:
            lines.append(f"| {qid} | {answered} | by hand | by hand |")
            continue
        mean = sum(v.points for v in vs) / len(vs)
        lines.append(f"| {qid} | {answered} | {sum(v.right for v in vs)} | {mean:.2f} |")
    ungraded = sum(v.message == NO_INSTRUCTOR_KEY for g in results for v in g.verdicts)
    if ungraded:
        lines += ["", f"{ungraded} answers to graded items were not graded: {NO_INSTRUCTOR_KEY}."]
    troubled = [g for g in results if g.problems]
    lines += ["", f"{len(troubled)} submissions had problems:", ""]
    for graded in troubled:
        lines.append(f"- {graded.student} ({graded.path.name}): {graded.problems[0]}")
    return "\n".join(lines) + "\n"


def print_progress(done: int, total: int) -> None:
    """A one-line progress bar on stderr."""
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done == total else ""
    sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    sys.stderr.flush()


def grade_command(
    submissions: Path,
    out: Path,
    jobs: int | None = None,
    limits: Limits | None = None,
    feedback_dir: Path | None = None,
    summary: Path | None = None,
    progress: bool = True,
    key: dict | None = None,
) -> list[Graded]:
    """What ``medialit grade`` does: grade, then write the CSV, the feedback files, the answers
    to grade by hand (with their rubrics) and the summary; with unit-test forms among the
    submissions, also the unit-test report and its chart."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    key = key if key is not None else grading_key()
    started = time.monotonic()
    results = grade_folder(
        submissions, jobs, limits, key=key, progress=print_progress if progress else None
    )
    seconds = time.monotonic() - started
    out = Path(out)
    write_csv(results, out)
    write_feedback(results, feedback_dir or out.with_name(out.stem + "-feedback"))
    hand = hand_grading_text(results, key.get("rubrics", {}))
    out.with_name(out.stem + "-hand-grading.md").write_text(hand, encoding="utf-8")
    text = summary_text(results, seconds, jobs)
    if any(g.chapter in _form_numbers() for g in results):
        from medialit.exercises.report import write_report

        report = write_report([out], out.with_name(out.stem + "-report.md"))
        text += f"\nUnit-test forms were graded: see {report.name} (difficulty, discrimination, "
        text += "pre/post change per skill).\n"
    (summary or out.with_name(out.stem + "-summary.md")).write_text(text, encoding="utf-8")
    return results


def _form_numbers() -> set[int]:
    from medialit.exercises.bank import forms

    return {nb.number for nb in forms().values()}
