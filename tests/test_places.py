"""The places file: coordinates inside the outline, mentions counted in the texts, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medialit.corpus import load_corpus, seeds_dir
from medialit.places import PlacesError, articles_mentioning, load_places, mentions


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


def _edit(folder: Path, change) -> None:
    path = folder / "places.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_every_place_lies_inside_the_outline_and_is_named_by_an_article():
    gazetteer = load_places()
    articles = load_corpus()
    assert len(gazetteer.places) == 8
    for place in gazetteer.places:
        assert gazetteer.outline.contains(place), place.name
        assert articles_mentioning(place, articles), place.name
        assert place.url.startswith("https://")


def test_outline_is_closed_and_covers_kazakhstan():
    outline = load_places().outline
    assert outline.points[0] == outline.points[-1]
    lons = [p[0] for p in outline.points]
    lats = [p[1] for p in outline.points]
    # Kazakhstan spans about 46.5 to 87.4 degrees east and 40.7 to 55.4 degrees north.
    assert (round(min(lons)), round(max(lons)), round(min(lats)), round(max(lats))) == (
        46,
        87,
        41,
        55,
    )
    assert "public domain" in outline.licence


def test_mentions_count_every_spelling_as_a_whole_word():
    almaty = load_places().place("Almaty")
    fsk = next(a for a in load_corpus() if a.id == "004")
    assert mentions(almaty, fsk) == fsk.text.count("Almaty") + fsk.text.count("Alma-Ata")


def test_a_place_outside_the_outline_is_refused(seeds_copy):
    _edit(seeds_copy, lambda d: d["places"][0].update(lat=30.0))
    with pytest.raises(
        PlacesError, match=r"places\[0\] \(Almaty\): lat/lon 30.0, 76.9 lie outside"
    ):
        load_places(seeds_copy)


def test_a_place_no_article_names_is_refused(seeds_copy):
    _edit(seeds_copy, lambda d: d["places"][3].update(names=["Karaganda"]))
    with pytest.raises(PlacesError, match=r"places\[3\] \(Aktau\): field 'names': no article"):
        load_places(seeds_copy)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["places"][1].pop("lat"), r"places\[1\]: field 'lat' missing"),
        (lambda d: d["places"][1].update(lat="north"), r"field 'lat': 'north' is not a number"),
        (lambda d: d["places"][1].update(refs=["XX-99"]), r"field 'refs': unknown reference"),
        (lambda d: d["places"][1].update(refs=[]), r"a capital needs the ledger entry"),
        (lambda d: d["places"][2].update(colour="red"), r"field 'colour' unknown"),
        (lambda d: d["outline"]["points"].pop(), r"outline: field 'points': a closed ring"),
        (lambda d: d["places"][2].update(url="www.x"), r"field 'url': expected an https"),
    ],
)
def test_bad_places_data_names_the_item_and_field(seeds_copy, change, message):
    _edit(seeds_copy, change)
    before = (seeds_copy / "places.yaml").read_bytes()
    with pytest.raises(PlacesError, match=message):
        load_places(seeds_copy)
    assert (seeds_copy / "places.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outline: [unclosed", r"places\.yaml: malformed YAML at line 1, column 19"),
        ("outline: {}\noutline: {}\n", r"places\.yaml: top level: field 'outline': given twice"),
    ],
    ids=["malformed", "key-twice"],
)
def test_an_unreadable_file_is_named(seeds_copy, text, message):
    (seeds_copy / "places.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PlacesError, match=message):
        load_places(seeds_copy)
