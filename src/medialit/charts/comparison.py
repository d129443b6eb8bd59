"""What the outlets report for one quantity, against the reference values over time.

Examples
--------
>>> fig = figure_comparison("deaths")
>>> fig.alt_text.startswith("People killed")
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib as mpl

from medialit import compare
from medialit.charts.style import (
    GREY,
    STATUS_COLOURS,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    outlet_colour,
    outlet_label,
    responsive,
    short_label,
    wrap,
)
from medialit.corpus import Article, References, load_corpus, load_references
from medialit.formatting import format_date, format_number


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
        title = wrap(spec.label, 30) if narrow else spec.label
        fig.suptitle(title, fontsize=14 if narrow else 16, fontweight="bold", x=0.01, ha="left")
        if narrow:
            right.tick_params(labelleft=True)
        if silent:
            note = wrap("Not reported by " + ", ".join(silent), 40 if narrow else 26)
            left.set_xlabel(note, fontsize=10, color=GREY)
        if narrow:
            _room_above(fig, right)  # last: every title and label above changes the layout
    fig.alt_text = _comparison_alt(spec, rows, ref_values, current)
    return fig


def _room_above(fig, ax, tries: int = 12) -> None:
    """Raise the top of the axes' value range until every label drawn above a point ends
    inside the axes (how tall a label is in data units is known only once laid out)."""
    for _ in range(tries):
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        if all(t.get_window_extent(renderer).y1 <= ax.bbox.y1 - 2 for t in ax.texts):
            return
        bottom, top = ax.get_ylim()
        ax.set_ylim(bottom, bottom + (top - bottom) * 1.15)


def _value_ceiling(rows, ref_values) -> float:
    tops = [r.high for r in rows if not math.isinf(r.high)] + [r.low for r in rows]
    for v in ref_values:
        tops.extend(x for x in (v.value, v.low, v.high) if x is not None)
    return max(tops) if tops else 1.0


def _draw_outlets(ax, articles, reporting, rows, top, *, narrow: bool = False) -> None:
    ax.set_xlim(-0.6, max(len(reporting), 1) - 0.1)
    label = short_label if narrow else outlet_label
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
            label = wrap(label, 12)
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
        # On a phone eight dates share 360 px: each label stands upright on one line above its
        # point, narrower than its column (figure_comparison then makes room above).
        ax.annotate(
            label.replace("\n", " ") if narrow else label,
            (x, y),
            xytext=(0, 9),
            textcoords="offset points",
            fontsize=10,
            ha="center",
            va="bottom",
            rotation=90 if narrow else 0,
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
