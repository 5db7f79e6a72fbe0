"""Dask: analyze a Dask DataFrame on a cluster, and open the cluster ``--engine dask`` runs on.

:func:`analyze` runs :func:`sentikit.frame.analyze_frames` over every partition of a Dask
DataFrame (``map_partitions``, with the output's ``meta`` given explicitly): the result is a
lazy Dask DataFrame with the columns and dtypes of :func:`sentikit.analyze_frame`
(:data:`sentikit.frame.ROW_COLUMNS`), one row per input row, the same index and divisions.
Each worker process loads the model once, on its first partition, and reuses it for every
later one (:func:`sentikit.workers.worker_analyzer`): a worker's memory holds one model
(per language analyzed) whatever the number of partitions.

:func:`client` opens a :class:`distributed.Client`: on a running scheduler (``tcp://host:8786``,
started with ``dask scheduler`` and ``dask worker``), or on a :class:`distributed.LocalCluster`
of worker processes with one thread each (the analysis holds the GIL: threads of one process
do not add throughput). ``sentikit analyze --engine dask`` runs on it
(:mod:`sentikit.cli.engine`).

Dask is optional: ``pip install "sentikit[dask]"``; without it these functions raise
:class:`~sentikit.errors.ResourceMissingError` naming the extra. ``import sentikit`` does not
import this module, and this module imports Dask only when called. The workers of a cluster
need sentikit (the same version) installed, and a ``model=`` bundle folder at the same path.
The LocalCluster's workers are started with ``spawn``: in a script, open :func:`client` under
``if __name__ == "__main__":`` (the workers import the main module).

Examples
--------
>>> import dask.dataframe as dd  # doctest: +SKIP
>>> import pandas as pd  # doctest: +SKIP
>>> import sentikit.dask  # doctest: +SKIP
>>> pdf = pd.DataFrame({"review": ["great film", "awful plot", "fena değil"]})  # doctest: +SKIP
>>> ddf = dd.from_pandas(pdf, npartitions=2)  # doctest: +SKIP
>>> with sentikit.dask.client(n_workers=2):  # a LocalCluster  # doctest: +SKIP
...     out = sentikit.dask.analyze(ddf, text="review").compute()
>>> out["label"].tolist()  # doctest: +SKIP
['positive', 'negative', 'positive']
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from sentikit.errors import InputError, ResourceMissingError
from sentikit.frame import ROW_COLUMNS, analyze_frames
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE
from sentikit.workers import AnalyzerSpec, worker_analyzer

__all__ = ["INSTALL_HINT", "analyze", "client", "require_dask", "row_meta"]

#: How to install what this module needs.
INSTALL_HINT = 'pip install "sentikit[dask]"'

log = logging.getLogger("sentikit.dask")

#: Dask settings of the LocalCluster :func:`client` starts (its workers get them through their
#: nannies). Dask's defaults serve its dashboard: a statistical profiler sampling every
#: worker's stacks 100 times a second, and event-loop ticks every 20 ms. Idle, a one-worker
#: cluster on the (busy) development machine spent 27 ms of CPU per second in the worker and
#: 32 ms in the client and scheduler with the defaults, 7 and 10 ms with these
#: (``python benchmarks/dask_scaling.py --idle``, 2026-12-07).
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    # Dask sets MALLOC_TRIM_THRESHOLD_ (64 KiB) in its workers. Setting it at all (any value)
    # turns off glibc's dynamic mmap threshold: every array over 128 KiB is then a fresh mmap
    # and munmap, its pages faulted in and zeroed again. The analysis allocates and frees many
    # such arrays a batch: 64 KiB cost a worker 10-13 % of its throughput (60,000 lines, 1
    # worker: 23.1-25.7 s against 20.8-22.4 s at 128 MiB), and 128 MiB still made 10-12 times
    # the page faults of one process (20,000 lines: 253,189 against 23,589, and 16 % more
    # CPU in the task). None unsets it: glibc's defaults, as in the one-process run and in
    # --jobs; the thread caps stay Dask's
    "distributed.nanny.pre-spawn-environ": {
        "MALLOC_TRIM_THRESHOLD_": None,
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def require_dask(module: str = "distributed") -> ModuleType:
    """``module`` (``"distributed"``, ``"dask.dataframe"``) imported, or
    :class:`ResourceMissingError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ResourceMissingError(
            f"{module} cannot be imported ({exc}): {INSTALL_HINT} for --engine dask and "
            "sentikit.dask"
        ) from None


def row_meta(index: pd.Index | None = None) -> pd.DataFrame:
    """An empty frame with :func:`sentikit.analyze_frame`'s columns and dtypes (the ``meta``
    of :func:`analyze`), on an empty copy of ``index`` (default: a ``RangeIndex``)."""
    idx = pd.RangeIndex(0) if index is None else index[:0]
    text = pd.Series(["a"]).dtype  # pandas' default string dtype (str in pandas 3, else object)
    dtypes: dict[str, Any] = {c: "float64" for c in ROW_COLUMNS}
    dtypes.update({c: text for c in ("label", "lang", "error", "warning")})
    dtypes["mixed"] = "boolean"
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c], index=idx) for c in ROW_COLUMNS})


def _partition(
    pdf: pd.DataFrame, spec: AnalyzerSpec, text: str, id: str | None, explain: bool
) -> pd.DataFrame:
    """The :func:`~sentikit.frame.analyze_frame` rows of one partition, with this process's
    analyzer of ``spec``."""
    an = worker_analyzer(spec)
    return analyze_frames(pdf, text, id, explain, details=(), analyzer=an).rows


def analyze(
    ddf: Any,
    text: str = "review",
    id: str | None = None,
    explain: bool = False,
    lang: str | Path | None = None,
    model: str | Path | None = None,
    labels: str = "three",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """Analyze column ``text`` of the Dask DataFrame ``ddf``, partition by partition.

    Lazy: nothing runs until ``.compute()``, ``.to_parquet(...)`` and the like, on the
    current Dask scheduler (a :class:`distributed.Client` when one is open, see
    :func:`client`). Every partition gives the frame :func:`sentikit.analyze_frame` gives
    for it, so the computed result equals ``analyze_frame(ddf.compute(), ...)``.

    Parameters
    ----------
    ddf : a :class:`dask.dataframe.DataFrame`; it is not modified.
    text : the column of texts.
    id : a column whose values name the rows in ``error`` messages (default: the index).
    explain, lang, model, labels, batch_size : as for :func:`sentikit.analyze_frame`
        (``explain`` costs time and adds no column here).

    Returns
    -------
    dask.dataframe.DataFrame
        Columns :data:`sentikit.frame.ROW_COLUMNS` (dtypes as :func:`row_meta`), the index
        and divisions of ``ddf``.

    Raises
    ------
    ResourceMissingError
        Without Dask (the message names the ``dask`` extra), or for an unknown ``model``.
    InputError
        For a ``ddf`` that is not a Dask DataFrame, a missing column, an unknown language.

    Examples
    --------
    >>> out = sentikit.dask.analyze(ddf, text="review", lang="en")  # doctest: +SKIP
    >>> out.label.value_counts().compute()  # doctest: +SKIP
    """
    dd = require_dask("dask.dataframe")
    if not isinstance(ddf, dd.DataFrame):
        raise InputError(
            f"expected a dask DataFrame, not {type(ddf).__name__} (for a pandas DataFrame use "
            "sentikit.analyze_frame)"
        )
    for name, what in ((text, "text"), (id, "id")):
        if name is not None and name not in ddf.columns:
            known = ", ".join(map(repr, map(str, ddf.columns))) or "none"
            raise InputError(f"no {what} column {name!r} in the DataFrame (its columns: {known})")
    spec = AnalyzerSpec.of(lang, model, labels, batch_size)
    return ddf.map_partitions(
        _partition, spec, text, id, explain, meta=row_meta(ddf._meta.index), enforce_metadata=True
    )


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def client(
    scheduler: str | None = None, n_workers: int | None = None, timeout: float | None = None
) -> Iterator[Any]:
    """A :class:`distributed.Client` for the block, closed after it (and its LocalCluster).

    Parameters
    ----------
    scheduler : the address of a running Dask scheduler (``tcp://host:8786``); ``None``:
        start a :class:`distributed.LocalCluster` of worker processes on this machine.
    n_workers : the LocalCluster's worker processes (one thread each, with
        :data:`LOCAL_CLUSTER_CONFIG`); default: the cores this process may use. Not for a
        ``scheduler``: its cluster has its workers.
    timeout : seconds to wait for the scheduler (default: Dask's
        ``distributed.comm.timeouts.connect``, 30 s).

    Raises
    ------
    ResourceMissingError
        Without Dask.
    InputError
        When the scheduler cannot be reached in ``timeout`` or its address is malformed, for
        ``n_workers`` with a ``scheduler``, and for ``n_workers`` < 1.
    """
    distributed = require_dask("distributed")
    if scheduler is None:
        n = _cores() if n_workers is None else n_workers
        if n < 1:
            raise InputError(f"a LocalCluster needs at least 1 worker, not {n}")
        log.info("starting a Dask LocalCluster of %d worker process(es)", n)
        dask = require_dask("dask")
        with (
            dask.config.set(LOCAL_CLUSTER_CONFIG),
            distributed.LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",  # a free local port: never "in use"
                silence_logs=logging.CRITICAL,  # task errors come back with their futures
            ) as cluster,
            distributed.Client(cluster) as c,
        ):
            yield c
        return
    if n_workers is not None:
        raise InputError("the number of workers is the scheduler's cluster's; drop it (--jobs)")
    try:
        kwargs = {} if timeout is None else {"timeout": timeout}
        c = distributed.Client(scheduler, **kwargs)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); is a scheduler "
            "running there ('dask scheduler'), with workers ('dask worker ADDRESS')?"
        ) from None
    with c:
        yield c
