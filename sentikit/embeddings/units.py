"""Context units: the token sequences inside which co-occurrence is counted.

A *unit* is a list of terms (normalized token forms). Sliding windows count pairs within a
distance inside a unit, so for sliding windows a unit is a whole document; subclause windows
count every pair inside a unit, so there a unit is one subclause (METHODS.md §6).

Punctuation tokens are dropped; every other token keeps its normalized form
(:attr:`sentikit.doc.Token.form`), the form the classifiers read.
"""

from __future__ import annotations

from sentikit.doc import Document
from sentikit.errors import InputError

__all__ = ["WINDOW_MODES", "doc_terms", "document_units", "clause_units"]

#: How context windows are formed: a sliding window over the document, or its subclauses.
WINDOW_MODES: tuple[str, ...] = ("sliding", "subclause")

_SKIP_KINDS = frozenset({"punct"})


def doc_terms(doc: Document) -> list[str]:
    """The terms of a document: normalized forms of its non-punctuation tokens, in order.

    Examples
    --------
    >>> from sentikit.doc import Document, Token
    >>> d = Document(text="Good film .", tokens=[Token(text="Good", start=0, end=4, norm="good"),
    ...     Token(text="film", start=5, end=9), Token(text=".", start=10, end=11, kind="punct")])
    >>> doc_terms(d)
    ['good', 'film']
    """
    # the token columns: no Token objects are built on the fast path
    return [
        f
        for f, k in zip(doc.token_forms(), doc.token_kinds(), strict=True)
        if f and k not in _SKIP_KINDS
    ]


def clause_units(doc: Document) -> list[list[str]]:
    """One unit per subclause (``Sentence.clauses``); a sentence without clauses is one unit.

    Tokens of a sentence that no clause covers (stripped conjunctions and punctuation) are left
    out; empty units are dropped.
    """
    out: list[list[str]] = []
    toks = doc.tokens
    for sent in doc.sentences:
        if sent.clauses:
            groups = [c.indices() for c in sent.clauses]
        else:
            groups = [list(range(sent.token_start, sent.token_end))]
        for g in groups:
            unit = [toks[i].form for i in g if toks[i].kind not in _SKIP_KINDS and toks[i].form]
            if unit:
                out.append(unit)
    if not doc.sentences:
        unit = doc_terms(doc)
        if unit:
            out.append(unit)
    return out


def document_units(doc: Document, window: str) -> list[list[str]]:
    """The context units of one document for a window mode.

    Parameters
    ----------
    doc : Document
        A processed document (clauses are needed for ``"subclause"``: the analyzed path).
    window : {"sliding", "subclause"}
        ``"sliding"``: the whole document is one unit; ``"subclause"``: one unit per subclause.

    Returns
    -------
    list of list of str
    """
    if window == "sliding":
        terms = doc_terms(doc)
        return [terms] if terms else []
    if window == "subclause":
        return clause_units(doc)
    raise InputError(f"window must be one of {', '.join(WINDOW_MODES)}, not {window!r}")
