"""Each widget builds from the corpus, links its controls in the page, and serialises.

The browser test (test_widgets_browser.py) operates the same widgets in the built book.
"""

from __future__ import annotations

import html
import json
import re

import ipywidgets
import pytest
from ipywidgets.embed import dependency_state, embed_data

from medialit import compare, widgets
from medialit.corpus import load_corpus, load_story


@pytest.fixture(scope="module")
def articles():
    return load_corpus()


@pytest.fixture(scope="module")
def built(articles):
    comparer = widgets.FigureComparer(quantities=["deaths", "police_injured", "detained"])
    return {
        "ArticleExplorer": widgets.ArticleExplorer(),
        "FigureComparer": comparer,
        "QuoteTracer": widgets.QuoteTracer(),
        "TermSwapper": widgets.TermSwapper(),
    }


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def _controls(widget):
    """Every Dropdown and RadioButtons in the widget."""
    kinds = (ipywidgets.Dropdown, ipywidgets.RadioButtons)
    return [w for w in _descendants(widget) if isinstance(w, kinds)]


def _text(fragment: str) -> str:
    """What a reader reads in an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize(
    "name", ["ArticleExplorer", "FigureComparer", "QuoteTracer", "TermSwapper"]
)
def test_state_serialises_to_json(built, name):
    widget = built[name]
    state = dependency_state([widget, *widget.links])
    data = embed_data(views=[widget], state=state)
    restored = json.loads(json.dumps(data["manager_state"]))
    assert restored["version_major"] == 2
    assert set(restored["state"]) == set(state)
    assert {link.model_id for link in widget.links} <= set(restored["state"])
    assert data["view_specs"][0]["model_id"] == widget.model_id


@pytest.mark.parametrize(
    "name", ["ArticleExplorer", "FigureComparer", "QuoteTracer", "TermSwapper"]
)
def test_every_control_is_labelled_and_drives_a_stack(built, name):
    widget = built[name]
    controls = _controls(widget)
    assert controls
    for control in controls:
        assert control.description, f"{name}: a control has no label"
        targets = [
            link.target[0]
            for link in widget.links
            if link.source == (control, "index") and link.target[1] == "selected_index"
        ]
        assert targets and all(isinstance(t, ipywidgets.Stack) for t in targets)
        for stack in targets:
            assert len(stack.children) == len(control.options)


def test_article_explorer_has_one_pane_per_article_and_category(built, articles):
    explorer = built["ArticleExplorer"]
    assert len(explorer.panes.children) == len(articles)
    for inner in explorer.panes.children:
        assert len(inner.children) == len(widgets.CATEGORIES)


def test_article_explorer_notes_every_annotation(built, articles):
    explorer = built["ArticleExplorer"]
    for article, inner in zip(articles, explorer.panes.children, strict=True):
        expected = [
            len(article.figures),
            len(article.attributions),
            len(article.loaded_terms),
            len(article.issues),
        ]
        for pane, n in zip(inner.children, expected, strict=True):
            notes = pane.value.split("<ol", 1)[1] if n else ""
            assert notes.count("<li>") == n
            assert f"{n} " in pane.value  # "7 figures annotated."


def test_article_explorer_marks_the_exact_quotes(built, articles):
    pane = built["ArticleExplorer"].panes.children[2].children[0]  # Vision Times, figures
    marked = re.findall(r"<mark [^>]*>(.*?)<sup>", pane.value)
    quotes = {f.span.text for f in articles[2].figures}
    assert "317" in marked and set(marked) <= {q.replace("&", "&amp;") for q in quotes}


def test_article_explorer_refuses_unknown_categories():
    with pytest.raises(ValueError, match="no known category"):
        widgets.ArticleExplorer(categories=["Adjectives"])


def test_figure_comparer_shows_chart_and_table(built):
    comparer = built["FigureComparer"]
    assert comparer.quantities == ["deaths", "police_injured", "detained"]
    chart, table = comparer.panes.children[1].children
    assert chart.value.startswith("<picture>") and "<img " in chart.value and "alt=" in chart.value
    assert "“317”" in table.value and "Vision Times" in table.value
    rows = compare.ledger_for("detained")
    assert table.value.count("<tr>") == max(len(rows), 1) + 1


def test_figure_comparer_refuses_unknown_quantities():
    with pytest.raises(KeyError, match="unknown quantities"):
        widgets.FigureComparer(quantities=["casualties"])


def test_quote_tracer_shows_each_outlet(built, articles):
    tracer = built["QuoteTracer"]
    assert len(tracer.panes.children) == len(load_story().statements)
    first = tracer.panes.children[0].value
    for article in articles:
        assert article.outlet_short in first
    assert "training abroad" in _text(first)
    panes = " ".join(pane.value for pane in tracer.panes.children)
    assert "(vague or anonymous)" in panes and "(vague)" not in panes  # the book's words


def test_term_swapper_versions_differ_by_the_neutral_terms(built, articles):
    swapper = built["TermSwapper"]
    paragraphs = widgets.loaded_paragraphs(articles)
    assert len(swapper.panes.children) == len(paragraphs)
    for paragraph, inner in zip(paragraphs, swapper.panes.children, strict=True):
        original, neutral = (_text(child.value) for child in inner.children)
        assert paragraph.text in original
        for term in paragraph.terms:
            if term.neutral:
                assert term.neutral in neutral


def test_quote_tracer_says_quoted_only_where_the_article_has_quotation_marks(articles):
    from medialit import compare

    renderings = compare.statement_renderings("tokayev_terrorists", articles)
    cards = {
        r.article_id: _text(widgets._rendering_card(r, renderings, a, "#000"))
        for r, a in zip(renderings, articles, strict=True)
    }
    # 000 puts Tokayev's words in quotation marks; 004 gives the same words without them
    assert "quotes the words in quotation marks: “terrorist groups”" in cards["000"]
    assert "paraphrases (no quotation marks)" in cards["004"]
    assert "quotes the words" not in cards["004"]
