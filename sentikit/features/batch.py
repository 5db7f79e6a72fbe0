"""The tokens of a batch of documents, flattened once for every feature family of one
prediction, and the sparse row arithmetic the n-gram families share.

- :func:`token_terms`: a document's normalized token forms, negated ones marked ``_NEG``
  (:data:`~sentikit.doc.NEG_SUFFIX`);
- :func:`sentence_segments`: the sentences a batch scores besides its documents;
- :class:`TokenBatch`: a batch's tokens, their distinct forms and terms, and the tokens of each
  sentence segment, each computed once and shared by the families of one prediction;
- :func:`l2_normalize_rows` and the private CSR row helpers (``_row_pointers``,
  ``_column_table``, ``_row_logits``, ``_row_values``) with which
  :class:`~sentikit.features.word_ngrams.WordNgrams` and
  :class:`~sentikit.features.char_ngrams.CharNgrams` build a batch's rows, or its logits
  without building the matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.doc import NEG_SUFFIX, Document, Sentence


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


def l2_normalize_rows(X: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row of ``X`` in place to unit L2 norm (empty rows stay empty)."""
    n = X.shape[0]
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    norms = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=n))
    norms[norms == 0.0] = 1.0
    X.data /= norms[rows]
    return X


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


def cell_logits(
    rows: NDArray[np.int64],
    cols: NDArray[np.int64],
    value: NDArray[np.float64],
    coef: NDArray[np.float64] | None,
    intercept: Any,
    n_rows: int,
) -> NDArray[np.float64]:
    """``X @ coef.T + intercept`` of the matrix whose cells are ``(rows, cols, value)``, summed
    per row in the cells' order (``coef``: one row per output; ``None``: an empty array)."""
    if coef is None:
        return np.zeros((n_rows, 0))
    c = np.atleast_2d(np.asarray(coef, dtype=np.float64))
    out = np.column_stack(
        [np.bincount(rows, weights=value * c[j, cols], minlength=n_rows) for j in range(c.shape[0])]
    )
    return np.asarray(out + np.asarray(intercept, dtype=np.float64).reshape(1, -1))


def row_products(X: Any, C: NDArray[np.float64]) -> NDArray[np.float64]:
    """``X @ C`` with each row's result independent of the other rows: a sparse ``X`` (scipy's
    product is row by row) as it is, a dense one through ``einsum`` — a BLAS product picks its
    kernel by the number of rows, so one row alone and the same row in a batch may differ in
    the last bit (parallel runs cut the input into other batches and must give identical
    output)."""
    if sp.issparse(X):
        return np.asarray(X @ C, dtype=np.float64)
    return np.einsum("ij,jk->ik", np.asarray(X, dtype=np.float64), np.asarray(C))
