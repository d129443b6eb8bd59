"""The first cell of every exercise notebook: install the kit where it is missing.

A student who opens a notebook in Colab or Binder, or in a Jupyter that never saw the kit, runs
this cell first. Where ``medialit`` can be imported already (a class computer, the grader) the
cell does nothing. Otherwise it installs the kit with pip from the repository named in
pyproject.toml (``[project.urls] Repository``; see :mod:`medialit.project`), or, when no
repository is set, stops with a message saying what to do.

The cell is plain Python, not ``%pip``: it runs the same in any kernel and in the grader, which
skips magics.

Examples
--------
>>> print(install_source("https://github.com/example/medialit").splitlines()[5])
MEDIALIT = 'git+https://github.com/example/medialit'
>>> "ModuleNotFoundError" in install_source(None)
True
"""

from __future__ import annotations

INSTALL_TAG = "medialit-install"
INSTALL_CELL_ID = "install-medialit"

_HEADER = """\
# Run this cell first. It installs the medialit kit where it is missing (Colab, Binder,
# a new Jupyter) and does nothing where the kit is installed already.
import importlib
import importlib.util

"""

_INSTALL = """\
MEDIALIT = {requirement!r}
if importlib.util.find_spec("medialit") is None:
    import subprocess
    import sys

    print(f"Installing medialit from {{MEDIALIT}} (this takes a minute or two)...")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", MEDIALIT], check=True)
    importlib.invalidate_caches()
    print("Installed. Go on with the next cell.")
"""

_NOT_SET = """\
if importlib.util.find_spec("medialit") is None:
    raise ModuleNotFoundError(
        "The medialit kit is not installed here, and this copy of the notebook does not say "
        "where to install it from. Ask your teacher for the kit, or install it from a copy "
        "of it with: pip install PATH/TO/medialit. (Teachers: set Repository under "
        "[project.urls] in pyproject.toml and run `medialit exercises build`; this cell "
        "will then install the kit from there.)"
    )
"""


def pip_requirement(repository: str) -> str:
    """What pip installs: the kit straight from its git repository.

    A bare VCS address rather than ``medialit @ git+...``: pip refuses the named form for
    ``file://`` addresses (no host), which is how a school's local copy is installed.

    Examples
    --------
    >>> pip_requirement("file:///tmp/medialit")
    'git+file:///tmp/medialit'
    """
    return f"git+{repository}"


def install_source(repository: str | None) -> str:
    """The cell's code for a repository address (``None``: not published)."""
    if repository is None:
        return _HEADER + _NOT_SET
    # !r gives a Python string literal, so no address can break out of it.
    return _HEADER + _INSTALL.format(requirement=pip_requirement(repository))


def install_cell(repository: str | None) -> dict:
    """The notebook cell (nbformat 4.5) holding :func:`install_source`."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": INSTALL_CELL_ID,
        "metadata": {"tags": [INSTALL_TAG]},
        "outputs": [],
        "source": install_source(repository),
    }
