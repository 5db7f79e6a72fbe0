"""Fast clause cuts for scoring the parts of a sentence: contrast conjunctions and punctuation.

The fast path has no parser, yet a sentence such as "The food was great, but the service was
awful." holds two opinions. :func:`contrast_clauses` cuts a sentence's token range

1. **before** a contrast conjunction (:data:`CONTRAST`: *but*, *however*, *although* …;
   *ama*, *fakat*, *ancak*, *oysa* …), wherever a word remains on both sides;
2. **at** a comma, semicolon, colon or dash, where at least :data:`MIN_PART` tokens remain on
   both sides (so that lists such as "cheap, fast and tasty" stay whole).

It reads only the token columns (forms and offsets), never builds Tokens, and works for both
languages; the Turkish analyzer's morphological subclauses (:mod:`sentikit.lang.tr.subclauses`)
and the English parser's (:mod:`sentikit.lang.en.subclauses`) refine it when asked.

Examples
--------
>>> from sentikit.lang import get_processor
>>> doc = get_processor("en").make_docs(["The food was great, but the waiter was rude."])[0]
>>> [c.text for c in contrast_clauses(doc, doc.sentences[0], "en")]
['The food was great,', 'but the waiter was rude.']
"""

from __future__ import annotations

from sentikit.doc import Clause, Document, Sentence

#: Conjunctions that open a contrasting clause (lower-cased token forms).
CONTRAST: dict[str, frozenset[str]] = {
    "en": frozenset(
        {"but", "however", "although", "though", "yet", "whereas", "nevertheless", "nonetheless"}
    ),
    "tr": frozenset(
        {"ama", "fakat", "ancak", "lakin", "oysa", "oysaki", "halbuki", "yalnız", "rağmen", "ise"}
    ),
}

#: Punctuation tokens that may separate two clauses.
SEPARATORS = frozenset({",", ";", ":", "-", "–", "—"})

#: The fewest tokens on each side of a punctuation cut (about a subject and a predicate).
MIN_PART = 3


def _offsets(doc: Document) -> tuple[list[int], list[int]]:
    cols = doc.__dict__.get("_columns")
    if cols is not None:
        return list(cols.starts), list(cols.ends)
    toks = doc.tokens
    return [t.start for t in toks], [t.end for t in toks]


def may_cut(doc: Document, lang: str | None) -> bool:
    """False when no token of ``doc`` can cut a clause (a quick test before
    :func:`contrast_clauses`)."""
    forms = set(doc.token_forms())
    return not (
        forms.isdisjoint(SEPARATORS) and forms.isdisjoint(CONTRAST.get(lang or "", CONTRAST["en"]))
    )


def contrast_clauses(
    doc: Document, sentence: Sentence, lang: str | None, forms: list[str] | None = None
) -> list[Clause]:
    """The clauses of ``sentence`` (of ``doc``) as contiguous token ranges; one clause (the
    whole sentence) when nothing cuts it. Clause spans are character offsets in ``doc.text``.
    ``forms`` may pass ``doc.token_forms()`` when it is at hand.
    """
    lo, hi = sentence.token_start, sentence.token_end
    if hi <= lo:
        return []
    forms = (forms if forms is not None else doc.token_forms())[lo:hi]
    conj = CONTRAST.get(lang or "", CONTRAST["en"])
    cuts = [0]
    for k, f in enumerate(forms):
        low = f.lower()
        if k > cuts[-1] and low in conj and k < len(forms) - 1:
            cuts.append(k)
        elif low in SEPARATORS and k + 1 - cuts[-1] >= MIN_PART and len(forms) - k - 1 >= MIN_PART:
            cuts.append(k + 1)
    cuts.append(len(forms))
    starts, ends = _offsets(doc)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        s, e = starts[lo + a], ends[lo + b - 1]
        out.append(Clause(doc.text[s:e], (s, e), lo + a, lo + b))
    return out
