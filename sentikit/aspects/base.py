"""The common interface of aspect models and the BIO span coding they share.

An aspect model turns a parsed :class:`~sentikit.doc.Document` into
:class:`~sentikit.doc.Aspect` results (``term``, character ``span``, ``category``, ``label``,
``score``). The English model (:mod:`sentikit.aspects.en`) and the Turkish one plug into the
product through :class:`AspectModel`. Sequence labellers tag tokens ``B`` (first token of a
term), ``I`` (inside) and ``O``; :func:`bio_tags` and :func:`bio_spans` convert between
character spans and tags.

Examples
--------
>>> spans = [(0, 3), (4, 9), (10, 14), (15, 18)]  # "The pizza oven was"
>>> bio_tags(spans, [(4, 14)])
['O', 'B', 'I', 'O']
>>> bio_spans(['O', 'B', 'I', 'O', 'I'])
[(1, 3), (4, 5)]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from sentikit.doc import Aspect, Document
from sentikit.errors import BundleError

__all__ = ["AspectModel", "bio_spans", "bio_tags", "TAGS"]

#: The tags of the BIO coding.
TAGS = ("B", "I", "O")


@runtime_checkable
class AspectModel(Protocol):
    """What the product asks of an aspect model (one per language).

    Attributes
    ----------
    lang : str
        The language the model reads (``"en"``, ``"tr"``).
    """

    lang: str

    def extract(self, doc: Document) -> list[Aspect]:
        """The aspects of one parsed document, in text order (spans into ``doc.text``)."""
        ...

    def extract_many(self, docs: Sequence[Document]) -> list[list[Aspect]]:
        """:meth:`extract` over many documents (batched where the model can)."""
        ...

    def analyze_texts(
        self, texts: Sequence[str], contributions: Sequence[Sequence[tuple[int, int, float]]] | None
    ) -> list[list[Aspect]]:
        """Process raw texts of the model's language and extract their aspects.

        ``contributions``: per text, the sentiment model's token shares ``(start, end,
        contribution)`` (``explain=True``), for models whose polarity reads them.
        """
        ...


def bio_tags(
    token_spans: Sequence[tuple[int, int]], term_spans: Sequence[tuple[int, int]]
) -> list[str]:
    """BIO tags of tokens given the character spans of the terms.

    A token belongs to a term when it overlaps the term's ``[start, end)``; the first such
    token is ``B``, the others ``I``. Overlapping terms: the earlier start wins.

    Parameters
    ----------
    token_spans : sequence of (start, end)
        The tokens' character offsets, in order.
    term_spans : sequence of (start, end)
        The terms' character offsets.

    Returns
    -------
    list of str
        One tag per token.
    """
    tags = ["O"] * len(token_spans)
    for s, e in sorted(term_spans):
        first = True
        for i, (ts, te) in enumerate(token_spans):
            if te <= s or ts >= e:
                continue
            if tags[i] != "O" and first:
                break  # already inside another term
            tags[i] = "B" if first else "I"
            first = False
    return tags


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the terms a BIO sequence codes.

    ``B`` opens a term; ``I`` continues it, or opens one when it follows ``O`` (a lenient
    reading of an ill-formed sequence).
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag == "B" or (tag == "I" and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif tag != "I" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(tags)))
    return spans


def read_part(
    path: Path, stem: str, fmt: str, what: str
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The JSON state and the arrays of a model part saved as ``stem.json`` + ``stem.npz`` in
    ``path`` (arrays read without pickle); :class:`BundleError` naming ``what`` when a file is
    missing or damaged or the JSON is not of format ``fmt``."""
    try:
        state = json.loads((path / f"{stem}.json").read_text(encoding="utf-8"))
        with np.load(path / f"{stem}.npz", allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (OSError, ValueError) as exc:
        raise BundleError(f"cannot read the {what} in {str(path)!r}: {exc}") from None
    if not isinstance(state, dict) or state.get("format") != fmt:
        raise BundleError(f"{str(path / f'{stem}.json')!r} is not a {fmt} file")
    return state, arrays
