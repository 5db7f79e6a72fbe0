"""The word2vec baseline (gensim, optional extra ``w2v``) trained on the same units.

Examples
--------
>>> terms, V = train_word2vec([["good", "film"], ["bad", "film"]] * 50, dim=4, min_count=1)
... # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sentikit.errors import InputError, ResourceMissingError

__all__ = ["require_gensim", "train_word2vec", "load_word2vec"]


def require_gensim() -> Any:
    """Import gensim or raise :class:`ResourceMissingError` naming the pip extra."""
    try:
        import gensim
    except ImportError:
        raise ResourceMissingError(
            "the word2vec baseline needs gensim: pip install 'sentikit[w2v]'"
        ) from None
    return gensim


def train_word2vec(
    units: Iterable[Sequence[str]],
    dim: int = 100,
    window: int = 10,
    min_count: int = 2,
    sg: int = 1,
    epochs: int = 10,
    negative: int = 5,
    seed: int = 0,
    workers: int = 1,
) -> tuple[list[str], NDArray[np.float32]]:
    """Train gensim word2vec on ``units`` and return ``(terms, vectors)``.

    Parameters
    ----------
    units : iterable of lists of terms
        The sentences (materialized here: gensim iterates them once per epoch).
    dim, window, min_count : int
        Vector size, context window, minimum frequency (as for the sentikit embedding).
    sg : int, default 1
        1 = skip-gram, 0 = CBOW.
    epochs, negative : int
        Passes over the text and negative samples.
    seed : int, default 0
        gensim's seed (runs are reproducible with ``workers=1``).
    workers : int, default 1

    Returns
    -------
    (list of str, ndarray of float32)
        Terms (gensim's order, most frequent first) and their vectors.
    """
    gensim = require_gensim()
    sentences = [list(u) for u in units if len(u)]
    if not sentences:
        raise InputError("word2vec: no text to train on")
    model = gensim.models.Word2Vec(
        sentences=sentences,
        vector_size=dim,
        window=window,
        min_count=min_count,
        sg=sg,
        epochs=epochs,
        negative=negative,
        seed=seed,
        workers=workers,
    )
    kv = model.wv
    return list(kv.index_to_key), np.asarray(kv.vectors, dtype=np.float32)


def load_word2vec(path: str) -> tuple[list[str], NDArray[np.float32]]:
    """Read a word2vec text file with gensim (``KeyedVectors.load_word2vec_format``)."""
    gensim = require_gensim()
    kv = gensim.models.KeyedVectors.load_word2vec_format(path, binary=False)
    return list(kv.index_to_key), np.asarray(kv.vectors, dtype=np.float32)
