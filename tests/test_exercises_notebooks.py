"""Every solution passes every check; every blank exercise fails every check; no drift, no leak.

The solutions are run twice: in the grading sandbox (what ``medialit grade`` sees, with the
practice key and the instructors' key) and in this process through ``check_all`` (what a
student sees in class, where graded items are only recorded), and the two must agree.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.exercises import check_all
from medialit.exercises.answers import normalise_text
from medialit.exercises.bank import CHAPTERS, QUESTIONS, questions_of
from medialit.exercises.build import ANSWER_TAG, build_exercises, drift, repository_root
from medialit.exercises.check import load_key
from medialit.exercises.grade import grade_folder
from medialit.exercises.keys import default_instructor_key, read_key
from medialit.exercises.sandbox import Limits
from medialit.exercises.submissions import SKIP_TAG, cell_source, read_notebook

ROOT = repository_root()
SOLUTIONS, EXERCISES = ROOT / "solutions", ROOT / "exercises"
NAMES = [f"{stem}.ipynb" for stem in CHAPTERS.values()]
LIMITS = Limits(wall_seconds=60, cell_seconds=30)


@pytest.fixture(scope="module")
def graded_solutions():
    return {g.chapter: g for g in grade_folder(SOLUTIONS, jobs=2, limits=LIMITS)}


@pytest.fixture(scope="module")
def graded_exercises():
    return {g.chapter: g for g in grade_folder(EXERCISES, jobs=2, limits=LIMITS)}


def run_in_process(path) -> dict:
    """Execute a notebook's code cells here (display cells aside) and return its namespace."""
    namespace: dict = {"__name__": "__main__"}
    for cell in read_notebook(path)["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "code" and SKIP_TAG not in tags:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell_source(cell), str(path), "exec"), namespace)
    return namespace


LESSONS = [n for n in CHAPTERS if n <= 6]  # the six lesson notebooks; 7 and 8 are the unit test


def test_bank_has_enough_questions_of_every_kind():
    auto = [q for q in QUESTIONS.values() if q.kind not in ("open", "lateral")]
    assert len(auto) >= 30
    assert {q.kind for q in auto} == {"choice", "choices", "quote", "number", "classify", "code"}
    assert all(any(q.kind == "open" for q in questions_of(c)) for c in LESSONS)
    assert {q.role for q in QUESTIONS.values() if q.kind == "code"} == {"extension"}


def test_the_shipped_key_holds_practice_items_only_and_the_instructors_key_the_graded_ones():
    shipped, instructor = load_key(), read_key(default_instructor_key())
    graded = {q.id for q in QUESTIONS.values() if q.graded}
    assert set(shipped["questions"]) == set(QUESTIONS) - graded
    assert set(instructor["questions"]) == graded
    assert shipped["salt"] == instructor["salt"]
    for key in (shipped, instructor):
        assert all(key["questions"][q]["kind"] == QUESTIONS[q].kind for q in key["questions"])
    hand = {q.id for q in QUESTIONS.values() if q.kind in ("open", "lateral")}
    assert set(instructor["rubrics"]) == hand and "rubrics" not in shipped


@pytest.mark.parametrize("chapter", list(CHAPTERS))
def test_solution_passes_every_check_in_the_grader(graded_solutions, chapter):
    graded = graded_solutions[chapter]
    assert graded.problems == []
    auto = [v for v in graded.verdicts if QUESTIONS[v.question].kind not in ("open", "lateral")]
    wrong = [(v.question, v.message) for v in auto if not v.right]
    # When the data changed on purpose, `medialit exercises build` re-pins the key: review its diff.
    assert wrong == [], "a solution fails its key: did the data or the solution change?"
    assert graded.points == graded.max_points > 0


@pytest.mark.parametrize("chapter", list(CHAPTERS))
def test_blank_exercise_fails_every_check_in_the_grader(graded_exercises, chapter):
    """A blank notebook runs cleanly and earns nothing: no check passes by default."""
    graded = graded_exercises[chapter]
    assert graded.problems == []
    assert [v.question for v in graded.verdicts if v.right or v.points] == []
    assert len(graded.verdicts) == len(questions_of(chapter))


@pytest.mark.parametrize("name", NAMES)
def test_self_check_in_the_notebook_agrees_with_the_grader(name):
    """Practice items say right for the solution; graded items only say recorded."""
    solved = check_all(solution_values(name.removesuffix(".ipynb")))
    for result in solved.results:
        question = QUESTIONS[result.verdict.question]
        if question.graded or question.kind in ("open", "lateral"):
            assert str(result).startswith("•") and "recorded" in str(result), str(result)
        else:
            assert result.right, str(result)
    blank = check_all(run_in_process(EXERCISES / name))
    assert not any(r.right or r.points for r in blank.results), str(blank)


def test_exercises_are_generated_from_the_solutions_without_drift():
    assert drift(SOLUTIONS, EXERCISES) == []
    assert sorted(p.name for p in build_exercises(SOLUTIONS, EXERCISES)) == sorted(NAMES)


def test_code_cells_are_written_as_ruff_format_writes_them(tmp_path):
    """A solution is a model answer: it should read as a careful student would write it."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff (a test dependency) is not installed"
    cells = {}
    for folder in (SOLUTIONS, EXERCISES):
        for name in NAMES:
            notebook = read_notebook(folder / name)
            for number, cell in enumerate(notebook["cells"]):
                source = cell_source(cell)
                magic = any(line.lstrip().startswith(("%", "!")) for line in source.splitlines())
                if cell["cell_type"] == "code" and source.strip() and not magic:
                    path = tmp_path / f"{folder.name}-{name[:2]}-cell{number:02d}.py"
                    path.write_text(source.rstrip("\n") + "\n", encoding="utf-8")
                    cells[path.name] = source
    assert len(cells) > 50
    result = subprocess.run(
        [ruff, "format", "--check", "--no-cache", "--line-length", "100", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_exercise_answer_cells_hold_only_blanks(name):
    notebook = read_notebook(EXERCISES / name)
    assert "solution-only" not in json.dumps(notebook)
    answer_cells = [c for c in notebook["cells"] if ANSWER_TAG in c["metadata"].get("tags", [])]
    assert answer_cells
    for cell in answer_cells:
        for node in ast.walk(ast.parse(cell_source(cell))):
            if isinstance(node, ast.Assign) and re.match(r"answer_\d+_\d+$", node.targets[0].id):
                value = node.value
                assert isinstance(value, ast.Name) or (
                    isinstance(value, ast.Constant) and value.value is ...
                ), ast.unparse(node)
            if isinstance(node, ast.FunctionDef):
                body = [
                    n
                    for n in node.body
                    if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
                ]
                assert body == [], f"{name}: {node.name} keeps code"


def test_no_answer_appears_in_plain_text_in_exercises_or_key():
    """No answer hides in the student files' code or metadata, in the key or in the hints.

    The questions' markdown may quote the articles (it is meant to be read), so text answers
    are looked for in everything a student receives that is not question text; the long model
    answers to open questions are looked for everywhere.
    """
    key = load_key()
    # A classify entry is keyed by its items, which are question text (they are in the bank).
    hashes_only = {q: sorted(e.get("items", {}).values()) or e for q, e in key["questions"].items()}
    graded = {q.id for q in QUESTIONS.values() if q.graded}
    assert not graded & set(key["questions"]), "the shipped key holds a graded item"
    hidden = [json.dumps(hashes_only), json.dumps([q.hint for q in QUESTIONS.values()])]
    everything = []
    for path in EXERCISES.glob("*.ipynb"):
        notebook = read_notebook(path)
        hidden.append(json.dumps(notebook["metadata"]))
        hidden += [
            cell_source(c)
            for c in notebook["cells"]
            if c["cell_type"] == "code" and "unseen-text" not in c["metadata"].get("tags", [])
        ]  # an unseen text defined for code is text to read, like the Markdown
        everything.append(path.read_text())
    hidden_text = normalise_text(" ".join(hidden))
    everything_text = normalise_text(" ".join(everything))
    checked = 0
    for chapter, stem in CHAPTERS.items():
        values = solution_values(stem)
        for question in questions_of(chapter):
            value = values[question.variable]
            if question.kind in ("quote", "open") and len(value) >= 4:  # not ids like "001"
                assert normalise_text(value) not in hidden_text, question.id
                checked += 1
            if question.kind == "open":
                assert normalise_text(value)[:60] not in everything_text, question.id
            if question.kind == "number" and not question.graded:
                entry = key["questions"][question.id]
                assert set(entry) == {"kind", "bands"}
                for band in entry["bands"]:
                    assert set(band) == {"offset", "width", "hash", "credit"}
                    assert 0 <= band["offset"] < band["width"]
                checked += 1
            if question.kind == "lateral":
                assert normalise_text(value["url"]) not in everything_text, question.id
                checked += 1
    assert checked >= 15


@functools.cache
def solution_values(stem: str) -> dict:
    return run_in_process(SOLUTIONS / f"{stem}.ipynb")


def test_a_solution_runs_in_a_real_jupyter_kernel_with_its_chart_and_widget():
    """The notebook works in Jupyter as it is (display cells included), and check prints ✓."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(SOLUTIONS / "02-attribution.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    displays = [c for c in notebook.cells if SKIP_TAG in c.metadata.get("tags", [])]
    kinds = {key for cell in displays for out in cell.outputs for key in out.get("data", {})}
    assert {"text/html", "application/vnd.jupyter.widget-view+json"} <= kinds  # chart, widget
    shown = [
        out.get("data", {}).get("text/plain", "")
        for cell in notebook.cells
        if cell.cell_type == "code" and 'check("' in cell.source
        for out in cell.outputs
    ]
    assert len(shown) == len(questions_of(2))
    assert all(text.startswith(("✓", "•")) for text in shown), shown
