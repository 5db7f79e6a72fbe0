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
