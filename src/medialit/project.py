"""The project's public addresses, kept in one place: ``[project.urls]`` of pyproject.toml.

Two addresses matter to the kit, and both are optional:

``Repository``
    Where the kit's source is published (``https://HOST/OWNER/NAME``). When it is set, the
    book shows its repository, issue and Binder buttons, and the exercise notebooks' first cell
    installs the kit from it where the kit is missing (Colab, Binder). When it is not set, the
    book shows none of these buttons and the notebooks say how to install the kit instead.
``Documentation``
    Where the built book is published (``https://OWNER.github.io/NAME/``). ``make site`` needs
    it for the two files that must hold absolute addresses: the sitemap and the 404 page.

The book's configuration (``book/_ext/project_links.py``), ``make site`` and
``medialit exercises build`` read them from here; nothing else names them.

Examples
--------
>>> links = parse_links({"project": {"urls": {
...     "Repository": "https://github.com/example/medialit",
...     "Documentation": "https://example.github.io/medialit"}}})
>>> links.repository, links.site
('https://github.com/example/medialit', 'https://example.github.io/medialit/')
>>> parse_links({"project": {}})
ProjectLinks(repository=None, site=None)
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Labels of [project.urls] read here, compared without case, spaces, dashes or underscores
# (as PyPI compares them). The first entry of each is what the documentation asks for.
REPOSITORY_LABELS = ("repository", "source", "sourcecode")
SITE_LABELS = ("documentation", "docs")


class ProjectConfigError(ValueError):
    """pyproject.toml holds an address the kit cannot use; the message names the field."""


@dataclass(frozen=True)
class ProjectLinks:
    """The repository and site addresses (``None`` when pyproject.toml leaves them out)."""

    repository: str | None
    site: str | None


def default_pyproject() -> Path:
    """The checkout's pyproject.toml (the package sits in ``src/medialit``)."""
    return Path(__file__).resolve().parents[2] / "pyproject.toml"


def read_links(pyproject: Path | None = None) -> ProjectLinks:
    """Read ``[project.urls]`` from pyproject.toml and check both addresses.

    Raises
    ------
    ProjectConfigError
        When the file is missing or unreadable, or an address is malformed.
    """
    path = Path(pyproject or default_pyproject())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectConfigError(
            f"{path}: not found. The project's addresses are read from the pyproject.toml of "
            "a checkout of the repository."
        ) from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProjectConfigError(f"{path}: cannot be read ({error})") from None
    return parse_links(data, str(path))


def _label_key(label: str) -> str:
    return "".join(ch for ch in label.lower() if ch.isalnum())


def _lookup(urls: Mapping[str, object], labels: tuple[str, ...]) -> tuple[str, object] | None:
    for label, value in urls.items():
        if _label_key(label) in labels:
            return label, value
    return None


def parse_links(data: Mapping, where: str = "pyproject.toml") -> ProjectLinks:
    """The addresses in a parsed pyproject.toml (see the module's examples)."""
    urls = data.get("project", {}).get("urls", {})
    if not isinstance(urls, Mapping):
        raise ProjectConfigError(f"{where}: [project.urls] must be a table")
    repository = _lookup(urls, REPOSITORY_LABELS)
    site = _lookup(urls, SITE_LABELS)
    return ProjectLinks(
        repository=repository_url(repository[1], f"{where}: [project.urls] {repository[0]}")
        if repository
        else None,
        site=site_url(site[1], f"{where}: [project.urls] {site[0]}") if site else None,
    )


def _web_address(value: object, where: str) -> tuple[str, list[str]]:
    if not isinstance(value, str) or not value.strip():
        raise ProjectConfigError(f"{where}: expected a web address, got {value!r}")
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ProjectConfigError(f"{where}: {text!r} is not an http(s) address")
    if parts.query or parts.fragment:
        raise ProjectConfigError(f"{where}: {text!r} has a query or fragment; give the address")
    return text, [segment for segment in parts.path.split("/") if segment]


def repository_url(value: object, where: str = "repository") -> str:
    """Check a repository address: ``https://HOST/OWNER/NAME``, no ``.git``, no trailing slash.

    Examples
    --------
    >>> repository_url("https://gitlab.com/school/medialit/")
    'https://gitlab.com/school/medialit'
    >>> repository_url("https://github.com/school/medialit.git")
    Traceback (most recent call last):
    ...
    medialit.project.ProjectConfigError: repository: 'https://github.com/school/medialit.git' \
ends in .git; give the repository's web address (https://github.com/school/medialit)
    """
    text, segments = _web_address(value, where)
    text = text.rstrip("/")
    if text.endswith(".git"):
        raise ProjectConfigError(
            f"{where}: {text!r} ends in .git; give the repository's web address "
            f"({text.removesuffix('.git')})"
        )
    if len(segments) < 2:
        raise ProjectConfigError(
            f"{where}: {text!r} names no repository; expected https://HOST/OWNER/NAME"
        )
    return text


def site_url(value: object, where: str = "site") -> str:
    """Check the book's address and end it with ``/`` (pages are joined onto it).

    Examples
    --------
    >>> site_url("https://school.example/medialit")
    'https://school.example/medialit/'
    >>> site_url("books/medialit")
    Traceback (most recent call last):
    ...
    medialit.project.ProjectConfigError: site: 'books/medialit' is not an http(s) address
    """
    text, _ = _web_address(value, where)
    return text if text.endswith("/") else text + "/"
