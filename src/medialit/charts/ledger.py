"""The figure ledger at a glance: every quantity x every outlet, each figure with its verdict.

Examples
--------
>>> figure_ledger_chart().alt_text.startswith("The figure ledger")
True
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl

from medialit import compare
from medialit.charts.style import (
    GREY,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    responsive,
    short_label,
    wrap,
)
from medialit.corpus import Article, References, load_corpus, load_references
from medialit.formatting import format_number


@responsive
def figure_ledger_chart(
    articles: Sequence[Article] | None = None,
    refs: References | None = None,
    *,
    width: float = WIDTH,
) -> ChartFigure:
    """All quantities x all outlets: each reported figure and how far it is from the reference.

    Cells are coloured by the relative distance from the current reference value (blue: less,
    orange: more, white: the reference lies within what was reported); grey cells have no
    reference value; a cell marked "(✓ then)" matched the reference published by its date.
    Quantities with a reference come first, the farthest from it at the top.

    Examples
    --------
    >>> fig = figure_ledger_chart()
    >>> fig.alt_text.startswith("The figure ledger")
    True
    """
    articles = load_corpus() if articles is None else articles
    refs = load_references() if refs is None else refs
    rows = compare.figure_ledger(articles, refs)
    quantities = _ledger_order(rows)
    cmap = mpl.colormaps["PuOr_r"]  # diverging, colour-blind safe (ColorBrewer)
    norm = mpl.colors.TwoSlopeNorm(vmin=-1, vcenter=0, vmax=1)
    narrow = is_narrow(width)
    with chart_style():
        # On a phone each quantity's name is a heading above its row of cells, across the
        # whole width, instead of a label column that leaves the cells no room.
        row_height = 1.35 if narrow else 0.6
        fig = new_figure(max(2.8, row_height * len(quantities) + 2.2), width)
        ax = fig.subplots()
        ax.set_xlim(-0.5, len(articles) - 0.5)
        ax.set_ylim(len(quantities) - 0.5, -0.5)
        ax.set_xticks(
            range(len(articles)),
            [a.outlet_short if narrow else short_label(a) for a in articles],
            fontsize=10 if narrow else 11,
            rotation=90 if narrow else 0,
        )
        ax.xaxis.tick_top()
        labels = [refs.quantities[q].label for q in quantities]
        if narrow:
            ax.set_yticks([])
            for qi, label in enumerate(labels):
                ax.text(-0.5, qi - 0.47, wrap(label, 44), va="top", fontsize=10, weight="bold")
        else:
            ax.set_yticks(range(len(quantities)), [wrap(t, 30) for t in labels], fontsize=11)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for qi, key in enumerate(quantities):
            for ai, article in enumerate(articles):
                cell = [r for r in rows if r.quantity == key and r.article_id == article.id]
                missing = _missing_reason(refs.quantities[key])
                if narrow:
                    _ledger_cell(
                        ax, ai, qi + 0.17, cell, cmap, norm, missing, columns=8, height=0.6
                    )
                else:
                    _ledger_cell(ax, ai, qi, cell, cmap, norm, missing)
        bar = fig.colorbar(
            mpl.cm.ScalarMappable(norm=norm, cmap=cmap),
            ax=ax,
            location="bottom",
            shrink=0.9 if narrow else 0.6,
            pad=0.01,
            aspect=20 if narrow else 40,
        )
        ticks = [-1, 0, 1] if narrow else [-1, -0.5, 0, 0.5, 1]
        names = ["−100%", "0", "≥ +100%"] if narrow else ["−100%", "−50%", "0", "+50%", "≥ +100%"]
        bar.set_ticks(ticks, labels=names)
        bar.set_label("distance from the current reference", fontsize=10 if narrow else None)
        bar.ax.tick_params(labelsize=10)
    fig.alt_text = _ledger_alt(rows, quantities, refs, len(articles))
    return fig


def _ledger_order(rows) -> list[str]:
    """Quantities with a reference first, the farthest from it first; then the others."""
    worst: dict[str, float] = {}
    for row in rows:
        d = -1.0 if row.relative_distance is None else abs(row.relative_distance)
        worst[row.quantity] = max(worst.get(row.quantity, -1.0), d)
    order = compare.reported_quantities(rows)
    return sorted(order, key=lambda q: (worst[q] < 0, -worst[q]))


def _missing_reason(quantity) -> str:
    """What to write in a cell whose quantity has no current reference value (short)."""
    reason = compare.no_reference_reason(quantity)
    return "only a claim" if reason.startswith("only") else reason


def _ledger_cell(
    ax, x, y, cell, cmap, norm, missing, columns: int = 15, height: float = 0.9
) -> None:
    if not cell:
        ax.text(x, y, "–", ha="center", va="center", color=GREY)
        return
    row = cell[0]
    if row.relative_distance is None:
        face, hatch = "#F2F2F2", "///"
    else:
        face, hatch = cmap(norm(max(-1, min(1, row.relative_distance)))), None
    ax.add_patch(
        mpl.patches.Rectangle(
            (x - 0.47, y - height / 2),
            0.94,
            height,
            facecolor=face,
            edgecolor="white",
            hatch=hatch,
            lw=0,
        )
    )
    quotes = " / ".join(dict.fromkeys(r.quote for r in cell))
    if row.relative_distance is None:
        detail = missing
    elif row.status == compare.MATCHES:
        detail = "✓"
    elif row.status == compare.CONSISTENT:
        detail = "≈"
    else:
        detail = f"{row.relative_distance:+.0%}".replace("-", "−")
        if row.status == compare.MATCHED_THEN:
            detail += " (✓ then)"
    dark = row.relative_distance is not None and abs(row.relative_distance) > 0.6
    ax.text(
        x,
        y,
        f"{wrap(quotes, columns)}\n{wrap(detail.replace(' (', chr(10) + '('), columns)}",
        ha="center",
        va="center",
        fontsize=10,
        color="white" if dark else "black",
        linespacing=1.1,
    )


def _ledger_alt(rows, quantities, refs, outlets: int) -> str:
    """A summary, not the table: how many figures match, matched then, are off, or unchecked."""
    folded = [r for r, _ in compare.distinct_reports(rows)]

    def said(r) -> str:
        unit = refs.quantities[r.quantity].unit
        now = format_number(r.reference, unit)
        return f"{r.outlet} “{r.quote}” for “{r.quantity_label}” (reference {now})"

    groups = {status: [r for r in folded if r.status == status] for status in compare.STATUSES}
    off = groups[compare.BELOW] + groups[compare.ABOVE]
    then = groups[compare.MATCHED_THEN]
    parts = [
        f"Matching the current reference value: {len(groups[compare.MATCHES])}",
        f"overlapping it without being confirmed by it: {len(groups[compare.CONSISTENT])}",
        f"matching only the value known when published: {len(then)}"
        + (" (" + "; ".join(said(r) for r in then) + ")" if then else ""),
        f"differing from it: {len(off)}"
        + (" (" + "; ".join(said(r) for r in off) + ")" if off else ""),
        f"with no reference value to check against: {len(groups[compare.NO_REFERENCE])}",
    ]
    return (
        f"The figure ledger: {len(folded)} figures for {len(quantities)} quantities from "
        f"{outlets} outlets, coloured by their distance from the current reference value. "
        + "; ".join(parts)
        + "."
    )
