"""The places the articles mention, with their coordinates, and the outline of Kazakhstan.

The data sit in ``seeds/places.yaml``: an outline copied from Natural Earth (public domain) and,
for each city or town, its latitude and longitude with the page they were read from. Which
articles mention a place is not typed in: :func:`mentions` counts it in the article texts, so a
sixth article that names Aktau moves Aktau's count on the map.

Examples
--------
>>> gazetteer = load_places()
>>> gazetteer.outline.name, len(gazetteer.outline.points) > 100
('Kazakhstan', True)
>>> [p.name for p in gazetteer.places][:3]
['Almaty', 'Nur-Sultan', 'Zhanaozen']
>>> gazetteer.place("Almaty").names
('Almaty', 'Alma-Ata')
>>> gazetteer.outline.contains(gazetteer.place("Zhanaozen"))
True
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.corpus import Article, load_corpus, load_references, seeds_dir
from medialit.safeyaml import YAMLInputError, load_yaml

PLACES_FILE = "places.yaml"


class PlacesError(ValueError):
    """The places file is wrong; the message names the file, the item and the field."""


@dataclass(frozen=True)
class Place:
    """A city or town the articles mention."""

    name: str
    names: tuple[str, ...]  # every spelling the articles use, the map's label first
    lat: float
    lon: float
    source: str
    url: str
    capital: bool = False
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outline:
    """A country's border as one closed ring of (longitude, latitude) points."""

    name: str
    points: tuple[tuple[float, float], ...]
    source: str
    url: str
    licence: str

    def contains(self, place: Place) -> bool:
        """Whether the place lies inside the border (ray casting on the plain coordinates)."""
        inside = False
        ring = self.points
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > place.lat) != (y2 > place.lat):
                crossing = x1 + (place.lat - y1) * (x2 - x1) / (y2 - y1)
                if crossing > place.lon:
                    inside = not inside
        return inside


@dataclass(frozen=True)
class Gazetteer:
    """The outline and the places, in the order of the file."""

    outline: Outline
    places: tuple[Place, ...]

    def place(self, name: str) -> Place:
        """The place called ``name`` (its map label)."""
        for place in self.places:
            if place.name == name:
                return place
        raise KeyError(f"no place called {name!r} in {PLACES_FILE}")


def load_places(folder: Path | None = None, articles: Sequence[Article] | None = None) -> Gazetteer:
    """Read and check ``places.yaml``.

    Every coordinate must be a number in range, every place inside the outline, every ``refs``
    id in the reference ledger, and every place named by at least one article.

    Raises
    ------
    PlacesError
        Naming the file, the item and the field of the first problem.
    """
    folder = folder or seeds_dir()
    path = folder / PLACES_FILE
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), path.name)
    except YAMLInputError as error:
        raise PlacesError(str(error)) from None
    except OSError as error:
        raise PlacesError(f"{path.name}: cannot be read ({error})") from error
    if not isinstance(data, dict) or set(data) != {"outline", "places"}:
        raise PlacesError(f"{path.name}: top level needs exactly 'outline' and 'places'")
    outline = _outline(data["outline"], path.name)
    ledger = load_references(folder).entries
    places = tuple(
        _place(raw, f"{path.name}: places[{i}]", ledger) for i, raw in enumerate(data["places"])
    )
    texts = load_corpus(folder) if articles is None else articles
    for i, place in enumerate(places):
        where = f"{path.name}: places[{i}] ({place.name})"
        if not outline.contains(place):
            raise PlacesError(f"{where}: lat/lon {place.lat}, {place.lon} lie outside the outline")
        if not any(mentions(place, article) for article in texts):
            raise PlacesError(f"{where}: field 'names': no article mentions {list(place.names)}")
    return Gazetteer(outline, places)


def _fields(raw: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    if not isinstance(raw, dict):
        raise PlacesError(f"{where}: expected a mapping")
    missing = sorted(required - set(raw))
    if missing:
        raise PlacesError(f"{where}: field '{missing[0]}' missing")
    extra = sorted(set(raw) - required - optional)
    if extra:
        raise PlacesError(f"{where}: field '{extra[0]}' unknown (a typo?)")
    return raw


def _coordinate(value: Any, where: str, name: str, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise PlacesError(f"{where}: field '{name}': {value!r} is not a number within ±{limit}")
    return float(value)


def _outline(raw: Any, file: str) -> Outline:
    where = f"{file}: outline"
    fields = _fields(raw, where, {"name", "source", "url", "licence", "retrieved", "points"})
    points = []
    for i, point in enumerate(fields["points"] or []):
        if not isinstance(point, list) or len(point) != 2:
            raise PlacesError(f"{where}: field 'points' item {i}: expected [longitude, latitude]")
        lon = _coordinate(point[0], where, f"points[{i}] longitude", 180)
        lat = _coordinate(point[1], where, f"points[{i}] latitude", 90)
        points.append((lon, lat))
    if len(points) < 4 or points[0] != points[-1]:
        raise PlacesError(f"{where}: field 'points': a closed ring needs 4+ points, first = last")
    return Outline(
        str(fields["name"]),
        tuple(points),
        str(fields["source"]),
        str(fields["url"]),
        str(fields["licence"]),
    )


def _place(raw: Any, where: str, ledger: dict) -> Place:
    fields = _fields(
        raw, where, {"name", "names", "lat", "lon", "source", "url"}, {"capital", "refs"}
    )
    names = fields["names"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise PlacesError(f"{where}: field 'names': expected a list of the spellings used")
    refs = tuple(fields.get("refs") or ())
    for ref in refs:
        if ref not in ledger:
            raise PlacesError(f"{where}: field 'refs': unknown reference id {ref!r}")
    if fields.get("capital") and not refs:
        raise PlacesError(f"{where}: field 'refs': a capital needs the ledger entry that says so")
    if not str(fields["url"]).startswith("https://"):
        raise PlacesError(f"{where}: field 'url': expected an https:// address")
    return Place(
        name=str(fields["name"]),
        names=tuple(names),
        lat=_coordinate(fields["lat"], where, "lat", 90),
        lon=_coordinate(fields["lon"], where, "lon", 180),
        source=str(fields["source"]),
        url=str(fields["url"]),
        capital=bool(fields.get("capital", False)),
        refs=refs,
    )


def mentions(place: Place, article: Article) -> int:
    """How many times an article names the place, under any of its spellings (whole words).

    >>> almaty = load_places().place("Almaty")
    >>> mentions(almaty, load_corpus()[4]) >= 2  # the FSK text says Almaty and Alma-Ata
    True
    """
    pattern = r"\b(?:" + "|".join(re.escape(n) for n in place.names) + r")\b"
    return len(re.findall(pattern, article.text))


def articles_mentioning(place: Place, articles: Sequence[Article]) -> list[Article]:
    """The articles that name the place, in catalog order."""
    return [a for a in articles if mentions(place, a)]
