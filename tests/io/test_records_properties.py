"""Property-based tests of the record readers and ``sentikit analyze -i FILE`` (hypothesis).

Random rows — texts and ids with quotes, delimiters, tabs, line breaks (LF, CR, CRLF, NEL,
U+2028), NULs and other controls, byte-order marks, any Unicode — are written as CSV, TSV,
JSON Lines or text files the way common writers do (Python's ``csv`` and ``json`` modules,
minimal or full quoting, LF or CRLF record ends, with or without a final line end and a
byte-order mark) and read back with :func:`sentikit.io.records.read_records`: one record per
row, in order, with its id, the text unchanged. Then the same kind of file goes through
``sentikit analyze -i FILE -f jsonl`` (in process with the real auto-language analyzer, and a
few times as a real subprocess): one valid JSON line per input record, in order, with its id.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import sentikit
from sentikit.cli.main import app
from sentikit.io.records import Record, read_records
from sentikit.pipeline.analyzer import Analyzer

#: Multiplies every max_examples, for a deeper search by hand (SENTIKIT_PROPERTY_SCALE=20).
SCALE = float(os.environ.get("SENTIKIT_PROPERTY_SCALE", "1"))


def n(examples: int) -> int:
    return max(1, round(examples * SCALE))


# No example database (it would litter the tree); function-scoped tmp_path is not used
# inside the examples (each writes to a fresh file under a session folder).
FAST = settings(
    max_examples=n(60),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LABELS = {"positive", "neutral", "negative"}
QUOTINGS: list[Literal[0, 1, 2, 3]] = [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]

# ----------------------------------------------------------------------------- strategies

NASTY = [
    '"', '""', ",", "\t", ";", "\n", "\r", "\r\n", "\n\n", "\x00", "\x0b", "\x0c", "\x1c",
    "\x1e", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u00a0", "\\", "\\n", "'", "#",
    "{", "}", "[", "]", " ", "  ", "=", "😀", "👨‍👩‍👧", "şğüıİ", "e\u0301", "שלום", "مرحبا",
    "日本", "\ufffd", "\ue000", "null", "true", "1e5", "NaN",
]  # fmt: skip
WORDS = ["film", "güzel", "kötü", "harika", "great", "awful", "not", "değil", "çok", "movie"]

text_values = st.one_of(
    st.lists(st.sampled_from(NASTY + WORDS), max_size=6).map("".join),
    st.text(max_size=20),
    st.just(""),
)
id_values = st.one_of(st.text(max_size=5), st.integers(0, 10**6).map(str))


def _files(tmp: Path) -> Callable[[str], Path]:
    """A maker of fresh file paths under ``tmp`` (hypothesis runs many examples per test)."""
    counter = iter(range(10**9))
    return lambda suffix: tmp / f"f{next(counter)}{suffix}"


@pytest.fixture(scope="session")
def new_file(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    return _files(tmp_path_factory.mktemp("records-properties"))


def _read(path: Path, **kw: Any) -> list[Record]:
    with read_records(path, **kw) as reader:
        return list(reader)


# ----------------------------------------------------------------------------- writers


@st.composite
def csv_files(draw: st.DrawFn, delimiter: str) -> tuple[bytes, list[tuple[str, str]], bool]:
    """``(file bytes, [(id, text)], has_id_column)`` as a CSV/TSV writer would make them."""
    rows = draw(st.lists(st.tuples(id_values, text_values), max_size=12))
    layout = draw(st.sampled_from(["id,text", "text,id", "text", "x,text,id"]))
    quoting = draw(st.sampled_from(QUOTINGS))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    if quoting == csv.QUOTE_MINIMAL and any("\r" in i + t for i, t in rows):
        # Python's writer quotes only the characters of its line terminator: with "\n" it
        # leaves a bare CR unquoted, which RFC 4180 readers (Python's own, sentikit's: an
        # error record, tested in test_records_no_silent_loss.py) reject
        eol = "\r\n"
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=eol)
    cols = layout.split(",")
    w.writerow(cols)
    for rid, text in rows:
        w.writerow([{"id": rid, "text": text, "x": "extra"}[c] for c in cols])
    data = buf.getvalue()
    if draw(st.booleans()) and rows:
        data = data[: -len(eol)]  # no line end after the last record
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + data.encode("utf-8"), rows, "id" in cols


@st.composite
def jsonl_files(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str]]]:
    """``(file bytes, [(expected id, text)])``: objects or bare strings, blank lines between."""
    items = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["obj", "obj-no-id", "int-id", "str"]), id_values, text_values
            ),
            max_size=12,
        )
    )
    ensure_ascii = draw(st.booleans())
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = []
    expected: list[tuple[str, str]] = []
    for number, (kind, rid, text) in enumerate(items, start=1):
        if kind == "obj":
            value: Any = {"id": rid, "text": text, "other": [1, None]}
            expected.append((rid, text))
        elif kind == "obj-no-id":
            value = {"text": text, "lang": "tr"}
            expected.append((str(number), text))
        elif kind == "int-id":
            value = {"text": text, "id": number * 7}
            expected.append((str(number * 7), text))
        else:
            value = text
            expected.append((str(number), text))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", " ", "\t", " \r"])))  # blank: no record
        lines.append(json.dumps(value, ensure_ascii=ensure_ascii))
    data = eol.join(lines) + (eol if draw(st.booleans()) and lines else "")
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + data.encode("utf-8"), expected


# ----------------------------------------------------------------------------- readers


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@FAST
@given(data=st.data())
def test_csv_tsv_rows_round_trip(
    new_file: Callable[[str], Path], fmt: str, data: st.DataObject
) -> None:
    raw, rows, has_id = data.draw(csv_files("\t" if fmt == "tsv" else ","))
    path = new_file(f".{fmt}")
    path.write_bytes(raw)
    recs = _read(path, id_col="id" if has_id else None)
    assert [r.error for r in recs] == [None] * len(rows), recs
    assert [r.text for r in recs] == [t for _, t in rows]
    want_ids = [i for i, _ in rows] if has_id else [str(k) for k in range(1, len(rows) + 1)]
    assert [r.id for r in recs] == want_ids
    assert [r.number for r in recs] == list(range(1, len(rows) + 1))


@FAST
@given(data=jsonl_files())
def test_jsonl_lines_round_trip(
    new_file: Callable[[str], Path], data: tuple[bytes, list[tuple[str, str]]]
) -> None:
    raw, expected = data
    path = new_file(".jsonl")
    path.write_bytes(raw)
    recs = _read(path)
    assert [r.error for r in recs] == [None] * len(expected), recs
    assert [(r.id, r.text) for r in recs] == expected
    assert [r.number for r in recs] == list(range(1, len(expected) + 1))


@settings(FAST, max_examples=n(30))
@given(
    lines=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters="\n\r")),
        max_size=12,
    ),
    eol=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
)
def test_txt_lines_round_trip(
    new_file: Callable[[str], Path], lines: list[str], eol: str, final: bool
) -> None:
    path = new_file(".txt")
    body = eol.join(lines) + (eol if final and lines else "")
    path.write_bytes(body.encode("utf-8"))
    recs = _read(path)
    # an empty last line without a line end is nothing: no record
    want = lines[:-1] if lines and not final and lines[-1] == "" else lines
    assert [(r.id, r.text, r.error) for r in recs] == [
        (str(k), t, None) for k, t in enumerate(want, start=1)
    ]


# ----------------------------------------------------------------------------- the CLI


def _no_constant(name: str) -> Any:
    raise ValueError(f"not JSON: {name}")


def check_cli_output(stdout: str, recs: list[Record]) -> None:
    """One valid JSON line per record, in order, with its id; a result or an error record."""
    assert stdout == "" or stdout.endswith("\n")
    lines = stdout.split("\n")[:-1]  # JSON Lines are cut at "\n" only (U+2028 may be raw)
    assert len(lines) == len(recs), (len(lines), len(recs))
    for line, rec in zip(lines, recs, strict=True):
        out = json.loads(line, parse_constant=_no_constant)
        assert out["id"] == rec.id
        if not rec.ok:
            assert "error" in out, out
            continue
        assert "error" not in out, out
        assert out["label"] in LABELS
        assert -1.0 <= out["score"] <= 1.0
        p = out["probs"]
        assert set(p) == LABELS and all(0.0 <= v <= 1.0 for v in p.values())
        assert math.isclose(sum(p.values()), 1.0, abs_tol=1e-6)
        for s in out["sentences"]:
            a, b = s["span"]
            assert 0 <= a <= b <= len(rec.text or "") and s["text"] == (rec.text or "")[a:b]


@pytest.fixture(scope="session")
def auto_analyzer() -> Analyzer:
    """The shipped models with language detection, loaded once per session."""
    return sentikit.load(None)


@st.composite
def any_input_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["csv", "tsv", "jsonl"]))
    if kind == "jsonl":
        return kind, draw(jsonl_files())[0]
    return kind, draw(csv_files("\t" if kind == "tsv" else ","))[0]


@settings(FAST, max_examples=n(20))
@given(data=any_input_file())
def test_cli_analyze_file_jsonl(
    new_file: Callable[[str], Path], auto_analyzer: Analyzer, data: tuple[str, bytes]
) -> None:
    """``sentikit analyze -i FILE -f jsonl`` in process, the model loaded once."""
    kind, raw = data
    path = new_file(f".{kind}")
    path.write_bytes(raw)
    recs = _read(path)
    with mock.patch("sentikit.cli.analyze.load_analyzer", return_value=auto_analyzer):
        r = CliRunner().invoke(app, ["analyze", "-i", str(path), "-f", "jsonl"])
    assert r.exit_code == 0, (r.stderr, r.exception)
    check_cli_output(r.stdout, recs)


@settings(FAST, max_examples=n(2))
@given(data=any_input_file())
def test_cli_analyze_file_subprocess(
    new_file: Callable[[str], Path], data: tuple[str, bytes]
) -> None:
    """The real command in a child process (its own stdout encoding, model loading)."""
    kind, raw = data
    path = new_file(f".{kind}")
    path.write_bytes(raw)
    recs = _read(path)
    env = {**os.environ, "PYTHONIOENCODING": "", "LC_ALL": "C"}  # UTF-8 output regardless
    proc = subprocess.run(
        [sys.executable, "-m", "sentikit", "analyze", "-i", str(path), "-f", "jsonl"],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    check_cli_output(proc.stdout.decode("utf-8"), recs)
