"""Explorers that compare the outlets, alive in a notebook and in the static book alike.

Every widget here is built the same way: all the variants a reader can ask for are rendered
when the widget is built (HTML, or a chart as a PNG with alt text), held in a
:class:`ipywidgets.Stack`, and switched by a native control (a ``<select>`` or buttons) tied
to the stack with :func:`ipywidgets.jslink` (kept in the widget's ``links``). The link runs
in the page, so the controls work the same in JupyterLab, Notebook 7, VS Code and the built
book with no kernel at all.

* :class:`ArticleExplorer`: one article with its figures, attributions, loaded terms or
  factual issues highlighted, a legend, and the note for each span.
* :class:`FigureComparer`: one quantity's comparison chart and who reported what, when,
  attributed to whom.
* :class:`QuoteTracer`: one statement as each outlet renders it, side by side, with its
  loaded terms and attribution cues marked and the words no other outlet uses listed.
* :class:`TermSwapper`: a paragraph with its loaded terms, or with neutral alternatives.

Examples
--------
>>> explorer = ArticleExplorer()
>>> len(explorer.panes.children) == len(explorer.article_picker.options)
True
>>> explorer.category_picker.options
('Figures', 'Attributions', 'Loaded terms', 'Factual issues')
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from medialit import charts, compare
from medialit.corpus import (
    Article,
    References,
    Span,
    Statement,
    load_corpus,
    load_references,
    load_story,
)
from medialit.formatting import format_amount, format_date
from medialit.marking import (
    FIGURE_GROUP_COLOURS,
    Mark,
    count_groups,
    figure_group,
    highlight,
    legend,
    non_overlapping,
    notes_list,
    tint,
)
from medialit.schema import SOURCE_TYPE_LABELS, TERM_CATEGORY_LABELS, describe

__all__ = ["ArticleExplorer", "FigureComparer", "QuoteTracer", "TermSwapper", "all_widgets"]

# --------------------------------------------------------------------------- highlighted text


@dataclass(frozen=True)
class Category:
    """One kind of annotation the explorer can highlight."""

    title: str
    marks: Callable[[Article], list[Mark]]
    colours: dict[str, str]


def _figure_marks(article: Article) -> list[Mark]:
    refs = load_references()
    marks = []
    for fig in article.figures:
        group = figure_group(fig.kind)
        value = _figure_value(fig)
        detail = f"{fig.counts}: {value}; source: {fig.source}"
        if fig.quantity is not None and not isinstance(fig.value, str):
            # The verdict comes from the one function that judges figures, never from a note.
            quantity = refs.quantities[fig.quantity]
            verdict = compare.figure_verdict(fig, article.published, quantity)
            detail += f"; against the references: {compare.verdict_in_words(verdict, quantity)}"
        if fig.note:
            detail += f". {fig.note}"
        detail += _references_text(fig.references, refs)
        marks.append(Mark(fig.span.start, fig.span.end, group, detail))
    return marks


def _references_text(ids: Sequence[str], refs: References) -> str:
    """The ledger ids a note rests on, each weak one with its confidence.

    >>> _references_text(("SF-01", "US-02"), load_references())
    ' (references: SF-01, US-02 low confidence)'
    """
    if not ids:
        return ""
    shown = [
        i
        if refs.entries[i].confidence == "high"
        else f"{i} {refs.entries[i].confidence} confidence"
        for i in ids
    ]
    return f" (references: {', '.join(shown)})"


def _figure_value(fig) -> str:
    if isinstance(fig.value, str):  # an ISO date
        return fig.value
    unit = "year" if fig.kind == "year" else fig.unit
    return format_amount(fig.value, fig.low, fig.high, fig.qualifier, unit)


def _attribution_marks(article: Article) -> list[Mark]:
    marks = []
    for att in article.attributions:
        kind = describe(SOURCE_TYPE_LABELS, att.source_type)
        how = f"; {_quotation_kind(article, att.content)}" if att.content else ""
        detail = f"{att.source_name} ({kind}{how})"
        if att.via:
            detail += f", via {att.via}"
        if att.note:
            detail += f". {att.note}"
        marks.append(Mark(att.cue.start, att.cue.end, kind, detail))
    return marks


def _term_marks(article: Article) -> list[Mark]:
    marks = []
    for term in article.loaded_terms:
        neutral = f"neutral: “{term.neutral}”" if term.neutral else "neutral: leave it out"
        voice = f"quoted from {term.speaker}" if term.voice == "quoted" else "the outlet's words"
        category = describe(TERM_CATEGORY_LABELS, term.category)
        detail = f"{category}; {neutral}; {voice}"
        if term.note:
            detail += f". {term.note}"
        marks.append(Mark(term.span.start, term.span.end, category, detail))
    return marks


def _issue_marks(article: Article) -> list[Mark]:
    refs = load_references()
    marks = []
    for issue in article.issues:
        detail = f"{issue.claim} — {issue.problem}{_references_text(issue.references, refs)}"
        marks.append(Mark(issue.span.start, issue.span.end, issue.verdict, detail))
    return marks


OI = charts.OKABE_ITO
CATEGORIES = (
    Category("Figures", _figure_marks, FIGURE_GROUP_COLOURS),
    Category(
        "Attributions",
        _attribution_marks,
        {describe(SOURCE_TYPE_LABELS, k): v for k, v in charts.SOURCE_TYPE_COLOURS.items()},
    ),
    Category(
        "Loaded terms",
        _term_marks,
        {describe(TERM_CATEGORY_LABELS, k): v for k, v in charts.CATEGORY_COLOURS.items()},
    ),
    Category(
        "Factual issues",
        _issue_marks,
        {
            "contradicted": OI["vermillion"],
            "imprecise": OI["orange"],
            "unsupported": OI["reddish purple"],
            "unverified": OI["sky blue"],
        },
    ),
)


def _article_pane(article: Article, category: Category) -> str:
    marks = category.marks(article)
    counts = count_groups(marks)
    label = f"{article.outlet_short}: {category.title.lower()} highlighted"
    return (
        f'<div style="line-height:1.5">'
        f"<p style='margin:0.2em 0'><strong>{html.escape(article.headline)}</strong><br>"
        f"{html.escape(article.outlet)}, {format_date(article.published)}. "
        f"{len(marks)} {category.title.lower()} annotated.</p>"
        f'<p style="margin:0.2em 0">{legend(category.colours, counts)}</p>'
        f'<div role="region" aria-label="{html.escape(label, quote=True)}" tabindex="0" '
        f'style="white-space:pre-wrap;max-height:26em;overflow-y:auto;border:1px solid #ccc;'
        f'padding:0.5em 0.8em;background:#fff;color:#000">'
        f"{highlight(article.text, marks, category.colours)}</div>"
        f"<details><summary>Notes ({len(marks)})</summary>{notes_list(article.text, marks)}"
        f"</details></div>"
    )


# --------------------------------------------------------------------------- shared pieces


def _picker(options: Sequence[str], description: str) -> widgets.Dropdown:
    """A native ``<select>`` with a visible label (keyboard and screen readers get both)."""
    return widgets.Dropdown(
        options=list(options),
        index=0,
        description=description,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="max-content", max_width="100%"),
    )


def _choice(options: Sequence[str], description: str) -> widgets.RadioButtons:
    """Native radio buttons: a screen reader announces which is chosen, arrow keys move it.

    (ToggleButtons look alike but do not expose their pressed state.) The class lets
    :data:`CHOICE_CSS` lay them out in a row in the book, whose widget manager predates
    ``orientation``.
    """
    choice = widgets.RadioButtons(
        options=list(options),
        index=0,
        description=description,
        orientation="horizontal",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    choice.add_class(CHOICE_CLASS)
    return choice


CHOICE_CLASS = "medialit-choice"
# Shipped inside every pane (a pane is rendered only when shown, and any one of them will do).
CHOICE_CSS = (
    f"<style>.{CHOICE_CLASS} .widget-radio-box{{flex-direction:row;flex-wrap:wrap;"
    f"column-gap:1.2em;margin-bottom:0.3em!important}}.{CHOICE_CLASS}{{flex-wrap:wrap}}</style>"
)


def _stack(
    children: Sequence[widgets.Widget], controller: widgets.Widget, links: list
) -> widgets.Stack:
    """A stack showing the child whose index ``controller`` holds, linked in the page.

    The link is appended to ``links`` so the widget keeps it (and tests can inspect it).
    """
    stack = widgets.Stack(list(children), selected_index=0)
    links.append(widgets.jslink((controller, "index"), (stack, "selected_index")))
    return stack


def _html(value: str) -> widgets.HTML:
    return widgets.HTML(value=value, layout=widgets.Layout(width="100%"))


def _pane(value: str) -> widgets.HTML:
    """An HTML pane of a widget that has radio-button choices."""
    return _html(CHOICE_CSS + value)


# --------------------------------------------------------------------------- ArticleExplorer


class ArticleExplorer(widgets.VBox):
    """Pick an article and a category; see the text with those spans highlighted and noted.

    Parameters
    ----------
    articles
        Defaults to the whole corpus.
    categories
        Titles from :data:`CATEGORIES` to offer (default: all four).

    Examples
    --------
    >>> explorer = ArticleExplorer(categories=["Loaded terms"])
    >>> explorer.panes.children[2].children[0].value.count("<mark") > 0
    True
    >>> explorer.category_picker in explorer.children   # one category: nothing to pick
    False
    """

    def __init__(
        self,
        articles: Sequence[Article] | None = None,
        categories: Sequence[str] | None = None,
    ):
        articles = load_corpus() if articles is None else list(articles)
        chosen = [c for c in CATEGORIES if categories is None or c.title in categories]
        if not chosen:
            known = ", ".join(c.title for c in CATEGORIES)
            raise ValueError(f"ArticleExplorer: no known category in {categories!r}; use {known}")
        self.article_picker = _picker(
            [
                f"{a.outlet_short} ({format_date(a.published, year=False, short=True)}): "
                f"{a.headline}"
                for a in articles
            ],
            "Article",
        )
        self.category_picker = _choice([c.title for c in chosen], "Highlight")
        self.links: list[widgets.Link] = []
        inner = []
        for article in articles:
            panes = [_pane(_article_pane(article, c)) for c in chosen]
            inner.append(_stack(panes, self.category_picker, self.links))
        self.panes = _stack(inner, self.article_picker, self.links)
        # With a single category there is nothing to choose: the buttons stay out of sight.
        shown = [self.category_picker] if len(chosen) > 1 else []
        super().__init__([self.article_picker, *shown, self.panes])


# --------------------------------------------------------------------------- FigureComparer


LEDGER_COLUMNS = (
    "Outlet",
    "Published",
    "Says",
    "Reads as",
    "Attributed to",
    "Against the reference",
)


def _ledger_table(rows: list[compare.LedgerRow], quantity) -> str:
    head = "<tr>" + "".join(f"<th scope='col'>{name}</th>" for name in LEDGER_COLUMNS) + "</tr>"
    body = []
    for row, times in compare.distinct_reports(rows):
        said = f"“{html.escape(row.quote)}”" + (f" ({times} times)" if times > 1 else "")
        cells = (
            html.escape(row.outlet),
            format_date(row.published, short=True),
            said,
            _reads_as(row),
            html.escape(row.source),
            _verdict(row, quantity),
        )
        # data-label: on a phone the book's style sheet shows each row as a card, each field
        # under its column's name (six columns do not fit 360 px).
        body.append(
            "<tr>"
            + "".join(
                f"<td data-label='{name}'>{cell}</td>"
                for name, cell in zip(LEDGER_COLUMNS, cells, strict=True)
            )
            + "</tr>"
        )
    if not body:
        body.append("<tr><td colspan='6'>No outlet reports this figure.</td></tr>")
    caption = f"Who reported what for “{html.escape(quantity.label)}”"
    return (
        '<table style="border-collapse:collapse;margin-top:0.5em;font-size:0.95em" '
        'class="medialit-table medialit-cards">'
        # color:inherit: the theme's muted caption grey is for its own pages, and had 1.7:1
        # contrast on the widget's light pane in dark mode.
        f"<caption style='text-align:left;font-weight:bold;color:inherit'>{caption}</caption>"
        f"<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
        "<style>.medialit-table th,.medialit-table td{border-bottom:1px solid #ccc;"
        "padding:0.2em 0.6em;text-align:left;vertical-align:top}</style>"
    )


def _reads_as(row: compare.LedgerRow) -> str:
    """The figure as a number, in words: "317", "about 2", "24 to 99", "more than 500"."""
    if row.value is not None:
        return format_amount(row.value, None, None, row.qualifier, row.unit)
    low = None if row.qualifier in ("less_than", "up_to") else row.low
    high = None if math.isinf(row.high) else row.high
    return format_amount(None, low, high, row.qualifier, row.unit)


def _verdict(row: compare.LedgerRow, quantity) -> str:
    return compare.verdict_in_words(row.verdict, quantity)


class FigureComparer(widgets.VBox):
    """Pick a quantity; see its comparison chart and a table of who reported what.

    Parameters
    ----------
    quantities
        Quantity keys to offer; default: every quantity some outlet reports, those with a
        reference value first (:func:`medialit.compare.comparison_order`).
    dpi
        Resolution of the pre-rendered charts (lower keeps the page smaller).

    Examples
    --------
    >>> comparer = FigureComparer(quantities=["deaths", "police_injured"])
    >>> comparer.quantity_picker.options[0].startswith("People killed")
    True
    >>> "alt=" in comparer.panes.children[0].children[0].value
    True
    """

    def __init__(
        self,
        quantities: Sequence[str] | None = None,
        articles: Sequence[Article] | None = None,
        refs: References | None = None,
        dpi: int = 80,
    ):
        articles = load_corpus() if articles is None else list(articles)
        refs = load_references() if refs is None else refs
        rows = compare.figure_ledger(articles, refs)
        keys = compare.comparison_order(rows) if quantities is None else list(quantities)
        unknown = [k for k in keys if k not in refs.quantities]
        if unknown:
            raise KeyError(f"FigureComparer: unknown quantities {unknown} (see references.yaml)")
        self.quantities = keys
        self.quantity_picker = _picker([refs.quantities[k].label for k in keys], "Quantity")
        panes = []
        for key in keys:
            fig = charts.figure_comparison(key, articles, refs)
            chart = _html(charts.to_html(fig, dpi=dpi))
            table = _html(_ledger_table(compare.ledger_for(key, rows), refs.quantities[key]))
            panes.append(widgets.VBox([chart, table]))
        self.links: list[widgets.Link] = []
        self.panes = _stack(panes, self.quantity_picker, self.links)
        super().__init__([self.quantity_picker, self.panes])


# --------------------------------------------------------------------------- QuoteTracer


def _rendering_card(
    rendering: compare.StatementRendering, others, article: Article, colour: str
) -> str:
    title = (
        f"<p style='margin:0 0 0.3em 0;font-weight:bold;color:#000;"
        f"border-left:0.4em solid {colour};padding-left:0.4em'>{html.escape(rendering.outlet)}, "
        f"{format_date(article.published, year=False, short=True)}</p>"
    )
    if not rendering.text:
        return _card(colour, title + "<p style='margin:0'><em>Not reported.</em></p>")
    end = rendering.start + len(rendering.text)
    terms = [t for t in article.loaded_terms if rendering.start <= t.span.start < end]
    cues = [a for a in article.attributions if rendering.start <= a.cue.start < end]
    marks = [
        Mark(
            t.span.start,
            t.span.end,
            "loaded",
            f"{describe(TERM_CATEGORY_LABELS, t.category)}; neutral: “{t.neutral}”"
            if t.neutral
            else describe(TERM_CATEGORY_LABELS, t.category),
        )
        for t in terms
    ] + [
        Mark(
            a.cue.start,
            a.cue.end,
            "cue",
            f"{a.source_name} ({describe(SOURCE_TYPE_LABELS, a.source_type)})",
        )
        for a in cues
    ]
    sentence = _mark_sentence(article.text, rendering, marks)
    unique = sorted(compare.words_unique_to(rendering, others))
    sources = "; ".join(
        f"{html.escape(a.cue.text)}: {html.escape(a.source_name)}"
        + (f" ({_quotation_kind(article, a.content)})" if a.content else "")
        for a in cues
    )
    facts = [
        _quotes_in_words(compare.quotation_in(article.text, rendering.start, end), rendering),
        f"attribution: {sources}" if sources else "no attribution marked in this sentence",
        f"{len(terms)} loaded term(s)",
    ]
    if unique:
        facts.append("words no other outlet uses: " + html.escape(", ".join(unique)))
    details = "".join(f"<li>{f}</li>" for f in facts)
    return _card(
        colour,
        f"{title}<p style='margin:0'>{sentence}</p>"
        f"<ul style='margin:0.4em 0 0 1em;padding:0;font-size:0.88em;color:#333'>{details}</ul>",
    )


def _quotation_kind(article: Article, content: Span) -> str:
    """Direct quote, partly quoted or paraphrase, read from the article's quotation marks."""
    return compare.quotation_in(article.text, content.start, content.end).kind


def _quotes_in_words(quotation: compare.Quotation, rendering: compare.StatementRendering) -> str:
    """What the sentence puts in quotation marks, and whether that is the statement's words."""
    if not quotation.passages:
        return "paraphrases (no quotation marks)"
    shown = html.escape(", ".join(quotation.passages))
    if any(k in p.lower() for p in quotation.passages for k in rendering.matched):
        return f"quotes the words in quotation marks: {shown}"
    return f"quotation marks only around other words: {shown}"


def _card(colour: str, body: str) -> str:
    return (
        f"<div style='border:1px solid #ccc;border-top:4px solid {colour};padding:0.5em;"
        f"background:#fff;color:#000'>{body}</div>"
    )


TRACER_COLOURS = {"loaded": charts.OKABE_ITO["vermillion"], "cue": charts.OKABE_ITO["blue"]}


def _mark_sentence(text: str, rendering: compare.StatementRendering, marks: list[Mark]) -> str:
    """The sentence with its loaded terms and attribution cues marked, keywords in bold."""
    start, end = rendering.start, rendering.start + len(rendering.text)
    pieces, pos = [], start
    for _, mark in non_overlapping([m for m in marks if m.end <= end]):
        pieces.append(_bold_keywords(text[pos : mark.start], rendering.matched))
        colour = TRACER_COLOURS[mark.group]
        pieces.append(
            f'<mark title="{html.escape(mark.note, quote=True)}" style="background:'
            f'{tint(colour)};color:#000;border-bottom:3px solid {colour}">'
            f"{_bold_keywords(text[mark.start : mark.end], rendering.matched)}</mark>"
        )
        pos = mark.end
    pieces.append(_bold_keywords(text[pos:end], rendering.matched))
    return "".join(pieces)


def _bold_keywords(text: str, keywords: tuple[str, ...]) -> str:
    pieces, pos = [], 0
    for match in compare.WORDS.finditer(text):
        word = match.group()
        pieces.append(html.escape(text[pos : match.start()]))
        hit = any(k in word.lower() for k in keywords)
        pieces.append(f"<strong>{html.escape(word)}</strong>" if hit else html.escape(word))
        pos = match.end()
    pieces.append(html.escape(text[pos:]))
    return "".join(pieces)


def _statement_pane(statement: Statement, articles, refs: References) -> str:
    renderings = compare.statement_renderings(statement, articles)
    cards = "".join(
        _rendering_card(r, renderings, a, charts.outlet_colour(i))
        for i, (r, a) in enumerate(zip(renderings, articles, strict=True))
    )
    ref = refs.entries.get(statement.reference)
    check = (
        f"<p style='margin:0.5em 0 0 0;font-size:0.92em'>Reference {ref.id}: "
        f"{html.escape(ref.fact)} ({html.escape(ref.source)}, {html.escape(ref.source_date)}).</p>"
        if ref
        else ""
    )
    swatch = "<mark style='background:{};color:#000;border-bottom:3px solid {}'>{}</mark>"
    key = (
        "<p style='margin:0 0 0.4em 0;font-size:0.92em'><strong>Bold</strong>: words of the "
        "statement. "
        + swatch.format(tint(TRACER_COLOURS["loaded"]), TRACER_COLOURS["loaded"], "Loaded term")
        + " "
        + swatch.format(tint(TRACER_COLOURS["cue"]), TRACER_COLOURS["cue"], "Attribution cue")
        + ". Under each version: how it is attributed, and the words no other outlet uses.</p>"
    )
    grid = (
        "<div style='display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));"
        f"gap:0.6em'>{cards}</div>"
    )
    return f"<div style='line-height:1.45'>{key}{grid}{check}</div>"


class QuoteTracer(widgets.VBox):
    """Pick a statement; see how each outlet renders it, side by side, differences marked.

    Each version is the sentence the article's annotations anchor for the statement
    (:func:`medialit.compare.statement_renderings`), with the outlet's loaded terms and
    attribution cues marked, whether it quotes or paraphrases, and the words it alone uses.

    Examples
    --------
    >>> tracer = QuoteTracer()
    >>> tracer.statement_picker.options[0]
    'Tokayev: “terrorist gangs … trained abroad”'
    >>> "abroad" in tracer.panes.children[0].value
    True
    """

    def __init__(
        self,
        statements: Sequence[str] | None = None,
        articles: Sequence[Article] | None = None,
        refs: References | None = None,
    ):
        articles = load_corpus() if articles is None else list(articles)
        refs = load_references() if refs is None else refs
        story = load_story()
        chosen = [story.statement(k) for k in statements] if statements else list(story.statements)
        self.statement_picker = _picker([s.title for s in chosen], "Statement")
        panes = [_html(_statement_pane(s, articles, refs)) for s in chosen]
        self.links: list[widgets.Link] = []
        self.panes = _stack(panes, self.statement_picker, self.links)
        super().__init__([self.statement_picker, self.panes])


# --------------------------------------------------------------------------- TermSwapper


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article and the loaded terms inside it."""

    article: Article
    start: int
    end: int
    terms: tuple

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]


def loaded_paragraphs(articles: Sequence[Article], per_article: int = 2) -> list[Paragraph]:
    """The paragraphs densest in loaded terms, ``per_article`` from each article.

    >>> paragraphs = loaded_paragraphs(load_corpus(), per_article=1)
    >>> all(p.terms for p in paragraphs)
    True
    """
    chosen = []
    for article in articles:
        found = []
        for match in re.finditer(r"[^\n]+", article.text):
            terms = tuple(
                t
                for t in article.loaded_terms
                if match.start() <= t.span.start and t.span.end <= match.end()
            )
            if terms:
                found.append(Paragraph(article, match.start(), match.end(), terms))
        found.sort(key=lambda p: (-len(p.terms), p.start))
        chosen.extend(sorted(found[:per_article], key=lambda p: p.start))
    return chosen


def _swap(paragraph: Paragraph, neutral: bool) -> str:
    colour = charts.OKABE_ITO["vermillion"] if not neutral else charts.OKABE_ITO["blue"]
    pieces, pos = [], paragraph.start
    text = paragraph.article.text
    for term in sorted(paragraph.terms, key=lambda t: t.span.start):
        if term.span.start < pos:
            continue  # nested inside a longer term already swapped
        pieces.append(html.escape(text[pos : term.span.start]))
        shown = term.neutral if neutral else term.span.text
        note = f"{describe(TERM_CATEGORY_LABELS, term.category)}: “{term.span.text}”"
        if neutral and not shown:
            pieces.append(
                f"<del title='{html.escape(note, quote=True)}' "
                f"style='color:#555'>{html.escape(term.span.text)}</del>"
            )
        else:
            pieces.append(
                f"<mark title='{html.escape(note, quote=True)}' style='background:"
                f"{tint(colour)};color:#000;border-bottom:3px solid {colour}'>"
                f"{html.escape(shown)}</mark>"
            )
        pos = term.span.end
    pieces.append(html.escape(text[pos : paragraph.end]))
    return "".join(pieces)


def _swap_pane(paragraph: Paragraph, neutral: bool) -> str:
    a = paragraph.article
    what = (
        "Neutral version: loaded terms replaced (struck through where the neutral move is to "
        "leave them out)."
        if neutral
        else "Original: loaded terms marked."
    )
    return (
        f"<div style='line-height:1.5'><p style='margin:0.2em 0;font-size:0.92em'>"
        f"{html.escape(a.outlet)}, {format_date(a.published)}. {what}</p>"
        f"<blockquote style='margin:0.3em 0;padding:0.4em 0.8em;border-left:4px solid #999;"
        f"background:#fff;color:#000'>{_swap(paragraph, neutral)}</blockquote></div>"
    )


class TermSwapper(widgets.VBox):
    """A paragraph toggled between the original and a version with neutral terms.

    Examples
    --------
    >>> swapper = TermSwapper(per_article=1)
    >>> swapper.version_picker.options
    ('Original', 'Neutral terms')
    >>> first = swapper.panes.children[0]
    >>> first.children[0].value != first.children[1].value
    True
    """

    def __init__(self, articles: Sequence[Article] | None = None, per_article: int = 2):
        articles = load_corpus() if articles is None else list(articles)
        paragraphs = loaded_paragraphs(articles, per_article)
        if not paragraphs:
            raise ValueError("TermSwapper: no paragraph holds an annotated loaded term")
        self.paragraph_picker = _picker(
            [
                f"{p.article.outlet_short}: “{_excerpt(p.text)}” ({len(p.terms)} terms)"
                for p in paragraphs
            ],
            "Paragraph",
        )
        self.version_picker = _choice(["Original", "Neutral terms"], "Version")
        self.links: list[widgets.Link] = []
        inner = [
            _stack(
                [_pane(_swap_pane(p, False)), _pane(_swap_pane(p, True))],
                self.version_picker,
                self.links,
            )
            for p in paragraphs
        ]
        self.panes = _stack(inner, self.paragraph_picker, self.links)
        super().__init__([self.paragraph_picker, self.version_picker, self.panes])


def _excerpt(text: str, words: int = 7) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def all_widgets() -> dict[str, widgets.Widget]:
    """One of each explorer, built from the corpus (for the gallery, tests and benchmarks)."""
    return {
        "ArticleExplorer": ArticleExplorer(),
        "FigureComparer": FigureComparer(),
        "QuoteTracer": QuoteTracer(),
        "TermSwapper": TermSwapper(),
    }
