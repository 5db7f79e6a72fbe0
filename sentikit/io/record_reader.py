"""Reading records: a text, CSV/TSV, JSON Lines or JSON file (or standard input) as a stream
of :class:`Record` objects, for the command line and batch scripts.

:func:`read_records` turns a file (or ``"-"`` for standard input) into a stream of
:class:`Record` objects, one per input record, in input order:

- ``.txt``: one record per line; blank lines are records too (their text is ``""``). A final
  line ending does not start an extra record.
- ``.csv`` / ``.tsv``: a header row, then one record per row (RFC 4180 quoting, so a quoted
  field may hold the delimiter and line breaks). The text comes from ``text_col``, the id from
  ``id_col``. A missing column raises :class:`~sentikit.errors.InputError` naming the columns
  there are; a row with fewer fields than the header, or one the parser rejects (a bare
  carriage return in an unquoted field), becomes an error record. Blank lines between rows
  are not records (as in every CSV reader). A quoted field still open at the end of the file
  (a stray ``"``) raises :class:`~sentikit.errors.InputError` naming the record and the line
  of the quote, instead of reading the rest of the file as one field.
- ``.jsonl``: one JSON value per line, an object with the text under ``text_col`` or a bare
  string. The id is ``id_col`` or, when not given, the ``"id"`` field if present. A line that
  is not valid JSON, lacks the text field or holds a non-string text becomes an *error record*
  naming the line; the stream goes on. Blank lines (nothing but JSON whitespace: space, tab,
  CR) are skipped (they are not JSON values); a byte-order mark at the start of any line
  (files joined with ``cat``) is dropped.
- ``.json``: a JSON array of such objects or strings (read whole, not streamed).

A ``.gz``, ``.bz2`` or ``.xz`` suffix after these is decompressed on the fly (the openers of
:data:`sentikit.io._files.COMPRESSED`). Ids default to the 1-based record number as a string.

Input must be UTF-8 (a byte-order mark is accepted and dropped). Invalid UTF-8 raises
:class:`~sentikit.errors.InputError` naming the file, the line and the byte offset.

:func:`read_labelled_file` reads a labelled file (text and label columns) whole, mapping the
labels to sentikit's; it is what training and the auxiliary corpora of a model read.

All of this is also importable from :mod:`sentikit.io.records`.

Examples
--------
>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
>>> _ = open(path, "w", encoding="utf-8").write('{"id": "a", "text": "Güzel"}\\nnot json\\n')
>>> with read_records(path) as records:
...     [(r.id, r.text, r.error) for r in records]
[('a', 'Güzel', None), ('2', None, 'line 2: not valid JSON (Expecting value at column 1)')]
"""

from __future__ import annotations

import codecs
import csv
import json
import lzma
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sentikit.errors import InputError
from sentikit.io._files import (
    COMPRESSED,
    Closing,
    CsvRow,
    UnterminatedQuoteError,
    compressed_opener,
    is_compressed,
    iter_csv_rows,
)
from sentikit.io.labels import normalize_label

#: Input formats :func:`read_records` understands.
INPUT_FORMATS = ("txt", "csv", "tsv", "jsonl", "json")
#: File suffixes → input format (``.ndjson`` is another name for JSON Lines).
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
#: Name used in messages for standard input.
STDIN_NAME = "<stdin>"

# Largest field the csv module accepts (its default, 128 KiB, is smaller than some reviews).
_CSV_FIELD_LIMIT = 2**31 - 1
# What JSON (RFC 8259) counts as whitespace; str.strip() also drops NBSP, U+001C-U+001F ...,
# which would make a line holding only those vanish instead of becoming an error record.
_JSON_WHITESPACE = " \t\r\n"
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Record:
    """One input record.

    Attributes
    ----------
    id : str
        The id column / field, else the 1-based record number as a string.
    text : str or None
        The text to analyze; ``None`` for an error record.
    error : str or None
        Why the record cannot be analyzed (``"line 7: not valid JSON (...)"``), else ``None``.
    number : int
        1-based position of the record in the input.
    line : int
        1-based line where the record starts in the input file (0 for ``.json`` arrays).
    label : str or None
        The ``label_col`` value when :func:`read_records` was asked for one.
    """

    id: str
    text: str | None
    error: str | None = None
    number: int = 0
    line: int = 0
    label: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the record has a text to analyze."""
        return self.error is None and self.text is not None


# --------------------------------------------------------------------------- reading


def input_format(path: str | Path, fmt: str | None = None) -> str:
    """The input format of ``path``: ``fmt`` if given, else from the file suffix.

    Standard input (``"-"``) defaults to ``"txt"``; a compression suffix (``.gz``, ``.bz2``,
    ``.xz``) is looked through.

    Raises
    ------
    InputError
        For an unknown ``fmt`` or a suffix that names no format.
    """
    if fmt is not None:
        fmt = fmt.lower().lstrip(".")
        if fmt not in INPUT_FORMATS:
            raise InputError(
                f"unknown input format {fmt!r}; choose one of {', '.join(INPUT_FORMATS)}"
            )
        return fmt
    if str(path) == "-":
        return "txt"
    p = Path(path)
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffixes[-1]]
    raise InputError(
        f"cannot tell the format of {str(path)!r} from its name; give it explicitly "
        f"({', '.join(INPUT_FORMATS)})"
    )


def _open_binary(path: str | Path) -> tuple[IO[bytes], str, bool]:
    """``(binary stream, display name, whether to close it)``; ``"-"`` is standard input."""
    if str(path) == "-":
        return sys.stdin.buffer, STDIN_NAME, False
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"cannot read {name!r}: no such file")
    if p.is_dir():
        raise InputError(f"cannot read {name!r}: it is a directory")
    try:
        stream: IO[bytes] = compressed_opener(p)(p, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    return stream, name, True


def _describe_bad_bytes(raw: bytes, start: int) -> str:
    return raw[start : start + 4].hex(" ")


class _LineSource:
    """Decoded lines (line endings kept) of a binary stream, with line numbers and UTF-8 checks.

    Raises :class:`InputError` with the file name, line and byte offset at the first invalid
    UTF-8 sequence. A UTF-8 byte-order mark at the start is dropped; a UTF-16/32 one is
    reported as such.
    """

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name
        self.lineno = 0  # number of the last line yielded
        self.offset = 0  # byte offset of the start of the next line

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            raw = self.stream.readline()
        except (OSError, EOFError, lzma.LZMAError) as exc:
            raise InputError(f"{self.name}: read failed: {exc}") from None
        if not raw:
            raise StopIteration
        start = self.offset
        self.offset += len(raw)
        self.lineno += 1
        if self.lineno == 1:
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
                start += len(codecs.BOM_UTF8)
            elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputError(
                    f"{self.name}: the file is UTF-16 (byte-order mark at byte 0), not UTF-8; "
                    "convert it, e.g. with iconv -f UTF-16 -t UTF-8"
                )
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.name}: invalid UTF-8 at line {self.lineno}, byte offset "
                f"{start + exc.start} (bytes {_describe_bad_bytes(raw, exc.start)}); "
                "sentikit reads UTF-8 text: convert the input, e.g. with iconv"
            ) from None


def _strip_eol(line: str) -> str:
    if line.endswith("\n"):
        line = line[:-1]
    if line.endswith("\r"):
        line = line[:-1]
    return line


def _id_string(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _encodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _find_column(header: list[str], col: str) -> int | None:
    """Index of ``col`` in ``header``: exact match, else a unique trimmed case-blind one."""
    if col in header:
        return header.index(col)
    key = col.strip().casefold()
    hits = [i for i, h in enumerate(header) if h.strip().casefold() == key]
    return hits[0] if len(hits) == 1 else None


class RecordReader(Closing):
    """An iterator of :class:`Record` over one input, and a context manager closing it.

    Made by :func:`read_records`, which opens the file and (for CSV/TSV) checks the header
    at once, so that a missing file or column is reported before any record is read.

    Attributes
    ----------
    name : str
        The file name used in messages (``"<stdin>"`` for standard input).
    format : str
        One of :data:`INPUT_FORMATS`.
    columns : list of str or None
        The CSV/TSV header, ``None`` for other formats.
    """

    _numbered = 0  # records before the first line read (a part: sentikit.io.line_parts)

    def __init__(
        self,
        path: str | Path,
        fmt: str | None = None,
        text_col: str = "text",
        id_col: str | None = None,
        label_col: str | None = None,
    ) -> None:
        self.format = input_format(path, fmt)
        self.text_col = text_col
        self.id_col = id_col
        self.label_col = label_col
        self.columns: list[str] | None = None
        self._stream, self.name, self._owned = self._open(path)
        self._lines = _LineSource(self._stream, self.name)
        self._closed = False
        try:
            self._it = self._start()
        except BaseException:
            self.close()
            raise

    def _open(self, path: str | Path) -> tuple[IO[bytes], str, bool]:
        return _open_binary(path)

    # -- iterator protocol (the context manager, closing the file, comes from Closing)
    def __iter__(self) -> RecordReader:
        return self

    def __next__(self) -> Record:
        if self._closed:
            raise StopIteration
        try:
            return next(self._it)
        except StopIteration:
            self.close()
            raise

    def close(self) -> None:
        """Close the underlying file (standard input is left open)."""
        if not self._closed:
            self._closed = True
            if self._owned:
                self._stream.close()

    # -- per format
    def _start(self) -> Iterator[Record]:
        if self.format == "txt":
            return self._txt()
        if self.format in ("csv", "tsv"):
            return self._csv("\t" if self.format == "tsv" else ",")
        if self.format == "jsonl":
            return self._jsonl()
        return self._json()

    def _txt(self) -> Iterator[Record]:
        for line in self._lines:
            n = self._lines.lineno
            yield Record(str(n), _strip_eol(line), None, n, n)

    def _csv(self, delimiter: str) -> Iterator[Record]:
        if csv.field_size_limit() < _CSV_FIELD_LIMIT:
            csv.field_size_limit(_CSV_FIELD_LIMIT)
        kind = self.format.upper()
        rows = iter_csv_rows(self._lines, self.name, delimiter=delimiter, kind=kind)
        try:
            # csv yields [] for a blank line: not a record (blank rows are skipped)
            first = next((r for r in rows if r.fields or r.error), None)
        except UnterminatedQuoteError as exc:
            raise InputError(exc.describe(f"the header (line {exc.row_line})")) from None
        if first is None:
            raise InputError(
                f"{self.name}: empty {kind} file; expected a header row with a "
                f"{self.text_col!r} column"
            )
        if first.error is not None:
            raise InputError(f"{self.name}: line {first.line} (the header): {first.error}")
        header = first.fields
        self.columns = header
        cols = {"text": self.text_col, "id": self.id_col, "label": self.label_col}
        idx: dict[str, int | None] = {}
        for role, col in cols.items():
            if col is None:
                idx[role] = None
                continue
            i = _find_column(header, col)
            if i is None:
                avail = ", ".join(repr(h) for h in header)
                raise InputError(f"{self.name}: no {role} column {col!r}; the columns are: {avail}")
            idx[role] = i
        return self._csv_rows(rows, len(header), idx)

    def _csv_rows(
        self, rows: Iterator[CsvRow], width: int, idx: dict[str, int | None]
    ) -> Iterator[Record]:
        n = 0
        id_i, text_i, label_i = idx["id"], idx["text"], idx["label"]
        try:
            for start, row, error in rows:
                if not row and error is None:
                    continue  # a blank line
                n += 1
                if error is not None:
                    yield Record(str(n), None, f"line {start}: {error}", n, start)
                    continue
                rid = row[id_i] if id_i is not None and id_i < len(row) else str(n)
                if len(row) < width or any(v.strip() for v in row[width:]):
                    yield Record(
                        rid,
                        None,
                        f"line {start}: {len(row)} fields, the header has {width}",
                        n,
                        start,
                    )
                    continue
                label = row[label_i] if label_i is not None else None
                assert text_i is not None
                yield Record(rid, row[text_i], None, n, start, label)
        except UnterminatedQuoteError as exc:
            raise InputError(exc.describe(f"record {n + 1} (line {exc.row_line})")) from None

    def _item(self, value: Any, n: int, line: int, where: str) -> Record:
        """A record from one JSON value (an object or a bare string)."""
        if isinstance(value, str):
            if self.label_col is not None:
                return Record(str(n), None, f"{where}: no field {self.label_col!r}", n, line)
            return Record(str(n), value, None, n, line)
        if not isinstance(value, dict):
            kind = type(value).__name__ if value is not None else "null"
            return Record(
                str(n), None, f"{where}: expected a JSON object or string, got {kind}", n, line
            )
        rid = str(n)
        id_key = self.id_col if self.id_col is not None else "id"
        if id_key in value and value[id_key] is not None:
            rid = _id_string(value[id_key])
        elif self.id_col is not None:
            return Record(rid, None, f"{where}: no field {self.id_col!r}", n, line)
        if self.text_col not in value:
            fields = ", ".join(repr(k) for k in value) or "none"
            return Record(
                rid, None, f"{where}: no field {self.text_col!r} (fields: {fields})", n, line
            )
        text = value[self.text_col]
        if not isinstance(text, str):
            kind = "null" if text is None else type(text).__name__
            return Record(
                rid, None, f"{where}: field {self.text_col!r} is {kind}, not a string", n, line
            )
        if not _encodable(text) or not _encodable(rid):
            # JSON escapes such as "\ud800" decode to lone surrogates, which no UTF-8 output
            # can hold
            rid = rid if _encodable(rid) else str(n)
            return Record(
                rid, None, f"{where}: unpaired surrogate escape in the text or id", n, line
            )
        label: str | None = None
        if self.label_col is not None:
            raw = value.get(self.label_col)
            if raw is None:
                return Record(rid, None, f"{where}: no field {self.label_col!r}", n, line)
            label = _id_string(raw)
        return Record(rid, text, None, n, line, label)

    def _jsonl(self) -> Iterator[Record]:
        n = self._numbered
        for line in self._lines:
            lineno = self._lines.lineno
            if line.startswith(_BOM):  # files joined with cat, each with a byte-order mark
                line = line[1:]
            if not line.strip(_JSON_WHITESPACE):
                continue
            n += 1
            where = f"line {lineno}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                msg = f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"
                yield Record(str(n), None, msg, n, lineno)
                continue
            yield self._item(value, n, lineno, where)

    def _json(self) -> Iterator[Record]:
        text = "".join(self._lines)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{self.name}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from None
        if not isinstance(data, list):
            raise InputError(
                f"{self.name}: expected a JSON array of objects or strings, "
                f"got {type(data).__name__}"
            )
        return (self._item(v, n, 0, f"item {n}") for n, v in enumerate(data, start=1))


def read_records(
    path_or_dash: str | Path,
    fmt: str | None = None,
    text_col: str = "text",
    id_col: str | None = None,
    label_col: str | None = None,
) -> RecordReader:
    """Read the records of a text, CSV/TSV, JSON Lines or JSON file, or of standard input.

    Parameters
    ----------
    path_or_dash : str or Path
        The file, or ``"-"`` for standard input (read as bytes from ``sys.stdin.buffer``).
    fmt : str, optional
        One of :data:`INPUT_FORMATS`; by default from the suffix (``"txt"`` for ``"-"``).
    text_col : str
        The text column (CSV/TSV) or field (JSON); default ``"text"``.
    id_col : str, optional
        The id column / field. CSV/TSV: default none (ids are record numbers). JSON: default
        the ``"id"`` field where present.
    label_col : str, optional
        A label column / field to read into :attr:`Record.label` (for training data).

    Returns
    -------
    RecordReader
        An iterator of :class:`Record`, one per input record in order; use it as a context
        manager (or exhaust it) to close the file.

    Raises
    ------
    InputError
        Missing or unreadable file, unknown format, a CSV/TSV column not in the header (the
        message lists the columns), invalid UTF-8 (file, line and byte offset; raised while
        iterating), malformed CSV or a ``.json`` file that is not a JSON array.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "in.csv")
    >>> _ = open(path, "w", encoding="utf-8").write('id,text\\nx,"Hem iyi, hem kötü"\\n')
    >>> [(r.id, r.text) for r in read_records(path, id_col="id")]
    [('x', 'Hem iyi, hem kötü')]
    """
    return RecordReader(path_or_dash, fmt, text_col=text_col, id_col=id_col, label_col=label_col)


def count_lines(path: str | Path) -> int | None:
    """The number of lines of an uncompressed file (``None`` for stdin or compressed files).

    Used for progress totals; cheap (reads bytes in 1 MiB blocks).
    """
    if str(path) == "-":
        return None
    p = Path(path)
    if is_compressed(p) or not p.is_file():
        return None
    n = 0
    last = b"\n"
    with open(p, "rb") as fh:
        while block := fh.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def read_labelled_file(
    path: str | Path,
    text_col: str = "text",
    label_col: str = "label",
    fmt: str | None = None,
    raw_labels: bool = False,
) -> tuple[list[str], list[str]]:
    """Texts and labels of a CSV/TSV/JSONL/JSON training file.

    Labels are mapped to sentikit's (``P``/``pos``/``1``/``Olumlu`` → ``positive`` …, see
    :func:`sentikit.io.labels.normalize_label`) unless ``raw_labels``.

    Raises
    ------
    InputError
        On the first record without a text or a label, an unknown label, or an empty file.
    """
    texts: list[str] = []
    labels: list[str] = []
    with read_records(path, fmt, text_col=text_col, label_col=label_col) as reader:
        if reader.format == "txt":
            raise InputError(f"{path}: training data needs text and label columns (CSV/JSONL)")
        for rec in reader:
            where = f"{path}: record {rec.number}" + (f" (line {rec.line})" if rec.line else "")
            if rec.error is not None or rec.text is None:
                raise InputError(f"{where}: {rec.error or 'no text'}")
            raw = (rec.label or "").strip()
            if not raw:
                raise InputError(f"{where}: empty label")
            try:
                label = raw if raw_labels else normalize_label(raw)
            except InputError:
                raise InputError(
                    f"{where}: unknown label {raw!r}; use positive/neutral/negative (or P/N, "
                    "pos/neg, 1/0, Olumlu/Olumsuz/Tarafsız), or pass --raw-labels"
                ) from None
            texts.append(rec.text)
            labels.append(label)
    if not texts:
        raise InputError(f"{path}: no training records")
    return texts, labels


__all__ = [
    "INPUT_FORMATS",
    "STDIN_NAME",
    "SUFFIX_FORMATS",
    "Record",
    "RecordReader",
    "count_lines",
    "input_format",
    "read_labelled_file",
    "read_records",
]
