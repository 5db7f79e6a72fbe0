"""The embedding feature family inside the classical model: default vs default + embeddings.

Runs ``LinearEnsembleClassifier`` with the shipped default families (word 1–3-grams + char
1–5-grams) and with ``sentikit.embedding_mean.v1`` added (mean contextual word vector ⊕ polarity
features, one more logistic regression fused by stacking), on the same folds. The family is put
into the model's family table for this process only (the lead registers it in
``sentikit/models``).

Usage::

    nice -n 10 python benchmarks/embeddings_family.py --datasets turkish-twitter-sentiment \\
        --json docs/results/embeddings_family.json
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path
from typing import Any

import sentikit.models.linear as linear
from sentikit.embeddings.family import EmbeddingMean
from sentikit.evaluation.protocols import make_plan
from sentikit.evaluation.runner import evaluate_folds

DEFAULT = [
    {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "C": 10.0, "weight": 1.0},
    {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 5], "C": 10.0, "weight": 1.0},
]
WITH_EMB = [*DEFAULT, {"name": EmbeddingMean.name, "dim": 100, "C": 1.0, "weight": 1.0}]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", nargs="+", default=["turkish-twitter-sentiment"])
    ap.add_argument("--max-folds", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    linear.FEATURE_FAMILIES.setdefault(EmbeddingMean.name, EmbeddingMean)
    out: dict[str, Any] = {
        "command": "python benchmarks/embeddings_family.py " + " ".join(sys.argv[1:]),
        "results": {},
    }
    for ds in args.datasets:
        plan = make_plan(ds)
        lang = plan.info.lang or "en"
        res: dict[str, Any] = {"protocol": plan.protocol}
        for name, fams in (("default", DEFAULT), ("default+embedding_mean", WITH_EMB)):
            r = evaluate_folds(
                plan.examples,
                plan.folds,
                partial(linear.LinearEnsembleClassifier, lang=lang, families=fams),
                dataset=ds,
                protocol=plan.protocol,
                lang=lang,
                max_folds=args.max_folds,
            )
            res[name] = {
                "accuracy": round(r.accuracy, 2),
                "folds": [round(f.accuracy, 2) for f in r.folds],
                "macro_f1": round(r.macro_f1, 2),
                "seconds": round(r.seconds, 1),
            }
            print(f"{ds} {name}: {r.accuracy:.2f}", file=sys.stderr, flush=True)
        out["results"][ds] = res
        if args.json:
            args.json.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
