"""``explain`` contributions of the n-gram families: the same numbers as the per-token formulas
they replace, with memory linear in the document (issue 18: one dense vocabulary-wide array per
token made ``--explain`` need gigabytes)."""

from __future__ import annotations

import random
import tracemalloc
from typing import Any

import numpy as np
import pytest

from sentikit.doc import Document, Token
from sentikit.features.char_ngrams import CharNgrams

# -- the formulas before issue 18 (one Python loop per token and n-gram), as references ----------
from sentikit.features.word_ngrams import WordNgrams

# -- the formulas before issue 18 (one Python loop per token and n-gram), as references ----------


def _old_word_token_contributions(fam: WordNgrams, doc: Document, weights: Any) -> list[float]:
    x = fam.transform([doc])
    value = dict(zip(x.indices.tolist(), x.data.tolist(), strict=True))
    U, doc_of = fam._unit_array([doc])
    _, starts, ns, keys = fam._positions(U, doc_of)
    cols, hit = fam._columns(keys)
    occ: dict[int, list[tuple[int, int]]] = {}
    for j, i, n in zip(cols[hit].tolist(), starts[hit].tolist(), ns[hit].tolist(), strict=True):
        occ.setdefault(j, []).append((i, n))
    out = [0.0] * len(doc.tokens)
    for j, places in occ.items():
        c = value.get(j, 0.0) * float(weights[j]) / len(places)
        for i, n in places:
            for k in range(i, i + n):
                out[k] += c / n
    return out


def _old_char_token_contributions(fam: CharNgrams, doc: Document, weights: Any) -> list[float]:
    x = fam.transform([doc])
    value = {int(j): float(v) for j, v in zip(x.indices, x.data, strict=True)}
    per_token = [np.bincount(fam._form_ids(t.form)) for t in doc.tokens]
    totals: dict[int, int] = {}
    for counts in per_token:
        for j in np.flatnonzero(counts):
            totals[int(j)] = totals.get(int(j), 0) + int(counts[j])
    return [
        float(
            sum(
                value[int(j)] * float(weights[j]) * counts[j] / totals[int(j)]
                for j in np.flatnonzero(counts)
            )
        )
        for counts in per_token
    ]


def _old_char_contributions(fam: CharNgrams, doc: Document, weights: Any) -> list[np.ndarray]:
    x = fam.transform([doc])
    value = {int(j): float(v) for j, v in zip(x.indices, x.data, strict=True)}
    lo, hi = fam.ngram_range
    occ: list[list[tuple[int, int, int]]] = []
    totals: dict[int, int] = {}
    for t in doc.tokens:
        w = f" {t.form} "
        found = []
        for n in range(lo, hi + 1):
            for i in range(len(w) - n + 1):
                j = fam.vocab_.get(w[i : i + n])
                if j is not None and j in value:
                    found.append((j, i, n))
                    totals[j] = totals.get(j, 0) + 1
        occ.append(found)
    out = []
    for t, found in zip(doc.tokens, occ, strict=True):
        chars = np.zeros(len(t.form))
        for j, i, n in found:
            a, b = max(i - 1, 0), min(i - 1 + n, len(t.form))
            if b > a:
                chars[a:b] += value[j] * float(weights[j]) / totals[j] / (b - a)
        out.append(chars)
    return out


# -- fixtures -----------------------------------------------------------------------------------


def _doc(words: list[str], negated: set[int] = frozenset()) -> Document:  # type: ignore[assignment]
    toks, pos = [], 0
    for i, w in enumerate(words):
        toks.append(Token(text=w, start=pos, end=pos + len(w), norm=w, negated=i in negated))
        pos += len(w) + 1
    return Document(text=" ".join(words), tokens=toks)


TRAIN = [
    ("film çok güzeldi , bayıldım", "positive"),
    ("hiç beğenmedim , berbat bir film", "negative"),
    ("oyunculuk harika ama sonu kötü", "positive"),
    ("sıkıcı ve uzun , beğenmedim", "negative"),
    ("the film was great but the ending was awful", "positive"),
    ("not good , not funny , a boring mess", "negative"),
] * 2

TEST_TEXT = (
    "film çok güzeldi ama sonu hiç beğenmedim , berbattı . the film was great but the ending "
    "was awful !!! güzel güzel film 10/10 xyzzy görmedim a an aa aaa"
)


def _fitted() -> tuple[list[Any], Document]:
    docs = [
        _doc(t.split(), {i for i, w in enumerate(t.split()) if w in ("beğenmedim", "good")})
        for t, _ in TRAIN
    ]
    y = np.array([lab for _, lab in TRAIN])
    fams: list[Any] = [
        WordNgrams((1, 3), negation=True).fit(docs, y),
        WordNgrams((1, 2), negation=True, prefix=5).fit(docs, y),
        CharNgrams((1, 5), min_df=1).fit(docs, y),
        CharNgrams((2, 4), min_df=2).fit(docs, y),
    ]
    # repeated words, negated tokens, unknown words, a form with a space inside
    words = [*TEST_TEXT.split(), "film güzel"]
    doc = _doc(words, {3, 6, 7})
    return fams, doc


def test_contributions_equal_the_per_token_formulas() -> None:
    fams, doc = _fitted()
    rng = np.random.default_rng(18)
    for fam in fams:
        n_cols = len(fam.keys_) if isinstance(fam, WordNgrams) else len(fam.vocab_)
        w = rng.normal(size=n_cols)
        if isinstance(fam, WordNgrams):
            new, ref = fam.token_contributions(doc, w), _old_word_token_contributions(fam, doc, w)
            assert new == pytest.approx(ref, abs=1e-9, rel=0)
        else:
            new = fam.token_contributions(doc, w)
            assert new == pytest.approx(_old_char_token_contributions(fam, doc, w), abs=1e-9, rel=0)
            chars, ref_chars = fam.char_contributions(doc, w), _old_char_contributions(fam, doc, w)
            forms = [t.form for t in doc.tokens]
            in_chunks = fam._form_occurrences(forms, np.arange(n_cols), chunk=3)
            at_once = fam._form_occurrences(forms, np.arange(n_cols))
            assert all(np.array_equal(a, b) for a, b in zip(in_chunks, at_once, strict=True))
            small = fam.char_contributions(doc, w, chunk=2)
            assert all(np.array_equal(a, b) for a, b in zip(small, chars, strict=True))
            assert len(chars) == len(ref_chars) == len(doc.tokens)
            for a, b in zip(chars, ref_chars, strict=True):
                assert a.shape == b.shape
                np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)
        assert len(new) == len(doc.tokens) and any(v != 0.0 for v in new)
        # the contributions add up to the row's decision (exact attribution)
        assert sum(new) == pytest.approx(float((fam.transform([doc]) @ w)[0]), abs=1e-9)


def test_contributions_of_an_empty_document() -> None:
    fams, _ = _fitted()
    empty = Document(text="", tokens=[])
    for fam in fams:
        n_cols = len(fam.keys_) if isinstance(fam, WordNgrams) else len(fam.vocab_)
        assert fam.token_contributions(empty, np.ones(n_cols)) == []
        if isinstance(fam, CharNgrams):
            assert fam.char_contributions(empty, np.ones(n_cols)) == []


def test_explain_memory_does_not_grow_with_tokens_times_vocabulary() -> None:
    """A ~50k-character document against a ~60k-column character vocabulary: the per-token
    dense counts took gigabytes (tracemalloc peak > 1 GB); now a few megabytes."""
    rng = random.Random(18)
    letters = "abcçdefgğhıijklmnoöprsştuüvyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(5, 11))) for _ in range(4000)]
    train = [_doc(words[i : i + 20]) for i in range(0, len(words), 20)]
    y = np.array(["positive", "negative"] * (len(train) // 2))
    char = CharNgrams((1, 5), min_df=1).fit(train, y)
    word = WordNgrams((1, 3)).fit(train, y)
    assert len(char.vocab_) > 50_000
    doc = _doc(rng.choices(words, k=6000))
    assert len(doc.text) > 45_000
    w_char = np.linspace(-1.0, 1.0, len(char.vocab_))
    w_word = np.linspace(-1.0, 1.0, len(word.keys_))
    char.token_contributions(doc, w_char)  # warm the form cache
    tracemalloc.start()
    try:
        char.token_contributions(doc, w_char)
        char.char_contributions(doc, w_char)
        word.token_contributions(doc, w_word)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"explain contributions peaked at {peak / 2**20:.0f} MiB"
