"""Turkish subclauses: hand-written sentences through the real analyzed path, and rules on
hand-built tokens."""

from __future__ import annotations

import pytest

from sentikit.doc import Document, Morpheme, Sentence, Token
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lang.tr.subclauses import (
    document_clauses,
    is_predicate,
    split_subclauses,
    subclause_groups,
    subclause_token_lists,
)

CASES = [
    # converb -ken, contrastive conjunction
    (
        "Filmi izlerken çok sıkıldım ama sonu güzeldi.",
        [["filmi", "izlerken"], ["çok", "sıkıldım"], ["sonu", "güzeldi"]],
    ),
    # converb -IncA, coordinator after a predicate, causal conjunction
    (
        "Eve gelince yemek yedik ve uyuduk, çünkü yorgunduk.",
        [["eve", "gelince"], ["yemek", "yedik"], ["uyuduk"], ["yorgunduk"]],
    ),
    # conditional -sA
    ("Beğenirsen izle.", [["beğenirsen"], ["izle"]]),
    # coordinator between nouns: no split
    ("Elma ve armut aldım.", [["elma", "ve", "armut", "aldım"]]),
    # -DIğIndA
    ("Filmi izlediğimde çok beğendim.", [["filmi", "izlediğimde"], ["çok", "beğendim"]]),
    # participle + için
    (
        "Oyuncular iyi olduğu için filmi sevdim.",
        [["oyuncular", "iyi", "olduğu", "için"], ["filmi", "sevdim"]],
    ),
    # -ArAk and a comma after a predicate
    ("Koşarak geldi, oturdu.", [["koşarak"], ["geldi"], ["oturdu"]]),
    ("Hiç beğenmedim fakat kardeşim bayıldı.", [["hiç", "beğenmedim"], ["kardeşim", "bayıldı"]]),
    # one simple clause
    ("Bu film çok güzel.", [["bu", "film", "çok", "güzel"]]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hand_written_examples(processor: TurkishProcessor, text: str, expected: list) -> None:
    doc = processor.make_docs([text], analyze=True)[0]
    assert subclause_token_lists(doc) == expected


def test_clauses_are_spans_of_the_text(processor: TurkishProcessor) -> None:
    text = "Filmi izlerken çok sıkıldım ama sonu güzeldi. Beğenirsen izle."
    doc = processor.make_docs([text], analyze=True)[0]
    clauses = split_subclauses(doc)
    assert [c.text for c in clauses] == [
        "Filmi izlerken",
        "çok sıkıldım",
        "sonu güzeldi",
        "Beğenirsen",
        "izle",
    ]
    for c in clauses:
        assert text[c.span[0] : c.span[1]] == c.text
    document_clauses(doc)
    assert [len(s.clauses) for s in doc.sentences] == [3, 2]


def _w(text: str, *tags: str, pos: str = "Noun", kind: str = "word") -> Token:
    morphs = [Morpheme(text, pos)] + [Morpheme("", t) for t in tags] if kind == "word" else []
    return Token(text=text, start=0, end=len(text), norm=text, pos=pos, morphemes=morphs, kind=kind)


def test_rules_on_built_tokens() -> None:
    toks = [
        _w("koşup", "AfterDoingSo", "Adv", pos="Verb"),
        _w("geldi", "Past", "A3sg", pos="Verb"),
        _w(",", kind="punct"),
        _w("ama", pos="Conj"),
        _w("yoruldu", "Past", "A3sg", pos="Verb"),
    ]
    assert subclause_groups(toks) == [(0, 1), (1, 2), (4, 5)]
    # without morphology only the conjunction rule applies
    bare = [Token(text=t.text, start=0, end=0, norm=t.text, kind=t.kind) for t in toks]
    assert subclause_groups(bare) == [(0, 2), (4, 5)]


def test_predicate_detection() -> None:
    assert is_predicate(_w("güzeldi", "Zero", "Verb", "Past", pos="Adj"))
    assert not is_predicate(_w("izlerken", "Aor", "While", "Adv", pos="Adv"))
    assert not is_predicate(_w("elma", "A3sg"))


def test_empty_and_punctuation_only() -> None:
    assert subclause_groups([]) == []
    assert subclause_groups([_w(".", kind="punct"), _w("ve", pos="Conj")]) == []
    doc = Document(text="", tokens=[], sentences=[Sentence(text="", span=(0, 0))])
    assert split_subclauses(doc) == []
