"""``sentikit analyze``: texts, stdin or a file in, one result per record out, streamed.

The core is :func:`run_analysis`, which is independent of typer: it pulls records in growing
chunks (:func:`sentikit.pipeline.batching.batches`), hands the analyzable ones to
:meth:`Analyzer.iter_analyze`, merges the results back with the error records in input order
and writes each chunk before reading the next.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import Annotated, Any, Protocol

import typer

from sentikit.cli._util import Progress, open_output, records_bar, refuse_overwrite
from sentikit.cli.engine import (
    Engine,
    EnginePlan,
    PartTask,
    RunStats,
    plan_engine,
    run_parallel,
)
from sentikit.errors import BundleError, InputError, ResourceMissingError, SentikitError
from sentikit.io._files import is_regular_file
from sentikit.io.line_parts import LINE_FORMATS, LineInput
from sentikit.io.records import (
    Record,
    RecordReader,
    count_lines,
    input_format,
    make_writer,
    output_format_for,
    read_records,
)
from sentikit.pipeline.batching import DEFAULT_BATCH_SIZE, FIRST_BATCH, batches
from sentikit.pipeline.failures import ErrorRecord, isolate
from sentikit.workers import AnalyzerSpec

log = logging.getLogger("sentikit.cli")


class AnalyzerLike(Protocol):
    """What :func:`run_analysis` needs of an analyzer (:class:`sentikit.pipeline.Analyzer`)."""

    def iter_analyze(
        self,
        texts: Iterable[Any],
        ids: Iterable[Any] | None = None,
        explain: bool = False,
        batch_size: int | None = None,
        grow: bool = True,
    ) -> Iterator[dict[str, Any]]: ...


class Lang(StrEnum):
    """``--lang`` values."""

    auto = "auto"
    tr = "tr"
    en = "en"


class Labels(StrEnum):
    """``--labels`` values."""

    three = "three"
    binary = "binary"


class OutFormat(StrEnum):
    """``--format`` values."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    html = "html"


class InFormat(StrEnum):
    """``--input-format`` values."""

    txt = "txt"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"
    json = "json"


@dataclass
class AnalysisStats:
    """Counts of one :func:`run_analysis` run."""

    records: int = 0
    errors: int = 0
    seconds: float = 0.0


def _error_result(rec: Record, why: str) -> ErrorRecord:
    """``{"id", "error": "record N: why"}``: the error record of ``rec``, by record number."""
    return ErrorRecord(rec.id, why, rec.number)


def _fatal(exc: BaseException) -> bool:
    """Errors that concern the whole run (a missing or broken model), not one record."""
    return isinstance(exc, ResourceMissingError | BundleError)


def _batch_failed(exc: Exception) -> None:
    log.debug("batch failed (%s); analyzing its records one by one", exc)


def _analyze_chunk(
    analyzer: AnalyzerLike, chunk: Sequence[Record], explain: bool, batch_size: int
) -> list[dict[str, Any]]:
    """One result per record of ``chunk``, in order; failures become error records
    (:func:`sentikit.pipeline.failures.isolate`), named by record number."""
    good = [i for i, r in enumerate(chunk) if r.ok]
    results: dict[int, dict[str, Any]] = {}  # position in chunk → result

    def run(positions: Sequence[int]) -> list[dict[str, Any]]:
        recs = [chunk[i] for i in positions]
        out = list(
            analyzer.iter_analyze(
                [r.text for r in recs],
                ids=[r.id for r in recs],
                explain=explain,
                batch_size=batch_size,
                grow=False,
            )
        )
        if len(out) != len(recs):
            raise SentikitError(f"the analyzer returned {len(out)} results for {len(recs)} texts")
        return out

    def failed(i: int, exc: Exception) -> dict[str, Any]:
        return _error_result(chunk[i], f"{type(exc).__name__}: {str(exc) or type(exc).__name__}")

    if good:
        done = isolate(run, good, failed, fatal=_fatal, on_retry=_batch_failed)
        results.update(zip(good, done, strict=True))
    out: list[dict[str, Any]] = []
    for i, r in enumerate(chunk):
        if i not in results:
            out.append(_error_result(r, r.error or "no text"))
            continue
        res = results[i]
        if res.get("error"):
            # the analyzer's error record names the id, the command line the record number
            why = res.reason if isinstance(res, ErrorRecord) else str(res["error"])
            res = {**res, **_error_result(r, why)}
        elif res.get("id") != r.id:
            res = {**res, "id": r.id}
        out.append(res)
    return out


def _record_chars(rec: Record) -> int:
    return len(rec.text) if isinstance(rec.text, str) else 0


def run_analysis(
    records: Iterable[Record],
    analyzer: AnalyzerLike,
    writer: Any,
    batch_size: int = DEFAULT_BATCH_SIZE,
    explain: bool = False,
    progress: Progress | None = None,
) -> AnalysisStats:
    """Analyze ``records`` chunk by chunk and write one result per record, in input order.

    Parameters
    ----------
    records : iterable of Record
        Consumed lazily, one chunk at a time (the first small, each next twice as large, up
        to ``batch_size`` records); at most one chunk of results is held.
    analyzer : object with ``iter_analyze``
        Typically :func:`sentikit.api.load`'s result.
    writer : RecordWriter
        Receives ``write(result, text)`` per record and ``flush()`` per chunk.
    batch_size : int
        The most records in one chunk (one analyzer batch).
    explain : bool
        Ask for token-level explanations.
    progress : Progress, optional
        Updated after every chunk.

    Returns
    -------
    AnalysisStats

    Raises
    ------
    ResourceMissingError, BundleError
        When the model is missing or broken (the run stops).
    InputError
        When the input turns out unreadable part-way (e.g. invalid UTF-8).
    """
    stats = AnalysisStats()
    t0 = time.perf_counter()
    it = iter(records)
    for chunk in batches(it, max(1, batch_size), _record_chars):
        for rec, res in zip(
            chunk, _analyze_chunk(analyzer, chunk, explain, batch_size), strict=True
        ):
            writer.write(res, rec.text)
            stats.records += 1
            stats.errors += bool(res.get("error"))
        writer.flush()
        if progress is not None:
            progress.update(len(chunk))
    stats.seconds = time.perf_counter() - t0
    return stats


def _arg_records(
    texts: Sequence[str], stdin_format: str | None, text_col: str, id_col: str | None
) -> Iterator[Record]:
    """Records of the TEXT arguments; ``-`` expands to the records of stdin. Numbered 1…n."""
    n = 0
    for arg in texts:
        if arg == "-":
            with read_records("-", stdin_format, text_col=text_col, id_col=id_col) as reader:
                for rec in reader:
                    n += 1
                    # default ids (the record number within stdin) are renumbered overall
                    rid = str(n) if rec.id == str(rec.number) else rec.id
                    yield Record(rid, rec.text, rec.error, n, rec.line, rec.label)
        else:
            n += 1
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError as exc:
                # undecodable argv bytes arrive as lone surrogates (PEP 383)
                raise InputError(
                    f"TEXT argument {n} is not valid UTF-8 (at character {exc.start})"
                ) from None
            yield Record(str(n), arg, None, n, 0)


def _line_input(
    parallel: EnginePlan | None,
    input_path: Path | None,
    texts: Sequence[str],
    in_fmt: str | None,
    text_col: str,
    id_col: str | None,
) -> LineInput | None:
    """The input of a parallel run as lines that its workers read (a ``.txt`` or ``.jsonl``
    file, or stdin as the only TEXT): the command sends them unparsed
    (:mod:`sentikit.io.line_parts`). ``None`` for the one-process run and other inputs."""
    if parallel is None:
        return None
    source = input_path if input_path is not None else "-" if list(texts) == ["-"] else None
    if source is None:
        return None
    fmt = input_format(source, in_fmt)
    return LineInput(source, fmt, text_col, id_col) if fmt in LINE_FORMATS else None


# the end of a file name: a dot and 1-10 letters or digits (".csv", ".jsonl", ".gz")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")


def _looks_like_path(arg: str) -> bool:
    """Whether a TEXT argument reads as a file path: a path separator or a file extension."""
    if "\n" in arg or "\r" in arg:
        return False
    seps = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(sep in arg for sep in seps) or bool(_EXTENSION.search(arg))


def _check_text_args(texts: Sequence[str], text_is_text: bool) -> None:
    """Refuse a TEXT argument that names an existing file (the ``-i`` forgotten)."""
    if text_is_text:
        return
    for arg in texts:
        if arg != "-" and _looks_like_path(arg) and is_regular_file(arg):
            raise InputError(
                f"{arg!r} is a file: did you mean --input {shlex.quote(arg)}? "
                "(pass --text-is-text to analyze the argument itself as a text)"
            )


def load_analyzer(lang: str | None, model: Path | None, labels: str = "three") -> AnalyzerLike:
    """:func:`sentikit.api.load` (imported here so that ``--help`` stays fast)."""
    import sentikit.api

    analyzer: AnalyzerLike = sentikit.api.load(lang, model=model, labels=labels)
    return analyzer


def _writer_options(out_fmt: str, explain: bool) -> dict[str, Any]:
    """Options of the writer of ``out_fmt``: with ``--explain``, the flat formats (csv,
    table) add the explanation's top words as columns (json and jsonl carry it whole)."""
    return {"explain": True} if explain and out_fmt in ("csv", "table") else {}


def _default_format(output: Path | None) -> str:
    if output is not None and str(output) != "-":
        return output_format_for(output) or "jsonl"
    isatty = getattr(sys.stdout, "isatty", None)
    return "table" if isatty is not None and isatty() else "jsonl"


def analyze_command(
    texts: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TEXT",
            help="Texts to analyze, one record each; '-' reads records from stdin "
            "(a line each, or --input-format).",
            show_default=False,
        ),
    ] = None,
    input_path: Annotated[
        Path | None,
        typer.Option(
            "--input",
            "-i",
            help="Read records from FILE: .txt (a line each, blank lines included), .csv/.tsv "
            "(header row; --text-col), .jsonl (an object or string a line), .json (an array); "
            "'-' is stdin.",
            show_default=False,
        ),
    ] = None,
    input_format_: Annotated[
        InFormat | None,
        typer.Option(
            "--input-format",
            help="Input format (default: from the file extension; txt for stdin).",
            show_default=False,
        ),
    ] = None,
    text_col: Annotated[
        str | None,
        typer.Option(
            "--text-col",
            help="Text column (CSV/TSV) or field (JSON) of --input or stdin (default: text).",
            show_default=False,
        ),
    ] = None,
    id_col: Annotated[
        str | None,
        typer.Option(
            "--id-col",
            help="Id column / field of --input or stdin (default: the record number; for "
            "JSON the 'id' field when present).",
            show_default=False,
        ),
    ] = None,
    text_is_text: Annotated[
        bool,
        typer.Option(
            "--text-is-text",
            help="Analyze every TEXT argument as a text, even one that names an existing "
            "file (without it, such an argument is an error: use --input FILE to read a "
            "file).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write results to FILE (written only when the run succeeds; an existing "
            "file only with --overwrite); default stdout.",
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Replace an existing --output file."),
    ] = False,
    fmt: Annotated[
        OutFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (html: one self-contained page, each word shaded by its "
            "contribution with --explain). Default: from the --output extension "
            "(.json/.jsonl/.csv/.html), else 'table' when stdout is a terminal, else 'jsonl'.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", help="Language; 'auto' detects it per text.")
    ] = Lang.auto,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Explain each decision: json/jsonl carry the tokens' contributions and the "
            "decomposition of the decision ('explanation'); csv and table add the words that "
            "pushed it most each way (top_positive, top_negative); html shades each word "
            "(Turkish: each morpheme) by its contribution.",
        ),
    ] = False,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress",
            help="Deprecated, changes nothing: a progress bar is shown whenever stderr is a "
            "terminal (-q hides it).",
        ),
    ] = False,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Records per batch.")
    ] = DEFAULT_BATCH_SIZE,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model",
            "-m",
            help="A model bundle folder (see 'sentikit train').",
            show_default=False,
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler, "
            "else a LocalCluster of --jobs worker processes; extra sentikit[dask]).",
        ),
    ] = Engine.local,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes, each loading the model once (default: 1 with --engine "
            "local, the cores with --engine dask). The output is the same, in the same order.",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of a running Dask scheduler (tcp://host:8786) for --engine dask.",
            show_default=False,
        ),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(
            "--partitions",
            min=1,
            help="Cut a .txt/.jsonl --input into N partitions for the workers (default: "
            "partitions of --batch-size records).",
            show_default=False,
        ),
    ] = None,
    labels: Annotated[
        Labels,
        typer.Option(
            "--labels",
            help="three: positive / neutral / negative; binary: the more probable of "
            "positive and negative.",
        ),
    ] = Labels.three,
    aspects: Annotated[
        bool,
        typer.Option(
            "--aspects",
            help="Fill 'aspects' (json/jsonl): aspect terms and categories with their "
            "polarity (English and Turkish; extras aspects and en).",
        ),
    ] = False,
) -> None:
    """Analyze the sentiment of texts: one result per input record, in input order.

    A record that cannot be analyzed (a JSONL line that is not JSON, a CSV row with missing
    fields ...) yields an error record {"id": ..., "error": "record N: ..."} and the run goes
    on; unreadable input (missing file or column, invalid UTF-8) stops it with exit status 1.

    A TEXT argument that names an existing file (with a '/' or an extension, like
    reviews.csv) is an error, as a forgotten -i; --text-is-text analyzes it as a text. An
    existing --output file is replaced only with --overwrite.

    \b
    Examples:
      sentikit analyze "Filmi hiç beğenmedim ama müzikleri güzeldi."
      cat reviews.txt | sentikit analyze - --lang tr -f csv
      sentikit analyze -i reviews.csv --text-col review -o results.jsonl
      sentikit analyze -i reviews.csv -o results.jsonl --overwrite
    """
    texts = list(texts or [])
    in_fmt = input_format_.value if input_format_ is not None else None
    if input_path is not None and texts:
        raise InputError("give TEXT arguments or --input, not both")
    if input_path is None and not texts:
        raise InputError("nothing to analyze: give TEXT arguments, '-' for stdin, or --input FILE")
    if input_path is None:
        _check_text_args(texts, text_is_text)
        if "-" not in texts:
            given = [
                n for n, v in (("--text-col", text_col), ("--id-col", id_col)) if v is not None
            ]
            if given:
                raise InputError(
                    f"{' and '.join(given)} {'applies' if len(given) == 1 else 'apply'} to "
                    "--input or '-' (stdin) only, not to TEXT arguments"
                )
    # before reading any input or loading the model
    refuse_overwrite(output, overwrite)
    parallel = plan_engine(engine, jobs, scheduler, partitions)
    if text_col is None:
        text_col = "text"
    out_fmt = fmt.value if fmt is not None else _default_format(output)

    total: int | None
    lines = _line_input(parallel, input_path, texts, in_fmt, text_col, id_col)
    reader: RecordReader | LineInput | None = lines
    records: Iterator[Record] = iter(())
    if lines is not None:  # read by the workers
        total = count_lines(input_path) if input_path is not None else None
    elif input_path is not None:
        reader = read_records(input_path, in_fmt, text_col=text_col, id_col=id_col)
        records = iter(reader)
        is_lines = input_format(input_path, in_fmt) in ("txt", "jsonl")
        total = count_lines(input_path) if is_lines else None
    else:
        if in_fmt is not None and "-" not in texts:
            raise InputError("--input-format applies to '-' (stdin) or --input only")
        records = _arg_records(texts, in_fmt, text_col, id_col)
        total = None if "-" in texts else len(texts)

    try:
        # Read the first chunk before loading the model: a bad header, a missing column or
        # invalid UTF-8 at the top is reported at once.
        first = list(islice(records, min(batch_size, FIRST_BATCH)))
        analyzer: AnalyzerLike | None = (
            load_analyzer(None if lang is Lang.auto else lang.value, model, labels.value)
            if first and parallel is None
            else None
        )
        if aspects and analyzer is not None:
            from sentikit.pipeline.aspects import AspectAnalyzer

            analyzer = AspectAnalyzer(analyzer)
        bar = records_bar(total, progress, input_path is not None or "-" in texts, output)
        with open_output(output) as stream:
            writer = make_writer(out_fmt, stream, **_writer_options(out_fmt, explain))
            with writer:
                stats: AnalysisStats | RunStats | None = (
                    run_analysis(chain(first, records), analyzer, writer, batch_size, explain, bar)
                    if analyzer is not None
                    else None
                )
                if parallel is not None and (first or lines):  # the model loads in each worker
                    spec = AnalyzerSpec.of(lang.value, model, labels.value, batch_size, aspects)
                    task = PartTask(spec, explain, _analyze_chunk)
                    source = lines or chain(first, records)
                    stats = run_parallel(parallel, source, writer, task, total, bar)
        bar.close()
    finally:
        if reader is not None:
            reader.close()
    if stats is not None:
        log.info("%d records in %.1f s", stats.records, stats.seconds)
        if stats.errors:
            log.warning(
                "%d of %d records could not be analyzed (see their 'error' field)",
                stats.errors,
                stats.records,
            )
