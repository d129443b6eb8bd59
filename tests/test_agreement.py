"""The second, blind annotation of loaded terms (``corpora/agreement/``) loads and validates,
and ``benchmarks/agreement.py`` scores it against the first annotation.

The Wikinews texts live in ``../shared/corpora``; where that folder is absent, the tests that
need them skip with a message (the constructed texts are still validated).
"""

import doctest
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from medialit.corpus import load_annotations, load_references, shared_corpora_dir
from medialit.safeyaml import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
AGREEMENT = CORPORA / "agreement"
NO_SHARED = (
    "the shared corpora folder (../shared/corpora beside the checkout) is absent: the Wikinews "
    "texts of the agreement study cannot be read"
)


def manifest_entries() -> dict[str, dict]:
    text = (CORPORA / "manifest.yaml").read_text(encoding="utf-8")
    return {entry["id"]: entry for entry in load_yaml(text, "manifest.yaml")["texts"]}


SECOND = sorted(path.stem for path in AGREEMENT.glob("*.yaml"))


@pytest.fixture(scope="module")
def agreement():
    path = ROOT / "benchmarks" / "agreement.py"
    spec = importlib.util.spec_from_file_location("benchmark_agreement", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_study_covers_the_texts_its_rule_selects_and_no_test_text():
    entries = manifest_entries()
    dev_wikinews = [i for i, e in entries.items() if e["split"] == "dev" and i.startswith("wn-")]
    chosen = [f"dev-{n:02d}" for n in range(1, 11)] + dev_wikinews[3::4]
    assert sorted(chosen) == SECOND
    assert all(entries[i]["split"] == "dev" for i in SECOND)


@pytest.mark.parametrize("text_id", SECOND)
def test_a_second_annotation_loads_through_the_project_loader(text_id):
    entry = manifest_entries()[text_id]
    root = CORPORA if entry.get("constructed") else shared_corpora_dir()
    if root is None:
        pytest.skip(NO_SHARED)
    text = (root / entry["file"]).read_text(encoding="utf-8")
    loaded = load_annotations(text_id, text, CORPORA, load_references(), subfolder="agreement")
    for term in loaded["loaded_terms"]:
        assert text[term.span.start : term.span.end] == term.span.text
        assert (term.voice == "quoted") == bool(term.speaker), term.span.text
    # Only the loaded-term layer is part of the study.
    assert loaded["figures"] == loaded["attributions"] == loaded["labels"] == ()


def test_cohen_kappa_examples_run(agreement):
    assert doctest.testmod(agreement, raise_on_error=False).failed == 0


def test_the_script_prints_per_text_rows_and_the_pooled_line(agreement, capsys):
    if shared_corpora_dir() is None:
        pytest.skip(NO_SHARED)
    assert agreement.main([]) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()
            if line.split() and line.split()[0] in {*SECOND, "pooled"}}  # fmt: skip
    assert set(rows) == {*SECOND, "pooled"}
    for column in range(3):  # terms marked by A, by B, by the extractor
        assert int(rows["pooled"][column]) == sum(int(rows[i][column]) for i in SECOND)
    assert all(0 <= float(value) <= 1 for value in rows["pooled"][3:])


def test_the_pooled_counts_are_the_two_annotations(agreement, capsys):
    if shared_corpora_dir() is None:
        pytest.skip(NO_SHARED)
    texts = agreement.chosen_texts()
    agreement.main(["--json"])
    pooled = json.loads(capsys.readouterr().out)["pooled"]["pooled"]["a_vs_b"]["lenient"]
    assert pooled["annotated"] == sum(len(t.loaded_terms) for t in texts)
    assert pooled["predicted"] == sum(
        len(agreement.second_annotation(t).loaded_terms) for t in texts
    )
    # Lenient matching is one-to-one: never more matches than either side has terms.
    assert pooled["matched"] <= min(pooled["annotated"], pooled["predicted"])


def test_disagreements_name_text_and_quote(agreement, capsys):
    if shared_corpora_dir() is None:
        pytest.skip(NO_SHARED)
    assert agreement.main(["--disagreements"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split()[0] in SECOND for line in lines)
    assert all(line.split()[1] in {"A", "B", "differ"} for line in lines)
