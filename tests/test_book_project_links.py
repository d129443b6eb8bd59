"""The book's repository, issue and Binder buttons follow pyproject.toml: shown with the
address set there, absent (never a placeholder) when it is not."""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import BOOK_DIR, load_book_build
from test_book_build import _small_book

from medialit.project import read_links

BUTTON_MARKERS = ("mybinder.org", "source-repository-button", "source-issues-button")


def load_extension():
    spec = importlib.util.spec_from_file_location(
        "project_links", BOOK_DIR / "_ext" / "project_links.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extension_doctests():
    result = doctest.testmod(load_extension())
    assert result.attempted > 0 and result.failed == 0


def test_the_config_names_no_repository_address():
    text = (BOOK_DIR / "_config.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*url:", text, re.M), "the address belongs in pyproject.toml"
    assert "github.com/" not in text


def build_small_book(tmp_path: Path, urls: str) -> str:
    """Build a one-page book whose pyproject.toml has ``urls``; return the page's HTML."""
    build = load_book_build()
    source = _small_book(tmp_path, "print('fine')")
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "medialit"\n{urls}', encoding="utf-8"
    )
    build.build(tmp_path / "out", source=source, rebuild_all=True, log=tmp_path / "build.log")
    return (build.html_dir(tmp_path / "out") / "page.html").read_text(encoding="utf-8")


def links(html: str) -> set[str]:
    return set(re.findall(r'href="(https://[^"]+)"', html))


@pytest.mark.slow
def test_with_a_github_repository_the_page_links_to_it_its_issues_and_binder(tmp_path):
    html = build_small_book(
        tmp_path, '[project.urls]\nRepository = "https://github.com/school/medialit"\n'
    )
    found = links(html)
    assert "https://github.com/school/medialit" in found
    assert any(u.startswith("https://github.com/school/medialit/issues/new?") for u in found)
    binder = "https://mybinder.org/v2/gh/school/medialit/main?urlpath=lab/tree/book/page.md"
    assert binder in found


@pytest.mark.slow
@pytest.mark.parametrize(
    "urls",
    ["", '[project.urls]\nRepository = "https://git.school.example/t/medialit"\n'],
    ids=["no repository", "a host the theme cannot link"],
)
def test_without_a_linkable_repository_the_page_has_no_such_button(tmp_path, urls):
    html = build_small_book(tmp_path, urls)
    assert [marker for marker in BUTTON_MARKERS if marker in html] == []
    assert "school.example" not in html


@pytest.mark.slow
def test_the_built_book_follows_pyproject(book_html: Path):
    repository = read_links().repository
    for page in sorted(book_html.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "github.com/medialit/medialit" not in html, page.name  # the old placeholder
        if repository is None:
            assert [m for m in BUTTON_MARKERS if m in html] == [], page.name
        elif "source-repository-button" in html:
            assert f'href="{repository}"' in html, page.name
