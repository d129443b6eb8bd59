"""The lesson plans print as handouts: pages marked in their front matter, printed from the site."""

from __future__ import annotations

import doctest
import importlib.util
import sys

import pytest
from conftest import BOOK_DIR

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
    marked = handouts.marked_pages()
    expected = ["lessons/unit", *(lesson.page for lesson in load_unit().lessons)]
    assert [p.docname for p in marked] == expected
    assert {p.kind for p in marked} == {"lesson-plan"}


def test_front_matter_of_a_page_without_it_is_empty(handouts, tmp_path):
    page = tmp_path / "plain.md"
    page.write_text("# Title\n\nText.\n", encoding="utf-8")
    assert handouts.front_matter(page) == {}


def test_an_unbuilt_site_is_named_and_nothing_is_written(handouts, tmp_path):
    with pytest.raises(handouts.HandoutError, match=r"not built: lessons/unit"):
        handouts.print_pages(handouts.marked_pages()[:1], tmp_path / "site", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert handouts.main(["--site", str(tmp_path / "site"), "--out", str(tmp_path / "o")]) == 1


@pytest.mark.slow
def test_a_lesson_plan_prints_to_a_pdf(handouts, book_html, chromium, tmp_path):
    page = handouts.marked_pages()[2]
    (written,) = handouts.print_pages([page], book_html, tmp_path, browser=chromium)
    data = written.read_bytes()
    assert (
        data.startswith(b"%PDF-") and data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 1
    )
    assert (
        written.relative_to(tmp_path).as_posix() == f"lesson-plan/{page.docname.split('/')[-1]}.pdf"
    )
