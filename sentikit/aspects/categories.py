"""Sentence-level aspect categories (SemEval-2014 restaurants) and their polarity.

:class:`CategoryModel` detects the categories a sentence speaks of (multi-label: one-vs-rest
logistic regressions over word uni- and bigrams, character 2–5-grams inside words and the
words' cluster ids; a sentence gets every category whose probability reaches the threshold
``threshold_`` — tuned by cross-validation on the training sentences — and at least its most
probable one), and each detected category's polarity (a multinomial logistic regression over
the sentence's words, negated ones marked, crossed with the category, the opinion lexicon's
scores and the sentiment model's token contributions). Saved as ``categories.json`` +
``categories.npz`` (no pickle).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from sentikit.aspects.base import read_part
from sentikit.aspects.clusters import WordClusters
from sentikit.aspects.linear import SparseLogistic
from sentikit.aspects.polarity import Contributions, _lexicon_score, _token_contributions
from sentikit.doc import NEG_SUFFIX, Document
from sentikit.errors import InputError

__all__ = ["FORMAT", "CategoryModel", "detection_features"]

#: Format name written into ``categories.json``.
FORMAT = "sentikit.aspect_categories.v1"
#: Candidate thresholds tried by the cross-validation.
#: The file of the detector's word clusters in a saved model.
CLUSTERS_FILE = "categories.clusters.json.gz"
THRESHOLDS = tuple(round(0.15 + 0.05 * k, 2) for k in range(12))


def _lowers(doc: Document) -> list[str]:
    return [t.text.lower() for t in doc.tokens]


def detection_features(doc: Document, clusters: WordClusters | None) -> dict[str, float]:
    """Word uni-/bigrams, character 2–5-grams inside words and word cluster ids."""
    words = [w for w in _lowers(doc) if any(ch.isalnum() for ch in w)]
    f: dict[str, float] = {}
    for i, w in enumerate(words):
        f["w:" + w] = 1.0
        if i:
            f[f"b:{words[i - 1]} {w}"] = 1.0
        padded = f"<{w}>"
        for n in range(2, 6):
            for k in range(len(padded) - n + 1):
                f["g:" + padded[k : k + n]] = 1.0
        ids = clusters.ids(w) if clusters is not None else None
        if ids is not None:
            for j, cid in enumerate(ids):
                f[f"c{j}:{cid}"] = 1.0
    for t in doc.tokens:
        if t.lemma:
            f["l:" + t.lemma.lower()] = 1.0
    return f


def _polarity_features(
    doc: Document, category: str, lexicon: Mapping[str, float], contrib: Contributions | None
) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0, "cat:" + category: 1.0}
    for t in doc.tokens:
        w = t.text.lower() + (NEG_SUFFIX if t.negated else "")
        f["w:" + w] = 1.0
        f[f"{category}|w:{w}"] = 1.0
    lex = [_lexicon_score(doc, i, lexicon) for i in range(len(doc.tokens))]
    f["lex_pos"] = sum(v for v in lex if v > 0)
    f["lex_neg"] = sum(v for v in lex if v < 0)
    if contrib is not None:
        tc = _token_contributions(doc, contrib)
        f["mdl"] = sum(tc)
        f[f"{category}|mdl"] = sum(tc)
        f["mdl_pos"] = sum(v for v in tc if v > 0)
        f["mdl_neg"] = sum(v for v in tc if v < 0)
    return f


class CategoryModel:
    """Aspect category detection (multi-label) and category polarity.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularization of the detection classifiers.
    polarity_C : float, default 1.0
        Inverse regularization of the polarity classifier.
    folds : int, default 5
        Cross-validation folds for the threshold.
    clusters : WordClusters, optional
        Word clusters for the detection features.
    lexicon : str, optional
        Opinion lexicon for the polarity features (default: the shipped WordNet lexicon).
    """

    def __init__(
        self,
        C: float = 1.0,
        polarity_C: float = 1.0,
        folds: int = 5,
        clusters: WordClusters | None = None,
        lexicon: str | None = None,
    ) -> None:
        self.C = C
        self.polarity_C = polarity_C
        self.folds = folds
        self.clusters = clusters
        self.lexicon = lexicon

    def _lexicon(self) -> dict[str, float]:
        from sentikit.aspects.crf import DEFAULT_LEXICON, load_opinion_lexicon

        return load_opinion_lexicon(self.lexicon or DEFAULT_LEXICON)

    def fit(
        self,
        docs: Sequence[Document],
        categories: Sequence[Sequence[tuple[str, str]]],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> CategoryModel:
        """Train on parsed sentences and their ``(category, polarity)`` pairs."""
        if len(docs) != len(categories) or not docs:
            raise InputError(f"{len(docs)} documents but {len(categories)} category lists")
        classes = sorted({c for cats in categories for c, _ in cats})
        if not classes:
            raise InputError("no category in the training data")
        X = [detection_features(d, self.clusters) for d in docs]
        Y = np.array([[int(any(c == k for c, _ in cats)) for k in classes] for cats in categories])
        self.threshold_ = self._tune_threshold(X, Y, classes)
        self.detector_ = SparseLogistic(C=self.C, multilabel=True).fit(X, Y, classes)
        lex = self._lexicon()
        P, y = [], []
        for k, (doc, cats) in enumerate(zip(docs, categories, strict=True)):
            contrib = contributions[k] if contributions is not None else None
            for c, pol in cats:
                P.append(_polarity_features(doc, c, lex, contrib))
                y.append(pol)
        self.polarity_ = SparseLogistic(C=self.polarity_C).fit(P, y)
        self.uses_contributions_ = contributions is not None
        return self

    def _tune_threshold(
        self, X: list[dict[str, float]], Y: np.ndarray, classes: list[str]
    ) -> float:
        """The threshold with the best micro-F1 on out-of-fold probabilities."""
        oof = np.zeros(Y.shape)
        fold = np.arange(len(X)) % self.folds
        for f in range(self.folds):
            tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
            m = SparseLogistic(C=self.C, multilabel=True).fit([X[i] for i in tr], Y[tr], classes)
            oof[te] = m.predict_proba([X[i] for i in te])
        scores = {t: _micro_f1(_decide(oof, t), Y) for t in THRESHOLDS}
        self.cv_f1_ = scores
        return max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))

    def detect(
        self, docs: Sequence[Document], at_least_one: bool = True
    ) -> list[list[tuple[str, float]]]:
        """The categories of each sentence with their probabilities.

        ``at_least_one``: a sentence gets its most probable category even below the threshold
        (as in SemEval-2014, where every sentence has one); ``False`` for text of any domain.
        """
        if not hasattr(self, "detector_"):
            raise InputError("the category model is not trained: call fit() or load() first")
        if not docs:
            return []
        probs = self.detector_.predict_proba([detection_features(d, self.clusters) for d in docs])
        D = _decide(probs, self.threshold_) if at_least_one else probs >= self.threshold_
        cls = self.detector_.classes_
        return [
            [(cls[j], float(probs[i, j])) for j in np.flatnonzero(D[i])] for i in range(len(docs))
        ]

    def polarity(
        self,
        docs: Sequence[Document],
        items: Sequence[tuple[int, str]],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> tuple[list[str], np.ndarray]:
        """``(classes, probabilities)`` of ``(document index, category)`` items."""
        lex = self._lexicon()
        if not items:
            return list(self.polarity_.classes_), np.zeros((0, len(self.polarity_.classes_)))
        X = [
            _polarity_features(
                docs[k], c, lex, contributions[k] if contributions is not None else None
            )
            for k, c in items
        ]
        return list(self.polarity_.classes_), self.polarity_.predict_proba(X)

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write ``categories.json``, ``categories.npz`` and the clusters into ``folder``."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        dmeta, darr = self.detector_.to_state()
        pmeta, parr = self.polarity_.to_state()
        state = {
            "format": FORMAT,
            "C": self.C,
            "polarity_C": self.polarity_C,
            "folds": self.folds,
            "lexicon": self.lexicon,
            "threshold": self.threshold_,
            "clusters": CLUSTERS_FILE if self.clusters is not None else None,
            "uses_contributions": self.uses_contributions_,
            "detector": dmeta,
            "polarity": pmeta,
        }
        (out / "categories.json").write_text(json.dumps(state) + "\n", encoding="utf-8")
        arrays = {f"detector_{k}": v for k, v in darr.items()}
        arrays.update({f"polarity_{k}": v for k, v in parr.items()})
        np.savez(out / "categories.npz", **arrays)  # type: ignore[arg-type]
        if self.clusters is not None:
            self.clusters.save(out / CLUSTERS_FILE)
        return out

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> CategoryModel:
        """Read a model written by :meth:`save` (raises :class:`BundleError` if damaged)."""
        path = Path(folder)
        state, arrays = read_part(path, "categories", FORMAT, "aspect category model")
        m = cls(
            C=state["C"],
            polarity_C=state["polarity_C"],
            folds=state["folds"],
            clusters=WordClusters.load(path / state["clusters"]) if state.get("clusters") else None,
            lexicon=state.get("lexicon"),
        )
        m.threshold_ = float(state["threshold"])
        m.uses_contributions_ = bool(state["uses_contributions"])
        m.detector_ = SparseLogistic.from_state(state["detector"], _pick(arrays, "detector_"))
        m.polarity_ = SparseLogistic.from_state(state["polarity"], _pick(arrays, "polarity_"))
        return m


def _pick(arrays: Mapping[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}


def _decide(P: np.ndarray, threshold: float) -> np.ndarray:
    """Every class at or above ``threshold``, and each row's most probable class."""
    D = threshold <= P
    if len(P):
        D[np.arange(len(P)), P.argmax(axis=1)] = True
    return D


def _micro_f1(D: np.ndarray, Y: np.ndarray) -> float:
    tp = float((D & (Y == 1)).sum())
    npred, ngold = float(D.sum()), float(Y.sum())
    return 2 * tp / (npred + ngold) if npred + ngold else 0.0
