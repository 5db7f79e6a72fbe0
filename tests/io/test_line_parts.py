"""``sentikit.io.line_parts``: line inputs cut into parts of raw lines, read where analyzed.

Whatever the cut, the records of the parts, read one part at a time, are those of
:func:`sentikit.io.records.read_records` over the whole input: ids, texts, error records and
their messages, record and line numbers, and the invalid-UTF-8 error (line and byte offset).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentikit.errors import InputError
from sentikit.io.line_parts import LineFormat, LineInput, LinePart, line_parts, part_records
from sentikit.io.records import Record, read_records

BOM = codecs.BOM_UTF8

#: Lines of a JSON Lines file that the reader treats differently: records, error records,
#: blank lines (skipped), byte-order marks, CR LF ends.
JSONL_LINES = [
    BOM + BOM + b'{"id": "a", "text": "first, after two marks"}\n',
    b"\n",
    b" \t\r\n",
    BOM + b"\n",
    b'{"text": "no id: numbered"}\r\n',
    b"{not json\n",
    b'{"id": 7, "text": 5}\n',
    b'{"id": "c"}\n',
    b'"a bare string"\n',
    BOM + b'{"id": "d", "text": "a mark of a joined file"}\n',
    b"null\n",
    '{"id": "e", "text": "Türkçe çok güzel 🙂"}\n'.encode(),
    b"\n",
    b'{"text": "last, no line end"}',
]
TXT_LINES = [BOM + b"first\n", b"\n", b"second\r\n", b"  \n", "üç\n".encode(), b"last"]


def _whole(data: bytes, fmt: str, tmp_path: Path, **cols: str) -> list[Record]:
    path = tmp_path / f"whole.{fmt}"
    path.write_bytes(data)
    with read_records(path, **cols) as reader:
        return list(reader)


def _parted(
    data: bytes, fmt: str, size: int, max_bytes: int, name: str = "", **cols: str
) -> list[Record]:
    how = LineFormat(fmt, name or f"whole.{fmt}", **cols)
    parts = list(line_parts(io.BytesIO(data), fmt, size, max_bytes))
    got = []
    for part in parts:
        recs = list(part_records(part, how))
        assert len(recs) == len(part) > 0
        got.extend(recs)
    # every line in exactly one part, at its offset (but blank lines ending a .jsonl input)
    joined = b"".join(p.data for p in parts)
    assert data.startswith(joined) and (fmt == "jsonl" or joined == data)
    for part in parts:
        assert data[part.offset : part.offset + len(part.data)] == part.data
    return got


@pytest.mark.parametrize("fmt", ["jsonl", "txt"])
def test_every_cut_gives_the_records_of_the_whole_input(fmt: str, tmp_path: Path) -> None:
    data = b"".join(JSONL_LINES if fmt == "jsonl" else TXT_LINES)
    want = _whole(data, fmt, tmp_path)
    assert any(r.error for r in want) == (fmt == "jsonl")
    for size in range(1, len(want) + 1):
        for max_bytes in (1, 40, 10**6):
            assert _parted(data, fmt, size, max_bytes) == want, (size, max_bytes)


def test_columns_and_blank_lines_at_the_end(tmp_path: Path) -> None:
    data = b'{"k": "x1", "body": "one"}\n{"body": "two"}\n\n \n'
    want = _whole(data, "jsonl", tmp_path, text_col="body", id_col="k")
    assert [r.error is None for r in want] == [True, False]
    parts = list(line_parts(io.BytesIO(data), "jsonl", 1))
    assert [len(p) for p in parts] == [1, 1]  # the blank lines at the end are no part
    assert _parted(data, "jsonl", 1, 10**6, text_col="body", id_col="k") == want


def test_invalid_utf8_names_the_line_and_offset_of_the_whole_file(tmp_path: Path) -> None:
    data = b"".join(JSONL_LINES[:6]) + b'{"text": "caf\xe9"}\n' + b"".join(JSONL_LINES[6:])
    with pytest.raises(InputError) as whole:
        _whole(data, "jsonl", tmp_path)
    assert "line 7, byte offset" in str(whole.value)
    for size in (1, 2, 5):
        with pytest.raises(InputError) as parted:
            _parted(data, "jsonl", size, 10**6, name=str(tmp_path / "whole.jsonl"))
        assert str(parted.value) == str(whole.value)


def test_a_utf16_file_is_refused_by_the_first_part(tmp_path: Path) -> None:
    data = '{"text": "a"}\n{"text": "b"}\n'.encode("utf-16")
    with pytest.raises(InputError, match="UTF-16"):
        _parted(data, "jsonl", 1, 10**6)


def test_line_input_opens_compressed_files_and_reports_missing_ones(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(b"".join(JSONL_LINES))
    with LineInput(path, "jsonl") as lines:
        got = [r for p in lines.parts(3) for r in part_records(p, lines.how)]
    with read_records(path) as reader:
        assert got == list(reader)
    with pytest.raises(InputError, match="no such file"):
        LineInput(tmp_path / "missing.jsonl", "jsonl")
    with pytest.raises(ValueError, match="line format"):
        LineInput(path, "csv")


def test_a_part_pickles_small() -> None:
    import pickle

    part = LinePart(b"x\n" * 1000, 1, 1, 0, 1000)
    assert len(pickle.dumps(part, protocol=5)) < 2100


_PIECES = st.sampled_from(
    [
        b"",
        b" ",
        b"\t",
        b"\r",
        BOM,
        b"not json",
        b'"bare"',
        b"42",
        b'{"text": "t"}',
        b'{"id": "i", "text": "t"}',
        b'{"id": 1.5}',
        json.dumps({"text": "ç 🙂"}, ensure_ascii=False).encode(),
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.lists(_PIECES, max_size=3).map(b"".join), max_size=12),
    end=st.sampled_from([b"", b"\n"]),
    size=st.integers(1, 5),
    max_bytes=st.sampled_from([1, 30, 10**6]),
    fmt=st.sampled_from(["jsonl", "txt"]),
)
def test_property_parts_read_as_the_whole(
    lines: list[bytes], end: bytes, size: int, max_bytes: int, fmt: str, tmp_path_factory: Any
) -> None:
    data = b"\n".join(lines) + (end if lines else b"")
    tmp = tmp_path_factory.mktemp("prop")
    assert _parted(data, fmt, size, max_bytes) == _whole(data, fmt, tmp)
