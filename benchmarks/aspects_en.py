"""English aspect-based sentiment on SemEval-2014 Task 4 (official train / test splits).

Term extraction (exact-match F1 of character spans), aspect term polarity (accuracy on the gold
terms, four classes with ``conflict``; end to end: F1 of (span, polarity) pairs over the
extracted terms), restaurant category detection (micro-F1) and category polarity (accuracy on
the gold categories). Per-domain models and a combined (both domains) model; every setting
is chosen by cross-validation on the training split only (``--folds``, sentence ``i`` in
fold ``i % folds``): the CRF's ``c1``/``c2`` and whether it reads the word clusters, the
polarity ``C``, the category threshold. The combined model (terms, polarity) with the
restaurant categories is saved as the shipped default (``--output``).

Usage::

    nice -n 10 python benchmarks/aspects_en.py --json docs/results/aspects_en.json \
        [--output sentikit/resources/aspects/en]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sentikit
from sentikit.aspects.categories import CategoryModel
from sentikit.aspects.clusters import WordClusters
from sentikit.aspects.crf import CrfTermExtractor
from sentikit.aspects.en import EnglishAspects
from sentikit.aspects.linear import SparseLogistic
from sentikit.aspects.polarity import TermPolarity
from sentikit.doc import Document
from sentikit.io.absa import AbsaSentence, load_absa_semeval2014
from sentikit.lang.en.processor import EnglishProcessor

CLUSTERS = Path("sentikit/resources/aspects/en/clusters.json.gz")
DOMAINS = ("restaurants", "laptops")
#: (c1, c2, word clusters or not) candidates of the CRF.
CRF_GRID = ((0.1, 0.01, True), (0.1, 0.01, False))
#: Category detection C candidates (with the threshold, by 5-fold CV inside CategoryModel).
CATEGORY_GRID = (1.0, 3.0, 10.0)
#: Polarity C candidates.
POLARITY_GRID = (0.3, 1.0)

Spans = list[list[tuple[int, int]]]


class Split:
    """One domain's split: sentences, parsed documents, gold spans, token contributions."""

    def __init__(self, sents: list[AbsaSentence], docs: list[Document], contrib: list[Any]) -> None:
        self.sents, self.docs, self.contrib = sents, docs, contrib
        self.spans: Spans = [[(a.start or 0, a.end or 0) for a in s.aspects] for s in sents]
        self.items = [(k, sp) for k, ss in enumerate(self.spans) for sp in ss]
        self.labels = [a.polarity for s in sents for a in s.aspects]

    def __add__(self, other: Split) -> Split:
        return Split(self.sents + other.sents, self.docs + other.docs, self.contrib + other.contrib)

    def subset(self, idx: Sequence[int]) -> Split:
        return Split(
            [self.sents[i] for i in idx],
            [self.docs[i] for i in idx],
            [self.contrib[i] for i in idx],
        )


def load_split(domain: str, split: str, analyzer: Any, limit: int | None = None) -> Split:
    sents = load_absa_semeval2014(domain, split)[:limit]
    texts = [s.text for s in sents]
    docs = EnglishProcessor(parse=True, mask=False).make_docs(texts)
    res = analyzer.analyze_many(texts, explain=True)
    contrib = [
        [(t["span"][0], t["span"][1], t["polarity"]) for t in r.get("tokens", [])] for r in res
    ]
    return Split(sents, docs, contrib)


def prf(gold: Sequence[set[Any]], pred: Sequence[set[Any]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    npred, ngold = sum(map(len, pred)), sum(map(len, gold))
    P = tp / npred if npred else 0.0
    R = tp / ngold if ngold else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"precision": round(100 * P, 2), "recall": round(100 * R, 2), "f1": round(100 * F, 2)}


def span_f1(split: Split, pred: Spans) -> dict[str, float]:
    return prf([set(s) for s in split.spans], [set(p) for p in pred])


def folds(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    return [
        ([i for i in range(n) if i % k != f], [i for i in range(n) if i % k == f]) for f in range(k)
    ]


def _fold_predictions(
    train: Split, tr: list[int], te: list[int], c1: float, c2: float, clusters: WordClusters | None
) -> Spans:
    """One fold: train on ``tr``, predict ``te``."""
    sub = train.subset(tr)
    ext = CrfTermExtractor(c1=c1, c2=c2, clusters=clusters).fit(sub.docs, sub.spans)
    return ext.predict_spans([train.docs[i] for i in te])


def tune_crf(train: Split, clusters: WordClusters, k: int, jobs: int, say: Any) -> dict[str, Any]:
    """(c1, c2, clusters or not) with the best out-of-fold exact-match F1."""
    from joblib import Parallel, delayed

    grid = [(c1, c2, use) for c1, c2, use in CRF_GRID]
    tasks = [(g, tr, te) for g in grid for tr, te in folds(len(train.docs), k)]
    runs = Parallel(n_jobs=jobs)(
        delayed(_fold_predictions)(train, tr, te, g[0], g[1], clusters if g[2] else None)
        for g, tr, te in tasks
    )
    oof: dict[tuple[float, float, bool], Spans] = {}
    for (g, _, te), spans in zip(tasks, runs, strict=True):
        got = oof.setdefault(g, [[] for _ in train.docs])
        for i, p in zip(te, spans, strict=True):
            got[i] = p
    scores = {key: span_f1(train, pred)["f1"] for key, pred in oof.items()}
    for key, f in sorted(scores.items()):
        say(f"  c1={key[0]} c2={key[1]} clusters={key[2]}: {f}")
    best = max(scores, key=lambda key: scores[key])
    return {
        "c1": best[0],
        "c2": best[1],
        "clusters": best[2],
        "cv_f1": scores[best],
        "grid": {f"c1={a} c2={b} clusters={c}": v for (a, b, c), v in scores.items()},
    }


def tune_polarity(train: Split, k: int) -> dict[str, Any]:
    """The polarity ``C`` with the best out-of-fold accuracy (folds of sentences)."""
    X = TermPolarity().features(train.docs, train.items, train.contrib)
    scores = {}
    for C in POLARITY_GRID:
        right = 0
        for f in range(k):
            tr = [j for j, (doc, _) in enumerate(train.items) if doc % k != f]
            te = [j for j, (doc, _) in enumerate(train.items) if doc % k == f]
            m = SparseLogistic(C=C).fit([X[j] for j in tr], [train.labels[j] for j in tr])
            pred = m.predict([X[j] for j in te])
            right += sum(p == train.labels[j] for p, j in zip(pred, te, strict=True))
        scores[C] = round(100 * right / len(train.labels), 2)
    best = max(scores, key=lambda c: scores[c])
    return {"C": best, "cv_accuracy": scores[best], "grid": scores}


def accuracy(pred: Sequence[str], gold: Sequence[str]) -> float:
    return round(100 * sum(a == b for a, b in zip(pred, gold, strict=True)) / max(len(gold), 1), 2)


def end_to_end(ext: CrfTermExtractor, pol: TermPolarity, test: Split) -> dict[str, float]:
    pred_spans = ext.predict_spans(test.docs)
    items = [(k, sp) for k, ss in enumerate(pred_spans) for sp in ss]
    labels = pol.predict(test.docs, items, test.contrib)
    pred: list[set[Any]] = [set() for _ in test.docs]
    for (k, sp), lab in zip(items, labels, strict=True):
        pred[k].add((sp, lab))
    gold: list[set[Any]] = [set() for _ in test.docs]
    for (k, sp), lab in zip(test.items, test.labels, strict=True):
        gold[k].add((sp, lab))
    return prf(gold, pred)


def categories(
    train: Split, test: Split, clusters: WordClusters
) -> tuple[CategoryModel, dict[str, Any]]:
    """Restaurant categories: detection micro-F1, polarity accuracy on the gold categories
    (detection ``C`` and threshold by cross-validation on the training sentences)."""
    cats = [[(c.category, c.polarity or "") for c in s.categories] for s in train.sents]
    fits = {
        C: CategoryModel(C=C, clusters=clusters).fit(train.docs, cats, train.contrib)
        for C in CATEGORY_GRID
    }
    cv = {C: round(100 * max(m.cv_f1_.values()), 2) for C, m in fits.items()}
    model = fits[max(cv, key=lambda C: cv[C])]
    found = model.detect(test.docs)
    gold = [{c.category for c in s.categories} for s in test.sents]
    det = prf(gold, [{c for c, _ in f} for f in found])
    items = [(k, c.category) for k, s in enumerate(test.sents) for c in s.categories]
    labels = [c.polarity or "" for s in test.sents for c in s.categories]
    classes, P = model.polarity(test.docs, items, test.contrib)
    pred = [classes[int(i)] for i in P.argmax(axis=1)]
    return model, {
        "detection": det,
        "C": model.C,
        "cv_f1_by_C": cv,
        "threshold": model.threshold_,
        "cv_f1_by_threshold": {str(k): round(100 * v, 2) for k, v in model.cv_f1_.items()},
        "polarity_accuracy": accuracy(pred, labels),
        "n_test_categories": len(labels),
    }


def speed(model: EnglishAspects, analyzer: Any, texts: list[str]) -> dict[str, float]:
    """Sentences per second of the whole aspect path: parse, explain, extract, categories."""
    t0 = time.perf_counter()
    res = analyzer.analyze_many(texts, explain=True)
    contrib = [
        [(t["span"][0], t["span"][1], t["polarity"]) for t in r.get("tokens", [])] for r in res
    ]
    t1 = time.perf_counter()
    model.analyze_texts(texts, contrib)
    t2 = time.perf_counter()
    return {
        "sentences": len(texts),
        "explain_seconds": round(t1 - t0, 2),
        "aspects_seconds": round(t2 - t1, 2),
        "sentences_per_second": round(len(texts) / (t2 - t0), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=None, help="save the combined model here")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="sentences per split (smoke runs)")
    ap.add_argument("--jobs", type=int, default=2, help="CRF cross-validation folds in parallel")
    args = ap.parse_args()
    t_start = time.perf_counter()
    say = lambda m: print(m, flush=True)  # noqa: E731
    analyzer = sentikit.load("en")
    clusters = WordClusters.load(CLUSTERS)
    data = {
        (d, s): load_split(d, s, analyzer, args.limit) for d in DOMAINS for s in ("train", "test")
    }
    say(f"parsed and explained ({time.perf_counter() - t_start:.0f} s)")
    trains = {d: data[(d, "train")] for d in DOMAINS}
    trains["combined"] = trains["restaurants"] + trains["laptops"]
    out: dict[str, Any] = {"terms": {}, "polarity": {}, "end_to_end": {}}
    models: dict[str, tuple[CrfTermExtractor, TermPolarity]] = {}
    for name, train in trains.items():
        say(f"{name}: tuning the CRF")
        crf = tune_crf(train, clusters, args.folds, args.jobs, say)
        ext = CrfTermExtractor(
            c1=crf["c1"], c2=crf["c2"], clusters=clusters if crf["clusters"] else None
        )
        ext.fit(train.docs, train.spans)
        pol_cv = tune_polarity(train, args.folds)
        pol = TermPolarity(C=pol_cv["C"]).fit(train.docs, train.items, train.labels, train.contrib)
        models[name] = (ext, pol)
        out["terms"][name] = {"cv": crf}
        out["polarity"][name] = {"cv": pol_cv}
        out["end_to_end"][name] = {}
        for d in DOMAINS:
            test = data[(d, "test")]
            out["terms"][name][d] = span_f1(test, ext.predict_spans(test.docs))
            out["polarity"][name][d] = accuracy(
                pol.predict(test.docs, test.items, test.contrib), test.labels
            )
            out["end_to_end"][name][d] = end_to_end(ext, pol, test)
        say(f"{name}: terms {out['terms'][name]} polarity {out['polarity'][name]}")
    cat_model, out["categories"] = categories(
        trains["restaurants"], data[("restaurants", "test")], clusters
    )
    say(f"categories: {out['categories']}")
    shipped = EnglishAspects(*models["combined"], categories=cat_model, name="en")
    if args.output:
        shipped.save(args.output)
    texts = [s.text for d in DOMAINS for s in data[(d, "test")].sents]
    out["speed"] = speed(shipped, analyzer, texts)
    out["meta"] = {
        "command": "python benchmarks/aspects_en.py"
        + (f" --json {args.json}" if args.json else ""),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "seconds": round(time.perf_counter() - t_start, 1),
        "clusters": str(CLUSTERS),
        "conflict": "kept as a fourth class in training and scoring",
    }
    say(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
