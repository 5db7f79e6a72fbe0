"""Default sentiment seed words: the antonym pairs of METHODS.md §2.

The pairs drive the unsupervised co-occurrence scores (§2) and seed lexicon induction (§4):
the first member of each pair is positive, the second negative.

Examples
--------
>>> seed_pairs("en")[0]
('love', 'hate')
>>> "güzel" in positive_seeds("tr") and "çirkin" in negative_seeds("tr")
True
"""

from __future__ import annotations

from sentikit.errors import InputError

#: METHODS.md §2, verbatim.
SEED_PAIRS: dict[str, list[tuple[str, str]]] = {
    "tr": [
        ("sevgi", "nefret"),
        ("güzel", "çirkin"),
        ("doğru", "yanlış"),
        ("harika", "berbat"),
        ("tatlı", "acı"),
        ("olumlu", "olumsuz"),
        ("zevkli", "sıkıcı"),
        ("iyi", "kötü"),
        ("başyapıt", "vasat"),
        ("sevimli", "sevimsiz"),
    ],
    "en": [
        ("love", "hate"),
        ("beautiful", "ugly"),
        ("right", "wrong"),
        ("awesome", "terrible"),
        ("sweet", "bitter"),
        ("positive", "negative"),
        ("fun", "boring"),
        ("good", "bad"),
        ("masterpiece", "mediocre"),
    ],
}


def seed_pairs(lang: str) -> list[tuple[str, str]]:
    """The (positive, negative) seed pairs of ``lang`` (``"tr"`` or ``"en"``)."""
    try:
        return list(SEED_PAIRS[lang])
    except KeyError:
        raise InputError(f"no default seeds for language {lang!r}; use 'tr' or 'en'") from None


def positive_seeds(lang: str) -> list[str]:
    """Positive members of the default seed pairs."""
    return [p for p, _ in seed_pairs(lang)]


def negative_seeds(lang: str) -> list[str]:
    """Negative members of the default seed pairs."""
    return [n for _, n in seed_pairs(lang)]
