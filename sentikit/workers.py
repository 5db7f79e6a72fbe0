"""The analyzer of a worker process: loaded once per process, shared by every task it runs.

Parallel runs — the processes of ``sentikit analyze --jobs N``, the workers of a Dask cluster
(``--engine dask``, :func:`sentikit.dask.analyze`) — send each worker many partitions of the
input. A task names the analyzer it needs by an :class:`AnalyzerSpec` (small, picklable,
hashable); :func:`worker_analyzer` loads it on the first task that names it and returns the
same :class:`~sentikit.pipeline.Analyzer` to every later task of that process.

The spec carries the ``model.json`` stamp (modification time and size) of a bundle folder,
read where the run is planned, so that a long-lived worker does not keep serving a bundle
retrained since (the same rule as :func:`sentikit.load`'s cache).

Examples
--------
>>> spec = AnalyzerSpec.of(lang="en")
>>> spec.lang, spec.model, spec.labels
('en', None, 'three')
>>> an = worker_analyzer(spec)  # doctest: +SKIP
>>> an is worker_analyzer(AnalyzerSpec.of(lang="en"))  # doctest: +SKIP
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sentikit.api import _lang_and_model, load
from sentikit.pipeline.analyzer import DEFAULT_BATCH_SIZE, model_folder

__all__ = ["CACHE_SIZE", "AnalyzerSpec", "worker_analyzer"]

#: The most analyzers one process keeps (a run needs one; a shared cluster may serve a few).
CACHE_SIZE = 4


@dataclass(frozen=True)
class AnalyzerSpec:
    """What names an analyzer: the arguments of :func:`sentikit.load`, plus the stamp of a
    bundle folder's ``model.json`` (``None`` for the shipped models).

    Build it with :meth:`of`, which resolves a bundle folder to an absolute path (the workers
    of a cluster must see the same path: a shared file system, or the same install).
    """

    lang: str | None = None
    model: str | None = None
    labels: str = "three"
    batch_size: int = DEFAULT_BATCH_SIZE
    stamp: tuple[int, int] | None = None
    aspects: bool = False

    @classmethod
    def of(
        cls,
        lang: str | Path | None = None,
        model: str | Path | None = None,
        labels: str = "three",
        batch_size: int = DEFAULT_BATCH_SIZE,
        aspects: bool = False,
    ) -> AnalyzerSpec:
        """The spec of ``sentikit.load(lang, model, batch_size, labels)`` (with ``aspects``,
        wrapped in :class:`~sentikit.pipeline.aspects.AspectAnalyzer`: results carry their
        aspects, as ``sentikit analyze --aspects`` gives them).

        Raises
        ------
        InputError
            For a ``lang`` that is neither a supported language nor a bundle folder.
        ResourceMissingError
            For a ``model`` that is neither a folder nor a shipped model's language or name.
        """
        lang_s, model = _lang_and_model(lang, model)
        if model is None:
            return cls(lang_s, None, labels, batch_size, None, aspects)
        folder = model_folder(model).resolve()
        try:
            st = (folder / "model.json").stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:  # no bundle there: loading it says so, in the worker
            stamp = None
        return cls(lang_s, str(folder), labels, batch_size, stamp, aspects)

    def load(self) -> Any:
        """A new :class:`Analyzer` of this spec (:func:`sentikit.load`'s), or its
        ``AspectAnalyzer`` with ``aspects``."""
        an = load(self.lang, model=self.model, batch_size=self.batch_size, labels=self.labels)
        if not self.aspects:
            return an
        from sentikit.pipeline.aspects import AspectAnalyzer

        return AspectAnalyzer(an)


@lru_cache(maxsize=CACHE_SIZE)
def worker_analyzer(spec: AnalyzerSpec) -> Any:
    """The analyzer of ``spec`` in this process: loaded by the first call, reused after.

    Raises
    ------
    InputError, ResourceMissingError, BundleError
        As :func:`sentikit.load` does (an unknown language, a missing or damaged bundle).
    """
    return spec.load()
