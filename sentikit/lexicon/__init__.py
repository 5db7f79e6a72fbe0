"""Domain polarity lexicon induction (METHODS.md §4): SentProp-style label propagation over a
corpus word graph and/or a WordNet synonym/antonym graph, with bootstrap confidence, evaluation
against gold lexicons, and the TSV format of ``sentikit/resources/lexicons/``.

Main entry points: :class:`LexiconInducer`, :func:`load_lexicon` (``term → (score, std, count,
source)``), :func:`evaluate_lexicon_file`, :func:`load_gold`.
"""

from __future__ import annotations

from sentikit.lexicon.evaluate import (
    GoldLexicon,
    evaluate_lexicon_file,
    evaluate_scores,
    load_gold,
)
from sentikit.lexicon.inducer import LexiconInducer
from sentikit.lexicon.seeds import SeedSet, default_seeds, read_seed_file
from sentikit.lexicon.tsv import LexiconRecord, load_lexicon, write_lexicon

__all__ = [
    "GoldLexicon",
    "LexiconInducer",
    "LexiconRecord",
    "SeedSet",
    "default_seeds",
    "evaluate_lexicon_file",
    "evaluate_scores",
    "load_gold",
    "load_lexicon",
    "read_seed_file",
    "write_lexicon",
]
