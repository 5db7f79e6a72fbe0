"""The batched inference path of the n-gram families equals straightforward references."""

from __future__ import annotations

from collections import Counter

import numpy as np

from sentikit.doc import Document
from sentikit.features.batch import token_terms
from sentikit.features.char_ngrams import CharNgrams, char_wb_ngrams
from sentikit.features.word_ngrams import WordNgrams

from . import toy

TRAIN = toy.TRAIN
LABELS = toy.LABELS
TEST = [
    "a great film . not boring at all",
    "an unseen wordzzz and great fun",
    "",
    "bad bad bad . good ? great !",
    "It isn't good",
]


_docs = toy.docs


def _built(docs: list[Document]) -> list[Document]:
    """The same documents with their Token objects built (the non-column path)."""
    for d in docs:
        _ = d.tokens
    return docs


def test_char_counts_equal_per_token_reference() -> None:
    fam = CharNgrams(ngram_range=(1, 4), min_df=1).fit(_docs(TRAIN), np.array(LABELS))
    X = fam._counts(_docs(TEST), canonical=False).toarray()
    for i, d in enumerate(_docs(TEST)):
        ref = Counter(g for f in d.token_forms() for g in char_wb_ngrams(f, 1, 4))
        row = {fam.vocab_[g]: float(c) for g, c in ref.items() if g in fam.vocab_}
        assert {int(j): X[i, j] for j in np.flatnonzero(X[i])} == row


def test_char_transform_canonical_or_not_is_the_same_matrix() -> None:
    fam = CharNgrams(ngram_range=(1, 5), min_df=1).fit(_docs(TRAIN), np.array(LABELS))
    fast = fam.transform(_docs(TEST))
    canon = fam.weigh(fam._counts(_docs(TEST), canonical=True), fam.idf_)
    assert canon.has_sorted_indices
    assert np.allclose(fast.toarray(), canon.toarray(), rtol=0, atol=1e-15)
    w = np.random.default_rng(0).normal(size=fast.shape[1])
    assert np.allclose(fast @ w, canon @ w, rtol=0, atol=1e-12)


def test_families_read_columns_like_tokens() -> None:
    for fam in (WordNgrams(), CharNgrams(min_df=1)):
        fam.fit(_docs(TRAIN), np.array(LABELS))
        lazy = fam.transform(_docs(TEST))
        built = fam.transform(_built(_docs(TEST)))
        assert np.array_equal(lazy.toarray(), built.toarray())
    for d, b in zip(_docs(TEST), _built(_docs(TEST)), strict=True):
        assert token_terms(d) == [t.form + "_NEG" if t.negated else t.form for t in b.tokens]


def test_word_columns_sorted_search_equals_plain_search() -> None:
    fam = WordNgrams().fit(_docs(TRAIN), np.array(LABELS))
    rng = np.random.default_rng(1)
    keys = np.concatenate([fam.keys_, fam.keys_ + 1, rng.integers(0, 1 << 40, 500)])
    rng.shuffle(keys)
    pos, hit = fam._columns(keys)
    plain = np.minimum(np.searchsorted(fam.keys_, keys), len(fam.keys_) - 1)
    assert np.array_equal(pos, plain)
    assert np.array_equal(hit, fam.keys_[plain] == keys)


def test_unknown_units_and_refit_lookup() -> None:
    fam = WordNgrams(ngram_range=(1, 1)).fit(_docs(TRAIN[:2]), np.array(LABELS[:2]))
    first = fam.transform(_docs(["great unknownword"]))
    fam.fit(_docs(TRAIN), np.array(LABELS))  # more units: the lookup must follow
    again = fam.transform(_docs(["great unknownword"]))
    assert first.shape[1] != again.shape[1]
    assert again.nnz == 1


def test_lookup_follows_a_new_vocabulary_of_the_same_size() -> None:
    fam = WordNgrams(ngram_range=(1, 1)).fit(_docs(["good film"]), np.array(["positive"]))
    before = fam.transform(_docs(["good"])).toarray()
    fam.fit(_docs(["film good"]), np.array(["positive"]))  # same units, other ids
    after = fam.transform(_docs(["good"])).toarray()
    assert before[0, 0] > 0 and after[0, 0] == 0 and after[0, 1] > 0
