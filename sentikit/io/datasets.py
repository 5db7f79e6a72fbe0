"""Uniform loader for the benchmark corpora of ``MANIFEST.md``, and the module to import
corpus names and loaders from.

Every labelled corpus loads as a list of :class:`Example` (``text``, sentikit ``label``,
``id``, ``meta``) through :func:`load_dataset`; large corpora stream through
:func:`iter_examples` / :func:`iter_texts`. Labels are mapped to sentikit's strings:
``P``/``pos``/``1``/``Olumlu`` → ``"positive"``, ``N``/``neg``/``0``/``Olumsuz`` →
``"negative"``, ``Tarafsız`` → ``"neutral"``. :func:`load_labelled` also reads a labelled
file (the auxiliary corpora of a model configuration).

The work is split over three modules whose public names are re-exported here:

- :mod:`sentikit.io.catalogue`: what each corpus holds (:data:`DATASETS`,
  :class:`DatasetInfo`), the evaluation aliases (:data:`ALIASES`: ``sst2``, ``sst5`` …) and
  their lookups (:func:`dataset_info`, :func:`resolve_dataset`);
- :mod:`sentikit.io.corpora`: the reader of each corpus format (:class:`Example`,
  :func:`iter_imdb_records`, :func:`sentence_polarity` …);
- :mod:`sentikit.io.labels`: :func:`normalize_label`.

Examples
--------
>>> info = DATASETS["turkish-movie-reviews"]
>>> info.lang, info.task, info.labels, info.protocols
('tr', 'document', ('negative', 'positive'), ('cv10',))
>>> normalize_label("Olumlu"), normalize_label("neg")
('positive', 'negative')
>>> exs = load_dataset("turkish-movie-reviews")  # doctest: +SKIP
>>> len(exs), exs[0].label  # doctest: +SKIP
(14040, 'negative')
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sentikit.errors import InputError
from sentikit.io.catalogue import (
    ALIASES,
    CLASSIFICATION_TASKS,
    DATASETS,
    SST5_LABELS,
    DatasetInfo,
    check_options,
    check_split,
    dataset_info,
    resolve_dataset,
)
from sentikit.io.corpora import (
    Example,
    clean_imdb_html,
    iter_imdb_records,
    iter_news_records,
    iter_split,
    sentence_polarity,
)
from sentikit.io.labels import LABEL_MAP, normalize_label
from sentikit.io.record_reader import read_labelled_file


def iter_examples(name: str, split: str | None = None, **options: Any) -> Iterator[Example]:
    """Stream the examples of one split of a corpus (see :func:`load_dataset`)."""
    folder, alias_opts = resolve_dataset(name)
    info = DATASETS[folder]
    opts = check_options(folder, {**alias_opts, **options})
    if info.task in ("lexicon", "resource"):
        raise InputError(
            f"{folder!r} is a {info.task}, not a text corpus: use "
            "sentikit.io.lexicons.load_lexicon_dataset or load_word_list"
        )
    if split is None:
        for s in info.cv_splits or info.splits:
            yield from iter_examples(name, s, **options)
        return
    check_split(info, split)
    yield from iter_split(folder, split, opts)


def load_dataset(name: str, split: str | None = None, **options: Any) -> list[Example]:
    """Load one split of a corpus of ``MANIFEST.md`` as :class:`Example` objects.

    Parameters
    ----------
    name : str
        A folder name of ``MANIFEST.md`` (see :data:`DATASETS`) or an alias (``sst2``,
        ``sst5``).
    split : str, optional
        One of ``DATASETS[name].splits``. ``None`` loads the whole labelled corpus: the
        ``"all"`` split, or the official splits concatenated (``DatasetInfo.cv_splits``).
    **options
        Per corpus:

        - ``english-imdb-reviews``: ``clean_html=True`` (``<br />`` → space).
        - ``sst-ptb-trees``: ``granularity="binary"|"fine"``; ``phrases=False`` (sentence roots
          only; ``True``: every labelled node, roots included); ``detok=False`` (``True``: text
          through :func:`sentikit.io.sst.detokenize` instead of the treebank tokens).
        - ``semeval2014-absa`` / ``semeval2014-absa-csv-iarm``: ``domain="restaurants"|"laptops"``;
          one example per aspect term (the sentence as text, the term in ``meta``);
          ``include_conflict=False`` (XML only).
        - ``semeval2016-absa-turkish-restaurants``: ``subtask=1|2``, ``include_conflict=False``.

    Returns
    -------
    list of Example

    Raises
    ------
    InputError
        Unknown name, split or option; lexicon and word-list datasets (which have their own
        loaders in :mod:`sentikit.io.lexicons`).
    ResourceMissingError
        When the data folder is not available.
    """
    return list(iter_examples(name, split, **options))


def load_labelled(spec: str) -> tuple[list[str], list[str]]:
    """Texts and labels of a labelled corpus named in a configuration: a corpus of
    ``MANIFEST.md`` (``name`` or ``name:split``), or a labelled CSV/TSV/JSONL/JSON file with
    ``text`` and ``label`` columns (labels mapped as ``sentikit train`` maps them). Used for
    the auxiliary corpora of the transfer family and of ``"augment"``.

    Raises
    ------
    InputError
        A spec that is neither a known corpus nor a file, or a file without those columns.
    """
    name, _, split = spec.partition(":")
    known = name in DATASETS or name in ALIASES
    if not known and Path(spec).is_file():
        return read_labelled_file(spec)
    try:
        examples = [e for e in load_dataset(name, split or None) if e.label is not None]
    except InputError as err:
        if known:
            raise
        raise InputError(f"auxiliary corpus {spec!r} is not a labelled file; {err}") from None
    return [e.text for e in examples], [str(e.label) for e in examples]


def iter_texts(name: str, split: str | None = None, **options: Any) -> Iterator[str]:
    """Stream the texts of a corpus split without holding the corpus in memory.

    Meant for the large unlabelled corpora (``english-imdb-reviews`` ``unsup``,
    ``turkish-unlabelled-text``, treebank sentences), but works for every text corpus.

    Examples
    --------
    >>> n = sum(1 for _ in iter_texts("turkish-unlabelled-text"))  # doctest: +SKIP
    >>> n  # doctest: +SKIP
    41992
    """
    for ex in iter_examples(name, split, **options):
        yield ex.text


__all__ = [
    "ALIASES",
    "CLASSIFICATION_TASKS",
    "DATASETS",
    "LABEL_MAP",
    "SST5_LABELS",
    "DatasetInfo",
    "Example",
    "clean_imdb_html",
    "dataset_info",
    "iter_examples",
    "iter_imdb_records",
    "iter_news_records",
    "iter_texts",
    "load_dataset",
    "load_labelled",
    "normalize_label",
    "resolve_dataset",
    "sentence_polarity",
]
