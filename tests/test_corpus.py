"""The corpus: byte-identical seeds, every annotation resolved, every bad input named."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from medialit.corpus import CorpusError, find_quote, load_corpus, load_references, seeds_dir

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# The articles are teaching material: they must stay exactly as published.
PINNED_SHA256 = {
    "000_82e6468a0daf2d9c.txt": "7ade0b8f25b6bf3dcceb35fb1edbb23b09b946b611ae190f17770a7a46d5c1fd",
    "001_08accbf28a224c07.txt": "2e7bf22223b75effbdcb15d004a0a4a44c69fe46e31937847d64ce133589dea8",
    "002_e83fa0ec37095518.txt": "d6a0005fd2197f1aca6e4e1ff1abfd2fe9fd3ae9c2286439c637b5b632d0e992",
    "003_0e5ec4742fbe5a91.txt": "c913e81a4fdda2904180919e274601a9438e0931430f9ca2a1e471608fab80d8",
    "004_12bead12c958d291.txt": "4d1f9222a855bf9a85a069882bb1781ad2e122aacb0f838223d2b675f92b82cf",
}


@pytest.mark.parametrize("name", sorted(PINNED_SHA256))
def test_seed_bytes_are_pinned(name):
    assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == PINNED_SHA256[name]


def test_seeds_match_shared_copy_when_present():
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for name in PINNED_SHA256:
        assert (SEEDS / name).read_bytes() == (shared / name).read_bytes(), name


def test_corpus_loads_five_articles_in_order():
    articles = load_corpus()
    assert [a.id for a in articles] == ["000", "001", "002", "003", "004"]
    assert {a.file for a in articles} == set(PINNED_SHA256)


def test_every_span_matches_the_text():
    for a in load_corpus():
        spans = [p.span for p in a.provenance]
        spans += [f.span for f in a.figures] + [t.span for t in a.loaded_terms]
        spans += [lab.span for lab in a.labels] + [i.span for i in a.issues]
        for att in a.attributions:
            spans += [s for s in (att.cue, att.source, att.content) if s is not None]
        for s in spans:
            assert a.text[s.start : s.end] == s.text, (a.id, s)


def test_every_article_has_each_kind_of_annotation():
    for a in load_corpus():
        assert a.figures and a.attributions and a.loaded_terms and a.labels, a.id


def test_figure_references_and_quantities_exist():
    refs = load_references()
    for a in load_corpus():
        for f in a.figures:
            assert set(f.references) <= set(refs.entries)
            assert f.quantity is None or f.quantity in refs.quantities


def test_references_cover_the_ledger():
    refs = load_references()
    # 86 entries of the first ledger, 28 added by the editorial audit (book/CHANGES.md), 11 for
    # the context primer and the Numbers and charts page (issue 11), 14 after the review of the
    # built book (citations that cited the wrong entry, prebunking research, glossary names), 2
    # for the prebunking page's claims about videos and about how long the effect lasts, 1 for
    # the founder of the Open Society Foundations.
    assert len(refs.entries) == 142
    # Every entry links its source, except the searches that found nothing.
    without_url = {r.id for r in refs.entries.values() if not r.url.startswith("http")}
    assert without_url == {"NG-01", "NX-01", "MS-10", "MS-15", "OU-08", "OU-09"}
    assert all("NOT" in refs.entries[i].value for i in without_url)
    assert refs.quantities["deaths"].current().value == 238
    assert refs.quantities["security_deaths"].current().value == 19
    retracted = [v.value for v in refs.quantities["deaths"].values if v.status == "retracted"]
    assert retracted == [164]


def test_find_quote_refuses_ambiguity():
    with pytest.raises(ValueError, match="occurs 2 times"):
        find_quote("a b a", "a")
    with pytest.raises(ValueError, match="occurrence 3"):
        find_quote("a b a", "a", occurrence=3)


# --------------------------------------------------------------------------- bad input


@pytest.fixture
def seeds_copy(tmp_path):
    """A writable copy of the seeds folder; tests break one thing in it."""
    dest = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), dest)
    return dest


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_error(folder: Path) -> str:
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    return str(info.value)


def test_quote_not_in_article(seeds_copy):
    def change(d):
        d["figures"][0]["quote"] = "a figure nobody wrote"

    edit_yaml(seeds_copy / "annotations" / "002.yaml", change)
    message = load_error(seeds_copy)
    assert "seeds/annotations/002.yaml: figures[0]" in message
    assert "field 'quote'" in message and "not found" in message


def test_unknown_category(seeds_copy):
    def change(d):
        d["loaded_terms"][0]["category"] = "propaganda"

    edit_yaml(seeds_copy / "annotations" / "001.yaml", change)
    message = load_error(seeds_copy)
    assert "annotations/001.yaml: loaded_terms[0]" in message
    assert "field 'category'" in message and "'propaganda'" in message


def test_missing_field(seeds_copy):
    def change(d):
        del d["attributions"][1]["source_type"]

    edit_yaml(seeds_copy / "annotations" / "003.yaml", change)
    message = load_error(seeds_copy)
    assert "attributions[1]" in message and "field 'source_type': missing" in message


def test_unknown_field_is_refused(seeds_copy):
    def change(d):
        d["figures"][0]["vaule"] = 3

    edit_yaml(seeds_copy / "annotations" / "000.yaml", change)
    assert "field 'vaule': unknown field" in load_error(seeds_copy)


def test_unknown_reference_id(seeds_copy):
    def change(d):
        d["issues"][0]["references"] = ["XX-99"]

    edit_yaml(seeds_copy / "annotations" / "003.yaml", change)
    message = load_error(seeds_copy)
    assert "issues[0]" in message and "'XX-99'" in message


def test_ambiguous_quote_needs_occurrence(seeds_copy):
    def change(d):
        d["labels"].append(
            {
                "quote": "Kazakhstan",
                "refers_to": "participants",
                "label": "people",
                "voice": "outlet",
            }
        )

    edit_yaml(seeds_copy / "annotations" / "003.yaml", change)
    message = load_error(seeds_copy)
    assert "labels[" in message and "add 'occurrence'" in message


def test_sha256_mismatch(seeds_copy):
    path = seeds_copy / "000_82e6468a0daf2d9c.txt"
    path.write_bytes(path.read_bytes() + b" ")
    message = load_error(seeds_copy)
    assert "seeds/catalog.yaml: articles[0] (id '000'): field 'sha256'" in message


def test_malformed_yaml(seeds_copy):
    path = seeds_copy / "annotations" / "004.yaml"
    path.write_text("article: '004'\nfigures: [\n  - quote: x\n", encoding="utf-8")
    message = load_error(seeds_copy)
    assert "seeds/annotations/004.yaml: malformed YAML at line" in message


def test_missing_annotation_file(seeds_copy):
    (seeds_copy / "annotations" / "004.yaml").unlink()
    assert "seeds/annotations/004.yaml: file not found" in load_error(seeds_copy)


def test_wrong_article_id_in_annotation(seeds_copy):
    edit_yaml(seeds_copy / "annotations" / "004.yaml", lambda d: d.update(article="003"))
    assert "field 'article': says '003'" in load_error(seeds_copy)


def test_bad_input_leaves_files_unchanged(seeds_copy):
    target = seeds_copy / "annotations" / "002.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n: : :\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in seeds_copy.rglob("*") if p.is_file()}
    load_error(seeds_copy)
    assert before == {p: p.read_bytes() for p in seeds_copy.rglob("*") if p.is_file()}


def test_validate_command_exit_codes(seeds_copy):
    ok = subprocess.run(
        [sys.executable, "-m", "medialit.corpus"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0 and "ok: 5 articles valid" in ok.stdout
    (seeds_copy / "catalog.yaml").write_text("articles: 3\n", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "medialit.corpus", str(seeds_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: seeds/catalog.yaml: top level: field 'articles'")
    assert "Traceback" not in bad.stderr


# --------------------------------------------------------------------------- packaging


@pytest.mark.slow
def test_wheel_ships_the_data(tmp_path):
    """Build the wheel, unpack it alone, and load the corpus from another directory."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("medialit-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(target)!r})
        import medialit
        from medialit.corpus import load_corpus, seeds_dir
        assert medialit.__file__.startswith({str(target)!r}), medialit.__file__
        assert str(seeds_dir()).startswith({str(target)!r}), seeds_dir()
        print(len(load_corpus()))
        """
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "5"


def test_measure_units_must_match_the_quantity(seeds_copy):
    def change(d):
        figure = next(f for f in d["figures"] if f.get("quantity") == "emergency_days")
        figure.update(value=2, unit="weeks")

    edit_yaml(seeds_copy / "annotations" / "001.yaml", change)
    message = load_error(seeds_copy)
    assert "field 'unit': 'weeks' differs from the unit of 'emergency_days': 'days'" in message


# Pinned so that any change to the annotations is seen (and the book's numbers with it).
ANNOTATION_COUNTS = {
    # id: (figures, attributions, loaded terms, labels, issues, provenance notes)
    "000": (7, 5, 14, 12, 11, 1),
    "001": (20, 19, 62, 10, 21, 4),
    "002": (14, 21, 8, 16, 5, 3),
    "003": (15, 16, 28, 20, 6, 6),
    "004": (19, 14, 31, 15, 19, 4),
}


def test_annotation_counts_are_pinned():
    counts = {
        a.id: (
            len(a.figures),
            len(a.attributions),
            len(a.loaded_terms),
            len(a.labels),
            len(a.issues),
            len(a.provenance),
        )
        for a in load_corpus()
    }
    assert counts == ANNOTATION_COUNTS


# --------------------------------------------------------------------------- story, splits, keys


def test_a_split_outside_the_scheme_is_refused(seeds_copy):
    edit_yaml(seeds_copy / "catalog.yaml", lambda d: d["articles"][1].update(split="train"))
    message = load_error(seeds_copy)
    assert "articles[1] (id '001'): field 'split': unknown value 'train'" in message


def test_every_case_article_is_in_the_case_split():
    assert {a.split for a in load_corpus()} == {"case"}


def test_story_events_need_a_known_dated_reference(seeds_copy):
    edit_yaml(seeds_copy / "story.yaml", lambda d: d["events"][0].update(ref="XX-01"))
    assert "story.yaml: events[0]: field 'ref': unknown reference id 'XX-01'" in load_error(
        seeds_copy
    )


def test_story_series_are_the_listed_reference_values_in_date_order():
    from medialit.corpus import load_story

    story = load_story()
    toll = story.chart_series("official_toll")
    assert toll.quantity == "deaths"
    assert [(v.ref, v.value, str(v.as_of)) for v in toll.values] == [
        ("DT-03", 225, "2022-01-15"),
        ("DT-04", 230, "2022-03-14"),
        ("DT-08", 238, "2022-08-16"),
    ]
    detained = story.chart_series("detained")
    assert [v.ref for v in detained.values] == ["DE-01", "DE-02", "DE-03", "DE-04"]
    with pytest.raises(KeyError) as info:
        story.chart_series("nope")
    assert "no series 'nope' in story.yaml; known: official_toll, detained" in str(info.value)


def test_story_series_values_are_sorted_by_date_whatever_their_order_in_the_file(seeds_copy):
    from medialit.corpus import _load_story

    edit_yaml(seeds_copy / "story.yaml", lambda d: d["series"][0]["values"].reverse())
    values = _load_story(seeds_copy).chart_series("official_toll").values
    assert [v.ref for v in values] == ["DT-03", "DT-04", "DT-08"]


def _break_series(change):
    def edit(d):
        change(d["series"][0])

    return edit


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            _break_series(lambda s: s.update(quantity="dead")),
            "story.yaml: series[0]: field 'quantity': unknown quantity 'dead' "
            "(not in references.yaml)",
        ),
        (
            _break_series(lambda s: s["values"].append("XX-01")),
            "story.yaml: series[0]: field 'values': unknown reference id 'XX-01' "
            "(not in references.yaml)",
        ),
        (
            # a ledger entry that exists, but is no value of this quantity
            _break_series(lambda s: s["values"].append("DE-01")),
            "story.yaml: series[0]: field 'values': DE-01 is not one value of quantity 'deaths'",
        ),
        (
            _break_series(lambda s: s["values"].append("DT-03")),
            "story.yaml: series[0]: field 'values': DT-03 is listed twice",
        ),
        (
            _break_series(lambda s: s.update(values=[])),
            "story.yaml: series[0]: field 'values': must not be empty",
        ),
        (
            _break_series(lambda s: s.update(colour="red")),
            "story.yaml: series[0]: field 'colour': unknown field (a typo?)",
        ),
        (
            lambda d: d["series"].append(dict(d["series"][1])),
            "story.yaml: series[2]: field 'key': duplicate key 'detained'",
        ),
    ],
    ids=[
        "unknown-quantity",
        "unknown-id",
        "id-of-another-quantity",
        "duplicate-id",
        "empty",
        "unknown-field",
        "duplicate-key",
    ],
)
def test_a_bad_story_series_is_refused_naming_file_item_and_field(seeds_copy, change, message):
    edit_yaml(seeds_copy / "story.yaml", change)
    assert message in load_error(seeds_copy)


def test_a_series_value_without_a_date_is_refused(seeds_copy):
    def undate(d):
        (value,) = [v for v in d["quantities"]["deaths"]["values"] if v["ref"] == "DT-04"]
        del value["as_of"]

    edit_yaml(seeds_copy / "references.yaml", undate)
    assert (
        "story.yaml: series[0]: field 'values': DT-04 has no date to plot it at (as_of)"
        in load_error(seeds_copy)
    )


def test_a_rendering_must_name_a_known_statement(seeds_copy):
    def change(d):
        d["renderings"][0]["statement"] = "nobody_said_this"

    edit_yaml(seeds_copy / "annotations" / "002.yaml", change)
    message = load_error(seeds_copy)
    assert "annotations/002.yaml: renderings[0]" in message
    assert "unknown statement 'nobody_said_this'" in message


def test_a_statement_rendered_twice_is_refused(seeds_copy):
    edit_yaml(
        seeds_copy / "annotations" / "002.yaml",
        lambda d: d["renderings"].append(dict(d["renderings"][0])),
    )
    assert "is rendered twice" in load_error(seeds_copy)


def test_renderings_anchor_sentences_of_their_articles():
    articles = load_corpus()
    rendered = {(a.id, r.statement) for a in articles for r in a.renderings}
    assert ("004", "tokayev_terrorists") in rendered and ("004", "csto_troops") not in rendered
    for a in articles:
        for r in a.renderings:
            assert a.text[r.span.start : r.span.end] == r.span.text


def test_figure_keys_are_unique_across_the_corpus(seeds_copy):
    edit_yaml(
        seeds_copy / "annotations" / "002.yaml",
        lambda d: d["figures"][0].update(key="dozens_dead"),
    )
    message = load_error(seeds_copy)
    assert "figure key 'dozens_dead' is already used in article '000'" in message


def test_reference_dates_keep_the_precision_of_their_source():
    """A value "as of December 2022" is not "31 December 2022": issue 10 of the review."""
    quantities = load_references().quantities
    (later,) = [v for v in quantities["detained"].values if v.ref == "DE-04"]
    assert later.as_of.precision == "month" and later.as_of.isoformat() == "2022-12-31"
    (zhanaozen,) = [v for v in quantities["zhanaozen_2011_deaths"].values if v.ref == "ZH-02"]
    assert zhanaozen.as_of.precision == "year"
    (first,) = [v for v in quantities["deaths"].values if v.ref == "DT-01"]
    assert first.as_of.precision == "day"


def test_a_reference_date_that_is_no_date_names_the_value(seeds_copy):
    def change(d):
        d["quantities"]["detained"]["values"][3]["as_of"] = "late 2022"

    edit_yaml(seeds_copy / "references.yaml", change)
    message = load_error(seeds_copy)
    assert "seeds/references.yaml: quantities.detained.values[3]: field 'as_of'" in message
    assert "expected YYYY, YYYY-MM or YYYY-MM-DD" in message


def test_reference_keys_are_unique_and_entry_keys_say_how_to_print(seeds_copy):
    path = seeds_copy / "references.yaml"
    edit_yaml(path, lambda d: d["quantities"]["detained"]["values"][0].update(key="deaths_final"))
    message = load_error(seeds_copy)
    assert "'deaths_final' is already used by quantities.deaths value from DT-08" in message

    edit_yaml(path, lambda d: d["quantities"]["detained"]["values"][0].update(key="detained_first"))
    edit_yaml(path, lambda d: d["references"][0].update(key="first_toll"))
    message = load_error(seeds_copy)
    assert "references[0]: field 'key': 'first_toll' must start with one of date_" in message


def test_the_validator_has_a_usage_line_and_help_exits_zero():
    """``--help`` was read as a seeds folder ("--help/references.yaml: file not found")."""
    run = subprocess.run(
        [sys.executable, "-m", "medialit.corpus", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: python -m medialit.corpus [-h] [seeds]")
    assert "file not found" not in run.stdout + run.stderr


def test_figure_by_key_finds_the_annotated_figure():
    from medialit.corpus import figure_by_key

    assert figure_by_key("ngos_claimed").value == 16000
    with pytest.raises(KeyError, match="no annotated figure has key 'nope'"):
        figure_by_key("nope")


# --------------------------------------------------------------------------- other collections


def write_manifest(folder: Path, entries: list[dict]) -> Path:
    (folder / "annotations").mkdir(parents=True, exist_ok=True)
    path = folder / "manifest.yaml"
    path.write_text(yaml.safe_dump({"texts": entries}, sort_keys=False), encoding="utf-8")
    return path


def empty_annotations(folder: Path, text_id: str, **lists) -> None:
    data = {"article": text_id, "figures": [], "attributions": [], "loaded_terms": []}
    data |= {"labels": [], "issues": []} | lists
    (folder / "annotations" / f"{text_id}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def collected_entry(text_id: str, file: str, data: bytes, **extra) -> dict:
    import hashlib

    return {
        "id": text_id,
        "file": file,
        "sha256": hashlib.sha256(data).hexdigest(),
        "split": "dev",
        "title": "A text",
        "published": "2020-01-02",
        **extra,
    }


def test_load_texts_reads_shared_and_constructed_texts(tmp_path):
    from medialit.corpus import load_texts

    shared, project = tmp_path / "shared", tmp_path / "project"
    (shared / "news").mkdir(parents=True)
    third_party = b"The minister said 12 people were hurt.\n"
    (shared / "news" / "a.txt").write_bytes(third_party)
    project.mkdir()
    ours = b"Q: How many?\nMINISTER: Twelve.\n"
    (project / "ours.txt").write_bytes(ours)
    manifest = write_manifest(
        project,
        [
            collected_entry("a", "news/a.txt", third_party, split="test", topic="health"),
            collected_entry("b", "ours.txt", ours, constructed=True),
        ],
    )
    empty_annotations(project, "a", figures=[{"quote": "12", "kind": "count", "value": 12,
                      "qualifier": "exact", "unit": "people", "counts": "hurt",
                      "source": "the minister"}])  # fmt: skip
    empty_annotations(project, "b")
    texts = load_texts(manifest, shared)
    assert [(t.id, t.split, t.constructed) for t in texts] == [
        ("a", "test", False),
        ("b", "dev", True),
    ]
    assert texts[0].figures[0].span.text == "12"
    assert (texts[0].topic, texts[1].topic) == ("health", "")
    assert [t.id for t in load_texts(manifest, shared, splits={"dev"})] == ["b"]


@pytest.mark.parametrize("file", ["../outside.txt", "/etc/hostname"])
def test_load_texts_confines_files_to_their_folder(tmp_path, file):
    from medialit.corpus import load_texts

    (tmp_path / "outside.txt").write_text("x")
    project = tmp_path / "project"
    manifest = write_manifest(project, [collected_entry("b", file, b"x", constructed=True)])
    with pytest.raises(CorpusError, match=r"texts\[0\] \(id 'b'\): field 'file': .* lies outside"):
        load_texts(manifest, tmp_path)
