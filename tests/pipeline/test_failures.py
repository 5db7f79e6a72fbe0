"""The error record and failing-record isolation (``sentikit.pipeline.failures``)."""

from __future__ import annotations

import json
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from sentikit.errors import BundleError, InputError
from sentikit.pipeline.analyzer import Analyzer
from sentikit.pipeline.failures import ErrorRecord, isolate


def test_error_record_is_a_plain_dict_with_its_reason() -> None:
    r = ErrorRecord("a7", "missing text (None)")
    assert r == {"id": "a7", "error": "record a7: missing text (None)"}
    assert r.reason == "missing text (None)"
    assert json.dumps(r) == '{"id": "a7", "error": "record a7: missing text (None)"}'
    assert ErrorRecord("a7", "why", 3) == {"id": "a7", "error": "record 3: why"}
    back = pickle.loads(pickle.dumps(r))
    assert back == r and back.reason == r.reason


def _run(items: Sequence[int]) -> list[str]:
    if any(i < 0 for i in items):
        raise ValueError(f"negative in {list(items)}")
    if any(i == 0 for i in items):
        raise InputError("zero")
    return [f"ok {i}" for i in items]


def _failed(i: int, exc: Exception) -> str:
    return f"failed {i}: {exc}"


def test_isolate_narrows_a_failure_down_to_its_items() -> None:
    assert isolate(_run, [1, 2], _failed) == ["ok 1", "ok 2"]
    retried: list[Exception] = []
    out = isolate(_run, [1, -2, 3], _failed, on_retry=retried.append)
    assert out == ["ok 1", "failed -2: negative in [-2]", "ok 3"]
    assert [str(e) for e in retried] == ["negative in [1, -2, 3]"]


def test_isolate_raises_fatal_errors() -> None:
    def fatal(exc: Exception) -> bool:
        return isinstance(exc, InputError)

    with pytest.raises(InputError):
        isolate(_run, [1, 0], _failed, fatal=fatal)  # the batch's own
    with pytest.raises(InputError):
        isolate(_run, [-1, 0], _failed, fatal=fatal)  # an item's, alone
    out = isolate(_run, [-1, 0], _failed, fatal=fatal, fatal_alone=False)
    assert out == ["failed -1: negative in [-1]", "failed 0: zero"]


def test_analyzer_error_records_are_typed(tiny_bundle: Path) -> None:
    an = Analyzer("en", model=tiny_bundle)
    out = an.analyze_many(["great fun", None, 3], ids=["a", "b", "c"])
    assert not isinstance(out[0], ErrorRecord)
    assert out[1] == {"id": "b", "error": "record b: missing text (None)"}
    assert isinstance(out[1], ErrorRecord) and out[1].reason == "missing text (None)"
    assert isinstance(out[2], ErrorRecord) and out[2].reason == "text must be a string, not int"


def test_analyzer_isolates_a_failing_text(
    tiny_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    an = Analyzer("en", model=tiny_bundle)
    real = an._analyze_lang

    def flaky(texts: list[str], lang: str, explain: bool, ids: list[str]) -> list[dict[str, Any]]:
        if any("CRASH" in t for t in texts):
            raise RuntimeError("boom")
        return real(texts, lang, explain, ids)

    monkeypatch.setattr(an, "_analyze_lang", flaky)
    out = an.analyze_many(["great fun", "CRASH it", "awful"], ids=["a", "b", "c"])
    assert out[1] == {"id": "b", "error": "record b: boom"}
    assert isinstance(out[1], ErrorRecord) and out[1].reason == "boom"
    assert "label" in out[0] and "label" in out[2]

    def broken(texts: list[str], lang: str, explain: bool, ids: list[str]) -> list[dict[str, Any]]:
        raise BundleError("model damaged")

    monkeypatch.setattr(an, "_analyze_lang", broken)
    with pytest.raises(BundleError):
        an.analyze_many(["great fun"])
