"""Explanations of the Analyzer (``explain=True``): per-token and per-morpheme contributions to
the decision, and the linguistic annotation of the full analysis (lemmas, POS, morphemes,
negation, English subclauses)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from sentikit.doc import Document
from sentikit.errors import ResourceMissingError
from sentikit.models.linear import LinearEnsembleClassifier

__all__ = ["explain"]

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


def explain(docs: list[Document], proc: Any, est: LinearEnsembleClassifier, lang: str) -> None:
    """Add per-token contributions and the linguistic annotation of the full analysis.

    Without the optional analyzer (English: the ``en`` extra), the contributions are still
    given; lemmas, POS and clauses stay empty and one warning says what to install.
    """
    for d in docs:
        for tok, c in zip(d.tokens, est.token_contributions(d), strict=True):
            tok.polarity = c
    try:
        analyzed = proc.make_docs([d.text for d in docs], analyze=True)
    except ResourceMissingError as exc:
        if lang not in _WARNED:
            _WARNED.add(lang)
            _log.warning("explain without linguistic annotation: %s", exc)
        return
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
