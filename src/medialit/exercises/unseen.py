"""The unseen texts' profiles: what each text is for and every claim in it a student could check.

The texts and their annotations are loaded by :func:`medialit.corpus.load_texts` like any
collection; ``profiles.yaml`` beside the manifest adds, for each text, its style and how far
it deserves trust (:data:`medialit.schema.TEXT_STYLES`, :data:`~medialit.schema.RELIABILITY`),
what it is about, the traces of where it came from, and its checkable claims with their verdict
and evidence (ledger ids for real events, other unseen texts for the invented ones). This is
instructors' material: it says what the graded answers are, and it never ships.

Examples
--------
>>> from medialit.corpus import Span
>>> Claim(Span(0, 2, "ab"), "supported", ("DE-01",), False, "").planted
False
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medialit.corpus import CollectedText, CorpusError, Span, find_quote, load_references
from medialit.safeyaml import YAMLInputError, load_yaml
from medialit.schema import CLAIM_VERDICTS, PROVENANCE_KINDS, RELIABILITY, TEXT_STYLES


@dataclass(frozen=True)
class Claim:
    """A checkable statement of an unseen text, with its verdict and the evidence for it."""

    span: Span
    verdict: str
    evidence: tuple[str, ...]
    planted: bool
    note: str


@dataclass(frozen=True)
class Trace:
    """A mark in a text of where it came from (page furniture, machine translation...)."""

    span: Span
    kind: str
    note: str


@dataclass(frozen=True)
class Profile:
    """What an unseen text is for."""

    text: CollectedText
    style: str
    reliability: str
    event: str
    transfer: bool
    claims: tuple[Claim, ...]
    traces: tuple[Trace, ...]


def load_profiles(path: Path, texts: list[CollectedText]) -> dict[str, Profile]:
    """Read and validate ``profiles.yaml`` against the loaded texts and the reference ledger.

    Raises
    ------
    CorpusError
        Naming the file, the text and the field of the first problem.
    """
    by_id = {t.id: t for t in texts}
    ledger = load_references().entries
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"), str(path)) or {}
    except YAMLInputError as error:
        raise CorpusError(str(error)) from None
    raw_texts = data.get("texts") or {}
    missing = sorted(set(by_id) - set(raw_texts))
    if missing:
        raise CorpusError(f"{path}: no profile for the texts {missing}")
    profiles = {}
    for text_id, raw in raw_texts.items():
        where = f"{path}: texts.{text_id}"
        if text_id not in by_id:
            raise CorpusError(f"{where}: no such text in the manifest")
        text = by_id[text_id]
        field = _field(where, raw)
        claims = tuple(
            _claim(f"{where}.claims[{i}]", c, text, ledger, by_id)
            for i, c in enumerate(field("claims", list))
        )
        traces = tuple(
            _trace(f"{where}.traces[{i}]", t, text) for i, t in enumerate(raw.get("traces", []))
        )
        profiles[text_id] = Profile(
            text=text,
            style=_choice(where, "style", field("style", str), TEXT_STYLES),
            reliability=_choice(where, "reliability", field("reliability", str), RELIABILITY),
            event=field("event", str),
            transfer=field("transfer", bool),
            claims=claims,
            traces=traces,
        )
    return profiles


def _field(where: str, raw: dict):
    def get(name: str, kind: type):
        value = raw.get(name)
        if not isinstance(value, kind):
            raise CorpusError(f"{where}: field {name!r} is missing or not a {kind.__name__}")
        return value

    return get


def _choice(where: str, name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise CorpusError(f"{where}: field {name!r}: {value!r} is not one of {choices}")
    return value


def _span(where: str, raw: dict, text: CollectedText) -> Span:
    try:
        return find_quote(text.text, str(raw.get("quote", "")), raw.get("occurrence"))
    except (CorpusError, ValueError) as error:
        raise CorpusError(f"{where}: field 'quote': {error}") from None


def _claim(where, raw, text, ledger, texts) -> Claim:
    evidence = tuple(raw.get("evidence") or ())
    unknown = [e for e in evidence if e not in ledger and e not in texts]
    if not evidence or unknown:
        raise CorpusError(f"{where}: field 'evidence': give ledger or text ids (unknown {unknown})")
    return Claim(
        span=_span(where, raw, text),
        verdict=_choice(where, "verdict", raw.get("verdict"), CLAIM_VERDICTS),
        evidence=evidence,
        planted=bool(raw.get("planted", False)),
        note=str(raw.get("note", "")),
    )


def _trace(where, raw, text) -> Trace:
    return Trace(
        span=_span(where, raw, text),
        kind=_choice(where, "kind", raw.get("kind"), PROVENANCE_KINDS),
        note=str(raw.get("note", "")),
    )
