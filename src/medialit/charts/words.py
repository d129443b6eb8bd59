"""The words each outlet chooses for the same people: the labels chart."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl

from medialit import compare
from medialit.charts.style import (
    GREY,
    WIDTH,
    ChartFigure,
    chart_style,
    fit_width,
    is_narrow,
    new_figure,
    responsive,
    wrap,
)
from medialit.corpus import Article, load_corpus


@responsive
def labels_chart(articles: Sequence[Article] | None = None, *, width: float = WIDTH) -> ChartFigure:
    """What each outlet calls the participants and the foreign troops (counts per outlet).

    Two grids, labels x outlets, each cell the number of times that outlet uses that label.

    Examples
    --------
    >>> fig = labels_chart()
    >>> "participants" in fig.alt_text and "foreign troops" in fig.alt_text
    True
    """
    articles = load_corpus() if articles is None else articles
    groups = [("participants", "The participants"), ("foreign_troops", "The foreign troops")]
    counts = {key: compare.label_counts(articles, key) for key, _ in groups}
    orders = {key: _label_order(counts[key]) for key, _ in groups}
    heights = [max(len(orders[key]), 1) for key, _ in groups]
    cmap = mpl.colormaps["Blues"]
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure((2.6 if narrow else 1.6) + 0.34 * sum(heights), width)
        axes = fig.subplots(2, 1, height_ratios=heights)
        peak = max([max(c.values(), default=0) for g in counts.values() for c in g.values()] + [1])
        titles = []
        for ax, (key, title) in zip(axes, groups, strict=True):
            _label_grid(ax, articles, counts[key], orders[key], cmap, peak, narrow=narrow)
            heading = f"{title}: what each outlet calls them"
            titles.append(ax.set_title(heading, fontsize=12 if narrow else 14))
            ax.xaxis.tick_top()
        for title in titles:
            fit_width(fig, title)  # the room a title has is known only once laid out
    fig.alt_text = _labels_alt(articles, counts, groups)
    return fig


def _label_order(counts: dict) -> list[str]:
    total = sum((c for c in counts.values()), start=compare.Counter())
    return [label for label, _ in total.most_common()]


def _label_grid(ax, articles, counts, order, cmap, peak, *, narrow: bool = False) -> None:
    ax.set_xlim(-0.5, len(articles) - 0.5)
    ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
    names = [wrap(a.outlet_short, 10) if narrow else a.outlet_short for a in articles]
    # On a phone a column is narrower than "Revolution": the names stand upright.
    ax.set_xticks(
        range(len(articles)), names, fontsize=10 if narrow else 11, rotation=90 if narrow else 0
    )
    ax.set_yticks(range(len(order)), order, fontsize=10 if narrow else None)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if not order:
        ax.text(len(articles) / 2 - 0.5, 0, "no labels annotated", ha="center", color=GREY)
    for yi, label in enumerate(order):
        for xi, article in enumerate(articles):
            n = counts[article.id][label]
            face = cmap(0.15 + 0.85 * n / peak) if n else "#F7F7F7"
            ax.add_patch(
                mpl.patches.Rectangle((xi - 0.48, yi - 0.45), 0.96, 0.9, facecolor=face, lw=0)
            )
            ax.text(
                xi,
                yi,
                str(n) if n else "·",
                ha="center",
                va="center",
                fontsize=11,
                color="white" if n / peak > 0.55 else ("black" if n else GREY),
            )


def _labels_alt(articles, counts, groups) -> str:
    parts = []
    for key, _ in groups:
        per = []
        for a in articles:
            top = counts[key][a.id].most_common(3)
            words = ", ".join(f"“{label}” {n}" for label, n in top) or "none"
            per.append(f"{a.outlet_short}: {words}")
        parts.append(f"For the {key.replace('_', ' ')}, the most used labels are " + "; ".join(per))
    return "Labels per outlet. " + ". ".join(parts) + "."
