"""The Turkish column fast path (no Token objects) gives exactly what the Token path gives."""

from __future__ import annotations

import importlib
import random

import pytest

from sentikit.io.datasets import load_dataset
from sentikit.lang.tr.fast_negation import negation_flags
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lang.tr.sentences import split_column_sentences, split_sentences
from sentikit.lang.tr.tokenize import token_columns, token_rows, tokenize
from sentikit.paths import data_root

# the module (the package re-exports a function of the same name)
tk = importlib.import_module("sentikit.lang.tr.tokenize")

TEXTS = [
    "Ankara'da çoook güzeldi :) #film",
    "Harika!!! %50 indirim... 3,5 saat :-)",
    "Dr. Ali 3. filmi çekti.Çok güzel :) Tavsiye ederim!!! Ya siz?",
    "a  b\nc ",
    "xD güzel, XDD! T_T o_O",
    "İSTANBUL'da IĞDIR'ı gördüm.\n\nFilm vb. şeyler, M. Night Shyamalan.",
    "www.beyazperde.com/film ali@x.com.tr @TurkTelekom 👍🏽 🇹🇷",
    "",
    " \t ",
]


def _reference_rows(text: str) -> list[tuple[str, int, int, str, str]]:
    """Tokens by the uncached chunk-by-chunk path (no single-space shortcut, no cache)."""
    rows = []
    for m in tk._CHUNK_RE.finditer(text):
        for a, b, tok, norm, kind in tk._chunk_tokens(m.group()):
            rows.append((tok, m.start() + a, m.start() + b, norm, kind))
    return rows


def _random_texts(n: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    words = ["film.", "Güzel", "değil", "Ankara'da", ":)", "xD", "3.", "Dr.", "vb.", "!!!", "..."]
    words += ["çooook", "İyi", "kötü", ",", "?", "😀", "#film", "T_T", "M."]
    seps = [" ", " ", " ", "  ", "\n", "\t"]
    return [
        "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(0, 15)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("text", TEXTS + _random_texts(60))
def test_rows_match_reference(text: str) -> None:
    assert token_rows(text) == _reference_rows(text)
    assert token_rows(text) == _reference_rows(text)  # served from the caches
    toks = tokenize(text)
    assert [(t.text, t.start, t.end, t.norm, t.kind) for t in toks] == token_rows(text)
    assert [t.norm for t in tokenize(text, normalize=False)] == [None] * len(toks)


@pytest.mark.parametrize("text", TEXTS + _random_texts(60, seed=1))
def test_column_sentences_match_token_sentences(text: str) -> None:
    texts, starts, ends, _, kinds = token_columns(text)
    assert split_column_sentences(text, texts, starts, ends, kinds) == split_sentences(
        text, tokenize(text)
    )


@pytest.mark.parametrize("text", TEXTS + _random_texts(30, seed=2))
def test_fast_documents_equal_token_path(text: str) -> None:
    doc = TurkishProcessor(mask=False).make_doc(text)  # tokenizer equivalence: no masking
    toks = tokenize(text)
    assert doc.token_forms() == [t.form for t in toks]
    sents = split_sentences(text, toks)
    spans = [(s.token_start, s.token_end) for s in sents] or [(0, len(toks))]
    flags = negation_flags([t.form for t in toks], [t.kind for t in toks], spans)
    for t, g in zip(toks, flags or [False] * len(toks), strict=True):
        t.negated = g  # the fast path's morphology-free negation
    assert doc.token_negated() == [t.negated for t in toks]
    assert doc.sentences == sents
    assert doc.tokens == toks


def test_corpus_slice_fast_documents_equal_token_path() -> None:
    if data_root(required=False) is None:
        pytest.skip("benchmark data not available")
    texts = [e.text for e in load_dataset("turkish-movie-reviews", split="all")][:300]
    for text, doc in zip(texts, TurkishProcessor(mask=False).make_docs(texts), strict=True):
        toks = tokenize(text)
        for t, g in zip(toks, doc.token_negated(), strict=True):
            t.negated = g  # negation flags are checked by the test above
        assert doc.tokens == toks
        assert doc.sentences == split_sentences(text, toks)
