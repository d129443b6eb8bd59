"""The corpus and lexicon loaders against hostile seed files.

Each attack of issue 14 ("Corpus loader") is a test here: ``python -m medialit.corpus`` must
exit non-zero with one short line naming the file, the item and the field, never a traceback,
never read outside the seeds folder, never wait on a FIFO, and never modify a file. Random bytes
and random YAML in place of any one seed file (or of the lexicon) give a CorpusError
(LexiconError) naming the file, or load.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peak_memory import run_measured

import medialit.extract.language as language
from medialit import corpus
from medialit.corpus import MAX_FILE_BYTES, CorpusError, load_corpus, seeds_dir
from medialit.extract.language import LexiconError, load_lexicon
from medialit.inputs import MAX_MESSAGE_CHARS

ARTICLE = "002_e83fa0ec37095518.txt"  # the third article, id "002"


@pytest.fixture
def seeds(tmp_path):
    """A writable copy of the seeds folder, named ``seeds`` as messages expect."""
    dest = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), dest)
    return dest


def snapshot(folder: Path) -> dict:
    """Every file's bytes (links and special files by what they are, never read)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            state[path] = ("link", os.readlink(path))
        elif path.is_file():
            state[path] = path.read_bytes()
        else:
            state[path] = ("other", path.stat().st_mode)
    return state


def validate(folder: Path) -> str:
    """Run the validator command in-process; it must fail with one clear line."""
    corpus._load_corpus.cache_clear()  # a folder may be reused with new contents
    corpus._load_references.cache_clear()
    corpus._load_story.cache_clear()
    before = snapshot(folder)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = corpus.main([str(folder)])
    assert snapshot(folder) == before, "a seed file changed"
    return one_line_failure(status, out.getvalue(), err.getvalue())


def one_line_failure(status: int, out: str, err: str) -> str:
    assert status == 1 and out == "", (status, out, err)
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: seeds/"), err
    assert len(lines[0]) <= MAX_MESSAGE_CHARS + 10
    return lines[0]


def validate_in_child(folder: Path, timeout: float = 60) -> tuple[str, float]:
    """(the one error line, peak memory in MB) of ``python -m medialit.corpus`` in a child."""
    before = snapshot(folder)
    status, out, err, peak_mb = run_measured("medialit.corpus", [str(folder)], timeout=timeout)
    assert snapshot(folder) == before, "a seed file changed"
    return one_line_failure(status, out, err + "\n"), peak_mb


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in itertools.pairwise("abcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- memory and hangs


def test_billion_laughs_fails_fast_in_little_memory(seeds):
    # Was 12.7 s, 1.39 GB and a 351 MB error message (MemoryError and a traceback at nine levels).
    bomb = billion_laughs()
    assert len(bomb) < 600
    (seeds / "references.yaml").write_text(bomb, encoding="utf-8")
    line, peak_mb = validate_in_child(seeds)
    assert line.startswith("error: seeds/references.yaml: top level: field 'f': expands to")
    assert peak_mb < 300, f"peak memory {peak_mb:.0f} MB"


def test_a_fifo_as_a_seed_file_is_refused_without_waiting(seeds):
    (seeds / "catalog.yaml").unlink()
    os.mkfifo(seeds / "catalog.yaml")
    line, _ = validate_in_child(seeds, timeout=30)
    assert line == "error: seeds/catalog.yaml: is a named pipe (FIFO), not a regular file"


def test_a_fifo_as_an_article_text_is_refused_without_waiting(seeds):
    os.mkfifo(seeds / "pipe.txt")
    edit(seeds / "catalog.yaml", f"file: {ARTICLE}", "file: pipe.txt")
    line, _ = validate_in_child(seeds, timeout=30)
    assert line == (
        "error: seeds/catalog.yaml: articles[2] (id '002'): field 'file': "
        "seeds/pipe.txt: is a named pipe (FIFO), not a regular file"
    )


def test_a_file_over_the_size_limit_is_refused_before_parsing(seeds):
    path = seeds / "references.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    line = validate(seeds)
    assert "seeds/references.yaml: 1.1 MB is larger than the 1.0 MB limit" in line


# --------------------------------------------------------------------------- confinement


@pytest.mark.parametrize(
    "file", ["../../../../../../etc/passwd", "/etc/passwd", "/dev/zero", "annotations/../../x.txt"]
)
def test_article_paths_stay_inside_the_seeds_folder(seeds, file):
    edit(seeds / "catalog.yaml", f"file: {ARTICLE}", f"file: {file}")
    line = validate(seeds)
    assert line.startswith("error: seeds/catalog.yaml: articles[2] (id '002'): field 'file': ")
    assert "lies outside seeds" in line and "sha256" not in line  # never read, never hashed


def test_a_link_leaving_the_folder_is_refused_even_with_the_right_bytes(seeds, tmp_path):
    # The text outside is byte-identical (its sha256 matches): only the confinement refuses it.
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(seeds / ARTICLE, outside)
    (seeds / ARTICLE).unlink()
    (seeds / ARTICLE).symlink_to(outside)
    line = validate(seeds)
    assert line == (
        f"error: seeds/catalog.yaml: articles[2] (id '002'): field 'file': seeds/{ARTICLE}: "
        "lies outside seeds (an absolute path, '..', a link)"
    )


def test_a_link_inside_the_folder_is_fine(seeds):
    (seeds / "copy.txt").symlink_to(seeds / ARTICLE)
    edit(seeds / "catalog.yaml", f"file: {ARTICLE}", "file: copy.txt")
    assert [a.file for a in load_corpus(seeds)][2] == "copy.txt"


def test_a_seed_yaml_file_linking_outside_is_refused(seeds, tmp_path):
    outside = tmp_path / "story.yaml"
    shutil.copy(seeds / "story.yaml", outside)
    (seeds / "story.yaml").unlink()
    (seeds / "story.yaml").symlink_to(outside)
    assert validate(seeds) == (
        "error: seeds/story.yaml: lies outside seeds (an absolute path, '..', a link)"
    )


def test_an_article_id_cannot_lead_the_annotation_path_outside(seeds):
    edit(seeds / "catalog.yaml", 'id: "002"', 'id: "../../../../etc/hostname"')
    line = validate(seeds)
    assert "annotations/../../../../etc/hostname.yaml: lies outside seeds" in line


# --------------------------------------------------------------------------- malformed files


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "catalog.yaml", "published: 2022-01-10", "published: 2022-13-45",
            "seeds/catalog.yaml: articles[0]: field 'published': cannot read '2022-13-45' as a "
            "date (month must be in 1..12) (line 23, column 16)",
        ),
        (
            "catalog.yaml", "published: 2022-01-10", "published: 2022-01-10 10:00:00",
            "seeds/catalog.yaml: articles[0] (id '000'): field 'published': expected a date "
            "without a time, found 2022-01-10T10:00:00",
        ),
        (
            "annotations/000.yaml", "  kind: count\n", "  kind: count\n  kind: date\n",
            "seeds/annotations/000.yaml: figures[0]: field 'kind': given twice",
        ),
        (
            "catalog.yaml", "    outlet_kind: unidentified\n",
            "    outlet_kind: unidentified\n    outlet_kind: state_media\n",
            "seeds/catalog.yaml: articles[0]: field 'outlet_kind': given twice (line 16",
        ),
        (
            "annotations/000.yaml", "  low: 24\n", "  low: " + "9" * 5000 + "\n",
            "seeds/annotations/000.yaml: figures[0]: field 'low': cannot read '9999",
        ),
        (
            "story.yaml", 'label: "Government resigns"',
            "label: " + "[" * 100_000 + "]" * 100_000,
            "seeds/story.yaml: events[1].label[0]…[0][0][0] (51 levels): nested more than 50",
        ),
        (
            "story.yaml", "events:", "events: !!python/object/apply:os.system [id]\nx:",
            "seeds/story.yaml: malformed YAML at line 5, column 9: could not determine a "
            "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
        ),
        (
            "references.yaml", "references:", 'references: "\\ud800"\nx:',
            "half of a UTF-16 pair",
        ),
        (
            "annotations/001.yaml", "figures:", "figures: &a [*a]\nx:",
            "seeds/annotations/001.yaml: figures[0]: the alias *a refers to a collection that "
            "contains it",
        ),
    ],
)  # fmt: skip
def test_malformed_yaml_is_named_by_file_item_and_field(seeds, file, old, new, expected):
    edit(seeds / file, old, new)
    assert expected in validate(seeds)


def test_a_catalog_that_is_a_directory(seeds):
    (seeds / "catalog.yaml").unlink()
    (seeds / "catalog.yaml").mkdir()
    assert validate(seeds) == "error: seeds/catalog.yaml: is a directory, not a file"


def test_yaml_that_is_not_utf8(seeds):
    path = seeds / "story.yaml"
    path.write_bytes(path.read_bytes().replace(b"Government", b"Gouvernement \xe9"))
    assert "error: seeds/story.yaml: not UTF-8 text (byte 0xe9 at offset" in validate(seeds)


def test_an_article_that_is_not_utf8(seeds):
    data = (seeds / ARTICLE).read_bytes() + b"\xff"
    (seeds / ARTICLE).write_bytes(data)
    edit(seeds / "catalog.yaml", corpus.load_corpus()[2].sha256, _sha(data))
    line = validate(seeds)
    assert f"articles[2] (id '002'): field 'file': seeds/{ARTICLE}: not UTF-8 text" in line


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_a_byte_order_mark_is_read_as_utf8(seeds):
    for name in ("catalog.yaml", "annotations/002.yaml"):
        path = seeds / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    data = b"\xef\xbb\xbf" + (seeds / ARTICLE).read_bytes()
    (seeds / ARTICLE).write_bytes(data)
    edit(seeds / "catalog.yaml", corpus.load_corpus()[2].sha256, _sha(data))
    article = load_corpus(seeds)[2]
    assert article.text == corpus.load_corpus()[2].text  # the mark is not part of the text
    assert article.figures == corpus.load_corpus()[2].figures


def test_a_long_value_gives_a_short_message(seeds):
    edit(seeds / "annotations/002.yaml", "- quote: ", "- quote: " + "x" * 400_000 + " ")
    line = validate(seeds)
    assert line.startswith("error: seeds/annotations/002.yaml: figures[0]")
    assert line.endswith("more characters)")


def test_odd_keys_are_named_not_a_traceback(seeds):
    edit(seeds / "annotations/000.yaml", "  kind: count\n", "  kind: count\n  7: x\n  null: y\n")
    assert "figures[0] (quote 'Dozens'): field '7': unknown field" in validate(seeds)


# --------------------------------------------------------------------------- the lexicon


def test_the_validator_loads_the_lexicon(tmp_path, monkeypatch, capsys):
    assert corpus.main([]) == 0
    assert "lexicon entries valid" in capsys.readouterr().out
    broken = tmp_path / "lexicon.yaml"
    source = "{name: n, what: w, citation: c, url: 'https://example.org', licence: l}"
    broken.write_text(
        f"sources:\n  s: {source}\n"
        "terms:\n  - term: thugs\n    category: insults\n    neutral: ''\n    source: [s]\n"
    )
    monkeypatch.setattr(language, "_lexicon_path", lambda: broken)
    assert corpus.main([]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"error: {broken}: terms[0] ('thugs'): field 'category'")


def test_a_lexicon_alias_bomb_fails_fast(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(billion_laughs())
    with pytest.raises(LexiconError, match="expands to more than 100,000 values"):
        load_lexicon(path)


def test_a_lexicon_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "lexicon.yaml")
    with pytest.raises(LexiconError, match="is a named pipe"):
        load_lexicon(tmp_path / "lexicon.yaml")


# --------------------------------------------------------------------------- random input

_REPLACEABLE = ["catalog.yaml", "references.yaml", "story.yaml", "annotations/002.yaml", ARTICLE]

# Pieces of YAML syntax, most of them meaningful somewhere, shaken into random documents.
_YAML_PIECES = st.sampled_from(
    ["a", "id", "file", "articles", "figures", "quote", ":", ": ", " ", "\n", "  ", "- ", "[",
     "]", "{", "}", ", ", "&x ", "*x", "<<: ", "? ", "!!int ", "!!str ", "!!bool ", "!!set ",
     "!!binary ", "!!timestamp ", "!!python/name:os.system ", "'", '"', "\\u", "\\", "# ", "---",
     "...", "2022-13-45", "2022-01-05", "1e400", "0x1F", "9" * 30, "~", "null", "\t", "|", ">",
     "%YAML 1.1\n", "\x85", "\ufeff", "\u2028", "\x00", "é"]
)  # fmt: skip

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["000", "002", "DT-01", "deaths", "count", "people", "case", "outlet"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def mutated(document, data) -> str:
    """``document`` with one value, somewhere in it, replaced by a random one, as YAML."""
    node, parent, key = document, None, None
    # Mostly deep: the fields of one item are where validation has the most to check.
    while isinstance(node, (dict, list)) and node and data.draw(st.integers(0, 5)) > 0:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, data.draw(st.sampled_from(keys))
        node = node[key]
    value = data.draw(_VALUES)
    if parent is None:
        document = value
    elif data.draw(st.booleans()) and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = value  # a new (perhaps unknown) field
    else:
        parent[key] = value
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def random_content(data, original: bytes) -> bytes:
    kind = data.draw(st.sampled_from(["bytes", "pieces", "mutation"]))
    if kind == "bytes":
        return data.draw(st.binary(max_size=2000))
    if kind == "pieces":
        return "".join(data.draw(st.lists(_YAML_PIECES, max_size=120))).encode()
    try:
        document = yaml.safe_load(original)
    except yaml.YAMLError:
        return original
    return mutated(document, data).encode()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("random-seeds")


_example = itertools.count()


@settings(
    max_examples=40, deadline=20_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(_REPLACEABLE), st.data())
def test_random_content_in_any_seed_file_is_a_clear_error_or_loads(scratch, name, data):
    folder = scratch / str(next(_example)) / "seeds"  # a new folder: the loader caches by path
    shutil.copytree(seeds_dir(), folder)
    target = folder / name
    target.write_bytes(random_content(data, target.read_bytes()))
    try:
        load_corpus(folder)
    except CorpusError as error:
        message = str(error)
        assert "\n" not in message and len(message) <= MAX_MESSAGE_CHARS + 40
        named = message.split(": ", 1)[0]
        assert named.startswith("seeds/") and (folder.parent / named).exists(), message
        if name == ARTICLE:
            assert f"seeds/{name}" in message
    finally:
        shutil.rmtree(folder.parent)


@settings(
    max_examples=40, deadline=20_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_random_content_in_the_lexicon_is_a_clear_error_or_loads(scratch, data):
    path = scratch / f"lexicon-{next(_example)}.yaml"  # a new path: the loader caches by path
    original = (Path(language.__file__).parent / "lexicon.yaml").read_bytes()
    path.write_bytes(random_content(data, original))
    try:
        load_lexicon(path)
    except LexiconError as error:
        message = str(error)
        assert message.startswith(f"{path}: ") and "\n" not in message, message
        assert len(message) <= MAX_MESSAGE_CHARS + 40
