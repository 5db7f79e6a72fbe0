"""Progress and logs: a tqdm bar with a rate and an ETA on stderr when it is a terminal, nothing
progress-like when it is not; ``-q``/``-v`` on every sub-command with one meaning.

The terminal is real where it matters: ``python -m sentikit`` runs in a subprocess whose stderr
is a pseudo-terminal (:func:`pty.openpty`) or a pipe. The wiring of each long command is
checked in-process with :func:`sentikit.cli._util.progress_shown` forced on (tqdm then writes
into the test runner's stderr).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import sentikit.cli._util as cli_util
import sentikit.cli.evaluate as cli_evaluate
import sentikit.cli.train as cli_train
from sentikit.cli._util import LOGGER, NOTE, StepBar, setup_logging
from sentikit.cli.main import app
from sentikit.progress import Step

ROOT = Path(__file__).resolve().parents[2]
#: A finished tqdm bar: ``N/N [elapsed<remaining, RATE unit/s]`` (the ETA is ``<remaining``).
BAR = re.compile(r"(\d+)/(\d+) \[\d\d:\d\d<\d\d:\d\d, +[\d.]+ ([a-z ]+)/s\]")


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


def run_cli(args: list[str], cwd: Path, tty: bool, timeout: float = 120.0) -> tuple[int, str]:
    """Run ``python -m sentikit ARGS``; stderr is a 120×30 pseudo-terminal or a pipe.
    Returns the exit status and what came on stderr."""
    cmd = [sys.executable, "-m", "sentikit", *args]
    if not tty:
        p = subprocess.run(
            cmd, cwd=cwd, env=_env(), stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout
        )
        return p.returncode, p.stderr.decode("utf-8")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave
    )
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            out += data
    finally:
        os.close(master)
    return proc.wait(timeout=10), out.decode("utf-8")


def bars(stderr: str) -> list[tuple[int, int, str]]:
    """The last state of each bar drawn (a bar is known by its unit): ``(done, total, unit)``."""
    last: dict[str, tuple[int, int, str]] = {}
    for a, b, unit in BAR.findall(stderr):
        last[unit] = (int(a), int(b), unit)
    return list(last.values())


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress")
    words = ["good", "great", "bad", "awful", "film", "plot", "the", "was", "dull", "fun"]
    lines = [" ".join(words[(i * 7 + k * 3) % len(words)] for k in range(6)) for i in range(400)]
    (folder / "c.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_analyze_bar_on_a_terminal_nothing_in_a_pipe(texts: Path) -> None:
    args = ["analyze", "-i", "c.txt", "--lang", "en", "-o", "out.jsonl", "--overwrite"]
    rc, err = run_cli(args, texts, tty=True)
    assert rc == 0, err
    assert (400, 400, "records") in bars(err), err  # count, total, rate and ETA
    assert "%|" in err  # the bar itself
    rc, err = run_cli(args, texts, tty=False)
    assert rc == 0 and err == ""  # a batch job's log gets nothing
    assert len((texts / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 400


def test_embed_train_bars_and_quiet(texts: Path) -> None:
    args = ["embed", "train", "c.txt", "--lang", "en", "--dim", "4", "-o", "emb", "--overwrite"]
    rc, err = run_cli(args, texts, tty=True)
    assert rc == 0, err
    found = bars(err)
    assert (400, 400, "records") in found and (400, 400, "documents segmented") in found
    assert (3, 3, "stages") in found  # vocabulary, co-occurrence, contextual
    assert "sentikit: wrote " in err  # notes still come, above the bars
    rc, err = run_cli([*args, "-q"], texts, tty=True)
    assert rc == 0 and err.strip() == ""  # quiet: no notes, no bar


# ------------------------------------------------------------------ in-process wiring


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw bars as on a terminal (into the runner's stderr) unless -q."""
    monkeypatch.setattr(cli_util, "progress_shown", lambda: LOGGER.isEnabledFor(NOTE))


def test_analyze_bar_for_input_records_only(
    tmp_path: Path,
    runner: CliRunner,
    terminal: None,
    fake_api: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "in.txt").write_text("good\n" * 30, encoding="utf-8")
    r = runner.invoke(app, ["analyze", "-i", str(tmp_path / "in.txt"), "--batch-size", "8"])
    assert r.exit_code == 0 and bars(r.stderr) == [(30, 30, "records")]
    r = runner.invoke(app, ["analyze", "-", "--batch-size", "8"], input="good\n" * 20)
    assert r.exit_code == 0 and "20 records [" in r.stderr  # stdin: count and rate, no total
    r = runner.invoke(app, ["analyze", "good", "bad"])  # a quick look: no bar
    assert r.exit_code == 0 and r.stderr == ""
    monkeypatch.setattr(cli_util, "output_on_terminal", lambda path: True)
    r = runner.invoke(app, ["analyze", "-i", str(tmp_path / "in.txt")])  # results on screen
    assert r.exit_code == 0 and r.stderr == ""


@pytest.fixture
def fake_evaluate(monkeypatch: pytest.MonkeyPatch) -> None:
    """``evaluate --dataset``'s runner reports three folds (no model is built)."""

    def corpus(*args: Any) -> Any:
        progress = args[-1]
        for k in range(3):
            progress(Step(f"fold {k + 1}/3 done", k + 1, 3, "folds"))

        class Result:
            def format_table(self) -> str:
                return "TABLE"

        return Result()

    monkeypatch.setattr(cli_evaluate, "_corpus", corpus)


def test_evaluate_folds_bar_and_log_levels(
    runner: CliRunner, terminal: None, fake_evaluate: None
) -> None:
    base = ["evaluate", "--dataset", "sst2"]
    r = runner.invoke(app, base)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "TABLE\n"
    assert bars(r.stderr) == [(3, 3, "folds")] and "fold 1/3 done" not in r.stderr
    for extra in (["--progress"], ["-v"]):  # --progress: the fold lines, as -v
        r = runner.invoke(app, [*base, *extra])
        assert "sentikit: fold 3/3 done" in r.stderr and bars(r.stderr) == [(3, 3, "folds")]
    r = runner.invoke(app, [*base, "--progress", "-q"])
    assert r.exit_code == 0 and r.stderr == ""


def test_train_stages_bar(
    tmp_path: Path, runner: CliRunner, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def train_bundle(*args: Any, progress: Any = None, **kw: Any) -> Path:
        progress("processing 3 texts")
        for k in range(2):
            progress(Step(f"family {k + 1}/2: fitting", k, 3))
        progress(Step("stacking", 2, 3))
        return Path(args[4])

    monkeypatch.setattr(cli_train, "train_bundle", train_bundle)
    data = tmp_path / "d.csv"
    data.write_text("text,label\ngood,positive\nbad,negative\nfine,positive\n", "utf-8")
    r = runner.invoke(
        app, ["train", "--data", str(data), "--lang", "en", "-o", str(tmp_path / "m")]
    )
    assert r.exit_code == 0, r.stderr
    assert "sentikit: processing 3 texts" in r.stderr and "sentikit: stacking" in r.stderr
    assert bars(r.stderr) == [(3, 3, "stages")]  # filled once the run is over


def test_lexicon_induce_documents_bar(tmp_path: Path, runner: CliRunner, terminal: None) -> None:
    lines = ["good great fun lovely film", "bad awful dull boring plot"] * 100
    (tmp_path / "c.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "s.tsv").write_text("good\tpositive\nbad\tnegative\n", encoding="utf-8")
    args = ["lexicon", "induce", str(tmp_path / "c.txt"), "--lang", "en", "--seeds"]
    args += [str(tmp_path / "s.tsv"), "--bootstrap", "0", "--min-count", "2", "--dim", "4"]
    args += ["--k", "3", "-o", str(tmp_path / "lex.tsv")]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    assert (200, 200, "documents") in bars(r.stderr)
    assert "sentikit: propagation" in r.stderr  # the stage lines, as notes
    r = runner.invoke(app, [*args, "--no-progress"])
    assert r.exit_code == 0 and "%|" not in r.stderr and "sentikit: propagation" not in r.stderr


# ------------------------------------------------------------------ -q / -v everywhere


def _commands(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every sub-command and sub-group below ``cmd``."""
    for name, sub in (getattr(cmd, "commands", None) or {}).items():
        yield (*path, name)
        yield from _commands(sub, (*path, name))


def _level_after(root: Any, path: tuple[str, ...], args: list[str]) -> int:
    """The ``sentikit`` logger's level once ``sentikit PATH ARGS`` is parsed."""
    ctx = root.make_context("sentikit", [], resilient_parsing=True)
    restore = setup_logging(ctx)
    try:
        parent, cmd = ctx, root
        for k, name in enumerate(path):
            cmd = cmd.commands[name]
            sub_args = list(args) if k == len(path) - 1 else []
            parent = cmd.make_context(name, sub_args, parent=parent, resilient_parsing=True)
        return LOGGER.level
    finally:
        restore()


def test_every_subcommand_takes_quiet_and_verbose(runner: CliRunner) -> None:
    root = typer.main.get_command(app)
    before = LOGGER.level
    paths = list(_commands(root))
    leaves = {p[0] for p in paths} | {" ".join(p) for p in paths if len(p) == 2}
    assert {"analyze", "evaluate", "train", "lexicon induce", "embed train"} <= leaves
    expected = {
        "": NOTE,
        "-q": logging.WARNING,
        "--quiet": logging.WARNING,
        "-v": logging.INFO,
        "--verbose": logging.INFO,
        "-vv": logging.DEBUG,
        "-q -v": logging.WARNING,
    }
    for path in paths:
        r = runner.invoke(app, [*path, "-q", "-v", "--help"])
        assert r.exit_code == 0, (path, r.stderr)
        assert "-q, --quiet" in r.stdout and "-v, --verbose" in r.stdout, path
        for args, level in expected.items():
            assert _level_after(root, path, args.split()) == level, (path, args)
    assert LOGGER.level == before  # restored after each command


def test_step_bar_logs_plain_messages_and_counts_steps(
    runner: CliRunner, terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx: Any = typer.main.get_command(app).make_context("sentikit", [], resilient_parsing=True)
    restore = setup_logging(ctx)
    try:
        with StepBar() as steps:
            steps("reading")
            steps(Step("a", 1, 2, "texts"))
            steps(Step("b", 2, 2, "texts"))
            steps(Step("c", 1, 1, "folds"))  # a new unit: a new bar
        with pytest.raises(RuntimeError), StepBar() as steps:
            steps(Step("d", 1, 4, "corpora"))
            raise RuntimeError("a failed run's bar is not filled")
    finally:
        restore()
    err = capsys.readouterr().err
    assert [ln for ln in err.splitlines() if ln.startswith("sentikit: ") and "|" not in ln] == [
        "sentikit: reading",
        "sentikit: a",
        "sentikit: b",
        "sentikit: c",
        "sentikit: d",
    ]
    assert bars(err) == [(2, 2, "texts"), (1, 1, "folds"), (1, 4, "corpora")]
    assert json.dumps(Step("x", 1)) == '"x"'  # a Step is a plain string to everyone else
