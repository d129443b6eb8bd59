"""The two answer keys: the practice key that ships, and the instructors' key that never does.

* ``key.json`` (inside the package) holds salted hashes for the practice and extension items
  only. It is what self-check reads in class.
* ``instructor-key.json`` (beside the solutions, ``solutions/instructor-key.json``) holds the
  graded items' entries and the rubrics of the items graded by hand. It is built from the
  solutions by ``medialit exercises build``, left out of the wheel and the sdist, and removed
  from the Binder environment. The grader reads it; no student file carries it. An
  instructor's private folder of items gets one of its own.

Both use the same salt, so one scorer reads either; a grading key is their merge.

Examples
--------
>>> merged = merge_keys({"salt": "s", "questions": {"1.1": {}}},
...                     {"salt": "s", "questions": {"1.7": {}}, "rubrics": {"1.6": "..."}})
>>> sorted(merged["questions"]), merged["rubrics"]
(['1.1', '1.7'], {'1.6': '...'})
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

INSTRUCTOR_KEY_NAME = "instructor-key.json"


def key_path() -> Path:
    """Where the practice key (hashes only) ships: inside the package."""
    return Path(str(resources.files("medialit.exercises"))) / "key.json"


def repository_root() -> Path:
    """The checkout's top folder (where ``solutions/`` and ``exercises/`` live)."""
    return Path(__file__).resolve().parents[3]


def default_instructor_key() -> Path:
    """The instructors' key of the repository's graded items."""
    return repository_root() / "solutions" / INSTRUCTOR_KEY_NAME


def instructor_files() -> list[Path]:
    """Files a submission must not read while it is graded: the keys, the solutions, and the
    unseen texts' annotations and profiles (they say what the graded answers are)."""
    root = repository_root()
    files = [key_path(), default_instructor_key()]
    files += sorted((root / "solutions").glob("*.ipynb"))
    files += sorted(p for p in (root / "unseen").rglob("*.yaml"))
    return files


def read_key(path: Path, what: str = "answer key") -> dict:
    """Read a key file: ``{"salt": ..., "questions": {id: entry}, "rubrics": {...}}``."""
    path = Path(path)
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path}: the {what} is missing; run `medialit exercises build`"
        ) from None
    except ValueError as error:
        raise ValueError(f"{path}: the {what} is not valid JSON ({error})") from None
    if not isinstance(key.get("questions"), dict) or not isinstance(key.get("salt"), str):
        raise ValueError(f"{path}: not an answer key (no 'salt' and 'questions')")
    return key


@functools.lru_cache(maxsize=4)
def load_key(path: Path | None = None) -> dict:
    """The practice key (cached: self-check reads it often)."""
    return read_key(path or key_path())


def merge_keys(*keys: dict) -> dict:
    """One key from several with the same salt (practice, instructors', private)."""
    salts = {k["salt"] for k in keys}
    if len(salts) != 1:
        raise ValueError("these keys were built with different salts; rebuild them together")
    merged: dict = {"salt": salts.pop(), "questions": {}, "rubrics": {}}
    for key in keys:
        clash = set(merged["questions"]) & set(key["questions"])
        if clash:
            raise ValueError(f"two keys hold entries for the same questions: {sorted(clash)}")
        merged["questions"].update(key["questions"])
        merged["rubrics"].update(key.get("rubrics", {}))
    return merged


def grading_key(instructor: Path | None = None, extra: tuple[Path, ...] = ()) -> dict:
    """The key the grader uses: the practice key with the instructors' key (and private keys).

    Without an instructors' key the graded items cannot be scored; the grader then says so
    for each of them rather than failing.
    """
    keys = [load_key()]
    path = Path(instructor) if instructor else default_instructor_key()
    if instructor or path.is_file():
        keys.append(read_key(path, "instructors' key"))
    keys += [read_key(Path(p), "private key") for p in extra]
    return merge_keys(*keys)
