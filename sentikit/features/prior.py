"""A trained model as a feature family: what the shipped model knows, carried into a user's model.

:class:`ModelPrior` (registry name ``sentikit.model_prior.v1``) takes a fitted model — by
default the shipped bundle of the language (``"model": "shipped"``), or any bundle folder — and
gives each document that model's fused logits as features (one column per class of the prior,
one for a binary prior). In a user's ensemble its classifier learns how the prior's logits map
onto the user's labels (a calibration to their domain and label set), and the stacked fusion
learns how much to trust it beside the n-gram families trained on the user's rows: the shipped
model's knowledge carries over without any of the corpora it was trained on
(``benchmarks/carry_over.py`` measures it).

The prior is handed in by the training entry points (``DataRef("model", spec)``, resolved by
:mod:`sentikit.training.resources`) and is stored *inside* the family's state, so a user's
bundle is self-contained: it does not depend on the shipped bundle of a later version.
Explanations stay exact: a token's contribution is the prior's own per-class token
contributions along this family's weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import DataKind, Resources, registry
from sentikit.doc import Document
from sentikit.errors import BundleError, ResourceMissingError
from sentikit.features.batch import TokenBatch

_PREFIX = "prior_"


@registry.families.register("sentikit.model_prior.v1")
class ModelPrior:
    """The fused logits of a trained model as features.

    Parameters
    ----------
    model : the prior: ``"shipped"`` (the shipped bundle of the language) or a bundle folder.
    lang : the language (the shipped prior's).
    """

    name = "sentikit.model_prior.v1"

    def __init__(self, model: str = "shipped", lang: str = "en") -> None:
        self.model = model
        self.lang = lang
        self._prior: Any = None

    # -- data handed in ------------------------------------------------------------------
    @classmethod
    def data_settings(cls) -> dict[str, DataKind]:
        """``model`` names a trained model."""
        return {"model": "model"}

    @classmethod
    def prune_data(cls, params: dict[str, Any]) -> dict[str, Any] | None:
        """A prior is never a corpus under evaluation: kept as it is."""
        return params

    def initialize(self, resources: Resources) -> None:
        """Take the resolved prior model."""
        self._prior = resources.model(self.model).model

    def _model(self) -> Any:
        if self._prior is None:
            raise ResourceMissingError(
                f"the model prior {self.model!r} was not handed in: build the model through "
                "sentikit.training (or call initialize(resources) first)"
            )
        return self._prior

    # -- the family protocol -----------------------------------------------------------------
    def _logits(self, z: NDArray[np.float64]) -> sp.csr_matrix:
        z = np.asarray(z, dtype=np.float64)
        return sp.csr_matrix(z.reshape(len(z), -1))

    def fit_counts(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """The prior's logits of ``docs`` (nothing is learnt from them)."""
        return self.transform(docs)

    def column_scale(self, X: sp.csr_matrix, y: NDArray[Any]) -> None:
        """No scaling: the logits are used as they are."""
        return None

    def weigh(self, X: sp.csr_matrix, scale: None) -> sp.csr_matrix:
        """Identity."""
        return X

    def set_scale(self, scale: None) -> None:
        """Nothing to keep."""

    def transform(self, docs: Sequence[Document]) -> sp.csr_matrix:
        """The prior's fused logits, one row per document."""
        return self._logits(self._model().decision_docs(docs))

    def transform_batch(self, batch: TokenBatch) -> sp.csr_matrix:
        """The prior's logits of a batch's rows (documents, then sentence segments)."""
        return self._logits(self._model().decision_batch(batch))

    def known_units(self) -> list[str]:
        """The word forms the prior knows (the user's model covers its vocabulary too)."""
        return sorted(self._model().known_terms())

    def token_contributions(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """Each token's share of ``transform([doc]) @ weights``: the prior's token contributions
        along ``weights`` (its class-bias and family-intercept terms are not token-tied)."""
        prior = self._model()
        w = np.asarray(weights, dtype=np.float64).reshape(-1)
        out = np.zeros(doc.n_tokens())
        for k, fam in enumerate(prior.families_):
            direction = w @ np.asarray(prior.coef_[k]).reshape(len(w), -1)
            out += float(prior.weights_[k]) * np.asarray(fam.token_contributions(doc, direction))
        return out

    def decompose(
        self, doc: Document, weights: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], dict[str, float]]:
        """``transform([doc]) @ weights`` is the prior's decision read out along ``weights``:
        the prior's own exact decomposition of it (``explain_decision`` with that direction):
        its token shares, and its intercept and its evidence tied to no token, by source."""
        w = np.asarray(weights, dtype=np.float64).reshape(-1)
        # total=0.0: the read-out's total is not needed here (it would cost a decision)
        ex = self._model().explain_decision(doc, total=0.0, direction=w)
        other = {"intercept": float(ex["intercept"])}
        other.update({key: float(v) for key, v in ex["other"].items()})
        return np.asarray(ex["tokens"], dtype=np.float64), other

    # -- persistence -----------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
        """Settings and the whole prior model's state (the bundle is self-contained)."""
        pmeta, parrays = self._model().to_state()
        meta = {"name": self.name, "model": self.model, "lang": self.lang, "prior": pmeta}
        return meta, {_PREFIX + k: v for k, v in parrays.items()}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> ModelPrior:
        """The family with its prior model rebuilt from the stored state."""
        pmeta = meta.get("prior")
        if not isinstance(pmeta, dict) or "name" not in pmeta:
            raise BundleError("the model prior's state lacks its model")
        model_cls = registry.models.get(pmeta["name"])
        parrays = {k[len(_PREFIX) :]: v for k, v in arrays.items() if k.startswith(_PREFIX)}
        obj = cls(model=meta.get("model", "shipped"), lang=meta.get("lang", "en"))
        obj._prior = model_cls.from_state(pmeta, parrays)
        return obj
