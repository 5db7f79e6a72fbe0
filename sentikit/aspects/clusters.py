"""Word clusters for aspect extraction: k-means over word vectors at several granularities.

A word's cluster ids (one per granularity, e.g. 100, 500 and 1000 clusters) generalize the CRF's
word features to words it never saw labelled (*sushi* near *pizza*). The clusters are learnt
once from vectors trained on unlabelled text (``benchmarks/aspects_en.py --stage clusters``
trains them with :class:`sentikit.embeddings.model.SentimentEmbedding`) and stored as gzipped
JSON: the terms and, per granularity, one id per term. No pickle.

Examples
--------
>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> V = np.vstack([rng.normal(0, 0.1, (5, 4)) + 1, rng.normal(0, 0.1, (5, 4)) - 1])
>>> wc = WordClusters(ks=(2,)).fit([f"w{i}" for i in range(10)], V)
>>> wc.ids("w0") == wc.ids("w1"), wc.ids("w0") == wc.ids("w9"), wc.ids("unseen")
(True, False, None)
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit.errors import BundleError, InputError

__all__ = ["FORMAT", "WordClusters"]

#: Format name written into the clusters file.
FORMAT = "sentikit.word_clusters.v1"


class WordClusters:
    """Cluster ids of words at several granularities (k-means, scikit-learn).

    Parameters
    ----------
    ks : sequence of int, default (100, 500, 1000)
        The numbers of clusters, one clustering each (coarse to fine).
    seed : int, default 0
        k-means seed.
    """

    def __init__(self, ks: Sequence[int] = (100, 500, 1000), seed: int = 0) -> None:
        self.ks = tuple(int(k) for k in ks)
        self.seed = seed

    def fit(self, terms: Sequence[str], vectors: NDArray[np.floating[Any]]) -> WordClusters:
        """Cluster ``vectors`` (one row per term, L2-normalized here) for every ``k``.

        Parameters
        ----------
        terms : sequence of str
            The words, one per row of ``vectors``.
        vectors : array of shape (n_terms, dim)

        Returns
        -------
        WordClusters
            self, with ``terms_`` and ``ids_`` (array ``(n_terms, len(ks))``).
        """
        from sklearn.cluster import KMeans

        V = np.asarray(vectors, dtype=np.float32)
        if V.ndim != 2 or V.shape[0] != len(terms):
            raise InputError(f"{len(terms)} terms but vectors of shape {V.shape}")
        if not self.ks or min(self.ks) < 1 or max(self.ks) > len(terms):
            raise InputError(f"each k must be in 1..{len(terms)} (the number of terms): {self.ks}")
        norms = np.linalg.norm(V, axis=1, keepdims=True)
        V = V / np.maximum(norms, 1e-12)
        cols = []
        for k in self.ks:
            km = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=self.seed)
            cols.append(km.fit_predict(V).astype(np.int32))
        self.terms_ = list(terms)
        self.ids_ = np.stack(cols, axis=1)
        self.index_ = {t: i for i, t in enumerate(self.terms_)}
        return self

    def ids(self, word: str) -> tuple[int, ...] | None:
        """The cluster ids of ``word`` (one per granularity), ``None`` for an unknown word."""
        i = self.index_.get(word)
        return None if i is None else tuple(int(v) for v in self.ids_[i])

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the clusters as gzipped JSON (``.json.gz``); returns the path."""
        out = Path(path)
        state = {
            "format": FORMAT,
            "ks": list(self.ks),
            "seed": self.seed,
            "terms": self.terms_,
            "ids": [self.ids_[:, j].tolist() for j in range(len(self.ks))],
        }
        with gzip.open(out, "wt", encoding="utf-8") as fh:
            json.dump(state, fh, ensure_ascii=False, separators=(",", ":"))
        return out

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> WordClusters:
        """Read clusters written by :meth:`save`.

        Raises
        ------
        BundleError
            The file is missing, not gzipped JSON of this format, or inconsistent.
        """
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                state = json.load(fh)
        except (OSError, ValueError, EOFError) as exc:
            raise BundleError(f"cannot read word clusters {os.fspath(path)!r}: {exc}") from None
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise BundleError(f"{os.fspath(path)!r} is not a {FORMAT} file")
        terms, ids = state["terms"], state["ids"]
        if len(ids) != len(state["ks"]) or any(len(col) != len(terms) for col in ids):
            raise BundleError(f"{os.fspath(path)!r}: cluster ids do not match the terms")
        wc = cls(ks=state["ks"], seed=state.get("seed", 0))
        wc.terms_ = list(terms)
        wc.ids_ = np.asarray(ids, dtype=np.int32).T.reshape(len(terms), len(ids))
        wc.index_ = {t: i for i, t in enumerate(wc.terms_)}
        return wc
