"""`make site`: the built book as a folder for any static host, checked on a local server.

The fast tests use a small hand-made site, each with one fault the checker must find; the slow
ones package and check the real book, as the Pages workflow does before it uploads."""

from __future__ import annotations

import doctest
import gzip
import importlib.util
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import BOOK_DIR
from static_server import QuietHandler, serve
from test_book_build import toc_pages

SITE_URL = "https://school.example/medialit/"


def load_site():
    """Import book/publish.py (a script, not part of the package)."""
    name = "medialit_book_publish"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BOOK_DIR / "publish.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules[name]


site = load_site()

PAGE = """<!DOCTYPE html><html><head><title>{title} &#8212; The Book</title>
<link rel="stylesheet" href="_static/style.css"><script src="_static/app.js"></script></head>
<body><nav><a href="index.html">home</a> <a href="intro.html#part">part</a>
<a href="https://example.org/elsewhere">out</a> <a href="mailto:a@b.example">mail</a></nav>
<h1 id="part">{title}</h1>{extra}<p>{filler}</p></body></html>
"""


def write_book(folder: Path, extra: str = "", css: str = "body{font:url(font.woff2)}") -> Path:
    """A small built book: a redirecting index, two pages, search, a style sheet and a font."""
    static = folder / "_static"
    static.mkdir(parents=True)
    (folder / "index.html").write_text(
        '<html><head><meta http-equiv="Refresh" content="0; url=intro.html" /></head></html>',
        encoding="utf-8",
    )
    filler = "words " * 400  # big enough to be worth a gzip copy
    for name, title in (("intro", "Intro"), ("search", "Search"), ("chapter", "Chapter")):
        text = PAGE.format(title=title, extra=extra if name == "chapter" else "", filler=filler)
        (folder / f"{name}.html").write_text(text, encoding="utf-8")
    (static / "style.css").write_text(css + "\n/*" + "x" * 2000 + "*/", encoding="utf-8")
    (static / "app.js").write_text("console.log(1);\n" * 100, encoding="utf-8")
    (static / "font.woff2").write_bytes(b"wOF2" + bytes(100))
    (folder / ".buildinfo").write_text("config: x\n", encoding="utf-8")
    return folder


def packaged(tmp_path: Path, site_url: str | None = SITE_URL, **book) -> Path:
    html = write_book(tmp_path / "html", **book)
    out = tmp_path / "site"
    site.package(html, out, site_url)
    return out


def test_site_script_doctests():
    result = doctest.testmod(site, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_package_adds_what_static_hosts_need(tmp_path):
    out = packaged(tmp_path)
    assert (out / ".nojekyll").is_file()
    assert not (out / ".buildinfo").exists()
    copies = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.gz"))
    assert "chapter.html.gz" in copies and "_static/style.css.gz" in copies
    assert "_static/font.woff2.gz" not in copies  # compressed already
    for copy in out.rglob("*.gz"):
        assert gzip.decompress(copy.read_bytes()) == copy.with_suffix("").read_bytes()
    report = site.check(out)
    assert report.problems == []
    assert report.pages == 5  # index, intro, search, chapter, 404


def test_sitemap_lists_content_pages_at_the_site_address(tmp_path):
    out = packaged(tmp_path)
    locations = site.sitemap_locations((out / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations == [SITE_URL + "chapter.html", SITE_URL + "intro.html"]
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}"' in not_found and "The Book" in not_found


def test_without_a_site_address_there_is_no_404_page_or_sitemap(tmp_path):
    out = packaged(tmp_path, site_url=None)
    assert not (out / "404.html").exists() and not (out / "sitemap.xml").exists()
    assert site.check(out).problems == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('<a href="missing.html">x</a>', "chapter.html: <a> missing.html: HTTP 404"),
        (
            '<a href="intro.html#nowhere">x</a>',
            "chapter.html: <a> intro.html#nowhere: no such anchor",
        ),
        ('<img src="_static/gone.png">', "chapter.html: <img> _static/gone.png: HTTP 404"),
    ],
    ids=["missing page", "missing anchor", "missing image"],
)
def test_check_reports_each_broken_link_with_its_page(tmp_path, extra, expected):
    out = packaged(tmp_path, extra=extra)
    assert site.check(out).problems == [expected]


def test_check_follows_style_sheets_to_their_fonts(tmp_path):
    out = packaged(tmp_path, css="body{font:url(missing-font.woff2)}")
    assert site.check(out).problems == ["_static/style.css: <css url> missing-font.woff2: HTTP 404"]


def test_check_finds_a_gzip_copy_that_differs(tmp_path):
    out = packaged(tmp_path)
    (out / "chapter.html.gz").write_bytes(gzip.compress(b"stale"))
    assert site.check(out).problems == ["chapter.html.gz: differs from chapter.html"]


@pytest.mark.parametrize(
    "extra",
    ['<a href="/intro.html">x</a>', f'<a href="{SITE_URL}intro.html">x</a>'],
    ids=["root-relative", "absolute to the site"],
)
def test_package_refuses_links_that_only_work_at_one_address(tmp_path, extra):
    with pytest.raises(site.SiteError, match="is not relative"):
        packaged(tmp_path, extra=extra)


def test_package_never_empties_a_folder_it_did_not_make(tmp_path):
    html = write_book(tmp_path / "html")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(site.SiteError, match="nothing was deleted"):
        site.package(html, precious, SITE_URL)
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "keep me"
    site.package(html, tmp_path / "site", SITE_URL)
    site.package(html, tmp_path / "site", None)  # its own folder: rebuilt in place
    assert not (tmp_path / "site" / "sitemap.xml").exists()


class _Counting(QuietHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        super().do_GET()


def test_check_never_requests_another_host(tmp_path):
    """A link to another server (here a second local one, which counts requests) is recorded
    and never fetched."""
    with serve(tmp_path, _Counting) as other:
        elsewhere = f"{other}page.html"
        out = packaged(tmp_path, extra=f'<a href="{elsewhere}">x</a><img src="{elsewhere}">')
        report = site.check(out)
    assert report.problems == []
    assert elsewhere in report.external
    assert _Counting.hits == []


def test_the_link_checker_refuses_a_server_that_is_not_local():
    with pytest.raises(site.SiteError, match=r"only reads from 127\.0\.0\.1"):
        site.LinkChecker("https://school.example/", None, site.CheckReport())


def test_command_line_says_what_failed(tmp_path, capsys):
    assert site.main(["package", str(tmp_path / "nothing"), str(tmp_path / "out")]) == 1
    assert "no index.html" in capsys.readouterr().err
    out = packaged(tmp_path, extra='<a href="gone.html">x</a>')
    assert site.main(["check", str(out)]) == 1
    captured = capsys.readouterr()
    assert "1 problems" in captured.out and "gone.html: HTTP 404" in captured.err


# --------------------------------------------------------------------------- the real book


@pytest.mark.slow
def test_the_book_packaged_for_a_host_passes_the_link_check(book_html: Path, tmp_path):
    """What `make site` and the Pages workflow do, up to the upload."""
    out = tmp_path / "site"
    report = site.package(book_html, out, SITE_URL)
    assert report.gzipped > 0
    checked = site.check(out)
    assert checked.problems == []
    pages = {p.relative_to(out).as_posix() for p in site.html_pages(out)}
    assert checked.pages == len(pages)
    assert {f"{page}.html" for page in toc_pages()} <= pages
    locations = site.sitemap_locations((out / "sitemap.xml").read_text(encoding="utf-8"))
    assert {SITE_URL + f"{page}.html" for page in toc_pages()} <= set(locations)
    assert checked.links > 100
