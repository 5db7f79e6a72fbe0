"""A tiny English bundle trained once per session, so pipeline tests don't depend on data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.models.registry import train_bundle

POS = [
    "a great and moving film",
    "wonderful acting , great fun",
    "i loved it , brilliant",
    "a charming , funny and warm story",
    "beautiful and smart",
    "great music and great cast",
]
NEG = [
    "a dull and boring film",
    "awful acting , terrible fun",
    "i hated it , stupid",
    "a boring , lifeless and cold story",
    "ugly and dumb",
    "bad music and bad cast",
]


@pytest.fixture(scope="session")
def tiny_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = {
        "name": "tiny-en",
        "version": "0.0.1",
        "lang": "en",
        "model": {"name": "sentikit.linear_ensemble.v1"},
    }
    out = tmp_path_factory.mktemp("bundle") / "en"
    texts = POS * 3 + NEG * 3
    labels = ["positive"] * 18 + ["negative"] * 18
    return train_bundle(config, texts, labels, "en", out)
