"""Heuristic disambiguation of Turkish readings (zeyrek has no statistical disambiguator).

:func:`heuristic_disambiguate` picks one reading per word of a sentence by a cost; the choice
for a word depends only on its readings and a four-flag context (:func:`heuristic_context`),
so callers can cache it per word and context (:func:`heuristic_pick`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sentikit.lang.tr.morph_analysis import Analysis, word_key

__all__ = [
    "ABLATIVE_ENDINGS",
    "POSTPOSITIONS_AFTER_ABLATIVE",
    "PREFERRED_LEMMAS",
    "PREFERRED_POS",
    "heuristic_context",
    "heuristic_disambiguate",
    "heuristic_pick",
]

#: Preferred coarse POS of frequent ambiguous words (standard-usage defaults, hand-written;
#: zeyrek has no statistical disambiguator). ``değil`` → its copular Verb reading (carries Neg).
PREFERRED_POS: dict[str, str] = {
    "çok": "Adv",
    "az": "Adv",
    "bir": "Det",
    "ne": "Pron",
    "mi": "Ques",
    "mı": "Ques",
    "mu": "Ques",
    "mü": "Ques",
    "de": "Conj",
    "da": "Conj",
    "ama": "Conj",
    "ve": "Conj",
    "ki": "Conj",
    "ile": "Conj",
    "veya": "Conj",
    "ya": "Conj",
    "gibi": "Postp",
    "için": "Postp",
    "kadar": "Postp",
    "göre": "Postp",
    "rağmen": "Postp",
    "sonra": "Adv",
    "önce": "Adv",
    "en": "Adv",
    "daha": "Adv",
    "hiç": "Adv",
    "artık": "Adv",
    "bile": "Adv",
    "sadece": "Adv",
    "yine": "Adv",
    "var": "Adj",
    "yok": "Adj",
    "değil": "Verb",
    "güzel": "Adj",
    "iyi": "Adj",
    "kötü": "Adj",
    "harika": "Adj",
    "şey": "Noun",
    "film": "Noun",
    "her": "Det",
    "tüm": "Det",
    "bütün": "Det",
    "hem": "Conj",
    "ise": "Conj",
    "bence": "Adv",
}
_RARE_TAGS = frozenset({"P1pl", "P2pl", "P3pl", "P2sg", "Imp", "Opt", "Desr"})


#: Lemmas preferred whenever a word has a reading with them (very frequent pronouns, existentials,
#: light verbs); e.g. ``bunu`` → *bu* not *bun*, ``vardı`` → *var* not *varmak*.
PREFERRED_LEMMAS = frozenset(
    {"bu", "şu", "o", "ben", "sen", "biz", "siz", "kendi", "var", "yok", "olmak", "etmek"}
    | {"şey", "değil", "gelmek", "vermek", "yapmak", "bakmak", "çıkmak"}
)
_DETERMINERS = frozenset({"bu", "şu", "o"})
_POSTPOSITIONS_AFTER_ABL = frozenset({"sonra", "önce", "beri", "itibaren", "dolayı", "başka"})
_ABLATIVE_ENDINGS = ("dan", "den", "tan", "ten")
#: Words read as postpositions after an ablative (``filmden sonra``); see :func:`heuristic_context`.
POSTPOSITIONS_AFTER_ABLATIVE = _POSTPOSITIONS_AFTER_ABL
#: Word endings taken as an ablative by :func:`heuristic_context`.
ABLATIVE_ENDINGS = _ABLATIVE_ENDINGS


def heuristic_context(words: Sequence[str], i: int) -> tuple[bool, bool, bool, bool]:
    """Everything :func:`heuristic_disambiguate` uses about word ``i``'s context.

    The choice for ``words[i]`` depends only on its readings and this tuple (capitalized,
    sentence-initial, sentence-final, after an ablative where that matters), so callers can
    cache choices per ``(word_key(words[i]), context)`` — see :func:`heuristic_pick`.

    Examples
    --------
    >>> heuristic_context(["Filmden", "sonra"], 1)
    (False, False, True, True)
    """
    text = words[i]
    capitalized = text[:1].isupper() and not text.isupper()
    after_abl = False
    if i > 0 and word_key(text) in _POSTPOSITIONS_AFTER_ABL:
        after_abl = words[i - 1].lower().endswith(_ABLATIVE_ENDINGS)
    return capitalized, i == 0, i == len(words) - 1, after_abl


def _heuristic_cost(a: Analysis, context: tuple[bool, bool, bool, bool]) -> float:
    """Lower is better (see :func:`heuristic_disambiguate`)."""
    capitalized, first, last, after_abl = context
    cost = 1.0 * a.derivations + 0.1 * sum(1 for m in a.morphemes[1:] if m.form)
    if a.subpos in ("Prop", "Abbrv"):
        if not capitalized:
            cost += 2.0
        elif first:
            cost += 0.6
    word = a.word
    if word in _DETERMINERS:
        # "bu film" (Det) vs "bunu sevdim" / sentence-final "bu" (Pron)
        pref: str | None = "Det" if not last else "Pron"
    elif word in _POSTPOSITIONS_AFTER_ABL:
        pref = "Postp" if after_abl else PREFERRED_POS.get(word, "Adv")
    else:
        pref = PREFERRED_POS.get(word)
    if pref is not None and a.pos == pref:
        cost -= 1.0
    if a.lemma in PREFERRED_LEMMAS:
        cost -= 1.5
    if a.root_pos == "Pron":
        cost -= 0.3
    tags = a.tags
    # a zero-derived (copular) predicate is most likely in sentence-final position
    if "Zero" in tags and not last:
        cost += 0.5
    cost += 0.25 * sum(1 for t in tags if t in _RARE_TAGS)
    if not last and ("Imp" in tags or "Opt" in tags):
        # mid-sentence "-mA/-mAyA" is far more often a verbal noun (Inf2) than an imperative
        # or optative ("izlemeye" = to watching, not "may he not watch")
        cost += 1.0
    cost -= 0.01 * len(a.root)  # longest root first among otherwise equal readings
    return cost


def heuristic_pick(
    readings: Sequence[Analysis], context: tuple[bool, bool, bool, bool]
) -> Analysis | None:
    """The reading :func:`heuristic_disambiguate` chooses in ``context`` (``None``: no reading).

    Parameters
    ----------
    readings : all readings of the word (as
        :meth:`~sentikit.lang.tr.morph_base.BaseAnalyzer.analyze` returns them).
    context : :func:`heuristic_context` of the word in its sentence.
    """
    if not readings:
        return None
    best = min(range(len(readings)), key=lambda j: (_heuristic_cost(readings[j], context), j))
    return readings[best]


def heuristic_disambiguate(
    words: Sequence[str], readings: Sequence[Sequence[Analysis]]
) -> list[Analysis | None]:
    """Pick one reading per word by a cost (ties: the canonical reading order, see ``analyze``).

    The cost prefers fewer derivations and fewer overt suffixes, proper nouns and
    abbreviations only for capitalized words, the :data:`PREFERRED_POS` of frequent ambiguous
    words (determiner before another word, postposition after an ablative), the
    :data:`PREFERRED_LEMMAS`, pronoun readings, copular (zero-derived) predicates at the end of
    the sentence and longer roots, and penalizes rare tags (plural possessives, imperative,
    optative, desiderative), imperatives and optatives above all before the last word.
    The choice depends only on the readings and :func:`heuristic_context`.

    Parameters
    ----------
    words : the words of one sentence, as written (capitalization is used).
    readings : all readings of each word.
    """
    if len(words) != len(readings):
        raise ValueError("words and readings must have the same length")
    return [heuristic_pick(rs, heuristic_context(words, i)) for i, rs in enumerate(readings)]
