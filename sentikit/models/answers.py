"""The answer rule of composition: a yes/no question answered by the text itself.

"Was the food bad? No." asserts that the food was not bad; a bag of n-grams reads *bad* and a
negative-leaning *no*. With the ``"answer"`` rule (:mod:`sentikit.models.composition`), a row
whose last question is followed only by a short answer — answer words and punctuation, at most
:data:`MAX_ANSWER_WORDS` words — is composed as the answer says:

- a denial (*no*, *not at all*, *hayır*, *asla*) reverses the words of the question sentence
  that a negation scope would reverse (English: its polar words; Turkish: all its words,
  :mod:`sentikit.models.negation_cues`), as negation does (``−sign · |share|``), and the
  answer's own tokens lose their share (*no* leans negative as the corpora used it, not as an
  answer to "was it bad?" means it);
- an affirmation (*yes*, *absolutely*, *evet*) asserts the question: the model's reading of the
  row stands (measured: removing the lean of *yes* too fails more affirmed positive questions,
  ``docs/notes/composition.md``).

A question with a negation of its own ("Wasn't it good? No.") is left to the model, and so is
an unanswered question: whether a question asserts anything is for the model to learn.
"""

from __future__ import annotations

from collections.abc import Callable

from sentikit.models.negation_cues import Plan, Row

#: An answer of more words than this is a sentence of its own, not a yes or a no.
MAX_ANSWER_WORDS = 4

#: Words that deny the question (any one of them makes the answer a denial).
_DENY = {
    "en": frozenset({"no", "nope", "nah", "not", "n't", "never", "hardly"}),
    "tr": frozenset({"hayır", "hayir", "yok", "asla", "değil", "degil", "maalesef"}),
}
#: Words that affirm it.
_AFFIRM = {
    "en": frozenset({"yes", "yeah", "yep", "yup", "absolutely", "definitely", "certainly"})
    | frozenset({"sure", "indeed", "totally", "course", "exactly"}),
    "tr": frozenset({"evet", "kesinlikle", "tabii", "tabi", "elbette", "aynen", "gerçekten"}),
}
#: Words an answer may also hold ("not at all", "of course", "yes, very much", "hayır, hiç").
_FILLER = {
    "en": frozenset({"at", "all", "of", "really", "very", "much", "so", "quite", "oh", "well"}),
    "tr": frozenset({"hiç", "hic", "çok", "cok", "pek", "yani", "ki", "bence", "de", "da"}),
}
_QUESTION = "?"
_SENTENCE_END = frozenset({".", "!", "?", "…"})


def answer_kind(words: list[str], lang: str) -> str | None:
    """``"deny"``, ``"affirm"`` or ``None`` (not an answer) for the lower-cased words of what
    follows a question."""
    deny, affirm = _DENY.get(lang, _DENY["en"]), _AFFIRM.get(lang, _AFFIRM["en"])
    known = deny | affirm | _FILLER.get(lang, _FILLER["en"])
    if not words or len(words) > MAX_ANSWER_WORDS or not known.issuperset(words):
        return None
    if not deny.isdisjoint(words):
        return "deny"
    return "affirm" if not affirm.isdisjoint(words) else None


def answer_plan(row: Row, lang: str, polarity: Callable[[str], int | None]) -> Plan | None:
    """The :class:`Plan` of a row that ends in a question and a short denial, or ``None``.

    ``polarity`` is the negation scope's reading of a word (:meth:`Cues.polarity
    <sentikit.models.negation_cues.Cues.polarity>`: +1 / −1, 0 for the model's own sign,
    ``None`` for a word negation leaves): the words of the question sentence it reads reverse,
    as in a negation scope."""
    forms = [f.lower() for f in row.forms]
    if _QUESTION not in forms:
        return None
    q = len(forms) - 1 - forms[::-1].index(_QUESTION)
    words = [f for f, k in zip(forms[q + 1 :], row.kinds[q + 1 :], strict=True) if k != "punct"]
    words = [f for f in words if f not in _SENTENCE_END]
    if answer_kind(words, lang) != "deny":
        return None
    start = q
    while start > 0 and forms[start - 1] not in _SENTENCE_END:
        start -= 1
    if any(row.negated[start:q]):  # a negated question is left to the model
        return None
    n = len(forms)
    pol = [
        polarity(f) if start <= k < q and kind == "word" else None
        for k, (f, kind) in enumerate(zip(forms, row.kinds, strict=True))
    ]
    return Plan(
        Row(list(row.forms), list(row.kinds), list(row.negated)),
        list(range(n)),
        [p is not None for p in pol],
        [False] * n,
        [False] * n,
        [p or 0 for p in pol],
        muted=[k > q for k in range(n)],
    )
