"""The two baselines lexicon induction is compared with (same corpus, same vocabulary).

* :func:`centroid_scores`: cosine similarity to the positive seed centroid minus cosine
  similarity to the negative seed centroid, over the inducer's PPMI+SVD vectors.
* :func:`cooccurrence_scores`: the Turney-style seed-pair score of METHODS.md §2 from local
  co-occurrence counts in a ±12 window (:func:`sentikit.stats.cooccurrence.pair_scores`).

Both are z-normalised over the vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from sentikit.errors import InputError

#: Window of the co-occurrence baseline (METHODS.md §2: "12 as the reference").
COOC_WINDOW = 12


def _z(x: NDArray[np.float64]) -> NDArray[np.float64]:
    sd = x.std()
    return (x - x.mean()) / sd if sd > 0 else x - x.mean()


def centroid_scores(
    vectors: NDArray[np.floating],
    terms: Sequence[str],
    positive: Sequence[str],
    negative: Sequence[str],
) -> NDArray[np.float64]:
    """``cos(v, mean(positive)) − cos(v, mean(negative))``, z-normalised, per row of ``vectors``.

    Examples
    --------
    >>> V = np.array([[1, 0], [0.8, 0.2], [0, 1]], dtype=np.float32)
    >>> s = centroid_scores(V, ["good", "nice", "bad"], ["good"], ["bad"])
    >>> bool(s[1] > 0 > s[2])
    True
    """
    index = {t: i for i, t in enumerate(terms)}
    p = [index[t] for t in positive if t in index]
    n = [index[t] for t in negative if t in index]
    if not p or not n:
        raise InputError("centroid baseline: no positive or no negative seed in the vocabulary")
    X = np.asarray(vectors, dtype=np.float64)
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)

    def unit(v: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(v / max(float(np.linalg.norm(v)), 1e-12))

    cp, cn = unit(X[p].mean(axis=0)), unit(X[n].mean(axis=0))
    return _z(X @ cp - X @ cn)


def cooccurrence_scores(
    units: Sequence[NDArray[np.int32]],
    terms: Sequence[str],
    counts: NDArray[np.integer],
    pairs: Sequence[tuple[str, str]],
    window: int = COOC_WINDOW,
) -> NDArray[np.float64]:
    """The METHODS.md §2 seed-pair score of every term from co-occurrence in ±``window``.

    Parameters
    ----------
    units : sequence of int32 arrays
        The corpus as vocabulary ids (``LexiconInducer(keep_units=True).units_``).
    terms, counts : the vocabulary and its frequencies.
    pairs : (positive, negative) seed terms.
    """
    from sentikit.stats.cooccurrence import cooccurrence, pair_scores

    index = {t: i for i, t in enumerate(terms)}
    targets = {index[t] for pair in pairs for t in pair if t in index}
    C = cooccurrence(iter(units), n_terms=len(terms), window=window, targets=sorted(targets))
    return np.asarray(pair_scores(C, counts, pairs, index), dtype=np.float64)


__all__ = ["COOC_WINDOW", "centroid_scores", "cooccurrence_scores"]
