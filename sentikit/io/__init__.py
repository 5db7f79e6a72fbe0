"""Readers for the benchmark corpora of ``MANIFEST.md`` (CSV, JSONL, SST trees, SemEval XML,
CoNLL-U, lexicons). Data is read from :func:`sentikit.paths.data_root`, never copied.

The main entry points are re-exported here: :func:`load_dataset`, :func:`iter_texts`,
:data:`DATASETS`, :func:`parse_sst_tree`, the ABSA readers, :func:`read_conllu` and
:func:`load_lexicon_dataset`.

Layout: :mod:`~sentikit.io.datasets` (the corpus loader; the catalogue in
:mod:`~sentikit.io.catalogue`, the per-corpus readers in :mod:`~sentikit.io.corpora`, label
mapping in :mod:`~sentikit.io.labels`); :mod:`~sentikit.io.records` (command-line records:
:mod:`~sentikit.io.record_reader`, :mod:`~sentikit.io.record_writers`,
:mod:`~sentikit.io.table`); :mod:`~sentikit.io.bundle` (model bundles, their integrity checks
in :mod:`~sentikit.io.bundle_integrity`); :mod:`~sentikit.io._files` (compressed files, CSV
parsing, atomic output) under them all.
"""

from __future__ import annotations

from sentikit.io.absa import (
    AbsaReview,
    AbsaSentence,
    AspectCategory,
    AspectTerm,
    Opinion,
    load_absa_iarm_csv,
    load_absa_semeval2014,
    load_absa_semeval2016_tr,
)
from sentikit.io.conllu import ConlluSentence, ConlluToken, iter_conllu, read_conllu
from sentikit.io.datasets import (
    ALIASES,
    DATASETS,
    DatasetInfo,
    Example,
    dataset_info,
    iter_examples,
    iter_texts,
    load_dataset,
    normalize_label,
)
from sentikit.io.lexicons import Lexicon, LexiconEntry, load_lexicon_dataset, load_word_list
from sentikit.io.sst import SSTNode, detokenize, parse_sst_tree, read_sst_trees

__all__ = [
    "ALIASES",
    "DATASETS",
    "AbsaReview",
    "AbsaSentence",
    "AspectCategory",
    "AspectTerm",
    "ConlluSentence",
    "ConlluToken",
    "DatasetInfo",
    "Example",
    "Lexicon",
    "LexiconEntry",
    "Opinion",
    "SSTNode",
    "dataset_info",
    "detokenize",
    "iter_conllu",
    "iter_examples",
    "iter_texts",
    "load_absa_iarm_csv",
    "load_absa_semeval2014",
    "load_absa_semeval2016_tr",
    "load_dataset",
    "load_lexicon_dataset",
    "load_word_list",
    "normalize_label",
    "parse_sst_tree",
    "read_conllu",
    "read_sst_trees",
]
