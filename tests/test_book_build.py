"""The book builds offline from the sources, every page executed, every link and asset local."""

from __future__ import annotations

import doctest
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import BOOK_DIR, load_book_build

# Hosts that serve JavaScript, styles or fonts: none of them may appear in a page.
CDN_HOSTS = (
    "cdn.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "ajax.googleapis.com",
    "code.jquery.com",
    "polyfill.io",
)


def toc_pages(toc_path: Path = BOOK_DIR / "_toc.yml") -> list[str]:
    """Every document the table of contents lists, root first."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return pages


class _PageLinks(HTMLParser):
    """Collects element ids and every URL a page points at (links, scripts, images, styles)."""

    URL_ATTRIBUTES = frozenset({"href", "src"})

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in self.URL_ATTRIBUTES and value:
                self.urls.append((tag, value))


def parse_page(path: Path) -> _PageLinks:
    parser = _PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_build_script_doctests():
    """The Examples in book/build.py and the Sphinx extension are real and pass."""
    extensions = [
        _load_extension(name)
        for name in ("offline_site", "fast_pages", "chart_files", "search_text")
    ]
    for module in (load_book_build(), *extensions):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.attempted > 0, f"{module.__name__} has no doctest"
        assert result.failed == 0, f"{module.__name__}: {result.failed} doctest(s) failed"


def _load_extension(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, BOOK_DIR / "_ext" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_toc_lists_each_page_file_once():
    pages = toc_pages()
    assert len(pages) == len(set(pages)), f"listed twice: {pages}"
    missing = [page for page in pages if not (BOOK_DIR / f"{page}.md").is_file()]
    assert missing == [], f"_toc.yml lists pages with no book/NAME.md: {missing}"


def test_pinned_assets_match_the_config():
    """Every script path in _config.yml is a file that build.py fetches (or ours in _assets)."""
    build = load_book_build()
    config = yaml.safe_load((BOOK_DIR / "_config.yml").read_text(encoding="utf-8"))
    sphinx_config = config["sphinx"]["config"]
    scripts = [*sphinx_config["nb_ipywidgets_js"], sphinx_config["mathjax_path"]]
    fetched_prefixes = [f"npm/{package.spec}/" for package in build.SITE_PACKAGES]
    for script in scripts:
        ours = (BOOK_DIR / "_assets" / script).is_file()
        assert ours or any(script.startswith(prefix) for prefix in fetched_prefixes), script
    # The require.js paths name the versions too: an upgrade must change them together.
    shim = (BOOK_DIR / "_assets" / "widgets-config.js").read_text(encoding="utf-8")
    named = set(re.findall(r'"((?:@[\w-]+/)?[\w-]+@\d[\w.-]*)', shim))
    pinned = {package.spec for package in build.SITE_PACKAGES}
    assert named and named <= pinned, f"widgets-config.js names {named - pinned}, not pinned"


@pytest.mark.slow
def test_every_toc_page_is_built(book_html: Path):
    missing = [page for page in toc_pages() if not (book_html / f"{page}.html").is_file()]
    assert missing == []


@pytest.mark.slow
def test_every_code_cell_of_every_page_ran(book_html: Path):
    """Pages with code cells were executed in order at this build, none skipped."""
    import nbformat

    executed = book_html.parent / "jupyter_execute"
    for page in toc_pages():
        if "{code-cell}" not in (BOOK_DIR / f"{page}.md").read_text(encoding="utf-8"):
            continue  # a plain Markdown page
        notebook_path = executed / f"{page}.ipynb"
        assert notebook_path.is_file(), f"{page}: has code cells but was not executed"
        notebook = nbformat.read(notebook_path, as_version=4)
        counts = [cell.execution_count for cell in notebook.cells if cell.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), f"{page}: execution counts {counts}"


@pytest.mark.slow
def test_internal_links_and_assets_resolve(book_html: Path):
    pages = sorted(book_html.glob("*.html"))
    parsed = {page.name: parse_page(page) for page in pages}
    broken = []
    for name, links in parsed.items():
        for tag, url in links.urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:")):
                continue
            target = (book_html / name).parent / unquote(parts.path) if parts.path else None
            target_name = target.name if target else name
            if target is not None and not target.exists():
                broken.append(f"{name}: <{tag}> {url} (no such file)")
            elif (
                parts.fragment
                and target_name in parsed
                and unquote(parts.fragment) not in parsed[target_name].ids
            ):
                broken.append(f"{name}: <{tag}> {url} (no such anchor)")
    assert broken == []


@pytest.mark.slow
def test_no_page_loads_anything_from_another_host(book_html: Path):
    """Scripts, styles, images and fonts come from the site; only <a> links go elsewhere."""
    offenders = []
    for page in sorted(book_html.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        offenders += [f"{page.name}: mentions {host}" for host in CDN_HOSTS if host in text]
        for tag, url in parse_page(page).urls:
            if tag != "a" and urlsplit(url).netloc:
                offenders.append(f"{page.name}: <{tag}> loads {url}")
    for script in (book_html / "_static").rglob("*.js"):
        if "npm" in script.relative_to(book_html).parts:
            continue  # the fetched packages name CDNs only as fallbacks our config replaces
        text = script.read_text(encoding="utf-8", errors="replace")
        offenders += [
            f"_static/{script.name}: mentions {host}" for host in CDN_HOSTS if host in text
        ]
    assert offenders == []


@pytest.mark.slow
def test_no_page_runs_table_cells_together(book_html: Path):
    """Search snippets are a page's text content: cells need whitespace between them.

    (Widget state scripts are not the page's text and are left alone.)
    """
    scripts = re.compile(r"<script\b.*?</script>", re.S)
    joined = [
        page.name
        for page in sorted(book_html.glob("*.html"))
        if re.search(r"</t[dh]><t[dh][\s>]", scripts.sub("", page.read_text(encoding="utf-8")))
    ]
    assert joined == []


@pytest.mark.slow
def test_widget_page_embeds_the_state_of_every_widget_it_shows(book_html: Path):
    text = (book_html / "widgets.html").read_text(encoding="utf-8")
    states = re.findall(
        r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S
    )
    assert len(states) == 1, "widgets.html should embed exactly one widget state"
    models = json.loads(states[0])["state"]
    views = re.findall(
        r'<script type="application/vnd.jupyter.widget-view\+json">(.*?)</script>', text, re.S
    )
    assert views, "widgets.html shows no widget"
    shown = {json.loads(view)["model_id"] for view in views}
    assert shown <= set(models), f"views without a model in the state: {shown - set(models)}"
    assert "npm/@jupyter-widgets/html-manager@" in text, "the widget manager is not loaded"


@pytest.mark.slow
def test_charts_in_widget_states_are_files_loaded_lazily(book_html: Path):
    """No widget state carries a chart as a data URL; every chart it names is a file of the
    site (a PNG of the size the state says), and each chart's <img> loads lazily."""
    chart = re.compile(r'(?:src|srcset)=\\"([^"\\]+\.png)\\" width=\\"(\d+)\\" height=\\"(\d+)\\"')
    found = 0
    for page in sorted(book_html.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for state in re.findall(
            r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S
        ):
            name = page.relative_to(book_html)
            assert "data:image/" not in state, f"{name}: a chart is still a data URL"
            assert state.count("<img ") == state.count('<img loading=\\"lazy\\" '), name
            for address, width, height in chart.findall(state):
                png = (page.parent / address).resolve()
                assert png.is_file(), f"{name}: {address} is not in the site"
                header = png.read_bytes()[:24]
                size = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
                assert size == (int(width), int(height)), f"{name}: {address}"
                found += 1
    assert found >= 40  # the figure comparer's charts, each with its phone layout


def _small_book(tmp_path: Path, cell: str) -> Path:
    """A one-page book using the real configuration, whose only cell is ``cell``."""
    source = tmp_path / "book"
    source.mkdir()
    shutil.copy(BOOK_DIR / "_config.yml", source / "_config.yml")
    shutil.copy(BOOK_DIR.parent / "pyproject.toml", tmp_path / "pyproject.toml")  # its links
    for folder in BOOK_DIR.glob("_*"):  # extensions, templates, assets: all the config uses
        if folder.is_dir() and folder.name not in {"_build", "_widgets"}:
            shutil.copytree(folder, source / folder.name)
    (source / "_widgets").symlink_to(BOOK_DIR / "_widgets", target_is_directory=True)
    (source / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    front = (BOOK_DIR / "intro.md").read_text(encoding="utf-8").split("---\n")[1]
    (source / "page.md").write_text(
        f"---\n{front}---\n\n# Page\n\n```{{code-cell}} ipython3\n{cell}\n```\n",
        encoding="utf-8",
    )
    return source


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cell", "reported"),
    [
        ("1 / 0", "ZeroDivisionError"),
        ("import warnings\nwarnings.warn('stale numbers')", "WARNING: stderr was found"),
    ],
    ids=["raising cell", "cell writing a warning"],
)
def test_a_broken_cell_fails_the_build(tmp_path: Path, cell: str, reported: str):
    build = load_book_build()
    build.fetch(build.SITE_PACKAGES)
    source = _small_book(tmp_path, cell)
    log = tmp_path / "build.log"
    with pytest.raises(build.BuildError) as failure:
        build.build(tmp_path / "out", source=source, rebuild_all=True, log=log)
    # The error names the page and what went wrong, without opening the log.
    assert reported in str(failure.value)
    assert "page.md" in str(failure.value)


@pytest.mark.slow
def test_the_small_book_builds_when_its_cell_is_fine(tmp_path: Path):
    """Control for the test above: the same book with a good cell builds."""
    build = load_book_build()
    source = _small_book(tmp_path, "print('fine')")
    build.build(tmp_path / "out", source=source, rebuild_all=True, log=tmp_path / "build.log")
    assert "fine" in (build.html_dir(tmp_path / "out") / "page.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- editorial checks


def _counts_in_the_data() -> set[float]:
    """Numbers the data hold that are not years (2,030 troops): printed with a separator."""
    from medialit.corpus import load_corpus, load_references

    counts: set[float] = set()
    for quantity in load_references().quantities.values():
        if quantity.unit != "year":
            counts |= {
                x for v in quantity.values for x in (v.value, v.low, v.high) if x is not None
            }
    for article in load_corpus():
        for fig in article.figures:
            if fig.kind != "year" and not isinstance(fig.value, str):
                counts |= {x for x in (fig.value, fig.low, fig.high) if x is not None}
    return counts


@pytest.mark.slow
def test_built_pages_print_no_scientific_notation_and_no_separated_years(book_html: Path):
    """Every number readers see, in the text, the tables, the tooltips and the widgets' saved
    state, went through the one formatter (medialit.formatting)."""
    from medialit.editorial import number_format_problems

    counts = _counts_in_the_data()
    findings = []
    for page in sorted(book_html.rglob("*.html")):  # lessons/ and worksheets/ too
        findings += number_format_problems(page.read_text(encoding="utf-8"), page.name, counts)
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.slow
def test_built_pages_show_no_internal_notes_file_names_or_placeholders(book_html: Path):
    from medialit.editorial import internal_leaks

    findings = []
    for page in sorted(book_html.rglob("*.html")):  # lessons/ and worksheets/ too
        findings += internal_leaks(page.read_text(encoding="utf-8"), page.name)
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.slow
def test_citations_show_the_confidence_of_weak_entries(book_html: Path):
    intro = (book_html / "intro.html").read_text(encoding="utf-8")
    assert re.search(r'class="[^"]*ledger-medium[^"]*"[^>]*>OU-06 · medium<', intro)
    assert re.search(r'class="[^"]*ledger-high[^"]*"[^>]*>DT-08<', intro)
    assert "(medium confidence)" in intro  # the tooltip says it too


@pytest.mark.slow
def test_the_corrections_page_is_built_and_linked_from_the_start(book_html: Path):
    assert (book_html / "CHANGES.html").is_file()
    intro = (book_html / "intro.html").read_text(encoding="utf-8")
    assert 'href="CHANGES.html"' in intro
