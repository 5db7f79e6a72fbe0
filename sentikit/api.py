"""The Python API: :func:`analyze` and :func:`load`.

Examples
--------
>>> import sentikit
>>> sentikit.analyze("Filmi hiç beğenmedim ama müzikleri güzeldi.")["lang"]  # doctest: +SKIP
'tr'
>>> import pandas as pd
>>> s = pd.Series(["great film", "awful film"])
>>> [r["label"] for r in sentikit.analyze(s, lang="en")]  # doctest: +SKIP
['positive', 'negative']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from sentikit.errors import InputError
from sentikit.pipeline.analyzer import DEFAULT_BATCH_SIZE, Analyzer


@lru_cache(maxsize=8)
def _cached(lang: str | None) -> Analyzer:
    return Analyzer(lang)


def load(
    lang: str | None = None, model: str | Path | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> Analyzer:
    """A reusable :class:`Analyzer` for ``lang`` (``None``: detect per text).

    Parameters
    ----------
    lang : ``"tr"``, ``"en"`` or ``None``.
    model : a model bundle folder (``sentikit train`` output); default: the shipped model.
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).
    """
    if lang == "auto":
        lang = None
    return Analyzer(lang, model=model, batch_size=batch_size)


def analyze(
    texts: Any,
    lang: str | None = None,
    explain: bool = False,
    ids: Iterable[Any] | None = None,
    model: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """Analyze a text, or a list / tuple / pandas Series of texts.

    Parameters
    ----------
    texts : a ``str`` (→ one result dict) or an iterable of texts (→ a list of result dicts,
        one per input in order; a missing or non-string entry gets ``{"id", "error"}``).
        For a pandas Series, ids default to the Series index.
    lang : ``"tr"``, ``"en"`` or ``None`` to detect each text's language.
    explain : add ``tokens`` with lemma, morphemes, per-token contribution (``polarity``)
        and negation to each result.
    ids : optional ids, one per text.
    model : a model bundle folder instead of the shipped model.
    batch_size : the most texts in one internal batch (batches start small and double up to
        it, and close early at a character budget: :mod:`sentikit.pipeline.batching`).

    Returns
    -------
    dict or list of dict, in the result shape of ``docs/ARCHITECTURE.md``.
    """
    if lang == "auto":
        lang = None
    analyzer = (
        _cached(lang)
        if model is None and batch_size == DEFAULT_BATCH_SIZE
        else Analyzer(lang, model=model, batch_size=batch_size)
    )
    if isinstance(texts, str):
        return analyzer.analyze(texts, explain=explain)
    if isinstance(texts, bytes):
        raise InputError("texts must be str, not bytes; decode them first")
    if ids is None and hasattr(texts, "index") and hasattr(texts, "tolist"):
        ids = [str(i) for i in texts.index]  # pandas Series
        texts = texts.tolist()
    if not isinstance(texts, Iterable):
        raise InputError(f"texts must be a string or an iterable of strings, not {type(texts)}")
    return analyzer.analyze_many(texts, ids=ids, explain=explain)
