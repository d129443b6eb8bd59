"""The package as users get it: `python -m build` gives an sdist and a wheel that pass
`twine check`, carry the package and its data and nothing of the instructors' material, and
the wheel installed alone in a fresh virtual environment analyses, grades and runs the exercise
notebooks."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
from venv_tools import FreshVenv, cell_text, make_venv, run_notebook

import medialit
from medialit.exercises.bank import CHAPTERS, HAND_GRADED, questions_of
from medialit.exercises.build import ANSWER_TAG, repository_root
from medialit.exercises.grade import grade_folder
from medialit.exercises.sandbox import Limits
from medialit.exercises.submissions import cell_source, read_notebook

ROOT = repository_root()
# Instructors' material: never in a file students can install. `unseen` is where graded texts'
# keys and answers go (issue 12); listing it here keeps it out before it exists.
INSTRUCTOR_FOLDERS = ("solutions", "unseen", "tests", "benchmarks", "book")


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path

    def wheel_names(self) -> list[str]:
        with zipfile.ZipFile(self.wheel) as archive:
            return archive.namelist()

    def sdist_names(self) -> list[str]:
        with tarfile.open(self.sdist) as archive:
            top = f"medialit-{medialit.__version__}/"
            names = [m.name for m in archive.getmembers() if m.isfile()]
        assert all(name.startswith(top) for name in names), names[:5]
        return [name[len(top) :] for name in names]

    def texts(self) -> dict[str, str]:
        """Every file of both archives as text (``archive:name``), binary files left out."""
        found = {}
        with zipfile.ZipFile(self.wheel) as archive:
            for name in archive.namelist():
                found[f"wheel:{name}"] = archive.read(name).decode("utf-8", errors="ignore")
        with tarfile.open(self.sdist) as archive:
            for member in archive.getmembers():
                if member.isfile():
                    data = archive.extractfile(member).read()
                    found[f"sdist:{member.name}"] = data.decode("utf-8", errors="ignore")
        return found


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Dist:
    """`python -m build` (sdist, then the wheel built from the sdist), as the release does."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (sdist,) = out.glob("medialit-*.tar.gz")
    (wheel,) = out.glob("medialit-*.whl")
    return Dist(sdist, wheel)


@pytest.mark.slow
def test_build_names_both_files_with_the_package_version(dist):
    version = medialit.__version__
    assert dist.sdist.name == f"medialit-{version}.tar.gz"
    assert dist.wheel.name == f"medialit-{version}-py3-none-any.whl"


@pytest.mark.slow
def test_sdist_and_wheel_pass_twine_check(dist):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(dist.sdist), str(dist.wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


@pytest.mark.slow
def test_wheel_holds_the_package_and_its_data_only(dist):
    names = dist.wheel_names()
    outside = [
        n
        for n in names
        if not n.startswith(("medialit/", f"medialit-{medialit.__version__}.dist-info/"))
    ]
    assert outside == []
    package = {n.removeprefix("medialit/") for n in names if n.startswith("medialit/")}
    expected = {
        p.relative_to(ROOT / "src" / "medialit").as_posix() for p in _tracked("src/medialit")
    }
    expected |= {f"seeds/{p.relative_to(ROOT / 'seeds').as_posix()}" for p in _tracked("seeds")}
    assert package == expected


@pytest.mark.slow
def test_sdist_holds_what_builds_the_wheel_and_nothing_else(dist):
    """What builds the wheel, and the students' blank notebooks (public material)."""
    names = set(dist.sdist_names())
    # hatchling adds .gitignore so that a wheel built from the sdist leaves out the same caches
    allowed_files = {"pyproject.toml", "PKG-INFO", "README.md", "CHANGELOG.md", "LICENSE"}
    allowed_files.add(".gitignore")
    shipped = ("src/", "seeds/", "exercises/")
    stray = [n for n in names if n not in allowed_files and not n.startswith(shipped)]
    assert stray == []
    assert {"README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml"} <= names
    folders = ("src/medialit", "seeds", "exercises")
    tracked = {p.relative_to(ROOT).as_posix() for f in folders for p in _tracked(f)}
    assert {n for n in names if n.startswith(shipped)} == tracked


@pytest.mark.slow
def test_no_instructors_material_in_sdist_or_wheel(dist):
    """No file from solutions/ (or unseen/, tests/...) and no solution's answer cell, by name
    or by content: the rule is what ships, so material added later stays out too."""
    names = dist.sdist_names() + dist.wheel_names()
    parts = {part for name in names for part in PurePosixPath(name).parts}
    assert parts.isdisjoint(INSTRUCTOR_FOLDERS), parts & set(INSTRUCTOR_FOLDERS)
    texts = dist.texts()
    answers = []
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for cell in read_notebook(path)["cells"]:
            if ANSWER_TAG in cell.get("metadata", {}).get("tags", []):
                source = cell_source(cell).strip()
                answers.append(source)
                # The longest line of each answer cell: distinctive, and found even if the
                # cell were reformatted or split.
                answers.append(max(source.splitlines(), key=len).strip())
    assert len(answers) >= 2 * len(CHAPTERS)
    leaks = [
        (where, answer[:60])
        for answer in answers
        for where, text in texts.items()
        if answer in text
    ]
    assert leaks == []


def _tracked(folder: str) -> list[Path]:
    """Files git tracks (or would track) under ``folder``, caches left out."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", folder],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    return [ROOT / name.decode() for name in listed if name and (ROOT / name.decode()).is_file()]


# --------------------------------------------------------------------------- version


def test_the_version_is_written_once():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]', pyproject, re.M)
    assert not re.search(r"^version\s*=", pyproject, re.M)
    assert re.search(
        r'^\[tool\.hatch\.version\]\npath = "src/medialit/__init__.py"', pyproject, re.M
    )
    written = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src").rglob("*.py")
        if medialit.__version__ in p.read_text(encoding="utf-8")
    ]
    assert written == ["src/medialit/__init__.py"]


def test_changelog_starts_with_the_current_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([^\]]+)\]", changelog, re.M)
    assert releases and releases[0] == medialit.__version__


# --------------------------------------------------------------------------- the wheel alone


@pytest.fixture(scope="module")
def wheel_venv(dist, tmp_path_factory) -> FreshVenv:
    """A fresh virtual environment with the wheel (and its declared dependencies) only."""
    root = tmp_path_factory.mktemp("wheel-venv")
    venv = make_venv(root / "venv")
    venv.pip_install(dist.wheel, cwd=root)
    return venv


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A working folder with nothing of the checkout in it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.mark.slow
def test_the_installed_wheel_is_the_one_imported(wheel_venv, elsewhere):
    run = wheel_venv.run(
        wheel_venv.python, "-c", "import medialit; print(medialit.__file__)", cwd=elsewhere
    )
    assert run.stdout.startswith(str(wheel_venv.root)), run.stdout


@pytest.mark.slow
def test_the_installed_wheel_analyses_an_article(wheel_venv, elsewhere):
    article = elsewhere / "article.txt"
    (seed,) = (ROOT / "seeds").glob("001_*.txt")
    shutil.copy(seed, article)
    run = wheel_venv.run(
        wheel_venv.bin("medialit"), "analyze", article, "--format", "json", cwd=elsewhere
    )
    found = json.loads(run.stdout)
    in_checkout = subprocess.run(
        [sys.executable, "-m", "medialit.cli", "analyze", str(article), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=elsewhere,
    )
    assert found == json.loads(in_checkout.stdout)  # the same answer as the checkout's kit
    kinds = ("figures", "attributions", "loaded_terms")
    assert all(found[kind] for kind in kinds), {kind: len(found[kind]) for kind in kinds}


@pytest.mark.slow
def test_the_installed_wheel_grades_a_solution_to_its_score(wheel_venv, elsewhere):
    submissions = elsewhere / "submissions" / "alice"
    submissions.mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "02-attribution.ipynb", submissions)
    out = elsewhere / "grades.csv"
    # The graded items' key is instructors' material: it is not in the wheel, so the
    # instructor names it (here, the repository's).
    wheel_venv.run(
        wheel_venv.bin("medialit"),
        "grade",
        elsewhere / "submissions",
        "--out",
        out,
        "--no-progress",
        "--key",
        ROOT / "solutions" / "instructor-key.json",
        cwd=elsewhere,
    )
    with out.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    auto = [row for row in rows if row["points"] != ""]  # open questions: graded by hand
    by_hand = {q.id for q in questions_of(2) if q.kind in HAND_GRADED}
    assert {row["question"] for row in rows if row["points"] == ""} == by_hand and auto
    points = sum(float(row["points"]) for row in auto)
    maximum = sum(float(row["max_points"]) for row in auto)
    (expected,) = grade_folder(elsewhere / "submissions", jobs=1, limits=Limits(wall_seconds=120))
    assert {row["student"] for row in rows} == {"alice"}
    assert (points, maximum) == (expected.points, expected.max_points)
    assert points == maximum > 0


@pytest.mark.slow
def test_the_exercise_notebooks_run_on_the_installed_wheel(wheel_venv, tmp_path, monkeypatch):
    """Each blank exercise runs top to bottom in a kernel of the fresh environment; its install
    cell finds the kit and does nothing, and every self-check answers."""
    nbformat = pytest.importorskip("nbformat")
    monkeypatch.setenv("JUPYTER_PATH", str(wheel_venv.kernelspec(tmp_path / "jupyter", "wheel")))
    work = tmp_path / "class"
    shutil.copytree(ROOT / "exercises", work)
    monkeypatch.chdir(work)
    for path in sorted(work.glob("*.ipynb")):
        notebook = run_notebook(nbformat.read(path, as_version=4), "wheel")
        assert cell_text(notebook.cells[0]) == "", path.name  # the kit was there: no install
        shown = [
            cell_text(c) for c in notebook.cells if c.cell_type == "code" and 'check("' in c.source
        ]
        assert shown and all(re.match(r"[✗•] \d+\.\d+: ", text) for text in shown), path.name
