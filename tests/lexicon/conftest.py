"""Fixtures of the lexicon tests: a tiny synthetic corpus with two sentiment clusters."""

from __future__ import annotations

import random

import pytest

POS = ["good", "great", "nice", "lovely", "superb", "fine"]
NEG = ["bad", "awful", "poor", "dreadful", "lousy", "nasty"]
POS_CTX = ["happy", "smile", "enjoy", "fun", "joy"]
NEG_CTX = ["sad", "cry", "hate", "boring", "waste"]
NEUTRAL = ["film", "plot", "actor", "scene", "the", "a", "was"]


def make_corpus(n_docs: int = 400, seed: int = 0) -> list[str]:
    """Documents whose polar words share contexts with their own polarity only."""
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        words, ctx = (POS, POS_CTX) if i % 2 == 0 else (NEG, NEG_CTX)
        toks = []
        for _ in range(12):
            r = rng.random()
            toks.append(rng.choice(words if r < 0.35 else ctx if r < 0.7 else NEUTRAL))
        docs.append(" ".join(toks))
    return docs


@pytest.fixture(scope="session")
def toy_corpus() -> list[str]:
    return make_corpus()
