"""The contract of a feature family: what a model part is, in one file.

A *feature family* turns :class:`~sentikit.doc.Document` s into a sparse matrix whose columns a
linear classifier weighs; the ensemble (:mod:`sentikit.models.linear`) trains one classifier
per family and fuses their logits. A family:

1. registers itself under a versioned name::

       @registry.families.register("sentikit.word_ngrams.v1")
       class WordNgrams: ...

2. satisfies :class:`FeatureFamily` — counts (``fit_counts``/``transform``), a supervised column
   scaling (``column_scale``/``weigh``/``set_scale``), additive token contributions for
   explanations, and a pickle-free state (``to_state``/``from_state``);
3. may add optional abilities, each a small protocol that the ensemble checks with
   ``isinstance`` (no ``hasattr`` probing): :class:`BatchLogits`, :class:`BatchTransform`,
   :class:`CharContributions`, :class:`MorphemeContributions`, :class:`Decomposable`,
   :class:`KnownUnits`, :class:`Augmentable`, :class:`NeedsData`.

Settings: a family spec in a configuration is ``{"name": …, <the family's own settings>,
"classifier": {…}, "weight": …}``; the family's constructor takes exactly its own settings
(and ``lang`` if it wants the language); the ``classifier`` block belongs to the ensemble
(:data:`sentikit.models.specs.CLASSIFIER_KEYS`).

A worked example — a complete family in about thirty lines — is in ``docs/ARCHITECTURE.md``
and ``tests/features/test_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import DataKind, Resources
from sentikit.doc import Document

if TYPE_CHECKING:
    from sentikit.features.batch import TokenBatch


@runtime_checkable
class FeatureFamily(Protocol):
    """What every feature family does.

    Lifecycle: ``fit_counts(train_docs)`` learns the vocabulary (and any unsupervised state)
    and returns raw counts; the ensemble computes ``scale = column_scale(X, y)`` on the rows it
    trains on (once per fold), fits its classifier on ``weigh(X, scale)``, and finally calls
    ``set_scale(scale)``, after which ``transform(docs)`` gives weighed rows for new documents.
    """

    name: ClassVar[str]

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Learn the vocabulary from ``docs``; their raw count rows."""
        ...

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> Any:
        """A per-column scaling learnt from count rows ``X`` and labels ``y``."""
        ...

    def weigh(self, X: sp.csr_matrix, scale: Any) -> sp.csr_matrix:
        """Count rows → the rows the classifier sees, under ``scale``."""
        ...

    def set_scale(self, scale: Any) -> None:
        """Keep ``scale`` for :meth:`transform`."""
        ...

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """Weighed rows of new documents."""
        ...

    def token_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> Sequence[float] | NDArray[np.float64]:
        """Each token's additive share of ``transform([doc]) @ weights``."""
        ...

    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """JSON-able settings and vocabulary, and arrays (for ``.npz``); no pickle."""
        ...

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> Any:
        """The fitted family back from :meth:`to_state`."""
        ...


@runtime_checkable
class BatchTransform(Protocol):
    """Weighed rows of a whole :class:`~sentikit.features.batch.TokenBatch` (documents, then
    sentence segments), sharing the batch's token ids."""

    def transform_batch(self, batch: TokenBatch) -> sp.csr_matrix | NDArray[np.float64]:
        """:meth:`FeatureFamily.transform` of the batch's rows."""
        ...


@runtime_checkable
class BatchLogits(Protocol):
    """Logits of a batch computed straight from token ids (no matrix): the fastest path."""

    def logits_batch(
        self, batch: TokenBatch, coef: NDArray[np.float64], intercept: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """``transform_batch(batch) @ coef.T + intercept``."""
        ...


@runtime_checkable
class BatchContributions(Protocol):
    """``token_contributions`` of many documents in one pass (equal to one call each)."""

    def token_contributions_batch(
        self, docs: Sequence[Document], weights: NDArray[np.float64]
    ) -> list[NDArray[np.float64]]:
        """One array per document, one share per token."""
        ...


@runtime_checkable
class CharContributions(Protocol):
    """Per token, each character's share of the family's logit."""

    def char_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> list[NDArray[np.float64]]:
        """One array per token, one value per character."""
        ...


@runtime_checkable
class MorphemeContributions(Protocol):
    """Per token, the share of the family's logit carried by each morpheme tag (and the form)."""

    def morpheme_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> list[dict[str, float]]:
        """One ``{tag: share}`` per token (``"@form"`` for the word form)."""
        ...


@runtime_checkable
class Decomposable(Protocol):
    """An exact decomposition of the family's score of one document: a share per token and
    the parts tied to no token, by name (explanations that add up)."""

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """``(shares, other)``: one share per token of ``doc`` and the parts tied to no token
        (``{"standardization": …}``), such that ``shares.sum() + sum(other.values())`` equals
        ``transform([doc]) @ weights`` (to rounding). The shares are
        :meth:`FeatureFamily.token_contributions`."""
        ...


@runtime_checkable
class KnownUnits(Protocol):
    """Which token forms the family learnt (for the model's domain coverage)."""

    def known_units(self) -> Iterable[str]:
        """Token forms (negation marks removed) the family has columns for."""
        ...


@runtime_checkable
class Augmentable(Protocol):
    """A family whose classifier may also learn from auxiliary labelled corpora (the
    ensemble's ``classifier.augment``): its features come from counts and a column scaling
    that can be learnt on both corpora."""

    augmentable: ClassVar[bool]


@runtime_checkable
class NeedsData(Protocol):
    """A family that learns from auxiliary data named in its settings.

    :meth:`data_settings` maps each such setting to the kind of data it names (``"labelled"``,
    ``"texts"``, ``"lexicon"``); the training entry points resolve them (see
    :func:`sentikit.components.data_refs`) and the ensemble calls :meth:`initialize` before
    fitting. :meth:`prune_data` repairs settings after the corpora under evaluation were
    removed from them (``None``: the family has nothing left to learn from and is dropped).
    """

    @classmethod
    def data_settings(cls) -> Mapping[str, DataKind]:
        """Setting name → kind of the data it names."""
        ...

    def initialize(self, resources: Resources) -> None:
        """Take the resolved auxiliary data (before ``fit_counts``)."""
        ...

    @classmethod
    def prune_data(cls, params: dict[str, Any]) -> dict[str, Any] | None:
        """Settings made consistent after corpora were removed, or ``None`` to drop."""
        ...
