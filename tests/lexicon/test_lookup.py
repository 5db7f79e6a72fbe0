"""Lemma candidates and near matches of ``sentikit lexicon show`` (sentikit.lexicon.lookup)."""

from __future__ import annotations

import pytest

from sentikit.lang.en.parser import is_available
from sentikit.lexicon.lookup import (
    LemmaCandidate,
    en_lemmas,
    en_suffix_lemmas,
    lemma_candidates,
    lexicon_lang,
    near_matches,
)


def test_lexicon_lang() -> None:
    assert lexicon_lang("lexicons/tr-movie-kenet.tsv") == "tr"
    assert lexicon_lang("EN_x.tsv") == "en"
    assert lexicon_lang("trends.tsv") is None and lexicon_lang("lex.tsv") is None


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("loved", "love"),
        ("stopped", "stop"),
        ("stories", "story"),
        ("movies", "movie"),
        ("running", "run"),
        ("happiest", "happy"),
        ("greater", "great"),
        ("badly", "bad"),
        ("hates", "hate"),
    ],
)
def test_en_suffix_lemmas(word: str, lemma: str) -> None:
    assert lemma in en_suffix_lemmas(word)
    assert word not in en_suffix_lemmas(word)


@pytest.mark.skipif(not is_available(), reason="spaCy model (the en extra) not installed")
def test_en_lemmas_with_spacy() -> None:
    assert "love" in en_lemmas("loved")
    assert "run" in en_lemmas("ran")  # irregular: beyond the suffix rule
    assert "bad" in en_lemmas("worse")


def test_tr_lemma_candidates() -> None:
    assert lemma_candidates("bozuldu", "tr")[0] == LemmaCandidate("bozulmak", False, "tr")
    assert lemma_candidates("beğenmedim", "tr")[0] == LemmaCandidate("beğenmek", True, "tr")
    assert lemma_candidates("güzeldi", "tr")[0].term == "güzel"
    assert lemma_candidates("zevksiz", "tr") == []  # the privative is kept: not "zevk"
    assert lemma_candidates("qqq", "tr") == [] and lemma_candidates("123", "tr") == []


def test_near_matches() -> None:
    terms = ["güzel", "güzel_NEG", "güzellik", "kötü", "güz", "berbat"]
    assert near_matches("güzl", terms)[0] == "güzel"
    assert "güzel_NEG" not in near_matches("güzl", terms)
    assert near_matches("zzzzzz", terms) == []
    assert len(near_matches("aaab", [f"aaa{c}" for c in "cdefghij"])) == 5
