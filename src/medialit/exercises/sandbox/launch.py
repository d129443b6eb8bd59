"""Start one notebook's process, confined by every layer this system offers, before its code runs.

Runs in the *monitor*, the process the fork server forks for each notebook. The monitor puts
the next process it forks into a new PID namespace (so the notebook's process is that
namespace's init: when it dies, the kernel kills everything it started) and forks it. The
notebook's process, still privileged, then:

1. leaves the network and IPC namespaces (a network namespace has no interfaces),
2. builds a private read-only root in a new mount namespace (:mod:`.linux.mounts`),
3. joins a new user namespace in which the monitor maps it to uid 65534, and switches to it
   (when the grader is not root, the monitor created the user namespace and the process drops
   its capabilities instead),
4. sets its resource limits, ``no_new_privs``, Landlock rules and a seccomp filter,
5. closes every file descriptor but its channel to the grader,

and only then reports the layers in force to the monitor (a pipe it closes before any student
code runs) and starts the runtime (:mod:`.runtime`). When the report shows that writes, the
key or the network are not confined and weaker isolation was not allowed, it exits instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from medialit.exercises.check import GRADING_ENV
from medialit.exercises.sandbox import guard, runtime
from medialit.exercises.sandbox.layers import Isolation, LayerReport
from medialit.exercises.sandbox.limits import Limits, apply_resource_limits
from medialit.exercises.sandbox.linux import landlock, libc, mounts, namespaces, seccomp
from medialit.exercises.sandbox.view import ChildView

LINUX = sys.platform == "linux"
NOBODY = 65534
CONFINE_SECONDS = 20.0  # the notebook's process must be confined by then (normally ~10 ms)


@dataclass(frozen=True)
class Settings:
    """What the notebook's process needs to know, from the grader's request and the server."""

    limits: Limits
    answers: tuple[str, ...]
    isolation: Isolation
    view: ChildView
    mountpoint: str  # an empty folder, where the private root is assembled


@dataclass
class Started:
    """The notebook's process as the monitor sees it once it is confined (or refused)."""

    pid: int
    report: LayerReport
    refused: str = ""
    host_folder: str = ""  # its folder if there is no private root; removed after the run


def start(settings: Settings, channel_fd: int) -> Started:
    """In the monitor: fork the notebook's process and wait until it reports its layers."""
    report = LayerReport()
    privileged = LINUX and os.geteuid() == 0
    host_folder = _host_folder(privileged)  # used only without a private root
    if LINUX:
        _enter_pid_namespace(settings.isolation, report, privileged)
    status_read, status_write = os.pipe()
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the notebook's process
        try:
            os.close(status_read)
            os.close(go_write)
            _confine_and_run(
                settings, channel_fd, report, (status_write, go_read), privileged, host_folder
            )
        except BaseException as error:  # before any notebook code: say what failed
            with contextlib.suppress(BaseException):
                failure = f"confining it failed ({type(error).__name__}: {error})"
                _send(status_write, {"report": report.as_dict(), "refused": failure})
        finally:
            os._exit(70)
    os.close(status_write)
    os.close(go_read)
    try:
        started = _await_confinement(pid, status_read, go_write)
        started.host_folder = host_folder
        return started
    finally:
        os.close(status_read)
        os.close(go_write)


def _enter_pid_namespace(isolation: Isolation, report: LayerReport, privileged: bool) -> None:
    if "pidns" in isolation.skip:
        report.missing["pidns"] = "left out on purpose"
        return
    try:
        if privileged:
            libc.unshare(libc.CLONE_NEWPID)
        else:  # an ordinary user needs a user namespace to create the others
            uid, gid = os.getuid(), os.getgid()
            libc.unshare(libc.CLONE_NEWUSER | libc.CLONE_NEWPID)
            namespaces.map_identity(os.getpid(), uid, gid, privileged=False)
            report.active["userns"] = f"mapped to the grader's own uid {uid}, no capabilities"
    except OSError as error:
        report.missing["pidns"] = str(error)
        return
    report.active["pidns"] = ""


def _await_confinement(pid: int, status_read: int, go_write: int) -> Started:
    deadline = time.monotonic() + CONFINE_SECONDS
    buffer = b""
    while True:
        ready, _, _ = select.select([status_read], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(status_read, 65536) if ready else b""
        if not chunk:
            message = "it did not finish" if not ready else "its process ended"
            return Started(
                pid, LayerReport(), refused=f"the notebook could not be confined ({message})"
            )
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            try:
                status = json.loads(line)
            except ValueError:
                status = {"refused": "the notebook's process sent an unreadable report"}
            if status.get("map"):
                namespaces.map_identity(pid, NOBODY, NOBODY, privileged=True)
                os.write(go_write, b"go\n")
                continue
            report = LayerReport.from_dict(status.get("report"))
            return Started(pid, report, str(status.get("refused", "")))


def _confine_and_run(
    settings: Settings,
    channel_fd: int,
    report: LayerReport,
    pipes: tuple[int, int],
    privileged: bool,
    host_folder: str,
) -> None:
    """In the notebook's process: put every layer in place, report, then run the notebook."""
    status_fd, go_fd = pipes
    os.setsid()  # its own session and process group (inside its own PID namespace)
    os.umask(0o022)
    channel_fd, status_fd, go_fd = (_above_stdio(fd) for fd in (channel_fd, status_fd, go_fd))
    skip = settings.isolation.skip

    def attempt(layer: str, action: Callable[[], str | None]) -> bool:
        if layer in skip:
            report.missing[layer] = "left out on purpose"
            return False
        try:
            report.active[layer] = action() or ""
        except OSError as error:
            report.missing[layer] = str(error)[:300]
            return False
        return True

    private_root = False
    if LINUX:
        attempt("netns", lambda: _unshare(libc.CLONE_NEWNET, "only a loopback that is down"))
        attempt("ipcns", lambda: _unshare(libc.CLONE_NEWIPC, ""))
        uid = NOBODY if privileged else 0
        private_root = attempt(
            "mountns",
            lambda: _private_root(settings, uid),
        )
        with contextlib.suppress(OSError):
            libc.join_new_session_keyring()  # the grader's keyring stays behind
    folder = settings.view.folder if private_root else host_folder
    _drop_identity(report, privileged, skip, _ask_for_map(status_fd, go_fd))
    attempt("rlimits", lambda: ", ".join(apply_resource_limits(settings.limits)))
    if LINUX:
        _kernel_layers(settings, folder, private_root, attempt)
    _close_all_but(channel_fd, status_fd)
    refusal = report.refusal()
    if refusal and not settings.isolation.allow_weaker:
        _send(status_fd, {"report": report.as_dict(), "refused": refusal})
        os._exit(0)
    report.active["audit_hook"] = "installed last, once the other layers are in place"
    _send(status_fd, {"report": report.as_dict()})
    os.close(status_fd)
    _run_notebook(settings, channel_fd, folder)


def _above_stdio(fd: int) -> int:
    """The same descriptor numbered 3 or more (0-2 become /dev/null for the notebook)."""
    if fd > 2:
        return fd
    import fcntl  # POSIX only: imported here so that the package imports everywhere

    return fcntl.fcntl(fd, fcntl.F_DUPFD, 3)


def _close_all_but(*keep: int) -> None:
    """Close every inherited descriptor (the control connection, the server's socket...)."""
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 20)


def _unshare(flag: int, detail: str) -> str:
    libc.unshare(flag)
    return detail


def _private_root(settings: Settings, uid: int) -> str:
    libc.unshare(libc.CLONE_NEWNS)
    mounts.build_private_root(
        settings.mountpoint, settings.view, settings.limits.folder_mb, uid, uid
    )
    return (
        f"{len(settings.view.binds)} folders shown read-only, {len(settings.view.hidden)} covered"
    )


def _host_folder(privileged: bool) -> str:
    """Without a private root, the notebook's folder is a fresh temporary folder on the host."""
    folder = tempfile.mkdtemp(prefix="medialit-notebook-")
    if privileged:
        os.chown(folder, NOBODY, NOBODY)
    return folder


def _ask_for_map(status_fd: int, go_fd: int) -> Callable[[], None]:
    def ask() -> None:
        _send(status_fd, {"map": True})
        if os.read(go_fd, 3) != b"go\n":
            raise OSError("the monitor did not map the user namespace")

    return ask


def _drop_identity(report: LayerReport, privileged: bool, skip: frozenset, ask_for_map) -> None:
    """Never run a notebook as root: a user namespace's nobody, or plain nobody, or refuse."""
    if LINUX:
        if privileged:
            try:
                if "userns" in skip:
                    raise OSError("left out on purpose")
                os.setgroups([])
                libc.unshare(libc.CLONE_NEWUSER)
                ask_for_map()
                namespaces.drop_bounding_set()
                namespaces.become(NOBODY, NOBODY)
                namespaces.clear_capabilities()
                report.active["userns"] = (
                    f"uid {NOBODY} (nobody) inside and outside, no capabilities"
                )
                return
            except OSError as error:
                report.missing["userns"] = f"{error}; runs as plain uid {NOBODY} instead"
        elif "userns" in report.active:
            namespaces.drop_bounding_set()
            namespaces.clear_capabilities()
            return
        else:
            report.missing.setdefault("userns", "not available to an ordinary user here")
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    if os.geteuid() == 0 or os.getuid() == 0:
        raise SystemExit("refusing to run a notebook as root")


def _kernel_layers(settings: Settings, folder: str, private_root: bool, attempt) -> None:
    def no_new_privs() -> str:
        libc.prctl(libc.PR_SET_NO_NEW_PRIVS, 1)
        return ""

    attempt("no_new_privs", no_new_privs)
    rules = [(rule.path, rule.access) for rule in settings.view.rules]
    rules += [(folder, "write"), ("/dev/null", "device")]
    rules += [(device, "file") for device in mounts.DEVICES[1:]]
    if private_root:
        rules.append((mounts.SHARED_MEMORY, "write"))

    def restrict() -> str:
        applied = landlock.restrict(rules)
        extras = [name for name, on in (("TCP", applied.network), ("scopes", applied.scoped)) if on]
        return f"ABI {applied.abi}, {applied.rules} rules" + (
            f", {' and '.join(extras)}" if extras else ""
        )

    attempt("landlock", restrict)
    attempt("seccomp", lambda: f"{seccomp.install()} system calls refused")
    with contextlib.suppress(OSError):
        libc.prctl(libc.PR_SET_PDEATHSIG, signal.SIGKILL)  # the monitor gone, the notebook goes


def _send(fd: int, message: dict) -> None:
    os.write(fd, json.dumps(message).encode() + b"\n")


def _run_notebook(settings: Settings, channel_fd: int, folder: str) -> None:
    os.environ.clear()
    os.environ.update(
        PATH="/usr/bin:/bin",
        LANG="C.UTF-8",
        HOME=folder,
        TMPDIR=folder,
        MPLCONFIGDIR=folder,
        MPLBACKEND="Agg",
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        **{GRADING_ENV: "1"},
    )
    tempfile.tempdir = None  # recomputed from TMPDIR
    os.chdir(folder)
    writer = runtime.redirect_output(settings.limits)
    sys.addaudithook(guard.guard(folder))
    runtime.serve(channel_fd, runtime.Runtime(settings.answers, settings.limits, writer))
    os._exit(0)


def remove_host_folder(started: Started) -> None:
    """After the notebook's process ended: remove the folder made for it on the host."""
    if started.host_folder:
        shutil.rmtree(started.host_folder, ignore_errors=True)
