"""``sentikit analyze --explain`` in every output format: csv and table add the explanation's top
words as columns (``top_positive``/``top_negative``, ``TOP+``/``TOP-``), json and jsonl carry
the whole ``explanation``; without ``--explain`` nothing changes."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from sentikit.cli.analyze import _writer_options
from sentikit.cli.main import app
from sentikit.io.record_writers import EXPLAIN_COLUMNS, top_words
from sentikit.io.records import CSV_COLUMNS, make_writer

TEXTS = ["A gorgeous, witty film.", "awful, boring and way too long", "Harika bir film!"]

#: A result with an explanation, one not scored, and an error record (writer unit tests).
EXPLAINED: dict[str, Any] = {
    "id": "1",
    "lang": "tr",
    "label": "negative",
    "score": -0.96,
    "probs": {"positive": 0.02, "neutral": 0.01, "negative": 0.97},
    "explanation": {
        "top": {
            "positive": [{"text": "güzel", "span": [5, 10], "contribution": 1.448308}],
            "negative": [
                {"text": "kalmadım", "span": [47, 55], "contribution": -1.626569},
                {"text": "hiç", "span": [36, 39], "contribution": -1.078066},
            ],
        }
    },
}
UNSCORED: dict[str, Any] = {
    "id": "2",
    "lang": "tr",
    "label": "neutral",
    "score": 0.0,
    "explanation": None,
    "warning": "empty text: nothing to analyze",
}
ERROR: dict[str, Any] = {"id": "3", "error": "record 3: missing text (NA)"}


def _render(fmt: str, **kw: Any) -> str:
    buf = io.StringIO()
    with make_writer(fmt, buf, **kw) as w:
        for r, t in ((EXPLAINED, "Ürün güzel ama … kalmadım."), (UNSCORED, ""), (ERROR, None)):
            w.write(r, t)
    return buf.getvalue()


def test_top_words() -> None:
    assert top_words(EXPLAINED, "positive") == "güzel +1.448"
    assert top_words(EXPLAINED, "negative") == "kalmadım -1.627; hiç -1.078"
    assert top_words(EXPLAINED, "negative", numbers=False) == "kalmadım, hiç"
    assert top_words(UNSCORED, "positive") == top_words(ERROR, "negative") == ""


def test_csv_writer_with_explain_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(_render("csv", explain=True))))
    header = list(rows[0])
    assert header == [*CSV_COLUMNS[:-1], *EXPLAIN_COLUMNS, "text"]
    assert rows[0]["top_positive"] == "güzel +1.448"
    assert rows[0]["top_negative"] == "kalmadım -1.627; hiç -1.078"
    assert rows[1]["top_positive"] == rows[1]["top_negative"] == ""
    assert rows[2]["error"] and rows[2]["top_negative"] == ""
    plain = _render("csv").splitlines()[0]
    assert plain == ",".join(CSV_COLUMNS)  # without explain: the columns of before
    no_text = _render("csv", explain=True, include_text=False).splitlines()[0]
    assert no_text.endswith("top_positive,top_negative")


def test_table_writer_with_explain_columns() -> None:
    lines = _render("table", explain=True, width=100).splitlines()
    assert lines[0].split() == ["ID", "LANG", "LABEL", "SCORE", "TOP+", "TOP-", "TEXT"]
    top_at = lines[0].index("TOP-")
    assert lines[1][top_at:].startswith("kalmadım, hiç")
    assert "güzel" in lines[1] and "ERROR" in lines[3]
    assert all(len(x) <= 100 for x in lines)
    assert _render("table", width=100).splitlines()[0].split() == [
        "ID",
        "LANG",
        "LABEL",
        "SCORE",
        "TEXT",
    ]


def test_writer_options() -> None:
    assert _writer_options("csv", True) == _writer_options("table", True) == {"explain": True}
    assert _writer_options("jsonl", True) == _writer_options("json", True) == {}
    assert _writer_options("csv", False) == {}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_cli_csv_explain_adds_top_words(runner: CliRunner) -> None:
    r = runner.invoke(app, ["analyze", "--explain", "-f", "csv", *TEXTS])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == [*CSV_COLUMNS[:-1], *EXPLAIN_COLUMNS, "text"]
    assert rows[0]["top_positive"].startswith("gorgeous +")
    assert rows[1]["top_negative"].split("; ")[0].startswith(("awful -", "boring -"))
    assert rows[2]["lang"] == "tr" and "Harika" in rows[2]["top_positive"]
    for row in rows:
        for side, sign in (("top_positive", "+"), ("top_negative", "-")):
            for entry in filter(None, row[side].split("; ")):
                word, value = entry.rsplit(" ", 1)
                assert word and value.startswith(sign) and float(value)
    plain = runner.invoke(app, ["analyze", "-f", "csv", *TEXTS])
    assert plain.stdout.splitlines()[0] == ",".join(CSV_COLUMNS)


def test_cli_table_explain_adds_top_words(runner: CliRunner) -> None:
    r = runner.invoke(app, ["analyze", "--explain", "-f", "table", *TEXTS])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[4:6] == ["TOP+", "TOP-"]
    assert "gorgeous" in lines[1] and "awful" in lines[2]


def test_cli_jsonl_explain_carries_the_explanation(runner: CliRunner) -> None:
    r = runner.invoke(app, ["analyze", "--explain", "-f", "jsonl", *TEXTS, ""])
    assert r.exit_code == 0, r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    for res in out[:3]:
        ex = res["explanation"]
        parts = ex["intercept"] + ex["tokens_total"] + sum(ex["other"].values())
        assert abs(parts - ex["total"]) < 1e-6
        assert set(ex) == {
            "quantity",
            "units",
            "intercept",
            "other",
            "tokens_total",
            "total",
            "top",
        }
    assert out[3]["explanation"] is None and out[3]["warning"]
    plain = runner.invoke(app, ["analyze", "-f", "jsonl", TEXTS[0]])
    assert "explanation" not in json.loads(plain.stdout)
