"""A long text is parsed in pieces (bounded parser memory, issue 18) and merged into one Doc."""

from __future__ import annotations

from typing import Any

import pytest

from sentikit.lang.en import parser
from sentikit.lang.en.tokenize import paragraph_starts, split_sentences, tokenize

SENTENCES = [
    "The film was great but the ending was awful.",
    "I didn't like the plot at all!",
    "Mr. Smith said it wasn't bad, really.",
    "What a waste of time?",
    "The actors, however, were wonderful and the music was moving.",
]


def _parse(text: str, nlp: Any, chunk: int, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(parser, "PARSE_CHUNK_TOKENS", chunk)
    toks = tokenize(text)
    items = [
        ((text, toks), paragraph_starts(text, toks)),
        (("Short one.", tokenize("Short one.")), []),
    ]
    long_doc, short_doc = parser.iter_parse_tokens(items, nlp=nlp)
    assert len(short_doc) == 3
    return toks, long_doc


def test_long_text_parsed_in_pieces_matches_the_whole(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = " ".join(SENTENCES * 6) + "\n\nA new paragraph.  " + " ".join(SENTENCES[::-1] * 4)
    toks, whole = _parse(text, nlp, 10**9, monkeypatch)
    _, pieces = _parse(text, nlp, 60, monkeypatch)
    assert len(pieces) == len(whole) == len(toks) and pieces.text == whole.text
    assert [t.text for t in pieces] == [t.text for t in whole]
    # pieces end at sentence boundaries, so the annotation is the same but for a few tokens
    for attr in ("tag_", "pos_", "lemma_"):
        same = sum(getattr(a, attr) == getattr(b, attr) for a, b in zip(pieces, whole, strict=True))
        assert same >= 0.98 * len(whole), attr
    ends = {s.token_end for s in split_sentences(text, toks)}
    starts = [t.i for t in pieces if t.is_sent_start]
    assert all(i in ends or i == 0 for i in starts[:3])
    doc = parser.doc_from_spacy(pieces, text=text, tokens=toks)
    assert len(doc.tokens) == len(toks) and len(doc.sentences) == len(list(whole.sents))


def test_a_sentence_longer_than_a_piece_is_cut(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "and " * 150 + "the end."
    toks, doc = _parse(text, nlp, 40, monkeypatch)
    assert len(doc) == len(toks) and doc.text == text.replace("  ", " ")
    assert sum(1 for t in doc if t.is_sent_start) >= len(toks) // 40
