"""The built-in model parts: importing this module registers them.

Each part registers itself with a decorator where it is defined
(``@registry.families.register("sentikit.word_ngrams.v1")``); this list only makes sure that
the modules are imported before a configuration or bundle names them. A part of your own
registers the same way in your code (see ``docs/ARCHITECTURE.md``).
"""

from __future__ import annotations

from sentikit.embeddings import family as embedding_mean
from sentikit.features import char_ngrams, morph, polarity, prior, transfer, word_ngrams

BUILTIN_MODULES = (word_ngrams, char_ngrams, transfer, polarity, morph, prior, embedding_mean)
"""The modules of the built-in feature families."""
