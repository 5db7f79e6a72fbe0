"""Negation marking for Turkish: sets ``Token.negated`` from morphology and negator words.

Rules (applied per sentence, on the disambiguated readings):

1. **Morphological negation.** A word whose reading carries ``Neg`` (``beğenmedim``,
   ``sevmiyorum``, ``beğenmediğim``) or ``Unable`` (``gidemem``) is negated.
2. **Negator words** ``değil`` and ``yok`` in any inflection (``değildi``, ``değilim``,
   ``yoktu``, ``yokmuş`` …; by lemma, or by form when no reading is available) negate the
   *preceding constituent*: the nearest preceding content word (noun, adjective, adverb, verb,
   numeral; apostrophe suffixes stay with their word) and the modifiers directly before it —
   adjectives, determiners, numerals and adverbs before a noun (``iyi bir film değil`` → *iyi,
   bir, film*), adverbs before an adjective or adverb (``çok güzel değil`` → *çok, güzel*),
   at most ``MAX_MODIFIERS``. The scope never crosses punctuation, a conjunction, another
   negator or a negative-polarity word. ``değil mi`` / ``yok mu`` (a tag question asserting the
   positive) negates nothing. ``yoksa`` ("or else") is not a negator.
3. **Negated light verbs** (``olmak``, ``etmek``, ``yapmak``, ``gelmek``, ``görünmek``,
   ``gözükmek``, ``bulunmak``, ``kalmak``) negate their complement the same way:
   ``iyi olmamış`` → *iyi, olmamış*.
4. **Negative-polarity words** ``hiç``, ``hiçbir``, ``asla``, ``katiyen``, ``hiçbir şekilde``
   followed in the same clause by a negated predicate (rules 1–3): every content word between
   them is negated (``hiç de güzel bir film olmamış`` → *güzel, bir, film, olmamış*).

The cue words themselves (``değil``, ``yok``, ``hiç`` …) are *not* marked: they carry the
negation but are not in its scope (the morpheme-polarity method drops the negator and marks the
negated word); :func:`negation_cue` identifies them. Suffixes ``-sIz`` ("without") and lexical
negatives (``kötü``) are meaning, not negation, and are not marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from sentikit.doc import Sentence, Token
from sentikit.lang.tr.morphology import Analysis

__all__ = [
    "CLITICS",
    "DEGIL_FORM",
    "LIGHT_VERBS",
    "MAX_MODIFIERS",
    "NEGATOR_LEMMAS",
    "NPI_WORDS",
    "QUESTION_PARTICLES",
    "YOK_FORM",
    "mark_negation",
    "negation_cue",
    "npi_stretches",
]

#: Lemmas of the negator words.
NEGATOR_LEMMAS = frozenset({"değil", "yok"})
#: Negative-polarity words that announce a negated predicate.
NPI_WORDS = frozenset({"hiç", "hiçbir", "asla", "katiyen", "katiyyen", "hiçbiri", "hiçkimse"})
#: Light verbs whose negation scopes over their complement (lemmas).
LIGHT_VERBS = frozenset(
    {"olmak", "etmek", "yapmak", "gelmek", "görünmek", "gözükmek", "bulunmak", "kalmak"}
)
#: At most this many modifiers before the negated head are included.
MAX_MODIFIERS = 3

#: Inflected forms of ``değil`` (full match; shared with the fast path).
DEGIL_FORM = re.compile(
    r"değil(?:im|sin|iz|siniz|ler|di|dim|din|dik|diniz|diler|mi[şs]\w*|dir|se\w*|ken)?"
)
#: Inflected forms of ``yok`` (full match; ``yoksa`` is excluded by the callers).
YOK_FORM = re.compile(r"yok(?:tu\w*|tur|muş\w*|sa\w*|ken|um|sun|uz|sunuz|lar)?")
#: Question particles after ``değil`` / ``yok``: the tag question negates nothing.
QUESTION_PARTICLES = frozenset(
    {"mi", "mı", "mu", "mü", "misin", "mısın", "miydi", "mıydı", "muydu"}
)
#: Clitics ``de`` / ``da``: tagged conjunctions, but they do not end an NPI scope.
CLITICS = frozenset({"de", "da"})
_DEGIL_FORM = DEGIL_FORM
_YOK_FORM = YOK_FORM
_CONTENT_POS = frozenset({"Noun", "Adj", "Adv", "Verb", "Num"})
_NOUN_MODIFIERS = frozenset({"Adj", "Det", "Num", "Adv"})
_ADJ_MODIFIERS = frozenset({"Adv"})
_CLITICS = CLITICS
_QUESTION = QUESTION_PARTICLES


def negation_cue(token: Token, analysis: Analysis | None) -> str | None:
    """The negation cue ``token`` is: ``"değil"``, ``"yok"``, ``"npi"`` (``hiç`` …) or ``None``.

    Examples
    --------
    >>> negation_cue(Token(text="değildi", start=0, end=7, norm="değildi"), None)
    'değil'
    """
    if token.kind != "word":
        return None
    form = token.form
    if (
        analysis is not None
        and analysis.lemma in NEGATOR_LEMMAS
        and form != "yoksa"
        and not form.startswith("yoksul")
    ):
        return analysis.lemma
    if _DEGIL_FORM.fullmatch(form):
        return "değil"
    if (
        form != "yoksa"
        and _YOK_FORM.fullmatch(form)
        and (analysis is None or analysis.lemma == "yok")
    ):
        return "yok"
    if form in NPI_WORDS:
        return "npi"
    return None


def _pos(tok: Token, an: Analysis | None) -> str | None:
    if an is not None:
        return an.pos
    if tok.kind == "number":
        return "Num"
    if tok.kind == "punct":
        return "Punc"
    if tok.kind == "word":
        return "Unk"
    return None


def _scope_before(
    tokens: Sequence[Token],
    analyses: Sequence[Analysis | None],
    cues: Sequence[str | None],
    start: int,
    i: int,
) -> list[int]:
    """Token indices of the constituent right before position ``i`` (within ``[start, i)``)."""
    j = i - 1
    while j >= start and tokens[j].kind == "suffix":
        j -= 1
    if j < start:
        return []
    head = tokens[j]
    pos = _pos(head, analyses[j])
    if cues[j] is not None or head.kind not in ("word", "number"):
        return []
    if pos not in _CONTENT_POS and pos != "Unk":
        return []
    out = list(range(j, i))  # head and its suffix tokens
    mods = _NOUN_MODIFIERS if pos in ("Noun", "Unk", "Num") else _ADJ_MODIFIERS
    k = j - 1
    taken = 0
    while k >= start and taken < MAX_MODIFIERS:
        t = tokens[k]
        if t.kind == "suffix":
            break
        p = _pos(t, analyses[k])
        if cues[k] is not None or p not in mods or (t.kind != "word" and t.kind != "number"):
            break
        out.append(k)
        taken += 1
        k -= 1
    return sorted(out)


def npi_stretches(
    cues: Sequence[str | None], predicates: Sequence[int], start: int, end: int
) -> Iterator[range]:
    """Rule 4's candidates: for each negative-polarity word in ``[start, end)`` followed by a
    negated predicate, the token positions strictly between the two.

    Parameters
    ----------
    cues : the negation cue of each token (``"npi"`` marks a negative-polarity word).
    predicates : positions of the sentence's negated predicates, in increasing order.
    start, end : the sentence's token range.

    Examples
    --------
    >>> list(npi_stretches(["npi", None, None, "değil"], [3], 0, 4))
    [range(1, 3)]
    """
    if not predicates:
        return
    for i in range(start, end):
        if cues[i] != "npi":
            continue
        nxt_pred = next((p for p in predicates if p > i), None)
        if nxt_pred is not None:
            yield range(i + 1, nxt_pred)


def mark_negation(
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    analyses: Sequence[Analysis | None],
) -> None:
    """Set ``negated`` on ``tokens`` in place (rules in the module docstring).

    Parameters
    ----------
    tokens : the document's tokens.
    sentences : its sentences (scopes never cross a sentence).
    analyses : the disambiguated reading of each token (``None`` where there is none), aligned
        with ``tokens``.
    """
    if len(analyses) != len(tokens):
        raise ValueError("analyses must be aligned with tokens")
    cues = [negation_cue(t, a) for t, a in zip(tokens, analyses, strict=True)]
    for sent in sentences or [Sentence(text="", span=(0, 0), token_start=0, token_end=len(tokens))]:
        s, e = sent.token_start, sent.token_end
        predicates: list[int] = []  # positions of negated predicates (for the NPI rule)
        for i in range(s, e):
            tok, an, cue = tokens[i], analyses[i], cues[i]
            if cue in ("değil", "yok"):
                nxt = i + 1
                if nxt < e and tokens[nxt].kind == "word" and tokens[nxt].form in _QUESTION:
                    continue  # "güzel değil mi?" asserts the positive
                for k in _scope_before(tokens, analyses, cues, s, i):
                    tokens[k].negated = True
                predicates.append(i)
            elif an is not None and (an.negative or an.unable) and cue is None:
                tok.negated = True
                for k in range(i + 1, e):  # the verb's own apostrophe suffix, if any
                    if tokens[k].kind != "suffix":
                        break
                    tokens[k].negated = True
                if an.lemma in LIGHT_VERBS:
                    for k in _scope_before(tokens, analyses, cues, s, i):
                        tokens[k].negated = True
                predicates.append(i)
        for between in npi_stretches(cues, predicates, s, e):
            if any(
                tokens[k].kind == "punct"
                or (_pos(tokens[k], analyses[k]) == "Conj" and tokens[k].form not in _CLITICS)
                for k in between
            ):
                continue
            for k in between:
                if cues[k] is None and tokens[k].kind in ("word", "suffix", "number"):
                    p = _pos(tokens[k], analyses[k])
                    if p in _CONTENT_POS or p in ("Det", "Unk") or tokens[k].kind == "suffix":
                        tokens[k].negated = True
