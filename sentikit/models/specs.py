"""Family specs of a configuration: their two parts, the family they build, and pruning.

A family spec is ``{"name": …, <the family's own settings>, "classifier": {…}, "weight": …}``
(:func:`split_spec`); the family's own settings go to its constructor (:func:`make_family`),
the classifier block and the fusion weight to the ensemble
(:class:`~sentikit.models.linear.LinearEnsembleClassifier`). :func:`prune_families` removes the
auxiliary corpora under evaluation from a list of specs, generically, through each family's
data settings (:class:`~sentikit.features.base.NeedsData`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from sentikit.components import registry, without_data
from sentikit.errors import BundleError
from sentikit.features.base import FeatureFamily, NeedsData

#: Settings of a family's ``classifier`` block (they belong to the ensemble, not the family).
CLASSIFIER_KEYS = ("kind", "C", "augment", "augment_weight")


def split_spec(spec: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any], float]:
    """A family spec → ``(name, family settings, classifier block, fusion weight)``.

    The classifier block is ``spec["classifier"]`` (``{"kind": "lr"|"svm", "C": …,
    "augment": […], "augment_weight": …}``); the flat form of configurations before 3.1
    (``"classifier": "svm"``, ``"C"``, ``"augment"`` beside the family's settings) is read too.
    """
    params = dict(spec)
    name = params.pop("name", None)
    if not isinstance(name, str):
        raise BundleError(f"a feature family spec needs a 'name': {spec!r}")
    weight = float(params.pop("weight", 1.0))
    block = params.pop("classifier", None)
    clf: dict[str, Any] = dict(block) if isinstance(block, dict) else {}
    if isinstance(block, str):
        clf["kind"] = block
    for key in ("C", "augment", "augment_weight"):
        if key in params:
            clf[key] = params.pop(key)
    unknown = set(clf) - set(CLASSIFIER_KEYS)
    if unknown:
        raise BundleError(f"{name}: unknown classifier settings {sorted(unknown)}")
    return name, params, clf, weight


def join_spec(
    name: str, params: dict[str, Any], clf: dict[str, Any], weight: float
) -> dict[str, Any]:
    """The inverse of :func:`split_spec` (block form)."""
    out: dict[str, Any] = {"name": name, **params}
    if clf:
        out["classifier"] = dict(clf)
    out["weight"] = weight
    return out


def make_family(spec: dict[str, Any], lang: str) -> FeatureFamily:
    name, params, _, _ = split_spec(spec)
    cls = registry.families.get(name)
    if "ngram_range" in params:
        params["ngram_range"] = tuple(params["ngram_range"])
    if "lang" in inspect.signature(cls).parameters and "lang" not in params:
        params["lang"] = lang
    accepted = inspect.signature(cls).parameters
    unknown = [k for k in params if k not in accepted]
    if unknown and not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        known = sorted(k for k in accepted if k != "lang")
        raise BundleError(f"{name}: unknown settings {unknown}; its settings are {known}")
    fam = cls(**params)
    if not isinstance(fam, FeatureFamily):
        raise BundleError(f"{name} does not satisfy the feature-family contract")
    return fam


def prune_families(
    families: list[dict[str, Any]], banned: Callable[[str], bool]
) -> list[dict[str, Any]]:
    """Family specs without the auxiliary corpora that ``banned`` says are under evaluation.

    Each family's ``data_params`` name the settings that hold corpora; a family whose
    ``prune_data`` finds nothing left to learn from is dropped; an ``augment`` list left empty
    is removed (the family then trains on the training data only). Lexicons are kept.
    """
    out = []
    for spec in families:
        name, params, clf, weight = split_spec(spec)
        cls = registry.families.get(name)
        if issubclass(cls, NeedsData):
            kept = cls.prune_data(without_data(params, cls.data_settings(), banned))
            if kept is None:
                continue
            params = kept
        if "augment" in clf:
            clf["augment"] = [d for d in clf["augment"] if not banned(d)]
            if not clf["augment"]:
                del clf["augment"]
        out.append(join_spec(name, params, clf, weight))
    return out
