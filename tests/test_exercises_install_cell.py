"""The exercise notebooks' first cell installs the kit where it is missing, from the repository
named in pyproject.toml, and says what to do when none is named."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from venv_tools import cell_text, make_venv, run_notebook

from medialit.exercises.build import build_exercises, repository_root
from medialit.exercises.install_cell import (
    INSTALL_TAG,
    install_cell,
    install_source,
    pip_requirement,
)
from medialit.exercises.submissions import read_notebook
from medialit.project import read_links

ROOT = repository_root()
REPOSITORY = "https://github.com/example/medialit"


def run_cell_without_medialit(source: str, monkeypatch) -> list[list[str]]:
    """Run the cell as if medialit were missing; return the commands it would have run."""
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "medialit" else real_find_spec(name, *a),
    )
    commands = []
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: commands.append(command))
    exec(compile(source, "install-cell", "exec"), {"__name__": "__main__"})
    return commands


@pytest.mark.parametrize("repository", [REPOSITORY, None])
def test_the_cell_does_nothing_where_the_kit_is_installed(repository, monkeypatch):
    commands = []
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: commands.append(command))
    exec(compile(install_source(repository), "install-cell", "exec"), {"__name__": "__main__"})
    assert commands == []


def test_where_the_kit_is_missing_the_cell_installs_it_from_the_repository(monkeypatch, capsys):
    commands = run_cell_without_medialit(install_source(REPOSITORY), monkeypatch)
    assert commands == [[sys.executable, "-m", "pip", "install", "--quiet", f"git+{REPOSITORY}"]]
    assert "Installed" in capsys.readouterr().out


def test_with_no_repository_the_cell_says_what_to_do(monkeypatch):
    with pytest.raises(ModuleNotFoundError) as error:
        run_cell_without_medialit(install_source(None), monkeypatch)
    message = str(error.value)
    assert "Ask your teacher" in message
    assert "[project.urls]" in message and "medialit exercises build" in message


def test_an_address_cannot_break_out_of_the_cell():
    hostile = 'https://example.org/a"; import os; os.system("x"); "'
    tree = ast.parse(install_source(hostile))
    assigned = [n for n in tree.body if isinstance(n, ast.Assign)]
    assert [ast.literal_eval(n.value) for n in assigned] == [pip_requirement(hostile)]
    assert not any(isinstance(n, ast.Expr) and "system" in ast.unparse(n) for n in tree.body)


def test_every_exercise_starts_with_the_cell_for_the_configured_repository():
    expected = install_cell(read_links().repository)
    for path in sorted((ROOT / "exercises").glob("*.ipynb")):
        first = read_notebook(path)["cells"][0]
        assert first["metadata"]["tags"] == [INSTALL_TAG], path.name
        assert first["source"] == expected["source"], path.name


def test_the_solutions_have_no_install_cell():
    """Solutions are the instructor's (the kit is installed there); only exercises get it."""
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        assert INSTALL_TAG not in path.read_text(encoding="utf-8"), path.name


def test_setting_the_repository_changes_the_install_cell_of_every_exercise(tmp_path):
    built = build_exercises(ROOT / "solutions", tmp_path, repository=REPOSITORY)
    assert len(built) == len(list((ROOT / "solutions").glob("*.ipynb")))
    assert all(f"git+{REPOSITORY}" in text for text in built.values())


# --------------------------------------------------------------------------- for real


def working_tree_repository(destination: Path) -> str:
    """A git repository holding the checkout's files as they are now; its file:// address.

    It stands for the published repository: what pip clones is what would be pushed.
    """
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_file():
            target = destination / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@localhost"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "kit"]):
        subprocess.run([*git, *command], cwd=destination, check=True, capture_output=True)
    return destination.resolve().as_uri()


@pytest.mark.slow
def test_in_a_kernel_without_the_kit_the_first_cell_installs_it_from_a_file_clone(
    tmp_path, monkeypatch
):
    """As in Colab: a Python with a Jupyter kernel but no medialit opens exercise 1."""
    nbformat = pytest.importorskip("nbformat")
    url = working_tree_repository(tmp_path / "published")
    venv = make_venv(tmp_path / "venv")
    venv.pip_install("ipykernel", cwd=tmp_path)  # what Colab or Binder already have
    missing = venv.run(venv.python, "-c", "import medialit", cwd=tmp_path, check=False)
    assert missing.returncode != 0, "the fresh environment must not see the kit"

    built = build_exercises(ROOT / "solutions", tmp_path / "exercises", repository=url)
    text = built[tmp_path / "exercises" / "01-sourcing.ipynb"]
    monkeypatch.setenv("JUPYTER_PATH", str(venv.kernelspec(tmp_path / "jupyter", "fresh")))
    notebook = run_notebook(nbformat.reads(text, as_version=4), "fresh", timeout=900)

    install = notebook.cells[0]
    assert f"git+{url}" in install.source
    assert "Installed" in cell_text(install)
    checks = [c for c in notebook.cells if c.cell_type == "code" and 'check("' in c.source]
    # The kit works in that kernel: every self-check of the blank notebook answers, with 0 points.
    shown = [cell_text(c) for c in checks]
    # (a graded item only says its answer is recorded, with no points)
    blank = re.compile(r"✗ \d+\.\d+: .*\(0/\d+\)|• \d+\.\d+: .*")
    assert shown and all(blank.fullmatch(t.strip()) for t in shown), shown
    where = venv.run(venv.python, "-c", "import medialit; print(medialit.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(venv.root)), where.stdout
