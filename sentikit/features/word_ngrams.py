"""Binary word n-grams: the :class:`WordNgrams` family (``sentikit.word_ngrams.v1``).

Binary word n-grams over the normalized token forms, negated tokens marked (``güzel_NEG``),
optionally cut to a prefix stem (:func:`prefix_stem`), scaled per column by the NB log-count
ratio (NBSVM) for binary tasks or by idf for multi-class tasks, rows L2-normalized. Word forms
get integer ids and an n-gram is an int64 key packing them, so a batch is vectorized with numpy
(one dictionary lookup per distinct term of a :class:`~sentikit.features.batch.TokenBatch`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import registry
from sentikit.doc import NEG_SUFFIX, Document
from sentikit.features.batch import (
    TokenBatch,
    _column_table,
    _row_logits,
    _row_pointers,
    _row_values,
    cell_logits,
    l2_normalize_rows,
    token_terms,
)
from sentikit.stats.weights import nb_ratio_or_idf


def prefix_stem(term: str, k: int) -> str:
    """The first ``k`` letters of an alphabetic term (its ``_NEG`` marker kept); any other
    term (numbers, punctuation, mixed) unchanged.

    Examples
    --------
    >>> prefix_stem("güzeldi", 5), prefix_stem("beğenmedim_NEG", 5), prefix_stem("10/10", 5)
    ('güzel', 'beğen_NEG', '10/10')
    """
    base, neg = (term[: -len(NEG_SUFFIX)], NEG_SUFFIX) if term.endswith(NEG_SUFFIX) else (term, "")
    if len(base) <= k or not base.isalpha():
        return term
    return base[:k] + neg


class _UnitLookup(dict[str, int]):
    """A copy of a unit vocabulary (``source``) where an unknown unit maps to −1."""

    def __init__(self, source: dict[str, int]) -> None:
        super().__init__(source)
        self.source = source

    def __missing__(self, key: str) -> int:
        return -1


_STEM_MEMO_MAX = 500_000
"""Terms whose prefix-stem unit a WordNgrams family remembers (cleared when full)."""

_MAX_UNITS = (1 << 21) - 2
"""Word forms a WordNgrams vocabulary can hold: an n-gram key packs n ≤ 3 ids of 21 bits."""


@registry.families.register("sentikit.word_ngrams.v1")
class WordNgrams:
    """Binary word n-grams with NB log-count-ratio (binary) or idf (multi-class) scaling.

    Each word form ("unit") gets an integer id; an n-gram is the int64 key packing its unit
    ids, and the vocabulary is a sorted array of keys. A batch is vectorized with numpy
    (one dictionary lookup per token, then array arithmetic and ``searchsorted``).

    Parameters
    ----------
    ngram_range : smallest and largest n (n ≤ 3).
    negation : mark tokens in a negation scope with ``_NEG``.
    min_df : drop n-grams seen in fewer training documents.
    alpha : smoothing of the NB ratio.
    prefix : if set, an alphabetic word form is cut to its first ``prefix`` letters before
        n-grams are formed (``güzeldi`` → ``güzel`` with 5): the "first-five-letters" stemmer
        that works well for Turkish (Can et al., 2008), a cheap stand-in for lemmas that needs
        no morphological analysis. A ``_NEG`` marker is kept.
    """

    name = "sentikit.word_ngrams.v1"
    augmentable = True  # counts + a column scaling: may learn from auxiliary corpora too

    def __init__(
        self,
        ngram_range: tuple[int, int] = (1, 3),
        negation: bool = True,
        min_df: int = 1,
        alpha: float = 1.0,
        prefix: int | None = None,
    ) -> None:
        self.ngram_range = tuple(ngram_range)
        self.negation = negation
        self.min_df = min_df
        self.alpha = alpha
        self.prefix = prefix

    def _unit_terms(self, terms: list[str]) -> list[str]:
        """The unit of each term: the term itself, or its prefix stem (see ``prefix``)."""
        k = self.prefix
        if k is None:
            return terms
        if k < 1:
            raise ValueError(f"prefix must be ≥ 1, not {k}")
        return [prefix_stem(t, k) for t in terms]

    # -- keys ----------------------------------------------------------------------------
    def _unit_array(
        self, docs: Sequence[Document], grow: bool = False
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Unit ids of all tokens of ``docs`` (−1 unknown) and the document of each."""
        units = self.units_
        negation = self.negation
        terms: list[str] = []
        lengths: list[int] = []
        for d in docs:
            dt = self._unit_terms(token_terms(d, negation))
            terms.extend(dt)
            lengths.append(len(dt))
        if grow:
            ids = [units.setdefault(t, len(units)) for t in terms]
        else:
            ids = list(map(self._unit_lookup().__getitem__, terms))
        if len(units) > _MAX_UNITS:
            raise ValueError(f"more than {_MAX_UNITS} distinct word forms")
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        return np.asarray(ids, dtype=np.int64), doc_of

    def _unit_lookup(self) -> _UnitLookup:
        units = self.units_
        lookup: _UnitLookup | None = getattr(self, "_lookup", None)
        if lookup is None or lookup.source is not units or len(lookup) != len(units):
            lookup = self._lookup = _UnitLookup(units)
        return lookup

    def _batch_units(self, batch: TokenBatch) -> NDArray[np.int64]:
        """Unit ids of all tokens of ``batch`` (−1 unknown), one lookup per distinct term."""
        terms, tids = batch.term_index(self.negation)
        if self.prefix is None:
            found: Any = map(self.units_.get, terms, repeat(-1))
        else:  # a term's unit through its prefix stem, remembered across batches
            held: tuple[dict[str, int], dict[str, int]] | None = getattr(self, "_stem_memo", None)
            if held is None or held[0] is not self.units_ or len(held[1]) > _STEM_MEMO_MAX:
                held = (self.units_, {})
                self._stem_memo = held
            memo = held[1]
            found = list(map(memo.get, terms))
            if None in found:
                get = self.units_.get
                for k, (t, u) in enumerate(zip(terms, found, strict=True)):
                    if u is None:
                        u = found[k] = memo[t] = get(prefix_stem(t, self.prefix), -1)
        umap = np.fromiter(found, dtype=np.int64, count=len(terms))
        return umap[tids]

    def _positions(
        self, U: NDArray[np.int64], doc_of: NDArray[np.int64]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
        """Every n-gram occurrence: (document, start position, n, key); unknown units skipped."""
        lo, hi = self.ngram_range
        docs, starts, ns, keys = [], [], [], []
        for n in range(lo, hi + 1):
            m = len(U) - n + 1
            if m <= 0:
                continue
            key = np.zeros(m, dtype=np.int64)
            ok = doc_of[:m] == doc_of[n - 1 :]
            for k in range(n):
                part = U[k : k + m]
                ok &= part >= 0
                key = (key << 21) | (part + 1)
            idx = np.flatnonzero(ok)
            docs.append(doc_of[idx])
            starts.append(idx)
            ns.append(np.full(len(idx), n, dtype=np.int64))
            keys.append(key[idx])
        if not keys:
            z = np.zeros(0, dtype=np.int64)
            return z, z, z, z
        return (
            np.concatenate(docs),
            np.concatenate(starts),
            np.concatenate(ns),
            np.concatenate(keys),
        )

    def _columns(self, keys: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
        # searching in sorted order is several times faster (cache-friendly), same positions
        # (any sort will do: equal keys get equal positions, so stability is not needed)
        order = np.argsort(keys)
        pos = np.empty(len(keys), dtype=np.int64)
        pos[order] = np.searchsorted(self.keys_, keys[order])
        pos = np.minimum(pos, max(len(self.keys_) - 1, 0))
        hit = (self.keys_[pos] == keys) if len(self.keys_) else np.zeros(len(keys), bool)
        return pos, hit

    # -- fitting and transforming --------------------------------------------------------
    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Learn the vocabulary (no labels used); return the raw binary count matrix."""
        self.units_: dict[str, int] = {}
        U, doc_of = self._unit_array(docs, grow=True)
        d, _, _, keys = self._positions(U, doc_of)
        pairs = np.unique(np.stack([keys, d]), axis=1)  # one (key, doc) per document
        uniq, df = np.unique(pairs[0], return_counts=True)
        self.keys_ = uniq[df >= self.min_df]
        return self._counts_from(d, keys, len(docs))

    def _counts_from(
        self, d: NDArray[np.int64], keys: NDArray[np.int64], n_docs: int
    ) -> sp.csr_matrix:
        cols, hit = self._columns(keys)
        m = sp.csr_matrix(
            (np.ones(int(hit.sum())), (d[hit], cols[hit])), shape=(n_docs, len(self.keys_))
        )
        m.sum_duplicates()
        m.data[:] = 1.0
        return m

    def _counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        U, doc_of = self._unit_array(docs)
        d, _, _, keys = self._positions(U, doc_of)
        return self._counts_from(d, keys, len(docs))

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> NDArray[np.float64]:
        """Per-column scaling learnt from counts ``X`` and labels ``y`` (NB ratio or idf)."""
        return nb_ratio_or_idf(X, y, self.alpha)

    def weigh(self, X: sp.csr_matrix, scale: NDArray[np.float64]) -> sp.csr_matrix:
        """Counts → features with the given column scaling (rows L2-normalized)."""
        X = X.copy()
        X.data *= scale[X.indices]
        return l2_normalize_rows(X)

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        self.scale_ = scale

    def fit_transform(self, docs: Sequence[Document], y: NDArray[Any]) -> sp.csr_matrix:
        """Learn the vocabulary and column scaling; return the training matrix."""
        X = self.fit_counts(docs)
        self.scale_ = self.column_scale(X, y)
        return self.weigh(X, self.scale_)

    def fit(self, docs: Sequence[Document], y: NDArray[Any]) -> WordNgrams:
        self.fit_transform(docs, y)
        return self

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Feature matrix of ``docs`` (rows L2-normalized)."""
        X = self._counts(docs)  # a fresh matrix: weighed in place (as :meth:`weigh` does)
        X.data *= self.scale_[X.indices]
        return l2_normalize_rows(X)

    def _unigram_table(self) -> NDArray[np.int64]:
        """Column of each unigram key (unit id + 1), −1 where the unigram is not a column."""
        memo = getattr(self, "_unigram_memo", None)
        if memo is None or memo[0] is not self.keys_ or len(memo[1]) < len(self.units_) + 1:
            keys = self.keys_
            n1 = int(np.searchsorted(keys, 1 << 21))  # unigram keys sort first
            table = np.full(max(len(self.units_), int(keys[:n1].max(initial=0))) + 1, -1)
            table[keys[:n1]] = np.arange(n1)
            memo = self._unigram_memo = (keys, table.astype(np.int64))
        out: NDArray[np.int64] = memo[1]
        return out

    def _batch_cells(self, batch: TokenBatch) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """The distinct (row, column) cells of ``batch``'s count matrix, sorted by row, then
        column. A document's n-gram occurrences are found and looked up once; a segment's row
        holds those whose tokens all lie in the segment."""
        d, starts, ns, keys = self._positions(self._batch_units(batch), batch.doc_of)
        # occurrences come n by n: unigrams (key = unit + 1) from a table, the rest searched
        n1 = int(np.searchsorted(ns, 2))
        cols = np.empty(len(keys), dtype=np.int64)
        hit = np.empty(len(keys), dtype=np.bool_)
        cols[:n1] = self._unigram_table()[keys[:n1]]
        np.greater_equal(cols[:n1], 0, out=hit[:n1])
        cols[n1:], hit[n1:] = self._columns(keys[n1:])
        if batch.segments:
            seg_of = batch.segment_of()
            first = seg_of[starts]
            inside = (first >= 0) & (first == seg_of[starts + ns - 1]) & hit
            rows = np.concatenate([d[hit], first[inside] + batch.n_docs])
            cols = np.concatenate([cols[hit], cols[inside]])
        else:
            rows, cols = d[hit], cols[hit]
        width = max(len(self.keys_), 1)
        cells = np.sort(rows * width + cols)
        if len(cells):
            keep = np.empty(len(cells), dtype=np.bool_)
            keep[0] = True
            np.not_equal(cells[1:], cells[:-1], out=keep[1:])
            cells = cells[keep]
        rows = cells // width
        return rows, cells - rows * width

    def transform_batch(self, batch: TokenBatch) -> sp.csr_matrix:
        """:meth:`transform` of ``batch.documents()`` (see :class:`TokenBatch`)."""
        rows, cols = self._batch_cells(batch)
        X = sp.csr_matrix(
            (self.scale_[cols], cols, _row_pointers(rows, batch.n_rows)),
            shape=(batch.n_rows, len(self.keys_)),
        )
        return l2_normalize_rows(X)

    def logits_batch(
        self, batch: TokenBatch, coef: NDArray[np.float64], intercept: Any = 0.0
    ) -> NDArray[np.float64]:
        """``transform_batch(batch) @ coef.T + intercept`` (``coef``: one row per output, or
        one vector), summed per row without building the matrix (same up to rounding)."""
        rows, cols = self._batch_cells(batch)
        table = _column_table(self, coef, self.scale_)
        return _row_logits(_row_pointers(rows, batch.n_rows), table, cols, intercept)

    def vocabulary(self) -> list[str]:
        """The n-grams of the columns, in column order (words joined by a space)."""
        names = sorted(self.units_, key=self.units_.__getitem__)
        out = []
        for key in self.keys_.tolist():
            parts = []
            while key:
                parts.append(names[(key & ((1 << 21) - 1)) - 1])
                key >>= 21
            out.append(" ".join(reversed(parts)))
        return out

    def known_units(self) -> list[str]:
        """The word forms the family has columns for (none with a prefix stemmer, whose units
        are stems, not forms); negation marks kept (the ensemble removes them)."""
        return list(self.units_) if self.prefix is None else []

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Share of ``transform([doc]) · weights`` carried by each token of ``doc``.

        An n-gram's contribution is split evenly among the tokens it spans; a repeated n-gram
        (binary feature) is split among its occurrences. Computed with arrays over the
        n-gram occurrences (memory linear in the document, whatever the vocabulary size).
        """
        n_tok = len(doc.tokens)
        x = self.transform([doc])
        U, doc_of = self._unit_array([doc])
        _, starts, ns, keys = self._positions(U, doc_of)
        cols, hit = self._columns(keys)
        cols, starts, ns = cols[hit], starts[hit], ns[hit]
        if not len(cols):
            return [0.0] * n_tok
        uniq, inv, n_occ = np.unique(cols, return_inverse=True, return_counts=True)
        value = _row_values(x, uniq)
        per_col = value * np.asarray(weights, dtype=np.float64)[uniq] / n_occ
        share = per_col[inv] / ns  # each token an occurrence spans gets this much
        out = np.zeros(n_tok)
        for k in range(int(ns.max())):
            m = ns > k
            out += np.bincount(starts[m] + k, weights=share[m], minlength=n_tok)
        return [float(v) for v in out]

    def token_contributions_batch(
        self, docs: Sequence[Document], weights: NDArray[np.float64]
    ) -> list[NDArray[np.float64]]:
        """:meth:`token_contributions` of each of ``docs``, from one pass over them."""
        return self.logits_and_contributions(docs, None, 0.0, weights)[1]

    def logits_and_contributions(
        self,
        docs: Sequence[Document],
        coef: NDArray[np.float64] | None,
        intercept: Any,
        weights: NDArray[np.float64],
        batch: TokenBatch | None = None,
    ) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
        """``transform(docs) @ coef.T + intercept`` (``coef``: one row per output; ``None``:
        none, an empty array) and :meth:`token_contributions` of each of ``docs`` for
        ``weights``, from one pass that finds each document's n-grams once. The features are
        binary, so a cell's value is its column's scale over its row's norm: no matrix is
        built. ``batch``: ``TokenBatch(docs)`` when already at hand."""
        batch = TokenBatch(docs) if batch is None else batch
        U, doc_of = self._batch_units(batch), batch.doc_of
        out = np.zeros(len(U))
        d, starts, ns, keys = self._positions(U, doc_of)
        cols, hit = self._columns(keys)
        d, cols, starts, ns = d[hit], cols[hit], starts[hit], ns[hit]
        width = np.int64(max(len(self.keys_), 1))
        uniq, inv, n_occ = np.unique(d * width + cols, return_inverse=True, return_counts=True)
        rows, ucols = uniq // width, uniq % width
        scale = self.scale_[ucols]
        norm = np.sqrt(np.bincount(rows, weights=scale * scale, minlength=len(docs)))
        norm[norm == 0.0] = 1.0
        value = scale / norm[rows]
        logits = cell_logits(rows, ucols, value, coef, intercept, len(docs))
        if len(ucols):
            per = value * np.asarray(weights, dtype=np.float64)[ucols] / n_occ
            share = per[inv] / ns
            for k in range(int(ns.max())):
                m = ns > k
                out += np.bincount(starts[m] + k, weights=share[m], minlength=len(U))
        bounds = np.cumsum(np.bincount(doc_of, minlength=len(docs)))[:-1]
        return logits, list(np.split(out, bounds))

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """Every n-gram lies on tokens: the token contributions are the whole score (the L2
        normalization is in each column's value), nothing is left over."""
        return np.asarray(self.token_contributions(doc, weights), dtype=np.float64), {}

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """JSON-able settings + word forms, and arrays (n-gram keys, scaling), for a bundle."""
        meta = {
            "name": self.name,
            "ngram_range": list(self.ngram_range),
            "negation": self.negation,
            "min_df": self.min_df,
            "alpha": self.alpha,
            "prefix": self.prefix,
            "units": sorted(self.units_, key=self.units_.__getitem__),
        }
        return meta, {"scale": self.scale_, "keys": self.keys_}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> WordNgrams:
        obj = cls(
            tuple(meta["ngram_range"]),
            meta["negation"],
            meta["min_df"],
            meta["alpha"],
            meta.get("prefix"),
        )
        obj.units_ = {t: i for i, t in enumerate(meta["units"])}
        obj.keys_ = np.asarray(arrays["keys"], dtype=np.int64)
        obj.scale_ = np.asarray(arrays["scale"], dtype=np.float64)
        return obj
