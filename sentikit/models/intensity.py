"""The intensity rule of composition: a degree adverb leans the way of the word it modifies.

A bag of n-grams learns one lean for *very*, *really* or *çok*: that of the reviews it met
them in, mostly positive ones. "The seat was *particularly* unpleasant" then reads less negative
than "The seat was unpleasant". With the ``"intensity"`` rule
(:mod:`sentikit.models.composition`), an intensifier followed, within
:data:`REACH` words, by a polar word (one the composition's lexicons give a polarity) keeps the
strength of its share but takes the polarity of that word as the row reads it — the
opposite when the polar word is negated ("not very good": *very* leans negative) — as
intensification does in rule-based systems (Taboada et al. 2011, SO-CAL's amplifiers).
"""

from __future__ import annotations

from collections.abc import Callable

from sentikit.models.negation_cues import Plan

#: Words after an intensifier that the polar word it modifies may be (skipping other
#: intensifiers: "really very good").
REACH = 2

#: Amplifiers, by language. Words with another common sense are left out ("so", "pretty",
#: "real"; "son" of "son derece", which is also "last"; "pek" and "hiç", which go with
#: negation).
INTENSIFIERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "very", "really", "extremely", "incredibly", "particularly", "especially",
            "super", "truly", "absolutely", "totally", "utterly", "seriously",
            "exceptionally", "remarkably", "highly", "deeply", "awfully", "terribly",
            "insanely", "ridiculously", "unbelievably", "amazingly", "thoroughly",
            "completely", "most", "immensely", "hugely", "exceedingly", "damn",
        }
    ),
    "tr": frozenset(
        {
            "çok", "gerçekten", "aşırı", "fazlasıyla", "oldukça", "epey", "bayağı",
            "cidden", "derece", "inanılmaz", "müthiş", "acayip", "fazla", "en", "tamamen",
            "resmen", "gayet",
        }
    ),
}  # fmt: skip


def intensify(plan: Plan, lang: str, polarity: Callable[[str], int]) -> bool:
    """Give each intensifier of ``plan.row`` that modifies a polar word the sign of that word
    as the row reads it (``plan.aligned``); whether any did. ``polarity`` gives a word's
    lexicon polarity (+1 / −1, 0 for none)."""
    words = INTENSIFIERS.get(lang, INTENSIFIERS["en"])
    forms, kinds = plan.row.forms, plan.row.kinds
    n = len(forms)
    aligned = plan.aligned or [0] * n
    found = False
    for k, f in enumerate(forms):
        if f not in words or kinds[k] != "word" or plan.swapped[k]:
            continue
        j, seen = k + 1, 0
        while j < n and seen < REACH and kinds[j] == "word" and forms[j] in words:
            j += 1
        while j < n and seen < REACH and kinds[j] == "word":
            p = polarity(forms[j])
            if p:
                aligned[k] = -p if plan.swapped[j] else p
                found = True
                break
            j, seen = j + 1, seen + 1
    if found:
        plan.aligned = aligned
    return found
