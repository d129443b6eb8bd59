"""Graded answers cannot be recovered from anything a student is given.

The threat model: a student has the installed package (wheel), the source distribution, the
built book (with its downloads), the exercise notebooks and a Binder session. None of them may
hold the instructors' key, a solution, the unseen texts' annotations or profiles, a rubric, or
any hash of a graded answer; no lesson page may analyse an unseen text; and no in-page question
may duplicate a graded item.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml
from book_questions import book_questions

from medialit.exercises.bank import QUESTIONS
from medialit.exercises.build import repository_root
from medialit.exercises.keys import default_instructor_key, read_key

ROOT = repository_root()
UNSEEN = ROOT / "unseen"
WORD = re.compile(r"[a-z0-9]+")


def secrets() -> list[str]:
    """Strings any of which, found in a student's file, would leak a graded answer."""
    key = read_key(default_instructor_key())
    found = [h for entry in key["questions"].values() for h in _hashes(entry)]
    found += [" ".join(text.split())[:60] for text in key["rubrics"].values()]
    # The model answers of the lateral-reading tasks are sources of the reference ledger, which
    # ships on purpose (the book prints it); the grader flags an answer that reuses one.
    found.append("Planted error")  # the annotations' and profiles' words for a planted error
    return found


def _hashes(value) -> list[str]:
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{24}", value):
        return [value]
    if isinstance(value, dict):
        return [h for v in value.values() for h in _hashes(v)]
    if isinstance(value, list):
        return [h for v in value for h in _hashes(v)]
    return []


SECRETS = secrets()


def _leaks(name: str, data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="ignore").replace("\\n", " ")  # JSON line breaks
    text = " ".join(text.split())
    return [f"{name}: {s[:40]}" for s in SECRETS if s in text]


def test_the_secrets_are_real():
    """The list is long enough to mean something, and the repository itself holds them."""
    assert len(SECRETS) > 150
    assert default_instructor_key().is_file()


def test_exercise_notebooks_hold_no_graded_secret():
    leaks = [
        leak
        for path in sorted((ROOT / "exercises").glob("*.ipynb"))
        for leak in _leaks(path.name, path.read_bytes())
    ]
    assert leaks == []


def test_no_in_page_question_duplicates_a_graded_item():
    def shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
        words = WORD.findall(text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    graded = set()
    for q in QUESTIONS.values():
        if q.graded:
            graded |= shingles(" ".join((q.prompt, *q.options, *q.items)))
    for question in book_questions():
        mine = shingles(" ".join((question.prompt, *question.options)))
        assert not mine & graded, question.prompt


def test_binder_removes_the_instructors_material(tmp_path):
    """Run binder/postBuild in a copy of the repository, with pip replaced by a stub."""
    copy = tmp_path / "repo"
    for name in ("binder", "solutions", "unseen", "exercises"):
        shutil.copytree(ROOT / name, copy / name)
    stub = tmp_path / "bin" / "python"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    env = {"PATH": f"{stub.parent}:/usr/bin:/bin"}
    subprocess.run(["bash", "binder/postBuild"], cwd=copy, env=env, check=True)
    assert not (copy / "solutions").exists() and not (copy / "unseen").exists()
    assert (copy / "exercises").is_dir()  # what students need stays


@pytest.mark.slow
def test_neither_the_wheel_nor_the_sdist_holds_a_graded_key(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    with tarfile.open(sdist) as archive:
        files |= {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}
    names = list(files)
    assert any(n.endswith("medialit/exercises/key.json") for n in names)  # the practice key
    assert any(n.endswith("exercises/07-unit-test-form-a.ipynb") for n in names)
    assert not [n for n in names if re.search(r"(^|/)(solutions|unseen|tests)/", n)]
    assert not [n for n in names if n.endswith(("instructor-key.json", "profiles.yaml"))]
    assert [leak for name, data in files.items() for leak in _leaks(name, data)] == []
    shipped = json.loads(next(d for n, d in files.items() if n.endswith("exercises/key.json")))
    assert not {q for q in shipped["questions"] if QUESTIONS[q].graded}


def _unseen_shingles(n: int = 8) -> dict[tuple[str, ...], str]:
    found = {}
    for path in sorted(UNSEEN.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]  # not the notice line
        words = WORD.findall(body.lower())
        for i in range(len(words) - n + 1):
            found[tuple(words[i : i + n])] = path.stem
    return found


def _page_words(raw: str) -> list[str]:
    return WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", raw)).lower())


def _shown_texts(words: list[str], texts: dict[tuple[str, ...], str]) -> set[str]:
    return {texts[s] for i in range(len(words) - 7) if (s := tuple(words[i : i + 8])) in texts}


WORKSHEETS = "worksheets"


@pytest.mark.slow
def test_no_page_of_the_book_shows_an_unseen_text_or_a_graded_secret(book_html: Path):
    """Worksheet pages aside: they show the texts their questions are about (next test)."""
    texts = _unseen_shingles()
    pages = sorted(p for p in book_html.rglob("*.html") if WORKSHEETS not in p.parts)
    assert len(pages) >= 8
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        seen = _shown_texts(_page_words(raw), texts)
        assert not seen, f"{page.name} shows unseen texts {sorted(seen)}"
        assert _leaks(page.name, raw.encode()) == []
    downloads = list(book_html.rglob("*.ipynb")) + list(book_html.rglob("*.json"))
    assert [leak for p in downloads for leak in _leaks(p.name, p.read_bytes())] == []
    assert not [p for p in book_html.rglob("*") if "solutions" in p.parts or "unseen" in p.parts]


def _annotation_prose() -> list[str]:
    """What the unseen texts' annotations and profiles say in their own words (notes, the
    problems of planted errors, what a figure counts, the event a text is about)."""
    bodies = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in UNSEEN.glob("*.txt"))
    found: list[str] = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key in ("note", "problem", "event", "counts") and isinstance(value, str):
            text = " ".join(value.split())
            if len(text) >= 25 and text not in bodies:
                found.append(text)

    for path in [*sorted((UNSEEN / "annotations").glob("*.yaml")), UNSEEN / "profiles.yaml"]:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.slow
def test_worksheet_pages_show_their_texts_labelled_and_no_secret_or_annotation(book_html: Path):
    """A worksheet shows the unseen texts of its notebook, each labelled as constructed, and
    nothing of the graded key, the rubrics, or what the annotations say about the texts."""
    by_text: dict[str, set[tuple[str, ...]]] = {}
    for shingle, text_id in _unseen_shingles().items():
        by_text.setdefault(text_id, set()).add(shingle)
    prose = _annotation_prose()
    assert len(prose) > 40
    pages = sorted((book_html / WORKSHEETS).glob("*.html"))
    assert len(pages) == len({q.chapter for q in QUESTIONS.values()})
    shown_anywhere = set()
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        assert _leaks(page.name, raw.encode()) == []
        visible = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
        assert [note for note in prose if note in visible] == [], page.name
        words = _page_words(raw)
        on_page = {tuple(words[i : i + 8]) for i in range(len(words) - 7)}
        shown = {
            t for t, shingles in by_text.items() if len(shingles & on_page) > len(shingles) / 2
        }
        notebook = (ROOT / "exercises" / page.with_suffix(".ipynb").name).read_text(
            encoding="utf-8"
        )
        own = set(re.findall(r"### Text (\w+):", notebook))
        assert shown == own, page.name  # every text of its notebook, and no other
        for text_id in shown:
            assert f"Text {text_id}:" in visible
        assert visible.count("[Constructed for teaching by the medialit kit") == len(own)
        shown_anywhere |= shown
    assert shown_anywhere == {p.stem for p in UNSEEN.glob("*.txt")}
