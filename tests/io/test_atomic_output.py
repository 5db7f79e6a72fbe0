"""Issue 18, defect 4: the one atomic output writer (``sentikit.io._files.atomic_output``).

Used by the CLI's ``open_output`` and by ``write_lexicon``: the temporary file is created
exclusively (a planted symlink is never followed), errors name the user's path, and nothing
is left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sentikit.cli._util import open_output
from sentikit.errors import InputError
from sentikit.io._files import atomic_output, write_text_atomic
from sentikit.lexicon.tsv import load_lexicon, write_lexicon


def test_planted_symlink_at_the_old_temporary_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    (tmp_path / f".out.jsonl.{os.getpid()}.part").symlink_to(victim)
    with open_output(out) as fh:
        fh.write("result\n")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not out.is_symlink() and out.read_text(encoding="utf-8") == "result\n"


def test_lexicon_writer_does_not_follow_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "lex.tsv"
    (tmp_path / f".lex.tsv.{os.getpid()}.part").symlink_to(victim)
    write_lexicon(out, ["iyi"], [1.0], [0.1], [3], ["seed"])
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert load_lexicon(out)["iyi"].count == 3


def test_failure_leaves_target_and_folder_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_new_file_mode_follows_umask_and_existing_mode_is_kept(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.txt"
        write_text_atomic(new, "x")
        assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
        kept = tmp_path / "kept.txt"
        kept.write_text("y", encoding="utf-8")
        kept.chmod(0o640)
        write_text_atomic(kept, "z")
        assert kept.stat().st_mode & 0o777 == 0o640
        assert kept.read_text(encoding="utf-8") == "z"
    finally:
        os.umask(old)


@pytest.mark.parametrize("target", ["/proc/version", "/proc/sentikit-out.jsonl"])
def test_unwritable_folder_error_names_the_users_path(target: str) -> None:
    if not Path("/proc/version").exists():
        pytest.skip("no /proc")
    with pytest.raises(InputError) as info, open_output(target) as fh:
        fh.write("x")
    msg = str(info.value)
    assert repr(target) in msg and ".part" not in msg


def test_unwritable_folder_lexicon(tmp_path: Path) -> None:
    if not Path("/proc/version").exists():
        pytest.skip("no /proc")
    with pytest.raises(InputError, match="'/proc/lex.tsv'") as info:
        write_lexicon("/proc/lex.tsv", ["iyi"], [1.0], [0.1], [3], ["seed"])
    assert ".part" not in str(info.value)


def test_missing_folder_and_directory_target(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"), atomic_output(tmp_path / "no" / "x"):
        pass
    with pytest.raises(InputError, match="is a directory"), atomic_output(tmp_path):
        pass


def test_character_device_is_written_in_place(tmp_path: Path) -> None:
    if not os.path.exists(os.devnull):
        pytest.skip("no /dev/null")
    before = os.stat(os.devnull)
    with atomic_output(os.devnull) as fh:
        fh.write("discarded\n")
    after = os.stat(os.devnull)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
