"""Record-oriented input and output for the command line and batch scripts: the one module
to import from.

The work is done in these modules, whose names are all re-exported here:

- :mod:`sentikit.io.record_reader`: :func:`read_records` turns a text, CSV/TSV, JSON Lines
  or JSON file (or ``"-"`` for standard input, optionally ``.gz``/``.bz2``/``.xz``
  compressed) into a stream of :class:`Record` objects, one per input record, in input
  order, with error records where a record cannot be read; :func:`read_labelled_file`
  reads a labelled training file whole.
- :mod:`sentikit.io.record_writers`: the ``json``, ``jsonl`` and ``csv`` writers
  (:class:`RecordWriter`).
- :mod:`sentikit.io.table`: the ``table`` writer (aligned columns for a terminal).
- :mod:`sentikit.io.html`: the ``html`` writer (one self-contained page of explanations).

:func:`make_writer`, defined here, returns the :class:`RecordWriter` of a format name, which
streams analysis results (the result dicts of :meth:`sentikit.pipeline.Analyzer.iter_analyze`)
to a text stream as ``json`` (one JSON array, written item by item), ``jsonl``, ``csv`` (flat
columns :data:`CSV_COLUMNS`), ``table`` or ``html``.

Examples
--------
>>> import io, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
>>> _ = open(path, "w", encoding="utf-8").write('{"id": "a", "text": "Güzel"}\\nnot json\\n')
>>> with read_records(path) as records:
...     [(r.id, r.text, r.error) for r in records]
[('a', 'Güzel', None), ('2', None, 'line 2: not valid JSON (Expecting value at column 1)')]
>>> out = io.StringIO()
>>> with make_writer("jsonl", out) as w:
...     w.write({"id": "a", "label": "positive", "score": 0.5})
>>> out.getvalue()
'{"id": "a", "label": "positive", "score": 0.5}\\n'
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any, TextIO

from sentikit.errors import InputError
from sentikit.io.html import HtmlWriter
from sentikit.io.record_reader import (
    INPUT_FORMATS,
    STDIN_NAME,
    SUFFIX_FORMATS,
    Record,
    RecordReader,
    count_lines,
    input_format,
    read_labelled_file,
    read_records,
)
from sentikit.io.record_writers import (
    CSV_COLUMNS,
    CsvWriter,
    JsonlWriter,
    JsonWriter,
    RecordWriter,
    flat_row,
    json_default,
)
from sentikit.io.table import TableWriter, cell_width, fit_cell

#: Output formats :func:`make_writer` understands.
OUTPUT_FORMATS = ("json", "jsonl", "csv", "table", "html")

_WRITERS: dict[str, type[RecordWriter]] = {
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "table": TableWriter,
    "html": HtmlWriter,
}


def make_writer(fmt: str, stream: IO[str] | TextIO | io.StringIO, **options: Any) -> RecordWriter:
    """A :class:`RecordWriter` for ``fmt`` (one of :data:`OUTPUT_FORMATS`).

    Parameters
    ----------
    fmt : str
        ``"json"``, ``"jsonl"``, ``"csv"``, ``"table"`` or ``"html"``.
    stream : text stream
        Where to write (opened with ``newline=""`` for files, so ``\\n`` stays ``\\n``).
    **options
        ``csv``: ``include_text=True``; ``table``: ``width=None``, ``buffer=100``; ``html``:
        ``title="sentikit explanations"``.

    Raises
    ------
    InputError
        For an unknown format.
    """
    try:
        cls = _WRITERS[fmt]
    except KeyError:
        raise InputError(
            f"unknown output format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}"
        ) from None
    return cls(stream, **options)


def output_format_for(path: str | Path) -> str | None:
    """The output format a file name implies (``.json``, ``.jsonl``, ``.csv``, ``.html``),
    else None."""
    suffix = Path(path).suffix.lower()
    return {
        ".json": "json",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".html": "html",
        ".htm": "html",
    }.get(suffix)


__all__ = [
    "CSV_COLUMNS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "STDIN_NAME",
    "SUFFIX_FORMATS",
    "CsvWriter",
    "HtmlWriter",
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
]
