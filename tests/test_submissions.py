"""Finding submissions: one spelling per name, one grade per exercise, nothing skipped silently."""

from __future__ import annotations

import json
import os
import shutil
import threading
import unicodedata
from pathlib import Path

import pytest

from medialit.exercises.build import repository_root
from medialit.exercises.submissions import (
    SubmissionError,
    feedback_name,
    plan_submissions,
    read_notebook,
    student_name,
)

ROOT = repository_root()
SOLUTION = ROOT / "solutions" / "01-sourcing.ipynb"


def _copy(path: Path, source: Path = SOLUTION) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, path)
    return path


def _by_kind(plan) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for item in plan.skipped:
        kinds.setdefault(item.kind, []).append(f"{item.student}/{item.path.name}")
    return kinds


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Jos\u00e9", "José"),
        (unicodedata.normalize("NFD", "José"), "José"),
        ("bo\u200bb", "bob"),
        ("  ann   lee\t", "ann lee"),
        ("zoe\u202e", "zoe"),  # a right-to-left override
    ],
)
def test_a_name_has_one_spelling(raw, name):
    assert student_name(raw) == name


def test_nfc_and_nfd_folders_are_one_student(tmp_path):
    _copy(tmp_path / "Jos\u00e9" / "01-sourcing.ipynb")
    _copy(
        tmp_path / unicodedata.normalize("NFD", "José") / "02-attribution.ipynb",
        ROOT / "solutions" / "02-attribution.ipynb",
    )
    plan = plan_submissions(tmp_path)
    assert {(s.student, s.chapter) for s in plan.submissions} == {("José", 1), ("José", 2)}
    assert plan.skipped == []


def test_three_copies_of_one_exercise_give_one_grade(tmp_path):
    for name in ("01-sourcing.ipynb", "01-sourcing (1).ipynb", "copy.ipynb"):
        _copy(tmp_path / "ann" / name)
    plan = plan_submissions(tmp_path)
    assert [(s.student, s.path.name) for s in plan.submissions] == [("ann", "01-sourcing.ipynb")]
    assert sorted(_by_kind(plan)["duplicate"]) == ["ann/01-sourcing (1).ipynb", "ann/copy.ipynb"]
    assert "another notebook for chapter 1 (01-sourcing.ipynb) was graded instead" in (
        plan.skipped[0].message
    )


def test_names_that_would_share_a_feedback_file_are_refused_by_name(tmp_path):
    for student in ("alice smith", "alice_smith", "...", "carl"):
        _copy(tmp_path / student / "01-sourcing.ipynb")
    plan = plan_submissions(tmp_path)
    assert [s.student for s in plan.submissions] == ["carl"]
    messages = {item.student: item.message for item in plan.skipped}
    assert (
        "the names 'alice smith' and 'alice_smith' would share the feedback file"
        in (messages["alice smith"])
    )
    assert messages["alice smith"] == messages["alice_smith"]
    assert "the name '...' gives no usable file name" in messages["..."]
    assert feedback_name("carl") == "carl"


def test_a_checkpoint_copy_alone_is_reported_and_beside_its_notebook_is_ignored(tmp_path):
    _copy(tmp_path / "ann" / ".ipynb_checkpoints" / "01-sourcing-checkpoint.ipynb")
    _copy(tmp_path / "ben" / "01-sourcing.ipynb")
    _copy(tmp_path / "ben" / ".ipynb_checkpoints" / "01-sourcing-checkpoint.ipynb")
    plan = plan_submissions(tmp_path)
    assert [s.student for s in plan.submissions] == ["ben"]
    kinds = _by_kind(plan)
    assert kinds["checkpoint"] == ["ann/01-sourcing-checkpoint.ipynb"]
    assert kinds["autosave"] == ["ben/01-sourcing-checkpoint.ipynb"]
    assert "only an autosave copy" in plan.skipped[0].message


def test_links_and_special_files_are_reported_not_graded(tmp_path):
    (tmp_path / "eve").mkdir()
    (tmp_path / "eve" / "01-sourcing.ipynb").symlink_to(SOLUTION)
    (tmp_path / "mal").symlink_to(ROOT / "solutions", target_is_directory=True)
    (tmp_path / "pip").mkdir()
    os.mkfifo(tmp_path / "pip" / "01-sourcing.ipynb")
    plan = plan_submissions(tmp_path)
    assert plan.submissions == []
    kinds = _by_kind(plan)
    assert sorted(kinds["link"]) == ["eve/01-sourcing.ipynb", "mal/mal"]
    assert kinds["special"] == ["pip/01-sourcing.ipynb"]
    messages = " ".join(item.message for item in plan.skipped)
    assert f"a symbolic link (to {SOLUTION})" in messages
    assert "is a named pipe (FIFO), not a regular file" in messages


def test_reading_a_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "x.ipynb"
    os.mkfifo(fifo)
    outcome: list = []

    def read():
        try:
            read_notebook(fifo)
        except SubmissionError as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    assert outcome == ["is a named pipe (FIFO), not a regular file"]


def test_a_utf8_byte_order_mark_is_accepted_and_utf16_is_explained(tmp_path):
    text = SOLUTION.read_text(encoding="utf-8")
    (tmp_path / "bom.ipynb").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert read_notebook(tmp_path / "bom.ipynb")["nbformat"] == 4
    (tmp_path / "utf16.ipynb").write_text(text, encoding="utf-16")
    with pytest.raises(
        SubmissionError, match=r"UTF-16 or UTF-32 text .* save the notebook as UTF-8"
    ):
        read_notebook(tmp_path / "utf16.ipynb")


def test_a_symlinked_file_is_refused_by_read_notebook_too(tmp_path):
    (tmp_path / "x.ipynb").symlink_to(SOLUTION)
    with pytest.raises(SubmissionError, match="a symbolic link"):
        read_notebook(tmp_path / "x.ipynb")


def test_unreadable_files_keep_their_rows(tmp_path):
    (tmp_path / "cut.ipynb").write_text('{"cells": [')
    (tmp_path / "dan").mkdir()
    (tmp_path / "dan" / "03-loaded-terms.ipynb").write_text(json.dumps({"hello": 1}))
    plan = plan_submissions(tmp_path)
    assert {(s.student, s.chapter) for s in plan.submissions} == {("cut", None), ("dan", 3)}
