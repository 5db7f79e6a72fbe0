"""Which composition rules earn their place: the shipped models with and without them.

Scores the shipped bundles (``sentikit/resources/models/{tr,en}``) under each composition
variant — none (the plain linear decision), contrast only, negation only, negation and
contrast (3.1.0), with answered questions, with amplifiers too (the shipped setting), and that
with the conceded clause's polarity removed entirely instead of halved —
on

- the unseen official test splits of their pool corpora and the evaluation-only corpora
  (as ``benchmarks/shipped_official.py``; binary corpora on positive/negative, three-class
  ones on three classes; IMDB is left out: its reviews are longer than
  :data:`sentikit.models.composition.MAX_TOKENS`, so no variant touches them);
- the behaviour suite (``sentikit.behaviour``, full size, seed 0): the mean failure rate and
  the negation, contrast and temporal capabilities.

Only the prediction changes between variants (composition does not touch training), so one
bundle per language serves them all.

Usage::

    python benchmarks/composition.py [--json docs/results/composition.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

import sentikit
from sentikit.behaviour.suite import analyzer_predictor, build_suite, run_suite
from sentikit.evaluation.crosscorpus import _score
from sentikit.io.datasets import load_dataset
from sentikit.models.composition import composer_for

SPLITS = {
    "tr": [
        ("turkish-twitter-sentiment", "test"),
        ("semeval2016-absa-turkish-restaurants-test-partial", "test"),
        ("turkish-tweets-bounti-3class", "validation"),
    ],
    "en": [
        ("sst3", "test"),
        ("semeval2014-restaurants-sentences", "test"),
        ("semeval2014-laptops-sentences", "test"),
        ("english-tweets-semeval2017-3class", "test"),
        ("english-financial-phrasebank", "75agree"),
    ],
}

#: variant name → (rules, weight of a conceded clause's polarity)
VARIANTS: dict[str, tuple[list[str], float]] = {
    "none": ([], 0.5),
    "contrast": (["contrast"], 0.5),
    "negation": (["negation"], 0.5),
    "negation + contrast (3.1.0)": (["negation", "contrast"], 0.5),
    "+ answer": (["negation", "contrast", "answer"], 0.5),
    "+ answer + intensity (shipped)": (["negation", "contrast", "answer", "intensity"], 0.5),
    "shipped, conceded clause removed": (["negation", "contrast", "answer", "intensity"], 0.0),
}


def _set(est: Any, rules: list[str], weight: float, spec: dict[str, Any]) -> None:
    est.composition = {**spec, "rules": rules} if rules else None
    composer = composer_for(est)
    if composer is not None:
        composer.concession_weight = weight


def run(lang: str) -> list[dict[str, Any]]:
    """One row per variant: macro-F1 per corpus and the behaviour suite's rates."""
    an = sentikit.load(lang)
    est = an._model(lang).est
    spec = dict(est.composition or {})
    data = []
    for key, split in SPLITS[lang]:
        ex = [e for e in load_dataset(key, split) if e.label not in (None, "mixed")]
        data.append((key, split, [str(e.label) for e in ex], est.to_docs([e.text for e in ex])))
    suite = build_suite(lang, "full", 0)
    classes = [str(c) for c in est.classes_]
    rows = []
    for name, (rules, weight) in VARIANTS.items():
        _set(est, rules, weight, spec)
        scores = {}
        for key, split, gold, docs in data:
            s = _score(gold, np.asarray(est.predict_proba_docs(docs)), classes)
            scores[f"{key} ({split})"] = round(s["macro_f1"], 2)
        rep = run_suite(suite, analyzer_predictor(an))
        caps: dict[str, list[float]] = {}
        for t in rep["tests"]:
            caps.setdefault(t["capability"], []).append(t["failure_rate"])
        behaviour = {c: round(100 * float(np.mean(v)), 1) for c, v in caps.items()}
        mean = round(100 * float(np.mean([t["failure_rate"] for t in rep["tests"]])), 1)
        rows.append(
            {"lang": lang, "variant": name, "macro_f1": scores, "behaviour": behaviour,
             "behaviour_mean": mean}
        )  # fmt: skip
        print(lang, name, scores, "behaviour mean", mean, flush=True)
    _set(est, list(spec.get("rules") or []), 0.5, spec)
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    """The tables of BENCHMARKS.md (one per language)."""
    out = []
    for lang in ("tr", "en"):
        part = [r for r in rows if r["lang"] == lang]
        if not part:
            continue
        corpora = list(part[0]["macro_f1"])
        head = " | ".join(corpora)
        out.append(f"| {lang} variant | {head} | suite mean | negation | contrast | temporal |")
        out.append("|---" * (len(corpora) + 5) + "|")
        for r in part:
            f1 = " | ".join(f"{r['macro_f1'][c]:.2f}" for c in corpora)
            b = r["behaviour"]
            out.append(
                f"| {r['variant']} | {f1} | {r['behaviour_mean']:.1f} | {b['negation']:.1f} | "
                f"{b['contrast']:.1f} | {b['temporal']:.1f} |"
            )
        out.append("")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    rows = run("tr") + run("en")
    print(markdown(rows))
    if args.json:
        doc = {"date": time.strftime("%Y-%m-%d %H:%M"), "results": rows}
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
