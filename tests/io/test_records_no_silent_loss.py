"""Issue 18, defect 2: every input row yields a record or an error naming it.

A CSV/TSV that cannot be parsed to its end (an unterminated quoted field) is an error naming
the file and where the quote opened, never a short stream; JSONL and TXT keep every line.
"""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io._files import read_csv_rows
from sentikit.io.records import Record, read_records


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def recs(path: Path | str, **kw: object) -> list[Record]:
    with read_records(path, **kw) as r:  # type: ignore[arg-type]
        return list(r)


def thousand_rows(sep: str = ",", stray_row: int = 3) -> str:
    rows = [f"id{sep}text"] + [f"{i}{sep}row {i} text" for i in range(1, 1001)]
    rows[stray_row] = f'{stray_row}{sep}"row {stray_row} with a stray quote'
    return "\n".join(rows) + "\n"


# --------------------------------------------------------------------------- CSV / TSV


@pytest.mark.parametrize(("name", "sep"), [("in.csv", ","), ("in.tsv", "\t")])
def test_unterminated_quote_is_an_error_naming_file_and_line(
    tmp_path: Path, name: str, sep: str
) -> None:
    p = write(tmp_path, name, thousand_rows(sep))
    got: list[str] = []
    with pytest.raises(InputError) as info, read_records(p, id_col="id") as reader:
        got.extend(r.id for r in reader)
    msg = str(info.value)
    assert name in msg
    assert "unterminated" in msg and "quote" in msg
    assert "record 3" in msg and "line 4" in msg
    assert got == ["1", "2"]  # the records before it came through, then the error


def test_unterminated_quote_on_a_later_line_of_a_multiline_record(tmp_path: Path) -> None:
    text = 'id,text\n1,"two\nlines",x\n2,ok\n3,"a\nb",\n"never closed\nmore\n'
    p = write(tmp_path, "in.csv", text)
    with pytest.raises(InputError, match=r"record 4 \(line 7\)"):
        recs(p, id_col="id")


def test_unterminated_quote_in_last_line_without_newline(tmp_path: Path) -> None:
    p = write(tmp_path, "in.csv", 'text\nfine\n"cut off')
    with pytest.raises(InputError, match=r"in\.csv.*record 2 \(line 3\)"):
        recs(p)


def test_unterminated_quote_in_header(tmp_path: Path) -> None:
    p = write(tmp_path, "in.csv", '"text\nrow\n')
    with pytest.raises(InputError, match=r"in\.csv.*header.*line 1"):
        recs(p)


def test_unterminated_quote_in_compressed_csv(tmp_path: Path) -> None:
    p = tmp_path / "in.csv.gz"
    p.write_bytes(gzip.compress(thousand_rows().encode("utf-8")))
    with pytest.raises(InputError, match=r"in\.csv\.gz.*record 3 \(line 4\)"):
        recs(p, id_col="id")


def test_closed_quotes_still_parse(tmp_path: Path) -> None:
    text = 'id,text\n1,"a, ""b""\nc"\n2,"x"y\n3,plain "quote" inside\n4,""\n'
    got = recs(write(tmp_path, "in.csv", text), id_col="id")
    assert [(r.id, r.text) for r in got] == [
        ("1", 'a, "b"\nc'),
        ("2", "xy"),
        ("3", 'plain "quote" inside'),
        ("4", ""),
    ]


def test_bare_carriage_return_is_an_error_record_and_reading_goes_on(tmp_path: Path) -> None:
    p = write(tmp_path, "in.csv", "id,text\n1,ok\n2,bad\rfield\n3,fine\n")
    got = recs(p, id_col="id")
    assert [r.text for r in got] == ["ok", None, "fine"]
    assert [r.id for r in got] == ["1", "2", "3"]
    assert got[1].error is not None and got[1].error.startswith("line 3:")


def test_csv_nul_bom_and_every_row_kept(tmp_path: Path) -> None:
    text = "\ufeffid,text\n1,a\x00b\n2,\n3,last"
    got = recs(write(tmp_path, "in.csv", text), id_col="id")
    assert [(r.id, r.text, r.error) for r in got] == [
        ("1", "a\x00b", None),
        ("2", "", None),
        ("3", "last", None),
    ]


def test_read_csv_rows_unterminated_quote(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", thousand_rows())
    with pytest.raises(InputError, match=r"d\.csv.*line 4"):
        read_csv_rows(p)
    q = tmp_path / "d.csv.gz"
    q.write_bytes(gzip.compress(b'text,label\n"a\nb",P\nc,N\n'))
    assert read_csv_rows(q) == [["text", "label"], ["a\nb", "P"], ["c", "N"]]


# --------------------------------------------------------------------------- JSONL / TXT


def test_jsonl_truncated_last_line_is_an_error_record(tmp_path: Path) -> None:
    p = write(tmp_path, "in.jsonl", '{"text": "a"}\n{"text": "b"}\n{"text": "cut')
    got = recs(p)
    assert [r.text for r in got] == ["a", "b", None]
    assert got[2].error is not None and got[2].error.startswith("line 3:")


def test_jsonl_lines_that_only_look_blank_are_error_records(tmp_path: Path) -> None:
    # NBSP, a record separator and a NUL are not JSON whitespace: not silently skipped
    p = write(tmp_path, "in.jsonl", '"a"\n\n  \t\n\u00a0\n\x1e\n\x00\n"b"\n')
    got = recs(p)
    assert [r.text for r in got] == ["a", None, None, None, "b"]
    assert [r.line for r in got] == [1, 4, 5, 6, 7]
    assert all(r.error and r.error.startswith(f"line {r.line}:") for r in got[1:4])


def test_jsonl_bom_at_start_of_any_line_is_dropped(tmp_path: Path) -> None:
    # cat a.jsonl b.jsonl where both were saved with a byte-order mark
    p = write(tmp_path, "in.jsonl", '\ufeff{"text": "a"}\n\ufeff{"text": "b"}\n')
    assert [(r.text, r.error) for r in recs(p)] == [("a", None), ("b", None)]


def test_jsonl_embedded_nul_in_a_string_is_an_error_record(tmp_path: Path) -> None:
    p = write(tmp_path, "in.jsonl", '{"text": "a\x00b"}\n{"text": "a\\u0000b"}\n')
    got = recs(p)
    assert got[0].text is None and got[0].error and "line 1" in got[0].error
    assert got[1].text == "a\x00b"


def test_truncated_compressed_input_is_an_error(tmp_path: Path) -> None:
    data = "".join(f'{{"text": "row {i}"}}\n' for i in range(5000)).encode()
    for name, blob in (("in.jsonl.gz", gzip.compress(data)), ("in.jsonl.bz2", bz2.compress(data))):
        p = write(tmp_path, name, blob[: len(blob) // 2])
        with pytest.raises(InputError, match=name.replace(".", r"\.")):
            recs(p)


def test_txt_every_line_a_record(tmp_path: Path) -> None:
    p = write(tmp_path, "in.txt", b"\xef\xbb\xbfa\n\nb\x00c\r\n  \nlast")
    assert [r.text for r in recs(p)] == ["a", "", "b\x00c", "  ", "last"]
