"""Word-score sources of METHODS.md §1–3: functions that map a term to a polarity score.

A term is a token form, ``_NEG``-marked inside a negation scope
(:func:`~sentikit.features.batch.token_terms`). The sources that
:class:`~sentikit.features.polarity.PolarityFeatures` turns into document features:

- ``supervised``: a supervised term weight computed on the training documents only — delta-idf
  (§1, default), the NB log-count ratio or BM25 delta-idf (:func:`supervised_scores`, with the
  document masks of :func:`binary_target`);
- ``cooccurrence``: the unsupervised antonym-seed co-occurrence score of §2
  (:func:`cooccurrence_term_scores`), from the training corpus itself or from a larger
  unlabelled corpus;
- ``combined``: the §3 combination of the two with ``alpha`` (:func:`combine_scores`);
- ``lexicon``: one source per polarity lexicon (sentikit lexicon TSV files or gold lexicon
  dataset names, resolved by the training entry points), a negated form getting the opposite score
  (``_lookup``);
- ``transfer``: delta-idf learnt on another labelled corpus, the cross-genre averaging idea of
  §5 applied to words.

Corpus-derived scores are kept in a small cache (``_CORPUS_CACHE``) keyed by the corpus's
content digest and every setting they depend on, so that cross-validation folds reuse them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.components import ContentCache
from sentikit.doc import NEG_SUFFIX
from sentikit.errors import InputError
from sentikit.features.batch import token_terms
from sentikit.lang.seeds import seed_pairs
from sentikit.stats.cooccurrence import build_vocabulary, cooccurrence, encode_units, pair_scores
from sentikit.stats.weights import SCHEMES, polarity_sides

#: Reference window of the seed co-occurrence score (METHODS.md §2: "within 12 words").
COOC_WINDOW = 12

# Corpus-derived scores by (content digest, settings): folds reuse them; bounded.
_CORPUS_CACHE: ContentCache[dict[str, float]] = ContentCache(size=4)


def binary_target(y: NDArray[Any]) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Positive and negative document masks for the supervised scores: the two sides of
    :func:`~sentikit.stats.weights.polarity_sides` (``positive``/``negative`` labels when
    present, other classes such as neutral left out; else the upper against the lower half of
    the sorted classes)."""
    yarr = np.asarray(y).astype(str)
    pos, neg = polarity_sides(sorted(set(yarr.tolist())))
    return np.isin(yarr, pos), np.isin(yarr, neg)


def supervised_scores(
    X: sp.spmatrix, y: NDArray[Any], scheme: str = "delta_idf"
) -> NDArray[np.float64]:
    """One score per column of the document-term matrix ``X`` with the named scheme."""
    fn = SCHEMES.get(scheme)
    if fn is None:
        raise InputError(f"unknown scheme {scheme!r}; known: {sorted(SCHEMES)}")
    pos, neg = binary_target(y)
    keep = pos | neg
    return np.asarray(fn(sp.csr_matrix(X)[keep], pos[keep]))


def combine_scores(
    u: NDArray[np.float64], delta: NDArray[np.float64], alpha: float
) -> NDArray[np.float64]:
    """METHODS.md §3: ``α·u + (1−α)·δ`` when both exist with the same sign, ``(1−α)·δ`` when the
    signs differ, ``δ`` when only δ exists, 0 when only ``u`` exists (NaN = missing).

    >>> combine_scores(np.array([1.0, -1.0, np.nan, 2.0]), np.array([2.0, 2.0, 3.0, np.nan]), 0.2)
    array([1.8, 1.6, 3. , 0. ])
    """
    has_u, has_d = np.isfinite(u), np.isfinite(delta)
    uu = np.where(has_u, u, 0.0)
    dd = np.where(has_d, delta, 0.0)
    same = np.sign(uu) == np.sign(dd)
    both = np.where(same, alpha * uu + (1 - alpha) * dd, (1 - alpha) * dd)
    out = np.where(has_u & has_d, both, np.where(has_d, dd, np.where(has_u, 0.0, np.nan)))
    return np.asarray(out, dtype=np.float64)


def _doc_units(texts: Sequence[str], lang: str, negation: bool) -> list[list[str]]:
    from sentikit.lang import get_processor

    proc = get_processor(lang)
    out: list[list[str]] = []
    for start in range(0, len(texts), 2048):
        out.extend(
            token_terms(d, negation) for d in proc.make_docs(list(texts[start : start + 2048]))
        )
    return out


def cooccurrence_term_scores(
    units: Sequence[Sequence[str]],
    lang: str,
    window: int = COOC_WINDOW,
    min_count: int = 2,
    unseen: str = "constant",
) -> dict[str, float]:
    """§2 seed-pair scores of every term with frequency ≥ ``min_count`` in ``units`` (NaN for
    a term near no seed when ``unseen="missing"``, see
    :func:`~sentikit.stats.cooccurrence.pair_scores`)."""
    terms, counts = build_vocabulary(units, min_count=min_count)
    index = {t: i for i, t in enumerate(terms)}
    seeds = [index[w] for pair in seed_pairs(lang) for w in pair if w in index]
    if not seeds:
        return {}
    C = cooccurrence(encode_units(units, index), len(terms), window=window, targets=seeds)
    s = pair_scores(C, counts, seed_pairs(lang), index, unseen=unseen)
    return dict(zip(terms, s.tolist(), strict=True))


def _lookup(
    vocab: list[str], table: Mapping[str, float], flip_negated: bool
) -> NDArray[np.float64]:
    out = np.full(len(vocab), np.nan)
    n = len(NEG_SUFFIX)
    for j, t in enumerate(vocab):
        v = table.get(t)
        if v is None and flip_negated and t.endswith(NEG_SUFFIX):
            base = table.get(t[:-n])
            v = -base if base is not None else None
        if v is not None and math.isfinite(v):
            out[j] = v
    return out


def _segment_stats(X: sp.csr_matrix, s: NDArray[np.float64], extras: bool) -> NDArray[np.float64]:
    """Per row of counts ``X``: max, min, count-weighted mean of the finite scores ``s`` over
    the row's terms (0 where none), then optionally the shares of positive/negative tokens."""
    n = X.shape[0]
    indptr = X.indptr
    vals = s[X.indices]
    w = X.data
    ok = np.isfinite(vals)
    out = np.zeros((n, 5 if extras else 3))
    nz = np.flatnonzero(np.diff(indptr) > 0)
    if len(vals) == 0 or len(nz) == 0:
        return out
    starts = indptr[nz]
    hi = np.maximum.reduceat(np.where(ok, vals, -np.inf), starts)
    lo = np.minimum.reduceat(np.where(ok, vals, np.inf), starts)
    tot = np.add.reduceat(np.where(ok, vals * w, 0.0), starts)
    cnt = np.add.reduceat(np.where(ok, w, 0.0), starts)
    scored = cnt > 0
    out[nz, 0] = np.where(scored, hi, 0.0)
    out[nz, 1] = np.where(scored, lo, 0.0)
    out[nz, 2] = np.where(scored, tot / np.maximum(cnt, 1e-12), 0.0)
    if extras:
        length = np.add.reduceat(w, starts)
        out[nz, 3] = np.add.reduceat(np.where(ok & (vals > 0), w, 0.0), starts) / length
        out[nz, 4] = np.add.reduceat(np.where(ok & (vals < 0), w, 0.0), starts) / length
    return out


def lexicon_only_words(
    tables: Sequence[Mapping[str, float]], negation: bool, seen: set[str]
) -> list[str]:
    """The single-word entries of the lexicon ``tables`` (lower-cased, and with ``_NEG``
    under ``negation``) that ``seen`` lacks, sorted: the words a polarity family scores by
    its lexicons alone (``lexicon_words``)."""
    extra: set[str] = set()
    for table in tables:
        for term in table:
            t = term.lower()
            if t and " " not in t:
                extra.add(t)
                if negation:
                    extra.add(t + NEG_SUFFIX)
    return sorted(extra - seen)


def unscored_from(scores: NDArray[np.float64], n: int) -> NDArray[np.float64]:
    """``scores`` (last axis: terms) with the terms from index ``n`` on unscored (NaN)."""
    if n >= scores.shape[-1]:
        return scores
    out = np.array(scores, dtype=np.float64)
    out[..., n:] = np.nan
    return out
