"""The parallel engines of ``sentikit analyze``: ``--jobs N`` and ``--engine dask``.

The client (this process) cuts the input into partitions of at most ``part_size`` records
and hands each partition to a worker, which analyzes it with the same chunk function as the
one-process run (``sentikit.cli.analyze._analyze_chunk``, passed in) and its process's
analyzer (:func:`sentikit.workers.worker_analyzer`: the model is loaded once per worker
process, on its first partition). The results come back partition by partition **in input
order** and are written as they come, so the output equals the one-process run's, record for
record (error records included).

A ``.txt`` or ``.jsonl`` input (a file, compressed or not, or stdin) is not parsed here: its
bytes are cut at line ends into :class:`~sentikit.io.line_parts.LinePart` objects (about
1 MB at most each), and each worker reads the records of its part with the one-process
reader, numbered from the part's first line and record (ids, error records, the line and
byte offset of invalid UTF-8: all as in one process). That leaves the client little more than
copying bytes in and text out, which matters where it shares the cores with the workers, and
a remote worker needs no access to the client's files. Other inputs (CSV/TSV, whose records
may span lines; a JSON array; TEXT arguments) are read here as the one-process run reads them
(:func:`sentikit.pipeline.batching.batches`, also at most 1M characters a partition) and
shipped as records.

For JSONL output the workers also write the lines (with the same :class:`JsonlWriter`) and
send text back, which is cheaper to move than nested result dicts and leaves the client only
the reading and the copying; other formats get the result dicts and the client's writer.

Memory stays bounded: at most ``window`` partitions (twice the workers) are in flight; the
client waits for the oldest before it submits the next, and holds only those partitions'
records and results.

* ``--jobs N`` (``--engine local``): a :class:`concurrent.futures.ProcessPoolExecutor` of
  ``N`` processes (started with ``spawn``).
* ``--engine dask``: :func:`sentikit.dask.client` — a running scheduler (``--scheduler``), or
  a :class:`distributed.LocalCluster` of ``--jobs`` (default: the cores) worker processes
  with one thread each. The input is read where the command runs and its lines (or records)
  sent to the workers.
"""

from __future__ import annotations

import io
import logging
import math
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import chain, islice
from typing import Any, NamedTuple, NoReturn, Protocol, TypeAlias, TypeVar

from sentikit.errors import BundleError, InputError, ResourceMissingError, SentikitError
from sentikit.io.line_parts import LineFormat, LineInput, LinePart, part_records
from sentikit.io.records import JsonlWriter, Record
from sentikit.pipeline.batching import batches
from sentikit.workers import AnalyzerSpec, worker_analyzer

__all__ = [
    "Engine",
    "EnginePlan",
    "PartError",
    "PartTask",
    "Rendered",
    "Results",
    "RunStats",
    "analyze_part",
    "ordered_results",
    "plan_engine",
    "run_parallel",
]

log = logging.getLogger("sentikit.cli")

#: Partitions in flight per worker: one running, one waiting (the worker never idles while
#: the client writes the previous one's results).
WINDOW_PER_WORKER = 2

#: Seconds to wait for a first worker on a scheduler that has none.
NO_WORKERS_WAIT = 30

#: ``chunk(analyzer, records, explain, batch_size)`` → one result per record, in order.
ChunkFn = Callable[[Any, Sequence[Record], bool, int], list[dict[str, Any]]]

#: A partition: its records, or the lines of a line input that hold them (read by the worker).
Part: TypeAlias = Sequence[Record] | LinePart
P = TypeVar("P")


class Engine(StrEnum):
    """``--engine`` values."""

    local = "local"
    dask = "dask"


class _Future(Protocol):
    def result(self) -> Any: ...

    def cancel(self) -> Any: ...


@dataclass(frozen=True)
class PartTask:
    """What a worker needs besides the partition: the analyzer's spec, ``explain``, the chunk
    function (pickled by reference: a module-level function), whether to send the results
    back as JSON Lines (``jsonl``: the output is JSONL, and text is cheaper to send than
    nested dicts; the client then only writes it) and, for partitions of lines, how to read
    their records (``lines``)."""

    spec: AnalyzerSpec
    explain: bool
    chunk: ChunkFn
    jsonl: bool = False
    lines: LineFormat | None = None


class Rendered(NamedTuple):
    """The results of a partition as the JSONL writer writes them, and their counts."""

    text: str
    records: int
    errors: int


class Results(NamedTuple):
    """The result dicts of a partition, and its texts when the client has not read them (a
    :class:`LinePart`; else ``None``): the other writers write them."""

    results: list[dict[str, Any]]
    texts: list[str | None] | None


class PartError(Exception):
    """A :class:`SentikitError` raised in a worker, carried back as ``(kind, message)`` (every
    exception class of sentikit can be rebuilt from those; some cannot be pickled whole)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def reraise(self) -> NoReturn:
        """Raise the error as the client's: the same class family, the same message."""
        kinds: dict[str, type[SentikitError]] = {
            "input": InputError,
            "missing": ResourceMissingError,
            "bundle": BundleError,
        }
        raise kinds.get(self.kind, SentikitError)(self.message) from None


def _kind(exc: SentikitError) -> str:
    for kind, cls in (
        ("input", InputError),
        ("missing", ResourceMissingError),
        ("bundle", BundleError),
    ):
        if isinstance(exc, cls):
            return kind
    return "other"


def analyze_part(task: PartTask, part: Part) -> Results | Rendered:
    """One result per record of ``part``, in order: what a worker runs for one partition
    (with ``task.jsonl``, those results written by :class:`JsonlWriter`). A :class:`LinePart`
    is read here (``task.lines``), as reading the whole input gives its records."""
    try:
        if isinstance(part, LinePart):
            if task.lines is None:
                raise SentikitError("a partition of lines, and no line format to read it")
            records: Sequence[Record] = list(part_records(part, task.lines))
        else:
            records = part
        analyzer = worker_analyzer(task.spec)
        results = task.chunk(analyzer, records, task.explain, task.spec.batch_size)
    except SentikitError as exc:
        raise PartError(_kind(exc), str(exc)) from None
    if not task.jsonl:
        texts = [r.text for r in records] if isinstance(part, LinePart) else None
        return Results(results, texts)
    buf = io.StringIO()
    writer = JsonlWriter(buf)
    for res in results:
        writer.write(res)
    return Rendered(buf.getvalue(), len(results), sum(bool(r.get("error")) for r in results))


def ordered_results(
    submit: Callable[[P], _Future], parts: Iterable[P], window: int
) -> Iterator[tuple[P, Any]]:
    """``(part, results)`` of every partition, in the order of ``parts``, with at most
    ``window`` partitions submitted and not yet yielded; a failure cancels those in flight."""
    pending: deque[tuple[P, _Future]] = deque()
    try:
        for part in parts:
            pending.append((part, submit(part)))
            if len(pending) >= window:
                done, fut = pending.popleft()
                yield done, fut.result()
        while pending:
            done, fut = pending.popleft()
            yield done, fut.result()
    except PartError as exc:
        exc.reraise()
    finally:
        for _, fut in pending:
            fut.cancel()


@dataclass(frozen=True)
class EnginePlan:
    """How ``sentikit analyze`` runs in parallel (:func:`plan_engine`)."""

    engine: Engine
    jobs: int | None
    scheduler: str | None
    partitions: int | None

    def part_size(self, total: int | None, batch_size: int) -> int:
        """Records per partition: ``total / partitions`` when both are known, else
        ``batch_size`` (one analyzer batch)."""
        if self.partitions is None:
            return batch_size
        if total is None:
            raise InputError(
                "--partitions needs the number of records ahead (a .txt or .jsonl --input); "
                "without it each partition holds --batch-size records"
            )
        return max(1, math.ceil(total / self.partitions))


def plan_engine(
    engine: Engine, jobs: int | None, scheduler: str | None, partitions: int | None
) -> EnginePlan | None:
    """The parallel plan of these options, or ``None`` for the one-process run.

    Raises
    ------
    InputError
        For options that do not go together: ``--scheduler`` without ``--engine dask``,
        ``--jobs`` with ``--scheduler``, ``--partitions`` without a parallel run, or a count
        under 1.
    """
    for name, value in (("--jobs", jobs), ("--partitions", partitions)):
        if value is not None and value < 1:
            raise InputError(f"{name} must be at least 1, not {value}")
    if engine is Engine.local:
        if scheduler is not None:
            raise InputError("--scheduler applies to --engine dask only")
        if jobs is None or jobs == 1:
            if partitions is not None:
                raise InputError("--partitions applies to --engine dask or --jobs N (N > 1)")
            return None
    elif scheduler is not None and jobs is not None:
        raise InputError(
            "--jobs sets the workers of the LocalCluster --engine dask starts; a --scheduler's "
            "cluster has its own workers"
        )
    return EnginePlan(engine, jobs, scheduler, partitions)


@contextmanager
def _process_pool(task: PartTask, jobs: int) -> Iterator[tuple[Callable[..., _Future], int]]:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        try:
            yield (lambda part: pool.submit(analyze_part, task, part)), jobs
        except BrokenProcessPool as exc:
            raise SentikitError(f"a --jobs worker process died ({exc})") from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _dask_pool(task: PartTask, plan: EnginePlan) -> Iterator[tuple[Callable[..., _Future], int]]:
    import sentikit.dask

    distributed = sentikit.dask.require_dask("distributed")
    with sentikit.dask.client(plan.scheduler, plan.jobs) as c:
        if not c.nthreads():
            try:
                c.wait_for_workers(1, timeout=NO_WORKERS_WAIT)
            except TimeoutError:
                raise InputError(
                    f"the Dask scheduler at {plan.scheduler} has no workers (waited "
                    f"{NO_WORKERS_WAIT} s); start some with 'dask worker {plan.scheduler}'"
                ) from None
        threads = sum(c.nthreads().values()) or 1
        log.info("Dask cluster at %s: %d worker thread(s)", c.scheduler.address, threads)
        try:
            yield (lambda part: c.submit(analyze_part, task, part, pure=False)), threads
        except distributed.KilledWorker as exc:
            raise SentikitError(f"a Dask worker died on a partition ({exc})") from None


@dataclass
class RunStats:
    """Counts of one parallel run (as ``AnalysisStats`` of the one-process run)."""

    records: int = 0
    errors: int = 0
    seconds: float = 0.0


def _chars(rec: Record) -> int:
    return len(rec.text) if isinstance(rec.text, str) else 0


def _write(writer: Any, part: Part, results: Results | Rendered, stats: RunStats) -> None:
    """Write a partition's results (:class:`Results`, or :class:`Rendered` lines of a JSONL
    writer)."""
    n = results.records if isinstance(results, Rendered) else len(results.results)
    if n != len(part):
        raise SentikitError(f"a worker returned {n} results for {len(part)} records")
    if isinstance(results, Rendered):
        writer.stream.write(results.text)
        writer.count += n
        stats.errors += results.errors
    else:
        texts = results.texts
        if texts is None:
            assert not isinstance(part, LinePart)
            texts = [rec.text for rec in part]
        for res, text in zip(results.results, texts, strict=True):
            writer.write(res, text)
            stats.errors += bool(res.get("error"))
    stats.records += n


def run_parallel(
    plan: EnginePlan,
    records: Iterable[Record] | LineInput,
    writer: Any,
    task: PartTask,
    total: int | None = None,
    progress: Any = None,
) -> RunStats:
    """Analyze ``records`` by partitions on ``plan``'s workers and write one result per
    record, in input order (``writer.write(result, text)``, ``flush()`` per partition).

    Parameters
    ----------
    plan : from :func:`plan_engine`.
    records : read lazily, a window of partitions ahead at most. A :class:`LineInput` (a
        ``.txt`` or ``.jsonl`` input): its lines are cut into partitions unread, and each
        worker reads the records of its partitions.
    writer : a :class:`sentikit.io.records.RecordWriter`.
    task : the analyzer spec, ``explain`` and chunk function the workers run.
    total : the number of records (of lines, for a line input) when known (``--partitions``
        needs it).
    progress : updated after every partition (``update(n)``).

    Raises
    ------
    SentikitError
        As the one-process run (a missing model, unreadable input), when a worker dies, and
        for an unreachable scheduler or a missing Dask (:mod:`sentikit.dask`).
    """
    if type(writer) is JsonlWriter:  # the workers write the lines, the client copies them
        task = replace(task, jsonl=True)
    size = plan.part_size(total, task.spec.batch_size)
    parts: Iterator[Part]
    if isinstance(records, LineInput):
        task = replace(task, lines=records.how)
        parts = records.parts(size)
    else:
        parts = batches(iter(records), size, _chars, first=size)
    stats = RunStats()
    t0 = time.perf_counter()
    head: list[Part] = list(islice(parts, 1))
    if not head:  # no record: no worker to start
        return stats
    pool = (
        _dask_pool(task, plan)
        if plan.engine is Engine.dask
        else _process_pool(task, plan.jobs or 1)
    )
    window = WINDOW_PER_WORKER
    with pool as (submit, workers):
        for part, results in ordered_results(submit, chain(head, parts), window * workers):
            _write(writer, part, results, stats)
            writer.flush()
            if progress is not None:
                progress.update(len(part))
    stats.seconds = time.perf_counter() - t0
    return stats
