"""SentProp variants on one corpus's vectors: seed sets, β, and negation antonym edges.

Fits :class:`~sentikit.lexicon.inducer.LexiconInducer` once (corpus graph, the parameters given
with ``--param``), then propagates again on the same vectors and k-NN graph, alone and in union
with the WordNet graph (as ``benchmarks/lexicon_floors.py --with-union`` does), for:

- **seed sets**: the METHODS.md §2 pairs (the default) and the "standard" seed lists of
  Hamilton et al. (2016, SocialSent: good, lovely, excellent, fortunate, pleasant, delightful,
  perfect, loved, love, happy / bad, horrible, poor, unfortunate, unpleasant, disgusting, evil,
  hated, hate, unhappy), for Turkish translated word by word (chosen before any measurement, not
  tuned); each with the seed-centroid baseline on the same vectors;
- **β** (restart: 1 − β) of the random walk;
- **seed expansion** (``LexiconInducer.expand``, a share of the corpus vocabulary): the walk
  restarts from the seeds and the words furthest towards their pole on each run's seed axis;
- **negation antonym edges**: every term ``w`` whose negated form ``w_NEG`` is also in the
  vocabulary gets an antonym edge to it (weight = the graph's mean edge weight), through the
  same doubled-graph propagation as WordNet antonyms.

Every variant is scored against the language's gold lexicons on the corpus vocabulary, with
the words of *both* seed sets excluded, so the rows are comparable.

Usage::

    python benchmarks/lexicon_variants.py --corpus tr-movie-news --param min_count=10 \\
        --param k=10 --param n_jobs=2 --param morph_cache='"M.sqlite"' \\
        --json docs/results/lexicon_variants_tr-movie-news.json
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np
import scipy.sparse as sp
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
from sentikit.lexicon.seeds import SeedSet, default_seeds
from sentikit.lexicon.terms import term_of_word

#: Hamilton et al. (2016) standard seeds; Turkish: a word-by-word translation.
HAMILTON = {
    "en": SeedSet(
        [
            "good",
            "lovely",
            "excellent",
            "fortunate",
            "pleasant",
            "delightful",
            "perfect",
            "loved",
            "love",
            "happy",
        ],
        [
            "bad",
            "horrible",
            "poor",
            "unfortunate",
            "unpleasant",
            "disgusting",
            "evil",
            "hated",
            "hate",
            "unhappy",
        ],
    ),
    "tr": SeedSet(
        [
            "iyi",
            "sevimli",
            "mükemmel",
            "şanslı",
            "hoş",
            "harika",
            "kusursuz",
            "sevilen",
            "sevgi",
            "mutlu",
        ],
        [
            "kötü",
            "korkunç",
            "zayıf",
            "şanssız",
            "nahoş",
            "iğrenç",
            "şeytani",
            "nefret",
            "kin",
            "mutsuz",
        ],
    ),
}
BETAS = (0.5, 0.7, 0.8, 0.9, 0.95)
#: Seed-expansion shares (``LexiconInducer.expand``) measured for the METHODS §2 seeds; the other
#: seed set gets the inducer's default share only.
SHARES = (0.005, 0.01, 0.02, 0.04, 0.06, 0.1)


def negation_antonyms(terms: list[str], weight: float) -> sp.csr_matrix:
    """Symmetric antonym edges ``w`` — ``w_NEG`` between terms both in ``terms``."""
    index = {t: i for i, t in enumerate(terms)}
    rows = [i for t, i in index.items() if t.endswith("_NEG") and t[:-4] in index]
    cols = [index[terms[i][:-4]] for i in rows]
    A = sp.csr_matrix((np.full(len(rows), weight), (rows, cols)), shape=(len(terms),) * 2)
    return sp.csr_matrix(A + A.T)


def propagate(
    ind: LexiconInducer,
    nodes: list[str],
    E_syn: sp.csr_matrix,
    E_ant: sp.csr_matrix | None,
    seeds: tuple[list[str], list[str]],
    beta: float,
    expand: float = 0.0,
) -> dict[str, float]:
    """Bootstrap SentProp scores of ``nodes`` (the inducer's runs, B and seed subsets; seed
    expansion ``expand``, 0: from the seeds only)."""
    index = {t: i for i, t in enumerate(nodes)}
    pos = [index[t] for t in dict.fromkeys(seeds[0]) if t in index]
    neg = [index[t] for t in dict.fromkeys(seeds[1]) if t in index]
    runs_p, runs_n = ind._runs(pos, neg)
    mean, _, _ = ind._propagate(len(nodes), E_syn, E_ant, runs_p, runs_n, beta, expand)
    return dict(zip(nodes, mean.tolist(), strict=True))


def run(corpus: str, params: dict[str, Any]) -> dict[str, Any]:
    lang, parts = CORPORA[corpus]
    ind = LexiconInducer(lang, **{"expand": 0.0, **params})  # the fitted lexicon is not scored
    t0 = time.perf_counter()
    ind.fit(Corpus(parts), progress=lambda m: print(f"  {m}", file=sys.stderr, flush=True))
    fit_s = time.perf_counter() - t0
    assert ind.vectors_ is not None
    vocab = list(ind.vocab_)
    an = ind._analyzer()
    seed_sets = {
        name: (
            [term_of_word(w, lang, an) for w in s.positive],
            [term_of_word(w, lang, an) for w in s.negative],
        )
        for name, s in (("methods", default_seeds(lang)), ("hamilton", HAMILTON[lang]))
    }
    exclude = {t for p, n in seed_sets.values() for t in p + n}
    golds = [load_gold(g) for g in GOLDS[lang]]
    E = knn_graph(ind.vectors_, int(ind.k), weight=ind.edge_weight, power=ind.edge_power)
    both = LexiconInducer(lang, graph="both", **params)
    both.vocab_ = vocab
    nodes, _c, _s, Es, Ea = both._graph(E, ind.counts_[: len(vocab)])
    graphs = {
        "corpus": (vocab, E, None),
        "union": (nodes, Es, Ea),
        "corpus+neg": (vocab, E, negation_antonyms(vocab, float(E.data.mean()))),
        "union+neg": (nodes, Es, (Ea + negation_antonyms(nodes, float(Es.data.mean()))).tocsr()),
    }
    rows: list[dict[str, Any]] = []

    def score(method: str, seeds: str, beta: float | None, sc: dict[str, float]) -> None:
        on_vocab = {t: sc[t] for t in vocab}
        row: dict[str, Any] = {"method": method, "seeds": seeds, "beta": beta}
        for g in golds:
            r = evaluate_scores(on_vocab, g, exclude)
            row[g.name] = {k: r[k] for k in ("auc", "ternary_f1", "coverage")}
        rows.append(row)
        aucs = "  ".join(f"{g.name}: {row[g.name]['auc']:.3f}" for g in golds)
        print(f"{method:12s} seeds={seeds:8s} beta={beta}  {aucs}", flush=True)

    in_vocab = set(vocab)
    default_share = float(LexiconInducer(lang).expand)
    for name, (p, n) in seed_sets.items():
        cen = centroid_scores(
            ind.vectors_, vocab, [t for t in p if t in in_vocab], [t for t in n if t in in_vocab]
        )
        score("centroid", name, None, dict(zip(vocab, cen.tolist(), strict=True)))
        for g_name, (g_nodes, g_syn, g_ant) in graphs.items():
            sweep = name == "methods" and g_name in ("corpus", "union")
            for beta in BETAS if sweep else (float(ind.beta),):
                sc = propagate(ind, g_nodes, g_syn, g_ant, (p, n), beta)
                score(f"sentprop {g_name}", name, beta, sc)
            if g_name in ("corpus", "union"):
                for share in SHARES if name == "methods" else (default_share,):
                    sc = propagate(ind, g_nodes, g_syn, g_ant, (p, n), float(ind.beta), share)
                    score(f"sentprop {g_name} expand={share}", name, float(ind.beta), sc)
    return {
        "corpus": corpus,
        "params": {k: v for k, v in ind.get_params().items() if k != "seeds"},
        "n_tokens": ind.n_tokens_,
        "vocab": len(vocab),
        "seed_terms": seed_sets,
        "fit_s": round(fit_s, 1),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    args = single_corpus_parser(__doc__).parse_args(argv)
    params = parse_params(args.param)
    out = {**header("lexicon_variants", argv), **run(args.corpus, params)}
    if args.json:
        write_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
