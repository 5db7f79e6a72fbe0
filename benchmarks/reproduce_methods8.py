"""Reproduce METHODS.md §8: three delta-idf polarity features + linear SVM over Turkish word forms.

Protocol (METHODS.md §1, §5, §8):

* word forms from sentikit's morphology (:mod:`sentikit.features.morph`, zeyrek backend with
  sentikit's heuristic disambiguation, type-level): **root** (lemma), **surface** (normalized
  token), **partial surface** (lemma + the selected polarity-bearing tags) for p = 0.1 … 0.9,
  and partial surface with tag δ averaged over two corpora of different genres (movie reviews
  and tweets: the *other* corpus is used whole, it never contains the evaluated fold's test
  documents); all forms with the ``_NEG`` negation marker and the negator dropped;
* per fold, on the training documents only: δ(x) = ln((df_P/|P| + 0.001) / (df_N/|N| + 0.001))
  of every form, and the tag δ + top-p selection (with the negation flip);
* document features: max, min and mean of δ over the document's scored tokens (token
  occurrences whose form occurs in the training fold; [0, 0, 0] when none);
* classifier: ``sklearn.svm.LinearSVC(C=1)`` on the three features standardized with a
  ``StandardScaler`` fitted on the training fold (without it liblinear needs far more
  iterations on the unscaled δ range; ``--no-scale`` runs without);
* folds: ``sentikit.evaluation.protocols`` cv10 (stratified, shuffled, seed 0) — for the tweets
  over train + test as the reference did — and the tweets' official split.

Paired t-tests (``scipy.stats.ttest_rel``) over the 10 fold accuracies compare the best p of
each partial variant with the surface form, and root with surface.

Usage::

    python benchmarks/reproduce_methods8.py                  # writes docs/results/methods8.json
    python benchmarks/reproduce_methods8.py --limit 2000 --out /tmp/m8.json   # quick check
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
import scipy.sparse as sp
from scipy.stats import ttest_rel
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sentikit.evaluation.protocols import make_plan  # noqa: E402
from sentikit.features.morph import (  # noqa: E402
    MorphemeTagPolarity,
    TypeMorphology,
    Unit,
    unit_form,
)
from sentikit.lang import get_processor  # noqa: E402
from sentikit.stats.weights import delta_idf  # noqa: E402

P_GRID = [round(0.1 * k, 1) for k in range(1, 10)]

REFERENCE: dict[str, dict[str, Any]] = {
    "turkish-movie-reviews": {
        "root": 89.42,
        "surface": 90.57,
        "partial": (90.79, 0.8),
        "partial_2corpus": (90.91, 0.6),
    },
    "turkish-twitter-sentiment": {
        "root": 78.03,
        "surface": 77.16,
        "partial": (78.96, 0.5),
        "partial_2corpus": (79.60, 0.8),
    },
}


class Corpus:
    """A corpus as unit-type id arrays: documents → unit types → form columns."""

    def __init__(self, name: str, units: list[list[Unit]], labels: list[str]):
        self.name = name
        self.units = units
        self.y = np.asarray(labels)
        self.pos = self.y == "positive"
        types: dict[Unit, int] = {}
        ids: list[int] = []
        lengths: list[int] = []
        for us in units:
            for u in us:
                key = Unit(u.surface, u.lemma, u.tags, u.negated, u.morph_negative, 0, 1)
                ids.append(types.setdefault(key, len(types)))
            lengths.append(len(us))
        self.types = list(types)
        self.type_ids = np.asarray(ids, dtype=np.int64)
        self.doc_of = np.repeat(np.arange(len(units), dtype=np.int64), lengths)

    def counts(self, forms: list[str]) -> sp.csr_matrix:
        """Documents × distinct forms count matrix, given the form of each unit type."""
        uniq, col_of_type = np.unique(np.asarray(forms, dtype=object), return_inverse=True)
        cols = col_of_type[self.type_ids]
        m = sp.csr_matrix(
            (np.ones(len(cols)), (self.doc_of, cols)), shape=(len(self.units), len(uniq))
        )
        m.sum_duplicates()
        return m

    def form_counts(self, form: str, selected: frozenset[str] | None = None) -> sp.csr_matrix:
        return self.counts([unit_form(u, form, selected) for u in self.types])


def polarity_features(C: sp.csr_matrix, delta: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """max, min, mean of δ over each document's scored token occurrences ([0,0,0] if none)."""
    n = C.shape[0]
    rows = np.repeat(np.arange(n), np.diff(C.indptr))
    keep = scored[C.indices]
    rows, cols, cnt = rows[keep], C.indices[keep], C.data[keep]
    vals = delta[cols]
    mx = np.full(n, -np.inf)
    mn = np.full(n, np.inf)
    np.maximum.at(mx, rows, vals)
    np.minimum.at(mn, rows, vals)
    tot = np.bincount(rows, weights=cnt, minlength=n)
    mean = np.bincount(rows, weights=cnt * vals, minlength=n) / np.maximum(tot, 1.0)
    none = tot == 0
    mx[none] = mn[none] = mean[none] = 0.0
    return np.column_stack([mx, mn, mean])


def fold_accuracy(
    C: sp.csr_matrix, pos: np.ndarray, y: np.ndarray, tr: np.ndarray, te: np.ndarray, scale: bool
) -> float:
    """Train δ on ``tr``, features for all, LinearSVC(C=1) → accuracy (%) on ``te``."""
    Ctr = C[tr]
    delta = delta_idf(Ctr, pos[tr])
    scored = np.asarray((Ctr > 0).sum(axis=0)).ravel() > 0
    F = polarity_features(C, delta, scored)
    Ftr, Fte = F[tr], F[te]
    if scale:
        sc = StandardScaler().fit(Ftr)
        Ftr, Fte = sc.transform(Ftr), sc.transform(Fte)
    clf = LinearSVC(C=1.0, max_iter=10000, random_state=0).fit(Ftr, y[tr])
    return 100.0 * float(np.mean(clf.predict(Fte) == y[te]))


def run_protocol(
    corpus: Corpus,
    other: Corpus,
    folds: list[tuple[np.ndarray, np.ndarray]],
    scale: bool,
    log: Any,
) -> dict[str, Any]:
    """Accuracy per fold of every configuration."""
    res: dict[str, list[float]] = {}
    fixed = {f: corpus.form_counts(f) for f in ("root", "surface")}
    other_model = None
    for k, (tr, te) in enumerate(folds):
        t0 = time.perf_counter()
        for f, C in fixed.items():
            res.setdefault(f, []).append(fold_accuracy(C, corpus.pos, corpus.y, tr, te, scale))
        train_units = [corpus.units[i] for i in tr]
        ytr = corpus.y[tr].tolist()
        one = MorphemeTagPolarity().fit(train_units, ytr)
        two = MorphemeTagPolarity().fit(train_units, ytr, other.units, other.y.tolist())
        other_model = two
        for variant, model in (("partial", one), ("partial_2corpus", two)):
            for p in P_GRID:
                C = corpus.form_counts("partial", model.select(p))
                acc = fold_accuracy(C, corpus.pos, corpus.y, tr, te, scale)
                res.setdefault(f"{variant}@{p}", []).append(acc)
        log(
            f"  fold {k + 1}/{len(folds)}: root {res['root'][-1]:.2f} surface "
            f"{res['surface'][-1]:.2f} partial@0.7 {res['partial@0.7'][-1]:.2f} "
            f"({time.perf_counter() - t0:.1f}s)"
        )
    out: dict[str, Any] = {
        "configs": {
            name: {
                "folds": accs,
                "mean": float(np.mean(accs)),
                "std": float(np.std(accs, ddof=1)) if len(accs) > 1 else 0.0,
            }
            for name, accs in res.items()
        }
    }
    summary: dict[str, Any] = {
        "root": out["configs"]["root"]["mean"],
        "surface": out["configs"]["surface"]["mean"],
    }
    for variant in ("partial", "partial_2corpus"):
        best_p = max(P_GRID, key=lambda p: (out["configs"][f"{variant}@{p}"]["mean"], -p))
        summary[variant] = {
            "best_p": best_p,
            "accuracy": out["configs"][f"{variant}@{best_p}"]["mean"],
            "sweep": {str(p): out["configs"][f"{variant}@{p}"]["mean"] for p in P_GRID},
        }
        if len(folds) > 1:
            t = ttest_rel(res[f"{variant}@{best_p}"], res["surface"])
            summary[variant]["vs_surface"] = {
                "diff": float(np.mean(res[f"{variant}@{best_p}"]) - np.mean(res["surface"])),
                "t": float(t.statistic),
                "p_value": float(t.pvalue),
            }
    if len(folds) > 1:
        t = ttest_rel(res["root"], res["surface"])
        summary["root_vs_surface"] = {
            "diff": float(np.mean(res["root"]) - np.mean(res["surface"])),
            "t": float(t.statistic),
            "p_value": float(t.pvalue),
        }
    if other_model is not None:
        summary["tags_last_fold_2corpus"] = {
            "n_tags": len(other_model.tag_scores_),
            "selected_at_0.7": sorted(other_model.select(0.7)),
        }
    out["summary"] = summary
    return out


def table(results: dict[str, Any]) -> str:
    """Markdown table: ours beside the reference."""
    lines = [
        "| corpus | protocol | root | surface | partial surface (best p) "
        "| partial, tags averaged over two corpora (best p) |",
        "|---|---|---|---|---|---|",
    ]
    for key, r in results.items():
        corpus, protocol = key.split("|")
        s = r["summary"]
        lines.append(
            f"| {corpus} | {protocol} (sentikit) | {s['root']:.2f} | {s['surface']:.2f} | "
            f"{s['partial']['accuracy']:.2f} (p = {s['partial']['best_p']}) | "
            f"{s['partial_2corpus']['accuracy']:.2f} (p = {s['partial_2corpus']['best_p']}) |"
        )
        if protocol == "cv10":
            ref = REFERENCE[corpus]
            lines.append(
                f"| {corpus} | cv10 (reference, METHODS §8) | {ref['root']:.2f} | "
                f"{ref['surface']:.2f} | {ref['partial'][0]:.2f} (p = {ref['partial'][1]}) | "
                f"{ref['partial_2corpus'][0]:.2f} (p = {ref['partial_2corpus'][1]}) |"
            )
    return "\n".join(lines)


def sweep_table(results: dict[str, Any]) -> str:
    """Markdown p-sweep table with the paired t-test of the best p against surface."""
    lines = ["| corpus / protocol | variant | " + " | ".join(f"p={p}" for p in P_GRID) + " |"]
    lines.append("|---|---|" + "---|" * len(P_GRID))
    for key, r in results.items():
        s = r["summary"]
        for variant in ("partial", "partial_2corpus"):
            cells = " | ".join(f"{s[variant]['sweep'][str(p)]:.2f}" for p in P_GRID)
            lines.append(f"| {key.replace('|', ' / ')} | {variant} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="docs/results/methods8.json")
    ap.add_argument("--limit", type=int, default=0, help="first N documents per corpus (checks)")
    ap.add_argument("--no-scale", action="store_true", help="LinearSVC on unscaled features")
    args = ap.parse_args()

    def log(msg: str) -> None:
        print(msg, flush=True)

    proc = get_processor("tr")
    tm = TypeMorphology("zeyrek")
    plans = {
        "movie_cv10": make_plan("turkish-movie-reviews", "cv10"),
        "tweets_cv10": make_plan("turkish-twitter-sentiment", "cv10"),
        "tweets_official": make_plan("turkish-twitter-sentiment", "official"),
    }
    corpora: dict[str, Corpus] = {}
    timings: dict[str, Any] = {}
    for key in ("movie_cv10", "tweets_cv10", "tweets_official"):
        plan = plans[key]
        exs = plan.examples[: args.limit] if args.limit else plan.examples
        t0 = time.perf_counter()
        docs = proc.make_docs([e.text for e in exs])
        t1 = time.perf_counter()
        before = len(tm)
        units = tm.units(docs)
        t2 = time.perf_counter()
        corpora[key] = Corpus(key, units, [e.label or "" for e in exs])
        timings[key] = {
            "documents": len(exs),
            "tokenize_s": round(t1 - t0, 2),
            "morphology_s": round(t2 - t1, 2),
            "new_word_contexts": len(tm) - before,
        }
        log(f"{key}: {len(exs)} docs, tokenize {t1 - t0:.1f}s, morphology {t2 - t1:.1f}s")
    timings["analyzer"] = {
        "backend": "zeyrek",
        "load_s": getattr(tm.morph, "load_seconds", None),
        "types_analyzed": getattr(tm.morph, "stats", {}).get("analyzed"),
    }

    results: dict[str, Any] = {}
    setups = [
        ("turkish-movie-reviews|cv10", "movie_cv10", "tweets_cv10"),
        ("turkish-twitter-sentiment|cv10", "tweets_cv10", "movie_cv10"),
        ("turkish-twitter-sentiment|official", "tweets_official", "movie_cv10"),
    ]
    for key, name, other in setups:
        corpus = corpora[name]
        plan = plans[name]
        if args.limit:
            n = len(corpus.units)
            folds = [
                (f.train[f.train < n], f.test[f.test < n]) for f in plan.folds if (f.test < n).any()
            ]
        else:
            folds = [(f.train, f.test) for f in plan.folds]
        log(f"{key}: {len(folds)} fold(s)")
        results[key] = run_protocol(corpus, corpora[other], folds, not args.no_scale, log)
    doc: dict[str, Any] = {
        "command": "python " + " ".join(sys.argv),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}",
        "protocol": {
            "features": "max, min, mean of delta-idf over scored token occurrences",
            "classifier": "LinearSVC(C=1)"
            + ("" if args.no_scale else " on StandardScaler-ed features"),
            "p_grid": P_GRID,
            "morphology": "zeyrek + sentikit heuristic disambiguation (type-level)",
            "limit": args.limit or None,
        },
        "timings": timings,
        "results": results,
        "reference": REFERENCE,
        "table": table(results),
        "p_sweep_table": sweep_table(results),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    log("\n" + doc["table"] + "\n\n" + doc["p_sweep_table"])
    for key, r in results.items():
        s = r["summary"]
        for variant in ("partial", "partial_2corpus"):
            if "vs_surface" in s[variant]:
                v = s[variant]["vs_surface"]
                log(
                    f"{key} {variant}@{s[variant]['best_p']} vs surface: "
                    f"{v['diff']:+.2f} points, t = {v['t']:.2f}, p = {v['p_value']:.4f}"
                )
        if "root_vs_surface" in s:
            v = s["root_vs_surface"]
            log(
                f"{key} root vs surface: {v['diff']:+.2f}, t = {v['t']:.2f}, p = {v['p_value']:.4f}"
            )
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
