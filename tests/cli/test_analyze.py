"""``sentikit analyze`` with a fake Analyzer (see conftest.py): inputs, outputs, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sentikit.api
from sentikit.cli.analyze import run_analysis
from sentikit.cli.main import app
from sentikit.errors import ResourceMissingError
from sentikit.io.records import CSV_COLUMNS, Record, make_writer
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE
from sentikit.pipeline.failures import ErrorRecord

from .conftest import FakeAnalyzer


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in out.splitlines()]


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("sentikit: error: ")
    assert "Traceback" not in stderr
    return lines[0]


# --------------------------------------------------------------------------- texts & stdin


def test_texts_default_jsonl(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "Filmi hiç beğenmedim", "a great film", ""])
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [o["id"] for o in out] == ["1", "2", "3"]
    assert [o["label"] for o in out] == ["negative", "positive", "neutral"]
    assert out[0]["lang"] == "tr" and set(out[0]["probs"]) == {"positive", "neutral", "negative"}
    assert "error" not in out[2]  # an empty text has a defined result
    assert r.stderr == ""
    assert fake_api.instances[0].lang is None  # --lang auto


def test_stdin_lines_blank_lines_are_records(
    runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, ["analyze", "-", "--lang", "tr"], input="iyi\n\nkötü\n")
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [(o["id"], o["label"]) for o in out] == [
        ("1", "positive"),
        ("2", "neutral"),
        ("3", "negative"),
    ]
    assert fake_api.instances[0].lang == "tr"


def test_args_and_stdin_mixed_in_order(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "good", "-", "bad"], input="great\nawful\n")
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [o["id"] for o in out] == ["1", "2", "3", "4"]
    assert [o["label"] for o in out] == ["positive", "positive", "negative", "negative"]


def test_stdin_jsonl(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    data = '{"id": "a", "text": "good"}\nbroken\n{"text": "bad"}\n'
    r = runner.invoke(app, ["analyze", "-", "--input-format", "jsonl"], input=data)
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [o["id"] for o in out] == ["a", "2", "3"]
    assert out[1]["error"].startswith("record 2: line 2: not valid JSON")


# --------------------------------------------------------------------------- files


def test_txt_file_every_line_one_output(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "in.txt"
    p.write_text("good\n\nbad\n   \n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "--input", str(p)])
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert len(out) == 4 and all("error" not in o for o in out)


def test_csv_file_with_columns(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "in.csv"
    p.write_text('key,review\nk1,"good, great"\nk2,awful\nk3\n', encoding="utf-8")
    r = runner.invoke(
        app, ["analyze", "-i", str(p), "--text-col", "review", "--id-col", "key", "-f", "csv"]
    )
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(x["id"], x["label"]) for x in rows] == [
        ("k1", "positive"),
        ("k2", "negative"),
        ("k3", ""),
    ]
    assert rows[0]["text"] == "good, great"
    assert rows[2]["error"] == "record 3: line 4: 1 fields, the header has 2"
    assert "1 of 3 records could not be analyzed" in r.stderr


def test_csv_missing_column_error_exit(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "in.csv"
    p.write_text("review,stars\ngood,5\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(p)])
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert "no text column 'text'" in line and "'review', 'stars'" in line
    assert r.stdout == ""
    assert fake_api.instances == []  # the model is not loaded for unusable input


def test_jsonl_error_records_keep_order(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "x", "text": "good"}\n{oops}\n{"title": "t"}\n{"id": "y", "text": "bad"}\n',
        encoding="utf-8",
    )
    r = runner.invoke(app, ["analyze", "-i", str(p)])
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [o["id"] for o in out] == ["x", "2", "3", "y"]
    assert out[0]["label"] == "positive" and out[3]["label"] == "negative"
    assert out[1] == {"id": "2", "error": out[1]["error"]}
    assert out[1]["error"].startswith("record 2: line 2: not valid JSON")
    assert out[2]["error"] == "record 3: line 3: no field 'text' (fields: 'title')"


def test_json_input_and_json_output(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "in.json"
    p.write_text(json.dumps([{"text": "good"}, "bad", 7]), encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(p), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert [o.get("label") for o in out] == ["positive", "negative", None]
    assert out[2]["error"] == "record 3: item 3: expected a JSON object or string, got int"


def test_table_output(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "-f", "table", "good film", "Filmi hiç beğenmedim"])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["ID", "LANG", "LABEL", "SCORE", "TEXT"]
    assert lines[1].split()[:4] == ["1", "en", "positive", "+0.700"]
    assert lines[2].split()[:4] == ["2", "tr", "negative", "-0.700"]
    assert lines[1].index("positive") == lines[2].index("negative")


def test_output_file_format_from_extension(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    out = tmp_path / "res.csv"
    r = runner.invoke(app, ["analyze", "good", "bad", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [x["label"] for x in rows] == ["positive", "negative"]
    assert [p.name for p in tmp_path.iterdir()] == ["res.csv"]  # no temporary left


def test_output_file_not_clobbered_on_failure(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    src = tmp_path / "in.txt"
    # invalid UTF-8 after the first batch: the run fails part-way
    src.write_bytes(b"good\n" * 10 + b"bad \xff\n")
    out = tmp_path / "res.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    r = runner.invoke(
        app, ["analyze", "-i", str(src), "-o", str(out), "--overwrite", "--batch-size", "4"]
    )
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert "in.txt: invalid UTF-8 at line 11, byte offset 54" in line
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "res.jsonl"]


def test_bad_encoding_first_line(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("Güzel film\n".encode("latin-1"))
    r = runner.invoke(app, ["analyze", "-i", str(p)])
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert "latin1.txt" in line and "line 1" in line and "byte offset 1" in line
    assert r.stdout == ""


def test_bom_accepted(tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    p = tmp_path / "bom.csv"
    p.write_bytes(b"\xef\xbb\xbftext\ngood\n")
    r = runner.invoke(app, ["analyze", "-i", str(p)])
    assert r.exit_code == 0, r.stderr
    assert jsonl(r.stdout)[0]["label"] == "positive"


def test_missing_file(tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "-i", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1
    assert "nope.txt" in one_error_line(r.stderr) and "no such file" in r.stderr


def test_unknown_extension(tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    p = tmp_path / "in.dat"
    p.write_text("good\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(p)])
    assert r.exit_code == 1 and "cannot tell the format" in one_error_line(r.stderr)
    r = runner.invoke(app, ["analyze", "-i", str(p), "--input-format", "txt"])
    assert r.exit_code == 0 and jsonl(r.stdout)[0]["label"] == "positive"


def test_empty_input(tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(p), "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert fake_api.instances == []


# --------------------------------------------------------------------------- options


def test_explain_lang_model_passed(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(
        app, ["analyze", "--explain", "--lang", "en", "--model", str(tmp_path), "good film"]
    )
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)[0]
    assert [t["text"] for t in out["tokens"]] == ["good", "film"]
    inst = fake_api.instances[0]
    assert inst.lang == "en" and Path(inst.model) == tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "--lang", "de", "x"],
        ["analyze", "--format", "xml", "x"],
        ["analyze", "--batch-size", "0", "x"],
        ["analyze", "x", "--input", "f.txt"],
        ["analyze", "x", "--input-format", "csv"],
        ["analyze", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_invalid_arguments_one_line(
    args: list[str], runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code in (1, 2)
    one_error_line(r.stderr)
    assert r.stdout == ""


def test_deprecated_progress_flag_still_works(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    """--progress is accepted (a user's script does not break) and says it is deprecated; the
    bar itself is drawn only on a terminal (tests/cli/test_progress.py), never into a pipe."""
    p = tmp_path / "in.txt"
    p.write_text("good\n" * 50, encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(p), "--progress", "--batch-size", "10"])
    assert r.exit_code == 0
    assert len(jsonl(r.stdout)) == 50
    assert r.stderr.splitlines() == [
        "sentikit: warning: --progress is deprecated and changes nothing: a progress bar is "
        "shown whenever stderr is a terminal (-q hides it); drop the flag"
    ]


def test_quiet_keeps_warnings_only(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    data = '{"text": "good"}\nbroken\n'
    r = runner.invoke(app, ["-v", "analyze", "-", "--input-format", "jsonl"], input=data)
    assert "sentikit: 2 records in" in r.stderr  # info, with -v
    warning = "sentikit: warning: 1 of 2 records could not be analyzed (see their 'error' field)"
    for args in (["-q", "analyze"], ["analyze", "-q"], ["analyze", "--quiet", "-v"]):
        r = runner.invoke(app, [*args, "-", "--input-format", "jsonl"], input=data)
        assert r.exit_code == 0
        assert r.stderr.splitlines() == [warning], args


# --------------------------------------------------------------------------- failures


def test_batch_failure_is_isolated_to_its_record(
    runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, ["analyze", "good", "CRASH here", "bad"])
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert out[0]["label"] == "positive" and out[2]["label"] == "negative"
    assert out[1] == {"id": "2", "error": "record 2: RuntimeError: boom"}


def test_missing_model_is_one_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def load(lang: Any = None, model: Any = None, **kw: Any) -> Any:
        raise ResourceMissingError("no shipped model for 'tr'; train one with sentikit train")

    monkeypatch.setattr(sentikit.api, "load", load)
    r = runner.invoke(app, ["analyze", "x"])
    assert r.exit_code == 1
    assert one_error_line(r.stderr) == (
        "sentikit: error: no shipped model for 'tr'; train one with sentikit train"
    )


def test_unexpected_error_one_line_and_debug_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load(lang: Any = None, model: Any = None, **kw: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(sentikit.api, "load", load)
    r = runner.invoke(app, ["analyze", "x"], env={"SENTIKIT_DEBUG": ""})
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert "ZeroDivisionError" in line and "SENTIKIT_DEBUG=1" in line
    r = runner.invoke(app, ["analyze", "x"], env={"SENTIKIT_DEBUG": "1"})
    assert r.exit_code == 1 and "Traceback" in r.stderr


def test_fatal_error_during_run_stops(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(FakeAnalyzer):
        def iter_analyze(
            self,
            texts: Any,
            ids: Any = None,
            explain: bool = False,
            batch_size: int | None = None,
            grow: bool = True,
        ) -> Any:
            raise ResourceMissingError("lexicon missing")

    monkeypatch.setattr(sentikit.api, "load", lambda lang=None, model=None, **kw: Broken(lang))
    r = runner.invoke(app, ["analyze", "a", "b"])
    assert r.exit_code == 1 and one_error_line(r.stderr).endswith("lexicon missing")


# --------------------------------------------------------------------------- streaming


def test_run_analysis_streams_chunk_by_chunk() -> None:
    pulled = 0

    def records() -> Any:
        nonlocal pulled
        for i in range(1, 1001):
            pulled += 1
            yield Record(str(i), "good" if i % 2 else "bad", None, i, i)

    seen_when_first_written: list[int] = []

    class Spy:
        def __init__(self) -> None:
            self.results: list[dict[str, Any]] = []
            self.flushes = 0

        def write(self, result: dict[str, Any], text: str | None = None) -> None:
            if not self.results:
                seen_when_first_written.append(pulled)
            self.results.append(result)

        def flush(self) -> None:
            self.flushes += 1

    fake = FakeAnalyzer("en")
    spy = Spy()
    stats = run_analysis(records(), fake, spy, batch_size=256)
    assert stats.records == 1000 and stats.errors == 0
    assert [r["id"] for r in spy.results] == [str(i) for i in range(1, 1001)]
    assert seen_when_first_written == [64]  # output began after one chunk, not at the end
    # chunks of 64, 128, then 256 (the limit) until the input ends
    assert fake.batches == [64, 128, 256, 256, 256, 40]
    assert spy.flushes == 6


def test_run_analysis_error_records_use_record_numbers() -> None:
    """An analyzer's error record names the id; the output names the record number, reworded
    from the record's reason (no message parsing). A plain error dict is taken as given."""

    class ErrAnalyzer:
        def iter_analyze(
            self,
            texts: Any,
            ids: Any = None,
            explain: bool = False,
            batch_size: int | None = None,
            grow: bool = True,
        ) -> Any:
            for t, i in zip(texts, ids, strict=True):
                if t == "x":
                    yield ErrorRecord(i, "too long")
                elif t == "y":
                    yield {"id": i, "error": "record 9: as given"}
                else:
                    yield {"id": i}

    buf = io.StringIO()
    recs = [
        Record("a", "ok", None, 1, 1),
        Record("b:1", "x", None, 2, 2),
        Record("record", "y", None, 3, 3),
    ]
    with make_writer("jsonl", buf) as w:
        stats = run_analysis(recs, ErrAnalyzer(), w)
    assert stats.errors == 2
    assert jsonl(buf.getvalue()) == [
        {"id": "a"},
        {"id": "b:1", "error": "record 2: too long"},
        {"id": "record", "error": "record 3: record 9: as given"},
    ]


def test_20000_lines_streamed(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    p = tmp_path / "big.txt"
    p.write_text("".join(f"line {i} good\n" if i % 3 else "\n" for i in range(20_000)))
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["analyze", "-i", str(p), "--lang", "en", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20_000
    ids = [json.loads(x)["id"] for x in lines]
    assert ids == [str(i) for i in range(1, 20_001)]
    assert max(fake_api.instances[0].batches) <= DEFAULT_BATCH_SIZE
