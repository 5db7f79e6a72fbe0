"""Explanations that add up: an exact decomposition of a linear ensemble's decision.

The ensemble (:class:`~sentikit.models.linear.LinearEnsembleClassifier`) scores a document with
the fused logits ``z[c] = Σ_k w_k · (x_k · coef_k[c] + b_k[c]) + bias[c]`` (one logit for a
binary model). What is decomposed is one linear read-out of them, ``u · z`` for a *direction*
``u`` over the logits; the explanations of the Analyzer use the polarity direction
(:func:`polarity_direction`): the mean fused logit of the positive-side classes minus that of
the negative-side classes (:func:`~sentikit.stats.weights.polarity_sides`). With the classes
``negative / neutral / positive`` (and for any binary model) that is

    ``total = z[positive] − z[negative] = log P(positive) / P(negative)``

in nats (natural-log odds): positive when the model finds positive more probable than
negative (``score = P(positive) − P(negative) > 0``), whatever ``P(neutral)`` is. Being linear
end to end, it splits exactly:

    ``total = intercept + Σ_tokens share + Σ_sources other``

* ``intercept``: ``Σ_k w_k (u · b_k) + u · bias``, the same for every document;
* a token's share: ``Σ_k w_k`` of family ``k``'s contribution of that token along ``u · coef_k``
  (:meth:`FeatureFamily.token_contributions`, what ``explain`` gives each token as
  ``polarity``);
* ``other``, by source (``family:part``): what a family scores that lies on no token — the
  constant of the polarity features' standardization, the transfer model's intercept — as its
  :meth:`~sentikit.features.base.Decomposable.decompose` says; a family without that ability
  has its token contributions, and whatever they leave of its score is ``family:unattributed``.

``total`` is the model's own decision (:meth:`decision_docs`), not the sum of the parts, so
that the identity checks the parts (the tests hold it to 1e-6 on thousands of texts).

Why this read-out and not one decomposition per class: a softmax's logits are defined only up
to a constant shared by all classes, so "the logit of neutral" alone has no meaning, while a
difference of logits is a log ratio of probabilities; positive against negative is the
polarity the tokens' ``polarity`` always measured, one signed number per token that the
result's ``score`` agrees with in sign. Any other read-out (neutral against the rest, …)
decomposes the same way with ``direction`` (:meth:`explain_decision`); the model prior family
uses that to decompose the prior model inside a user's model (``model_prior:intercept``,
``model_prior:polarity_features:standardization``…).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.doc import Document
from sentikit.features.base import Decomposable, FeatureFamily
from sentikit.features.batch import TokenBatch
from sentikit.models.composition import affirmative_document, composition_plan, turned_shares
from sentikit.stats.weights import polarity_sides

__all__ = [
    "UNITS",
    "Decomposition",
    "WeightsCache",
    "decompose",
    "polarity_direction",
    "quantity_name",
    "source_labels",
]

#: The units of every decomposed quantity (a difference of fused logits).
UNITS = "nats (natural-log odds)"

#: Residuals of a family's token contributions smaller than this are rounding, not evidence.
_NEGLIGIBLE = 1e-12


class Ensemble(Protocol):
    """What :func:`decompose` reads of a fitted linear ensemble."""

    classes_: Any
    families_: list[FeatureFamily]
    coef_: list[NDArray[np.float64]]
    intercept_: list[NDArray[np.float64]]
    weights_: NDArray[np.float64]
    bias_: NDArray[np.float64]

    def family_weights(self, k: int, direction: NDArray[np.float64]) -> NDArray[np.float64]:
        """``direction · coef_[k]``: family ``k``'s column weights along ``direction``."""
        ...

    composition: Any

    def decision_docs(self, docs: Sequence[Document]) -> NDArray[np.float64]:
        """The fused logits of ``docs``."""
        ...

    def linear_decision_batch(self, batch: TokenBatch) -> NDArray[np.float64]:
        """The fused logits of a batch's rows before composition."""
        ...

    def decision_and_shares(
        self, docs: Sequence[Document], tokens: Sequence[NDArray[np.bool_]]
    ) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
        """Fused logits and token shares of ``docs`` (composition's one pass)."""
        ...

    lang: str


@dataclass
class Decomposition:
    """``total = intercept + tokens.sum() + sum(other.values())`` (to rounding)."""

    quantity: str
    intercept: float
    tokens: NDArray[np.float64]
    other: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    units: str = UNITS

    @property
    def tokens_total(self) -> float:
        """The sum of the tokens' shares."""
        return float(self.tokens.sum())

    @property
    def residual(self) -> float:
        """``intercept + tokens_total + Σ other − total``: zero up to rounding."""
        return self.intercept + self.tokens_total + sum(self.other.values()) - self.total

    def to_dict(self) -> dict[str, Any]:
        """JSON-able: ``quantity``, ``units``, ``intercept``, ``other``, ``tokens_total``,
        ``total`` and ``tokens`` (one share per token)."""
        return {
            "quantity": self.quantity,
            "units": self.units,
            "intercept": self.intercept,
            "other": dict(self.other),
            "tokens_total": self.tokens_total,
            "total": self.total,
            "tokens": [float(v) for v in self.tokens],
        }


def polarity_direction(classes: Sequence[str], width: int) -> NDArray[np.float64]:
    """The direction over ``width`` fused logits whose read-out is the mean logit of the
    positive-side classes minus that of the negative-side ones (binary models, one logit
    towards ``classes[1]``: ``±1``)."""
    names = [str(c) for c in classes]
    pos, neg = polarity_sides(names)
    if width == 1:
        return np.array([-1.0 if names[1] in neg else 1.0])
    u = np.zeros(len(names))
    for i, c in enumerate(names):
        if c in pos:
            u[i] = 1.0 / len(pos)
        elif c in neg:
            u[i] = -1.0 / len(neg)
    return u


def quantity_name(classes: Sequence[str]) -> str:
    """What the polarity direction reads out, in words: ``log P(positive) / P(negative)``,
    or with several classes a side, the log ratio of their geometric mean probabilities."""
    pos, neg = polarity_sides([str(c) for c in classes])

    def side(names: list[str]) -> str:
        if len(names) == 1:
            return f"P({names[0]})"
        return "geometric mean of " + ", ".join(f"P({c})" for c in names)

    return f"log {side(pos)} / {side(neg)}"


def source_labels(families: Sequence[FeatureFamily]) -> list[str]:
    """A short unique label per family for the ``other`` sources: its registry name without
    ``sentikit.`` and the version (``polarity_features``); a name seen again gets ``#2``…"""
    out: list[str] = []
    seen: dict[str, int] = {}
    for fam in families:
        name = re.sub(r"\.v\d+$", "", str(fam.name).removeprefix("sentikit."))
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return out


class WeightsCache:
    """Family column weights along a direction (``direction · coef``), kept in an
    estimator's ``__dict__`` while its coefficient list stays the same object (a refit
    replaces it); at most ``size`` of them."""

    def __init__(self, size: int = 32) -> None:
        self.size = size

    def get(
        self,
        store: dict[str, Any],
        coefs: list[NDArray[np.float64]],
        k: int,
        direction: NDArray[np.float64],
    ) -> NDArray[np.float64]:
        """``direction · coefs[k]``, computed once."""
        u = np.asarray(direction, dtype=np.float64)
        held: tuple[Any, dict[tuple[int, bytes], Any]] | None = store.get("_family_weights")
        if held is None or held[0] is not coefs or len(held[1]) >= self.size:
            held = store["_family_weights"] = (coefs, {})
        key = (k, u.tobytes())
        entry = held[1].get(key)
        if entry is None or entry[0] is not coefs[k]:
            entry = held[1][key] = (coefs[k], np.asarray(u @ coefs[k]))
        out: NDArray[np.float64] = entry[1]
        return out


def _family_parts(
    fam: FeatureFamily, doc: Document, weights: NDArray[np.float64]
) -> tuple[NDArray[np.float64], dict[str, float]]:
    """Family ``fam``'s token shares and other parts of ``transform([doc]) @ weights``."""
    if isinstance(fam, Decomposable):
        return fam.decompose(doc, weights)
    shares = np.asarray(fam.token_contributions(doc, weights), dtype=np.float64)
    X = fam.transform([doc])
    row = X.getrow(0).toarray().ravel() if sp.issparse(X) else np.asarray(X)[0]
    rest = float(row @ weights) - float(shares.sum())
    return shares, ({"unattributed": rest} if abs(rest) > _NEGLIGIBLE else {})


def decompose(
    est: Ensemble,
    doc: Document,
    direction: NDArray[np.float64],
    quantity: str,
    total: float | None = None,
) -> Decomposition:
    """The exact decomposition of ``direction · z(doc)`` (see the module docstring).

    ``total``: the decision already computed for ``doc`` (``direction ·`` its fused logits),
    else it is computed here with :meth:`decision_docs`.
    """
    u = np.asarray(direction, dtype=np.float64)
    plan = composition_plan(est, doc) if est.composition else None
    target = doc if plan is None else affirmative_document(plan)
    tokens = np.zeros(target.n_tokens())
    other: dict[str, float] = {}
    intercept = float(u @ np.asarray(est.bias_, dtype=np.float64))
    labels = source_labels(est.families_)
    for k, fam in enumerate(est.families_):
        w = float(est.weights_[k])
        intercept += w * float(u @ np.asarray(est.intercept_[k], dtype=np.float64))
        shares, parts = _family_parts(fam, target, est.family_weights(k, u))
        tokens += w * shares
        for part, value in parts.items():
            key = f"{labels[k]}:{part}"
            other[key] = other.get(key, 0.0) + w * float(value)
    if total is None:
        z = np.asarray(est.decision_docs([doc]), dtype=np.float64)
        total = float(u @ z.reshape(1, -1)[0])
    if plan is not None:
        # negation and contrast recompose the decision (sentikit.models.composition): the
        # parts are those of the row's affirmative, each token's share as composition turns
        # it (a negated word reversed, a conceded one damped), on the token it stands for
        tokens = turned_shares(est, doc, plan, tokens, turn=is_polarity(est, u))
        rest = float(total) - (intercept + float(tokens.sum()) + sum(other.values()))
        if abs(rest) > _NEGLIGIBLE:  # another read-out than polarity: what composition moved
            other["composition"] = rest
    return Decomposition(quantity, intercept, tokens, other, float(total))


def is_polarity(est: Ensemble, u: NDArray[np.float64]) -> bool:
    """Whether ``u`` is the ensemble's polarity direction (what composition moves)."""
    width = 1 if len(est.classes_) == 2 else len(est.classes_)
    ref = polarity_direction([str(c) for c in est.classes_], width)
    return ref.shape == u.shape and bool(np.allclose(ref, u))
