"""Issue 23: ``sentikit analyze`` guards against two slips.

1. A TEXT argument that names an existing file (``analyze reviews.csv``, the ``-i`` forgotten)
   is an error unless ``--text-is-text``; ``--text-col`` / ``--id-col`` with TEXT arguments
   only (no ``--input``, no ``-``) are errors.
2. ``-o FILE`` does not replace an existing file without ``--overwrite`` (checked before the
   model is loaded); ``-o -``, devices and FIFOs are not existing files.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sentikit.cli.main import app

from .conftest import FakeAnalyzer


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in out.splitlines()]


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("sentikit: error: ") and "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def reviews(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``reviews.csv`` in the current folder (a temporary one)."""
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "reviews.csv"
    p.write_text("id,review\n1,a great film\n2,awful\n", encoding="utf-8")
    return p


# --------------------------------------------------------------------------- TEXT names a file


def test_text_argument_naming_a_file_is_an_error(
    reviews: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, ["analyze", "reviews.csv", "--text-col", "review"])
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert "'reviews.csv' is a file: did you mean --input reviews.csv?" in line
    assert "--text-is-text" in line
    assert r.stdout == ""
    assert fake_api.instances == []  # no model loaded


@pytest.mark.parametrize("form", ["absolute", "dot-slash", "no-extension-with-slash"])
def test_path_forms_of_an_existing_file_are_errors(
    form: str, reviews: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    if form == "absolute":
        arg = str(reviews)
    elif form == "dot-slash":
        arg = "./reviews.csv"
    else:
        (reviews.parent / "sub").mkdir()
        (reviews.parent / "sub" / "notes").write_text("good\n", encoding="utf-8")
        arg = "sub/notes"
    r = runner.invoke(app, ["analyze", "great film", arg])
    assert r.exit_code == 1
    assert f"{arg!r} is a file: did you mean --input" in one_error_line(r.stderr)
    assert r.stdout == "" and fake_api.instances == []


def test_text_is_text_analyzes_the_name(
    reviews: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, ["analyze", "--text-is-text", "reviews.csv", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert [o["id"] for o in jsonl(r.stdout)] == ["1"]
    assert r.stderr == ""


def test_texts_that_are_not_existing_files_pass(
    reviews: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    (reviews.parent / "good").write_text("x\n", encoding="utf-8")  # no separator, no extension
    (reviews.parent / "film.d").mkdir()  # a folder, not a file
    args = ["good", "film.d", "missing.csv", "no/such/path", "Filmi beğendim."]
    r = runner.invoke(app, ["analyze", *args, "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert [o["id"] for o in jsonl(r.stdout)] == ["1", "2", "3", "4", "5"]


def test_very_long_text_argument_is_not_mistaken_for_a_path(
    reviews: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    text = "a/good " * 5000 + "film.txt"  # too long for a file name: stat fails quietly
    r = runner.invoke(app, ["analyze", text, "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert jsonl(r.stdout)[0]["label"] == "positive"


@pytest.mark.parametrize(
    ("opts", "named"),
    [
        (["--text-col", "review"], "--text-col applies"),
        (["--id-col", "id"], "--id-col applies"),
        (["--text-col", "review", "--id-col", "id"], "--text-col and --id-col apply"),
    ],
)
def test_column_options_with_text_arguments_are_errors(
    opts: list[str], named: str, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    r = runner.invoke(app, ["analyze", "a great film", *opts])
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert named in line and "--input" in line and "stdin" in line
    assert r.stdout == "" and fake_api.instances == []


def test_column_options_with_stdin_still_apply(
    runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    data = '{"k": "x1", "review": "great"}\n'
    r = runner.invoke(
        app,
        ["analyze", "-", "--input-format", "jsonl", "--text-col", "review", "--id-col", "k"],
        input=data,
    )
    assert r.exit_code == 0, r.stderr
    assert [(o["id"], o["label"]) for o in jsonl(r.stdout)] == [("x1", "positive")]


def test_help_documents_the_new_flags(runner: CliRunner) -> None:
    r = runner.invoke(app, ["analyze", "--help"])
    assert r.exit_code == 0
    assert "--text-is-text" in r.stdout and "--overwrite" in r.stdout


# --------------------------------------------------------------------------- -o on a file


def test_existing_output_file_is_not_replaced(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    out = tmp_path / "res.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "good", "-o", str(out)])
    assert r.exit_code == 1
    line = one_error_line(r.stderr)
    assert repr(str(out)) in line and "--overwrite" in line
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res.jsonl"]
    assert fake_api.instances == []  # refused before the model was loaded


def test_existing_output_refused_before_reading_input(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    out = tmp_path / "res.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert r.exit_code == 1
    assert "--overwrite" in one_error_line(r.stderr)  # not the missing input


def test_symlink_to_an_existing_file_is_not_replaced(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symlinks here")
    r = runner.invoke(app, ["analyze", "good", "-o", str(link)])
    assert r.exit_code == 1 and "--overwrite" in one_error_line(r.stderr)
    assert target.read_text(encoding="utf-8") == "keep\n" and link.is_symlink()


def test_overwrite_replaces_an_existing_file(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    out = tmp_path / "res.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", "good", "bad", "-o", str(out), "--overwrite"])
    assert r.exit_code == 0, r.stderr
    lines = jsonl(out.read_text(encoding="utf-8"))
    assert [o["label"] for o in lines] == ["positive", "negative"]


def test_new_output_file_needs_no_flag(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    out = tmp_path / "new.jsonl"
    r = runner.invoke(app, ["analyze", "good", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 1


def test_output_dash_is_stdout(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "good", "-o", "-", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert jsonl(r.stdout)[0]["label"] == "positive"


@pytest.mark.skipif(not os.path.exists(os.devnull) or sys.platform == "win32", reason="POSIX")
def test_dev_null_is_not_an_existing_file(runner: CliRunner, fake_api: type[FakeAnalyzer]) -> None:
    r = runner.invoke(app, ["analyze", "good", "-o", os.devnull, "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_not_an_existing_file(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    r = runner.invoke(app, ["analyze", "good", "-o", str(fifo), "-f", "jsonl"])
    reader.join(timeout=30)
    assert r.exit_code == 0, r.stderr
    assert got and jsonl(got[0])[0]["label"] == "positive"
