"""The zemberek backend of Turkish morphology (extra ``sentikit[zemberek]``: zemberek-python)."""

from __future__ import annotations

import importlib.metadata
import logging
import os
import warnings
from typing import Any

from sentikit.errors import ResourceMissingError
from sentikit.lang.tr.morph_analysis import Analysis, make_analysis, word_key
from sentikit.lang.tr.morph_base import BaseAnalyzer

__all__ = ["ZemberekAnalyzer", "zemberek_available"]

# the logger of sentikit.lang.tr.morphology, where this backend was defined before
log = logging.getLogger("sentikit.lang.tr.morphology")

_ZEMBEREK_HINT = (
    "zemberek-python is not installed (it also needs setuptools<81 for pkg_resources): "
    "pip install 'sentikit[zemberek]'"
)


def _import_zemberek() -> Any:
    """Import zemberek without letting it reconfigure the root logger (it adds a stdout handler)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    # zemberek (and its antlr4 dependency) use deprecated APIs on every call; keep that noise
    # out of users' logs
    warnings.filterwarnings(
        "ignore", category=DeprecationWarning, module=r"(zemberek|antlr4)(\.|$)"
    )
    try:
        import zemberek
    except ImportError as e:
        raise ResourceMissingError(_ZEMBEREK_HINT) from e
    finally:
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)
    logging.getLogger("zemberek").setLevel(logging.WARNING)
    return zemberek


def zemberek_available() -> bool:
    """Whether the zemberek backend can be imported (without loading its lexicon)."""
    try:
        _import_zemberek()
    except ResourceMissingError:
        return False
    return True


class _MemoWeights:
    """A memoizing proxy of Zemberek's compressed perceptron weights (same values, cached)."""

    def __init__(self, inner: Any, max_size: int = 2_000_000):
        self._inner = inner
        self._cache: dict[str, Any] = {}
        self._max_size = max_size

    def get_(self, key: str) -> Any:
        v = self._cache.get(key)
        if v is None:
            if len(self._cache) >= self._max_size:
                self._cache.clear()
            v = self._cache[key] = self._inner.get_(key)
        return v

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class ZemberekAnalyzer(BaseAnalyzer):
    """Morphology with ``zemberek-python`` (extra ``sentikit[zemberek]``).

    Disambiguation uses Zemberek's averaged-perceptron sentence disambiguator.
    Raises :class:`~sentikit.errors.ResourceMissingError` on first use when the package (or
    ``setuptools<81``, which it imports as ``pkg_resources``) is missing.
    """

    name = "zemberek"

    def __init__(
        self,
        cache_path: str | os.PathLike[str] | None = None,
        memory_cache_size: int = 300_000,
    ):
        super().__init__(cache_path=cache_path, memory_cache_size=memory_cache_size)
        self._ascii_analyzer: Any = None
        self._wa_cache: dict[str, Any] = {}

    def _package_version(self) -> str:
        try:
            return importlib.metadata.version("zemberek-python")
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    def _load(self) -> None:
        zemberek = _import_zemberek()
        self._morph = zemberek.TurkishMorphology.create_with_defaults()
        try:  # memoize the perceptron's weight lookups (pure-Python perfect hashing is slow)
            decoder = self._morph.ambiguity_resolver.decoder
            decoder.model = _MemoWeights(decoder.model)
        except AttributeError:  # pragma: no cover - another zemberek-python layout
            log.debug("zemberek disambiguator layout not recognized; weights not memoized")

    def _convert(self, key: str, sa: Any) -> Analysis:
        item = sa.item
        morphemes = [(md.surface, md.morpheme.id_) for md in sa.morpheme_data_list]
        sub = item.secondary_pos.short_form
        return make_analysis(key, item.lemma, morphemes, sub)

    def _word_analysis(self, key: str) -> Any:
        """Zemberek's own WordAnalysis of ``key`` (kept for the disambiguator; bounded)."""
        wa = self._wa_cache.get(key)
        if wa is None:
            if len(self._wa_cache) >= 50_000:
                self._wa_cache.clear()
            wa = self._wa_cache[key] = self._morph.analyze(key)
        return wa

    def _analyze_uncached(self, key: str) -> list[Analysis]:
        wa = self._word_analysis(key)
        return [self._convert(key, sa) for sa in wa.analysis_results if not sa.is_unknown()]

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        if self._ascii_analyzer is None:
            from zemberek.morphology.analysis.rule_based_analyzer import RuleBasedAnalyzer

            self._ascii_analyzer = RuleBasedAnalyzer.ignore_diacritics_instance(
                self._morph.morphotactics
            )
        inp = key.replace("'", "")
        return [self._convert(key, sa) for sa in self._ascii_analyzer.analyze(inp)]

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """Best reading per word with Zemberek's perceptron disambiguator.

        Letterless words (numbers) get the backend-independent number reading.
        """
        if not words:
            return []
        got = self.analyze_many(words)
        self.load()
        keys = [word_key(w) for w in words]
        wanalyses = [self._word_analysis(k if k else "_") for k in keys]
        sent = self._morph.disambiguate(" ".join(keys), wanalyses)
        out: list[Analysis | None] = []
        for w, k, swa in zip(words, keys, sent.word_analyses, strict=True):
            readings = got[w]
            if not readings:
                out.append(None)
                continue
            if not any(c.isalpha() for c in k):
                out.append(readings[0])
                continue
            best = swa.best_analysis
            if best is None or best.is_unknown():
                out.append(readings[0])
                continue
            chosen = self._convert(k, best)
            ck = chosen.key()
            out.append(next((r for r in readings if r.key() == ck), chosen))
        return out
