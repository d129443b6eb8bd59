"""The project's addresses are read from one place, pyproject.toml, and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.project import ProjectConfigError, ProjectLinks, default_pyproject, read_links


def write(tmp_path: Path, urls: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[project]\nname = "medialit"\n{urls}', encoding="utf-8")
    return path


def test_the_checkout_pyproject_is_read():
    assert default_pyproject().is_file()
    links = read_links()
    assert isinstance(links, ProjectLinks)


def test_no_urls_means_no_addresses(tmp_path):
    assert read_links(write(tmp_path, "")) == ProjectLinks(repository=None, site=None)


def test_both_addresses_are_read_with_any_label_spelling(tmp_path):
    path = write(
        tmp_path,
        "[project.urls]\n"
        'source-code = "https://gitlab.com/school/medialit/"\n'
        'Documentation = "https://school.gitlab.io/medialit"\n'
        'Homepage = "https://example.org"\n',
    )
    assert read_links(path) == ProjectLinks(
        repository="https://gitlab.com/school/medialit", site="https://school.gitlab.io/medialit/"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"git@github.com:o/r.git"', "is not an http(s) address"),
        ('"https://github.com/o/r.git"', "ends in .git"),
        ('"https://github.com/o"', "names no repository"),
        ('"https://github.com/o/r?tab=readme"', "has a query or fragment"),
        ("42", "expected a web address, got 42"),
    ],
)
def test_a_malformed_repository_is_refused_with_file_and_field(tmp_path, value, message):
    path = write(tmp_path, f"[project.urls]\nRepository = {value}\n")
    with pytest.raises(ProjectConfigError) as error:
        read_links(path)
    assert str(error.value).startswith(f"{path}: [project.urls] Repository: ")
    assert message in str(error.value)


def test_a_missing_or_broken_pyproject_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectConfigError, match="not found"):
        read_links(tmp_path / "pyproject.toml")
    broken = write(tmp_path, "[project.urls\n")
    with pytest.raises(ProjectConfigError, match="cannot be read"):
        read_links(broken)
