"""Character n-grams: the :class:`CharNgrams` family (``sentikit.char_ngrams.v1``).

Character n-grams inside word boundaries (``char_wb``, :func:`char_wb_ngrams`), sublinear
tf-idf, rows L2-normalized. A token form's n-gram ids are computed once and cached per word
type, and a batch's matrix is one sparse product of (rows × forms) and (forms × n-grams) counts.
Also the per-token and per-character contributions that ``explain`` uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import registry
from sentikit.doc import Document
from sentikit.features.batch import (
    TokenBatch,
    _column_table,
    _row_logits,
    _row_values,
    cell_logits,
    l2_normalize_rows,
)


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


class _Positions(dict[str, int]):
    """Key → insertion position; ``index[key]`` adds a new key (one C-level lookup per hit)."""

    def __missing__(self, key: str) -> int:
        pos = self[key] = len(self)
        return pos


@registry.families.register("sentikit.char_ngrams.v1")
class CharNgrams:
    """Character n-grams within word boundaries (``char_wb``), sublinear tf-idf.

    Parameters
    ----------
    ngram_range : smallest and largest n (characters).
    min_df : drop n-grams seen in fewer training documents.
    cache_size : word types whose n-gram ids are cached (cleared when full).
    """

    name = "sentikit.char_ngrams.v1"
    augmentable = True  # counts + a column scaling: may learn from auxiliary corpora too
    vocab_: dict[str, int]

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

    def _learn_vocab(self, docs: Sequence[Document], min_df: int) -> None:
        df: dict[str, int] = {}
        for d in docs:
            for t in set(self._doc_terms(d)):
                df[t] = df.get(t, 0) + 1
        kept = sorted(t for t, c in df.items() if c >= min_df)
        self.vocab_ = {t: i for i, t in enumerate(kept)}

    def vocabulary(self) -> list[str]:
        """The n-grams in column order."""
        return sorted(self.vocab_, key=self.vocab_.__getitem__)

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

    def token_contributions_batch(
        self,
        docs: Sequence[Document],
        weights: NDArray[np.float64],
        tokens: Sequence[NDArray[np.bool_]] | None = None,
        batch: TokenBatch | None = None,
    ) -> list[NDArray[np.float64]]:
        """:meth:`token_contributions` of each of ``docs``, from one pass over them
        (``tokens``: per document, the tokens whose share is wanted, the others' left 0;
        ``batch``: ``TokenBatch(docs)`` when already at hand)."""
        return self.logits_and_contributions(docs, None, 0.0, weights, tokens, batch)[1]

    def logits_and_contributions(
        self,
        docs: Sequence[Document],
        coef: NDArray[np.float64] | None,
        intercept: Any,
        weights: NDArray[np.float64],
        tokens: Sequence[NDArray[np.bool_]] | None = None,
        batch: TokenBatch | None = None,
    ) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
        """``transform(docs) @ coef.T + intercept`` (``coef``: one row per output; ``None``:
        none, an empty array) and :meth:`token_contributions_batch`, from one count matrix:
        a cell's feature value and the occurrences its contribution is split among both come
        from its count."""
        batch = TokenBatch(docs) if batch is None else batch
        forms, fids = batch.form_index()
        lengths = batch.lengths
        out = np.zeros(int(sum(lengths)))
        n = len(docs)
        F = self._form_counts(forms) if forms else sp.csr_matrix((0, len(self.vocab_)))
        doc_of = batch.doc_of
        fids = np.asarray(fids, dtype=np.int64)
        # occurrences of each n-gram in each document, its cells in the order of the tokens
        # (as transform_batch has them: the sums do not depend on the rest of the batch)
        T = self._product(forms, fids, lengths)
        rows = np.repeat(np.arange(n), np.diff(T.indptr))
        value = (1.0 + np.log(T.data)) * self.idf_[T.indices]
        norm = np.sqrt(np.bincount(rows, weights=value * value, minlength=n))
        norm[norm == 0.0] = 1.0
        value /= norm[rows]
        logits = cell_logits(rows, T.indices, value, coef, intercept, n)
        w = np.asarray(weights, dtype=np.float64)
        P = sp.csr_matrix((value * w[T.indices] / T.data, T.indices, T.indptr), shape=T.shape)
        pick = (
            np.arange(len(out))
            if tokens is None
            else np.flatnonzero(np.concatenate([np.asarray(t, dtype=bool) for t in tokens]))
        )
        if len(pick) and forms:
            # a token's share: Σ over its form's n-grams j of count(form, j) · P[doc, j], each
            # P cell found by a sorted search (every n-gram of a form is a cell of its row)
            Fp = F[fids[pick]]
            tok = np.repeat(np.arange(len(pick)), np.diff(Fp.indptr))
            P.sort_indices()
            width = np.int64(max(P.shape[1], 1))
            keys = np.repeat(np.arange(n, dtype=np.int64), np.diff(P.indptr)) * width + P.indices
            want = doc_of[pick][tok] * width + Fp.indices
            pos = np.minimum(np.searchsorted(keys, want), max(len(keys) - 1, 0))
            cell = np.where(keys[pos] == want, P.data[pos], 0.0) if len(keys) else 0.0
            out[pick] = np.bincount(tok, weights=Fp.data * cell, minlength=len(pick))
        return logits, list(np.split(out, np.cumsum(lengths)[:-1]))

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """``char_wb`` n-grams lie inside tokens: the token contributions are the whole score
        (the L2 normalization is in each column's value), nothing is left over."""
        return np.asarray(self.token_contributions(doc, weights), dtype=np.float64), {}

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
