"""Fixtures of the CLI tests: a small fake Analyzer patched in for ``sentikit.api.load``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sentikit.api

_POS = {"good", "great", "güzel", "iyi", "beğendim", "harika"}
_NEG = {"bad", "awful", "kötü", "berbat", "beğenmedim", "sıkıcı"}
_TR_CHARS = set("çğıöşüÇĞİÖŞÜ")


class FakeAnalyzer:
    """Word-list sentiment with the result shape and the streaming contract of the real one.

    ``iter_analyze`` consumes its input lazily, in batches, and records the batch sizes it saw;
    a text containing ``CRASH`` makes the whole batch raise (to test isolation); ``None`` and
    non-strings give ``{"id", "error"}`` like the real Analyzer.
    """

    instances: list[FakeAnalyzer] = []

    def __init__(self, lang: str | None = None, model: Any = None) -> None:
        self.lang = lang
        self.model = model
        self.batches: list[int] = []
        FakeAnalyzer.instances.append(self)

    def _one(self, text: str, id_: str, explain: bool) -> dict[str, Any]:
        words = re.findall(r"\w+", text.lower())
        pos = sum(w in _POS for w in words)
        neg = sum(w in _NEG for w in words)
        lang = self.lang or ("tr" if _TR_CHARS & set(text) else "en")
        if pos > neg:
            label, probs = "positive", {"positive": 0.8, "neutral": 0.1, "negative": 0.1}
        elif neg > pos:
            label, probs = "negative", {"positive": 0.1, "neutral": 0.1, "negative": 0.8}
        else:
            label, probs = "neutral", {"positive": 0.2, "neutral": 0.6, "negative": 0.2}
        out: dict[str, Any] = {
            "id": id_,
            "lang": lang,
            "label": label,
            "score": round(probs["positive"] - probs["negative"], 6),
            "probs": probs,
            "sentences": [],
            "aspects": [],
            "model": {"name": "fake", "version": "0"},
        }
        if explain:
            out["tokens"] = [{"text": w, "polarity": (w in _POS) - (w in _NEG)} for w in words]
        return out

    def iter_analyze(
        self,
        texts: Iterable[Any],
        ids: Iterable[Any] | None = None,
        explain: bool = False,
        batch_size: int | None = None,
        grow: bool = True,
    ) -> Iterator[dict[str, Any]]:
        size = batch_size or 256
        it_ids = iter(ids) if ids is not None else None
        batch: list[Any] = []
        n = 0

        def flush() -> list[dict[str, Any]]:
            nonlocal n
            self.batches.append(len(batch))
            if any(isinstance(t, str) and "CRASH" in t for t in batch):
                raise RuntimeError("boom")
            out = []
            for t in batch:
                n += 1
                id_ = str(next(it_ids)) if it_ids is not None else str(n)
                if not isinstance(t, str):
                    out.append({"id": id_, "error": f"record {id_}: text is missing"})
                else:
                    out.append(self._one(t, id_, explain))
            return out

        for t in texts:
            batch.append(t)
            if len(batch) == size:
                yield from flush()
                batch = []
        if batch:
            yield from flush()


@pytest.fixture
def fake_api(monkeypatch: pytest.MonkeyPatch) -> type[FakeAnalyzer]:
    """Patch ``sentikit.api.load`` with :class:`FakeAnalyzer`; returns the class."""
    FakeAnalyzer.instances = []

    def load(lang: str | None = None, model: str | Path | None = None, **kw: Any) -> FakeAnalyzer:
        return FakeAnalyzer(lang, model)

    monkeypatch.setattr(sentikit.api, "load", load)
    return FakeAnalyzer


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
