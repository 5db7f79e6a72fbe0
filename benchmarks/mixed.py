"""How well the ``mixed`` flag finds sentences whose aspects disagree (SemEval ABSA sentences).

A SemEval sentence is *gold mixed* when its aspect terms (English 2014) or opinions (Turkish
2016) carry both positive and negative polarity (or ``conflict``); every other sentence with
opinions is gold not-mixed. The shipped analyzer's ``mixed`` flag is scored against that:
precision, recall and F1 of the mixed class, and the share of not-mixed sentences flagged.

The English sentences are the official test splits. The Turkish ones are the training split
(the corpus has no public gold test with all opinions); its non-mixed sentences are training
data of the shipped Turkish model, its mixed ones are not (``sentikit train`` leaves ``mixed``
out), so the Turkish figure is optimistic: say so beside it.

Usage::

    python benchmarks/mixed.py [--json docs/results/mixed.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import sentikit
from sentikit.io.datasets import load_dataset

SETS = [
    ("en", "semeval2014-restaurants-sentences", "test"),
    ("en", "semeval2014-laptops-sentences", "test"),
    ("tr", "semeval2016-tr-sentences", "train"),
]


def score(lang: str, name: str, split: str) -> dict[str, object]:
    """Precision/recall/F1 of the ``mixed`` flag on one sentence set."""
    ex = load_dataset(name, split)
    gold = [e.label == "mixed" for e in ex]
    an = sentikit.load(lang)
    t0 = time.perf_counter()
    res = an.analyze_many([e.text for e in ex])
    secs = time.perf_counter() - t0
    pred = [bool(r.get("mixed")) for r in res]
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    prec = 100.0 * tp / max(tp + fp, 1)
    rec = 100.0 * tp / max(tp + fn, 1)
    f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    return {
        "lang": lang,
        "corpus": name,
        "split": split,
        "n": len(ex),
        "gold_mixed": sum(gold),
        "flagged": sum(pred),
        "precision": round(prec, 2),
        "recall": round(rec, 2),
        "f1": round(f1, 2),
        "false_flag_rate": round(100.0 * fp / max(len(gold) - sum(gold), 1), 2),
        "seconds": round(secs, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args()
    rows = [score(*s) for s in SETS]
    print(f"{'corpus':40s} {'n':>5s} {'mixed':>5s} {'flag':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for r in rows:
        print(
            f"{r['corpus']}:{r['split']:<8s}"[:40].ljust(40)
            + f" {r['n']:5d} {r['gold_mixed']:5d} {r['flagged']:5d}"
            f" {r['precision']:6.2f} {r['recall']:6.2f} {r['f1']:6.2f}"
        )
    if args.json:
        doc = {"date": time.strftime("%Y-%m-%d"), "results": rows}
        args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
