"""Text normalization at the door: Unicode NFC and control characters, with offset mapping.

Every text the :class:`~sentikit.pipeline.analyzer.Analyzer` analyzes goes through
:func:`normalize_text` first, so that language identification, tokenization and the models read
one canonical form:

* control characters (Unicode category ``Cc`` that are not whitespace — NUL, ``\\x01``–``\\x08``,
  ``\\x0e``–``\\x1b``, DEL, the C1 controls except NEL — and the byte-order mark U+FEFF) become
  one space each, so they separate tokens and are never scored; tabs, newlines, carriage
  returns, form feeds and the other whitespace controls keep their meaning;
* the text is put in Unicode normalization form C (NFC): ``"g" + U+0308`` and ``"ü"`` are one
  word, so a decomposed (NFD) Turkish text scores as its composed form does.

Spans in results point into the text the user gave, not the normalized one. Replacing a control
character keeps the length, so offsets are unchanged; NFC composition shortens the text, so
:class:`NormalizedText` carries a map from each normalized offset to an original one
(:meth:`NormalizedText.span`). A span covers whole original characters: a composed ``"ü"`` at
normalized ``[3, 4)`` maps to the two original characters ``[3, 5)`` of ``"u" + U+0308``.

Ordinary text (already NFC, without control characters) is returned unchanged, at the cost of
two C-level checks.

Examples
--------
>>> n = normalize_text("gu\\u0308zel\\x00film")
>>> n.text, n.changed, n.controls
('güzel film', True, 1)
>>> n.span(0, 5), n.original[slice(*n.span(0, 5))] == "gu\\u0308zel"
((0, 6), True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CONTROL_RE", "NormalizedText", "normalize_text"]

#: Characters replaced by a space: non-whitespace C0/C1 controls, DEL and the byte-order mark.
#: (``\t \n \v \f \r``, ``\x1c``–``\x1f`` and NEL ``\x85`` are whitespace for Python and the
#: tokenizers, and keep their meaning.)
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff]")
_SPACE_RE = re.compile(r"\s")


@dataclass(frozen=True)
class NormalizedText:
    """A text as the pipeline reads it, and the way back to the text the user gave.

    Attributes
    ----------
    text : str
        The normalized text (NFC, control characters replaced by spaces).
    original : str
        The text as given.
    offsets : tuple of int or None
        ``offsets[i]`` is the original offset of normalized offset ``i`` (``len(text) + 1``
        entries, non-decreasing); ``None`` when the two texts have the same length, where
        offsets are the same.
    controls : int
        Number of control characters replaced.
    """

    text: str
    original: str
    offsets: tuple[int, ...] | None = None
    controls: int = 0

    @property
    def changed(self) -> bool:
        """Whether the normalized text differs from the original."""
        return self.text != self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of a normalized ``[start, end)``."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]


def _segments(s: str, starts: list[int]) -> list[tuple[int, int, str]]:
    bounds = [*starts, len(s)]
    return [
        (a, b, unicodedata.normalize("NFC", s[a:b]))
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def _nfc_with_offsets(s: str) -> tuple[str, tuple[int, ...]]:
    """NFC of ``s`` and the original offset of each normalized offset.

    The text is cut before every starter (combining class 0) and each piece normalized on its
    own; where that differs from normalizing the whole text (a composition across starters:
    Hangul jamo, some Indic vowel signs), before every whitespace character instead (nothing
    composes with a preceding space), and as a last resort the text is one piece.
    """
    whole = unicodedata.normalize("NFC", s)
    comb = unicodedata.combining
    pieces = _segments(s, [i for i, c in enumerate(s) if i == 0 or comb(c) == 0])
    if "".join(p for _, _, p in pieces) != whole:
        cuts = [0] + [m.start() for m in _SPACE_RE.finditer(s) if m.start() > 0]
        pieces = _segments(s, cuts)
        if "".join(p for _, _, p in pieces) != whole:
            pieces = [(0, len(s), whole)]
    offsets: list[int] = []
    for a, b, p in pieces:
        last = max(b - a - 1, 0)
        offsets.extend(a + min(j, last) for j in range(len(p)))
    offsets.append(len(s))
    return whole, tuple(offsets)


def normalize_text(text: str) -> NormalizedText:
    """Normalize one text for analysis (see the module docstring).

    Parameters
    ----------
    text : str
        The text as given.

    Returns
    -------
    NormalizedText
        The normalized text, the original and (when the length changed) the offset map.
    """
    s = text
    controls = 0
    if CONTROL_RE.search(s) is not None:
        s, controls = CONTROL_RE.subn(" ", s)
    if s.isascii() or unicodedata.is_normalized("NFC", s):
        return NormalizedText(s, text, None, controls)
    nfc, offsets = _nfc_with_offsets(s)
    if len(nfc) == len(s):
        return NormalizedText(nfc, text, None, controls)
    return NormalizedText(nfc, text, offsets, controls)
