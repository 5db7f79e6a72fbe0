"""``sentikit analyze --format html``: the page to stdout or a file (format from ``.html``),
error records as rows naming the record. The rendering itself: ``tests/io/test_html.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from sentikit.cli.main import app


def test_cli_html_to_stdout_and_file(fake_api: Any, runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(
        app, ["analyze", "--explain", "-f", "html", "great <b>fun</b>", "bad & awful"]
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("<!DOCTYPE html>") and r.stdout.count("<section") == 2
    assert "<b>fun</b>" not in r.stdout
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "great"}\nnot json\n{"text": "CRASH"}\n', encoding="utf-8")
    out = tmp_path / "x.html"
    r = runner.invoke(app, ["analyze", "--explain", "-i", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("<section") == 3 and page.count("skx-rec skx-err") == 2
    assert "record 2: line 2: not valid JSON" in page and "record 3: RuntimeError" in page
