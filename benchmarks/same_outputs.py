"""Check that a change to the extractors leaves their outputs byte for byte as they were.

Run from the repository root, once before the change and once after::

    .venv/bin/python benchmarks/same_outputs.py save /tmp/before.json
    .venv/bin/python benchmarks/same_outputs.py compare /tmp/before.json

It runs ``find_loaded_terms``, ``find_participant_labels`` and ``extract_figures`` on the seed
articles, every text of the development split, the texts in ``unseen/`` and the speed
benchmark's corpus (the seeds repeated to ``--mb`` megabytes), writes each result as JSON
(the dataclasses as dicts, keys sorted) and, with ``compare``, says which text and extractor
differ and how many bytes were compared. Exit status 1 when anything differs. The test split
is never read: it is only scored by ``accuracy.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

from medialit.corpus import load_corpus, load_texts, shared_corpora_dir
from medialit.extract.figures import extract_figures
from medialit.extract.language import find_loaded_terms, find_participant_labels

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import SEPARATOR, build_corpus

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "corpora" / "manifest.yaml"
UNSEEN = ROOT / "unseen"
EXTRACTORS: dict[str, Callable[[str], list]] = {
    "loaded_terms": find_loaded_terms,
    "participant_labels": find_participant_labels,
    "figures": extract_figures,
}


def texts(megabytes: float) -> Iterator[tuple[str, str]]:
    """(name, text) for every text checked: seeds, dev, unseen, the speed corpus."""
    for article in load_corpus():
        yield f"seeds/{article.id}", article.text
    if shared_corpora_dir() is None:
        sys.exit("same_outputs: ../shared/corpora is absent, so the dev texts cannot be read")
    for text in load_texts(MANIFEST, splits={"dev"}):
        yield f"dev/{text.id}", text.text
    for path in sorted(UNSEEN.glob("*.txt")):
        yield f"unseen/{path.name}", path.read_text(encoding="utf-8")
    yield f"speed/{megabytes}MB", SEPARATOR.join(build_corpus(megabytes))


def as_json(results: list) -> str:
    """The results of one extractor as JSON, keys sorted.

    Examples
    --------
    >>> as_json(find_loaded_terms("so-called reforms"))[:25]
    '[{"category": "doubt", "e'
    """
    return json.dumps([asdict(r) for r in results], sort_keys=True, ensure_ascii=False)


def outputs(megabytes: float) -> dict[str, str]:
    """Every extractor's JSON on every text, keyed ``text :: extractor``."""
    return {
        f"{name} :: {extractor}": as_json(extract(text))
        for name, text in texts(megabytes)
        for extractor, extract in EXTRACTORS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("file", type=Path, help="where the outputs are saved / compared from")
    parser.add_argument("--mb", type=float, default=1.0, help="size of the speed corpus")
    args = parser.parse_args(argv)
    now = outputs(args.mb)
    if args.action == "save":
        args.file.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        size = sum(len(v.encode("utf-8")) for v in now.values())
        print(f"saved {len(now)} outputs, {size:,} bytes of JSON, to {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    compared = sum(len(v.encode("utf-8")) for v in before.values())
    for key in differ:
        print(f"DIFFERS: {key}")
    print(
        f"{len(before)} outputs before, {len(now)} after; {compared:,} bytes of JSON compared; "
        f"{len(differ)} differ"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
