"""Pin what the shipped bundles and a small training run give, so that refactoring can prove it
changed nothing.

Writes ``tests/resources/pinned/{name}.json.gz``; ``tests/test_pinned_outputs.py`` recomputes
each and compares (floats to 1e-9 relative). Run it again only for a change that is *meant* to
change results, and say so in the commit.

* ``shipped-{lang}``: the full result records (``explain=True`` for a few) of the shipped bundle
  on a fixed sample of every labelled corpus of that language in the catalogue (evaluation-only
  corpora included: they are scored, never trained on).
* ``trained-{lang}``: probabilities of a model trained with every feature family of the shipped
  configuration (auxiliary corpora, lexicons, augmentation), on a small fixed subset of the pool;
  English's transfer family learns from SST-2's test sentences instead of the 50,000 IMDB
  reviews (:data:`SMALLER_AUX`), which keeps the test short.

Usage::

    python benchmarks/pin_outputs.py [--only shipped-tr,trained-en]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

PIN_DIR = Path(__file__).resolve().parent.parent / "tests" / "resources" / "pinned"
PER_CORPUS = 40
EXPLAINED = 4
TRAIN_PER_SOURCE = 60
TEST_TEXTS = 80


#: Auxiliary corpora replaced in the trained pins, by language and family: same code paths,
#: a fraction of the time.
SMALLER_AUX = {"en": {"sentikit.transfer.v1": {"datasets": ["sst2:test"]}}}


def _sample(items: Sequence[T], k: int) -> list[T]:
    """At most ``k`` items, evenly spaced (deterministic)."""
    if len(items) <= k:
        return list(items)
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def corpora(lang: str) -> list[str]:
    """The labelled text corpora of ``lang`` in the catalogue (lexicons and treebanks left out)."""
    from sentikit.io.datasets import DATASETS, load_labelled

    names = []
    for name, info in DATASETS.items():
        if info.lang != lang or name.startswith(("lexicon-", "ud-")) or "unlabelled" in name:
            continue
        if "lexical-resources" in name:
            continue
        try:
            texts, _ = load_labelled(name)
        except Exception:  # noqa: BLE001 - not a labelled text corpus
            continue
        if texts:
            names.append(name)
    return sorted(names)


def shipped(lang: str) -> dict[str, Any]:
    """Result records of the shipped ``lang`` bundle on the fixed samples."""
    import sentikit
    from sentikit.io.datasets import load_labelled

    out: dict[str, Any] = {}
    for name in corpora(lang):
        texts = _sample(load_labelled(name)[0], PER_CORPUS)
        plain = sentikit.analyze(texts, lang=lang)
        explained = sentikit.analyze(texts[:EXPLAINED], lang=lang, explain=True)
        out[name] = {"texts": texts, "plain": plain, "explained": explained}
    return out


def trained(lang: str) -> dict[str, Any]:
    """Probabilities of a small model trained with the shipped configuration's families."""
    import numpy as np

    from sentikit.io.datasets import load_labelled
    from sentikit.models import registry
    from sentikit.training.resources import build_estimator

    cfg = registry.default_config(lang)
    swap = SMALLER_AUX.get(lang, {})
    cfg["model"]["families"] = [
        {**fam, **swap.get(fam["name"], {})} for fam in cfg["model"]["families"]
    ]
    texts: list[str] = []
    labels: list[str] = []
    for src in cfg["training"]["datasets"]:
        spec = src["name"] + (f":{src['split']}" if src.get("split") else "")
        t, y = load_labelled(spec)
        idx = _sample(list(range(len(t))), TRAIN_PER_SOURCE)
        texts += [t[i] for i in idx]
        labels += [y[i] for i in idx]
    test = _sample(texts, TEST_TEXTS)
    est = build_estimator(cfg, lang)
    est.fit(texts, labels)
    proba = np.asarray(est.predict_proba(test))
    return {"classes": [str(c) for c in est.classes_], "texts": test, "proba": proba.tolist()}


def data_available() -> bool:
    """Whether the shared corpora are readable here."""
    from sentikit.paths import data_root

    return data_root(required=False) is not None


JOBS = {
    "shipped-tr": lambda: shipped("tr"),
    "shipped-en": lambda: shipped("en"),
    "trained-tr": lambda: trained("tr"),
    "trained-en": lambda: trained("en"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(JOBS), help="comma-separated pins to (re)write")
    args = ap.parse_args()
    PIN_DIR.mkdir(parents=True, exist_ok=True)
    for name in args.only.split(","):
        data = JOBS[name]()
        with gzip.open(PIN_DIR / f"{name}.json.gz", "wt", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, sort_keys=True)
        print(name, "written")


if __name__ == "__main__":
    main()
