"""The figure ledger at a glance: every quantity x every outlet, each figure with its verdict.

Each figure is judged by :func:`medialit.compare.verdict_as_of`, twice: against the reference
value known on the article's date (its verdict), and against the latest value (what changed
since). A cell's marks say both (:class:`medialit.compare.VerdictMarks`); its colour is the
distance from the latest value.

The chart is drawn on a canvas measured in inches, row by row, each row as tall as its
longest cell, so no text leaves its cell at either width. On a phone the grid becomes a list:
each quantity a heading, under it one band per outlet that reports it.

Examples
--------
>>> figure_ledger_chart().alt_text.startswith("The figure ledger")
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.axes import Axes

from medialit import compare
from medialit.charts.style import (
    GREY,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    outlet_label,
    responsive,
    wrap,
)
from medialit.corpus import Article, References, load_corpus, load_references
from medialit.formatting import format_share, format_times

CMAP = mpl.colormaps["PuOr_r"]  # diverging, colour-blind safe (ColorBrewer)
NORM = mpl.colors.TwoSlopeNorm(vmin=-1, vcenter=0, vmax=1)
NO_VALUE_FACE = "#F2F2F2"
CELL_FONT = 10  # points
LINE = CELL_FONT * 1.3 / 72  # inches per line of cell text
PAD = 0.14  # inches of padding inside a cell, top and bottom together
KEY = (
    "✓ matches the reference value known on the article's date · "
    "≈ consistent with it, not confirmed by it · −58% / +8%: how far below or above it · "
    "later: against the values published since"
)


@dataclass(frozen=True)
class LedgerCell:
    """What one outlet reports for one quantity, as the chart writes it."""

    quotes: str
    verdict: str  # the marks (VerdictMarks.text), or why there is nothing to compare with
    distance: float | None  # from the latest reference value: the cell's colour

    def lines(self, columns: int) -> list[str]:
        """The cell's text in lines of at most ``columns`` characters: figure, then verdict.

        >>> LedgerCell("more than $100 million", "≈ then, ✓ later", 0.0).lines(12)
        ['more than', '$100 million', '≈ then', '✓ later']
        """
        parts = [self.quotes, *self.verdict.split(", ")]  # "✓ then" and "−90% later" apart
        return [line for part in parts for line in wrap(part, columns).split("\n")]

    @property
    def face(self):
        """The cell's colour: grey with no reference value, else its distance's colour."""
        if self.distance is None:
            return NO_VALUE_FACE
        return CMAP(NORM(max(-1, min(1, self.distance))))

    @property
    def dark(self) -> bool:
        """Whether the cell is dark enough to need white text."""
        return self.distance is not None and abs(self.distance) > 0.6


def ledger_cell(rows: Sequence[compare.LedgerRow], quantity) -> LedgerCell:
    """The cell of one outlet's rows for one quantity (several figures are joined by " / ").

    >>> refs = load_references()
    >>> rows = [r for r in compare.ledger_for("osf_funding") if r.outlet == "Red Fire"]
    >>> ledger_cell(rows, refs.quantities["osf_funding"]).verdict
    '≈ then, ✓ later'
    """
    quotes = " / ".join(dict.fromkeys(r.quote for r in rows))
    if all(r.verdict.then.reference is None and r.verdict.now.reference is None for r in rows):
        reason = compare.no_reference_reason(quantity)
        return LedgerCell(quotes, "only a claim" if reason.startswith("only") else reason, None)
    marks = dict.fromkeys(compare.verdict_marks(r.verdict).text for r in rows)
    return LedgerCell(quotes, " / ".join(marks), rows[0].relative_distance)


@responsive
def figure_ledger_chart(
    articles: Sequence[Article] | None = None,
    refs: References | None = None,
    *,
    width: float = WIDTH,
) -> ChartFigure:
    """All quantities x all outlets: each reported figure, its verdict as of its date, and
    how far it lies from the latest reference value.

    A cell reads "✓" when the figure matched the value known on the article's date, "≈" when
    it was consistent with it but not confirmed by it, "−58%" when it lay outside it; "then,
    ... later" when the latest value says otherwise. Cells are coloured by the distance from the
    latest value (purple: less, orange: more, white: within); grey cells have no reference
    value. Quantities with a reference come first, the farthest from it at the top.

    Examples
    --------
    >>> fig = figure_ledger_chart()
    >>> "known on the article's date" in fig.alt_text
    True
    """
    articles = load_corpus() if articles is None else articles
    refs = load_references() if refs is None else refs
    rows = compare.figure_ledger(articles, refs)
    quantities = _ledger_order(rows)
    grid = {
        (key, a.id): ledger_cell(cell, refs.quantities[key])
        for key in quantities
        for a in articles
        if (cell := [r for r in rows if r.quantity == key and r.article_id == a.id])
    }
    labels = {key: refs.quantities[key].label for key in quantities}
    with chart_style():
        if is_narrow(width):
            fig = _ledger_list(articles, quantities, labels, grid, width)
        else:
            fig = _ledger_grid(articles, quantities, labels, grid, width)
    fig.alt_text = _ledger_alt(rows, quantities, refs, len(articles))
    return fig


def _canvas(width: float, height: float) -> tuple[ChartFigure, Axes]:
    """A figure whose one axes fills it, its data coordinates in inches from the top left."""
    fig = new_figure(height, width, layout=None)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    return fig, ax


def _columns(inches: float, size: float = CELL_FONT) -> int:
    """How many characters of text at ``size`` points fit in ``inches`` (a safe estimate)."""
    return max(4, math.floor(inches * 72 / (size * 0.6)))


def _ledger_grid(articles, quantities, labels, grid, width: float) -> ChartFigure:
    label_w, margin = 2.7, 0.08
    col_w = (width - label_w - margin) / len(articles)
    cell_chars = _columns(col_w - 0.12)
    label_chars = _columns(label_w - 0.2, 11)
    heights = []
    for key in quantities:
        lines = [len(wrap(labels[key], label_chars).split("\n")) * 11 / CELL_FONT]
        lines += [len(c.lines(cell_chars)) for a in articles if (c := grid.get((key, a.id)))]
        heights.append(max(lines) * LINE + PAD)
    header = 0.62
    fig, ax = _canvas(width, header + sum(heights) + _footer_height(width))
    for i, article in enumerate(articles):
        ax.text(
            label_w + (i + 0.5) * col_w,
            header - 0.08,
            outlet_label(article),
            ha="center",
            va="bottom",
            fontsize=11,
        )
    top = header
    for key, height in zip(quantities, heights, strict=True):
        middle = top + height / 2
        ax.text(
            label_w - 0.12,
            middle,
            wrap(labels[key], label_chars),
            ha="right",
            va="center",
            fontsize=11,
        )
        for i, article in enumerate(articles):
            x = label_w + i * col_w
            cell = grid.get((key, article.id))
            _draw_cell(ax, x + 0.03, top + 0.03, col_w - 0.06, height - 0.06, cell, cell_chars)
        top += height
    _colour_key(fig, ax, width, top, narrow=False)
    return fig


def _ledger_list(articles, quantities, labels, grid, width: float) -> ChartFigure:
    margin = 0.06
    band_w = width - 2 * margin
    chars = _columns(band_w - 0.16)
    blocks = []  # (quantity, heading lines, [(band text lines, cell)])
    for key in quantities:
        heading = wrap(labels[key], _columns(band_w, CELL_FONT + 0.5))
        bands = []
        for article in articles:
            cell = grid.get((key, article.id))
            if cell is not None:
                text = wrap(f"{article.outlet_short}: “{cell.quotes}”", chars).split("\n")
                bands.append((text + wrap(cell.verdict, chars).split("\n"), cell))
        blocks.append((heading, bands))
    height = 0.1 + _footer_height(width)
    for heading, bands in blocks:
        height += len(heading.split("\n")) * LINE + 0.08
        height += sum(len(lines) * LINE + PAD + 0.06 for lines, _ in bands) + 0.12
    fig, ax = _canvas(width, height)
    top = 0.1
    for heading, bands in blocks:
        ax.text(margin, top, heading, va="top", fontsize=CELL_FONT + 0.5, weight="bold")
        top += len(heading.split("\n")) * LINE + 0.08
        for lines, cell in bands:
            band_h = len(lines) * LINE + PAD
            _draw_band(ax, margin, top, band_w, band_h, lines, cell)
            top += band_h + 0.06
        top += 0.12
    _colour_key(fig, ax, width, top, narrow=True)
    return fig


def _draw_cell(ax, x, y, w, h, cell: LedgerCell | None, columns: int) -> None:
    if cell is None:
        ax.text(x + w / 2, y + h / 2, "–", ha="center", va="center", color=GREY)
        return
    _box(ax, x, y, w, h, cell)
    ax.text(
        x + w / 2,
        y + h / 2,
        "\n".join(cell.lines(columns)),
        ha="center",
        va="center",
        fontsize=CELL_FONT,
        linespacing=1.15,
        color="white" if cell.dark else "black",
    )


def _draw_band(ax, x, y, w, h, lines: list[str], cell: LedgerCell) -> None:
    _box(ax, x, y, w, h, cell)
    ax.text(
        x + 0.08,
        y + h / 2,
        "\n".join(lines),
        ha="left",
        va="center",
        fontsize=CELL_FONT,
        linespacing=1.15,
        color="white" if cell.dark else "black",
    )


def _box(ax, x, y, w, h, cell: LedgerCell) -> None:
    ax.add_patch(
        mpl.patches.Rectangle(
            (x, y),
            w,
            h,
            facecolor=cell.face,
            lw=0,
            hatch="///" if cell.distance is None else None,
            edgecolor="white",
        )
    )


def _key_lines(width: float) -> str:
    return wrap(KEY, _columns(width - 0.2, 10))


def _key_height(key: str) -> float:
    """Inches the key's lines take at 10 pt (line height 1.35 of the size)."""
    return len(key.split("\n")) * 10 * 1.35 / 72


def _footer_height(width: float) -> float:
    """Inches below the cells for the key to the marks and the colour bar."""
    return 0.1 + _key_height(_key_lines(width)) + 0.12 + 0.16 + 0.55


def _colour_key(fig, ax, width: float, top: float, *, narrow: bool) -> None:
    """The key to the marks, and the colour bar, below ``top`` (:func:`_footer_height`)."""
    height = fig.get_figheight()
    key = _key_lines(width)
    ax.text(
        0.08 if narrow else width / 2,
        top + 0.1,
        key,
        ha="left" if narrow else "center",
        va="top",
        fontsize=10,
        color="#333333",
        linespacing=1.2,
    )
    key_h = _key_height(key)
    bar_w = width * (0.8 if narrow else 0.45)
    bar_top = top + 0.1 + key_h + 0.12
    bar = fig.add_axes(
        ((width - bar_w) / 2 / width, 1 - (bar_top + 0.16) / height, bar_w / width, 0.16 / height)
    )
    fig.colorbar(mpl.cm.ScalarMappable(norm=NORM, cmap=CMAP), cax=bar, orientation="horizontal")
    ticks = [-1, 0, 1] if narrow else [-1, -0.5, 0, 0.5, 1]
    names = ["−100%", "0", "≥ +100%"] if narrow else ["−100%", "−50%", "0", "+50%", "≥ +100%"]
    bar.set_xticks(ticks, labels=names)
    bar.tick_params(labelsize=10)
    bar.set_xlabel("colour: distance from the latest reference value", fontsize=10)


def _ledger_order(rows) -> list[str]:
    """Quantities with a reference first, the farthest from it first; then the others."""
    worst: dict[str, float] = {}
    for row in rows:
        d = -1.0 if row.relative_distance is None else abs(row.relative_distance)
        worst[row.quantity] = max(worst.get(row.quantity, -1.0), d)
    order = compare.reported_quantities(rows)
    return sorted(order, key=lambda q: (worst[q] < 0, -worst[q]))


# --------------------------------------------------------------------------- alt text


def _ledger_alt(rows, quantities, refs, outlets: int) -> str:
    """A summary, not the table: each figure's verdict on its date, then what changed since."""
    reports = compare.distinct_reports(rows)
    folded = [row for row, _ in reports]
    repeats = [f"{row.outlet} gives “{row.quote}” {format_times(n)}" for row, n in reports if n > 1]
    counted = f"{len(rows)} figures"
    if repeats:
        counted += f", {len(folded)} of them distinct ({'; '.join(repeats)})"

    def said(row) -> str:
        return f"{row.outlet} “{row.quote}” for “{row.quantity_label}”"

    def listed(group) -> str:
        return f": {len(group)}" + (" (" + "; ".join(said(r) for r in group) + ")" if group else "")

    then = {a: [r for r in folded if r.verdict.then.agreement == a] for a in compare.AGREEMENTS}
    off = then[compare.BELOW] + then[compare.ABOVE]
    unknown_then = [r for r in then[compare.NO_REFERENCE] if r.verdict.now.reference is not None]
    unchecked = [r for r in then[compare.NO_REFERENCE] if r.verdict.now.reference is None]
    verdicts = [
        f"matching it: {len(then[compare.MATCHES])}",
        "consistent with it but not confirmed by it" + listed(then[compare.CONSISTENT]),
        "differing from it" + listed(off),
        "with no value known by that date" + listed(unknown_then),
        f"with no reference value to check against: {len(unchecked)}",
    ]
    changed = [
        f"{said(r)}, {_later(r, refs)}" for r in folded if compare.verdict_marks(r.verdict).later
    ]
    since = f"Changed since: {len(changed)}" + (" (" + "; ".join(changed) + ")" if changed else "")
    return (
        f"The figure ledger: {counted}, for {len(quantities)} quantities from {outlets} outlets. "
        "Each is judged against the reference value known on the article's date: "
        + "; ".join(verdicts)
        + f". {since}. Colours show the distance from the latest reference value."
    )


def _later(row, refs) -> str:
    """What the latest value says of a figure, in words: "58% below the latest value (238)"."""
    now = row.verdict.now
    value = now.reference
    unit = refs.quantities[row.quantity].unit
    cited = f"({compare.describe_reference(value, unit)}, {value.ref})"
    if now.agreement == compare.MATCHES:
        return f"matches the latest value {cited}"
    if now.agreement == compare.CONSISTENT:
        return f"is consistent with the latest value {cited}"
    side = "below" if now.agreement == compare.BELOW else "above"
    return f"{format_share(abs(now.distance))} {side} the latest value {cited}"
