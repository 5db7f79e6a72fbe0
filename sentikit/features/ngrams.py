"""Sparse n-gram feature families over :class:`~sentikit.doc.Document` tokens.

Two families, each a fitted component with a versioned registry name:

- :class:`WordNgrams` (``sentikit.word_ngrams.v1``): binary word n-grams over the normalized
  token forms, with negated tokens marked (``güzel_NEG``), scaled per column by the NB
  log-count ratio (NBSVM) for binary tasks or by idf for multi-class tasks, rows L2-normalized.
- :class:`CharNgrams` (``sentikit.char_ngrams.v1``): character n-grams inside word boundaries
  (``char_wb``), sublinear tf-idf, rows L2-normalized.

Both expose ``fit(docs, y)``, ``transform(docs)``, ``token_contributions(doc, weights)`` (how
much each token contributes to ``x · weights``) and ``to_state()`` / ``from_state()`` for
pickle-free bundles (vocabulary as a JSON list, weights as arrays).

Vectorization is batched and cached per word type: a token form's character n-gram ids are
computed once and reused, and a batch's matrix is assembled with one sparse constructor, which is
what makes inference fast (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.doc import Document, Sentence
from sentikit.stats.weights import nb_ratio_or_idf

NEG_SUFFIX = "_NEG"
"""Marker appended to a token form in a negation scope (METHODS.md §5: negation markers)."""


def token_terms(doc: Document, negation: bool = True) -> list[str]:
    """The normalized forms of a document's tokens, negated ones marked with ``_NEG``.

    Reads the document's token columns when its Tokens are not built (the fast path), so it
    never builds Token objects.
    """
    forms = doc.token_forms()
    if negation:
        neg = doc.token_negated()
        if any(neg):
            return [f + NEG_SUFFIX if g else f for f, g in zip(forms, neg, strict=True)]
    return forms


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


def l2_normalize_rows(X: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row of ``X`` in place to unit L2 norm (empty rows stay empty)."""
    n = X.shape[0]
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    norms = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=n))
    norms[norms == 0.0] = 1.0
    X.data /= norms[rows]
    return X


def char_wb_ngrams(word: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of one word padded with a space on each side.

    Matches scikit-learn's ``analyzer="char_wb"`` on a single word.

    Examples
    --------
    >>> char_wb_ngrams("iyi", 2, 3)
    [' i', 'iy', 'yi', 'i ', ' iy', 'iyi', 'yi ']
    """
    w = f" {word} "
    out: list[str] = []
    for n in range(lo, hi + 1):
        if n > len(w):
            break
        out.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return out


def sentence_segments(docs: Sequence[Document]) -> list[tuple[int, Sentence]]:
    """The segments a batch scores besides its documents: each non-empty sentence of every
    multi-sentence document, with the document's index (a one-sentence document's sentence is
    the document itself)."""
    return [
        (k, s)
        for k, d in enumerate(docs)
        if len(d.sentences) > 1
        for s in d.sentences
        if s.token_end > s.token_start
    ]


def _forms_view(doc: Document) -> Sequence[str]:
    """``doc.token_forms()`` without the copy (read-only use)."""
    cols = doc.__dict__.get("_columns")
    return cols.norms if cols is not None else doc.token_forms()


def _negated_view(doc: Document) -> Sequence[bool]:
    """``doc.token_negated()`` without the copy (read-only use)."""
    cols = doc.__dict__.get("_columns")
    if cols is not None and cols.negated is not None:
        return cols.negated
    return doc.token_negated()


class TokenBatch:
    """The tokens of a batch of documents, flattened once for every feature family of one
    prediction, and sentence segments whose rows come from the same token occurrences.

    Row ``i < len(docs)`` is ``docs[i]``; row ``len(docs) + k`` is segment ``k``, a sentence
    ``s`` of ``docs[i]`` given as ``(i, s)`` (its tokens ``[s.token_start, s.token_end)``).
    The segments of one document must not overlap (sentences never do). A family's
    ``transform_batch(batch)`` gives the matrix that its ``transform`` gives for the documents
    followed by one :meth:`~sentikit.doc.Document.sentence_document` per segment
    (:meth:`documents`), computing each token's ids and each n-gram occurrence once.

    Parameters
    ----------
    docs : the documents.
    segments : ``(document index, Sentence)`` pairs, one more row each.
    """

    def __init__(
        self, docs: Sequence[Document], segments: Sequence[tuple[int, Sentence]] = ()
    ) -> None:
        self.docs = docs
        self.segments = segments
        self.n_docs = len(docs)
        self.n_rows = len(docs) + len(segments)
        self._memo: dict[Any, Any] = {}

    def documents(self) -> list[Document]:
        """One Document per row: the documents, then one per segment (its sentence's)."""
        if "documents" not in self._memo:
            docs = self.docs
            subs = [docs[i].sentence_document(s) for i, s in self.segments]
            self._memo["documents"] = list(docs) + subs
        out: list[Document] = self._memo["documents"]
        return out

    def _tokens(self) -> tuple[list[str], list[int]]:
        if "tokens" not in self._memo:
            per_doc = list(map(_forms_view, self.docs))
            forms = list(chain.from_iterable(per_doc))
            self._memo["tokens"] = (forms, list(map(len, per_doc)))
        out: tuple[list[str], list[int]] = self._memo["tokens"]
        return out

    @property
    def lengths(self) -> list[int]:
        """Tokens per document."""
        return self._tokens()[1]

    @property
    def doc_of(self) -> NDArray[np.int64]:
        """The document of each token (all documents' tokens in order)."""
        if "doc_of" not in self._memo:
            self._memo["doc_of"] = np.repeat(
                np.arange(self.n_docs, dtype=np.int64), np.asarray(self.lengths, dtype=np.int64)
            )
        out: NDArray[np.int64] = self._memo["doc_of"]
        return out

    def form_index(self) -> tuple[list[str], NDArray[np.int64]]:
        """The distinct token forms of the batch (first occurrence order) and each token's
        index into them."""
        if "forms" not in self._memo:
            forms = self._tokens()[0]
            # pandas' hash table (first-occurrence order, as dict.fromkeys): ~2× faster than
            # a dict lookup per token
            codes, uniques = pd.factorize(np.asarray(forms, dtype=object))
            self._memo["forms"] = (uniques.tolist(), codes.astype(np.int64, copy=False))
        out: tuple[list[str], NDArray[np.int64]] = self._memo["forms"]
        return out

    def term_index(self, negation: bool) -> tuple[list[str], NDArray[np.int64]]:
        """:func:`token_terms` of every token as distinct terms and each token's index into
        them (the forms when ``negation`` is off or no token is negated)."""
        forms, fids = self.form_index()
        if not negation:
            return forms, fids
        if "terms" not in self._memo:
            neg = np.fromiter(
                chain.from_iterable(map(_negated_view, self.docs)),
                dtype=np.bool_,
                count=len(fids),
            )
            if not neg.any():
                self._memo["terms"] = (forms, fids)
            else:
                key = fids * 2 + neg
                present = np.zeros(2 * len(forms), dtype=np.bool_)
                present[key] = True
                uniq = np.flatnonzero(present)
                terms = [
                    forms[k >> 1] + NEG_SUFFIX if k & 1 else forms[k >> 1] for k in uniq.tolist()
                ]
                self._memo["terms"] = (terms, (np.cumsum(present) - 1)[key])
        out: tuple[list[str], NDArray[np.int64]] = self._memo["terms"]
        return out

    def segment_tokens(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """The batch positions of each segment's tokens (segment after segment) and the
        number of tokens of each segment."""
        if "seg_tokens" not in self._memo:
            lens = np.asarray(self.lengths, dtype=np.int64)
            offsets = np.zeros(len(lens) + 1, dtype=np.int64)
            np.cumsum(lens, out=offsets[1:])
            segs = self.segments
            doc = np.fromiter((i for i, _ in segs), dtype=np.int64, count=len(segs))
            a = np.fromiter((s.token_start for _, s in segs), dtype=np.int64, count=len(segs))
            b = np.fromiter((s.token_end for _, s in segs), dtype=np.int64, count=len(segs))
            b = np.minimum(b, lens[doc]) if len(segs) else b
            seg_len = np.maximum(b - a, 0)
            ends = np.cumsum(seg_len)
            first = offsets[doc] + a  # batch position of each segment's first token
            pos = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
            pos += np.repeat(first - (ends - seg_len), seg_len)
            self._memo["seg_tokens"] = (pos, seg_len)
        out: tuple[NDArray[np.int64], NDArray[np.int64]] = self._memo["seg_tokens"]
        return out

    def segment_of(self) -> NDArray[np.int64]:
        """The segment of each token (−1: none)."""
        if "seg_of" not in self._memo:
            pos, seg_len = self.segment_tokens()
            seg_of = np.full(len(self.doc_of), -1, dtype=np.int64)
            seg_of[pos] = np.repeat(np.arange(len(seg_len), dtype=np.int64), seg_len)
            if len(pos) and (seg_of >= 0).sum() != len(pos):
                raise ValueError("the segments of a document overlap")
            self._memo["seg_of"] = seg_of
        out: NDArray[np.int64] = self._memo["seg_of"]
        return out


def _row_pointers(rows: NDArray[np.int64], n_rows: int) -> NDArray[np.int64]:
    """CSR row pointers of entries sorted by ``rows``."""
    ptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=ptr[1:])
    return ptr


def _column_table(
    fam: Any, coef: NDArray[np.float64], scale: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``scale * coef`` as a ``(columns, outputs)`` matrix and ``scale ** 2`` (both
    C-contiguous), kept for the last ``coef`` and ``scale``."""
    memo = getattr(fam, "_table_memo", None)
    if memo is None or memo[0] is not coef or memo[1] is not scale:
        c2 = np.atleast_2d(np.asarray(coef, dtype=np.float64))
        weights = np.ascontiguousarray((c2 * scale).T)
        memo = fam._table_memo = (coef, scale, (weights, np.ascontiguousarray(scale * scale)))
    out: tuple[NDArray[np.float64], NDArray[np.float64]] = memo[2]
    return out


def _row_logits(
    indptr: NDArray[np.int64],
    table: tuple[NDArray[np.float64], NDArray[np.float64]],
    cols: NDArray[np.int64],
    intercept: Any,
    tf: NDArray[np.float64] | None = None,
) -> NDArray[np.float64]:
    """The logits of L2-normalized rows without normalizing them: per CSR row (``indptr``,
    entries ``cols``, values ``tf · scale`` or ``scale`` when ``tf`` is ``None``),
    ``Σ tf·scale·coef / sqrt(Σ (tf·scale)²)`` for each output of ``table``
    (:func:`_column_table`), plus ``intercept``; an empty row gets ``intercept``.

    Both sums are sparse matrix–vector products (one C loop over the entries each, no
    temporary array per entry). ``tf`` is overwritten."""
    weights, sq = table
    shape = (len(indptr) - 1, len(sq))
    if tf is None:
        tf = np.ones(len(cols))
        num = sp.csr_matrix((tf, cols, indptr), shape=shape) @ weights
    else:
        num = sp.csr_matrix((tf, cols, indptr), shape=shape) @ weights
        np.multiply(tf, tf, out=tf)
    norm = np.sqrt(sp.csr_matrix((tf, cols, indptr), shape=shape) @ sq)
    norm[norm == 0.0] = 1.0  # all-zero values: the row stays zero (l2_normalize_rows)
    out: NDArray[np.float64] = np.asarray(num) / norm[:, None]
    return out + intercept


def _row_values(x: sp.csr_matrix, cols: NDArray[np.int64]) -> NDArray[np.float64]:
    """The values of the one-row matrix ``x`` at columns ``cols`` (0 where absent)."""
    order = np.argsort(x.indices, kind="stable")
    idx, data = x.indices[order], x.data[order]
    pos = np.minimum(np.searchsorted(idx, cols), max(len(idx) - 1, 0))
    found = idx[pos] == cols if len(idx) else np.zeros(len(cols), dtype=np.bool_)
    out: NDArray[np.float64] = np.where(found, data[pos] if len(idx) else 0.0, 0.0)
    return out


class _Family:
    """Vocabulary handling of string-keyed families (learnt from per-document terms)."""

    name = ""
    vocab_: dict[Any, int]

    def _doc_terms(self, doc: Document) -> list[str]:
        raise NotImplementedError

    def _learn_vocab(self, docs: Sequence[Document], min_df: int) -> None:
        df: dict[str, int] = {}
        for d in docs:
            for t in set(self._doc_terms(d)):
                df[t] = df.get(t, 0) + 1
        kept = sorted(t for t, c in df.items() if c >= min_df)
        self.vocab_ = {t: i for i, t in enumerate(kept)}

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        """Install the column scaling learnt by :meth:`column_scale`."""
        raise NotImplementedError

    def vocabulary(self) -> list[str]:
        return sorted(self.vocab_, key=self.vocab_.__getitem__)


class _Positions(dict[str, int]):
    """Key → insertion position; ``index[key]`` adds a new key (one C-level lookup per hit)."""

    def __missing__(self, key: str) -> int:
        pos = self[key] = len(self)
        return pos


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


class CharNgrams(_Family):
    """Character n-grams within word boundaries (``char_wb``), sublinear tf-idf.

    Parameters
    ----------
    ngram_range : smallest and largest n (characters).
    min_df : drop n-grams seen in fewer training documents.
    cache_size : word types whose n-gram ids are cached (cleared when full).
    """

    name = "sentikit.char_ngrams.v1"

    def __init__(
        self, ngram_range: tuple[int, int] = (1, 5), min_df: int = 2, cache_size: int = 200_000
    ) -> None:
        self.ngram_range = tuple(ngram_range)
        self.min_df = min_df
        self.cache_size = cache_size

    def _word_grams(self, form: str) -> list[str]:
        lo, hi = self.ngram_range
        out: list[str] = []
        for w in form.split():
            out.extend(char_wb_ngrams(w, lo, hi))
        return out

    def _doc_terms(self, doc: Document) -> list[str]:
        out: list[str] = []
        for t in doc.tokens:
            out.extend(self._word_grams(t.form))
        return out

    def _form_ids(self, form: str) -> NDArray[np.int64]:
        cache = self._cache
        ids = cache.get(form)
        if ids is None:
            get = self.vocab_.get
            found = (get(g) for g in self._word_grams(form))
            ids = np.asarray([j for j in found if j is not None], dtype=np.int64)
            if len(cache) >= self.cache_size:
                cache.clear()
            cache[form] = ids
        return ids

    def _counts(self, docs: Sequence[Document], canonical: bool = True) -> sp.csr_matrix:
        """Raw n-gram counts: (documents × forms) form counts times (forms × n-grams) counts.

        Each distinct form of the batch is looked up once; the product of the two sparse count
        matrices sums exactly the same integer counts as one entry per token occurrence would.
        ``canonical=False`` leaves each row's columns in the product's order (unsorted, no
        duplicates), which every later step accepts (inference skips the sort).
        """
        local = _Positions()
        at = local.__getitem__
        fids: list[int] = []
        n_tok = [0] * len(docs)
        for k, d in enumerate(docs):
            forms = d.token_forms()
            n_tok[k] = len(forms)
            fids.extend(map(at, forms))
        m = self._product(list(local), np.asarray(fids, dtype=np.int64), n_tok)
        if canonical:
            m.sum_duplicates()
            m.sort_indices()
        return m

    def _product(
        self, forms: list[str], fids: NDArray[np.int64], n_tok: Sequence[int] | NDArray[np.int64]
    ) -> sp.csr_matrix:
        """(rows × forms) counts — row ``r`` holds the forms ``fids`` of its ``n_tok[r]``
        tokens, rows one after the other — times (forms × n-grams) counts of ``forms``."""
        if not hasattr(self, "_cache"):
            self._cache: dict[str, NDArray[np.int64]] = {}
        n_forms = len(forms)
        cache = self._cache
        found: list[Any] = list(map(cache.get, forms))
        try:
            lens = list(map(len, found))
        except TypeError:  # some forms are not cached yet (len(None))
            form_ids = self._form_ids
            found = [a if a is not None else form_ids(f) for f, a in zip(forms, found, strict=True)]
            lens = list(map(len, found))
        per_form: list[NDArray[np.int64]] = found
        f_ptr = np.zeros(n_forms + 1, dtype=np.int64)
        np.cumsum(lens, out=f_ptr[1:])
        f_cols = np.concatenate(per_form) if per_form else np.zeros(0, dtype=np.int64)
        F = sp.csr_matrix((np.ones(len(f_cols)), f_cols, f_ptr), shape=(n_forms, len(self.vocab_)))
        t_ptr = np.zeros(len(n_tok) + 1, dtype=np.int64)
        np.cumsum(n_tok, out=t_ptr[1:])
        T = sp.csr_matrix((np.ones(len(fids)), fids, t_ptr), shape=(len(n_tok), n_forms))
        return sp.csr_matrix(T @ F)

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Learn the vocabulary (no labels used); return the raw count matrix."""
        self._learn_vocab(docs, self.min_df)
        self._cache = {}
        return self._counts(docs)

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> NDArray[np.float64]:
        """Smoothed idf of the rows of ``X`` (labels unused)."""
        df = np.bincount(X.indices, minlength=X.shape[1]).astype(np.float64)
        return np.asarray(np.log((1.0 + X.shape[0]) / (1.0 + df)) + 1.0)

    def weigh(self, X: sp.csr_matrix, scale: NDArray[np.float64]) -> sp.csr_matrix:
        """Counts → sublinear tf-idf with the given idf (rows L2-normalized)."""
        X = X.copy()
        X.data = (1.0 + np.log(X.data)) * scale[X.indices]
        return l2_normalize_rows(X)

    def fit_transform(self, docs: Sequence[Document], y: NDArray[Any]) -> sp.csr_matrix:
        X = self.fit_counts(docs)
        self.idf_ = self.column_scale(X, y)
        return self.weigh(X, self.idf_)

    def fit(self, docs: Sequence[Document], y: NDArray[Any]) -> CharNgrams:
        self.fit_transform(docs, y)
        return self

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        self.idf_ = scale

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Feature matrix of ``docs`` (rows L2-normalized; column order within a row
        unspecified)."""
        X = self._counts(docs, canonical=False)  # fresh: weighed in place, as in :meth:`weigh`
        X.data = (1.0 + np.log(X.data)) * self.idf_[X.indices]
        return l2_normalize_rows(X)

    def _batch_counts(self, batch: TokenBatch) -> sp.csr_matrix:
        forms, fids = batch.form_index()
        n_tok: Any = batch.lengths
        if batch.segments:
            pos, seg_len = batch.segment_tokens()
            fids = np.concatenate([fids, fids[pos]])
            n_tok = np.concatenate([np.asarray(n_tok, dtype=np.int64), seg_len])
        return self._product(forms, fids, n_tok)

    def transform_batch(self, batch: TokenBatch) -> sp.csr_matrix:
        """:meth:`transform` of ``batch.documents()``, from the batch's one form index (a
        segment's row sums its tokens' forms, as a sentence document's would)."""
        X = self._batch_counts(batch)
        X.data = (1.0 + np.log(X.data)) * self.idf_[X.indices]
        return l2_normalize_rows(X)

    def logits_batch(
        self, batch: TokenBatch, coef: NDArray[np.float64], intercept: Any = 0.0
    ) -> NDArray[np.float64]:
        """``transform_batch(batch) @ coef.T + intercept``, summed per row without
        normalizing the matrix (same up to rounding)."""
        X = self._batch_counts(batch)
        table = _column_table(self, coef, self.idf_)
        tf = np.log(X.data)
        tf += 1.0
        return _row_logits(X.indptr, table, X.indices, intercept, tf)

    def _form_counts(self, forms: Sequence[str]) -> sp.csr_matrix:
        """(forms × n-grams) counts of the n-grams of each form (canonical CSR)."""
        if not hasattr(self, "_cache"):
            self._cache = {}
        ids = list(map(self._form_ids, forms))
        ptr = np.zeros(len(forms) + 1, dtype=np.int64)
        np.cumsum(list(map(len, ids)), out=ptr[1:])
        flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        F = sp.csr_matrix((np.ones(len(flat)), flat, ptr), shape=(len(forms), len(self.vocab_)))
        F.sum_duplicates()
        return F

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Share of ``transform([doc]) · weights`` carried by each token.

        ``char_wb`` n-grams never cross a word boundary, so each n-gram belongs to the tokens
        whose form contains it; its contribution is split by occurrence count. Computed once
        per distinct form from the sparse (forms × n-grams) count matrix: a token gets
        ``Σ_j count(form, j) · value_j · weight_j / total_j`` (memory linear in the document).
        """
        x = self.transform([doc])
        forms, fids = TokenBatch([doc]).form_index()
        if not forms:
            return []
        F = self._form_counts(forms)
        n_form = np.bincount(fids, minlength=len(forms)).astype(np.float64)
        total = np.asarray(F.T @ n_form).ravel()  # occurrences of each n-gram in the document
        cols = np.unique(F.indices)
        per_gram = np.zeros(F.shape[1])
        per_gram[cols] = (
            _row_values(x, cols) * np.asarray(weights, dtype=np.float64)[cols] / total[cols]
        )
        per_form = np.asarray(F @ per_gram).ravel()
        out: list[float] = per_form[fids].tolist()
        return out

    def _form_occurrences(
        self, forms: Sequence[str], columns: NDArray[Any], chunk: int = 4096
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
        """Every occurrence of an n-gram among ``columns`` in the padded forms (`` form ``),
        form by form: its form, column, start in the padded form and length (scanned
        ``chunk`` forms at a time, so only that many forms' occurrences are Python objects)."""
        vocab = self.vocab_
        wanted = set(np.asarray(columns).tolist())
        lo, hi = self.ngram_range
        parts: list[NDArray[np.int64]] = []
        for c0 in range(0, len(forms), chunk):
            found: list[int] = []  # form, column, start, n for each occurrence
            for f in range(c0, min(c0 + chunk, len(forms))):
                w = f" {forms[f]} "
                for n in range(lo, hi + 1):
                    for i in range(len(w) - n + 1):
                        j = vocab.get(w[i : i + n])
                        if j is not None and j in wanted:
                            found += (f, j, i, n)
            parts.append(np.asarray(found, dtype=np.int64).reshape(-1, 4))
        table = np.concatenate(parts) if parts else np.zeros((0, 4), dtype=np.int64)
        return table[:, 0], table[:, 1], table[:, 2], table[:, 3]

    def char_contributions(
        self, doc: Document, weights: NDArray[np.float64], chunk: int = 4096
    ) -> list[NDArray[np.float64]]:
        """Per token, the contribution carried by each character of its form.

        Each n-gram occurrence's share (as in :meth:`token_contributions`) is spread evenly
        over the characters of the form it covers (the boundary spaces carry nothing), so
        summing a character range gives the part of the decision carried by that substring —
        used to score Turkish morphemes by their surface forms. Occurrences are found once
        per distinct form and spread with arrays, ``chunk`` distinct forms at a time (memory
        linear in the document, temporaries bounded by ``chunk``).
        """
        x = self.transform([doc])
        forms, fids = TokenBatch([doc]).form_index()
        f_of, cols, starts, ns = self._form_occurrences(forms, x.indices, chunk)
        n_form = np.bincount(fids, minlength=len(forms)).astype(np.float64)
        total = np.bincount(cols, weights=n_form[f_of], minlength=len(self.vocab_))
        lens = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
        a = np.maximum(starts - 1, 0)
        b = np.minimum(starts - 1 + ns, lens[f_of])
        inside = b > a
        f_of, cols, a, b = f_of[inside], cols[inside], a[inside], b[inside]
        w = np.asarray(weights, dtype=np.float64)
        share = _row_values(x, cols) * w[cols] / total[cols] / (b - a)
        # every covered character of every occurrence, in occurrence order (so that each
        # character sums its shares in the order of the scan), a block of forms at a time
        offset = np.zeros(len(forms) + 1, dtype=np.int64)
        np.cumsum(lens, out=offset[1:])
        chars = np.zeros(int(offset[-1]))
        bounds = np.searchsorted(f_of, np.arange(0, len(forms) + chunk, chunk))
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            if hi == lo:
                continue
            width = b[lo:hi] - a[lo:hi]
            ends = np.cumsum(width)
            first = offset[f_of[lo]]  # the block's characters start here
            pos = np.arange(int(ends[-1]), dtype=np.int64)
            pos += np.repeat(offset[f_of[lo:hi]] + a[lo:hi] - (ends - width) - first, width)
            part = np.bincount(pos, weights=np.repeat(share[lo:hi], width))
            chars[first : first + len(part)] = part
        return [chars[offset[f] : offset[f + 1]].copy() for f in fids.tolist()]

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        meta = {
            "name": self.name,
            "ngram_range": list(self.ngram_range),
            "min_df": self.min_df,
            "vocabulary": self.vocabulary(),
        }
        return meta, {"idf": self.idf_}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> CharNgrams:
        obj = cls(tuple(meta["ngram_range"]), meta["min_df"])
        obj.vocab_ = {t: i for i, t in enumerate(meta["vocabulary"])}
        obj.idf_ = np.asarray(arrays["idf"], dtype=np.float64)
        obj._cache = {}
        return obj


FEATURE_FAMILIES: dict[str, type[WordNgrams] | type[CharNgrams]] = {
    WordNgrams.name: WordNgrams,
    CharNgrams.name: CharNgrams,
}
