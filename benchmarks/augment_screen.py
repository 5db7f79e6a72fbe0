"""Screening of feature-augmentation variants on the Turkish tweets (how 2.2.0 was chosen).

For each fold of the protocol, the per-family out-of-fold logits (the 3 internal stacking
folds of ``LinearEnsembleClassifier``) and test logits of the Turkish 2.1.0 families are
computed once, then those of augmented word / prefix / character families (trained with the
14,040 movie reviews as auxiliary corpus, as ``"augment"`` does), and the family sets below are
fused as the model fuses them (``fit_fusion``). It reproduces ``sentikit evaluate`` for the
plain configuration (2.1.0) and for the shipped one (2.2.0 = ``w1.0 word+prefix``).

A variant ``wW`` gives the movie-review rows weight ``W``; with ``--full`` a movie review also
gets a domain-own copy (``[x, 0, x]``, Daumé III's full scheme; a tweet is ``[x, x, 0]``), which
the shipped mechanism does not use.

Usage::

    python benchmarks/augment_screen.py --protocol official|cv10 [--weights 0.3,1.0] [--full]
        [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.model_selection import StratifiedKFold

from sentikit.evaluation.protocols import make_plan
from sentikit.io.datasets import load_dataset
from sentikit.models import registry
from sentikit.models.fusion import fit_fusion
from sentikit.models.linear import LinearEnsembleClassifier
from sentikit.models.specs import make_family, split_spec
from sentikit.training.resources import build_estimator

MOVIES, TWEETS = "turkish-movie-reviews", "turkish-twitter-sentiment"
#: The Turkish 2.1.0 families in configuration order (2.2.0 without "augment").
NAMES = ["word", "char", "transfer", "pol", "prefix"]


def _plain_specs() -> list[dict[str, Any]]:
    """The shipped Turkish families as a tweets evaluation builds them, without "augment"."""
    est = build_estimator(registry.default_config("tr"), "tr", exclude=[TWEETS])
    drop = ("augment", "augment_weight")
    specs = [{k: v for k, v in spec.items() if k not in drop} for spec in est.families]
    assert [s["name"].split(".")[1] for s in specs][:2] == ["word_ngrams", "char_ngrams"]
    assert len(specs) == len(NAMES)
    return specs


class Screen:
    """Per-family logits of one fold, and their fusion."""

    def __init__(self, specs: list[dict[str, Any]], movies: Any, full: bool) -> None:
        self.specs, self.full = specs, full
        self.proc = LinearEnsembleClassifier(lang="tr", families=specs)
        self.proc.classes_ = np.array(["negative", "positive"])
        self.mv_docs = self.proc.to_docs([e.text for e in movies])
        self.mv_y = np.array([str(e.label) for e in movies])

    def plain(self, dtr: list[Any], ytr: np.ndarray, dte: list[Any]) -> dict[str, Any]:
        est = LinearEnsembleClassifier(lang="tr", families=self.specs).fit_docs(dtr, list(ytr))
        fams = [make_family(s, "tr") for s in self.specs]
        counts = [f.fit_counts(dtr) for f in fams]
        again = LinearEnsembleClassifier(lang="tr", families=self.specs)
        again.classes_, again.families_ = est.classes_, fams
        oof = again._out_of_fold_logits([split_spec(s)[2] for s in self.specs], counts, ytr)
        test = [est._family_logits(f.transform(dte), k) for k, f in enumerate(est.families_)]
        return {n: (o, t) for n, o, t in zip(NAMES, oof, test, strict=True)}

    def augmented(
        self, spec: dict[str, Any], dtr: list[Any], ytr: np.ndarray, dte: list[Any], w: float
    ) -> tuple[np.ndarray, np.ndarray]:
        fam: Any = make_family(spec, "tr")  # uses the word family's internal _counts
        nmv = len(self.mv_docs)
        Xall = fam.fit_counts(list(self.mv_docs) + list(dtr))
        Xte = fam._counts(dte)
        yall = np.concatenate([self.mv_y, ytr])
        r = 1 / np.sqrt(2)

        def fit_predict(rows: np.ndarray, Xtest: sp.csr_matrix) -> np.ndarray:
            Xr, own = Xall[rows], rows >= nmv
            scale = fam.column_scale(Xr, yall[rows])
            W = fam.weigh(Xr, scale)
            blocks = [W, sp.diags(own.astype(float)) @ W]
            if self.full:
                blocks.append(sp.diags((~own).astype(float)) @ W)
            rows_scale = np.where(own | self.full, r, 1.0)
            Xa = sp.diags(rows_scale) @ sp.hstack(blocks).tocsr()
            clf = self.proc._lr(spec).fit(Xa, yall[rows], sample_weight=np.where(own, 1.0, w))
            coef, m = np.asarray(clf.coef_).ravel(), W.shape[1]
            z = fam.weigh(Xtest, scale) @ ((coef[:m] + coef[m : 2 * m]) * r)
            return np.asarray(z + clf.intercept_[0]).reshape(-1, 1)

        oof = np.zeros((len(ytr), 1))
        for a, b in StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(ytr, ytr):
            oof[b] = fit_predict(np.concatenate([np.arange(nmv), nmv + a]), Xall[nmv + b])
        return oof, fit_predict(np.arange(len(yall)), Xte)


def combos(weights: list[float]) -> dict[str, list[str]]:
    out = {"plain (2.1.0)": NAMES}
    for w in weights:
        v = f"w{w}"
        out[f"{v} word"] = [f"word_{v}", "char", "transfer", "pol", "prefix"]
        out[f"{v} word+prefix"] = [f"word_{v}", "char", "transfer", "pol", f"prefix_{v}"]
        out[f"{v} all3"] = [f"word_{v}", f"char_{v}", "transfer", "pol", f"prefix_{v}"]
        out[f"{v} all3 no transfer"] = [f"word_{v}", f"char_{v}", "pol", f"prefix_{v}"]
        out[f"{v} all3 + plain"] = NAMES + [f"word_{v}", f"char_{v}", f"prefix_{v}"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--protocol", choices=["official", "cv10"], default="official")
    ap.add_argument("--weights", default="0.3,1.0", help="weights of the movie-review rows")
    ap.add_argument("--full", action="store_true", help="movie reviews get an own copy too")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",")]
    specs = _plain_specs()
    screen = Screen(specs, load_dataset(MOVIES, split="all"), args.full)
    plan = make_plan(TWEETS, args.protocol)
    y = np.array([str(e.label) for e in plan.examples])
    docs = screen.proc.to_docs([e.text for e in plan.examples])
    table = combos(weights)
    right: dict[str, list[tuple[int, int]]] = {c: [] for c in table}
    for fold in plan.folds:
        t0 = time.perf_counter()
        tri, tei = np.asarray(fold.train), np.asarray(fold.test)
        dtr, dte = [docs[i] for i in tri], [docs[i] for i in tei]
        ytr, yte = y[tri], y[tei]
        R = screen.plain(dtr, ytr, dte)
        for w in weights:
            for k, name in ((0, "word"), (1, "char"), (4, "prefix")):
                R[f"{name}_w{w}"] = screen.augmented(specs[k], dtr, ytr, dte, w)
        classes = screen.proc.classes_
        for combo, keys in table.items():
            wts, bias = fit_fusion([R[k][0] for k in keys], ytr, classes)
            z = sum(wk * R[k][1] for wk, k in zip(wts, keys, strict=True)) + bias
            pred = np.where(z[:, 0] > 0, classes[1], classes[0])
            right[combo].append((int(np.sum(pred == yte)), len(yte)))
        print(f"fold {fold.index + 1}/{len(plan.folds)} ({time.perf_counter() - t0:.0f} s)")
    result = {}
    for combo, r in right.items():
        per_fold = [100 * a / n for a, n in r]
        result[combo] = {"accuracy": float(np.mean(per_fold)), "per_fold": per_fold}
        print(f"{combo:24s} {np.mean(per_fold):6.2f}")
    if args.json is not None:
        doc = {"protocol": args.protocol, "full": args.full, "results": result}
        args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
