"""The embedding feature family inside the classical model: default vs default + embeddings.

Runs ``LinearEnsembleClassifier`` with a base set of families and with
``sentikit.embedding_mean.v1`` added (mean contextual word vector ⊕ polarity features, one more
logistic regression fused by stacking), on the same folds. ``--base word-char`` (default) is
word 1–3-grams + char 1–5-grams; ``--base shipped`` is the shipped configuration of the corpus's
language (``sentikit/resources/configs/LANG.json``). ``--pretrained DIR`` gives the family
vectors pretrained on a large unlabelled corpus (``benchmarks/embeddings_pretrain.py``) instead
of vectors learnt from each fold's training texts.

Usage::

    nice -n 10 python benchmarks/embeddings_family.py --datasets turkish-twitter-sentiment \\
        --json docs/results/embeddings_family.json
    python benchmarks/embeddings_family.py --base shipped --pretrained /tmp/emb-tr/sentikit \\
        --datasets turkish-twitter-sentiment --protocol cv10
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import sentikit.models.linear as linear
from sentikit.embeddings.family import EmbeddingMean
from sentikit.evaluation.protocols import make_plan
from sentikit.evaluation.runner import evaluate_folds
from sentikit.models.registry import default_config
from sentikit.training.resources import model_factory

DEFAULT = [
    {"name": "sentikit.word_ngrams.v1", "ngram_range": [1, 3], "C": 10.0, "weight": 1.0},
    {"name": "sentikit.char_ngrams.v1", "ngram_range": [1, 5], "C": 10.0, "weight": 1.0},
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", nargs="+", default=["turkish-twitter-sentiment"])
    ap.add_argument("--max-folds", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--base", choices=["word-char", "shipped"], default="word-char")
    ap.add_argument("--pretrained", default=None, help="a saved sentikit embedding folder")
    ap.add_argument("--protocol", choices=["official", "cv10"], default=None)
    args = ap.parse_args(argv)
    emb: dict[str, Any] = {"name": EmbeddingMean.name, "dim": 100, "C": 1.0, "weight": 1.0}
    if args.pretrained:
        emb["pretrained"] = args.pretrained
    out: dict[str, Any] = {
        "command": "python benchmarks/embeddings_family.py " + " ".join(sys.argv[1:]),
        "results": {},
    }
    for ds in args.datasets:
        plan = make_plan(ds, args.protocol)
        lang = plan.info.lang or "en"
        res: dict[str, Any] = {"protocol": plan.protocol}
        base = DEFAULT if args.base == "word-char" else default_config(lang)["model"]["families"]
        for name, fams in (("default", base), ("default+embedding_mean", [*base, emb])):
            r = evaluate_folds(
                plan.examples,
                plan.folds,
                # auxiliary corpora that are the evaluated corpus are dropped, as in
                # `sentikit evaluate`
                model_factory(
                    {
                        "lang": lang,
                        "model": {"name": linear.LinearEnsembleClassifier.name, "families": fams},
                    },
                    lang,
                    exclude=[ds],
                ),
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
