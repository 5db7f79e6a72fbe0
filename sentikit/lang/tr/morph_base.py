"""What every Turkish morphological analyzer is: the :class:`MorphAnalyzer` protocol and the
:class:`BaseAnalyzer` the backends share (caching, batching, lazy loading, analysis in worker
processes).

The backends (:mod:`sentikit.lang.tr.zeyrek_backend`, :mod:`sentikit.lang.tr.zemberek_backend`)
subclass :class:`BaseAnalyzer`; :mod:`sentikit.lang.tr.morphology` describes the representation.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, runtime_checkable

from sentikit.errors import InputError
from sentikit.lang.tr.disambiguate import heuristic_disambiguate
from sentikit.lang.tr.morph_analysis import (
    SCHEMA_VERSION,
    Analysis,
    canonical_readings,
    number_analysis,
    word_key,
)
from sentikit.lang.tr.morph_cache import MorphCache, resolve_cache_path
from sentikit.lang.tr.normalize import ASCII_FOLD

__all__ = ["PARALLEL_CHUNK", "BaseAnalyzer", "MorphAnalyzer", "analyze_keys_parallel"]


@runtime_checkable
class MorphAnalyzer(Protocol):
    """What sentikit needs from a Turkish morphological analyzer."""

    name: str

    @property
    def version(self) -> str:
        """Backend version (part of the cache key)."""
        ...

    def analyze(self, word: str) -> list[Analysis]:
        """All readings of one word (``[]`` when it has none)."""
        ...

    def analyze_many(self, words: Iterable[str], n_jobs: int = 1) -> dict[str, list[Analysis]]:
        """Readings of many words, each distinct word analyzed once; keyed by the input word
        (``n_jobs``: processes analysing the uncached words; an analyzer may ignore it)."""
        ...

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """The best reading of each word of one sentence, in context (``None``: no reading)."""
        ...


class BaseAnalyzer:
    """Caching, batching and lazy loading shared by the backends.

    Subclasses implement ``_load()`` (returns nothing, sets up the backend) and
    ``_analyze_uncached(key) -> list[Analysis]``; optionally ``_analyze_ascii_uncached`` and
    ``disambiguate``.

    Parameters
    ----------
    cache_path : str or PathLike, optional
        SQLite file (or folder) of the on-disk cache; default ``$SENTIKIT_CACHE_DIR``, else none.
    memory_cache_size : int
        Maximum number of word types kept in memory (the oldest half is dropped when full).
    """

    name = "base"

    def __init__(
        self,
        cache_path: str | os.PathLike[str] | None = None,
        memory_cache_size: int = 300_000,
    ):
        self._mem: dict[str, list[Analysis]] = {}
        self._ascii_mem: dict[str, list[Analysis]] = {}
        self.memory_cache_size = int(memory_cache_size)
        path = resolve_cache_path(cache_path)
        self.cache_path = path
        self._disk = MorphCache(path) if path is not None else None
        self._loaded = False
        self._load_lock = threading.Lock()
        self.load_seconds: float | None = None
        self.stats = {"analyzed": 0, "disk_hits": 0, "memory_hits": 0}

    # -- identity -------------------------------------------------------------------------------
    @property
    def version(self) -> str:
        """``<package version>/s<SCHEMA_VERSION>``."""
        return f"{self._package_version()}/s{SCHEMA_VERSION}"

    def _package_version(self) -> str:
        return "0"

    @property
    def cache_key(self) -> str:
        """The backend part of the on-disk cache key."""
        return f"{self.name}@{self.version}"

    # -- loading --------------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        """Whether the backend has been loaded."""
        return self._loaded

    def load(self) -> BaseAnalyzer:
        """Load the backend now (otherwise it loads on the first word not in a cache)."""
        if not self._loaded:
            with self._load_lock:
                if not self._loaded:
                    t0 = time.perf_counter()
                    self._load()
                    self.load_seconds = time.perf_counter() - t0
                    self._loaded = True
        return self

    def _load(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _analyze_uncached(self, key: str) -> list[Analysis]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _analyze_ascii_uncached(self, key: str) -> list[Analysis]:
        raise NotImplementedError

    # -- analysis -------------------------------------------------------------------------------
    def _remember(self, mem: dict[str, list[Analysis]], key: str, value: list[Analysis]) -> None:
        if len(mem) >= self.memory_cache_size:
            for k in list(mem)[: len(mem) // 2]:
                del mem[k]
        mem[key] = value

    def _compute(self, key: str) -> list[Analysis]:
        if not key or not any(c.isalpha() for c in key):
            return number_analysis(key)
        self.load()
        self.stats["analyzed"] += 1
        return canonical_readings(self._analyze_uncached(key))

    def analyze(self, word: str) -> list[Analysis]:
        """All readings of ``word`` (case-insensitive; ``[]`` when there is none).

        Parameters
        ----------
        word : str
            One word (an apostrophe suffix may be attached: ``Ankara'da``).

        Returns
        -------
        list of Analysis
            The readings in a canonical, backend-independent order (fewer derivations and
            morphemes first); cached, so do not mutate them.
        """
        if not isinstance(word, str):
            raise InputError(f"analyze() expects a str, got {type(word).__name__}")
        key = word_key(word)
        hit = self._mem.get(key)
        if hit is not None:
            self.stats["memory_hits"] += 1
            return hit
        return self.analyze_many([word])[word]

    def analyze_many(self, words: Iterable[str], n_jobs: int = 1) -> dict[str, list[Analysis]]:
        """Readings of many words; each distinct word type is analyzed at most once.

        Looks up the memory cache, then the disk cache, then runs the backend on the rest and
        writes them to both caches in one transaction.

        Parameters
        ----------
        words : iterable of str
        n_jobs : int
            Processes analysing the words found in neither cache (``1``: this process; ``-1``:
            one per CPU). With more than one, the backend is loaded here and the word types
            are analysed in ``n_jobs`` forked worker processes in chunks of at most
            :data:`PARALLEL_CHUNK` (see :func:`analyze_keys_parallel`); the results are
            identical, in the same order, and only this process writes the disk cache. Where
            the ``fork`` start method is unavailable the words are analysed here.

        Returns
        -------
        dict
            Maps each distinct input word (as given) to its readings.
        """
        result: dict[str, list[Analysis]] = {}
        missing: dict[str, list[str]] = {}  # key -> input words
        for w in words:
            if w in result:
                continue
            if not isinstance(w, str):
                raise InputError(f"analyze_many() expects str items, got {type(w).__name__}")
            key = word_key(w)
            hit = self._mem.get(key)
            if hit is not None:
                self.stats["memory_hits"] += 1
                result[w] = hit
            else:
                missing.setdefault(key, []).append(w)
                result[w] = []
        if not missing:
            return result
        found: dict[str, list[Analysis]] = {}
        if self._disk is not None:
            found = self._disk.get_many(self.cache_key, list(missing))
            self.stats["disk_hits"] += len(found)
        todo = [key for key in missing if key not in found]
        if int(n_jobs) == 1 or len(todo) < 2:
            new = {key: self._compute(key) for key in todo}
        else:
            new = dict(zip(todo, analyze_keys_parallel(self, todo, n_jobs), strict=True))
        found.update(new)
        if self._disk is not None and new:
            self._disk.put_many(self.cache_key, new)
        for key, ws in missing.items():
            self._remember(self._mem, key, found[key])
            for w in ws:
                result[w] = found[key]
        return result

    @property
    def supports_ascii(self) -> bool:
        """Whether :meth:`analyze_ascii` is available (diacritic-insensitive analysis)."""
        return type(self)._analyze_ascii_uncached is not BaseAnalyzer._analyze_ascii_uncached

    def analyze_ascii(self, word: str) -> list[Analysis]:
        """Readings of ``word`` with ``c ç``, ``g ğ``, ``i ı``, ``o ö``, ``s ş``, ``u ü`` equated.

        Each reading's :attr:`Analysis.surface` is a correctly spelled word whose ASCII folding
        equals that of ``word`` (``"begenmedim"`` → ``beğen:Verb+me:Neg+di:Past+m:A1sg``).
        Raises ``NotImplementedError`` when the backend cannot do this (see
        :attr:`supports_ascii`).
        """
        key = word_key(word).translate(ASCII_FOLD)
        hit = self._ascii_mem.get(key)
        if hit is not None:
            return hit
        disk_key = self.cache_key + "/ascii"
        if self._disk is not None:
            got = self._disk.get_many(disk_key, [key])
            if key in got:
                self._remember(self._ascii_mem, key, got[key])
                return got[key]
        if not any(c.isalpha() for c in key):
            res: list[Analysis] = []
        else:
            self.load()
            res = canonical_readings(self._analyze_ascii_uncached(key))
        if self._disk is not None:
            self._disk.put_many(disk_key, {key: res})
        self._remember(self._ascii_mem, key, res)
        return res

    def disambiguate(self, words: list[str]) -> list[Analysis | None]:
        """Best reading per word of one sentence (heuristic; see :func:`heuristic_disambiguate`).

        Parameters
        ----------
        words : list of str
            The words of one sentence in order, as written.

        Returns
        -------
        list
            One :class:`Analysis` (or ``None`` when the word has no reading) per word.
        """
        got = self.analyze_many(words)
        return heuristic_disambiguate(words, [got[w] for w in words])

    def clear_memory(self) -> None:
        """Drop the in-memory caches (the disk cache stays)."""
        self._mem.clear()
        self._ascii_mem.clear()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(version={self.version!r}, cache_path={self.cache_path!r})"


# --- analysis in worker processes ------------------------------------------------------------

#: Most word types per task of :func:`analyze_keys_parallel`.
PARALLEL_CHUNK = 1000

# the analyzer the forked workers use (set in the parent just before forking, inherited)
_WORKER_ANALYZER: list[BaseAnalyzer | None] = [None]


def _analyze_chunk(keys: list[str]) -> list[list[dict[str, Any]]]:
    """Readings of ``keys`` as plain dicts (the unit of work of the analysing processes)."""
    analyzer = _WORKER_ANALYZER[0]
    if analyzer is None:  # pragma: no cover - only reachable without fork inheritance
        raise RuntimeError("no analyzer in this worker process")
    return [[a.to_dict() for a in analyzer._compute(k)] for k in keys]


def analyze_keys_parallel(
    analyzer: BaseAnalyzer, keys: Sequence[str], n_jobs: int
) -> list[list[Analysis]]:
    """The readings of each key (a :func:`word_key`), computed in ``n_jobs`` forked processes.

    The backend is loaded in this process before forking, so the workers inherit it (and
    the zeyrek fix :func:`~sentikit.lang.tr.zeyrek_backend._unshare_phonetic_attributes`, a
    module patch applied by the load)
    instead of loading it again. The keys are split into ordered chunks of at most
    :data:`PARALLEL_CHUNK`; each worker returns its readings as plain dicts
    (:meth:`Analysis.to_dict`), rebuilt here in the order of ``keys``. Neither cache is
    touched (the caller stores the results), so the SQLite file is written by one process only.
    The result equals ``[analyzer._compute(k) for k in keys]``, which is also what runs when
    ``n_jobs`` is 1, there are fewer than two keys or the ``fork`` start method is unavailable.

    Parameters
    ----------
    analyzer : BaseAnalyzer
        The analyzer whose backend runs in the workers.
    keys : sequence of str
        Normalized words (:func:`word_key`), e.g. the ones missing from the caches.
    n_jobs : int
        Worker processes (``-1``: one per CPU).
    """
    import gc
    import multiprocessing as mp

    keys = list(keys)
    n_jobs = (os.cpu_count() or 1) if int(n_jobs) < 0 else int(n_jobs)
    if n_jobs <= 1 or len(keys) < 2 or "fork" not in mp.get_all_start_methods():
        return [analyzer._compute(k) for k in keys]
    n_analyzed = sum(1 for k in keys if any(c.isalpha() for c in k))
    if n_analyzed:
        analyzer.load()
    size = max(1, min(PARALLEL_CHUNK, -(-len(keys) // (4 * n_jobs))))
    chunks = [keys[i : i + size] for i in range(0, len(keys), size)]
    out: list[list[Analysis]] = []
    _WORKER_ANALYZER[0] = analyzer
    # Objects that exist now are left out of the cyclic GC while the pool runs: in the workers
    # it then neither traverses the inherited backend over and over (the many small objects an
    # analysis creates trigger collections) nor copies its pages; here it keeps rebuilding the
    # results cheap. (Skipped if the caller froze objects itself, to leave that state alone.)
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    try:
        with mp.get_context("fork").Pool(min(n_jobs, len(chunks))) as pool:
            for part in pool.imap(_analyze_chunk, chunks, chunksize=1):
                out.extend([Analysis.from_dict(d) for d in readings] for readings in part)
    finally:
        if froze:
            gc.unfreeze()
        _WORKER_ANALYZER[0] = None
    analyzer.stats["analyzed"] += n_analyzed
    return out
