"""Reading and writing induced polarity lexicons (TSV: ``term score std count source``).

The format is the one of ``sentikit/resources/lexicons/README.md``: a header line, then one
term per line with its z-normalised score (> 0 positive), the bootstrap standard deviation of
that score, the term's corpus frequency (0 for terms that only a dictionary graph knows) and
where the term came from (``corpus``, ``wordnet``, ``both``, or ``seed`` for the seed words
themselves).

Examples
--------
>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "lex.tsv")
>>> write_lexicon(path, ["iyi", "kötü"], [1.5, -1.2], [0.1, 0.2], [30, 25], ["seed", "seed"])
>>> lex = load_lexicon(path)
>>> lex["kötü"].score, lex["iyi"].count
(-1.2, 30)
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from sentikit.errors import InputError, ResourceMissingError
from sentikit.io._files import write_text_atomic

#: The header of a lexicon TSV file.
COLUMNS = ("term", "score", "std", "count", "source")
#: Values of the ``source`` column.
SOURCES = ("corpus", "wordnet", "both", "seed")


class LexiconRecord(NamedTuple):
    """One row of an induced lexicon (a tuple: ``score, std, count, source``)."""

    score: float
    std: float
    count: int  # type: ignore[assignment]  # the TSV column; shadows tuple.count
    source: str


def write_lexicon(
    path: str | os.PathLike[str],
    terms: Sequence[str],
    scores: Sequence[float],
    stds: Sequence[float],
    counts: Sequence[int],
    sources: Sequence[str],
) -> None:
    """Write a lexicon TSV, rows sorted by score as written (highest first, then by term),
    atomically.

    Parameters
    ----------
    path : str or PathLike
        The output file (``-`` is not accepted: use :func:`format_lexicon`).
    terms, scores, stds, counts, sources : sequences of equal length
        One entry per term.

    Raises
    ------
    InputError
        For a term a TSV cannot hold, an unknown source, sequences of unequal length, or a
        path that cannot be written (a missing or read-only folder; the message names it).
    """
    write_text_atomic(path, format_lexicon(terms, scores, stds, counts, sources))


def format_lexicon(
    terms: Sequence[str],
    scores: Sequence[float],
    stds: Sequence[float],
    counts: Sequence[int],
    sources: Sequence[str],
) -> str:
    """The TSV text of a lexicon (see :func:`write_lexicon`)."""
    n = len(terms)
    if not (len(scores) == len(stds) == len(counts) == len(sources) == n):
        raise InputError("terms, scores, stds, counts and sources must have the same length")
    # sorted on the written (4-decimal) score, then the term: scores that differ only in bits
    # the file does not show (another machine's BLAS) give the same bytes
    order = sorted(range(n), key=lambda i: (-round(float(scores[i]), 4), terms[i]))
    lines = ["\t".join(COLUMNS)]
    for i in order:
        t = terms[i]
        if not t or any(c in t for c in "\t\r\n"):
            raise InputError(f"term {t!r} cannot be written to a TSV lexicon")
        if sources[i] not in SOURCES:
            raise InputError(f"unknown source {sources[i]!r}; use one of {', '.join(SOURCES)}")
        lines.append(
            f"{t}\t{float(scores[i]):.4f}\t{float(stds[i]):.4f}\t{int(counts[i])}\t{sources[i]}"
        )
    return "\n".join(lines) + "\n"


def load_lexicon(path: str | os.PathLike[str]) -> dict[str, LexiconRecord]:
    """Load a lexicon TSV written by :func:`write_lexicon` (or ``sentikit lexicon induce``).

    Parameters
    ----------
    path : str or PathLike
        The TSV file.

    Returns
    -------
    dict
        ``term → LexiconRecord(score, std, count, source)``.

    Raises
    ------
    ResourceMissingError
        When the file does not exist.
    InputError
        When the header or a row is malformed (the message names the line).
    """
    p = Path(path)
    if not p.is_file():
        raise ResourceMissingError(f"lexicon file not found: {p}")
    out: dict[str, LexiconRecord] = {}
    with open(p, encoding="utf-8-sig") as fh:
        header = fh.readline().rstrip("\r\n").split("\t")
        if tuple(header) != COLUMNS:
            raise InputError(
                f"{p}: not a sentikit lexicon (header {header!r}, expected {'/'.join(COLUMNS)})"
            )
        for lineno, line in enumerate(fh, start=2):
            line = line.rstrip("\r\n")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                raise InputError(f"{p}:{lineno}: {len(cols)} columns, expected 5")
            try:
                score, std, count = float(cols[1]), float(cols[2]), int(cols[3])
            except ValueError:
                raise InputError(f"{p}:{lineno}: score/std/count are not numbers") from None
            if not (math.isfinite(score) and math.isfinite(std)):
                raise InputError(f"{p}:{lineno}: score and std must be finite")
            out[cols[0]] = LexiconRecord(score, std, count, cols[4])
    return out


def is_lexicon_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a file whose first line is the lexicon header."""
    p = Path(path)
    if not p.is_file():
        return False
    with open(p, encoding="utf-8-sig", errors="replace") as fh:
        return tuple(fh.readline().rstrip("\r\n").split("\t")) == COLUMNS


__all__ = [
    "COLUMNS",
    "SOURCES",
    "LexiconRecord",
    "format_lexicon",
    "is_lexicon_file",
    "load_lexicon",
    "write_lexicon",
]
