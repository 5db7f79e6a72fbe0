"""Carry-over by MAP adaptation: the user's classifier centred on the shipped model's weights.

Issue 23's floor asks that a model adapted on 500 of a user's rows beat both the untouched
shipped model and a model of the rows alone by 2 points of macro-F1. ``carry_over.py`` measures
the shipped user configuration (the shipped model as a *prior family*, fused by stacking); this
script measures prior-centred regularisation (Chelba & Acero 2004, "Adaptation of maximum
entropy capitalizer: little data can help a lot"): a logistic regression whose weights are
pulled toward the shipped model's instead of toward zero. With ``z0`` the shipped model's
logits of a text, the classifier ``a · z0 + x · Δw + b`` with ``Δw`` under L2 and ``a`` (almost)
free is the L2 prior ``‖w − a · w0‖²`` in the shipped feature space; it is fitted by scikit-learn's
liblinear with ``z0`` as extra columns (scaled by 3, so nearly unpenalized), one-vs-rest.

Systems (same protocol, split and samples as ``carry_over.py``):

* ``rows``, ``adapted``: as in ``carry_over.py`` (the user configuration without / with the
  prior family);
* ``map-shipped``: ``x`` = the base model's own word and character n-gram features (its
  vocabularies and column scalings, learnt on its corpora), ``z0`` its fused logits;
* ``map-rows``: ``x`` = word and character n-grams learnt on the user's rows (the user
  configuration's families), ``z0`` as above.

The inverse regularisation ``C`` of ``Δw`` is chosen on the user's rows only, by internal
stratified ``--folds``-fold cross-validation (macro-F1) over ``--grid``; the test F1 of every
grid value is recorded too (``grid``), for reading the curve, never for the choice.

Usage::

    python benchmarks/carry_over_map.py --lang tr --corpus turkish-store-reviews-3class \
        --base /tmp/base-tr-store [--size 500] [--seeds 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy as np
import scipy.sparse as sp
from carry_over import sample, split, user_config
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from sentikit.evaluation.metrics import macro_f1
from sentikit.io.datasets import load_dataset
from sentikit.models import registry
from sentikit.models.specs import make_family
from sentikit.training.resources import build_estimator

#: Scale of the prior-logit columns: their coefficient is penalized by 1 / SCALE².
SCALE = 3.0

Make = Callable[[NDArray[np.int64], NDArray[np.int64]], tuple[Any, Any]]
Fit = Callable[[NDArray[np.int64], NDArray[np.int64], float], NDArray[np.float64]]


def fit_ovr(
    X: sp.csr_matrix, y: NDArray[Any], classes: NDArray[Any], C: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One-vs-rest L2 logistic regressions (liblinear, primal: well conditioned with the
    nearly-free prior columns); one row for two classes."""
    targets = [classes[1]] if len(classes) == 2 else list(classes)
    W, b = [], []
    for c in targets:
        m = LogisticRegression(C=C, solver="liblinear", dual=False, max_iter=300, random_state=0)
        m.fit(X, y == c)
        W.append(m.coef_[0])
        b.append(m.intercept_[0])
    return np.vstack(W), np.asarray(b)


def decide(Z: NDArray[np.float64], classes: NDArray[Any]) -> NDArray[Any]:
    """Labels of one-vs-rest logits."""
    if Z.shape[1] == 1:
        return np.where(Z[:, 0] > 0, classes[1], classes[0])
    return classes[Z.argmax(axis=1)]


def f1(gold: NDArray[Any], pred: NDArray[Any]) -> float:
    """Macro-F1 in percent."""
    return round(macro_f1(list(gold), list(pred), sorted(set(gold.tolist()))), 2)


def choose(fit: Fit, y: NDArray[Any], grid: list[float], folds: int) -> dict[float, float]:
    """Internal cross-validated macro-F1 of each ``C`` of ``grid`` on the user's rows."""
    classes = np.unique(y)
    out = {}
    for C in grid:
        pred = np.empty(len(y), dtype=object)
        cv = StratifiedKFold(folds, shuffle=True, random_state=0)
        for tr, te in cv.split(y, y):
            pred[te] = decide(fit(tr, te, C), classes)
        out[C] = f1(y, pred)
    return out


def map_system(
    name: str,
    make: Callable[[NDArray[np.int64], NDArray[np.int64]], tuple[sp.csr_matrix, sp.csr_matrix]],
    y: NDArray[Any],
    n_test: int,
    gold: NDArray[Any],
    args: argparse.Namespace,
) -> dict[str, Any]:
    """C chosen by internal CV on the rows, then fitted on all rows and scored on the test.
    ``make(train, other)`` gives the feature rows of user-row positions ``train`` and of
    ``other`` (positions ≥ len(y) are the test texts)."""
    classes = np.unique(y)
    grid = [float(c) for c in args.grid.split(",")]

    def fit(tr: NDArray[np.int64], te: NDArray[np.int64], C: float) -> NDArray[np.float64]:
        A, B = make(tr, te)
        W, b = fit_ovr(A, y[tr], classes, C)
        return np.asarray(B @ W.T) + b

    t0 = time.perf_counter()
    cv = choose(fit, y, grid, args.folds)
    best = max(cv, key=lambda c: cv[c])
    everything = np.arange(len(y))
    test = np.arange(len(y), len(y) + n_test)
    on_test = {C: f1(gold, decide(fit(everything, test, C), classes)) for C in grid}
    return {
        "system": name,
        "macro_f1": on_test[best],
        "C": best,
        "cv": cv,
        "grid": on_test,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def shipped_view(base: Any, z: NDArray[np.float64], gold: set[str]) -> NDArray[Any]:
    """The untouched base model's labels from its logits ``z`` (the binary view on
    positive/negative data, as ``carry_over.predict_view``)."""
    classes = [str(c) for c in base.classes_]
    if gold <= {"positive", "negative"} and {"positive", "negative"} <= set(classes):
        pos, neg = classes.index("positive"), classes.index("negative")
        return np.where(z[:, pos] >= z[:, neg], "positive", "negative")
    return np.asarray(classes)[z.argmax(axis=1)]


def builders(
    args: argparse.Namespace,
    base: Any,
    rows_docs: list[Any],
    test_docs: list[Any],
    every: NDArray[np.int64],
    z0: NDArray[np.float64],
    shipped: list[sp.csr_matrix],
    y: NDArray[Any],
) -> tuple[Make, Make]:
    """The feature builders of ``map-shipped`` and ``map-rows``: ``make(train, other)`` gives
    the rows of positions ``train`` and ``other`` of ``every`` (the user's rows, then the test
    texts)."""

    def prior_cols(pos: NDArray[np.int64]) -> sp.csr_matrix:
        return sp.csr_matrix(SCALE * z0[every[pos]])

    def ship(tr: NDArray[np.int64], te: NDArray[np.int64]) -> tuple[Any, Any]:
        def rows(p: NDArray[np.int64]) -> sp.csr_matrix:
            return sp.hstack([X[every[p]] for X in shipped] + [prior_cols(p)]).tocsr()

        return rows(tr), rows(te)

    specs = user_config(args.lang, Path(args.base), False, True)["model"]["families"]
    fams = [make_family(s, args.lang) for s in specs]
    # the vocabulary is the rows' (unsupervised); the test rows are counted in it
    counts = [
        sp.vstack([f.fit_counts(rows_docs), cast(Any, f)._counts(test_docs)]).tocsr() for f in fams
    ]

    def own(tr: NDArray[np.int64], te: NDArray[np.int64]) -> tuple[Any, Any]:
        A, B = [], []
        for f, X in zip(fams, counts, strict=True):
            scale = f.column_scale(X[tr], y[tr])  # supervised: learnt on the fold's rows
            A.append(f.weigh(X[tr], scale))
            B.append(f.weigh(X[te], scale))
        return (
            sp.hstack([*A, prior_cols(tr)]).tocsr(),
            sp.hstack([*B, prior_cols(te)]).tocsr(),
        )

    return ship, own


def with_c(cfg: dict[str, Any], C: float) -> dict[str, Any]:
    """``cfg`` with the inverse regularisation of its n-gram families' classifiers set to ``C``
    (the prior family's is kept)."""
    for fam in cfg["model"]["families"]:
        if fam["name"] != "sentikit.model_prior.v1":
            fam["classifier"] = {**fam.get("classifier", {}), "C": C}
    return cfg


def adapted_cv(
    args: argparse.Namespace,
    rows_docs: list[Any],
    test_docs: list[Any],
    y: NDArray[Any],
    gold: NDArray[Any],
) -> dict[str, Any]:
    """The user configuration with its n-gram families' ``C`` chosen by internal CV on the
    rows (``--grid``, ``--folds``), the stacked fusion re-learnt in every fold."""
    grid = [float(c) for c in args.grid.split(",")]
    t0 = time.perf_counter()

    def fitted(docs: list[Any], labels: NDArray[Any], C: float) -> Any:
        cfg = with_c(user_config(args.lang, Path(args.base), True, True), C)
        est = build_estimator(cfg, args.lang)
        est.composition = None
        return est.fit_docs(docs, labels)

    cv: dict[float, float] = {}
    for C in grid:
        pred = np.empty(len(y), dtype=object)
        folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)
        for tr, te in folds.split(y, y):
            est = fitted([rows_docs[i] for i in tr], y[tr], C)
            pred[te] = est.predict_docs([rows_docs[i] for i in te])
        cv[C] = f1(y, pred)
    best = max(cv, key=lambda c: cv[c])
    grid_f1 = {
        C: f1(gold, np.asarray(fitted(rows_docs, y, C).predict_docs(test_docs))) for C in grid
    }
    return {
        "system": "adapted-cv",
        "macro_f1": grid_f1[best],
        "C": best,
        "cv": cv,
        "grid": grid_f1,
        "seconds": round(time.perf_counter() - t0, 1),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every system at ``--size`` rows for each seed."""
    examples = [e for e in load_dataset(args.corpus) if e.label not in (None, "mixed")]
    texts = [e.text for e in examples]
    labels = [str(e.label) for e in examples]
    train_idx, test_idx = split(labels)
    gold = np.asarray([labels[i] for i in test_idx])
    _, base = registry.load_model(Path(args.base))
    docs = base.to_docs(texts)
    z0 = np.asarray(base.decision_docs(docs)).reshape(len(docs), -1)
    shipped = [base.families_[k].transform(docs) for k in (0, 1)]  # word and char n-grams
    out: dict[str, Any] = {"corpus": args.corpus, "lang": args.lang, "n_test": len(gold)}
    out["shipped"] = f1(gold, shipped_view(base, z0[test_idx], set(gold.tolist())))
    out["runs"] = []
    for seed in range(args.from_seed, args.seeds):
        idx = sample(train_idx, labels, args.size, seed)
        y = np.asarray([labels[i] for i in idx])
        rows_docs, test_docs = [docs[i] for i in idx], [docs[i] for i in test_idx]
        every = np.concatenate([idx, test_idx])  # user-row positions, then the test texts
        if "adapted-cv" in args.systems:
            row = adapted_cv(args, rows_docs, test_docs, y, gold)
            out["runs"].append({"n": len(idx), "seed": seed, **row})
            print(json.dumps(out["runs"][-1]), file=sys.stderr, flush=True)
        if "map-shipped" not in args.systems:
            continue
        for name, prior in (("rows", False), ("adapted", True)):
            est = build_estimator(user_config(args.lang, Path(args.base), prior, True), args.lang)
            est.composition = None  # off in every system here: the MAP systems have none
            est.fit_docs(rows_docs, y)
            row = {"system": name, "macro_f1": f1(gold, np.asarray(est.predict_docs(test_docs)))}
            out["runs"].append({"n": len(idx), "seed": seed, **row})
            print(json.dumps(out["runs"][-1]), file=sys.stderr, flush=True)

        ship, own = builders(args, base, rows_docs, test_docs, every, z0, shipped, y)
        for name, make in (("map-shipped", ship), ("map-rows", own)):
            row = map_system(name, make, y, len(test_idx), gold, args)
            out["runs"].append({"n": len(idx), "seed": seed, **row})
            print(json.dumps(out["runs"][-1]), file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--base", required=True, help="folder of the base model (carry_over.py)")
    ap.add_argument("--size", type=int, default=500)
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--from-seed", type=int, default=0, help="seeds from-seed … seeds − 1")
    ap.add_argument("--grid", default="0.3,1,3,10")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--systems", default="map-shipped,map-rows", help="also: adapted-cv")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    res = run(args)
    print(f"shipped (untouched): {res['shipped']}")
    for name in ("rows", "adapted", "map-shipped", "map-rows", "adapted-cv"):
        rows = [r["macro_f1"] for r in res["runs"] if r["system"] == name]
        if not rows:
            continue
        print(f"n={args.size} {name:12s} macro-F1 {np.mean(rows):6.2f} (seeds {len(rows)})")
    res["command"] = "python " + " ".join(sys.argv)
    res["date"] = time.strftime("%Y-%m-%d", time.gmtime())
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
