"""The Python API: :func:`analyze`, :func:`iter_analyze` and :func:`load`.

:func:`analyze` takes one text (→ one result dict) or a collection that is already in memory
(list, tuple, pandas Series, NumPy array, ``dict.values()``… → a list of result dicts, one per
text, in order). :func:`iter_analyze` (or ``analyze(..., stream=True)``) takes any iterable —
a generator, a file of lines, a database cursor — reads it lazily in batches and yields the
results as they are ready, in bounded memory. ``analyze()`` refuses an iterable without a
length (a generator, an iterator) rather than buffering it without bound.

Examples
--------
>>> import sentikit
>>> sentikit.analyze("Filmi hiç beğenmedim ama müzikleri güzeldi.")["lang"]  # doctest: +SKIP
'tr'
>>> import pandas as pd
>>> s = pd.Series(["great film", "awful film"])
>>> [r["label"] for r in sentikit.analyze(s, lang="en")]  # doctest: +SKIP
['positive', 'negative']
>>> an = sentikit.load("my-model/")  # a bundle of 'sentikit train'  # doctest: +SKIP
>>> lines = (line.rstrip("\\n") for line in open("reviews.txt"))  # doctest: +SKIP
>>> for r in sentikit.iter_analyze(lines, lang="tr"):  # doctest: +SKIP
...     print(r["id"], r.get("label", r.get("error")))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sized
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sentikit.errors import InputError
from sentikit.lang import SUPPORTED_LANGS
from sentikit.pipeline.analyzer import DEFAULT_BATCH_SIZE, Analyzer, is_model_name, model_folder
from sentikit.pipeline.inputs import check_ids

__all__ = ["analyze", "iter_analyze", "load"]


@lru_cache(maxsize=8)
def _cached(lang: str | None, labels: str = "three") -> Analyzer:
    return Analyzer(lang, labels=labels)


@lru_cache(maxsize=4)
def _cached_bundle(folder: str, stamp: tuple[int, int], lang: str | None, labels: str) -> Analyzer:
    """The Analyzer of a bundle folder; ``stamp`` (mtime and size of its ``model.json``,
    written last when a bundle is saved) makes a retrained bundle a new entry."""
    return Analyzer(lang, model=folder, labels=labels)


def _lang_and_model(
    lang: str | Path | None, model: str | Path | None
) -> tuple[str | None, str | Path | None]:
    """``(lang, model)`` with a bundle given in the place of the language (``load(PATH)``)
    moved to ``model``, and ``"auto"`` as ``None``.

    Raises
    ------
    InputError
        For a ``lang`` that is neither a supported language nor a model bundle.
    """
    if lang is None or lang == "auto":
        return None, model
    if isinstance(lang, str) and lang in SUPPORTED_LANGS:
        return lang, model
    if model is None and is_model_name(lang):
        return None, lang
    if model is not None:
        raise InputError(
            f"unsupported language {str(lang)!r}; use one of {', '.join(SUPPORTED_LANGS)} "
            "(or None to follow the model)"
        )
    raise InputError(
        f"unsupported language {str(lang)!r}, and no model bundle folder of that name; use "
        f"one of {', '.join(SUPPORTED_LANGS)}, None (detect per text), or a bundle folder"
    )


def load(
    lang: str | Path | None = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    labels: str = "three",
    compose: bool = True,
) -> Analyzer:
    """A reusable :class:`Analyzer` for ``lang`` (``None``: detect per text), or for a model
    bundle: ``load("my-model/")`` is ``load(model="my-model/")``.

    Parameters
    ----------
    lang : ``"tr"``, ``"en"``, ``None``, or a model bundle folder (``sentikit train``
        output) in its place.
    model : a model bundle folder, or a shipped model's language or bundle name; default:
        the shipped model of each text's language. A bundle scores every text, in its own
        language (``lang`` of each result); a text detected to be in another supported
        language gets a ``warning`` naming both languages.
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).
    labels : ``"three"`` (positive / neutral / negative) or ``"binary"`` (the more probable
        of positive and negative).
    compose : negation and contrast composed over the model's decision (default); ``False``:
        the plain linear decision, about twice as fast.

    Raises
    ------
    InputError
        For an unsupported language that is not a bundle folder, or a bundle of another
        language than ``lang``.
    ResourceMissingError, BundleError
        When the bundle is missing, damaged, or for another sentikit version.
    """
    lang_s, model = _lang_and_model(lang, model)
    return Analyzer(lang_s, model=model, batch_size=batch_size, labels=labels, compose=compose)


def _analyzer(
    lang: str | Path | None, model: str | Path | None, batch_size: int, labels: str = "three"
) -> Analyzer:
    lang_s, model = _lang_and_model(lang, model)
    if batch_size != DEFAULT_BATCH_SIZE:
        return Analyzer(lang_s, model=model, batch_size=batch_size, labels=labels)
    if model is None:
        return _cached(lang_s, labels)
    folder = model_folder(model)
    try:
        st = (folder / "model.json").stat()
    except OSError:  # no bundle there: the Analyzer says so
        return Analyzer(lang_s, model=folder, labels=labels)
    return _cached_bundle(str(folder.resolve()), (st.st_mtime_ns, st.st_size), lang_s, labels)


def _with_aspects(analyzer: Analyzer, aspects: bool) -> Any:
    """``analyzer``, wrapped to fill ``aspects`` when they are asked for."""
    if not aspects:
        return analyzer
    from sentikit.pipeline.aspects import AspectAnalyzer

    return AspectAnalyzer(analyzer)


def _collection(texts: Any, ids: Any) -> tuple[Iterable[Any], Any]:
    """``(texts, ids)`` to analyze, or :class:`InputError` for what is not a collection of texts.

    A pandas Series gives its values, and its index as the default ids.
    """
    if isinstance(texts, bytes | bytearray | memoryview):
        raise InputError(
            f"texts must be str, not {type(texts).__name__}; decode them first "
            "(e.g. data.decode('utf-8'))"
        )
    if isinstance(texts, Mapping):
        raise InputError(
            "texts is a dict: iterating it would analyze its keys; pass list(d.values()) "
            "(or list(d) for the keys), and ids=list(d) to keep the keys as ids"
        )
    if isinstance(texts, set | frozenset):
        raise InputError("texts is a set, which has no order; pass a list")
    if hasattr(texts, "columns") and hasattr(texts, "iloc"):
        raise InputError("texts is a DataFrame; pass one column, e.g. df['text']")
    if hasattr(texts, "index") and hasattr(texts, "tolist") and hasattr(texts, "iloc"):
        if ids is None:
            ids = [str(i) for i in texts.index]  # pandas Series
        texts = texts.tolist()
    if not isinstance(texts, Iterable):
        raise InputError(
            f"texts must be a string or an iterable of strings, not {type(texts).__name__}"
        )
    check_ids(texts, ids)
    return texts, ids


def analyze(
    texts: Any,
    lang: str | Path | None = None,
    explain: bool = False,
    ids: Iterable[Any] | None = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stream: bool = False,
    labels: str = "three",
    aspects: bool = False,
) -> Any:
    """Analyze a text, or a list / tuple / pandas Series of texts.

    Parameters
    ----------
    texts : a ``str`` (→ one result dict) or a collection with a length — list, tuple,
        pandas Series, NumPy array, ``dict.values()`` (→ a list of result dicts, one per
        input in order; a missing or non-string entry gets ``{"id", "error"}``, e.g.
        ``"missing text (NA)"`` for ``None``, NaN or ``pd.NA``). For a pandas Series, ids
        default to the Series index. A generator or other iterable without a length is
        refused (:class:`InputError`) unless ``stream=True``: see :func:`iter_analyze`.
    lang : ``"tr"``, ``"en"`` or ``None`` to detect each text's language (a text of another
        language or script, or without letters, gets ``lang="und"``, label ``"neutral"``,
        score 0 and a ``warning``); a model bundle folder in its place is taken as
        ``model``.
    explain : add ``tokens`` with lemma, morphemes, per-token contribution (``polarity``)
        and negation to each result.
    ids : optional ids, exactly one per text (:class:`InputError` otherwise).
    model : a model bundle folder (or a shipped model's language or name) instead of the
        shipped models; loaded once and reused while its ``model.json`` is unchanged. Every
        text is scored by it, with ``lang`` the model's; a text detected to be in another
        supported language gets a ``warning`` naming both languages.
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).
    stream : return an iterator of results instead (:func:`iter_analyze`), for any iterable.
    labels : ``"three"`` (default): positive / neutral / negative; ``"binary"``: the more
        probable of positive and negative (``probs`` keep all three classes).
    aspects : fill ``aspects`` with ``{term, span, sentence, category, label, score}``
        (English: aspect terms and restaurant-style categories with their polarity; extras
        ``aspects`` and ``en``; Turkish texts get the SemEval-2016 restaurant model's opinions):
        :mod:`sentikit.pipeline.aspects`.

    Returns
    -------
    dict, list of dict, or (``stream=True``) an iterator of dict, in the result shape of
    ``docs/ARCHITECTURE.md``.

    Raises
    ------
    InputError
        For ``bytes`` / ``bytearray`` (decode them first), a ``dict`` (whose iteration gives
        its keys: pass its values or keys explicitly), a set or a DataFrame, ids that do not
        pair one to one with the texts, and an iterable without a length unless ``stream``.
    """
    if stream:
        return iter_analyze(texts, lang, explain, ids, model, batch_size, labels, aspects)
    if isinstance(texts, str):
        one = None
        if ids is not None:
            check_ids([texts], ids)
            (one,) = list(ids)
        return _with_aspects(_analyzer(lang, model, batch_size, labels), aspects).analyze(
            texts, id=None if one is None else str(one), explain=explain
        )
    texts, ids = _collection(texts, ids)
    if not isinstance(texts, Sized):
        raise InputError(
            f"texts is a {type(texts).__name__}, which analyze() would have to read whole into "
            "memory; use sentikit.iter_analyze(texts) (or analyze(texts, stream=True)) to stream "
            "the results, or pass list(texts)"
        )
    return _with_aspects(_analyzer(lang, model, batch_size, labels), aspects).analyze_many(
        cast("Iterable[Any]", texts), ids=ids, explain=explain
    )


def iter_analyze(
    texts: Any,
    lang: str | Path | None = None,
    explain: bool = False,
    ids: Iterable[Any] | None = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    labels: str = "three",
    aspects: bool = False,
) -> Iterator[dict[str, Any]]:
    """Stream results for any iterable of texts: a generator, a file of lines, a list.

    The texts are read lazily, one batch at a time (the first batch is small, so the first
    results come soon), and each result is yielded as soon as its batch is done: memory stays
    bounded however long the input. Exactly one result per text, in order. Errors about the
    input as a whole (a dict, bytes, ids that do not match) are raised when the iterator is
    created or, for ids left over after the last text, at its end.

    Parameters
    ----------
    texts : an iterable of texts (a single ``str`` is one text); see :func:`analyze`.
    lang, explain, ids, model, batch_size, labels, aspects : as for :func:`analyze`.

    Returns
    -------
    iterator of dict, in the result shape of ``docs/ARCHITECTURE.md``.

    Examples
    --------
    >>> import sentikit
    >>> gen = (f"great film number {i}" for i in range(10_000))
    >>> it = sentikit.iter_analyze(gen, lang="en")  # doctest: +SKIP
    >>> next(it)["label"]  # doctest: +SKIP
    'positive'
    """
    if isinstance(texts, str):
        texts = [texts]
    texts, ids = _collection(texts, ids)
    analyzer = _with_aspects(_analyzer(lang, model, batch_size, labels), aspects)
    return analyzer.iter_analyze(texts, ids=ids, explain=explain)
