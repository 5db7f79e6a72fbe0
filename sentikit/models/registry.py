"""Model configurations, building estimators from them, and loading bundles.

A configuration (JSON or TOML) names the model component and its settings, and the training
data of the shipped bundle::

    {"name": "sentikit-tr-linear", "version": "1.0.0", "lang": "tr",
     "model": {"name": "sentikit.linear_ensemble.v1", "families": [...]},
     "training": {"datasets": [{"name": "turkish-movie-reviews", "split": "all"}]}}

The resolved configuration is saved in every bundle's ``model.json``.
"""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sentikit.components import registry
from sentikit.errors import BundleDamagedError, BundleError, InputError, ResourceMissingError
from sentikit.io.bundle import load_bundle, read_bundle_info
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.specs import prune_families
from sentikit.paths import RESOURCES_DIR

CONFIG_DIR = RESOURCES_DIR / "configs"
MODELS_DIR = RESOURCES_DIR / "models"


def default_config(lang: str) -> dict[str, Any]:
    """The default configuration of ``lang`` (the one the shipped model is trained with)."""
    path = CONFIG_DIR / f"{lang}.json"
    if not path.is_file():
        raise ResourceMissingError(f"no default configuration for language {lang!r}")
    return load_config(path)


def load_config(path: str | Path) -> dict[str, Any]:
    """Read a configuration file (``.json`` or ``.toml``)."""
    p = Path(path)
    try:
        if p.suffix == ".toml":
            with open(p, "rb") as fh:
                cfg = tomllib.load(fh)
        else:
            cfg = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"configuration file not found: {p}") from exc
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: invalid configuration ({exc})") from exc
    if not isinstance(cfg, dict) or "model" not in cfg:
        raise InputError(f"{p}: a configuration needs a 'model' section")
    return dict(cfg)


def estimator_from_config(
    config: dict[str, Any],
    lang: str | None = None,
    banned: Callable[[str], bool] | None = None,
) -> Any:
    """A fresh, unfitted estimator built from ``config["model"]`` (its component looked up in
    :data:`sentikit.components.registry`).

    ``banned`` says which auxiliary corpora are under evaluation: they are removed from the
    family settings (:func:`sentikit.models.specs.prune_families`), so an evaluation never
    trains on its own test texts. The training entry points build it from corpus names
    (:func:`sentikit.training.resources.build_estimator`) and hand the estimator its data.
    """
    spec = copy.deepcopy(config["model"])
    name = spec.pop("name", None)
    if not isinstance(name, str) or name not in registry.models:
        raise InputError(f"unknown model component {name!r}; known: {registry.models.names()}")
    cls = registry.models.get(name)
    if banned is not None and isinstance(spec.get("families"), list):
        spec["families"] = prune_families(spec["families"], banned)
    return cls(lang=lang or config.get("lang", "en"), **spec)


#: Keys of a linear ensemble's state in ``model.json`` (``model``) that loading needs.
_STATE_KEYS = ("lang", "classes", "weights", "families")


def _shape_problem(est: LinearEnsembleClassifier) -> str | None:
    """What does not fit together in a loaded estimator's arrays, or ``None``.

    Checks every family's coefficients against the number of classes and against the width of
    the family's features (the columns of an empty batch), its intercept against the
    coefficients, and the fusion weights against the families, so that a bundle without a
    manifest fails at load time rather than on every record.
    """
    n_fam = len(est.families_)
    if len(est.weights_) != n_fam:
        return f"{len(est.weights_)} fusion weights for {n_fam} feature families"
    rows = 1 if len(est.classes_) == 2 else len(est.classes_)
    for k, (fam, coef, icpt) in enumerate(
        zip(est.families_, est.coef_, est.intercept_, strict=True)
    ):
        where = f"family {k} ({getattr(fam, 'name', type(fam).__name__)})"
        if coef.ndim != 2 or coef.shape[0] != rows:
            return (
                f"{where}: coefficients of shape {coef.shape}, expected {rows} row(s) for "
                f"{len(est.classes_)} classes"
            )
        if icpt.shape != (rows,):
            return f"{where}: intercept of shape {icpt.shape}, expected ({rows},)"
        try:
            width = int(fam.transform([]).shape[1])
        except Exception:  # noqa: BLE001 - a family that cannot say its width is not checked
            continue
        if coef.shape[1] != width:
            return f"{where}: {coef.shape[1]} coefficients for {width} features"
    return None


def load_model(path: str | Path) -> tuple[dict[str, Any], LinearEnsembleClassifier]:
    """Load a bundle folder: ``(info, fitted estimator)``.

    Raises
    ------
    ResourceMissingError, BundleVersionError, BundleDamagedError, BundleError
        See :func:`sentikit.io.bundle.load_bundle`; also :class:`BundleDamagedError` when the
        model state lacks a key or its arrays do not fit each other (:func:`_shape_problem`),
        and :class:`BundleError` for an unknown model component.
    """
    info, arrays = load_bundle(path)
    meta = info["model"]
    if meta.get("name") not in registry.models:
        raise BundleError(f"{path}: unknown model component {meta.get('name')!r}")
    cls = registry.models.get(meta["name"])
    missing = [k for k in _STATE_KEYS if k not in meta]
    if missing:
        keys = ", ".join(repr(k) for k in missing)
        raise BundleDamagedError(path, f"model.json: the model state lacks {keys}")
    try:
        est = cls.from_state(meta, arrays)
    except BundleError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        why = f"{type(exc).__name__}: {exc}"
        raise BundleDamagedError(path, f"the model state does not load ({why})") from exc
    problem = _shape_problem(est)
    if problem is not None:
        raise BundleDamagedError(path, f"arrays.npz does not fit model.json: {problem}")
    return info, est


def shipped_model_dir(lang: str) -> Path:
    """Folder of the default bundle shipped for ``lang``."""
    path = MODELS_DIR / lang
    if not (path / "model.json").is_file():
        raise ResourceMissingError(
            f"no shipped model for {lang!r} at {path}; reinstall sentikit or train one with "
            f"'sentikit train --config CONFIG --output DIR'"
        )
    return path


def shipped_models() -> list[dict[str, Any]]:
    """``model.json`` (without the model state, with its ``classes``) of every shipped
    bundle."""
    out = []
    if MODELS_DIR.is_dir():
        for d in sorted(MODELS_DIR.iterdir()):
            if (d / "model.json").is_file():
                info = read_bundle_info(d)
                model = info.pop("model", None) or {}
                info.pop("manifest", None)
                info["classes"] = [str(c) for c in model.get("classes", [])]
                out.append(info)
    return out
