"""Attacks on the grader, each a notebook that tries one route out of its sandbox.

Every attack notebook is the blank chapter-1 exercise with one cell added after the setup
cell. That cell first disarms the audit hook (it finds the hook's closure and marks it busy,
as a determined student could), so what stops the attack is the operating system's layers
alone; it then tries its route and raises ``ATTACK label: outcome; ...`` so the test can see
what each attempt met (an errno name, or ``DONE`` if it got through). All attacks are graded
in one batch, beside an untouched solution (the would-be victim), with short limits, as an
instructor would run them. The batch as a whole must leave:

- nothing new outside the notebooks' own folders (a canary folder beside the submissions,
  the submissions folder, the host's /tmp and /var/tmp);
- every submission byte for byte as it was (sha256), the victim graded in full;
- no score above what the visible answers earn (zero: they are all ``...``);
- no process of the batch alive once it returns, and the CSV unchanged seconds later;
- no signal at the grader, nothing at its UDP, TCP and abstract-socket listeners;
- a finished batch within its time limit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from medialit.corpus import seeds_dir
from medialit.exercises.bank import questions_of
from medialit.exercises.build import repository_root
from medialit.exercises.check import key_path
from medialit.exercises.grade import grade_command
from medialit.exercises.keys import default_instructor_key
from medialit.exercises.sandbox import Limits, encode, run_cells
from medialit.exercises.sandbox.channel import LineReader
from medialit.exercises.sandbox.codec import MAX_LINE_BYTES, ReplyError
from medialit.exercises.submissions import read_notebook

ROOT = repository_root()
EXERCISE = ROOT / "exercises" / "01-sourcing.ipynb"
SOLUTION = ROOT / "solutions" / "01-sourcing.ipynb"
PACKAGE = key_path().parent.parent
SEEDS = seeds_dir()
QUESTIONS = questions_of(1)
FULL = sum(q.points for q in QUESTIONS if q.counts_toward_total)
LIMITS = Limits(wall_seconds=20, cell_seconds=3, memory_mb=600, output_chars=10_000)
JOBS = 2

PRELUDE = """
import errno as _errno, gc as _gc, os, sys
for _f in _gc.get_objects():
    if getattr(_f, "__qualname__", "") == "guard.<locals>.hook":
        _f.__closure__[_f.__code__.co_freevars.index("busy")].cell_contents.append(1)
_outcomes = []
_HOME = os.environ["HOME"]  # the notebook's own folder

def _try(label, action):
    try:
        result = action()
    except OSError as error:
        _outcomes.append(f"{label}: {_errno.errorcode.get(error.errno, error.errno)}")
    except BaseException as error:
        _outcomes.append(f"{label}: {type(error).__name__}")
    else:
        _outcomes.append(f"{label}: {'failed' if result is False else 'DONE'}")
"""
REPORT = '\nraise RuntimeError("ATTACK " + "; ".join(_outcomes))\n'

CHANNEL = """
import json, stat, sys
def _request():
    frame = sys._getframe()
    while frame:
        found = frame.f_locals.get("request")
        if isinstance(found, dict) and found.get("op") == "cell":
            return found
        frame = frame.f_back
_channel = next(fd for fd in range(3, 256) if _is_socket(fd))
"""


def _is_socket_helper() -> str:
    return (
        "def _is_socket(fd):\n"
        "    try:\n"
        "        return stat.S_ISSOCK(os.fstat(fd).st_mode)\n"
        "    except OSError:\n"
        "        return False\n"
    )


# Route name -> (attack body, outcomes that must appear). Placeholders in capitals are filled in
# by _fill with this machine's paths, the grader's pid and the listeners' addresses.
ROUTES: dict[str, tuple[str, tuple[str, ...]]] = {
    "key_by_dir_fd": (
        """
_dir = os.open(KEY_DIR, os.O_RDONLY | os.O_DIRECTORY)
_try("dir_fd", lambda: len(os.read(os.open("key.json", os.O_RDONLY, dir_fd=_dir), 100)) > 0)
_try("path", lambda: len(open(KEY).read()) > 0)
import json as _json
from medialit.exercises.answers import digest as _digest
def _crack(qid):
    key = _json.loads(open(KEY).read())
    return next(c for c in "abcd" if _digest(key["salt"], qid, c) == key["questions"][qid]["hash"])
try:
    answer_1_1 = _crack("1.1")
    answer_1_4 = _crack("1.4")
except OSError:
    pass
""",
        ("dir_fd: EACCES", "path: EACCES"),
    ),
    "solutions_and_other_submissions": (
        """
_try("solution", lambda: len(open(SOLUTION).read()) > 0)
_try("instructors' key", lambda: len(open(TEACHER_SECRET).read()) > 0)
_try("unseen", lambda: os.listdir(UNSEEN))
_try("victim", lambda: len(open(VICTIM).read()) > 0)
_try("canary", lambda: os.listdir(CANARY))
_try("repository", lambda: os.listdir(REPOSITORY))
""",
        (
            "solution: ENOENT",
            "instructors' key: ENOENT",
            "unseen: ENOENT",
            "victim: ENOENT",
            "canary: ENOENT",
            "repository: EACCES",
        ),
    ),
    "grader_proc": (
        """
_try("cmdline", lambda: open(f"/proc/{GRADER}/cmdline").read())
_try("environ", lambda: open(f"/proc/{GRADER}/environ").read())
_try("mem", lambda: open(f"/proc/{GRADER}/mem", "rb").read(1))
_try("cwd", lambda: os.readlink(f"/proc/{GRADER}/cwd"))
_try("list", lambda: os.listdir("/proc"))
""",
        ("cmdline: ENOENT", "environ: ENOENT", "mem: ENOENT", "cwd: ENOENT", "list: ENOENT"),
    ),
    "proc_self_fd": (
        """
_try("fd list", lambda: os.listdir("/proc/self/fd"))
_try("fd open", lambda: open("/proc/self/fd/0").read())
_try("dev fd", lambda: os.listdir("/dev/fd"))
""",
        ("fd list: ENOENT", "fd open: ENOENT", "dev fd: ENOENT"),
    ),
    "writes_sqlite_fifo_node_dir_fd": (
        """
import sqlite3
_try("sqlite", lambda: sqlite3.connect(CANARY + "/x.db").execute("create table t (x)"))
_try("mkfifo", lambda: os.mkfifo(CANARY + "/fifo"))
_try("mknod", lambda: os.mknod(CANARY + "/node"))
_seeds = os.open(SEEDS_DIR, os.O_RDONLY | os.O_DIRECTORY)
_try("dir_fd", lambda: os.open("x", os.O_CREAT | os.O_WRONLY, dir_fd=_seeds))
_try("unlink", lambda: os.unlink(SEEDS_FILE))
_try("mkdir", lambda: os.mkdir(SEEDS_DIR + "/evil"))
_try("rename", lambda: os.rename(SEEDS_FILE, SEEDS_DIR + "/moved"))
""",
        (
            "sqlite: OperationalError",
            "mkfifo: ENOENT",
            "mknod: ENOENT",
            "dir_fd: EROFS",
            "unlink: EROFS",
            "mkdir: EROFS",
            "rename: EROFS",
        ),
    ),
    "writes_metadata": (
        """
_fd = os.open(PACKAGE_FILE, os.O_RDONLY)
_try("fchmod", lambda: os.fchmod(_fd, 0o777))
_try("chmod", lambda: os.chmod(PACKAGE_FILE, 0o777))
_try("setxattr", lambda: os.setxattr(PACKAGE_FILE, "user.medialit", b"1"))
_try("utime", lambda: os.utime(PACKAGE_FILE, (0, 0)))
_try("truncate", lambda: os.truncate(SEEDS_FILE, 0))
_try("open for writing", lambda: open(SEEDS_FILE, "a").write("x"))
""",
        (
            "fchmod: EROFS",
            "chmod: EROFS",
            "setxattr: EROFS",
            "utime: EROFS",
            "truncate: EACCES",
            "open for writing: EACCES",
        ),
    ),
    "own_and_other_submission": (
        """
_try("own", lambda: open(OWN, "w").write("{}"))
_try("victim", lambda: open(VICTIM, "w").write("{}"))
open(_HOME + "/forged.ipynb", "w").write("{}")
_try("replace", lambda: os.replace(_HOME + "/forged.ipynb", VICTIM))
""",
        ("own: ENOENT", "victim: ENOENT", "replace: ENOENT"),
    ),
    "exec_subprocess_posix_spawn_system": (
        """
import subprocess
_try("subprocess", lambda: subprocess.run(["/usr/bin/touch", CANARY + "/exec"]))
_touch = ["touch", CANARY + "/spawn"]
_try("posix_spawn", lambda: os.waitpid(os.posix_spawn("/usr/bin/touch", _touch, {}), 0))
_try("system", lambda: os.system("touch " + CANARY + "/system") == 0)
_try("shell", lambda: subprocess.Popen(["/bin/sh", "-c", "id"], start_new_session=True))
""",
        ("subprocess: EACCES", "posix_spawn: EACCES", "system: failed", "shell: EACCES"),
    ),
    "multiprocessing_spawn": (
        """
import multiprocessing
def _spawn():
    process = multiprocessing.get_context("spawn").Process(
        target=os.system, args=("touch " + CANARY + "/mp",))
    process.start()
    process.join(5)
    return process.exitcode == 0
_try("spawn", _spawn)
""",
        ("spawn: failed",),
    ),
    "process_pool": (
        """
import concurrent.futures
def _pool():
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        flags = os.O_CREAT | os.O_WRONLY
        return pool.submit(os.open, CANARY + "/pool", flags).result(timeout=10)
_try("pool", _pool)
""",
        ("pool: ENOENT",),
    ),
    "ctypes_calls": (
        """
import ctypes
_libc = ctypes.CDLL(None, use_errno=True)
def _c(result):
    if result < 0:
        raise OSError(ctypes.get_errno(), "")
    return True
_try("open key", lambda: _c(_libc.open(KEY.encode(), 0)))
_try("unshare", lambda: _c(_libc.unshare(0x10000000)))
_try("mount", lambda: _c(_libc.mount(b"none", b"/tmp", b"tmpfs", 0, None)))
_try("setuid", lambda: _c(_libc.setuid(0)))
_try("chroot", lambda: _c(_libc.chroot(b"/tmp")))
_try("ptrace", lambda: _c(_libc.ptrace(16, 1, 0, 0)))
""",
        (
            "open key: EACCES",
            "unshare: EPERM",
            "mount: EPERM",
            "setuid: EINVAL",
            "chroot: EPERM",
            "ptrace: EPERM",
        ),
    ),
    "unix_sockets": (
        """
import glob, socket
_try("server socket", lambda: bool(glob.glob("/tmp/medialit-forkserver-*/socket")))
def _abstract():
    socket.socket(socket.AF_UNIX).connect(ABSTRACT)
_try("abstract", _abstract)
def _bind():
    socket.socket(socket.AF_UNIX).bind(CANARY + "/sock")
_try("bind", _bind)
""",
        ("server socket: failed", "abstract: ECONNREFUSED", "bind: ENOENT"),
    ),
    "hard_links": (
        """
_try("module", lambda: os.link(PACKAGE_FILE, _HOME + "/linked"))
_try("key", lambda: os.link(KEY, _HOME + "/key"))
def _symlink():
    os.symlink(KEY, _HOME + "/key-link")
    return len(open(_HOME + "/key-link").read()) > 0
_try("symlink", _symlink)
""",
        ("module: EXDEV", "key: EXDEV", "symlink: EACCES"),
    ),
    "network": (
        """
import socket
def _udp():
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"escape", ("127.0.0.1", UDP_PORT))
_try("udp", _udp)
def _fast_open():
    socket.socket().sendto(b"escape", socket.MSG_FASTOPEN, ("127.0.0.1", TCP_PORT))
_try("fast open", _fast_open)
_try("tcp", lambda: socket.create_connection(("127.0.0.1", TCP_PORT), timeout=2))
_try("outside", lambda: socket.create_connection(("1.1.1.1", 80), timeout=2))
""",
        ("udp: ENETUNREACH", "fast open: ENETUNREACH", "tcp: EACCES", "outside: EACCES"),
    ),
    "signals_to_the_grader": (
        """
import signal
_try("pidfd", lambda: signal.pidfd_send_signal(os.pidfd_open(GRADER), signal.SIGUSR1))
_try("kill", lambda: os.kill(GRADER, signal.SIGUSR1))
_try("killpg", lambda: os.killpg(GRADER_PGID, signal.SIGUSR1))
_try("decoy", lambda: os.kill(DECOY, signal.SIGUSR1))
def _visible(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
_outcomes.append(f"visible pids: {[p for p in range(1, 70000) if _visible(p)]}")
""",
        ("pidfd: ESRCH", "kill: ESRCH", "killpg: ESRCH", "decoy: ESRCH", "visible pids: [1]"),
    ),
    "kill_everything_it_can": (
        """
import signal, time
if os.fork() == 0:
    try:
        os.kill(-1, signal.SIGKILL)
    finally:
        os._exit(0)
time.sleep(0.5)
_try("own group", lambda: os.kill(os.getppid(), signal.SIGKILL))
_try("init", lambda: os.kill(1, signal.SIGKILL))
_outcomes.append(f"still alive as pid {os.getpid()}")
""",
        ("own group: DONE", "init: DONE", "still alive as pid 1"),
    ),
    "join_the_graders_process_group": (
        """
import time
_try("setpgid", lambda: os.setpgid(0, GRADER_PGID))
_try("setsid", lambda: os.setsid())
while True:
    try:
        time.sleep(60)
    except BaseException:
        pass
""",
        (),
    ),
    "forged_reply_then_exit": (
        CHANNEL
        + """
_forged = {"reply": "cell", "index": _request()["index"], "error": "", "answers": RIGHT,
           "truncated": False}
os.write(_channel, (json.dumps(_forged) + "\\n").encode())
os._exit(0)
""",
        (),
    ),
    "forged_reply_then_carry_on": (
        CHANNEL
        + """
_forged = {"reply": "cell", "index": _request()["index"], "error": "", "answers": RIGHT,
           "truncated": False}
os.write(_channel, (json.dumps(_forged) + "\\n").encode())
""",
        (),
    ),
    "forged_cell_events_to_stretch_time": (
        CHANNEL
        + """
import time
while True:
    try:
        os.write(_channel, b'{"event": "cell", "index": 0}\\n')
        time.sleep(0.5)
    except BaseException:
        pass
""",
        (),
    ),
    "forged_19_5_mb_line": (
        CHANNEL + '\nos.write(_channel, b"{}," * 6_500_000)\n',
        (),
    ),
    "setsid_sleepers": (
        """
import time
for _ in range(5):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for _ in range(300):
                for _target in (CANARY + "/late", OUT_CSV):
                    try:
                        open(_target, "a").write("late\\n")
                    except OSError:
                        pass
                time.sleep(0.2)
        os._exit(0)
_outcomes.append("sleepers started")
""",
        ("sleepers started",),
    ),
    "detached_shell_editing_grades": (
        """
import subprocess
_line = "blank,1.1,1,1,right"
_try("system", lambda: os.system(f"(sleep 2; echo {_line} >> {OUT_CSV}) &") == 0)
_script = f"sleep 2; echo {_line} >> {OUT_CSV}"
_try("nohup", lambda: subprocess.Popen(["/bin/sh", "-c", _script], start_new_session=True))
""",
        ("system: failed", "nohup: EACCES"),
    ),
}
HUGE = {"huge_int_400": "10**400", "huge_int_5000": "10**5000"}


def _cell(source: str) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": []}


def _attack_notebook(body: str, values: dict) -> dict:
    notebook = read_notebook(EXERCISE)
    source = PRELUDE + _is_socket_helper() + _fill(body, values) + REPORT
    notebook["cells"].insert(3, _cell(source))
    return notebook


def _huge_notebook(value: str) -> dict:
    notebook = read_notebook(SOLUTION)
    for cell in notebook["cells"]:
        if "answer_1_2 =" in "".join(cell["source"]):
            cell["source"] = f"answer_1_2 = {value}\n"
    return notebook


def _right_answers() -> dict:
    """The solution's answer values, as the runtime would report them (what a forger wants)."""
    cells = [
        "".join(c["source"])
        for c in read_notebook(SOLUTION)["cells"]
        if c["cell_type"] == "code" and "medialit-display" not in c["metadata"].get("tags", [])
    ]
    run = run_cells(cells, [q.variable for q in QUESTIONS], {}, Limits(wall_seconds=60))
    assert run.status == "ok" and len(run.values) == len(QUESTIONS)
    return {name: encode(value) for name, value in run.values.items()}


class _Listeners:
    """UDP, TCP and abstract Unix listeners on the grader's side that must hear nothing."""

    def __init__(self) -> None:
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0)
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(8)
        self.tcp.settimeout(0)
        self.abstract_name = f"\0medialit-attack-test-{os.getpid()}"
        self.abstract = socket.socket(socket.AF_UNIX)
        self.abstract.bind(self.abstract_name)
        self.abstract.listen(8)
        self.abstract.settimeout(0)

    def heard(self) -> list[str]:
        heard = []
        for name, action in (
            ("udp", lambda: self.udp.recv(100)),
            ("tcp", self.tcp.accept),
            ("abstract", self.abstract.accept),
        ):
            try:
                action()
                heard.append(name)
            except (BlockingIOError, TimeoutError):
                pass
        return heard

    def close(self) -> None:
        for sock in (self.udp, self.tcp, self.abstract):
            sock.close()


def _decoy() -> tuple[int, Path]:
    """A process outside the grader that writes a file if it ever gets SIGUSR1."""
    marker = Path(os.environ.get("TMPDIR", "/tmp")) / f"medialit-decoy-{os.getpid()}"
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGUSR1, lambda *a: marker.write_text("signalled"))
        for _ in range(600):
            time.sleep(0.1)
        os._exit(0)
    return pid, marker


def _fill(body: str, values: dict) -> str:
    for name, value in values.items():
        body = body.replace(name, value)
    return body


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "/"
        for p in sorted(folder.rglob("*"))
    }


def _batch_processes() -> list[str]:
    """Processes of a sandbox server started from this Python, or run as the sandbox's user
    from this environment (another checkout's test run grades on the same machine)."""
    environment = str(Path(sys.executable).parent.parent)
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            uid = int((entry / "status").read_text().split("\nUid:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            continue
        if (sys.executable in cmdline and "sandbox.server" in cmdline) or (
            uid == 65534 and "medialit" in cmdline and environment in cmdline
        ):
            found.append(f"{entry.name}: {cmdline}")
    return found


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    base = tmp_path_factory.mktemp("attack")
    submissions, canary, out = base / "submissions", base / "canary", base / "out" / "grades.csv"
    canary.mkdir()
    (canary / "keep.txt").write_text("untouched\n")
    listeners = _Listeners()
    decoy, decoy_marker = _decoy()
    signals: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, frame: signals.append(signum))
    victim = submissions / "zz_victim" / "01-sourcing.ipynb"
    values = {
        "KEY_DIR": repr(str(key_path().parent)),
        "KEY": repr(str(key_path())),
        "SOLUTION": repr(str(SOLUTION)),
        "TEACHER_SECRET": repr(str(default_instructor_key())),
        "UNSEEN": repr(str(ROOT / "unseen")),
        "VICTIM": repr(str(victim)),
        "CANARY": repr(str(canary)),
        "REPOSITORY": repr(str(ROOT)),
        "SEEDS_DIR": repr(str(SEEDS)),
        "SEEDS_FILE": repr(str(SEEDS / "catalog.yaml")),
        "PACKAGE_FILE": repr(str(PACKAGE / "exercises" / "bank.py")),
        "OUT_CSV": repr(str(out)),
        "GRADER_PGID": str(os.getpgid(0)),
        "GRADER": str(os.getpid()),
        "DECOY": str(decoy),
        "UDP_PORT": str(listeners.udp.getsockname()[1]),
        "TCP_PORT": str(listeners.tcp.getsockname()[1]),
        "ABSTRACT": repr(listeners.abstract_name),
        "RIGHT": repr(_right_answers()),
    }
    notebooks = {}
    for name, (body, _) in ROUTES.items():
        own = submissions / name / "01-sourcing.ipynb"
        notebooks[name] = _attack_notebook(body, {**values, "OWN": repr(str(own))})
    notebooks.update({name: _huge_notebook(value) for name, value in HUGE.items()})
    notebooks["zz_victim"] = read_notebook(SOLUTION)
    for name, notebook in notebooks.items():
        path = submissions / name / "01-sourcing.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(notebook))
    before = {"submissions": _snapshot(submissions), "canary": _snapshot(canary)}
    host_tmp_before = {p.name for p in Path("/tmp").iterdir()}
    started = time.monotonic()
    try:
        results = grade_command(submissions, out, jobs=JOBS, limits=LIMITS, progress=False)
    finally:
        seconds = time.monotonic() - started
        signal.signal(signal.SIGUSR1, previous)
    csv_after_grading = out.read_bytes()
    leftovers = _batch_processes()
    time.sleep(2.5)  # long enough for a sleeper or detached shell to act, had one survived
    yield {
        "results": {g.student: g for g in results},
        "seconds": seconds,
        "before": before,
        "after": {"submissions": _snapshot(submissions), "canary": _snapshot(canary)},
        "base": sorted(p.name for p in base.iterdir()),
        "host_tmp_new": {p.name for p in Path("/tmp").iterdir()} - host_tmp_before,
        "csv_changed_later": out.read_bytes() != csv_after_grading,
        "leftovers": leftovers,
        "leftovers_later": _batch_processes(),
        "signals": signals,
        "decoy_signalled": decoy_marker.exists(),
        "heard": listeners.heard(),
        "count": len(notebooks),
    }
    listeners.close()
    os.kill(decoy, signal.SIGKILL)
    os.waitpid(decoy, 0)


def problems(attacked, student: str) -> str:
    return " | ".join(attacked["results"][student].problems)


def points(attacked, student: str) -> float:
    return attacked["results"][student].points


@pytest.mark.parametrize("route", list(ROUTES))
def test_each_route_is_tried_and_earns_nothing(attacked, route):
    """The visible answers are all blank, so any point would have come through the attack."""
    graded = attacked["results"][route]
    assert graded.chapter == 1 and len(graded.verdicts) == len(QUESTIONS)
    assert points(attacked, route) == 0


@pytest.mark.parametrize(
    ("route", "outcome"),
    [(route, outcome) for route, (_, outcomes) in ROUTES.items() for outcome in outcomes],
)
def test_each_attempt_meets_the_kernel(attacked, route, outcome):
    """What each attempt met, with the audit hook disarmed: an errno from a kernel layer."""
    message = problems(attacked, route)
    assert "ATTACK " in message, message
    assert outcome in message, message
    assert "grading sandbox" not in message  # the hook was disarmed: the kernel said no


HARMLESS = ("own group: DONE", "init: DONE")  # signals to itself: init ignores them


def test_no_attempt_got_through(attacked):
    for route in ROUTES:
        message = problems(attacked, route)
        for harmless in HARMLESS:
            message = message.replace(harmless, "")
        assert ": DONE" not in message, route


def test_nothing_appears_outside_the_notebooks_folders(attacked):
    assert (
        attacked["after"]["canary"]
        == attacked["before"]["canary"]
        == {"keep.txt": attacked["before"]["canary"]["keep.txt"]}
    )
    assert attacked["base"] == ["canary", "out", "submissions"]
    # Other programs on the machine use /tmp too: look for what these attacks would leave.
    marks = ("linked", "key", "key-link", "forged.ipynb", "x.db", "fifo", "node", "sock", "late")
    new = attacked["host_tmp_new"]
    leaked = [n for n in new if n in marks or n.startswith("medialit-notebook")]
    # Another grader on the machine (a second test run) makes and removes medialit-notebook-*
    # folders of its own: a folder this batch left behind is one that stays.
    deadline = time.monotonic() + 15
    while leaked and time.monotonic() < deadline:
        time.sleep(0.5)
        leaked = [n for n in leaked if os.path.lexists(Path("/tmp") / n)]
    assert leaked == []


def test_no_submission_changes(attacked):
    assert attacked["after"]["submissions"] == attacked["before"]["submissions"]


def test_the_victim_beside_the_attacks_is_graded_in_full(attacked):
    assert points(attacked, "zz_victim") == FULL
    assert attacked["results"]["zz_victim"].problems == []


def test_the_batch_finishes_within_its_time_limit(attacked):
    per_notebook = LIMITS.wall_seconds + 5
    assert all(g.seconds <= per_notebook for g in attacked["results"].values())
    assert attacked["seconds"] <= (attacked["count"] / JOBS + 1) * per_notebook


def test_no_process_outlives_the_batch(attacked):
    assert attacked["leftovers"] == []
    assert attacked["leftovers_later"] == []
    assert not attacked["csv_changed_later"]


def test_the_grader_gets_no_signal_and_its_listeners_hear_nothing(attacked):
    assert attacked["signals"] == []
    assert not attacked["decoy_signalled"]
    assert attacked["heard"] == []


def test_a_forged_reply_cannot_beat_the_notebooks_own_text(attacked):
    """Right answers forged on the channel, then exit: they contradict the visible ``...``."""
    graded = attacked["results"]["forged_reply_then_exit"]
    rejected = [v for v in graded.verdicts if "is not the one the notebook assigns" in v.message]
    assert len(rejected) == len(QUESTIONS)


@pytest.mark.parametrize(
    "route",
    ["forged_reply_then_carry_on", "forged_cell_events_to_stretch_time", "forged_19_5_mb_line"],
)
def test_a_tampered_channel_stops_the_notebook_and_discards_its_answers(attacked, route):
    assert "wrote on the grader's channel" in problems(attacked, route)
    assert attacked["results"][route].seconds < LIMITS.cell_seconds + 5


def test_a_process_group_sleeper_is_killed_at_the_cell_limit(attacked):
    graded = attacked["results"]["join_the_graders_process_group"]
    assert "timeout" in problems(attacked, "join_the_graders_process_group")
    assert graded.seconds < LIMITS.cell_seconds + 5


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("huge_int_400", "this one is too large"),
        ("huge_int_5000", "whole number of about 5001 digits"),
    ],
)
def test_huge_integers_cost_only_their_own_question(attacked, route, message):
    graded = attacked["results"][route]
    by_question = {v.question: v for v in graded.verdicts}
    assert message in by_question["1.2"].message
    assert graded.points == FULL - by_question["1.2"].max_points


def test_a_huge_line_costs_the_grader_no_memory():
    """A 19.5 MB line with no newline is refused after MAX_LINE_BYTES, never held whole."""
    import tracemalloc

    mine, theirs = socket.socketpair()
    sender = threading.Thread(target=lambda: _send_quietly(theirs, b"{}," * 6_500_000))
    sender.start()
    tracemalloc.start()
    try:
        with pytest.raises(ReplyError):
            LineReader(mine, MAX_LINE_BYTES).read_line(time.monotonic() + 10)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        mine.close()
        sender.join()
        theirs.close()
    assert peak < 3 * MAX_LINE_BYTES


def _send_quietly(sock: socket.socket, data: bytes) -> None:
    with contextlib.suppress(OSError):
        sock.sendall(data)
