"""Fixtures for the dataset-reader tests: skip only where the benchmark data is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentikit.paths import data_root


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The benchmark data folder; skips the test when ``data_root`` finds none."""
    root = data_root(required=False)
    if root is None:
        pytest.skip("benchmark data not available (set SENTIKIT_DATA or ../shared/datasets)")
    return root
