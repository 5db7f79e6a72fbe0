"""Train a configuration and write a model bundle (``sentikit train``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sentikit._version import __version__
from sentikit.components import Corpus
from sentikit.errors import InputError
from sentikit.io.bundle import save_bundle, sha256_texts
from sentikit.training.data import fit_options, training_data
from sentikit.training.resources import build_estimator


def _auxiliary_sources(est: Any) -> list[dict[str, Any]]:
    """What the estimator was handed besides its training rows (corpora, lexicons, a model
    prior), with content digests."""
    out = []
    for ref, item in (getattr(est, "resources_", None) or {}).items():
        entry = {"name": ref.spec, "kind": ref.kind, "sha256": item.digest}
        if isinstance(item, Corpus):
            entry["n"] = len(item.texts)
        out.append(entry)
    return out


def train_bundle(
    config: dict[str, Any],
    texts: Sequence[str] | None,
    labels: Sequence[str] | None,
    lang: str | None,
    output_dir: str | Path,
    metrics: dict[str, Any] | None = None,
    trained_on: Sequence[str] | None = None,
    sources: list[dict[str, Any]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Train the configured model and write a bundle to ``output_dir``.

    ``texts``/``labels`` of ``None`` take the training data the configuration names.
    ``trained_on`` names the corpora (datasets or files) that ``texts`` came from; auxiliary
    corpora of the configuration among them (or sharing texts with them) are left out. It
    defaults to the configuration's training datasets when they are the training data, and
    to nothing when ``texts`` are given. ``sources`` describes where given ``texts`` came from
    (recorded in ``model.json``); ``progress`` receives a line per training stage.
    """
    lang = lang or config.get("lang")
    if lang is None:
        raise InputError("the language is needed: give --lang or 'lang' in the configuration")
    summary: list[dict[str, Any]] = []
    from_config = texts is None or labels is None
    options: dict[str, Any] = {}
    if texts is None or labels is None:
        texts, labels, summary, groups = training_data(config)
        options = fit_options(config, labels, groups)
    texts, labels = list(texts), [str(y) for y in labels]
    # auxiliary corpora that are also training data would leak into the stacking weights
    if trained_on is None:
        sources = config.get("training", {}).get("datasets", []) if from_config else []
        trained_on = [str(src["name"]) for src in sources]
    est = build_estimator(config, lang, exclude=trained_on)
    auxiliary = _auxiliary_sources(est)
    if progress is not None:
        for aux in auxiliary:
            progress(f"auxiliary {aux['kind']} {aux['name']} (sha256 {aux['sha256'][:12]}…)")
    est.fit(texts, labels, progress=progress, **options)
    if progress is not None:
        progress(f"writing {output_dir}")
    meta, arrays = est.to_state()
    info = {
        "name": config.get("name", f"sentikit-{lang}-custom"),
        "version": config.get("version", "0.0.0"),
        "sentikit_version": f">={__version__.rsplit('.', 1)[0]},<1.0",
        "lang": lang,
        "created": _dt.date.today().isoformat(),
        "config": config,
        "training_data": {
            "sources": summary or list(sources or []),
            "auxiliary": auxiliary,
            "n": len(texts),
            "label_counts": {c: labels.count(c) for c in sorted(set(labels))},
            "sha256": sha256_texts(texts, labels),
        },
        "metrics": metrics or {},
    }
    return save_bundle(output_dir, info, meta, arrays)
