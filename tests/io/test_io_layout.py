"""The layout of ``sentikit.io`` (issue 19): no import cycle among its modules, the old import
paths still give the moved names, one opener for compressed files, and the tables rewritten
without repeated literal lines still hold the same entries."""

from __future__ import annotations

import ast
import bz2
import gzip
import importlib
import io
from pathlib import Path

import pytest

import sentikit.io
from sentikit.errors import InputError
from sentikit.io import _files, record_reader
from sentikit.io._files import COMPRESSED, compressed_opener, open_text
from sentikit.io.records import count_lines, make_writer, read_records

IO_DIR = Path(sentikit.io.__file__).parent


def _io_imports(path: Path) -> set[str]:
    """The ``sentikit.io`` modules ``path`` imports, at module level or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sentikit.io"):
            if node.module == "sentikit.io":
                found |= {f"sentikit.io.{a.name}" for a in node.names}
            else:
                found.add(str(node.module))
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("sentikit.io.")}
    return found


def test_no_import_cycle_among_io_modules() -> None:
    modules = {f"sentikit.io.{p.stem}": p for p in IO_DIR.glob("*.py") if p.stem != "__init__"}
    edges = {name: _io_imports(path) & set(modules) for name, path in modules.items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = path[path.index(name) :] + [name]
            pytest.fail("import cycle: " + " → ".join(cycle))
        if name in done:
            return
        for dep in sorted(edges[name]):
            visit(dep, [*path, name])
        done.add(name)

    for name in sorted(modules):
        visit(name, [])
    # the cycle this layout broke: labelled files need label mapping, not the corpus loaders
    assert "sentikit.io.datasets" not in edges["sentikit.io.record_reader"]


MOVED = {
    "sentikit.io.records": {
        "sentikit.io.record_reader": [
            "INPUT_FORMATS",
            "STDIN_NAME",
            "SUFFIX_FORMATS",
            "Record",
            "RecordReader",
            "count_lines",
            "input_format",
            "read_labelled_file",
            "read_records",
        ],
        "sentikit.io.record_writers": [
            "CSV_COLUMNS",
            "CsvWriter",
            "JsonWriter",
            "JsonlWriter",
            "RecordWriter",
            "flat_row",
            "json_default",
        ],
        "sentikit.io.table": ["TableWriter", "cell_width", "fit_cell"],
    },
    "sentikit.io.datasets": {
        "sentikit.io.catalogue": [
            "ALIASES",
            "CLASSIFICATION_TASKS",
            "DATASETS",
            "SST5_LABELS",
            "DatasetInfo",
            "dataset_info",
            "resolve_dataset",
        ],
        "sentikit.io.corpora": [
            "Example",
            "clean_imdb_html",
            "iter_imdb_records",
            "iter_news_records",
            "sentence_polarity",
        ],
        "sentikit.io.labels": ["LABEL_MAP", "normalize_label"],
    },
    "sentikit.io.bundle": {
        "sentikit.io.bundle_integrity": [
            "ARRAYS_FILE",
            "DATA_FILES",
            "MANIFEST_KEY",
            "MODEL_FILE",
            "VOCAB_FILE",
            "compatible_range",
            "make_manifest",
            "version_in_range",
        ],
    },
}


@pytest.mark.parametrize("old", sorted(MOVED))
def test_moved_names_still_importable_from_the_old_module(old: str) -> None:
    facade = importlib.import_module(old)
    for home, names in MOVED[old].items():
        module = importlib.import_module(home)
        for name in names:
            assert getattr(facade, name) is getattr(module, name), f"{old}.{name}"


def test_the_public_api_of_records_and_datasets_is_unchanged() -> None:
    from sentikit.io import datasets, records

    assert set(records.__all__) >= {
        "CSV_COLUMNS",
        "INPUT_FORMATS",
        "OUTPUT_FORMATS",
        "CsvWriter",
        "JsonWriter",
        "JsonlWriter",
        "Record",
        "RecordReader",
        "RecordWriter",
        "TableWriter",
        "cell_width",
        "count_lines",
        "fit_cell",
        "flat_row",
        "input_format",
        "json_default",
        "make_writer",
        "output_format_for",
        "read_labelled_file",
        "read_records",
    }
    assert set(datasets.__all__) >= {
        "ALIASES",
        "CLASSIFICATION_TASKS",
        "DATASETS",
        "LABEL_MAP",
        "SST5_LABELS",
        "DatasetInfo",
        "Example",
        "clean_imdb_html",
        "dataset_info",
        "iter_examples",
        "iter_imdb_records",
        "iter_news_records",
        "iter_texts",
        "load_dataset",
        "load_labelled",
        "normalize_label",
        "resolve_dataset",
    }
    for module in (records, datasets):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


# --------------------------------------------------------------------------- compressed files


def test_one_table_of_compressed_suffixes() -> None:
    assert set(COMPRESSED) == {".gz", ".bz2", ".xz"}
    assert record_reader.COMPRESSED is _files.COMPRESSED
    assert compressed_opener("a.txt.GZ") is gzip.open
    assert compressed_opener("a.jsonl.bz2") is bz2.open
    assert compressed_opener("a.csv") is open


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".GZ"])
def test_open_text_and_read_records_open_the_same_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"in.txt{suffix}"
    with compressed_opener(path)(path, "wt", encoding="utf-8") as fh:
        fh.write("\ufeffGüzel\nKötü\n")
    with open_text(path) as fh:
        assert fh.read() == "Güzel\nKötü\n"
    with read_records(path) as reader:
        assert [r.text for r in reader] == ["Güzel", "Kötü"]
    assert count_lines(path) is None  # compressed: no cheap line count


def test_readers_and_writers_are_context_managers_closing_themselves(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("a\n", encoding="utf-8")
    with read_records(path) as reader:
        stream = reader._stream
        assert reader.__enter__() is reader
    assert stream.closed
    out = io.StringIO()
    with make_writer("json", out) as writer:
        assert writer.__enter__() is writer
    assert out.getvalue() == "[]\n" and not out.closed


# --------------------------------------------------------------------------- rewritten tables


def test_ptb_escapes_table() -> None:
    from sentikit.io.sst import PTB_ESCAPES

    assert list(PTB_ESCAPES.items()) == [
        ("-LRB-", "("),
        ("-RRB-", ")"),
        ("-LSB-", "["),
        ("-RSB-", "]"),
        ("-LCB-", "{"),
        ("-RCB-", "}"),
        ("``", '"'),
        ("''", '"'),
    ]


def test_absa_domain_aliases() -> None:
    from sentikit.io.absa import _domain

    for alias in ("restaurants", "restaurant", "rest", "Rest"):
        assert _domain(alias) == "restaurants"
    for alias in ("laptops", "laptop", "lap"):
        assert _domain(alias) == "laptops"
    with pytest.raises(InputError):
        _domain("hotels")
