"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

POSITIVE = [
    "a great and moving film",
    "wonderful acting , great fun",
    "i loved it , brilliant",
    "a charming , funny and warm story",
    "beautiful and smart",
    "great music and great cast",
]
NEGATIVE = [
    "a dull and boring film",
    "awful acting , terrible fun",
    "i hated it , stupid",
    "a boring , lifeless and cold story",
    "ugly and dumb",
    "bad music and bad cast",
]


@pytest.fixture(scope="session")
def tiny_corpus() -> tuple[list[str], list[str]]:
    """A small hand-written English sentiment corpus: (texts, labels), balanced."""
    texts = POSITIVE * 4 + NEGATIVE * 4
    labels = ["positive"] * (len(POSITIVE) * 4) + ["negative"] * (len(NEGATIVE) * 4)
    return texts, labels
