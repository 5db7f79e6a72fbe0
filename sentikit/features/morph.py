"""Morpheme-level polarity for Turkish (METHODS.md §5): the :class:`MorphForms` feature family.

:class:`MorphForms` (registry name ``sentikit.morph_forms.v1``) is a feature family for
:class:`~sentikit.models.linear.LinearEnsembleClassifier`: binary unigrams (optionally
bigrams) over a word form plus one column per morpheme tag (and per tag of a negated word,
``~Past``), NB log-count-ratio scaled for binary tasks, rows L2-normalized; exactly linear, so
:meth:`MorphForms.token_contributions` is exact and :meth:`MorphForms.morpheme_contributions`
gives each morpheme's share for ``explain``.

The pieces it builds on, each usable on its own, live in two modules and are re-exported here:

- :mod:`sentikit.features.morph_units`: :class:`~sentikit.features.morph_units.Unit`,
  :func:`~sentikit.features.morph_units.unit_form` (the word forms ``root`` / ``surface`` /
  ``partial``, negated units marked ``_NEG``) and
  :class:`~sentikit.features.morph_units.TypeMorphology` (morphology once per word type and
  context; :func:`~sentikit.features.morph_units.shared_morphology`);
- :mod:`sentikit.features.morph_tags`:
  :class:`~sentikit.features.morph_tags.MorphemeTagPolarity` (δ(t) per morpheme tag with the
  negation flip, top-p tag selection) and its count and delta-idf helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import registry
from sentikit.doc import Document
from sentikit.errors import InputError
from sentikit.features.morph_tags import (
    MorphemeTagPolarity,
    delta_from_counts,
    tag_document_counts,
    top_p_tags,
)
from sentikit.features.morph_units import (
    FORMS,
    NEGATION_TAGS,
    TypeMorphology,
    Unit,
    shared_morphology,
    unit_form,
)
from sentikit.stats.weights import nb_ratio_or_idf

__all__ = [
    "FORMS",
    "NEGATION_TAGS",
    "MorphForms",
    "MorphemeTagPolarity",
    "TypeMorphology",
    "Unit",
    "delta_from_counts",
    "shared_morphology",
    "tag_document_counts",
    "top_p_tags",
    "unit_form",
]


@registry.families.register("sentikit.morph_forms.v1")
class MorphForms:
    """Feature family over Turkish word forms and morpheme tags (``sentikit.morph_forms.v1``).

    Columns: binary word-form n-grams (``form`` of :func:`unit_form`, negated units marked
    ``_NEG``) and, with ``tags=True``, one binary column per morpheme tag present in the
    document (``Past``) and per tag of a negated word (``~Past``: the negation flip of §5 as a
    separate column, so that its weight is learnt). Binary tasks scale each column by the NB
    log-count ratio (as :class:`~sentikit.features.word_ngrams.WordNgrams`), other tasks by idf;
    rows are L2-normalized. Everything supervised happens in :meth:`column_scale`.

    Parameters
    ----------
    form : {"root", "surface"}
        Word form of the n-gram columns (the partial surface form needs a supervised tag
        selection, so it is not a vocabulary this unsupervised step can build; its information
        enters through the tag columns).
    ngram_range : (1, 1) or (1, 2)
    tags : bool
        Add the morpheme-tag columns.
    min_df : int
        Drop columns seen in fewer training documents.
    alpha : float
        Smoothing of the NB ratio.
    analyzer : str
        Morphology backend (``"zeyrek"``).

    Notes
    -----
    The family keeps its :class:`TypeMorphology` table (word and context → reading) in its
    state, so the training vocabulary is never analyzed again at prediction time; unseen words
    go through the analyzer (cached in memory).
    """

    name = "sentikit.morph_forms.v1"

    def __init__(
        self,
        form: str = "root",
        ngram_range: tuple[int, int] = (1, 1),
        tags: bool = True,
        min_df: int = 1,
        alpha: float = 1.0,
        analyzer: str = "zeyrek",
    ) -> None:
        self.form = form
        self.ngram_range = tuple(ngram_range)
        self.tags = tags
        self.min_df = min_df
        self.alpha = alpha
        self.analyzer = analyzer

    def _check(self) -> None:
        if self.form not in ("root", "surface"):
            raise InputError(f"MorphForms form must be 'root' or 'surface', not {self.form!r}")
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi <= 2:
            raise InputError(f"MorphForms ngram_range must be within (1, 2), got {(lo, hi)}")

    @property
    def morphology(self) -> TypeMorphology:
        """The type-level morphology: the process-wide :func:`shared_morphology` of the backend
        (so that models of several folds, or several models, analyze each word once)."""
        if getattr(self, "_morph", None) is None:
            self._morph = shared_morphology(self.analyzer)
        return self._morph

    # -- terms ---------------------------------------------------------------------------------
    def _unit_terms(self, units: Sequence[Unit]) -> list[tuple[str, list[int]]]:
        """Each column term of a document with the unit positions it comes from."""
        forms = [unit_form(u, self.form) for u in units]
        out: list[tuple[str, list[int]]] = []
        lo, hi = self.ngram_range
        if lo <= 1:
            out.extend((f, [k]) for k, f in enumerate(forms))
        if hi >= 2:
            out.extend((forms[k] + " " + forms[k + 1], [k, k + 1]) for k in range(len(forms) - 1))
        if self.tags:
            for k, u in enumerate(units):
                for t in dict.fromkeys(u.tags):
                    if u.morph_negative and t not in NEGATION_TAGS:
                        out.append(("~" + t, [k]))
                    else:
                        out.append(("#" + t, [k]))
        return out

    def _unit_columns(self, u: Unit) -> tuple[str, tuple[int, ...]]:
        """A unit's form and the columns of its unigram and tag terms (cached per unit type)."""
        key = u[:5]
        hit = self._col_cache.get(key)
        if hit is None:
            vocab = self.vocab_
            form = unit_form(u, self.form)
            terms = [form] if self.ngram_range[0] <= 1 else []
            if self.tags:
                for t in dict.fromkeys(u.tags):
                    neg = u.morph_negative and t not in NEGATION_TAGS
                    terms.append(("~" if neg else "#") + t)
            hit = (form, tuple(vocab[t] for t in terms if t in vocab))
            if len(self._col_cache) >= 500_000:
                self._col_cache.clear()
            self._col_cache[key] = hit
        return hit

    def _counts_units(self, unit_docs: Sequence[Sequence[Unit]]) -> sp.csr_matrix:
        vocab = self.vocab_
        if getattr(self, "_col_cache_vocab", None) is not vocab:
            self._col_cache: dict[tuple[Any, ...], tuple[str, tuple[int, ...]]] = {}
            self._col_cache_vocab = vocab
        columns = self._unit_columns
        bigrams = self.ngram_range[1] >= 2
        rows: list[int] = []
        cols: list[int] = []
        for r, units in enumerate(unit_docs):
            seen: set[int] = set()
            forms = []
            for u in units:
                form, ids = columns(u)
                seen.update(ids)
                forms.append(form)
            if bigrams:
                for k in range(len(forms) - 1):
                    j = vocab.get(forms[k] + " " + forms[k + 1])
                    if j is not None:
                        seen.add(j)
            rows.extend([r] * len(seen))
            cols.extend(seen)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(unit_docs), len(vocab)))

    # -- family protocol ---------------------------------------------------------------------
    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Analyze ``docs`` (type-level), learn the vocabulary; return binary counts."""
        self._check()
        unit_docs = self.morphology.units(docs)
        df: dict[str, int] = {}
        for units in unit_docs:
            for t in {t for t, _ in self._unit_terms(units)}:
                df[t] = df.get(t, 0) + 1
        kept = sorted(t for t, c in df.items() if c >= self.min_df)
        self.vocab_ = {t: i for i, t in enumerate(kept)}
        return self._counts_units(unit_docs)

    def counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Binary counts of ``docs`` over the learnt vocabulary."""
        return self._counts_units(self.morphology.units(docs))

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> NDArray[np.float64]:
        """NB log-count ratio (binary positive/negative labels) or idf, from ``X`` and ``y``."""
        return nb_ratio_or_idf(X, y, self.alpha)

    def set_scale(self, scale: NDArray[np.float64]) -> None:
        """Install the column scaling learnt by :meth:`column_scale`."""
        self.scale_ = np.asarray(scale, dtype=np.float64)

    def weigh(self, X: sp.csr_matrix, scale: NDArray[np.float64]) -> sp.csr_matrix:
        """Counts → features: column scaling, then rows L2-normalized."""
        X = sp.csr_matrix(X, dtype=np.float64, copy=True)
        X.data *= scale[X.indices]
        n = X.shape[0]
        rows = np.repeat(np.arange(n), np.diff(X.indptr))
        norms = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=n))
        norms[norms == 0.0] = 1.0
        X.data /= norms[rows]
        return X

    def fit_transform(self, docs: Sequence[Document], y: NDArray[Any]) -> sp.csr_matrix:
        """Learn vocabulary and scaling; return the training features."""
        X = self.fit_counts(docs)
        self.set_scale(self.column_scale(X, y))
        return self.weigh(X, self.scale_)

    def fit(self, docs: Sequence[Document], y: NDArray[Any]) -> MorphForms:
        """Learn vocabulary and scaling; returns self."""
        self.fit_transform(docs, y)
        return self

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Features of ``docs`` with the installed scaling."""
        return self.weigh(self.counts(docs), self.scale_)

    def vocabulary(self) -> list[str]:
        """Column names in column order (``#Tag`` / ``~Tag`` for the tag columns)."""
        return sorted(self.vocab_, key=self.vocab_.__getitem__)

    # -- explanations --------------------------------------------------------------------------
    def _shares(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[list[Unit], list[tuple[str, list[int], float]]]:
        """Units of ``doc`` and each term occurrence's share of ``weights · features``."""
        units = self.morphology.units([doc])[0]
        x = self._counts_units([units])
        feats = self.weigh(x, self.scale_)
        value = dict(zip(feats.indices.tolist(), feats.data.tolist(), strict=True))
        terms = [(t, ks) for t, ks in self._unit_terms(units) if t in self.vocab_]
        occ: dict[str, int] = {}
        for t, _ in terms:
            occ[t] = occ.get(t, 0) + 1
        shares = []
        for t, ks in terms:
            j = self.vocab_[t]
            shares.append((t, ks, value.get(j, 0.0) * float(weights[j]) / occ[t]))
        return units, shares

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Each token's share of ``transform([doc]) · weights`` (exact: sums to the total).

        A term's contribution is split evenly over its occurrences and, for a bigram, over its
        two units; a unit's share goes to its word token (a word's apostrophe suffix token and
        dropped tokens — punctuation, ``değil``/``yok`` — get 0).
        """
        units, shares = self._shares(doc, weights)
        out = [0.0] * len(doc.tokens)
        for _, ks, c in shares:
            for k in ks:
                out[units[k].token] += c / len(ks)
        return out

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """Every column (form n-gram or tag) lies on word tokens: the token contributions are
        the whole score, nothing is left over."""
        return np.asarray(self.token_contributions(doc, weights), dtype=np.float64), {}

    def morpheme_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> list[dict[str, float]]:
        """Per token, the contribution of each morpheme tag column it carries (``explain``).

        Returns one dict per token of ``doc`` mapping a tag (``"Neg"``, ``"Past"``; flipped
        tags of a negated word keep their plain name) to its share of the decision; the word
        form's own share is under ``"@form"``. Summed over all tokens and keys this equals
        ``transform([doc]) · weights``.
        """
        units, shares = self._shares(doc, weights)
        out: list[dict[str, float]] = [{} for _ in doc.tokens]
        for t, ks, c in shares:
            key = t[1:] if t[:1] in ("#", "~") else "@form"
            for k in ks:
                d = out[units[k].token]
                d[key] = d.get(key, 0.0) + c / len(ks)
        return out

    def tag_weights(self, weights: NDArray[np.float64]) -> dict[str, float]:
        """Learnt polarity of each tag column: ``scale · weight`` (``~Tag``: in a negated word)."""
        return {
            t if t[0] == "~" else t[1:]: float(self.scale_[j] * weights[j])
            for t, j in self.vocab_.items()
            if t[:1] in ("#", "~")
        }

    # -- state ---------------------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings, vocabulary and the morphology table (JSON), and the scaling array."""
        meta = {
            "name": self.name,
            "form": self.form,
            "ngram_range": list(self.ngram_range),
            "tags": self.tags,
            "min_df": self.min_df,
            "alpha": self.alpha,
            "analyzer": self.analyzer,
            "vocabulary": self.vocabulary(),
            "morphology": self.morphology.table_state(),
        }
        return meta, {"scale": self.scale_}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> MorphForms:
        """Inverse of :meth:`to_state`."""
        obj = cls(
            form=meta["form"],
            ngram_range=(int(meta["ngram_range"][0]), int(meta["ngram_range"][1])),
            tags=bool(meta["tags"]),
            min_df=int(meta["min_df"]),
            alpha=float(meta["alpha"]),
            analyzer=meta.get("analyzer", "zeyrek"),
        )
        obj._check()
        obj.vocab_ = {t: i for i, t in enumerate(meta["vocabulary"])}
        obj.scale_ = np.asarray(arrays["scale"], dtype=np.float64)
        if len(obj.scale_) != len(obj.vocab_):
            raise InputError("MorphForms state: scale and vocabulary lengths differ")
        obj.morphology.load_table(meta.get("morphology", {"keys": [], "readings": [], "index": []}))
        return obj
