"""Turkish: tokenization, normalization, sentences, morphology, deasciification, negation.

The entry point is :class:`~sentikit.lang.tr.processor.TurkishProcessor` (also returned by
``sentikit.lang.get_processor("tr")``). Morphology backends load lazily, on first use.
"""

from sentikit.lang.tr.deasciify import Deasciifier
from sentikit.lang.tr.morphology import (
    Analysis,
    MorphAnalyzer,
    ZemberekAnalyzer,
    ZeyrekAnalyzer,
    get_analyzer,
)
from sentikit.lang.tr.negation import mark_negation
from sentikit.lang.tr.normalize import normalize_token, squeeze_repeats, tr_lower, tr_upper
from sentikit.lang.tr.processor import TurkishProcessor
from sentikit.lang.tr.sentences import split_sentences
from sentikit.lang.tr.tokenize import tokenize

__all__ = [
    "Analysis",
    "Deasciifier",
    "MorphAnalyzer",
    "TurkishProcessor",
    "ZemberekAnalyzer",
    "ZeyrekAnalyzer",
    "get_analyzer",
    "mark_negation",
    "normalize_token",
    "split_sentences",
    "squeeze_repeats",
    "tokenize",
    "tr_lower",
    "tr_upper",
]
