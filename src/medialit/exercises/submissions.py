"""Find the notebooks and worksheet files in a folder of submissions, say whose each is, and
read them safely.

``alice.ipynb`` or ``alice/02-attribution.ipynb``: the student is the first folder, or the
file name. A worksheet file (``*.json``, downloaded from a worksheet page of the book; see
:mod:`medialit.exercises.worksheet`) at the top of the folder is named by the name written on
the worksheet, else by its file name. Names are compared in one form (Unicode NFC, invisible
characters removed, spaces collapsed), so "José" typed two ways and "bo\\u200bb" are one student
each. Each student gets one grade per exercise: when a student has several submissions for one
chapter, the notebook named like the exercise is graded, else the worksheet file saved last,
else the first by path, and the others are reported. Files that
are not graded are never skipped silently: symbolic links, FIFOs and other special files,
copies that exist only in ``.ipynb_checkpoints``, and students whose names would share a
feedback file all come back as :class:`Skipped` items with a message.

Examples
--------
>>> student_name("  Jose\\u0301\\u200b  Smith ")
'José Smith'
>>> feedback_name("../alice smith"), feedback_name("...")
('alice_smith', '')
>>> chapter_from_name("submissions/bob/04-numeric-verification.ipynb")
4
>>> chapter_from_name("bob.ipynb") is None
True
"""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from medialit.exercises.bank import CHAPTERS
from medialit.exercises.worksheet import WorksheetError, WorksheetFile, read_worksheet
from medialit.inputs import InputError, link_target, read_file, why_not_regular

SKIP_TAG = "medialit-display"  # cells that only show charts or widgets: not run when grading
MAX_NOTEBOOK_MB = 50.0  # a notebook with outputs and images is a few MB; 50 MB is not homework
CHECKPOINTS = ".ipynb_checkpoints"
_ANSWER_NAME = re.compile(r"\banswer_(\d+)_\d+\b")
_INVISIBLE = {
    "Cc",
    "Cf",
    "Co",
    "Cs",
    "Cn",
    "Zl",
    "Zp",
}  # controls, formats (zero-width), unassigned


class SubmissionError(ValueError):
    """The file is not a notebook the grader can run; the message says why."""


@dataclass(frozen=True)
class Submission:
    """A notebook to grade."""

    student: str
    path: Path
    chapter: int | None


@dataclass(frozen=True)
class Skipped:
    """A file that is not graded, and why (reported in the CSV, feedback and summary).

    ``kind`` is ``name`` (the student's name clashes or is unusable), ``duplicate``,
    ``link``, ``special`` (a FIFO, a device...), ``checkpoint`` (only an autosave copy was
    found) or ``autosave`` (the autosave copy of a graded notebook: in the summary only).
    """

    student: str
    path: Path
    chapter: int | None
    message: str
    kind: str

    @property
    def quiet(self) -> bool:
        return self.kind == "autosave"


@dataclass
class Plan:
    """What grading a folder will do."""

    submissions: list[Submission] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# =========================================================================== names


def student_name(raw: str) -> str:
    """One spelling per name: NFC, invisible characters dropped, white space collapsed."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)
    return " ".join(text.split())


def feedback_name(student: str) -> str:
    """The feedback file's name (without ``.md``) for a student; '' when nothing usable is left."""
    name = re.sub(r"[^\w.-]+", "_", student).strip("._")[:100]
    return name if re.search(r"\w", name) else ""


# =========================================================================== reading


def read_notebook(path: Path, max_mb: float = MAX_NOTEBOOK_MB) -> dict:
    """Parse a submitted file as an nbformat-4 notebook, with a clear message when it is not.

    Symbolic links, FIFOs and other special files are refused without being opened for
    reading (a FIFO would block); a UTF-8 byte-order mark is accepted.
    """
    data = _read_regular_file(Path(path), max_mb)
    if data.startswith(b"\xef\xbb\xbf"):  # some editors write a UTF-8 byte-order mark
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SubmissionError(
            "the file is UTF-16 or UTF-32 text (it starts with such a byte-order mark); "
            "save the notebook as UTF-8"
        )
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
    _check_shape(notebook)
    return notebook


def _read_regular_file(path: Path, max_mb: float) -> bytes:
    try:
        return read_file(path, int(max_mb * 1_000_000), follow_links=False)
    except InputError as error:
        raise SubmissionError(error.reason) from None


def _check_shape(notebook: object) -> None:
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


def cell_source(cell: dict) -> str:
    """A cell's source as one string (notebooks store it as a string or a list of lines)."""
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(str(line) for line in source)


def code_cells(notebook: dict) -> list[str]:
    """The code cells to run, in order, leaving out display-only cells."""
    cells = []
    for cell in notebook["cells"]:
        metadata = cell.get("metadata")
        tags = metadata.get("tags", []) if isinstance(metadata, dict) else []
        if cell["cell_type"] == "code" and SKIP_TAG not in tags:
            cells.append(cell_source(cell))
    return cells


def is_worksheet_file(path: str | Path) -> bool:
    """Whether a submission is a worksheet file (data) rather than a notebook (code).

    >>> is_worksheet_file("alice/02-attribution-Alice.json"), is_worksheet_file("a.ipynb")
    (True, False)
    """
    return Path(path).suffix.lower() == ".json"


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


# =========================================================================== finding


@dataclass(frozen=True)
class _Found:
    student: str
    raw: str
    path: Path
    checkpoint: bool
    problem: str = ""
    kind: str = ""
    sheet: WorksheetFile | None = None  # a worksheet file as read once while walking


def find_submissions(root: Path) -> list[tuple[str, Path]]:
    """Every notebook to grade under ``root`` with its student's name."""
    return [(s.student, s.path) for s in plan_submissions(root).submissions]


def plan_submissions(root: Path) -> Plan:
    """Which notebooks to grade, and which files are reported instead (see the module)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder of submissions")
    found = list(_walk(root))
    plan = Plan()
    refused = _colliding_names(found)
    regular: dict[tuple[str, int | None], list[_Found]] = defaultdict(list)
    for item in found:
        chapter = _chapter_if_readable(item)
        if item.student in refused:
            message = refused[item.student]
            plan.skipped.append(Skipped(item.student, item.path, chapter, message, "name"))
        elif item.problem:
            plan.skipped.append(Skipped(item.student, item.path, chapter, item.problem, item.kind))
        elif not item.checkpoint:
            regular[(item.student, chapter)].append(item)
    for (student, chapter), items in regular.items():
        _one_per_chapter(plan, student, chapter, items)
    graded = {(s.student, s.chapter) for s in plan.submissions}
    for item in found:
        if item.checkpoint and not item.problem and item.student not in refused:
            _checkpoint(plan, item, graded)
    plan.submissions.sort(key=lambda s: (s.student, s.chapter or 0, str(s.path)))
    plan.skipped.sort(key=lambda s: (s.student, s.chapter or 0, str(s.path)))
    return plan


def _walk(root: Path):
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        for name in sorted(subfolders):
            if os.path.islink(here / name):
                raw = _raw_student(root, here / name / "x.ipynb")
                target = link_target(here / name)
                message = f"a symbolic link to a folder ({target}): not graded"
                yield _Found(student_name(raw), raw, here / name, False, message, "link")
        for name in sorted(files):
            path = here / name
            checkpoint = CHECKPOINTS in path.relative_to(root).parts
            if name.lower().endswith(".ipynb") or (is_worksheet_file(path) and not checkpoint):
                problem, kind = _special(path)
                readable = is_worksheet_file(path) and not problem
                sheet = _worksheet_or_none(path) if readable else None
                raw = _raw_student(root, path, sheet)
                yield _Found(student_name(raw), raw, path, checkpoint, problem, kind, sheet)


def _raw_student(root: Path, path: Path, sheet: WorksheetFile | None = None) -> str:
    relative = path.relative_to(root).parts
    if len(relative) > 1 and relative[0] != CHECKPOINTS:
        return relative[0]
    if sheet is not None and student_name(sheet.student):
        return sheet.student
    stem = Path(relative[-1]).stem
    return stem[: -len("-checkpoint")] if stem.endswith("-checkpoint") else stem


def _worksheet_or_none(path: Path):
    try:
        return read_worksheet(path)
    except (WorksheetError, OSError):
        return None


def _special(path: Path) -> tuple[str, str]:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return f"a symbolic link ({link_target(path)}), not a submitted file: not graded", "link"
    if not stat.S_ISREG(info.st_mode):
        return f"{why_not_regular(info.st_mode)}: not graded", "special"
    return "", ""


def _chapter_if_readable(item: _Found) -> int | None:
    path = item.path
    if is_worksheet_file(path):
        return item.sheet.chapter if item.sheet is not None else chapter_from_name(path)
    try:
        return chapter_of(read_notebook(path), path)
    except (SubmissionError, OSError):
        return chapter_from_name(path)


def _colliding_names(found: list[_Found]) -> dict[str, str]:
    """Students whose feedback files would clash, or who have no usable name, and why each is
    refused."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for item in found:
        spellings[feedback_name(item.student)].add(item.student)
    refused = {}
    for file_name, students in spellings.items():
        if not file_name:
            for student in students:
                refused[student] = (
                    f"not graded: the name {student!r} gives no usable file name; rename it"
                )
        elif len(students) > 1:
            names = " and ".join(repr(s) for s in sorted(students))
            for student in students:
                refused[student] = (
                    f"not graded: the names {names} would share the feedback file "
                    f"{file_name}.md; rename one of them"
                )
    return refused


def _one_per_chapter(plan: Plan, student: str, chapter: int | None, items: list[_Found]) -> None:
    paths = [item.path for item in items]
    if chapter is None:  # unknown exercise: each file is reported on its own
        plan.submissions += [Submission(student, p, None) for p in paths]
        return
    expected = f"{CHAPTERS[chapter]}.ipynb"
    chosen = next((p for p in sorted(paths) if p.name == expected), None)
    if chosen is None:
        chosen = _last_saved_worksheet(items) or sorted(paths)[0]
    plan.submissions.append(Submission(student, chosen, chapter))
    for other in sorted(paths):
        if other != chosen:
            what = (
                "submission"
                if is_worksheet_file(other) or is_worksheet_file(chosen)
                else "notebook"
            )
            message = (
                f"another {what} for chapter {chapter} ({chosen.name}) was graded instead: "
                "one grade per student and exercise"
            )
            plan.skipped.append(Skipped(student, other, chapter, message, "duplicate"))


def _last_saved_worksheet(items: list[_Found]) -> Path | None:
    """The worksheet file saved last (by the time written in it), when there is one."""
    saved = sorted((item.path, item.sheet) for item in items if item.sheet is not None)
    return max(saved, key=lambda pair: pair[1].saved.timestamp())[0] if saved else None


def _checkpoint(plan: Plan, item: _Found, graded: set) -> None:
    chapter = _chapter_if_readable(item)
    if (item.student, chapter) in graded:
        message = "a Jupyter autosave copy of a notebook that was graded: ignored"
        plan.skipped.append(Skipped(item.student, item.path, chapter, message, "autosave"))
        return
    message = (
        f"only an autosave copy in {CHECKPOINTS} was found for this exercise: not graded; "
        "submit the notebook itself"
    )
    plan.skipped.append(Skipped(item.student, item.path, chapter, message, "checkpoint"))
