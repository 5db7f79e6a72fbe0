from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.errors import InputError, ResourceMissingError
from sentikit.lexicon.tsv import COLUMNS, is_lexicon_file, load_lexicon, write_lexicon


def test_roundtrip_sorted(tmp_path: Path) -> None:
    p = tmp_path / "l.tsv"
    write_lexicon(
        p,
        ["a", "b", "c_NEG"],
        [0.5, 2.0, -1.0],
        [0.1, 0.0, 0.3],
        [3, 4, 5],
        ["corpus", "seed", "both"],
    )
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert [x.split("\t")[0] for x in lines[1:]] == ["b", "a", "c_NEG"]
    lex = load_lexicon(p)
    assert lex["c_NEG"] == (-1.0, 0.3, 5, "both")
    assert lex["a"].score == 0.5 and lex["b"].source == "seed"
    assert is_lexicon_file(p)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(ResourceMissingError):
        load_lexicon(tmp_path / "missing.tsv")
    p = tmp_path / "bad.tsv"
    p.write_text("word\tlabel\ngood\tpositive\n", encoding="utf-8")
    assert not is_lexicon_file(p)
    with pytest.raises(InputError, match="not a sentikit lexicon"):
        load_lexicon(p)
    p.write_text("\t".join(COLUMNS) + "\ngood\tx\t0\t1\tcorpus\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2:"):
        load_lexicon(p)


def test_write_rejects_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        write_lexicon(tmp_path / "x.tsv", ["a\tb"], [1.0], [0.0], [1], ["corpus"])
    with pytest.raises(InputError):
        write_lexicon(tmp_path / "x.tsv", ["a"], [1.0], [0.0], [1], ["elsewhere"])
    with pytest.raises(InputError):
        write_lexicon(tmp_path / "x.tsv", ["a", "b"], [1.0], [0.0], [1], ["corpus"])
    with pytest.raises(InputError):
        write_lexicon(tmp_path / "no" / "x.tsv", ["a"], [1.0], [0.0], [1], ["corpus"])
