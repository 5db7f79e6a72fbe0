"""A tiny synthetic labelled corpus for the embedding tests (fast, deterministic)."""

from __future__ import annotations

import random

import pytest

POS = ["good", "great", "fun", "lovely", "superb"]
NEG = ["bad", "awful", "dull", "boring", "terrible"]
NEUTRAL = ["film", "movie", "plot", "actor", "story", "the", "a", "was", "is", "this"]


def make_corpus(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, labels = [], []
    for i in range(n):
        positive = i % 2 == 0
        words = [rng.choice(NEUTRAL) for _ in range(5)]
        words += [rng.choice(POS if positive else NEG) for _ in range(2)]
        rng.shuffle(words)
        texts.append(" ".join(words) + " .")
        labels.append("positive" if positive else "negative")
    return texts, labels


@pytest.fixture(scope="session")
def synthetic() -> tuple[list[str], list[str]]:
    return make_corpus(400)


@pytest.fixture(scope="session")
def synthetic_units(synthetic: tuple[list[str], list[str]]) -> list[list[list[str]]]:
    """Each text as one unit (its words without the final '.')."""
    texts, _ = synthetic
    return [[t.split()[:-1]] for t in texts]
