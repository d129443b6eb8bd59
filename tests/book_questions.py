"""The book's in-page questions, read from the pages' sources without building the book.

Each page's setup cell runs (without gluing numbers, which needs a book build), then each cell
that calls ``multiple_choice`` runs with a recorder in its place, so the questions are exactly
the ones the page shows, f-strings and all.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

BOOK = Path(__file__).resolve().parent.parent / "book"
CELL = re.compile(r"```\{code-cell\} ipython3\n(.*?)```", re.S)


@dataclass(frozen=True)
class BookQuestion:
    page: str
    prompt: str
    options: tuple[str, ...]
    key: int  # position of the right option

    @property
    def key_is_longest(self) -> bool:
        lengths = [len(o) for o in self.options]
        return len(set(lengths)) > 1 and lengths[self.key] == max(lengths)


def _without_glue(source: str) -> str:
    tree = ast.parse(source)
    tree.body = [
        node
        for node in tree.body
        if not (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == "glue_numbers"
        )
    ]
    return ast.unparse(tree)


def page_questions(path: Path) -> list[BookQuestion]:
    cells = [re.sub(r"^:tags:.*\n", "", c) for c in CELL.findall(path.read_text(encoding="utf-8"))]
    quiz = [c for c in cells if "multiple_choice(" in c]
    if not quiz:
        return []
    found: list[BookQuestion] = []

    def record(prompt, options):
        key = next(i for i, o in enumerate(options) if o.correct)
        found.append(BookQuestion(path.stem, prompt, tuple(o.text for o in options), key))

    namespace: dict = {}
    exec(_without_glue(cells[0]), namespace)
    namespace["multiple_choice"] = record
    for cell in quiz:
        exec(cell, namespace)
    return found


def book_questions() -> list[BookQuestion]:
    """Every in-page question of every page of the book."""
    return [q for path in sorted(BOOK.glob("*.md")) for q in page_questions(path)]
