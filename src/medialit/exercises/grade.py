"""Grade a folder of submitted notebooks: a CSV, a feedback file per student and a summary.

``medialit grade SUBMISSIONS --out grades.csv`` finds every ``*.ipynb`` under SUBMISSIONS
(``alice.ipynb`` or ``alice/02-attribution.ipynb``: the student is the first folder, or the file
name), runs each one in its own limited process (:mod:`medialit.exercises.sandbox`, forked
from a warm server), several at once, and scores the answers it reports against the key loaded
here, in the grader's process.
A submission file is only ever read. A notebook that cannot be read or run costs only its own
rows, each with a message that says what went wrong.

Examples
--------
>>> chapter_from_name("submissions/bob/04-numeric-verification.ipynb")
4
>>> chapter_from_name("bob.ipynb") is None
True
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.exercises.answers import Verdict, score
from medialit.exercises.bank import CHAPTERS, QUESTIONS, Question, questions_of
from medialit.exercises.check import load_key
from medialit.exercises.literals import VisibleAnswer, agrees, visible_answers
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

CSV_FIELDS = ("student", "question", "points", "max_points", "message")
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

    @property
    def points(self) -> float:
        return sum(v.points for v in self.verdicts)

    @property
    def max_points(self) -> float:
        return sum(v.max_points for v in self.verdicts if QUESTIONS[v.question].kind != "open")


# =========================================================================== reading submissions


def find_submissions(root: Path) -> list[tuple[str, Path]]:
    """Every notebook under ``root`` with its student's name (checkpoints are skipped)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder of submissions")
    found = []
    for path in sorted(root.rglob("*.ipynb")):
        relative = path.relative_to(root)
        if ".ipynb_checkpoints" in relative.parts or not path.is_file():
            continue
        student = relative.parts[0] if len(relative.parts) > 1 else path.stem
        found.append((student, path))
    return found


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
        value = run.values.get(question.variable)
        if question.kind == "open" and isinstance(value, str) and value.strip():
            graded.open_answers[question.id] = value
    graded.seconds = time.monotonic() - started
    return graded


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
        message = f"internal grader error on this question ({type(error).__name__}); please report it"
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
    entry = key["questions"].get(question.id)
    if entry is None:
        return Verdict(question.id, 0.0, top, "the answer key has no entry for this question")
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
    """Grade every notebook under ``root``, ``jobs`` at a time; results in a stable order.

    Before grading, one empty run shows which protection layers a notebook gets here
    (``announce`` receives them); when writes, key reads or the network cannot be confined and
    ``isolation`` does not allow weaker isolation, :class:`IsolationError` says what is missing.
    """
    key = key if key is not None else load_key()
    limits = limits or Limits()
    isolation = isolation or Isolation()
    submissions = find_submissions(root)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results = []
    with _server(isolation) as server, ThreadPoolExecutor(max_workers=jobs) as pool:
        report = server.probe()
        if announce:
            announce(report)
        refusal = report.refusal()
        if refusal and not isolation.allow_weaker:
            raise IsolationError(refusal)
        runner = server.run_cells
        futures = [pool.submit(grade_notebook, s, p, key, limits, runner) for s, p in submissions]
        for done, future in enumerate(as_completed(futures), start=1):
            results.append(future.result())
            if progress:
                progress(done, len(futures))
    return sorted(results, key=lambda g: (g.student, g.chapter or 0, str(g.path)))


def _server(isolation: Isolation) -> ForkServer:
    try:
        return ForkServer(isolation=isolation)
    except (OSError, RuntimeError) as error:
        raise IsolationError(
            f"the grading sandbox cannot start here ({error}); it needs a POSIX system "
            "(on Windows, use WSL)"
        ) from None


# =========================================================================== writing results


def csv_rows(results: Iterable[Graded]) -> list[dict[str, str]]:
    """One row per student and question; a notebook of unknown chapter gets one row."""
    rows = []
    for graded in results:
        if not graded.verdicts:
            rows.append(_row(graded.student, "?", "0", "0", "; ".join(graded.problems)))
        for v in graded.verdicts:
            points = "" if QUESTIONS[v.question].kind == "open" and v.answered else f"{v.points:g}"
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
            lines.append(f"Self-checked points: {graded.points:g} of {graded.max_points:g}")
            lines.append("")
        for v in graded.verdicts:
            if QUESTIONS[v.question].kind == "open":
                lines.append(f"- {v.question}: {v.message}")
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


def summary_text(results: list[Graded], seconds: float, jobs: int) -> str:
    """Totals per student, average per question, and the notebooks that had problems."""
    students = sorted({g.student for g in results})
    lines = [
        "# Grading summary",
        "",
        f"{len(results)} notebooks from {len(students)} students graded in {seconds:.1f} s "
        f"({seconds / max(len(results), 1):.2f} s per notebook, {jobs} at once).",
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
        if QUESTIONS[qid].kind == "open":
            lines.append(f"| {qid} | {answered} | by hand | by hand |")
            continue
        mean = sum(v.points for v in vs) / len(vs)
        lines.append(f"| {qid} | {answered} | {sum(v.right for v in vs)} | {mean:.2f} |")
    troubled = [g for g in results if g.problems]
    lines += ["", f"{len(troubled)} notebooks had problems:", ""]
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
    isolation: Isolation | None = None,
    announce: Callable[[LayerReport], None] | None = None,
) -> list[Graded]:
    """What ``medialit grade`` does: grade, then write the CSV, feedback files and summary."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    started = time.monotonic()
    results = grade_folder(
        submissions,
        jobs,
        limits,
        progress=print_progress if progress else None,
        isolation=isolation,
        announce=announce,
    )
    seconds = time.monotonic() - started
    out = Path(out)
    write_csv(results, out)
    write_feedback(results, feedback_dir or out.with_name(out.stem + "-feedback"))
    text = summary_text(results, seconds, jobs)
    (summary or out.with_name(out.stem + "-summary.md")).write_text(text, encoding="utf-8")
    return results
