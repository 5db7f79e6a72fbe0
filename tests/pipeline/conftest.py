"""A tiny English bundle trained once per session, so pipeline tests don't depend on data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.training.bundle import train_bundle


@pytest.fixture(scope="session")
def tiny_bundle(
    tmp_path_factory: pytest.TempPathFactory, tiny_corpus: tuple[list[str], list[str]]
) -> Path:
    config = {
        "name": "tiny-en",
        "version": "0.0.1",
        "lang": "en",
        "model": {"name": "sentikit.linear_ensemble.v1"},
    }
    out = tmp_path_factory.mktemp("bundle") / "en"
    texts, labels = tiny_corpus
    return train_bundle(config, texts, labels, "en", out)
