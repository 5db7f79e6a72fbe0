"""Clause scores, mixed polarity and domain coverage of analysed documents.

A document or sentence is *mixed* when two of its parts (sentences, or the clauses that
:func:`sentikit.lang.contrast.contrast_clauses` cuts) carry strong opposite polarity: one part
with ``P(positive) ≥ MIXED_THRESHOLD`` and another with ``P(negative) ≥ MIXED_THRESHOLD``.
The evidence of both sides (text, span, score) comes with the flag. The parts are scored in the
same model call as the documents and sentences (one feature pass).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sentikit.doc import Clause, Document, Sentence
from sentikit.lang.contrast import contrast_clauses, may_cut

#: A part is strong evidence of a polarity at this probability. Chosen a priori (two thirds:
#: the part's own verdict is twice as likely as the other two together), not fitted;
#: ``benchmarks/mixed.py`` measures the flag on the SemEval sentences whose aspects disagree.
MIXED_THRESHOLD = 2.0 / 3.0


def clause_segments(
    docs: Sequence[Document], lang: str | None
) -> tuple[list[tuple[int, Sentence]], list[tuple[int, int, Clause]]]:
    """Segments for the clauses of sentences that have more than one: ``(doc, Sentence)``
    rows for the model, and ``(doc, sentence index, Clause)`` for filling the results."""
    segs: list[tuple[int, Sentence]] = []
    where: list[tuple[int, int, Clause]] = []
    for i, d in enumerate(docs):
        if len(d.sentences) == 0 or not may_cut(d, lang):
            continue
        forms = d.token_forms()
        for j, s in enumerate(d.sentences):
            clauses = contrast_clauses(d, s, lang, forms)
            if len(clauses) < 2:
                continue
            for c in clauses:
                segs.append((i, Sentence(c.text, c.span, c.token_start, c.token_end)))
                where.append((i, j, c))
    return segs, where


def _part(text: str, span: tuple[int, int], score: float) -> dict[str, Any]:
    return {"text": text, "span": [int(span[0]), int(span[1])], "score": round(score, 6)}


def mixed_flags(
    docs: Sequence[Document],
    parts: Sequence[tuple[int, str, tuple[int, int], float, float]],
    threshold: float = MIXED_THRESHOLD,
) -> list[dict[str, Any] | None]:
    """Per document, ``None`` or the evidence ``{"positive": [...], "negative": [...]}`` of
    its strong opposite parts. ``parts`` are ``(doc, text, span, P(positive), P(negative))``
    of every scored sentence and clause."""
    pos: dict[int, list[dict[str, Any]]] = {}
    neg: dict[int, list[dict[str, Any]]] = {}
    for i, text, span, p, n in parts:
        if p >= threshold:
            pos.setdefault(i, []).append(_part(text, span, p - n))
        elif n >= threshold:
            neg.setdefault(i, []).append(_part(text, span, p - n))
    out: list[dict[str, Any] | None] = []
    for i in range(len(docs)):
        if i in pos and i in neg:
            out.append({"positive": pos[i], "negative": neg[i]})
        else:
            out.append(None)
    return out


def domain_coverage(est: Any, docs: Sequence[Document]) -> list[float | None]:
    """Per document, the share of its word tokens (kind ``word``, placeholders of masked terms
    included) whose form the model saw in training (``None`` for a document without word
    tokens, or a model that cannot tell)."""
    known = getattr(est, "known_terms", None)
    if known is None:
        return [None] * len(docs)
    vocab = known()
    seen = vocab.__contains__
    out: list[float | None] = []
    for d in docs:
        words = [f for f, k in zip(d.token_forms(), d.token_kinds(), strict=True) if k == "word"]
        out.append(round(sum(map(seen, words)) / len(words), 4) if words else None)
    return out
