"""Turkish word types → lemma-form terms (one reading per word type).

A word's term is the lemma of the reading sentikit's heuristic disambiguator chooses
(``güzeldi``, ``güzelliği`` → ``güzel``; ``beğendim`` → ``beğenmek``), except that a privative
``-sIz`` derivation is kept (``zevksiz`` stays ``zevksiz``: it reverses the root's polarity).
The reading also says whether the word is negated (``Neg`` / ``Unable``) and whether it is a
negator itself (*değil*, *yok*). Lexicon induction (:mod:`sentikit.lexicon.terms`) and the
lexical embedding component (:mod:`sentikit.embeddings.lexical`) share this mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["TR_NEGATORS", "TurkishTerm", "turkish_term"]

#: Turkish negator lemmas (``değil``, ``yok``): they negate the preceding word and are dropped.
TR_NEGATORS = frozenset({"değil", "yok"})
_TR_NOT_NEGATORS = frozenset({"yoksa", "yoksul", "yokuş", "yoklama"})


@dataclass
class TurkishTerm:
    """How one Turkish word type maps to a lexicon term."""

    term: str
    negated: bool = False
    negator: bool = False


def turkish_term(word: str, readings: Sequence[Any]) -> TurkishTerm:
    """The lemma-form term of one word type given its readings (see the module docstring).

    Examples
    --------
    >>> from sentikit.lang.tr.morphology import make_analysis
    >>> r = make_analysis("beğenmedim", "beğenmek",
    ...                   [("beğen", "Verb"), ("me", "Neg"), ("di", "Past"), ("m", "A1sg")])
    >>> turkish_term("beğenmedim", [r])
    TurkishTerm(term='beğenmek', negated=True, negator=False)
    """
    from sentikit.lang.tr.morphology import heuristic_disambiguate
    from sentikit.lang.tr.normalize import tr_lower

    if not readings:
        return TurkishTerm(word)
    best = heuristic_disambiguate([word], [list(readings)])[0]
    if best is None:  # pragma: no cover - readings is non-empty
        return TurkishTerm(word)
    lemma = tr_lower(best.lemma)
    if lemma in TR_NEGATORS and word not in _TR_NOT_NEGATORS:
        return TurkishTerm(lemma, negator=True)
    tags = best.tags
    term = lemma
    if "Without" in tags:
        cut = len(tags) - 1 - tags[::-1].index("Without")
        term = tr_lower("".join(m.form for m in best.morphemes[: cut + 1])) or lemma
    return TurkishTerm(term, negated=bool(best.negative or best.unable))
