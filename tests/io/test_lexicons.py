"""Lexicon and word-list readers: the counts of each README.md."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sentikit.errors import InputError
from sentikit.io.lexicons import (
    Lexicon,
    LexiconEntry,
    load_lexicon_dataset,
    load_word_list,
    read_sentiturknet,
)


def test_lexicon_views() -> None:
    lex = Lexicon(
        "toy",
        "en",
        [
            LexiconEntry("good", "positive", 1.0),
            LexiconEntry("envious", "positive", 1.0),
            LexiconEntry("envious", "negative", -1.0),
            LexiconEntry("either", "both", 0.0),
        ],
    )
    assert len(lex) == 4 and "envious" in lex and "bad" not in lex
    assert lex.scores() == {"good": 1.0, "envious": 0.0, "either": 0.0}
    assert lex.labels() == {"good": "positive", "envious": "neutral", "either": "both"}
    assert lex.terms("positive") == ["good", "envious"]
    assert lex.terms() == ["good", "envious", "either"]


def test_hu_liu(data_dir: Path) -> None:
    lex = load_lexicon_dataset("lexicon-hu-liu-opinion-lexicon")
    assert len(lex.terms("positive")) == 2006
    assert len(lex.terms("negative")) == 4783
    assert len(lex) == 2006 + 4783
    # The Latin-1 byte decodes to a real character, and comments/headers are skipped.
    assert "naïve" in lex.terms("negative")
    assert lex.terms("positive")[:2] == ["a+", "abound"]
    assert not any(t.startswith(";") for t in lex.terms())
    assert len(load_lexicon_dataset("lexicon-hu-liu-opinion-lexicon", "negative")) == 4783
    with pytest.raises(UnicodeDecodeError):
        (data_dir / "lexicon-hu-liu-opinion-lexicon" / "negative-words.txt").read_text("utf-8")


def test_mpqa(data_dir: Path) -> None:
    lex = load_lexicon_dataset("lexicon-mpqa-subjectivity")
    assert len(lex) == 8210
    assert Counter(e.meta["type"] for e in lex) == {"strongsubj": 5566, "weaksubj": 2644}
    assert Counter(e.meta["priorpolarity"] for e in lex) == {
        "both": 21,
        "negative": 4905,
        "neutral": 570,
        "positive": 2713,
        "weakneg": 1,
    }
    assert Counter(e.pos for e in lex) == {
        "adj": 3247,
        "adverb": 329,
        "anypos": 1144,
        "noun": 2167,
        "verb": 1323,
    }
    assert Counter(e.label for e in lex)["negative"] == 4906
    abandoned = next(e for e in lex if e.term == "abandoned")
    assert abandoned.score == -0.5 and abandoned.label == "negative"


def test_sentiturknet(data_dir: Path) -> None:
    rows = read_sentiturknet()
    assert len(rows) == 14795
    assert Counter(r.label for r in rows) == {
        None: 5,
        "negative": 2631,
        "neutral": 11106,
        "positive": 1053,
    }
    assert rows[0].synonyms == ["ayva reçeli"] and rows[0].neg == pytest.approx(0.06)
    assert all(r.synonyms == [] for r in rows if r.label is None)
    lex = load_lexicon_dataset("lexicon-sentiturknet")
    assert len(lex) == sum(len(r.synonyms) for r in rows if r.label is not None)
    assert all(e.score == pytest.approx(e.meta["pos"] - e.meta["neg"]) for e in lex)
    header = (data_dir / "lexicon-sentiturknet" / "STN.tsv").read_text("utf-8").split("\n")[0]
    assert len(header.split("\t")) == 11


def test_starlang(data_dir: Path) -> None:
    lit = load_lexicon_dataset("lexicon-turkish-sentinet-starlang")
    assert len(lit) == 79725
    assert Counter(e.label for e in lit) == {"negative": 13011, "neutral": 62379, "positive": 4335}
    syn = load_lexicon_dataset("lexicon-turkish-sentinet-starlang", "synsets")
    assert len(syn) == 76825
    assert Counter(e.label for e in syn) == {"negative": 10191, "neutral": 63534, "positive": 3100}
    assert all(e.term.startswith("TUR10-") for e in syn)
    avurt = next(e for e in lit if e.term == "avurtlamak")
    assert avurt.score == -0.375 and avurt.label == "negative"


def test_imdb_er(data_dir: Path) -> None:
    lex = load_lexicon_dataset("english-imdb-reviews", "imdbEr")
    assert len(lex) == 89527 and lex.terms()[:3] == ["the", "and", "a"]


def test_word_lists(data_dir: Path) -> None:
    stop = load_word_list("turkish-lexical-resources-aydin", "stop_words")
    assert len(stop) == 285 and "acaba" in stop
    idioms = load_word_list("turkish-lexical-resources-aydin", "idioms")
    full = load_word_list("turkish-lexical-resources-aydin", "idioms_full")
    assert len(idioms) == len(full) == 14718
    assert idioms[0] == "aba alt değnek göster" and full[0] == "aba altından değnek göstermek"


def test_lexicon_errors() -> None:
    with pytest.raises(InputError):
        load_lexicon_dataset("turkish-movie-reviews")
    with pytest.raises(InputError, match="load_word_list"):
        load_lexicon_dataset("turkish-lexical-resources-aydin")
    with pytest.raises(InputError):
        load_word_list("turkish-lexical-resources-aydin", "verbs")
    with pytest.raises(InputError):
        load_lexicon_dataset("lexicon-hu-liu-opinion-lexicon", "neutral")
