"""Fresh virtual environments for the tests that install the kit as a user would.

A fresh environment sees nothing of the checkout or of the test environment: it gets only what
pip installs into it (from the package registry, through pip's cache), and notebooks run in a
Jupyter kernel started from its own Python.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PIP_TIMEOUT = 900  # seconds: a first install downloads matplotlib, ipykernel and their deps


@dataclass(frozen=True)
class FreshVenv:
    """A virtual environment made for one test module."""

    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def bin(self, name: str) -> Path:
        return self.root / "bin" / name

    def run(self, *args: str | Path, cwd: Path, check: bool = True, timeout: float = 300):
        """Run a program of the environment, with an environment of its own (no PYTHONPATH)."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{self.root / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        result = subprocess.run(
            [str(a) for a in args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(map(str, args))} exited {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def pip_install(self, *requirements: str | Path, cwd: Path) -> None:
        self.run(
            self.python,
            "-m",
            "pip",
            "install",
            "--quiet",
            *requirements,
            cwd=cwd,
            timeout=PIP_TIMEOUT,
        )

    def kernelspec(self, folder: Path, name: str) -> Path:
        """A kernelspec in ``folder/kernels/name`` starting this environment's ipykernel.

        Put ``folder`` on ``JUPYTER_PATH`` and run notebooks with ``kernel_name=name``.
        """
        spec = folder / "kernels" / name
        spec.mkdir(parents=True, exist_ok=True)
        argv = [str(self.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        (spec / "kernel.json").write_text(
            json.dumps({"argv": argv, "display_name": name, "language": "python"}),
            encoding="utf-8",
        )
        return folder


def make_venv(root: Path) -> FreshVenv:
    """A new virtual environment with pip and nothing else."""
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, capture_output=True)
    return FreshVenv(root)


def run_notebook(notebook, kernel_name: str, timeout: int = 600):
    """Execute a notebook (nbformat node) in the named kernel; returns it with its outputs."""
    import nbclient

    client = nbclient.NotebookClient(notebook, timeout=timeout, kernel_name=kernel_name)
    client.execute()
    return notebook


def cell_text(cell) -> str:
    """Everything a code cell printed or displayed as text."""
    pieces = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            pieces.append(output.get("text", ""))
        elif "data" in output:
            pieces.append(output["data"].get("text/plain", ""))
        elif output.get("output_type") == "error":
            pieces.append(f"{output.get('ename')}: {output.get('evalue')}")
    return "".join(pieces)
