"""The column fast path (no Token objects) gives exactly what the Token path gives."""

from __future__ import annotations

import random

import pytest

from sentikit.io.datasets import load_dataset
from sentikit.lang.en import tokenize as tk
from sentikit.lang.en.negation import DEFAULT_WINDOW, mark_negation, negation_flags
from sentikit.lang.en.processor import EnglishProcessor
from sentikit.lang.en.tokenize import (
    split_column_sentences,
    split_sentences,
    token_columns,
    token_rows,
    tokenize,
)
from sentikit.paths import data_root

TEXTS = [
    "I can't believe it's not butter!!! :)",
    "ca n't do it , No. 5 and J. Smith vs. U.S. The end.",
    "No. I won't. No. 7 is J. Smith's.",
    "Mr.  Smith said no.\n\nThen he left... I think. Really!",
    " it 's a sweet , funny film -lrb- really -rrb- . ",
    "wo n't\tgo  there",
    'Loved it @bob #mustsee 😍 http://x.io/a. Not a "good" film',
    "It was not only good but not bad either; not to mention the cast (not great).",
    "",
    "   ",
    "sha n't WON'T Can't cannot",
    ". . . an interesting slice of history .",
    "wait . . . what ? . . \u2026 ok . .",
]


def _reference_columns(text: str) -> list[tuple[str, int, int, str, str]]:
    """Tokens by the uncached chunk-by-chunk regex path (no single-space shortcut)."""
    rows = []
    for m in tk._CHUNK_RE.finditer(text):
        for tok, a, b, kind in tk._chunk_rows(text, m.group(), m.start(), m.end()):
            rows.append((tok, a, b, tk.normalize(tok), kind))
    for i in range(len(rows) - 1):
        host = tk._CLITIC_HOSTS.get(rows[i][3])
        if host is not None and rows[i + 1][3] == "n't":
            rows[i] = (*rows[i][:3], host, rows[i][4])
    return rows


def _random_texts(n: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    words = ["no.", "No.", "J.", "film.", "don't", "ca", "n't", "it's", "U.S.", ":)", "-lrb-"]
    words += ["good", "Bad", "not", "never", "but", ",", ".", "!!!", "...", "e.g.", "3.5", ". ."]
    seps = [" ", " ", " ", "  ", "\n", "\t"]
    return [
        "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(0, 15)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("text", TEXTS + _random_texts(60))
def test_columns_match_reference(text: str) -> None:
    # twice: the second call is served from the chunk caches
    assert token_rows(text) == _reference_columns(text)
    assert token_rows(text) == _reference_columns(text)
    toks = tokenize(text)
    assert [(t.text, t.start, t.end, t.norm, t.kind) for t in toks] == token_rows(text)


def test_context_dependent_chunks_are_not_cached() -> None:
    token_rows("No. 5 is here")
    assert [r[0] for r in token_rows("No. I won't")][:2] == ["No", "."]
    token_rows("J. Smith")
    assert [r[0] for r in token_rows("J. is a letter")][:2] == ["J", "."]


@pytest.mark.parametrize("text", TEXTS + _random_texts(60, seed=1))
def test_sentences_and_negation_match_token_path(text: str) -> None:
    cols = token_columns(text)
    toks = tokenize(text)
    sents = split_sentences(text, toks)
    assert split_column_sentences(text, *cols) == sents
    mark_negation(toks, sents, DEFAULT_WINDOW)
    spans = [(s.token_start, s.token_end) for s in sents]
    flags = negation_flags(cols[3], cols[4], spans, DEFAULT_WINDOW)
    assert (flags or [False] * len(toks)) == [t.negated for t in toks]


@pytest.mark.parametrize("text", TEXTS + _random_texts(50, seed=2))
def test_fast_documents_equal_token_path(text: str) -> None:
    doc = EnglishProcessor(mask=False).make_doc(text)  # tokenizer equivalence: no masking
    toks = tokenize(text)
    sents = split_sentences(text, toks)
    mark_negation(toks, sents, DEFAULT_WINDOW)
    assert doc.token_forms() == [t.form for t in toks]
    assert doc.token_negated() == [t.negated for t in toks]
    assert doc.token_kinds() == [t.kind for t in toks]
    assert doc.n_tokens() == len(toks)
    assert doc.sentences == sents
    assert doc.tokens == toks  # built on first read


def test_corpus_slice_fast_documents_equal_token_path() -> None:
    if data_root(required=False) is None:
        pytest.skip("benchmark data not available")
    texts = [e.text for e in load_dataset("english-movie-sentences-rt-polarity", split="all")]
    proc = EnglishProcessor(mask=False)
    for text, doc in zip(texts[:400], proc.make_docs(texts[:400]), strict=True):
        toks = tokenize(text)
        sents = split_sentences(text, toks)
        mark_negation(toks, sents, DEFAULT_WINDOW)
        assert doc.tokens == toks
        assert doc.sentences == sents
