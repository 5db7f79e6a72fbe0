"""One leave-one-corpus-out step, scored with each composition variant.

Trains the shipped configuration of ``LANG`` on every pool corpus but ``CORPUS`` (as
``sentikit evaluate --protocol leave-one-corpus-out`` does for that corpus) and scores the
left-out corpus with the model's composition as shipped, switched off, and with each rule
alone: composition changes only the prediction, so one trained model serves all four.

Usage::

    python benchmarks/loco_composition.py tr semeval2016-tr-sentences
"""

from __future__ import annotations

import argparse

from sentikit.evaluation.crosscorpus import _score, loco_plan
from sentikit.io.datasets import load_dataset
from sentikit.models import registry
from sentikit.training.data import fit_options, training_data
from sentikit.training.resources import build_estimator


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["tr", "en"])
    ap.add_argument("corpus")
    args = ap.parse_args()
    config = registry.default_config(args.lang)
    plan = loco_plan(config, args.lang)
    pool = [p.key for p in plan if not p.evaluation_only]
    item = next(p for p in plan if p.key == args.corpus)
    texts, labels, _, groups = training_data(config, leave_out=[item.key])
    est = build_estimator(config, args.lang, exclude=[*pool, item.key])
    est.fit(texts, labels, **fit_options(config, labels, groups))
    ex = [e for e in load_dataset(item.key, item.split) if e.label not in (None, "mixed")]
    gold = [str(e.label) for e in ex]
    docs = est.to_docs([e.text for e in ex])
    spec = dict(est.composition or {})
    variants = {
        "composed (shipped)": spec,
        "linear": None,
        "contrast only": {**spec, "rules": ["contrast"]},
        "negation only": {**spec, "rules": ["negation"]},
    }
    print(f"| {item.key} ({item.split}), left out | accuracy | macro-F1 |\n|---|---:|---:|")
    for name, comp in variants.items():
        est.composition = comp
        s = _score(gold, est.predict_proba_docs(docs), [str(c) for c in est.classes_])
        print(f"| {name} | {s['accuracy']:.2f} | {s['macro_f1']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
