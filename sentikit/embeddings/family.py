"""Embeddings as a feature family of the classical models (``sentikit.embedding_mean.v1``).

The features of a document are the mean of its word vectors (the contextual PPMI + SVD
embedding of :class:`~sentikit.embeddings.model.SentimentEmbedding`, trained in
:meth:`EmbeddingMean.fit_counts` on the training documents' sliding windows) joined with the three
polarity features of METHODS.md §1 — max, min and mean of δ over the document's tokens — with δ
(delta-idf) learnt in :meth:`EmbeddingMean.column_scale` from the rows it is given, so that the
classifier's internal folds recompute it.

The counts are a document × term count matrix over every training term; the embedding covers the
terms seen at least ``min_count`` times (the others only count for the polarity features).

With ``pretrained`` (a folder written by ``sentikit embed train`` or
:meth:`SentimentEmbedding.save`), the word vectors are that embedding's contextual component,
learnt beforehand on a large unlabelled corpus, instead of vectors learnt from the training
documents alone; its ``max_pretrained`` most frequent terms join the vocabulary, so that words
never seen in the labelled data still carry their vector. The vectors of the vocabulary are kept
in the family's state: the pretrained folder is only read when training.

``token_contributions`` is exact for the mean-vector part (each token carries
``weights · v(token) / n`` of it) and attributes the max and min features to the token holding
the maximum / minimum δ and the mean feature evenly over the tokens with a δ: the three are
piecewise linear, so the attribution is exact for the given document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import registry
from sentikit.doc import Document
from sentikit.embeddings.model import DELTA_SMOOTHING, SentimentEmbedding
from sentikit.embeddings.units import doc_terms
from sentikit.errors import InputError
from sentikit.paths import resolve_resource
from sentikit.stats.weights import delta_idf, polarity_sides

__all__ = ["EmbeddingMean"]


@registry.families.register("sentikit.embedding_mean.v1")
class EmbeddingMean:
    """Mean word vector ⊕ polarity features, as a feature family.

    Parameters
    ----------
    dim : int, default 100
        Dimension of the contextual embedding.
    window : int, default 10
        Sliding window of the co-occurrence counts.
    min_count : int, default 2
        Minimum frequency of an embedded term.
    polarity : bool, default True
        Join the three polarity features.
    seed : int, default 0
    pretrained : str, optional
        Folder of a saved :class:`SentimentEmbedding` with a contextual component of dimension
        ``dim``; relative paths are tried from the working directory, then from the source
        tree's root (:func:`sentikit.paths.resolve_resource`).
    max_pretrained : int, default 50000
        How many of the pretrained embedding's most frequent terms join the vocabulary besides
        the training terms (0: the training terms only).
    """

    name = "sentikit.embedding_mean.v1"

    def __init__(
        self,
        dim: int = 100,
        window: int = 10,
        min_count: int = 2,
        polarity: bool = True,
        seed: int = 0,
        pretrained: str | None = None,
        max_pretrained: int = 50000,
    ) -> None:
        self.dim = dim
        self.window = window
        self.min_count = min_count
        self.polarity = polarity
        self.seed = seed
        self.pretrained = pretrained
        self.max_pretrained = max_pretrained

    # -------------------------------------------------------------- counts
    def _counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        indptr = [0]
        cols: list[int] = []
        get = self.vocab_.get
        for d in docs:
            for t in doc_terms(d):
                j = get(t)
                if j is not None:
                    cols.append(j)
            indptr.append(len(cols))
        X = sp.csr_matrix(
            (np.ones(len(cols)), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
            shape=(len(docs), len(self.vocab_)),
        )
        X.sum_duplicates()
        return X

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Learn the vocabulary and the word vectors; return term counts per document."""
        units = [[doc_terms(d)] for d in docs]
        seen = {t for u in units for t in u[0]}
        if not seen:
            raise InputError("EmbeddingMean: the training documents have no terms")
        if self.pretrained is not None:
            self._fit_pretrained(seen)
        else:
            self._fit_local(units, sorted(seen))
        self.embedded_ = np.abs(self.vectors_).sum(axis=1) > 0
        return self._counts(docs)

    def _fit_local(self, units: list[list[list[str]]], terms: list[str]) -> None:
        self.vocab_ = {t: i for i, t in enumerate(terms)}
        emb = SentimentEmbedding(
            dim=self.dim,
            window=self.window,
            components=("contextual",),
            min_count=min(self.min_count, max(1, len(units))),
            seed=self.seed,
        )
        V = np.zeros((len(terms), self.dim), dtype=np.float32)
        try:
            emb.fit(units)
            rows = np.asarray([self.vocab_[t] for t in emb.terms_], dtype=np.int64)
            V[rows] = emb.vectors_
        except InputError:  # no term reaches min_count: no word vectors, polarity only
            pass
        self.vectors_ = V

    def _fit_pretrained(self, seen: set[str]) -> None:
        assert self.pretrained is not None
        emb = SentimentEmbedding.load(resolve_resource(self.pretrained))
        if "contextual" not in emb.slices_:
            raise InputError(f"{self.pretrained}: the embedding has no contextual component")
        P = emb.vectors_[:, emb.component_slice("contextual")]
        if P.shape[1] != self.dim:
            raise InputError(
                f"{self.pretrained}: contextual dimension {P.shape[1]}, but dim={self.dim}"
            )
        by_count = np.argsort(-emb.counts_, kind="stable")[: max(0, self.max_pretrained)]
        terms = sorted(seen | {emb.terms_[i] for i in by_count})
        self.vocab_ = {t: i for i, t in enumerate(terms)}
        V = np.zeros((len(terms), self.dim), dtype=np.float32)
        src = [(self.vocab_[t], i) for i, t in enumerate(emb.terms_) if t in self.vocab_]
        if src:
            rows, cols = (np.asarray(c, dtype=np.int64) for c in zip(*src, strict=True))
            V[rows] = P[cols]
        self.vectors_ = V

    # -------------------------------------------------------------- supervised scale
    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> NDArray[np.float64]:
        """δ of every term from the rows given (binary: positive vs the other class;
        multi-class: positive vs negative documents; zeros without those labels)."""
        yarr = np.asarray(y).astype(str)
        classes = np.unique(yarr)
        if len(classes) == 2:
            (pos_label,), _ = polarity_sides(classes.tolist())
            return delta_idf(X, yarr == pos_label, DELTA_SMOOTHING)
        keep = (yarr == "positive") | (yarr == "negative")
        if not (yarr == "positive").any() or not (yarr == "negative").any():
            return np.zeros(X.shape[1])
        return delta_idf(sp.csr_matrix(X)[keep], yarr[keep] == "positive", DELTA_SMOOTHING)

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        """Install δ (from :meth:`column_scale`)."""
        self.scale_ = np.asarray(scale, dtype=np.float64)

    def weigh(self, X: sp.csr_matrix, scale: NDArray[np.float64]) -> NDArray[np.float64]:
        """Dense features: mean word vector (``dim``) ⊕ ``[max, min, mean δ]`` if ``polarity``."""
        X = sp.csr_matrix(X)
        emb_tokens = np.asarray(X[:, self.embedded_].sum(axis=1)).ravel()
        M = np.asarray(X @ self.vectors_.astype(np.float64)) / np.maximum(emb_tokens, 1.0)[:, None]
        if not self.polarity:
            return M
        P = np.zeros((X.shape[0], 3))
        has = np.diff(X.indptr) > 0
        if X.nnz:
            d = np.asarray(scale, dtype=np.float64)[X.indices]
            s = X.indptr[:-1][has]
            P[has, 0] = np.maximum.reduceat(d, s)
            P[has, 1] = np.minimum.reduceat(d, s)
            P[has, 2] = np.add.reduceat(d * X.data, s) / np.add.reduceat(X.data, s)
        return np.hstack([M, P])

    def transform(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Features of ``docs`` with the installed δ."""
        return self.weigh(self._counts(docs), self.scale_)

    # -------------------------------------------------------------- explanations
    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Each token's share of ``weights · transform([doc])`` (see the module docstring)."""
        w = np.asarray(weights, dtype=np.float64)
        out = [0.0] * len(doc.tokens)
        idx: list[tuple[int, int]] = []
        for k, t in enumerate(doc.tokens):
            if t.kind == "punct" or not t.form:
                continue
            j = self.vocab_.get(t.form)
            if j is not None:
                idx.append((k, j))
        emb = [(k, j) for k, j in idx if self.embedded_[j]]
        if emb:
            wv = self.vectors_.astype(np.float64) @ w[: self.dim]
            for k, j in emb:
                out[k] += float(wv[j]) / len(emb)
        if self.polarity and idx:
            d = np.asarray([self.scale_[j] for _, j in idx])
            kmax, kmin = idx[int(np.argmax(d))][0], idx[int(np.argmin(d))][0]
            out[kmax] += float(w[self.dim] * d.max())
            out[kmin] += float(w[self.dim + 1] * d.min())
            for (k, _), v in zip(idx, d.tolist(), strict=True):
                out[k] += float(w[self.dim + 2] * v) / len(idx)
        return out

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """The mean vector and the polarity features are attributed to tokens whole (see the
        module docstring): nothing is left over."""
        return np.asarray(self.token_contributions(doc, weights), dtype=np.float64), {}

    # -------------------------------------------------------------- state
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings + vocabulary (JSON) and vectors + δ (arrays)."""
        meta = {
            "name": self.name,
            "dim": self.dim,
            "window": self.window,
            "min_count": self.min_count,
            "polarity": self.polarity,
            "seed": self.seed,
            "pretrained": self.pretrained,
            "max_pretrained": self.max_pretrained,
            "vocab": sorted(self.vocab_, key=self.vocab_.__getitem__),
        }
        return meta, {"vectors": self.vectors_, "scale": self.scale_}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> EmbeddingMean:
        """Rebuild from :meth:`to_state` output."""
        obj = cls(
            dim=int(meta["dim"]),
            window=int(meta["window"]),
            min_count=int(meta["min_count"]),
            polarity=bool(meta["polarity"]),
            seed=int(meta["seed"]),
            pretrained=meta.get("pretrained"),
            max_pretrained=int(meta.get("max_pretrained", 50000)),
        )
        obj.vocab_ = {str(t): i for i, t in enumerate(meta["vocab"])}
        obj.vectors_ = np.asarray(arrays["vectors"], dtype=np.float32)
        obj.embedded_ = np.abs(obj.vectors_).sum(axis=1) > 0
        obj.set_scale(np.asarray(arrays["scale"], dtype=np.float64))
        if obj.vectors_.shape[0] != len(obj.vocab_):
            raise InputError("EmbeddingMean state: vocabulary and vectors differ in length")
        return obj
