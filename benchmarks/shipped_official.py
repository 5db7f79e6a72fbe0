"""The shipped models on the official test splits of the corpora they were trained with.

The shipped bundles train on the *training* splits of every pool corpus that has an official
split (``training.datasets`` of ``sentikit/resources/configs/{tr,en}.json``), so their test
splits are unseen (a corpus whose pool source is more than its training split, such as the
English movie sentences, is skipped): this scores the bundles as users get them on those
splits (binary corpora on positive/negative, the binary view; three-class corpora on all
three), beside the
evaluation-only corpora (never trained on). Corpora without an official split are trained on
whole and are not scored here (see the leave-one-corpus-out protocol instead).

Usage::

    python benchmarks/shipped_official.py [--json docs/results/shipped-official.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from sentikit.evaluation.crosscorpus import _score, loco_plan
from sentikit.io.datasets import load_dataset
from sentikit.models import registry
from sentikit.training.data import source_key


def run(lang: str, model: str | None = None) -> list[dict[str, object]]:
    """Scores of the shipped ``lang`` bundle (or the bundle folder ``model``, trained on the
    shipped configuration's data) on each unseen official test split."""
    cfg = registry.default_config(lang)
    info, est = registry.load_model(model or registry.shipped_model_dir(lang))
    rows = []
    trained: dict[str, set[str | None]] = {}
    for src in cfg["training"]["datasets"]:
        trained.setdefault(source_key(src), set()).add(src.get("split"))
    for item in loco_plan(cfg, lang):
        if item.split is None:  # no official split: trained on whole
            continue
        if not trained.get(item.key, set()) <= {"train", "dev", "validation"}:
            continue  # the pool takes more than the training split (rt: all of it)
        ex = [e for e in load_dataset(item.key, item.split) if e.label not in (None, "mixed")]
        gold = [str(e.label) for e in ex]
        t0 = time.perf_counter()
        probs = np.asarray(est.predict_proba([e.text for e in ex]))
        s = _score(gold, probs, [str(c) for c in est.classes_])
        rows.append(
            {
                "lang": lang,
                "model": f"{info['name']} {info['version']}",
                "corpus": item.key,
                "split": item.split,
                "evaluation_only": item.evaluation_only,
                "labels": sorted(set(gold)),
                "n": len(gold),
                "accuracy": round(s["accuracy"], 2),
                "macro_f1": round(s["macro_f1"], 2),
                "per_class": s["per_class"],
                "seconds": round(time.perf_counter() - t0, 1),
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--lang", choices=["tr", "en"], action="append", help="default: both")
    ap.add_argument(
        "--model", default=None, help="a bundle folder instead of the shipped model (one --lang)"
    )
    args = ap.parse_args()
    langs = args.lang or ["tr", "en"]
    if args.model and len(langs) != 1:
        ap.error("--model needs exactly one --lang")
    rows = [r for lang in langs for r in run(lang, args.model)]
    print("| model | corpus (split) | classes | n | accuracy | macro-F1 |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        name = f"{r['corpus']} ({r['split']})" + (
            ", evaluation only" if r["evaluation_only"] else ""
        )
        print(
            f"| {r['model']} | {name} | {len(r['labels'])} | {r['n']:,} | "  # type: ignore[arg-type]
            f"{r['accuracy']:.2f} | {r['macro_f1']:.2f} |"
        )
    if args.json:
        doc = {"date": time.strftime("%Y-%m-%d %H:%M"), "results": rows}
        args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
