"""Line inputs (``.txt``, ``.jsonl``) cut into parts of whole lines, read where they are analyzed.

A parallel run (``sentikit analyze --jobs N`` or ``--engine dask``) cuts its input into
partitions. For a line format, one record per line, the process that reads the input does not
need to parse it: :func:`line_parts` cuts the raw bytes at line ends into :class:`LinePart`
objects (bytes, cheap to send, with the number of their first line, of their first record and
their byte offset), and the worker turns a part into its records with :func:`part_records`,
through the reader of :func:`sentikit.io.records.read_records`: the same records, ids, error
records and messages (line numbers, record numbers, byte offsets of invalid UTF-8) as reading
the whole input in one process.

The reader counts only blank lines itself (in ``.jsonl``, a line of JSON whitespace and
byte-order marks is not a record), at about 50 ms per 200,000 lines; it decodes and parses
nothing.

Examples
--------
>>> import io
>>> data = b'{"text": "good"}\\n\\n{"text": "bad"}\\nnot json\\n'
>>> parts = list(line_parts(io.BytesIO(data), "jsonl", size=2))
>>> [(p.line, p.number, p.offset, len(p)) for p in parts]
[(1, 1, 0, 2), (4, 3, 34, 1)]
>>> how = LineFormat("jsonl", "in.jsonl")
>>> [(r.id, r.text, r.line) for p in parts for r in part_records(p, how)]
[('1', 'good', 1), ('2', 'bad', 3), ('3', None, 4)]
>>> next(part_records(parts[1], how)).error
'line 4: not valid JSON (Expecting value at column 1)'
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sentikit.io._files import Closing
from sentikit.io.record_reader import Record, RecordReader, _open_binary

__all__ = [
    "LINE_FORMATS",
    "MAX_PART_BYTES",
    "LineFormat",
    "LineInput",
    "LinePart",
    "line_parts",
    "part_records",
]

#: The input formats with one record per line.
LINE_FORMATS = ("txt", "jsonl")

#: A part closes once its lines hold this many bytes (as a batch closes at 1M characters).
MAX_PART_BYTES = 1_000_000

_BOM = codecs.BOM_UTF8
_JSON_WHITESPACE = b" \t\r\n"


@dataclass(frozen=True, slots=True)
class LinePart:
    """Whole lines of an input, as bytes, and where they are in it.

    Attributes
    ----------
    data : the lines, line ends included.
    line : the 1-based number of the first line.
    number : the 1-based record number of the first record.
    offset : the byte offset of the first line.
    records : the records the lines hold (``len(part)``).
    """

    data: bytes
    line: int
    number: int
    offset: int
    records: int

    def __len__(self) -> int:
        return self.records


@dataclass(frozen=True, slots=True)
class LineFormat:
    """How to read the records of a part: the input format (one of :data:`LINE_FORMATS`),
    the input's name in messages, and the text and id fields (``.jsonl``)."""

    fmt: str
    name: str
    text_col: str = "text"
    id_col: str | None = None


def _blank(raw: bytes, first: bool) -> bool:
    """Whether a ``.jsonl`` line is no record (the reader skips it): JSON whitespace only, after
    a byte-order mark (two on the first line: the file's, then the line's)."""
    if first and raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    return not raw.strip(_JSON_WHITESPACE)


def line_parts(
    stream: IO[bytes], fmt: str, size: int, max_bytes: int = MAX_PART_BYTES
) -> Iterator[LinePart]:
    """The lines of ``stream`` in order, in parts of at most ``size`` records (and about
    ``max_bytes``); every line in exactly one part, no part without a record (blank lines
    at the end of a ``.jsonl`` input are left out: they are no records).

    Lines end at ``\\n`` (as the reader's). Nothing is decoded: invalid UTF-8 is reported by
    :func:`part_records`, with the line and byte offset the reader gives.
    """
    if size < 1:
        raise ValueError("a part holds at least 1 record")
    jsonl = fmt == "jsonl"
    lines: list[bytes] = []
    line = number = 1
    offset = nbytes = records = 0
    for raw in stream:
        if not (jsonl and _blank(raw, line + len(lines) == 1)):
            records += 1
        lines.append(raw)
        nbytes += len(raw)
        if records and (records >= size or nbytes >= max_bytes):
            yield LinePart(b"".join(lines), line, number, offset, records)
            line, number, offset = line + len(lines), number + records, offset + nbytes
            lines, nbytes, records = [], 0, 0
    if records:
        yield LinePart(b"".join(lines), line, number, offset, records)


class _PartReader(RecordReader):
    """The reader of :func:`sentikit.io.records.read_records` over the lines of one part,
    numbering lines, records and bytes as in the whole input."""

    def __init__(self, part: LinePart, how: LineFormat) -> None:
        self._part = part
        super().__init__(how.name, how.fmt, text_col=how.text_col, id_col=how.id_col)
        # the records are read lazily (the line formats' readers are generators): numbering
        # from the part's place on takes effect from the first record
        self._lines.lineno = part.line - 1
        self._lines.offset = part.offset
        self._numbered = part.number - 1

    def _open(self, path: str | Path) -> tuple[IO[bytes], str, bool]:
        return io.BytesIO(self._part.data), str(path), True


def part_records(part: LinePart, how: LineFormat) -> Iterator[Record]:
    """The records of ``part``, as reading the whole input gives them.

    Raises
    ------
    InputError
        For invalid UTF-8 (naming ``how.name``, the line and the byte offset in the input).
    """
    if how.fmt not in LINE_FORMATS:
        raise ValueError(f"not a line format: {how.fmt!r}")
    with _PartReader(part, how) as reader:
        yield from reader


class LineInput(Closing):
    """A line input opened for :func:`line_parts` (a file, ``.gz``/``.bz2``/``.xz`` ones
    decompressed, or ``"-"`` for standard input), and how its records are read; a context
    manager closing it.

    Raises
    ------
    InputError
        For a missing file, a folder, an unreadable file (as :func:`read_records`).
    """

    def __init__(
        self, path_or_dash: str | Path, fmt: str, text_col: str = "text", id_col: str | None = None
    ) -> None:
        if fmt not in LINE_FORMATS:
            raise ValueError(f"not a line format: {fmt!r}")
        self.stream, name, self._owned = _open_binary(path_or_dash)
        self.how = LineFormat(fmt, name, text_col, id_col)

    def parts(self, size: int) -> Iterator[LinePart]:
        """:func:`line_parts` of the input."""
        return line_parts(self.stream, self.how.fmt, size)

    def close(self) -> None:
        """Close the file (standard input is left open)."""
        if self._owned:
            self.stream.close()
