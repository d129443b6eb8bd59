"""What a notebook visibly assigns to each answer, to check the values its process reports.

The values come from the notebook's own process, which the notebook's code controls, so the
grader checks them against the notebook's text: where every assignment to ``answer_1_1`` is a
literal (``answer_1_1 = "b"``), the reported value must be one of those literals; where the
notebook never assigns the name at all, a reported value is not believed. A computed answer
(``answer_4_2 = round(x / y)``) cannot be checked this way and is scored as reported; the key
never reaches the notebook, so it can only report what it computed or what its author knows.

Examples
--------
>>> cells = ["answer_1_1 = 'b'", "x = 2\\nanswer_1_2 = x * 8", "answer_1_4 = ..."]
>>> visible = visible_answers(cells, ["answer_1_1", "answer_1_2", "answer_1_3", "answer_1_4"])
>>> visible["answer_1_1"].literals, visible["answer_1_2"].literals
(('b',), None)
>>> visible["answer_1_3"].assigned, visible["answer_1_4"].literals
(False, (Ellipsis,))
>>> agrees(visible["answer_1_1"], "b"), agrees(visible["answer_1_1"], "c")
(True, False)
>>> agrees(visible["answer_1_2"], 16)
True
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from medialit.exercises.answers import AnswerError, canonical
from medialit.exercises.sandbox import strip_magics


@dataclass(frozen=True)
class VisibleAnswer:
    """How the notebook's code binds one answer name.

    ``assigned`` says the name is bound somewhere; ``literals`` holds the values of its
    bindings when every one of them is a literal (else None: the value is computed).
    """

    assigned: bool
    literals: tuple[Any, ...] | None


_NOT_LITERAL = object()


def visible_answers(cells: Iterable[str], names: Iterable[str]) -> dict[str, VisibleAnswer]:
    """For each answer name, how the cells bind it."""
    wanted = set(names)
    bindings: dict[str, list[Any]] = {name: [] for name in wanted}
    for source in cells:
        for name, value in _bindings(source, wanted):
            bindings[name].append(value)
    result = {}
    for name, values in bindings.items():
        literal = values and all(v is not _NOT_LITERAL for v in values)
        result[name] = VisibleAnswer(bool(values), tuple(values) if literal else None)
    return result


def agrees(visible: VisibleAnswer, value: Any) -> bool:
    """Whether a reported value is one the notebook's text can give the name."""
    if not visible.assigned:
        return False
    if visible.literals is None:
        return True
    return _comparable(value) in {_comparable(v) for v in visible.literals}


def _comparable(value: Any) -> str:
    if value is ...:
        return "<blank>"
    try:
        return canonical(value)
    except (AnswerError, TypeError, ValueError, RecursionError):
        return f"<{type(value).__name__}>"


def _bindings(source: str, wanted: set[str]) -> list[tuple[str, Any]]:
    """``(name, literal value or _NOT_LITERAL)`` for each binding of a wanted name in a cell."""
    try:
        tree = ast.parse(strip_magics(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # It will not run either; if it names an answer, count that as a computed binding.
        return [(name, _NOT_LITERAL) for name in wanted if name in source]
    nodes = list(ast.walk(tree))
    found: list[tuple[str, Any]] = []
    plain: set[int] = set()  # Name nodes an assignment statement binds directly
    for node in nodes:
        if isinstance(node, ast.Assign):
            targets = [t for t in node.targets if _named(t, wanted)]
            found += [(t.id, _literal(node.value)) for t in targets]
        elif isinstance(node, ast.AnnAssign) and _named(node.target, wanted):
            targets = [node.target]
            found.append((node.target.id, _literal(node.value) if node.value else _NOT_LITERAL))
        else:
            continue
        plain |= {id(t) for t in targets}
    for node in nodes:
        found += [(name, _NOT_LITERAL) for name in _other_bindings(node, wanted, plain)]
    return found


def _other_bindings(node: ast.AST, wanted: set[str], plain: set[int]) -> list[str]:
    """Names bound otherwise: loops, augmented assignment, walrus, del, unpacking, def, import."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        return [node.id] if node.id in wanted and id(node) not in plain else []
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name] if node.name in wanted else []
    if isinstance(node, ast.alias):
        bound = node.asname or node.name.split(".")[0]
        return [bound] if bound in wanted else []
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and _namespace(node):
        key = node.slice
        return [key.value] if isinstance(key, ast.Constant) and key.value in wanted else []
    return []


def _namespace(node: ast.Subscript) -> bool:
    """``globals()[...]``, ``vars()[...]`` or ``locals()[...]``."""
    call = node.value
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in ("globals", "vars", "locals")
    )


def _named(target: ast.AST, wanted: set[str]) -> bool:
    return isinstance(target, ast.Name) and target.id in wanted


def _literal(value: ast.AST) -> Any:
    try:
        return ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _NOT_LITERAL
