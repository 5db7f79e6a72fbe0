"""The root command: help, version, info, error handling, and real ``python -m sentikit`` runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sentikit import __version__
from sentikit.cli.main import app, format_info, main, run_guarded
from sentikit.errors import InputError

REPO = Path(__file__).resolve().parents[2]
COMMANDS = ["analyze", "evaluate", "train", "info", "version"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_of_every_command(command: list[str], runner: CliRunner) -> None:
    r = runner.invoke(app, [*command, "--help"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Usage: sentikit")
    if not command:
        for c in COMMANDS:
            assert c in r.stdout


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    r = runner.invoke(app, [])
    assert "Usage: sentikit" in r.stdout + r.stderr


def test_version(runner: CliRunner) -> None:
    for args in (["version"], ["--version"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0
        assert r.stdout == f"sentikit {__version__}\n"


def test_info_json_and_text(runner: CliRunner) -> None:
    r = runner.invoke(app, ["info", "--json"])
    assert r.exit_code == 0, r.stderr
    info = json.loads(r.stdout)
    assert info["version"] == __version__
    assert set(info["extras"]) >= {"spacy", "zemberek", "wordfreq"}
    assert all(isinstance(e["available"], bool) for e in info["extras"].values())
    assert isinstance(info["models"], list)
    r = runner.invoke(app, ["info"])
    assert r.exit_code == 0
    assert r.stdout.startswith(f"sentikit {__version__}")
    assert "shipped models:" in r.stdout and "benchmark data:" in r.stdout
    assert "classes: negative, neutral, positive" in r.stdout
    assert "trained on" in r.stdout and "figure (evaluation)" in r.stdout


def test_format_info_shows_model_metrics() -> None:
    info = {
        "version": "9",
        "python": "3.11",
        "models": [
            {
                "name": "m",
                "version": "1.0",
                "lang": "tr",
                "metrics": {"turkish-movie-reviews": {"accuracy": 0.91234, "n": 5}},
            }
        ],
        "extras": {"torch": {"available": False, "for": "neural"}},
        "data_root": None,
    }
    text = format_info(info)
    assert "m 1.0  lang=tr" in text
    assert "turkish-movie-reviews" in text and "0.91" in text and " 5" in text
    assert "no   torch" in text and "not found" in text


def test_run_guarded_maps_errors(capsys: pytest.CaptureFixture[str]) -> None:
    def bad_input() -> None:
        raise InputError("bad\nthing")

    assert run_guarded(bad_input) == 1
    assert capsys.readouterr().err == "sentikit: error: bad thing\n"

    def os_error() -> None:
        raise PermissionError(13, "Permission denied", "/x/y")

    assert run_guarded(os_error) == 1
    assert capsys.readouterr().err == "sentikit: error: Permission denied: /x/y\n"

    def decode_error() -> None:
        b"\xff".decode("utf-8")

    assert run_guarded(decode_error) == 1
    assert "invalid UTF-8" in capsys.readouterr().err
    assert run_guarded(lambda: 3) == 3


def test_main_returns_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out == f"sentikit {__version__}\n"
    assert main(["analyze", "--bogus"]) == 2
    assert capsys.readouterr().err.startswith("sentikit: error: No such option: --bogus")


# --------------------------------------------------------------------------- real processes


def run_module(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SENTIKIT_DEBUG": ""}
    return subprocess.run(
        [sys.executable, "-m", "sentikit", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_subprocess_help_and_version() -> None:
    r = run_module("--help")
    assert r.returncode == 0 and b"analyze" in r.stdout and r.stderr == b""
    r = run_module("version")
    assert r.returncode == 0 and r.stdout.decode() == f"sentikit {__version__}\n"


def test_subprocess_bad_encoding_exit_and_one_line(tmp_path: Path) -> None:
    p = tmp_path / "cp1254.txt"
    p.write_bytes("iyi\nÇok güzel\n".encode("cp1254"))
    r = run_module("analyze", "--input", str(p))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("sentikit: error: ")
    assert "cp1254.txt: invalid UTF-8 at line 2, byte offset 4" in err
    assert r.stdout == b""


def test_subprocess_bad_encoding_on_stdin() -> None:
    r = run_module("analyze", "-", stdin=b"\xfe\xfa\n")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "<stdin>: invalid UTF-8 at line 1, byte offset 0" in err


def test_subprocess_missing_file_and_usage_error(tmp_path: Path) -> None:
    r = run_module("analyze", "--input", str(tmp_path / "missing.csv"))
    assert r.returncode == 1
    assert r.stderr.decode().count("\n") == 1 and b"no such file" in r.stderr
    r = run_module("analyze", "--format", "xml", "x")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and b"Traceback" not in r.stderr


def test_subprocess_undecodable_argument() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"}
    r = subprocess.run(
        [sys.executable.encode(), b"-m", b"sentikit", b"analyze", b"ok", b"bad \xff"],
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "TEXT argument 2 is not valid UTF-8" in err
