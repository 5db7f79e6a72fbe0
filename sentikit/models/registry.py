"""Model configurations, the component registry, training and loading of bundles.

A configuration (JSON or TOML) names the model component and its settings, and the training
data of the shipped bundle::

    {"name": "sentikit-tr-linear", "version": "1.0.0", "lang": "tr",
     "model": {"name": "sentikit.linear_ensemble.v1", "families": [...]},
     "training": {"datasets": [{"name": "turkish-movie-reviews", "split": "all"}]}}

The resolved configuration is saved in every bundle's ``model.json``.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sentikit._version import __version__
from sentikit.errors import BundleDamagedError, BundleError, InputError, ResourceMissingError
from sentikit.io.bundle import load_bundle, read_bundle_info, save_bundle, sha256_texts
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.paths import RESOURCES_DIR

MODELS: dict[str, type[LinearEnsembleClassifier]] = {
    LinearEnsembleClassifier.name: LinearEnsembleClassifier,
}
"""Registered model components by versioned name."""

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


#: Corpora that share texts: the English movie sentences are the source of SST's sentences.
OVERLAPPING = {
    "sst-ptb-trees": {"english-movie-sentences-rt-polarity"},
    "english-movie-sentences-rt-polarity": {"sst-ptb-trees"},
}


def _canonical(name: str) -> str:
    """A corpus's identity: the dataset name behind an alias or split, or a file's full path."""
    from sentikit.io.datasets import ALIASES, DATASETS

    base = name.partition(":")[0]
    if base in ALIASES:
        return ALIASES[base][0]
    if base not in DATASETS and Path(name).is_file():
        return str(Path(name).resolve())
    return base


def _strip_excluded(families: list[dict[str, Any]], exclude: Sequence[str]) -> None:
    """Drop auxiliary corpora (transfer datasets, co-occurrence corpora, ``augment`` corpora)
    that are, or share texts with, a corpus under evaluation; a transfer family left without a
    corpus is removed, an ``augment`` family left without one trains on its own corpus only."""
    banned: set[str] = set()
    for name in exclude:
        c = _canonical(name)
        banned |= {c} | OVERLAPPING.get(c, set())
    for fam in list(families):
        if "datasets" in fam:
            fam["datasets"] = [d for d in fam["datasets"] if _canonical(d) not in banned]
            if not fam["datasets"]:
                families.remove(fam)
        if "transfer" in fam:
            fam["transfer"] = [d for d in fam["transfer"] if _canonical(d) not in banned]
            if not fam["transfer"] and "transfer" in fam.get("sources", []):
                fam["sources"] = [s for s in fam["sources"] if s != "transfer"]
        if fam.get("cooc_corpus") and _canonical(fam["cooc_corpus"]) in banned:
            fam["cooc_corpus"] = None
        if "augment" in fam:  # without its auxiliary corpora the family is a plain one
            fam["augment"] = [d for d in fam["augment"] if _canonical(d) not in banned]
            if not fam["augment"]:
                del fam["augment"]


def estimator_from_config(
    config: dict[str, Any], lang: str | None = None, exclude: Sequence[str] = ()
) -> Any:
    """A fresh, unfitted estimator built from ``config["model"]``.

    ``exclude`` names corpora under evaluation: auxiliary corpora of the configuration that are
    (or overlap) one of them are dropped, so an evaluation never trains on its own test texts.
    """
    spec = copy.deepcopy(config["model"])
    name = spec.pop("name", None)
    cls = MODELS.get(name or "")
    if cls is None:
        raise InputError(f"unknown model component {name!r}; known: {sorted(MODELS)}")
    if exclude and isinstance(spec.get("families"), list):
        _strip_excluded(spec["families"], exclude)
    return cls(lang=lang or config.get("lang", "en"), **spec)


def model_factory(
    config: dict[str, Any], lang: str | None = None, exclude: Sequence[str] = ()
) -> Callable[[], Any]:
    """A zero-argument factory of fresh estimators (for the evaluation harness); ``exclude``
    as in :func:`estimator_from_config`."""
    return lambda: estimator_from_config(config, lang, exclude)


_ALNUM = re.compile(r"[^0-9a-zçğıöşü]+")


def _match_key(text: str) -> str:
    t = text.lower().replace("-lrb-", " ").replace("-rrb-", " ")
    return _ALNUM.sub("", t)


def _contains_any(key: str, banned: set[str]) -> bool:
    """True when ``key`` equals or contains one of ``banned`` (keys of ≥ 15 characters)."""
    if key in banned:
        return True
    return any(b in key for b in banned if 15 <= len(b) <= len(key))


def _limited(examples: list[Any], limit: int) -> list[Any]:
    """At most ``limit`` examples, a seeded sample stratified by label, in corpus order."""
    import numpy as np

    if len(examples) <= limit:
        return examples
    rng = np.random.default_rng(0)
    by_label: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_label.setdefault(str(e.label), []).append(i)
    keep: list[int] = []
    for idx in by_label.values():
        k = round(limit * len(idx) / len(examples))
        keep += rng.choice(idx, size=min(k, len(idx)), replace=False).tolist()
    return [examples[i] for i in sorted(keep)]


def source_key(src: dict[str, Any]) -> str:
    """The corpus a training source stands for: its dataset or alias name (the cross-corpus
    protocol leaves corpora out by this key)."""
    return str(src["name"]).partition(":")[0]


def training_data(
    config: dict[str, Any], leave_out: Sequence[str] = ()
) -> tuple[list[str], list[str], list[dict[str, Any]], list[str]]:
    """Texts and labels of ``config["training"]["datasets"]``, a per-source summary, and
    each text's source key (for :func:`corpus_weights`).

    A source may name ``"exclude": "DATASET:SPLIT"``: its texts that contain a text of that
    split (compared on lower-cased letters and digits) are dropped — used to keep SST's test
    sentences out of the English model: the movie snippets come from the same source, and SST
    split some snippets into several sentences, so containment, not equality, is tested.
    ``"limit": N`` keeps a seeded, label-stratified sample of N examples of a large source;
    ``"labels": [...]`` keeps only those labels. ``"as_label": L`` labels every text of an
    unlabelled corpus ``L`` (distant supervision: news text as the neutral class, after Pak
    and Paroubek 2010), and ``"sentences": K`` keeps only the first K sentences of each text
    (split by the language's processor). ``"weight": w`` scales the source's per-text weights
    (:func:`source_weights`). Only sentikit's three classes (and the
    labels of fine-grained corpora) train: ``"mixed"`` ABSA sentences are left out.
    ``leave_out`` names source keys (or corpora) whose sources are skipped, with those that
    share texts with them (the cross-corpus protocol).
    """
    from sentikit.io.datasets import load_dataset

    banned: set[str] = set()
    for name in leave_out:
        banned |= {name, _canonical(name)} | OVERLAPPING.get(_canonical(name), set())
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    summary: list[dict[str, Any]] = []
    for src in config.get("training", {}).get("datasets", []):
        key = source_key(src)
        if key in banned or _canonical(key) in banned:
            continue
        opts = {k: v for k, v in src.items() if k not in _SOURCE_KEYS}
        examples = load_dataset(src["name"], split=src.get("split"), **opts)
        if "as_label" in src:
            if "limit" in src:  # sample before cutting sentences: the corpus may be large
                examples = _limited(examples, int(src["limit"]))
            examples = _distant(examples, str(src["as_label"]), src.get("sentences"), config)
        dropped = 0
        if "exclude" in src:
            ename, _, esplit = str(src["exclude"]).partition(":")
            banned_texts = {_match_key(e.text) for e in load_dataset(ename, split=esplit or None)}
            kept = [e for e in examples if not _contains_any(_match_key(e.text), banned_texts)]
            dropped = len(examples) - len(kept)
            examples = kept
        allowed = set(src.get("labels") or []) or None
        examples = [
            e
            for e in examples
            if e.label is not None
            and e.label != "mixed"
            and (allowed is None or e.label in allowed)
        ]
        if "limit" in src:
            examples = _limited(examples, int(src["limit"]))
        texts += [e.text for e in examples]
        labels += [str(e.label) for e in examples]
        groups += [key] * len(examples)
        summary.append({**src, "n": len(examples), "excluded": dropped})
    if not texts:
        raise InputError("the configuration names no training data")
    return texts, labels, summary, groups


#: Keys of a training source that are not options of its dataset loader.
_SOURCE_KEYS = ("name", "split", "exclude", "limit", "labels", "as_label", "sentences", "weight")


def _distant(
    examples: list[Any], label: str, sentences: int | None, config: dict[str, Any]
) -> list[Any]:
    """Examples of an unlabelled corpus, labelled ``label``; with ``sentences``, each text
    cut to its first ``sentences`` sentences (empty ones dropped)."""
    from dataclasses import replace

    if sentences is not None:
        from sentikit.lang import get_processor

        proc = get_processor(str(config.get("lang", "en")))
        cut = []
        for e in examples:
            (doc,) = proc.make_docs([e.text])
            sents = doc.sentences[: int(sentences)]
            text = doc.text[sents[0].span[0] : sents[-1].span[1]] if sents else ""
            cut.append(replace(e, text=text))
        examples = [e for e in cut if e.text.strip()]
    return [replace(e, label=label) for e in examples]


def source_weights(config: dict[str, Any]) -> dict[str, float]:
    """The ``"weight"`` of each training source key that sets one."""
    out: dict[str, float] = {}
    for src in config.get("training", {}).get("datasets", []):
        if "weight" in src:
            out[source_key(src)] = float(src["weight"])
    return out


def corpus_weights(
    groups: Sequence[str], scheme: str | None, scale: dict[str, float] | None = None
) -> list[float] | None:
    """Per-text weights that set each corpus's share of the training loss: ``"sqrt"`` gives a
    corpus of n texts a total weight ∝ √n (large corpora count more, but do not drown the
    small ones), ``"equal"`` the same total to every corpus; ``None``/``"none"``: no weights.
    ``scale`` multiplies the weights of some corpora (:func:`source_weights`). Weights have
    mean 1."""
    if (scheme in (None, "none") and not scale) or not groups:
        return None
    from collections import Counter

    counts = Counter(groups)
    if scheme in (None, "none"):
        total = {g: float(n) for g, n in counts.items()}
    elif scheme == "sqrt":
        total = {g: n**0.5 for g, n in counts.items()}
    elif scheme == "equal":
        total = dict.fromkeys(counts, 1.0)
    else:
        raise InputError(f"unknown corpus balance {scheme!r}; use none, sqrt or equal")
    scale = scale or {}
    w = [total[g] / counts[g] * scale.get(g, 1.0) for g in groups]
    mean = sum(w) / len(w)
    return [x / mean for x in w]


def train_bundle(
    config: dict[str, Any],
    texts: Sequence[str] | None,
    labels: Sequence[str] | None,
    lang: str | None,
    output_dir: str | Path,
    metrics: dict[str, Any] | None = None,
    trained_on: Sequence[str] | None = None,
) -> Path:
    """Train the configured model and write a bundle to ``output_dir``.

    ``texts``/``labels`` of ``None`` take the training data the configuration names.
    ``trained_on`` names the corpora (datasets or files) that ``texts`` came from; auxiliary
    corpora of the configuration among them (or sharing texts with them) are left out. It
    defaults to the configuration's training datasets when they are the training data, and
    to nothing when ``texts`` are given.
    """
    lang = lang or config.get("lang")
    if lang is None:
        raise InputError("the language is needed: give --lang or 'lang' in the configuration")
    summary: list[dict[str, Any]] = []
    from_config = texts is None or labels is None
    weights: list[float] | None = None
    if texts is None or labels is None:
        texts, labels, summary, groups = training_data(config)
        balance = config.get("training", {}).get("balance")
        weights = corpus_weights(groups, balance, source_weights(config))
    texts, labels = list(texts), [str(y) for y in labels]
    # auxiliary corpora that are also training data would leak into the stacking weights
    if trained_on is None:
        sources = config.get("training", {}).get("datasets", []) if from_config else []
        trained_on = [str(src["name"]) for src in sources]
    est = estimator_from_config(config, lang, exclude=trained_on).fit(texts, labels, weights)
    meta, arrays = est.to_state()
    info = {
        "name": config.get("name", f"sentikit-{lang}-custom"),
        "version": config.get("version", "0.0.0"),
        "sentikit_version": f">={__version__.rsplit('.', 1)[0]},<1.0",
        "lang": lang,
        "created": _dt.date.today().isoformat(),
        "config": config,
        "training_data": {
            "sources": summary,
            "n": len(texts),
            "label_counts": {c: labels.count(c) for c in sorted(set(labels))},
            "sha256": sha256_texts(texts, labels),
        },
        "metrics": metrics or {},
    }
    return save_bundle(output_dir, info, meta, arrays)


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
    cls = MODELS.get(meta.get("name", ""))
    if cls is None:
        raise BundleError(f"{path}: unknown model component {meta.get('name')!r}")
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
