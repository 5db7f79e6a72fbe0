"""Sparse n-gram feature families over :class:`~sentikit.doc.Document` tokens.

Two families, each registered under a versioned name (:data:`sentikit.components.registry`):

- :class:`~sentikit.features.word_ngrams.WordNgrams` (``sentikit.word_ngrams.v1``): binary word
  n-grams over the normalized token forms, with negated tokens marked (``güzel_NEG``), scaled per
  column by the NB log-count ratio (NBSVM) for binary tasks or by idf for multi-class tasks, rows
  L2-normalized.
- :class:`~sentikit.features.char_ngrams.CharNgrams` (``sentikit.char_ngrams.v1``): character
  n-grams inside word boundaries (``char_wb``), sublinear tf-idf, rows L2-normalized.

Both expose ``fit(docs, y)``, ``transform(docs)``, ``token_contributions(doc, weights)`` (how
much each token contributes to ``x · weights``) and ``to_state()`` / ``from_state()`` for
pickle-free bundles (vocabulary as a JSON list, weights as arrays).

Vectorization is batched and cached per word type: a token form's character n-gram ids are
computed once and reused, and a batch's matrix is assembled with one sparse constructor, which is
what makes inference fast (see BENCHMARKS.md). The batch itself
(:class:`~sentikit.features.batch.TokenBatch`, :func:`~sentikit.features.batch.token_terms`,
:func:`~sentikit.features.batch.sentence_segments`) lives in :mod:`sentikit.features.batch`.

This module only re-exports the names that were defined here before the split into
:mod:`~sentikit.features.batch`, :mod:`~sentikit.features.word_ngrams` and
:mod:`~sentikit.features.char_ngrams` (import them from there in new code).
"""

from __future__ import annotations

from sentikit.doc import NEG_SUFFIX
from sentikit.features.batch import TokenBatch, l2_normalize_rows, sentence_segments, token_terms
from sentikit.features.char_ngrams import CharNgrams, char_wb_ngrams
from sentikit.features.word_ngrams import WordNgrams, prefix_stem

__all__ = [
    "NEG_SUFFIX",
    "CharNgrams",
    "TokenBatch",
    "WordNgrams",
    "char_wb_ngrams",
    "l2_normalize_rows",
    "prefix_stem",
    "sentence_segments",
    "token_terms",
]
