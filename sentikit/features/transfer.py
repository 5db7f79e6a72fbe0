"""Cross-corpus transfer: a sentiment model learnt on *another* labelled corpus as one feature.

:class:`TransferFeature` (registry name ``sentikit.transfer.v1``) trains a word n-gram NB
logistic regression (the :class:`~sentikit.features.word_ngrams.WordNgrams` family) on one or more
other labelled corpora of the same language — movie reviews for tweets, IMDB reviews for movie
sentences — and gives each document that model's decision value as a single feature. It is
the word-level counterpart of the two-corpus averaging of METHODS.md §5: polarity learnt on a
corpus of another genre or size, fused with the in-domain families by the ensemble's stacking,
which learns how much to trust it per corpus.

The auxiliary model never sees the training labels of the corpus being modelled, so it is
computed in :meth:`fit_counts`, from the corpora handed in by :meth:`initialize` (the training
entry points resolve ``datasets``: :mod:`sentikit.training.resources`); the last two are kept,
keyed by the corpora's content, so that cross-validation folds reuse them. A corpus listed in
``datasets`` must not be the corpus under evaluation: the training entry points drop it
(``exclude``), and :meth:`prune_data` drops the family when none is left.

Examples
--------
>>> fam = TransferFeature(datasets=["turkish-twitter-sentiment:train"], lang="tr")  # doctest: +SKIP
>>> X = fam.fit_counts(docs)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import ContentCache, Corpus, DataKind, Resources, registry
from sentikit.doc import Document
from sentikit.errors import InputError, ResourceMissingError
from sentikit.features.batch import TokenBatch
from sentikit.features.word_ngrams import WordNgrams

_AUX_MODELS: ContentCache[tuple[WordNgrams, NDArray[np.float64], float]] = ContentCache(size=2)


def _compact_units(fam: WordNgrams) -> NDArray[np.int64]:
    """Drop the word forms no kept n-gram uses and renumber the rest; the n-gram keys are
    re-packed and re-sorted. Returns the permutation applied to the columns."""
    mask = (1 << 21) - 1
    keys = fam.keys_.astype(np.int64)
    parts = []
    k = keys.copy()
    while k.any():
        parts.append(k & mask)
        k = k >> 21
    used = np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
    used = used[used > 0]  # packed ids are unit id + 1; 0 = no unit
    remap = np.zeros(int(used.max()) + 1 if len(used) else 1, dtype=np.int64)
    remap[used] = np.arange(1, len(used) + 1)
    new = np.zeros_like(keys)
    for shift, p in enumerate(parts):
        new |= np.where(p > 0, remap[p], 0) << (21 * shift)
    names = sorted(fam.units_, key=fam.units_.__getitem__)
    fam.units_ = {names[int(u) - 1]: i for i, u in enumerate(used)}
    order = np.argsort(new, kind="stable")
    fam.keys_ = new[order]
    return order


@registry.families.register("sentikit.transfer.v1")
class TransferFeature:
    """The decision of a word n-gram model trained on other labelled corpora.

    Parameters
    ----------
    datasets : labelled dataset names (``name`` or ``name:split``) or labelled files (text and
        label columns) of the same language. The
        auxiliary model is binary: only their ``positive`` and ``negative`` examples train it;
        other labels (the ``neutral`` reviews of ``turkish-store-reviews-3class``) are dropped.
    lang : their language (selects the processor).
    ngram_range, negation, min_df : settings of the auxiliary :class:`WordNgrams`.
    aux_C : inverse regularization of the auxiliary logistic regression.
    max_terms : keep the auxiliary model's ``max_terms`` n-grams of largest weight (then refit
        on them), which bounds the bundle size; ``None`` keeps all.
    """

    name = "sentikit.transfer.v1"

    def __init__(
        self,
        datasets: Sequence[str] = (),
        lang: str = "en",
        ngram_range: tuple[int, int] = (1, 2),
        negation: bool = True,
        min_df: int = 2,
        aux_C: float = 1.0,
        max_terms: int | None = 200_000,
    ) -> None:
        self.datasets = tuple(datasets)
        self.lang = lang
        self.ngram_range = tuple(ngram_range)
        self.negation = negation
        self.min_df = min_df
        self.aux_C = aux_C
        self.max_terms = max_terms
        self._corpora: list[Corpus] | None = None

    @classmethod
    def data_settings(cls) -> dict[str, DataKind]:
        """``datasets`` names labelled corpora."""
        return {"datasets": "labelled"}

    @classmethod
    def prune_data(cls, params: dict[str, Any]) -> dict[str, Any] | None:
        """Without any corpus left the family has nothing to learn from: dropped."""
        return params if params.get("datasets") else None

    def initialize(self, resources: Resources) -> None:
        """Take the labelled corpora of ``datasets``."""
        self._corpora = [resources.corpus(spec) for spec in self.datasets]

    def _key(self) -> tuple[Any, ...]:
        assert self._corpora is not None
        return (
            tuple(c.digest for c in self._corpora),
            self.lang,
            self.ngram_range,
            self.negation,
            self.min_df,
            self.aux_C,
            self.max_terms,
        )

    def _train_aux(self) -> tuple[WordNgrams, NDArray[np.float64], float]:
        from sklearn.linear_model import LogisticRegression

        from sentikit.lang import get_processor

        assert self._corpora is not None
        texts: list[str] = []
        labels: list[str] = []
        for corpus in self._corpora:
            texts += corpus.texts
            labels += corpus.labels or []
        yarr = np.asarray(labels)
        pos, neg = yarr == "positive", yarr == "negative"
        if not pos.any() or not neg.any():
            raise InputError(f"transfer corpora {list(self.datasets)} need positive and negative")
        docs = get_processor(self.lang).make_docs(
            [t for t, m in zip(texts, pos | neg, strict=True) if m]
        )
        yb = yarr[pos | neg]
        fam = WordNgrams(self.ngram_range, self.negation, self.min_df)  # type: ignore[arg-type]
        Xc = fam.fit_counts(docs)
        scale = fam.column_scale(Xc, yb)
        lr = LogisticRegression(C=self.aux_C, solver="liblinear", dual=True, random_state=0)
        lr.fit(fam.weigh(Xc, scale), yb)
        if self.max_terms is not None and len(scale) > self.max_terms:
            keep = np.sort(np.argsort(-np.abs(lr.coef_[0]), kind="stable")[: self.max_terms])
            Xc, scale = sp.csr_matrix(Xc[:, keep]), scale[keep]
            fam.keys_ = fam.keys_[keep]
            order = _compact_units(fam)
            Xc, scale = sp.csr_matrix(Xc[:, order]), scale[order]
            lr.fit(fam.weigh(Xc, scale), yb)
        fam.set_scale(scale)
        sign = 1.0 if lr.classes_[1] == "positive" else -1.0
        return fam, sign * np.asarray(lr.coef_[0], dtype=np.float64), sign * float(lr.intercept_[0])

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Train (or reuse) the auxiliary model; return its feature matrix of ``docs``."""
        if not self.datasets:
            raise InputError("the transfer family needs at least one dataset in 'datasets'")
        if self._corpora is None:
            raise ResourceMissingError(
                f"the transfer family needs its corpora {list(self.datasets)}: build it through "
                "sentikit.training (or call initialize(resources) first)"
            )
        model = _AUX_MODELS.get(self._key(), self._train_aux)
        self.aux_, self.aux_coef_, self.aux_intercept_ = model
        return self.aux_.transform(docs)

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> None:
        """Nothing supervised is learnt on the training corpus itself."""
        return None

    def set_scale(self, scale: None) -> None:
        """No-op (protocol)."""

    def weigh(self, X: sp.csr_matrix, scale: None) -> NDArray[np.float64]:
        """The auxiliary model's positive-vs-negative decision value, one column."""
        return np.asarray(X @ self.aux_coef_ + self.aux_intercept_).reshape(-1, 1)

    def transform(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """Decision values of ``docs`` (one column)."""
        return self.weigh(self.aux_.transform(docs), None)

    def transform_batch(self, batch: TokenBatch) -> NDArray[np.float64]:
        """:meth:`transform` of ``batch.documents()`` (see :class:`TokenBatch`)."""
        return self.aux_.logits_batch(batch, self.aux_coef_, self.aux_intercept_)

    def token_contributions(self, doc: Document, weights: NDArray[np.float64]) -> list[float]:
        """Each token's share of ``weights[0] ·`` the auxiliary decision (intercept excluded)."""
        inner = self.aux_.token_contributions(doc, self.aux_coef_)
        return [float(weights[0]) * c for c in inner]

    def token_contributions_batch(
        self, docs: Sequence[Document], weights: NDArray[np.float64]
    ) -> list[NDArray[np.float64]]:
        """:meth:`token_contributions` of each of ``docs``, from one feature pass of the
        auxiliary model."""
        inner = self.aux_.token_contributions_batch(docs, self.aux_coef_)
        return [float(weights[0]) * c for c in inner]

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """The token contributions, and ``weights[0] ·`` the auxiliary model's intercept
        (the same for every document) under ``"intercept"``."""
        shares = np.asarray(self.token_contributions(doc, weights), dtype=np.float64)
        return shares, {"intercept": float(weights[0]) * self.aux_intercept_}

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings and the auxiliary model (vocabulary, scaling, coefficients)."""
        meta, arrays = self.aux_.to_state()
        out_meta = {
            "name": self.name,
            "datasets": list(self.datasets),
            "lang": self.lang,
            "ngram_range": list(self.ngram_range),
            "negation": self.negation,
            "min_df": self.min_df,
            "aux_C": self.aux_C,
            "max_terms": self.max_terms,
            "aux": meta,
        }
        out = {f"aux_{k}": v for k, v in arrays.items()}
        out["aux_coef"] = self.aux_coef_.astype(np.float32)
        out["aux_intercept"] = np.array([self.aux_intercept_])
        return out_meta, out

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> TransferFeature:
        """Rebuild from :meth:`to_state` output."""
        obj = cls(
            meta["datasets"],
            meta["lang"],
            tuple(meta["ngram_range"]),
            meta["negation"],
            meta["min_df"],
            meta["aux_C"],
            meta.get("max_terms"),
        )
        inner = {k[4:]: v for k, v in arrays.items() if k.startswith("aux_")}
        obj.aux_ = WordNgrams.from_state(meta["aux"], inner)
        obj.aux_coef_ = np.asarray(arrays["aux_coef"], dtype=np.float64)
        obj.aux_intercept_ = float(np.asarray(arrays["aux_intercept"])[0])
        return obj
