"""Reading the article's text out of a page saved from a browser."""

import builtins
from pathlib import Path

import pytest

from medialit.webpage import WebPageError, looks_like_html, main_text

SAVED = Path(__file__).parent / "fixtures" / "saved-article.html"


def test_the_article_text_comes_out_without_menus_comments_or_scripts():
    text = main_text("saved-article.html", SAVED.read_text(encoding="utf-8"))
    assert text.startswith("Fire at Eastport harbour: 12 hurt")
    assert "fire chief Maria Lindqvist told reporters" in text
    for furniture in ("Subscribe for £1", "This council is a joke", "dataLayer", "Cookie"):
        assert furniture not in text


@pytest.mark.parametrize(
    ("name", "start", "expected"),
    [
        ("page.htm", "", True),
        ("-", "\ufeff<!-- saved -->\n<html><body>", True),
        ("-", "<!doctype HTML>", True),
        ("notes.txt", "The <b> tag is bold.", False),
    ],
)
def test_what_counts_as_a_page(name, start, expected):
    assert looks_like_html(name, start.lstrip("\ufeff")) is expected


def test_a_page_without_an_article_is_a_clear_error():
    with pytest.raises(WebPageError, match=r"empty\.html: no article text found"):
        main_text("empty.html", "<html><body><nav>Home</nav></body></html>")


def test_without_trafilatura_the_error_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(WebPageError, match=r'pip install "medialit\[html\]"'):
        main_text("page.html", "<html></html>")
