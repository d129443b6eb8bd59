"""Turn the built book into a folder for any static host, and check it as a visitor would.

Run it with the project's Python (``make site`` runs the book's build, then both steps)::

    .venv/bin/python book/publish.py package book/_build/html site [--site-url URL]
    .venv/bin/python book/publish.py check site

``package`` copies the site and adds what hosts need: ``.nojekyll`` (GitHub Pages would
otherwise hide the ``_static`` folder), a gzip copy of every text file that compresses well
(nginx ``gzip_static``, Caddy ``precompressed``, Apache with MultiViews serve these; GitHub
Pages and Netlify compress on their own and ignore them), and, when the site's address is known,
``404.html`` and ``sitemap.xml``, the two files that need absolute addresses. The address comes
from ``[project.urls] Documentation`` in pyproject.toml, or ``--site-url``. Every other link
stays relative, so the folder works at any address, in a sub-folder, or opened from disk.

``check`` serves the folder on 127.0.0.1 and follows every link, script, style, image and font
of every page, the sitemap and the 404 page, and checks each anchor; links to other hosts are
counted and never requested.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit
from xml.etree import ElementTree

from static_server import QuietHandler, serve

BOOK_DIR = Path(__file__).resolve().parent
REPO_DIR = BOOK_DIR.parent
MARKER = ".medialit-site.json"  # says the folder was made here (and for which address)
DROPPED = (".buildinfo",)  # Sphinx's own bookkeeping, of no use to a reader
# Text formats worth a gzip copy; images and woff/woff2 fonts are compressed already.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md", ".ipynb", ".ttf")
MIN_GZIP_BYTES = 1024  # below this the saving is smaller than a request's headers
MAX_GZIP_RATIO = 0.9  # keep a .gz only when it saves at least 10 %
NOT_IN_SITEMAP = ("404.html", "search.html", "genindex.html")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class SiteError(RuntimeError):
    """The site cannot be packaged or failed its check; the message says what and where."""


@dataclass(frozen=True)
class PackageReport:
    """What ``package`` wrote."""

    folder: Path
    files: int
    bytes: int
    gzipped: int
    gzip_bytes: int
    site_url: str | None

    def summary(self) -> str:
        extra = (
            f"404.html and sitemap.xml for {self.site_url}"
            if self.site_url
            else "no 404.html or sitemap.xml (no site address: set [project.urls] "
            "Documentation in pyproject.toml or pass --site-url)"
        )
        return (
            f"{self.folder}: {self.files} files, {self.bytes / 1e6:.1f} MB; "
            f"{self.gzipped} gzip copies ({self.gzip_bytes / 1e6:.1f} MB); {extra}"
        )


@dataclass
class CheckReport:
    """What ``check`` found: every problem with the page and link it came from."""

    pages: int = 0
    fetched: int = 0
    links: int = 0
    external: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.pages} pages, {self.links} links and assets, {self.fetched} distinct "
            f"addresses fetched from the local server; {len(self.external)} links to other "
            f"hosts not followed; {len(self.problems)} problems"
        )


# --------------------------------------------------------------------------- reading pages


class PageParser(HTMLParser):
    """Collects a page's anchors (``id``/``name``) and every URL it points at.

    Examples
    --------
    >>> page = PageParser.parse('<a id="x" href="b.html#y">b</a><img src="i.png">')
    >>> sorted(page.ids), page.urls
    (['x'], [('a', 'b.html#y'), ('img', 'i.png')])
    >>> PageParser.parse('<meta http-equiv="Refresh" content="0; url=intro.html" />').redirect
    'intro.html'
    """

    URL_ATTRIBUTES = frozenset({"href", "src"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []
        self.title = ""
        self.redirect: str | None = None
        self._in_title = False

    @classmethod
    def parse(cls, text: str) -> PageParser:
        parser = cls()
        parser.feed(text)
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            # <meta http-equiv="Refresh" content="0; url=intro.html">: Jupyter Book's index
            target = (values.get("content") or "").partition("url=")[2].strip()
            if target:
                self.redirect = target
                self.urls.append((tag, target))
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in self.URL_ATTRIBUTES and value:
                self.urls.append((tag, value.strip()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def css_urls(text: str) -> list[str]:
    """The ``url(...)`` references of a style sheet, data URLs left out.

    Examples
    --------
    >>> css_urls("a{background:url('x.png')} @font-face{src:url(f.woff2?v=1) format('woff2')}"
    ...          " b{background:url(data:image/png;base64,AA==)}")
    ['x.png', 'f.woff2?v=1']
    """
    urls = []
    for piece in text.split("url(")[1:]:
        value = piece.split(")", 1)[0].strip().strip("'\"")
        if value and not value.startswith(("data:", "#")):
            urls.append(value)
    return urls


def is_skipped_scheme(url: str) -> bool:
    """Links that are not addresses of documents (mail, scripts, inline data)."""
    return url.startswith(("mailto:", "javascript:", "data:", "tel:"))


def not_relative(url: str, site_url: str | None) -> bool:
    """Whether a link inside a page would break if the site moved to another address.

    Examples
    --------
    >>> not_relative("/_static/a.css", None), not_relative("_static/a.css", None)
    (True, False)
    >>> not_relative("https://school.example/book/a.html", "https://school.example/book/")
    True
    >>> not_relative("https://example.org/", "https://school.example/book/")
    False
    """
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return url.startswith("/")
    if parts.netloc and not parts.scheme:
        return False  # //host/path: another host
    return bool(site_url) and url.startswith(site_url.rstrip("/"))


def html_pages(folder: Path) -> list[Path]:
    """Every HTML file of the site, ``index.html`` first."""
    pages = sorted(folder.rglob("*.html"), key=lambda p: (p.name != "index.html", p.as_posix()))
    return [p for p in pages if not p.relative_to(folder).parts[0].startswith("_")]


# --------------------------------------------------------------------------- packaging


def prepare_output(out: Path) -> None:
    """Empty ``out`` for a new site, refusing to empty a folder this script did not make."""
    if out.exists():
        if not out.is_dir():
            raise SiteError(f"{out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise SiteError(
                f"{out} is not empty and was not made by book/publish.py: choose another folder "
                "(nothing was deleted)"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True)


def relative_link_problems(folder: Path, site_url: str | None) -> list[str]:
    """Links in pages that name the site's own address or start at its root."""
    problems = []
    for page in html_pages(folder):
        if page.relative_to(folder).as_posix() == "404.html":
            continue  # served at any missing address, so its links are absolute on purpose
        parsed = PageParser.parse(page.read_text(encoding="utf-8"))
        name = page.relative_to(folder).as_posix()
        problems += [
            f"{name}: <{tag}> {url} is not relative"
            for tag, url in parsed.urls
            if not is_skipped_scheme(url) and not_relative(url, site_url)
        ]
    return problems


def sitemap_xml(site_url: str, pages: Iterable[str]) -> str:
    """A sitemap (sitemaps.org 0.9) listing ``pages`` under ``site_url``.

    Examples
    --------
    >>> print(sitemap_xml("https://s.example/b/", ["index.html", "a b.html"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://s.example/b/index.html</loc></url>
      <url><loc>https://s.example/b/a%20b.html</loc></url>
    </urlset>
    """
    entries = "".join(
        f"  <url><loc>{escape(site_url + quote(page))}</loc></url>\n" for page in pages
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NS}">\n{entries}</urlset>\n'
    )


def not_found_html(site_url: str, title: str) -> str:
    """A self-contained 404 page: hosts serve it at any missing address, so its links are
    absolute and it needs no style sheet or script of the site."""
    home, search = escape(site_url), escape(site_url + "search.html")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Page not found - {escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem;
       margin: 3rem auto; padding: 0 1rem; color: #222; }}
a {{ color: #0a58ca; }}
</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address in <em>{escape(title)}</em>. It may have been renamed when
the book was updated.</p>
<ul>
<li><a href="{home}">Go to the start page</a></li>
<li><a href="{search}">Search the book</a></li>
</ul>
</main>
</body>
</html>
"""


def precompress(folder: Path) -> tuple[int, int]:
    """Write ``NAME.gz`` beside each text file that shrinks by 10 % or more; return the count
    and their bytes. The copies are reproducible (no time stamp inside)."""
    count = size = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_GZIP_BYTES:
            continue
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) <= MAX_GZIP_RATIO * len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            count, size = count + 1, size + len(packed)
    return count, size


def write_addressed_files(out: Path, site_url: str) -> None:
    """The 404 page and the sitemap (content pages only: no redirect, search or index)."""
    parsed = {
        page.relative_to(out).as_posix(): PageParser.parse(page.read_text(encoding="utf-8"))
        for page in html_pages(out)
    }
    content = [
        name
        for name, page in parsed.items()
        if page.redirect is None and name.rsplit("/", 1)[-1] not in NOT_IN_SITEMAP
    ]
    titles = [parsed[name].title for name in content if parsed[name].title]
    # Sphinx titles pages "Page — Book"; the part after the last dash is the book's.
    book_title = titles[0].split(" \u2014 ")[-1].strip() if titles else "the book"
    (out / "404.html").write_text(not_found_html(site_url, book_title), encoding="utf-8")
    (out / "sitemap.xml").write_text(sitemap_xml(site_url, content), encoding="utf-8")


def package(html: Path, out: Path, site_url: str | None = None) -> PackageReport:
    """Copy the built book in ``html`` to ``out``, ready for a static host (see the module)."""
    html, out = Path(html), Path(out)
    if not (html / "index.html").is_file():
        raise SiteError(f"{html} holds no built book (no index.html): run `make book` first")
    if out.resolve() == html.resolve() or html.resolve() in out.resolve().parents:
        raise SiteError(f"{out} must be outside the built book {html}")
    prepare_output(out)
    (out / MARKER).write_text(json.dumps({"site_url": site_url}) + "\n", encoding="utf-8")
    shutil.copytree(html, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*DROPPED))
    problems = relative_link_problems(out, site_url)
    if problems:
        raise SiteError("links that only work at one address:\n" + "\n".join(problems))
    (out / ".nojekyll").write_text("", encoding="utf-8")
    if site_url:
        write_addressed_files(out, site_url)
    gzipped, gzip_bytes = precompress(out)
    files = [p for p in out.rglob("*") if p.is_file()]
    return PackageReport(
        folder=out,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        gzipped=gzipped,
        gzip_bytes=gzip_bytes,
        site_url=site_url,
    )


# --------------------------------------------------------------------------- checking


class _StaticHost(QuietHandler):
    """Serves the folder as a static host does: a missing file gets ``404.html``, status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class _Fetched:
    status: int
    content_type: str
    body: bytes


class LinkChecker:
    """Follows links on one local server only; every other host is recorded, never asked."""

    def __init__(self, base: str, site_url: str | None, report: CheckReport) -> None:
        if urlsplit(base).hostname != "127.0.0.1":
            raise SiteError(f"the link checker only reads from 127.0.0.1, not {base}")
        self.base, self.site_url, self.report = base, site_url, report
        self.cache: dict[str, _Fetched] = {}
        self.anchors: dict[str, set[str]] = {}
        self.scanned: set[str] = set()

    def local(self, url: str) -> str | None:
        """The local address for ``url``, or ``None`` when it belongs to another host."""
        if self.site_url and url.startswith(self.site_url):
            url = self.base + url[len(self.site_url) :]
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != self.base:
            return None
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))

    def fetch(self, url: str) -> _Fetched:
        if url not in self.cache:
            assert urlsplit(url).hostname == "127.0.0.1", url  # never leaves this machine
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    fetched = _Fetched(response.status, response.headers.get_content_type(), b"")
                    fetched.body = response.read()
            except urllib.error.HTTPError as error:
                fetched = _Fetched(error.code, "", b"")
            self.cache[url] = fetched
            self.report.fetched += 1
        return self.cache[url]

    def ids_of(self, url: str) -> set[str]:
        if url not in self.anchors:
            fetched = self.fetch(url)
            text = fetched.body.decode("utf-8", errors="replace")
            self.anchors[url] = PageParser.parse(text).ids if fetched.status == 200 else set()
        return self.anchors[url]

    def follow(self, source: str, tag: str, url: str) -> None:
        """Check one link found on ``source`` (a local address)."""
        if is_skipped_scheme(url):
            return
        absolute = urljoin(source, url)
        target = self.local(absolute)
        if target is None:
            self.report.external.add(absolute)
            return
        self.report.links += 1
        fetched = self.fetch(target)
        where = f"{self.relative(source)}: <{tag}> {url}"
        if fetched.status != 200:
            self.report.problems.append(f"{where}: HTTP {fetched.status}")
            return
        fragment = unquote(urlsplit(absolute).fragment)
        is_page = fetched.content_type == "text/html"
        if fragment and is_page and fragment not in self.ids_of(target):
            self.report.problems.append(f"{where}: no such anchor")
        if fetched.content_type == "text/css" and target not in self.scanned:
            self.scanned.add(target)  # a style sheet's own links are checked once
            for reference in css_urls(fetched.body.decode("utf-8", errors="replace")):
                self.follow(target, "css url", reference)

    def check_page(self, url: str) -> None:
        fetched = self.fetch(url)
        if fetched.status != 200:
            self.report.problems.append(f"{self.relative(url)}: HTTP {fetched.status}")
            return
        self.report.pages += 1
        parsed = PageParser.parse(fetched.body.decode("utf-8", errors="replace"))
        self.anchors[url] = parsed.ids
        for tag, link in parsed.urls:
            self.follow(url, tag, link)

    def relative(self, url: str) -> str:
        return url[len(self.base) :] if url.startswith(self.base) else url


def sitemap_locations(text: str) -> list[str]:
    """The ``<loc>`` addresses of a sitemap."""
    root = ElementTree.fromstring(text)
    return [loc.text or "" for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]


def check_gzip_copies(folder: Path) -> list[str]:
    """Each ``NAME.gz`` must unpack to exactly ``NAME``."""
    problems = []
    for packed in sorted(folder.rglob("*.gz")):
        original = packed.with_name(packed.name[: -len(".gz")])
        if not original.is_file():
            problems.append(f"{packed.relative_to(folder)}: no {original.name} beside it")
        elif gzip.decompress(packed.read_bytes()) != original.read_bytes():
            problems.append(f"{packed.relative_to(folder)}: differs from {original.name}")
    return problems


def site_url_of(folder: Path) -> str | None:
    """The address ``package`` wrote the folder for."""
    marker = folder / MARKER
    if not marker.is_file():
        raise SiteError(f"{folder} was not made by `book/publish.py package` (no {MARKER})")
    return json.loads(marker.read_text(encoding="utf-8"))["site_url"]


def check(folder: Path) -> CheckReport:
    """Serve ``folder`` locally and check every page, link, asset, anchor and gzip copy."""
    folder = Path(folder)
    site_url = site_url_of(folder)
    report = CheckReport()
    required = (".nojekyll", "404.html", "sitemap.xml") if site_url else (".nojekyll",)
    report.problems += [f"missing {name}" for name in required if not (folder / name).exists()]
    report.problems += relative_link_problems(folder, site_url)
    report.problems += check_gzip_copies(folder)
    with serve(folder, _StaticHost) as base:
        checker = LinkChecker(base, site_url, report)
        for page in html_pages(folder):
            checker.check_page(base + quote(page.relative_to(folder).as_posix()))
        if site_url and (folder / "sitemap.xml").is_file():
            text = (folder / "sitemap.xml").read_text(encoding="utf-8")
            for location in sitemap_locations(text):
                if checker.local(location) is None:
                    report.problems.append(f"sitemap.xml: {location} is not on {site_url}")
                else:
                    checker.follow(base + "sitemap.xml", "loc", location)
        missing = checker.fetch(base + "no-such-page-medialit-check.html")
        if site_url and missing.status != 404:
            report.problems.append(f"a missing page answers HTTP {missing.status}, not 404")
    return report


# --------------------------------------------------------------------------- command line


def configured_site_url() -> str | None:
    """``[project.urls] Documentation`` of the checkout's pyproject.toml."""
    from medialit.project import read_links

    return read_links(REPO_DIR / "pyproject.toml").site


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pack = commands.add_parser("package", help="copy the built book into a folder for a host")
    pack.add_argument("html", type=Path, help="the built book (book/_build/html)")
    pack.add_argument("out", type=Path, help="the folder to write (emptied first)")
    pack.add_argument(
        "--site-url",
        default=None,
        help="the address the site will have (default: [project.urls] Documentation in "
        "pyproject.toml); an empty string for none",
    )
    verify = commands.add_parser("check", help="serve the folder locally and check every link")
    verify.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "package":
            from medialit.project import ProjectConfigError, site_url

            try:
                url = configured_site_url() if args.site_url is None else args.site_url
                url = site_url(url, "--site-url") if url else None
            except ProjectConfigError as error:
                raise SiteError(str(error)) from None
            print(package(args.html, args.out, url).summary())
            return 0
        report = check(args.folder)
        print(report.summary())
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1 if report.problems else 0
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
