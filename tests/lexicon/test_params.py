from __future__ import annotations

from sentikit.lexicon.inducer import LexiconInducer
from sentikit.lexicon.params import SIZE_DEFAULTS, defaults_for_size


def test_defaults_grow_with_corpus_size() -> None:
    sizes = [10_000, 2_000_000, 10_000_000, 50_000_000]
    mins = [defaults_for_size(n)["min_count"] for n in sizes]
    assert mins == sorted(mins) and mins[0] < mins[-1]
    valid = set(LexiconInducer().get_params())
    for _, params in SIZE_DEFAULTS:
        assert set(params) <= valid
    d = defaults_for_size(10)
    d["k"] = -1  # a copy: the table is not changed
    assert defaults_for_size(10)["k"] > 0
