"""EmbeddingSVM (document vectors + polarity features) and the Segmenter."""

from __future__ import annotations

import numpy as np
import pytest

from sentikit.embeddings.classify import (
    EmbeddingSVM,
    Segmenter,
    mean_vectors,
    polarity_features,
)
from sentikit.errors import InputError

from .conftest import make_corpus


def _accuracy(model: EmbeddingSVM, texts: list[str], labels: list[str]) -> float:
    return float(np.mean(np.asarray(model.predict(texts)) == np.asarray(labels)))


@pytest.fixture(scope="module")
def split() -> tuple[list[str], list[str], list[str], list[str]]:
    texts, labels = make_corpus(300, seed=1)
    test_texts, test_labels = make_corpus(100, seed=2)
    return texts, labels, test_texts, test_labels


@pytest.mark.parametrize(
    "kw",
    [
        {"embedding": "sentikit"},
        {"embedding": "sentikit", "components": ("contextual",), "crossfit": 0},
        {"embedding": "none"},
    ],
)
def test_learns_the_synthetic_task(split, kw) -> None:
    texts, labels, test_texts, test_labels = split
    model = EmbeddingSVM(lang="en", dim=8, **kw).fit(texts, labels)
    assert _accuracy(model, test_texts, test_labels) > 0.95
    assert list(model.classes_) == ["negative", "positive"]
    assert model.decision_function(test_texts[:3]).shape == (3,)


def test_word2vec_baseline(split) -> None:
    pytest.importorskip("gensim")
    texts, labels, test_texts, test_labels = split
    model = EmbeddingSVM(lang="en", dim=8, embedding="word2vec").fit(texts, labels)
    assert _accuracy(model, test_texts, test_labels) > 0.95


def test_segmenter_caches_and_checks_window(split) -> None:
    texts = split[0][:5]
    seg = Segmenter("en", "sliding")
    units = seg(texts)
    assert units[0] == [texts[0].split()[:-1]]  # punctuation dropped, one unit per document
    assert len(seg.cache) == len(set(texts))
    with pytest.raises(InputError, match="window"):
        EmbeddingSVM(window="subclause", segmenter=seg).fit(
            texts, ["positive", "negative"] * 2 + ["positive"]
        )
    with pytest.raises(InputError, match="window"):
        Segmenter("en", "diagonal")


def test_features_by_hand() -> None:
    index = {"a": 0, "b": 1}
    V = np.array([[1.0, 0.0], [0.0, 2.0]])
    M = mean_vectors([["a", "b", "zzz"], []], index, V)
    assert M.tolist() == [[0.5, 1.0], [0.0, 0.0]]
    P = polarity_features([["a", "b", "b"], ["zzz"]], index, np.array([1.0, -2.0]))
    assert P.tolist() == [[1.0, -2.0, -1.0], [0.0, 0.0, 0.0]]


def test_errors(split) -> None:
    texts, labels, _, _ = split
    with pytest.raises(InputError, match="binary"):
        EmbeddingSVM(embedding="none").fit(texts[:3], ["a", "b", "c"])
    with pytest.raises(InputError, match="embedding"):
        EmbeddingSVM(embedding="glove").fit(texts, labels)
    with pytest.raises(InputError, match="polarity"):
        EmbeddingSVM(embedding="none", polarity=False).fit(texts, labels)
    with pytest.raises(InputError, match="labels"):
        EmbeddingSVM().fit(texts, labels[:-1])


def test_pretrained_vectors(split, tmp_path) -> None:
    """Pretrained vectors (a sentikit embedding folder or a word2vec text file) replace the
    contextual vectors learnt from the training texts; the supervised component is still learnt
    from them."""
    from sentikit.embeddings.model import SentimentEmbedding, write_word2vec

    texts, labels, test_texts, test_labels = split
    big, _ = make_corpus(600, seed=7)
    units = [[t.lower().rstrip(" .").split()] for t in big]
    emb = SentimentEmbedding(dim=6, components=("contextual",), min_count=1).fit(units)
    emb.save(tmp_path / "emb")
    write_word2vec(tmp_path / "w.vec", emb.terms_, emb.vectors_)
    sk = EmbeddingSVM(lang="en", pretrained=str(tmp_path / "emb")).fit(texts, labels)
    assert sk.pre_vectors_.shape == (len(emb.terms_), 6)
    assert sk.vectors_.shape[1] == 4  # the supervised component, learnt from `texts`
    assert _accuracy(sk, test_texts, test_labels) > 0.95
    F = sk._features(sk._segment(test_texts[:1]))
    assert F.shape == (1, 6 + 4 + 3)
    pytest.importorskip("gensim")
    w2v = EmbeddingSVM(lang="en", embedding="word2vec", pretrained=str(tmp_path / "w.vec"))
    w2v.fit(texts, labels)
    assert w2v.vocab_ == {} and w2v.pre_vectors_.shape == (len(emb.terms_), 6)
    assert np.allclose(w2v._features(w2v._segment(test_texts[:1]))[:, :6], F[:, :6], atol=1e-5)
    with pytest.raises(InputError, match="not found"):
        EmbeddingSVM(lang="en", pretrained=str(tmp_path / "nope")).fit(texts, labels)
