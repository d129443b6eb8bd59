"""The machine's error rates: the matching rule, the counts, and a committed file that is fresh."""

from __future__ import annotations

import pytest

from medialit import machine_check
from medialit.corpus import get_article, load_corpus, shared_corpora_dir
from medialit.machine_check import ErrorRates, error_rates, load_measured, matched


def test_matching_pairs_each_span_once_by_largest_overlap():
    assert matched([(0, 10)], [(0, 3), (2, 10)]) == 1  # one gold span, two overlapping guesses
    assert matched([(0, 4), (5, 9)], [(3, 6)]) == 1  # one guess cannot find two spans
    assert matched([(0, 4)], [(4, 8)]) == 0  # touching is not overlapping
    assert matched([], [(0, 1)]) == 0


def test_rates_count_misses_and_false_alarms():
    rate = ErrorRates(annotated=20, listed=10, found=5)
    assert (rate.misses, rate.false_alarms) == (15, 5)
    assert (rate.miss_rate, rate.false_alarm_rate) == (0.75, 0.5)
    assert ErrorRates(0, 0, 0).miss_rate == 0.0


def test_seed_counts_are_pinned():
    rates = error_rates(load_corpus())
    assert [(r.annotated, r.listed, r.found) for r in rates.values()] == [
        (75, 75, 75),
        (75, 75, 71),
        (143, 132, 123),
    ]


def test_furniture_lines_are_not_scored():
    article = get_article("002")
    rates = error_rates([article])
    assert rates["figures"].misses == 0 and rates["figures"].false_alarms == 0


def test_committed_measurement_is_of_the_test_split():
    measured = load_measured()
    assert measured.split == "test" and measured.texts == 19
    assert measured.command.endswith("--write")
    for rate in measured.rates.values():
        assert 0 < rate.found <= min(rate.annotated, rate.listed)


@pytest.mark.skipif(shared_corpora_dir() is None, reason="needs ../shared/corpora (Wikinews)")
def test_committed_measurement_is_what_the_extractors_do_today():
    """Fails when the extractors change and the file was not re-measured: run the command."""
    fresh = machine_check.measure()
    committed = load_measured()
    assert fresh["texts"] == committed.texts
    assert {n: ErrorRates(**c) for n, c in fresh["rates"].items()} == committed.rates, (
        f"re-measure: {committed.command}"
    )


def test_without_the_shared_texts_the_command_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("MEDIALIT_SHARED_CORPORA", str(tmp_path / "missing"))
    monkeypatch.setattr(machine_check, "shared_corpora_dir", lambda: None)
    assert machine_check.main([]) == 2
    assert "not here" in capsys.readouterr().err
