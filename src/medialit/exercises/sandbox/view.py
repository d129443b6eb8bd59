"""What a notebook may read while it is graded: Python, the kit's modules and data, nothing else.

The fork server works this out once, from where Python and the package are installed, as
an allowlist that two layers use independently:

- the **mount namespace** shows only the ``binds`` (read-only) in the notebook's private
  root, and covers each of the ``hidden`` files (the keys, the solutions and the unseen
  texts' annotations, where one lies inside a shown folder: the practice key does) with an
  empty one;
- **Landlock** lets the notebook open only what the ``rules`` name. The package folder is
  granted file by file (its Python modules, its YAML data such as the lexicon, and its
  ``seeds`` folder), so the answer key, which lives in the package but is neither, stays
  unreadable even where the package sits inside a folder that is otherwise readable
  (``site-packages``). A file added to the package later is unreadable until it is one of these.

``solutions/`` (with the instructors' key), ``unseen/``, the submissions, the grader's files
and ``/proc`` are in neither.

Examples
--------
>>> view = child_view()
>>> any(path.endswith("key.json") for path in view.hidden)
True
>>> [r for r in view.rules if r.path.endswith("key.json")]
[]
>>> sorted({r.access for r in view.rules}) <= ["dir", "file", "tree"]
True
"""

from __future__ import annotations

import os
import site
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import medialit
from medialit.exercises.keys import instructor_files

PACKAGE_SUFFIXES = (".py", ".pyc", ".yaml")  # modules and data files the notebooks may read
PACKAGE_DATA = ("seeds",)  # folders inside the installed package the notebooks read
SYSTEM_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")  # merged-/usr links
SYSTEM_FILES = ("/etc/ld.so.cache",)  # the dynamic loader's index of shared libraries


@dataclass(frozen=True)
class Rule:
    """One Landlock read rule: ``tree`` (everything beneath), ``dir`` (list it), ``file``."""

    path: str
    access: str


@dataclass(frozen=True)
class ChildView:
    """The notebook's file system: read-only binds and rules, and where its own folder goes."""

    binds: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    hidden: tuple[str, ...]
    rules: tuple[Rule, ...]
    folder: str = "/tmp"


def notebook_folder(binds: tuple[str, ...]) -> str:
    """``/tmp``, unless something shown lives there (a checkout under /tmp), which it would hide.

    >>> notebook_folder(("/usr", "/home/ann/.venv")), notebook_folder(("/tmp/x/.venv",))
    ('/tmp', '/medialit-notebook')
    """
    clash = any(b == "/tmp" or b.startswith("/tmp/") for b in binds)
    return "/medialit-notebook" if clash else "/tmp"


def package_dir() -> Path:
    """The installed ``medialit`` package folder."""
    return Path(medialit.__file__).resolve().parent


def seeds_dirs() -> list[Path]:
    """Where the seed data lives: inside the package (a wheel) or beside it (a checkout)."""
    from medialit.corpus import seeds_dir

    found = {package_dir() / "seeds", Path(seeds_dir()).resolve()}
    return sorted(p for p in found if p.is_dir())


def checkout() -> Path | None:
    """The repository the package is installed from, when it is a checkout (editable install)."""
    top = package_dir().parents[1]
    return top if (top / "solutions").is_dir() else None


def read_roots() -> list[Path]:
    """Folders shown whole: the Python installation, the environment, import paths, the data.

    A checkout is never shown whole, only its package and seeds: an import path at its top
    (some editable installs add one) would show ``solutions/`` to the notebook.
    """
    repository = checkout()
    system = [f"/{name}" for name in SYSTEM_LINKS if not os.path.islink(f"/{name}")]
    candidates = [sys.base_prefix, sys.prefix, "/usr", *system, *site.getsitepackages()]
    candidates += [str(package_dir()), *map(str, seeds_dirs())]
    roots: list[Path] = []
    for candidate in candidates:
        path = Path(candidate).resolve()
        if path.is_dir() and path != Path("/"):
            roots.append(path)
    for entry in sys.path:
        path = Path(entry).resolve() if entry else None
        if path is None or not path.is_dir() or path == Path("/"):
            continue
        if repository and (
            path == repository or repository in path.parents or path in repository.parents
        ):
            continue
        roots.append(path)
    return _outermost(roots)


def _outermost(paths: Iterable[Path]) -> list[Path]:
    kept: list[Path] = []
    for path in sorted(set(paths), key=lambda p: len(p.parts)):
        if not any(path == k or k in path.parents for k in kept):
            kept.append(path)
    return kept


def child_view() -> ChildView:
    """The allowlist for this installation."""
    roots = read_roots()
    package = package_dir()
    rules: list[Rule] = []
    for root in roots:
        rules += _root_rules(root, package)
    if not any(root == package or root in package.parents for root in roots):
        rules += _package_rules(package)
    for name in SYSTEM_FILES:
        if os.path.isfile(name):
            rules.append(Rule(name, "file"))
    hidden = tuple(
        str(path)
        for path in sorted({p.resolve() for p in instructor_files()})
        if path.is_file() and any(root in path.parents for root in roots)
    )
    binds = tuple(map(str, roots)) + tuple(f for f in SYSTEM_FILES if os.path.isfile(f))
    return ChildView(
        binds=binds,
        links=tuple(_system_links()),
        hidden=hidden,
        rules=tuple(rules),
        folder=notebook_folder(binds),
    )


def _system_links() -> Iterator[tuple[str, str]]:
    for name in SYSTEM_LINKS:
        path = "/" + name
        if os.path.islink(path):
            yield path, os.readlink(path)


def _root_rules(root: Path, package: Path) -> list[Rule]:
    """Read everything beneath ``root``, except that the package is granted file by file."""
    if root != package and root not in package.parents:
        return [Rule(str(root), "tree")]
    rules = []
    folder = root
    while folder != package:
        step = package.relative_to(folder).parts[0]
        rules.append(Rule(str(folder), "dir"))
        rules += [Rule(str(entry), "tree") for entry in _entries(folder) if entry.name != step]
        folder = folder / step
    return rules + _package_rules(package)


def _package_rules(package: Path) -> list[Rule]:
    rules = []
    for folder, subfolders, files in os.walk(package):
        here = Path(folder)
        if here.name in PACKAGE_DATA and here.parent == package:
            rules.append(Rule(str(here), "tree"))
            subfolders.clear()
            continue
        rules.append(Rule(str(here), "dir"))
        rules += [Rule(str(here / f), "file") for f in files if f.endswith(PACKAGE_SUFFIXES)]
    return rules


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []
