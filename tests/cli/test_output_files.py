"""Issue 18: ``sentikit analyze`` never reports a short success, never leaves temporaries.

Defect 2: a CSV with an unterminated quote is an error (exit 1) naming the file and line.
Defect 4: SIGTERM (like SIGINT) removes the ``.part`` file; errors name the user's path.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sentikit
from sentikit.cli.main import app

from .conftest import FakeAnalyzer

REPO = Path(sentikit.__file__).resolve().parent.parent

# `sentikit analyze` with a trivial analyzer in place of the shipped model (fast to start)
_CHILD = textwrap.dedent(
    """
    import sys
    import sentikit.api

    class Fake:
        def iter_analyze(self, texts, ids=None, explain=False, batch_size=None, grow=True):
            for text, id_ in zip(texts, ids):
                yield {"id": id_, "lang": "en", "label": "neutral", "score": 0.0}

    sentikit.api.load = lambda lang=None, model=None, **kw: Fake()
    from sentikit.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_mid_run_leaves_no_part_file(tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, "analyze", "-", "-o", str(out), "--batch-size", "64"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdin is not None and proc.stderr is not None
    try:
        # a large input whose end has not come yet: the run is writing its temporary file
        proc.stdin.write(b"a good film\n" * 20000)
        proc.stdin.flush()
        deadline = time.monotonic() + 60
        while not _parts(tmp_path):
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "no .part file appeared"
            time.sleep(0.05)
        proc.send_signal(sig)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert code != 0, stderr
    assert _parts(tmp_path) == []
    assert not out.exists()  # nothing half-written in its place
    assert "Traceback" not in stderr


def test_unterminated_quote_csv_is_an_error_not_a_short_success(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    rows = ["id,text"] + [f"{i},row {i} is good" for i in range(1, 1001)]
    rows[3] = '3,"row 3 has a stray quote'
    src = tmp_path / "in.csv"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "res.jsonl"
    r = runner.invoke(app, ["analyze", "-i", str(src), "--id-col", "id", "-o", str(out)])
    assert r.exit_code == 1, r.stdout
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("sentikit: error: "), r.stderr
    assert "in.csv" in lines[0] and "record 3" in lines[0] and "line 4" in lines[0]
    assert not out.exists() and _parts(tmp_path) == []


def test_unwritable_output_folder_names_the_users_path(
    tmp_path: Path, runner: CliRunner, fake_api: type[FakeAnalyzer]
) -> None:
    if not Path("/proc/version").exists():
        pytest.skip("no /proc")
    r = runner.invoke(app, ["analyze", "good", "-o", "/proc/version", "--overwrite"])
    assert r.exit_code == 1
    assert "'/proc/version'" in r.stderr and ".part" not in r.stderr, r.stderr
