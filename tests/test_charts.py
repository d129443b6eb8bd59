"""Each chart renders, carries alt text, and draws the numbers the annotations hold.

The regression tests read the numbers back from the drawn artists (points, bars, cell
texts), so a chart that silently drops or misplaces a figure fails.
"""

from __future__ import annotations

import datetime as dt
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import pytest
from PIL import Image

from medialit import charts, compare
from medialit.corpus import load_corpus, load_references

ALL_CHARTS = {
    **charts.CHARTS,
    "figure_comparison_deaths": lambda: charts.figure_comparison("deaths"),
    "figure_comparison_police_injured": lambda: charts.figure_comparison("police_injured"),
}


@pytest.fixture(scope="module")
def articles():
    return load_corpus()


@pytest.fixture(scope="module")
def rendered():
    return {name: build() for name, build in ALL_CHARTS.items()}


@pytest.mark.parametrize("name", sorted(ALL_CHARTS))
def test_chart_renders_to_a_readable_png(rendered, name):
    fig = rendered[name]
    png = charts.to_png(fig, dpi=60)
    image = Image.open(io.BytesIO(png))
    width, height = image.size
    assert abs(width - fig.get_figwidth() * 60) <= 1
    assert abs(height - fig.get_figheight() * 60) <= 1
    # Not a blank canvas: a chart has more than a handful of colours.
    assert len(image.convert("RGB").getcolors(maxcolors=100_000)) > 10


@pytest.mark.parametrize("name", sorted(ALL_CHARTS))
def test_chart_has_alt_text_in_its_html(rendered, name):
    fig = rendered[name]
    text = charts.alt_text(fig)
    assert len(text) > 60 and text.endswith(".")
    tag = fig._repr_html_()
    assert tag.startswith('<img src="data:image/png;base64,')
    assert 'alt="' in tag


def test_a_figure_without_alt_text_is_refused():
    with pytest.raises(ValueError, match="no alt text"):
        charts.alt_text(matplotlib.figure.Figure())


def test_unknown_quantity_is_named():
    with pytest.raises(KeyError, match="unknown quantity 'casualties'"):
        charts.figure_comparison("casualties")


def _points(ax, marker):
    """(x, y) of the single-point markers drawn on ``ax`` with ``marker``."""
    return [
        (line.get_xdata()[0], line.get_ydata()[0])
        for line in ax.get_lines()
        if line.get_marker() == marker and len(line.get_xdata()) == 1
    ]


def _bars(ax):
    """(low, high) of the vertical range bars drawn on ``ax`` (two-point lines, no marker)."""
    return [
        tuple(line.get_ydata())
        for line in ax.get_lines()
        if len(line.get_xdata()) == 2
        and line.get_marker() in ("None", "", None)
        and line.get_xdata()[0] == line.get_xdata()[1]
    ]


def test_deaths_comparison_draws_the_annotated_range_and_every_reference(rendered):
    fig = rendered["figure_comparison_deaths"]
    outlets, references = fig.axes[:2]
    rows = compare.ledger_for("deaths")
    vague = [(r.low, r.high) for r, _ in compare.distinct_reports(rows) if r.value is None]
    assert sorted(_bars(outlets)) == sorted(vague)
    assert (24, 99) in _bars(outlets)  # "Dozens"
    quantity = load_references().quantities["deaths"]
    drawn = sorted(y for _, y in _points(references, "s") + _points(references, "X"))
    expected = sorted(compare.reference_point(v) for v in quantity.values if v.as_of)
    assert drawn == expected
    # Pinned: 164 retracted (a cross), then 225, 230, 232, 238, 241 and the final 238.
    assert [y for _, y in _points(references, "X")] == [164]
    assert drawn == [50, 164, 225, 230, 232, 238, 238, 241]
    dashed = [line for line in references.get_lines() if line.get_linestyle() == "--"]
    assert dashed and dashed[0].get_ydata()[0] == 238


def test_police_comparison_draws_317_against_the_counts_over_time(rendered):
    outlets, references = rendered["figure_comparison_police_injured"].axes[:2]
    assert [y for _, y in _points(outlets, "o")] == [317]
    assert [y for _, y in _points(references, "s")] == [95, 317, 748, 1300, 3393, 3500, 3037]


def test_ledger_chart_writes_every_figure_in_its_cell(rendered, articles):
    texts = [t.get_text() for t in rendered["figure_ledger"].axes[0].texts]
    joined = " ".join(t.replace("\n", " ") for t in texts)
    for row in compare.figure_ledger():
        assert row.quote.split()[0] in joined
    assert "317 −90% (✓ then)" in [t.replace("\n", " ") for t in texts]
    quantities = {r.quantity for r in compare.figure_ledger()}
    assert len(texts) == len(quantities) * len(articles)


def test_labels_chart_cells_match_the_label_counts(rendered, articles):
    fig = rendered["labels"]
    for ax, target in zip(fig.axes[:2], ("participants", "foreign_troops"), strict=True):
        counts = compare.label_counts(articles, target)
        order = [t.get_text() for t in ax.get_yticklabels()]
        cells = {
            (round(t.get_position()[0]), round(t.get_position()[1])): t.get_text() for t in ax.texts
        }
        for yi, label in enumerate(order):
            for xi, article in enumerate(articles):
                n = counts[article.id][label]
                assert cells[(xi, yi)] == (str(n) if n else "·")


def test_attribution_chart_bars_are_the_source_type_shares(rendered, articles):
    ax = rendered["attribution"].axes[0]
    profile = compare.attribution_profile(articles)
    kinds = list(charts.SOURCE_TYPE_COLOURS)
    bars = ax.patches
    assert len(bars) == len(kinds) * len(articles)
    for k, kind in enumerate(kinds):
        for i, article in enumerate(articles):
            total = sum(profile[article.id].values())
            share = profile[article.id][kind] / total if total else 0
            assert bars[k * len(articles) + i].get_width() == pytest.approx(share)


def test_loaded_language_bars_add_up_to_the_density(rendered, articles):
    ax = rendered["loaded_language"].axes[0]
    totals = [0.0] * len(articles)
    for bar in ax.patches:
        totals[round(bar.get_y() + bar.get_height() / 2)] += bar.get_width()
    for i, article in enumerate(articles):
        expected = 1000 * len(article.loaded_terms) / article.word_count
        assert totals[i] == pytest.approx(expected)


def _day(x) -> dt.date:
    return x if isinstance(x, dt.date) else mdates.num2date(x).date()


def test_timeline_places_each_article_at_its_date(rendered, articles):
    ax = rendered["timeline"].axes[0]
    diamonds = _points(ax, "D")
    assert [_day(x) for x, _ in diamonds] == [a.published for a in articles]
    events = _points(ax, "o")
    shown = [e for e in compare.timeline_events() if e.day <= dt.date(2022, 1, 31)]
    assert [_day(x) for x, _ in events] == [e.day for e in shown]


def test_palette_is_okabe_ito():
    assert charts.PALETTE == (
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    )
    first_five = charts.OUTLET_COLOURS[:5]
    assert len(set(first_five)) == 5 and set(first_five) <= set(charts.PALETTE)


def test_ledger_alt_text_states_the_counts_drawn(rendered):
    rows = [r for r, _ in compare.distinct_reports(compare.figure_ledger())]
    text = rendered["figure_ledger"].alt_text
    count = {s: sum(r.status == s for r in rows) for s in compare.STATUSES}
    assert f"{len(rows)} figures" in text
    assert f"Matching the current reference value: {count[compare.MATCHES]};" in text
    assert f"no reference value to check against: {count[compare.NO_REFERENCE]}." in text
    # Pinned: the three figures right on their day and wrong today.
    then = {(r.article_id, r.quantity) for r in rows if r.status == compare.MATCHED_THEN}
    assert then == {("000", "deaths"), ("002", "security_deaths"), ("002", "police_injured")}
    assert f"matching only the value known when published: {len(then)} (" in text
