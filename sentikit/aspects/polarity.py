"""The polarity of an aspect term in its sentence: logistic regression over the term's context.

:class:`TermPolarity` describes a term (character span in a parsed document) by

- the term's own words;
- the words of the subclause that holds it (``Sentence.clauses``, sentikit's English
  subclauses), negated words marked ``_NEG``;
- a distance-weighted window: the words within :data:`WINDOW` tokens either side, each weighed
  ``1 / distance``;
- opinion-lexicon scores summed over the subclause and the weighted window (positive and
  negative parts apart; a negated word's score reversed);
- the sentiment model's token contributions (``explain=True``: each token's additive share of
  the decision) summed over the subclause, the weighted window and the sentence — handed in
  by the caller as ``(start, end, contribution)`` triples, so this layer needs no Analyzer.

The classes are the data's: ``positive``, ``negative``, ``neutral`` and ``conflict``.
Weights are saved as ``polarity.json`` (settings, feature names, classes) and ``polarity.npz``
(coefficients, intercepts; loaded with ``allow_pickle=False``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sentikit.aspects.base import read_part
from sentikit.aspects.features import OPINION_THRESHOLD
from sentikit.doc import NEG_SUFFIX, Document
from sentikit.errors import InputError

__all__ = ["Contributions", "FORMAT", "WINDOW", "TermPolarity", "term_tokens"]

#: Format name written into ``polarity.json``.
FORMAT = "sentikit.aspect_polarity.v1"
#: Tokens either side of the term in the distance-weighted window.
WINDOW = 6
#: Token contributions of one document: ``(start, end, contribution)`` character spans.
Contributions = Sequence[tuple[int, int, float]]


def term_tokens(doc: Document, span: tuple[int, int]) -> list[int]:
    """Indices of the document's tokens that overlap the character ``span``."""
    s, e = span
    return [i for i, t in enumerate(doc.tokens) if t.start < e and t.end > s]


def _word(doc: Document, i: int) -> str:
    tok = doc.tokens[i]
    w = (tok.norm or tok.text).lower()
    return w + NEG_SUFFIX if tok.negated else w


def _clause_of(doc: Document, first: int) -> list[int]:
    for sent in doc.sentences:
        if sent.token_start <= first < sent.token_end:
            for clause in sent.clauses:
                idx = clause.indices()
                if first in idx:
                    return idx
            return list(range(sent.token_start, sent.token_end))
    return list(range(len(doc.tokens)))


def _sentence_of(doc: Document, first: int) -> range:
    for sent in doc.sentences:
        if sent.token_start <= first < sent.token_end:
            return range(sent.token_start, sent.token_end)
    return range(len(doc.tokens))


def _dependency_neighbours(doc: Document, idx: Sequence[int], hops: int = 2) -> list[int]:
    """Tokens within ``hops`` dependency arcs of the term's tokens (the term left out)."""
    toks = doc.tokens
    children: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        if t.head is not None and t.head >= 0:
            children.setdefault(t.head, []).append(i)
    seen = set(idx)
    frontier = list(idx)
    for _ in range(hops):
        nxt = []
        for i in frontier:
            head = toks[i].head
            linked = children.get(i, []) + ([head] if head is not None and head >= 0 else [])
            for j in linked:
                if j not in seen and 0 <= j < len(toks):
                    seen.add(j)
                    nxt.append(j)
        frontier = nxt
    return sorted(seen - set(idx))


def _lexicon_score(doc: Document, i: int, lexicon: Mapping[str, float]) -> float:
    """The token's lexicon score if it is an opinion word (reversed when negated), else 0."""
    tok = doc.tokens[i]
    score = lexicon.get(tok.text.lower(), 0.0)
    if abs(score) < OPINION_THRESHOLD:
        return 0.0
    return -score if tok.negated else score


class _Features:
    """The feature dict of one term (a helper of :class:`TermPolarity`)."""

    def __init__(self, lexicon: Mapping[str, float], window: int) -> None:
        self.lexicon = lexicon
        self.window = window

    def __call__(
        self, doc: Document, span: tuple[int, int], contrib: Contributions | None
    ) -> dict[str, float]:
        idx = term_tokens(doc, span)
        if not idx:
            return {"bias": 1.0}
        first, last = idx[0], idx[-1]
        f: dict[str, float] = {"bias": 1.0}
        for i in idx:
            f["t:" + doc.tokens[i].text.lower()] = 1.0
        in_term = set(idx)
        clause = [i for i in _clause_of(doc, first) if i not in in_term]
        sent = _sentence_of(doc, first)
        weights: dict[int, float] = {}
        for i in range(
            max(sent.start, first - self.window), min(sent.stop, last + self.window + 1)
        ):
            if i not in in_term:
                weights[i] = 1.0 / (first - i if i < first else i - last)
        for i in clause:
            f["c:" + _word(doc, i)] = 1.0
        for i, w in weights.items():
            key = "w:" + _word(doc, i)
            f[key] = f.get(key, 0.0) + w
        near = _dependency_neighbours(doc, idx)
        for i in near:
            f["d:" + _word(doc, i)] = 1.0
        lex = lambda i: _lexicon_score(doc, i, self.lexicon)  # noqa: E731
        self._scores(f, "lex", doc, clause, weights, lex)
        self._scores(f, "dlex", doc, near, {}, lex)
        if contrib is not None:
            tok_c = _token_contributions(doc, contrib)
            self._scores(f, "mdl", doc, clause, weights, lambda i: tok_c[i])
            self._scores(f, "dmdl", doc, near, {}, lambda i: tok_c[i])
            f["mdl_sent"] = sum(tok_c[i] for i in sent)
        return f

    @staticmethod
    def _scores(
        f: dict[str, float],
        name: str,
        doc: Document,
        clause: Sequence[int],
        weights: Mapping[int, float],
        score: Any,
    ) -> None:
        cl = [score(i) for i in clause]
        f[f"{name}_cl_pos"] = sum(v for v in cl if v > 0)
        f[f"{name}_cl_neg"] = sum(v for v in cl if v < 0)
        win = [(score(i), w) for i, w in weights.items()]
        f[f"{name}_win_pos"] = sum(v * w for v, w in win if v > 0)
        f[f"{name}_win_neg"] = sum(v * w for v, w in win if v < 0)


def _token_contributions(doc: Document, contrib: Contributions) -> list[float]:
    """Each document token's contribution: the sum over the triples inside it."""
    out = [0.0] * len(doc.tokens)
    if not contrib:
        return out
    starts = [t.start for t in doc.tokens]
    import bisect

    for s, e, c in contrib:
        k = bisect.bisect_right(starts, s) - 1
        if 0 <= k < len(out) and s < doc.tokens[k].end and e > doc.tokens[k].start:
            out[k] += float(c)
    return out


class TermPolarity:
    """Aspect term polarity: :class:`~sentikit.aspects.linear.SparseLogistic` over the term's
    subclause, weighted window, lexicon scores and the model's token contributions.

    Parameters
    ----------
    C : float, default 1.0
        Logistic regression's inverse regularization.
    window : int, default WINDOW
        Tokens either side of the term in the weighted window.
    lexicon : str, default the shipped WordNet lexicon
        The opinion lexicon (resource path or TSV file).
    """

    def __init__(self, C: float = 1.0, window: int = WINDOW, lexicon: str | None = None) -> None:
        self.C = C
        self.window = window
        self.lexicon = lexicon

    def _featurizer(self) -> _Features:
        from sentikit.aspects.crf import DEFAULT_LEXICON, load_opinion_lexicon

        return _Features(load_opinion_lexicon(self.lexicon or DEFAULT_LEXICON), self.window)

    def features(
        self,
        docs: Sequence[Document],
        items: Sequence[tuple[int, tuple[int, int]]],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> list[dict[str, float]]:
        """One feature dict per ``(document index, term span)`` item."""
        feat = self._featurizer()
        out = []
        for k, span in items:
            if not 0 <= k < len(docs):
                raise InputError(f"item names document {k} of {len(docs)}")
            contrib = contributions[k] if contributions is not None else None
            out.append(feat(docs[k], span, contrib))
        return out

    def fit(
        self,
        docs: Sequence[Document],
        items: Sequence[tuple[int, tuple[int, int]]],
        labels: Sequence[str],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> TermPolarity:
        """Train on terms ``items`` (document index, character span) and their labels."""
        from sentikit.aspects.linear import SparseLogistic

        X = self.features(docs, items, contributions)
        self.model_ = SparseLogistic(C=self.C).fit(X, list(labels))
        self.uses_contributions_ = contributions is not None
        return self

    def predict_proba(
        self,
        docs: Sequence[Document],
        items: Sequence[tuple[int, tuple[int, int]]],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> tuple[list[str], np.ndarray]:
        """``(classes, probabilities)`` of the items (one row each)."""
        if not hasattr(self, "model_"):
            raise InputError("the polarity model is not trained: call fit() or load() first")
        if not items:
            return list(self.model_.classes_), np.zeros((0, len(self.model_.classes_)))
        X = self.features(docs, items, contributions)
        return list(self.model_.classes_), self.model_.predict_proba(X)

    def predict(
        self,
        docs: Sequence[Document],
        items: Sequence[tuple[int, tuple[int, int]]],
        contributions: Sequence[Contributions | None] | None = None,
    ) -> list[str]:
        """The most probable polarity of each item."""
        classes, P = self.predict_proba(docs, items, contributions)
        return [classes[int(k)] for k in P.argmax(axis=1)]

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write ``polarity.json`` and ``polarity.npz`` into ``folder``."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        meta, arrays = self.model_.to_state()
        state = {
            "format": FORMAT,
            "C": self.C,
            "window": self.window,
            "lexicon": self.lexicon,
            "uses_contributions": self.uses_contributions_,
            "model": meta,
        }
        (out / "polarity.json").write_text(json.dumps(state) + "\n", encoding="utf-8")
        np.savez(out / "polarity.npz", **arrays)  # type: ignore[arg-type]
        return out

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> TermPolarity:
        """Read a model written by :meth:`save` (raises :class:`BundleError` if damaged)."""
        from sentikit.aspects.linear import SparseLogistic

        path = Path(folder)
        state, arrays = read_part(path, "polarity", FORMAT, "aspect polarity model")
        m = cls(C=state["C"], window=state["window"], lexicon=state.get("lexicon"))
        m.model_ = SparseLogistic.from_state(state["model"], arrays)
        m.uses_contributions_ = bool(state.get("uses_contributions"))
        return m
