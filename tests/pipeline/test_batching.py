"""Tests of the batch cutter shared by the analyzer and the CLI."""

from __future__ import annotations

import pytest

from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE, FIRST_BATCH, batches


def test_every_item_once_in_order_and_sizes_double_up_to_the_limit() -> None:
    items = list(range(1000))
    out = list(batches(iter(items), size=100, first=8))
    assert [x for b in out for x in b] == items
    assert [len(b) for b in out][:6] == [8, 16, 32, 64, 100, 100]


def test_default_first_batch_is_small() -> None:
    out = list(batches(["x"] * 5000))
    assert len(out[0]) == FIRST_BATCH
    assert max(map(len, out)) == DEFAULT_BATCH_SIZE


def test_character_budget_closes_a_batch_and_never_empties_it() -> None:
    texts = ["a" * 10, "b" * 10, "c" * 25, "d"]
    out = list(batches(texts, size=10, first=10, max_chars=20))
    assert out == [["a" * 10, "b" * 10], ["c" * 25], ["d"]]


def test_non_strings_count_zero_characters() -> None:
    out = list(batches([None, 1.5, "abc"], size=10, first=10, max_chars=3))
    assert out == [[None, 1.5, "abc"]]


def test_empty_stream_and_bad_size() -> None:
    assert list(batches([])) == []
    with pytest.raises(ValueError):
        list(batches([1], size=0))
