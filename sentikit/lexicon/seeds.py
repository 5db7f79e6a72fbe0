"""Seed words for lexicon induction: the defaults of METHODS.md §2, or a user's seed file.

A seed file is UTF-8 text, one seed per line: ``word<TAB>label`` with the label ``positive`` /
``negative`` (also ``pos``/``neg``, ``+``/``-``, ``1``/``-1``); blank lines and lines starting
with ``#`` are skipped. Turkish seeds are mapped to the lemma-form terms the inducer counts
(``güzeldi`` → ``güzel``), so a seed file may list any inflected form.

Examples
--------
>>> s = default_seeds("en")
>>> s.positive[:3], s.negative[:3]
(['love', 'beautiful', 'right'], ['hate', 'ugly', 'wrong'])
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sentikit.errors import InputError, ResourceMissingError
from sentikit.lang.seeds import seed_pairs

_POS_LABELS = {"positive", "pos", "+", "1", "+1", "p"}
_NEG_LABELS = {"negative", "neg", "-", "-1", "n"}


@dataclass
class SeedSet:
    """Positive and negative seed words (in the order given)."""

    positive: list[str]
    negative: list[str]

    def __post_init__(self) -> None:
        self.positive = _dedupe(self.positive)
        self.negative = _dedupe(self.negative)
        both = set(self.positive) & set(self.negative)
        if both:
            raise InputError(f"seed words both positive and negative: {', '.join(sorted(both))}")
        if not self.positive or not self.negative:
            raise InputError("a seed set needs at least one positive and one negative word")

    def pairs(self) -> list[tuple[str, str]]:
        """Positive/negative pairs by position (the shorter list bounds the number of pairs)."""
        return list(zip(self.positive, self.negative, strict=False))


def _dedupe(words: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for w in words:
        w = w.strip()
        if w:
            seen.setdefault(w, None)
    return list(seen)


def default_seeds(lang: str) -> SeedSet:
    """The antonym seed pairs of METHODS.md §2 for ``"tr"`` or ``"en"``."""
    pairs = seed_pairs(lang)
    return SeedSet([p for p, _ in pairs], [n for _, n in pairs])


def read_seed_file(path: str | os.PathLike[str]) -> SeedSet:
    """Read a seed file (see the module docstring).

    Raises
    ------
    ResourceMissingError
        When the file does not exist.
    InputError
        For a line without a known label (the message names the line).
    """
    p = Path(path)
    if not p.is_file():
        raise ResourceMissingError(f"seed file not found: {p}")
    pos: list[str] = []
    neg: list[str] = []
    with open(p, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            parts = s.split("\t") if "\t" in s else s.rsplit(None, 1)
            if len(parts) != 2:
                raise InputError(f"{p}:{lineno}: expected 'word<TAB>positive|negative'")
            word, label = parts[0].strip(), parts[1].strip().lower()
            if label in _POS_LABELS:
                pos.append(word)
            elif label in _NEG_LABELS:
                neg.append(word)
            else:
                raise InputError(f"{p}:{lineno}: unknown seed label {parts[1]!r}")
    return SeedSet(pos, neg)


__all__ = ["SeedSet", "default_seeds", "read_seed_file"]
