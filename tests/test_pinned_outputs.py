"""Refactoring changes nothing: the shipped bundles and a training run give the pinned results.

The pins (``tests/resources/pinned``) are written by ``benchmarks/pin_outputs.py``: full result
records of the shipped bundles (explanations included) on a fixed sample of every labelled corpus
of the catalogue, and the probabilities of a small model trained with every feature family of the
shipped configurations. A change meant to alter results rewrites them and says so.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN_DIR = ROOT / "tests" / "resources" / "pinned"
sys.path.insert(0, str(ROOT / "benchmarks"))

import pin_outputs  # noqa: E402


def _load(name: str) -> Any:
    with gzip.open(PIN_DIR / f"{name}.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _diff(a: Any, b: Any, path: str = "") -> str | None:
    """Where ``a`` and ``b`` differ (floats to 1e-9 relative), or ``None``."""
    if isinstance(a, float) or isinstance(b, float):
        numbers = isinstance(a, (int, float)) and isinstance(b, (int, float))
        if numbers and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            return None
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = _diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = _diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


@pytest.mark.parametrize("name", sorted(pin_outputs.JOBS))
def test_pinned(name: str) -> None:
    if not pin_outputs.data_available():
        pytest.skip("shared datasets not present")
    expected = _load(name)
    got = json.loads(json.dumps(pin_outputs.JOBS[name](), ensure_ascii=False))
    assert _diff(expected, got) is None, _diff(expected, got)
