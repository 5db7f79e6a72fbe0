"""Turkish subclauses from morphology and conjunctions (an extension of METHODS.md §6).

Turkish is head-final: a subordinate clause ends in a verb carrying clause-linking morphology,
and coordinated clauses are joined by conjunctions. A sentence of an analyzed Document (tokens
with morphemes, as ``TurkishProcessor.make_docs(texts, analyze=True)`` gives) is cut

1. **after** a word carrying a converb (:data:`CONVERB_TAGS`: -ArAk ``ByDoingSo``, -IncA
   ``When``, -ken ``While``, -Ip ``AfterDoingSo``, -mAdAn ``WithoutHavingDoneSo``, -DIkçA
   ``AsLongAs``, -DIğIndAn beri ``SinceDoingSo`` …) or the conditional -sA (``Cond``);
2. **after** a participle in the locative or ablative (-DIğIndA "when", -DIğIndAn "because":
   ``PastPart``/``FutPart`` followed by ``Loc``/``Abl``), and after the postpositions
   :data:`PARTICIPLE_POSTPOSITIONS` (``için``, ``zaman``, ``halde``) following a participle or
   infinitive (-DIğI için "because", -DIğI zaman "when");
3. **before** a clause-linking conjunction (:data:`LINKING_CONJUNCTIONS`: ama, fakat, ancak,
   çünkü, oysa …), always;
4. **before** a coordinating conjunction (:data:`COORDINATORS`: ve, veya, ya da …) or at a comma
   or semicolon, only when the word before it is a predicate (a finite verb or a copular
   nominal: its last tense/mood tag comes after any participle/converb tag), so that
   ``elma ve armut`` stays together while ``yedik ve uyuduk`` splits.

A cut only takes effect where words remain on both sides. Leading and trailing conjunctions and
punctuation are stripped from each subclause; empty ones are dropped. Subclauses are contiguous
token ranges. Without morphology (the fast path) only rule 3 applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from sentikit.doc import Clause, Document, Token

__all__ = [
    "CONVERB_TAGS",
    "FINITE_TAGS",
    "LINKING_CONJUNCTIONS",
    "COORDINATORS",
    "PARTICIPLE_POSTPOSITIONS",
    "subclause_groups",
    "split_subclauses",
    "document_clauses",
    "subclause_token_lists",
]

#: Converb tags of the normalized tag set (sentikit.lang.tr.morphology) that link clauses.
CONVERB_TAGS: frozenset[str] = frozenset(
    {
        "AfterDoingSo",
        "AsIf",
        "AsLongAs",
        "ByDoingSo",
        "EverSince",
        "SinceDoingSo",
        "When",
        "While",
        "WithoutHavingDoneSo",
        "WithoutBeingAbleToHaveDoneSo",
        "SinceDoing",
        "UntilDoingSo",
    }
)
#: Tense, aspect and mood tags: their presence (last) makes a word a predicate.
FINITE_TAGS: frozenset[str] = frozenset(
    {
        "Past",
        "Narr",
        "Fut",
        "Aor",
        "Pres",
        "Prog1",
        "Prog2",
        "Desr",
        "Imp",
        "Neces",
        "Opt",
        "Cop",
    }
)
_CONDITIONAL = "Cond"
_PARTICIPLES: frozenset[str] = frozenset(
    {"PastPart", "FutPart", "PresPart", "NarrPart", "AorPart", "Inf1", "Inf2", "Inf3"}
)
_LINKING_CASES: frozenset[str] = frozenset({"Loc", "Abl"})
#: Conjunctions that always open a new subclause (contrast, cause, alternative).
LINKING_CONJUNCTIONS: frozenset[str] = frozenset(
    {
        "ama",
        "fakat",
        "ancak",
        "lakin",
        "çünkü",
        "zira",
        "oysa",
        "oysaki",
        "halbuki",
        "yoksa",
        "ayrıca",
        "üstelik",
    }
)
#: Coordinators that open a new subclause only after a predicate.
COORDINATORS: frozenset[str] = frozenset({"ve", "veya", "veyahut", "yahut", "ya", "hem"})
#: Postpositions that close a subordinate clause after a participle or infinitive.
PARTICIPLE_POSTPOSITIONS: frozenset[str] = frozenset({"için", "zaman", "halde"})
_CLAUSE_PUNCT: frozenset[str] = frozenset({",", ";", ":"})


def _tags(tok: Token) -> list[str]:
    return [m.tag for m in tok.morphemes[1:]]


def _is_word(tok: Token) -> bool:
    return tok.kind != "punct"


def _links_after(tok: Token) -> bool:
    """Rules 1 and 2 (morphology): the word ends a subordinate clause."""
    tags = _tags(tok)
    if not tags:
        return False
    if any(t in CONVERB_TAGS for t in tags) or _CONDITIONAL in tags:
        return True
    for k, t in enumerate(tags):
        if t in ("PastPart", "FutPart") and any(u in _LINKING_CASES for u in tags[k + 1 :]):
            return True
    return False


def _is_participial(tok: Token) -> bool:
    return any(t in _PARTICIPLES for t in _tags(tok))


def is_predicate(tok: Token) -> bool:
    """A finite verb or copular nominal: its last tense/mood tag follows any participle,
    infinitive or converb tag."""
    last_finite = -1
    last_nonfinite = -1
    for k, t in enumerate(_tags(tok)):
        if t in FINITE_TAGS or t == _CONDITIONAL:
            last_finite = k
        elif t in _PARTICIPLES or t in CONVERB_TAGS:
            last_nonfinite = k
    return last_finite > last_nonfinite


def _strippable(tok: Token) -> bool:
    if tok.kind == "punct":
        return True
    w = tok.form
    return w in LINKING_CONJUNCTIONS or w in COORDINATORS or tok.pos == "Conj"


def subclause_groups(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The subclauses of one sentence's tokens as ``(start, end)`` index ranges (end exclusive).

    Examples
    --------
    >>> from sentikit.doc import Morpheme, Token
    >>> def w(text, *tags, pos=None):
    ...     morphs = [Morpheme(text, pos or "Noun")] + [Morpheme("", t) for t in tags]
    ...     return Token(text=text, start=0, end=0, pos=pos, morphemes=morphs)
    >>> toks = [w("izlerken", "Aor", "While", "Adv", pos="Adv"), w("sıkıldım", "Past", "A1sg",
    ...         pos="Verb"), w("ama", pos="Conj"), w("sonu", "Acc"), w("güzeldi", "Zero", "Verb",
    ...         "Past", pos="Adj")]
    >>> subclause_groups(toks)
    [(0, 1), (1, 2), (3, 5)]
    """
    n = len(tokens)
    cuts: set[int] = set()  # a cut at k: a subclause starts at token k
    prev_word: int | None = None
    for i, tok in enumerate(tokens):
        w = tok.form
        if _is_word(tok):
            after_predicate = prev_word is not None and is_predicate(tokens[prev_word])
            if w in LINKING_CONJUNCTIONS or (w in COORDINATORS and after_predicate):
                cuts.add(i)
            if _links_after(tok) or (
                w in PARTICIPLE_POSTPOSITIONS
                and prev_word is not None
                and _is_participial(tokens[prev_word])
            ):
                cuts.add(i + 1)
            prev_word = i
        elif w in _CLAUSE_PUNCT and prev_word is not None and is_predicate(tokens[prev_word]):
            cuts.add(i)
    bounds = [0] + sorted(c for c in cuts if 0 < c < n) + [n]
    out: list[tuple[int, int]] = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        while a < b and _strippable(tokens[a]):
            a += 1
        while b > a and _strippable(tokens[b - 1]):
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _clause(doc: Document, a: int, b: int) -> Clause:
    toks = doc.tokens
    start, end = toks[a].start, toks[b - 1].end
    return Clause(text=doc.text[start:end], span=(start, end), token_start=a, token_end=b)


def split_subclauses(doc: Document) -> list[Clause]:
    """The subclauses of every sentence of an analyzed Turkish Document, in token order.

    Parameters
    ----------
    doc : Document
        Tokens with morphemes (``TurkishProcessor.make_docs(texts, analyze=True)``); without
        morphemes only the conjunction rule applies. A document without sentences is treated
        as one sentence.

    Returns
    -------
    list of Clause
        Contiguous clauses with text, character span and document token range.
    """
    ranges = [(s.token_start, s.token_end) for s in doc.sentences] or [(0, len(doc.tokens))]
    out: list[Clause] = []
    for a, b in ranges:
        for s, e in subclause_groups(doc.tokens[a:b]):
            out.append(_clause(doc, a + s, a + e))
    return out


def document_clauses(doc: Document) -> Document:
    """Fill ``Sentence.clauses`` of every sentence (in place); returns the document."""
    for sent in doc.sentences:
        a = sent.token_start
        sent.clauses = [
            _clause(doc, a + s, a + e) for s, e in subclause_groups(doc.tokens[a : sent.token_end])
        ]
    return doc


def subclause_token_lists(doc: Document) -> list[list[str]]:
    """The normalized forms of each subclause's tokens (inner punctuation dropped)."""
    return [
        [t.form for t in doc.tokens[c.token_start : c.token_end] if t.kind != "punct"]
        for c in split_subclauses(doc)
    ]
