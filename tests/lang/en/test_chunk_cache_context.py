"""A chunk whose tokens reach past its end is never served from the cache to another text."""

from __future__ import annotations

from sentikit.lang.en.tokenize import token_columns


def test_spaced_ellipsis_does_not_poison_the_chunk_cache() -> None:
    # the spaced ellipsis token starts inside the chunk '".' and ends after it
    token_columns('He said ". . . and then" it was over.')
    text = 'It was more entertaining than " POOR COW ".'
    _, starts, ends, _, _ = token_columns(text)
    assert max(ends) <= len(text)
    assert all(0 <= a < b for a, b in zip(starts, ends, strict=True))


def test_a_spaced_ellipsis_text_reads_no_cached_chunk() -> None:
    text = "I find out. . .how am I to sustain it. Then. . .I left."
    fresh = token_columns(text)
    token_columns("I find out. Then. How.")  # caches 'out.', 'Then.' as context-free chunks
    assert token_columns(text) == fresh
