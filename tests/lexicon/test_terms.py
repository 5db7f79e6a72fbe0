from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pytest

from sentikit.errors import InputError
from sentikit.lang.tr.morphology import Analysis, make_analysis
from sentikit.lexicon.terms import (
    encode_corpus,
    term_of_word,
    tokenize_en,
    tokenize_tr,
    turkish_term,
)

# readings of a few Turkish words, as the morphology layer gives them (no backend needed)
_READINGS = {
    "film": [make_analysis("film", "film", [("film", "Noun"), ("", "A3sg")])],
    "güzel": [make_analysis("güzel", "güzel", [("güzel", "Adj")])],
    "güzeldi": [
        make_analysis(
            "güzeldi",
            "güzel",
            [("güzel", "Adj"), ("", "Zero"), ("", "Verb"), ("di", "Past"), ("", "A3sg")],
        )
    ],
    "değil": [make_analysis("değil", "değil", [("değil", "Verb")])],
    "beğenmedim": [
        make_analysis(
            "beğenmedim",
            "beğenmek",
            [("beğen", "Verb"), ("me", "Neg"), ("di", "Past"), ("m", "A1sg")],
        )
    ],
    "zevksiz": [
        make_analysis(
            "zevksiz", "zevk", [("zevk", "Noun"), ("", "A3sg"), ("siz", "Without"), ("", "Adj")]
        )
    ],
}


class FakeAnalyzer:
    """Returns the readings above; records what it was asked (each type once)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def analyze_many(self, words: Iterable[str], n_jobs: int = 1) -> dict[str, list[Analysis]]:
        ws = list(words)
        self.asked += ws
        return {w: _READINGS.get(w, []) for w in ws}

    def analyze(self, word: str) -> list[Analysis]:
        return _READINGS.get(word, [])


def test_english_negation_scope() -> None:
    assert tokenize_en("Not good. Fun") == ["not", "good_NEG", "fun"]
    assert tokenize_en("I don't like it at all") == [
        "i",
        "do",
        "n't",
        "like_NEG",
        "it_NEG",
        "at_NEG",
        "all",
    ]
    assert tokenize_en("not good", negation=False) == ["not", "good"]


def test_turkish_tokens() -> None:
    assert tokenize_tr("Filmi İzmir'de izledik, GÜZELDİ!") == [
        "filmi",
        "izmir",
        "izledik",
        "güzeldi",
    ]


def test_turkish_term_rules() -> None:
    assert turkish_term("güzeldi", _READINGS["güzeldi"]).term == "güzel"
    t = turkish_term("beğenmedim", _READINGS["beğenmedim"])
    assert (t.term, t.negated) == ("beğenmek", True)
    assert turkish_term("zevksiz", _READINGS["zevksiz"]).term == "zevksiz"
    assert turkish_term("değil", _READINGS["değil"]).negator
    assert turkish_term("xyzzy", []).term == "xyzzy"


def test_encode_turkish_lemmas_and_negation() -> None:
    an = FakeAnalyzer()
    docs = ["Film güzeldi", "Film güzel değil", "Beğenmedim değil", "film güzel"]
    enc = encode_corpus(docs, "tr", analyzer=an, analyze_min_count=1)
    units = [[enc.terms[i] for i in u] for u in enc.units]
    assert units == [
        ["film", "güzel"],
        ["film", "güzel_NEG"],  # değil negates the preceding word and is dropped
        ["beğenmek"],  # double negation cancels
        ["film", "güzel"],
    ]
    assert sorted(an.asked) == sorted(set(an.asked))  # each type analysed once
    counts = dict(zip(enc.terms, enc.counts.tolist(), strict=True))
    assert counts["güzel"] == 2 and counts["güzel_NEG"] == 1 and counts["film"] == 3
    assert enc.n_tokens == 7 and enc.n_docs == 4
    # rare types are not analysed
    an2 = FakeAnalyzer()
    encode_corpus(docs, "tr", analyzer=an2, analyze_min_count=2)
    assert set(an2.asked) == {"film", "güzel", "değil"}


def test_vocabulary_order_and_remap() -> None:
    enc = encode_corpus(["b a a c", "a b d"], "en")
    vocab, counts, remap = enc.vocabulary(min_count=2)
    assert vocab == ["a", "b"] and counts.tolist() == [3, 2]
    units = list(enc.iter_units(remap))
    assert units[0].tolist() == [1, 0, 0, -1]
    assert units[1].dtype == np.int32


def test_term_of_word() -> None:
    assert term_of_word(" Good ", "en") == "good"
    assert term_of_word("GÜZELDİ", "tr", FakeAnalyzer()) == "güzel"
    assert term_of_word("beğenmedim", "tr", FakeAnalyzer()) == "beğenmek_NEG"
    with pytest.raises(InputError):
        term_of_word("x", "de")
    with pytest.raises(InputError):
        encode_corpus([1], "en")  # type: ignore[list-item]


def test_encode_turkish_in_two_processes_equals_one() -> None:
    from sentikit.lang.tr.morphology import ZeyrekAnalyzer

    docs = [
        "Filmi hiç beğenmedim, oyunculuk kötüydü.",
        "Müzikleri güzeldi ama senaryo sıkıcı değil miydi?",
        "Harika bir film, herkese tavsiye ederim!",
        "Yönetmenin önceki filmlerini daha çok sevmiştim.",
        "Sıkıldım, izlemeyin. Zaman kaybı, hiç güzel değil.",
        "Oyuncular muhteşemdi; gülmekten öldüm, sonunda ağladım.",
    ] * 3
    an = ZeyrekAnalyzer()
    one = encode_corpus(docs, "tr", analyzer=an, analyze_min_count=1, n_jobs=1)
    an.clear_memory()
    two = encode_corpus(docs, "tr", analyzer=an, analyze_min_count=1, n_jobs=2)
    assert one.analyzed_types == two.analyzed_types > 30
    assert one.terms == two.terms
    assert one.counts.tolist() == two.counts.tolist()
    assert [u.tolist() for u in one.units] == [u.tolist() for u in two.units]
    # an analyzer that ignores n_jobs analyses in its own way, with the same terms
    fake = FakeAnalyzer()
    enc = encode_corpus(
        ["Film güzel değil", "film güzeldi"], "tr", analyzer=fake, n_jobs=2, analyze_min_count=1
    )
    assert [[enc.terms[i] for i in u] for u in enc.units] == [
        ["film", "güzel_NEG"],
        ["film", "güzel"],
    ]
