"""SentimentEmbedding: components, supervised statistics, persistence, export, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from sentikit.embeddings.model import (
    SentimentEmbedding,
    context_delta_stats,
    definition_matrix,
    presence_matrix,
    write_word2vec,
)
from sentikit.errors import BundleError, InputError

from .conftest import NEG, POS


def test_components_and_shapes(synthetic, synthetic_units) -> None:
    _, labels = synthetic
    emb = SentimentEmbedding(dim=8, min_count=2).fit(synthetic_units, labels)
    assert emb.vectors_.shape == (len(emb.terms_), 12)
    assert emb.component_slice("contextual") == slice(0, 8)
    assert emb.component_slice("supervised") == slice(8, 12)
    assert emb.vectors_.dtype == np.float32
    # contextual rows are unit length
    norms = np.linalg.norm(emb.vectors_[:, :8], axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
    # δ(word) column: positive words > 0 > negative words
    d = emb.vectors_[:, 11]
    for w in POS:
        assert d[emb.index_[w]] > 1.0
    for w in NEG:
        assert d[emb.index_[w]] < -1.0
    assert emb.timings_["cooccurrence"] >= 0.0


def test_contextual_neighbours_share_sentiment(synthetic, synthetic_units) -> None:
    _, labels = synthetic
    emb = SentimentEmbedding(dim=8, min_count=2).fit(synthetic_units, labels)
    sims = dict(emb.neighbours("good", k=len(emb.terms_) - 1))
    assert min(sims[w] for w in POS if w != "good") > max(sims[w] for w in NEG)
    near = [w for w, _ in emb.neighbours("awful", k=4, component="supervised")]
    assert set(near) <= set(NEG)


def test_contextual_only_needs_no_labels(synthetic_units) -> None:
    emb = SentimentEmbedding(dim=4, components=("contextual",)).fit(synthetic_units)
    assert emb.delta_ is None
    assert emb.vectors_.shape[1] == 4


def test_subclause_windows_count_all_pairs() -> None:
    # with window=None every pair inside a unit co-occurs, whatever the distance
    docs = [[["a", "x", "x", "x", "x", "b"]]] * 3
    emb_all = SentimentEmbedding(dim=2, window=None, components=("contextual",), min_count=1)
    emb_all.fit(docs)
    emb_win = SentimentEmbedding(dim=2, window=2, components=("contextual",), min_count=1)
    emb_win.fit(docs)
    a, b = emb_all.index_["a"], emb_all.index_["b"]
    assert emb_all._cooc is not None and emb_win._cooc is not None
    assert emb_all._cooc[a, b] > 0
    assert emb_win._cooc[emb_win.index_["a"], emb_win.index_["b"]] == 0


def test_context_delta_stats_by_hand() -> None:
    C = sp.csr_matrix(np.array([[0, 3, 1], [3, 0, 0], [1, 0, 0]], dtype=float))
    delta = np.array([0.5, 2.0, -1.0])
    S = context_delta_stats(C, delta)
    assert S[0].tolist() == [2.0, -1.0, (3 * 2.0 + 1 * -1.0) / 4]
    assert S[1].tolist() == [0.5, 0.5, 0.5]


def test_definition_matrix_levels() -> None:
    terms = ["good", "fine", "ok", "x"]
    idx = {t: i for i, t in enumerate(terms)}
    defs = {"good": [["fine", "unknown"]], "fine": [["ok"]]}
    M = definition_matrix(terms, idx, defs, np.array([2.0, -1.0, 0.0, 1.0])).toarray()
    assert M[0].tolist() == [2.0, 2.0, 1.0, 0.0]  # itself, definition word, 0.5 · second level
    assert M[1].tolist() == [0.0, -1.0, -1.0, 0.0]
    assert M[2].tolist() == [0.0, 0.0, 0.0, 0.0]  # δ = 0
    assert M[3].tolist() == [0.0, 0.0, 0.0, 1.0]


def test_lexical_component(synthetic, synthetic_units) -> None:
    _, labels = synthetic
    defs = {"good": [["great", "fun"]], "bad": [["awful", "dull"]]}
    emb = SentimentEmbedding(
        dim=4, lexical_dim=3, components=("contextual", "lexical", "supervised")
    ).fit(synthetic_units, labels, definitions=defs)
    assert emb.component_slice("lexical") == slice(4, 7)
    assert emb.vectors_.shape[1] == 11


def test_save_load_roundtrip_without_pickle(tmp_path: Path, synthetic, synthetic_units) -> None:
    _, labels = synthetic
    emb = SentimentEmbedding(dim=4).fit(synthetic_units, labels)
    emb.save(tmp_path / "e")
    with np.load(tmp_path / "e" / "vectors.npz", allow_pickle=False) as z:
        assert set(z.files) == {"vectors", "counts", "delta"}
    back = SentimentEmbedding.load(tmp_path / "e")
    assert back.terms_ == emb.terms_
    assert np.array_equal(back.vectors_, emb.vectors_)
    assert back.slices_ == emb.slices_
    assert back.neighbours("good", 3) == emb.neighbours("good", 3)
    with pytest.raises(InputError, match="fitted in this session"):
        back.with_delta(np.zeros(len(back.terms_)))


def test_word2vec_export_read_by_gensim(tmp_path: Path, synthetic, synthetic_units) -> None:
    gensim = pytest.importorskip("gensim")
    _, labels = synthetic
    emb = SentimentEmbedding(dim=4).fit(synthetic_units, labels)
    path = emb.to_word2vec(tmp_path / "v.vec")
    kv = gensim.models.KeyedVectors.load_word2vec_format(str(path))
    assert list(kv.index_to_key) == emb.terms_
    assert np.allclose(kv["good"], emb.vector("good"), rtol=1e-5, atol=1e-6)


def test_write_word2vec_replaces_spaces(tmp_path: Path) -> None:
    p = write_word2vec(tmp_path / "x.vec", ["a b", "c"], np.ones((2, 2)))
    assert p.read_text("utf-8").splitlines() == ["2 2", "a_b 1 1", "c 1 1"]
    with pytest.raises(InputError):
        write_word2vec(tmp_path / "y.vec", ["a"], np.ones((2, 2)))


def test_errors(synthetic_units, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="need document labels"):
        SentimentEmbedding().fit(synthetic_units)
    with pytest.raises(InputError, match="components"):
        SentimentEmbedding(components=("nope",)).fit(synthetic_units)
    with pytest.raises(InputError, match="min_count"):
        SentimentEmbedding(components=("contextual",), min_count=10**6).fit(synthetic_units)
    with pytest.raises(InputError, match="binary"):
        SentimentEmbedding(dim=2).fit(synthetic_units[:3], ["a", "b", "c"])
    with pytest.raises(InputError, match="definitions"):
        SentimentEmbedding(components=("lexical",)).fit(
            synthetic_units, ["a"] * len(synthetic_units)
        )
    with pytest.raises(InputError, match="not fitted"):
        SentimentEmbedding().vector("good")
    emb = SentimentEmbedding(dim=2, components=("contextual",)).fit(synthetic_units)
    with pytest.raises(InputError, match="not in the vocabulary"):
        emb.neighbours("zzz")
    with pytest.raises(BundleError):
        SentimentEmbedding.load(tmp_path)


def test_presence_matrix_is_binary() -> None:
    X = presence_matrix([["a", "a", "b"], ["c"]], {"a": 0, "b": 1})
    assert X.toarray().tolist() == [[1.0, 1.0], [0.0, 0.0]]


def test_with_delta_recomputes_supervised_and_lexical(synthetic, synthetic_units) -> None:
    _, labels = synthetic
    defs = {"good": [["great", "fun"]], "bad": [["awful", "dull"]]}
    emb = SentimentEmbedding(
        dim=4, lexical_dim=3, components=("contextual", "lexical", "supervised")
    ).fit(synthetic_units, labels, definitions=defs)
    V = emb.with_delta(np.zeros(len(emb.terms_)))
    assert np.array_equal(V[:, :4], emb.vectors_[:, :4])  # contextual unchanged
    assert not V[:, 4:].any()  # δ = 0 everywhere: no lexical rows, supervised all zero
    half = emb.term_delta(synthetic_units[:200], labels[:200])
    assert emb.with_delta(half).shape == emb.vectors_.shape
