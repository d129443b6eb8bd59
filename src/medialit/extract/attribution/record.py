"""The record of one attribution found in a text (``Attribution``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a text.

    Attributes
    ----------
    cue_start, cue_end : int
        Character offsets of the cue: ``text[cue_start:cue_end] == self.cue``.
    cue : str
        The verb or phrase that marks the attribution ("said", "according to").
    source_start, source_end : int or None
        Offsets of the source mention, None when there is none ("reportedly").
    source : str
        The source as written ("Leonid Kalashnikov, a Russian lawmaker"), or "".
    source_type : str
        One of ``SOURCE_TYPES``.
    direct : bool
        True when the attributed words are given in quotation marks.
    source_name : str
        Who the source is, resolved: a pronoun to the person it stands for, a surname to the
        full name given earlier ("he" -> "Kassym-Jomart Tokayev"); "" when there is none.
    """

    cue_start: int
    cue_end: int
    cue: str
    source_start: int | None
    source_end: int | None
    source: str
    source_type: str
    direct: bool
    source_name: str = ""

    def to_dict(self) -> dict:
        """Return the attribution as a plain dict, ready for JSON.

        Examples
        --------
        >>> from medialit.extract.attribution import extract_attributions
        >>> extract_attributions("Lebedev said.")[0].to_dict()["source"]
        'Lebedev'
        """
        return asdict(self)
