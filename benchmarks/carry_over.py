"""Carry-over: how much of the shipped model's knowledge reaches a model trained on a user's rows.

The setting is a user with labelled rows of a domain the shipped model never saw. To have such a
domain with a test set, the "shipped" model here is the shipped configuration trained on its
pool *without* one corpus (the leave-one-corpus-out model of that corpus; cached in
``--base DIR``), and that corpus plays the user's data: a fixed, seeded, stratified 20 % of it is
the test split, the user's rows are drawn from the other 80 % (500, 2,000, all).

Systems, each scored by macro-F1 (and accuracy) on the test split:

* ``shipped``: the base model untouched;
* ``rows``: the user configuration without the prior (word and character n-grams on the rows
  alone);
* ``prior-only``: the base model's logits recalibrated on the rows (the prior family alone);
* ``adapted``: the user configuration (``resources/configs/{lang}-user.json``): n-gram families
  on the rows plus the base model as a prior family, fused by stacking.

Usage::

    python benchmarks/carry_over.py --lang tr --corpus turkish-store-reviews-3class \
        --base /tmp/base-tr-store [--sizes 500,2000,all] [--seeds 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.evaluation.metrics import accuracy, macro_f1
from sentikit.io.bundle import save_bundle
from sentikit.io.datasets import load_dataset
from sentikit.models import registry
from sentikit.training.data import fit_options, training_data
from sentikit.training.resources import build_estimator

TEST_SHARE = 0.2


def split(labels: list[str], seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A stratified ``TEST_SHARE`` test split: (train positions, test positions)."""
    rng = np.random.default_rng(seed)
    y = np.asarray(labels)
    test: list[int] = []
    for c in sorted(set(labels)):
        idx = np.flatnonzero(y == c)
        test += rng.choice(idx, size=round(len(idx) * TEST_SHARE), replace=False).tolist()
    mask = np.zeros(len(y), bool)
    mask[test] = True
    return np.flatnonzero(~mask), np.flatnonzero(mask)


def sample(idx: np.ndarray, labels: list[str], n: int | None, seed: int) -> np.ndarray:
    """``n`` of the positions ``idx``, stratified by label (all of them for ``None``)."""
    if n is None or n >= len(idx):
        return idx
    rng = np.random.default_rng(1000 + seed)
    y = np.asarray(labels)[idx]
    out: list[int] = []
    for c in sorted(set(y.tolist())):
        members = idx[y == c]
        k = max(1, round(n * len(members) / len(idx)))
        out += rng.choice(members, size=min(k, len(members)), replace=False).tolist()
    return np.asarray(sorted(out))


def base_model(lang: str, corpus: str, folder: Path) -> Path:
    """The shipped configuration trained without ``corpus`` (saved once in ``folder``)."""
    if (folder / "model.json").is_file():
        return folder
    cfg = registry.default_config(lang)
    pool = [str(s["name"]).partition(":")[0] for s in cfg["training"]["datasets"]]
    texts, labels, summary, groups = training_data(cfg, leave_out=[corpus])
    t0 = time.perf_counter()
    est = build_estimator(cfg, lang, exclude=[*pool, corpus])
    est.fit(texts, labels, **fit_options(cfg, labels, groups))
    print(
        f"base model without {corpus}: {len(texts)} texts, {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    meta, arrays = est.to_state()
    info = {
        "name": f"base-{lang}-without-{corpus}",
        "version": "0.0.0",
        "sentikit_version": ">=0.1,<1.0",
        "lang": lang,
        "config": cfg,
        "training_data": {"sources": summary, "n": len(texts)},
    }
    save_bundle(folder, info, meta, arrays)
    return folder


def user_config(lang: str, base: Path, prior: bool, rows: bool) -> dict[str, Any]:
    """The user configuration of ``lang`` with its prior pointing at ``base``; ``prior`` /
    ``rows`` keep the prior family / the n-gram families."""
    cfg = copy.deepcopy(registry.load_config(registry.CONFIG_DIR / f"{lang}-user.json"))
    fams = []
    for fam in cfg["model"]["families"]:
        is_prior = fam["name"] == "sentikit.model_prior.v1"
        if is_prior and prior:
            fams.append({**fam, "model": str(base)})
        elif not is_prior and rows:
            fams.append(fam)
    cfg["model"]["families"] = fams
    return cfg


def predict_view(model: Any, texts: list[str], gold_labels: set[str]) -> list[str]:
    """The model's labels; on positive/negative data, the binary view (the more probable of
    the two, as ``labels="binary"`` gives it), so a three-class model is not charged for its
    neutral answers."""
    proba = np.asarray(model.predict_proba(texts))
    classes = [str(c) for c in model.classes_]
    if gold_labels <= {"positive", "negative"} and {"positive", "negative"} <= set(classes):
        pos, neg = classes.index("positive"), classes.index("negative")
        return ["positive" if p[pos] >= p[neg] else "negative" for p in proba]
    return [classes[i] for i in proba.argmax(axis=1)]


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Macro-F1 and accuracy in percent."""
    labels = sorted(set(gold))
    return {
        "macro_f1": round(macro_f1(gold, pred, labels), 2),
        "accuracy": round(accuracy(gold, pred), 2),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every system at every size and seed."""
    examples = [e for e in load_dataset(args.corpus) if e.label not in (None, "mixed")]
    texts = [e.text for e in examples]
    labels = [str(e.label) for e in examples]
    train_idx, test_idx = split(labels)
    test = [texts[i] for i in test_idx]
    gold = [labels[i] for i in test_idx]
    base = base_model(args.lang, args.corpus, Path(args.base))
    _, shipped = registry.load_model(base)
    untouched = predict_view(shipped, test, set(gold))
    out: dict[str, Any] = {
        "corpus": args.corpus,
        "lang": args.lang,
        "n_test": len(test),
        "n_pool": len(train_idx),
        "shipped": scores(gold, untouched),
        "runs": [],
    }
    systems = {"rows": (False, True), "prior-only": (True, False), "adapted": (True, True)}
    for size in args.sizes.split(","):
        n = None if size == "all" else int(size)
        for seed in range(1 if n is None else args.seeds):
            idx = sample(train_idx, labels, n, seed)
            x, y = [texts[i] for i in idx], [labels[i] for i in idx]
            for name, (prior, rows) in systems.items():
                t0 = time.perf_counter()
                est = build_estimator(user_config(args.lang, base, prior, rows), args.lang)
                est.fit(x, y)
                row = {
                    "system": name,
                    "n": len(idx),
                    "seed": seed,
                    **scores(gold, list(est.predict(test))),
                    "seconds": round(time.perf_counter() - t0, 1),
                }
                out["runs"].append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--base", required=True, help="folder of the base model (made once)")
    ap.add_argument("--sizes", default="500,2000,all")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    res = run(args)
    print(f"shipped (untouched): {res['shipped']}")
    for size in sorted({r["n"] for r in res["runs"]}):
        for name in ("rows", "prior-only", "adapted"):
            rows = [r for r in res["runs"] if r["n"] == size and r["system"] == name]
            f1 = np.mean([r["macro_f1"] for r in rows])
            print(f"n={size:6d} {name:10s} macro-F1 {f1:6.2f} (seeds {len(rows)})")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
