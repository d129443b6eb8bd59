"""Answers graded by hand: lateral-reading and open answers collected verbatim with the rubric,
a missing URL or date flagged; and graded items without an instructors' key said so, not lost."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from medialit.cli import main
from medialit.exercises.build import repository_root
from medialit.exercises.grade import NO_INSTRUCTOR_KEY
from medialit.exercises.keys import load_key
from medialit.exercises.submissions import read_notebook

ROOT = repository_root()
SOLUTION = ROOT / "solutions" / "01-sourcing.ipynb"


def _with_lateral(answer: str) -> dict:
    notebook = read_notebook(SOLUTION)
    for cell in notebook["cells"]:
        if "".join(cell["source"]).startswith("answer_1_11 ="):
            cell["source"] = f"answer_1_11 = {answer}\n"
    return notebook


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hand")
    (folder / "ana").mkdir()
    shutil.copy(SOLUTION, folder / "ana" / SOLUTION.name)
    (folder / "ben").mkdir()
    flawed = '{"publisher": "RFE/RL", "date": "last year", "url": "", "says": "State-owned."}'
    (folder / "ben" / SOLUTION.name).write_text(json.dumps(_with_lateral(flawed)))
    (folder / "cy").mkdir()
    shutil.copy(ROOT / "exercises" / SOLUTION.name, folder / "cy" / SOLUTION.name)
    out = folder / "out" / "grades.csv"
    assert main(["grade", str(folder), "--out", str(out), "--jobs", "2", "--no-progress"]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = {(r["student"], r["question"]): r for r in csv.DictReader(handle)}
    return {"rows": rows, "hand": out.with_name("grades-hand-grading.md").read_text()}


def test_lateral_answers_are_collected_and_a_missing_url_or_date_flagged(graded):
    rows = graded["rows"]
    assert rows[("ana", "1.11")]["message"] == "to be graded by your teacher"
    assert rows[("ana", "1.11")]["points"] == ""
    ben = rows[("ben", "1.11")]["message"]
    assert "url is missing" in ben and "the date is not a date" in ben
    assert rows[("cy", "1.11")]["message"] == "not answered yet"


def test_the_hand_grading_file_has_each_rubric_and_every_answer_verbatim(graded):
    text = graded["hand"]
    section = text[text.index("## 1.11") :]
    assert "**Rubric.**" in section and "Rossiya Segodnya" in section  # from the instructors' key
    assert "> publisher: RFE/RL" in section and "> date: 2014-11-10" in section
    assert "Flagged: url is missing; the date is not a date (write YYYY-MM-DD)" in section
    assert "### cy\n\n(not answered)" in section
    assert "## 1.6" in text and "ASB News" in text[text.index("## 1.6") :]


def test_graded_items_without_an_instructors_key_are_said_to_be_ungraded(tmp_path, capsys):
    key = tmp_path / "empty-key.json"
    key.write_text(json.dumps({"salt": load_key()["salt"], "questions": {}}), encoding="utf-8")
    (tmp_path / "ana").mkdir()
    shutil.copy(SOLUTION, tmp_path / "ana" / SOLUTION.name)
    out = tmp_path / "out" / "grades.csv"
    code = main(
        ["grade", str(tmp_path / "ana"), "--out", str(out), "--key", str(key), "--no-progress"]
    )
    assert code == 0
    assert "answers to graded items were not graded" in capsys.readouterr().err
    with out.open(encoding="utf-8") as handle:
        rows = {r["question"]: r for r in csv.DictReader(handle)}
    assert rows["1.7"]["message"] == NO_INSTRUCTOR_KEY and rows["1.7"]["points"] == "0"
    assert rows["1.1"]["message"] == "right"  # practice items are graded as ever


def test_a_missing_instructors_key_given_on_the_command_line_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "subs").mkdir()
    code = main(
        [
            "grade",
            str(tmp_path / "subs"),
            "--out",
            str(tmp_path / "g.csv"),
            "--key",
            str(tmp_path / "nowhere.json"),
        ]
    )
    assert code == 2 and "nowhere.json: the instructors' key is missing" in capsys.readouterr().err


def test_a_submission_cannot_read_the_instructors_material(tmp_path):
    """Reading the instructors' key or a solution while graded fails, and earns nothing."""
    notebook = read_notebook(SOLUTION)
    spy = f"secret = open({str(ROOT / 'solutions' / 'instructor-key.json')!r}).read()\n"
    notebook["cells"].insert(2, {"cell_type": "code", "metadata": {}, "source": spy, "outputs": []})
    (tmp_path / "spy").mkdir()
    (tmp_path / "spy" / SOLUTION.name).write_text(json.dumps(notebook))
    out = tmp_path / "g.csv"
    assert main(["grade", str(tmp_path / "spy"), "--out", str(out), "--no-progress"]) == 0
    summary = out.with_name("g-summary.md").read_text()
    # In the sandbox's private root, solutions/ does not exist at all.
    refusals = ("FileNotFoundError", "PermissionError", "not allowed")
    assert any(refusal in summary for refusal in refusals), summary
