"""English abbreviations that keep their period (shared by the tokenizer and the sentence splitter).

:mod:`sentikit.lang.en.tokenize` keeps ``Mr.``, ``etc.`` … as one token;
:mod:`sentikit.lang.en.sentences` decides whether such a token ends a sentence.
"""

from __future__ import annotations

__all__ = ["ABBREVIATIONS", "TITLE_ABBREVIATIONS"]

# Abbreviations that keep their period. Titles never end a sentence; the others end one only
# before a capitalized word that typically starts a sentence. Hand-picked from common English
# usage in reviews and news; single words that are also frequent sentence-final words
# ("no", "co") are left out ("No." is an abbreviation only before a digit).
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "gov",
        "sen",
        "rep",
        "capt",
        "lt",
        "col",
        "sgt",
        "rev",
        "hon",
        "messrs",
    ]
)
ABBREVIATIONS: frozenset[str] = TITLE_ABBREVIATIONS | frozenset(
    [
        "etc",
        "vs",
        "approx",
        "dept",
        "est",
        "fig",
        "inc",
        "ltd",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
