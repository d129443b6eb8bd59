"""Derive the student notebooks and the answer keys from the solution notebooks and the bank.

``solutions/NN-*.ipynb`` are the source of truth for answers; ``bank.yaml`` for the questions.
In a solution notebook:

* a Markdown cell tagged ``question`` (with ``medialit.question`` in its metadata) is rendered
  from the bank; cells tagged ``unseen-text`` show an unseen text (``medialit.text``) or define
  it for code (``medialit.text_code``); a cell tagged ``unseen-note`` opens the new-texts part;
* a code cell tagged ``answer`` holds the answer: assignments ``answer_2_3 = ...`` (the whole
  cell becomes the blank assignments) or a function whose body sits between
  ``# BEGIN SOLUTION`` and ``# END SOLUTION`` (those lines become ``...``);
* cells tagged ``solution-only`` (rubrics, the ``accept_X_Y`` of other credited answers) are
  dropped from the student's notebook.

``medialit exercises build`` re-renders those cells in the solutions, writes ``exercises/``, and
runs each solution in the grading sandbox to hash its answers: practice and extension items
into the package's ``key.json``, graded items (and every rubric) into the instructors' key
``solutions/instructor-key.json``, which ships nowhere. An answer computed from the data is
pinned: if the data change, the solutions stop passing their checks.

Examples
--------
>>> blank_answer_cell("x = 2\\nanswer_1_1 = 'b'\\nanswer_1_2 = (\\n  3)\\n")
'answer_1_1 = ...\\nanswer_1_2 = ...\\n'
>>> print(blank_answer_cell("def f(t):\\n    '''Doc.'''\\n    # BEGIN SOLUTION\\n    return t\\n"
...                         "    # END SOLUTION\\nanswer_3_4 = f\\n"), end="")
def f(t):
    '''Doc.'''
    ...  # your code here
answer_3_4 = f
"""

from __future__ import annotations

import ast
import copy
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import EllipsisType

from medialit.corpus import CorpusError, load_texts
from medialit.exercises import bank
from medialit.exercises.answers import AnswerError, CaseError, make_entry
from medialit.exercises.bank import HAND_GRADED, QUESTIONS, Question, questions_of
from medialit.exercises.install_cell import install_cell
from medialit.exercises.keys import (
    INSTRUCTOR_KEY_NAME,
    default_instructor_key,
    key_path,
    repository_root,
)
from medialit.exercises.render import UNSEEN_NOTE, render_question, render_text, render_text_code
from medialit.exercises.sandbox import Isolation, Limits, run_cells
from medialit.exercises.submissions import cell_source, code_cells, read_notebook
from medialit.project import read_links
from medialit.worksheet_page import WORKSHEETS_FOLDER, worksheet_markdown

__all__ = [
    "ANSWER_TAG",
    "SOLUTION_ONLY_TAG",
    "BuildError",
    "blank_answer_cell",
    "build",
    "build_exercises",
    "build_keys",
    "drift",
    "repository_root",
]

ANSWER_TAG = "answer"
SOLUTION_ONLY_TAG = "solution-only"
QUESTION_TAG = "question"
TEXT_TAG = "unseen-text"
NOTE_TAG = "unseen-note"
RUBRIC_TAG = "rubric"
BEGIN, END = "# BEGIN SOLUTION", "# END SOLUTION"
_ANSWER = re.compile(r"^answer_\d+_\d+$")


class BuildError(ValueError):
    """A solution notebook is not in the shape the build expects; the message says where."""


@dataclass(frozen=True)
class Sources:
    """Where a build reads from and writes to: the repository's, or a private folder's."""

    solutions: Path
    exercises: Path
    texts: Path  # the manifest of the unseen texts the notebooks show
    notebooks: tuple[int, ...]  # the notebook numbers these solutions hold
    install_from: str | None = None  # the repository the notebooks' first cell installs from
    worksheets: Path | None = None  # where the book's worksheet pages go (None: no pages)

    @classmethod
    def repository(cls) -> Sources:
        root = repository_root()
        shipped = tuple(sorted(bank.SHIPPED_NOTEBOOKS))
        texts = root / "unseen" / "texts.yaml"
        install_from = read_links().repository
        worksheets = root / WORKSHEETS_FOLDER
        return cls(root / "solutions", root / "exercises", texts, shipped, install_from, worksheets)


def blank_answer_cell(source: str, where: str = "cell") -> str:
    """The student's version of an answer cell: blank assignments, or a stub function body."""
    if BEGIN in source:
        return _blank_between_markers(source, where)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise BuildError(f"{where}: the answer cell does not parse ({error.msg})") from None
    names = [
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and _ANSWER.match(node.targets[0].id)
    ]
    if not names:
        raise BuildError(f"{where}: an answer cell must assign answer_X_Y (or use {BEGIN})")
    return "".join(f"{name} = ...\n" for name in names)


def _blank_between_markers(source: str, where: str) -> str:
    lines, out, inside = source.splitlines(keepends=True), [], False
    for line in lines:
        stripped = line.strip()
        if stripped == BEGIN:
            if inside:
                raise BuildError(f"{where}: {BEGIN} twice without {END}")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}...  # your code here\n")
        elif stripped == END:
            if not inside:
                raise BuildError(f"{where}: {END} without {BEGIN}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise BuildError(f"{where}: {BEGIN} without {END}")
    return "".join(out)


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("medialit", {})


# =========================================================================== rendering


def load_unseen(manifest: Path) -> dict[str, tuple[str, str]]:
    """``{id: (title, text)}`` for the unseen texts of a manifest (validated by the corpus)."""
    try:
        return {t.id: (t.headline, t.text) for t in load_texts(manifest)}
    except (CorpusError, FileNotFoundError) as error:
        raise BuildError(f"the unseen texts cannot be loaded: {error}") from None


def rendered(notebook: dict, texts: Mapping[str, tuple[str, str]], where: str) -> dict:
    """The notebook with its question, text and note cells rendered from the bank (a copy)."""
    notebook = copy.deepcopy(notebook)
    for number, cell in enumerate(notebook["cells"], start=1):
        tags, meta = _tags(cell), _meta(cell)
        here = f"{where}, cell {number}"
        if QUESTION_TAG in tags:
            question = QUESTIONS.get(str(meta.get("question")))
            if question is None:
                raise BuildError(f"{here}: question {meta.get('question')!r} is not in the bank")
            cell["source"] = render_question(question)
        elif TEXT_TAG in tags:
            text_id = meta.get("text") or meta.get("text_code")
            if text_id not in texts:
                raise BuildError(f"{here}: unseen text {text_id!r} is not in the manifest")
            title, text = texts[text_id]
            if meta.get("text_code"):
                cell["source"] = render_text_code(text_id, text)
            else:
                cell["source"] = render_text(text_id, title, text)
        elif NOTE_TAG in tags:
            cell["source"] = f"## New texts\n\n{UNSEEN_NOTE}\n"
    return notebook


def exercise_from_solution(
    solution: dict, chapter: int, name: str, repository: str | None = None
) -> dict:
    """The student notebook for one (rendered) solution notebook; the input is not changed.

    Its first cell installs the kit from ``repository`` where the kit is missing
    (:mod:`medialit.exercises.install_cell`).
    """
    cells = [install_cell(repository)]
    for number, cell in enumerate(solution["cells"], start=1):
        tags = _tags(cell)
        if SOLUTION_ONLY_TAG in tags:
            continue
        source = cell_source(cell)
        if ANSWER_TAG in tags:
            source = blank_answer_cell(source, f"{name}, cell {number}")
        new = {"cell_type": cell["cell_type"], "id": cell.get("id", f"cell-{number}")}
        new["metadata"] = {"tags": tags} if tags else {}
        new["source"] = source
        if cell["cell_type"] == "code":
            new["execution_count"] = None
            new["outputs"] = []
        cells.append(new)
    metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "medialit": {"chapter": chapter, "generated_from": f"solutions/{name}"},
    }
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def notebook_text(notebook: dict) -> str:
    """The file text of a notebook, stable from one build to the next."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def solution_paths(solutions: Path, notebooks: tuple[int, ...] | None = None) -> dict[int, Path]:
    """``{notebook: path}`` for every notebook; a missing one is an error."""
    numbers = notebooks if notebooks is not None else Sources.repository().notebooks
    paths = {}
    for number in numbers:
        path = Path(solutions) / f"{bank.CHAPTERS[number]}.ipynb"
        if not path.is_file():
            raise BuildError(f"{path}: missing solution notebook for notebook {number}")
        paths[number] = path
    return paths


def _check_answer_cells(notebook: dict, chapter: int, path: Path) -> None:
    assigned, shown = set(), set()
    for cell in notebook["cells"]:
        if ANSWER_TAG in _tags(cell):
            assigned |= set(re.findall(r"^(answer_\d+_\d+)\s*=", cell_source(cell), re.M))
        if QUESTION_TAG in _tags(cell):
            shown.add(str(_meta(cell).get("question")))
    expected = {q.variable for q in questions_of(chapter)}
    if assigned != expected:
        missing, extra = sorted(expected - assigned), sorted(assigned - expected)
        raise BuildError(
            f"{path}: answer cells do not match the bank (missing {missing}, unknown {extra})"
        )
    ids = {q.id for q in questions_of(chapter)}
    if shown != ids:
        raise BuildError(
            f"{path}: question cells do not match the bank "
            f"(missing {sorted(ids - shown)}, unknown {sorted(shown - ids)})"
        )


def build_notebooks(sources: Sources) -> dict[Path, str]:
    """The rendered solutions, the exercises and the book's worksheet pages as
    ``{path: text}``, without writing them."""
    texts = load_unseen(sources.texts)
    built = {}
    for chapter, path in solution_paths(sources.solutions, sources.notebooks).items():
        solution = rendered(read_notebook(path), texts, str(path))
        _check_answer_cells(solution, chapter, path)
        built[path] = notebook_text(solution)
        exercise = exercise_from_solution(solution, chapter, path.name, sources.install_from)
        built[Path(sources.exercises) / path.name] = notebook_text(exercise)
        if sources.worksheets is not None:
            try:
                page = worksheet_markdown(exercise, chapter)
            except ValueError as error:
                raise BuildError(str(error)) from None
            built[Path(sources.worksheets) / f"{path.stem}.md"] = page
    return built


def build_exercises(
    solutions: Path, exercises: Path, repository: str | EllipsisType | None = ...
) -> dict[Path, str]:
    """The exercise notebooks of the repository as ``{path: text}``, without writing them.

    ``repository`` is the address their install cell uses; by default the one in the
    checkout's pyproject.toml (:func:`medialit.project.read_links`).
    """
    sources = Sources.repository()
    install_from = sources.install_from if repository is ... else repository
    sources = Sources(
        Path(solutions), Path(exercises), sources.texts, sources.notebooks, install_from
    )
    return {p: t for p, t in build_notebooks(sources).items() if p.parent == Path(exercises)}


def drift(solutions: Path, exercises: Path) -> list[str]:
    """Notebooks that differ from what the bank and solutions generate (empty when in sync)."""
    sources = replace(Sources.repository(), solutions=Path(solutions), exercises=Path(exercises))
    problems = []
    for path, text in build_notebooks(sources).items():
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            kind = "rendered from the bank" if path.parent == Path(solutions) else "generated"
            problems.append(f"{path}: differs from the one {kind} (run medialit exercises build)")
    return problems


# =========================================================================== keys


def _rubrics(notebook: dict) -> dict[str, str]:
    found = {}
    for cell in notebook["cells"]:
        if RUBRIC_TAG in _tags(cell) and cell["cell_type"] == "markdown":
            text = cell_source(cell).replace("**Rubric (solutions only).**", "").strip()
            found[str(_meta(cell).get("rubric"))] = text
    return found


def _entries(path: Path, questions: list[Question], salt: str, limits: Limits) -> dict:
    notebook = read_notebook(path)
    names = [q.variable for q in questions] + [q.accept_variable for q in questions]
    run = run_cells(
        code_cells(notebook),
        names,
        {q.variable: list(q.inputs) for q in questions if q.kind == "code"},
        limits,
        # The solutions are the instructor's own code: build the keys wherever grading
        # isolation is incomplete (macOS), still in the sandbox where it exists.
        isolation=Isolation(allow_weaker=True),
    )
    if run.errors or run.status != "ok":
        problems = [f"code cell {e.cell + 1}: {e.message}" for e in run.errors]
        raise BuildError(f"{path}: the solution does not run: {problems or run.message}")
    entries = {}
    for q in questions:
        value = run.outputs.get(q.variable) if q.kind == "code" else run.values.get(q.variable)
        if value is None or (q.kind == "code" and any(isinstance(o, CaseError) for o in value)):
            raise BuildError(f"{path}: {q.variable} has no usable solution value ({value!r})")
        try:
            entries[q.id] = make_entry(q, value, salt, run.values.get(q.accept_variable))
        except AnswerError as error:
            raise BuildError(f"{path}: {error}") from None
    rubrics = _rubrics(notebook)
    missing = [q.id for q in questions if q.kind in HAND_GRADED and q.id not in rubrics]
    if missing:
        raise BuildError(f"{path}: hand-graded questions without a rubric cell: {missing}")
    return {"entries": entries, "rubrics": {q: rubrics[q] for q in rubrics}}


def build_keys(
    sources: Sources, salt: str | None = None, limits: Limits | None = None
) -> tuple[dict, dict]:
    """Run every solution in the sandbox and hash its answers into two keys.

    Returns the practice key (practice and extension items, for the package) and the
    instructors' key (graded items and all rubrics, for the instructor only).
    """
    salt = salt or secrets.token_hex(16)
    practice, instructor, rubrics = {}, {}, {}
    for chapter, path in solution_paths(sources.solutions, sources.notebooks).items():
        built = _entries(path, questions_of(chapter), salt, limits or Limits(wall_seconds=300))
        for qid, entry in built["entries"].items():
            (instructor if QUESTIONS[qid].graded else practice)[qid] = entry
        rubrics.update(built["rubrics"])
    wanted = {q.id for n in sources.notebooks for q in questions_of(n)}
    unknown = wanted - set(practice) - set(instructor)
    if unknown:
        raise BuildError(f"questions with no solution: {sorted(unknown)}")
    return (
        {"version": 2, "salt": salt, "questions": practice},
        {"version": 2, "salt": salt, "questions": instructor, "rubrics": rubrics},
    )


def existing_salt(path: Path) -> str | None:
    """Keep the salt of the current key so that rebuilding changes only what changed."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["salt"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_json(path: Path, data: dict) -> Path | None:
    """Write a key unless it is unchanged; return the path when written."""
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return None
    path.write_text(text, encoding="utf-8")
    return path


# =========================================================================== the command


def private_sources(folder: Path) -> Sources:
    """An instructor's private folder: ``bank.yaml``, ``solutions/``, optionally ``texts.yaml``.

    Its items are added to this process's bank (their ids must not clash with the shipped
    ones). The exercises are written to ``exercises/`` inside the folder and the key to
    ``instructor-key.json`` beside them, so nothing of it enters the repository.
    """
    folder = Path(folder)
    if not (folder / "bank.yaml").is_file():
        raise BuildError(f"{folder}: a private folder needs a bank.yaml")
    notebooks, _ = bank.load_bank(folder / "bank.yaml")
    if not set(notebooks) <= set(bank.NOTEBOOKS):
        bank.add_items(folder / "bank.yaml")
    manifest = folder / "texts.yaml"
    shipped = Sources.repository()
    texts = manifest if manifest.is_file() else shipped.texts
    solutions, exercises = folder / "solutions", folder / "exercises"
    return Sources(solutions, exercises, texts, tuple(sorted(notebooks)), shipped.install_from)


def build(
    solutions: Path | None = None,
    exercises: Path | None = None,
    key: Path | None = None,
    with_key: bool = True,
    private: Path | None = None,
) -> list[Path]:
    """Regenerate the notebooks (and the keys) from the bank and the solutions.

    With ``private``, build an instructor's private folder instead: its key is built with the
    salt of the package's key (so the grader can merge them) and stays in the folder.
    """
    if private is not None:
        return _build_private(Path(private), with_key)
    sources = Sources.repository()
    sources = replace(
        sources,
        solutions=Path(solutions or sources.solutions),
        exercises=Path(exercises or sources.exercises),
    )
    key = Path(key or key_path())
    written = _write_notebooks(sources)
    if with_key:
        practice, instructor = build_keys(sources, existing_salt(key))
        instructor_path = Path(sources.solutions) / INSTRUCTOR_KEY_NAME
        keys = [_write_json(key, practice), _write_json(instructor_path, instructor)]
        written += [path for path in keys if path]
    return written


def _write_notebooks(sources: Sources) -> list[Path]:
    written = []
    Path(sources.exercises).mkdir(parents=True, exist_ok=True)
    if sources.worksheets is not None:
        Path(sources.worksheets).mkdir(parents=True, exist_ok=True)
    for path, text in build_notebooks(sources).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _build_private(folder: Path, with_key: bool) -> list[Path]:
    sources = private_sources(folder)
    written = _write_notebooks(sources)
    if with_key:
        salt = existing_salt(key_path())
        if salt is None:
            raise BuildError(f"{key_path()}: the package's key is missing; build it first")
        practice, instructor = build_keys(sources, salt)
        instructor["questions"].update(practice["questions"])  # private items ship nowhere
        path = _write_json(folder / INSTRUCTOR_KEY_NAME, instructor)
        written += [path] if path else []
    return written


def default_key_paths() -> tuple[Path, Path]:
    """The practice key and the instructors' key the repository's build writes."""
    return key_path(), default_instructor_key()
