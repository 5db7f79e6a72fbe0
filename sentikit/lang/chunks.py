"""Helpers shared by the tokenizers' fast paths (per-chunk cached token columns)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def splice_chunks(
    cols: dict[str, tuple[tuple[Any, ...], ...]],
    chunks: list[str],
    starts: list[int],
    ends: list[int],
    norms: list[Any],
    kinds: list[Any],
    fill: Callable[[int], tuple[tuple[Any, ...], ...]] | None = None,
) -> bool:
    """Replace, in place, the entries of the chunks that are not single tokens (``None`` in
    ``norms``) by their tokens' columns from ``cols``.

    A chunk missing from ``cols`` gets its columns from ``fill(i)`` (``i``: its index; every
    call happens before anything is changed); without ``fill``, ``False`` is returned and
    nothing changed. Each splice shifts the rest of the five lists, so the caller bounds the
    work (number of spliced chunks × length).
    """
    multi = [i for i, n in enumerate(norms) if n is None]
    found = [cols.get(chunks[i]) for i in multi]
    if None in found:
        if fill is None:
            return False
        found = [c if c is not None else fill(i) for i, c in zip(multi, found, strict=True)]
    for i, c in zip(reversed(multi), reversed(found), strict=True):
        c_texts, c_starts, c_ends, c_norms, c_kinds, _ = c
        base = starts[i]
        chunks[i : i + 1] = c_texts
        starts[i : i + 1] = [base + a for a in c_starts]
        ends[i : i + 1] = [base + b for b in c_ends]
        norms[i : i + 1] = c_norms
        kinds[i : i + 1] = c_kinds
    return True


__all__ = ["splice_chunks"]
