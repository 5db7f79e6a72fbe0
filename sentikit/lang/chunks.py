"""Helpers shared by the tokenizers' fast paths (per-chunk cached token columns)."""

from __future__ import annotations

from typing import Any


def splice_chunks(
    cols: dict[str, tuple[tuple[Any, ...], ...]],
    chunks: list[str],
    starts: list[int],
    ends: list[int],
    norms: list[Any],
    kinds: list[Any],
) -> bool:
    """Replace, in place, the entries of the chunks that are not single tokens (``None`` in
    ``norms``) by their tokens' columns from ``cols``; ``False`` (nothing changed) when one
    of them is not in ``cols``."""
    multi = [i for i, n in enumerate(norms) if n is None]
    found = [cols.get(chunks[i]) for i in multi]
    if None in found:
        return False
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
