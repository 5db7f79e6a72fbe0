"""Supervised term weights computed from document-term matrices.

All functions take a binary or count document-term matrix ``X`` (scipy sparse, documents in
rows) and class labels; they return one weight per column. Weights are always computed on
training data only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray


def _class_doc_freq(X: sp.spmatrix, mask: NDArray[np.bool_]) -> NDArray[np.float64]:
    Xb = sp.csr_matrix(X[mask])
    Xb.data = np.ones_like(Xb.data)
    return np.asarray(Xb.sum(axis=0), dtype=np.float64).ravel()


def nb_log_count_ratio(
    X: sp.spmatrix, positive: NDArray[np.bool_], alpha: float = 1.0
) -> NDArray[np.float64]:
    """Naive Bayes log-count ratio of NBSVM (Wang & Manning 2012).

    ``r = log((p / |p|_1) / (q / |q|_1))`` with ``p = alpha + Σ_{positive} x`` and
    ``q = alpha + Σ_{negative} x`` over binarized features.

    Examples
    --------
    >>> import scipy.sparse as sp, numpy as np
    >>> X = sp.csr_matrix(np.array([[1, 0], [1, 1], [0, 1]]))
    >>> r = nb_log_count_ratio(X, np.array([True, True, False]))
    >>> bool(r[0] > 0 > r[1])
    True
    """
    p = _class_doc_freq(X, positive) + alpha
    q = _class_doc_freq(X, ~positive) + alpha
    return np.log((p / p.sum()) / (q / q.sum()))


def delta_idf(
    X: sp.spmatrix, positive: NDArray[np.bool_], smoothing: float = 0.001
) -> NDArray[np.float64]:
    """delta-idf of METHODS.md §1: ``ln((df_P/|P| + s) / (df_N/|N| + s))`` with ``s = 0.001``."""
    n_pos = max(int(positive.sum()), 1)
    n_neg = max(int((~positive).sum()), 1)
    dp = _class_doc_freq(X, positive) / n_pos
    dn = _class_doc_freq(X, ~positive) / n_neg
    return np.log((dp + smoothing) / (dn + smoothing))


def bm25_delta_idf(
    X: sp.spmatrix, positive: NDArray[np.bool_], smoothing: float = 0.5
) -> NDArray[np.float64]:
    """BM25-style delta-idf (Paltoglou & Thelwall 2010), signed towards the positive class.

    ``log(((|N| − df_N + s)(df_P + s)) / ((|P| − df_P + s)(df_N + s)))`` with ``s = 0.5``: the
    difference of the two classes' BM25 (Robertson–Spärck Jones) idfs.
    """
    n_pos = float(positive.sum())
    n_neg = float((~positive).sum())
    dp = _class_doc_freq(X, positive)
    dn = _class_doc_freq(X, ~positive)
    s = smoothing
    return np.asarray(np.log(((n_neg - dn + s) * (dp + s)) / ((n_pos - dp + s) * (dn + s))))


#: Supervised term-score schemes by name (binary: positive vs negative documents).
SCHEMES = {
    "delta_idf": delta_idf,
    "nb": nb_log_count_ratio,
    "bm25_delta": bm25_delta_idf,
}


def polarity_sides(classes: Sequence[str]) -> tuple[list[str], list[str]]:
    """Which classes are the positive side and which the negative side of a label set: the one
    rule every part uses (scores, explanations, embeddings).

    ``positive`` against ``negative`` when both are present (any other class, e.g. neutral, is
    on neither side); otherwise the labels are taken as ordinal: the upper half of the sorted
    classes against the lower half (the middle class of an odd count on neither side).

    Examples
    --------
    >>> polarity_sides(["negative", "neutral", "positive"])
    (['positive'], ['negative'])
    >>> polarity_sides(["1", "2", "3", "4", "5"])
    (['4', '5'], ['1', '2'])
    """
    labels = sorted({str(c) for c in classes})
    if "positive" in labels and "negative" in labels:
        return ["positive"], ["negative"]
    half = len(labels) // 2
    return labels[len(labels) - half :], labels[:half]


def nb_ratio_or_idf(X: sp.spmatrix, y: Any, alpha: float = 1.0) -> NDArray[np.float64]:
    """Column scaling of a word-count family: the NB log-count ratio when the labels are
    ``positive``/``negative`` only, else smoothed idf ``log((1 + n) / (1 + df)) + 1``."""
    yarr = np.asarray(y)
    classes = np.unique(yarr)
    if len(classes) == 2 and "positive" in classes and "negative" in classes:
        return nb_log_count_ratio(X, yarr == "positive", alpha)
    df = np.asarray(X.sum(axis=0)).ravel()
    return np.asarray(np.log((1 + X.shape[0]) / (1 + df)) + 1.0)
