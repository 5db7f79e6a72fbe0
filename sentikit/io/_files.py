"""Low-level file helpers shared by the dataset readers (compression, encodings, CSV)."""

from __future__ import annotations

import csv
import gzip
import lzma
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sentikit.errors import InputError, ResourceMissingError
from sentikit.paths import dataset_dir


def data_file(dataset: str, relpath: str) -> Path:
    """The path of ``relpath`` inside the folder of ``dataset`` (raises if it is missing).

    Parameters
    ----------
    dataset : str
        A folder name of ``MANIFEST.md``.
    relpath : str
        A file path relative to that folder.

    Raises
    ------
    ResourceMissingError
        When the data root, the dataset folder or the file does not exist.
    """
    path = dataset_dir(dataset) / relpath
    if not path.is_file():
        raise ResourceMissingError(f"file {relpath!r} of dataset {dataset!r} not found at {path}")
    return path


def open_text(path: str | Path, encoding: str = "utf-8", newline: str | None = None) -> IO[str]:
    """Open a (possibly ``.xz`` / ``.gz`` compressed) text file for reading.

    A UTF-8 byte-order mark is removed when ``encoding`` is ``"utf-8"`` (``utf-8-sig`` decodes
    files with and without one identically).
    """
    p = Path(path)
    if not p.is_file():
        raise ResourceMissingError(f"file not found: {p}")
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    if p.suffix == ".xz":
        return lzma.open(p, "rt", encoding=enc, newline=newline)
    if p.suffix == ".gz":
        return gzip.open(p, "rt", encoding=enc, newline=newline)
    return open(p, encoding=enc, newline=newline)  # noqa: SIM115 - caller closes


def iter_lines(path: str | Path, encoding: str = "utf-8") -> Iterator[str]:
    """Yield the lines of a text file without their line ending (``\\n`` or ``\\r\\n``)."""
    with open_text(path, encoding=encoding) as fh:
        for line in fh:
            yield line.rstrip("\r\n")


def read_csv_rows(path: str | Path, encoding: str = "utf-8") -> list[list[str]]:
    """All rows of an RFC-4180 CSV file (quoted fields may hold commas and line breaks).

    The file is opened with ``newline=""`` so that line breaks inside quoted fields survive and
    CRLF record endings are handled by the CSV parser itself.
    """
    with open_text(path, encoding=encoding, newline="") as fh:
        try:
            return list(csv.reader(fh))
        except csv.Error as exc:  # pragma: no cover - the shipped files all parse
            raise InputError(f"{path}: malformed CSV ({exc})") from exc


def read_labelled_csv(
    path: str | Path, expected_header: tuple[str, str] | None = None
) -> list[tuple[str, str]]:
    """Rows ``(text, raw_label)`` of a two-column CSV with a header row.

    Raises
    ------
    InputError
        When a row does not have exactly two fields or the header differs from
        ``expected_header`` (compared case-insensitively).
    """
    rows = read_csv_rows(path)
    if not rows:
        raise InputError(f"{path}: empty CSV file")
    header, body = rows[0], rows[1:]
    if expected_header is not None and [h.strip().lower() for h in header] != [
        h.lower() for h in expected_header
    ]:
        raise InputError(f"{path}: unexpected header {header!r}, expected {expected_header!r}")
    out: list[tuple[str, str]] = []
    for i, row in enumerate(body, start=2):
        if len(row) != 2:
            raise InputError(f"{path}: record {i} has {len(row)} fields, expected 2")
        out.append((row[0], row[1]))
    return out
