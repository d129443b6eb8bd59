"""Smoke run of ``benchmarks/grading.py``: a handful of notebooks, medialit only.

The full benchmark also installs nbgrader into its own virtual environment and grades the
same notebooks with it; that takes minutes, so the test suite skips it (``--skip-nbgrader``)
and only checks that the submissions and the nbgrader course it would build are sound.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys

import pytest

from medialit.exercises.bank import CHAPTERS, QUESTIONS, questions_of
from medialit.exercises.build import repository_root


@pytest.fixture(scope="module")
def bench():
    path = repository_root() / "benchmarks" / "grading.py"
    spec = importlib.util.spec_from_file_location("grading_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_smoke_run_reports_seconds_per_notebook(bench, tmp_path, capsys):
    out = tmp_path / "grading.json"
    assert bench.main(["--count", "6", "--skip-nbgrader", "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["notebooks"] == 6
    assert 0 < figures["medialit_s_per_notebook"] < 30
    assert "nbgrader: skipped" in capsys.readouterr().out


def test_submissions_mix_solved_blank_and_spoiled_answers(bench, tmp_path):
    students = bench.make_submissions(tmp_path, 8, seed=1)
    assert sorted(set(students.values())) == sorted(CHAPTERS)
    blank = bench.make_submission(1, "blank", random.Random(0))
    sources = "".join("".join(c["source"]) for c in blank["cells"])
    assert "answer_1_2 = ...\n" in sources and "charts." not in sources


def test_nbgrader_version_gets_one_autograder_cell_per_auto_question(bench):
    notebook = bench.with_test_cells(bench.make_submission(3, "good", random.Random(0)))
    graded = [c["metadata"]["nbgrader"] for c in notebook["cells"] if "nbgrader" in c["metadata"]]
    auto = [q for q in questions_of(3) if q.kind not in ("open", "lateral")]
    assert [g["grade_id"] for g in graded] == ["q" + q.id.replace(".", "_") for q in auto]
    assert [g["points"] for g in graded] == [QUESTIONS[q.id].points for q in auto]
    assert all(g["grade"] and not g["solution"] for g in graded)
