"""Charts that compare the outlets, one function per chart, each returning a Figure.

Every chart uses the same colour-blind-safe palette (Okabe and Ito) and one style, sized to be
read at book width and on a projector. Each returned figure carries ``alt_text``, a sentence
that states what the chart shows; :func:`to_html` renders it as an ``<img>`` with that alt
text, and in a notebook the figure displays itself that way.

Each chart is also laid out a second time for a phone (:data:`PHONE_WIDTH`, narrower panels,
wrapped labels): :func:`to_html` serves that version to narrow screens through ``<picture>``,
so the chart's text stays at least :data:`MIN_TEXT_CSS_PX` CSS pixels there instead of
shrinking with the picture. Both images carry ``data-text-px``, the size of their smallest
text in image pixels, which the browser tests use to check what a reader sees.

The figures are built with :class:`matplotlib.figure.Figure`, not pyplot, so a lesson page
shows a chart only where it asks to, and no figure is left open.

Examples
--------
>>> fig = figure_comparison("deaths")
>>> fig.alt_text.startswith("Deaths") or fig.alt_text.startswith("People killed")
True
>>> to_html(fig).startswith("<picture><source ")
True
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import html
import io
import math
import textwrap
from collections.abc import Callable, Sequence

import matplotlib as mpl
from matplotlib.figure import Figure

from medialit import compare
from medialit.corpus import Article, References, Story, load_corpus, load_references
from medialit.formatting import format_amount, format_date, format_number
from medialit.marking import (  # the charts use them, and other modules find them here
    CATEGORY_COLOURS,
    GREY,
    OKABE_ITO,
    PALETTE,
    SOURCE_TYPE_COLOURS,
)
from medialit.schema import TERM_CATEGORIES

# The Okabe-Ito palette and the colours of source types and term categories are defined once,
# in medialit.marking, for the charts, the widgets and the analysis report alike.
LIGHT_GREY = "#DDDDDD"
# One colour per outlet, in catalog order; a sixth article takes the next colour.
OUTLET_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
STATUS_COLOURS = {
    "current": OKABE_ITO["black"],
    "interim": GREY,
    "retracted": OKABE_ITO["vermillion"],
    "context": OKABE_ITO["sky blue"],
    "claim": OKABE_ITO["reddish purple"],
}

WIDTH = 9.0  # inches: about book width at 100 dpi, fonts stay legible when scaled down
# The phone layout: 4 inches at 90 dpi is a 360 px image, about the text column of a phone
# 390 px wide, so it is shown at nearly its own size. Screens up to PHONE_MEDIA get it.
PHONE_WIDTH = 4.0
PHONE_DPI = 90
PHONE_MEDIA = "(max-width: 40rem)"
MIN_TEXT_CSS_PX = 11  # the smallest chart text a reader should meet, in CSS pixels
STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#444444",
    "axes.grid": False,
    "grid.color": LIGHT_GREY,
    "grid.linewidth": 0.8,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "font.family": "DejaVu Sans",
}


@contextlib.contextmanager
def chart_style():
    """The one style of every chart (a ``matplotlib.rc_context``); use it around custom plots.

    >>> with chart_style():
    ...     mpl.rcParams["font.size"]
    13.0
    """
    with mpl.rc_context(STYLE):
        yield


class ChartFigure(Figure):
    """A Figure that knows its alt text and shows itself in notebooks as ``<img alt=...>``.

    ``phone_layout``, when set, builds the same chart laid out for a phone.
    """

    alt_text: str = ""
    phone_layout: Callable[[], ChartFigure] | None = None

    def _repr_html_(self) -> str:
        return to_html(self)


def new_figure(height: float, width: float = WIDTH) -> ChartFigure:
    """An empty figure in the house style (call inside :func:`chart_style`)."""
    return ChartFigure(figsize=(width, height), layout="constrained")


def is_narrow(width: float) -> bool:
    """Whether a chart of this width (inches) is laid out for a phone.

    >>> is_narrow(PHONE_WIDTH), is_narrow(WIDTH)
    (True, False)
    """
    return width < 6


def responsive(chart: Callable[..., ChartFigure]) -> Callable[..., ChartFigure]:
    """Give a chart function's figures a ``phone_layout``: the same call with the phone width.

    The chart function takes a ``width`` keyword (inches) and lays itself out for it.
    """

    @functools.wraps(chart)
    def build(*args, width: float = WIDTH, **kwargs) -> ChartFigure:
        fig = chart(*args, width=width, **kwargs)
        if not is_narrow(width):
            fig.phone_layout = functools.partial(chart, *args, width=PHONE_WIDTH, **kwargs)
        return fig

    return build


def text_px(fig: Figure, dpi: float) -> float:
    """The size of the smallest text drawn in the figure, in pixels of an image at ``dpi``.

    >>> round(text_px(attribution_chart(), 100), 1)   # 11 pt at 100 dpi
    15.3
    >>> round(text_px(attribution_chart(width=PHONE_WIDTH), PHONE_DPI), 1)   # 10 pt at 90 dpi
    12.5
    """
    fig.draw_without_rendering()  # lays the figure out: tick labels exist only once drawn
    renderer = fig._get_renderer()
    sizes = [
        text.get_fontsize()
        for text in fig.findobj(mpl.text.Text)
        if text.get_visible() and text.get_text().strip() and _drawn_inside(text, fig, renderer)
    ]
    return min(sizes, default=0.0) * dpi / 72


def alt_text(fig: Figure) -> str:
    """The alt text stored on a chart.

    >>> alt_text(timeline()).startswith("Timeline")
    True
    """
    text = getattr(fig, "alt_text", "")
    if not text:
        raise ValueError("this figure has no alt text: build it with a medialit.charts function")
    return text


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes, reduced to a 256-colour palette when Pillow is available."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return _quantise(buffer.getvalue())


def _quantise(png: bytes) -> bytes:
    # Flat colours and anti-aliased text survive a 256-colour palette; the file shrinks 2-3x,
    # which keeps pages with many pre-rendered charts within their size budget.
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow ships with matplotlib
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, "png", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def _drawn_inside(text, fig: Figure, renderer) -> bool:
    """Whether a text artist lands on the figure (tick labels outside the axis limits do not)."""
    box = text.get_window_extent(renderer)
    width, height = fig.bbox.width, fig.bbox.height
    return box.x1 > 0 and box.y1 > 0 and box.x0 < width and box.y0 < height


def _data_url(fig: Figure, dpi: int) -> str:
    return "data:image/png;base64," + base64.b64encode(to_png(fig, dpi)).decode("ascii")


def to_html(fig: Figure, dpi: int = 100) -> str:
    """The figure as HTML: an ``<img>`` holding it as a data URL, with its alt text.

    A chart with a phone layout becomes a ``<picture>`` whose ``<source>`` serves that layout
    to narrow screens. Each image says the size of its smallest text (``data-text-px``).

    >>> tag = to_html(labels_chart())
    >>> 'alt="' in tag and "max-width:100%" in tag and tag.count("data-text-px") == 2
    True
    >>> tag.startswith("<picture>") and PHONE_MEDIA in tag
    True
    """
    alt = html.escape(alt_text(fig), quote=True)
    img = (
        f'<img src="{_data_url(fig, dpi)}" alt="{alt}" data-text-px="{text_px(fig, dpi):.1f}" '
        'style="max-width:100%;height:auto;display:block">'
    )
    phone_layout = getattr(fig, "phone_layout", None)
    if phone_layout is None:
        return img
    phone = phone_layout()
    source = (
        f'<source media="{PHONE_MEDIA}" srcset="{_data_url(phone, PHONE_DPI)}" '
        f'data-text-px="{text_px(phone, PHONE_DPI):.1f}">'
    )
    return f"<picture>{source}{img}</picture>"


def outlet_colour(index: int) -> str:
    """The colour of the article at position ``index`` in the catalog."""
    return OUTLET_COLOURS[index % len(OUTLET_COLOURS)]


def _outlet_label(article: Article) -> str:
    return f"{article.outlet_short}\n{format_date(article.published, year=False, short=True)}"


def _bar_label(article: Article, narrow: bool) -> str:
    """An outlet's label beside a horizontal bar: on one line, or wrapped for a phone."""
    return _short_label(article) if narrow else _outlet_label(article).replace("\n", ", ")


def _short_label(article: Article) -> str:
    """Outlet name wrapped to fit a narrow column, with the publication date."""
    day = format_date(article.published, year=False, short=True)
    return f"{_wrap(article.outlet_short, 10)}\n{day}"


# --------------------------------------------------------------------------- figure comparison


@responsive
def figure_comparison(
    quantity: str,
    articles: Sequence[Article] | None = None,
    refs: References | None = None,
    *,
    width: float = WIDTH,
) -> ChartFigure:
    """What each outlet reports for one quantity, against the reference values and their dates.

    Left: one column per outlet (points; bars for ranges such as "dozens"; an arrow for "more
    than"). Right: the reference values over time, so revisions (164 retracted, 225, 238)
    show. A dashed line carries the current reference value across both.

    Parameters
    ----------
    quantity
        A key of ``references.yaml`` ``quantities`` (``"deaths"``, ``"police_injured"``...).

    Examples
    --------
    >>> fig = figure_comparison("police_injured")
    >>> "reference" in fig.alt_text
    True
    >>> figure_comparison("no_such_thing")
    Traceback (most recent call last):
    ...
    KeyError: "unknown quantity 'no_such_thing'; see references.yaml quantities"
    """
    articles = load_corpus() if articles is None else articles
    refs = load_references() if refs is None else refs
    if quantity not in refs.quantities:
        raise KeyError(f"unknown quantity {quantity!r}; see references.yaml quantities")
    spec = refs.quantities[quantity]
    rows = compare.ledger_for(quantity, compare.figure_ledger(articles, refs))
    ref_values = [
        v for v in spec.values if v.as_of is not None and compare.reference_point(v) is not None
    ]
    reporting = [a for a in articles if any(r.article_id == a.id for r in rows)]
    silent = [a.outlet_short for a in articles if a not in reporting]
    narrow = is_narrow(width)
    with chart_style():
        if narrow:  # a phone: the outlets above, the reference values below
            fig = new_figure(8.4, width)
            left, right = fig.subplots(2, 1, sharey=True)
        else:
            fig = new_figure(5.4, width)
            left, right = fig.subplots(
                1,
                2,
                sharey=True,
                width_ratios=[len(reporting) + 2, max(len(ref_values), 1) + 1],
            )
        top = _value_ceiling(rows, ref_values)
        _draw_outlets(left, articles, reporting, rows, top, narrow=narrow)
        _draw_references(right, ref_values, spec.unit, narrow=narrow)
        current = spec.current()
        if current is not None and compare.reference_point(current) is not None:
            for ax in (left, right):
                ax.axhline(compare.reference_point(current), color="black", ls="--", lw=1, zorder=0)
            right.annotate(
                "current\nreference",
                (1, compare.reference_point(current)),
                xycoords=("axes fraction", "data"),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=10,
            )
        left.set_ylim(0, top * 1.15)
        left.set_ylabel(spec.unit)
        unit = spec.unit
        left.yaxis.set_major_formatter(
            mpl.ticker.FuncFormatter(lambda x, _: format_number(x, unit))
        )
        left.set_title("The outlets", fontsize=13)
        right.set_title("Reference values, by date", fontsize=13)
        title = _wrap(spec.label, 30) if narrow else spec.label
        fig.suptitle(title, fontsize=14 if narrow else 16, fontweight="bold", x=0.01, ha="left")
        if narrow:
            right.tick_params(labelleft=True)
        if silent:
            note = _wrap("Not reported by " + ", ".join(silent), 40 if narrow else 26)
            left.set_xlabel(note, fontsize=10, color=GREY)
    fig.alt_text = _comparison_alt(spec, rows, ref_values, current)
    return fig


def _value_ceiling(rows, ref_values) -> float:
    tops = [r.high for r in rows if not math.isinf(r.high)] + [r.low for r in rows]
    for v in ref_values:
        tops.extend(x for x in (v.value, v.low, v.high) if x is not None)
    return max(tops) if tops else 1.0


def _draw_outlets(ax, articles, reporting, rows, top, *, narrow: bool = False) -> None:
    ax.set_xlim(-0.6, max(len(reporting), 1) - 0.1)
    label = _short_label if narrow else _outlet_label
    names = [label(a) for a in reporting]
    ax.set_xticks(range(len(reporting)), names, fontsize=10 if narrow else 11)
    ax.grid(axis="y")
    if not reporting:
        ax.text(0.5, 0.5, "no outlet reports it", transform=ax.transAxes, ha="center", color=GREY)
    colours = {a.id: outlet_colour(i) for i, a in enumerate(articles)}
    positions = {a.id: i for i, a in enumerate(reporting)}
    per_outlet: dict[str, int] = {}
    for row, times in compare.distinct_reports(rows):
        k = per_outlet.get(row.article_id, 0)
        per_outlet[row.article_id] = k + 1
        x = positions[row.article_id] + 0.22 * k  # several figures from one outlet side by side
        colour = colours[row.article_id]
        y = row.low if math.isinf(row.high) else row.point
        if math.isinf(row.high):
            ax.annotate(
                "",
                xy=(x, top * 1.12),
                xytext=(x, row.low),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.5},
            )
        elif row.low != row.high and row.value is None:
            # A vague figure ("dozens") is a range, not a point: no dot that suggests a value.
            ax.plot(
                [x, x], [row.low, row.high], color=colour, lw=8, alpha=0.55, solid_capstyle="butt"
            )
        if row.value is not None or math.isinf(row.high):
            ax.plot([x], [y], "o", color=colour, ms=10, mec="white", mew=1.5)
        label = f"“{row.quote}”" + (f" ×{times}" if times > 1 else "")
        if narrow:
            label = _wrap(label, 12)
        ax.annotate(
            label,
            (x, y),
            xytext=(9, 0),
            textcoords="offset points",
            va="center",
            fontsize=10 if narrow else 11,
        )


def _draw_references(ax, values, unit: str = "", *, narrow: bool = False) -> None:
    ax.grid(axis="y")
    if not values:
        ax.text(0.5, 0.5, "no reference value", transform=ax.transAxes, ha="center", color=GREY)
        ax.set_xticks([])
        return
    values = sorted(values, key=lambda v: v.as_of)
    # Evenly spaced in date order: a revision a day later and one months later both stay legible.
    ax.set_xlim(-0.6, len(values) - 0.2)
    ax.set_xticks(
        range(len(values)),
        [
            f"{format_date(v.as_of, short=True)}"
            if narrow
            else f"{format_date(v.as_of, year=False, short=True)}\n{v.as_of.year}"
            for v in values
        ],
        fontsize=10,
        rotation=90 if narrow else 0,
    )
    for x, v in enumerate(values):
        y = compare.reference_point(v)
        colour = STATUS_COLOURS.get(v.status, GREY)
        if v.low is not None and v.high is not None and v.value is None:
            ax.plot([x, x], [v.low, v.high], color=colour, lw=8, alpha=0.5, solid_capstyle="butt")
        ax.plot([x], [y], "X" if v.status == "retracted" else "s", color=colour, ms=10)
        label = compare.describe_reference(v, unit)
        if v.status in ("retracted", "claim", "context"):
            label += f"\n{v.status}"
        ax.annotate(
            label,
            (x, y),
            xytext=(0, 9),
            textcoords="offset points",
            fontsize=10,
            ha="center",
            va="bottom",
            color=colour if v.status != "interim" else "#333333",
        )
    handles = [
        mpl.lines.Line2D(
            [], [], marker="s", ls="", color=STATUS_COLOURS["current"], label="current"
        ),
        mpl.lines.Line2D(
            [], [], marker="s", ls="", color=STATUS_COLOURS["interim"], label="earlier"
        ),
    ]
    if any(v.status == "retracted" for v in values):
        handles.append(
            mpl.lines.Line2D(
                [], [], marker="X", ls="", label="retracted", color=STATUS_COLOURS["retracted"]
            )
        )
    ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=10,
        handletextpad=0.2,
        framealpha=0.9,
        frameon=True,
        edgecolor="white",
    )


def _comparison_alt(spec, rows, ref_values, current) -> str:
    if rows:
        reported = "; ".join(
            f"{r.outlet} says “{r.quote}”" + (f" ({n} times)" if n > 1 else "")
            for r, n in compare.distinct_reports(rows)
        )
    else:
        reported = "no outlet reports this figure"
    if current is not None and compare.reference_point(current) is not None:
        value = compare.describe_reference(current, spec.unit)
        now = (
            f"the current reference value is {value} ({current.ref}, {format_date(current.as_of)})"
        )
    else:
        now = "there is no current reference value"
    history = ", ".join(
        f"{compare.describe_reference(v, spec.unit)} on {format_date(v.as_of, short=True)}"
        + (f" ({v.status})" if v.status in ("retracted", "claim", "context") else "")
        for v in sorted(ref_values, key=lambda v: v.as_of)
    )
    return (
        f"{spec.label}: what each outlet reports against the reference values. {reported}; "
        f"{now}. Reference values over time: {history or 'none'}."
    )


# --------------------------------------------------------------------------- the ledger overview


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
            [a.outlet_short if narrow else _short_label(a) for a in articles],
            fontsize=10 if narrow else 11,
            rotation=90 if narrow else 0,
        )
        ax.xaxis.tick_top()
        labels = [refs.quantities[q].label for q in quantities]
        if narrow:
            ax.set_yticks([])
            for qi, label in enumerate(labels):
                ax.text(-0.5, qi - 0.47, _wrap(label, 44), va="top", fontsize=10, weight="bold")
        else:
            ax.set_yticks(range(len(quantities)), [_wrap(t, 30) for t in labels], fontsize=11)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for qi, key in enumerate(quantities):
            for ai, article in enumerate(articles):
                cell = [r for r in rows if r.quantity == key and r.article_id == article.id]
                missing = _missing_reason(refs.quantities[key])
                if narrow:
                    _ledger_cell(ax, ai, qi + 0.17, cell, cmap, norm, missing, wrap=8, height=0.6)
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


def _ledger_cell(ax, x, y, cell, cmap, norm, missing, wrap: int = 15, height: float = 0.9) -> None:
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
        f"{_wrap(quotes, wrap)}\n{_wrap(detail.replace(' (', chr(10) + '('), wrap)}",
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


def _wrap(text: str, width: int) -> str:
    """Lines of at most ``width`` characters, words kept whole.

    >>> print(_wrap("Revolution Report", 8))
    Revolution
    Report
    """
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


# --------------------------------------------------------------------------- labels


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
        for ax, (key, title) in zip(axes, groups, strict=True):
            _label_grid(ax, articles, counts[key], orders[key], cmap, peak, narrow=narrow)
            heading = f"{title}: what each outlet calls them"
            ax.set_title(_wrap(heading, 34) if narrow else heading, fontsize=12 if narrow else 14)
            ax.xaxis.tick_top()
    fig.alt_text = _labels_alt(articles, counts, groups)
    return fig


def _label_order(counts: dict) -> list[str]:
    total = sum((c for c in counts.values()), start=compare.Counter())
    return [label for label, _ in total.most_common()]


def _label_grid(ax, articles, counts, order, cmap, peak, *, narrow: bool = False) -> None:
    ax.set_xlim(-0.5, len(articles) - 0.5)
    ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
    names = [_wrap(a.outlet_short, 8) if narrow else a.outlet_short for a in articles]
    ax.set_xticks(range(len(articles)), names, fontsize=10 if narrow else 11)
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


# --------------------------------------------------------------------------- attribution profile


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
        names = [_bar_label(a, narrow) for a in articles]
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
        ax.set_title(_wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
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
        names = [_bar_label(a, narrow) for a in articles]
        ax.set_yticks(list(y), names)
        ax.invert_yaxis()
        ax.set_xlim(0, max([*left, 1]) * 1.12)
        ax.set_xlabel("loaded terms per 1,000 words")
        title = "How loaded is each outlet's language?"
        ax.set_title(_wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
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


# --------------------------------------------------------------------------- timeline


@responsive
def timeline(
    articles: Sequence[Article] | None = None,
    story: Story | None = None,
    *,
    width: float = WIDTH,
) -> ChartFigure:
    """Publication dates of the articles against the key events of the story (``story.yaml``),
    each dated by its reference.

    The axis spans the days around the articles; later events (the death toll revisions of
    March and August) are listed at its right edge with their dates.

    Examples
    --------
    >>> fig = timeline()
    >>> "published" in fig.alt_text
    True
    """
    articles = load_corpus() if articles is None else articles
    events = compare.timeline_events(story)
    days = [a.published for a in articles]
    start = min([*days, events[0].day]) - dt.timedelta(days=1)
    end = max(days) + dt.timedelta(days=14)
    shown = [e for e in events if e.day <= end]
    later = [e for e in events if e.day > end]
    narrow = is_narrow(width)
    wrap = functools.partial(_wrap, width=24) if narrow else (lambda text: text)
    size = 10 if narrow else 10.5
    with chart_style():
        level_height = 0.62 if narrow else 0.36
        fig = new_figure(level_height * (len(events) + len(articles)) + 1.4, width)
        ax = fig.subplots()
        ax.set_xlim(start, end + dt.timedelta(days=1))
        ax.set_ylim(-len(articles) - 0.7, len(events) + 0.7)
        ax.axhline(0, color="black", lw=1)
        middle = start + (end - start) / 2
        for level, event in enumerate(shown, start=1):
            _timeline_mark(
                ax,
                event.day,
                level,
                wrap(f"{format_date(event.day, year=False, short=True)}: {event.label}"),
                GREY,
                right=event.day > middle,
                size=size,
            )
        for level, event in enumerate(later, start=len(shown) + 1):
            ax.plot([end], [level], ">", color=GREY, ms=8, clip_on=False)
            ax.annotate(
                wrap(f"later, {format_date(event.day, short=True)}: {event.label}"),
                (end, level),
                xytext=(-10, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=size,
                color="#333333",
            )
        for i, article in enumerate(articles):
            _timeline_mark(
                ax,
                article.published,
                -(i + 1),
                wrap(
                    f"{article.outlet_short} published "
                    f"({format_date(article.published, year=False, short=True)})"
                ),
                outlet_colour(i),
                right=False,
                marker="D",
                bold=True,
                size=size,
            )
        ax.set_yticks(
            [(len(events) + 1) / 2, -(len(articles) + 1) / 2], ["events", "articles"], rotation=90
        )
        ax.tick_params(axis="y", length=0, labelcolor=GREY)
        locator = mpl.dates.DayLocator(interval=5 if narrow else 2)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%d %b"))
        ax.tick_params(axis="x", labelsize=size)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x")
        ax.set_axisbelow(True)
        title = "The articles and the events, January 2022"
        ax.set_title(_wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
    fig.alt_text = _timeline_alt(articles, events)
    return fig


def _timeline_mark(
    ax, day, level, text, colour, *, right, marker="o", bold=False, size: float = 10.5
) -> None:
    ax.plot([day, day], [0, level], color=colour, lw=1.2, alpha=0.7, zorder=1)
    ax.plot([day], [level], marker, color=colour, ms=8 if bold else 6, zorder=2)
    ax.annotate(
        text,
        (day, level),
        xytext=(-7 if right else 7, 0),
        textcoords="offset points",
        ha="right" if right else "left",
        va="center",
        fontsize=size,
        fontweight="bold" if bold else "normal",
        color=colour if bold else "#222222",
    )


def _timeline_alt(articles, events) -> str:
    published = "; ".join(
        f"{a.outlet_short} published {format_date(a.published)}" for a in articles
    )
    key = "; ".join(f"{format_date(e.day)}: {e.label}" for e in events)
    return f"Timeline of the articles against key events. {published}. Events: {key}."


CHARTS = {
    "figure_ledger": figure_ledger_chart,
    "labels": labels_chart,
    "attribution": attribution_chart,
    "loaded_language": loaded_language_chart,
    "timeline": timeline,
}


# --------------------------------------------------------------------------- unit test


def pre_post_chart(skills: Sequence[tuple[str, float, float, int]]) -> ChartFigure:
    """Mean unit-test score per skill before and after the unit: the instructor's evidence.

    Parameters
    ----------
    skills
        ``(skill label, percent before, percent after, students)`` for each skill, in order.

    >>> fig = pre_post_chart([("sourcing", 40.0, 70.0, 30), ("attribution", 55.0, 60.0, 30)])
    >>> fig.alt_text.split(":")[0]
    'Bar chart of the mean unit-test score per skill, before and after the unit (30 students)'
    """
    with chart_style():
        fig = new_figure(1.2 + 0.75 * max(len(skills), 1))
        ax = fig.add_subplot()
        if not skills:
            ax.text(0.5, 0.5, "No student took both tests.", ha="center", va="center")
            ax.set_axis_off()
            fig.alt_text = "No chart: no student took the unit test both before and after."
            return fig
        rows = list(range(len(skills)))[::-1]
        height = 0.38
        before = [pre for _, pre, _, _ in skills]
        after = [post for _, _, post, _ in skills]
        ax.barh(
            [r + height / 2 for r in rows],
            before,
            height,
            color=OKABE_ITO["sky blue"],
            label="before the unit",
        )
        ax.barh(
            [r - height / 2 for r in rows],
            after,
            height,
            color=OKABE_ITO["blue"],
            label="after the unit",
        )
        for r, pre, post in zip(rows, before, after, strict=True):
            ax.text(pre + 1, r + height / 2, f"{pre:.0f}%", va="center", fontsize=11)
            ax.text(post + 1, r - height / 2, f"{post:.0f}%", va="center", fontsize=11)
        ax.set_yticks(rows, [label for label, *_ in skills])
        ax.set_xlim(0, 110)
        ax.set_xticks(range(0, 101, 20), [f"{x}%" for x in range(0, 101, 20)])
        ax.set_xlabel("mean score on the skill's items")
        students = max(n for *_, n in skills)
        ax.set_title(f"Unit test: before and after, per skill ({students} students)")
        fig.legend(loc="outside lower center", ncols=2)
        parts = "; ".join(
            f"{label} {pre:.0f}% before, {post:.0f}% after" for label, pre, post, _ in skills
        )
        fig.alt_text = (
            "Bar chart of the mean unit-test score per skill, before and after the unit "
            f"({students} students): {parts}."
        )
    return fig


# --------------------------------------------------------------------------- context map

# Neighbouring countries named around the map, at points outside Kazakhstan (lon, lat): they
# orient a reader who has never seen the country; they say nothing about the articles.
# The last field says whether a phone's smaller map has room for the label.
NEIGHBOUR_LABELS = (
    ("RUSSIA", 62.0, 55.6, True),
    ("CHINA", 85.5, 44.2, True),
    ("KYRGYZSTAN", 75.0, 41.7, False),
    ("UZBEKISTAN", 61.5, 41.6, False),
    ("Caspian\nSea", 48.2, 41.4, True),
)
MAP_EXTENT = (44.5, 88.5, 39.8, 56.4)  # lon min, lon max, lat min, lat max


@responsive
def kazakhstan_map(
    gazetteer=None, articles: Sequence[Article] | None = None, *, width: float = WIDTH
):
    """Kazakhstan and the places the articles mention, from the coordinates in ``places.yaml``.

    Drawn from the outline and the points alone (no tile server, no projection library): an
    equirectangular plot whose aspect is corrected for the latitude, which is all a country map
    at this size needs. Each place's dot grows with the number of articles that name it.

    Examples
    --------
    >>> fig = kazakhstan_map()
    >>> fig.alt_text.startswith("Map of Kazakhstan")
    True
    >>> "Zhanaozen" in fig.alt_text and "named in 5 of the 5 articles" in fig.alt_text
    True
    """
    from medialit.places import articles_mentioning, load_places

    articles = load_corpus() if articles is None else articles
    gazetteer = load_places() if gazetteer is None else gazetteer
    narrow = is_narrow(width)
    lon_min, lon_max, lat_min, lat_max = MAP_EXTENT
    middle = math.radians((lat_min + lat_max) / 2)
    counts = {p.name: len(articles_mentioning(p, articles)) for p in gazetteer.places}
    with chart_style():
        ratio = (lat_max - lat_min) / ((lon_max - lon_min) * math.cos(middle))
        fig = new_figure(width * ratio + 0.9, width)
        ax = fig.subplots()
        lons, lats = zip(*gazetteer.outline.points, strict=True)
        ax.fill(lons, lats, facecolor="#F2F2F2", edgecolor="#444444", lw=1.2, zorder=1)
        for name, lon, lat, on_phone in NEIGHBOUR_LABELS:
            if narrow and not on_phone:
                continue
            ax.text(
                lon,
                lat,
                name,
                ha="center",
                va="center",
                color=GREY,
                fontsize=10,
                style="italic",
                zorder=1,
            )
        for place in gazetteer.places:
            _map_place(ax, place, counts[place.name], gazetteer.places, narrow)
        ax.set_xlim(lon_min, lon_max)
        ax.set_ylim(lat_min, lat_max)
        ax.set_aspect(1 / math.cos(middle))
        ax.set_axis_off()
        title = (
            "Places the five articles mention"
            if len(articles) == 5
            else "Places the articles mention"
        )
        ax.set_title(_wrap(title, 28) if narrow else title)
        note = "Dot size: how many articles name the place. ★ capital in January 2022."
        fig.text(0.01, 0.01, _wrap(note, 44) if narrow else note, fontsize=10, color="#333333")
    fig.alt_text = _map_alt(gazetteer, counts, len(articles))
    return fig


def _map_place(ax, place, count: int, places, narrow: bool) -> None:
    # The label goes to the right unless another place sits just to the east of this one.
    crowded = any(
        0 < other.lon - place.lon < 4 and abs(other.lat - place.lat) < 1.2 for other in places
    )
    colour = OKABE_ITO["black"] if place.capital else OKABE_ITO["blue"]
    size = 30 + 28 * count
    marker = "*" if place.capital else "o"
    ax.scatter(
        [place.lon],
        [place.lat],
        s=size * (2.2 if place.capital else 1),
        marker=marker,
        color=colour,
        edgecolor="white",
        lw=0.8,
        zorder=3,
    )
    other = [n for n in place.names if n != place.name]
    # On a phone the label is the name alone: the dot's size still shows the count.
    label = place.name
    if not narrow:
        label += f" ({', '.join(other)})" if other else ""
        label += f"\n{count} article{'s' if count != 1 else ''}"
    ax.annotate(
        label,
        (place.lon, place.lat),
        xytext=(-9 if crowded else 9, 0),
        textcoords="offset points",
        ha="right" if crowded else "left",
        va="center",
        fontsize=10 if narrow else 11,
        fontweight="bold" if place.capital else "normal",
        color="#111111",
        zorder=4,
        # A light box keeps the label legible where it crosses the border line.
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
    )


def _compass(place, outline) -> str:
    """Where a place lies in the country, in words (north-west, centre...)."""
    lons, lats = zip(*outline.points, strict=True)
    x = (place.lon - min(lons)) / (max(lons) - min(lons))
    y = (place.lat - min(lats)) / (max(lats) - min(lats))
    ns = "south" if y < 0.35 else "north" if y > 0.65 else ""
    ew = "west" if x < 0.35 else "east" if x > 0.65 else ""
    return f"{ns}-{ew}" if ns and ew else ns or ew or "centre"


def _map_alt(gazetteer, counts: dict, n_articles: int) -> str:
    parts = []
    for place in gazetteer.places:
        other = [n for n in place.names if n != place.name]
        also = f", also written {', '.join(other)}" if other else ""
        capital = ", the capital in January 2022" if place.capital else ""
        parts.append(
            f"{place.name}{also}{capital}, in the {_compass(place, gazetteer.outline)}, "
            f"named in {counts[place.name]} of the {n_articles} articles"
        )
    return (
        f"Map of Kazakhstan with the {len(gazetteer.places)} places the articles mention: "
        + "; ".join(parts)
        + "."
    )


# --------------------------------------------------------------------------- honest and misleading

# Charts the kit draws twice, once honestly and once in a way that misleads, so that students
# can say what the misleading version hides. Both versions of a pair plot the same numbers
# from the ledger or the annotations; only the axis, the window or the denominator changes.
# Each carries a stamp ("Teaching example, version A") so that an image lifted out of the page
# cannot pass for real reporting, without telling a student which version misleads.

# The official death toll as the authorities announced it on three dates (ledger ids).
OFFICIAL_TOLL_REFS = ("DT-03", "DT-04", "DT-08")


def _stamp(fig: Figure, label: str | None) -> None:
    text = "Teaching example" + (f", version {label}" if label else "")
    fig.text(0.99, 0.99, text, ha="right", va="top", fontsize=10, color=GREY, style="italic")


def official_toll_values(refs: References | None = None) -> list:
    """The ledger values of the official death toll used by :func:`official_toll_chart`.

    >>> [v.value for v in official_toll_values()]
    [225, 230, 238]
    """
    refs = load_references() if refs is None else refs
    values = [v for v in refs.quantities["deaths"].values if v.ref in OFFICIAL_TOLL_REFS]
    if len(values) != len(OFFICIAL_TOLL_REFS):
        raise ValueError(f"the deaths quantity lacks one of {OFFICIAL_TOLL_REFS}")
    return sorted(values, key=lambda v: v.as_of)


def truncated_floor(values: Sequence[float]) -> float:
    """Where a truncated axis starts: just below the smallest bar, at a round number.

    >>> truncated_floor([225, 230, 238])
    220
    """
    return 10 * math.floor((min(values) - 1) / 10)


@responsive
def official_toll_chart(
    refs: References | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """The official death toll on three dates, as bars; misleading = the axis does not start at 0.

    Examples
    --------
    >>> honest, cut = official_toll_chart(), official_toll_chart(misleading=True)
    >>> [float(fig.axes[0].get_ylim()[0]) for fig in (honest, cut)]
    [0.0, 220.0]
    >>> "starts at 220" in cut.alt_text
    True
    """
    values = official_toll_values(refs)
    numbers = [v.value for v in values]
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure(4.6 if narrow else 4.4, width)
        ax = fig.subplots()
        labels = [f"{v.as_of:%d %b %Y}" for v in values]
        bars = ax.bar(range(len(values)), numbers, color=OKABE_ITO["blue"], width=0.6)
        ax.bar_label(bars, [format_number(n) for n in numbers], padding=3, fontsize=12)
        ax.set_xticks(range(len(values)), labels)
        bottom = truncated_floor(numbers) if misleading else 0
        ax.set_ylim(bottom, max(numbers) + (3 if misleading else max(numbers) * 0.15))
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        ax.set_ylabel("people killed")
        ax.set_title(
            "The official death toll" if narrow else "The official death toll, as announced"
        )
        _stamp(fig, label)
    axis = (
        f"The vertical axis starts at {format_number(bottom)}."
        if misleading
        else ("The vertical axis starts at zero.")
    )
    fig.alt_text = (
        "Bar chart of the official death toll as announced on three dates: "
        + "; ".join(f"{t}: {format_number(n)}" for t, n in zip(labels, numbers, strict=True))
        + f". {axis}"
    )
    return fig


@responsive
def detained_chart(
    refs: References | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """Cumulative totals of people detained, by date announced; misleading = only the first days.

    Examples
    --------
    >>> full, window = detained_chart(), detained_chart(misleading=True)
    >>> len(full.axes[0].lines[0].get_xdata()), len(window.axes[0].lines[0].get_xdata())
    (3, 3)
    >>> "more than 10,000" in full.alt_text and "more than 10,000" not in window.alt_text
    True
    """
    refs = load_references() if refs is None else refs
    quantity = refs.quantities["detained"]
    exact = [v for v in quantity.values if v.value is not None]
    later = [v for v in quantity.values if v.value is None and v.low is not None]
    shown_later = [] if misleading else later
    narrow = is_narrow(width)
    with chart_style():
        fig = new_figure(4.6, width)
        ax = fig.subplots()
        days = [v.as_of for v in exact]
        ax.plot(days, [v.value for v in exact], "o-", color=OKABE_ITO["vermillion"], lw=2.2, ms=7)
        for v in exact:
            ax.annotate(
                format_number(v.value),
                (v.as_of, v.value),
                xytext=(8, -4),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=11,
            )
        for v in shown_later:
            ax.plot([v.as_of], [v.low], "^", color=OKABE_ITO["vermillion"], ms=9, mfc="white")
            ax.annotate(
                format_amount(v.value, v.low, v.high, v.qualifier),
                (v.as_of, v.low),
                xytext=(0, -18),
                textcoords="offset points",
                ha="center",
                fontsize=11,
            )
        tops = [v.value for v in exact] + [v.low for v in shown_later]
        ax.set_ylim(0, max(tops) * 1.2)
        ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: format_number(x)))
        if misleading:
            ax.set_xlim(days[0] - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1))
            ax.xaxis.set_major_locator(mpl.dates.DayLocator())
            ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%d %b"))
        else:
            ax.xaxis.set_major_locator(mpl.dates.MonthLocator(bymonth=(1, 4, 7, 10)))
            ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%b %Y"))
        ax.tick_params(axis="x", labelsize=10.5 if narrow else 11.5)
        ax.set_ylabel("people detained (running total)")
        ax.set_title("People detained" if narrow else "People detained, as announced")
        _stamp(fig, label)
    points = [f"{format_number(v.value)} on {format_date(v.as_of)}" for v in exact]
    points += [
        f"{format_amount(v.value, v.low, v.high, v.qualifier)} by {v.as_of:%B %Y}"
        for v in shown_later
    ]
    last = (shown_later or exact)[-1].as_of
    end = format_date(last) if misleading else f"{last:%B %Y}"
    span = f"{format_date(days[0], year=not misleading)} to {end}"
    fig.alt_text = (
        f"Line chart of the number of people detained, as announced, from {span}: "
        + "; ".join(points)
        + ". The vertical axis starts at zero."
    )
    return fig


@responsive
def loaded_terms_totals_chart(
    articles: Sequence[Article] | None = None,
    *,
    misleading: bool = False,
    label: str | None = None,
    width: float = WIDTH,
) -> ChartFigure:
    """Loaded terms per article, ranked; misleading = raw counts, with no denominator (length).

    Examples
    --------
    >>> counts = loaded_terms_totals_chart(misleading=True)
    >>> [t.get_text() for t in counts.axes[0].get_yticklabels()][0]
    'Red Fire'
    >>> "per 1,000 words" in loaded_terms_totals_chart().alt_text
    True
    """
    articles = load_corpus() if articles is None else articles

    def measure(a: Article) -> float:
        n = len(a.loaded_terms)
        return n if misleading else 1000 * n / a.word_count

    ranked = sorted(articles, key=measure, reverse=True)
    narrow = is_narrow(width)
    unit = "loaded terms" if misleading else "loaded terms per 1,000 words"
    with chart_style():
        fig = new_figure(1.6 + 0.55 * len(articles), width)
        ax = fig.subplots()
        values = [measure(a) for a in ranked]
        bars = ax.barh(range(len(ranked)), values, color=OKABE_ITO["orange"], height=0.6)
        ax.bar_label(bars, [format_number(round(v, 1)) for v in values], padding=3, fontsize=11)
        ax.set_yticks(range(len(ranked)), [a.outlet_short for a in ranked])
        ax.invert_yaxis()
        ax.set_xlim(0, max(values) * 1.18)
        ax.set_xlabel(unit)
        ax.set_title("Loaded terms in each article" if not narrow else "Loaded terms")
        _stamp(fig, label)
    fig.alt_text = (
        f"Bar chart ranking the articles by {unit}: "
        + "; ".join(
            f"{a.outlet_short} {format_number(round(v, 1))}"
            for a, v in zip(ranked, values, strict=True)
        )
        + "."
    )
    return fig


CHARTS.update(
    {
        "kazakhstan_map": kazakhstan_map,
        "official_toll_honest": official_toll_chart,
        "official_toll_misleading": lambda: official_toll_chart(misleading=True),
        "detained_honest": detained_chart,
        "detained_misleading": lambda: detained_chart(misleading=True),
        "loaded_terms_honest": loaded_terms_totals_chart,
        "loaded_terms_misleading": lambda: loaded_terms_totals_chart(misleading=True),
    }
)
