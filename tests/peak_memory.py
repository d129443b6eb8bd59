"""Run a command's ``main`` in a child process and measure the child's own peak memory.

The peak is the child's ``VmHWM`` (high-water resident set) from ``/proc/self/status``, read as
the command ends. ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is no good here: Linux carries
the parent's peak across ``fork`` and ``exec``, so a child of a large pytest process would
report the parent's memory.

    status, out, err, peak_mb = run_measured("medialit.cli", ["analyze", "a.txt"])
"""

from __future__ import annotations

import subprocess
import sys

_PROGRAM = """
import importlib, sys

def peak_kb():
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

main = importlib.import_module(sys.argv[1]).main
try:
    status = main(sys.argv[2:])
finally:
    sys.stdout.flush()
    sys.stderr.write(f"\\npeak-kb {peak_kb()}\\n")
sys.exit(status)
"""


def run_measured(module: str, args: list[str], *, timeout: float = 120, stdin=None):
    """(exit status, stdout, stderr without the measurement, peak memory in MB) of
    ``module.main(args)`` run in a child; ``timeout`` is a hang guard, not a speed budget."""
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM, module, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=stdin,
        check=False,
    )
    err, _, last = result.stderr.rstrip("\n").rpartition("\n")
    assert last.startswith("peak-kb "), result.stderr[-2000:]
    return result.returncode, result.stdout, err.strip(), int(last.split()[1]) / 1024
