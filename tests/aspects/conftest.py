"""Skips for the aspect tests: spaCy's English model and the SemEval-2014 data."""

from __future__ import annotations

import pytest

from sentikit.lang.en import parser
from sentikit.paths import data_root


@pytest.fixture(scope="session")
def needs_parser() -> None:
    if not parser.is_available():
        pytest.skip("spaCy English model not installed (pip install 'sentikit[en]')")


@pytest.fixture(scope="session")
def needs_semeval() -> None:
    root = data_root(required=False)
    if root is None or not (root / "semeval2014-absa").is_dir():
        pytest.skip("SemEval-2014 ABSA data not found (../shared/datasets)")
