"""Tests of sentikit.io.records: every input format, error records, encodings, writers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from sentikit.errors import InputError
from sentikit.io.records import (
    CSV_COLUMNS,
    Record,
    TableWriter,
    cell_width,
    count_lines,
    fit_cell,
    input_format,
    make_writer,
    output_format_for,
    read_records,
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_bytes(content.encode("utf-8"))
    return p


def recs(path: Path | str, **kw: object) -> list[Record]:
    with read_records(path, **kw) as r:  # type: ignore[arg-type]
        return list(r)


# --------------------------------------------------------------------------- txt


def test_txt_one_record_per_line_blank_lines_kept(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "bir\n\niki\r\n  üç  \n")
    out = recs(p)
    assert [r.text for r in out] == ["bir", "", "iki", "  üç  "]
    assert [r.id for r in out] == ["1", "2", "3", "4"]
    assert [r.number for r in out] == [1, 2, 3, 4]
    assert [r.line for r in out] == [1, 2, 3, 4]
    assert all(r.ok for r in out)


def test_txt_without_final_newline_and_empty_file(tmp_path: Path) -> None:
    assert [r.text for r in recs(write(tmp_path, "a.txt", "a\nb"))] == ["a", "b"]
    assert recs(write(tmp_path, "e.txt", "")) == []
    # a file of one blank line is one (empty) record
    assert [r.text for r in recs(write(tmp_path, "n.txt", "\n"))] == [""]


def test_txt_utf8_bom_dropped(tmp_path: Path) -> None:
    p = write(tmp_path, "bom.txt", b"\xef\xbb\xbfG\xc3\xbczel\nk\xc3\xb6t\xc3\xbc\n")
    assert [r.text for r in recs(p)] == ["Güzel", "kötü"]


def test_txt_keeps_unicode_line_separators_inside_a_record(tmp_path: Path) -> None:
    p = write(tmp_path, "u.txt", "a\u2028b\x0cc\nd\n")
    assert [r.text for r in recs(p)] == ["a\u2028b\x0cc", "d"]


def test_invalid_utf8_names_file_line_and_offset(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.txt", b"ok\nalso ok\nbad \xff byte\n")
    with pytest.raises(InputError) as ei:
        recs(p)
    msg = str(ei.value)
    assert "bad.txt" in msg and "line 3" in msg and "byte offset 15" in msg
    assert "\n" not in msg


def test_latin1_file_is_an_error_not_mojibake(tmp_path: Path) -> None:
    p = write(tmp_path, "l1.csv", "text\nGüzel film\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"invalid UTF-8 at line 2, byte offset 6"):
        recs(p)


def test_utf16_file_reported_as_utf16(tmp_path: Path) -> None:
    p = write(tmp_path, "u16.txt", "merhaba\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        recs(p)


def test_gzip_input(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write('{"text": "güzel"}\n"kötü"\n')
    assert input_format(p) == "jsonl"
    assert [r.text for r in recs(p)] == ["güzel", "kötü"]


# --------------------------------------------------------------------------- csv / tsv


def test_csv_quoted_fields_commas_and_newlines(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "a.csv",
        'id,text,label\r\nx1,"Hem iyi, hem kötü",pos\r\nx2,"iki\nsatır",neg\r\n\r\nx3,son,pos\r\n',
    )
    out = recs(p, id_col="id", label_col="label")
    assert [(r.id, r.text, r.label) for r in out] == [
        ("x1", "Hem iyi, hem kötü", "pos"),
        ("x2", "iki\nsatır", "neg"),
        ("x3", "son", "pos"),
    ]
    assert [r.line for r in out] == [2, 3, 6]
    assert [r.number for r in out] == [1, 2, 3]


def test_csv_default_ids_are_record_numbers(tmp_path: Path) -> None:
    p = write(tmp_path, "a.csv", 'text\nbir\n""\nüç\n')
    out = recs(p)
    assert [(r.id, r.text) for r in out] == [("1", "bir"), ("2", ""), ("3", "üç")]


def test_csv_missing_column_lists_columns(tmp_path: Path) -> None:
    p = write(tmp_path, "a.csv", "review,stars\niyi,5\n")
    with pytest.raises(InputError) as ei:
        read_records(p)  # raised at once, before iteration
    msg = str(ei.value)
    assert "'text'" in msg and "'review'" in msg and "'stars'" in msg
    with pytest.raises(InputError, match="no id column 'key'"):
        read_records(p, text_col="review", id_col="key")


def test_csv_column_matched_case_insensitively(tmp_path: Path) -> None:
    p = write(tmp_path, "a.csv", "ID, Text \n7,güzel\n")
    assert [(r.id, r.text) for r in recs(p, id_col="id")] == [("7", "güzel")]


def test_csv_short_row_is_an_error_record(tmp_path: Path) -> None:
    p = write(tmp_path, "a.csv", "id,text\n1,iyi\n2\n3,kötü,\n4,a,b\n")
    out = recs(p, id_col="id")
    assert out[0].ok and out[0].text == "iyi"
    assert not out[1].ok and out[1].error == "line 3: 1 fields, the header has 2"
    assert out[1].id == "2"
    assert out[2].ok and out[2].text == "kötü"  # an empty trailing field is tolerated
    assert not out[3].ok and "3 fields" in (out[3].error or "")


def test_csv_empty_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty CSV"):
        read_records(write(tmp_path, "e.csv", ""))


def test_csv_long_field(tmp_path: Path) -> None:
    long = "ç" * 300_000
    p = write(tmp_path, "big.csv", f'text\n"{long}"\n')
    assert recs(p)[0].text == long


def test_tsv(tmp_path: Path) -> None:
    p = write(tmp_path, "a.tsv", 'id\ttext\na\tbir, iki\nb\t"tırnaklı\ttab"\n')
    out = recs(p, id_col="id")
    assert [(r.id, r.text) for r in out] == [("a", "bir, iki"), ("b", "tırnaklı\ttab")]


# --------------------------------------------------------------------------- jsonl / json


def test_jsonl_error_records_name_the_line(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "text": "güzel"}',
        "{not json",
        '{"body": "x"}',
        '{"text": null}',
        '{"text": 5}',
        "",
        '"düz metin"',
        "[1, 2]",
        '{"id": 42, "text": "sayı id"}',
    ]
    p = write(tmp_path, "a.jsonl", "\n".join(lines) + "\n")
    out = recs(p)
    assert len(out) == 8  # the blank line is not a record
    assert (out[0].id, out[0].text, out[0].error) == ("a", "güzel", None)
    assert out[1].id == "2" and out[1].error is not None
    assert out[1].error.startswith("line 2: not valid JSON")
    assert out[2].error == "line 3: no field 'text' (fields: 'body')"
    assert out[3].error == "line 4: field 'text' is null, not a string"
    assert out[4].error == "line 5: field 'text' is int, not a string"
    assert (out[5].id, out[5].text, out[5].line) == ("6", "düz metin", 7)
    assert out[6].error == "line 8: expected a JSON object or string, got list"
    assert (out[7].id, out[7].text) == ("42", "sayı id")
    assert [r.number for r in out] == list(range(1, 9))


def test_jsonl_custom_columns(tmp_path: Path) -> None:
    p = write(tmp_path, "a.jsonl", '{"key": "k1", "body": "iyi"}\n{"body": "kötü"}\n')
    out = recs(p, text_col="body", id_col="key")
    assert (out[0].id, out[0].text) == ("k1", "iyi")
    assert out[1].error == "line 2: no field 'key'"


def test_json_array(tmp_path: Path) -> None:
    data = [{"id": "x", "text": "iyi"}, "düz", {"text": 3}, None]
    p = write(tmp_path, "a.json", json.dumps(data, ensure_ascii=False))
    out = recs(p)
    assert [(r.id, r.text) for r in out[:2]] == [("x", "iyi"), ("2", "düz")]
    assert out[2].error == "item 3: field 'text' is int, not a string"
    assert out[3].error == "item 4: expected a JSON object or string, got null"


def test_json_not_an_array_or_invalid(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected a JSON array"):
        recs(write(tmp_path, "o.json", '{"text": "x"}'))
    with pytest.raises(InputError, match=r"not valid JSON at line 2, column 1"):
        recs(write(tmp_path, "b.json", "[\n}"))


def test_label_column_jsonl(tmp_path: Path) -> None:
    p = write(tmp_path, "a.jsonl", '{"text": "iyi", "label": "pos"}\n{"text": "x"}\n')
    out = recs(p, label_col="label")
    assert out[0].label == "pos"
    assert out[1].error == "line 2: no field 'label'"


# --------------------------------------------------------------------------- misc input


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_records(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_records(tmp_path, fmt="txt")


def test_format_detection(tmp_path: Path) -> None:
    assert input_format("x.CSV") == "csv"
    assert input_format("x.ndjson") == "jsonl"
    assert input_format("x.txt.xz") == "txt"
    assert input_format("-") == "txt"
    assert input_format("x.dat", "jsonl") == "jsonl"
    with pytest.raises(InputError, match="cannot tell the format"):
        input_format("x.dat")
    with pytest.raises(InputError, match="unknown input format"):
        input_format("x.txt", "xml")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"bir\n\niki\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    with read_records("-") as r:
        assert r.name == "<stdin>"
        assert [x.text for x in r] == ["bir", "", "iki"]


def test_stdin_bad_encoding_names_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"a\n\xc3\x28\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    with pytest.raises(InputError, match=r"<stdin>: invalid UTF-8 at line 2, byte offset 2"):
        recs("-")


def test_reader_is_lazy_and_closes(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "".join(f"{i}\n" for i in range(1000)) + "\xff")
    p.write_bytes(p.read_bytes()[:-2] + b"\xff\n")  # invalid byte on the last line
    r = read_records(p)
    first = [next(r) for _ in range(10)]  # the bad line is not read yet
    assert [x.text for x in first] == [str(i) for i in range(10)]
    r.close()
    assert list(r) == []


def test_count_lines(tmp_path: Path) -> None:
    assert count_lines(write(tmp_path, "a.txt", "a\nb\n")) == 2
    assert count_lines(write(tmp_path, "b.txt", "a\nb")) == 2
    assert count_lines(write(tmp_path, "c.txt", "")) == 0
    assert count_lines("-") is None


# --------------------------------------------------------------------------- writers

RESULTS: list[dict[str, Any]] = [
    {
        "id": "1",
        "lang": "tr",
        "label": "negative",
        "score": -0.4321987,
        "probs": {"positive": 0.2, "neutral": 0.1, "negative": 0.7},
        "sentences": [],
    },
    {"id": "2", "error": "record 2: line 2: not valid JSON"},
    {
        "id": "x,3",
        "lang": "en",
        "label": "positive",
        "score": 0.9,
        "probs": {"positive": 0.95, "neutral": 0.0, "negative": 0.05},
    },
]
TEXTS: list[str | None] = ["Filmi hiç beğenmedim", None, 'a "quoted", text\nwith a break']


def render(
    fmt: str,
    results: list[dict[str, Any]] = RESULTS,
    texts: list[str | None] = TEXTS,
    **kw: Any,
) -> str:
    buf = io.StringIO()
    with make_writer(fmt, buf, **kw) as w:
        for res, t in zip(results, texts, strict=True):
            w.write(res, t)
    assert w.count == len(results)
    return buf.getvalue()


def test_jsonl_writer_roundtrip() -> None:
    out = render("jsonl")
    lines = out.splitlines()
    assert len(lines) == 3
    assert [json.loads(x) for x in lines] == RESULTS
    assert "beğenmedim" not in out  # texts are not part of the result shape


def test_jsonl_writer_keeps_non_ascii_and_numpy() -> None:
    np = pytest.importorskip("numpy")
    buf = io.StringIO()
    with make_writer("jsonl", buf) as w:
        w.write({"id": "ı", "score": np.float32(0.5), "v": np.array([1, 2])})
    assert buf.getvalue() == '{"id": "ı", "score": 0.5, "v": [1, 2]}\n'


def test_json_writer_is_one_array() -> None:
    assert json.loads(render("json")) == RESULTS
    assert render("json", [], []) == "[]\n"
    assert json.loads(render("json", [], [])) == []


def test_csv_writer() -> None:
    out = render("csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["label"] == "negative" and rows[0]["score"] == "-0.432199"
    assert rows[0]["prob_negative"] == "0.7" and rows[0]["text"] == "Filmi hiç beğenmedim"
    assert rows[1]["error"].startswith("record 2") and rows[1]["label"] == ""
    assert rows[2]["id"] == "x,3" and rows[2]["text"] == 'a "quoted", text\nwith a break'
    assert render("csv", [], []) == ",".join(CSV_COLUMNS) + "\n"
    no_text = render("csv", include_text=False)
    assert no_text.splitlines()[0] == ",".join(c for c in CSV_COLUMNS if c != "text")


def test_table_writer_aligned() -> None:
    out = render("table", width=60)
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].split() == ["ID", "LANG", "LABEL", "SCORE", "TEXT"]
    col = lines[0].index("LABEL")
    assert lines[1][col:].startswith("negative")
    assert lines[2][col:].startswith("ERROR")
    assert lines[3][col:].startswith("positive")
    assert "-0.432" in lines[1] and "+0.900" in lines[3]
    assert all(cell_width(x) <= 60 for x in lines)
    assert "with a break" in lines[3] or lines[3].endswith("…")


def test_table_writer_streams_after_buffer() -> None:
    buf = io.StringIO()
    w = TableWriter(buf, width=80, buffer=5)
    for i in range(4):
        w.write({"id": str(i), "label": "neutral", "score": 0.0}, "x")
    assert buf.getvalue() == ""  # widths not known yet
    w.write({"id": "4", "label": "neutral", "score": 0.0}, "x")
    assert len(buf.getvalue().splitlines()) == 6
    w.write({"id": "5", "label": "neutral", "score": 0.0}, "x")
    assert len(buf.getvalue().splitlines()) == 7
    w.close()


def test_fit_cell_truncates_by_display_width() -> None:
    assert fit_cell("abc", 5) == "abc  "
    assert fit_cell("abcdefgh", 5) == "abcd…"
    assert cell_width("日本") == 4
    assert cell_width(fit_cell("日本語のテキスト", 7)) <= 7
    assert fit_cell("a\nb\tc", 10).rstrip() == "a b c"


def test_unknown_output_format() -> None:
    with pytest.raises(InputError, match="unknown output format"):
        make_writer("xml", io.StringIO())


def test_output_format_for() -> None:
    assert output_format_for("r.csv") == "csv"
    assert output_format_for("r.JSON") == "json"
    assert output_format_for("r.jsonl") == "jsonl"
    assert output_format_for("r.out") is None


def test_jsonl_lone_surrogate_is_an_error_record(tmp_path: Path) -> None:
    p = write(tmp_path, "s.jsonl", '{"text": "a\\ud800b"}\n{"id": "\\udfff", "text": "ok"}\n')
    out = recs(p)
    assert out[0].error == "line 1: unpaired surrogate escape in the text or id"
    assert out[1].id == "2" and out[1].error is not None
