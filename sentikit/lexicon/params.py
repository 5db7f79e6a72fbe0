"""Default induction parameters by corpus size (the "parameter redefinition" of METHODS.md §4).

The frequency threshold scales with the corpus so that the graph keeps a vocabulary of roughly
20–30 thousand terms — enough to cover the seeds and a few thousand gold words, small enough for
reliable vectors: measured on the full corpora, min_count 20 on IMDB (17.7 M tokens) keeps
26,755 terms and min_count 10 on Turkish movie reviews + news (10.3 M tokens) 23,337
(``docs/results/lexicon_floors_*.json``). On small corpora a low threshold is the only way to
keep the seeds in the graph at all. ``k = 10`` neighbours instead of the reference 5 keeps the
sparse graph connected. Window (5), dimension (80) and β (0.9) stay at the reference values of
METHODS.md §4. The systematic study (``benchmarks/lexicon_params.py``) is documented in
``docs/notes/lexicon.md``; these values are provisional where it says so.

Examples
--------
>>> defaults_for_size(200_000)["min_count"] < defaults_for_size(20_000_000)["min_count"]
True
"""

from __future__ import annotations

from typing import Any

#: (upper bound on corpus tokens, parameters) — the first row whose bound exceeds the size.
SIZE_DEFAULTS: list[tuple[float, dict[str, Any]]] = [
    (1_000_000, {"min_count": 3, "window": 5, "dim": 80, "k": 10}),
    (5_000_000, {"min_count": 5, "window": 5, "dim": 80, "k": 10}),
    (15_000_000, {"min_count": 10, "window": 5, "dim": 80, "k": 10}),
    (float("inf"), {"min_count": 20, "window": 5, "dim": 80, "k": 10}),
]


def defaults_for_size(n_tokens: int) -> dict[str, Any]:
    """The :class:`~sentikit.lexicon.inducer.LexiconInducer` parameters for a corpus of
    ``n_tokens`` tokens (a copy; see the module docstring)."""
    for bound, params in SIZE_DEFAULTS:
        if n_tokens < bound:
            return dict(params)
    return dict(SIZE_DEFAULTS[-1][1])  # pragma: no cover - the last bound is infinite


__all__ = ["SIZE_DEFAULTS", "defaults_for_size"]
