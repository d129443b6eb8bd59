"""The lesson plans print as handouts: pages marked in their front matter, printed from the site."""

from __future__ import annotations

import doctest
import importlib.util
import sys

import pytest
from conftest import BOOK_DIR

from medialit.exercises.bank import CHAPTERS
from medialit.lessons import load_unit


@pytest.fixture(scope="module")
def handouts():
    spec = importlib.util.spec_from_file_location("page_handouts", BOOK_DIR / "page_handouts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_handouts"] = module
    spec.loader.exec_module(module)
    return module


def test_doctests(handouts):
    result = doctest.testmod(handouts)
    assert result.attempted > 0 and result.failed == 0


def test_every_lesson_plan_and_the_unit_plan_are_marked(handouts):
    marked = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"]
    expected = ["lessons/unit", *(lesson.page for lesson in load_unit().lessons)]
    assert [p.docname for p in marked] == expected


def test_every_worksheet_is_marked(handouts):
    marked = [p.docname for p in handouts.marked_pages() if p.kind == "worksheet"]
    assert marked == [f"worksheets/{stem}" for stem in CHAPTERS.values()]
    assert {p.kind for p in handouts.marked_pages()} == {"lesson-plan", "worksheet"}


def test_front_matter_of_a_page_without_it_is_empty(handouts, tmp_path):
    page = tmp_path / "plain.md"
    page.write_text("# Title\n\nText.\n", encoding="utf-8")
    assert handouts.front_matter(page) == {}


def test_an_unbuilt_site_is_named_and_nothing_is_written(handouts, tmp_path):
    with pytest.raises(handouts.HandoutError, match=r"not built: lessons/unit"):
        plans = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"]
        handouts.print_pages(plans[:1], tmp_path / "site", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert handouts.main(["--site", str(tmp_path / "site"), "--out", str(tmp_path / "o")]) == 1


@pytest.mark.slow
def test_a_worksheet_prints_to_a_pdf_without_its_buttons(handouts, book_html, chromium, tmp_path):
    page = next(p for p in handouts.marked_pages() if p.kind == "worksheet")
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    assert written.read_bytes().startswith(b"%PDF-")
    assert written.relative_to(tmp_path).as_posix() == "worksheet/01-sourcing.pdf"
    context = chromium.new_context()
    try:
        tab = context.new_page()
        tab.goto((book_html / f"{page.docname}.html").resolve().as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        shown = tab.evaluate(
            """() => [...document.querySelectorAll(".ws-check, .ws-download, .ws-clear")]
                   .filter((e) => e.offsetParent !== null).length"""
        )
        options = tab.locator(".ws-option").count()
    finally:
        context.close()
    assert shown == 0 and options > 10  # the options to tick stay, the buttons go


@pytest.mark.slow
def test_a_lesson_plan_prints_to_a_pdf(handouts, book_html, chromium, tmp_path):
    page = [p for p in handouts.marked_pages() if p.kind == "lesson-plan"][2]
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    data = written.read_bytes()
    assert (
        data.startswith(b"%PDF-") and data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 1
    )
    assert (
        written.relative_to(tmp_path).as_posix() == f"lesson-plan/{page.docname.split('/')[-1]}.pdf"
    )
