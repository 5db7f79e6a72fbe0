from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.errors import InputError, ResourceMissingError
from sentikit.lang.seeds import SEED_PAIRS
from sentikit.lexicon.seeds import SeedSet, default_seeds, read_seed_file


def test_defaults_are_the_methods_pairs() -> None:
    for lang in ("tr", "en"):
        s = default_seeds(lang)
        assert s.pairs() == SEED_PAIRS[lang]


def test_seed_file(tmp_path: Path) -> None:
    p = tmp_path / "seeds.tsv"
    p.write_text("# my seeds\nharika\tpositive\nberbat\tneg\n\niyi +\nkötü\t-1\n", encoding="utf-8")
    s = read_seed_file(p)
    assert s.positive == ["harika", "iyi"] and s.negative == ["berbat", "kötü"]


def test_seed_errors(tmp_path: Path) -> None:
    with pytest.raises(ResourceMissingError):
        read_seed_file(tmp_path / "none.tsv")
    p = tmp_path / "s.tsv"
    p.write_text("good\tmaybe\n", encoding="utf-8")
    with pytest.raises(InputError, match=":1:"):
        read_seed_file(p)
    with pytest.raises(InputError, match="both"):
        SeedSet(["good"], ["good", "bad"])
    with pytest.raises(InputError):
        SeedSet(["good"], [])
