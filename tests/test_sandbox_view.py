"""What a graded notebook may read: Python, the kit's modules and data; never the key."""

from __future__ import annotations

from pathlib import Path

from medialit.exercises.build import repository_root
from medialit.exercises.check import key_path
from medialit.exercises.sandbox import Limits, run_cells
from medialit.exercises.sandbox.view import child_view, package_dir

LIMITS = Limits(wall_seconds=60, cell_seconds=30)


def test_every_module_and_data_file_of_the_package_is_granted_and_the_key_is_not():
    granted = {rule.path for rule in child_view().rules if rule.access == "file"}
    package = [p for p in package_dir().rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    wanted = {str(p) for p in package if p.suffix in (".py", ".yaml")}
    assert wanted <= granted
    assert str(key_path().resolve()) not in granted
    assert all(not path.endswith(".json") for path in granted)


def test_the_key_is_covered_and_the_repository_is_not_shown():
    view = child_view()
    assert view.hidden == (str(key_path().resolve()),)
    root = str(repository_root())
    assert root not in view.binds
    assert not any(Path(b) == repository_root() / "solutions" for b in view.binds)


def test_in_the_sandbox_the_lexicon_reads_and_the_key_does_not():
    cells = [
        "from medialit.extract import load_lexicon\nanswer_9_1 = len(load_lexicon()) > 10",
        f"answer_9_2 = open({str(key_path())!r}).read()",
        f"import os\nanswer_9_3 = os.listdir({str(repository_root())!r})",
    ]
    run = run_cells(cells, ["answer_9_1", "answer_9_2", "answer_9_3"], {}, LIMITS)
    assert run.values == {"answer_9_1": True}
    assert [e.message for e in run.errors] == [
        f"PermissionError: [Errno 13] Permission denied: '{key_path()}'",
        f"PermissionError: [Errno 13] Permission denied: '{repository_root()}'",
    ]


def test_a_package_inside_site_packages_is_granted_file_by_file(tmp_path):
    """As in a wheel install: the environment is readable, except the package's other files."""
    from medialit.exercises.sandbox.view import _root_rules

    site = tmp_path / "lib" / "site-packages"
    package = site / "medialit"
    for name in ("__init__.py", "exercises/bank.py", "exercises/key.json", "seeds/catalog.yaml"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("")
    (site / "yaml").mkdir()
    (tmp_path / "pyvenv.cfg").write_text("")
    rules = {
        (Path(r.path).relative_to(tmp_path).as_posix(), r.access)
        for r in _root_rules(tmp_path, package)
    }
    assert rules == {
        (".", "dir"),
        ("pyvenv.cfg", "tree"),
        ("lib", "dir"),
        ("lib/site-packages", "dir"),
        ("lib/site-packages/yaml", "tree"),
        ("lib/site-packages/medialit", "dir"),
        ("lib/site-packages/medialit/__init__.py", "file"),
        ("lib/site-packages/medialit/exercises", "dir"),
        ("lib/site-packages/medialit/exercises/bank.py", "file"),
        ("lib/site-packages/medialit/seeds", "tree"),
    }
