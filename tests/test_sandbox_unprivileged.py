"""The same layers when the grader is an ordinary user (a user namespace of its own).

The tests run as root here, so this one starts a grader as another uid with ``setpriv``,
using Debian's Python (``/usr/bin/python3``: the pyenv one lives under /root, which other
users cannot read) and this environment's packages through a ``.pth`` file.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import medialit
from medialit.exercises.check import key_path

SYSTEM_PYTHON = Path("/usr/bin/python3")
UID = 4242

GRADER = textwrap.dedent(
    f"""
    import json, os
    from medialit.exercises.sandbox import ForkServer, Limits
    cells = [
        "from medialit.corpus import load_corpus\\nanswer_9_1 = len(load_corpus())",
        "answer_9_2 = open({str(key_path())!r}).read()",
        "import os\\nanswer_9_3 = os.getuid()",
    ]
    with ForkServer() as server:
        report = server.probe()
        run = server.run_cells(cells, ["answer_9_1", "answer_9_2", "answer_9_3"], {{}}, Limits())
    print(json.dumps({{"uid": os.getuid(), "active": sorted(report.active),
                      "userns": report.active.get("userns"), "values": run.values,
                      "errors": [e.message for e in run.errors]}}))
    """
)


def _readable_by_others(path: Path) -> bool:
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in [path, *path.parents])


def _usable() -> str:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return "needs root and setpriv to start a grader as another user"
    if not SYSTEM_PYTHON.exists():
        return "needs /usr/bin/python3"
    version = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if version != str(sys.version_info[:2]):
        return f"/usr/bin/python3 is {version}, this environment {sys.version_info[:2]}"
    site = Path(next(p for p in sys.path if p.endswith("site-packages")))
    if not all(_readable_by_others(p) for p in (site, Path(medialit.__file__).parent)):
        return "this checkout or environment is not readable by other users"
    return ""


@pytest.fixture
def shared_tmp():
    """A temporary folder another user can reach (pytest's own are private to root)."""
    with tempfile.TemporaryDirectory(prefix="medialit-unprivileged-") as folder:
        Path(folder).chmod(0o755)
        yield Path(folder)


@pytest.mark.skipif(bool(_usable()), reason=_usable() or "usable")
def test_an_ordinary_user_grades_with_every_layer(shared_tmp):
    tmp_path = shared_tmp
    venv = tmp_path / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", venv], check=True)
    (site,) = venv.glob("lib/python3*/site-packages")
    ours = next(p for p in sys.path if p.endswith("site-packages"))
    package_parent = Path(medialit.__file__).resolve().parents[1]
    (site / "medialit-test.pth").write_text(f"{package_parent}\n{ours}\n")
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, UID, UID)
    for path in [tmp_path, *venv.rglob("*"), venv]:
        path.chmod(path.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0))
    command = ["setpriv", f"--reuid={UID}", f"--regid={UID}", "--clear-groups"]
    done = subprocess.run(
        [*command, venv / "bin" / "python", "-c", GRADER],
        capture_output=True,
        text=True,
        cwd=home,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout)
    assert outcome["uid"] == UID
    assert outcome["active"] == sorted(
        [
            "userns",
            "pidns",
            "netns",
            "ipcns",
            "mountns",
            "landlock",
            "no_new_privs",
            "seccomp",
            "rlimits",
            "audit_hook",
        ]
    )
    assert f"grader's own uid {UID}" in outcome["userns"]
    assert outcome["values"] == {"answer_9_1": 5, "answer_9_3": 0}  # root of its own namespace
    assert outcome["errors"] == [f"PermissionError: [Errno 13] Permission denied: '{key_path()}'"]
