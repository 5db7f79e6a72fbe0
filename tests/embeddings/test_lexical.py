"""WordNet definitions for the lexical component (a hand-written XML file; the real WordNet
only when the optional package is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sentikit.embeddings.lexical as lexical
from sentikit.errors import InputError

XML = """<SYNSETS>
<SYNSET><ID>X-1</ID><SYNONYM><LITERAL>İyi<SENSE>1</SENSE></LITERAL><LITERAL>hoş<SENSE>1</SENSE>
</LITERAL></SYNONYM><POS>a</POS><DEF>Beğenilen, güzel olan</DEF></SYNSET>
<SYNSET><ID>X-2</ID><SYNONYM><LITERAL>güzel<SENSE>1</SENSE></LITERAL></SYNONYM><POS>a</POS>
<DEF>Göze hoş görünen</DEF></SYNSET>
<SYNSET><ID>X-3</ID><SYNONYM><LITERAL>boş<SENSE>1</SENSE></LITERAL></SYNONYM><POS>a</POS></SYNSET>
</SYNSETS>
"""


def test_read_definitions_turkish_lowercase(tmp_path: Path) -> None:
    p = tmp_path / "wn.xml"
    p.write_text(XML, "utf-8")
    defs = lexical.read_definitions(p, "tr")
    assert defs["iyi"] == [["beğenilen", "güzel", "olan"]]  # İ → i, punctuation dropped
    assert defs["hoş"] == defs["iyi"]
    assert defs["güzel"] == [["göze", "hoş", "görünen"]]
    assert "boş" not in defs  # no definition


def test_wordnet_definitions_two_levels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "wn.xml"
    p.write_text(XML, "utf-8")
    monkeypatch.setattr(lexical, "_all_definitions", lambda lang: lexical.read_definitions(p, lang))
    out = lexical.wordnet_definitions("tr", ["iyi", "yok"])
    assert set(out) == {"iyi", "güzel"}  # the term and the definition word that has a definition


def test_turkish_terms_through_their_lemmas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inflected Turkish corpus terms find the definitions of their dictionary forms, through
    sentikit's real morphology (the zeyrek backend, a core dependency)."""
    p = tmp_path / "wn.xml"
    p.write_text(XML, "utf-8")
    monkeypatch.setattr(lexical, "_all_definitions", lambda lang: lexical.read_definitions(p, lang))
    monkeypatch.setenv("SENTIKIT_CACHE_DIR", str(tmp_path / "cache"))
    lemmas = lexical.turkish_lemmas(["güzeldi", "güzelliği", "10", "iyi"])
    assert lemmas["güzeldi"] == "güzel" and lemmas["iyi"] == "iyi"
    assert "10" not in lemmas  # no letters: not analysed
    assert lemmas["güzelliği"] == "güzel"  # the root, as for the lexicon's lemma terms
    assert lexical.wordnet_definitions("tr", ["güzeldi"]) == {}  # as written: not a literal
    out = lexical.corpus_definitions("tr", ["güzeldi", "yok"])
    assert out["güzeldi"] == [["göze", "hoş", "görünen"]]
    assert set(out) == {"güzeldi", "hoş"}  # and the definition word with a definition


def test_unknown_language() -> None:
    with pytest.raises(InputError, match="no WordNet"):
        lexical.wordnet_path("de")


def test_installed_wordnet_files() -> None:
    pytest.importorskip("WordNet")
    for lang in ("tr", "en"):
        assert lexical.wordnet_path(lang).stat().st_size > 1_000_000
