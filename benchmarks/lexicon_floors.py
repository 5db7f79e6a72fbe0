"""Lexicon induction vs the two baselines on (corpus, gold lexicon) pairs.

For each corpus: fit ``LexiconInducer`` (SentProp-style), compute the seed-centroid cosine
baseline on the same vectors and the METHODS.md §2 co-occurrence baseline (±12 window) on the
same vocabulary, and evaluate the three against each gold lexicon (seed words excluded).
SentProp is scored as fitted (with the inducer's seed expansion, ``expand``) and, on the same
vectors and graph, from the seeds only (``expand = 0``, the plain METHODS.md §4 walk); with
``--with-union`` both again over the union of the corpus graph and the WordNet graph.
Also records the time and peak memory of each induction stage.

Usage::

    nice -n 10 python3 benchmarks/lexicon_floors.py --corpus en-imdb \
        --json docs/results/lexicon_floors_en-imdb.json
    nice -n 10 python3 benchmarks/lexicon_floors.py --corpus tr-movie-news \
        --json docs/results/lexicon_floors_tr-movie-news.json

Corpora (``--corpus``): ``en-imdb`` (IMDB train + unsup texts, no labels), ``tr-movie-news``
(Turkish movie reviews + Kemik news), ``tr-movie``, ``tr-news``, ``tr-tweets-news``.
Extra inducer parameters: ``--param name=value`` (repeatable).
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import sentikit.lang.en.tokenize
import sentikit.lang.tr.morphology
import sentikit.lang.tr.normalize
import sentikit.lang.tr.processor  # noqa: F401 - imported before the long run starts
from sentikit.io.datasets import iter_texts
from sentikit.lexicon.baselines import centroid_scores, cooccurrence_scores
from sentikit.lexicon.evaluate import evaluate_scores, load_gold
from sentikit.lexicon.graph import knn_graph
from sentikit.lexicon.inducer import LexiconInducer
from sentikit.lexicon.seeds import default_seeds
from sentikit.lexicon.terms import term_of_word

CORPORA: dict[str, tuple[str, list[tuple[str, str | None]]]] = {
    "en-imdb": ("en", [("english-imdb-reviews", "train"), ("english-imdb-reviews", "unsup")]),
    "en-imdb-train": ("en", [("english-imdb-reviews", "train")]),
    "tr-movie-news": ("tr", [("turkish-movie-reviews", None), ("turkish-unlabelled-text", None)]),
    "tr-movie": ("tr", [("turkish-movie-reviews", None)]),
    "tr-news": ("tr", [("turkish-unlabelled-text", None)]),
    "tr-tweets-news": (
        "tr",
        [
            ("turkish-twitter-sentiment", "train"),
            ("turkish-twitter-sentiment", "test"),
            ("turkish-unlabelled-text", None),
        ],
    ),
}
GOLDS = {"en": ["hu-liu", "mpqa"], "tr": ["sentiturknet", "starlang"]}


class Corpus:
    """A restartable iterable over the texts of several dataset splits (optionally capped)."""

    def __init__(self, parts: list[tuple[str, str | None]], max_docs: int | None = None):
        self.parts = parts
        self.max_docs = max_docs

    def __iter__(self) -> Iterator[str]:
        it = itertools.chain.from_iterable(iter_texts(n, s) for n, s in self.parts)
        return itertools.islice(it, self.max_docs) if self.max_docs else it


def parse_value(v: str) -> Any:
    try:
        return json.loads(v)
    except json.JSONDecodeError:
        return v


def parse_params(items: list[str]) -> dict[str, Any]:
    """``--param name=value`` items as inducer keyword arguments (values parsed as JSON)."""
    return {k: parse_value(v) for k, v in (p.split("=", 1) for p in items)}


def single_corpus_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options shared by the one-corpus lexicon benchmarks: ``--corpus``, ``--param``,
    ``--json``."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    ap.add_argument("--corpus", required=True, choices=sorted(CORPORA))
    ap.add_argument("--param", action="append", default=[], help="name=value (JSON value)")
    ap.add_argument("--json", default=None)
    return ap


def header(benchmark: str, argv: list[str] | None) -> dict[str, Any]:
    """The name, command line, date and machine that head a lexicon benchmark's JSON."""
    return {
        "benchmark": benchmark,
        "command": f"python benchmarks/{benchmark}.py " + " ".join(argv or sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {platform.python_version()}, shared 2-core host",
    }


def write_json(path: str, out: dict[str, Any]) -> None:
    """``out`` as indented UTF-8 JSON (NumPy scalars as Python numbers)."""
    Path(path).write_text(
        json.dumps(
            out,
            indent=2,
            ensure_ascii=False,
            default=lambda o: o.item() if isinstance(o, np.generic) else str(o),
        )
        + "\n",
        encoding="utf-8",
    )


def run(
    corpus: str,
    params: dict[str, Any],
    max_docs: int | None,
    lexicon_out: str | None,
    golds: list[str] | None = None,
    with_union: bool = False,
) -> dict[str, Any]:
    lang, parts = CORPORA[corpus]
    ind = LexiconInducer(lang, keep_units=True, **params)
    t0 = time.perf_counter()
    ind.fit(
        Corpus(parts, max_docs), progress=lambda m: print(f"  {m}", file=sys.stderr, flush=True)
    )
    fit_s = time.perf_counter() - t0
    if lexicon_out:
        ind.save(lexicon_out)
    terms = ind.vocab_
    seeds = default_seeds(lang) if ind.seeds is None else ind._seed_set()
    an = ind._analyzer()
    pairs = [(term_of_word(p, lang, an), term_of_word(n, lang, an)) for p, n in seeds.pairs()]
    t1 = time.perf_counter()
    assert ind.vectors_ is not None and ind.units_ is not None
    cen = centroid_scores(ind.vectors_, terms, ind.seeds_.positive, ind.seeds_.negative)
    co = cooccurrence_scores(ind.units_, terms, ind.counts_[: len(terms)], pairs)
    base_s = time.perf_counter() - t1
    methods = {
        "sentprop": {t: ind.scores_[t] for t in terms},
        "centroid": dict(zip(terms, cen.tolist(), strict=True)),
        "cooccurrence": dict(zip(terms, co.tolist(), strict=True)),
    }
    # the same vectors, graph and bootstrap runs, propagated again: from the seeds only, and
    # (--with-union) over the union of the corpus kNN graph and the WordNet graph
    E = knn_graph(ind.vectors_, int(ind.k), weight=ind.edge_weight, power=ind.edge_power)
    share = float(ind.expand)
    variants: list[tuple[str, list[str], Any, Any, float]] = []
    if share:
        variants.append(("sentprop_seeds_only", list(terms), E, None, 0.0))
    union_s = None
    t2 = time.perf_counter()
    if with_union:
        both = LexiconInducer(lang, graph="both", **{**params, "keep_units": False})
        both.vocab_ = list(terms)
        nodes, _c, _s, Es, Ea = both._graph(E, ind.counts_[: len(terms)])
        variants.append(("sentprop_union", nodes, Es, Ea, share))
        if share:
            variants.append(("sentprop_union_seeds_only", nodes, Es, Ea, 0.0))
    for name, nodes, Es, Ea, v_share in variants:
        index = {t: i for i, t in enumerate(nodes)}
        runs_p, runs_n = ind._runs(
            [index[t] for t in ind.seeds_.positive], [index[t] for t in ind.seeds_.negative]
        )
        mean, _, _ = ind._propagate(len(nodes), Es, Ea, runs_p, runs_n, expand=v_share)
        sc = dict(zip(nodes, mean.tolist(), strict=True))
        methods[name] = {t: sc[t] for t in terms}
    if with_union:
        union_s = round(time.perf_counter() - t2, 2)
    exclude = set(ind.seeds_.positive) | set(ind.seeds_.negative)
    results: dict[str, Any] = {}
    for g in golds or GOLDS[lang]:
        gold = load_gold(g)
        results[g] = {m: evaluate_scores(s, gold, exclude) for m, s in methods.items()}
        line = "  ".join(
            f"{m} AUC={r['auc']:.3f} F1={r['ternary_f1']:.3f} cov={r['coverage']}"
            for m, r in results[g].items()
        )
        print(f"{corpus} vs {g}: {line}", flush=True)
    return {
        "corpus": corpus,
        "lang": lang,
        "params": {k: v for k, v in ind.get_params().items() if k != "seeds"},
        "n_docs": ind.n_docs_,
        "n_tokens": ind.n_tokens_,
        "vocab": len(terms),
        "timings_s": ind.timings_,
        "peak_rss_mb": ind.peak_rss_mb_,
        "fit_s": round(fit_s, 2),
        "baselines_s": round(base_s, 2),
        "union_s": union_s,
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", required=True, choices=sorted(CORPORA))
    ap.add_argument("--param", action="append", default=[], help="name=value (JSON value)")
    ap.add_argument("--gold", action="append", default=None)
    ap.add_argument("--max-docs", type=int, default=None)
    ap.add_argument("--lexicon-out", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument(
        "--with-union", action="store_true", help="also score SentProp over corpus ∪ WordNet"
    )
    args = ap.parse_args(argv)
    params = parse_params(args.param)
    out = {
        **header("lexicon_floors", argv),
        "runs": [
            run(c, params, args.max_docs, args.lexicon_out, args.gold, args.with_union)
            for c in args.corpus
        ],
    }
    if args.json:
        write_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
