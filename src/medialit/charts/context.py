"""The context of the case: when the articles appeared among the events, and where.

:func:`timeline` sets the publication dates against the key events of ``story.yaml``;
:func:`kazakhstan_map` draws the places the articles name from ``places.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence

import matplotlib as mpl

from medialit import compare
from medialit.charts.style import (
    GREY,
    OKABE_ITO,
    WIDTH,
    ChartFigure,
    chart_style,
    is_narrow,
    new_figure,
    outlet_colour,
    responsive,
    wrap,
)
from medialit.corpus import Article, Story, load_corpus
from medialit.formatting import format_date
from medialit.places import articles_mentioning, load_places


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
    fit = functools.partial(wrap, width=24) if narrow else (lambda text: text)
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
                fit(f"{format_date(event.day, year=False, short=True)}: {event.label}"),
                GREY,
                right=event.day > middle,
                size=size,
            )
        for level, event in enumerate(later, start=len(shown) + 1):
            ax.plot([end], [level], ">", color=GREY, ms=8, clip_on=False)
            ax.annotate(
                fit(f"later, {format_date(event.day, short=True)}: {event.label}"),
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
                fit(
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
        ax.set_title(wrap(title, 30) if narrow else title, fontsize=13 if narrow else None)
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


# --------------------------------------------------------------------------- context map

# Neighbouring countries named around the map, at points outside Kazakhstan (lon, lat): they
# orient a reader who has never seen the country; they say nothing about the articles.
# The last field says whether a phone's smaller map has room for the label.
NEIGHBOUR_LABELS = (
    ("RUSSIA", 62.0, 55.6, True),
    ("CHINA", 85.5, 45.0, True),  # north enough to clear the Almaty label on a phone
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
        ax.set_title(wrap(title, 28) if narrow else title)
        note = "Dot size: how many articles name the place. ★ capital in January 2022."
        fig.text(
            0.01,
            0.01,
            wrap(note, 44) if narrow else note,
            fontsize=10,
            color="#333333",
            va="bottom",
        )
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
    # On a phone a label to the left of a crowded place reaches the next place west (Shymkent
    # into Zhanaozen): it goes under the dot instead.
    west = any(
        0 < place.lon - other.lon < 18 and abs(other.lat - place.lat) < 1.5 for other in places
    )
    if crowded and west and narrow:
        offset, ha, va = (0, -7), "center", "top"
    else:
        offset, ha, va = (-9 if crowded else 9, 0), "right" if crowded else "left", "center"
    ax.annotate(
        label,
        (place.lon, place.lat),
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
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
