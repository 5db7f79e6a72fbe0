"""EmbeddingMean as a feature family: protocol, exact contributions, state, in the ensemble."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.components import registry
from sentikit.embeddings.family import EmbeddingMean
from sentikit.errors import InputError
from sentikit.lang import get_processor

from .conftest import make_corpus


@pytest.fixture(scope="module")
def docs_labels():
    texts, labels = make_corpus(200, seed=3)
    return get_processor("en").make_docs(texts), np.asarray(labels)


def test_protocol_and_contributions(docs_labels) -> None:
    docs, y = docs_labels
    fam = EmbeddingMean(dim=6)
    X = fam.fit_counts(docs)
    assert X.shape == (len(docs), len(fam.vocab_))
    scale = fam.column_scale(X, y)
    fam.set_scale(scale)
    F = fam.weigh(X, scale)
    assert F.shape == (len(docs), 6 + 3)
    assert np.allclose(fam.transform(docs), F)
    # polarity features: positive documents have a higher max δ on average
    assert F[y == "positive", 6].mean() > F[y == "negative", 6].mean()
    w = np.random.default_rng(0).normal(size=9)
    for doc, row in zip(docs[:10], F[:10], strict=True):
        contrib = fam.token_contributions(doc, w)
        assert len(contrib) == len(doc.tokens)
        assert sum(contrib) == pytest.approx(float(row @ w), abs=1e-6)


def test_column_scale_uses_only_rows_given(docs_labels) -> None:
    docs, y = docs_labels
    fam = EmbeddingMean(dim=4)
    X = fam.fit_counts(docs)
    a = fam.column_scale(X[:100], y[:100])
    b = fam.column_scale(X, y)
    assert not np.allclose(a, b)
    assert np.all(fam.column_scale(X, np.asarray(["neutral"] * len(y))) == 0)


def test_state_roundtrip(docs_labels) -> None:
    docs, y = docs_labels
    fam = EmbeddingMean(dim=4)
    X = fam.fit_counts(docs)
    fam.set_scale(fam.column_scale(X, y))
    meta, arrays = fam.to_state()
    back = EmbeddingMean.from_state(meta, arrays)
    assert np.allclose(back.transform(docs[:20]), fam.transform(docs[:20]))
    with pytest.raises(InputError):
        EmbeddingMean.from_state({**meta, "vocab": meta["vocab"][:-1]}, arrays)


def test_in_the_linear_ensemble(docs_labels) -> None:
    import sentikit.models.linear as linear

    assert registry.families.get(EmbeddingMean.name) is EmbeddingMean
    texts, labels = make_corpus(200, seed=4)
    test_texts, test_labels = make_corpus(60, seed=5)
    clf = linear.LinearEnsembleClassifier(
        lang="en", families=[{"name": EmbeddingMean.name, "dim": 6, "C": 1.0}]
    ).fit(texts, labels)
    acc = np.mean(np.asarray(clf.predict(test_texts)) == np.asarray(test_labels))
    assert acc > 0.95


def test_pretrained_vectors(docs_labels, tmp_path) -> None:
    """A saved embedding supplies the vectors, and its frequent terms join the vocabulary even
    when the training documents never use them."""
    from sentikit.embeddings.model import SentimentEmbedding

    docs, y = docs_labels
    big_texts, _ = make_corpus(400, seed=9)
    big = get_processor("en").make_docs([*big_texts, "zebra quokka " * 5])
    from sentikit.embeddings.units import doc_terms

    emb = SentimentEmbedding(dim=5, components=("contextual",), min_count=1)
    emb.fit([[doc_terms(d)] for d in big])
    emb.save(tmp_path / "emb")
    fam = EmbeddingMean(dim=5, pretrained=str(tmp_path / "emb"), max_pretrained=10**6)
    X = fam.fit_counts(docs)
    assert "quokka" in fam.vocab_ and X[:, fam.vocab_["quokka"]].nnz == 0
    for t in ("quokka", emb.terms_[0]):
        assert np.allclose(fam.vectors_[fam.vocab_[t]], emb.vector(t))
    fam.set_scale(fam.column_scale(X, y))
    unseen = get_processor("en").make_docs(["quokka"])
    assert np.allclose(fam.transform(unseen)[0, :5], emb.vector("quokka"))
    meta, arrays = fam.to_state()
    back = EmbeddingMean.from_state(meta, arrays)
    assert np.allclose(back.transform(unseen), fam.transform(unseen))
    with pytest.raises(InputError, match="dimension"):
        EmbeddingMean(dim=7, pretrained=str(tmp_path / "emb")).fit_counts(docs)
    few = EmbeddingMean(dim=5, pretrained=str(tmp_path / "emb"), max_pretrained=0)
    few.fit_counts(docs)
    assert "quokka" not in few.vocab_
