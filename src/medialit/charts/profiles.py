"""Per-outlet profiles as stacked bars: who the claims come from, how loaded the words are.

Both charts draw one horizontal bar per outlet, split into segments that add up (shares of
attributions by source type; loaded terms per 1,000 words by category), through
:func:`stacked_bars`.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl

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
from medialit.schema import TERM_CATEGORIES


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
    kinds = list(SOURCE_TYPE_COLOURS)
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure((3.0 if narrow else 1.6) + 0.62 * len(articles), width)
        ax = fig.subplots()
        names = [bar_label(a, narrow) for a in articles]
        y = range(len(articles))
        left = [0.0] * len(articles)
        for kind in kinds:
            shares = []
            for a in articles:
                total = sum(profile[a.id].values())
                shares.append(profile[a.id][kind] / total if total else 0)
            ax.barh(
                y,
                shares,
                left=left,
                color=SOURCE_TYPE_COLOURS[kind],
                height=0.65,
                label=kind.replace("_", " "),
                edgecolor="white",
                lw=0.8,
                hatch="//" if kind == "vague" else None,
            )
            left = [a + b for a, b in zip(left, shares, strict=True)]
        for i, a in enumerate(articles):
            ax.text(
                1.01,
                i,
                f"n = {sum(profile[a.id].values())}",
                va="center",
                fontsize=10 if narrow else 11,
                color="#333333",
            )
        ax.set_yticks(list(y), names)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        ax.set_xlabel("share of attributions")
        title = "Who does each outlet say its claims come from?"
        ax.set_title(wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
        ax.legend(
            ncols=2 if narrow else 3,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.3 if narrow else -0.22),
            fontsize=10 if narrow else 11,
        )
        if narrow:
            ax.tick_params(labelsize=10)
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


# --------------------------------------------------------------------------- loaded language


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
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure((3.4 if narrow else 1.8) + 0.62 * len(articles), width)
        ax = fig.subplots()
        y = range(len(articles))
        left = [0.0] * len(articles)
        for category in used:
            values = [density[a.id][category] for a in articles]
            ax.barh(
                y,
                values,
                left=left,
                color=CATEGORY_COLOURS[category],
                height=0.65,
                label=category.replace("_", " "),
                edgecolor="white",
                lw=0.8,
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        for i, total in enumerate(left):
            ax.text(total, i, f" {total:.1f}", va="center", fontsize=10 if narrow else 11)
        names = [bar_label(a, narrow) for a in articles]
        ax.set_yticks(list(y), names)
        ax.invert_yaxis()
        ax.set_xlim(0, max([*left, 1]) * 1.12)
        ax.set_xlabel("loaded terms per 1,000 words")
        title = "How loaded is each outlet's language?"
        ax.set_title(wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
        ax.grid(axis="x")
        ax.set_axisbelow(True)
        if narrow:
            ax.tick_params(labelsize=10)
        if used:
            ax.legend(
                ncols=2 if narrow else 3,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.3 if narrow else -0.25),
                fontsize=10 if narrow else 11,
            )
    fig.alt_text = _loaded_alt(articles, density, used)
    return fig


def _loaded_alt(articles, density, used) -> str:
    parts = []
    for a in articles:
        total = sum(density[a.id].values())
        top = max(used, key=lambda c: density[a.id][c]) if used and total else None
        biggest = f", mostly {top.replace('_', ' ')}" if top else ""
        parts.append(f"{a.outlet_short} {total:.1f}{biggest}")
    return "Loaded terms per 1,000 words, by category, per outlet: " + "; ".join(parts) + "."
