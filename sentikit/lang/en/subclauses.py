"""Subclauses from a dependency parse (METHODS.md §6).

For every token collect its descendants recursively, but do not descend into a child whose
relation is ``conj`` or ``ccomp`` and whose tag is a verb form (VBD/VBZ/VBG); each token belongs
to the largest such set containing it; the distinct sets in token order are the subclauses;
leading and trailing conjunctions (``CC``) and punctuation are stripped.

Equivalently: cut every edge from a head to such a verbal ``conj``/``ccomp`` child; each
remaining connected piece of the tree is one subclause, and the largest set containing a token
is the one rooted at the highest ancestor it reaches without crossing a cut edge.

Verb tags. The reference list is VBD/VBZ/VBG (:data:`REFERENCE_VERB_TAGS`, the default). It
leaves VBP (``they are``), VB (``it could be``), VBN (``has been``) and MD heads attached, so
``I think they are great`` stays one clause while ``I think it is great`` splits.
:data:`ALL_VERB_TAGS` adds VB, VBN and VBP for a tense-independent split; pass it as
``verb_tags`` to use it.

A subclause may be non-contiguous (a clause nested inside another one leaves a gap in the outer
one); its :class:`~sentikit.doc.Clause` then carries ``token_indices`` and its ``text`` joins
the contiguous pieces with a space.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sentikit.doc import Clause, Document, Token
from sentikit.errors import InputError
from sentikit.lang.en.tokenize import normalize

__all__ = [
    "REFERENCE_VERB_TAGS",
    "ALL_VERB_TAGS",
    "CUT_RELATIONS",
    "subclause_groups",
    "split_subclauses",
    "document_clauses",
    "subclause_token_lists",
]

# Verb tags of METHODS.md §6 (the reference implementation).
REFERENCE_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBG"})
# Every Penn Treebank verb tag.
ALL_VERB_TAGS: frozenset[str] = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# Relations that start a new subclause when the child is verbal.
CUT_RELATIONS: frozenset[str] = frozenset({"conj", "ccomp"})
# Penn Treebank punctuation tags (spaCy's English tag set).
_PUNCT_TAGS: frozenset[str] = frozenset(
    {".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", '"', "#", "$"}
)
_CC_TAGS: frozenset[str] = frozenset({"CC"})


def subclause_groups(
    heads: Sequence[int],
    deps: Sequence[str],
    tags: Sequence[str],
    *,
    strip: Sequence[bool] | None = None,
    verb_tags: Collection[str] = REFERENCE_VERB_TAGS,
    relations: Collection[str] = CUT_RELATIONS,
) -> list[list[int]]:
    """The subclauses of a parsed token sequence, as sorted lists of token indices.

    Parameters
    ----------
    heads : sequence of int
        Head index of each token; ``-1`` (or the token's own index) for a root.
    deps : sequence of str
        Dependency relation of each token.
    tags : sequence of str
        Fine-grained (Penn Treebank) tag of each token.
    strip : sequence of bool, optional
        Which tokens may be stripped from the ends of a subclause; by default tokens tagged
        ``CC`` or with a punctuation tag.
    verb_tags : collection of str, default REFERENCE_VERB_TAGS
        Tags that make a ``conj``/``ccomp`` child start its own subclause.
    relations : collection of str, default CUT_RELATIONS
        The relations that may start a subclause.

    Returns
    -------
    list of list of int
        Subclauses ordered by their first token; empty ones (only strippable tokens) dropped.

    Examples
    --------
    "The acting was great but the story was boring ." as parsed by en_core_web_sm:

    >>> heads = [1, 2, -1, 2, 2, 6, 7, 2, 7, 7]
    >>> deps = ["det", "nsubj", "ROOT", "acomp", "cc", "det", "nsubj", "conj", "acomp", "punct"]
    >>> tags = ["DT", "NN", "VBD", "JJ", "CC", "DT", "NN", "VBD", "JJ", "."]
    >>> subclause_groups(heads, deps, tags)
    [[0, 1, 2, 3], [5, 6, 7, 8]]
    """
    n = len(heads)
    if len(deps) != n or len(tags) != n or (strip is not None and len(strip) != n):
        raise InputError("subclause_groups(): heads, deps, tags (and strip) differ in length")
    if strip is None:
        strip = [tags[i] in _CC_TAGS or tags[i] in _PUNCT_TAGS for i in range(n)]

    def starts_clause(i: int) -> bool:
        h = heads[i]
        if h < 0 or h == i or h >= n:
            return True
        return deps[i] in relations and tags[i] in verb_tags

    root_of = [-1] * n
    for i in range(n):
        if root_of[i] >= 0:
            continue
        path = []
        j = i
        seen = 0
        while root_of[j] < 0 and not starts_clause(j):
            path.append(j)
            j = heads[j]
            seen += 1
            if seen > n:  # malformed (cyclic) heads: treat the token as its own root
                j = i
                break
        r = j if root_of[j] < 0 else root_of[j]
        root_of[j] = r
        for k in path:
            root_of[k] = r
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root_of[i], []).append(i)
    out: list[list[int]] = []
    for members in sorted(groups.values(), key=lambda g: g[0]):
        a, b = 0, len(members)
        while a < b and strip[members[a]]:
            a += 1
        while b > a and strip[members[b - 1]]:
            b -= 1
        if a < b:
            out.append(members[a:b])
    return out


def _clause(text: str, spans: Sequence[tuple[int, int]], members: list[int]) -> Clause:
    """A Clause for the token indices ``members`` with character spans ``spans``."""
    pieces: list[str] = []
    run_start = members[0]
    prev = members[0]
    for k in members[1:] + [-1]:
        if k != prev + 1:
            pieces.append(text[spans[run_start][0] : spans[prev][1]])
            run_start = k
        prev = k
    contiguous = members[-1] - members[0] + 1 == len(members)
    return Clause(
        text=" ".join(pieces),
        span=(spans[members[0]][0], spans[members[-1]][1]),
        token_start=members[0],
        token_end=members[-1] + 1,
        token_indices=None if contiguous else list(members),
    )


def split_subclauses(
    spacy_doc: Any, *, verb_tags: Collection[str] = REFERENCE_VERB_TAGS
) -> list[Clause]:
    """The subclauses of a parsed spaCy ``Doc`` (all its sentences), in token order.

    Parameters
    ----------
    spacy_doc : spacy.tokens.Doc
        A Doc processed by a pipeline with tagger and parser.
    verb_tags : collection of str, default REFERENCE_VERB_TAGS
        See :func:`subclause_groups`.

    Returns
    -------
    list of Clause
        Clauses with text, character span into ``spacy_doc.text`` and token indices into the Doc.
    """
    heads = [t.head.i for t in spacy_doc]
    deps = [t.dep_ for t in spacy_doc]
    tags = [t.tag_ for t in spacy_doc]
    strip = [t.tag_ in _CC_TAGS or t.pos_ == "PUNCT" or t.tag_ in _PUNCT_TAGS for t in spacy_doc]
    spans = [(t.idx, t.idx + len(t.text)) for t in spacy_doc]
    groups = subclause_groups(heads, deps, tags, strip=strip, verb_tags=verb_tags)
    return [_clause(spacy_doc.text, spans, g) for g in groups]


def _token_strip(t: Token) -> bool:
    return t.kind == "punct" or t.pos == "PUNCT" or t.tag in _CC_TAGS or t.tag in _PUNCT_TAGS


def document_clauses(
    doc: Document, *, verb_tags: Collection[str] = REFERENCE_VERB_TAGS
) -> Document:
    """Fill ``Sentence.clauses`` of a Document whose tokens carry a parse.

    Tokens need ``head`` (document index, ``-1`` for a root), ``dep`` and ``tag``, as set by
    :func:`sentikit.lang.en.parser.doc_from_spacy`; sentences without a full parse are left
    without clauses.

    Parameters
    ----------
    doc : Document
        The document (modified in place).
    verb_tags : collection of str, default REFERENCE_VERB_TAGS
        See :func:`subclause_groups`.

    Returns
    -------
    Document
        The same document, for chaining.
    """
    toks = doc.tokens
    spans = [(t.start, t.end) for t in toks]
    for sent in doc.sentences:
        a, b = sent.token_start, sent.token_end
        stoks = toks[a:b]
        if not stoks or any(t.head is None or t.tag is None for t in stoks):
            continue
        heads = []
        for t in stoks:
            h = t.head if t.head is not None else -1
            heads.append(h - a if a <= h < b else -1)
        groups = subclause_groups(
            heads,
            [t.dep or "" for t in stoks],
            [t.tag or "" for t in stoks],
            strip=[_token_strip(t) for t in stoks],
            verb_tags=verb_tags,
        )
        sent.clauses = [_clause(doc.text, spans, [a + i for i in g]) for g in groups]
    return doc


def subclause_token_lists(
    spacy_doc: Any,
    *,
    attr: str = "lower",
    verb_tags: Collection[str] = REFERENCE_VERB_TAGS,
) -> list[list[str]]:
    """The tokens of each subclause, for co-occurrence counting inside subclauses.

    Parameters
    ----------
    spacy_doc : spacy.tokens.Doc
        A parsed Doc.
    attr : {"lower", "text", "lemma", "norm"}, default "lower"
        Which form to return: lower-cased text, text, spaCy lemma, or sentikit's ``norm``
        (:func:`sentikit.lang.en.tokenize.normalize`, as the fast path and classifiers use).
    verb_tags : collection of str, default REFERENCE_VERB_TAGS
        See :func:`subclause_groups`.

    Returns
    -------
    list of list of str
        One list per subclause, in token order (leading/trailing CC and punctuation stripped,
        inner punctuation kept).

    Examples
    --------
    >>> from sentikit.lang.en.parser import load_nlp  # doctest: +SKIP
    >>> subclause_token_lists(load_nlp()("The acting was great but the story was boring."))
    ... # doctest: +SKIP
    [['the', 'acting', 'was', 'great'], ['the', 'story', 'was', 'boring']]
    """
    getters = {
        "lower": lambda t: t.lower_,
        "text": lambda t: t.text,
        "lemma": lambda t: t.lemma_,
        "norm": lambda t: normalize(t.text),
    }
    if attr not in getters:
        raise InputError(f"attr must be one of {sorted(getters)}, got {attr!r}")
    get = getters[attr]
    clauses = split_subclauses(spacy_doc, verb_tags=verb_tags)
    return [[get(spacy_doc[i]) for i in c.indices()] for c in clauses]
