"""Accuracy of the ``sentikit.morph_forms.v1`` feature family alone, beside word n-grams.

Every configuration is one feature family + a liblinear logistic regression (dual, C = 10, as
the shipped configuration's n-gram families), trained through the family protocol
(``fit_counts`` / ``column_scale`` / ``weigh`` on the training fold only, ``transform`` on the
test fold), on the same folds (``sentikit.evaluation.protocols``: cv10, and the tweets'
official split). Configurations:

* ``word_ngrams_1_3``: :class:`~sentikit.features.word_ngrams.WordNgrams` (1–3, the baseline);
* ``morph_root_1``: root-form unigrams + morpheme-tag columns;
* ``morph_root_1_2``: root-form uni+bigrams + tag columns;
* ``morph_root_1_2_notags``: root-form uni+bigrams without the tag columns (tag ablation).

Paired t-tests (``scipy.stats.ttest_rel``) over the folds: each configuration vs the baseline,
and tags vs no tags.

Usage::

    python benchmarks/morph_family_cv.py        # writes docs/results/morph_family_cv.json
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import ttest_rel
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sentikit.evaluation.protocols import make_plan  # noqa: E402
from sentikit.features.morph import MorphForms  # noqa: E402
from sentikit.features.word_ngrams import WordNgrams  # noqa: E402
from sentikit.lang import get_processor  # noqa: E402

CONFIGS: dict[str, Any] = {
    "word_ngrams_1_3": lambda: WordNgrams(ngram_range=(1, 3)),
    "morph_root_1": lambda: MorphForms(form="root", ngram_range=(1, 1)),
    "morph_root_1_2": lambda: MorphForms(form="root", ngram_range=(1, 2)),
    "morph_root_1_2_notags": lambda: MorphForms(form="root", ngram_range=(1, 2), tags=False),
}
BASELINE = "word_ngrams_1_3"


def run(dataset: str, protocol: str, C: float, log: Any) -> dict[str, Any]:
    plan = make_plan(dataset, protocol)
    docs = get_processor("tr").make_docs([e.text for e in plan.examples])
    y = np.asarray([e.label for e in plan.examples])
    accs: dict[str, list[float]] = {k: [] for k in CONFIGS}
    for f in plan.folds:
        t0 = time.perf_counter()
        tr_docs = [docs[i] for i in f.train]
        te_docs = [docs[i] for i in f.test]
        for name, make in CONFIGS.items():
            fam = make()
            X = fam.fit_counts(tr_docs)
            fam.set_scale(fam.column_scale(X, y[f.train]))
            lr = LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=2000)
            lr.fit(fam.weigh(X, fam.scale_), y[f.train])
            pred = lr.predict(fam.transform(te_docs))
            accs[name].append(100.0 * float(np.mean(pred == y[f.test])))
        log(
            f"  {dataset} {protocol} fold {f.index + 1}/{len(plan.folds)}: "
            + ", ".join(f"{k} {v[-1]:.2f}" for k, v in accs.items())
            + f" ({time.perf_counter() - t0:.0f}s)"
        )
    out: dict[str, Any] = {"folds": len(plan.folds), "configs": {}}
    for name, a in accs.items():
        entry: dict[str, Any] = {
            "fold_accuracy": a,
            "mean": float(np.mean(a)),
            "std": float(np.std(a, ddof=1)) if len(a) > 1 else 0.0,
        }
        if len(a) > 1 and name != BASELINE:
            t = ttest_rel(a, accs[BASELINE])
            entry["vs_baseline"] = {
                "diff": float(np.mean(a) - np.mean(accs[BASELINE])),
                "p_value": float(t.pvalue),
            }
        out["configs"][name] = entry
    if len(plan.folds) > 1:
        t = ttest_rel(accs["morph_root_1_2"], accs["morph_root_1_2_notags"])
        out["tags_vs_notags"] = {
            "diff": float(np.mean(accs["morph_root_1_2"]) - np.mean(accs["morph_root_1_2_notags"])),
            "p_value": float(t.pvalue),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="docs/results/morph_family_cv.json")
    ap.add_argument("--C", type=float, default=10.0)
    args = ap.parse_args()

    def log(m: str) -> None:
        print(m, flush=True)

    results = {}
    for dataset, protocol in (
        ("turkish-twitter-sentiment", "official"),
        ("turkish-twitter-sentiment", "cv10"),
        ("turkish-movie-reviews", "cv10"),
    ):
        results[f"{dataset}|{protocol}"] = run(dataset, protocol, args.C, log)
    lines = ["| corpus / protocol | " + " | ".join(CONFIGS) + " |", "|---|" + "---|" * len(CONFIGS)]
    for key, r in results.items():
        cells = []
        for name in CONFIGS:
            c = r["configs"][name]
            cell = f"{c['mean']:.2f}"
            if "vs_baseline" in c:
                cell += f" (p = {c['vs_baseline']['p_value']:.3f})"
            cells.append(cell)
        lines.append(f"| {key.replace('|', ' / ')} | " + " | ".join(cells) + " |")
    doc: dict[str, Any] = {
        "command": "python " + " ".join(sys.argv),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs",
        "classifier": f"LogisticRegression(liblinear, dual, C={args.C})",
        "results": results,
        "table": "\n".join(lines),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(doc, indent=1) + "\n")
    log(doc["table"])
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
