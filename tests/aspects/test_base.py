"""BIO coding, word clusters and the JSON/npz logistic regression of the aspect models."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from sentikit.aspects import AspectModel
from sentikit.aspects.base import bio_spans, bio_tags
from sentikit.aspects.clusters import WordClusters
from sentikit.aspects.features import gazetteer_marks, word_shape
from sentikit.aspects.linear import SparseLogistic
from sentikit.errors import BundleError, InputError


def test_bio_round_trip_multi_word() -> None:
    text = "The battery life and the hard drive are great"
    words = text.split()
    spans, pos = [], 0
    for w in words:
        start = text.index(w, pos)
        spans.append((start, start + len(w)))
        pos = start + len(w)
    terms = [(4, 16), (25, 35)]  # "battery life", "hard drive"
    tags = bio_tags(spans, terms)
    assert tags == ["O", "B", "I", "O", "O", "B", "I", "O", "O"]
    decoded = [(spans[a][0], spans[b - 1][1]) for a, b in bio_spans(tags)]
    assert decoded == terms
    assert [text[s:e] for s, e in decoded] == ["battery life", "hard drive"]


def test_bio_adjacent_terms_and_ill_formed_sequences() -> None:
    assert bio_spans(["B", "B", "I"]) == [(0, 1), (1, 3)]
    assert bio_spans(["I", "I", "O", "B"]) == [(0, 2), (3, 4)]
    assert bio_spans([]) == []
    # a term boundary inside a token still marks the token
    assert bio_tags([(0, 8)], [(0, 4)]) == ["B"]


def test_word_shape_and_gazetteer() -> None:
    assert word_shape("Windows7") == "Xxd"
    marks = gazetteer_marks(
        ["the", "battery", "life", "is", "ok"], {("battery",), ("battery", "life")}
    )
    assert marks == ["O", "B", "I", "O", "O"]


def test_clusters_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    V = np.vstack([rng.normal(0, 0.05, (6, 8)) + c for c in (1.0, -1.0, 3.0)])
    terms = [f"w{i}" for i in range(18)]
    wc = WordClusters(ks=(3, 6)).fit(terms, V)
    first = [wc.ids(t) for t in ("w0", "w5", "w6")]
    assert first[0] is not None and first[1] is not None and first[2] is not None
    assert first[0][0] == first[1][0] != first[2][0]
    path = wc.save(tmp_path / "c.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert json.load(fh)["format"] == "sentikit.word_clusters.v1"
    back = WordClusters.load(path)
    assert [back.ids(t) for t in terms] == [wc.ids(t) for t in terms]
    path.write_bytes(b"not gzip")
    with pytest.raises(BundleError):
        WordClusters.load(path)
    with pytest.raises(InputError):
        WordClusters(ks=(50,)).fit(terms, V)


def test_sparse_logistic_state_round_trip() -> None:
    X = [{"good": 1.0}, {"bad": 1.0}, {"ok": 1.0}] * 10
    y = ["positive", "negative", "neutral"] * 10
    m = SparseLogistic(C=10.0).fit(X, y)
    meta, arrays = m.to_state()
    json.dumps(meta)
    back = SparseLogistic.from_state(meta, arrays)
    assert back.predict(X[:3]) == ["positive", "negative", "neutral"]
    np.testing.assert_allclose(back.predict_proba(X[:3]), m.predict_proba(X[:3]), atol=1e-6)
    Y = np.array([[1, 0], [0, 1], [1, 1]] * 10)
    ml = SparseLogistic(C=10.0, multilabel=True).fit(X, Y, ["a", "b"])
    P = ml.predict_proba([{"good": 1.0}, {"bad": 1.0}])
    assert P[0, 0] > 0.5 > P[0, 1] and P[1, 1] > 0.5 > P[1, 0]
    with pytest.raises(InputError):
        SparseLogistic().fit(X, y[:-1])


def test_protocol_is_runtime_checkable() -> None:
    class Dummy:
        lang = "xx"

        def extract(self, doc):
            return []

        def extract_many(self, docs):
            return [[] for _ in docs]

        def analyze_texts(self, texts, contributions):
            return [[] for _ in texts]

    assert isinstance(Dummy(), AspectModel)
