"""Ablations of the classical model's feature families, with paired t-tests over folds.

Three studies, each on the same folds as ``sentikit evaluate`` (10-fold CV or the official
split; a paired t-test needs folds, so the official split reports no p-value):

- ``drop``: the default configuration of the corpus's language (or ``--config``), then the
  same configuration without each family in turn (``full − family``); p-value of the paired
  t-test of each ablated model against the full one.
- ``alpha``: the §3 combination weight α from 0.0 to 1.0 (step 0.1) in the reference setting of
  METHODS.md §8 — three polarity features (max/min/mean of the combined score), linear SVM,
  C = 1 — each against α = 0 (delta-idf alone).
- ``sources``: each word-score source alone in that reference setting (supervised schemes,
  co-occurrence, combined, lexicons, transfer) against delta-idf.

Usage::

    python benchmarks/ablation.py --dataset turkish-twitter-sentiment --study drop \
        --json docs/results/ablation-drop-turkish-twitter-sentiment.json

Variants can also run as separate processes (``--variant I --json part-I.json``) and be
merged afterwards (``--merge part-*.json --json table.json``), which is how
``benchmarks/run_suite.py`` spreads them over cores. With ``--merge``, ``--reference-eval
EVAL.json`` takes the reference ("full") row from a ``sentikit evaluate --json`` run of the same
configuration on the same protocol (the same folds), so the full model is not trained twice.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
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
from sentikit.training.resources import model_factory


def _run(dataset: str, lang: str, families: list[dict[str, Any]], protocol: str | None) -> Any:
    cfg = {"model": {"name": LinearEnsembleClassifier.name, "families": families}}

    make = model_factory(cfg, lang, exclude=[dataset])

    def factory() -> Any:
        return make()

    return evaluate(dataset, factory, protocol=protocol)


def _polarity(**kw: Any) -> dict[str, Any]:
    return {"name": "sentikit.polarity_features.v1", "C": 1.0, "classifier": "svm", **kw}


def variants(
    study: str, lang: str, aux: dict[str, Any], config: Path | None = None
) -> list[tuple[str, list[dict[str, Any]]]]:
    """(name, families) of every model of a study; the first is the reference."""
    if study == "drop":
        cfg = registry.load_config(config) if config else registry.default_config(lang)
        full = cfg["model"]["families"]
        out = [("full", full)]
        for i, fam in enumerate(full):
            rest = copy.deepcopy(full[:i] + full[i + 1 :])
            label = fam["name"].removeprefix("sentikit.").removesuffix(".v1")
            if sum(f["name"] == fam["name"] for f in full) > 1:  # say which one
                label += " (" + _distinct(fam, [f for f in full if f["name"] == fam["name"]]) + ")"
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


def _distinct(fam: dict[str, Any], same: list[dict[str, Any]]) -> str:
    """The settings that tell ``fam`` apart from the other families of its name."""
    keys = sorted({k for f in same for k in f} - {"name", "weight"})
    diff = [k for k in keys if any(f.get(k) != fam.get(k) for f in same)]
    return ", ".join(f"{k}={fam.get(k)}" for k in diff) or "duplicate"


def _row(name: str, fams: list[dict[str, Any]], r: Any, seconds: float) -> dict[str, Any]:
    return {
        "model": name,
        "accuracy": r.accuracy,
        "std": r.accuracy_std,
        "macro_f1": r.macro_f1,
        "calibration": r.calibration,
        "folds": [f.accuracy for f in r.folds],
        "families": fams,
        "seconds": round(seconds, 1),
        "protocol": r.protocol,
    }


def table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add to each row its difference from the first (reference) row and the p-value of the
    paired t-test over folds (``None`` for the reference or with a single fold)."""
    ref = rows[0]["folds"]
    for i, row in enumerate(rows):
        accs = row["folds"]
        p = None
        if i > 0 and len(accs) > 1 and len(accs) == len(ref) and accs != ref:
            p = float(ttest_rel(accs, ref).pvalue)
        row["delta_vs_ref"] = float(np.mean(accs) - np.mean(ref))
        row["p_value"] = p
    return rows


def _reference_row(path: Path, dataset: str, config: Path | None) -> dict[str, Any]:
    """The "full" row from a ``sentikit evaluate --json`` result (same folds as the variants)."""
    ev = json.loads(path.read_text("utf-8"))
    if ev["dataset"] != dataset:
        raise SystemExit(f"{path} evaluates {ev['dataset']!r}, not {dataset!r}")
    cfg = registry.load_config(config) if config else registry.default_config(ev["lang"])
    return {
        "model": "full",
        "accuracy": ev["accuracy"],
        "std": ev["accuracy_std"],
        "macro_f1": ev["macro_f1"],
        "calibration": ev.get("calibration"),
        "folds": [f["accuracy"] for f in ev["folds"]],
        "families": cfg["model"]["families"],
        "seconds": round(float(ev.get("seconds", 0.0)), 1),
        "protocol": ev["protocol"],
        "from": str(path),
    }


def _print(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        pv = "" if row["p_value"] is None else f"p={row['p_value']:.3f}"
        print(
            f"{row['model']:28s} {row['accuracy']:6.2f} ±{row['std']:5.2f}  "
            f"Δ={row['delta_vs_ref']:+.2f} {pv}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--study", choices=["drop", "alpha", "sources"], default="drop")
    ap.add_argument("--protocol", default=None, help="official or cv10 (default: the corpus's)")
    ap.add_argument("--cooc-corpus", default=None, help="unlabelled corpus for §2 scores")
    ap.add_argument(
        "--cooc-unseen",
        choices=["missing", "constant"],
        default=None,
        help="§2 score of a term near no seed (default: the family's, 'missing'; the tables of "
        "docs/notes/ablation-alpha-sources.md before the option used 'constant')",
    )
    ap.add_argument("--lexicon", action="append", default=[], help="lexicon TSV or dataset")
    ap.add_argument("--transfer", action="append", default=[], help="labelled aux corpus")
    ap.add_argument("--config", type=Path, default=None, help="the full model of --study drop")
    ap.add_argument(
        "--variant", type=int, default=None, help="run only this variant (0 = reference)"
    )
    ap.add_argument(
        "--merge", type=Path, nargs="+", default=None, help="merge --variant JSON files"
    )
    ap.add_argument(
        "--reference-eval",
        type=Path,
        default=None,
        help="with --merge: the reference row from a `sentikit evaluate --json` result of the "
        "same configuration, dataset and protocol (same folds), instead of a variant-0 run",
    )
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    info = dataset_info(args.dataset)
    meta = {
        "dataset": args.dataset,
        "study": args.study,
        "command": "python " + " ".join(sys.argv),
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}, {os.cpu_count()} cores",
    }
    if args.merge:
        parts = [json.loads(p.read_text("utf-8")) for p in args.merge]
        parts.sort(key=lambda d: d.get("variant", 0))
        if args.study == "drop" and all(d.get("variant") is not None for d in parts):
            names = [
                n for n, _ in variants("drop", dataset_info(args.dataset).lang, {}, args.config)
            ]
            for d in parts:  # names as the current code gives them
                d["rows"][0]["model"] = names[d["variant"]]
        found = [r for d in parts for r in d["rows"]]
        if args.reference_eval:
            found.insert(0, _reference_row(args.reference_eval, args.dataset, args.config))
        rows = table(found)
        _print(rows)
        out = {**meta, "merged_from": [d["command"] for d in parts], "rows": rows}
        if args.json:
            args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")
        return
    aux: dict[str, Any] = {}
    if args.cooc_corpus:
        aux["cooc_corpus"] = args.cooc_corpus
    if args.cooc_unseen:
        aux["cooc_unseen"] = args.cooc_unseen
    if args.lexicon:
        aux["lexicons"] = args.lexicon
    if args.transfer:
        aux["transfer"] = args.transfer
    todo = variants(args.study, info.lang, aux, args.config)
    if args.variant is not None:
        todo = [todo[args.variant]]
    rows = []
    for name, fams in todo:
        t0 = time.time()
        r = _run(args.dataset, info.lang, fams, args.protocol)
        rows.append(_row(name, fams, r, time.time() - t0))
    if args.variant is None:
        table(rows)
        _print(rows)
    out = {**meta, "variant": args.variant, "rows": rows}
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
