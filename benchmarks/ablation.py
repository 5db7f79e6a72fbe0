"""Ablations of the classical model's feature families, with paired t-tests over folds.

Three studies, each on the same folds as ``sentikit evaluate`` (10-fold CV or the official
split; a paired t-test needs folds, so the official split reports no p-value):

- ``drop``: the default configuration of the corpus's language, then the same configuration
  without each family in turn (``full − family``); p-value of the paired t-test of each
  ablated model against the full one.
- ``alpha``: the §3 combination weight α from 0.0 to 1.0 (step 0.1) in the reference setting of
  METHODS.md §8 — three polarity features (max/min/mean of the combined score), linear SVM,
  C = 1 — each against α = 0 (delta-idf alone).
- ``sources``: each word-score source alone in that reference setting (supervised schemes,
  co-occurrence, combined, lexicons, transfer) against delta-idf.

Usage::

    python benchmarks/ablation.py --dataset turkish-twitter-sentiment --study drop \
        --json docs/results/ablation-drop-turkish-twitter-sentiment.json
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import ttest_rel

from sentikit.evaluation.runner import evaluate
from sentikit.io.datasets import dataset_info
from sentikit.models import registry
from sentikit.models.linear import LinearEnsembleClassifier


def _run(dataset: str, lang: str, families: list[dict[str, Any]], protocol: str | None) -> Any:
    cfg = {"model": {"name": LinearEnsembleClassifier.name, "families": families}}

    def factory(lang: str = lang) -> Any:
        return registry.estimator_from_config(cfg, lang, exclude=[dataset])

    return evaluate(dataset, factory, protocol=protocol)


def _polarity(**kw: Any) -> dict[str, Any]:
    return {"name": "sentikit.polarity_features.v1", "C": 1.0, "classifier": "svm", **kw}


def variants(study: str, lang: str, aux: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(name, families) of every model of a study; the first is the reference."""
    if study == "drop":
        full = registry.default_config(lang)["model"]["families"]
        out = [("full", full)]
        for i, fam in enumerate(full):
            rest = copy.deepcopy(full[:i] + full[i + 1 :])
            label = fam["name"].removeprefix("sentikit.").removesuffix(".v1")
            out.append((f"full − {label}", rest))
        return out
    if study == "alpha":
        return [
            (f"alpha={a:.1f}", [_polarity(sources=["combined"], alpha=round(a, 1), **aux)])
            for a in np.arange(0.0, 1.01, 0.1)
        ]
    if study == "sources":
        lex = aux.get("lexicons", [])
        out = [
            ("delta_idf", [_polarity(sources=["supervised"])]),
            ("nb", [_polarity(sources=["supervised"], scheme="nb")]),
            ("bm25_delta", [_polarity(sources=["supervised"], scheme="bm25_delta")]),
            ("cooccurrence", [_polarity(sources=["cooccurrence"], **aux)]),
            ("combined α=0.2", [_polarity(sources=["combined"], **aux)]),
            ("delta_idf + extras", [_polarity(sources=["supervised"], extras=True)]),
            ("delta_idf + positions", [_polarity(sources=["supervised"], positions=True)]),
        ]
        if lex:
            out.append(("lexicons", [_polarity(sources=["lexicon"], lexicons=lex)]))
            out.append(
                (
                    "delta_idf + lexicons",
                    [_polarity(sources=["supervised", "lexicon"], lexicons=lex)],
                )
            )
        if aux.get("transfer"):
            out.append(
                (
                    "delta_idf + transfer",
                    [_polarity(sources=["supervised", "transfer"], transfer=aux["transfer"])],
                )
            )
        return out
    raise SystemExit(f"unknown study {study!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--study", choices=["drop", "alpha", "sources"], default="drop")
    ap.add_argument("--protocol", default=None, help="official or cv10 (default: the corpus's)")
    ap.add_argument("--cooc-corpus", default=None, help="unlabelled corpus for §2 scores")
    ap.add_argument("--lexicon", action="append", default=[], help="lexicon TSV or dataset")
    ap.add_argument("--transfer", action="append", default=[], help="labelled aux corpus")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    info = dataset_info(args.dataset)
    aux: dict[str, Any] = {}
    if args.cooc_corpus:
        aux["cooc_corpus"] = args.cooc_corpus
    if args.lexicon:
        aux["lexicons"] = args.lexicon
    if args.transfer:
        aux["transfer"] = args.transfer
    rows = []
    ref: list[float] | None = None
    for name, fams in variants(args.study, info.lang, aux):
        t0 = time.time()
        r = _run(args.dataset, info.lang, fams, args.protocol)
        accs = [f.accuracy for f in r.folds]
        p = None
        if ref is not None and len(accs) > 1 and len(accs) == len(ref) and accs != ref:
            p = float(ttest_rel(accs, ref).pvalue)
        if ref is None:
            ref = accs
        row = {
            "model": name,
            "accuracy": r.accuracy,
            "std": r.accuracy_std,
            "macro_f1": r.macro_f1,
            "delta_vs_ref": r.accuracy - float(np.mean(ref)),
            "p_value": p,
            "folds": accs,
            "families": fams,
            "seconds": round(time.time() - t0, 1),
        }
        rows.append(row)
        pv = "" if p is None else f"p={p:.3f}"
        print(
            f"{name:28s} {r.accuracy:6.2f} ±{r.accuracy_std:5.2f}  "
            f"Δ={row['delta_vs_ref']:+.2f} {pv}",
            flush=True,
        )
    out = {
        "dataset": args.dataset,
        "study": args.study,
        "protocol": rows and r.protocol,
        "command": "python " + " ".join(sys.argv),
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "rows": rows,
    }
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
