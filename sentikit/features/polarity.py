"""The document polarity features of METHODS.md §1–3 (:class:`PolarityFeatures`).

A *score source* maps a term (a token form, ``_NEG``-marked inside a negation scope) to a
polarity score: ``supervised`` (delta-idf, NB or BM25 delta-idf on the training documents),
``cooccurrence`` (the §2 antonym-seed score), ``combined`` (§3), ``lexicon`` (one per polarity
lexicon) and ``transfer`` (delta-idf of another labelled corpus). The score functions live in
:mod:`sentikit.features.polarity_sources` (re-exported here).

:class:`PolarityFeatures` (registry name ``sentikit.polarity_features.v1``) turns each source
into per-document features — max, min and mean of the scores over the document's scored tokens
([0, 0, 0] when none is scored), optionally the shares of positive and negative tokens
(``extras``) and the same statistics over the first and the last sentence (``positions``) —
standardized with training statistics. It follows the feature-family protocol of
:mod:`sentikit.models.linear`, so every supervised statistic is recomputed inside each fold.

Examples
--------
>>> from sentikit.lang import get_processor
>>> docs = get_processor("en").make_docs(["good fun", "bad dull", "good", "bad"])
>>> fam = PolarityFeatures()
>>> X = fam.fit_counts(docs)
>>> scale = fam.column_scale(X, np.array(["positive", "negative", "positive", "negative"]))
>>> F = fam.weigh(X, scale)
>>> F.shape, bool(F[0, 0] > F[1, 0])
((4, 3), True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, TypeVar

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import DataKind, Resources, data_refs, registry
from sentikit.doc import Document
from sentikit.errors import InputError
from sentikit.features.batch import TokenBatch, token_terms
from sentikit.features.polarity_sources import (
    _CORPUS_CACHE,
    COOC_WINDOW,
    _doc_units,
    _lookup,
    _segment_stats,
    binary_target,
    combine_scores,
    cooccurrence_term_scores,
    lexicon_only_words,
    supervised_scores,
    unscored_from,
)
from sentikit.stats.weights import SCHEMES

__all__ = [
    "COOC_WINDOW",
    "SOURCES",
    "STATS",
    "PolarityFeatures",
    "PolarityScale",
    "binary_target",
    "combine_scores",
    "cooccurrence_term_scores",
    "supervised_scores",
]

SOURCES = ("supervised", "cooccurrence", "combined", "lexicon", "transfer")
STATS = ("max", "min", "mean")

_T = TypeVar("_T")


@dataclass
class PolarityScale:
    """What :meth:`PolarityFeatures.column_scale` learns: the term scores of every source
    (rows, NaN = unscored) and the standardization of the document features."""

    scores: NDArray[np.float64]
    mean: NDArray[np.float64]
    std: NDArray[np.float64]


@registry.families.register("sentikit.polarity_features.v1")
class PolarityFeatures:
    """Document polarity features (max / min / mean per score source) — see the module doc.

    Parameters
    ----------
    sources : score sources, a subset of ``("supervised", "cooccurrence", "combined",
        "lexicon", "transfer")``; ``lexicon`` and ``transfer`` expand to one source per entry of
        ``lexicons`` / ``transfer``.
    scheme : supervised scheme: ``"delta_idf"`` (§1), ``"nb"`` or ``"bm25_delta"``.
    alpha : weight of the unsupervised score in the §3 combination (reference 0.2).
    negation : mark tokens in a negation scope (``_NEG``), so they are scored separately.
    cooc_corpus : dataset name (``name`` or ``name:split``) of an unlabelled corpus for the
        co-occurrence scores; ``None`` uses the training documents.
    cooc_window, cooc_min_count : window (±k tokens) and frequency threshold of §2.
    cooc_unseen : ``"missing"`` (default): a term that co-occurs with no seed has no §2 score
        (so §3 gives it ``δ``); ``"constant"``: it keeps the formula's common value, as bundles
        trained before this option did (see ``docs/notes/ablation-alpha-sources.md``).
    lexicons : lexicon TSV paths or gold lexicon dataset names for the ``lexicon`` source.
    transfer : labelled dataset names (``name`` or ``name:split``) for the ``transfer`` source.
    extras : also the shares of positive and of negative tokens per source.
    positions : also the statistics over the first and the last sentence.
    lexicon_words : also score, through the lexicon sources, the single-word lexicon entries
        (and their ``_NEG`` forms) that no training document holds: a word the corpora never
        show ("abhorred") still counts by its lexicon polarity, while training is unchanged
        (every other source leaves those words unscored).
    lang : language of the corpora read for ``cooc_corpus`` and ``transfer``.
    """

    name = "sentikit.polarity_features.v1"

    def __init__(
        self,
        sources: Sequence[str] = ("supervised",),
        scheme: str = "delta_idf",
        alpha: float = 0.2,
        negation: bool = True,
        cooc_corpus: str | None = None,
        cooc_window: int = COOC_WINDOW,
        cooc_min_count: int = 2,
        cooc_unseen: str = "missing",
        lexicons: Sequence[str] = (),
        transfer: Sequence[str] = (),
        extras: bool = False,
        positions: bool = False,
        lexicon_words: bool = False,
        lang: str = "en",
    ) -> None:
        self.sources = tuple(sources)
        self.scheme = scheme
        self.alpha = alpha
        self.negation = negation
        self.cooc_corpus = cooc_corpus
        self.cooc_window = cooc_window
        self.cooc_min_count = cooc_min_count
        self.cooc_unseen = cooc_unseen
        self.lexicons = tuple(lexicons)
        self.transfer = tuple(transfer)
        self.extras = extras
        self.positions = positions
        self.lexicon_words = lexicon_words
        self.lang = lang

    # -- configuration -------------------------------------------------------------------
    def _check(self) -> None:
        bad = [s for s in self.sources if s not in SOURCES]
        if bad:
            raise InputError(f"unknown score source(s) {bad}; known: {list(SOURCES)}")
        if self.scheme not in SCHEMES:
            raise InputError(f"unknown scheme {self.scheme!r}; known: {sorted(SCHEMES)}")
        if "lexicon" in self.sources and not self.lexicons:
            raise InputError("the 'lexicon' source needs at least one entry in 'lexicons'")
        if "transfer" in self.sources and not self.transfer:
            raise InputError("the 'transfer' source needs at least one dataset in 'transfer'")

    def source_names(self) -> list[str]:
        """One name per score row, in order (``lexicon:SPEC``, ``transfer:NAME`` expanded)."""
        names: list[str] = []
        for s in self.sources:
            if s == "lexicon":
                names.extend(f"lexicon:{x}" for x in self.lexicons)
            elif s == "transfer":
                names.extend(f"transfer:{x}" for x in self.transfer)
            else:
                names.append(s)
        return names

    def feature_names(self) -> list[str]:
        """Names of the output columns, in order."""
        stats = list(STATS) + (["pos_share", "neg_share"] if self.extras else [])
        blocks = ["doc", "first", "last"] if self.positions else ["doc"]
        return [f"{b}:{s}:{st}" for b in blocks for s in self.source_names() for st in stats]

    # -- unsupervised state ----------------------------------------------------------------
    # -- auxiliary data (handed in by the training entry points) ---------------------------
    @classmethod
    def data_settings(cls) -> dict[str, DataKind]:
        """``transfer`` names labelled corpora, ``cooc_corpus`` unlabelled texts, ``lexicons``
        lexicons."""
        return {"transfer": "labelled", "cooc_corpus": "texts", "lexicons": "lexicon"}

    @classmethod
    def prune_data(cls, params: dict[str, Any]) -> dict[str, Any] | None:
        """Without any ``transfer`` corpus left, the ``transfer`` source is dropped."""
        if not params.get("transfer") and "transfer" in params.get("sources", []):
            params = {**params, "sources": [s for s in params["sources"] if s != "transfer"]}
        return params

    def initialize(self, resources: Resources) -> None:
        """Take the corpora and lexicons the settings name."""
        self._resources = Resources(
            {ref: resources[ref] for ref in data_refs(self._data_params(), self.data_settings())}
        )

    def _data_params(self) -> dict[str, Any]:
        return {
            "transfer": self.transfer,
            "cooc_corpus": self.cooc_corpus,
            "lexicons": self.lexicons,
        }

    def _data(self) -> Resources:
        """The data handed in (nothing before :meth:`initialize`: asking for a corpus or
        lexicon then is a clear error naming it)."""
        data: Resources | None = getattr(self, "_resources", None)
        return data if data is not None else Resources()

    def _cooc_table(self, units: list[list[str]]) -> dict[str, float]:
        args = (self.lang, self.cooc_window, self.cooc_min_count, self.cooc_unseen)
        if self.cooc_corpus is None:
            return cooccurrence_term_scores(units, *args)
        corpus = self._data().corpus(self.cooc_corpus, labelled=False)

        def make() -> dict[str, float]:
            docs = _doc_units(corpus.texts, self.lang, self.negation)
            return cooccurrence_term_scores(docs, *args)

        return _CORPUS_CACHE.get(("cooc", corpus.digest, self.negation, *args), make)

    def _transfer_table(self, spec: str) -> dict[str, float]:
        corpus = self._data().corpus(spec)

        def make() -> dict[str, float]:
            units = _doc_units(corpus.texts, self.lang, self.negation)
            vocab: dict[str, int] = {}
            rows, cols = [], []
            for i, u in enumerate(units):
                for t in set(u):
                    rows.append(i)
                    cols.append(vocab.setdefault(t, len(vocab)))
            X = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(units), len(vocab)))
            s = supervised_scores(X, np.array(list(corpus.labels or [])), self.scheme)
            return dict(zip(vocab, s.tolist(), strict=True))

        key = ("transfer", corpus.digest, self.lang, self.negation, self.scheme)
        return _CORPUS_CACHE.get(key, make)

    # -- the family protocol -------------------------------------------------------------
    def _blocks(self, doc: Document, terms: list[_T]) -> list[list[_T]]:
        if not self.positions:
            return [terms]
        if doc.sentences:
            first, last = doc.sentences[0], doc.sentences[-1]
            return [
                terms,
                terms[first.token_start : first.token_end],
                terms[last.token_start : last.token_end],
            ]
        return [terms, terms, terms]

    def _counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        m = len(self.vocab_)
        nb = 3 if self.positions else 1
        rows, cols = [], []
        get = self.vocab_.get
        for i, d in enumerate(docs):
            for b, block in enumerate(self._blocks(d, token_terms(d, self.negation))):
                for t in block:
                    j = get(t)
                    if j is not None:
                        rows.append(i)
                        cols.append(b * m + j)
        X = sp.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(docs), m * nb), dtype=np.float64
        )
        X.sum_duplicates()
        return X

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Learn the vocabulary and the unsupervised scores; return term counts per document
        (one block of columns per position block)."""
        self._check()
        units = [token_terms(d, self.negation) for d in docs]
        vocab = sorted({t for u in units for t in u})
        self._n_seen = len(vocab)
        if self.lexicon_words and "lexicon" in self.sources:
            tables = [self._data().lexicon(spec).scores for spec in self.lexicons]
            vocab += lexicon_only_words(tables, self.negation, set(vocab))
        self.vocab_ = {t: i for i, t in enumerate(vocab)}
        fixed: list[NDArray[np.float64]] = []
        self.u_ = np.full(len(vocab), np.nan)
        if "cooccurrence" in self.sources or "combined" in self.sources:
            self.u_ = _lookup(vocab, self._cooc_table(units), flip_negated=False)
        for spec in self.lexicons if "lexicon" in self.sources else ():
            scores = self._data().lexicon(spec).scores
            fixed.append(_lookup(vocab, scores, flip_negated=True))
        for spec in self.transfer if "transfer" in self.sources else ():
            fixed.append(_lookup(vocab, self._transfer_table(spec), flip_negated=False))
        self.fixed_ = np.vstack(fixed) if fixed else np.zeros((0, len(vocab)))
        return self._counts(docs)

    def _score_rows(self, delta: NDArray[np.float64]) -> NDArray[np.float64]:
        rows: list[NDArray[np.float64]] = []
        k = 0
        for s in self.sources:
            if s == "supervised":
                rows.append(delta)
            elif s == "cooccurrence":
                rows.append(self.u_)
            elif s == "combined":
                rows.append(combine_scores(self.u_, delta, self.alpha))
            else:
                n = len(self.lexicons) if s == "lexicon" else len(self.transfer)
                block = self.fixed_[k : k + n]
                rows.extend(block if s == "lexicon" else self._seen(block))
                k += n
                continue
            rows[-1] = self._seen(rows[-1])
        return np.vstack(rows)

    def _seen(self, scores: NDArray[np.float64]) -> NDArray[np.float64]:
        """``scores`` with the words no training document holds (``lexicon_words``) unscored."""
        n: int | None = getattr(self, "_n_seen", None)
        return scores if n is None else unscored_from(scores, n)

    def _features(self, X: sp.csr_matrix, S: NDArray[np.float64]) -> NDArray[np.float64]:
        m = S.shape[1]
        nb = X.shape[1] // max(m, 1) if m else 1
        cols = []
        for b in range(nb):
            Xb = sp.csr_matrix(X[:, b * m : (b + 1) * m])
            for r in range(S.shape[0]):
                cols.append(_segment_stats(Xb, S[r], self.extras))
        return np.hstack(cols) if cols else np.zeros((X.shape[0], 0))

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> PolarityScale:
        """Supervised scores from the rows of ``X`` (first block) and labels ``y``, then the
        mean and standard deviation of the resulting document features."""
        m = len(self.vocab_)
        delta = np.full(m, np.nan)
        if "supervised" in self.sources or "combined" in self.sources:
            delta = supervised_scores(sp.csr_matrix(X)[:, :m], np.asarray(y), self.scheme)
        S = self._score_rows(delta)
        F = self._features(sp.csr_matrix(X), S)
        sd = F.std(axis=0)
        return PolarityScale(S, F.mean(axis=0), np.where(sd > 1e-12, sd, 1.0))

    def set_scale(self, scale: PolarityScale) -> None:
        """Install what :meth:`column_scale` learnt."""
        self.scale_ = scale

    def weigh(self, X: sp.csr_matrix, scale: PolarityScale) -> NDArray[np.float64]:
        """Counts → standardized document features (dense)."""
        return (self._features(sp.csr_matrix(X), scale.scores) - scale.mean) / scale.std

    def transform(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Standardized document features of ``docs``."""
        return self.weigh(self._counts(docs), self.scale_)

    def transform_batch(self, batch: TokenBatch) -> NDArray[np.float64]:
        """:meth:`transform` of ``batch.documents()``: term ids once per distinct term, a
        segment's row counting its tokens (with ``positions``, sentence documents as rows)."""
        if self.positions:  # first/last sentence blocks: per row document
            return self.transform(batch.documents())
        terms, tids = batch.term_index(self.negation)
        get = self.vocab_.get
        vmap = np.fromiter(map(get, terms, repeat(-1)), dtype=np.int64, count=len(terms))
        col = vmap[tids]
        rows = batch.doc_of
        if batch.segments:
            pos, seg_len = batch.segment_tokens()
            col = np.concatenate([col, col[pos]])
            seg = np.repeat(np.arange(len(seg_len), dtype=np.int64), seg_len) + batch.n_docs
            rows = np.concatenate([rows, seg])
        ok = col >= 0
        m = max(len(self.vocab_), 1)
        cells = np.sort(rows[ok] * m + col[ok])  # each row's terms, counted below
        n = batch.n_rows
        if len(cells) == 0:
            return self.weigh(sp.csr_matrix((n, len(self.vocab_))), self.scale_)
        first = np.empty(len(cells), dtype=np.bool_)
        first[0] = True
        np.not_equal(cells[1:], cells[:-1], out=first[1:])
        at = np.flatnonzero(first)
        counts = np.diff(np.append(at, len(cells))).astype(np.float64)
        cells = cells[at]
        r = cells // m
        return self._standardized(r, cells - r * m, counts, n)

    def _score_tables(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[Any]]:
        """Per-term tables of the installed scores, kept while ``scale_`` stays: the scores
        with −inf and +inf for unscored terms (``(sources, terms)`` each), and one
        ``(terms, k · sources)`` matrix of what is summed per row — score (0 if unscored),
        scored, and with ``extras`` positive and negative indicators — in that block order."""
        memo = getattr(self, "_tables_memo", None)
        if memo is None or memo[0] is not self.scale_:
            S = self.scale_.scores
            ok = np.isfinite(S)
            blocks = [np.where(ok, S, 0.0), ok.astype(np.float64)]
            if self.extras:
                blocks += [(ok & (S > 0)).astype(np.float64), (ok & (S < 0)).astype(np.float64)]
            tables = (
                np.where(ok, S, -np.inf),
                np.where(ok, S, np.inf),
                np.ascontiguousarray(np.vstack(blocks).T),
            )
            memo = self._tables_memo = (self.scale_, tables)
        out: tuple[NDArray[np.float64], NDArray[np.float64], NDArray[Any]] = memo[1]
        return out

    def _standardized(
        self, rows: NDArray[np.int64], cols: NDArray[np.int64], w: NDArray[np.float64], n: int
    ) -> NDArray[np.float64]:
        """:meth:`weigh` of the counts ``w`` at (``rows``, ``cols``) (sorted by row; one
        block), every source's statistics at once: maxima and minima by ``reduceat`` over the
        gathered scores, the sums in one sparse product."""
        S_hi, S_lo, sums_table = self._score_tables()
        n_src = S_hi.shape[0]
        per = 5 if self.extras else 3
        F = np.zeros((n, n_src, per))
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=ptr[1:])
        nz = np.flatnonzero(ptr[1:] > ptr[:-1])
        starts = ptr[nz]
        hi = np.maximum.reduceat(S_hi[:, cols], starts, axis=1).T
        lo = np.minimum.reduceat(S_lo[:, cols], starts, axis=1).T
        W = sp.csr_matrix((w, cols, ptr), shape=(n, sums_table.shape[0]))
        sums = np.asarray(W @ sums_table)[nz].reshape(len(nz), -1, n_src)
        tot, cnt = sums[:, 0], sums[:, 1]
        scored = cnt > 0
        F[nz, :, 0] = np.where(scored, hi, 0.0)
        F[nz, :, 1] = np.where(scored, lo, 0.0)
        F[nz, :, 2] = np.where(scored, tot / np.maximum(cnt, 1e-12), 0.0)
        if self.extras:
            length = np.add.reduceat(w, starts)[:, None]
            F[nz, :, 3] = sums[:, 2] / length
            F[nz, :, 4] = sums[:, 3] / length
        return (F.reshape(n, n_src * per) - self.scale_.mean) / self.scale_.std

    def fit(self, docs: Sequence[Document], y: NDArray[Any]) -> PolarityFeatures:
        """Learn vocabulary, scores and standardization from ``docs`` and labels ``y``."""
        X = self.fit_counts(docs)
        self.set_scale(self.column_scale(X, y))
        return self

    def term_scores(self) -> dict[str, NDArray[np.float64]]:
        """Each source's score per vocabulary term (NaN = unscored), by source name."""
        return dict(zip(self.source_names(), self.scale_.scores, strict=True))

    # -- explanation ---------------------------------------------------------------------
    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Share of ``weights · features(doc)`` carried by each token (the constant part of the
        standardization is no token's: :meth:`decompose` gives it apart).

        A max (min) feature is attributed to the tokens holding the maximum (minimum) score, a
        mean to every scored token in proportion to its score, a share to every token it
        counts. Exact: the contributions sum to ``weights · features + weights · mean / std``.
        """
        terms = token_terms(doc, self.negation)
        S = self.scale_.scores
        w = np.asarray(weights, dtype=np.float64) / self.scale_.std
        blocks = self._blocks(doc, list(range(len(terms))))  # token indices per block
        ids = [self.vocab_.get(t) for t in terms]
        out = np.zeros(len(terms))
        per = len(STATS) + (2 if self.extras else 0)
        col = 0
        for block in blocks:
            for r in range(S.shape[0]):
                idx = [i for i in block if ids[i] is not None and math.isfinite(S[r, ids[i]])]
                wb = w[col : col + per]
                col += per
                if not idx:
                    continue
                vals = np.array([S[r, ids[i]] for i in idx])
                hi, lo = vals.max(), vals.min()
                at_hi = [i for i, v in zip(idx, vals, strict=True) if v == hi]
                at_lo = [i for i, v in zip(idx, vals, strict=True) if v == lo]
                for i in at_hi:
                    out[i] += wb[0] * hi / len(at_hi)
                for i in at_lo:
                    out[i] += wb[1] * lo / len(at_lo)
                for i, v in zip(idx, vals, strict=True):
                    out[i] += wb[2] * v / len(idx)
                if self.extras:
                    # a share counts among the block's tokens the vocabulary has (as the
                    # features do: an unknown token is in no count row)
                    known = sum(ids[i] is not None for i in block)
                    for i, v in zip(idx, vals, strict=True):
                        if v > 0:
                            out[i] += wb[3] / known
                        elif v < 0:
                            out[i] += wb[4] / known
        return [float(v) for v in out]

    def token_contributions_batch(
        self, docs: Sequence[Document], weights: NDArray[np.float64]
    ) -> list[NDArray[np.float64]]:
        """:meth:`token_contributions` of each of ``docs``, with array operations over all
        their tokens at once (the per-document loop where the family reads sentence
        positions)."""
        if self.positions:
            return [np.asarray(self.token_contributions(d, weights)) for d in docs]
        terms = [token_terms(d, self.negation) for d in docs]
        lengths = np.asarray([len(t) for t in terms], dtype=np.int64)
        out = np.zeros(int(lengths.sum()))
        if not len(out):
            return [np.zeros(0) for _ in docs]
        get = self.vocab_.get
        ids = np.asarray([get(t, -1) for ts in terms for t in ts], dtype=np.int64)
        doc_of = np.repeat(np.arange(len(docs)), lengths)
        known = np.bincount(doc_of[ids >= 0], minlength=len(docs)).astype(np.float64)
        S = self.scale_.scores
        w = np.asarray(weights, dtype=np.float64) / self.scale_.std
        per = len(STATS) + (2 if self.extras else 0)
        n = len(docs)
        for r in range(S.shape[0]):
            v = np.where(ids >= 0, S[r, np.maximum(ids, 0)], np.nan)
            ok = np.isfinite(v)
            if not ok.any():
                continue
            wb = w[r * per : (r + 1) * per]
            d, x = doc_of[ok], v[ok]
            count = np.bincount(d, minlength=n).astype(np.float64)
            hi = np.full(n, -np.inf)
            lo = np.full(n, np.inf)
            np.maximum.at(hi, d, x)
            np.minimum.at(lo, d, x)
            at_hi, at_lo = x == hi[d], x == lo[d]
            n_hi = np.bincount(d[at_hi], minlength=n).astype(np.float64)
            n_lo = np.bincount(d[at_lo], minlength=n).astype(np.float64)
            share = np.where(at_hi, wb[0] * hi[d] / np.maximum(n_hi[d], 1.0), 0.0)
            share += np.where(at_lo, wb[1] * lo[d] / np.maximum(n_lo[d], 1.0), 0.0)
            share += wb[2] * x / count[d]
            if self.extras:
                share += np.where(x > 0, wb[3] / known[d], 0.0)
                share += np.where(x < 0, wb[4] / known[d], 0.0)
            out[np.flatnonzero(ok)] += share
        return list(np.split(out, np.cumsum(lengths)[:-1]))

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """The token contributions, and the constant part of the standardization
        (``−weights · mean / std``: the same for every document) under
        ``"standardization"``; together ``weights · transform([doc])``."""
        shares = np.asarray(self.token_contributions(doc, weights), dtype=np.float64)
        w = np.asarray(weights, dtype=np.float64)
        return shares, {"standardization": -float(w @ (self.scale_.mean / self.scale_.std))}

    # -- persistence ---------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings and vocabulary (JSON-able) and the score/standardization arrays."""
        meta: dict[str, Any] = {
            "name": self.name,
            "sources": list(self.sources),
            "scheme": self.scheme,
            "alpha": self.alpha,
            "negation": self.negation,
            "cooc_corpus": self.cooc_corpus,
            "cooc_window": self.cooc_window,
            "cooc_min_count": self.cooc_min_count,
            "cooc_unseen": self.cooc_unseen,
            "lexicons": list(self.lexicons),
            "transfer": list(self.transfer),
            "extras": self.extras,
            "positions": self.positions,
            "lexicon_words": self.lexicon_words,
            "lang": self.lang,
            "vocabulary": sorted(self.vocab_, key=self.vocab_.__getitem__),
        }
        arrays: dict[str, NDArray[Any]] = {
            "scores": self.scale_.scores.astype(np.float32),
            "mean": self.scale_.mean,
            "std": self.scale_.std,
        }
        return meta, arrays

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> PolarityFeatures:
        """Rebuild a fitted family from :meth:`to_state` output."""
        params = {k: v for k, v in meta.items() if k not in ("name", "vocabulary")}
        params.setdefault("cooc_unseen", "constant")  # bundles from before the option
        obj = cls(**params)
        obj.vocab_ = {t: i for i, t in enumerate(meta["vocabulary"])}
        obj.scale_ = PolarityScale(
            np.asarray(arrays["scores"], dtype=np.float64),
            np.asarray(arrays["mean"], dtype=np.float64),
            np.asarray(arrays["std"], dtype=np.float64),
        )
        return obj
