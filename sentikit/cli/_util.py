"""Shared plumbing of the command line: messages, logging, progress and output files.

Data goes to stdout; everything else (log lines, warnings, progress, error messages) goes to
stderr, looked up at write time so that test runners that swap ``sys.stderr`` see it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, Protocol

import typer
from tqdm import tqdm

from sentikit.errors import InputError
from sentikit.io._files import Terminated, atomic_output, is_regular_file

PROG = "sentikit"
LOGGER = logging.getLogger("sentikit")
#: Log level of progress notes: shown by default, hidden by ``--quiet``.
NOTE = 25
logging.addLevelName(NOTE, "NOTE")


def one_line(text: object) -> str:
    """``text`` as a single line (line breaks and runs of blanks become one space)."""
    return " ".join(str(text).split())


def err(message: str) -> None:
    """Write ``message`` and a line break to stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def error_line(message: object) -> str:
    """The one-line error message printed before a non-zero exit."""
    return f"{PROG}: error: {one_line(message)}"


class _Formatter(logging.Formatter):
    """``sentikit: message`` for notes and info, ``sentikit: warning: message`` above."""

    def format(self, record: logging.LogRecord) -> str:
        msg = one_line(record.getMessage())
        if record.levelno >= logging.WARNING:
            return f"{PROG}: {record.levelname.lower()}: {msg}"
        return f"{PROG}: {msg}"


def note(message: str, *args: object) -> None:
    """Log a progress note (shown unless ``--quiet``)."""
    LOGGER.log(NOTE, message, *args)


class _StderrHandler(logging.Handler):
    """Writes log records to the *current* ``sys.stderr``, above any progress bar drawn there
    (``tqdm.write`` clears the bars, writes the line and redraws them)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tqdm.write(self.format(record), file=sys.stderr)
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


def log_level(verbose: int = 0, quiet: bool = False) -> int:
    """The ``sentikit`` logger's level: notes, warnings and errors by default; ``-v`` adds
    info, ``-vv`` debug; ``-q`` leaves warnings and errors only (and wins over ``-v``)."""
    if quiet:
        return logging.WARNING
    return {0: NOTE, 1: logging.INFO}.get(max(0, min(verbose, 2)), logging.DEBUG)


#: ``ctx.meta`` keys: the ``-v``/``-q`` values given at each command level; whether the
#: command's logging is set up (sub-command options then set the level at once).
_GIVEN, _SET_UP = "sentikit.verbosity", "sentikit.logging"


def _given_level(ctx: typer.Context) -> int:
    given: dict[tuple[str, str], Any] = ctx.meta.get(_GIVEN, {})
    verbose = sum(int(v or 0) for (_, name), v in given.items() if name == "verbose")
    quiet = any(bool(v) for (_, name), v in given.items() if name == "quiet")
    return log_level(verbose, quiet)


def _verbosity_callback(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """Record ``-v``/``-q`` of one command level; the level counts every level's options."""
    ctx.meta.setdefault(_GIVEN, {})[(ctx.command_path, str(param.name))] = value
    if ctx.meta.get(_SET_UP):
        LOGGER.setLevel(_given_level(ctx))
    return value


#: ``--verbose``/``-v`` and ``--quiet``/``-q``: the root command has them and
#: ``sentikit.cli.main`` adds them to every sub-command, with one meaning everywhere.
VerboseOption = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        callback=_verbosity_callback,
        help="More log lines on stderr: -v info, -vv debug.",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        callback=_verbosity_callback,
        help="Only warnings and errors on stderr: no notes, no progress bar.",
    ),
]


def setup_logging(ctx: typer.Context) -> Callable[[], None]:
    """Send the ``sentikit`` logger to stderr at the level of the ``-v``/``-q`` options given
    so far (:func:`log_level`); options of the sub-command, parsed later, adjust it.

    Returns a function that restores the logger as it was (the CLI calls it when the command
    ends, so that running the CLI in-process, e.g. in tests, leaves logging untouched).
    """
    old_level, old_propagate = LOGGER.level, LOGGER.propagate
    handler = _StderrHandler()
    handler.setFormatter(_Formatter())
    LOGGER.addHandler(handler)
    LOGGER.propagate = False
    LOGGER.setLevel(_given_level(ctx))
    ctx.meta[_SET_UP] = True

    def restore() -> None:
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(old_level)
        LOGGER.propagate = old_propagate
        ctx.meta.pop(_SET_UP, None)

    return restore


class Progress(Protocol):
    """What counts progress: a :func:`progress_bar` (``update(n)`` after ``n`` more items)."""

    def update(self, n: int = 1) -> object: ...

    def close(self) -> object: ...


def progress_shown() -> bool:
    """Whether progress bars are drawn: stderr is a terminal and notes are logged (not
    ``--quiet``). When stderr is a file or a pipe nothing progress-like is written."""
    try:
        tty = bool(sys.stderr.isatty())
    except (AttributeError, ValueError, OSError):
        tty = False
    return tty and LOGGER.isEnabledFor(NOTE)


def output_on_terminal(path: str | Path | None) -> bool:
    """Whether results written to ``path`` (``None`` or ``-``: stdout) land on a terminal,
    where they show the progress themselves (a bar would be torn by them)."""
    if path is not None and str(path) != "-":
        return False
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError, OSError):
        return False


#: tqdm's formats with the rate always as ``N unit/s`` (tqdm's own turns a slow one into
#: ``s/unit``): a bar when the total is known, a count when it is not.
_BAR_FORMAT = (
    "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
    "[{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]"
)
_COUNT_FORMAT = "{desc}: {n_fmt}{unit} [{elapsed}, {rate_noinv_fmt}{postfix}]"


def progress_bar(total: int | None = None, unit: str = "records", enabled: bool = True) -> Any:
    """A :class:`tqdm.tqdm` bar on stderr counting ``unit``: the count, the rate and, when
    ``total`` is known, the percentage and the ETA. Disabled (every method a no-op) unless
    ``enabled`` and :func:`progress_shown`. Use it as a context manager or ``close()`` it."""
    from tqdm import tqdm

    try:  # a terminal that reports no size (a bare pty) gets 80×24, not a hidden bar
        sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (AttributeError, ValueError, OSError):
        sized = False
    return tqdm(
        total=total,
        unit=f" {unit}",
        desc=PROG,
        bar_format=_BAR_FORMAT if total is not None else _COUNT_FORMAT,
        file=sys.stderr,
        disable=not (enabled and progress_shown()),
        dynamic_ncols=sized,
        ncols=None if sized else 80,
        nrows=None if sized else 24,
        mininterval=0.2,
        smoothing=0.1,
    )


def deprecated_progress_flag(given: bool) -> None:
    """Warn that ``--progress`` (of ``sentikit analyze``) changes nothing any more, when
    ``given``: the bar is drawn whenever stderr is a terminal (:func:`progress_shown`)."""
    if given:
        LOGGER.warning(
            "--progress is deprecated and changes nothing: a progress bar is shown whenever "
            "stderr is a terminal (-q hides it); drop the flag"
        )


def record_total(paths: list[Path], fmt: str | None = None) -> int | None:
    """The records of ``paths`` when cheap to count (a line each: ``.txt``, ``.jsonl``
    uncompressed; :func:`~sentikit.io.records.count_lines`), else ``None``: a bar total."""
    from sentikit.io.records import count_lines, input_format

    total = 0
    for path in paths:
        n = count_lines(path) if input_format(path, fmt) in ("txt", "jsonl") else None
        if n is None:
            return None
        total += n
    return total


def records_bar(
    total: int | None, progress_flag: bool, from_input: bool, output: str | Path | None
) -> Any:
    """The bar of ``sentikit analyze``: records read from ``--input`` or stdin
    (``from_input``; TEXT arguments are a quick look, no bar), not drawn when the results go
    to the terminal themselves (:func:`output_on_terminal`). ``progress_flag`` is the
    deprecated ``--progress`` (:func:`deprecated_progress_flag`)."""
    deprecated_progress_flag(progress_flag)
    return progress_bar(total, enabled=from_input and not output_on_terminal(output))


class StepBar:
    """A ``progress`` callback for the library's long runs (training, evaluation, embeddings):
    logs each message at ``level`` and, for a :class:`sentikit.progress.Step`, moves a
    :func:`progress_bar` of its unit to ``done`` of ``total`` (a new unit starts a new bar).

    Parameters
    ----------
    level : int
        Log level of the messages (:data:`NOTE`: shown unless ``--quiet``; ``logging.INFO``:
        with ``-v``).
    enabled : bool
        Whether a bar may be drawn at all (it is only on a terminal, see
        :func:`progress_shown`).
    """

    def __init__(self, level: int = NOTE, enabled: bool = True) -> None:
        self.level, self.enabled = level, enabled
        self.bar: Any = None
        self.unit: str | None = None
        self.done = 0

    def __call__(self, message: str) -> None:
        """Log ``message``; move the bar when it is a ``Step``."""
        LOGGER.log(self.level, "%s", message)
        done = getattr(message, "done", None)
        if done is None:
            return
        unit, total = getattr(message, "unit", "stages"), getattr(message, "total", None)
        if self.bar is None or unit != self.unit:
            self.close()
            self.bar, self.unit, self.done = progress_bar(total, unit, self.enabled), unit, 0
        elif total != self.bar.total:
            self.bar.total = total
        self.bar.update(max(0, done - self.done))
        self.done = max(self.done, done)

    def close(self) -> None:
        """Close the bar (it stays on the terminal as its last state; leaving the ``with``
        block without an error first fills it: the run is over)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> StepBar:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None and self.bar is not None and self.bar.total:
            self.bar.update(max(0, self.bar.total - self.done))  # the run is over: all done
        self.close()


def ensure_utf8_stdout() -> None:
    """Make ``sys.stdout`` write UTF-8 (results are UTF-8 whatever the locale says)."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") and hasattr(sys.stdout, "reconfigure"):
        with suppress(Exception):
            sys.stdout.reconfigure(encoding="utf-8")


@contextmanager
def open_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A text stream for ``path`` (``None`` or ``"-"``: stdout).

    A file is written through :func:`sentikit.io._files.atomic_output`: to a temporary file
    created exclusively beside it and moved into place only when the block ends without an
    error, so a failed or interrupted run (an error, Ctrl-C, SIGTERM) never leaves a
    half-written or clobbered output nor a temporary file (which also makes ``--output``
    equal to ``--input`` safe). Errors name ``path``.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        with atomic_output(path) as fh:
            yield fh
    except Terminated as exc:
        err(error_line(exc))
        raise


def refuse_overwrite(path: str | Path | None, overwrite: bool) -> None:
    """Raise :class:`InputError` when ``path`` is an existing regular file and ``overwrite`` is
    false. ``None``, ``-`` (stdout), devices and pipes (``/dev/null``, a FIFO) and paths that
    do not exist pass; call it before any costly work (reading input, loading a model).
    """
    if overwrite or path is None or str(path) == "-":
        return
    if is_regular_file(path):
        raise InputError(f"output file {str(path)!r} exists; pass --overwrite to replace it")


def write_text_file(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through :func:`open_output` (atomic replace; ``-`` is
    stdout)."""
    with open_output(path) as fh:
        fh.write(text)


class CorpusLang(StrEnum):
    """``--lang`` values of the commands that read a corpus (train, lexicon, embed)."""

    tr = "tr"
    en = "en"


#: Options of the commands that read a labelled file (``train``, ``evaluate``).
TextColOption = Annotated[
    str, typer.Option("--text-col", help="Text column of the labelled --data file.")
]
LabelColOption = Annotated[
    str, typer.Option("--label-col", help="Label column of the labelled --data file.")
]
RawLabelsOption = Annotated[
    bool, typer.Option("--raw-labels", help="Keep file labels as they are (no mapping).")
]
