"""Sphinx extension: the book's repository, issue and launch buttons follow pyproject.toml.

The repository's address lives in one place, ``[project.urls] Repository`` of pyproject.toml
(read by :func:`medialit.project.read_links`). When it is set, every page gets a repository
button, an issue button (GitHub and GitLab) and, for pages that are notebooks, a Binder
button; when it is not set, none of them appears: no button ever points to a placeholder.
``_config.yml`` keeps the rest of the settings (branch, book folder, Binder's address).

The file read is ``medialit_pyproject`` (default: the pyproject.toml next to the book's
folder), so a test can build a book against another one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from medialit.project import read_links

# The hosts whose address layout the theme understands (sphinx-book-theme builds the
# repository, issue and Binder links from them); others get no button rather than a broken one.
BUTTON_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "bitbucket.org": "bitbucket"}
ISSUE_PROVIDERS = ("github", "gitlab")
REPOSITORY_BUTTONS = ("use_repository_button", "use_issues_button", "use_edit_page_button")


def button_options(repository: str | None, theme_options: dict[str, Any]) -> dict[str, Any]:
    """The theme options with the repository and launch buttons set for ``repository``.

    Examples
    --------
    >>> base = {"launch_buttons": {"binderhub_url": "https://mybinder.org"},
    ...         "use_repository_button": True}
    >>> off = button_options(None, base)
    >>> off["use_repository_button"], off["launch_buttons"], "repository_url" in off
    (False, {}, False)
    >>> on = button_options("https://github.com/example/medialit", base)
    >>> on["repository_url"], on["use_repository_button"], on["use_issues_button"]
    ('https://github.com/example/medialit', True, True)
    >>> on["launch_buttons"]
    {'binderhub_url': 'https://mybinder.org'}
    >>> button_options("https://git.school.example/t/medialit", base)["use_repository_button"]
    False
    """
    options = dict(theme_options)
    provider = BUTTON_HOSTS.get(urlsplit(repository).netloc.lower()) if repository else None
    if provider is None:
        options.pop("repository_url", None)
        options["launch_buttons"] = {}
        for button in REPOSITORY_BUTTONS:
            options[button] = False
        return options
    options["repository_url"] = repository
    options["use_repository_button"] = True
    options["use_issues_button"] = provider in ISSUE_PROVIDERS
    return options


def apply_project_links(app, config) -> None:
    """``config-inited``: read pyproject.toml and set the buttons before the theme reads them."""
    pyproject = Path(config.medialit_pyproject or Path(app.srcdir).parent / "pyproject.toml")
    if not pyproject.is_absolute():
        pyproject = Path(app.srcdir) / pyproject
    repository = read_links(pyproject).repository
    config.html_theme_options = button_options(repository, config.html_theme_options or {})


def setup(app) -> dict[str, Any]:
    app.add_config_value("medialit_pyproject", "", "html")
    # Early, so the theme's own config-inited handlers see the final options.
    app.connect("config-inited", apply_project_links, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
