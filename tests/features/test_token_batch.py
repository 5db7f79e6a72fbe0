"""One feature pass for documents and their sentences (TokenBatch) equals the per-row path."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.doc import Document, Sentence
from sentikit.features.batch import TokenBatch, sentence_segments
from sentikit.features.char_ngrams import CharNgrams
from sentikit.features.polarity import PolarityFeatures
from sentikit.features.word_ngrams import WordNgrams
from sentikit.models.linear import LinearEnsembleClassifier

from . import toy

TRAIN = toy.TRAIN
LABELS = np.array(toy.LABELS)
TEST = [
    "A great film. Not boring at all!",
    "an unseen wordzzz and great fun",
    "",
    "bad bad bad . good ? great !",
    "It isn't good. It isn't bad.\n\nIt is boring.",
    "zzzz qqqq",
]


_docs = toy.docs


_segments = sentence_segments


def _rows(docs: list[Document], segs: list[tuple[int, Sentence]]) -> list[Document]:
    """The reference rows: the documents, then one sentence document per segment."""
    return docs + [docs[k].sentence_document(s) for k, s in segs]


def _dense(X: object) -> np.ndarray:
    return np.asarray(X.toarray() if hasattr(X, "toarray") else X)


@pytest.mark.parametrize(
    "fam",
    [
        WordNgrams((1, 3)),
        WordNgrams((1, 2), negation=False),
        CharNgrams((1, 4), min_df=1),
        PolarityFeatures(sources=["supervised", "cooccurrence", "combined"], extras=True),
        PolarityFeatures(positions=True),
    ],
)
def test_transform_batch_equals_transform_of_row_documents(fam: object) -> None:
    fam.fit(_docs(TRAIN), LABELS)  # type: ignore[attr-defined]
    docs = _docs(TEST)
    segs = _segments(docs)
    assert len(segs) >= 5
    batch = TokenBatch(docs, segs)
    ref = _dense(fam.transform(_rows(docs, segs)))  # type: ignore[attr-defined]
    got = _dense(fam.transform_batch(batch))  # type: ignore[attr-defined]
    assert got.shape == ref.shape == (len(docs) + len(segs), ref.shape[1])
    np.testing.assert_allclose(got, ref, rtol=0, atol=1e-12)
    # built Token objects (not columns) give the same rows
    for d in docs:
        _ = d.tokens
    np.testing.assert_allclose(
        _dense(fam.transform_batch(TokenBatch(docs, segs))),  # type: ignore[attr-defined]
        ref,
        rtol=0,
        atol=1e-12,
    )


@pytest.mark.parametrize("fam", [WordNgrams((1, 3)), CharNgrams((1, 5), min_df=1)])
def test_logits_batch_equals_the_product_of_the_matrix(fam: object) -> None:
    fam.fit(_docs(TRAIN), LABELS)  # type: ignore[attr-defined]
    docs = _docs(TEST)
    segs = _segments(docs)
    X = fam.transform(_rows(docs, segs))  # type: ignore[attr-defined]
    rng = np.random.default_rng(0)
    for coef in (rng.normal(size=X.shape[1]), rng.normal(size=(3, X.shape[1]))):
        got = fam.logits_batch(TokenBatch(docs, segs), coef, 0.25)  # type: ignore[attr-defined]
        ref = np.asarray(X @ np.atleast_2d(coef).T) + 0.25
        np.testing.assert_allclose(got, ref, rtol=0, atol=1e-12)


def test_zero_scaled_columns_and_empty_rows_keep_the_intercept() -> None:
    fam = WordNgrams((1, 1)).fit(_docs(TRAIN), LABELS)
    fam.scale_ = np.zeros_like(fam.scale_)  # every row holds explicit zeros only
    docs = _docs(["great film", "", "zzzz"])
    got = fam.logits_batch(TokenBatch(docs), np.ones(len(fam.keys_)), 0.5)
    np.testing.assert_array_equal(got, np.full((3, 1), 0.5))


def test_token_batch_indices() -> None:
    docs = _docs(["not good . very bad", "good"])
    segs = _segments(docs)
    batch = TokenBatch(docs, segs)
    forms, fids = batch.form_index()
    assert [forms[i] for i in fids] == docs[0].token_forms() + docs[1].token_forms()
    terms, tids = batch.term_index(True)
    assert [terms[i] for i in tids] == ["not", "good_NEG", ".", "very", "bad", "good"]
    assert batch.term_index(False)[0] is forms
    assert batch.doc_of.tolist() == [0, 0, 0, 0, 0, 1]
    assert batch.segment_of().tolist() == [0, 0, 0, 1, 1, -1]
    assert batch.n_rows == 4
    overlapping = TokenBatch(docs, [(0, docs[0].sentences[0]), (0, docs[0].sentences[0])])
    with pytest.raises(ValueError):
        overlapping.segment_of()


def test_predict_proba_segments_equals_separate_documents() -> None:
    model = LinearEnsembleClassifier(
        lang="en",
        families=[
            {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "C": 10.0},
            {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 4], "min_df": 1},
            {"name": "sentikit.polarity_features.v1", "sources": ["supervised"]},
        ],
    ).fit(TRAIN, list(LABELS))
    docs = [d for d in _docs(TEST) if d.n_tokens()]
    segs = _segments(docs)
    doc_p, sent_p = model.predict_proba_segments(docs, segs)
    assert doc_p.shape == (len(docs), 2) and sent_p.shape == (len(segs), 2)
    for d, p in zip(docs, doc_p, strict=True):
        np.testing.assert_allclose(p, model.predict_proba_docs([d])[0], rtol=0, atol=1e-12)
    for (k, s), p in zip(segs, sent_p, strict=True):
        one = model.predict_proba_docs([docs[k].sentence_document(s)])[0]
        np.testing.assert_allclose(p, one, rtol=0, atol=1e-12)
    # and the fused decision of the families' own transform of the row documents
    rows = _rows(docs, segs)
    z = sum(
        w * model._family_logits(fam.transform(rows), k)
        for k, (w, fam) in enumerate(zip(model.weights_, model.families_, strict=True))
    )
    p = 1.0 / (1.0 + np.exp(-(np.asarray(z)[:, 0] + model.bias_[0])))
    np.testing.assert_allclose(np.vstack([doc_p, sent_p])[:, 1], p, rtol=0, atol=1e-12)
