"""Negation scope for English: a fast token heuristic and a dependency-parse rule.

Heuristic (no parser), :func:`mark_negation`
    After a negator, the following tokens are negated until a scope breaker or until
    ``window`` tokens (default :data:`DEFAULT_WINDOW` = 3, chosen by measurement) have been
    marked. Breakers are clause punctuation (``. , ; : ! ?``, the
    ellipsis, dashes, brackets), emoticons and emoji, and contrastive words (``but``,
    ``however``, ``although``, ``though``, ``yet``, ``whereas``, ``except``, ``nevertheless``,
    ``nonetheless``, ``instead``). The negator itself is not marked. A negator inside an open
    scope ends it (double negation: ``not without charm`` leaves ``charm`` un-negated), except
    ``nor``/``neither``, which open a new scope. Fixed expressions that do not negate what
    follows are skipped: ``not only``, ``not just``, ``not merely``, ``no doubt``,
    ``no wonder``, ``not to mention``, ``nothing but``, ``n't help``, ``if not``.
    Quotes do not break a scope (``not a "good" film``).

Parse rule, :func:`parse_negation_scope`
    A negator is a token with the dependency ``neg`` or one of the negation words. Its scope is
    the subtree of its head (for ``without`` and ``lack``: of the negator itself), minus the
    negator, minus every child (with its subtree) whose relation is ``conj``, ``ccomp`` or
    ``advcl`` and whose tag is a verb form, minus subjects (``nsubj``, ``nsubjpass``, ``csubj``,
    ``expl``; option ``exclude_subject``), and minus punctuation and coordinating
    conjunctions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sentikit.doc import Sentence, Token

__all__ = [
    "NEGATORS",
    "SCOPE_BREAKERS",
    "DEFAULT_WINDOW",
    "is_negator",
    "mark_negation",
    "negation_scope",
    "negation_flags",
    "parse_negation_scope",
    "parse_negation_scope_tokens",
    "mark_parse_negation",
    "CONTRASTIVE",
]

# Negation cues (normalized forms). The list follows the common review-mining lexicons (Pang et
# al. 2002, Das & Chen 2001, Councill et al. 2010) plus apostrophe-less spellings seen in tweets.
NEGATORS: frozenset[str] = frozenset(
    [
        "not",
        "n't",
        "no",
        "never",
        "nothing",
        "nobody",
        "none",
        "neither",
        "nor",
        "cannot",
        "without",
        "hardly",
        "barely",
        "scarcely",
        "nowhere",
        "noone",
        "lack",
        "lacks",
        "lacking",
        "lacked",
        "dont",
        "cant",
        "wont",
        "doesnt",
        "didnt",
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "couldnt",
        "shouldnt",
        "wouldnt",
        "havent",
        "hasnt",
        "hadnt",
        "aint",
        "mustnt",
        "neednt",
    ]
)
# Contrastive words that end a negation scope.
CONTRASTIVE: frozenset[str] = frozenset(
    [
        "but",
        "however",
        "although",
        "though",
        "yet",
        "whereas",
        "except",
        "nevertheless",
        "nonetheless",
        "instead",
    ]
)
_BREAK_PUNCT: frozenset[str] = frozenset(
    [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "--", "-", "—", "–", "…"]
)
SCOPE_BREAKERS: frozenset[str] = CONTRASTIVE | _BREAK_PUNCT
# Window of the heuristic: how many tokens after a negator are marked at most. Chosen on
# rt-polarity (all 10,660 rows, 10-fold CV, binary unigram+bigram logistic regression with NOT_
# features; benchmarks/english_processing.py --window-study, docs/notes/english-processing.md):
# no negation 77.50, window 1 77.91, 2 78.10, 3 78.53, 4 78.31, 5 78.40, 6/8/unbounded 78.25 %
# accuracy. Negation is worth about +1 point; windows of 3 to unbounded are within noise of
# each other, 3 measured best.
DEFAULT_WINDOW = 3
# (negator, next norm) and (previous norm, negator) pairs that do not negate.
_PSEUDO_NEXT: frozenset[tuple[str, str]] = frozenset(
    {
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("no", "doubt"),
        ("no", "wonder"),
        ("nothing", "but"),
        ("n't", "help"),
    }
)
_PSEUDO_PREV: frozenset[tuple[str, str]] = frozenset({("if", "not")})
_PSEUDO_NEXT2: frozenset[tuple[str, str, str]] = frozenset({("not", "to", "mention")})
_RESTARTERS: frozenset[str] = frozenset({"nor", "neither"})
_OPAQUE_KINDS: frozenset[str] = frozenset({"emoticon", "emoji"})
# First characters of punctuation runs that break a scope ("!!!", "?!", "...", "---").
_BREAK_INITIALS: frozenset[str] = frozenset(".!?…-")


def is_negator(norm: str) -> bool:
    """Whether a normalized token is a negation cue.

    Examples
    --------
    >>> is_negator("n't"), is_negator("never"), is_negator("nice")
    (True, True, False)
    """
    return norm in NEGATORS


def _is_breaker(kind: str, form: str) -> bool:
    if kind == "punct":
        return form in _BREAK_PUNCT or form[:1] in _BREAK_INITIALS
    if kind in _OPAQUE_KINDS:
        return True
    return form in CONTRASTIVE


def _is_pseudo(forms: Sequence[str], i: int, lo: int = 0, hi: int = -1) -> bool:
    """Whether the negator ``forms[i]`` is part of a fixed expression within ``[lo, hi)``."""
    if hi < 0:
        hi = len(forms)
    f = forms[i]
    if i + 1 < hi:
        if (f, forms[i + 1]) in _PSEUDO_NEXT:
            return True
        if i + 2 < hi and (f, forms[i + 1], forms[i + 2]) in _PSEUDO_NEXT2:
            return True
    return i > lo and (forms[i - 1], f) in _PSEUDO_PREV


def negation_scope(
    tokens: Sequence[Token], window: int | None = DEFAULT_WINDOW, start: int = 0, end: int = -1
) -> list[bool]:
    """The heuristic negation flags of ``tokens[start:end]`` (one bool per token).

    Parameters
    ----------
    tokens : sequence of Token
        Tokens with ``norm`` set (e.g. from :func:`sentikit.lang.en.tokenize.tokenize`).
    window : int or None, default DEFAULT_WINDOW
        Largest number of tokens marked after one negator; ``None`` for no limit.
    start, end : int
        The token range to process (``end=-1``: to the end); the scope never leaves it.

    Returns
    -------
    list of bool
        ``True`` for each negated token of the range.

    Examples
    --------
    >>> from sentikit.lang.en.tokenize import tokenize
    >>> toks = tokenize("I did not like the plot, but the music was great.")
    >>> [t.text for t, neg in zip(toks, negation_scope(toks)) if neg]
    ['like', 'the', 'plot']
    """
    if end < 0:
        end = len(tokens)
    toks = tokens[start:end]
    return _scope([t.norm or t.text for t in toks], [t.kind for t in toks], window, 0, end - start)


def _scope(
    forms: Sequence[str], kinds: Sequence[str], window: int | None, start: int, end: int
) -> list[bool]:
    """Heuristic flags of ``forms[start:end]`` (see :func:`negation_scope`)."""
    n = end - start
    flags = [False] * n
    limit = window if window is not None else n
    remaining = 0  # tokens the open scope may still mark
    for k in range(n):
        f = forms[start + k]
        if f in NEGATORS:
            if _is_pseudo(forms, start + k, start, end):
                remaining = 0
            elif remaining > 0 and f not in _RESTARTERS:
                remaining = 0  # double negation closes the scope
            else:
                remaining = limit
            continue
        if remaining <= 0:
            continue
        if _is_breaker(kinds[start + k], f):
            remaining = 0
            continue
        flags[k] = True
        remaining -= 1
    return flags


def negation_flags(
    forms: Sequence[str],
    kinds: Sequence[str],
    spans: Sequence[tuple[int, int]],
    window: int | None = DEFAULT_WINDOW,
) -> list[bool] | None:
    """The heuristic's ``negated`` flag of every token, from plain columns.

    Parameters
    ----------
    forms : sequence of str
        Normalized token forms (``Token.norm``).
    kinds : sequence of str
        Token kinds.
    spans : sequence of (int, int)
        Sentence token ranges ``[start, end)``; a scope never leaves its range.
    window : int or None, default DEFAULT_WINDOW
        See :func:`negation_scope`.

    Returns
    -------
    list of bool or None
        One flag per token, or ``None`` when the text holds no negator (nothing is negated).
    """
    if NEGATORS.isdisjoint(forms):
        return None
    flags = [False] * len(forms)
    negators = NEGATORS
    for a, b in spans:
        for k in range(a, b):
            if forms[k] in negators:
                break
        else:
            continue
        flags[a:b] = _scope(forms, kinds, window, a, b)
    return flags


def mark_negation(
    tokens: list[Token],
    sentences: Sequence[Sentence] | None = None,
    window: int | None = DEFAULT_WINDOW,
) -> list[Token]:
    """Set ``Token.negated`` by the heuristic, sentence by sentence.

    Parameters
    ----------
    tokens : list of Token
        The document's tokens (modified in place).
    sentences : sequence of Sentence, optional
        Scopes never cross a sentence boundary; without sentences the whole list is one span.
    window : int or None, default DEFAULT_WINDOW
        See :func:`negation_scope`.

    Returns
    -------
    list of Token
        The same list, for chaining.
    """
    spans = [(s.token_start, s.token_end) for s in sentences] if sentences else [(0, len(tokens))]
    forms = [t.norm or t.text for t in tokens]
    negators = NEGATORS
    kinds: list[str] | None = None
    for a, b in spans:
        # cheap pre-check: most sentences hold no negator
        for k in range(a, b):
            if forms[k] in negators:
                break
        else:
            continue
        if kinds is None:
            kinds = [t.kind for t in tokens]
        for k, flag in enumerate(_scope(forms, kinds, window, a, b)):
            tokens[a + k].negated = flag
    return tokens


# ---------------------------------------------------------------------------------------------
# Parse-based scope
# ---------------------------------------------------------------------------------------------

_VERB_TAGS: frozenset[str] = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_CUT_DEPS: frozenset[str] = frozenset({"conj", "ccomp", "advcl"})
_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_DROP_DEPS: frozenset[str] = frozenset({"punct", "cc"})
# Negators whose own subtree is the scope ("a film without charm", "lacks energy").
_SELF_SCOPED: frozenset[str] = frozenset({"without", "lack", "lacks", "lacking", "lacked"})


def parse_negation_scope_tokens(
    forms: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    tags: Sequence[str],
    *,
    exclude_subject: bool = True,
) -> list[bool]:
    """Parse-based negation flags from plain arrays (one entry per token).

    Parameters
    ----------
    forms : sequence of str
        Lower-cased token forms.
    heads : sequence of int
        Head index of each token (``-1`` or the token's own index for a root).
    deps : sequence of str
        Dependency relation of each token (ClearNLP/spaCy labels: ``neg``, ``conj`` …).
    tags : sequence of str
        Fine-grained PTB tags (``VBD``, ``NN`` …).
    exclude_subject : bool, default True
        Leave subjects of the negated predicate out of the scope.

    Returns
    -------
    list of bool
        ``True`` for each negated token.
    """
    n = len(forms)
    children: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(heads):
        if 0 <= h < n and h != i:
            children[h].append(i)
    flags = [False] * n
    negators = [i for i in range(n) if deps[i] == "neg" or forms[i] in NEGATORS]
    negator_set = set(negators)
    for i in negators:
        if _is_pseudo(forms, i):
            continue
        h = heads[i]
        root = i if (forms[i] in _SELF_SCOPED or h < 0 or h == i or h >= n) else h
        stack = [root]
        while stack:
            node = stack.pop()
            if node not in negator_set:
                flags[node] = True
            for c in children[node]:
                dep = deps[c]
                if dep in _CUT_DEPS and tags[c] in _VERB_TAGS:
                    continue
                if dep in _DROP_DEPS or (exclude_subject and dep in _SUBJECT_DEPS):
                    continue
                if c in negator_set and c != i and node == root:
                    continue  # a second negator of the same head keeps its own scope
                stack.append(c)
    return flags


def parse_negation_scope(spacy_doc: Any, *, exclude_subject: bool = True) -> list[bool]:
    """Parse-based negation flags for each token of a parsed spaCy ``Doc``.

    Parameters
    ----------
    spacy_doc : spacy.tokens.Doc
        A document processed by a pipeline with tagger and parser.
    exclude_subject : bool, default True
        See :func:`parse_negation_scope_tokens`.

    Returns
    -------
    list of bool
        ``True`` for each negated token.

    Examples
    --------
    >>> from sentikit.lang.en.parser import load_nlp  # doctest: +SKIP
    >>> doc = load_nlp()("This is not a bad movie.")  # doctest: +SKIP
    >>> [t.text for t, f in zip(doc, parse_negation_scope(doc)) if f]  # doctest: +SKIP
    ['is', 'a', 'bad', 'movie']
    """
    forms = [t.lower_ for t in spacy_doc]
    heads = [t.head.i for t in spacy_doc]
    deps = [t.dep_ for t in spacy_doc]
    tags = [t.tag_ for t in spacy_doc]
    return parse_negation_scope_tokens(forms, heads, deps, tags, exclude_subject=exclude_subject)


def mark_parse_negation(tokens: list[Token], *, exclude_subject: bool = True) -> list[Token]:
    """Set ``Token.negated`` from the parse stored on sentikit tokens (``head``/``dep``/``tag``).

    Tokens without a parse (``head is None``) are left unchanged.

    Parameters
    ----------
    tokens : list of Token
        Tokens of one document, with ``head`` (document index, ``-1`` for roots), ``dep`` and
        ``tag`` set, e.g. by :func:`sentikit.lang.en.parser.doc_from_spacy`.
    exclude_subject : bool, default True
        See :func:`parse_negation_scope_tokens`.

    Returns
    -------
    list of Token
        The same list, for chaining.
    """
    if not tokens or any(t.head is None for t in tokens):
        return tokens
    flags = parse_negation_scope_tokens(
        [t.form for t in tokens],
        [t.head if t.head is not None else -1 for t in tokens],
        [t.dep or "" for t in tokens],
        [getattr(t, "tag", None) or "" for t in tokens],
        exclude_subject=exclude_subject,
    )
    for t, f in zip(tokens, flags, strict=True):
        t.negated = f
    return tokens
