"""Per-outlet profiles as stacked bars: who the claims come from, how loaded the words are.

Both charts draw one horizontal bar per outlet, split into segments that add up (shares of
attributions by source type; loaded terms per 1,000 words by category), through
:func:`stacked_bars`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.axes import Axes

from medialit import compare
from medialit.charts.style import (
    CATEGORY_COLOURS,
    SOURCE_TYPE_COLOURS,
    WIDTH,
    ChartFigure,
    bar_label,
    chart_style,
    is_narrow,
    new_figure,
    responsive,
    wrap,
)
from medialit.corpus import Article, load_corpus
from medialit.schema import SOURCE_TYPE_LABELS, TERM_CATEGORIES, TERM_CATEGORY_LABELS, describe


@dataclass(frozen=True)
class Segment:
    """One part of every outlet's bar (a source type, a term category), in legend order.

    ``values`` holds one number per outlet, in the order of the bars.
    """

    label: str
    colour: str
    values: tuple[float, ...]
    hatch: str | None = None


def stacked_bars(
    articles: Sequence[Article],
    segments: Sequence[Segment],
    *,
    title: str,
    xlabel: str,
    width: float,
) -> tuple[ChartFigure, Axes, list[float]]:
    """One horizontal bar per outlet made of ``segments``, with its title and legend.

    Call inside :func:`~medialit.charts.style.chart_style`. The legend sits below the plot, in
    the figure's own layout, so it is never cut off; on a phone the outlet names wrap and the
    legend takes two columns.

    Returns
    -------
    The figure, its axes (for the chart's own axis and end labels) and each bar's total.

    Examples
    --------
    >>> with chart_style():
    ...     fig, ax, totals = stacked_bars(
    ...         load_corpus()[:2],
    ...         [Segment("a", "#000000", (1, 2)), Segment("b", "#E69F00", (3, 0))],
    ...         title="Two outlets", xlabel="count", width=WIDTH)
    >>> totals, len(ax.patches)
    ([4.0, 2.0], 4)
    """
    narrow = is_narrow(width)
    columns = 2 if narrow else 3
    legend_rows = math.ceil(len(segments) / columns)
    height = (2.0 if narrow else 1.5) + 0.62 * len(articles) + 0.3 * legend_rows
    fig = new_figure(height, width)
    ax = fig.subplots()
    y = range(len(articles))
    left = [0.0] * len(articles)
    for segment in segments:
        ax.barh(
            y,
            segment.values,
            left=left,
            color=segment.colour,
            height=0.65,
            label=segment.label,
            edgecolor="white",
            lw=0.8,
            hatch=segment.hatch,
        )
        left = [a + b for a, b in zip(left, segment.values, strict=True)]
    ax.set_yticks(list(y), [bar_label(a, narrow) for a in articles])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
    if narrow:
        ax.tick_params(labelsize=10)
    if segments:
        fig.legend(
            loc="outside lower center",
            ncols=columns,
            fontsize=10 if narrow else 11,
            handlelength=1.5,
            columnspacing=1.0,
        )
    return fig, ax, left


def _end_label(ax: Axes, x: float, row: int, text: str, narrow: bool) -> None:
    """A number written just past the end of a bar (its total, or its count)."""
    ax.text(x, row, text, va="center", fontsize=10 if narrow else 11, color="#333333")


@responsive
def attribution_chart(
    articles: Sequence[Article] | None = None, *, width: float = WIDTH
) -> ChartFigure:
    """Share of attributed claims by source type, per outlet: named sources against vague ones.

    Examples
    --------
    >>> fig = attribution_chart()
    >>> "vague" in fig.alt_text
    True
    """
    articles = load_corpus() if articles is None else articles
    profile = compare.attribution_profile(articles)
    totals = [sum(profile[a.id].values()) for a in articles]
    segments = [
        Segment(
            describe(SOURCE_TYPE_LABELS, kind),
            colour,
            tuple(
                profile[a.id][kind] / n if n else 0 for a, n in zip(articles, totals, strict=True)
            ),
            hatch="//" if kind == "vague" else None,
        )
        for kind, colour in SOURCE_TYPE_COLOURS.items()
    ]
    narrow = is_narrow(width)
    with chart_style():
        fig, ax, _ = stacked_bars(
            articles,
            segments,
            title="Who does each outlet say its claims come from?",
            xlabel="share of attributions",
            width=width,
        )
        for i, n in enumerate(totals):
            _end_label(ax, 1.01, i, f"n = {n}", narrow)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        if narrow:
            ax.xaxis.set_major_locator(mpl.ticker.MultipleLocator(0.5))
    fig.alt_text = _attribution_alt(articles, profile)
    return fig


def _attribution_alt(articles, profile) -> str:
    shares = compare.source_group_shares(profile)
    parts = []
    for a in articles:
        n = sum(profile[a.id].values())
        s = shares[a.id]
        parts.append(
            f"{a.outlet_short}, {n} attributions: {s['named']:.0%} named, "
            f"{s['document or social media']:.0%} documents or social media, "
            f"{s['vague or anonymous']:.0%} vague"
        )
    return (
        "Attribution profile: share of claims by source type per outlet. " + "; ".join(parts) + "."
    )


@responsive
def loaded_language_chart(
    articles: Sequence[Article] | None = None, *, width: float = WIDTH
) -> ChartFigure:
    """Loaded terms per 1,000 words, by category, per outlet (stacked bars).

    Examples
    --------
    >>> fig = loaded_language_chart()
    >>> "per 1,000 words" in fig.alt_text
    True
    """
    articles = load_corpus() if articles is None else articles
    density = compare.loaded_term_density(articles)
    used = [c for c in TERM_CATEGORIES if any(density[a.id][c] for a in articles)]
    segments = [
        Segment(
            describe(TERM_CATEGORY_LABELS, category),
            CATEGORY_COLOURS[category],
            tuple(density[a.id][category] for a in articles),
        )
        for category in used
    ]
    narrow = is_narrow(width)
    with chart_style():
        fig, ax, totals = stacked_bars(
            articles,
            segments,
            title="How loaded is each outlet's language?",
            xlabel="loaded terms per 1,000 words",
            width=width,
        )
        for i, total in enumerate(totals):
            _end_label(ax, total, i, f" {total:.1f}", narrow)
        ax.set_xlim(0, max([*totals, 1]) * 1.12)
        ax.grid(axis="x")
        ax.set_axisbelow(True)
    fig.alt_text = _loaded_alt(articles, density, used)
    return fig


def _loaded_alt(articles, density, used) -> str:
    parts = []
    for a in articles:
        total = sum(density[a.id].values())
        top = max(used, key=lambda c: density[a.id][c]) if used and total else None
        biggest = f", mostly {describe(TERM_CATEGORY_LABELS, top)}" if top else ""
        parts.append(f"{a.outlet_short} {total:.1f}{biggest}")
    return "Loaded terms per 1,000 words, by category, per outlet: " + "; ".join(parts) + "."
