"""The GitHub workflows cannot run here, so they are checked statically: against GitHub's
schema (check-jsonschema's copy), for shell syntax, and for what they must do."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from medialit.exercises.build import repository_root

ROOT = repository_root()
WORKFLOWS = ROOT / ".github" / "workflows"
PAGES, RELEASE = WORKFLOWS / "pages.yml", WORKFLOWS / "release.yml"
PINNED_ACTION = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+(\.\d+)*|release/v\d+|[0-9a-f]{40})$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def schema_check(*paths: Path) -> subprocess.CompletedProcess:
    check_jsonschema = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run(
        [str(check_jsonschema), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_both_workflows_exist():
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["pages.yml", "release.yml"]


def test_workflows_match_githubs_schema():
    result = schema_check(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    """Control for the test above: a misspelt key and a bad trigger fail it."""
    broken = tmp_path / "broken.yml"
    text = PAGES.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1)
    broken.write_text(text, encoding="utf-8")
    assert schema_check(broken).returncode != 0


@pytest.mark.parametrize("path", [PAGES, RELEASE], ids=["pages", "release"])
def test_every_action_is_pinned_to_a_release(path):
    used = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert used
    assert [u for u in used if not PINNED_ACTION.match(u)] == []


@pytest.mark.parametrize("path", [PAGES, RELEASE], ids=["pages", "release"])
def test_every_run_script_is_valid_bash(path, tmp_path):
    bash = shutil.which("bash")
    assert bash
    for job, step in steps(load(path)):
        if "run" not in step:
            continue
        # ${{ ... }} is replaced by GitHub before bash sees the script.
        script = re.sub(r"\$\{\{[^}]*\}\}", "x", step["run"])
        result = subprocess.run([bash, "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, f"{path.name} {job}: {result.stderr}"


def test_workflows_grant_the_least_permissions():
    for path in (PAGES, RELEASE):
        workflow = load(path)
        assert workflow["permissions"] == {"contents": "read"}, path.name
    pages = load(PAGES)["jobs"]
    assert "permissions" not in pages["build"]
    assert pages["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    release = load(RELEASE)["jobs"]
    assert "permissions" not in release["build"]
    assert release["publish"]["permissions"] == {"id-token": "write"}


def test_pages_builds_with_make_site_and_uploads_that_folder():
    """The workflow's build is `make site`, the same steps tests/test_site.py runs (build,
    package, link check), and it uploads the folder make site wrote."""
    workflow = load(PAGES)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    build = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in build if "run" in step]
    assert runs == ['make site SITE=site SITE_URL="$SITE_URL/"']
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert upload["with"]["include-hidden-files"] is True  # .nojekyll
    order = [s.get("uses", s.get("run")) for s in build]
    assert order.index(runs[0]) < order.index(upload["uses"])
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    recipe = makefile_recipe("site")
    assert "book/publish.py package book/_build/html $(SITE)" in recipe
    assert "book/publish.py check $(SITE)" in recipe


def makefile_recipe(target: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, re.M)
    assert match, f"no {target} target in the Makefile"
    return match.group(1)


def test_release_publishes_tags_to_pypi_with_trusted_publishing_only():
    workflow = load(RELEASE)
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    text = RELEASE.read_text(encoding="utf-8")
    assert "secrets." not in text  # no token: PyPI trusts the run itself
    publish = workflow["jobs"]["publish"]
    assert all(set(step.get("with", {})) <= {"name", "path"} for step in publish["steps"])
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "pypi"
    used = [step.get("uses", "") for step in publish["steps"]]
    assert used[-1] == "pypa/gh-action-pypi-publish@release/v1"
    build_runs = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    for command in ("python -m build", "twine check --strict", "tests/test_packaging.py"):
        assert command in build_runs
    # The tag must name the version in src/medialit/__init__.py and CHANGELOG.md.
    assert "dist/medialit-${version}-py3-none-any.whl" in build_runs
    assert "CHANGELOG.md" in build_runs
