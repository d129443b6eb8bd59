"""``medialit exercises build``: question cells rendered from the bank, keys split in two, and an
instructor's private folder built and graded outside the repository."""

from __future__ import annotations

import csv
import json

import pytest

from medialit.cli import main
from medialit.exercises import bank
from medialit.exercises.build import BuildError, build, rendered
from medialit.exercises.keys import load_key, read_key

PRIVATE_BANK = """notebooks:
  - {number: 31, stem: 31-quiz, title: Private quiz}
items:
  - id: "31.1"
    kind: choice
    role: graded
    skill: sourcing
    objective: SRC-4
    texts: [u01]
    prompt: Which text deserves more trust on the number of troops?
    options: [u01, u02]
  - id: "31.2"
    kind: classify
    role: graded
    skill: checking_claims
    objective: CLM-2
    texts: [u02]
    prompt: Give a verdict for each claim.
    items: ["resigned on 5 January", "10,000 soldiers"]
    labels: verdicts
"""


def _cell(kind, source, tags=(), meta=None):
    cell = {"cell_type": kind, "metadata": {}, "source": source}
    if tags:
        cell["metadata"]["tags"] = list(tags)
    if meta:
        cell["metadata"]["medialit"] = meta
    if kind == "code":
        cell |= {"execution_count": None, "outputs": []}
    return cell


def _private_folder(root, accept="accept_31_2 = {}\n"):
    (root / "solutions").mkdir(parents=True)
    (root / "bank.yaml").write_text(PRIVATE_BANK, encoding="utf-8")
    cells = [
        _cell("markdown", "# A private quiz\n"),
        _cell("code", "from medialit.exercises import check\n"),
        _cell("markdown", "", ["unseen-text"], {"text": "u01"}),
        _cell("markdown", "", ["question"], {"question": "31.1"}),
        _cell("code", 'answer_31_1 = "a"\n', ["answer"]),
        _cell("markdown", "", ["question"], {"question": "31.2"}),
        _cell(
            "code",
            'answer_31_2 = {"resigned on 5 January": "supported",'
            ' "10,000 soldiers": "contradicted"}\n',
            ["answer"],
        ),
        _cell("code", accept, ["solution-only", "accept"]),
        _cell("code", 'check("31.2", answer_31_2)\n'),
    ]
    notebook = {
        "cells": cells,
        "metadata": {"medialit": {"chapter": 31}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "solutions" / "31-quiz.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return root


@pytest.fixture
def clean_bank():
    """The bank's dicts restored in place afterwards (other modules hold them by reference)."""
    saved = {name: dict(getattr(bank, name)) for name in ("NOTEBOOKS", "QUESTIONS", "CHAPTERS")}
    yield
    for name, content in saved.items():
        getattr(bank, name).clear()
        getattr(bank, name).update(content)


def test_a_private_folder_is_built_outside_the_repository_and_graded(tmp_path, clean_bank):
    folder = _private_folder(tmp_path / "private")
    written = build(private=folder)
    assert {p.name for p in written} >= {"31-quiz.ipynb", "instructor-key.json"}
    assert all(folder in p.parents for p in written)
    key = read_key(folder / "instructor-key.json")
    assert key["salt"] == load_key()["salt"] and set(key["questions"]) == {"31.1", "31.2"}
    student = json.loads((folder / "exercises" / "31-quiz.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in student["cells"]]
    assert "answer_31_1 = ...\n" in sources and not any("accept_" in s for s in sources)
    assert any(s.startswith("### Text u01") for s in sources)
    assert any(s.startswith("**Question 31.2**") and "`unverified`" in s for s in sources)
    (tmp_path / "subs" / "ana").mkdir(parents=True)
    (tmp_path / "subs" / "ana" / "31-quiz.ipynb").write_text(
        (folder / "solutions" / "31-quiz.ipynb").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "g.csv"
    code = main(
        [
            "grade",
            str(tmp_path / "subs"),
            "--out",
            str(out),
            "--private",
            str(folder),
            "--no-progress",
        ]
    )
    assert code == 0
    with out.open(encoding="utf-8") as handle:
        rows = {r["question"]: r for r in csv.DictReader(handle)}
    assert rows["31.1"]["points"] == "1" and rows["31.2"]["points"] == "1"


def test_a_key_built_with_a_label_outside_the_vocabulary_is_refused(tmp_path, clean_bank):
    folder = _private_folder(
        tmp_path / "p", accept='accept_31_2 = {"10,000 soldiers": {"false": 1}}\n'
    )
    with pytest.raises(BuildError, match=r"31-quiz.ipynb: question 31.2: labels \['false'\]"):
        build(private=folder)


def test_a_question_cell_for_a_question_not_in_the_bank_is_refused():
    notebook = {"cells": [_cell("markdown", "", ["question"], {"question": "9.99"})]}
    with pytest.raises(BuildError, match=r"nb\.ipynb, cell 1: question .9\.99. is not in the bank"):
        rendered(notebook, {}, "nb.ipynb")


def test_a_private_folder_without_a_bank_is_a_clear_error(tmp_path, capsys):
    code = main(["exercises", "build", "--private", str(tmp_path)])
    assert code == 1 and "a private folder needs a bank.yaml" in capsys.readouterr().err
