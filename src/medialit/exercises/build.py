"""Derive the student notebooks and the answer key from the solution notebooks.

``solutions/NN-*.ipynb`` are the source of truth. In them, a code cell tagged ``answer`` holds
the answer: either assignments ``answer_2_3 = ...`` (the whole cell becomes the blank
assignments) or a function whose body sits between ``# BEGIN SOLUTION`` and ``# END SOLUTION``
(those lines become ``...``). Cells tagged ``solution-only`` (rubrics, worked explanations) are
dropped. Outputs are cleared. The key is built by running each solution in the grading sandbox
and hashing its answers, so an answer computed from the data is pinned: if the data change,
the solutions stop passing their checks.

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
from pathlib import Path

from medialit.exercises.answers import CaseError, make_entry
from medialit.exercises.bank import CHAPTERS, QUESTIONS, questions_of
from medialit.exercises.check import key_path
from medialit.exercises.sandbox import Isolation, Limits, run_cells
from medialit.exercises.submissions import cell_source, code_cells, read_notebook

ANSWER_TAG = "answer"
SOLUTION_ONLY_TAG = "solution-only"
BEGIN, END = "# BEGIN SOLUTION", "# END SOLUTION"
_ANSWER = re.compile(r"^answer_\d+_\d+$")


class BuildError(ValueError):
    """A solution notebook is not in the shape the build expects; the message says where."""


def repository_root() -> Path:
    """The checkout's top folder (where ``solutions/`` and ``exercises/`` live)."""
    return Path(__file__).resolve().parents[3]


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


def exercise_from_solution(solution: dict, chapter: int, name: str) -> dict:
    """The student notebook for one solution notebook (a new dict; the input is not changed)."""
    cells = []
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


def solution_paths(solutions: Path) -> dict[int, Path]:
    """``{chapter: path}`` for every chapter; a missing notebook is an error."""
    paths = {}
    for chapter, stem in CHAPTERS.items():
        path = Path(solutions) / f"{stem}.ipynb"
        if not path.is_file():
            raise BuildError(f"{path}: missing solution notebook for chapter {chapter}")
        paths[chapter] = path
    return paths


def _check_answer_cells(notebook: dict, chapter: int, path: Path) -> None:
    assigned = set()
    for cell in notebook["cells"]:
        if ANSWER_TAG in _tags(cell):
            assigned |= set(re.findall(r"^(answer_\d+_\d+)\s*=", cell_source(cell), re.M))
    expected = {q.variable for q in questions_of(chapter)}
    if assigned != expected:
        missing, extra = sorted(expected - assigned), sorted(assigned - expected)
        raise BuildError(
            f"{path}: answer cells do not match the bank (missing {missing}, unknown {extra})"
        )


def build_exercises(solutions: Path, exercises: Path) -> dict[Path, str]:
    """The exercise notebooks as ``{path: text}``, without writing them."""
    built = {}
    for chapter, path in solution_paths(solutions).items():
        solution = read_notebook(path)
        _check_answer_cells(solution, chapter, path)
        exercise = exercise_from_solution(copy.deepcopy(solution), chapter, path.name)
        built[Path(exercises) / path.name] = notebook_text(exercise)
    return built


def drift(solutions: Path, exercises: Path) -> list[str]:
    """Exercise notebooks that differ from what the solutions generate (empty when in sync)."""
    problems = []
    for path, text in build_exercises(solutions, exercises).items():
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path}: differs from the one generated from solutions/{path.name}")
    return problems


def build_key(solutions: Path, salt: str | None = None, limits: Limits | None = None) -> dict:
    """Run every solution in the sandbox and hash its answers into a key."""
    salt = salt or secrets.token_hex(16)
    entries = {}
    for chapter, path in solution_paths(solutions).items():
        notebook = read_notebook(path)
        questions = questions_of(chapter)
        run = run_cells(
            code_cells(notebook),
            [q.variable for q in questions],
            {q.variable: list(q.inputs) for q in questions if q.kind == "code"},
            limits or Limits(wall_seconds=300),
            # The solutions are the instructor's own code: build the key wherever grading
            # isolation is incomplete (macOS), still in the sandbox where it exists.
            isolation=Isolation(allow_weaker=True),
        )
        if run.errors or run.status != "ok":
            problems = [f"code cell {e.cell + 1}: {e.message}" for e in run.errors]
            raise BuildError(f"{path}: the solution does not run: {problems or run.message}")
        for q in questions:
            value = run.outputs.get(q.variable) if q.kind == "code" else run.values.get(q.variable)
            if value is None or (q.kind == "code" and any(isinstance(o, CaseError) for o in value)):
                raise BuildError(f"{path}: {q.variable} has no usable solution value ({value!r})")
            entries[q.id] = make_entry(q, value, salt)
    unknown = set(QUESTIONS) - set(entries)
    if unknown:
        raise BuildError(f"questions with no solution: {sorted(unknown)}")
    return {"version": 1, "salt": salt, "questions": entries}


def existing_salt(path: Path) -> str | None:
    """Keep the salt of the current key so that rebuilding changes only what changed."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["salt"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build(
    solutions: Path | None = None,
    exercises: Path | None = None,
    key: Path | None = None,
    with_key: bool = True,
) -> list[Path]:
    """Regenerate ``exercises/`` (and the key) from ``solutions/``; return the files written."""
    root = repository_root()
    solutions = Path(solutions or root / "solutions")
    exercises = Path(exercises or root / "exercises")
    key = Path(key or key_path())
    written = []
    exercises.mkdir(parents=True, exist_ok=True)
    for path, text in build_exercises(solutions, exercises).items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    if with_key:
        data = build_key(solutions, existing_salt(key))
        key.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        written.append(key)
    return written
