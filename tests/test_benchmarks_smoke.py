"""The benchmark scripts run here on small inputs, so they cannot rot unnoticed.

The full runs (five articles with quantulum3; a 10 MB corpus) are in benchmarks/README.md.
"""

import doctest
import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def accuracy():
    return load("accuracy")


@pytest.fixture(scope="module")
def speed():
    return load("speed")


def test_accuracy_meets_its_targets_on_the_seeds(accuracy, capsys):
    status = accuracy.main(["--no-baseline", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["targets_met"]
    assert report["articles"] == ["000", "001", "002", "003", "004"]
    for name, target in accuracy.TARGETS.items():
        assert report["totals"][name]["f1"] >= target


def test_accuracy_with_the_quantulum3_baseline_on_one_article(accuracy, capsys):
    accuracy.main(["--articles", "000", "--json"])
    report = json.loads(capsys.readouterr().out)
    baseline = report["baseline"]["figures_quantulum3"]
    assert report["articles"] == ["000"]
    assert baseline["predicted"] > 0 and 0 <= baseline["f1"] <= 1
    text = accuracy.format_report(report)
    assert "figures: quantulum3" in text and "Matching rule:" in text


def test_speed_on_a_small_corpus_with_the_baseline(speed, capsys):
    speed.main(["--mb", "0.03", "--baseline-seconds", "0.2", "--repeat", "1", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["corpus_mb"] >= 0.03
    assert [row["size"] for row in report["scaling"]] == ["1x", "4x", "16x"]
    assert all(value > 0 for value in report["throughput_mb_s"].values())
    assert report["baseline"]["articles"] >= 1 and report["baseline"]["ratio"] > 0
    assert set(report["checks"]) == {
        "together >= 1 MB/s",
        "linear (exponent <= 1.15)",
        ">= 10x quantulum3",
    }


def test_speed_text_report(speed, capsys):
    speed.main(["--mb", "0.02", "--no-baseline"])
    out = capsys.readouterr().out
    assert "all three" in out and "time ~ size^k" in out
    assert "CPU seconds" in out and "best of" in out


def test_hostile_input_on_small_pieces(capsys):
    hostile = load("hostile_input")
    hostile.main(["--kb", "3", "--analyze-mb", "0.02", "--json"])
    report = json.loads(capsys.readouterr().out)
    rows = report["extractors"]["rows"]
    assert rows["news (baseline)"]["ratio"] == 1.0 and len(rows) == len(hostile.INPUTS) + 1
    assert rows["'said '"]["found_per_mb"] == 200_000
    assert report["analyze"]["said"]["status"] == 0 and report["analyze"]["said"]["peak_mb"] > 0
    assert "said / news" in hostile.format_report(report)


@pytest.mark.slow
def test_book_load_on_one_page_behind_fast_3g(book_html, tmp_path):
    """The Fast 3G benchmark, on one small page, once: it measures and writes its figures."""
    book_load = load("book_load")
    assert doctest.testmod(book_load).failed == 0
    report = tmp_path / "book_load.json"
    status = book_load.main(
        ["--site", str(book_html), "--pages", "glossary", "--repeat", "1", "--json", str(report)]
    )
    figures = json.loads(report.read_text(encoding="utf-8"))
    (page,) = figures["pages"]
    assert page["page"] == "glossary.html" and page["widget_views"] == 0
    assert 0 < page["first_contentful_paint_s"] <= page["loaded_s"]
    # gzip: fewer bytes travel than the page and its files weigh
    assert 0 < page["bytes_transferred"] < page["bytes_uncompressed"]
    assert page["baseline_first_contentful_paint_s"] > 0
    assert status == (1 if figures["missed"] else 0)
