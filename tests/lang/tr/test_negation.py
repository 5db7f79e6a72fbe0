from __future__ import annotations

import pytest

from sentikit.doc import Sentence, Token
from sentikit.lang.tr.morphology import make_analysis
from sentikit.lang.tr.negation import mark_negation, negation_cue
from sentikit.lang.tr.processor import TurkishProcessor


def negated(p: TurkishProcessor, text: str) -> list[str]:
    doc = p.make_doc(text, analyze=True)
    return [t.text for t in doc.tokens if t.negated]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filmi hiç beğenmedim ama müzikleri güzeldi.", ["beğenmedim"]),
        ("güzel değil", ["güzel"]),
        ("Film güzel değildi.", ["güzel"]),
        ("Ben mutlu değilim.", ["mutlu"]),
        ("iyi bir film değil ama oyunculuk güzeldi", ["iyi", "bir", "film"]),
        ("çok güzel değil", ["çok", "güzel"]),
        ("Bu filmi sevmiyorum.", ["sevmiyorum"]),
        ("Daha fazla izleyemem.", ["izleyemem"]),
        ("konu yok, senaryo yoktu.", ["konu", "senaryo"]),
        ("hiç de güzel bir film olmamış", ["güzel", "bir", "film", "olmamış"]),
        ("iyi olmamış", ["iyi", "olmamış"]),
        ("Ankara'da değil", ["Ankara", "'da"]),
        ("güzel değil mi?", []),
        ("Harika bir film, çok beğendim.", []),
        ("Yok, beğendim.", []),
        # a mid-sentence "-mAyA" is a verbal noun, not a negative optative
        ("Bu film izlemeye değer.", []),
        ("Bu filme sakın gitme.", ["gitme"]),
        ("Sakın bu filmi izlemeyin.", ["izlemeyin"]),
    ],
)
def test_negation_examples(processor: TurkishProcessor, text: str, expected: list[str]) -> None:
    assert negated(processor, text) == expected


def test_scope_stays_in_sentence(processor: TurkishProcessor) -> None:
    assert negated(processor, "Film güzel. Değil mi?") == []
    assert negated(processor, "Oyuncular iyi. Senaryo değil.") == ["Senaryo"]


def test_cues() -> None:
    for form in ["değil", "değildi", "değilim", "yok", "yoktu", "yokmuş"]:
        assert negation_cue(Token(text=form, start=0, end=len(form), norm=form), None) in (
            "değil",
            "yok",
        ), form
    for form in ["yoksa", "yoksul", "güzel"]:
        assert negation_cue(Token(text=form, start=0, end=len(form), norm=form), None) is None
    assert negation_cue(Token(text="hiç", start=0, end=3, norm="hiç"), None) == "npi"


def test_mark_negation_without_morphology() -> None:
    words = ["film", "güzel", "değil"]
    toks = []
    pos = 0
    for w in words:
        toks.append(Token(text=w, start=pos, end=pos + len(w), norm=w))
        pos += len(w) + 1
    sent = Sentence(text="film güzel değil", span=(0, pos - 1), token_start=0, token_end=3)
    mark_negation(toks, [sent], [None, None, None])
    assert [t.negated for t in toks] == [False, True, False]
    with pytest.raises(ValueError):
        mark_negation(toks, [sent], [None])


def test_mark_negation_with_analyses() -> None:
    toks = [Token(text="beğenmedim", start=0, end=10, norm="beğenmedim")]
    an = make_analysis(
        "beğenmedim", "beğenmek", [("beğen", "Verb"), ("me", "Neg"), ("di", "Past"), ("m", "A1sg")]
    )
    mark_negation(toks, [], [an])
    assert toks[0].negated
