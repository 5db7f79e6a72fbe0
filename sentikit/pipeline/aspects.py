"""Aspects in results: an analyzer wrapper that fills ``aspects`` (``aspects=True``).

:class:`AspectAnalyzer` wraps an :class:`~sentikit.pipeline.analyzer.Analyzer` (or anything
with its ``iter_analyze``): it analyzes with ``explain=True`` (the aspect polarity reads the
model's token contributions), runs the aspect model of each result's language over the
texts in chunks and fills ``aspects`` with ``{term, span, sentence, category, label, score}``
(``sentence``: the index into the result's ``sentences``; a category's ``term`` is ``None``).
The explanation is dropped again unless ``explain=True`` was asked for. English has a model
(``sentikit/resources/aspects/en``, extra ``aspects`` + ``en``), and so has Turkish
(``sentikit/resources/aspects/tr``, :mod:`sentikit.aspects.tr`, trained on SemEval-2016
restaurants); a text in another language keeps ``aspects: []``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sentikit.aspects import AspectModel, load_aspect_model

__all__ = ["CHUNK", "AspectAnalyzer"]

#: Results whose aspects are found in one call of the aspect model.
CHUNK = 256


def _sentence_of(result: dict[str, Any], start: int) -> int:
    for k, s in enumerate(result.get("sentences", [])):
        if s["span"][0] <= start < s["span"][1]:
            return k
    return 0


class AspectAnalyzer:
    """An analyzer whose results carry their aspects.

    Parameters
    ----------
    inner : Analyzer
        The sentiment analyzer (anything with ``iter_analyze(texts, ids=, explain=)``).
    model : str or Path, optional
        An English aspect model folder instead of the shipped one.
    """

    def __init__(self, inner: Any, model: str | Path | None = None) -> None:
        self.inner = inner
        self.model = model
        self._models: dict[str, AspectModel | None] = {}

    def _aspect_model(self, lang: str) -> AspectModel | None:
        if lang not in self._models:
            if lang == "en":
                self._models[lang] = load_aspect_model(self.model or "en")
            else:
                self._models[lang] = None
        return self._models[lang]

    def analyze(self, text: str, id: str | None = None, explain: bool = False) -> dict[str, Any]:
        """One text's result with its aspects."""
        return next(self.iter_analyze([text], ids=None if id is None else [id], explain=explain))

    def analyze_many(
        self, texts: Iterable[Any], ids: Iterable[Any] | None = None, explain: bool = False
    ) -> list[dict[str, Any]]:
        """Results with aspects, one per text, in order."""
        return list(self.iter_analyze(texts, ids=ids, explain=explain))

    def iter_analyze(
        self,
        texts: Iterable[Any],
        ids: Iterable[Any] | None = None,
        explain: bool = False,
        batch_size: int | None = None,
        grow: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Stream results with aspects (chunks of :data:`CHUNK` results); ``batch_size`` and
        ``grow`` are the wrapped analyzer's."""
        pending: deque[Any] = deque()

        def recorded() -> Iterator[Any]:
            for t in texts:
                pending.append(t)
                yield t

        results = self.inner.iter_analyze(
            recorded(), ids=ids, explain=True, batch_size=batch_size, grow=grow
        )
        while True:
            chunk = list(islice(results, CHUNK))
            if not chunk:
                return
            pairs = [(r, pending.popleft()) for r in chunk]
            self._fill(pairs)
            for r, _ in pairs:
                if not explain:
                    r.pop("tokens", None)
                    r.pop("explanation", None)
                yield r

    def _fill(self, pairs: list[tuple[dict[str, Any], Any]]) -> None:
        by_lang: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for r, text in pairs:
            if "error" not in r and isinstance(text, str) and r.get("lang") not in (None, "und"):
                by_lang.setdefault(r["lang"], []).append((r, text))
        for lang, todo in by_lang.items():
            if lang == "tr":
                self._fill_turkish(todo)
                continue
            model = self._aspect_model(lang)
            if model is None:
                continue
            contrib = [
                [
                    (t["span"][0], t["span"][1], t.get("polarity") or 0.0)
                    for t in r.get("tokens", [])
                ]
                for r, _ in todo
            ]
            found = model.analyze_texts([t for _, t in todo], contrib)
            for (r, _), aspects in zip(todo, found, strict=True):
                items = []
                for a in aspects:
                    d = a.to_dict()
                    d["sentence"] = _sentence_of(r, a.span[0]) if a.span else 0
                    items.append(d)
                r["aspects"] = items

    @staticmethod
    def _fill_turkish(todo: list[tuple[dict[str, Any], str]]) -> None:
        """Turkish aspects: the shipped SemEval-2016 model (:mod:`sentikit.aspects.tr`), its
        opinions' sentence indices taken from the result's own sentences."""
        from sentikit.aspects.tr import load_tr

        found = load_tr().extract_many([t for _, t in todo])
        for (r, _), items in zip(todo, found, strict=True):
            for d in items:
                if d.get("span"):
                    d["sentence"] = _sentence_of(r, d["span"][0])
            r["aspects"] = items
