"""How much a lexicon's quality depends on the random state: SVD seed, solver and iterations.

Fits :class:`~sentikit.lexicon.inducer.LexiconInducer` once on a corpus (its co-occurrence
counts), then for each ``random_state,svd`` given (``svd``: a number of randomized-SVD power
iterations, or ``arpack``) recomputes the PPMI+SVD vectors, the
k-NN graph and the union with the WordNet graph, and scores on the corpus vocabulary (seed words
excluded), against the language's gold lexicons: the seed-centroid baseline, SentProp over the
union graph from the seeds only (``expand`` 0) and with seed expansion (the inducer's
``expand``); for the expanded run also over all union nodes, WordNet-only words included. The
bootstrap subsets follow ``random_state`` as in the inducer.

Usage::

    python benchmarks/lexicon_stability.py --corpus tr-movie-news --param min_count=10 \\
        --param k=10 --param n_jobs=2 --param morph_cache='"M.sqlite"' \\
        --state 0,5 --state 1,5 --state 2,5 --state 0,20 --state 1,20 --state 2,20 \\
        --state 0,arpack --state 1,arpack --json docs/results/lexicon_stability_tr-movie-news.json
"""

from __future__ import annotations

import sys
import time
from typing import Any

from lexicon_floors import (
    CORPORA,
    GOLDS,
    Corpus,
    header,
    parse_params,
    single_corpus_parser,
    write_json,
)

from sentikit.lexicon.baselines import centroid_scores
from sentikit.lexicon.evaluate import evaluate_scores, load_gold
from sentikit.lexicon.graph import knn_graph
from sentikit.lexicon.inducer import LexiconInducer
from sentikit.stats.cooccurrence import ppmi, svd_embed


def run(corpus: str, params: dict[str, Any], states: list[tuple[int, str]]) -> dict[str, Any]:
    lang, parts = CORPORA[corpus]
    ind = LexiconInducer(lang, **params)
    t0 = time.perf_counter()
    ind.fit(Corpus(parts), progress=lambda m: print(f"  {m}", file=sys.stderr, flush=True))
    fit_s = time.perf_counter() - t0
    assert ind.cooccurrence_ is not None
    vocab = list(ind.vocab_)
    counts = ind.counts_[: len(vocab)]
    P = ppmi(ind.cooccurrence_, cds=float(ind.cds))
    golds = [load_gold(g) for g in GOLDS[lang]]
    exclude = set(ind.seeds_.positive) | set(ind.seeds_.negative)
    rows: list[dict[str, Any]] = []
    for seed, svd in states:
        t1 = time.perf_counter()
        solver = "arpack" if svd == "arpack" else "randomized"
        n_iter = None if svd == "arpack" else int(svd)
        V = svd_embed(
            P,
            dim=int(ind.dim),
            eig_power=float(ind.eig_power),
            seed=seed,
            n_iter=n_iter or 5,
            solver=solver,
        )
        svd_s = time.perf_counter() - t1
        both = LexiconInducer(lang, **{**params, "graph": "both", "random_state": seed})
        both.vocab_ = vocab
        both.vectors_ = V
        E = knn_graph(V, int(ind.k), weight=ind.edge_weight, power=ind.edge_power)
        nodes, _c, _s, Es, Ea = both._graph(E, counts)
        index = {t: i for i, t in enumerate(nodes)}
        runs_p, runs_n = both._runs(
            [index[t] for t in ind.seeds_.positive], [index[t] for t in ind.seeds_.negative]
        )
        cen = centroid_scores(V, vocab, ind.seeds_.positive, ind.seeds_.negative)
        methods: dict[str, dict[str, float]] = {
            "centroid": dict(zip(vocab, cen.tolist(), strict=True))
        }
        for name, share in (("union_seeds_only", 0.0), ("union_expanded", float(ind.expand))):
            mean, _, _ = both._propagate(len(nodes), Es, Ea, runs_p, runs_n, expand=share)
            sc = dict(zip(nodes, mean.tolist(), strict=True))
            methods[name] = {t: sc[t] for t in vocab}
            if share:
                methods["union_expanded_all_words"] = sc
        row: dict[str, Any] = {
            "random_state": seed,
            "svd_solver": solver,
            "svd_iter": n_iter,
            "svd_s": round(svd_s, 1),
        }
        for g in golds:
            row[g.name] = {
                m: {k: evaluate_scores(s, g, exclude)[k] for k in ("auc", "coverage")}
                for m, s in methods.items()
            }
        rows.append(row)
        print(
            f"state {seed} svd {svd} ({svd_s:.0f} s): "
            + " | ".join(
                g.name + " " + " ".join(f"{m} {v['auc']:.3f}" for m, v in row[g.name].items())
                for g in golds
            ),
            flush=True,
        )
    return {
        "corpus": corpus,
        "params": {k: v for k, v in ind.get_params().items() if k != "seeds"},
        "vocab": len(vocab),
        "fit_s": round(fit_s, 1),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = single_corpus_parser(__doc__)
    ap.add_argument(
        "--state",
        action="append",
        default=[],
        help="random_state,svd: svd = randomized-SVD power iterations or 'arpack' (repeatable)",
    )
    args = ap.parse_args(argv)
    params = parse_params(args.param)
    states = [(int(a), b.strip()) for a, b in (s.split(",") for s in args.state or ["0,arpack"])]
    for _, b in states:
        if b != "arpack" and not b.isdigit():
            ap.error(f"--state: svd must be a number of iterations or 'arpack', not {b!r}")
    out = {**header("lexicon_stability", argv), **run(args.corpus, params, states)}
    if args.json:
        write_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
