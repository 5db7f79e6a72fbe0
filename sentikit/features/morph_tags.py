"""Morpheme-tag polarity (METHODS.md §5): δ(t) per morpheme tag and the top-p selection.

:class:`MorphemeTagPolarity` learns δ(t) per morpheme tag from document counts
(:func:`tag_document_counts`) with the negation flip (the other tags of a negated word count for
the opposite class), scores them with delta-idf (:func:`delta_from_counts`), selects the top
⌊p·min(#pos, #neg)⌋ tags of each sign (:func:`top_p_tags`), and averages δ over two corpora
when given a second one. Documents are :class:`~sentikit.features.morph_units.Unit` sequences.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from sentikit.errors import InputError
from sentikit.features.morph_units import NEGATION_TAGS, Unit

_DELTA_SMOOTHING = 0.001
"""The additive constant of delta-idf (METHODS.md §1)."""


def _index(values: Iterable[str], vocab: dict[str, int]) -> list[int]:
    return [vocab.setdefault(v, len(vocab)) for v in values]


def tag_document_counts(
    docs: Sequence[Sequence[Unit]],
    flip: bool = True,
    negation_tags: frozenset[str] = NEGATION_TAGS,
) -> tuple[sp.csr_matrix, sp.csr_matrix, list[str]]:
    """Binary document × tag matrices: tags counted for the document's class, and flipped ones.

    In a word carrying a negation tag, its *other* tags go to the flipped matrix (they count
    for the opposite class, METHODS.md §5); the negation tag itself counts normally.

    Returns
    -------
    own, flipped : csr_matrix
        Binary, shape ``(len(docs), len(tags))``.
    tags : list of str
        The column names (first-seen order).
    """
    vocab: dict[str, int] = {}
    rows_o: list[int] = []
    cols_o: list[int] = []
    rows_f: list[int] = []
    cols_f: list[int] = []
    for r, units in enumerate(docs):
        own: set[str] = set()
        flipped: set[str] = set()
        for u in units:
            if not u.tags:
                continue
            if flip and u.morph_negative:
                for t in u.tags:
                    (own if t in negation_tags else flipped).add(t)
            else:
                own.update(u.tags)
        c = _index(sorted(own), vocab)
        rows_o.extend([r] * len(c))
        cols_o.extend(c)
        c = _index(sorted(flipped), vocab)
        rows_f.extend([r] * len(c))
        cols_f.extend(c)
    shape = (len(docs), len(vocab))
    own_m = sp.csr_matrix((np.ones(len(rows_o)), (rows_o, cols_o)), shape=shape)
    flip_m = sp.csr_matrix((np.ones(len(rows_f)), (rows_f, cols_f)), shape=shape)
    return own_m, flip_m, sorted(vocab, key=vocab.__getitem__)


def delta_from_counts(
    df_pos: NDArray[np.float64],
    df_neg: NDArray[np.float64],
    n_pos: int,
    n_neg: int,
    smoothing: float = _DELTA_SMOOTHING,
) -> NDArray[np.float64]:
    """delta-idf from document frequencies: ``ln((df_P/|P| + s) / (df_N/|N| + s))`` (§1).

    Examples
    --------
    >>> float(delta_from_counts(np.array([2.0]), np.array([0.0]), 2, 2)[0]) > 6
    True
    """
    p = np.asarray(df_pos, dtype=np.float64) / max(n_pos, 1)
    q = np.asarray(df_neg, dtype=np.float64) / max(n_neg, 1)
    return np.asarray(np.log((p + smoothing) / (q + smoothing)))


def top_p_tags(scores: dict[str, float], p: float) -> frozenset[str]:
    """The top ⌊p · min(#positive, #negative)⌋ tags by |δ| of each sign (METHODS.md §5).

    Ties are broken by tag name, so the selection is deterministic.

    Examples
    --------
    >>> sorted(top_p_tags({"a": 2.0, "b": 1.0, "c": -3.0, "d": -0.5, "e": 0.0}, 0.5))
    ['a', 'c']
    """
    if not 0.0 <= p <= 1.0:
        raise InputError(f"p must be in [0, 1], got {p}")
    pos = sorted((t for t, d in scores.items() if d > 0), key=lambda t: (-scores[t], t))
    neg = sorted((t for t, d in scores.items() if d < 0), key=lambda t: (scores[t], t))
    k = math.floor(p * min(len(pos), len(neg)) + 1e-9)
    return frozenset(pos[:k] + neg[:k])


class MorphemeTagPolarity:
    """δ(t) per morpheme tag with the negation flip, and the top-p tag selection (§5).

    Parameters
    ----------
    p : float
        Share of the smaller sign's tag count kept on each side (0.6–0.8 was best in the
        reference work).
    flip : bool
        Count the other tags of a negated word for the opposite class.
    smoothing : float
        delta-idf's additive constant (0.001).
    positive_label : str
        The label of the positive class; every other label is negative.

    Attributes
    ----------
    tag_scores_ : dict of str to float
        δ(t) per tag (averaged over the two corpora when :meth:`fit` got a second one).
    selected_ : frozenset of str
        The selected polarity-bearing tags.
    corpus_scores_ : list of dict
        δ(t) of each corpus separately.

    Examples
    --------
    >>> neg = Unit("beğenmedim", "beğenmek", ("Verb", "Neg", "Past"), True, True, 0)
    >>> pos = Unit("beğendim", "beğenmek", ("Verb", "Past"), False, False, 0)
    >>> m = MorphemeTagPolarity(p=1.0).fit([[pos], [neg]], ["positive", "negative"])
    >>> m.tag_scores_["Past"] > 0 and m.tag_scores_["Neg"] < 0
    True
    """

    def __init__(
        self,
        p: float = 0.7,
        flip: bool = True,
        smoothing: float = _DELTA_SMOOTHING,
        positive_label: str = "positive",
    ) -> None:
        self.p = p
        self.flip = flip
        self.smoothing = smoothing
        self.positive_label = positive_label

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Hyper-parameters (scikit-learn contract)."""
        return {
            "p": self.p,
            "flip": self.flip,
            "smoothing": self.smoothing,
            "positive_label": self.positive_label,
        }

    def set_params(self, **params: Any) -> MorphemeTagPolarity:
        """Set hyper-parameters (scikit-learn contract)."""
        for k, v in params.items():
            if k not in self.get_params():
                raise InputError(f"unknown parameter {k!r} for MorphemeTagPolarity")
            setattr(self, k, v)
        return self

    def _scores(self, docs: Sequence[Sequence[Unit]], y: Sequence[str]) -> dict[str, float]:
        if len(docs) != len(y):
            raise InputError(f"got {len(docs)} documents but {len(y)} labels")
        pos = np.asarray([lab == self.positive_label for lab in y], dtype=bool)
        own, flipped, tags = tag_document_counts(docs, self.flip)
        df_p = (
            np.asarray(own[pos].sum(axis=0)).ravel() + np.asarray(flipped[~pos].sum(axis=0)).ravel()
        )
        df_n = (
            np.asarray(own[~pos].sum(axis=0)).ravel() + np.asarray(flipped[pos].sum(axis=0)).ravel()
        )
        d = delta_from_counts(df_p, df_n, int(pos.sum()), int((~pos).sum()), self.smoothing)
        return dict(zip(tags, d.tolist(), strict=True))

    def fit(
        self,
        X: Sequence[Sequence[Unit]],
        y: Sequence[str],
        X_other: Sequence[Sequence[Unit]] | None = None,
        y_other: Sequence[str] | None = None,
    ) -> MorphemeTagPolarity:
        """Learn δ(t) from documents (unit sequences, :meth:`TypeMorphology.units`).

        Parameters
        ----------
        X, y : the (training) documents and their labels.
        X_other, y_other : optional second corpus of another genre; δ(t) is then the average
            of the two corpora's δ (a tag absent from one corpus has δ = 0 there), before
            selection.

        Returns
        -------
        self
        """
        if (X_other is None) != (y_other is None):
            raise InputError("give both X_other and y_other, or neither")
        first = self._scores(X, y)
        self.corpus_scores_ = [first]
        if X_other is not None and y_other is not None:
            second = self._scores(X_other, y_other)
            self.corpus_scores_.append(second)
            tags = sorted(set(first) | set(second))
            self.tag_scores_ = {t: (first.get(t, 0.0) + second.get(t, 0.0)) / 2 for t in tags}
        else:
            self.tag_scores_ = dict(first)
        self.selected_ = self.select(self.p)
        return self

    def select(self, p: float) -> frozenset[str]:
        """The tag selection for another ``p`` from the fitted scores (no refit)."""
        return top_p_tags(self.tag_scores_, p)
