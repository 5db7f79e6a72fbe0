"""Session fixtures for the English tests: the spaCy pipeline is loaded once."""

from __future__ import annotations

from typing import Any

import pytest

from sentikit.lang.en.processor import EnglishProcessor


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The shared spaCy pipeline; parser tests skip only when the model is not importable."""
    from sentikit.lang.en import parser

    if not parser.is_available():
        pytest.skip(f"spaCy model {parser.MODEL_NAME} not installed ({parser.INSTALL_HINT})")
    return parser.load_nlp()


@pytest.fixture(scope="session")
def en_processor() -> EnglishProcessor:
    return EnglishProcessor()


@pytest.fixture(scope="session")
def en_parsing_processor(nlp: Any) -> EnglishProcessor:
    return EnglishProcessor(parse=True)
