"""English language processing: fast tokenizer, sentence splitter, negation, spaCy parsing.

Importing this package (or :mod:`sentikit.lang.en.processor`) does not import spaCy; the
parser is loaded on first use of the analyzed path.
"""

from __future__ import annotations

from sentikit.lang.en.processor import EnglishProcessor

__all__ = ["EnglishProcessor"]
