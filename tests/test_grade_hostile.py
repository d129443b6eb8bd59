"""The grader survives broken and hostile submissions, each costing only its own rows.

All hostile notebooks are graded once, together (as an instructor would), with short limits;
each test then looks at its own student's rows. Every notebook starts from the chapter-1
solution, so whatever the hostile cell does not spoil must still earn its points.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from medialit.exercises.bank import questions_of
from medialit.exercises.build import repository_root
from medialit.exercises.check import key_path
from medialit.exercises.grade import grade_folder, grade_notebook
from medialit.exercises.keys import grading_key as load_key  # practice and graded items
from medialit.exercises.result_files import csv_rows
from medialit.exercises.sandbox import ForkServer, Limits, run_cells
from medialit.exercises.submissions import read_notebook

SOLUTION = repository_root() / "solutions" / "01-sourcing.ipynb"
AUTO = [q.id for q in questions_of(1) if q.kind not in ("open", "lateral")]
FULL = sum(q.points for q in questions_of(1) if q.kind not in ("open", "lateral"))
# The fork server has loaded the corpus already, so cells are quick; a fresh process loads it
# in the setup cell, which needs more room on a busy machine.
LIMITS = Limits(wall_seconds=60, cell_seconds=3, memory_mb=400, output_chars=10_000)
FRESH_LIMITS = Limits(wall_seconds=60, cell_seconds=8, memory_mb=400, output_chars=10_000)


def _solution() -> dict:
    return read_notebook(SOLUTION)


def _code(source: str) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": []}


def _answer_index(notebook: dict, question: str) -> int:
    name = "answer_" + question.replace(".", "_")
    for index, cell in enumerate(notebook["cells"]):
        if "answer" in cell.get("metadata", {}).get("tags", []) and name in "".join(cell["source"]):
            return index
    raise LookupError(name)


def _with_cell(source: str, before: str = "1.3") -> dict:
    """The solution with one extra code cell inserted before a question's answer cell."""
    notebook = _solution()
    notebook["cells"].insert(_answer_index(notebook, before), _code(source))
    return notebook


def _without_answers(*questions: str) -> dict:
    notebook = _solution()
    for question in questions:
        del notebook["cells"][_answer_index(notebook, question)]
    return notebook


def _wrong_answers_and_patched_check() -> dict:
    notebook = _solution()
    for question, wrong in (("1.1", '"a"'), ("1.2", "99"), ("1.3", '"CNN said"')):
        index = _answer_index(notebook, question)
        notebook["cells"][index]["source"] = f"answer_{question.replace('.', '_')} = {wrong}\n"
    patch = (
        "import medialit.exercises as ex, medialit.exercises.check as chk\n"
        "always = lambda *args, **kwargs: True\n"
        "ex.check = chk.check = check = always\n"
        "chk.score = chk.verdict_for = always\n"
    )
    notebook["cells"].insert(1, _code(patch))
    return notebook


ESCAPE = "escape-from-sandbox.txt"
HOSTILE: dict[str, bytes | dict] = {
    "not_json": b"{this is not json",
    "not_notebook": json.dumps({"hello": "world"}).encode(),
    "json_list": b"[1, 2, 3]",
    "empty": b"",
    "binary": bytes(range(256)),
    "deeply_nested": b"[" * 100_000 + b"]" * 100_000,
    "too_large": b" " * 51_000_000,
    "syntax_error": _with_cell("def broken(:\n    pass"),
    "exception": _with_cell("raise RuntimeError('boom')"),
    "endless_loop": _with_cell("while True:\n    pass"),
    "swallowed_timeout": _with_cell(
        "while True:\n    try:\n        while True:\n            pass\n"
        "    except BaseException:\n        pass"
    ),
    "output_flood": _with_cell("for _ in range(100_000):\n    print('spam ' * 100)"),
    "sys_exit": _with_cell("import sys\nsys.exit(3)"),
    "os_exit": _with_cell("import os\nos._exit(0)"),
    "answers_deleted": _without_answers("1.3", "1.4"),
    "check_patched": _wrong_answers_and_patched_check(),
    "memory_hog": _with_cell("hog = []\nwhile True:\n    hog.append(' ' * 10_000_000)"),
    "huge_allocation": _with_cell("block = bytearray(8 * 1024 ** 3)"),
    "writes_outside": _with_cell(f"open('../{ESCAPE}', 'w').write('x')\n"),
    "writes_absolute": _with_cell(f"open('/var/tmp/{ESCAPE}', 'w').write('x')"),
    "writes_inside": _with_cell("open('scratch.txt', 'w').write('fine')"),
    "reads_key": _with_cell(f"secret = open({str(key_path())!r}).read()"),
    "overwrites_key": _with_cell(f"open({str(key_path())!r}, 'w').write('{{}}')"),
    "kills_grader": _with_cell("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
    "runs_shell": _with_cell(f"import subprocess\nsubprocess.run(['touch', '/tmp/{ESCAPE}'])"),
}


def _write(folder: Path, name: str, content: bytes | dict) -> Path:
    path = folder / name / "01-sourcing.ipynb"
    path.parent.mkdir(parents=True)
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    return path


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    paths = {name: _write(folder, name, content) for name, content in HOSTILE.items()}
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.values()}
    key_before = key_path().read_bytes()
    results = grade_folder(folder, jobs=2, limits=LIMITS)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.values()}
    return {
        "results": {g.student: g for g in results},
        "rows": csv_rows(results),
        "unchanged": before == after,
        "key_unchanged": key_path().read_bytes() == key_before,
        "folder": folder,
    }


def rows_of(graded, student: str) -> dict[str, dict]:
    return {row["question"]: row for row in graded["rows"] if row["student"] == student}


def points(graded, student: str) -> float:
    return sum(float(row["points"] or 0) for row in rows_of(graded, student).values())


def problems(graded, student: str) -> str:
    return " | ".join(graded["results"][student].problems)


def test_every_hostile_notebook_gets_its_rows(graded):
    assert set(graded["results"]) == set(HOSTILE)
    for student in HOSTILE:
        assert set(rows_of(graded, student)) == {q.id for q in questions_of(1)}, student


def test_submissions_are_never_modified(graded):
    assert graded["unchanged"]


@pytest.mark.parametrize(
    ("student", "message"),
    [
        ("not_json", "not valid JSON"),
        ("not_notebook", "JSON without a list of 'cells'"),
        ("json_list", "JSON without a list of 'cells'"),
        ("empty", "the file is empty"),
        ("binary", "not UTF-8"),
        ("deeply_nested", "nested too deeply"),
        ("too_large", "MB is larger than the"),
    ],
)
def test_unreadable_file_scores_zero_with_a_clear_message(graded, student, message):
    rows = rows_of(graded, student)
    assert all(row["points"] == "0" for row in rows.values())
    assert all(message in row["message"] for row in rows.values())


@pytest.mark.parametrize(
    ("student", "message"),
    [
        ("syntax_error", "SyntaxError"),
        ("exception", "RuntimeError: boom"),
        ("endless_loop", "timeout"),
        ("sys_exit", "sys.exit(3)"),
        ("output_flood", "flood of output"),
        ("memory_hog", "MemoryError"),
        ("huge_allocation", "MemoryError"),
    ],
)
def test_a_broken_cell_costs_nothing_else(graded, student, message):
    """The other cells still run: every answer, before and after the bad cell, is graded."""
    assert message in problems(graded, student)
    assert points(graded, student) == FULL


def test_swallowed_timeout_is_stopped_from_outside_and_keeps_earlier_answers(graded):
    rows = rows_of(graded, "swallowed_timeout")
    assert "timeout" in problems(graded, "swallowed_timeout")
    assert rows["1.1"]["points"] == rows["1.2"]["points"] == "1"
    assert "not defined" in rows["1.3"]["message"]


def test_os_exit_keeps_answers_given_before_it(graded):
    rows = rows_of(graded, "os_exit")
    assert "ended the process" in problems(graded, "os_exit")
    assert rows["1.1"]["points"] == rows["1.2"]["points"] == "1"
    assert rows["1.4"]["points"] == "0" and "not defined" in rows["1.4"]["message"]


def test_deleted_answer_cells_are_reported_by_name(graded):
    rows = rows_of(graded, "answers_deleted")
    assert "answer_1_3 is not defined" in rows["1.3"]["message"]
    assert "answer_1_4 is not defined" in rows["1.4"]["message"]
    assert points(graded, "answers_deleted") == FULL - 1 - 2


def test_monkeypatched_check_changes_nothing(graded):
    rows = rows_of(graded, "check_patched")
    assert [rows[q]["points"] for q in ("1.1", "1.2", "1.3")] == ["0", "0", "0"]
    assert points(graded, "check_patched") == FULL - 3


@pytest.mark.parametrize("student", ["writes_outside", "writes_absolute", "runs_shell"])
def test_nothing_is_written_outside_the_notebooks_folder(graded, student):
    assert "PermissionError: grading sandbox" in problems(graded, student)
    assert not (graded["folder"] / student / ESCAPE).exists()
    assert not (graded["folder"] / ESCAPE).exists()
    assert not Path("/tmp", ESCAPE).exists() and not Path("/var/tmp", ESCAPE).exists()
    assert points(graded, student) == FULL


def test_writing_inside_its_own_folder_is_allowed(graded):
    assert problems(graded, "writes_inside") == ""
    assert points(graded, "writes_inside") == FULL


@pytest.mark.parametrize("student", ["reads_key", "overwrites_key"])
def test_the_key_can_be_neither_read_nor_changed(graded, student):
    assert "PermissionError" in problems(graded, student)
    assert graded["key_unchanged"]


def test_the_grader_cannot_be_killed_from_a_notebook(graded):
    assert "PermissionError: grading sandbox: os.kill" in problems(graded, "kills_grader")
    assert points(graded, "kills_grader") == FULL


def test_a_healthy_submission_beside_the_hostile_ones_is_unaffected(graded):
    assert points(graded, "writes_inside") == FULL
    assert graded["results"]["writes_inside"].verdicts[0].right
    verdicts = graded["results"]["writes_inside"].verdicts
    assert all(v.right for v in verdicts if v.question in AUTO)


def test_a_notebook_cannot_poison_the_warm_server_for_the_next_one(tmp_path):
    """Each notebook runs in its own forked process: what one changes, the next never sees."""
    poison = _solution()
    poison["cells"].insert(  # before the setup cell, which loads the corpus
        1,
        _code(
            "import medialit.corpus, medialit.exercises.answers as answers\n"
            "medialit.corpus.load_corpus = lambda *args, **kwargs: []\n"
            "answers.digest = lambda *args: 'forged'"
        ),
    )
    poisoned = _write(tmp_path, "poison", poison)
    healthy = _write(tmp_path, "healthy", _solution())
    with ForkServer() as server:
        first = grade_notebook("poison", poisoned, load_key(), LIMITS, server.run_cells)
        second = grade_notebook("healthy", healthy, load_key(), LIMITS, server.run_cells)
    assert first.points < FULL  # its own data questions broke
    assert second.points == FULL and second.problems == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("os_exit", "exit code 0"),
        ("endless_loop", "timeout"),
        ("writes_absolute", "grading sandbox"),
    ],
)
def test_the_fresh_process_runner_survives_the_same(tmp_path, name, message):
    """Without a fork server (or where fork is missing) each notebook gets a fresh process."""
    path = _write(tmp_path, name, HOSTILE[name])
    graded = grade_notebook(name, path, load_key(), FRESH_LIMITS, run_cells)
    assert message in " | ".join(graded.problems)


def test_a_dead_fork_server_falls_back_to_a_fresh_process(tmp_path):
    path = _write(tmp_path, "late", _solution())
    with ForkServer() as server:
        server.proc.kill()
        server.proc.wait()
        graded = grade_notebook("late", path, load_key(), FRESH_LIMITS, server.run_cells)
    assert graded.points == FULL and graded.problems == []


def test_a_grader_bug_costs_only_that_notebook(tmp_path):
    def broken_runner(*args, **kwargs):
        raise KeyError("surprise")

    graded = grade_notebook(
        "x", _write(tmp_path, "x", _solution()), load_key(), LIMITS, broken_runner
    )
    assert graded.points == 0
    assert all("internal grader error (KeyError" in v.message for v in graded.verdicts)
