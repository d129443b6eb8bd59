"""The learning objectives: one list per chapter, each with a stable id (``SRC-1``, ``NUM-3``...).

They live in ``objectives.yaml`` beside this module, the one place that lists them. The
chapters print them in their "After this chapter you can" lists; every exercise item names
the objective it tests (:attr:`medialit.exercises.bank.Question.objective`); lesson plans cite
them by id.

Examples
--------
>>> OBJECTIVES["NUM-3"].chapter, OBJECTIVES["NUM-3"].skill
(4, 'numeric_verification')
>>> [o.id for o in objectives_of(2)]
['ATT-1', 'ATT-2', 'ATT-3', 'ATT-4']
>>> objective_line(OBJECTIVES["SRC-2"])
'**SRC-2** check a byline and a date, and say what their absence means'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from medialit.safeyaml import load_yaml
from medialit.schema import SKILLS

_ID = re.compile(r"^[A-Z]{2,4}-\d+$")


@dataclass(frozen=True)
class Objective:
    """One thing a student can do after a chapter."""

    id: str
    chapter: int
    skill: str
    text: str


def objectives_path() -> Path:
    """Where the objectives ship: inside the package."""
    return Path(str(resources.files("medialit.exercises"))) / "objectives.yaml"


def load_objectives(path: Path | None = None) -> dict[str, Objective]:
    """Read and validate the objectives, in chapter order.

    Raises
    ------
    ValueError
        Naming the file, the chapter and the field of the first problem.
    """
    path = path or objectives_path()
    data = load_yaml(Path(path).read_text(encoding="utf-8"), str(path))
    objectives: dict[str, Objective] = {}
    for chapter, entries in (data.get("chapters") or {}).items():
        for i, entry in enumerate(entries):
            where = f"{path}: chapter {chapter}, objective {i + 1}"
            if set(entry) != {"id", "skill", "text"}:
                raise ValueError(f"{where}: needs exactly the fields id, skill and text")
            if not _ID.match(str(entry["id"])) or entry["id"] in objectives:
                raise ValueError(f"{where}: field 'id': {entry['id']!r} is malformed or repeated")
            if entry["skill"] not in SKILLS:
                raise ValueError(f"{where}: field 'skill': {entry['skill']!r} not in {SKILLS}")
            objectives[entry["id"]] = Objective(
                entry["id"], int(chapter), entry["skill"], " ".join(str(entry["text"]).split())
            )
    return objectives


OBJECTIVES = load_objectives()


def objectives_of(chapter: int) -> list[Objective]:
    """The objectives of one chapter, in the order the chapter lists them."""
    return [o for o in OBJECTIVES.values() if o.chapter == chapter]


def objective_line(objective: Objective) -> str:
    """How a chapter's list prints an objective (without the closing ';' or '.')."""
    return f"**{objective.id}** {objective.text}"
