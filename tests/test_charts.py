"""Each chart renders, carries alt text, and draws the numbers the annotations hold.

The regression tests read the numbers back from the drawn artists (points, bars, cell
texts), so a chart that silently drops or misplaces a figure fails.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import pytest
from PIL import Image

from medialit import charts, compare
from medialit.charts.export import text_problems
from medialit.corpus import load_corpus, load_references
from medialit.schema import SOURCE_TYPE_LABELS, TERM_CATEGORY_LABELS

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
    assert tag.startswith("<picture><source ") and tag.endswith("</picture>")
    assert '<img src="data:image/png;base64,' in tag
    assert 'alt="' in tag and tag.count("data-text-px=") == 2


# A 390 px phone shows the book's text column 358 px wide: the phone layout (360 px) there.
PHONE_COLUMN_PX = 358


@pytest.fixture(scope="module")
def phone_layouts(rendered):
    return {name: fig.phone_layout() for name, fig in rendered.items()}


@pytest.mark.parametrize("name", sorted(ALL_CHARTS))
def test_phone_layout_keeps_text_at_least_11_css_px(rendered, phone_layouts, name):
    phone = phone_layouts[name]
    image = Image.open(io.BytesIO(charts.to_png(phone, charts.PHONE_DPI)))
    assert image.size[0] <= 400, "the phone layout is about a phone's width"
    shown = charts.text_px(phone, charts.PHONE_DPI) * min(1, PHONE_COLUMN_PX / image.size[0])
    assert shown >= charts.MIN_TEXT_CSS_PX
    assert charts.alt_text(phone) == charts.alt_text(rendered[name])  # the same chart


@pytest.mark.parametrize("width", ["book", "phone"])
@pytest.mark.parametrize("name", sorted(ALL_CHARTS))
def test_no_text_is_cut_off_or_drawn_on_another(rendered, phone_layouts, name, width):
    fig, dpi = (rendered[name], 100) if width == "book" else (phone_layouts[name], charts.PHONE_DPI)
    assert [str(p) for p in text_problems(fig, dpi)] == []


def test_text_problems_finds_a_cut_off_text_and_two_that_touch():
    fig = charts.new_figure(2, 3)
    fig.text(0.1, 0.5, "one")
    fig.text(0.13, 0.5, "two")
    fig.text(0.95, 0.2, "edge")
    fig.text(0.3, 0.8, "alone")
    assert [str(p) for p in text_problems(fig)] == [
        "'edge' runs past the right edge of the figure",
        "'one' touches 'two'",
    ]


def test_desktop_layout_alone_would_be_unreadable_on_a_phone(rendered):
    """Why the phone layout exists: scaled to a phone, the book-width chart's text shrinks."""
    fig = rendered["attribution"]
    shown = charts.text_px(fig, 100) * PHONE_COLUMN_PX / (fig.get_figwidth() * 100)
    assert shown < charts.MIN_TEXT_CSS_PX


def test_phone_layouts_draw_the_same_numbers(rendered, phone_layouts):
    for name in ("figure_comparison_deaths", "figure_comparison_police_injured"):
        wide, narrow = rendered[name].axes[:2], phone_layouts[name].axes[:2]
        for marker in ("o", "s", "X"):
            for wide_ax, narrow_ax in zip(wide, narrow, strict=True):
                assert _points(narrow_ax, marker) == _points(wide_ax, marker), (name, marker)
    texts = " ".join(t.get_text().replace("\n", " ") for t in phone_layouts["figure_ledger"].texts)
    texts += " ".join(
        t.get_text().replace("\n", " ") for t in phone_layouts["figure_ledger"].axes[0].texts
    )
    for row in compare.figure_ledger():
        assert row.quote.split()[0] in texts


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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _expected_cells(articles) -> dict[tuple[str, str], tuple[str, str]]:
    """What each (quantity, article) cell must say: the figures, and the marks of their
    verdicts (or why there is nothing to compare with)."""
    refs = load_references()
    cells = {}
    for key in {r.quantity for r in compare.figure_ledger()}:
        for article in articles:
            rows = [
                r
                for r in compare.figure_ledger()
                if r.quantity == key and r.article_id == article.id
            ]
            if not rows:
                continue
            quotes = " / ".join(dict.fromkeys(r.quote for r in rows))
            if all(
                r.verdict.then.reference is None and r.verdict.now.reference is None for r in rows
            ):
                verdict = compare.no_reference_reason(refs.quantities[key])
                verdict = "only a claim" if verdict.startswith("only") else verdict
            else:
                marks = dict.fromkeys(compare.verdict_marks(r.verdict).text for r in rows)
                verdict = " / ".join(marks)
            cells[(key, article.id)] = (quotes, verdict)
    return cells


def test_ledger_chart_writes_every_figure_with_its_marks_in_its_cell(rendered, articles):
    texts = [_one_line(t.get_text()) for t in rendered["figure_ledger"].axes[0].texts]
    expected = _expected_cells(articles)
    for quotes, verdict in expected.values():
        # the cell stacks the figure, "✓ then" and "−90% later" on lines of their own
        assert _one_line(f"{quotes} {verdict.replace(', ', ' ')}") in texts
    quantities = {r.quantity for r in compare.figure_ledger()}
    dashes = texts.count("–")  # a quantity the outlet does not report
    assert dashes == len(quantities) * len(articles) - len(expected)
    # Pinned: right on its day and revised since; confirmed only by a later source.
    assert "317 ✓ then −90% later" in texts
    assert "more than $100 million ≈ then ✓ later" in texts
    assert "eight ✓ then −58% later" in texts


def test_ledger_chart_on_a_phone_lists_each_outlets_figure_with_its_marks(rendered, articles):
    phone = rendered["figure_ledger"].phone_layout()
    texts = [_one_line(t.get_text()) for t in phone.axes[0].texts]
    by_id = {a.id: a for a in articles}
    expected = _expected_cells(articles)
    for (_, article_id), (quotes, verdict) in expected.items():
        assert _one_line(f"{by_id[article_id].outlet_short}: “{quotes}” {verdict}") in texts
    assert len([t for t in texts if "“" in t]) == len(expected)  # one band per figure cell
    assert "Vision Times: “317” ✓ then, −90% later" in texts
    assert "Red Fire: “more than $100 million” ≈ then, ✓ later" in texts


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


def test_profile_legends_use_the_books_words_for_each_type(rendered):
    attribution = [t.get_text() for t in rendered["attribution"].legends[0].get_texts()]
    loaded = [t.get_text() for t in rendered["loaded_language"].legends[0].get_texts()]
    assert attribution == [SOURCE_TYPE_LABELS[kind] for kind in charts.SOURCE_TYPE_COLOURS]
    assert "named medium" in attribution and "vague or anonymous" in attribution
    assert set(loaded) <= set(TERM_CATEGORY_LABELS.values()) and "name calling" in loaded


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


def test_ledger_alt_text_states_the_verdicts_drawn(rendered):
    rows = compare.figure_ledger()
    folded = [r for r, _ in compare.distinct_reports(rows)]
    text = rendered["figure_ledger"].alt_text
    assert f"{len(rows)} figures, {len(folded)} of them distinct" in text
    then = Counter(r.verdict.then.agreement for r in folded)
    assert f"matching it: {then[compare.MATCHES]};" in text
    consistent, off = then[compare.CONSISTENT], then[compare.BELOW] + then[compare.ABOVE]
    # a count is followed by the figures it counts, when there are any
    assert (
        f"consistent with it but not confirmed by it: {consistent}{' (' if consistent else ';'}"
        in text
    )
    assert f"differing from it: {off}{' (' if off else ';'}" in text
    unchecked = [r for r in folded if r.verdict.now.reference is None]
    assert f"with no reference value to check against: {len(unchecked)}." in text
    changed = [r for r in folded if compare.verdict_marks(r.verdict).later]
    assert f"Changed since: {len(changed)} (" in text
    # Pinned: four figures the latest value judges otherwise than the value of their day.
    assert {(r.article_id, r.quantity) for r in changed} == {
        ("000", "deaths"),
        ("001", "osf_funding"),
        ("002", "security_deaths"),
        ("002", "police_injured"),
    }
    assert "“317” for “Police, National Guard and other security personnel injured”, " in text
    assert "90% below the latest value (3,037, IN-05)" in text


# --------------------------------------------------------------------------- context map


def test_map_puts_every_place_at_its_coordinates_and_sizes_it_by_mentions(rendered, articles):
    from medialit.places import articles_mentioning, load_places

    ax = rendered["kazakhstan_map"].axes[0]
    places = load_places().places
    dots = [c for c in ax.collections if len(c.get_offsets()) == 1]
    assert [tuple(c.get_offsets()[0]) for c in dots] == [(p.lon, p.lat) for p in places]
    counts = [len(articles_mentioning(p, articles)) for p in places]
    assert counts == [5, 2, 2, 1, 2, 1, 1, 1]  # pinned: Almaty ... Taraz
    sizes = [c.get_sizes()[0] for c in dots]
    plain = [(n, s) for p, n, s in zip(places, counts, sizes, strict=True) if not p.capital]
    assert sorted(plain) == sorted(plain, key=lambda pair: pair[1])  # more mentions, bigger dot
    labels = [t.get_text() for t in ax.texts]
    assert "Almaty (Alma-Ata)\n5 articles" in labels
    assert "Aktau\n1 article" in labels


def test_map_outline_is_the_natural_earth_ring(rendered):
    from medialit.places import load_places

    (outline,) = rendered["kazakhstan_map"].axes[0].patches
    drawn = [tuple(xy) for xy in outline.get_xy()]
    assert drawn[: len(load_places().outline.points)] == list(load_places().outline.points)


def test_map_alt_text_names_each_place_its_region_and_its_count(rendered):
    text = rendered["kazakhstan_map"].alt_text
    assert "Zhanaozen, in the south-west, named in 2 of the 5 articles" in text
    assert "Nur-Sultan, the capital in January 2022, in the north" in text
    assert "Almaty, also written Alma-Ata, in the south-east" in text


def test_map_on_a_phone_keeps_every_place_and_drops_the_crowded_labels():
    fig = charts.kazakhstan_map(width=4.0)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "Almaty" in labels and "KYRGYZSTAN" not in labels
    assert fig.alt_text == charts.kazakhstan_map().alt_text


# --------------------------------------------------------------------------- honest and misleading


def _bar_heights(ax):
    return [bar.get_height() for bar in ax.patches]


def test_truncated_axis_pair_draws_the_same_toll_on_different_axes(rendered):
    honest = rendered["official_toll_honest"].axes[0]
    cut = rendered["official_toll_misleading"].axes[0]
    assert _bar_heights(honest) == _bar_heights(cut) == [225, 230, 238]
    assert honest.get_ylim()[0] == 0 and cut.get_ylim()[0] == 220
    # What the truncated axis does: the last bar looks 3.6 times the first, for a 6% rise.
    low, _ = cut.get_ylim()
    assert round((238 - low) / (225 - low), 1) == 3.6
    assert "starts at zero" in rendered["official_toll_honest"].alt_text


def test_cherry_picked_window_drops_the_later_count(rendered):
    honest = rendered["detained_honest"].axes[0]
    window = rendered["detained_misleading"].axes[0]
    line_h, line_w = honest.lines[0], window.lines[0]
    assert list(line_h.get_ydata()) == list(line_w.get_ydata()) == [3811, 7939, 9900]
    later = [line for line in honest.lines if line.get_marker() == "^"]
    assert [line.get_ydata()[0] for line in later] == [10000]
    assert not [line for line in window.lines if line.get_marker() == "^"]
    start, end = (_day(x) for x in window.get_xlim())
    assert (start, end) == (dt.date(2022, 1, 6), dt.date(2022, 1, 12))
    assert _day(honest.get_xlim()[1]) >= dt.date(2022, 12, 1)


def test_missing_denominator_changes_the_ranking(rendered, articles):
    honest = rendered["loaded_terms_honest"].axes[0]
    counts = rendered["loaded_terms_misleading"].axes[0]

    def ranking(ax):
        return [t.get_text() for t in ax.get_yticklabels()]

    by_id = {a.outlet_short: a for a in articles}
    widths = [bar.get_width() for bar in honest.patches]
    expected = [1000 * len(by_id[n].loaded_terms) / by_id[n].word_count for n in ranking(honest)]
    assert widths == pytest.approx(expected)
    assert [bar.get_width() for bar in counts.patches] == [
        len(by_id[n].loaded_terms) for n in ranking(counts)
    ]
    # Pinned: the Revolution Report moves from fourth to second once length is counted.
    assert ranking(counts).index("Revolution Report") == 3
    assert ranking(honest).index("Revolution Report") == 1


@pytest.mark.parametrize("name", [n for n in charts.CHARTS if n.endswith("misleading")])
def test_every_teaching_chart_is_stamped_as_an_example(rendered, name):
    for version in (name, name.replace("misleading", "honest")):
        stamps = [t.get_text() for t in rendered[version].texts]
        assert any(s.startswith("Teaching example") for s in stamps)


def test_a_stamp_can_name_the_version_without_saying_which_misleads():
    fig = charts.official_toll_chart(misleading=True, label="B")
    assert "Teaching example, version B" in [t.get_text() for t in fig.texts]
