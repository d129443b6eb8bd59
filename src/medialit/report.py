"""The analysis report a student reads: one self-contained HTML page.

``medialit analyze ARTICLE --html report.html`` writes it. The page shows the article three
times, with its figures, its attributions and its loaded terms highlighted the way the book's
article explorer highlights them (numbered marks, a colour per category, a note on each), a
count per category, the capstone checklist to work through, and how often the extractors were
wrong on news texts they were never tuned on, so that the student checks the marks rather than
trusts them. Everything is inline: the page opens from a USB stick, offline, and prints whole.

Examples
--------
>>> from medialit.extract import analyze
>>> text = "Police said 12 people were hurt. The so-called reform failed."
>>> page = build_report("note.txt", text, analyze(text))
>>> page.startswith("<!DOCTYPE html>"), page.count("<mark")
(True, 3)
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medialit import __version__
from medialit.extract import Analysis
from medialit.formatting import format_share
from medialit.marking import (
    CATEGORY_COLOURS,
    FIGURE_GROUP_COLOURS,
    SOURCE_TYPE_COLOURS,
    Mark,
    count_groups,
    figure_group,
    highlight,
    legend,
    notes_list,
)
from medialit.safeyaml import load_yaml
from medialit.schema import (
    FIGURE_KIND_LABELS,
    QUALIFIER_LABELS,
    SOURCE_TYPE_LABELS,
    TERM_CATEGORY_LABELS,
    VOICE_LABELS,
    describe,
)

__all__ = ["ChecklistSection", "Section", "build_report", "load_checklist", "measured_accuracy"]

_PACKAGE = Path(__file__).parent


@dataclass(frozen=True)
class ChecklistSection:
    """One skill of the capstone checklist and its questions."""

    section: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """One highlighted copy of the text: a category of marks with its colours."""

    title: str
    anchor: str
    marks: list[Mark]
    colours: dict[str, str]
    what: str  # one sentence: what the marks are


@lru_cache(maxsize=1)
def load_checklist() -> tuple[ChecklistSection, ...]:
    """The capstone checklist (``checklist.yaml`` beside this module).

    >>> [s.section for s in load_checklist()][:2]
    ['Sourcing', 'Attribution']
    """
    raw = load_yaml((_PACKAGE / "checklist.yaml").read_text(encoding="utf-8"), "checklist.yaml")
    return tuple(ChecklistSection(item["section"], tuple(item["items"])) for item in raw)


@lru_cache(maxsize=1)
def measured_accuracy() -> dict:
    """The extractors' scores on the test split, as the accuracy benchmark recorded them
    (``extract/measured.yaml``, written by ``benchmarks/accuracy.py --record``)."""
    path = _PACKAGE / "extract" / "measured.yaml"
    return load_yaml(path.read_text(encoding="utf-8"), "extract/measured.yaml")


# --------------------------------------------------------------------------- marks


def _figure_marks(found: Analysis) -> list[Mark]:
    marks = []
    for figure in found.figures:
        if figure.value is not None:
            value = str(figure.value)
        else:
            low = "?" if figure.low is None else figure.low
            high = "?" if figure.high is None else figure.high
            value = f"{low} to {high}"
        note = f"{describe(FIGURE_KIND_LABELS, figure.kind)}: {value}"
        if figure.unit and figure.unit not in (figure.kind, "date"):
            note += f" {figure.unit}"
        if figure.qualifier != "exact":
            note += f" ({describe(QUALIFIER_LABELS, figure.qualifier)})"
        if figure.counts:
            note += f"; counts: {figure.counts}"
        marks.append(Mark(figure.start, figure.end, figure_group(figure.kind), note))
    return marks


def _attribution_marks(found: Analysis) -> list[Mark]:
    marks = []
    for item in found.attributions:
        kind = describe(SOURCE_TYPE_LABELS, item.source_type)
        how = "quoted directly" if item.direct else "paraphrased"
        source = item.source_name or item.source or "no source named"
        if item.source and item.source_name and item.source != item.source_name:
            source += f" (written “{item.source}”)"
        note = f"source: {source}; {kind}; {how}"
        marks.append(Mark(item.cue_start, item.cue_end, kind, note))
    return marks


def _term_marks(found: Analysis) -> list[Mark]:
    marks = []
    for term in found.loaded_terms:
        category = describe(TERM_CATEGORY_LABELS, term.category)
        neutral = f"neutral: “{term.neutral}”" if term.neutral else "neutral: leave it out"
        voice = describe(VOICE_LABELS, term.voice)
        marks.append(Mark(term.start, term.end, category, f"{category}; {neutral}; {voice}"))
    return marks


def sections(found: Analysis) -> list[Section]:
    """The three highlighted copies of the text, in the order of the checklist's skills."""
    return [
        Section(
            "Attributions", "attributions", _attribution_marks(found),
            {describe(SOURCE_TYPE_LABELS, k): v for k, v in SOURCE_TYPE_COLOURS.items()},
            "Each mark is a cue (said, according to, Q:): the note says who the source is and "
            "what kind of source it is.",
        ),
        Section(
            "Loaded terms", "loaded-terms", _term_marks(found),
            {describe(TERM_CATEGORY_LABELS, k): v for k, v in CATEGORY_COLOURS.items()},
            "Words that judge rather than report, with a neutral alternative. A word in "
            "someone else's words is theirs, not the outlet's.",
        ),
        Section(
            "Figures", "figures", _figure_marks(found), FIGURE_GROUP_COLOURS,
            "Every number a reader could check, with the value the machine read.",
        ),
    ]  # fmt: skip


# --------------------------------------------------------------------------- page

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52em;
margin:1em auto;padding:0 1em;line-height:1.5;color:#111;background:#fff;
overflow-wrap:break-word}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em;border-top:1px solid #ccc;
padding-top:.6em}table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
.text{white-space:pre-wrap;border:1px solid #ccc;padding:.5em .8em;background:#fff}
.warn{border-left:4px solid #D55E00;padding:.3em .8em;background:#fdf1e8}
mark sup{font-size:.7em;margin-left:1px}nav a{margin-right:1em}
ul.checklist{list-style:none;padding-left:0}
ul.kinds{list-style:none;margin:0;padding:0}ul.kinds li+li{margin-top:.4em}
ul.checklist li:before{content:"\\2610  "}
@media print{.text{border:none}h2{break-after:avoid}}
"""


def _by_kind(part: Section) -> str:
    """The summary's "by kind" cell: one line a kind, in the legend's words and order, each
    with its count ("named person: 4"); the kinds are plain words, never identifiers.

    >>> from medialit.marking import Mark
    >>> _by_kind(Section("Figures", "figures", [Mark(0, 2, "count", "")], {"count": "#000"}, ""))
    "<ul class='kinds'><li>count:&nbsp;1</li></ul>"
    """
    counts = count_groups(part.marks)
    groups = [g for g in part.colours if g in counts] + sorted(counts.keys() - part.colours.keys())
    # a no-break space keeps each count on its kind's line on a phone
    lines = [f"<li>{html.escape(group)}:&nbsp;{counts[group]}</li>" for group in groups]
    return f"<ul class='kinds'>{''.join(lines)}</ul>" if lines else "none"


def _summary(parts: list[Section]) -> str:
    rows = []
    for part in parts:
        rows.append(
            f"<tr><th scope='row'><a href='#{part.anchor}'>{part.title}</a></th>"
            f"<td>{len(part.marks)}</td><td>{_by_kind(part)}</td></tr>"
        )
    return (
        "<table><caption>What the machine marked</caption><thead><tr><th scope='col'>category"
        "</th><th scope='col'>marks</th><th scope='col'>by kind</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _section(text: str, part: Section) -> str:
    label = html.escape(f"{part.title} highlighted")
    return (
        f"<section id='{part.anchor}'><h2>{part.title} ({len(part.marks)})</h2>"
        f"<p>{html.escape(part.what)}</p>"
        f"<p>{legend(part.colours, count_groups(part.marks))}</p>"
        f"<div class='text' role='region' aria-label='{label}' tabindex='0'>"
        f"{highlight(text, part.marks, part.colours)}</div>"
        f"<details><summary>Notes ({len(part.marks)})</summary>"
        f"{notes_list(text, part.marks)}</details></section>"
    )


def _checklist() -> str:
    blocks = []
    for section in load_checklist():
        items = "".join(f"<li>{html.escape(item).replace('*', '')}</li>" for item in section.items)
        blocks.append(f"<h3>{html.escape(section.section)}</h3><ul class='checklist'>{items}</ul>")
    return (
        "<section id='checklist'><h2>Your checklist</h2><p>The marks are a first list. Work "
        "through these questions with the article open, and write down what you find and where."
        "</p>" + "".join(blocks) + "</section>"
    )


def _accuracy() -> str:
    measured = measured_accuracy()
    rows = []
    for name, label in (
        ("figures", "Figures"),
        ("attributions", "Attribution cues"),
        ("attribution_sources", "Attribution sources"),
        ("loaded_terms", "Loaded terms"),
    ):
        score = measured["rows"][name]["lenient"]
        wrong, missed = 1 - score["precision"], 1 - score["recall"]
        rows.append(
            f"<tr><th scope='row'>{label}</th><td>{format_share(wrong)}</td>"
            f"<td>{format_share(missed)}</td></tr>"
        )
    return (
        "<section id='accuracy'><h2>How often the machine is wrong</h2>"
        f"<p>Measured on {measured['texts']} {html.escape(measured['what'])} that the rules were "
        "never tuned on (a mark counts as right when it overlaps what a person marked; for "
        "sources, when the source is also right):</p>"
        "<table><thead><tr><th scope='col'></th><th scope='col'>marks that are wrong</th>"
        "<th scope='col'>real ones it missed</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table><p>So check every mark, and read for what it missed: the machine "
        "knows words, not what they mean here.</p></section>"
    )


def build_report(name: str, text: str, found: Analysis, *, from_page: bool = False) -> str:
    """The whole report as one HTML page.

    Parameters
    ----------
    name : str
        The file the text came from (shown in the title).
    text : str
        The text analysed.
    found : Analysis
        What the extractors found in it (:func:`medialit.extract.analyze`).
    from_page : bool
        True when the text was taken out of a saved web page (the report says so).
    """
    parts = sections(found)
    title = f"medialit analysis: {name}"
    page_note = (
        "<p class='warn'>The text below was taken out of a saved web page. Check that it is the "
        "whole article and nothing else (menus, captions or comments can slip in, or a "
        "paragraph can go missing).</p>"
        if from_page
        else ""
    )
    nav = "".join(f"<a href='#{p.anchor}'>{p.title}</a>" for p in parts)
    nav += "<a href='#checklist'>Checklist</a><a href='#accuracy'>How often it is wrong</a>"
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f"<p>{len(text):,} characters. The machine marks what rules can find: every number, "
        "every “who says so”, words that judge. It is a first list for you to check, not a "
        "verdict.</p>"
        f"{page_note}<nav aria-label='Sections'>{nav}</nav></header><main>"
        f"{_summary(parts)}"
        + "".join(_section(text, part) for part in parts)
        + _checklist()
        + _accuracy()
        + f"</main><footer><p>Made by medialit {__version__} "
        "(<code>medialit analyze --html</code>).</p></footer></body></html>\n"
    )
