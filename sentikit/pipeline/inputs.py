"""What goes into the Analyzer: entries that are not texts, and ids paired with texts.

An entry that is not a string (``None``, NaN, ``pd.NA``, a number) is not analyzed; it gets an
error record saying why (:func:`entry_error`). Ids, when given, pair one to one with the texts:
:func:`check_ids` checks what can be checked before any text is analyzed, :func:`paired`
checks a stream as it goes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sized
from typing import Any

from sentikit.errors import InputError

__all__ = ["check_ids", "entry_error", "pair_chars", "paired"]


def _missing(t: object) -> str | None:
    """``"None"``, ``"NaN"``, ``"NA"`` or ``"NaT"`` for a missing value, else None."""
    if t is None:
        return "None"
    if isinstance(t, float) and math.isnan(t):
        return "NaN"
    name = type(t).__name__
    if name == "NAType":  # pandas.NA, without importing pandas
        return "NA"
    if name == "NaTType":
        return "NaT"
    return None


def entry_error(t: object) -> str:
    """Why a non-string entry cannot be analyzed."""
    missing = _missing(t)
    if missing is not None:
        return f"missing text ({missing})"
    return f"text must be a string, not {type(t).__name__}"


#: The end of an id iterator.
_NO_ID = object()


def paired(
    texts: Iterable[Any], ids: Iterable[Any], leftover: list[int]
) -> Iterator[tuple[Any, str]]:
    """``(text, str(id))`` pairs; :class:`InputError` when the ids run out first. Ids left
    over after the last text are not an error here (the last batch is still to be analyzed):
    the number of texts is appended to ``leftover`` for the caller to raise at the end."""
    it_ids = iter(ids)
    n = 0
    for t in texts:
        i = next(it_ids, _NO_ID)
        if i is _NO_ID:
            raise InputError(f"fewer ids than texts: no id for text {n + 1}")
        n += 1
        yield t, str(i)
    if next(it_ids, _NO_ID) is not _NO_ID:
        leftover.append(n)


def check_ids(texts: Any, ids: Any) -> None:
    """Raise :class:`InputError` when ``ids`` is not a sequence of ids matching ``texts``.

    ``ids`` must not be a string, bytes or a mapping; where both have a length, the lengths
    must agree (checked before any text is analyzed). A streamed pair is checked as it goes
    (:func:`paired`).
    """
    if ids is None:
        return
    if isinstance(ids, str | bytes | bytearray | memoryview | Mapping):
        raise InputError(f"ids must be a list of ids, one per text, not a {type(ids).__name__}")
    if not isinstance(ids, Iterable):
        raise InputError(f"ids must be an iterable of ids, not a {type(ids).__name__}")
    if isinstance(texts, Sized) and isinstance(ids, Sized) and len(ids) != len(texts):
        fewer = "fewer" if len(ids) < len(texts) else "more"
        raise InputError(
            f"{fewer} ids than texts ({len(ids)} ids for {len(texts)} texts): give exactly one "
            "id per text"
        )


def pair_chars(pair: tuple[Any, str]) -> int:
    """The characters of a ``(text, id)`` pair's text (0 for an entry that is not a text)."""
    t = pair[0]
    return len(t) if isinstance(t, str) else 0
