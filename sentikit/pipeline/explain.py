"""Explanations of the Analyzer (``explain=True``): per-token and per-morpheme contributions to
the decision, the decision's exact decomposition, and the linguistic annotation of the full
analysis (lemmas, POS, morphemes, negation, English subclauses).

The ``explanation`` of a scored result decomposes the document's decision
(:meth:`~sentikit.models.linear.LinearEnsembleClassifier.explain_decision`)::

    {"quantity": "log P(positive) / P(negative)", "units": "nats (natural-log odds)",
     "intercept": …, "other": {"polarity_features:standardization": …}, "tokens_total": …,
     "total": …, "top": {"positive": [{"text", "span", "contribution"}, …], "negative": […]}}

``intercept + tokens_total + Σ other = total`` (to rounding, 1e-6 tested), where ``total`` is
the model's own decision for the text: ``log P(positive) / P(negative)`` of the probabilities
the result reports (``probs``), in nats; it has the sign of ``score = P(positive) −
P(negative)`` and says nothing of ``neutral``. ``tokens_total`` is the sum of the tokens'
``polarity`` (each rounded to 6 decimals in the result); ``top`` holds the words that pushed
the decision most each way (up to :data:`TOP` each, strongest first; punctuation left out).
A result that was not scored (it has a ``warning``) has ``"explanation": null``.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

import numpy as np

from sentikit.doc import Document
from sentikit.errors import ResourceMissingError
from sentikit.models.linear import LinearEnsembleClassifier

__all__ = ["TOP", "explain", "top_tokens"]

#: The most tokens each side of an explanation's ``top``.
TOP = 5
#: Token kinds never listed in ``top``.
_NOT_WORDS = frozenset({"punct"})

_log = logging.getLogger("sentikit")
_WARNED: set[str] = set()


def _score_morphemes(
    doc: Document,
    chars: list[np.ndarray] | None,
    tags: list[dict[str, float]] | None = None,
) -> None:
    """Give each morpheme its part of the decision.

    Two sources add up. The character n-gram family's contribution is spread over the
    characters of each token, and a morpheme gets the sum over the characters of its surface
    form (this needs the morphemes' forms to spell the token's normalized form). The morpheme
    family (``sentikit.morph_forms.v1``) scores tags directly: a morpheme gets its tag's share,
    and the root morpheme also the word form's (``"@form"``). Word n-gram families score whole
    words, so their part is in the token's polarity only. Without either source polarities
    stay ``None``.
    """
    for i, tok in enumerate(doc.tokens):
        if not tok.morphemes:
            continue
        per_char = chars[i] if chars is not None else None
        if per_char is not None and "".join(m.form for m in tok.morphemes) == tok.form:
            pos = 0
            for m in tok.morphemes:
                m.polarity = float(per_char[pos : pos + len(m.form)].sum())
                pos += len(m.form)
        shares = tags[i] if tags is not None else None
        if shares:
            for j, m in enumerate(tok.morphemes):
                add = shares.get(m.tag, 0.0) + (shares.get("@form", 0.0) if j == 0 else 0.0)
                m.polarity = (m.polarity or 0.0) + add
        for m in tok.morphemes:
            if m.polarity is not None:
                m.polarity = round(m.polarity, 6)


def top_tokens(doc: Document, shares: list[float], n: int = TOP) -> dict[str, Any]:
    """The words of ``doc`` that pushed the decision most each way: ``{"positive": […],
    "negative": […]}``, each ``{"text", "span", "contribution"}`` (``contribution`` as the
    token's ``polarity``: rounded to 6 decimals; zero ones left out), strongest first (the
    earlier token first on a tie). Punctuation is left out (its share stays in the tokens'
    ``polarity`` and in ``tokens_total``); emoji, emoticons, hashtags and numbers count."""
    kinds = doc.token_kinds()
    out: dict[str, Any] = {}
    for side, sign in (("positive", 1.0), ("negative", -1.0)):
        picked = sorted(
            (
                k
                for k, c in enumerate(shares)
                if round(sign * c, 6) > 0 and kinds[k] not in _NOT_WORDS
            ),
            key=lambda k: (-sign * shares[k], k),
        )[:n]
        out[side] = [
            {
                "text": doc.tokens[k].text,
                "span": [doc.tokens[k].start, doc.tokens[k].end],
                "contribution": round(shares[k], 6),
            }
            for k in picked
        ]
    return out


def _decompose(
    docs: list[Document], est: LinearEnsembleClassifier, unscored: Collection[int]
) -> list[dict[str, Any] | None]:
    """Set every token's ``polarity``; the explanation of each scored document (``None`` for
    the positions in ``unscored``)."""
    scored = [k for k in range(len(docs)) if k not in unscored]
    totals = est.polarity_decision([docs[k] for k in scored]).tolist() if scored else []
    out: list[dict[str, Any] | None] = [None] * len(docs)
    for k, total in zip(scored, totals, strict=True):
        d = docs[k]
        ex = est.explain_decision(d, total=total)
        shares = ex.pop("tokens")
        for tok, c in zip(d.tokens, shares, strict=True):
            tok.polarity = c
        ex["top"] = top_tokens(d, shares)
        out[k] = ex
    for k in unscored:
        for tok, c in zip(docs[k].tokens, est.token_contributions(docs[k]), strict=True):
            tok.polarity = c
    return out


def explain(
    docs: list[Document],
    proc: Any,
    est: LinearEnsembleClassifier,
    lang: str,
    unscored: Collection[int] = (),
) -> list[dict[str, Any] | None]:
    """Add per-token contributions and the linguistic annotation of the full analysis; return
    each document's ``explanation`` (the module docstring), ``None`` for the positions in
    ``unscored`` (documents not scored: their tokens still get their contributions).

    Without the optional analyzer (English: the ``en`` extra), the contributions are still
    given; lemmas, POS and clauses stay empty and one warning says what to install.
    """
    explanations = _decompose(docs, est, unscored)
    try:
        analyzed = proc.make_docs([d.text for d in docs], analyze=True)
    except ResourceMissingError as exc:
        if lang not in _WARNED:
            _WARNED.add(lang)
            _log.warning("explain without linguistic annotation: %s", exc)
        return explanations
    for d, a in zip(docs, analyzed, strict=True):
        by_span = {(t.start, t.end): t for t in a.tokens}
        for tok in d.tokens:
            at = by_span.get((tok.start, tok.end))
            if at is None:
                continue
            tok.lemma, tok.pos = at.lemma, at.pos
            tok.morphemes = at.morphemes
            tok.negated = tok.negated or at.negated
        if any(t.morphemes for t in d.tokens):
            _score_morphemes(d, est.char_contributions(d), est.morpheme_contributions(d))
        # clauses come from the full analysis (English subclauses), for the sentences
        # that both splitters cut alike (same span); the others keep the fast clauses
        by_sent = {tuple(sa.span): sa for sa in a.sentences}
        for s in d.sentences:
            sa = by_sent.get(tuple(s.span))
            if sa is not None and sa.clauses:
                s.clauses = sa.clauses
    return explanations
