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


def test_rows_tied_in_the_written_score_sort_by_term(tmp_path: Path) -> None:
    """Scores that differ below the 4 written decimals (another machine's floating-point
    rounding) must not reorder the file."""
    p, q = tmp_path / "p.tsv", tmp_path / "q.tsv"
    args = ([0.1, 0.1], [1, 1], ["corpus", "corpus"])
    write_lexicon(p, ["zeta", "alpha"], [0.5 + 1e-12, 0.5], *args)
    write_lexicon(q, ["zeta", "alpha"], [0.5, 0.5 + 1e-12], *args)
    assert p.read_bytes() == q.read_bytes()
    assert [x.split("\t")[0] for x in p.read_text(encoding="utf-8").splitlines()[1:]] == [
        "alpha",
        "zeta",
    ]


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
