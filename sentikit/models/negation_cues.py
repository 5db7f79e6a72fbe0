"""The negation scopes of sentiment composition (:mod:`sentikit.models.composition`).

A :class:`Cues` object per language says which tokens of a row a negation covers and builds
the row's *affirmative* (:class:`Plan`): English follows the head a negator governs, Turkish the
scopes of :mod:`sentikit.lang.tr.fast_negation`; both extend a negated verb of opinion over its
complement clause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Cues", "Plan", "Row", "negation_cues"]

# Turkish verbs of opinion whose negation negates their complement clause (neg-raising:
# "iyi olduğunu düşünmüyorum" = "I think it is not good"), as English "I don't think".
_NEG_RAISING_TR = frozenset(
    {"düşün", "san", "zannet", "inan", "um", "söyle", "söyley", "de", "diye"}
)
# Stems of the Turkish light verbs (sentikit.lang.tr.negation.LIGHT_VERBS): "iyi olmadı",
# "nefret etmedim" negate their complement.
_LIGHT_STEMS_TR = frozenset({"ol", "et", "yap", "gel", "görün", "gözük", "bulun", "kal"})
# Words that end a Turkish complement clause going leftwards.
_CLAUSE_WORDS_TR = frozenset({"ve", "ama", "fakat", "ancak", "ki", "çünkü", "oysa", "ise"})
# English words between a negator and the head it negates.
_EN_SKIP = frozenset(
    {
        "a", "an", "the", "any", "this", "that", "these", "those", "my", "your", "his", "her",
        "its", "our", "their", "one", "single", "bit", "much", "more", "very", "too", "so",
        "really", "at", "all", "quite", "particularly", "especially", "overly", "terribly",
        "exactly", "even", "as", "remotely", "entirely", "totally", "completely",
        "be", "been", "being", "is", "was", "are", "were", "am", "do", "does", "did", "have",
        "has", "had", "to", "get", "got", "getting", "become", "became",
        "look", "looks", "looked", "seem", "seems", "seemed", "sound", "sounds",
        "sounded", "taste", "tastes", "tasted", "smell", "smells", "it", "it's", "'s", "i",
        "we", "you", "they", "he", "she", "there", "'m", "'re", "'ve", "ever", "always",
        "will", "would", "could", "should", "can", "ca", "wo", "might", "must", "need",
    }
)  # fmt: skip
# Verbs of opinion and report whose negation negates their complement (neg-raising: "I don't
# think it is bad", "I wouldn't call it good", "I can't say I liked it"); a linking "feel"
# ("it doesn't feel right") reads the same, its complement being the rest of the clause.
_EN_NEG_RAISING = frozenset(
    {
        "think", "thought", "believe", "believed", "suppose", "supposed", "reckon", "guess",
        "imagine", "imagined", "find", "found", "consider", "considered", "feel", "feels",
        "felt", "expect", "expected", "say", "said", "call", "called",
    }
)  # fmt: skip
_EN_PSEUDO_NEXT = frozenset({"only", "just", "merely", "doubt", "wonder", "matter"})
# Negative quantifiers that negate the whole predicate of their clause ("nothing about it was
# bad", "nobody disliked it", "no one was rude").
_EN_NEG_SUBJECTS = frozenset({"nothing", "nobody", "none", "noone", "nowhere"})
_NO_ONE = ["no", "one"]
# Word forms whose cue test is remembered, at most (the memo starts again past it).
_CUE_MEMO_MAX = 200_000


@dataclass
class Plan:
    """How a row is composed: its affirmative ``row`` and, per token of it, the index of the
    original token it stands for (``where``), whether its polarity swaps (``swapped``),
    whether it is a negation cue (``cue``), whether it lies in a conceded clause
    (``damped``), the lexicon polarity of a swapped token (``sign``: +1, −1, or 0 when the
    model's share gives it) and whether its share is removed (``muted``: the answer of an
    answered question, :mod:`sentikit.models.answers`; empty: none is) or takes a polarity
    (``aligned``: +1 / −1 for an intensifier, :mod:`sentikit.models.intensity`; empty: none
    does)."""

    row: Row
    where: list[int]
    swapped: list[bool]
    cue: list[bool]
    damped: list[bool]
    sign: list[int] = field(default_factory=list)
    muted: list[bool] = field(default_factory=list)
    aligned: list[int] = field(default_factory=list)


@dataclass
class Row:
    """The tokens of one row of a batch (a document, a sentence or a clause) as columns."""

    forms: list[str]
    kinds: list[str]
    negated: list[bool]


class Cues:
    """A language's negation scope and the affirmative of a negated row."""

    #: The words whose polarity a negation swaps, with their polarity (+1 / −1); ``None``:
    #: every word of the scope, with the sign of its share in the model.
    polar: Mapping[str, int] | None = None

    def scope(self, row: Row) -> list[bool] | None:  # pragma: no cover - interface
        raise NotImplementedError

    def is_cue(self, form: str) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def words(self) -> frozenset[str]:
        """Word forms whose presence may open a scope (a quick test before :meth:`scope`)."""
        return frozenset()

    def affirmative_form(self, form: str) -> str | None:
        """The un-negated form of a word that carries negation itself (``None``: none)."""
        return None

    def carries_negation(self, form: str) -> bool:
        """Whether the word form itself carries negation (a Turkish negated verb)."""
        return False

    def lexicon_sign(self, form: str) -> int:
        """The polarity a lexicon gives ``form`` (+1 / −1), 0 when it gives none."""
        return 0 if self.polar is None else self.polar.get(form, 0)

    def negates_complement(self, stem: str) -> bool:
        """Whether a negated verb of this stem negates the words before it (a light verb, a
        verb of opinion) rather than itself."""
        return False

    def polarity(self, form: str) -> int | None:
        """The polarity of ``form`` in :attr:`polar` (0 when every word counts and the model
        gives the sign); ``None``: not a polar word, negation leaves it."""
        if self.polar is None:
            return 0
        return self.polar.get(form)

    def variants(self, row: Row, scope: list[bool]) -> Plan:
        """The affirmative of a negated row: nothing marked negated, a suffix-negated verb
        replaced by its stem; the polar words of the scope swap, the cue words stay (their
        share may be removed, :meth:`Composer.signed_shares`). Only the scope's tokens are
        looked at one by one; the others pass as they are."""
        n = len(row.forms)
        forms = list(row.forms)
        negated = [False] * n
        swapped = [False] * n
        sign = [0] * n
        cue = self.cue_flags(row.forms, row.kinds)
        for k in [k for k, s in enumerate(scope) if s and not cue[k]]:
            f = forms[k]
            flag, swap = False, True
            if row.negated[k] and self.carries_negation(f):
                # a verb negated by its suffix (Turkish "beğenmedim", "sıkılmadım")
                stem = self.affirmative_form(f)
                light = stem is not None and self.negates_complement(stem)
                stem_sign = self.lexicon_sign(stem) if stem is not None and not light else 0
                if stem is not None and stem_sign < 0:
                    f = stem  # a negated negative: its stem's polarity, reversed
                else:
                    # a negated positive or neutral verb keeps its own learnt reading (the
                    # corpora teach "beğenmedim" well); a light verb or a verb of opinion that
                    # negates its complement acts as the cue
                    flag, swap = True, False
                    cue[k] = light
            polarity = self.polarity(f) if swap else None
            forms[k], negated[k] = f, flag
            if polarity is not None:
                swapped[k], sign[k] = swap, polarity
        return Plan(Row(forms, list(row.kinds), negated), list(range(n)), swapped, cue, [], sign)

    def cue_flags(self, forms: list[str], kinds: list[str]) -> list[bool]:
        """Whether each token is a negation cue word (remembered per form)."""
        memo: dict[str, bool] | None = self.__dict__.get("_cue_memo")
        if memo is None or len(memo) > _CUE_MEMO_MAX:
            memo = self.__dict__["_cue_memo"] = {}
        out = []
        for f, kind in zip(forms, kinds, strict=True):
            if kind != "word":
                out.append(False)
                continue
            got = memo.get(f)
            if got is None:
                got = memo[f] = self.is_cue(f)
            out.append(got)
        return out


class _EnglishCues(Cues):
    """English: a negator covers the head of what follows it — the first word that is not a
    determiner, degree adverb, auxiliary or linking verb (:data:`_EN_SKIP`: "not *bad*", "not
    a very *good* film", "isn't at all *bad*", "never *disappoints*", "no *problems*") — and,
    when that head is a verb of opinion (:data:`_EN_NEG_RAISING`: "I don't think it is
    *bad*"), the rest of its clause."""

    def __init__(self) -> None:
        from sentikit.lang.en.negation import CONTRASTIVE, NEGATORS

        self.negators = NEGATORS
        self.breakers = CONTRASTIVE

    def is_cue(self, form: str) -> bool:
        return form in self.negators

    def words(self) -> frozenset[str]:
        return frozenset(self.negators)

    def scope(self, row: Row) -> list[bool] | None:
        forms, kinds = row.forms, row.kinds
        if self.negators.isdisjoint(forms):
            return None
        n = len(forms)
        scope = [False] * n
        for k, f in enumerate(forms):
            if f not in self.negators or kinds[k] != "word":
                continue
            if k + 1 < n and forms[k + 1] in _EN_PSEUDO_NEXT:
                continue  # "not only", "no doubt", "no wonder"
            j = k + 1
            skip = _EN_SKIP | self.negators
            while j < n and kinds[j] == "word" and forms[j] in skip:
                j += 1
            if j >= n or kinds[j] != "word" or forms[j] in self.breakers:
                self._elided(forms, kinds, k, scope)
                continue
            scope[j] = True
            if forms[j] in _EN_NEG_RAISING or f in _EN_NEG_SUBJECTS or forms[k : k + 2] == _NO_ONE:
                j += 1
                while j < n and not self._breaks(forms[j], kinds[j]):
                    scope[j] = True
                    j += 1
        return scope if any(scope) else None

    def _breaks(self, form: str, kind: str) -> bool:
        if kind in ("punct", "emoji", "emoticon"):
            return form not in ("'", '"')
        return form in self.breakers

    def _elided(self, forms: list[str], kinds: list[str], k: int, scope: list[bool]) -> None:
        """A negator without a head, in a clause that a contrast word opens ("I thought it
        would be bad, but it wasn't"): its verb phrase is elided, and what it negates is
        the clause before the contrast word, whose words join the scope."""
        b = k - 1
        while b >= 0 and forms[b] not in self.breakers:
            if kinds[b] == "punct" and forms[b] not in (",", "'", '"'):
                return  # a sentence end before any contrast word
            b -= 1
        if b < 0:
            return
        a = b - 1
        while a >= 0 and not (kinds[a] == "punct" and forms[a] in (".", "!", "?", ";")):
            scope[a] = kinds[a] == "word"
            a -= 1


class _TurkishCues(Cues):
    def __init__(self) -> None:
        from sentikit.lang.tr import fast_negation

        self.fn = fast_negation

    def is_cue(self, form: str) -> bool:
        return self.fn.word_cue(form) is not None

    def carries_negation(self, form: str) -> bool:
        return self.fn.is_negated_verb(form)

    def lexicon_sign(self, form: str) -> int:
        """As :meth:`Cues.lexicon_sign`, also for a word that starts with a lexicon word of
        at least three letters: the lexicons list lemmas and verb stems (``kötü`` for
        ``kötüydü``)."""
        polar = self.polar
        if polar is None:
            return 0
        got = polar.get(form)
        k = len(form) - 1
        while got is None and k >= 3:
            got = polar.get(form[:k])
            k -= 1
        return got or 0

    def polarity(self, form: str) -> int | None:
        """Every word of a Turkish scope swaps (the scopes are constituents, not windows):
        with its lexicon polarity where a lexicon gives one, else its share's sign."""
        return self.lexicon_sign(form)

    def negates_complement(self, stem: str) -> bool:
        return stem in _NEG_RAISING_TR or stem in _LIGHT_STEMS_TR

    def affirmative_form(self, form: str) -> str | None:
        if not self.fn.is_negated_verb(form):
            return None
        m = self.fn.FALLBACK_RE.match(form)
        return m.group("stem") if m is not None else None

    def scope(self, row: Row) -> list[bool] | None:
        if not any(row.negated):
            return None
        scope = list(row.negated)
        for k, (f, g) in enumerate(zip(row.forms, row.negated, strict=True)):
            stem = self.affirmative_form(f) if g else None
            if stem is None or stem not in _NEG_RAISING_TR:
                continue
            # "kötü olduğunu düşünmüyorum": a negated verb of opinion negates its complement,
            # the words of its clause before it
            j = k - 1
            while j >= 0 and row.kinds[j] != "punct" and row.forms[j] not in _CLAUSE_WORDS_TR:
                scope[j] = True
                j -= 1
        return scope


def negation_cues(lang: str) -> Cues:
    return _TurkishCues() if lang == "tr" else _EnglishCues()
